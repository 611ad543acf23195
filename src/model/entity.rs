//! The things the graph relates.

use crate::model::edtf::Edtf;
use crate::model::id::Id;
use crate::model::iso3166::Iso3166;
use crate::model::kind::EntityKind;
use crate::model::predicate::Temporal;
use crate::model::relation::Evidence;

/// A state, organisation, programme, person, office, agreement, event or place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entity {
    /// Stable id.
    pub id: Id,
    /// What it is.
    pub kind: EntityKind,
    /// Its usual English name.
    pub label: String,
    /// Other names and spellings the sources use.
    pub aliases: Vec<String>,
    /// One line in the curators' words.
    pub description: String,
    /// External identifiers (IRIs), e.g. Wikidata items.
    pub same_as: Vec<String>,
    /// The entity's own date, with the source that gives it (see [`EntityDate`]).
    pub date: Option<EntityDate>,
    /// A state's ISO 3166 codes.
    pub iso_3166: Option<Iso3166>,
}

/// An entity's own date and the evidence for it. What the date means depends on the kind: an
/// agreement's adoption or signature, an event's time (or its start), an organisation's or a
/// programme's founding or the span it existed (graph-data/README.md lists them).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntityDate {
    /// The date, in EDTF.
    #[serde(serialize_with = "crate::model::serialize_display")]
    pub date: Edtf,
    /// The source and its verbatim words; `line` is the line of `entities.csv`.
    pub evidence: Evidence,
}

impl Entity {
    /// The label followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The label with the entity's own date, as diagrams show it: `UN Security Council
    /// Resolution 1386 (2001)`. A label that already names the date's year (`2006 Belarusian
    /// presidential election`) is left as it is.
    ///
    /// ```
    /// let graph = diplograph::Graph::embedded().unwrap();
    /// let r = graph.entity("unsc-resolution-1386").unwrap();
    /// assert_eq!(r.dated_label(), "UN Security Council Resolution 1386 (2001)");
    /// let act = graph.entity("belarus-democracy-act-of-2004").unwrap();
    /// assert_eq!(act.dated_label(), act.label);
    /// assert_eq!(graph.entity("belarus").unwrap().dated_label(), "Belarus");
    /// ```
    pub fn dated_label(&self) -> String {
        match &self.date {
            Some(d) => {
                let human = d.date.human();
                let text = d.date.to_string();
                let year = text
                    .trim_start_matches(|c: char| !c.is_ascii_digit())
                    .get(..4)
                    .unwrap_or("");
                if !year.is_empty() && self.label.contains(year) {
                    self.label.clone()
                } else {
                    format!("{} ({human})", self.label)
                }
            }
            None => self.label.clone(),
        }
    }
}

impl EntityDate {
    /// Whether the date is a moment or a span: a single date (an agreement's adoption, an
    /// event's time, a founding) is an [`Event`](Temporal::Event); an interval (an organisation
    /// that existed `1997/..`) a [`State`](Temporal::State). Time filters weigh it as they weigh a
    /// relation of that temporal kind.
    ///
    /// ```
    /// use diplograph::Temporal;
    /// let graph = diplograph::Graph::embedded().unwrap();
    /// let date = |id: &str| graph.entity(id).unwrap().date.clone().unwrap();
    /// assert_eq!(date("unsc-resolution-1386").temporal(), Temporal::Event);
    /// assert_eq!(date("euro-atlantic-partnership-council").temporal(), Temporal::State);
    /// ```
    pub fn temporal(&self) -> Temporal {
        match self.date {
            Edtf::Single(_) => Temporal::Event,
            Edtf::Interval { .. } => Temporal::State,
        }
    }
}

impl Entity {
    /// What the entity's own date means, given its kind (graph-data/README.md): an agreement
    /// `adopted, signed or concluded`, an event `happened or began`, an organisation `founded or
    /// opened` (or `existed`, for a span), a programme `adopted or granted`; `None` without a
    /// date.
    ///
    /// ```
    /// let graph = diplograph::Graph::embedded().unwrap();
    /// let r = graph.entity("unsc-resolution-1386").unwrap();
    /// assert_eq!(r.date_meaning(), Some("adopted, signed or concluded"));
    /// assert_eq!(graph.entity("belarus").unwrap().date_meaning(), None);
    /// ```
    pub fn date_meaning(&self) -> Option<&'static str> {
        let date = self.date.as_ref()?;
        Some(match (self.kind, date.temporal()) {
            (EntityKind::Agreement, _) => "adopted, signed or concluded",
            (EntityKind::Event, _) => "happened or began",
            (EntityKind::Organization, Temporal::Event) => "founded or opened",
            (EntityKind::Organization, Temporal::State) => "existed",
            (EntityKind::Programme, _) => "adopted or granted",
            _ => "dated",
        })
    }
}

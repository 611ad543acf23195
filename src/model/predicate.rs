//! Relation types: the vocabulary of the graph.

use std::fmt;
use std::str::FromStr;

use crate::model::id::Id;
use crate::model::kind::EntityKind;

/// Whether a predicate happens at a time or holds over an interval.
///
/// A single date on a `state` relation (membership, office) is when it began, its end unknown;
/// on an `event` relation (signed, condemned) it is when the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Temporal {
    /// Happens at a time.
    Event,
    /// Holds over an interval.
    State,
}

impl Temporal {
    /// The name as written in `predicates.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Temporal::Event => "event",
            Temporal::State => "state",
        }
    }
}

impl FromStr for Temporal {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "event" => Ok(Temporal::Event),
            "state" => Ok(Temporal::State),
            _ => Err(format!("unknown temporal '{s}'; choose from: event, state")),
        }
    }
}

impl fmt::Display for Temporal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// A relation type, such as `member_of`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Predicate {
    /// Stable id.
    pub id: Id,
    /// Label read from subject to object: "member of".
    pub label: String,
    /// Label read from object to subject: "has member".
    pub inverse_label: String,
    /// What the predicate means.
    pub description: String,
    /// Whether `a p b` is the same fact as `b p a`; such relations are stored once.
    pub symmetric: bool,
    /// Kinds allowed as subject.
    pub domain: Vec<EntityKind>,
    /// Kinds allowed as object.
    pub range: Vec<EntityKind>,
    /// Event or state.
    pub temporal: Temporal,
    /// External property IRIs this predicate corresponds to (e.g. Wikidata's P463).
    pub same_as: Vec<String>,
    /// For a negative predicate (`not_concluded`), the predicate it denies (`concluded`): a
    /// claim with it says the other's relation did *not* happen or hold. Claims of both about
    /// one statement disagree in polarity.
    pub negates: Option<Id>,
}

impl Predicate {
    /// The label for the direction of travel: forward reads `label`, backward `inverse_label`.
    pub fn label_for(&self, forward: bool) -> &str {
        if forward || self.symmetric {
            &self.label
        } else {
            &self.inverse_label
        }
    }
}

//! Filters shared by every query and export: predicates, kinds, sources, time.

use crate::model::handle::{EdgeId, NodeId};

use super::time::{Certainty, TimeFilter};
use crate::model::edtf::Day;
use crate::model::entity::Entity;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::Temporal;
use crate::model::relation::Relation;

/// Which relations and entities a query may use.
///
/// The default admits everything. Build one with the `with_*` methods:
///
/// ```
/// use diplograph::{Filter, Graph};
/// let graph = Graph::embedded().unwrap();
/// let filter = Filter::default().at("2005".parse().unwrap()).certain(true);
/// let kept = graph.relations().filter(|r| filter.admits(&graph, r).is_some()).count();
/// assert!(kept <= graph.relations().count());
/// ```
#[derive(Debug, Clone)]
pub struct Filter {
    /// Follow only these predicates (empty: all).
    pub predicates: Vec<Id>,
    /// Never follow these predicates.
    pub exclude_predicates: Vec<Id>,
    /// Entities of only these kinds may appear (empty: all).
    pub kinds: Vec<EntityKind>,
    /// Trust only these sources: a relation is kept if one of them states it (empty: all).
    pub sources: Vec<Id>,
    /// A date or window the relations must hold at or overlap.
    pub time: Option<TimeFilter>,
    /// Keep only relations that pass definitely (drops possible and undated ones).
    pub certain: bool,
    /// Drop undated relations (with or without a time filter).
    pub dated_only: bool,
    /// Under a time filter, keep undated relations too, as [`Certainty::Undated`] (default: a
    /// time filter leaves them out, since nothing says they held then). Without a time filter
    /// undated relations are always kept (unless [`dated_only`](Filter::dated_only)).
    pub undated: bool,
    /// Keep only relations whose predicate is of this kind: events (signed, condemned,
    /// visited) or states (memberships, offices) (`None`: both).
    pub temporal: Option<Temporal>,
    /// "Today", for open ends (`2011/..` holds up to today).
    pub today: Day,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            predicates: Vec::new(),
            exclude_predicates: Vec::new(),
            kinds: Vec::new(),
            sources: Vec::new(),
            time: None,
            certain: false,
            dated_only: false,
            undated: false,
            temporal: None,
            today: Day::today(),
        }
    }
}

impl Filter {
    /// Keeps relations that hold at `date`.
    #[must_use]
    pub fn at(mut self, date: crate::model::edtf::Edtf) -> Self {
        self.time = Some(TimeFilter::At(date));
        self
    }

    /// Keeps relations that overlap the window `from..until` (either may be `None`).
    #[must_use]
    pub fn between(mut self, from: Option<crate::model::edtf::Edtf>, until: Option<crate::model::edtf::Edtf>) -> Self {
        self.time = if from.is_none() && until.is_none() {
            None
        } else {
            Some(TimeFilter::Window { from, until })
        };
        self
    }

    /// Keeps only definite results.
    #[must_use]
    pub fn certain(mut self, yes: bool) -> Self {
        self.certain = yes;
        self
    }

    /// Drops undated relations.
    #[must_use]
    pub fn dated_only(mut self, yes: bool) -> Self {
        self.dated_only = yes;
        self
    }

    /// Under a time filter, keeps undated relations too (marked [`Certainty::Undated`]).
    ///
    /// ```
    /// use diplograph::{Certainty, Filter, Graph};
    /// let graph = Graph::embedded().unwrap();
    /// let undated = graph.relations().find(|r| r.date.is_none()).unwrap();
    /// let at_2005 = Filter::default().at("2005".parse().unwrap());
    /// assert_eq!(at_2005.admits(&graph, undated), None);
    /// assert_eq!(at_2005.undated(true).admits(&graph, undated), Some(Certainty::Undated));
    /// ```
    #[must_use]
    pub fn undated(mut self, yes: bool) -> Self {
        self.undated = yes;
        self
    }

    /// Keeps only relations whose predicate is an event, or only those that are a state.
    ///
    /// ```
    /// use diplograph::{Filter, Graph, Temporal};
    /// let graph = Graph::embedded().unwrap();
    /// let events = Filter::default().temporal(Temporal::Event);
    /// assert!(graph
    ///     .relations()
    ///     .filter(|r| events.admits(&graph, r).is_some())
    ///     .all(|r| graph.predicate_of(r).temporal == Temporal::Event));
    /// ```
    #[must_use]
    pub fn temporal(mut self, temporal: Temporal) -> Self {
        self.temporal = Some(temporal);
        self
    }

    /// Follows only this predicate (call again to add more).
    #[must_use]
    pub fn predicate(mut self, id: Id) -> Self {
        self.predicates.push(id);
        self
    }

    /// Never follows this predicate.
    #[must_use]
    pub fn exclude_predicate(mut self, id: Id) -> Self {
        self.exclude_predicates.push(id);
        self
    }

    /// Allows entities of this kind (call again to add more; none given: all kinds).
    #[must_use]
    pub fn kind(mut self, kind: EntityKind) -> Self {
        self.kinds.push(kind);
        self
    }

    /// Trusts this source (call again to add more; none given: all sources).
    #[must_use]
    pub fn source(mut self, id: Id) -> Self {
        self.sources.push(id);
        self
    }

    /// Whether an entity may appear.
    pub fn admits_entity(&self, entity: &Entity) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&entity.kind)
    }

    /// Whether a relation may be used, and how surely it passes the time filter; `None` if not.
    ///
    /// This is the one place where a relation is weighed against time (see [`Certainty`]):
    /// - without a time filter a dated relation is `Definite` and an undated one `Undated`;
    /// - under a time filter a dated relation is `Definite`, `Possible` or left out, as
    ///   [`TimeFilter::classify`] says; an undated one is left out unless
    ///   [`undated`](Filter::undated) keeps it (as `Undated`);
    /// - [`certain`](Filter::certain) keeps only `Definite`, [`dated_only`](Filter::dated_only)
    ///   drops `Undated`.
    pub fn admits(&self, graph: &Graph, relation: &Relation) -> Option<Certainty> {
        if !self.predicates.is_empty() && !self.predicates.contains(&relation.predicate) {
            return None;
        }
        if self.exclude_predicates.contains(&relation.predicate) {
            return None;
        }
        if self
            .temporal
            .is_some_and(|t| graph.predicate_of(relation).temporal != t)
        {
            return None;
        }
        if !self.sources.is_empty() && !relation.evidence.iter().any(|e| self.sources.contains(&e.source)) {
            return None;
        }
        self.admits_date(relation.date.as_ref(), graph.predicate_of(relation).temporal)
    }

    /// How surely a date (`None`: undated) passes the time filter and the certainty flags, read
    /// as a moment or a span as `temporal` says; `None` if it does not. The time part of
    /// [`admits`](Filter::admits), shared with [`admits_entity_date`](Filter::admits_entity_date)
    /// so relations and entities' own dates are weighed by one rule.
    ///
    /// ```
    /// use diplograph::{Certainty, Filter, Temporal};
    /// let at_2005 = Filter::default().at("2005".parse().unwrap());
    /// let date = |d: &str| d.parse::<diplograph::Edtf>().unwrap();
    /// assert_eq!(at_2005.admits_date(Some(&date("2005-03")), Temporal::Event), Some(Certainty::Definite));
    /// assert_eq!(at_2005.admits_date(Some(&date("1995")), Temporal::State), Some(Certainty::Possible));
    /// assert_eq!(at_2005.admits_date(Some(&date("1995")), Temporal::Event), None);
    /// assert_eq!(at_2005.admits_date(None, Temporal::Event), None);
    /// assert_eq!(at_2005.certain(true).admits_date(Some(&date("1995")), Temporal::State), None);
    /// ```
    pub fn admits_date(&self, date: Option<&crate::model::edtf::Edtf>, temporal: Temporal) -> Option<Certainty> {
        let certainty = match (&self.time, date) {
            (Some(_), None) if !self.undated => return None,
            (_, None) => Certainty::Undated,
            (None, Some(_)) => Certainty::Definite,
            (Some(t), Some(d)) => t.classify(&Relation::span_of(d, temporal), self.today)?,
        };
        match certainty {
            Certainty::Undated if self.dated_only || self.certain => None,
            Certainty::Possible if self.certain => None,
            c => Some(c),
        }
    }

    /// Whether an entity's own date (see [`EntityDate`](crate::model::entity::EntityDate)) may
    /// be shown as an entry of a timeline, and how surely it passes the time filter; `None` if
    /// not, or if the entity has no date. The date is weighed like a relation's
    /// ([`admits_date`](Filter::admits_date)): a single date as an event, a span as a state. A
    /// filter that follows only some predicates (`--predicate`) admits no entity date (they have
    /// none); `--events` admits single dates only, `--source` the dates its sources give, `--kind`
    /// the entities of its kinds.
    ///
    /// ```
    /// use diplograph::{Certainty, Filter, Graph};
    /// let graph = Graph::embedded().unwrap();
    /// let resolution = graph.entity("unsc-resolution-1386").unwrap(); // 2001
    /// assert_eq!(Filter::default().admits_entity_date(resolution), Some(Certainty::Definite));
    /// let at = |d: &str| Filter::default().at(d.parse().unwrap());
    /// assert_eq!(at("2001").admits_entity_date(resolution), Some(Certainty::Definite));
    /// assert_eq!(at("2001-12").admits_entity_date(resolution), Some(Certainty::Possible));
    /// assert_eq!(at("2005").admits_entity_date(resolution), None);
    /// assert_eq!(Filter::default().admits_entity_date(graph.entity("belarus").unwrap()), None);
    /// ```
    pub fn admits_entity_date(&self, entity: &Entity) -> Option<Certainty> {
        let date = entity.date.as_ref()?;
        if !self.predicates.is_empty() || !self.admits_entity(entity) {
            return None;
        }
        if self.temporal.is_some_and(|t| date.temporal() != t) {
            return None;
        }
        if !self.sources.is_empty() && !self.sources.contains(&date.evidence.source) {
            return None;
        }
        self.admits_date(Some(&date.date), date.temporal())
    }

    /// Whether the time filter leaves undated relations out by default here: there is a time
    /// filter, and neither [`undated`](Filter::undated) nor [`certain`](Filter::certain) /
    /// [`dated_only`](Filter::dated_only) (which drop them anyway) is set. Outputs then say how
    /// many were left out and how to include them.
    pub fn leaves_out_undated(&self) -> bool {
        self.time.is_some() && !self.undated && !self.certain && !self.dated_only
    }

    /// Whether the edge may be used: its relation passes and both ends are admitted entities.
    pub fn admits_edge(&self, graph: &Graph, edge: EdgeId) -> Option<Certainty> {
        let g = graph;
        let (a, b) = g.endpoints(edge)?;
        if !self.admits_node(graph, a) || !self.admits_node(graph, b) {
            return None;
        }
        self.admits(graph, &g[edge])
    }

    /// Whether the filter admits every entity and relation of any graph (as the default does).
    ///
    /// ```
    /// use diplograph::Filter;
    /// assert!(Filter::default().admits_everything());
    /// assert!(!Filter::default().certain(true).admits_everything());
    /// ```
    pub fn admits_everything(&self) -> bool {
        self.predicates.is_empty()
            && self.exclude_predicates.is_empty()
            && self.kinds.is_empty()
            && self.sources.is_empty()
            && self.time.is_none()
            && !self.certain
            && !self.dated_only
            && self.temporal.is_none()
    }

    /// Whether the entity at a node may appear.
    pub fn admits_node(&self, graph: &Graph, node: NodeId) -> bool {
        self.admits_entity(graph.entity_at(node))
    }
}

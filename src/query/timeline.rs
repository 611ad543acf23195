//! Timelines: dated relations in chronological order.

use std::fmt;

use crate::model::handle::{EdgeId, NodeId};

use super::adjacency::Adjacency;
use super::direction::Direction;
use super::filter::Filter;
use super::report::{EntityRef, HopReport, RelationLine, RelationReport};
use super::time::Certainty;
use crate::model::edtf::{Day, Edtf};
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::relation::Evidence;

/// A question about what happened when; made by [`Graph::timeline`].
///
/// The dated relations of the whole graph, of one entity, or between two entities, that pass
/// the filter, in chronological order. A time filter means what it means everywhere
/// ([`Filter::admits`]): the relations that hold at the date, or overlap the window, definitely
/// or possibly. Undated relations have no place in time: they are left out unless the filter's
/// [`undated`](Filter::undated) asks for them, and then listed after the dated ones.
///
/// ```
/// use diplograph::{Filter, Graph};
/// let graph = Graph::embedded()?;
/// let belarus = graph.node("belarus").unwrap();
/// let eu = graph.node("european-union").unwrap();
/// let window = Filter::default().between(Some("2004".parse()?), Some("2012".parse()?));
/// let timeline = graph.timeline().entity(belarus).with(eu).filter(window).run();
/// assert!(!timeline.entries.is_empty());
/// let days: Vec<_> = timeline.entries.iter().map(|e| e.date(&graph).unwrap()).collect();
/// assert!(days.windows(2).all(|w| diplograph::query::chronological(&w[0]) <= diplograph::query::chronological(&w[1])));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct TimelineQuery<'g> {
    graph: &'g Graph,
    entity: Option<NodeId>,
    with: Option<NodeId>,
    filter: Filter,
}

impl Graph {
    /// Starts a timeline of the whole graph: see [`TimelineQuery`].
    pub fn timeline(&self) -> TimelineQuery<'_> {
        TimelineQuery {
            graph: self,
            entity: None,
            with: None,
            filter: Filter::default(),
        }
    }
}

/// The key that puts dates in chronological order: the first day they can mean (for an
/// interval whose start is unknown, the first day of its end), then the last.
///
/// ```
/// use diplograph::{query::chronological, Edtf};
/// let mut dates: Vec<Edtf> = ["2004-12", "1995", "2004", "/2007-01", "1998-04-30", "2011/.."]
///     .iter().map(|d| d.parse().unwrap()).collect();
/// dates.sort_by_key(chronological);
/// let sorted: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
/// assert_eq!(sorted, ["1995", "1998-04-30", "2004", "2004-12", "/2007-01", "2011/.."]);
/// ```
pub fn chronological(date: &Edtf) -> (Option<Day>, Option<Day>) {
    let first = date.earliest().or_else(|| date.end().date().map(|d| d.earliest()));
    let last = date.latest().or_else(|| date.start().date().map(|d| d.latest()));
    (first, last)
}

impl TimelineQuery<'_> {
    /// Only the relations of `entity`.
    pub fn entity(mut self, entity: NodeId) -> Self {
        self.entity = Some(entity);
        self
    }

    /// Only the relations between the entity and `other` (with [`entity`](Self::entity)).
    pub fn with(mut self, other: NodeId) -> Self {
        self.with = Some(other);
        self
    }

    /// Only the relations `filter` admits, with the filter's meaning (a state begun in 1998 and
    /// not known to have ended is possibly there at 2005); undated relations only if its
    /// [`undated`](Filter::undated) is set.
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// The timeline.
    ///
    /// Besides relations it lists the entities' own dates ([`TimelineEntry::Date`]: Resolution
    /// 1386 adopted in 2001) that the filter admits ([`Filter::admits_entity_date`]): of every
    /// entity for the whole graph; between two entities, of those two; for one entity, of the
    /// entity and of its neighbours — the other end of each of its relations that the filter
    /// admits apart from time (a neighbour's date is weighed against the time filter itself,
    /// whatever the date of the relation: Belarus in 2004 shows the Belarus Democracy Act of
    /// 2004, though nothing dates Belarus's relation to it).
    ///
    /// # Complexity
    /// O(E log E) for the whole graph; for one entity, O(d log d) for its d relations.
    pub fn run(&self) -> Timeline {
        // Undated relations are gathered too, to be counted when they are left out.
        let mut filter = self.filter.clone();
        let counts_undated = !filter.undated && !filter.dated_only && !filter.certain;
        if counts_undated {
            filter.undated = true;
        }
        let mut relations: Vec<TimelineEntry> = match self.entity {
            Some(entity) => {
                let exempt: Vec<NodeId> = std::iter::once(entity).chain(self.with).collect();
                let adj = Adjacency::new(self.graph, &filter, Direction::Both, &exempt);
                let steps = match self.with {
                    Some(with) => adj.between(entity, with),
                    None => adj.steps(entity),
                };
                steps
                    .iter()
                    .map(|s| TimelineEntry::Relation {
                        from: entity,
                        edge: s.edge,
                        forward: s.forward,
                        certainty: s.certainty,
                    })
                    .collect()
            }
            None => {
                let g = self.graph;
                g.edge_ids()
                    .filter_map(|edge| {
                        let (s, _) = g.endpoints(edge)?;
                        let certainty = filter.admits_edge(self.graph, edge)?;
                        Some(TimelineEntry::Relation {
                            from: s,
                            edge,
                            forward: true,
                            certainty,
                        })
                    })
                    .collect()
            }
        };
        let mut undated_left_out = None;
        if counts_undated && !self.filter.undated {
            let before = relations.len();
            relations.retain(|e| e.certainty() != Certainty::Undated);
            undated_left_out = Some(before - relations.len());
        }
        let dated_entities: Vec<NodeId> = match (self.entity, self.with) {
            (None, _) => self.graph.node_ids().collect(),
            (Some(entity), Some(with)) => vec![entity, with],
            (Some(entity), None) => {
                // Its neighbours: the other end of every relation the filter admits apart from
                // time (a neighbour's date is weighed on its own; the relation may be undated).
                let timeless = Filter {
                    time: None,
                    certain: false,
                    dated_only: false,
                    ..self.filter.clone()
                };
                let g = self.graph;
                let mut nodes: Vec<NodeId> = std::iter::once(entity)
                    .chain(
                        g.edges_at(entity)
                            .filter(|&(e, _, _)| timeless.admits(self.graph, &g[e]).is_some())
                            .map(|(_, other, _)| other)
                            .filter(|&n| self.filter.admits_node(self.graph, n)),
                    )
                    .collect();
                nodes.sort_unstable();
                nodes.dedup();
                nodes
            }
        };
        // The entities a timeline is asked about appear whatever `--kind` says (as in every query).
        let named = Filter {
            kinds: Vec::new(),
            ..self.filter.clone()
        };
        let mut entries = relations;
        entries.extend(dated_entities.into_iter().filter_map(|node| {
            let is_named = Some(node) == self.entity || Some(node) == self.with;
            let f = if is_named { &named } else { &self.filter };
            let certainty = f.admits_entity_date(self.graph.entity_at(node))?;
            Some(TimelineEntry::Date {
                entity: node,
                certainty,
            })
        }));
        // The chronological key of every entry is worked out once, not at every comparison; on
        // one date an entity's own date comes before the relations.
        let mut keyed: Vec<_> = entries
            .drain(..)
            .map(|e| {
                let key = e.date(self.graph).map(|d| chronological(&d));
                let tie = match e {
                    TimelineEntry::Date { entity, .. } => (0, entity.index(), false),
                    TimelineEntry::Relation { edge, forward, .. } => (1, edge.index(), !forward),
                };
                ((key.is_none(), key, tie), e)
            })
            .collect();
        keyed.sort_unstable_by_key(|(key, _)| *key);
        entries.extend(keyed.into_iter().map(|(_, e)| e));
        Timeline {
            entity: self.entity,
            with: self.with,
            entries,
            undated_left_out,
        }
    }
}

/// Dated relations and entities' own dates in chronological order; made by
/// [`TimelineQuery::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The entity whose timeline it is (`None`: the whole graph).
    pub entity: Option<NodeId>,
    /// The other entity, for a timeline between two.
    pub with: Option<NodeId>,
    /// The entries, earliest first (undated relations last, when the filter asks for them).
    pub entries: Vec<TimelineEntry>,
    /// How many undated relations the timeline left out (a timeline lists dated relations
    /// unless the filter's [`undated`](Filter::undated) asks for them); `None` when the filter
    /// asked for them, or drops them anyway ([`certain`](Filter::certain),
    /// [`dated_only`](Filter::dated_only)).
    pub undated_left_out: Option<usize>,
}

/// One entry of a timeline: a relation, or an entity's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimelineEntry {
    /// A relation, read from the timeline's entity (or from its subject).
    Relation {
        /// The end it is read from.
        from: NodeId,
        /// The relation.
        edge: EdgeId,
        /// True when `from` is the subject.
        forward: bool,
        /// How surely it passes the time filter.
        certainty: Certainty,
    },
    /// An entity's own date ([`EntityDate`](crate::model::entity::EntityDate)): an agreement
    /// adopted, an event that happened, an organisation founded.
    Date {
        /// The dated entity.
        entity: NodeId,
        /// How surely the date passes the time filter.
        certainty: Certainty,
    },
}

impl TimelineEntry {
    /// How surely the entry passes the time filter.
    pub fn certainty(&self) -> Certainty {
        match self {
            TimelineEntry::Relation { certainty, .. } | TimelineEntry::Date { certainty, .. } => *certainty,
        }
    }

    /// The relation's edge; `None` for an entity's own date.
    pub fn edge(&self) -> Option<EdgeId> {
        match self {
            TimelineEntry::Relation { edge, .. } => Some(*edge),
            TimelineEntry::Date { .. } => None,
        }
    }

    /// The entry's date: the relation's, or the entity's own; `None` for an undated relation.
    pub fn date(&self, graph: &Graph) -> Option<Edtf> {
        match self {
            TimelineEntry::Relation { edge, .. } => graph.relation_at(*edge).date,
            TimelineEntry::Date { entity, .. } => graph.entity_at(*entity).date.as_ref().map(|d| d.date),
        }
    }
}

/// A timeline, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineReport<'g> {
    /// The entity whose timeline it is (`null`: the whole graph).
    pub entity: Option<EntityRef<'g>>,
    /// The other entity, for a timeline between two.
    pub with: Option<EntityRef<'g>>,
    /// The entries, earliest first.
    pub entries: Vec<EntryReport<'g>>,
    /// How many undated relations were left out (see [`Timeline::undated_left_out`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated_left_out: Option<usize>,
}

/// One entry of a timeline, for `--json`: a relation (a hop, as every result describes one),
/// or an entity's own date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum EntryReport<'g> {
    /// A relation, read from the timeline's entity.
    Relation(HopReport<'g>),
    /// An entity's own date.
    Date(EntityDateReport<'g>),
}

/// An entity's own date on a timeline, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntityDateReport<'g> {
    /// The dated entity.
    pub entity: EntityRef<'g>,
    /// What the date means for the entity's kind (`adopted, signed or concluded`).
    pub meaning: &'static str,
    /// The date in EDTF.
    pub date: String,
    /// The date for people.
    pub date_human: String,
    /// How surely it passes the time filter.
    pub certainty: Certainty,
    /// The source that gives the date.
    pub sources: Vec<&'g Id>,
    /// The source's verbatim words.
    pub evidence: Vec<&'g Evidence>,
}

impl Timeline {
    /// The timeline as a report, for `--json`.
    pub fn report<'g>(&self, graph: &'g Graph) -> TimelineReport<'g> {
        TimelineReport {
            entity: self.entity.map(|n| graph.entity_at(n).into()),
            with: self.with.map(|n| graph.entity_at(n).into()),
            entries: self
                .entries
                .iter()
                .filter_map(|e| match *e {
                    TimelineEntry::Relation {
                        from,
                        edge,
                        forward,
                        certainty,
                    } => {
                        let (s, o) = graph.endpoints(edge)?;
                        Some(EntryReport::Relation(HopReport {
                            from: graph.entity_at(from).into(),
                            to: graph.entity_at(if from == s { o } else { s }).into(),
                            relation: RelationReport::new(graph, edge, forward, certainty),
                            order: None,
                            also: Vec::new(),
                        }))
                    }
                    TimelineEntry::Date { entity, certainty } => {
                        let e = graph.entity_at(entity);
                        let date = e.date.as_ref()?;
                        Some(EntryReport::Date(EntityDateReport {
                            entity: e.into(),
                            meaning: e.date_meaning()?,
                            date: date.date.to_string(),
                            date_human: date.date.human(),
                            certainty,
                            sources: vec![&date.evidence.source],
                            evidence: vec![&date.evidence],
                        }))
                    }
                })
                .collect(),
            undated_left_out: self.undated_left_out,
        }
    }

    /// The timeline as text: one entry a line, after its date as people write it (`1998-04`,
    /// `~2006`, `since 2011`): a relation, or an entity's own date
    /// (`UN Security Council Resolution 1386 (agreement): adopted, signed or concluded`).
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let belarus = graph.node("belarus").unwrap();
    /// let text = graph.timeline().entity(belarus).run().display(&graph).to_string();
    /// assert!(text.lines().skip(1).all(|l| (l.contains(" —") && l.contains("→ ")) || l.contains("): ")));
    /// assert!(text.contains("EU–Belarus Partnership and Cooperation Agreement (agreement): adopted, signed or concluded  [wikipedia-foreign-relations-of-belarus]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display<'a>(&'a self, graph: &'a Graph) -> TimelineDisplay<'a> {
        TimelineDisplay { graph, timeline: self }
    }
}

/// A timeline as text; made by [`Timeline::display`].
#[derive(Debug, Clone, Copy)]
pub struct TimelineDisplay<'a> {
    graph: &'a Graph,
    timeline: &'a Timeline,
}

impl fmt::Display for TimelineDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (graph, t) = (self.graph, self.timeline);
        let count = |pick: fn(&TimelineEntry) -> bool| t.entries.iter().filter(|e| pick(e)).count();
        let relations = count(|e| e.edge().is_some());
        let dates = count(|e| e.edge().is_none());
        let undated = count(|e| e.certainty() == Certainty::Undated);
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if undated == 0 {
            write!(f, "{relations} dated relation{}", plural(relations))?;
        } else {
            write!(f, "{relations} relation{} ({undated} undated, last)", plural(relations))?;
        }
        if dates > 0 {
            write!(f, " and {dates} entity date{}", plural(dates))?;
        }
        if let Some(e) = t.entity {
            write!(f, " of {}", graph.entity_at(e).label)?;
        }
        if let Some(w) = t.with {
            write!(f, " with {}", graph.entity_at(w).label)?;
        }
        writeln!(f)?;
        let dates: Vec<String> = t
            .entries
            .iter()
            .map(|e| e.date(graph).map_or_else(|| "undated".to_owned(), |d| d.human()))
            .collect();
        let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
        for (entry, date) in t.entries.iter().zip(&dates) {
            match *entry {
                TimelineEntry::Relation {
                    from,
                    edge,
                    forward,
                    certainty,
                } => {
                    let text = RelationLine {
                        show_date: false,
                        ..RelationLine::new(graph, from, edge, forward, certainty)
                    };
                    writeln!(f, "  {date:<width$}  {text}")?;
                }
                TimelineEntry::Date { entity, certainty } => {
                    let e = graph.entity_at(entity);
                    let (Some(meaning), Some(own)) = (e.date_meaning(), e.date.as_ref()) else {
                        continue;
                    };
                    write!(
                        f,
                        "  {date:<width$}  {} ({}): {meaning}  [{}]",
                        e.label, e.kind, own.evidence.source
                    )?;
                    match certainty.marker() {
                        Some(m) => writeln!(f, "  ({m})")?,
                        None => writeln!(f)?,
                    }
                }
            }
        }
        Ok(())
    }
}

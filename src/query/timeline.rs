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
/// let days: Vec<_> = timeline.entries.iter().map(|e| graph.relation_at(e.edge).date.unwrap()).collect();
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
    /// # Complexity
    /// O(E log E) for the whole graph; for one entity, O(d log d) for its d relations.
    pub fn run(&self) -> Timeline {
        let mut filter = self.filter.clone();
        if !filter.undated {
            filter.dated_only = true;
        }
        let mut entries: Vec<TimelineEntry> = match self.entity {
            Some(entity) => {
                let exempt: Vec<NodeId> = std::iter::once(entity).chain(self.with).collect();
                let adj = Adjacency::new(self.graph, &filter, Direction::Both, &exempt);
                let steps = match self.with {
                    Some(with) => adj.between(entity, with),
                    None => adj.steps(entity),
                };
                steps
                    .iter()
                    .map(|s| TimelineEntry {
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
                        Some(TimelineEntry {
                            from: s,
                            edge,
                            forward: true,
                            certainty,
                        })
                    })
                    .collect()
            }
        };
        // The chronological key of every entry is worked out once, not at every comparison.
        let mut keyed: Vec<_> = entries
            .drain(..)
            .map(|e| {
                let key = self.graph.relation_at(e.edge).date.as_ref().map(chronological);
                ((key.is_none(), key, e.edge, !e.forward), e)
            })
            .collect();
        keyed.sort_unstable_by_key(|(key, _)| *key);
        entries.extend(keyed.into_iter().map(|(_, e)| e));
        Timeline {
            entity: self.entity,
            with: self.with,
            entries,
        }
    }
}

/// Dated relations in chronological order; made by [`TimelineQuery::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The entity whose timeline it is (`None`: the whole graph).
    pub entity: Option<NodeId>,
    /// The other entity, for a timeline between two.
    pub with: Option<NodeId>,
    /// The relations, earliest first.
    pub entries: Vec<TimelineEntry>,
}

/// One relation on a timeline, read from the timeline's entity (or from its subject).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The end it is read from.
    pub from: NodeId,
    /// The relation.
    pub edge: EdgeId,
    /// True when `from` is the subject.
    pub forward: bool,
    /// How surely it passes the time filter.
    pub certainty: Certainty,
}

/// A timeline, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineReport<'g> {
    /// The entity whose timeline it is (`null`: the whole graph).
    pub entity: Option<EntityRef<'g>>,
    /// The other entity, for a timeline between two.
    pub with: Option<EntityRef<'g>>,
    /// The relations, earliest first.
    pub entries: Vec<HopReport<'g>>,
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
                .filter_map(|e| {
                    let (s, o) = graph.endpoints(e.edge)?;
                    Some(HopReport {
                        from: graph.entity_at(e.from).into(),
                        to: graph.entity_at(if e.from == s { o } else { s }).into(),
                        relation: RelationReport::new(graph, e.edge, e.forward, e.certainty),
                        order: None,
                        also: Vec::new(),
                    })
                })
                .collect(),
        }
    }

    /// The timeline as text: one relation a line, after its date as people write it
    /// (`1998-04`, `~2006`, `since 2011`).
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let belarus = graph.node("belarus").unwrap();
    /// let text = graph.timeline().entity(belarus).run().display(&graph).to_string();
    /// assert!(text.lines().skip(1).all(|l| l.contains(" —") && l.contains("→ ")));
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
        let n = t.entries.len();
        let undated = t.entries.iter().filter(|e| e.certainty == Certainty::Undated).count();
        if undated == 0 {
            write!(f, "{n} dated relation{}", if n == 1 { "" } else { "s" })?;
        } else {
            write!(
                f,
                "{n} relation{} ({undated} undated, last)",
                if n == 1 { "" } else { "s" }
            )?;
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
            .map(|e| {
                graph
                    .relation_at(e.edge)
                    .date
                    .map_or_else(|| "undated".to_owned(), |d| d.human())
            })
            .collect();
        let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
        for (entry, date) in t.entries.iter().zip(&dates) {
            let text = RelationLine {
                show_date: false,
                ..RelationLine::new(graph, entry.from, entry.edge, entry.forward, entry.certainty)
            };
            writeln!(f, "  {date:<width$}  {text}")?;
        }
        Ok(())
    }
}

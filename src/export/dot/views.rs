//! Named views: diagrams that tell the story of the sources, written by the main job to
//! `views/<name>.dot`.

use std::io::{self, Write};

use petgraph::Direction;

use super::graph::DotWriter;
use super::rank_dir::RankDir;
use super::timeline::TimelineWriter;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::text::fold::fold;

/// The entity the views are about.
const BELARUS: &str = "belarus";

/// A named diagram of part of the graph.
///
/// ```
/// use diplograph::{export::dot::named_views, Graph};
/// let graph = Graph::embedded()?;
/// let views = named_views();
/// assert!(views.iter().any(|v| v.name == "belarus-nato"));
/// let mut out = Vec::new();
/// views[0].write(&graph, &mut out)?;
/// assert!(String::from_utf8(out)?.starts_with("digraph"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedView {
    /// File name without extension: `views/<name>.dot`.
    pub name: &'static str,
    /// The title drawn above the diagram.
    pub title: &'static str,
    /// What the view selects, for people.
    pub description: &'static str,
    which: Which,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    BelarusNato,
    BelarusNatoTimeline,
    DiplomaticRelations,
}

/// Every named view, in file-name order.
pub fn named_views() -> Vec<NamedView> {
    vec![
        NamedView {
            name: "belarus-diplomatic-relations",
            title: "Belarus: diplomatic relations by year established",
            description: "Belarus's diplomatic relations with other states, in columns by the year they were \
                established; states whose sources give no year are counted in the title.",
            which: Which::DiplomaticRelations,
        },
        NamedView {
            name: "belarus-nato",
            title: "Belarus and NATO: partnership programmes, bodies and events",
            description: "The dated relations stated by a NATO-related source (one whose id, title or publisher \
                names NATO or the North Atlantic), with the bodies and programmes they belong to (part of, \
                replaced by): Belarus, NATO's bodies, partnership programmes and projects, agreements and \
                events, connected to Belarus. Other states, people and places, diplomatic relations and \
                undated relations are left out.",
            which: Which::BelarusNato,
        },
        NamedView {
            name: "belarus-nato-timeline",
            title: "Belarus and NATO: timeline",
            description: "The dated relations of the belarus-nato view, in columns by year, the years spaced \
                in proportion to time.",
            which: Which::BelarusNatoTimeline,
        },
    ]
}

impl NamedView {
    /// The part of `graph` the view shows.
    pub fn select(&self, graph: &Graph) -> Graph {
        match self.which {
            Which::BelarusNato | Which::BelarusNatoTimeline => belarus_nato(graph),
            Which::DiplomaticRelations => {
                let belarus = graph.node(BELARUS);
                let part = graph.restrict(
                    |n| Some(n) == belarus || graph.entity_at(n).kind == EntityKind::State,
                    |e| {
                        let r = graph.relation_at(e);
                        r.predicate.as_str() == "diplomatic_relations_with"
                            && (r.subject.as_str() == BELARUS || r.object.as_str() == BELARUS)
                    },
                );
                without_isolated(&part)
            }
        }
    }

    /// Writes the view of `graph` as DOT.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, w: W) -> io::Result<()> {
        let part = self.select(graph);
        match self.which {
            Which::BelarusNato => DotWriter::new()
                .title(self.title)
                .rankdir(RankDir::LeftRight)
                .write(&part, w),
            // Time in proportion where the years are few enough to fit (1992-2021); the
            // diplomatic relations span seven decades, mostly in 1992.
            Which::BelarusNatoTimeline => TimelineWriter::new()
                .title(self.title)
                .focus(BELARUS)
                .proportional(true)
                .write(&part, w),
            Which::DiplomaticRelations => TimelineWriter::new().title(self.title).focus(BELARUS).write(&part, w),
        }
    }
}

/// Whether a source is about NATO: its id, title or publisher names NATO or the North Atlantic.
fn is_nato_source(graph: &Graph, id: &Id) -> bool {
    graph.source(id.as_str()).is_some_and(|s| {
        let text = fold(&format!("{} {} {}", s.id, s.title, s.publisher));
        text.split(' ').any(|w| w == "nato") || text.contains("north atlantic")
    })
}

/// Structure kept even when undated: which body belongs to which, and what replaced what.
const STRUCTURE: [&str; 2] = ["part_of", "replaced_by"];

fn belarus_nato(graph: &Graph) -> Graph {
    let part = graph.restrict(
        |n| {
            let e = graph.entity_at(n);
            e.id.as_str() == BELARUS || !matches!(e.kind, EntityKind::State | EntityKind::Person | EntityKind::Place)
        },
        |e| {
            let r = graph.relation_at(e);
            r.predicate.as_str() != "diplomatic_relations_with"
                && (r.date.is_some() || STRUCTURE.contains(&r.predicate.as_str()))
                && r.evidence.iter().any(|ev| is_nato_source(graph, &ev.source))
        },
    );
    connected_to(&part, BELARUS)
}

/// The part of `graph` connected to the entity `id` (edges followed both ways).
fn connected_to(graph: &Graph, id: &str) -> Graph {
    let g = graph.petgraph();
    let mut seen = std::collections::BTreeSet::new();
    let mut stack: Vec<_> = graph.node(id).into_iter().collect();
    while let Some(n) = stack.pop() {
        if seen.insert(n) {
            stack.extend(g.neighbors_undirected(n));
        }
    }
    graph.restrict(|n| seen.contains(&n), |_| true)
}

/// The graph without the entities that have no relation in it.
fn without_isolated(graph: &Graph) -> Graph {
    let g = graph.petgraph();
    graph.restrict(
        |n| {
            g.edges_directed(n, Direction::Outgoing).next().is_some()
                || g.edges_directed(n, Direction::Incoming).next().is_some()
        },
        |e| g.edge_endpoints(e).is_some(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_select_what_they_say() {
        let graph = Graph::embedded().unwrap();
        for view in named_views() {
            let part = view.select(&graph);
            assert!(part.relations().count() > 5, "{} is nearly empty", view.name);
            assert!(part.entity(BELARUS).is_some());
            match view.which {
                Which::DiplomaticRelations => {
                    assert!(part
                        .relations()
                        .all(|r| r.predicate.as_str() == "diplomatic_relations_with"));
                }
                _ => {
                    assert!(part.entity("nato").is_some());
                    assert!(part
                        .relations()
                        .all(|r| r.predicate.as_str() != "diplomatic_relations_with"));
                    assert!(part
                        .entities()
                        .all(|e| e.id.as_str() == BELARUS || e.kind != EntityKind::State));
                }
            }
        }
        let names: Vec<&str> = named_views().iter().map(|v| v.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn nato_sources() {
        let graph = Graph::embedded().unwrap();
        let ids: Vec<&str> = graph
            .sources()
            .iter()
            .filter(|s| is_nato_source(&graph, &s.id))
            .map(|s| s.id.as_str())
            .collect();
        assert!(ids.contains(&"nato-relations-with-belarus"));
        assert!(!ids.contains(&"wikipedia-foreign-relations-of-belarus"));
    }
}

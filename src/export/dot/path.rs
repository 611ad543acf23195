//! A path drawn as a diagram: the entities along it, left to right, the path's relations
//! highlighted and numbered, and the other relations among those entities faded behind.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crate::model::handle::{EdgeId, NodeId};

use super::error::{DotError, PathHopError};
use super::escape::{quoted, wrap};
use super::graph::{fact_label, write_header, DotLayout};
use super::link::EvidenceLinks;
use super::style::{kind_attributes, write_legend, EdgeLook};
use crate::export::facts::facts;
use crate::model::edtf::Edtf;
use crate::model::graph::Graph;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;
use crate::query::path::Path;
use crate::query::time::Certainty;

/// The colour of the path.
const PATH: &str = "#1f5fbf";

/// Writes a path as a DOT diagram: the options of the diagram, and
/// [`write`](PathWriter::write).
///
/// The path is a query's own [`Path`] (its hops: the relation each follows, and whether from
/// subject to object — `false`: read backwards, with the predicate's inverse label). Its handles
/// are those of the graph given to [`write`](PathWriter::write): the whole graph, or a
/// neighbourhood made with [`Graph::restrict`] and a path found in it.
///
/// The entities of the path are drawn left to right; each hop is a thick blue arrow in the
/// direction of travel, numbered (`1. member of · 1992`); other relations among the same
/// entities are drawn faded, and with [`context`](PathWriter::context), every neighbour of the
/// path too.
///
/// ```
/// use diplograph::{export::dot::PathWriter, Graph};
/// let graph = Graph::embedded()?;
/// let belarus = graph.node("belarus").unwrap();
/// let pfp = graph.node("partnership-for-peace").unwrap();
/// let path = graph.paths(belarus, pfp).shortest().unwrap();
/// let dot = String::from_utf8(PathWriter::new().write(&graph, &path, Vec::new())?)?;
/// assert!(dot.contains("\"belarus\" -> \"partnership-for-peace\" [label=\"1. participant in"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct PathWriter {
    title: Option<String>,
    context: bool,
    admitted: Option<BTreeMap<EdgeId, Certainty>>,
}

impl PathWriter {
    /// A writer without title or context.
    pub fn new() -> Self {
        Self::default()
    }

    /// A title shown above the diagram.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Also draw every neighbour of the path's entities, faded (default: no).
    pub fn context(mut self, yes: bool) -> Self {
        self.context = yes;
        self
    }

    /// Draws only the relations a query's filter admitted, each with how surely it passed
    /// (default: every relation). A diagram of a filtered answer then obeys the same filter
    /// as the text: no faded edge shows a relation the filter left out, and the path's hops
    /// are drawn solid (definite), dashed (possible) or dotted (undated), as the legend says.
    pub fn admitted(mut self, edges: impl IntoIterator<Item = (EdgeId, Certainty)>) -> Self {
        self.admitted = Some(edges.into_iter().collect());
        self
    }

    /// How surely an edge passed the filter: `None` when the filter left it out. Without a
    /// filter, a dated relation is definite and an undated one undated.
    fn certainty(&self, graph: &Graph, edge: EdgeId) -> Option<Certainty> {
        match &self.admitted {
            Some(map) => map.get(&edge).copied(),
            None => Some(if graph.relation_at(edge).date.is_some() {
                Certainty::Definite
            } else {
                Certainty::Undated
            }),
        }
    }

    /// Writes `path`, a path found in `graph` (by [`Graph::paths`]), to `w`, and hands `w`
    /// back.
    ///
    /// ```
    /// use diplograph::{export::dot::PathWriter, Graph};
    /// let graph = Graph::embedded()?;
    /// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
    /// let path = graph.paths(a, b).shortest().unwrap();
    /// let dot = PathWriter::new().title("Belarus → NATO").write(&graph, &path, Vec::new())?;
    /// assert!(String::from_utf8(dot)?.starts_with("digraph"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Those of `w`, and [`DotError::Path`] when the path does not fit the graph (a hop names a
    /// relation the graph does not have, or the hops do not join up; nothing is written then).
    pub fn write<W: Write>(&self, graph: &Graph, path: &Path, mut w: W) -> Result<W, DotError> {
        let g = graph;
        let steps = check(graph, path)?;
        let on_path: BTreeSet<NodeId> = steps.iter().flat_map(|s| [s.0, s.1]).collect();
        let path_edges: BTreeSet<EdgeId> = steps.iter().map(|s| s.2).collect();
        let mut shown = on_path.clone();
        if self.context {
            for &n in &on_path {
                for (e, other, _) in g.edges_at(n) {
                    if self.certainty(graph, e).is_some() {
                        shown.insert(n);
                        shown.insert(other);
                    }
                }
            }
        }
        let hop_looks: Vec<EdgeLook> = steps
            .iter()
            .map(|s| EdgeLook::of_hop(self.certainty(graph, s.2).unwrap_or(Certainty::Definite)))
            .collect();
        let mut looks = hop_looks.clone();
        looks.sort();
        looks.dedup();

        write_header(&mut w, self.title.as_deref(), RankDir::LeftRight, DotLayout::Layered)?;
        let mut kinds: Vec<EntityKind> = shown.iter().map(|&n| graph.entity_at(n).kind).collect();
        kinds.sort();
        kinds.dedup();
        write_legend(&mut w, &kinds, &looks, RankDir::LeftRight, "  ")?;

        let first = steps.first().map(|s| s.0);
        let last = steps.last().map(|s| s.1);
        let mut lines = Vec::new();
        for &n in &shown {
            let e = graph.entity_at(n);
            let emphasis = if on_path.contains(&n) {
                if Some(n) == first || Some(n) == last {
                    ", penwidth=\"3\", fontsize=\"12\""
                } else {
                    ", penwidth=\"2\", fontsize=\"11\""
                }
            } else {
                ", fontcolor=\"#777777\""
            };
            let kind = if on_path.contains(&n) {
                kind_attributes(e.kind)
            } else {
                "shape=\"box\", style=\"filled\", fillcolor=\"#f2f2f2\", color=\"#bbbbbb\"".to_owned()
            };
            lines.push(format!(
                "  {} [label={}, tooltip={}, {kind}{emphasis}];",
                quoted(e.id.as_str()),
                quoted(&wrap(&e.dated_label(), 22)),
                quoted(&format!("{} ({}): {}", e.dated_label(), e.kind, e.description)),
            ));
        }
        lines.sort();
        for line in lines {
            writeln!(w, "{line}")?;
        }

        for (i, (from, to, edge, forward)) in steps.iter().enumerate() {
            let relation = graph.relation_at(*edge);
            let predicate = graph.predicate_of(relation);
            let date = relation.date.map(|d| format!(" · {}", d.human())).unwrap_or_default();
            let label = format!("{}. {}{date}", i + 1, predicate.label_for(*forward));
            let style = match hop_looks[i] {
                EdgeLook::HopPossible => ", style=\"dashed\"",
                EdgeLook::HopUndated => ", style=\"dotted\"",
                _ => "",
            };
            let links = EvidenceLinks::of(graph, &relation.evidence);
            let sources = relation
                .sources()
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(
                w,
                "  {} -> {} [label={}, tooltip={}, color=\"{PATH}\", fontcolor=\"{PATH}\", penwidth=\"3\", weight=\"10\"{style}{}];",
                quoted(graph.entity_at(*from).id.as_str()),
                quoted(graph.entity_at(*to).id.as_str()),
                quoted(&wrap(&label, 26)),
                quoted(&links.tooltip(&format!("sources: {sources}"))),
                links.attributes(),
            )?;
        }

        let mut faded = Vec::new();
        for mut fact in facts(graph) {
            // Only what the filter admitted is drawn, and only its dates are listed.
            fact.edges.retain(|&e| self.certainty(graph, e).is_some());
            if fact.edges.is_empty() {
                continue;
            }
            if !(shown.contains(&fact.subject) && shown.contains(&fact.object)) {
                continue;
            }
            if !(on_path.contains(&fact.subject) || on_path.contains(&fact.object)) {
                continue;
            }
            // Facts on the path are drawn above; their other dates are not repeated.
            if fact.edges.iter().any(|e| path_edges.contains(e)) {
                continue;
            }
            let dates = fact.dates(graph);
            let qualified = dates.iter().any(Edtf::is_qualified);
            let look = EdgeLook::of(dates.len(), qualified, fact.disputed());
            // Between two entities of the path a faded edge must not bend it. A neighbour's edge
            // does constrain: it puts the neighbour on a rank of its own, beside the path, since
            // labelled edges both ways between two entities of one rank make Graphviz's router
            // fail ("triangulation failed").
            let constraint = if on_path.contains(&fact.subject) && on_path.contains(&fact.object) {
                ", constraint=\"false\""
            } else {
                ""
            };
            faded.push(format!(
                "  {} -> {} [label={}, color=\"#c8c8c8\", fontcolor=\"#999999\"{constraint}{}{}];",
                quoted(graph.entity_at(fact.subject).id.as_str()),
                quoted(graph.entity_at(fact.object).id.as_str()),
                quoted(&wrap(&fact_label(graph, &fact), 26)),
                if look == EdgeLook::Qualified {
                    ", style=\"dashed\""
                } else {
                    ""
                },
                if fact.predicate.symmetric { ", dir=\"none\"" } else { "" },
            ));
        }
        faded.sort();
        for line in faded {
            writeln!(w, "{line}")?;
        }
        writeln!(w, "}}")?;
        Ok(w)
    }
}

/// The hops as (from, to, edge, forward), checked against the graph: each hop's relation joins
/// its two ends in its direction, and each hop starts where the one before it (or the path)
/// ended.
fn check(graph: &Graph, path: &Path) -> Result<Vec<(NodeId, NodeId, EdgeId, bool)>, PathHopError> {
    let g = graph;
    let mut steps = Vec::with_capacity(path.hops.len());
    let mut at: Option<NodeId> = Some(path.from);
    for (i, hop) in path.hops.iter().enumerate() {
        let (node, edge, forward) = (hop.to, hop.edge, hop.forward);
        let fail = |reason: String| PathHopError { hop: i + 1, reason };
        let (subject, object) = g
            .endpoints(edge)
            .ok_or_else(|| fail(format!("follows edge {} which the graph does not have", edge.index())))?;
        let (from, to) = if forward { (subject, object) } else { (object, subject) };
        if node != to {
            return Err(fail(format!(
                "says it reaches node {}, but its relation leads to node {} ({})",
                node.index(),
                to.index(),
                graph.entity_at(to).id
            )));
        }
        if let Some(at) = at {
            if at != from {
                let before = if i == 0 {
                    "the path starts"
                } else {
                    "the hop before it ended"
                };
                return Err(fail(format!(
                    "starts at {} but {before} at {}",
                    graph.entity_at(from).id,
                    graph.entity_at(at).id
                )));
            }
        }
        steps.push((from, to, edge, forward));
        at = Some(to);
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path from `from` over `hops` (the entity each reaches, its relation, forward or not).
    fn path(from: NodeId, hops: &[(NodeId, EdgeId, bool)]) -> Path {
        let mut at = from;
        let mut path = Path::empty(from);
        for &(to, edge, forward) in hops {
            path.hops.push(crate::query::path::Hop {
                from: at,
                edge,
                to,
                forward,
                certainty: Certainty::Definite,
                order: None,
                also: Vec::new(),
            });
            at = to;
        }
        path
    }

    #[test]
    fn refuses_hops_that_do_not_fit() {
        let graph = Graph::embedded().unwrap();
        let g = &graph;
        let belarus = graph.node("belarus").unwrap();
        let nato = graph.node("nato").unwrap();
        let pfp = graph.node("partnership-for-peace").unwrap();
        let to_pfp = g.edge_between(belarus, pfp).unwrap();
        let mut out = Vec::new();
        let err = PathWriter::new()
            .write(&graph, &path(belarus, &[(nato, to_pfp, true)]), &mut out)
            .unwrap_err();
        assert!(matches!(err, DotError::Path(PathHopError { hop: 1, .. })), "{err}");
        assert!(err.to_string().contains("hop 1"), "{err}");
        let err = PathWriter::new()
            .write(&graph, &path(belarus, &[(pfp, EdgeId::new(1_000_000), true)]), &mut out)
            .unwrap_err();
        assert!(err.to_string().contains("does not have"), "{err}");
        // Two hops that do not join: Belarus → PfP, then Belarus → PfP again.
        let err = PathWriter::new()
            .write(
                &graph,
                &path(belarus, &[(pfp, to_pfp, true), (pfp, to_pfp, true)]),
                &mut out,
            )
            .unwrap_err();
        assert!(err.to_string().contains("hop 2"), "{err}");
        // A first hop that does not start where the path does.
        let err = PathWriter::new()
            .write(&graph, &path(nato, &[(pfp, to_pfp, true)]), &mut out)
            .unwrap_err();
        assert!(err.to_string().contains("but the path starts at nato"), "{err}");
        assert!(out.is_empty(), "nothing is written for a bad path");
    }

    #[test]
    fn backward_hops_read_with_the_inverse_label() {
        let graph = Graph::embedded().unwrap();
        let g = &graph;
        let belarus = graph.node("belarus").unwrap();
        let pfp = graph.node("partnership-for-peace").unwrap();
        let edge = g.edge_between(belarus, pfp).unwrap();
        let mut out = Vec::new();
        PathWriter::new()
            .context(true)
            .write(&graph, &path(pfp, &[(belarus, edge, false)]), &mut out)
            .unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(
            dot.contains("\"partnership-for-peace\" -> \"belarus\" [label=\"1. has participant"),
            "{dot}"
        );
        assert!(dot.contains("\"nato\""), "context shows neighbours");
    }
}

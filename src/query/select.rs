//! Choosing the part of the graph to export or draw.

use crate::model::graph::Graph;
use crate::model::handle::NodeId;
use crate::query::filter::Filter;
use crate::query::neighbourhood::neighbourhood;

/// A view of the graph: a filter, optionally around one entity to some depth.
///
/// ```
/// use diplograph::{query::Selection, Filter, Graph};
/// let graph = Graph::embedded().unwrap();
/// let focus = graph.node("nato");
/// let view = Selection { filter: Filter::default(), focus, depth: 1 }.apply(&graph);
/// assert!(view.entity_by_id("nato").is_some());
/// assert!(view.relations().count() <= graph.relations().count());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Which relations and entities to keep.
    pub filter: Filter,
    /// Keep only the neighbourhood of this entity.
    pub focus: Option<NodeId>,
    /// Depth of the neighbourhood around `focus`.
    pub depth: usize,
}

impl Selection {
    /// Whether the selection keeps the whole graph (no focus, a filter that admits everything):
    /// then the graph itself can be used instead of [`Selection::apply`]'s copy.
    ///
    /// ```
    /// use diplograph::query::Selection;
    /// assert!(Selection::default().keeps_everything());
    /// ```
    pub fn keeps_everything(&self) -> bool {
        self.focus.is_none() && self.filter.admits_everything()
    }

    /// The selected part of `graph`, as a graph of its own (sources and predicates are kept whole).
    /// Without a focus, every admitted entity and relation is kept.
    pub fn apply(&self, graph: &Graph) -> Graph {
        match self.focus {
            Some(start) => {
                let (nodes, edges) = neighbourhood(graph, start, self.depth, &self.filter);
                graph.restrict(|n| nodes.contains(&n), |e| edges.contains(&e))
            }
            None => graph.restrict(
                |n| self.filter.admits_node(graph, n),
                |e| self.filter.admits_edge(graph, e).is_some(),
            ),
        }
    }
}

//! The neighbourhood of an entity: an ego graph to a given depth.

use std::collections::{BTreeSet, VecDeque};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::filter::Filter;
use crate::Graph;

/// Entities within `depth` hops of `start` (following relations both ways, through `filter`),
/// and the admitted relations among them.
///
/// # Complexity
/// O(V + E) over the part of the graph reached.
///
/// ```
/// use diplograph::{neighbourhood, Filter, Graph};
/// let graph = Graph::embedded().unwrap();
/// let belarus = graph.node("belarus").unwrap();
/// let (nodes, edges) = neighbourhood(&graph, belarus, 1, &Filter::default());
/// assert!(nodes.contains(&belarus));
/// assert!(edges.iter().all(|e| {
///     let (a, b) = graph.petgraph().edge_endpoints(*e).unwrap();
///     nodes.contains(&a) && nodes.contains(&b)
/// }));
/// ```
pub fn neighbourhood(
    graph: &Graph,
    start: NodeIndex,
    depth: usize,
    filter: &Filter,
) -> (BTreeSet<NodeIndex>, BTreeSet<EdgeIndex>) {
    let g = graph.petgraph();
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((node, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in g.edges_directed(node, dir) {
                let next = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if filter.admits_edge(graph, e.id()).is_some() && seen.insert(next) {
                    queue.push_back((next, d + 1));
                }
            }
        }
    }
    let edges = g
        .edge_indices()
        .filter(|&e| {
            g.edge_endpoints(e)
                .is_some_and(|(a, b)| seen.contains(&a) && seen.contains(&b))
                && filter.admits_edge(graph, e).is_some()
        })
        .collect();
    (seen, edges)
}

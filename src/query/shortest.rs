//! Shortest path: fewest hops, by breadth-first search.

use std::collections::{HashSet, VecDeque};

use petgraph::graph::NodeIndex;

use super::adjacency::Adjacency;
use super::path::Path;

/// The entities of a fewest-hop path from `from` to `to` of at most `max_hops` hops, never
/// entering a `blocked` node nor taking a `cut` step `(a, b)`.
///
/// Neighbours are visited in node (id) order, so among equally short paths the answer is always
/// the same one.
///
/// # Complexity
/// O(V + E) over the admitted graph.
pub(crate) fn fewest_hops(
    adj: &Adjacency,
    from: NodeIndex,
    to: NodeIndex,
    max_hops: Option<usize>,
    blocked: &HashSet<NodeIndex>,
    cut: &HashSet<(NodeIndex, NodeIndex)>,
) -> Option<Vec<NodeIndex>> {
    if from.index() >= adj.len() || to.index() >= adj.len() || blocked.contains(&from) {
        return None;
    }
    if from == to {
        return Some(vec![from]);
    }
    let mut parent: Vec<Option<NodeIndex>> = vec![None; adj.len()];
    let mut depth = vec![usize::MAX; adj.len()];
    depth[from.index()] = 0;
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        let d = depth[node.index()];
        if max_hops.is_some_and(|m| d >= m) {
            continue;
        }
        for step in adj.neighbours(node) {
            let next = step.to;
            if depth[next.index()] != usize::MAX || blocked.contains(&next) || cut.contains(&(node, next)) {
                continue;
            }
            depth[next.index()] = d + 1;
            parent[next.index()] = Some(node);
            if next == to {
                let mut nodes = vec![to];
                let mut at = to;
                while let Some(p) = parent[at.index()] {
                    nodes.push(p);
                    at = p;
                }
                nodes.reverse();
                return Some(nodes);
            }
            queue.push_back(next);
        }
    }
    None
}

/// Turns a sequence of entities, each admitted-adjacent to the next, into a [`Path`].
pub(crate) fn path_through(adj: &Adjacency, nodes: &[NodeIndex]) -> Option<Path> {
    let (&first, _) = nodes.split_first()?;
    let hops = nodes
        .windows(2)
        .map(|w| adj.hop(w[0], w[1]))
        .collect::<Option<Vec<_>>>()?;
    Some(Path {
        from: first,
        hops,
        arrival: None,
    })
}

/// A fewest-hop path from `from` to `to`, if one of at most `max_hops` hops exists.
pub(crate) fn shortest(adj: &Adjacency, from: NodeIndex, to: NodeIndex, max_hops: Option<usize>) -> Option<Path> {
    let nodes = fewest_hops(adj, from, to, max_hops, &HashSet::new(), &HashSet::new())?;
    path_through(adj, &nodes)
}

//! Every simple path up to a number of hops, enumerated lazily and within a work budget.

use crate::model::handle::NodeId;

use super::adjacency::{Adjacency, UNREACHED};
use super::path::Path;
use super::shortest::path_through;

/// The simple paths (no entity twice) from one entity to another, up to a number of hops,
/// shortest first and, within a length, in id order. Made by
/// [`PathQuery::iter`](crate::query::paths::PathQuery::iter).
///
/// Paths are sequences of entities; where several relations link two consecutive entities the
/// hop takes the best one and lists the others as alternatives.
///
/// The number of simple paths can grow exponentially with the length, so the iterator is lazy
/// (take only what you need) and stops after a fixed amount of work even when it has not
/// finished; [`SimplePaths::exhausted`] then says so.
///
/// # Complexity
/// Iterative deepening: the search for paths of n hops is repeated for n = 1, 2, …, and prunes
/// every branch that cannot reach the target within n hops. Each step taken counts against the
/// work budget. Setting up costs one breadth-first search from the target, `max_hops` deep.
///
/// ```
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
/// let mut paths = graph.paths(a, b).max_hops(3).iter();
/// let first = paths.next().expect("a path");
/// assert_eq!(first.len(), 1); // Belarus and NATO are directly related
/// let lengths: Vec<usize> = paths.take(50).map(|p| p.len()).collect();
/// assert!(lengths.windows(2).all(|w| w[0] <= w[1]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SimplePaths<'g> {
    adj: Adjacency<'g>,
    from: NodeId,
    to: NodeId,
    max_hops: usize,
    /// Fewest hops from each node to `to` (up to `max_hops`; [`UNREACHED`] beyond).
    dist: Vec<u32>,
    /// The length of path searched for now.
    length: usize,
    /// The current path: each node with the position, in its adjacency entries, of the next
    /// neighbour to try.
    stack: Vec<(NodeId, usize)>,
    on_path: Vec<bool>,
    work_left: usize,
    exhausted: bool,
    done: bool,
}

impl<'g> SimplePaths<'g> {
    pub(crate) fn new(adj: Adjacency<'g>, from: NodeId, to: NodeId, max_hops: usize, work: usize) -> SimplePaths<'g> {
        let n = adj.len();
        let dist = adj.distances_to(to, Some(max_hops));
        let done = from.index() >= n || to.index() >= n || dist[from.index()] as usize > max_hops;
        SimplePaths {
            adj,
            from,
            to,
            max_hops,
            dist,
            length: 0,
            stack: Vec::new(),
            on_path: vec![false; n],
            work_left: work,
            exhausted: false,
            done,
        }
    }

    /// True when the iterator stopped because its work budget ran out, not because it had found
    /// every path: there may be more.
    pub fn exhausted(&self) -> bool {
        self.exhausted
    }

    fn start_length(&mut self, length: usize) {
        self.length = length;
        for (node, _) in self.stack.drain(..) {
            self.on_path[node.index()] = false;
        }
        self.stack.push((self.from, 0));
        self.on_path[self.from.index()] = true;
    }
}

impl Iterator for SimplePaths<'_> {
    type Item = Path;

    fn next(&mut self) -> Option<Path> {
        if self.done {
            return None;
        }
        if self.length == 0 {
            if self.from == self.to {
                self.done = true;
                return Some(Path::empty(self.from));
            }
            self.start_length((self.dist[self.from.index()] as usize).max(1));
        }
        loop {
            let Some(&(node, i)) = self.stack.last() else {
                if self.length >= self.max_hops {
                    self.done = true;
                    return None;
                }
                self.start_length(self.length + 1);
                continue;
            };
            if self.stack.len() == self.length {
                // Only `to` can end a path of this length from here: look it up rather than
                // walk every neighbour (the hubs of a large graph have thousands).
                self.stack.pop();
                self.on_path[node.index()] = false;
                if self.work_left == 0 {
                    self.exhausted = true;
                    self.done = true;
                    return None;
                }
                self.work_left -= 1;
                if self.adj.has_step(node, self.to) {
                    let nodes: Vec<NodeId> = self.stack.iter().map(|(n, _)| *n).chain([node, self.to]).collect();
                    if let Some(path) = path_through(&self.adj, &nodes) {
                        return Some(path);
                    }
                }
                continue;
            }
            let Some((next, after)) = self.adj.next_neighbour(node, i) else {
                self.stack.pop();
                self.on_path[node.index()] = false;
                continue;
            };
            if let Some(top) = self.stack.last_mut() {
                top.1 = after;
            }
            if self.work_left == 0 {
                self.exhausted = true;
                self.done = true;
                return None;
            }
            self.work_left -= 1;
            if self.on_path[next.index()] {
                continue;
            }
            let hops = self.stack.len();
            if next == self.to {
                if hops == self.length {
                    let nodes: Vec<NodeId> = self.stack.iter().map(|(n, _)| *n).chain([next]).collect();
                    if let Some(path) = path_through(&self.adj, &nodes) {
                        return Some(path);
                    }
                }
                continue;
            }
            let d = self.dist[next.index()];
            if d == UNREACHED || hops + d as usize > self.length {
                continue;
            }
            self.stack.push((next, 0));
            self.on_path[next.index()] = true;
        }
    }
}

//! Shortest path: fewest hops, by bidirectional breadth-first search.

use std::cell::RefCell;

use crate::model::handle::NodeId;
use rustc_hash::FxHashSet;

use super::adjacency::Adjacency;
use super::marks::{DenseMarks, Marks};
use super::path::Path;

/// What a fewest-hop search may not use: entities it may not enter and steps `(a, b)` it may
/// not take (Yen's algorithm bans both; a plain query neither).
#[derive(Debug, Default)]
pub(crate) struct Bans {
    pub blocked: FxHashSet<NodeId>,
    pub cut: FxHashSet<(NodeId, NodeId)>,
}

impl Bans {
    /// Whether the step from `a` to `b` may be taken (`a` being allowed).
    fn step_ok(&self, a: NodeId, b: NodeId) -> bool {
        (self.blocked.is_empty() || !self.blocked.contains(&b)) && (self.cut.is_empty() || !self.cut.contains(&(a, b)))
    }
}

/// One side of a bidirectional search: every node it reached, with its depth and the node it
/// was first reached from, and the nodes of each depth in the order they were reached.
struct Side<'s> {
    reached: Marks<'s, Reached>,
    levels: Vec<Vec<NodeId>>,
}

/// Arrays over every node for the two sides of a search, reused by the many searches of Yen's
/// algorithm.
#[derive(Debug)]
pub(crate) struct Scratch {
    forward: DenseMarks<Reached>,
    backward: DenseMarks<Reached>,
}

thread_local! {
    /// The arrays of the last finished k-shortest search on this thread, kept for the next:
    /// filling arrays over every node of a large graph costs as much as several searches.
    static SPARE: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

impl Scratch {
    /// Room for searches over `n` nodes.
    pub fn new(n: usize) -> Scratch {
        Scratch {
            forward: DenseMarks::new(n),
            backward: DenseMarks::new(n),
        }
    }

    /// Room for searches over `n` nodes: the arrays this thread last gave back if they fit,
    /// else new ones. Every search clears what it lends, so nothing carries over.
    pub fn take(n: usize) -> Scratch {
        SPARE
            .with(|spare| spare.borrow_mut().take())
            .filter(|s| s.forward.len() == n)
            .unwrap_or_else(|| Scratch::new(n))
    }

    /// Keeps the arrays for this thread's next [`Scratch::take`].
    pub fn give_back(self) {
        SPARE.with(|spare| *spare.borrow_mut() = Some(self));
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Reached {
    depth: u32,
    /// Where in its level the node is.
    position: u32,
    /// The node it was first reached from (itself for the start).
    parent: NodeId,
}

impl<'s> Side<'s> {
    fn new(start: NodeId, marks: Option<&'s mut DenseMarks<Reached>>) -> Side<'s> {
        let mut reached = Marks::new(marks);
        let mark = Reached {
            depth: 0,
            position: 0,
            parent: start,
        };
        reached.insert(start, mark);
        Side {
            reached,
            levels: vec![vec![start]],
        }
    }

    /// Levels beyond the start.
    fn reach(&self) -> usize {
        self.levels.len() - 1
    }

    /// The relations the next level would look at: what growing this side costs.
    fn cost(&self, adj: &Adjacency) -> usize {
        self.levels.last().map_or(0, |l| l.iter().map(|&n| adj.degree(n)).sum())
    }

    fn depth(&self, node: NodeId) -> Option<u32> {
        self.reached.get(node).map(|r| r.depth)
    }
}

/// The entities of a fewest-hop path from `from` to `to` of at most `max_hops` hops, never
/// entering a banned node nor taking a banned step; `work` counts the neighbours looked at.
/// With `scratch`, the search notes what it reaches there instead of in hash maps of its own.
///
/// Among equally short paths the answer is always the same one: the smallest in node (id)
/// order, comparing the entities one by one from `from` — the path a breadth-first search from
/// `from` finds when it visits neighbours in node order.
///
/// # Complexity
/// O(V + E) over the admitted graph in the worst case, but the search grows from both ends,
/// always the side whose next level is cheaper, and stops at the level where they meet: on a
/// large graph it looks at a small part of it.
pub(crate) fn fewest_hops(
    adj: &Adjacency,
    from: NodeId,
    to: NodeId,
    max_hops: Option<usize>,
    bans: &Bans,
    work: &mut usize,
    scratch: Option<&mut Scratch>,
) -> Option<Vec<NodeId>> {
    if from.index() >= adj.len()
        || to.index() >= adj.len()
        || bans.blocked.contains(&from)
        || bans.blocked.contains(&to)
        || !adj.admits_node(from)
        || !adj.admits_node(to)
    {
        return None;
    }
    if from == to {
        return Some(vec![from]);
    }
    let (f, b) = match scratch {
        Some(s) => (Some(&mut s.forward), Some(&mut s.backward)),
        None => (None, None),
    };
    let mut forward = Side::new(from, f);
    let mut backward = Side::new(to, b);
    // The node where the answer crosses from the part found from `from` to the part found
    // from `to`.
    let meeting = loop {
        if max_hops.is_some_and(|m| forward.reach() + backward.reach() >= m) {
            return None;
        }
        if forward.cost(adj) <= backward.cost(adj) {
            // Levels from `from` list their nodes in the order a breadth-first search reaches
            // them, which is the order of the smallest paths to them: the first node reached
            // that the other side knows is where the smallest path crosses.
            let depth = forward.reach() as u32 + 1;
            let mut next: Vec<NodeId> = Vec::new();
            let mut meeting = None;
            'level: for &node in &forward.levels[forward.reach()] {
                for n in adj.neighbours(node) {
                    *work += 1;
                    if !bans.step_ok(node, n) || forward.reached.contains(n) {
                        continue;
                    }
                    let reached = Reached {
                        depth,
                        position: next.len() as u32,
                        parent: node,
                    };
                    forward.reached.insert(n, reached);
                    next.push(n);
                    if backward.reached.contains(n) {
                        meeting = Some(n);
                        break 'level;
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            forward.levels.push(next);
            if let Some(m) = meeting {
                break m;
            }
        } else {
            // From `to`, every node of the level must be seen: the crossing is the meeting
            // node that comes first in its level from `from`.
            let depth = backward.reach() as u32 + 1;
            let mut next: Vec<NodeId> = Vec::new();
            let mut meeting: Option<(u32, NodeId)> = None;
            for &node in &backward.levels[backward.reach()] {
                for n in adj.predecessors(node) {
                    *work += 1;
                    // The step taken is n -> node.
                    if bans.blocked.contains(&n) || !bans.step_ok(n, node) || backward.reached.contains(n) {
                        continue;
                    }
                    let reached = Reached {
                        depth,
                        position: next.len() as u32,
                        parent: node,
                    };
                    backward.reached.insert(n, reached);
                    next.push(n);
                    if let Some(f) = forward.reached.get(n) {
                        if meeting.is_none_or(|(p, _)| f.position < p) {
                            meeting = Some((f.position, n));
                        }
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            backward.levels.push(next);
            if let Some((_, m)) = meeting {
                break m;
            }
        }
    };
    // To the meeting node along the first-reached links from `from`...
    let mut nodes = vec![meeting];
    let mut at = meeting;
    while at != from {
        at = forward.reached.get(at)?.parent;
        nodes.push(at);
    }
    nodes.reverse();
    // ...then on to `to` by the smallest next node that is one hop nearer to it.
    let mut at = meeting;
    for j in (0..backward.depth(meeting)?).rev() {
        let level = &backward.levels[j as usize];
        let ok = |n: NodeId| backward.depth(n) == Some(j) && bans.step_ok(at, n);
        at = if level.len() < adj.degree(at) {
            *work += level.len();
            level.iter().copied().filter(|&n| ok(n) && adj.has_step(at, n)).min()?
        } else {
            adj.neighbours(at).find(|&n| {
                *work += 1;
                ok(n)
            })?
        };
        nodes.push(at);
    }
    Some(nodes)
}

/// Turns a sequence of entities, each admitted-adjacent to the next, into a [`Path`].
pub(crate) fn path_through(adj: &Adjacency, nodes: &[NodeId]) -> Option<Path> {
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
pub(crate) fn shortest(adj: &Adjacency, from: NodeId, to: NodeId, max_hops: Option<usize>) -> Option<Path> {
    let nodes = fewest_hops(adj, from, to, max_hops, &Bans::default(), &mut 0, None)?;
    path_through(adj, &nodes)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use proptest::prelude::*;

    use super::*;
    use crate::query::direction::Direction;
    use crate::query::filter::Filter;
    use crate::query::test_graph::{edges_within, graph_of};

    /// The plain breadth-first search from `from`, neighbours in node order: the reference the
    /// bidirectional search must agree with, tie-break included.
    fn plain_bfs(
        adj: &Adjacency,
        from: NodeId,
        to: NodeId,
        max_hops: Option<usize>,
        bans: &Bans,
    ) -> Option<Vec<NodeId>> {
        if bans.blocked.contains(&from) || bans.blocked.contains(&to) {
            return None;
        }
        if from == to {
            return Some(vec![from]);
        }
        let mut parent: Vec<Option<NodeId>> = vec![None; adj.len()];
        let mut depth = vec![usize::MAX; adj.len()];
        depth[from.index()] = 0;
        let mut queue = VecDeque::from([from]);
        while let Some(node) = queue.pop_front() {
            let d = depth[node.index()];
            if max_hops.is_some_and(|m| d >= m) {
                continue;
            }
            for next in adj.neighbours(node) {
                if depth[next.index()] != usize::MAX || !bans.step_ok(node, next) {
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn bidirectional_search_agrees_with_plain_bfs(
            size in 2usize..24,
            raw in prop::collection::vec((0usize..24, 0usize..24, any::<bool>()), 0..60),
            directed in any::<bool>(),
            max_hops in prop::option::of(0usize..6),
            banned in prop::collection::vec(0usize..24, 0..3),
            cuts in prop::collection::vec((0usize..24, 0usize..24), 0..4),
        ) {
            let graph = graph_of(size, &edges_within(size, &raw));
            let direction = if directed { Direction::Directed } else { Direction::Both };
            let adj = Adjacency::new(&graph, &Filter::default(), direction, &[]);
            let node = |i: usize| NodeId::new(i % size);
            let bans = Bans {
                blocked: banned.iter().map(|&i| node(i)).filter(|n| n.index() != 0).collect(),
                cut: cuts.iter().map(|&(a, b)| (node(a), node(b))).collect(),
            };
            let mut scratch = Scratch::new(adj.len());
            for to in 0..size {
                let (a, b) = (NodeId::new(0), NodeId::new(to));
                let expected = plain_bfs(&adj, a, b, max_hops, &bans);
                let got = fewest_hops(&adj, a, b, max_hops, &bans, &mut 0, None);
                prop_assert_eq!(&got, &expected, "to {}", to);
                let reused = fewest_hops(&adj, a, b, max_hops, &bans, &mut 0, Some(&mut scratch));
                prop_assert_eq!(&reused, &expected, "to {} (reused arrays)", to);
            }
        }
    }
}

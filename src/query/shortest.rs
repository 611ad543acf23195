//! Shortest path: fewest hops, by bidirectional breadth-first search.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::adjacency::Adjacency;
use super::path::Path;

/// What a fewest-hop search may not use: entities it may not enter and steps `(a, b)` it may
/// not take (Yen's algorithm bans both; a plain query neither).
#[derive(Debug, Default)]
pub(crate) struct Bans {
    pub blocked: HashSet<NodeIndex>,
    pub cut: HashSet<(NodeIndex, NodeIndex)>,
}

impl Bans {
    /// Whether the step from `a` to `b` may be taken (`a` being allowed).
    fn step_ok(&self, a: NodeIndex, b: NodeIndex) -> bool {
        (self.blocked.is_empty() || !self.blocked.contains(&b)) && (self.cut.is_empty() || !self.cut.contains(&(a, b)))
    }
}

/// One side of a bidirectional search: the depth of every node it reached, and its levels.
struct Side {
    depth: FxHashMap<NodeIndex, u32>,
    levels: Vec<Vec<NodeIndex>>,
}

impl Side {
    fn new(start: NodeIndex) -> Side {
        Side {
            depth: FxHashMap::from_iter([(start, 0)]),
            levels: vec![vec![start]],
        }
    }

    fn frontier(&self) -> &[NodeIndex] {
        self.levels.last().map_or(&[], Vec::as_slice)
    }

    /// Levels beyond the start.
    fn reach(&self) -> usize {
        self.levels.len() - 1
    }
}

/// The entities of a fewest-hop path from `from` to `to` of at most `max_hops` hops, never
/// entering a banned node nor taking a banned step; `work` counts the neighbours looked at.
///
/// Among equally short paths the answer is always the same one: the smallest in node (id)
/// order, comparing the entities one by one from `from` — the path a breadth-first search from
/// `from` finds when it visits neighbours in node order.
///
/// # Complexity
/// O(V + E) over the admitted graph in the worst case, but the search grows from both ends,
/// always the side with the smaller frontier, and stops at the level where they meet: on a
/// large graph it looks at a small part of it.
pub(crate) fn fewest_hops(
    adj: &Adjacency,
    from: NodeIndex,
    to: NodeIndex,
    max_hops: Option<usize>,
    bans: &Bans,
    work: &mut usize,
) -> Option<Vec<NodeIndex>> {
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
    let mut forward = Side::new(from);
    let mut backward = Side::new(to);
    // The nodes reached from both sides, all at the same distance from each end.
    let meeting = loop {
        if max_hops.is_some_and(|m| forward.reach() + backward.reach() >= m) {
            return None;
        }
        let grow_forward = forward.frontier().len() <= backward.frontier().len();
        let (side, other) = if grow_forward {
            (&mut forward, &backward)
        } else {
            (&mut backward, &forward)
        };
        let depth = side.reach() as u32 + 1;
        let mut next = Vec::new();
        let mut meeting = Vec::new();
        let last = side.levels.len() - 1;
        for &node in &side.levels[last] {
            let mut look = |n: NodeIndex| {
                *work += 1;
                let ok = if grow_forward {
                    bans.step_ok(node, n)
                } else {
                    // The step taken is n -> node.
                    !bans.blocked.contains(&n) && bans.step_ok(n, node)
                };
                if !ok || side.depth.contains_key(&n) {
                    return;
                }
                side.depth.insert(n, depth);
                next.push(n);
                if other.depth.contains_key(&n) {
                    meeting.push(n);
                }
            };
            if grow_forward {
                adj.neighbours(node).for_each(&mut look);
            } else {
                adj.predecessors(node).for_each(&mut look);
            }
        }
        if next.is_empty() {
            return None;
        }
        side.levels.push(next);
        if !meeting.is_empty() {
            break meeting;
        }
    };
    let (kf, kb) = (forward.reach(), backward.reach());
    // good[i]: the nodes at depth i from `from` that start a shortest path to the meeting nodes.
    let mut good: Vec<Vec<NodeIndex>> = vec![Vec::new(); kf + 1];
    good[kf] = meeting;
    good[kf].sort_unstable();
    for i in (0..kf).rev() {
        let mut level: Vec<NodeIndex> = Vec::new();
        for &v in &good[i + 1] {
            for u in adj.predecessors(v) {
                *work += 1;
                if forward.depth.get(&u) == Some(&(i as u32)) && bans.step_ok(u, v) {
                    level.push(u);
                }
            }
        }
        level.sort_unstable();
        level.dedup();
        good[i] = level;
    }
    // Then the smallest next entity at every step: towards the meeting nodes, then to `to`.
    let mut nodes = Vec::with_capacity(kf + kb + 1);
    let mut at = from;
    nodes.push(at);
    for level in good.iter().skip(1) {
        at = adj
            .neighbours(at)
            .find(|n| level.binary_search(n).is_ok() && bans.step_ok(at, *n))?;
        nodes.push(at);
    }
    for j in (0..kb).rev() {
        at = adj
            .neighbours(at)
            .find(|n| backward.depth.get(n) == Some(&(j as u32)) && bans.step_ok(at, *n))?;
        nodes.push(at);
    }
    Some(nodes)
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
    let nodes = fewest_hops(adj, from, to, max_hops, &Bans::default(), &mut 0)?;
    path_through(adj, &nodes)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use proptest::prelude::*;

    use super::*;
    use crate::query::test_graph::{edges_within, graph_of};
    use crate::{Direction, Filter};

    /// The plain breadth-first search from `from`, neighbours in node order: the reference the
    /// bidirectional search must agree with, tie-break included.
    fn plain_bfs(
        adj: &Adjacency,
        from: NodeIndex,
        to: NodeIndex,
        max_hops: Option<usize>,
        bans: &Bans,
    ) -> Option<Vec<NodeIndex>> {
        if bans.blocked.contains(&from) || bans.blocked.contains(&to) {
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
        #![proptest_config(ProptestConfig::with_cases(48))]
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
            let node = |i: usize| NodeIndex::new(i % size);
            let bans = Bans {
                blocked: banned.iter().map(|&i| node(i)).filter(|n| n.index() != 0).collect(),
                cut: cuts.iter().map(|&(a, b)| (node(a), node(b))).collect(),
            };
            for to in 0..size {
                let (a, b) = (NodeIndex::new(0), NodeIndex::new(to));
                let expected = plain_bfs(&adj, a, b, max_hops, &bans);
                let got = fewest_hops(&adj, a, b, max_hops, &bans, &mut 0);
                prop_assert_eq!(got, expected, "to {}", to);
            }
        }
    }
}

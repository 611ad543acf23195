//! The k shortest simple paths, by Yen's algorithm.

use std::collections::{BTreeSet, HashSet};

use crate::model::handle::NodeId;
use rustc_hash::FxHashSet;

use super::adjacency::Adjacency;
use super::path::Path;
use super::shortest::{fewest_hops, path_through, Bans, Scratch};
use super::time::Certainty;

/// Up to `k` simple paths from `from` to `to` of at most `max_hops` hops, fewest hops first.
///
/// Paths are sequences of entities; where several relations link two consecutive entities, the
/// hop takes the best and lists the others as alternatives, so `k` counts genuinely different
/// routes. Among equally long paths, surer ones come first, then in id order.
///
/// The search stops when it has spent `work` steps (a search costs one step per neighbour it
/// looks at, and finding the steps to cut one per path found so far); the flag returned is
/// false when it stopped so, with fewer than `k` paths and possibly more to find.
///
/// # Complexity
/// O(k · n · (V + E + k)) for paths of n hops: each of the k rounds runs one (bidirectional)
/// breadth-first search per node of the previous path (Yen, 1971), and looks for the paths
/// found so far that share its root — at most `work` steps in all. The banned entities and
/// steps of each search are small sets beside the shared adjacency, not copies of the graph.
pub(crate) fn k_shortest(
    adj: &Adjacency,
    from: NodeId,
    to: NodeId,
    k: usize,
    max_hops: Option<usize>,
    work: usize,
) -> (Vec<Path>, bool) {
    if k == 0 {
        return (Vec::new(), true);
    }
    let Some(first) = fewest_hops(adj, from, to, max_hops, &Bans::default(), &mut 0, None) else {
        return (Vec::new(), true);
    };
    let rank = |nodes: &Vec<NodeId>| -> (usize, Certainty, Vec<NodeId>) {
        let worst = nodes
            .windows(2)
            .filter_map(|w| adj.best_certainty(w[0], w[1]))
            .max()
            .unwrap_or(Certainty::Definite);
        (nodes.len(), worst, nodes.clone())
    };
    let mut seen: HashSet<Vec<NodeId>> = HashSet::from([first.clone()]);
    let mut found: Vec<Vec<NodeId>> = vec![first];
    let mut candidates: BTreeSet<(usize, Certainty, Vec<NodeId>)> = BTreeSet::new();
    let mut work_left = work;
    // Arrays over every node, shared by the spur searches (and kept for the next query).
    let mut scratch = Scratch::take(adj.len());
    let mut complete = true;
    while found.len() < k {
        let Some(last) = found.last().cloned() else { break };
        for i in 0..last.len().saturating_sub(1) {
            if work_left == 0 {
                complete = false;
                break;
            }
            let spur = last[i];
            let root = &last[..=i];
            let cut: FxHashSet<(NodeId, NodeId)> = found
                .iter()
                .filter(|p| p.len() > i + 1 && &p[..=i] == root)
                .map(|p| (p[i], p[i + 1]))
                .collect();
            let bans = Bans {
                blocked: root[..i].iter().copied().collect(),
                cut,
            };
            let budget = max_hops.map(|m| m.saturating_sub(i));
            let mut used = found.len();
            let tail = fewest_hops(adj, spur, to, budget, &bans, &mut used, Some(&mut scratch));
            work_left = work_left.saturating_sub(used);
            if let Some(tail) = tail {
                let mut nodes = root[..i].to_vec();
                nodes.extend(tail);
                if !seen.contains(&nodes) {
                    candidates.insert(rank(&nodes));
                }
            }
        }
        if !complete {
            break;
        }
        match candidates.pop_first() {
            Some((_, _, nodes)) => {
                seen.insert(nodes.clone());
                found.push(nodes);
            }
            None => break,
        }
    }
    scratch.give_back();
    let paths = found.iter().filter_map(|nodes| path_through(adj, nodes)).collect();
    (paths, complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::direction::Direction;
    use crate::query::filter::Filter;
    use crate::query::test_graph::{edges_within, graph_of};

    #[test]
    fn reused_arrays_give_the_same_paths() {
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let raw: Vec<(usize, usize, bool)> = (0..90).map(|i| (next(), next(), i % 5 == 0)).collect();
        let small = graph_of(30, &edges_within(30, &raw));
        let large = graph_of(40, &edges_within(40, &raw));
        let ask = |g: &crate::model::graph::Graph, a: usize, b: usize| {
            let adj = Adjacency::new(g, &Filter::default(), Direction::Both, &[]);
            k_shortest(&adj, NodeId::new(a), NodeId::new(b), 6, None, usize::MAX)
        };
        let first = ask(&small, 0, 17);
        assert!(first.0.len() > 1, "the test graph has several paths");
        // Other searches in between, on this graph and on one of another size.
        let _ = ask(&small, 3, 11);
        let _ = ask(&large, 2, 29);
        assert_eq!(ask(&small, 0, 17), first);
        assert_eq!(ask(&small, 0, 17), first);
    }
}

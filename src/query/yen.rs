//! The k shortest simple paths, by Yen's algorithm.

use std::collections::{BTreeSet, HashSet};

use petgraph::graph::NodeIndex;

use super::adjacency::Adjacency;
use super::path::Path;
use super::shortest::{fewest_hops, path_through};
use super::time::Certainty;

/// Up to `k` simple paths from `from` to `to` of at most `max_hops` hops, fewest hops first.
///
/// Paths are sequences of entities; where several relations link two consecutive entities, the
/// hop takes the best and lists the others as alternatives, so `k` counts genuinely different
/// routes. Among equally long paths, surer ones come first, then in id order.
///
/// # Complexity
/// O(k · n · (V + E)) for paths of n hops: each of the k rounds runs one breadth-first search
/// per node of the previous path (Yen, 1971).
pub(crate) fn k_shortest(
    adj: &Adjacency,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    max_hops: Option<usize>,
) -> Vec<Path> {
    if k == 0 {
        return Vec::new();
    }
    let Some(first) = fewest_hops(adj, from, to, max_hops, &HashSet::new(), &HashSet::new()) else {
        return Vec::new();
    };
    let rank = |nodes: &Vec<NodeIndex>| -> (usize, Certainty, Vec<NodeIndex>) {
        let worst = nodes
            .windows(2)
            .filter_map(|w| adj.between(w[0], w[1]).first().map(|s| s.certainty))
            .max()
            .unwrap_or(Certainty::Definite);
        (nodes.len(), worst, nodes.clone())
    };
    let mut found: Vec<Vec<NodeIndex>> = vec![first];
    let mut candidates: BTreeSet<(usize, Certainty, Vec<NodeIndex>)> = BTreeSet::new();
    while found.len() < k {
        let Some(last) = found.last().cloned() else { break };
        for i in 0..last.len().saturating_sub(1) {
            let spur = last[i];
            let root = &last[..=i];
            let cut: HashSet<(NodeIndex, NodeIndex)> = found
                .iter()
                .filter(|p| p.len() > i + 1 && &p[..=i] == root)
                .map(|p| (p[i], p[i + 1]))
                .collect();
            let blocked: HashSet<NodeIndex> = root[..i].iter().copied().collect();
            let budget = max_hops.map(|m| m.saturating_sub(i));
            if let Some(tail) = fewest_hops(adj, spur, to, budget, &blocked, &cut) {
                let mut nodes = root[..i].to_vec();
                nodes.extend(tail);
                if !found.contains(&nodes) {
                    candidates.insert(rank(&nodes));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, _, nodes)) => found.push(nodes),
            None => break,
        }
    }
    found.iter().filter_map(|nodes| path_through(adj, nodes)).collect()
}

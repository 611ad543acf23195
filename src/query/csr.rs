//! Every relation of the graph as a compact adjacency (compressed sparse rows), built once per
//! graph and shared by every query.

use std::fmt;

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::Graph;

/// One relation seen from one of its ends: 12 bytes, two per relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The entity at the other end.
    pub to: u32,
    /// The relation.
    pub edge: u32,
    flags: u8,
}

const FORWARD: u8 = 1;
const SYMMETRIC: u8 = 2;
const DATED: u8 = 4;

impl Entry {
    /// The node at the other end.
    pub fn to(&self) -> NodeIndex {
        NodeIndex::new(self.to as usize)
    }

    /// The relation.
    pub fn edge(&self) -> EdgeIndex {
        EdgeIndex::new(self.edge as usize)
    }

    /// True when the relation goes from this end (its subject) to `to`.
    pub fn forward(&self) -> bool {
        self.flags & FORWARD != 0
    }

    /// True when the relation's predicate is symmetric (it may be read both ways even in a
    /// directed query).
    pub fn symmetric(&self) -> bool {
        self.flags & SYMMETRIC != 0
    }

    /// True when the relation has a date.
    pub fn dated(&self) -> bool {
        self.flags & DATED != 0
    }
}

/// For every node, both ends of all its relations, unfiltered, sorted by the node they lead to
/// and then best first when no time filter applies: dated before undated, forward before
/// backward, most sources, then relation order. That is the order the path queries break ties
/// in, so a filter only has to drop entries (and, with a time filter, reorder the few parallel
/// relations between two entities).
///
/// Memory: 12 bytes per relation end and 4 per node (about 25 MB for a million relations), in
/// place of a per-query copy of the graph.
#[derive(Clone, Default)]
pub(crate) struct Csr {
    /// The entries of node `n` are `entries[offsets[n]..offsets[n + 1]]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
}

impl fmt::Debug for Csr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Csr")
            .field("nodes", &self.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl Csr {
    /// The adjacency of every relation of `graph`, both ends.
    ///
    /// # Complexity
    /// O(V + E log d) for the largest degree d.
    pub fn new(graph: &Graph) -> Csr {
        let g = graph.petgraph();
        let n = g.node_count();
        let mut offsets = vec![0u32; n + 1];
        for e in g.raw_edges() {
            offsets[e.source().index() + 1] += 1;
            offsets[e.target().index() + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut entries = vec![
            Entry {
                to: 0,
                edge: 0,
                flags: 0,
            };
            offsets[n] as usize
        ];
        // Per relation: (undated, number of sources), for the sort below.
        let mut rank: Vec<(bool, u32)> = Vec::with_capacity(g.edge_count());
        for (i, e) in g.raw_edges().iter().enumerate() {
            let relation = &e.weight;
            let (a, b) = (e.source().index(), e.target().index());
            let mut flags = 0;
            if graph.predicate_of(relation).symmetric {
                flags |= SYMMETRIC;
            }
            if relation.date.is_some() {
                flags |= DATED;
            }
            // Distinct sources (the evidence is sorted by source), without collecting them.
            let sources = relation
                .evidence
                .iter()
                .enumerate()
                .filter(|(i, ev)| *i == 0 || relation.evidence[i - 1].source != ev.source)
                .count();
            rank.push((relation.date.is_none(), sources as u32));
            let edge = i as u32;
            entries[fill[a] as usize] = Entry {
                to: b as u32,
                edge,
                flags: flags | FORWARD,
            };
            fill[a] += 1;
            entries[fill[b] as usize] = Entry {
                to: a as u32,
                edge,
                flags,
            };
            fill[b] += 1;
        }
        for i in 0..n {
            let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
            entries[start..end].sort_unstable_by_key(|e| {
                let (undated, sources) = rank[e.edge as usize];
                (e.to, undated, !e.forward(), std::cmp::Reverse(sources), e.edge)
            });
        }
        Csr { offsets, entries }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Every entry of `node` (none for a node not in the graph).
    pub fn entries(&self, node: NodeIndex) -> &[Entry] {
        let i = node.index();
        if i >= self.len() {
            return &[];
        }
        &self.entries[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The entries of `a` that lead to `b`.
    pub fn between(&self, a: NodeIndex, b: NodeIndex) -> &[Entry] {
        let entries = self.entries(a);
        let b = b.index() as u32;
        let start = entries.partition_point(|e| e.to < b);
        let end = start + entries[start..].partition_point(|e| e.to <= b);
        &entries[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Graph;
    use petgraph::visit::EdgeRef;

    #[test]
    fn every_relation_appears_once_from_each_end() {
        let graph = Graph::embedded().unwrap();
        let csr = Csr::new(&graph);
        let g = graph.petgraph();
        assert_eq!(csr.len(), g.node_count());
        let total: usize = g.node_indices().map(|n| csr.entries(n).len()).sum();
        assert_eq!(total, 2 * g.edge_count());
        for e in g.edge_references() {
            let (a, b) = (e.source(), e.target());
            let from_a: Vec<&Entry> = csr.between(a, b).iter().filter(|x| x.edge() == e.id()).collect();
            let from_b: Vec<&Entry> = csr.between(b, a).iter().filter(|x| x.edge() == e.id()).collect();
            if a == b {
                assert_eq!(from_a.len(), 2);
            } else {
                assert_eq!(from_a.len(), 1);
                assert_eq!(from_b.len(), 1);
                assert!(from_a[0].forward() && !from_b[0].forward());
            }
            let relation = graph.relation_at(e.id());
            assert_eq!(from_a[0].dated(), relation.date.is_some());
            assert_eq!(from_a[0].symmetric(), graph.predicate_of(relation).symmetric);
        }
    }

    #[test]
    fn entries_are_sorted_by_neighbour_then_best_first() {
        let graph = Graph::embedded().unwrap();
        let csr = Csr::new(&graph);
        let mut parallel = 0;
        for n in graph.petgraph().node_indices() {
            for w in csr.entries(n).windows(2) {
                assert!(w[0].to <= w[1].to);
                if w[0].to == w[1].to {
                    parallel += 1;
                    let key = |e: &Entry| {
                        let r = graph.relation_at(e.edge());
                        (!e.dated(), !e.forward(), std::cmp::Reverse(r.sources().len()), e.edge)
                    };
                    assert!(key(&w[0]) < key(&w[1]));
                }
            }
        }
        assert!(parallel > 0, "the embedded graph has parallel relations");
    }

    #[test]
    fn a_node_outside_the_graph_has_no_entries() {
        let graph = Graph::embedded().unwrap();
        let csr = Csr::new(&graph);
        let outside = NodeIndex::new(csr.len() + 5);
        assert!(csr.entries(outside).is_empty());
        assert!(csr.between(outside, NodeIndex::new(0)).is_empty());
        assert_eq!(Csr::default().len(), 0);
    }
}

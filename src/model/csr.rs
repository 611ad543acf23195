//! Every relation of the graph as a compact adjacency (compressed sparse rows), built once per
//! graph and shared by every query.

use std::fmt;

use crate::model::handle::{EdgeId, NodeId};
use petgraph::graph::DiGraph;

use crate::model::entity::Entity;
use crate::model::relation::Relation;

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
    pub fn to(&self) -> NodeId {
        NodeId::new(self.to as usize)
    }

    /// The relation.
    pub fn edge(&self) -> EdgeId {
        EdgeId::new(self.edge as usize)
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

    /// The entry's flags as one byte, for the binary image.
    pub fn flag_bits(&self) -> u8 {
        self.flags
    }

    /// The entry of the binary image's numbers, if the flags are ones [`Entry::flag_bits`] gives.
    pub fn from_raw(to: u32, edge: u32, flags: u8) -> Option<Entry> {
        (flags <= FORWARD | SYMMETRIC | DATED).then_some(Entry { to, edge, flags })
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
    /// The adjacency of every relation of `g`, both ends; `relation` gives edge `i`'s relation
    /// and whether its predicate is symmetric.
    ///
    /// # Complexity
    /// O(V + E log d) for the largest degree d.
    pub fn new<'r>(g: &DiGraph<Entity, ()>, relation: impl Fn(usize) -> (&'r Relation, bool)) -> Csr {
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
            let (relation, symmetric) = relation(i);
            let (a, b) = (e.source().index(), e.target().index());
            let mut flags = 0;
            if symmetric {
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

    /// The offsets and the entries, for the binary image.
    pub fn parts(&self) -> (&[u32], &[Entry]) {
        (&self.offsets, &self.entries)
    }

    /// The adjacency of the binary image's offsets and entries, if they are one of a graph of
    /// `nodes` nodes and `edges` relations: offsets from 0 to the number of entries, never
    /// decreasing, two entries per relation, every entry's ends in range — so that no query
    /// can index out of the graph. (That it is *this* graph's adjacency, the image's checksum
    /// vouches for.)
    pub fn from_parts(offsets: Vec<u32>, entries: Vec<Entry>, nodes: usize, edges: usize) -> Option<Csr> {
        let well_formed = offsets.len() == nodes + 1
            && offsets.first() == Some(&0)
            && offsets.last().map(|&n| n as usize) == Some(entries.len())
            && entries.len() == 2 * edges
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && entries
                .iter()
                .all(|e| (e.to as usize) < nodes && (e.edge as usize) < edges);
        well_formed.then_some(Csr { offsets, entries })
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Every entry of `node` (none for a node not in the graph).
    pub fn entries(&self, node: NodeId) -> &[Entry] {
        let i = node.index();
        if i >= self.len() {
            return &[];
        }
        &self.entries[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The entries of `a` that lead to `b`.
    pub fn between(&self, a: NodeId, b: NodeId) -> &[Entry] {
        let entries = self.entries(a);
        let b = b.index() as u32;
        let start = entries.partition_point(|e| e.to < b);
        let end = start + entries[start..].partition_point(|e| e.to <= b);
        &entries[start..end]
    }
}

//! What a search notes about the nodes it reaches: in a hash map for a one-off search, or in
//! arrays over every node that many searches reuse.

use crate::model::handle::NodeId;
use rustc_hash::FxHashMap;

/// A value per node, over all the nodes of a graph, cleared in O(1) by moving to a new
/// generation: Yen's algorithm runs dozens of searches, and arrays it allocates once beat a hash
/// map it fills again and again.
#[derive(Debug, Clone)]
pub(crate) struct DenseMarks<T> {
    /// Per node: the generation its value was set in, and the value (side by side, so a mark
    /// costs one cache miss, not two).
    slots: Vec<(u32, T)>,
    generation: u32,
}

impl<T: Copy + Default> DenseMarks<T> {
    /// Marks for `n` nodes, none set.
    pub fn new(n: usize) -> DenseMarks<T> {
        DenseMarks {
            slots: vec![(0, T::default()); n],
            generation: 1,
        }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Forgets every mark.
    pub fn clear(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.slots.iter_mut().for_each(|s| s.0 = 0);
            self.generation = 1;
        }
    }
}

/// The marks of one search.
#[derive(Debug)]
pub(crate) enum Marks<'s, T> {
    /// For a single search, which usually reaches a small part of the graph.
    Sparse(FxHashMap<NodeId, T>),
    /// Arrays shared by many searches (cleared when lent).
    Dense(&'s mut DenseMarks<T>),
}

impl<'s, T: Copy + Default> Marks<'s, T> {
    /// Empty marks: in `dense` if given (cleared first), else in a new hash map.
    pub fn new(dense: Option<&'s mut DenseMarks<T>>) -> Marks<'s, T> {
        match dense {
            Some(d) => {
                d.clear();
                Marks::Dense(d)
            }
            None => Marks::Sparse(FxHashMap::default()),
        }
    }

    /// The mark of `node`, if it has one.
    #[inline]
    pub fn get(&self, node: NodeId) -> Option<&T> {
        match self {
            Marks::Sparse(map) => map.get(&node),
            Marks::Dense(d) => match d.slots.get(node.index()) {
                Some((stamp, value)) if *stamp == d.generation => Some(value),
                _ => None,
            },
        }
    }

    /// Whether `node` has a mark.
    #[inline]
    pub fn contains(&self, node: NodeId) -> bool {
        self.get(node).is_some()
    }

    /// Marks `node` (a node of the graph) with `value`.
    #[inline]
    pub fn insert(&mut self, node: NodeId, value: T) {
        match self {
            Marks::Sparse(map) => {
                map.insert(node, value);
            }
            Marks::Dense(d) => {
                let generation = d.generation;
                if let Some(slot) = d.slots.get_mut(node.index()) {
                    *slot = (generation, value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_marks_agree_and_clear() {
        let mut arrays = DenseMarks::<u32>::new(10);
        for round in 0..3u32 {
            let mut dense = Marks::new(Some(&mut arrays));
            let mut sparse = Marks::new(None);
            assert!(!dense.contains(NodeId::new(3)), "round {round} starts clear");
            for i in [3, 7, 3] {
                dense.insert(NodeId::new(i), i as u32 + round);
                sparse.insert(NodeId::new(i), i as u32 + round);
            }
            for i in 0..10 {
                assert_eq!(dense.get(NodeId::new(i)), sparse.get(NodeId::new(i)));
            }
            assert_eq!(dense.get(NodeId::new(7)), Some(&(7 + round)));
            assert!(dense.get(NodeId::new(40)).is_none());
        }
    }

    #[test]
    fn the_generation_wraps_around() {
        let mut arrays = DenseMarks::<u8>::new(4);
        Marks::new(Some(&mut arrays)).insert(NodeId::new(1), 5);
        arrays.generation = u32::MAX;
        arrays.slots[2].0 = u32::MAX;
        let marks = Marks::new(Some(&mut arrays));
        assert!(!marks.contains(NodeId::new(2)));
        assert!(!marks.contains(NodeId::new(1)));
    }
}

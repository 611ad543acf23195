//! The relations of a graph, in relation order: held, or decoded from the binary image in blocks
//! when first asked for, so that a query that reads a few relations of a million (a path, an
//! entity's timeline) does not pay for decoding, allocating and paging in all of them.

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::model::relation::Relation;

/// How many relations are decoded together: one allocation for 64 relations when all are read
/// (an export), and little more than asked for when a few are.
pub(crate) const BLOCK: usize = 64;

/// Relations stored elsewhere (the binary image), decoded a block at a time.
pub(crate) trait RelationBlocks: Send + Sync {
    /// The relations `BLOCK * block` up to `BLOCK * (block + 1)` (fewer in the last block),
    /// decoded. The store was checked when it was made, so this cannot fail.
    fn block(&self, block: usize) -> Vec<Relation>;
}

/// Every relation of a graph, by index.
#[derive(Clone)]
pub(crate) enum RelationTable {
    /// Relations held in memory (the CSV loader, a restricted graph).
    Held(Vec<Relation>),
    /// Relations decoded on first use, by block.
    Encoded {
        blocks: Arc<dyn RelationBlocks>,
        decoded: Vec<OnceLock<Box<[Relation]>>>,
        len: usize,
    },
}

impl RelationTable {
    /// The `len` relations of `blocks`.
    pub fn encoded(blocks: Arc<dyn RelationBlocks>, len: usize) -> RelationTable {
        RelationTable::Encoded {
            blocks,
            decoded: (0..len.div_ceil(BLOCK)).map(|_| OnceLock::new()).collect(),
            len,
        }
    }

    /// The number of relations.
    pub fn len(&self) -> usize {
        match self {
            RelationTable::Held(list) => list.len(),
            RelationTable::Encoded { len, .. } => *len,
        }
    }

    /// The relation of index `i`.
    ///
    /// # Panics
    /// If `i` is not below [`RelationTable::len`] (as indexing a slice would).
    pub fn get(&self, i: usize) -> &Relation {
        match self {
            RelationTable::Held(list) => &list[i],
            RelationTable::Encoded { blocks, decoded, len } => {
                assert!(i < *len, "relation {i} of {len}");
                let block = decoded[i / BLOCK].get_or_init(|| blocks.block(i / BLOCK).into_boxed_slice());
                &block[i % BLOCK]
            }
        }
    }

    /// Decodes every relation not decoded yet, block by block on `threads` threads (the caller's
    /// among them), so that a reader of all of them (an export) does not decode them one block
    /// at a time on one thread. Nothing to do for held relations.
    pub fn decode_all(&self, threads: usize) {
        let RelationTable::Encoded { blocks, decoded, .. } = self else {
            return;
        };
        let decode = |first: usize, step: usize| {
            for (b, cell) in decoded.iter().enumerate().skip(first).step_by(step) {
                cell.get_or_init(|| blocks.block(b).into_boxed_slice());
            }
        };
        let threads = threads.clamp(1, decoded.len().max(1));
        std::thread::scope(|scope| {
            for t in 1..threads {
                scope.spawn(move || decode(t, threads));
            }
            decode(0, threads);
        });
    }

    /// Adds a relation to a table of held relations.
    ///
    /// # Panics
    /// On a table of encoded relations (those are complete when made).
    pub fn push(&mut self, relation: Relation) {
        match self {
            RelationTable::Held(list) => list.push(relation),
            RelationTable::Encoded { .. } => panic!("relations are added to a held table only"),
        }
    }
}

impl fmt::Debug for RelationTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries((0..self.len()).map(|i| self.get(i))).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::model::id::Id;
    use crate::model::relation::RelationId;

    /// Relations numbered by their id, counting the blocks decoded.
    struct Counted {
        len: usize,
        decoded: AtomicUsize,
    }

    impl RelationBlocks for Counted {
        fn block(&self, block: usize) -> Vec<Relation> {
            self.decoded.fetch_add(1, Ordering::Relaxed);
            let id = |s: &str| Id::new(s).unwrap();
            (block * BLOCK..self.len.min((block + 1) * BLOCK))
                .map(|i| Relation {
                    id: RelationId::from_raw(i as u64),
                    subject: id("a"),
                    predicate: id("p"),
                    object: id("b"),
                    date: None,
                    evidence: Vec::new(),
                })
                .collect()
        }
    }

    #[test]
    fn encoded_relations_are_decoded_once_a_block_when_asked_for() {
        let blocks = Arc::new(Counted {
            len: 3 * BLOCK + 5,
            decoded: AtomicUsize::new(0),
        });
        let table = RelationTable::encoded(Arc::clone(&blocks) as Arc<dyn RelationBlocks>, 3 * BLOCK + 5);
        assert_eq!(table.len(), 3 * BLOCK + 5);
        assert_eq!(
            blocks.decoded.load(Ordering::Relaxed),
            0,
            "nothing decoded before it is asked for"
        );
        assert_eq!(table.get(BLOCK + 1).id.raw(), BLOCK as u64 + 1);
        assert_eq!(table.get(BLOCK + 2).id.raw(), BLOCK as u64 + 2);
        assert_eq!(
            blocks.decoded.load(Ordering::Relaxed),
            1,
            "one block for two relations of it"
        );
        assert_eq!(table.get(3 * BLOCK + 4).id.raw(), 3 * BLOCK as u64 + 4);
        assert_eq!(blocks.decoded.load(Ordering::Relaxed), 2);
        let all: Vec<u64> = (0..table.len()).map(|i| table.get(i).id.raw()).collect();
        assert_eq!(all, (0..3 * BLOCK as u64 + 5).collect::<Vec<_>>());
        assert_eq!(blocks.decoded.load(Ordering::Relaxed), 4, "every block once");
    }

    #[test]
    fn decoding_all_on_threads_decodes_every_block_once() {
        for threads in [0, 1, 2, 3, 8] {
            let blocks = Arc::new(Counted {
                len: 5 * BLOCK + 1,
                decoded: AtomicUsize::new(0),
            });
            let table = RelationTable::encoded(Arc::clone(&blocks) as Arc<dyn RelationBlocks>, 5 * BLOCK + 1);
            table.get(2 * BLOCK);
            table.decode_all(threads);
            assert_eq!(blocks.decoded.load(Ordering::Relaxed), 6, "{threads} threads");
            let all: Vec<u64> = (0..table.len()).map(|i| table.get(i).id.raw()).collect();
            assert_eq!(all, (0..5 * BLOCK as u64 + 1).collect::<Vec<_>>());
            assert_eq!(blocks.decoded.load(Ordering::Relaxed), 6, "nothing decoded twice");
        }
        let empty = RelationTable::encoded(
            Arc::new(Counted {
                len: 0,
                decoded: AtomicUsize::new(0),
            }),
            0,
        );
        empty.decode_all(4);
        assert_eq!(empty.len(), 0);
    }

    #[test]
    #[should_panic(expected = "relation")]
    fn an_index_past_the_end_panics_like_a_slice() {
        let blocks = Arc::new(Counted {
            len: 3,
            decoded: AtomicUsize::new(0),
        });
        RelationTable::encoded(blocks, 3).get(3);
    }
}

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

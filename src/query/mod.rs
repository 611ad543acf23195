//! Questions asked of the graph: filters, neighbourhoods, paths, timelines, disagreements.

pub(crate) mod filter;
pub(crate) mod neighbourhood;
pub(crate) mod select;
pub(crate) mod time;

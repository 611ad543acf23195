//! Questions asked of the graph: filters, neighbourhoods, paths, timelines, disagreements.

pub(crate) mod adjacency;
pub(crate) mod clock;
pub(crate) mod direction;
pub(crate) mod disagreement;
pub(crate) mod filter;
pub(crate) mod journey;
pub(crate) mod marks;
pub(crate) mod neighbourhood;
pub(crate) mod path;
pub(crate) mod paths;
pub(crate) mod quantity;
pub(crate) mod report;
pub(crate) mod select;
pub(crate) mod shortest;
pub(crate) mod simple_paths;
#[cfg(test)]
pub(crate) mod test_graph;
pub(crate) mod time;
pub(crate) mod timeline;
pub(crate) mod yen;

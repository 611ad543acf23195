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

pub use direction::Direction;
pub use disagreement::{
    Disagreement, DisagreementDisplay, DisagreementQuery, DisagreementReport, Disputed, Scope, Statement,
    StatementReport, Version, VersionReport,
};
pub use filter::Filter;
pub use neighbourhood::{NeighbourQuery, NeighbourReport, Neighbourhood, NeighbourhoodDisplay, NeighbourhoodReport};
pub use path::{Alternative, Hop, Path};
pub use paths::{PathQuery, PathSet, DEFAULT_JOURNEY_WORK, DEFAULT_LIMIT, DEFAULT_MAX_HOPS, DEFAULT_WORK};
pub use quantity::Quantity;
pub use report::{EntityRef, HopReport, PathDisplay, PathReport, RelationReport};
pub use select::Selection;
pub use simple_paths::SimplePaths;
pub use time::{Certainty, TimeFilter};
pub use timeline::{
    chronological, EntityDateReport, EntryReport, Timeline, TimelineDisplay, TimelineEntry, TimelineQuery,
    TimelineReport,
};

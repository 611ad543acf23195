#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod curate;
pub mod export;
pub mod load;
pub mod model;
pub mod query;
pub mod text;
pub mod verify;

pub use load::{Dataset, Limits, LoadError};
pub use model::{
    EdgeId, Edtf, Entity, EntityKind, Evidence, Graph, Id, Incident, NodeId, Predicate, Problem, Problems, Relation,
    RelationId, ResolveError, Source, Stats, Temporal,
};
pub use query::{
    Certainty, Direction, Disagreement, DisagreementQuery, Filter, Hop, NeighbourQuery, Neighbourhood, Path, PathQuery,
    PathSet, SimplePaths, TimeFilter, Timeline, TimelineEntry, TimelineQuery,
};

/// The Rust examples of docs/queries.md, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/queries.md")]
struct QueriesDoc;

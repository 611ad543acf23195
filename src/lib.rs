#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod curate;
mod export;
mod load;
mod model;
mod query;
mod text;

pub use export::atomic::{same_file, write_atomically, WriteError};
pub use export::csv::{
    guard_formula, join_values, split_values, unguard_formula, write_edges_csv, write_nodes_csv, CsvFlavor, EDGES_FILE,
    EDGE_COLUMNS, NODES_FILE, NODE_COLUMNS,
};
pub use export::csv_neo4j::{
    neo4j_type, Neo4jDelimiterError, NEO4J_ARRAY_DELIMITER, NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER,
};
pub use export::dot::{write_dot, Cluster, DotLayout, DotWriter};
pub use export::dot_path::{write_path_dot, PathHopError, PathWriter};
pub use export::dot_rank_dir::RankDir;
pub use export::dot_timeline::{write_timeline_dot, TimelineWriter};
pub use export::dot_views::{named_views, NamedView};
pub use export::format::Format;
pub use export::rdf::base::BaseIri;
pub use export::rdf::error::RdfError;
pub use export::rdf::export::RdfExport;
pub use export::rdf::syntax::RdfSyntax;
pub use load::dataset::{DataFile, Dataset, FILE_NAMES};
pub use load::error::LoadError;
pub use load::limits::Limits;
pub use model::edtf::{Bound, DatePoint, Day, Edtf, EdtfError, Precision};
pub use model::entity::Entity;
pub use model::graph::{Graph, Incident, ResolveError, Stats};
pub use model::id::{Id, IdError};
pub use model::kind::{EntityKind, UnknownKind};
pub use model::predicate::{Predicate, Temporal};
pub use model::problem::{Problem, Problems, Severity};
pub use model::relation::{Evidence, Relation, RelationId, Span};
pub use model::source::Source;
pub use query::direction::Direction;
pub use query::disagreement::{
    Disagreement, DisagreementDisplay, DisagreementQuery, DisagreementReport, Disputed, Statement, StatementReport,
    Version, VersionReport,
};
pub use query::filter::Filter;
pub use query::neighbourhood::{
    neighbourhood, NeighbourQuery, NeighbourReport, Neighbourhood, NeighbourhoodDisplay, NeighbourhoodReport,
};
pub use query::path::{Alternative, Hop, Path};
pub use query::paths::{PathQuery, PathSet, DEFAULT_JOURNEY_WORK, DEFAULT_LIMIT, DEFAULT_MAX_HOPS, DEFAULT_WORK};
pub use query::quantity::Quantity;
pub use query::report::{EntityRef, HopReport, PathDisplay, PathReport, RelationReport};
pub use query::select::Selection;
pub use query::simple_paths::SimplePaths;
pub use query::time::{Certainty, TimeFilter};
pub use query::timeline::{chronological, Timeline, TimelineDisplay, TimelineEntry, TimelineQuery, TimelineReport};
pub use text::fold::fold;

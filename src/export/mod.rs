//! Writing the graph out: RDF, DOT, CSV. Every exporter streams to a `W: Write` in a fixed order,
//! so the same graph always gives byte-identical output.

pub(crate) mod atomic;
pub(crate) mod csv;
pub(crate) mod csv_cells;
pub(crate) mod csv_neo4j;
pub(crate) mod dot;
pub(crate) mod dot_escape;
pub(crate) mod dot_path;
pub(crate) mod dot_rank_dir;
pub(crate) mod dot_style;
pub(crate) mod dot_timeline;
pub(crate) mod dot_views;
pub(crate) mod facts;
pub(crate) mod format;
pub(crate) mod rdf;

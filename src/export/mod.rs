//! Writing the graph out: RDF, DOT, CSV. Every exporter streams to a `W: Write` in a fixed order,
//! so the same graph always gives byte-identical output.

pub(crate) mod atomic;
pub mod csv;
pub mod dot;
pub(crate) mod facts;
pub(crate) mod format;
pub mod rdf;

pub use atomic::{write_atomically, WriteError};
pub use format::Format;

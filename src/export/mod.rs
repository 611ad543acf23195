//! Writing the graph out: RDF, DOT, CSV, GEXF, GraphML and the explorer page. Every exporter
//! streams to a `W: Write` in a fixed order, so the same graph always gives byte-identical output.

pub(crate) mod atomic;
pub mod csv;
pub mod dot;
pub(crate) mod evidence_link;
pub(crate) mod facts;
pub(crate) mod format;
pub mod gexf;
pub mod graphml;
pub mod html;
pub(crate) mod json_text;
pub mod rdf;
pub(crate) mod xml_text;

pub use atomic::{same_file, write_atomically, WriteError};
pub use format::Format;

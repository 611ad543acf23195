//! Writing the graph out: RDF, DOT, CSV. Every exporter streams to a `W: Write` in a fixed order,
//! so the same graph always gives byte-identical output.

pub(crate) mod atomic;
pub(crate) mod format;
pub(crate) mod rdf;

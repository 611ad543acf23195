//! RDF export: Turtle, N-Triples and N-Quads that a triplestore loads and SPARQL can answer.
//!
//! The model (documented with examples in docs/rdf.md):
//! - a vocabulary of our own under `<base>vocab/` (prefix `dg:`): a class per entity kind, a
//!   property per predicate with a named inverse, and the terms for dates and evidence;
//! - entities at `<base>entity/<id>`, with a direct triple per relation;
//! - a statement per relation at `<base>relation/<relation id>` (standard reification), with its
//!   dates as typed literals and one evidence resource per claim at `<base>evidence/...`,
//!   derived from a source at `<base>source/<id>`, and itself a Web Annotation (`oa:`) whose
//!   target is the source narrowed by a text quote selector;
//! - in N-Quads, statements and evidence in a named graph per source, `<base>graph/<source id>`;
//! - opt-in ([`RdfVersion::Rdf12`]), each statement as an RDF 1.2 reifier of a triple term,
//!   `relation:r-… rdf:reifies <<( s p o )>>`, instead of an `rdf:Statement`; in Turtle written
//!   with the annotation syntax, `s p o ~ relation:r-… {| … |}`.

mod annotated;
mod annotation;
pub(crate) mod base;
mod block;
mod chunks;
mod claimed;
mod dates;
mod entity;
pub(crate) mod error;
pub(crate) mod export;
mod iris;
mod namespaces;
mod render;
mod rows;
mod sink;
mod source;
mod statement;
pub(crate) mod syntax;
mod version;
mod vocabulary;
mod writer;

pub use base::BaseIri;
pub use error::RdfError;
pub use export::RdfExport;
pub use syntax::RdfSyntax;
pub use version::RdfVersion;

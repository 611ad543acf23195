//! Helpers shared by the RDF integration tests: the expected IRIs and literals, written out
//! independently of the exporter (they restate the model of docs/rdf.md), and exports
//! of a graph in each syntax.
#![allow(dead_code)]

pub mod expected;
pub mod native;

use diplograph::{
    export::rdf::{BaseIri, RdfExport, RdfSyntax},
    model::{DatePoint, Day, Precision},
    Graph, RelationId,
};
use oxrdf::Literal;

/// The default base IRI, as documented.
pub const BASE: &str = "https://diplograph.example/";

const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// `<base>entity/<id>` in N-Triples form.
pub fn entity(id: &str) -> String {
    format!("<{BASE}entity/{id}>")
}

/// `<base>vocab/<name>` in N-Triples form.
pub fn vocab(name: &str) -> String {
    format!("<{BASE}vocab/{name}>")
}

/// `<base>relation/<id>` in N-Triples form.
pub fn relation(id: RelationId) -> String {
    format!("<{BASE}relation/{id}>")
}

/// `<base>source/<id>` in N-Triples form.
pub fn source(id: &str) -> String {
    format!("<{BASE}source/{id}>")
}

/// `<base>graph/<source id>` in N-Triples form.
pub fn graph_name(id: &str) -> String {
    format!("<{BASE}graph/{id}>")
}

/// `<base>evidence/<relation>.<source>[.<n>]` in N-Triples form.
pub fn evidence(r: RelationId, source: &str, n: usize) -> String {
    if n == 1 {
        format!("<{BASE}evidence/{r}.{source}>")
    } else {
        format!("<{BASE}evidence/{r}.{source}.{n}>")
    }
}

/// An IRI in N-Triples form.
pub fn iri(text: &str) -> String {
    format!("<{text}>")
}

/// An `@en` literal in N-Triples form.
pub fn en(text: &str) -> String {
    Literal::new_language_tagged_literal_unchecked(text, "en").to_string()
}

/// A plain string literal in N-Triples form.
pub fn plain(text: &str) -> String {
    Literal::new_simple_literal(text).to_string()
}

/// A date typed at its own precision.
pub fn date(d: &DatePoint) -> String {
    let datatype = match d.precision() {
        Precision::Year => "gYear",
        Precision::Month => "gYearMonth",
        Precision::Day => "date",
    };
    format!("\"{}\"^^<{XSD}{datatype}>", d.plain())
}

/// A day as an `xsd:date`.
pub fn day(d: Day) -> String {
    format!("\"{d}\"^^<{XSD}date>")
}

/// `true` as an `xsd:boolean`.
pub fn yes() -> String {
    format!("\"true\"^^<{XSD}boolean>")
}

/// The curated graph, loaded from the crate's graph-data folder.
pub fn graph() -> Graph {
    Graph::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data")).expect("graph-data loads")
}

/// The export of `graph` in `syntax` under the default base.
pub fn export(graph: &Graph, syntax: RdfSyntax) -> Vec<u8> {
    RdfExport::new(graph, &BaseIri::default())
        .expect("export prepares")
        .write(syntax, Vec::new())
        .expect("export writes")
}

#[allow(unused_imports)] // not every test binary uses it through this module
pub use crate::support::tools_required;

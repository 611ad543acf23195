//! The exporters: CSV (round trip, Neo4j, networkx), DOT (escaping, rendering by Graphviz, the
//! query diagrams) and RDF (round trip, determinism, the fast writer, SPARQL, external parsers
//! and triple stores), through the library and the binary; a recorded text-fragment link opened in
//! headless Chromium.

#[path = "../support/mod.rs"]
mod support;

mod csv_neo4j;
mod csv_networkx;
mod csv_roundtrip;
mod dot_escape;
mod dot_frames;
mod dot_queries;
mod dot_render;
mod dot_views;
mod rdf12;
mod rdf_cli;
mod rdf_determinism;
mod rdf_fast_writer;
mod rdf_roundtrip;
mod rdf_sparql;
mod rdf_tools;
mod text_fragment_browser;
mod tools;
mod triplestore_servers;

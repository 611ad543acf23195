//! The Neo4j flavour of the CSV export: headers that `neo4j-admin database import` reads.
//!
//! Import with (Neo4j 5; the files in Neo4j's `import/` folder):
//!
//! ```text
//! neo4j-admin database import full --nodes=Entity=import/nodes.csv --relationships=import/edges.csv \
//!     --array-delimiter="U+001F" --multiline-fields=true neo4j
//! ```
//!
//! Arrays (`aliases`, `same_as`, and per claim `sources`, `quotes`, `notes`, `statements`) are joined by
//! U+001F (the ASCII unit separator), because the usual `;` and `|` both occur in the quotes and
//! notes and Neo4j's importer cannot escape its array delimiter.

use std::io::{self, Write};

use super::cells::{bound_cells, disputed_edges};
use super::error::Neo4jDelimiterError;
use super::options::CertaintyOf;
use crate::export::evidence_link::link_cell;
use crate::model::graph::Graph;
use crate::query::time::Certainty;

/// The array delimiter of the Neo4j flavour: U+001F, INFORMATION SEPARATOR ONE (unit separator).
/// Pass it to the importer as `--array-delimiter="U+001F"`.
pub const NEO4J_ARRAY_DELIMITER: char = '\u{1f}';

/// Header of the Neo4j `nodes.csv`.
pub const NEO4J_NODE_HEADER: [&str; 12] = [
    "id:ID",
    ":LABEL",
    "kind",
    "label",
    "aliases:string[]",
    "description",
    "same_as:string[]",
    "date",
    "date_source",
    "date_quote",
    "date_link",
    "iso_3166",
];

/// Header of the Neo4j `edges.csv`.
pub const NEO4J_EDGE_HEADER: [&str; 16] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "id",
    "predicate",
    "predicate_label",
    "date",
    "start",
    "end",
    "sources:string[]",
    "quotes:string[]",
    "notes:string[]",
    "statements:string[]",
    "links:string[]",
    "disputed:boolean",
    "qualified:boolean",
];

pub use crate::model::minted::neo4j_type;

fn array<'a>(what: impl Fn() -> String, values: impl IntoIterator<Item = &'a str>) -> io::Result<String> {
    let values: Vec<&str> = values.into_iter().collect();
    if values.iter().any(|v| v.contains(NEO4J_ARRAY_DELIMITER)) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            Neo4jDelimiterError { what: what() },
        ));
    }
    Ok(values.join(&NEO4J_ARRAY_DELIMITER.to_string()))
}

pub(crate) fn write_nodes<W: Write>(graph: &Graph, w: W) -> io::Result<W> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(NEO4J_NODE_HEADER)?;
    for e in graph.entities() {
        let aliases = array(
            || format!("an alias of entity '{}'", e.id),
            e.aliases.iter().map(String::as_str),
        )?;
        let same_as = array(
            || format!("a same_as of entity '{}'", e.id),
            e.same_as.iter().map(String::as_str),
        )?;
        let date = e.date.as_ref().map(|d| d.date.to_string()).unwrap_or_default();
        let iso = e.iso_3166.map(|c| c.to_string()).unwrap_or_default();
        let date_link = e
            .date
            .as_ref()
            .map(|d| link_cell(graph, &d.evidence))
            .unwrap_or_default();
        out.write_record([
            e.id.as_str(),
            e.kind.title(),
            e.kind.name(),
            &e.label,
            &aliases,
            &e.description,
            &same_as,
            &date,
            e.date.as_ref().map_or("", |d| d.evidence.source.as_str()),
            e.date.as_ref().map_or("", |d| d.evidence.quote.as_str()),
            &date_link,
            &iso,
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error())
}

pub(crate) fn write_edges<W: Write>(graph: &Graph, certainty: Option<CertaintyOf<'_>>, w: W) -> io::Result<W> {
    let disputed = disputed_edges(graph);
    let g = graph;
    let mut out = csv::Writer::from_writer(w);
    match certainty {
        Some(_) => out.write_record(NEO4J_EDGE_HEADER.iter().chain(&["certainty"]))?,
        None => out.write_record(NEO4J_EDGE_HEADER)?,
    }
    for e in g.edge_ids() {
        let r = &g[e];
        let what = |field: &'static str| move || format!("a {field} of relation {}", r.id);
        let (start, end) = bound_cells(r, graph);
        let sources = array(what("source"), r.evidence.iter().map(|ev| ev.source.as_str()))?;
        let quotes = array(what("quote"), r.evidence.iter().map(|ev| ev.quote.as_str()))?;
        let notes = array(
            what("note"),
            r.evidence.iter().map(|ev| ev.note.as_deref().unwrap_or("")),
        )?;
        let statements = array(
            what("statement"),
            r.evidence
                .iter()
                .map(|ev| ev.statement.as_ref().map_or("", |k| k.as_str())),
        )?;
        let links: Vec<String> = r.evidence.iter().map(|ev| link_cell(graph, ev)).collect();
        let links = array(what("link"), links.iter().map(String::as_str))?;
        let c = certainty.map(|of| of(r).map_or("", Certainty::name));
        let row = [
            r.subject.as_str(),
            r.object.as_str(),
            &neo4j_type(r.predicate.as_str()),
            &r.id.to_string(),
            r.predicate.as_str(),
            &graph.predicate_of(r).label,
            &r.date.map(|d| d.to_string()).unwrap_or_default(),
            &start,
            &end,
            &sources,
            &quotes,
            &notes,
            &statements,
            &links,
            if disputed.contains(&e) { "true" } else { "false" },
            if r.date.is_some_and(|d| d.is_qualified()) {
                "true"
            } else {
                "false"
            },
        ];
        match c {
            Some(c) => out.write_record(row.iter().copied().chain(std::iter::once(c)))?,
            None => out.write_record(row)?,
        }
    }
    out.into_inner().map_err(|e| e.into_error())
}

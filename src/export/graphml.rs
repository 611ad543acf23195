//! GraphML for Cytoscape (desktop), yEd and NetworkX: every attribute declared with its type.
//!
//! Nodes are entities (`label`, `kind`, `color` — the kind's fill colour in the diagrams'
//! palette —, `aliases`, `description`, `same_as`), edges are relations (`predicate`, `label`,
//! `date` in EDTF, `start`/`end` at their own precision, `temporal`, `symmetric`, `qualified`,
//! `disputed`, `claims`, and the per-claim `sources`, `quotes` and `notes`). Multi-valued
//! attributes join their values with `|` exactly as the CSV export does (see
//! [`join_values`]); an empty value is left out. Every edge is directed; a
//! symmetric predicate has `symmetric = true`.

use std::io::{self, Write};

use super::csv::cells::{bound_cells, disputed_edges};
use super::csv::join_values;
use super::dot::style::kind_style;
use super::xml_text::write_escaped;
use crate::model::graph::Graph;

/// Options of the GraphML export (none yet; the type keeps the exporters' common shape).
///
/// ```
/// use diplograph::export::graphml::{write_graphml, GraphmlOptions};
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let xml = String::from_utf8(write_graphml(&graph, &GraphmlOptions::new(), Vec::new())?)?;
/// assert!(xml.contains(r#"<key id="kind" for="node" attr.name="kind" attr.type="string"/>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct GraphmlOptions {}

impl GraphmlOptions {
    /// The default options.
    pub fn new() -> Self {
        GraphmlOptions {}
    }
}

/// Node keys: (id, GraphML type).
const NODE_KEYS: [(&str, &str); 6] = [
    ("label", "string"),
    ("kind", "string"),
    ("color", "string"),
    ("aliases", "string"),
    ("description", "string"),
    ("same_as", "string"),
];

/// Edge keys: (id, GraphML type). Edge keys are prefixed `e_` where a node key has the same name.
const EDGE_KEYS: [(&str, &str, &str); 13] = [
    ("predicate", "predicate", "string"),
    ("e_label", "label", "string"),
    ("date", "date", "string"),
    ("start", "start", "string"),
    ("end", "end", "string"),
    ("temporal", "temporal", "string"),
    ("symmetric", "symmetric", "boolean"),
    ("qualified", "qualified", "boolean"),
    ("disputed", "disputed", "boolean"),
    ("claims", "claims", "int"),
    ("sources", "sources", "string"),
    ("quotes", "quotes", "string"),
    ("notes", "notes", "string"),
];

/// Writes a `<data>` element; an empty value is left out, as GraphML readers expect.
fn data(w: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    write!(w, "      <data key=\"{key}\">")?;
    write_escaped(w, value)?;
    writeln!(w, "</data>")
}

/// Writes `graph` as GraphML to `w` and hands `w` back: nodes in id order, edges in relation id
/// order, so the same graph always gives the same bytes.
///
/// # Errors
/// A write error.
pub fn write_graphml<W: Write>(graph: &Graph, _options: &GraphmlOptions, mut w: W) -> io::Result<W> {
    let out: &mut dyn Write = &mut w;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (id, kind) in NODE_KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"node\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        )?;
    }
    for (id, name, kind) in EDGE_KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        )?;
    }
    writeln!(out, "  <graph id=\"diplograph\" edgedefault=\"directed\">")?;

    let mut entities: Vec<_> = graph.entities().collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    for e in entities {
        write!(out, "    <node id=\"")?;
        write_escaped(out, e.id.as_str())?;
        writeln!(out, "\">")?;
        data(out, "label", &e.label)?;
        data(out, "kind", e.kind.name())?;
        data(out, "color", kind_style(e.kind).1)?;
        data(out, "aliases", &join_values(&e.aliases))?;
        data(out, "description", &e.description)?;
        data(out, "same_as", &join_values(&e.same_as))?;
        writeln!(out, "    </node>")?;
    }

    let disputed = disputed_edges(graph);
    let g = graph;
    let mut edges: Vec<_> = g.edge_ids().collect();
    edges.sort_by_key(|&e| g[e].id);
    for edge in edges {
        let r = &g[edge];
        let predicate = graph.predicate_of(r);
        write!(out, "    <edge id=\"{}\" source=\"", r.id)?;
        write_escaped(out, r.subject.as_str())?;
        write!(out, "\" target=\"")?;
        write_escaped(out, r.object.as_str())?;
        writeln!(out, "\">")?;
        let (start, end) = bound_cells(r, graph);
        data(out, "predicate", predicate.id.as_str())?;
        data(out, "e_label", &predicate.label)?;
        data(out, "date", &r.date.map(|d| d.to_string()).unwrap_or_default())?;
        data(out, "start", &start)?;
        data(out, "end", &end)?;
        data(out, "temporal", predicate.temporal.name())?;
        data(out, "symmetric", &predicate.symmetric.to_string())?;
        data(out, "qualified", &r.date.is_some_and(|d| d.is_qualified()).to_string())?;
        data(out, "disputed", &disputed.contains(&edge).to_string())?;
        data(out, "claims", &r.evidence.len().to_string())?;
        data(
            out,
            "sources",
            &join_values(r.evidence.iter().map(|e| e.source.as_str())),
        )?;
        data(out, "quotes", &join_values(r.evidence.iter().map(|e| e.quote.as_str())))?;
        data(
            out,
            "notes",
            &join_values(r.evidence.iter().map(|e| e.note.as_deref().unwrap_or(""))),
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_and_relation_once_and_stable() {
        let graph = Graph::embedded().unwrap();
        let a = String::from_utf8(write_graphml(&graph, &GraphmlOptions::new(), Vec::new()).unwrap()).unwrap();
        let b = String::from_utf8(write_graphml(&graph, &GraphmlOptions::new(), Vec::new()).unwrap()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.matches("<node ").count(), graph.entities().count());
        assert_eq!(a.matches("<edge ").count(), graph.relations().count());
        // Every data element names a declared key.
        for line in a.lines().filter(|l| l.contains("<data key=")) {
            let key = line.split('"').nth(1).unwrap();
            assert!(a.contains(&format!("<key id=\"{key}\"")), "undeclared key {key}");
        }
    }
}

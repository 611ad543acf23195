//! GEXF 1.3 for Gephi: the graph with dynamic edges, so Gephi's timeline plays it.
//!
//! Every relation is an edge whose `start`/`end` is its validity interval read from its EDTF date
//! at its widest (what the time filter calls *possible*): `start` is the first day its start can
//! mean, `end` the last day its end can mean (`1998-04` → 1998-04-01 … 1998-04-30 for an event;
//! a state dated `1995` starts 1995-01-01). An open end (`2011/..`) or an unknown one is left
//! out, which GEXF reads as open; an undated relation has neither and so is shown at every time,
//! as the command line's time filter keeps undated relations; the EDTF date itself is the edge
//! attribute `date`. Entities are static nodes with
//! their kind as an attribute and the kind's colour (the diagrams' palette) as `viz:color`.
//!
//! Every edge is `directed` (NetworkX cannot read a GEXF file that mixes directed and undirected
//! edges); a symmetric predicate has `symmetric = true`. The edge `kind` is the predicate id,
//! which Gephi shows as the edge type.

use std::io::{self, Write};

use super::csv::cells::disputed_edges;
use super::csv::join_values;
use super::dot::style::kind_style;
use super::xml_text::write_escaped;
use crate::model::edtf::Bound;
use crate::model::graph::Graph;

/// Options of the GEXF export.
///
/// ```
/// use diplograph::export::gexf::{write_gexf, GexfOptions};
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let gexf = String::from_utf8(write_gexf(&graph, &GexfOptions::new(), Vec::new())?)?;
/// assert!(gexf.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
/// assert!(gexf.contains(r#"mode="dynamic""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct GexfOptions {
    description: String,
}

impl Default for GexfOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl GexfOptions {
    /// The default description.
    pub fn new() -> Self {
        GexfOptions {
            description: "diplograph: dated, sourced relations between states, organisations, programmes, people, \
                          offices, agreements, events and places"
                .to_owned(),
        }
    }

    /// The description in the file's `<meta>`.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = text.into();
        self
    }
}

/// The node attributes: (id, type).
const NODE_ATTRIBUTES: [(&str, &str); 4] = [
    ("kind", "string"),
    ("aliases", "string"),
    ("description", "string"),
    ("same_as", "string"),
];

/// The edge attributes: (id, type).
const EDGE_ATTRIBUTES: [(&str, &str); 10] = [
    ("predicate", "string"),
    ("date", "string"),
    ("temporal", "string"),
    ("symmetric", "boolean"),
    ("qualified", "boolean"),
    ("disputed", "boolean"),
    ("claims", "integer"),
    ("sources", "string"),
    ("quotes", "string"),
    ("notes", "string"),
];

fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (channel(1), channel(3), channel(5))
}

fn attribute_declarations(w: &mut dyn Write, class: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
    writeln!(w, "    <attributes class=\"{class}\" mode=\"static\">")?;
    for (id, kind) in attributes {
        writeln!(w, "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>")?;
    }
    writeln!(w, "    </attributes>")
}

fn attvalue(w: &mut dyn Write, id: &str, value: &str) -> io::Result<()> {
    write!(w, "        <attvalue for=\"{id}\" value=\"")?;
    write_escaped(w, value)?;
    writeln!(w, "\"/>")
}

/// Writes `graph` as GEXF 1.3 to `w` and hands `w` back: nodes in id order, edges in relation
/// id order, so the same graph always gives the same bytes.
///
/// # Errors
/// A write error.
pub fn write_gexf<W: Write>(graph: &Graph, options: &GexfOptions, mut w: W) -> io::Result<W> {
    let out: &mut dyn Write = &mut w;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(out, "  <meta>\n    <creator>diplograph</creator>")?;
    write!(out, "    <description>")?;
    write_escaped(out, &options.description)?;
    writeln!(out, "</description>\n  </meta>")?;
    writeln!(
        out,
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\" idtype=\"string\">"
    )?;
    attribute_declarations(out, "node", &NODE_ATTRIBUTES)?;
    attribute_declarations(out, "edge", &EDGE_ATTRIBUTES)?;

    let mut entities: Vec<_> = graph.entities().collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    writeln!(out, "    <nodes count=\"{}\">", entities.len())?;
    for e in entities {
        write!(out, "      <node id=\"")?;
        write_escaped(out, e.id.as_str())?;
        write!(out, "\" label=\"")?;
        write_escaped(out, &e.label)?;
        writeln!(out, "\">\n        <attvalues>")?;
        for (id, value) in [
            ("kind", e.kind.name().to_owned()),
            ("aliases", join_values(&e.aliases)),
            ("description", e.description.clone()),
            ("same_as", join_values(&e.same_as)),
        ] {
            write!(out, "  ")?;
            attvalue(out, id, &value)?;
        }
        writeln!(out, "        </attvalues>")?;
        let (r, g, b) = rgb(kind_style(e.kind).1);
        writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n      </node>")?;
    }
    writeln!(out, "    </nodes>")?;

    let disputed = disputed_edges(graph);
    let g = graph;
    let mut edges: Vec<_> = g.edge_ids().collect();
    edges.sort_by_key(|&e| g[e].id);
    writeln!(out, "    <edges count=\"{}\">", edges.len())?;
    for edge in edges {
        let r = &g[edge];
        let predicate = graph.predicate_of(r);
        write!(out, "      <edge id=\"{}\" source=\"", r.id)?;
        write_escaped(out, r.subject.as_str())?;
        write!(out, "\" target=\"")?;
        write_escaped(out, r.object.as_str())?;
        write!(out, "\" kind=\"")?;
        write_escaped(out, predicate.id.as_str())?;
        write!(out, "\" label=\"")?;
        write_escaped(out, &predicate.label)?;
        write!(out, "\"")?;
        if let Some(span) = r.span(predicate.temporal) {
            if let Bound::Date(d) = span.start {
                write!(out, " start=\"{}\"", d.earliest())?;
            }
            if let Bound::Date(d) = span.end {
                write!(out, " end=\"{}\"", d.latest())?;
            }
        }
        writeln!(out, ">\n        <attvalues>")?;
        let values = [
            ("predicate", predicate.id.as_str().to_owned()),
            ("date", r.date.map(|d| d.to_string()).unwrap_or_default()),
            ("temporal", predicate.temporal.name().to_owned()),
            ("symmetric", predicate.symmetric.to_string()),
            ("qualified", r.date.is_some_and(|d| d.is_qualified()).to_string()),
            ("disputed", disputed.contains(&edge).to_string()),
            ("claims", r.evidence.len().to_string()),
            ("sources", join_values(r.evidence.iter().map(|e| e.source.as_str()))),
            ("quotes", join_values(r.evidence.iter().map(|e| e.quote.as_str()))),
            (
                "notes",
                join_values(r.evidence.iter().map(|e| e.note.as_deref().unwrap_or(""))),
            ),
        ];
        for (id, value) in &values {
            write!(out, "  ")?;
            attvalue(out, id, value)?;
        }
        writeln!(out, "        </attvalues>\n      </edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_carry_their_validity_intervals() {
        let graph = Graph::embedded().unwrap();
        let text = String::from_utf8(write_gexf(&graph, &GexfOptions::new(), Vec::new()).unwrap()).unwrap();
        assert_eq!(
            text,
            String::from_utf8(write_gexf(&graph, &GexfOptions::new(), Vec::new()).unwrap()).unwrap()
        );
        assert_eq!(text.matches("<edge ").count(), graph.relations().count());
        assert_eq!(text.matches("<node ").count(), graph.entities().count());
        // An open end stays open: `since 2011` has a start and no end.
        let open = graph
            .relations()
            .find(|r| r.date.is_some_and(|d| d.to_string() == "2011/.."))
            .expect("a relation since 2011");
        let line = text
            .lines()
            .find(|l| l.contains(&format!("id=\"{}\"", open.id)))
            .unwrap();
        assert!(
            line.contains("start=\"2011-01-01\"") && !line.contains(" end="),
            "{line}"
        );
        // An event in a month spans the month.
        let (month, date) = graph
            .relations()
            .find_map(|r| match r.date {
                Some(crate::model::edtf::Edtf::Single(d))
                    if d.precision() == crate::model::edtf::Precision::Month
                        && graph.predicate_of(r).temporal == crate::model::predicate::Temporal::Event =>
                {
                    Some((r, d))
                }
                _ => None,
            })
            .expect("an event dated to a month");
        let line = text
            .lines()
            .find(|l| l.contains(&format!("id=\"{}\"", month.id)))
            .unwrap();
        let (first, last) = (date.earliest().to_string(), date.latest().to_string());
        assert!(first.ends_with("-01") && last != first);
        assert!(line.contains(&format!("start=\"{first}\" end=\"{last}\"")), "{line}");
    }

    #[test]
    fn colours_are_channels() {
        assert_eq!(rgb("#a6cee3"), (0xa6, 0xce, 0xe3));
    }
}

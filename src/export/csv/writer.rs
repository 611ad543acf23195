//! Two CSV files, `nodes.csv` (entities) and `edges.csv` (relations), for spreadsheets and for
//! Neo4j's bulk importer.
//!
//! Multi-valued cells (`aliases`, `same_as`, and the per-claim `sources`, `quotes` and `notes`)
//! join their values with `|`; a `|` or `\` inside a value is escaped as `\|` or `\\` (see
//! [`join_values`]), so every value comes back exactly with [`split_values`]. The
//! spreadsheet flavour then guards any cell a spreadsheet would run as a formula (see
//! [`guard_formula`]).

use std::borrow::Cow;
use std::io::{self, Write};

use super::cells::{bound_cells, disputed_edges};
use super::error::CsvError;
use super::options::{CertaintyOf, CsvFlavor, CsvOptions};
use crate::export::evidence_link::link_cell;
use crate::model::graph::Graph;
use crate::query::time::Certainty;

/// The name of the entities file.
pub const NODES_FILE: &str = "nodes.csv";
/// The name of the relations file.
pub const EDGES_FILE: &str = "edges.csv";

/// Columns of the spreadsheet `nodes.csv`, in order. `date_link` opens the source of the entity's
/// own date at its quote (as `edges.csv`'s `links`).
pub const NODE_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "label",
    "aliases",
    "description",
    "same_as",
    "date",
    "date_source",
    "date_quote",
    "date_link",
    "iso_3166",
];

/// Columns of the spreadsheet `edges.csv`, in order. `sources`, `quotes`, `notes` and
/// `statements` hold one value per claim, aligned: the n-th quote is from the n-th source, the
/// n-th statement the one that claim speaks to (empty: the relation's own fact), the n-th link
/// the URL that opens its source at the quote (the text fragment `relations.csv` records; the
/// plain URL when it records none; empty when the source has no URL). `disputed` is true when
/// claims about the relation's statement really disagree.
pub const EDGE_COLUMNS: [&str; 17] = [
    "id",
    "subject",
    "subject_label",
    "predicate",
    "predicate_label",
    "object",
    "object_label",
    "date",
    "start",
    "end",
    "sources",
    "quotes",
    "notes",
    "statements",
    "links",
    "disputed",
    "qualified",
];

/// The characters that make a spreadsheet read a cell as a formula (or that would hide one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Guards a cell against formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return — or with `'`, so that the guard stays reversible — gets a leading `'`.
/// [`unguard_formula`] removes it.
///
/// ```
/// use diplograph::export::csv::{guard_formula, unguard_formula};
/// assert_eq!(guard_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(guard_formula("-5% growth"), "'-5% growth");
/// assert_eq!(guard_formula("'quoted"), "''quoted");
/// assert_eq!(guard_formula("Belarus"), "Belarus");
/// for raw in ["=1+1", "'=1", "''", "plain", ""] {
///     assert_eq!(unguard_formula(&guard_formula(raw)), raw);
/// }
/// ```
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) || c == '\'' => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Undoes [`guard_formula`]: drops one leading `'`.
pub fn unguard_formula(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// Joins the values of a multi-valued cell with `|`, escaping `\` as `\\` and `|` as `\|` inside
/// each value. The number of values is kept exactly: `["a", ""]` is `a|`, `[""]` is the empty
/// cell, and `[]` is the empty cell too (callers that need to tell those apart know the count).
///
/// ```
/// use diplograph::export::csv::{join_values, split_values};
/// let values = ["1992 | See Belarus–Libya relations.", r"C:\dir", "plain"];
/// let cell = join_values(values);
/// assert_eq!(cell, r"1992 \| See Belarus–Libya relations.|C:\\dir|plain");
/// assert_eq!(split_values(&cell), values);
/// ```
pub fn join_values<I, S>(values: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in value.as_ref().chars() {
            if c == '|' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Splits a cell written by [`join_values`] into its values (always at least one; the empty
/// cell is one empty value). A `\` before any other character, or at the end, is kept as is.
pub fn split_values(cell: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|' | '\\')) => {
                if let (Some(last), Some(next)) = (out.last_mut(), chars.next()) {
                    last.push(next);
                }
            }
            '|' => out.push(String::new()),
            c => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out
}

/// Writes `nodes.csv`: one row per entity, in id order, and hands the writer back.
///
/// # Errors
/// Those of `w`; for [`CsvFlavor::Neo4j`], [`CsvError::Neo4jDelimiter`] if a value holds the
/// array delimiter (see [`NEO4J_ARRAY_DELIMITER`](crate::export::csv::NEO4J_ARRAY_DELIMITER)).
pub fn write_nodes<W: Write>(graph: &Graph, options: &CsvOptions<'_>, w: W) -> Result<W, CsvError> {
    Ok(match options.flavor {
        CsvFlavor::Neo4j => super::neo4j::write_nodes(graph, w)?,
        CsvFlavor::Spreadsheet => spreadsheet_nodes(graph, w)?,
    })
}

/// Writes `edges.csv`: one row per relation, in (subject, predicate, object, date) order, and
/// hands the writer back. With [`CsvOptions::certainty`] (a filtered export) the rows are those
/// the filter admits and a last column, `certainty`, says how surely each passed it.
///
/// ```
/// use diplograph::{Graph, export::csv::{write_edges, CsvOptions}};
/// let graph = Graph::embedded()?;
/// let text = String::from_utf8(write_edges(&graph, &CsvOptions::new(), Vec::new())?)?;
/// assert!(text.starts_with("id,subject,subject_label,predicate,predicate_label,object,object_label,date,start,end,sources"));
/// assert!(text.contains(",belarus,Belarus,participant_in,participant in,partnership-for-peace,Partnership for Peace,1995,1995,,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`write_nodes`].
pub fn write_edges<W: Write>(graph: &Graph, options: &CsvOptions<'_>, w: W) -> Result<W, CsvError> {
    Ok(match options.flavor {
        CsvFlavor::Neo4j => super::neo4j::write_edges(graph, options.certainty, w)?,
        CsvFlavor::Spreadsheet => spreadsheet_edges(graph, options.certainty, w)?,
    })
}

fn spreadsheet_nodes<W: Write>(graph: &Graph, w: W) -> io::Result<W> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(NODE_COLUMNS)?;
    for e in graph.entities() {
        let row = [
            e.id.to_string(),
            e.kind.to_string(),
            e.label.clone(),
            join_values(&e.aliases),
            e.description.clone(),
            join_values(&e.same_as),
            e.date.as_ref().map(|d| d.date.to_string()).unwrap_or_default(),
            e.date
                .as_ref()
                .map(|d| d.evidence.source.to_string())
                .unwrap_or_default(),
            e.date.as_ref().map(|d| d.evidence.quote.clone()).unwrap_or_default(),
            e.date
                .as_ref()
                .map(|d| link_cell(graph, &d.evidence))
                .unwrap_or_default(),
            e.iso_3166.map(|c| c.to_string()).unwrap_or_default(),
        ];
        out.write_record(row.iter().map(|c| guard_formula(c).into_owned()))?;
    }
    out.into_inner().map_err(|e| e.into_error())
}

fn spreadsheet_edges<W: Write>(graph: &Graph, certainty: Option<CertaintyOf<'_>>, w: W) -> io::Result<W> {
    let disputed = disputed_edges(graph);
    let g = graph;
    let mut out = csv::Writer::from_writer(w);
    match certainty {
        Some(_) => out.write_record(EDGE_COLUMNS.iter().chain(&["certainty"]))?,
        None => out.write_record(EDGE_COLUMNS)?,
    }
    for e in g.edge_ids() {
        let r = &g[e];
        let predicate = graph.predicate_of(r);
        let label = |id: &crate::model::id::Id| {
            graph
                .entity_by_id(id.as_str())
                .map(|x| x.label.clone())
                .unwrap_or_default()
        };
        let (start, end) = bound_cells(r, graph);
        let row = [
            r.id.to_string(),
            r.subject.to_string(),
            label(&r.subject),
            r.predicate.to_string(),
            predicate.label.clone(),
            r.object.to_string(),
            label(&r.object),
            r.date.map(|d| d.to_string()).unwrap_or_default(),
            start,
            end,
            join_values(r.evidence.iter().map(|ev| ev.source.as_str())),
            join_values(r.evidence.iter().map(|ev| ev.quote.as_str())),
            join_values(r.evidence.iter().map(|ev| ev.note.as_deref().unwrap_or(""))),
            join_values(
                r.evidence
                    .iter()
                    .map(|ev| ev.statement.as_ref().map_or("", |k| k.as_str())),
            ),
            join_values(r.evidence.iter().map(|ev| link_cell(graph, ev))),
            disputed.contains(&e).to_string(),
            r.date.is_some_and(|d| d.is_qualified()).to_string(),
        ];
        let cells = row.iter().map(|c| guard_formula(c).into_owned());
        match certainty {
            Some(of) => {
                let c = of(r).map_or("", Certainty::name);
                out.write_record(cells.chain(std::iter::once(c.to_owned())))?
            }
            None => out.write_record(cells)?,
        }
    }
    out.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::cells::bound_cells;
    use crate::model::edtf::Bound;

    #[test]
    fn guard_covers_every_formula_start() {
        for c in FORMULA_STARTS {
            let cell = format!("{c}x");
            assert_eq!(guard_formula(&cell), format!("'{cell}"));
        }
        assert_eq!(guard_formula(""), "");
        assert_eq!(guard_formula("1995"), "1995");
        assert_eq!(guard_formula(" =x"), " =x");
    }

    #[test]
    fn values_round_trip() {
        for values in [
            vec![""],
            vec!["a", ""],
            vec!["", ""],
            vec!["|", "\\", "\\|", "end\\"],
            vec!["a|b|c"],
        ] {
            let cell = join_values(&values);
            assert_eq!(split_values(&cell), values, "cell {cell:?}");
        }
        assert_eq!(split_values(r"a\b"), vec![r"a\b"]);
        assert_eq!(split_values("a\\"), vec!["a\\"]);
    }

    #[test]
    fn bounds_follow_the_predicate() {
        let graph = Graph::embedded().unwrap();
        let mut seen = (false, false, false);
        for r in graph.relations() {
            let (start, end) = bound_cells(r, &graph);
            let temporal = graph.predicate_of(r).temporal;
            match (r.date, temporal) {
                (None, _) => assert_eq!((start.as_str(), end.as_str()), ("", "")),
                (Some(crate::model::edtf::Edtf::Single(d)), crate::model::predicate::Temporal::Event) => {
                    assert_eq!(start, d.plain());
                    assert_eq!(end, start);
                    seen.0 = true;
                }
                (Some(crate::model::edtf::Edtf::Single(d)), crate::model::predicate::Temporal::State) => {
                    assert_eq!(start, d.plain());
                    assert_eq!(end, "");
                    seen.1 = true;
                }
                (Some(crate::model::edtf::Edtf::Interval { end: Bound::Open, .. }), _) => {
                    assert_eq!(end, "");
                    seen.2 = true;
                }
                _ => {}
            }
        }
        assert_eq!(seen, (true, true, true));
    }
}

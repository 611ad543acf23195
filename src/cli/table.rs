//! Query results as CSV or TSV, for spreadsheets: a header, then one row per hop, relation,
//! claim, entity or source. Several values in one cell (sources, quotes, notes) are joined with
//! `|` as in the CSV export (a `|` or `\` inside a value escaped with `\`), and cells that a
//! spreadsheet would take for a formula are guarded with a leading `'`.

use std::io::Write;

use anyhow::Result;
use diplograph::export::csv::{guard_formula, join_values};
use diplograph::query::{EntityDateReport, HopReport};

use super::args::ResultFormat;
use super::links::Links;

/// A CSV or TSV writer over `out`.
pub struct Table<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> Table<W> {
    /// A table in `format` (csv or tsv) with these column names.
    pub fn new(format: ResultFormat, out: W, header: &[&str]) -> Result<Self> {
        let delimiter = if format == ResultFormat::Tsv { b'\t' } else { b',' };
        let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(out);
        writer.write_record(header)?;
        Ok(Table { writer })
    }

    /// One row.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<()> {
        self.writer
            .write_record(cells.into_iter().map(|c| guard_formula(c.as_ref()).into_owned()))?;
        Ok(())
    }

    /// Flushes the rows (csv's writer does not report errors when dropped).
    pub fn finish(mut self) -> Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

/// The columns of a relation row, after any columns of its own that a command puts first.
pub const RELATION_COLUMNS: [&str; 16] = [
    "from",
    "from_label",
    "relation",
    "predicate",
    "label",
    "direction",
    "to",
    "to_label",
    "date",
    "date_human",
    "certainty",
    "sources",
    "quotes",
    "notes",
    "links",
    "also",
];

/// A relation (as every command reports it) as the cells of [`RELATION_COLUMNS`]; `also` lists
/// the ids of the other relations between the same two entities; `links` the URL of each piece
/// of evidence, with its text fragment when one is recorded (see [`Links`]).
pub fn relation_cells(hop: &HopReport<'_>, links: &Links<'_>) -> Vec<String> {
    let r = &hop.relation;
    vec![
        hop.from.id.to_string(),
        hop.from.label.to_owned(),
        r.relation.to_string(),
        r.predicate.to_string(),
        r.label.to_owned(),
        r.direction.to_owned(),
        hop.to.id.to_string(),
        hop.to.label.to_owned(),
        r.date.clone().unwrap_or_default(),
        r.date_human.clone().unwrap_or_default(),
        certainty_name(&r.certainty),
        join_values(r.evidence.iter().map(|e| e.source.as_str())),
        join_values(r.evidence.iter().map(|e| e.quote.as_str())),
        join_values(r.evidence.iter().map(|e| e.note.as_deref().unwrap_or(""))),
        join_values(r.evidence.iter().map(|e| links.cell(e))),
        join_values(hop.also.iter().map(|a| a.relation.to_string())),
    ]
}

/// An entity's own date on a timeline as the cells of [`RELATION_COLUMNS`]: the entity in
/// `from`, what the date means in `label`, and the relation's columns (`relation`, `predicate`,
/// `direction`, `to`) empty.
pub fn entity_date_cells(entry: &EntityDateReport<'_>, links: &Links<'_>) -> Vec<String> {
    vec![
        entry.entity.id.to_string(),
        entry.entity.label.to_owned(),
        String::new(),
        String::new(),
        entry.meaning.to_owned(),
        String::new(),
        String::new(),
        String::new(),
        entry.date.clone(),
        entry.date_human.clone(),
        certainty_name(&entry.certainty),
        join_values(entry.evidence.iter().map(|e| e.source.as_str())),
        join_values(entry.evidence.iter().map(|e| e.quote.as_str())),
        join_values(entry.evidence.iter().map(|e| e.note.as_deref().unwrap_or(""))),
        join_values(entry.evidence.iter().map(|e| links.cell(e))),
        String::new(),
    ]
}

/// The name a value serializes to (`definite`, `possible`, `undated`, `both`…).
pub fn certainty_name(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

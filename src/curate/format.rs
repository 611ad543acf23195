//! The canonical form of graph-data files, what `diplograph fmt` writes.
//!
//! A formatted file is UTF-8 without a byte-order mark, one record per line ended by `\n` (the
//! last line too), no blank lines, cells quoted only where RFC 4180 needs it (a `,`, `"`, `\r`
//! or `\n` in the cell) with `"` doubled. Every cell keeps its bytes: spaces at either end, line
//! breaks inside a quoted cell (`\r\n` included), typographic quotes, everything.
//!
//! Columns: the documented ones first, in the order of `graph-data/README.md` (a file's header
//! names are written trimmed), then any other column the loader accepts, in the file's order.
//!
//! Rows, file by file:
//!
//! | file | rows sorted by |
//! | --- | --- |
//! | `sources.csv`, `predicates.csv`, `entities.csv` | `id` |
//! | `relations.csv` | every cell, in column order: subject, predicate, object, date, source, quote, note, statement, fragment, selector (so the claims of one fact stand together, as the graph lists its relations) |
//! | `views.csv` (if there is one) | `id` |
//!
//! Cells compare byte by byte (for ids, which are ASCII, that is alphabetical order); rows equal
//! on the key keep their order, so formatting is stable and a formatted file formats to itself.

use std::path::{Path, PathBuf};

use std::sync::Arc;

use super::anchors;
use super::records::{self, Records};
use crate::export::atomic::{write_atomically, WriteError};
use crate::load::error::LoadError;
use crate::model::graph::Graph;
use crate::verify::SourceTexts;

/// How rows of one file are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// By the `id` cell (then the whole row); the file's order if there is no `id` column.
    Id,
    /// By every cell, in column order.
    Row,
}

/// The files `fmt` formats, their documented columns (in canonical order) and their row order.
const LAYOUTS: [(&str, &[&str], Order); 5] = [
    (
        "sources.csv",
        &["id", "title", "publisher", "url", "published"],
        Order::Id,
    ),
    (
        "predicates.csv",
        &[
            "id",
            "label",
            "inverse_label",
            "description",
            "symmetric",
            "domain",
            "range",
            "temporal",
            "same_as",
            "negates",
        ],
        Order::Id,
    ),
    ("entities.csv", &crate::load::check::entities::COLUMNS, Order::Id),
    (
        "relations.csv",
        &crate::load::check::relations::CLAIM_COLUMNS,
        Order::Row,
    ),
    ("views.csv", &crate::load::check::views::COLUMNS, Order::Id),
];

/// Why a graph-data folder could not be formatted. Nothing is written when any file fails.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The folder does not load: `fmt` formats only data the loader accepts.
    #[error("the graph does not load, so it is not formatted")]
    Invalid(#[source] LoadError),
    /// A file could not be split into RFC 4180 records.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A file name `fmt` has no layout for.
    #[error("{0}: not a graph-data file (expected one of {names})", names = LAYOUTS.map(|l| l.0).join(", "))]
    UnknownFile(String),
    /// A file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The formatted file would not read back as the same cells. A bug: nothing is written.
    #[error("{0}: formatting would change a cell, so nothing is written (this is a bug; please report it)")]
    WouldChangeCells(String),
}

/// Formats the graph-data files of one folder: `sources.csv`, `predicates.csv`,
/// `entities.csv`, `relations.csv` and, if there is one, `views.csv`. Other files are left alone.
///
/// ```
/// use diplograph::curate::Formatter;
/// # let dir = tempfile::tempdir()?;
/// # for name in ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"] {
/// #     std::fs::copy(std::path::Path::new("graph-data").join(name), dir.path().join(name))?;
/// # }
/// let formatter = Formatter::new(dir.path());
/// assert!(formatter.check()?.is_empty()); // the shipped graph is formatted
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Formatter {
    dir: PathBuf,
    texts: Option<Arc<SourceTexts>>,
}

impl Formatter {
    /// A formatter for the graph-data folder `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Formatter {
            dir: dir.into(),
            texts: None,
        }
    }

    /// Also writes each claim's `fragment` and `selector` (and each entity date's
    /// `date_fragment` and `date_selector`) from the texts of the sources (one
    /// `<source-id>.txt` each): the text fragment that opens the source at the quote, and the Web
    /// Annotation selectors that re-anchor it (see [`QuoteAnchor`](crate::model::QuoteAnchor)).
    /// A claim whose source has no text keeps its cells; one whose quote the text does not
    /// single out gets them emptied. `check` then also lists `relations.csv` when a recorded
    /// fragment is stale.
    ///
    /// ```
    /// use diplograph::curate::Formatter;
    /// use diplograph::verify::SourceTexts;
    /// # let dir = tempfile::tempdir()?;
    /// # for name in ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"] {
    /// #     std::fs::copy(std::path::Path::new("graph-data").join(name), dir.path().join(name))?;
    /// # }
    /// let no_texts = tempfile::tempdir()?;
    /// let formatter = Formatter::new(dir.path()).with_sources(SourceTexts::open(no_texts.path())?);
    /// assert!(formatter.check()?.is_empty()); // without texts, the recorded fragments are kept
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_sources(mut self, texts: SourceTexts) -> Self {
        self.texts = Some(Arc::new(texts));
        self
    }

    /// The files that formatting would change, in load order; nothing is written.
    ///
    /// # Errors
    /// [`FormatError::Invalid`] with the loader's problems if the folder does not load.
    pub fn check(&self) -> Result<Vec<PathBuf>, FormatError> {
        Ok(self.plan()?.into_iter().map(|(path, _)| path).collect())
    }

    /// Rewrites the files that are not in canonical form (each atomically: a reader sees the old
    /// file or the new, never half of one) and returns them, in load order.
    ///
    /// # Errors
    /// As [`Formatter::check`]; nothing is written unless every file could be formatted.
    pub fn write(&self) -> Result<Vec<PathBuf>, FormatError> {
        let plan = self.plan()?;
        for (path, bytes) in &plan {
            write_atomically(path, |w| w.write_all(bytes))?;
        }
        Ok(plan.into_iter().map(|(path, _)| path).collect())
    }

    /// Each file whose canonical form differs from its content, with that form.
    fn plan(&self) -> Result<Vec<(PathBuf, Vec<u8>)>, FormatError> {
        Graph::load_dir(&self.dir).map_err(FormatError::Invalid)?;
        let mut plan = Vec::new();
        for (name, _, _) in LAYOUTS {
            let path = self.dir.join(name);
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                // The loader has read the four required files, so only an optional one is missing.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(FormatError::Read { path, source }),
            };
            let shown = path.display().to_string();
            let columns = match name {
                "relations.csv" => Some(anchors::CLAIMS),
                "entities.csv" => Some(anchors::ENTITY_DATES),
                _ => None,
            };
            let filled = match (&self.texts, columns) {
                (Some(texts), Some(columns)) => {
                    anchors::fill(&bytes, texts, columns).map_err(|e| FormatError::Syntax {
                        file: shown.clone(),
                        line: e.line,
                        message: e.message,
                    })?
                }
                _ => bytes.clone(),
            };
            let formatted = format_csv_named(&shown, name, &filled)?;
            if formatted != bytes {
                plan.push((path, formatted));
            }
        }
        Ok(plan)
    }
}

/// The canonical form of the graph-data file `name` (e.g. `relations.csv`) whose content is
/// `bytes`, as the module documentation describes. Only the CSV syntax is checked
/// here, not the data (see [`Formatter`] for that).
///
/// ```
/// let text = "id,title,publisher,url,published\r\nb,\"B\",x,,\na,\"A, first\",y,,\r\n";
/// let formatted = diplograph::curate::format_csv("sources.csv", text.as_bytes())?;
/// assert_eq!(
///     String::from_utf8(formatted).unwrap(),
///     "id,title,publisher,url,published\na,\"A, first\",y,,\nb,B,x,,\n"
/// );
/// # Ok::<(), diplograph::curate::FormatError>(())
/// ```
///
/// # Errors
/// [`FormatError::Syntax`] if `bytes` is not RFC 4180 CSV with a cell per column on every row;
/// [`FormatError::UnknownFile`] for a name that is not a graph-data file.
pub fn format_csv(name: &str, bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    format_csv_named(name, name, bytes)
}

fn format_csv_named(shown: &str, name: &str, bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    let file_name = Path::new(name).file_name().and_then(|n| n.to_str()).unwrap_or(name);
    let (_, known, order) = LAYOUTS
        .iter()
        .find(|(n, _, _)| *n == file_name)
        .ok_or_else(|| FormatError::UnknownFile(shown.to_owned()))?;
    let syntax = |e: records::SyntaxError| FormatError::Syntax {
        file: shown.to_owned(),
        line: e.line,
        message: e.message,
    };
    let Records { header, rows } = records::read(bytes).map_err(syntax)?;
    let names: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    // Documented columns first, in their order; then the others as the file has them.
    let mut columns: Vec<usize> = known.iter().filter_map(|k| names.iter().position(|n| n == k)).collect();
    columns.extend((0..names.len()).filter(|i| !known.contains(&names[*i])));
    let mut rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|(_, row)| columns.iter().map(|&i| row[i].as_str()).collect())
        .collect();
    let id = columns.iter().position(|&i| names[i] == "id");
    match (order, id) {
        (Order::Id, Some(id)) => rows.sort_by(|a, b| a[id].cmp(b[id]).then_with(|| a.cmp(b))),
        (Order::Id, None) => {}
        (Order::Row, _) => rows.sort(),
    }
    let mut out = Vec::with_capacity(bytes.len());
    if !names.is_empty() {
        records::write(&mut out, &columns.iter().map(|&i| names[i]).collect::<Vec<_>>());
    }
    for row in &rows {
        records::write(&mut out, row);
    }
    // Belt and braces: the written file must read back as exactly these cells.
    let back = records::read(&out).map_err(|_| FormatError::WouldChangeCells(shown.to_owned()))?;
    let same = back.rows.len() == rows.len()
        && back
            .rows
            .iter()
            .zip(&rows)
            .all(|((_, a), b)| a.iter().map(String::as_str).eq(b.iter().copied()));
    if !same {
        return Err(FormatError::WouldChangeCells(shown.to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(name: &str, text: &str) -> String {
        String::from_utf8(format_csv(name, text.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn relations_sort_by_every_cell_and_columns_take_the_documented_order() {
        let text = "note,subject,predicate,object,date,source,quote\n\
                    ,b,p,a,,s,q\n\
                    n2,a,p,b,1995,s,q\n\
                    n1,a,p,b,1995,s,q\n\
                    ,a,p,b,,s,\"x, y\"\n";
        assert_eq!(
            fmt("relations.csv", text),
            "subject,predicate,object,date,source,quote,note\n\
             a,p,b,,s,\"x, y\",\n\
             a,p,b,1995,s,q,n1\n\
             a,p,b,1995,s,q,n2\n\
             b,p,a,,s,q,\n"
        );
    }

    #[test]
    fn unknown_columns_follow_the_documented_ones_in_file_order() {
        let text = " zeta ,id, alpha\n1,b,2\n3,a,4\n";
        assert_eq!(fmt("views.csv", text), "id,zeta,alpha\na,3,4\nb,1,2\n");
        // Without an id column, a views file keeps its row order.
        assert_eq!(fmt("views.csv", "b\nz\na\n"), "b\nz\na\n");
    }

    #[test]
    fn formatting_is_idempotent_and_keeps_cells() {
        let text = "\u{feff}id,label,kind,aliases,description,same_as\r\nz,\" Zed \",state,,\"two\r\nlines\",\r\n\r\na,A,state,,\"say \"\"hi\"\"\",x\r";
        let once = fmt("entities.csv", text);
        assert_eq!(
            once,
            "id,kind,label,aliases,description,same_as\na,state,A,,\"say \"\"hi\"\"\",x\nz,state, Zed ,,\"two\r\nlines\",\n"
        );
        assert_eq!(fmt("entities.csv", &once), once);
    }

    #[test]
    fn refuses_bad_syntax_and_unknown_files() {
        let e = format_csv("relations.csv", b"subject\n\"a\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "relations.csv:2: a quoted cell never closes (a \" is missing)"
        );
        let e = format_csv("notes.csv", b"a\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("notes.csv: not a graph-data file (expected one of sources.csv"),
            "{e}"
        );
    }
}

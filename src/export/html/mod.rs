//! The explorer page: one self-contained HTML file to search, filter and read the graph in a
//! browser, offline.
//!
//! The page is a template (`page.html`, `style.css`, `app.js` beside this file) with the graph's
//! data embedded as JSON and [cytoscape.js](https://js.cytoscape.org) (MIT, vendored unchanged
//! from its npm package under `vendor/`; its minified file begins with its licence, which so
//! travels inside every page) inlined, so it opens from a file with no network at all.
//!
//! The page applies the same time filter as the command line: each relation carries its
//! interval's earliest and latest days, whether each end is exact (neither approximate nor
//! uncertain), open or unknown, and `app.js` decides definite / possible / undated with the rule
//! of [`TimeFilter::classify`](crate::TimeFilter::classify), translated line by line (a browser
//! test checks that both agree on a sample of relations and dates).

mod data;

use std::io::{self, Write};

use crate::model::graph::Graph;

/// The most relations [`write_html`] writes by default; above it, it refuses (see
/// [`HtmlOptions::max_relations`]).
pub const DEFAULT_HTML_MAX_RELATIONS: usize = 20_000;

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("style.css");
const APP: &str = include_str!("app.js");
const CYTOSCAPE: &str = include_str!("vendor/cytoscape.min.js");

/// Options of the explorer page.
///
/// ```
/// use diplograph::export::html::{write_html, HtmlOptions};
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let page = write_html(&graph, &HtmlOptions::new().title("Belarus"), Vec::new())?;
/// let page = String::from_utf8(page)?;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>Belarus</title>"));
/// assert!(!page.contains("http://") || !page.contains("<script src"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct HtmlOptions {
    title: String,
    max_relations: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl HtmlOptions {
    /// The default title and [`DEFAULT_HTML_MAX_RELATIONS`].
    pub fn new() -> Self {
        HtmlOptions {
            title: "diplograph explorer".to_owned(),
            max_relations: DEFAULT_HTML_MAX_RELATIONS,
        }
    }

    /// The page's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Refuse a graph of more relations than this. A page holds every relation's quotes, and a
    /// browser draws a few thousand elements at most; a larger graph is better explored in parts
    /// (`--focus`, `--depth`, a time filter) or in Gephi.
    pub fn max_relations(mut self, n: usize) -> Self {
        self.max_relations = n;
        self
    }
}

/// Why the page was not written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The graph has more relations than [`HtmlOptions::max_relations`].
    #[error(
        "the graph has {relations} relations, more than the explorer page takes ({limit}); \
         export a part of it (a focus entity with a depth, or a time filter) or raise the limit"
    )]
    TooLarge {
        /// Relations in the graph.
        relations: usize,
        /// The limit.
        limit: usize,
    },
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes the explorer page of `graph` to `w` and hands `w` back. The output depends only on the
/// graph and the options (entities, predicates, sources and relations in id order), never on the
/// clock: the page reads "today" (for open ends, `since 2011`) from the browser.
///
/// # Errors
/// [`HtmlError::TooLarge`] above the size limit (before anything is written), or a write error.
pub fn write_html<W: Write>(graph: &Graph, options: &HtmlOptions, mut w: W) -> Result<W, HtmlError> {
    let relations = graph.relations().count();
    if relations > options.max_relations {
        return Err(HtmlError::TooLarge {
            relations,
            limit: options.max_relations,
        });
    }
    let mut rest = PAGE;
    while let Some(at) = rest.find("@@") {
        w.write_all(&rest.as_bytes()[..at])?;
        let after = &rest[at + 2..];
        let end = after
            .find("@@")
            .ok_or_else(|| io::Error::other("unterminated @@ marker in page.html"))?;
        match &after[..end] {
            "TITLE" => write_html_text(&mut w, &options.title)?,
            "STYLE" => w.write_all(STYLE.as_bytes())?,
            "CYTOSCAPE" => w.write_all(CYTOSCAPE.as_bytes())?,
            "DATA" => data::write_data(graph, &mut w)?,
            "APP" => w.write_all(APP.as_bytes())?,
            other => return Err(io::Error::other(format!("unknown marker @@{other}@@ in page.html")).into()),
        }
        rest = &after[end + 2..];
    }
    w.write_all(rest.as_bytes())?;
    Ok(w)
}

/// Writes text for HTML element content or a quoted attribute.
fn write_html_text(w: &mut dyn Write, text: &str) -> io::Result<()> {
    for c in text.chars() {
        match c {
            '&' => w.write_all(b"&amp;")?,
            '<' => w.write_all(b"&lt;")?,
            '>' => w.write_all(b"&gt;")?,
            '"' => w.write_all(b"&quot;")?,
            '\'' => w.write_all(b"&#39;")?,
            c => write!(w, "{c}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(graph: &Graph, options: &HtmlOptions) -> String {
        String::from_utf8(write_html(graph, options, Vec::new()).unwrap()).unwrap()
    }

    #[test]
    fn inlined_code_cannot_end_its_script_element() {
        for (name, code) in [("cytoscape", CYTOSCAPE), ("app.js", APP), ("style.css", STYLE)] {
            let lower = code.to_ascii_lowercase();
            assert!(!lower.contains("</script"), "{name} contains </script");
            assert!(!lower.contains("<!--"), "{name} contains <!--");
            assert!(!lower.contains("</style"), "{name} contains </style");
        }
    }

    #[test]
    fn the_page_is_self_contained_and_stable() {
        let graph = Graph::embedded().unwrap();
        let a = page(&graph, &HtmlOptions::new());
        assert_eq!(a, page(&graph, &HtmlOptions::new()), "byte-stable");
        for marker in ["@@TITLE@@", "@@STYLE@@", "@@CYTOSCAPE@@", "@@DATA@@", "@@APP@@"] {
            assert!(!a.contains(marker), "{marker} not replaced");
        }
        // Nothing is loaded from elsewhere: no external scripts, styles, images or fonts.
        for needle in ["<script src", "<link", "<img", "@import", "url(http"] {
            assert!(!a.contains(needle), "the page loads something: {needle}");
        }
        assert!(
            a.contains("The Cytoscape Consortium"),
            "the licence travels with the code"
        );
        assert!(a.contains("\"belarus\""));
    }

    #[test]
    fn the_title_is_escaped() {
        let graph = Graph::embedded().unwrap();
        let p = page(&graph, &HtmlOptions::new().title("<b>A & B</b>"));
        assert!(p.contains("<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>"));
    }

    #[test]
    fn too_large_a_graph_is_refused() {
        let graph = Graph::embedded().unwrap();
        let n = graph.relations().count();
        let err = write_html(&graph, &HtmlOptions::new().max_relations(n - 1), Vec::new()).unwrap_err();
        assert!(matches!(err, HtmlError::TooLarge { relations, limit } if relations == n && limit == n - 1));
        assert!(write_html(&graph, &HtmlOptions::new().max_relations(n), Vec::new()).is_ok());
    }
}

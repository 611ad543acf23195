//! The link of a drawn relation: in an SVG, a click on the edge opens a source at its quote
//! (`URL`, `target="_blank"`), and hovering shows the quotes (`tooltip`).

use super::escape::quoted;
use crate::export::evidence_link::evidence_link;
use crate::model::graph::Graph;
use crate::model::relation::Evidence;
use crate::verify::EvidenceLink;

/// The link and quotes of the evidence behind one drawn edge or box.
pub(crate) struct EvidenceLinks {
    /// The URL a click opens: the first piece of evidence whose link opens its source at the
    /// quote (else the first with a plain URL).
    url: Option<String>,
    /// `“quote” (source)`, a line per piece of evidence.
    quotes: Vec<String>,
}

impl EvidenceLinks {
    /// The links of `evidence` (in the order given).
    pub(crate) fn of<'g>(graph: &'g Graph, evidence: impl IntoIterator<Item = &'g Evidence>) -> EvidenceLinks {
        let mut at_quote = None;
        let mut plain = None;
        let mut quotes = Vec::new();
        for ev in evidence {
            let link = evidence_link(graph, ev);
            match (&link, link.url()) {
                (EvidenceLink::AtQuote(u), _) if at_quote.is_none() => at_quote = Some(u.clone()),
                (_, Some(u)) if plain.is_none() => plain = Some(u.to_owned()),
                _ => {}
            }
            quotes.push(format!("“{}” ({})", ev.quote.trim(), ev.source));
        }
        EvidenceLinks {
            url: at_quote.or(plain),
            quotes,
        }
    }

    /// `tooltip` text: `head`, then the quotes, a line each. Graphviz's limit on a quoted string
    /// is kept by [`quoted`], which cuts a long tooltip with a visible marker.
    pub(crate) fn tooltip(&self, head: &str) -> String {
        let mut text = head.to_owned();
        for q in &self.quotes {
            text.push('\n');
            text.push_str(q);
        }
        if self.url.is_some() {
            text.push_str("\n(click: opens the source at the quote)");
        }
        text
    }

    /// `, URL="…", target="_blank"` when there is a URL to open, else nothing.
    pub(crate) fn attributes(&self) -> String {
        match &self.url {
            Some(url) => format!(", URL={}, target=\"_blank\"", quoted(url)),
            None => String::new(),
        }
    }
}

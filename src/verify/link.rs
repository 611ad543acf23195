//! The link that opens a piece of evidence at its quote, or why there is none.

use std::fmt;

use crate::model::graph::Graph;
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::text_fragment::TextFragment;
use crate::verify::fragment::FragmentError;
use crate::verify::source_texts::SourceTexts;

/// How a reader can open one piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvidenceLink {
    /// The source's URL with a text fragment that scrolls to the quote.
    AtQuote(String),
    /// Only the source's URL: its text is not at hand, so no fragment could be checked.
    NoText(String),
    /// Only the source's URL: the quote is not in the source text, or cannot be singled out.
    NoFragment(String, FragmentError),
    /// Only the source's URL: the claim records no text fragment (`relations.csv`'s `fragment`
    /// column is empty), and the texts were not given to compute one.
    NotRecorded(String),
    /// The source has no URL, but the claim records the text fragment that would open its page
    /// at the quote (`text=…`), for whoever finds the page.
    NoUrlFragment(String),
    /// The source has no URL.
    NoUrl,
}

impl EvidenceLink {
    /// The link for `quote` from source `source`, whose URL is `url`.
    ///
    /// ```
    /// use diplograph::verify::{EvidenceLink, SourceTexts};
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::write(dir.path().join("page.txt"), "Belarus joined the PfP in 1995.").unwrap();
    /// let texts = SourceTexts::open(dir.path()).unwrap();
    /// let link = EvidenceLink::of(&texts, "page", Some("https://example.org/p"), "joined the PfP");
    /// assert_eq!(link.url(), Some("https://example.org/p#:~:text=joined%20the%20PfP"));
    /// let link = EvidenceLink::of(&texts, "other", Some("https://example.org/o"), "joined the PfP");
    /// assert_eq!(link.to_string(), "https://example.org/o (no source text at hand: the link opens the page, not the quote)");
    /// assert_eq!(EvidenceLink::of(&texts, "other", None, "joined").to_string(), "no URL for this source");
    /// ```
    pub fn of(texts: &SourceTexts, source: &str, url: Option<&str>, quote: &str) -> EvidenceLink {
        let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
            let fragment = texts
                .get(source)
                .ok()
                .and_then(|t| TextFragment::for_quote(t, quote).ok());
            return match fragment {
                Some(fragment) => EvidenceLink::NoUrlFragment(fragment.to_string()),
                None => EvidenceLink::NoUrl,
            };
        };
        match texts.get(source) {
            Err(_) => EvidenceLink::NoText(url.to_owned()),
            Ok(text) => match TextFragment::for_quote(text, quote) {
                Ok(fragment) => EvidenceLink::AtQuote(fragment.link(url)),
                Err(e) => EvidenceLink::NoFragment(url.to_owned(), e),
            },
        }
    }

    /// The link for a claim from what `relations.csv` records: its `fragment` (`anchor`), on
    /// the source's URL `url`. No text is needed: `diplograph fmt --sources DIR` wrote the
    /// fragment from the text, and `diplograph check --sources DIR` says when it is stale.
    ///
    /// ```
    /// use diplograph::model::QuoteAnchor;
    /// use diplograph::verify::EvidenceLink;
    /// let anchor = QuoteAnchor::from_cells("text=joined%20the%20PfP", "").unwrap();
    /// let link = EvidenceLink::recorded(anchor.as_ref(), Some("https://example.org/p"));
    /// assert_eq!(link.to_string(), "https://example.org/p#:~:text=joined%20the%20PfP");
    /// let link = EvidenceLink::recorded(anchor.as_ref(), None);
    /// assert_eq!(link.to_string(), "no URL for this source; its text fragment, to add to the page's address, is #:~:text=joined%20the%20PfP");
    /// let link = EvidenceLink::recorded(None, Some("https://example.org/p"));
    /// assert_eq!(link.caveat().unwrap(), "no text fragment recorded for this quote: the link opens the page, not the quote");
    /// ```
    pub fn recorded(anchor: Option<&QuoteAnchor>, url: Option<&str>) -> EvidenceLink {
        let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
            return match anchor.and_then(|a| a.fragment.as_ref()) {
                Some(fragment) => EvidenceLink::NoUrlFragment(fragment.to_string()),
                None => EvidenceLink::NoUrl,
            };
        };
        match anchor.and_then(|a| a.link(url)) {
            Some(link) => EvidenceLink::AtQuote(link),
            None => EvidenceLink::NotRecorded(url.to_owned()),
        }
    }

    /// The link of a claim of `graph` from source `source` that records `anchor` ([`recorded`]
    /// on the source's URL): how every output links evidence when no texts are given.
    ///
    /// [`recorded`]: EvidenceLink::recorded
    ///
    /// ```
    /// use diplograph::{verify::EvidenceLink, Graph};
    /// let graph = Graph::embedded()?;
    /// let edge = graph.edge_ids().find(|&e| graph[e].evidence[0].source.as_str() == "wikipedia-belarus-nato-relations").unwrap();
    /// let ev = &graph[edge].evidence[0];
    /// let link = EvidenceLink::recorded_in(&graph, ev.source.as_str(), ev.anchor.as_deref());
    /// assert!(link.url().unwrap().starts_with("https://en.wikipedia.org/wiki/Belarus%E2%80%93NATO_relations#:~:text="));
    /// # Ok::<(), diplograph::LoadError>(())
    /// ```
    pub fn recorded_in(graph: &Graph, source: &str, anchor: Option<&QuoteAnchor>) -> EvidenceLink {
        let url = graph.source(source).and_then(|s| s.url.as_deref());
        EvidenceLink::recorded(anchor, url)
    }

    /// The URL to open, if there is one.
    pub fn url(&self) -> Option<&str> {
        match self {
            EvidenceLink::AtQuote(u)
            | EvidenceLink::NoText(u)
            | EvidenceLink::NoFragment(u, _)
            | EvidenceLink::NotRecorded(u) => Some(u),
            EvidenceLink::NoUrl | EvidenceLink::NoUrlFragment(_) => None,
        }
    }

    /// Why the link does not open the page at the quote, if it does not.
    pub fn caveat(&self) -> Option<String> {
        match self {
            EvidenceLink::AtQuote(_) => None,
            EvidenceLink::NoText(_) => Some("no source text at hand: the link opens the page, not the quote".into()),
            EvidenceLink::NoFragment(_, e) => Some(format!("no text fragment: {e}")),
            EvidenceLink::NotRecorded(_) => {
                Some("no text fragment recorded for this quote: the link opens the page, not the quote".into())
            }
            EvidenceLink::NoUrl => Some("no URL for this source".into()),
            EvidenceLink::NoUrlFragment(fragment) => Some(format!(
                "no URL for this source; its text fragment, to add to the page's address, is #:~:{fragment}"
            )),
        }
    }
}

impl fmt::Display for EvidenceLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.url(), self.caveat()) {
            (Some(url), None) => f.write_str(url),
            (Some(url), Some(why)) => write!(f, "{url} ({why})"),
            (None, Some(why)) => f.write_str(&why),
            (None, None) => Ok(()),
        }
    }
}

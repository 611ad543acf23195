//! Where a quote stands in its source's text, as `relations.csv` records it: the text fragment
//! that opens the page at the quote and the Web Annotation selectors that re-anchor it.

use crate::model::text_directive::TextDirective;
use crate::model::text_fragment::TextFragment;
use crate::model::text_quote_selector::TextQuoteSelector;

/// A claim's quote anchored in its source's text: what `diplograph fmt --sources DIR` writes into
/// `relations.csv`'s `fragment` and `selector` columns, so that links and selectors need no copy
/// of the source texts (`diplograph check --sources DIR` says when they are stale).
///
/// The `fragment` cell is the fragment directive of the link (`text=…`, one `&text=…` more per
/// fragment of a quote joined with `...`); the `selector` cell holds one selector per fragment,
/// joined by `&`, each in the text directive's syntax: `prefix-,exact,-suffix`, percent-encoded,
/// an empty prefix or suffix left out.
///
/// ```
/// use diplograph::model::QuoteAnchor;
/// let anchor = QuoteAnchor::from_cells("text=joined,1995.", "1998.%20-,Belarus%20joined%20in%201995.,-%20Under")
///     .unwrap()
///     .unwrap();
/// assert_eq!(anchor.link("https://example.org/p").unwrap(), "https://example.org/p#:~:text=joined,1995.");
/// assert_eq!(anchor.selectors[0].prefix, "1998. ");
/// assert_eq!(anchor.selectors[0].exact, "Belarus joined in 1995.");
/// assert_eq!(anchor.selector_cell(), "1998.%20-,Belarus%20joined%20in%201995.,-%20Under");
/// assert_eq!(QuoteAnchor::from_cells("", "").unwrap(), None);
/// assert!(QuoteAnchor::from_cells("joined", "").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteAnchor {
    /// The text fragment that opens the source at the quote, if recorded.
    pub fragment: Option<TextFragment>,
    /// The selectors, one per fragment of the quote (empty if not recorded).
    pub selectors: Vec<TextQuoteSelector>,
}

/// Why a `fragment` or `selector` cell does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnchorError {
    /// The `fragment` cell is not a fragment directive.
    #[error("the fragment {0:?} is not a text fragment (text=[prefix-,]start[,end][,-suffix], joined by &)")]
    Fragment(String),
    /// The `selector` cell is not a list of selectors.
    #[error("the selector {0:?} is not a list of text quote selectors (prefix-,exact,-suffix, percent-encoded, joined by &)")]
    Selector(String),
}

impl QuoteAnchor {
    /// The anchor of a `fragment` and a `selector` cell; `None` when both are empty.
    pub fn from_cells(fragment: &str, selector: &str) -> Result<Option<QuoteAnchor>, AnchorError> {
        let (fragment, selector) = (fragment.trim(), selector.trim());
        if fragment.is_empty() && selector.is_empty() {
            return Ok(None);
        }
        let fragment = match fragment {
            "" => None,
            cell => Some(
                cell.parse::<TextFragment>()
                    .map_err(|_| AnchorError::Fragment(cell.to_owned()))?,
            ),
        };
        let selectors = match selector {
            "" => Vec::new(),
            cell => cell
                .split('&')
                .map(|part| {
                    let d = TextDirective::parse(part).filter(|d| d.end.is_none());
                    d.map(|d| TextQuoteSelector {
                        prefix: d.prefix.unwrap_or_default(),
                        exact: d.start,
                        suffix: d.suffix.unwrap_or_default(),
                    })
                    .ok_or_else(|| AnchorError::Selector(cell.to_owned()))
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(Some(QuoteAnchor { fragment, selectors }))
    }

    /// The `fragment` cell: the fragment directive, or empty.
    pub fn fragment_cell(&self) -> String {
        self.fragment.as_ref().map(ToString::to_string).unwrap_or_default()
    }

    /// The `selector` cell: the selectors in the text directive's syntax, joined by `&`.
    pub fn selector_cell(&self) -> String {
        let parts: Vec<String> = self
            .selectors
            .iter()
            .map(|s| {
                let term = |t: &str| (!t.is_empty()).then(|| t.to_owned());
                TextDirective {
                    prefix: term(&s.prefix),
                    start: s.exact.clone(),
                    end: None,
                    suffix: term(&s.suffix),
                }
                .to_string()
            })
            .collect();
        parts.join("&")
    }

    /// The link that opens `url` at the quote, if a fragment is recorded.
    pub fn link(&self, url: &str) -> Option<String> {
        self.fragment.as_ref().map(|f| f.link(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_round_trip_with_empty_context_and_syntax_characters() {
        let anchor = QuoteAnchor {
            fragment: None,
            selectors: vec![
                TextQuoteSelector {
                    prefix: String::new(),
                    exact: "a, b - c & d".into(),
                    suffix: " e".into(),
                },
                TextQuoteSelector {
                    prefix: "x ".into(),
                    exact: "\u{201c}y\u{201d}".into(),
                    suffix: String::new(),
                },
            ],
        };
        let cell = anchor.selector_cell();
        assert_eq!(QuoteAnchor::from_cells("", &cell).unwrap(), Some(anchor));
        assert!(QuoteAnchor::from_cells("", "a,b").is_err()); // a range is no selector
    }
}

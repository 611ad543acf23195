//! Evidence checked against the texts of the sources: quotes verified verbatim, the coverage of
//! the sources' dated passages, and links and selectors that open a source at a quote.
//!
//! The texts are plain files, one per source: `DIR/<source-id>.txt` ([`SourceTexts`]).
//!
//! ```
//! use diplograph::verify::{CitedQuote, QuoteCheck, SourceTexts, TextFragment};
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("nato.txt"), "Belarus joined the\nPartnership for Peace in 1995.").unwrap();
//! let texts = SourceTexts::open(dir.path()).unwrap();
//! let quote = CitedQuote { line: 2, source: "nato".into(), quote: "joined the Partnership for Peace".into(), years: vec![1995] };
//! assert!(QuoteCheck::run(&texts, &[quote]).problems().is_empty());
//! let fragment = TextFragment::for_quote(texts.get("nato").unwrap(), "joined the Partnership for Peace").unwrap();
//! assert_eq!(fragment.to_string(), "text=joined,Peace");
//! ```

mod anchors;
mod claims;
mod coverage;
mod fragment;
mod fragment_search;
mod link;
mod normalise;
mod quotes;
mod selector;
mod source_texts;

pub use anchors::AnchorCheck;
pub use claims::{cited_quotes, entity_date_quotes};
pub use coverage::{parse_gaps, passages, read_gaps, years, Coverage, Gap, GapsError, Passage, SourceCoverage};
pub use fragment::FragmentError;
pub use fragment_search::SearchText;
pub use link::EvidenceLink;
pub use normalise::{fragments, Normalised};
pub use quotes::{find_quote, CitedQuote, Closest, Found, Miss, ProblemKind, QuoteCheck, QuoteProblem};
pub use source_texts::{SourceText, SourceTextError, SourceTexts};
// The types are the model's (a claim records them); finding them in a text is this module's.
pub use crate::model::{TextDirective, TextFragment, TextQuoteSelector};

//! A Web Annotation text quote selector: a passage with the text just before and after it.

/// A W3C Web Annotation `TextQuoteSelector` (<https://www.w3.org/TR/annotation-model/#text-quote-selector>):
/// the exact passage, with the text just before and after it.
///
/// `exact` is the passage as the source writes it (white space collapsed); `prefix` and `suffix`
/// are the characters right before and after it, enough for `prefix + exact + suffix` to occur
/// once in the text. Finding them for a quote is `verify`'s
/// ([`TextQuoteSelector::for_quote`](crate::verify::TextQuoteSelector::for_quote)).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextQuoteSelector {
    /// The text just before the passage (may be empty at the start of the text).
    pub prefix: String,
    /// The passage.
    pub exact: String,
    /// The text just after the passage (may be empty at the end of the text).
    pub suffix: String,
}

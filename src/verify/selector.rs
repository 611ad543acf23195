//! Web Annotation text quote selectors: a quote with enough of its context to be found again.

use crate::model::text_quote_selector::TextQuoteSelector;
use crate::verify::fragment::{passages, FragmentError};
use crate::verify::source_texts::SourceText;

/// The most words of context added on each side.
const MAX_CONTEXT_WORDS: usize = 32;

/// Finding a quote's selectors in its source's text (the type is the model's: a claim records
/// them).
///
/// `exact` is the passage as the source writes it (white space collapsed), which is the quote
/// under the quote check's normalisation; `prefix` and `suffix` are the characters right before
/// and after it, grown a word at a time until `prefix + exact + suffix` occurs once in the text.
///
/// ```
/// use diplograph::verify::{SourceText, TextQuoteSelector};
/// let text = SourceText::new("NATO condemned it in 2006. The EU condemned it in 2006.");
/// let selectors = TextQuoteSelector::for_quote(&text, "condemned it in 2006").unwrap();
/// assert_eq!(selectors[0].prefix, "NATO ");
/// assert_eq!(selectors[0].exact, "condemned it in 2006");
/// assert_eq!(selectors[0].suffix, ".");
/// ```
impl TextQuoteSelector {
    /// One selector per fragment of `quote` (a quote joined with `...` has several), each unique
    /// in `text` if any context can make it so (otherwise with the most context tried). At least
    /// one word of context is given on each side where the text has one.
    pub fn for_quote(text: &SourceText, quote: &str) -> Result<Vec<TextQuoteSelector>, FragmentError> {
        let search = text.search();
        let chars = search.chars();
        let whole: String = chars.iter().collect();
        let mut out = Vec::new();
        for range in passages(text, quote)? {
            let exact = search.shown(range.clone());
            let mut selector = TextQuoteSelector::default();
            for n in 1..=MAX_CONTEXT_WORDS {
                let before = back(chars, range.start, n);
                let after = forward(chars, range.end, n);
                selector = TextQuoteSelector {
                    prefix: search.shown(before..range.start),
                    exact: exact.clone(),
                    suffix: search.shown(range.end..after),
                };
                let needle = format!("{}{}{}", selector.prefix, selector.exact, selector.suffix);
                if whole.match_indices(&needle).nth(1).is_none() || (before == 0 && after == chars.len()) {
                    break;
                }
            }
            out.push(selector);
        }
        Ok(out)
    }
}

/// The start of the `n`th word before `at`, keeping the space that separates it from `at`.
fn back(chars: &[char], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        while at > 0 && chars[at - 1] == ' ' {
            at -= 1;
        }
        while at > 0 && chars[at - 1] != ' ' {
            at -= 1;
        }
    }
    at
}

/// The end of the `n`th word after `at`.
fn forward(chars: &[char], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        while at < chars.len() && chars[at] == ' ' {
            at += 1;
        }
        while at < chars.len() && chars[at] != ' ' {
            at += 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_grows_until_unique() {
        let text = SourceText::new("a b c x y. a b c x z. q");
        let s = &TextQuoteSelector::for_quote(&text, "b c x").unwrap()[0];
        assert_eq!((s.prefix.as_str(), s.suffix.as_str()), ("a ", " y."));
        let s = &TextQuoteSelector::for_quote(&text, "b c x z").unwrap()[0];
        assert_eq!((s.prefix.as_str(), s.suffix.as_str()), ("a ", "."));
    }

    #[test]
    fn exact_is_the_source_s_text_and_fragments_get_one_selector_each() {
        let text = SourceText::new("the \u{201c}Partnership\u{201d}\n for Peace in 1995, and more");
        let s = TextQuoteSelector::for_quote(&text, "the \"Partnership\" for ... in 1995").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].exact, "the \u{201c}Partnership\u{201d} for");
        assert_eq!((s[0].prefix.as_str(), s[0].suffix.as_str()), ("", " Peace"));
        assert_eq!(s[1].exact, "in 1995");
    }

    #[test]
    fn a_quote_not_in_the_text_is_an_error() {
        assert!(TextQuoteSelector::for_quote(&SourceText::new("abc"), "xyz").is_err());
    }
}

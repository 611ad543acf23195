//! Text fragments: links that open a page at a quote (`URL#:~:text=…`).
//!
//! See the W3C community group's specification, <https://wicg.github.io/scroll-to-text-fragment/>.
//! A *text directive* `text=[prefix-,]start[,end][,-suffix]` names a passage: `start` alone is
//! the passage; `start,end` is the passage from `start` to the first `end` after it; `prefix` and
//! `suffix` are context that must come just before and after it. [`TextFragment::for_quote`]
//! writes, for each fragment of a quote, the shortest directive that matches exactly one place of
//! the source text (see [`SearchText`] for the matching rules).

use std::ops::Range;

use crate::model::text_directive::TextDirective;
use crate::model::text_fragment::TextFragment;
use crate::verify::fragment_search::SearchText;
use crate::verify::quotes::{find_quote, Miss};
use crate::verify::source_texts::SourceText;

/// Why no text fragment can be written for a quote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FragmentError {
    /// The quote is not in the source text.
    #[error("the quote is not in the source text: {0}")]
    NotFound(Box<Miss>),
    /// The passage is only markup of the plain text (table bars, heading signs), which a
    /// browser does not show.
    #[error("the passage is only markup of the text, nothing a browser shows")]
    NoText,
    /// The passage occurs more than once with the same context, as far as context can reach.
    #[error("the passage \"{0}\" cannot be told apart from its other occurrences")]
    Ambiguous(String),
}

/// Finding a quote's fragment in its source's text (the type is the model's: a claim records it).
impl TextFragment {
    /// The shortest directives that each match exactly one place of `text`: the place of a
    /// fragment of `quote` (found as the quote check finds it), widened to whole words.
    ///
    /// For each fragment the candidates are the exact passage and, for passages of four words or
    /// more, `start,end` forms (up to 5 words at either end). Context is added only when no
    /// candidate without it is unique, a word at a time (up to 8 words on each side): the
    /// shortest encoded candidate with the least context whose only match is the passage wins.
    /// A passage across blocks (the cells of a table row) that no single directive singles out
    /// gets one directive per block.
    ///
    /// ```
    /// use diplograph::verify::{SourceText, TextFragment};
    /// let text = SourceText::new("NATO and Belarus met. NATO and Belarus met again.");
    /// let fragment = TextFragment::for_quote(&text, "NATO and Belarus met").unwrap();
    /// // The words occur twice; the full stop after the first tells them apart.
    /// assert_eq!(fragment.to_string(), "text=NATO,met,-.");
    /// ```
    pub fn for_quote(text: &SourceText, quote: &str) -> Result<TextFragment, FragmentError> {
        let search = text.search();
        let mut directives = Vec::new();
        for range in passages(text, quote)? {
            match unique_directive(search, range.clone()) {
                Ok(d) => directives.push(d),
                // A passage over several blocks (table cells) that no one directive singles out
                // gets one directive per block: a context term may sit in the next cell.
                Err(e) => {
                    let parts = search.blocks_of(range);
                    if parts.len() < 2 {
                        return Err(e);
                    }
                    for part in parts {
                        directives.push(unique_directive(search, part)?);
                    }
                }
            }
        }
        TextFragment::new(directives).ok_or(FragmentError::NoText)
    }
}

/// The character ranges of the search text that the fragments of `quote` occupy.
pub(crate) fn passages(text: &SourceText, quote: &str) -> Result<Vec<Range<usize>>, FragmentError> {
    let found = find_quote(text.normalised(), quote).map_err(|m| FragmentError::NotFound(Box::new(m)))?;
    Ok(found
        .into_iter()
        .map(|r| text.search().range_of_raw(text.normalised().raw_range(r)))
        .collect())
}

const MAX_EDGE_WORDS: usize = 5;
const MAX_CONTEXT_WORDS: usize = 8;

fn unique_directive(search: &SearchText, passage: Range<usize>) -> Result<TextDirective, FragmentError> {
    let chars = search.chars();
    let mut start = passage.start;
    let mut end = passage.end.max(start);
    // The passage may begin or end with the space that stands for a line break or markup.
    while start < end && chars[start] == ' ' {
        start += 1;
    }
    while end > start && chars[end - 1] == ' ' {
        end -= 1;
    }
    if start == end {
        return Err(FragmentError::NoText);
    }
    while !search.is_word_boundary(start) && start > 0 {
        start -= 1;
    }
    while !search.is_word_boundary(end) && end < search.len() {
        end += 1;
    }
    let words = word_spans(chars, start..end);
    let text_of = |r: Range<usize>| search.shown(r);
    // The passage's own forms: exact, then start,end with i words at the start and j at the end.
    let mut cores = vec![(text_of(start..end), None)];
    // A range needs at least one word between its ends; shorter passages are written out whole.
    let edge_words = if words.len() >= 4 {
        MAX_EDGE_WORDS.min(words.len())
    } else {
        0
    };
    for i in 1..=edge_words {
        for j in 1..=MAX_EDGE_WORDS.min(words.len().saturating_sub(i + 1)) {
            let first = start..words[i - 1].end;
            let last = words[words.len() - j].start..end;
            cores.push((text_of(first), Some(text_of(last))));
        }
    }
    let context = |n: usize, before: bool| -> Option<String> {
        if n == 0 {
            return None;
        }
        let span = if before {
            let pe = trim_back(chars, start);
            let ps = back_words(chars, pe, n);
            (ps < pe).then_some(ps..pe)
        } else {
            let ss = trim_forward(chars, end);
            let se = forward_words(chars, ss, n);
            (ss < se).then_some(ss..se)
        };
        span.map(text_of)
    };
    for reach in 0..=MAX_CONTEXT_WORDS * 2 {
        let mut candidates: Vec<TextDirective> = Vec::new();
        for p in 0..=reach.min(MAX_CONTEXT_WORDS) {
            let s = reach - p;
            if s > MAX_CONTEXT_WORDS {
                continue;
            }
            let (prefix, suffix) = (context(p, true), context(s, false));
            if (p > 0 && prefix.is_none()) || (s > 0 && suffix.is_none()) {
                continue;
            }
            for (first, last) in &cores {
                candidates.push(TextDirective {
                    prefix: prefix.clone(),
                    start: first.clone(),
                    end: last.clone(),
                    suffix: suffix.clone(),
                });
            }
        }
        if candidates.is_empty() && reach > 0 {
            break;
        }
        candidates.sort_by_cached_key(|d| d.to_string().len());
        for candidate in candidates {
            let mut found = search.matches(&candidate);
            if found.next() == Some(start..end) && found.next().is_none() {
                return Ok(candidate);
            }
        }
    }
    Err(FragmentError::Ambiguous(text_of(start..end)))
}

/// The words (runs between spaces) of `range`.
fn word_spans(chars: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let end = (at..range.end).find(|&i| chars[i] == ' ').unwrap_or(range.end);
        if end > at {
            out.push(at..end);
        }
        at = end + 1;
    }
    out
}

fn trim_back(chars: &[char], mut at: usize) -> usize {
    while at > 0 && chars[at - 1] == ' ' {
        at -= 1;
    }
    at
}

fn trim_forward(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && chars[at] == ' ' {
        at += 1;
    }
    at
}

/// The start of the `n`th word before `at` (or the text's start).
fn back_words(chars: &[char], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        at = trim_back(chars, at);
        while at > 0 && chars[at - 1] != ' ' {
            at -= 1;
        }
    }
    at
}

/// The end of the `n`th word after `at` (or the text's end).
fn forward_words(chars: &[char], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        at = trim_forward(chars, at);
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
    fn spec_syntax_examples_parse() {
        let d = TextDirective::parse("an%20example%20text%20fragment").unwrap();
        assert_eq!(d.start, "an example text fragment");
        let d = TextDirective::parse("an%20example,text%20fragment").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_deref()),
            ("an example", Some("text fragment"))
        );
        let d = TextDirective::parse("this%20is-,an%20example,-text%20fragment").unwrap();
        assert_eq!(d.prefix.as_deref(), Some("this is"));
        assert_eq!(d.suffix.as_deref(), Some("text fragment"));
        // Context terms without "-" do not parse as a directive (web-platform-tests).
        assert_eq!(TextDirective::parse("this,is,test,page"), None);
        assert_eq!(TextDirective::parse("a,b,c"), None);
        assert_eq!(TextDirective::parse("-,a"), None);
        assert_eq!(TextDirective::parse("pre-"), None);
    }

    #[test]
    fn spec_bidi_example_encodes_utf8() {
        let d = TextDirective {
            prefix: Some("\u{627}\u{644}\u{628}\u{62d}\u{631}\u{64a}\u{646}".into()),
            start: "\u{645}\u{635}\u{631}".into(),
            end: None,
            suffix: None,
        };
        assert_eq!(
            d.to_string(),
            "%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86-,%D9%85%D8%B5%D8%B1"
        );
    }

    fn fragment(text: &str, quote: &str) -> String {
        TextFragment::for_quote(&SourceText::new(text), quote)
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_unique_short_quote_is_its_own_directive() {
        assert_eq!(fragment("Belarus joined the PfP in 1995.", "the PfP"), "text=the%20PfP");
    }

    #[test]
    fn a_long_quote_gets_start_and_end() {
        let text = "In January 2006 Belarus and NATO approved the first package of partnership goals for the armed forces of Belarus.";
        let quote = "Belarus and NATO approved the first package of partnership goals for the armed forces";
        assert_eq!(fragment(text, quote), "text=Belarus,forces");
    }

    fn assert_unique(text: &str, quote: &str) -> String {
        let source = SourceText::new(text);
        let got = TextFragment::for_quote(&source, quote).unwrap();
        let search = source.search();
        let passages = passages(&source, quote).unwrap();
        for d in got.directives() {
            assert_eq!(search.count(d, 5), 1, "{got}");
            let found = search.find(d).unwrap();
            assert!(
                passages.iter().any(|p| p.start <= found.start && found.end <= p.end),
                "{got}"
            );
        }
        got.to_string()
    }

    #[test]
    fn a_repeated_quote_gets_context() {
        let text = "NATO condemned the election. The EU condemned the election. NATO condemned the election again.";
        let got = assert_unique(text, "NATO condemned the election");
        assert!(got.contains(",-") || got.contains("-,"), "{got}");
        assert_unique(text, "The EU condemned the election");
        assert_unique("a b. a b. c a b", "a b");
    }

    #[test]
    fn a_quote_in_fragments_gets_one_directive_each() {
        let text = "Belarus joined the PfP in 1995. It signed the IPP in 2004.";
        assert_eq!(
            assert_unique(text, "joined the PfP ... the IPP"),
            "text=joined%20the%20PfP&text=the%20IPP"
        );
    }

    #[test]
    fn the_directive_uses_the_source_s_own_characters() {
        // The quote has straight quotes, the page typographic ones: the link must match the page.
        let text = "the \u{201c}Partnership for Peace\u{201d} programme";
        let source = SourceText::new(text);
        let got = TextFragment::for_quote(&source, "the \"Partnership for Peace\" programme").unwrap();
        let search = source.search();
        let found = search.find(&got.directives()[0]).unwrap();
        assert_eq!(search.shown(found), text);
    }

    #[test]
    fn a_table_row_that_no_range_singles_out_gets_a_directive_per_cell() {
        let text = "| Country | Date | Notes |\n| | 1992-04-15 | Canada |\n| Country | Date | Notes |\n\
                    | | 1992 | See Armenia relations |\n| | 1992 | See Chad relations |";
        let got = assert_unique(text, "1992 | See Armenia relations");
        assert_eq!(got, "text=Notes-,1992,-See&text=See%20Armenia%20relations");
    }

    #[test]
    fn a_passage_that_cannot_be_told_apart_is_an_error() {
        let err = TextFragment::for_quote(&SourceText::new("go ".repeat(40)), "go go").unwrap_err();
        assert!(matches!(err, FragmentError::Ambiguous(_)), "{err:?}");
    }

    #[test]
    fn every_generated_directive_matches_only_its_passage() {
        let text = "NATO and Belarus met in 1995, and NATO and Belarus met in 1997; NATO and Belarus - met in 1998.";
        for quote in [
            "NATO and Belarus met in 1995",
            "NATO and Belarus met in 1997",
            "Belarus - met in 1998",
        ] {
            let source = SourceText::new(text);
            let got = TextFragment::for_quote(&source, quote).unwrap();
            let d = &got.directives()[0];
            let search = source.search();
            assert_eq!(search.count(d, 5), 1, "{got}");
            assert_eq!(search.shown(search.find(d).unwrap()), quote, "{got}");
        }
    }
}

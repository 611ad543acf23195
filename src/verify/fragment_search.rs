//! Finding a text directive in a text, by the Text Fragments specification's rules.
//!
//! This is the specification's *find a range from a text directive* algorithm
//! (<https://wicg.github.io/scroll-to-text-fragment/#find-a-range-from-a-text-directive>), run
//! over a plain text instead of a DOM: each line is a block (each cell, in a table row), its white
//! space collapsed as a browser renders it, and each term must match within one block. Terms are compared at the primary strength of the Unicode collation
//! (case and accents ignored: each character is compared by its lower-cased base letter), and
//! must start and end on word boundaries where the algorithm asks for it. Word boundaries
//! follow UAX #29's default rules for alphabetic scripts (no break inside a run of letters and
//! digits, nor at an apostrophe or full stop between letters, nor at a comma or full stop between
//! digits; a break everywhere else); scripts that need a dictionary (Chinese, Japanese) are not
//! segmented into words.

use std::ops::Range;

use unicode_normalization::char::decompose_canonical;

use crate::model::text_directive::TextDirective;
use crate::verify::normalise::is_space;

/// A text prepared for text-directive search: white space collapsed, each character kept as
/// shown and as compared.
///
/// ```
/// use diplograph::verify::{SearchText, TextDirective};
/// let text = SearchText::new("This is an example text fragment.\nHere is an example text.");
/// let directive = TextDirective::parse("this%20is-,an%20example,-text%20fragment").unwrap();
/// let found = text.find(&directive).unwrap();
/// assert_eq!(text.shown(found), "an example");
/// assert_eq!(text.count(&directive, 2), 1);
/// assert_eq!(text.count(&TextDirective::parse("an%20example").unwrap(), 9), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    shown: Vec<char>,
    folded: Vec<char>,
    /// The raw byte offset of each character (a collapsed space: of its run's first character).
    raw: Vec<usize>,
    /// The block (paragraph or table cell) each character is in: a term matches within one.
    block: Vec<u32>,
}

impl SearchText {
    /// Prepares `raw` for search.
    ///
    /// Each line is a block (a paragraph of the page), and so is each cell of a table row (a line
    /// starting with `|`). The plain-text markup of the source texts is not page text and reads
    /// as white space: the `|` between cells, the `=` around headings, a leading bullet `•`.
    pub fn new(raw: &str) -> SearchText {
        let mut text = SearchText {
            shown: Vec::with_capacity(raw.len()),
            folded: Vec::with_capacity(raw.len()),
            raw: Vec::with_capacity(raw.len()),
            block: Vec::with_capacity(raw.len()),
        };
        let mut space: Option<usize> = None;
        let mut block = 0u32;
        let mut line_start = 0;
        for line in raw.split_inclusive('\n') {
            block += 1;
            let indent = line.len() - line.trim_start_matches(is_space).len();
            let body = line.trim_matches(is_space);
            let table = body.starts_with('|');
            let heading = body.len() >= 2 && body.starts_with('=') && body.ends_with('=');
            let text_part = if heading {
                let start = indent + (body.len() - body.trim_start_matches('=').len());
                start..start + body.trim_matches('=').len()
            } else {
                0..line.len()
            };
            let bullet = body.starts_with('\u{2022}').then_some(indent);
            for (at, c) in line.char_indices() {
                if table && c == '|' {
                    block += 1;
                }
                let markup = (table && c == '|') || !text_part.contains(&at) || bullet == Some(at);
                if is_space(c) || markup {
                    if !text.shown.is_empty() && space.is_none() {
                        space = Some(line_start + at);
                    }
                    continue;
                }
                if let Some(run) = space.take() {
                    text.push(' ', run, block);
                }
                text.push(c, line_start + at, block);
            }
            line_start += line.len();
        }
        text
    }

    fn push(&mut self, c: char, at: usize, block: u32) {
        self.shown.push(c);
        self.folded.push(fold(c));
        self.raw.push(at);
        self.block.push(block);
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    /// True when the text has no characters.
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// The characters in `range` (character indices), as shown.
    pub fn shown(&self, range: Range<usize>) -> String {
        self.shown[range].iter().collect()
    }

    pub(crate) fn chars(&self) -> &[char] {
        &self.shown
    }

    /// The character range covering the raw byte range `raw`.
    pub(crate) fn range_of_raw(&self, raw: Range<usize>) -> Range<usize> {
        let start = self.raw.partition_point(|&at| at < raw.start);
        let end = self.raw.partition_point(|&at| at < raw.end);
        start..end.max(start)
    }

    /// `range` cut where it crosses from one block to the next, without the spaces between.
    pub(crate) fn blocks_of(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut parts: Vec<Range<usize>> = Vec::new();
        for i in range {
            if self.shown[i] == ' ' {
                continue;
            }
            match parts.last_mut() {
                Some(last) if self.block[last.start] == self.block[i] => last.end = i + 1,
                _ => parts.push(i..i + 1),
            }
        }
        parts
    }

    /// True when `position` is at a word boundary (see the module documentation).
    pub fn is_word_boundary(&self, position: usize) -> bool {
        let c = &self.shown;
        if position == 0 || position >= c.len() {
            return !c.is_empty();
        }
        let (a, b) = (c[position - 1], c[position]);
        if is_word(a) && is_word(b) {
            return false;
        }
        let before = position.checked_sub(2).map(|i| c[i]);
        let after = c.get(position + 1).copied();
        let joins = |left: Option<char>, mid: char, right: Option<char>| {
            let (Some(l), Some(r)) = (left, right) else {
                return false;
            };
            (l.is_alphabetic() && r.is_alphabetic() && is_mid_letter(mid))
                || (l.is_numeric() && r.is_numeric() && is_mid_num(mid))
        };
        // letter | ' letter, and letter ' | letter (WB6, WB7; WB11, WB12 for digits)
        !(is_word(a) && joins(Some(a), b, after) || is_word(b) && joins(before, a, Some(b)))
    }

    /// The first match of `directive`, as the specification finds it.
    pub fn find(&self, directive: &TextDirective) -> Option<Range<usize>> {
        self.matches(directive).next()
    }

    /// How many places `directive` matches, counting at most `limit`.
    pub fn count(&self, directive: &TextDirective, limit: usize) -> usize {
        self.matches(directive).take(limit).count()
    }

    /// Every match of `directive`, in order: the first is the specification's; each next one is
    /// what the algorithm finds when it resumes after the previous one's start.
    pub fn matches<'a>(&'a self, directive: &TextDirective) -> impl Iterator<Item = Range<usize>> + 'a {
        let terms = Terms {
            prefix: directive.prefix.as_deref().map(fold_term),
            start: fold_term(&directive.start),
            end: directive.end.as_deref().map(fold_term),
            suffix: directive.suffix.as_deref().map(fold_term),
        };
        let mut search_start = 0;
        std::iter::from_fn(move || self.next_match(&terms, &mut search_start))
    }

    /// One turn of the specification's outer loop, resuming at `search_start`.
    fn next_match(&self, t: &Terms, search_start: &mut usize) -> Option<Range<usize>> {
        if t.start.is_empty()
            || [&t.prefix, &t.end, &t.suffix]
                .iter()
                .any(|x| x.as_ref().is_some_and(Vec::is_empty))
        {
            return None;
        }
        let len = self.folded.len();
        while *search_start < len {
            let must_end_at_word = t.end.is_some() || t.suffix.is_none();
            let mut potential = if let Some(prefix) = &t.prefix {
                let prefix_match = self.find_string(prefix, *search_start, true, false, false)?;
                *search_start = prefix_match.start + 1;
                let match_start = self.next_non_space(prefix_match.end);
                if match_start >= len {
                    return None;
                }
                match self.find_string(&t.start, match_start, false, must_end_at_word, true) {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                let m = self.find_string(&t.start, *search_start, true, must_end_at_word, false)?;
                *search_start = m.start + 1;
                m
            };
            if t.end.is_none() && t.suffix.is_none() {
                return Some(potential);
            }
            let mut range_end_search = potential.end;
            while range_end_search < len {
                if let Some(end) = &t.end {
                    let end_match = self.find_string(end, range_end_search, true, t.suffix.is_none(), false)?;
                    potential.end = end_match.end;
                }
                let Some(suffix) = &t.suffix else {
                    return Some(potential);
                };
                let suffix_start = self.next_non_space(potential.end);
                if self.find_string(suffix, suffix_start, false, true, true).is_some() {
                    return Some(potential);
                }
                if t.end.is_none() {
                    break;
                }
                range_end_search = potential.end;
            }
            if range_end_search >= len && t.end.is_some() {
                return None;
            }
        }
        None
    }

    fn next_non_space(&self, mut at: usize) -> usize {
        while at < self.folded.len() && self.folded[at] == ' ' {
            at += 1;
        }
        at
    }

    /// The specification's *find a string in range*, over `from..`.
    fn find_string(
        &self,
        query: &[char],
        from: usize,
        word_start: bool,
        word_end: bool,
        at_beginning: bool,
    ) -> Option<Range<usize>> {
        let text = &self.folded;
        let mut start = from;
        loop {
            let at = start + text.get(start..)?.windows(query.len()).position(|w| w == query)?;
            if at_beginning && at != from {
                return None;
            }
            let end = at + query.len();
            let within_a_block = self.block[at] == self.block[end - 1];
            if !within_a_block
                || (word_start && !self.is_word_boundary(at))
                || (word_end && !self.is_word_boundary(end))
            {
                start = at + 1;
                continue;
            }
            return Some(at..end);
        }
    }
}

struct Terms {
    prefix: Option<Vec<char>>,
    start: Vec<char>,
    end: Option<Vec<char>>,
    suffix: Option<Vec<char>>,
}

fn fold_term(term: &str) -> Vec<char> {
    SearchText::new(term).folded
}

/// A character as compared at the collation's primary strength: its base letter, lower-cased.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    let base = base.unwrap_or(c);
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => base,
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// MidLetter, MidNumLet and Single_Quote of UAX #29.
fn is_mid_letter(c: char) -> bool {
    matches!(
        c,
        ':' | '\u{b7}'
            | '\u{387}'
            | '\u{5f4}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe55}'
            | '\u{ff1a}'
            | '.'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{fe52}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\''
    )
}

/// MidNum, MidNumLet and Single_Quote of UAX #29.
fn is_mid_num(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | '\u{37e}'
            | '\u{589}'
            | '\u{60c}'
            | '\u{60d}'
            | '\u{66c}'
            | '\u{7f8}'
            | '\u{2044}'
            | '\u{fe10}'
            | '\u{fe14}'
            | '\u{fe50}'
            | '\u{fe54}'
            | '\u{ff0c}'
            | '\u{ff1b}'
            | '.'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{fe52}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\''
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(value: &str) -> TextDirective {
        TextDirective::parse(value).unwrap()
    }

    fn found(text: &str, value: &str) -> Option<String> {
        let text = SearchText::new(text);
        text.find(&directive(value)).map(|r| text.shown(r))
    }

    // The examples of the specification's syntax section.
    #[test]
    fn spec_exact_and_range() {
        let page = "Here is an example text fragment, and another text fragment.";
        assert_eq!(
            found(page, "an%20example%20text%20fragment").as_deref(),
            Some("an example text fragment")
        );
        assert_eq!(
            found(page, "an%20example,text%20fragment").as_deref(),
            Some("an example text fragment")
        );
    }

    #[test]
    fn spec_context_terms() {
        let value = "this%20is-,an%20example,-text%20fragment";
        assert_eq!(
            found("this is an example text fragment", value).as_deref(),
            Some("an example")
        );
        assert_eq!(found("here is an example text", value), None);
    }

    // The word-boundary examples of the specification.
    #[test]
    fn spec_word_boundaries() {
        assert!(found("An impressive mountain range", "mountain%20range").is_some());
        assert!(found("An impressive mountain ranger", "mountain%20range").is_none());
        assert!(found("mountain range", "range").is_some());
        assert!(found("color orange", "range").is_none());
        assert!(found("forest ranger", "range").is_none());
    }

    // Cases of the web-platform-tests suite for this algorithm.
    #[test]
    fn prefix_must_start_on_a_word_boundary() {
        assert!(found("The quick brown fox jumped", "u-,mped").is_none());
        assert!(found("The quick brown fox jumped", "fox-,jumped").is_some());
    }

    #[test]
    fn suffix_must_end_on_a_word_boundary() {
        assert!(found("The quick brown fox jumped", "brown,-fo").is_none());
        assert!(found("The quick brown fox jumped", "brown,-fox").is_some());
    }

    #[test]
    fn range_ends_must_be_word_bounded_inside() {
        assert!(found("The quick brown fox", "The%20qu,fox").is_none());
        assert!(found("The quick brown fox", "The,own%20fox").is_none());
        assert_eq!(
            found("The quick brown fox", "The,fox").as_deref(),
            Some("The quick brown fox")
        );
    }

    #[test]
    fn case_accents_and_white_space_are_ignored() {
        assert_eq!(
            found("Café met  \t NATO", "cafe%20MET%20nato").as_deref(),
            Some("Café met NATO")
        );
    }

    #[test]
    fn apostrophes_and_full_stops_inside_words_do_not_break() {
        let text = SearchText::new("Belarus's U.S. 1,000 (Belarus) end.");
        let boundary = |i| text.is_word_boundary(i);
        assert!(!boundary(7) && !boundary(8)); // Belarus|'|s
        assert!(!boundary(11)); // U.|S
        assert!(!boundary(16)); // 1,000
        assert!(boundary(21) && boundary(22) && boundary(29)); // |(|Belarus|)
        assert!(boundary(34) && boundary(35)); // end|.|
    }

    #[test]
    fn terms_match_within_a_block_and_markup_is_not_text() {
        let text =
            SearchText::new("== Relations ==\n| 1992 | Armenia | See relations |\n  \u{2022} Bullet text\nnext line");
        assert_eq!(
            text.shown(0..text.len()),
            "Relations 1992 Armenia See relations Bullet text next line"
        );
        assert!(found_in(&text, "1992%20Armenia").is_none()); // two cells
        assert_eq!(
            found_in(&text, "1992,relations").as_deref(),
            Some("1992 Armenia See relations")
        );
        assert!(found_in(&text, "text%20next").is_none()); // two lines
        assert!(found_in(&text, "Relations-,1992").is_some()); // context may sit in another block
    }

    fn found_in(text: &SearchText, value: &str) -> Option<String> {
        text.find(&directive(value)).map(|r| text.shown(r))
    }

    #[test]
    fn every_match_is_enumerated() {
        let text = SearchText::new("NATO and Belarus. NATO and Russia. NATO and Belarus again.");
        assert_eq!(text.count(&directive("NATO%20and"), 9), 3);
        assert_eq!(text.count(&directive("NATO%20and,-Belarus"), 9), 2);
        assert_eq!(text.count(&directive("Russia.-,NATO%20and,-Belarus"), 9), 1);
        // A range resumes at every start term: the last two end at the same "Belarus".
        assert_eq!(text.count(&directive("NATO,Belarus"), 9), 3);
    }
}

//! The normalisation under which a quote counts as verbatim.
//!
//! A quote and its source are compared after both are put in the same form:
//!
//! 1. **Unicode compatibility forms** are unified (NFKC): a ligature `ﬁ` reads as `fi`, a
//!    no-break space as a space, an ellipsis `…` as `...`.
//! 2. **Typographic quotes and dashes** are folded: `‘ ’ ‚ ‛ ′` read as `'`, `“ ” „ ‟` as `"`
//!    (a double prime `″` is two primes after step 1, so `''`), the hyphens and dashes
//!    U+2010–U+2015 and the minus sign U+2212 as `-`. Curators type
//!    quotes on keyboards that have only the straight forms, and web pages change them freely
//!    between editions (a CMS "smartens" quotes); the words stay the same, so a quote that
//!    differs only there is still verbatim. Nothing else is folded: case, accents, other
//!    punctuation and every letter must match.
//! 3. **White space** — runs of spaces, tabs and line breaks — becomes one space, and is trimmed at
//!    both ends: a quote may join the lines of a wrapped paragraph.
//!
//! This is the normalisation of the project's reference checker (`check-quotes`), so that both
//! find the same quotes.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Text in the normal form of the quote check, remembering where each character came from.
///
/// ```
/// use diplograph::verify::Normalised;
/// let text = Normalised::new("The  \u{201c}Partnership\u{201d}\n  for Peace");
/// assert_eq!(text.as_str(), "The \"Partnership\" for Peace");
/// // A range of the normal form maps back to the raw text.
/// let at = text.as_str().find("for").unwrap();
/// assert_eq!(text.raw_range(at..at + 3), 25..28);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    text: String,
    /// For each character of `text`, in order: its byte offset in `text` and the raw byte range
    /// it came from (a collapsed white-space run maps to the whole run).
    origins: Vec<(usize, Range<usize>)>,
}

impl Normalised {
    /// Normalises `raw` (see the module documentation).
    pub fn new(raw: &str) -> Normalised {
        let mut text = String::with_capacity(raw.len());
        let mut origins = Vec::with_capacity(raw.len());
        // The raw range of the white space run waiting to be written as one space, if any.
        let mut space: Option<Range<usize>> = None;
        for cluster in clusters(raw) {
            let piece = &raw[cluster.clone()];
            for c in piece.nfkc().map(fold_char) {
                if is_space(c) {
                    if !text.is_empty() {
                        space = Some(match space {
                            Some(run) => run.start..cluster.end,
                            None => cluster.clone(),
                        });
                    }
                    continue;
                }
                if let Some(run) = space.take() {
                    origins.push((text.len(), run));
                    text.push(' ');
                }
                origins.push((text.len(), cluster.clone()));
                text.push(c);
            }
        }
        Normalised { text, origins }
    }

    /// The normal form.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The raw byte range that the normal form's byte range `range` came from.
    ///
    /// `range` must lie on character boundaries of [`Normalised::as_str`]; an empty range maps
    /// to an empty range.
    pub fn raw_range(&self, range: Range<usize>) -> Range<usize> {
        let first = self.origins.partition_point(|(at, _)| *at < range.start);
        let end = self.origins.partition_point(|(at, _)| *at < range.end);
        match (
            self.origins.get(first),
            end.checked_sub(1).and_then(|last| self.origins.get(last)),
        ) {
            (Some((_, a)), Some((_, b))) if end > first => a.start..b.end,
            (Some((_, a)), _) => a.start..a.start,
            _ => {
                let end = self.origins.last().map_or(0, |(_, r)| r.end);
                end..end
            }
        }
    }
}

/// Splits `raw` into a starter and the combining characters that follow it, so that NFKC
/// composes `e` + U+0301 into `é` as it would over the whole text.
fn clusters(raw: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = raw.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if canonical_combining_class(next) == 0 {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        Some(start..end)
    })
}

/// The typographic quotes and dashes folded to their keyboard forms, and the spaces that NFKC
/// leaves alone.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00a0}' | '\u{202f}' | '\u{2009}' => ' ',
        other => other,
    }
}

/// White space as the reference checker counts it (Python's `str.isspace`): Unicode white space
/// and the information separators U+001C–U+001F.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Normalises a quote and splits it into the fragments joined with `...` (or `…`), each trimmed;
/// empty fragments are dropped.
///
/// ```
/// use diplograph::verify::fragments;
/// assert_eq!(fragments("NATO \u{2026} Belarus...  in 1995 "), ["NATO", "Belarus", "in 1995"]);
/// assert!(fragments(" ... ").is_empty());
/// ```
pub fn fragments(quote: &str) -> Vec<String> {
    Normalised::new(quote)
        .as_str()
        .split("...")
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_spaces_and_compatibility_forms() {
        let n = Normalised::new("  \u{2018}a\u{2019}\u{00a0}b \u{2013} \u{fb01}ne\t\r\n c\u{2033} ");
        // U+2033 (double prime) is two primes under NFKC, so two straight apostrophes.
        assert_eq!(n.as_str(), "'a' b - fine c''");
    }

    #[test]
    fn keeps_case_accents_and_other_punctuation() {
        let n = Normalised::new("Łukašenka, «NATO»");
        assert_eq!(n.as_str(), "Łukašenka, «NATO»");
    }

    #[test]
    fn composes_combining_sequences() {
        let n = Normalised::new("cafe\u{301} x");
        assert_eq!(n.as_str(), "café x");
        let at = n.as_str().find('x').unwrap();
        assert_eq!(n.raw_range(at..at + 1), 7..8);
        assert_eq!(n.raw_range(0..5), 0..6);
    }

    #[test]
    fn raw_ranges_cover_collapsed_white_space() {
        let n = Normalised::new("a \n\n b");
        assert_eq!(n.as_str(), "a b");
        assert_eq!(n.raw_range(0..3), 0..6);
        assert_eq!(n.raw_range(1..2), 1..5);
        assert_eq!(n.raw_range(3..3), 6..6);
    }
}

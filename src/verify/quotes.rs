//! Quotes checked against the texts of their sources.

use std::fmt;
use std::ops::Range;

use crate::verify::normalise::{fragments, Normalised};
use crate::verify::source_texts::{SourceTextError, SourceTexts};

/// One claim's quote, as the quote check reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedQuote {
    /// The line of `relations.csv` the claim is on (1-based).
    pub line: u64,
    /// The source id.
    pub source: String,
    /// The quote, verbatim from the claim.
    pub quote: String,
    /// The years the claim carries: those named in its date and in its subject's and object's
    /// dates. Only the coverage report reads them.
    pub years: Vec<u16>,
}

/// Where the fragments of a quote are in a normalised text: one byte range of
/// [`Normalised::as_str`] per fragment, in order.
pub type Found = Vec<Range<usize>>;

/// Finds the fragments of `quote` in `text`, in order, each after the previous one.
///
/// ```
/// use diplograph::verify::{find_quote, Normalised};
/// let text = Normalised::new("Belarus joined the\n Partnership for Peace in 1995. It left in 2020.");
/// assert!(find_quote(&text, "joined the Partnership ... in 1995").is_ok());
/// assert!(find_quote(&text, "in 1995 ... joined").is_err()); // out of order
/// ```
pub fn find_quote(text: &Normalised, quote: &str) -> Result<Found, Miss> {
    let frags = fragments(quote);
    if frags.is_empty() {
        return Err(Miss::Empty);
    }
    let haystack = text.as_str();
    let mut from = 0;
    let mut found = Vec::with_capacity(frags.len());
    for (index, frag) in frags.iter().enumerate() {
        match haystack[from..].find(frag.as_str()) {
            Some(at) => {
                let start = from + at;
                found.push(start..start + frag.len());
                from = start + frag.len();
            }
            None => {
                let anywhere = haystack.find(frag.as_str()).is_some();
                return Err(Miss::NotFound {
                    fragment: frag.clone(),
                    index,
                    count: frags.len(),
                    out_of_order: anywhere,
                    closest: if anywhere { None } else { closest(haystack, frag) },
                });
            }
        }
    }
    Ok(found)
}

/// Why a quote was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Miss {
    /// The quote has no words.
    Empty,
    /// A fragment is not in the text (after the previous fragments).
    NotFound {
        /// The fragment, normalised.
        fragment: String,
        /// Its index among the quote's fragments (0-based).
        index: usize,
        /// How many fragments the quote has.
        count: usize,
        /// True when the fragment is in the text, but before a fragment that precedes it.
        out_of_order: bool,
        /// The passage of the text nearest to the fragment, if any is near.
        closest: Option<Closest>,
    },
}

/// The passage of a source nearest to a quote that is not in it, and where the two part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closest {
    /// The passage, normalised, as long as the fragment (to word ends).
    pub passage: String,
    /// How many characters the fragment and the passage share, from the start or up to the end.
    pub same: usize,
    /// The few words of the fragment where it differs.
    pub quote_has: String,
    /// The few words of the passage where it differs.
    pub source_has: String,
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Miss::Empty => f.write_str("the quote is empty"),
            Miss::NotFound {
                fragment,
                index,
                count,
                out_of_order,
                closest,
            } => {
                if *count > 1 {
                    write!(f, "fragment {} of {count} ", index + 1)?;
                }
                write!(f, "\"{}\"", shorten(fragment, 120))?;
                if *out_of_order {
                    return f.write_str(" is in the text, but not after the fragment before it");
                }
                match closest {
                    None => f.write_str(": nothing like it in the text"),
                    Some(c) => write!(
                        f,
                        "\n  closest passage: \"{}\"\n  where they differ: the quote has \"{}\", the source \"{}\"",
                        shorten(&c.passage, 160),
                        c.quote_has,
                        c.source_has
                    ),
                }
            }
        }
    }
}

/// The passage of `text` sharing the longest run of characters with `frag` — either from its
/// start (the quote goes wrong later) or up to its end (it goes wrong early) — if that run is a
/// few words long.
fn closest(text: &str, frag: &str) -> Option<Closest> {
    let t: Vec<char> = text.chars().collect();
    let q: Vec<char> = frag.chars().collect();
    // (run length, position, true when the run ends the fragment)
    let mut best: Option<(usize, usize, bool)> = None;
    let mut consider = |run: usize, at: usize, tail: bool| {
        if best.is_none_or(|(len, _, _)| run > len) {
            best = Some((run, at, tail));
        }
    };
    for i in 0..=t.len() {
        if i < t.len() && (i == 0 || t[i - 1] == ' ') {
            consider(t[i..].iter().zip(&q).take_while(|(a, b)| a == b).count(), i, false);
        }
        if i > 0 && (i == t.len() || t[i] == ' ') {
            consider(
                t[..i]
                    .iter()
                    .rev()
                    .zip(q.iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count(),
                i,
                true,
            );
        }
    }
    let (run, at, tail) = best?;
    if run < 12.min(q.len() / 2).max(4) {
        return None;
    }
    let word_start = |mut i: usize| {
        while i > 0 && t[i - 1] != ' ' {
            i -= 1;
        }
        i
    };
    let word_end = |mut i: usize| {
        while i < t.len() && t[i] != ' ' {
            i += 1;
        }
        i
    };
    let text_of = |s: &[char]| s.iter().collect::<String>();
    let first_words = |s: &[char]| text_of(s).trim().split(' ').take(4).collect::<Vec<_>>().join(" ");
    let last_words = |s: &[char]| {
        let s = text_of(s);
        let words: Vec<&str> = s.trim().split(' ').collect();
        words[words.len().saturating_sub(4)..].join(" ")
    };
    // The differing words are shown whole: from the start of the word where they part (or up
    // to the end of the word where they meet again).
    Some(if tail {
        let differ = q.len() - run;
        let word_end = differ + q[differ..].iter().position(|c| *c == ' ').unwrap_or(q.len() - differ);
        let source_end = at - (q.len() - word_end);
        Closest {
            passage: text_of(&t[word_start(at.saturating_sub(q.len()))..at]),
            same: run,
            quote_has: last_words(&q[..word_end]),
            source_has: last_words(&t[word_start(at.saturating_sub(q.len()))..source_end]),
        }
    } else {
        let from = q[..run].iter().rposition(|c| *c == ' ').map_or(0, |i| i + 1);
        Closest {
            passage: text_of(&t[at..word_end((at + q.len()).min(t.len()))]),
            same: run,
            quote_has: first_words(&q[from..]),
            source_has: first_words(&t[at + from..]),
        }
    })
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// One quote that failed the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteProblem {
    /// The line of `relations.csv`.
    pub line: u64,
    /// The source id.
    pub source: String,
    /// What went wrong.
    pub kind: ProblemKind,
}

/// What went wrong with a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The source has no usable text.
    NoText(SourceTextError),
    /// The quote is not in the text.
    NotFound(Miss),
}

/// The result of checking every quote against the source texts.
///
/// ```
/// use diplograph::verify::{CitedQuote, QuoteCheck, SourceTexts};
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("page.txt"), "NATO and Belarus\nsigned the  PfP in 1995.").unwrap();
/// let texts = SourceTexts::open(dir.path()).unwrap();
/// let quote = |line, quote: &str| CitedQuote { line, source: "page".into(), quote: quote.into(), years: vec![] };
/// let check = QuoteCheck::run(&texts, &[quote(2, "Belarus signed the PfP"), quote(3, "signed the PfP in 1996")]);
/// assert_eq!(check.checked(), 2);
/// assert_eq!(check.problems().len(), 1);
/// let shown = check.problems()[0].display("graph-data/relations.csv").to_string();
/// assert!(shown.starts_with("graph-data/relations.csv:3: quote not found in page: "), "{shown}");
/// ```
#[derive(Debug, Clone)]
pub struct QuoteCheck {
    checked: usize,
    found: Vec<(CitedQuote, Found)>,
    problems: Vec<QuoteProblem>,
}

impl QuoteCheck {
    /// Checks each quote against the text of its source.
    pub fn run(texts: &SourceTexts, quotes: &[CitedQuote]) -> QuoteCheck {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for quote in quotes {
            let problem = |kind| QuoteProblem {
                line: quote.line,
                source: quote.source.clone(),
                kind,
            };
            match texts.get(&quote.source) {
                Err(e) => problems.push(problem(ProblemKind::NoText(e))),
                Ok(text) => match find_quote(text.normalised(), &quote.quote) {
                    Ok(at) => found.push((quote.clone(), at)),
                    Err(miss) => problems.push(problem(ProblemKind::NotFound(miss))),
                },
            }
        }
        problems.sort_by_key(|p| p.line);
        QuoteCheck {
            checked: quotes.len(),
            found,
            problems,
        }
    }

    /// How many quotes were checked.
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// The quotes found, with where.
    pub fn found(&self) -> &[(CitedQuote, Found)] {
        &self.found
    }

    /// The quotes not found, by line.
    pub fn problems(&self) -> &[QuoteProblem] {
        &self.problems
    }
}

impl QuoteProblem {
    /// The problem as `FILE:LINE: why`, with `file` the name to show for `relations.csv`.
    pub fn display<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        DisplayProblem { problem: self, file }
    }
}

struct DisplayProblem<'a> {
    problem: &'a QuoteProblem,
    file: &'a str,
}

impl fmt::Display for DisplayProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let QuoteProblem { line, source, kind } = self.problem;
        match kind {
            ProblemKind::NoText(e) => write!(f, "{}:{line}: {e}", self.file),
            ProblemKind::NotFound(miss) => write!(f, "{}:{line}: quote not found in {source}: {miss}", self.file),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Normalised {
        Normalised::new(s)
    }

    const PAGE: &str = "In 1995 Belarus joined the \u{201c}Partnership for Peace\u{201d} programme.\n\
        The North Atlantic Council   condemned the use of force\nagainst demonstrators in March 2006.";

    #[test]
    fn exact() {
        assert!(find_quote(&text(PAGE), "In 1995 Belarus joined the").is_ok());
    }

    #[test]
    fn white_space_differs() {
        assert!(find_quote(&text(PAGE), "Council condemned the use of force against  demonstrators").is_ok());
    }

    #[test]
    fn typographic_quotes_fold() {
        assert!(find_quote(&text(PAGE), "joined the \"Partnership for Peace\" programme").is_ok());
        assert!(find_quote(
            &text(PAGE),
            "joined the \u{2018}Partnership for Peace\u{2019} programme"
        )
        .is_err());
    }

    #[test]
    fn case_is_not_folded() {
        assert!(find_quote(&text(PAGE), "in 1995 belarus joined").is_err());
    }

    #[test]
    fn fragments_in_order_and_out_of_order() {
        assert_eq!(
            find_quote(&text(PAGE), "Belarus joined ... in March 2006")
                .unwrap()
                .len(),
            2
        );
        let miss = find_quote(&text(PAGE), "in March 2006 ... Belarus joined").unwrap_err();
        assert!(
            matches!(
                miss,
                Miss::NotFound {
                    index: 1,
                    out_of_order: true,
                    ..
                }
            ),
            "{miss:?}"
        );
        assert!(miss.to_string().contains("fragment 2 of 2"), "{miss}");
    }

    #[test]
    fn near_miss_shows_the_closest_passage_and_where_it_differs() {
        let miss = find_quote(
            &text(PAGE),
            "The North Atlantic Council condemned the use of violence against",
        )
        .unwrap_err();
        let Miss::NotFound { closest: Some(c), .. } = &miss else {
            panic!("{miss:?}")
        };
        assert!(
            c.passage
                .starts_with("The North Atlantic Council condemned the use of force"),
            "{c:?}"
        );
        assert_eq!(c.quote_has, "violence against");
        assert_eq!(c.source_has, "force against demonstrators in");
        // A miss early in the quote is found from its end.
        let miss = find_quote(&text(PAGE), "A North Atlantic Council condemned the use of force").unwrap_err();
        let Miss::NotFound { closest: Some(c), .. } = &miss else {
            panic!("{miss:?}")
        };
        assert_eq!(c.quote_has, "A");
        assert_eq!(c.source_has, "The");
        assert!(
            c.passage
                .ends_with("The North Atlantic Council condemned the use of force"),
            "{c:?}"
        );
    }

    #[test]
    fn nothing_near() {
        let miss = find_quote(&text(PAGE), "zebras").unwrap_err();
        assert!(miss.to_string().contains("nothing like it"), "{miss}");
    }

    #[test]
    fn empty_quote() {
        assert_eq!(find_quote(&text(PAGE), " ... "), Err(Miss::Empty));
    }
}

//! Which dated passages of the sources no claim quotes.
//!
//! A source's *date-bearing passages* are its sentences of 25 characters or more that name a
//! year from 1900 to 2029, and its table rows (lines starting with `|`, header rows aside) that
//! do. A passage is *quoted* when a fragment of 12 characters or more of some found quote lies
//! within it (or contains it). Headings (`== … ==`), empty lines, `Excerpt read from …` stamps and
//! lines that say `updated` are not passages: they state no fact. These are the rules of the
//! project's reference checker (`check-quotes --coverage`), so both count the same.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::verify::normalise::{fragments, is_space, Normalised};
use crate::verify::quotes::QuoteCheck;
use crate::verify::source_texts::{SourceTextError, SourceTexts};

/// A table row that no claim can quote (the source does not identify its subject), left out of
/// the coverage: `section` is the heading above the table, `row` counts its rows from 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    /// The source id.
    pub source: String,
    /// The heading of the section the table is in.
    pub section: String,
    /// The row's number in its section's table, from 1, header rows not counted.
    pub row: usize,
}

/// Why a file of gaps cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", .path.display())]
pub struct GapsError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, with the line where it applies.
    pub reason: String,
}

/// Reads a CSV file of gaps with the columns `source,section,row` (others, such as `reason`,
/// are ignored).
pub fn read_gaps(path: &Path) -> Result<Vec<Gap>, GapsError> {
    let text = std::fs::read(path).map_err(|e| GapsError {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    parse_gaps(&text, path)
}

/// Parses gaps (see [`read_gaps`]) from the bytes of a CSV file; `path` names it in errors.
///
/// ```
/// use diplograph::verify::parse_gaps;
/// let gaps = parse_gaps(b"source,section,row,reason\npage,Asia,3,no country named\n", "gaps.csv".as_ref()).unwrap();
/// assert_eq!((gaps[0].section.as_str(), gaps[0].row), ("Asia", 3));
/// let err = parse_gaps(b"source,section,row\npage,Asia,three\n", "gaps.csv".as_ref()).unwrap_err();
/// assert_eq!(err.to_string(), "gaps.csv: line 2: row 'three' is not a number");
/// ```
pub fn parse_gaps(bytes: &[u8], path: &Path) -> Result<Vec<Gap>, GapsError> {
    let error = |reason: String| GapsError {
        path: path.to_path_buf(),
        reason,
    };
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().map_err(|e| error(e.to_string()))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| {
                error(format!(
                    "needs the columns source, section and row; '{name}' is missing"
                ))
            })
    };
    let (source, section, row) = (column("source")?, column("section")?, column("row")?);
    let mut gaps = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| error(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        let number = cell(row)
            .parse()
            .map_err(|_| error(format!("line {line}: row '{}' is not a number", cell(row))))?;
        gaps.push(Gap {
            source: cell(source),
            section: cell(section),
            row: number,
        });
    }
    Ok(gaps)
}

/// A date-bearing passage of a source, in normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The passage; a table row's cells are joined with ` | `.
    pub text: String,
    /// The years it names.
    pub years: BTreeSet<u16>,
}

/// The date-bearing passages of a text, in order; rows listed in `gaps` (by section and row)
/// are left out.
///
/// ```
/// use diplograph::verify::passages;
/// let text = "== Europe ==\n| Country | Since |\n| Estonia | 1992 |\n\
///             NATO was founded in 1949. Belarus joined the PfP in 1995. Short 1995.";
/// let found: Vec<String> = passages(text, &[]).into_iter().map(|p| p.text).collect();
/// assert_eq!(found, ["Estonia | 1992", "NATO was founded in 1949.", "Belarus joined the PfP in 1995."]);
/// ```
pub fn passages(raw: &str, gaps: &[(&str, usize)]) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut row = 0;
    for line in raw.lines() {
        let line = line.trim_matches(is_space);
        if line.len() >= 2 && line.starts_with('=') && line.ends_with('=') {
            section = line.trim_matches('=').trim_matches(is_space).to_owned();
            row = 0;
            continue;
        }
        if line.is_empty() || line.starts_with("Excerpt read from") || names_word(&line.to_lowercase(), "updated") {
            continue; // page stamps state no fact
        }
        if line.starts_with('|') {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| Normalised::new(c).as_str().to_owned())
                .collect();
            if matches!(
                cells.first().map(String::as_str),
                Some("Country" | "Organization" | "#")
            ) {
                continue; // a table's header row
            }
            row += 1;
            if !years(line).is_empty() && !gaps.contains(&(section.as_str(), row)) {
                let text = cells.join(" | ");
                out.push(Passage {
                    years: years(&text),
                    text,
                });
            }
            continue;
        }
        for sentence in sentences(line) {
            let normal = Normalised::new(sentence);
            let text = normal
                .as_str()
                .trim_start_matches(['\u{2022}', '-', ' '])
                .trim_matches(is_space);
            if text.chars().count() >= 25 {
                let found = years(text);
                if !found.is_empty() {
                    out.push(Passage {
                        text: text.to_owned(),
                        years: found,
                    });
                }
            }
        }
    }
    out
}

/// Splits a line into sentences: at white space after `.`, `!` or `?` and before a capital
/// letter, a quotation mark or a parenthesis.
fn sentences(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 1;
    while i < chars.len() {
        if is_space(chars[i].1) && matches!(chars[i - 1].1, '.' | '!' | '?') {
            let mut j = i;
            while j < chars.len() && is_space(chars[j].1) {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j].1, 'A'..='Z' | '"' | '\'' | '\u{201c}' | '(') {
                out.push(&line[start..chars[i].0]);
                start = chars[j].0;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out.push(&line[start..]);
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `text` has `word` with no word character on either side.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(is_word_char)
            && !text[at + word.len()..].chars().next().is_some_and(is_word_char)
    })
}

/// The years 1900–2029 that `text` names as whole words.
///
/// ```
/// use diplograph::verify::years;
/// assert_eq!(years("1995/2007-01, 19950, 2031, 1899 and 2029").into_iter().collect::<Vec<_>>(), [1995, 2007, 2029]);
/// ```
pub fn years(text: &str) -> BTreeSet<u16> {
    let b = text.as_bytes();
    let mut out = BTreeSet::new();
    for at in 0..b.len().saturating_sub(3) {
        let d = &b[at..at + 4];
        if !d.iter().all(u8::is_ascii_digit) || !text.is_char_boundary(at) {
            continue;
        }
        let year = d.iter().fold(0u16, |n, x| n * 10 + u16::from(x - b'0'));
        if !(1900..=2029).contains(&year)
            || text[..at].chars().next_back().is_some_and(is_word_char)
            || text[at + 4..].chars().next().is_some_and(is_word_char)
        {
            continue;
        }
        out.insert(year);
    }
    out
}

/// How well the found quotes cover the date-bearing passages of each source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// One entry per source text, in id order.
    pub sources: Vec<SourceCoverage>,
    /// How many gaps were given (rows left out).
    pub gaps: usize,
}

/// The coverage of one source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCoverage {
    /// The source id.
    pub source: String,
    /// How many date-bearing passages it has.
    pub passages: usize,
    /// The passages no quote covers.
    pub not_quoted: Vec<String>,
    /// The quoted passages naming a year that none of the claims quoting them carries, with
    /// those years.
    pub years_not_carried: Vec<(Vec<u16>, String)>,
    /// Why the text could not be read, if it could not (then it counts no passages).
    pub unreadable: Option<SourceTextError>,
}

impl Coverage {
    /// Measures the coverage of every text in `texts` by the quotes `check` found. A text that
    /// cannot be read is listed with the reason.
    ///
    /// ```
    /// use diplograph::verify::{CitedQuote, Coverage, QuoteCheck, SourceTexts};
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::write(dir.path().join("page.txt"), "Belarus joined the PfP in 1995. NATO was founded in 1949.").unwrap();
    /// let texts = SourceTexts::open(dir.path()).unwrap();
    /// let quote = CitedQuote { line: 2, source: "page".into(), quote: "Belarus joined the PfP".into(), years: vec![] };
    /// let coverage = Coverage::measure(&texts, &QuoteCheck::run(&texts, &[quote]), &[]);
    /// assert_eq!(coverage.sources[0].not_quoted, ["NATO was founded in 1949."]);
    /// assert_eq!(coverage.sources[0].years_not_carried, [(vec![1995], "Belarus joined the PfP in 1995.".to_string())]);
    /// ```
    pub fn measure(texts: &SourceTexts, check: &QuoteCheck, gaps: &[Gap]) -> Coverage {
        let mut sources = Vec::new();
        for (id, text) in texts.iter() {
            let text = match text {
                Ok(text) => text,
                Err(e) => {
                    sources.push(SourceCoverage {
                        source: id.to_owned(),
                        passages: 0,
                        not_quoted: Vec::new(),
                        years_not_carried: Vec::new(),
                        unreadable: Some(e.clone()),
                    });
                    continue;
                }
            };
            let own_gaps: Vec<(&str, usize)> = gaps
                .iter()
                .filter(|g| g.source == id)
                .map(|g| (g.section.as_str(), g.row))
                .collect();
            let claims: Vec<(Vec<String>, &[u16])> = check
                .found()
                .iter()
                .filter(|(q, _)| q.source == id)
                .map(|(q, _)| {
                    let frags = fragments(&q.quote)
                        .into_iter()
                        .filter(|f| f.chars().count() >= 12)
                        .collect();
                    (frags, q.years.as_slice())
                })
                .collect();
            let quotes = |passage: &str, frags: &[String]| {
                frags
                    .iter()
                    .any(|f| passage.contains(f.as_str()) || f.contains(passage))
            };
            let all = passages(text.raw(), &own_gaps);
            let mut not_quoted = Vec::new();
            let mut years_not_carried = Vec::new();
            for passage in &all {
                let quoting: Vec<&[u16]> = claims
                    .iter()
                    .filter(|(frags, _)| quotes(&passage.text, frags))
                    .map(|(_, years)| *years)
                    .collect();
                if quoting.is_empty() {
                    not_quoted.push(passage.text.clone());
                    continue;
                }
                let lost: Vec<u16> = passage
                    .years
                    .iter()
                    .copied()
                    .filter(|y| !quoting.iter().any(|years| years.contains(y)))
                    .collect();
                if !lost.is_empty() {
                    years_not_carried.push((lost, passage.text.clone()));
                }
            }
            sources.push(SourceCoverage {
                source: id.to_owned(),
                passages: all.len(),
                not_quoted,
                years_not_carried,
                unreadable: None,
            });
        }
        Coverage {
            sources,
            gaps: gaps.len(),
        }
    }

    /// Date-bearing passages in all sources.
    pub fn passages(&self) -> usize {
        self.sources.iter().map(|s| s.passages).sum()
    }

    /// Date-bearing passages some claim quotes.
    pub fn quoted(&self) -> usize {
        self.sources.iter().map(|s| s.passages - s.not_quoted.len()).sum()
    }

    /// Quoted passages naming a year that no claim quoting them carries.
    pub fn years_not_carried(&self) -> usize {
        self.sources.iter().map(|s| s.years_not_carried.len()).sum()
    }

    /// The report as text, one line per source and one per passage not quoted; with `strict`,
    /// also the quoted passages whose years no claim carries.
    pub fn display(&self, strict: bool) -> impl fmt::Display + '_ {
        CoverageDisplay { coverage: self, strict }
    }
}

struct CoverageDisplay<'a> {
    coverage: &'a Coverage,
    strict: bool,
}

impl fmt::Display for CoverageDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.coverage;
        for s in &c.sources {
            if let Some(e) = &s.unreadable {
                writeln!(f, "coverage {}: not measured: {e}", s.source)?;
                continue;
            }
            writeln!(
                f,
                "coverage {}: {} of {} date-bearing sentences and rows quoted",
                s.source,
                s.passages - s.not_quoted.len(),
                s.passages
            )?;
            for passage in &s.not_quoted {
                writeln!(f, "  not quoted: {passage}")?;
            }
            if self.strict {
                for (years, passage) in &s.years_not_carried {
                    let years: Vec<String> = years.iter().map(u16::to_string).collect();
                    writeln!(f, "  years not carried {}: {passage}", years.join(", "))?;
                }
            }
        }
        let share = if c.passages() == 0 {
            100.0
        } else {
            100.0 * c.quoted() as f64 / c.passages() as f64
        };
        writeln!(
            f,
            "coverage: {} of {} date-bearing sentences and rows quoted ({share:.1}%); {} table rows the source does not identify are left out",
            c.quoted(),
            c.passages(),
            c.gaps
        )?;
        if self.strict {
            writeln!(
                f,
                "strict: {} of {} quoted passages carry every year they name; {} name a year that no claim quoting them carries",
                c.quoted() - c.years_not_carried(),
                c.quoted(),
                c.years_not_carried()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_before_capitals_quotes_and_parentheses_only() {
        assert_eq!(
            sentences("In 1995 it joined. (Later) more.  \"Quoted\" here. lower case. Done"),
            [
                "In 1995 it joined.",
                "(Later) more.",
                "\"Quoted\" here. lower case.",
                "Done"
            ]
        );
    }

    #[test]
    fn stamps_headings_headers_and_gaps_are_not_passages() {
        let text = "Excerpt read from the page in 2024, a long enough stamp.\n\
                    Page last Updated in 2021 by the long enough editors.\n\
                    == Asia ==\n| # | Date |\n| 1 | 1992 |\n| 2 | no year |\n| 3 | 1993 |\n\
                    == Europe ==\n| Country | Date |\n| Estonia | 1991 |";
        let texts: Vec<String> = passages(text, &[("Asia", 3)]).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["1 | 1992", "Estonia | 1991"]);
    }

    #[test]
    fn years_are_whole_words() {
        assert!(years("a1995 1995b 1995_").is_empty());
        assert_eq!(years("(1995–2007)").len(), 2);
    }
}

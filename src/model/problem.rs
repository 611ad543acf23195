//! Problems in graph-data: where, what, and how to fix it. A loaded graph keeps its warnings.

use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is wrong; nothing is loaded.
    Error,
    /// The data loads, but a person should look.
    Warning,
}

/// One problem in one file, at one line.
///
/// Displays as `FILE:LINE: message`, then `  hint: ...` on its own line where a hint helps.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given (e.g. `graph-data/relations.csv`).
    pub file: String,
    /// 1-based line where the record starts; `None` for the file as a whole.
    pub line: Option<u64>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, if we can tell.
    pub hint: Option<String>,
    /// 0 for a problem; for a summary of problems not listed (see [`Problems`]), how many there
    /// were: `message` is then their kind (the message with ids and numbers left out).
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Problem {
    pub(crate) fn error(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            line,
            message: message.into(),
            hint: None,
            omitted: 0,
        }
    }

    pub(crate) fn warning(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Self::error(file, line, message)
        }
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.omitted > 0 {
            let what = if self.severity == Severity::Warning {
                "warning"
            } else {
                "error"
            };
            write!(f, "{}: … and {} more {what}", self.file, self.omitted)?;
            f.write_str(if self.omitted == 1 { "" } else { "s" })?;
            f.write_str(" of this kind, not listed: ")?;
            return write_visibly(f, &self.message);
        }
        match self.line {
            Some(line) => write!(f, "{}:{}: ", self.file, line)?,
            None => write!(f, "{}: ", self.file)?,
        }
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        write_visibly(f, &self.message)?;
        if let Some(hint) = &self.hint {
            f.write_str("\n  hint: ")?;
            write_visibly(f, hint)?;
        }
        Ok(())
    }
}

/// Whether `c` would be invisible (or rearrange the line) in a terminal: a byte-order mark,
/// zero-width and bidi formatting characters, a soft hyphen, and control characters other than
/// line feed and tab.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{feff}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{180e}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// Writes `text` with each invisible character shown as `<U+XXXX>`, so that a problem caused by
/// one (a byte-order mark at the start of a row, a zero-width space in an id) can be seen.
fn write_visibly(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if !text.chars().any(is_invisible) {
        return f.write_str(text);
    }
    for c in text.chars() {
        if is_invisible(c) {
            write!(f, "<U+{:04X}>", c as u32)?;
        } else {
            write!(f, "{c}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_listed_up_to_a_cap_per_kind_then_counted() {
        let mut all = Vec::new();
        for line in 1..=10_000u64 {
            all.push(Problem::error(
                "r.csv",
                Some(line),
                format!("bad subject: the id 'x{line}' is wrong"),
            ));
            if line % 2 == 0 {
                all.push(Problem::warning(
                    "r.csv",
                    Some(line),
                    format!("unknown source '{line}'"),
                ));
            }
            if all.len() >= COMPACT_AT {
                compact(&mut all);
            }
        }
        compact(&mut all);
        assert_eq!(all.len(), 2 * LISTED_PER_KIND + 2);
        let problems = Problems(all);
        assert_eq!(problems.error_count(), 10_000);
        let text = problems.to_string();
        assert!(
            text.contains("r.csv: … and 9900 more errors of this kind, not listed: bad subject: the id '…' is wrong"),
            "{text}"
        );
        assert!(text.contains("r.csv: … and 4900 more warnings of this kind"), "{text}");
        assert!(text.ends_with("10000 errors, 5000 warnings"), "{text}");
        assert!(text.contains("r.csv:100: bad subject") && !text.contains("r.csv:101: bad subject"));
    }

    #[test]
    fn invisible_characters_are_shown() {
        let p = Problem::error("r.csv", Some(2), "unknown entity '\u{feff}belarus\u{200b}'").with_hint("a\u{202e}b");
        assert_eq!(
            p.to_string(),
            "r.csv:2: unknown entity '<U+FEFF>belarus<U+200B>'\n  hint: a<U+202E>b"
        );
    }
}

/// How many problems of one kind (same file, severity and message once ids, quoted values and
/// numbers are left out) are listed; the rest are counted in one summary problem.
pub const LISTED_PER_KIND: usize = 100;

/// How many problems a list may hold before [`compact`] is worth running.
pub(crate) const COMPACT_AT: usize = 8 * 1024;

/// The kind of a problem message: the message with quoted values and digits left out.
fn kind_of(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(200));
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '\'' => {
                if !quoted {
                    out.push_str("'…'");
                }
                quoted = !quoted;
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
        if out.len() > 200 {
            break;
        }
    }
    out
}

/// Keeps the first [`LISTED_PER_KIND`] problems of each kind (in the list's order) and replaces
/// the rest of each kind by one summary problem that counts them; summaries already in the list
/// are merged. Memory then stays proportional to the number of kinds, not of problems.
pub(crate) fn compact(problems: &mut Vec<Problem>) {
    use std::collections::HashMap;
    let mut seen: HashMap<(String, Severity, String), (usize, Option<usize>)> = HashMap::new();
    let mut kept: Vec<Problem> = Vec::with_capacity(problems.len().min(COMPACT_AT));
    for p in problems.drain(..) {
        let kind = if p.omitted > 0 {
            p.message.clone()
        } else {
            kind_of(&p.message)
        };
        let entry = seen
            .entry((p.file.clone(), p.severity, kind.clone()))
            .or_insert((0, None));
        if p.omitted == 0 && entry.0 < LISTED_PER_KIND {
            entry.0 += 1;
            kept.push(p);
            continue;
        }
        let n = p.omitted.max(1);
        match entry.1 {
            Some(at) => kept[at].omitted += n,
            None => {
                entry.1 = Some(kept.len());
                kept.push(Problem {
                    severity: p.severity,
                    file: p.file,
                    line: None,
                    message: kind,
                    hint: None,
                    omitted: n,
                });
            }
        }
    }
    *problems = kept;
}

/// Every problem found in one load, errors and warnings, in file and line order; of each kind
/// only the first 100 are listed, the rest counted in a summary (after the
/// listed ones of its file).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Error)
    }

    /// Number of errors, those counted in summaries included.
    pub fn error_count(&self) -> usize {
        self.errors().map(|p| p.omitted.max(1) as usize).sum()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        let errors = self.error_count();
        let warnings: usize = self
            .0
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| p.omitted.max(1) as usize)
            .sum();
        write!(f, "{errors} error{}", if errors == 1 { "" } else { "s" })?;
        if warnings > 0 {
            write!(f, ", {warnings} warning{}", if warnings == 1 { "" } else { "s" })?;
        }
        Ok(())
    }
}

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
}

impl Problem {
    pub(crate) fn error(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            line,
            message: message.into(),
            hint: None,
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
    fn invisible_characters_are_shown() {
        let p = Problem::error("r.csv", Some(2), "unknown entity '\u{feff}belarus\u{200b}'").with_hint("a\u{202e}b");
        assert_eq!(
            p.to_string(),
            "r.csv:2: unknown entity '<U+FEFF>belarus<U+200B>'\n  hint: a<U+202E>b"
        );
    }
}

/// Every problem found in one load, errors and warnings, in file and line order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        let errors = self.error_count();
        let warnings = self.0.len() - errors;
        write!(f, "{errors} error{}", if errors == 1 { "" } else { "s" })?;
        if warnings > 0 {
            write!(f, ", {warnings} warning{}", if warnings == 1 { "" } else { "s" })?;
        }
        Ok(())
    }
}

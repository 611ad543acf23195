//! Messages on stderr: errors, warnings, notes and (with --verbose) progress facts, coloured on a
//! terminal. Writing them never panics: a closed stderr (`2>&-`, a pipe that went away) is
//! ignored, unlike `eprintln!`, which panics.

use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

use super::style;

/// How much goes to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Errors only (`--quiet`).
    Quiet = 0,
    /// Errors, warnings and notes.
    Normal = 1,
    /// Also what was loaded and how long it took (`--verbose`).
    Verbose = 2,
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Normal as u8);

/// Sets how much goes to stderr.
pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

fn shown(level: Level) -> bool {
    LEVEL.load(Ordering::Relaxed) >= level as u8
}

/// Writes one line to stderr, coloured only where stderr takes colour; errors are ignored.
fn line(text: &str) {
    let mut err = style::stderr();
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

/// `error: …` (always shown).
pub fn error(message: impl Display) {
    line(&format!("{} {message}", style::error_prefix()));
}

/// `warning: …` or a warning line of the loader (hidden by --quiet).
pub fn warning(message: impl Display) {
    if shown(Level::Normal) {
        let text = message.to_string();
        line(&style::paint_warning(&text));
    }
}

/// A report of problems (always shown): each `error:` and `warning:` coloured.
pub fn report(text: &str) {
    for l in text.lines() {
        line(&style::paint_problem(l));
    }
}

/// A note, such as `wrote FILE` or `note: …` (hidden by --quiet).
pub fn note(message: impl Display) {
    if shown(Level::Normal) {
        line(&message.to_string());
    }
}

/// A result that is not standard output's: `no entity matches …` (always shown).
pub fn answer(message: impl Display) {
    line(&message.to_string());
}

/// Whether [`verbose`] lines are shown: work done only for them can be skipped.
pub fn verbose_shown() -> bool {
    shown(Level::Verbose)
}

/// What only --verbose shows.
pub fn verbose(message: impl Display) {
    if shown(Level::Verbose) {
        line(&style::dim_err(&message.to_string()));
    }
}

//! Colour: on a terminal, off for pipes and files, off with `NO_COLOR`, forced with
//! `--color always` (anstream strips the escapes wherever colour is off).

use std::io::{self, Write};
use std::sync::OnceLock;

use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Style};

use super::args::ColorWhen;

static CHOICE: OnceLock<ColorChoice> = OnceLock::new();

/// Sets when to colour, from `--color`.
pub fn set(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    let _ = CHOICE.set(choice);
}

fn choice() -> ColorChoice {
    *CHOICE.get().unwrap_or(&ColorChoice::Auto)
}

/// Standard output, coloured only where it should be.
pub fn stdout() -> AutoStream<io::StdoutLock<'static>> {
    AutoStream::new(io::stdout().lock(), choice())
}

/// Standard error, coloured only where it should be.
pub fn stderr() -> AutoStream<io::StderrLock<'static>> {
    AutoStream::new(io::stderr().lock(), choice())
}

const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const MAGENTA: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
const DIM: Style = Style::new().dimmed();

/// Colours a warning line: the word `warning` in yellow.
pub fn paint_warning(text: &str) -> String {
    match text.find("warning:") {
        Some(at) => format!(
            "{}{YELLOW}warning:{YELLOW:#}{}",
            &text[..at],
            &text[at + "warning:".len()..]
        ),
        None => format!("{YELLOW}{text}{YELLOW:#}"),
    }
}

const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red))).bold();

/// Colours a line of a problem report: `error:` in red, `warning:` in yellow.
pub fn paint_problem(text: &str) -> String {
    if let Some(at) = text.find("error:") {
        return format!("{}{RED}error:{RED:#}{}", &text[..at], &text[at + "error:".len()..]);
    }
    if text.contains("warning:") {
        return paint_warning(text);
    }
    text.to_owned()
}

/// Colours text results: `also:` lines dimmed, certainty markers (`(possibly…)` in yellow,
/// `(undated…)` in magenta). Without colour the text is unchanged.
pub fn paint(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if body.trim_start().starts_with("also:") {
            out.push_str(&format!("{DIM}{}{DIM:#}{end}", paint_markers(body)));
        } else {
            out.push_str(&paint_markers(body));
            out.push_str(end);
        }
    }
    out
}

/// Colours the certainty markers of one line: `(possibly…)` yellow, `(undated…)` magenta.
fn paint_markers(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    let mut rest = body;
    while let Some(at) = rest.find('(') {
        let tail = &rest[at..];
        let style = if tail.starts_with("(possibly") {
            Some(YELLOW)
        } else if tail.starts_with("(undated") || tail.starts_with("(with undated") {
            Some(MAGENTA)
        } else {
            None
        };
        match (style, tail.find(')')) {
            (Some(style), Some(close)) => {
                out.push_str(&rest[..at]);
                out.push_str(&format!("{style}{}{style:#}", &tail[..=close]));
                rest = &tail[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=at]);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Writes text results through [`paint`].
pub fn write_painted(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(paint(text).as_bytes())
}

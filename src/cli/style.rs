//! Colour: on a terminal, off for pipes and files, off with `NO_COLOR`, forced with
//! `--color always` (anstream decides, per stream, as `CLICOLOR`/`NO_COLOR` conventions say).
//! Colour is added to what the command writes itself (markers, `also:` lines, `error:`), never
//! stripped from data: a quote goes out byte for byte, coloured or not.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Style};

use super::args::ColorWhen;

static STDOUT: AtomicBool = AtomicBool::new(false);
static STDERR: AtomicBool = AtomicBool::new(false);

/// Decides, from `--color` and the environment, whether each stream takes colour.
pub fn set(when: ColorWhen) {
    match when {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    }
    .write_global();
    STDOUT.store(
        AutoStream::choice(&io::stdout()) != ColorChoice::Never,
        Ordering::Relaxed,
    );
    STDERR.store(
        AutoStream::choice(&io::stderr()) != ColorChoice::Never,
        Ordering::Relaxed,
    );
}

fn on(stderr: bool) -> bool {
    if stderr { &STDERR } else { &STDOUT }.load(Ordering::Relaxed)
}

/// `text` in `style` when the stream takes colour.
fn styled(style: Style, text: &str, stderr: bool) -> String {
    if on(stderr) {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// Standard error, locked.
pub fn stderr() -> io::StderrLock<'static> {
    io::stderr().lock()
}

/// `error:`, red and bold on a terminal.
pub fn error_prefix() -> String {
    styled(RED, "error:", true)
}

/// A line of stderr dimmed on a terminal (--verbose).
pub fn dim_err(text: &str) -> String {
    styled(DIM, text, true)
}

const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const MAGENTA: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
const DIM: Style = Style::new().dimmed();

/// Colours a warning line (stderr): the word `warning` in yellow.
pub fn paint_warning(text: &str) -> String {
    match text.find("warning:") {
        Some(at) => format!(
            "{}{}{}",
            &text[..at],
            styled(YELLOW, "warning:", true),
            &text[at + "warning:".len()..]
        ),
        None => styled(YELLOW, text, true),
    }
}

const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red))).bold();

/// Colours a line of a problem report (stderr): `error:` in red, `warning:` in yellow.
pub fn paint_problem(text: &str) -> String {
    if let Some(at) = text.find("error:") {
        return format!("{}{}{}", &text[..at], error_prefix(), &text[at + "error:".len()..]);
    }
    if text.contains("warning:") {
        return paint_warning(text);
    }
    text.to_owned()
}

/// Colours text results: `also:` lines dimmed, certainty markers (`(possibly…)` in yellow,
/// `(undated…)` in magenta), for standard output. Without colour the text is unchanged.
pub fn paint(text: &str) -> String {
    if !on(false) {
        return text.to_owned();
    }
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

//! Progress on stderr for long work: only when stderr is a terminal and the input is large, so
//! that scripts, pipes and tests see nothing.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Above this many bytes of graph-data, loading shows a spinner.
pub const LARGE_INPUT_BYTES: u64 = 16 << 20;
/// Above this many relations, exports show the bytes written so far.
pub const LARGE_GRAPH_RELATIONS: usize = 100_000;

/// The spinner's look: bytes only for a writer (loading would show a meaningless `0 B`).
fn template(counts_bytes: bool) -> &'static str {
    if counts_bytes {
        "{spinner} {msg} {binary_bytes} [{elapsed}]"
    } else {
        "{spinner} {msg} [{elapsed}]"
    }
}

/// A spinner with a message, elapsed time and (for writers) bytes written; or nothing.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A spinner saying `message`, shown only when `large` and stderr is a terminal; it counts
    /// bytes only when `counts_bytes` (a writer's spinner), so that loading shows no `0 B`.
    pub fn new(message: String, large: bool, counts_bytes: bool) -> Progress {
        if !large || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::new_spinner().with_message(message);
        if let Ok(style) = ProgressStyle::with_template(template(counts_bytes)) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    /// `w`, counting what passes through it into the spinner.
    pub fn writer<'a, W: Write + ?Sized>(&'a self, w: &'a mut W) -> ProgressWriter<'a, W> {
        ProgressWriter {
            inner: w,
            bar: self.0.as_ref(),
        }
    }

    /// Clears the spinner.
    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A writer that reports the bytes written to a [`Progress`].
pub struct ProgressWriter<'a, W: Write + ?Sized> {
    inner: &'a mut W,
    bar: Option<&'a ProgressBar>,
}

impl<W: Write + ?Sized> Write for ProgressWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(bar) = self.bar {
            bar.inc(n as u64);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_writers_count_bytes() {
        assert!(!template(false).contains("bytes"), "loading shows no 0 B");
        assert!(template(true).contains("{binary_bytes}"));
    }
}

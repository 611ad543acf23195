//! Line numbers as editors count them, and CSV errors placed on their line.

use crate::model::problem::Problem;

/// The offset of a record's first byte. The `csv` crate positions a record where the previous
/// one ended, before any blank lines it skipped.
pub(crate) fn record_start(bytes: &[u8], record: &csv::ByteRecord) -> usize {
    let from = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
    from + bytes[from..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count()
}

/// Turns byte offsets, asked for in increasing order, into 1-based line numbers.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Lines::starting(bytes, 1)
    }

    /// Lines of `bytes` whose first byte is on line `line`.
    pub(crate) fn starting(bytes: &'a [u8], line: u64) -> Self {
        Lines { bytes, pos: 0, line }
    }

    /// The line of the byte at `offset`: `\r\n`, a lone `\r` and a lone `\n` each end a line.
    pub(crate) fn at(&mut self, offset: usize) -> u64 {
        let end = offset.min(self.bytes.len());
        while self.pos < end {
            if ends_line(self.bytes, self.pos) {
                self.line += 1;
            }
            self.pos += 1;
        }
        self.line
    }
}

/// Whether the byte at `i` ends a line (the `\r` of `\r\n` does not; its `\n` does).
pub(crate) fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// A `csv` crate error as a problem on its line.
pub(crate) fn csv_error(name: &str, bytes: &[u8], e: &csv::Error) -> Problem {
    let line = e.position().map(|p| Lines::new(bytes).at(p.byte() as usize));
    Problem::error(name, line, format!("CSV syntax error: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_like_editors() {
        let bytes = b"a\r\nb\rc\nd";
        let mut lines = Lines::new(bytes);
        assert_eq!(lines.at(0), 1);
        assert_eq!(lines.at(3), 2); // b
        assert_eq!(lines.at(5), 3); // c
        assert_eq!(lines.at(7), 4); // d
        assert_eq!(lines.at(100), 4);
    }
}

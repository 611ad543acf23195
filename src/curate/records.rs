//! Graph-data CSV read and written byte for byte: the cells exactly as the file holds them.
//!
//! The loader reads cells to build a graph (it trims ids, splits `|` lists); `fmt` must not
//! change a single byte of a value, so it reads with this small RFC 4180 reader of its own,
//! which keeps every cell as written and refuses anything RFC 4180 does not define (a bare quote
//! in an unquoted cell, text after a closing quote, a quote that never closes) instead of
//! guessing, as the `csv` crate does, what a malformed record meant.

use std::fmt;

/// A CSV file split into cells: the header row and the data rows, blank lines dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Records {
    /// The header row, as written (not trimmed).
    pub header: Vec<String>,
    /// The data rows, in file order, each with the line it starts on (1-based).
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Why a file could not be split into records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// 1-based line of the problem.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Splits `bytes` (UTF-8, an optional UTF-8 byte-order mark) into records.
///
/// Records end at `\r\n`, `\n` or a lone `\r` (as the loader reads them); line breaks inside a
/// quoted cell belong to the cell, unchanged. Every row must have as many cells as the header.
pub(crate) fn read(bytes: &[u8]) -> Result<Records, SyntaxError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64;
        return Err(SyntaxError {
            line,
            message: "the file is not UTF-8".to_owned(),
        });
    }
    let mut scanner = Scanner { bytes, at: 0, line: 1 };
    let mut records = Vec::new();
    while let Some(record) = scanner.record()? {
        records.push(record);
    }
    let mut records = records.into_iter();
    let Some((_, header)) = records.next() else {
        return Ok(Records {
            header: Vec::new(),
            rows: Vec::new(),
        });
    };
    let rows: Vec<(u64, Vec<String>)> = records.collect();
    if let Some((line, row)) = rows.iter().find(|(_, row)| row.len() != header.len()) {
        return Err(SyntaxError {
            line: *line,
            message: format!("the row has {} cells, the header has {}", row.len(), header.len()),
        });
    }
    Ok(Records { header, rows })
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Consumes one line end (`\r\n`, `\n` or `\r`) if there is one.
    fn line_end(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => self.at += 1,
            Some(b'\r') => {
                self.at += 1;
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
            }
            _ => return false,
        }
        self.line += 1;
        true
    }

    fn error<T>(&self, line: u64, message: &str) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            line,
            message: message.to_owned(),
        })
    }

    /// The next record and the line it starts on, skipping blank lines; `None` at the end.
    fn record(&mut self) -> Result<Option<(u64, Vec<String>)>, SyntaxError> {
        while self.line_end() {}
        if self.at == self.bytes.len() {
            return Ok(None);
        }
        let start = self.line;
        let mut cells = Vec::new();
        loop {
            cells.push(self.cell(start)?);
            if self.peek() == Some(b',') {
                self.at += 1;
                continue;
            }
            self.line_end();
            return Ok(Some((start, cells)));
        }
    }

    fn cell(&mut self, record_line: u64) -> Result<String, SyntaxError> {
        let mut value = Vec::new();
        if self.peek() == Some(b'"') {
            let opened = self.line;
            self.at += 1;
            loop {
                match self.peek() {
                    None => {
                        return self.error(opened, "a quoted cell never closes (a \" is missing)");
                    }
                    Some(b'"') if self.bytes.get(self.at + 1) == Some(&b'"') => {
                        value.push(b'"');
                        self.at += 2;
                    }
                    Some(b'"') => {
                        self.at += 1;
                        break;
                    }
                    Some(b) => {
                        // A line break inside the cell is part of the value: keep its bytes.
                        if b == b'\n' || (b == b'\r' && self.bytes.get(self.at + 1) != Some(&b'\n')) {
                            self.line += 1;
                        }
                        value.push(b);
                        self.at += 1;
                    }
                }
            }
            if !matches!(self.peek(), None | Some(b',' | b'\r' | b'\n')) {
                return self.error(self.line, "text after the closing quote of a cell");
            }
        } else {
            while let Some(b) = self.peek() {
                match b {
                    b',' | b'\r' | b'\n' => break,
                    b'"' => return self.error(record_line, "a \" inside a cell that is not quoted"),
                    _ => {
                        value.push(b);
                        self.at += 1;
                    }
                }
            }
        }
        // The whole file is UTF-8 and cells end at ASCII bytes, so each cell is UTF-8 too.
        Ok(String::from_utf8(value).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }
}

/// Appends one record: cells joined by `,`, quoted only where RFC 4180 needs it (a `,`, `"`,
/// `\r` or `\n` in the cell; an empty cell that is a whole record), `"` doubled, ended by `\n`.
pub(crate) fn write(out: &mut Vec<u8>, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let quote =
            cell.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) || (cells.len() == 1 && cell.is_empty());
        if quote {
            out.push(b'"');
            for b in cell.bytes() {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(cell.as_bytes());
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        let r = read(text.as_bytes()).unwrap();
        std::iter::once(r.header)
            .chain(r.rows.into_iter().map(|(_, row)| row))
            .collect()
    }

    #[test]
    fn keeps_cells_byte_for_byte() {
        let text = "a,b\r\n\" x \",\"say \"\"hi\"\"\r\nthere\"\n\n y ,\n";
        assert_eq!(
            cells(text),
            [vec!["a", "b"], vec![" x ", "say \"hi\"\r\nthere"], vec![" y ", ""]]
        );
        let rows = read(text.as_bytes()).unwrap().rows;
        assert_eq!(rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [2, 5]);
    }

    #[test]
    fn strips_a_byte_order_mark_and_reads_lone_cr() {
        assert_eq!(cells("\u{feff}a\rb\r"), [vec!["a"], vec!["b"]]);
    }

    #[test]
    fn refuses_what_rfc_4180_does_not_define() {
        for (text, line, message) in [
            ("a\nb\"c\n", 2, "not quoted"),
            ("a\n\"b\"c\n", 2, "after the closing quote"),
            ("a\n\n\"b\n", 3, "never closes"),
            ("a,b\nc\n", 2, "1 cells, the header has 2"),
        ] {
            let e = read(text.as_bytes()).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.message.contains(message), "{text:?}: {e}");
        }
        let e = read(b"a\n\xff\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "the file is not UTF-8"));
    }

    #[test]
    fn writes_what_it_reads() {
        let rows: [&[&str]; 4] = [&["a", "b"], &["x, y", " \"q\" "], &["", "line\nbreak\r\n"], &["é", ""]];
        let mut out = Vec::new();
        for row in rows {
            write(&mut out, row);
        }
        assert_eq!(
            String::from_utf8(out.clone()).unwrap(),
            "a,b\n\"x, y\",\" \"\"q\"\" \"\n,\"line\nbreak\r\n\"\né,\n"
        );
        let back = cells(std::str::from_utf8(&out).unwrap());
        assert_eq!(back, rows.map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
        let mut one = Vec::new();
        write(&mut one, &[""]);
        assert_eq!(one, b"\"\"\n");
    }
}

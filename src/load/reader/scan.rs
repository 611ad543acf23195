//! The RFC 4180 scan: what the lenient `csv` reader would accept but a hand-edited file must not
//! load with, and where a file can be cut into chunks.

use super::lines::ends_line;

/// A violation of RFC 4180 that the lenient `csv` reader would accept.
pub(crate) struct SyntaxProblem {
    /// Offset of the first byte of the record it is in.
    pub(crate) record: usize,
    /// Line of the problem itself.
    pub(crate) line: u64,
    pub(crate) message: String,
    pub(crate) hint: &'static str,
}

/// Finds what the lenient `csv` reader would accept silently but RFC 4180 forbids: a quote inside
/// an unquoted field, text after a closing quote, and a quoted field that never closes. Reports
/// at most one problem per record, in the first `max_records` records (blank lines not counted):
/// the part of the file that is read, so that the problem list stays bounded too.
#[cfg(test)]
fn strict_scan(bytes: &[u8], max_records: usize) -> Vec<SyntaxProblem> {
    strict_scan_splitting(bytes, max_records, usize::MAX).problems
}

/// The most fields a record may have. A graph-data row has about ten; the `csv` reader keeps
/// 8 bytes of offsets and more per field of a record, so a 40 MB line of commas would take
/// gigabytes before its field count could be checked: the scan refuses the file first.
pub(crate) const MAX_FIELDS: usize = 1024;

/// What [`strict_scan_splitting`] found.
pub(crate) struct Scan {
    pub(crate) problems: Vec<SyntaxProblem>,
    /// False if the scan stopped after `max_records` records, or at a record of more than
    /// [`MAX_FIELDS`] fields.
    pub(crate) complete: bool,
    /// True if a record has more than [`MAX_FIELDS`] fields (the last problem says where): the
    /// file is not read further.
    pub(crate) too_wide: bool,
    /// Record starts at least `split_every` bytes apart, each just after a `\n` outside quotes:
    /// where the file can be cut into chunks that read as the whole file does.
    pub(crate) splits: Vec<Split>,
    /// The records scanned (blank lines not counted).
    pub(crate) records: usize,
    /// The last record start just after a `\n` outside quotes (offset 0 if there is none): where
    /// a scan of the bytes after these can start, in the state this one was in there.
    pub(crate) last_start: Split,
}

/// A record start just after a `\n` outside quotes: where a file can be cut, or a scan resumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split {
    /// Offset of the record's first byte.
    pub(crate) offset: usize,
    /// Its line.
    pub(crate) line: u64,
    /// The records before it (blank lines not counted).
    pub(crate) records: usize,
}

/// [`strict_scan`], also noting record starts to cut the file into chunks of about
/// `split_every` bytes.
pub(crate) fn strict_scan_splitting(bytes: &[u8], max_records: usize, split_every: usize) -> Scan {
    strict_scan_window(bytes, 1, 0, max_records, split_every)
}

/// [`strict_scan_splitting`] of a window of a file: `bytes` start at a record start on line
/// `line`, `since_split` bytes after the last split noted before them (so that splits stay
/// `split_every` bytes apart from window to window). Offsets, and the records counted, are
/// the window's own; lines are the file's.
pub(crate) fn strict_scan_window(
    bytes: &[u8],
    mut line: u64,
    since_split: usize,
    max_records: usize,
    split_every: usize,
) -> Scan {
    let mut splits = Vec::new();
    let mut next_split = split_every.saturating_sub(since_split);
    let mut out: Vec<SyntaxProblem> = Vec::new();
    let mut last_start = Split {
        offset: 0,
        line,
        records: 0,
    };
    let mut record = 0;
    let mut records = 0;
    let mut field_start = true;
    let mut in_quotes = false;
    let mut quote_line = 1;
    let mut after_close = false;
    let mut unquoted_field = false;
    let mut fields = 1usize;
    fn report(out: &mut Vec<SyntaxProblem>, record: usize, line: u64, message: &str, hint: &'static str) {
        if !matches!(out.last(), Some(p) if p.record == record) {
            out.push(SyntaxProblem {
                record,
                line,
                message: message.to_owned(),
                hint,
            });
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        if in_quotes {
            // Inside quotes only a quote or a line end matters: jump to the next one.
            let Some(skip) = memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]) else {
                break;
            };
            i += skip;
            match bytes[i] {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => {
                    in_quotes = false;
                    after_close = true;
                }
                _ if ends_line(bytes, i) => line += 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        let b = bytes[i];
        match b {
            b',' => {
                field_start = true;
                after_close = false;
                unquoted_field = false;
                fields += 1;
                if fields > MAX_FIELDS {
                    out.push(SyntaxProblem {
                        record,
                        line,
                        message: format!("the row has more than {MAX_FIELDS} fields; the file is not read further"),
                        hint: "a graph-data row has one field per column of the header: is this a CSV file of graph-data?",
                    });
                    return Scan {
                        problems: out,
                        complete: false,
                        too_wide: true,
                        splits,
                        records,
                        last_start,
                    };
                }
            }
            b'\n' | b'\r' => {
                if ends_line(bytes, i) {
                    line += 1;
                }
                if record < i {
                    records += 1;
                    if records >= max_records {
                        return Scan {
                            problems: out,
                            complete: false,
                            too_wide: false,
                            splits,
                            records,
                            last_start,
                        };
                    }
                }
                record = i + 1;
                fields = 1;
                if b == b'\n' {
                    last_start = Split {
                        offset: record,
                        line,
                        records,
                    };
                    if record >= next_split {
                        splits.push(last_start);
                        next_split = record.saturating_add(split_every);
                    }
                }
                field_start = true;
                after_close = false;
                unquoted_field = false;
            }
            b'"' if field_start => {
                in_quotes = true;
                quote_line = line;
                field_start = false;
            }
            b'"' if unquoted_field => {
                report(
                    &mut out,
                    record,
                    line,
                    "a double quote inside an unquoted field",
                    "enclose the field in double quotes and write each quote inside it as \"\"",
                );
            }
            _ if after_close => {
                report(
                    &mut out,
                    record,
                    line,
                    "text after the closing quote of a field",
                    "write a quote inside a quoted field as \"\"",
                );
                after_close = false;
                unquoted_field = true;
                field_start = false;
            }
            _ => {
                unquoted_field = true;
                field_start = false;
            }
        }
        i += 1;
    }
    if in_quotes {
        // Reported even when the record has another problem: this one hides the rest of the file.
        out.push(SyntaxProblem {
            record,
            line: quote_line,
            message: "a quoted field is never closed (it runs to the end of the file)".to_owned(),
            hint: "add the closing double quote",
        });
    }
    Scan {
        problems: out,
        complete: true,
        too_wide: false,
        splits,
        records,
        last_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(bytes: &[u8]) -> Vec<(u64, String)> {
        strict_scan(bytes, usize::MAX)
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect()
    }

    #[test]
    fn strict_scan_accepts_rfc4180() {
        assert!(scan(b"a,b\n\"x, \"\"y\"\"\nz\",2\r\n").is_empty());
    }

    #[test]
    fn strict_scan_finds_quote_problems() {
        let found = scan(b"a,b\nx\"y,2\n\"ok\"junk,3\n\"open,4\n");
        let lines: Vec<u64> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(found[2].1.contains("never closed"));
    }

    #[test]
    fn strict_scan_counts_every_line_end() {
        // CRLF, lone CR, LF, and a CRLF inside a quoted field.
        let found = scan(b"a,b\r\n1,2\r3,4\n\"x\r\ny\",5\r\nx\"y,6\n");
        assert_eq!(found, vec![(6, "a double quote inside an unquoted field".to_owned())]);
    }

    #[test]
    fn strict_scan_reports_one_problem_per_record() {
        let found = strict_scan(b"a,b\nx\"y\"z,\"w\"v\nok,ok\n", usize::MAX);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].record, 4);
    }

    #[test]
    fn strict_scan_stops_after_max_records() {
        // Records: header, x"1, (blank), x"2, x"3.
        let bytes = b"a\nx\"1\n\nx\"2\nx\"3\n";
        let lines = |max| -> Vec<u64> { strict_scan(bytes, max).iter().map(|p| p.line).collect() };
        assert_eq!(lines(usize::MAX), vec![2, 4, 5]);
        assert_eq!(lines(3), vec![2, 4]);
        assert_eq!(lines(1), Vec::<u64>::new());
    }

    #[test]
    fn a_record_of_too_many_fields_stops_the_scan() {
        let wide = format!("a,b\n\"x,y\",1\n{}\nlater,row\n", ",".repeat(MAX_FIELDS));
        let scan = strict_scan_splitting(wide.as_bytes(), usize::MAX, usize::MAX);
        assert!(scan.too_wide && !scan.complete);
        assert_eq!(scan.problems.len(), 1);
        assert_eq!(scan.problems[0].line, 3);
        let fits = format!("a,b\n{}\n", ",".repeat(MAX_FIELDS - 1));
        assert!(!strict_scan_splitting(fits.as_bytes(), usize::MAX, usize::MAX).too_wide);
    }
}

//! Reading one CSV file of graph-data: syntax, encoding and header checks.

use serde::de::DeserializeOwned;

use super::dataset::DataFile;
use super::problem::Problem;
use super::suggest::nearest;

/// A parsed row: the line it starts on and its value.
pub(crate) struct Row<T> {
    pub line: u64,
    pub value: T,
}

/// Reads `file` as CSV with exactly the columns `columns` (in any order) and deserializes each
/// row into `T`. Every problem found is pushed to `problems`; rows with problems are skipped.
/// Returns `None` when the header itself is unusable.
pub(crate) fn read_rows<T: DeserializeOwned>(
    file: &DataFile,
    columns: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Vec<Row<T>>> {
    let name = file.name.as_str();
    let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
    for (line, message, hint) in strict_scan(bytes) {
        problems.push(Problem::error(name, Some(line), message).with_hint(hint));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Some(Vec::new()), // an empty file is an empty table
        Some(Err(e)) => {
            problems.push(csv_error(name, &e));
            return None;
        }
        Some(Ok(h)) => h,
    };
    let mut names = Vec::with_capacity(header.len());
    let mut header_ok = true;
    for (i, raw) in header.iter().enumerate() {
        let Ok(text) = std::str::from_utf8(raw) else {
            problems.push(Problem::error(
                name,
                Some(1),
                format!("column {} of the header is not valid UTF-8", i + 1),
            ));
            header_ok = false;
            continue;
        };
        let text = text.trim();
        if names.contains(&text) {
            problems.push(
                Problem::error(name, Some(1), format!("duplicate column '{text}'"))
                    .with_hint("each column may appear once; remove the repeat"),
            );
            header_ok = false;
        } else if !columns.contains(&text) {
            let msg = if text.is_empty() {
                format!("empty column name in column {}", i + 1)
            } else {
                format!("unknown column '{text}'")
            };
            let hint = match nearest(text, columns.iter().copied()).first() {
                Some(n) if !text.is_empty() => format!("did you mean '{n}'? the columns are: {}", columns.join(", ")),
                _ => format!("the columns are: {}", columns.join(", ")),
            };
            problems.push(Problem::error(name, Some(1), msg).with_hint(hint));
            header_ok = false;
        }
        names.push(text);
    }
    let missing: Vec<&str> = columns.iter().copied().filter(|c| !names.contains(c)).collect();
    if !missing.is_empty() && header_ok || missing.len() > 1 {
        problems.push(
            Problem::error(
                name,
                Some(1),
                format!(
                    "missing column{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    quoted(&missing)
                ),
            )
            .with_hint(format!("the header must name: {} (in any order)", columns.join(", "))),
        );
        header_ok = false;
    } else if !missing.is_empty() {
        problems.push(Problem::error(
            name,
            Some(1),
            format!("missing column {}", quoted(&missing)),
        ));
    }
    if !header_ok {
        return None;
    }
    let headers = csv::StringRecord::from(names.clone());
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(name, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != names.len() {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!(
                        "the row has {} field{}, the header has {}",
                        record.len(),
                        if record.len() == 1 { "" } else { "s" },
                        names.len()
                    ),
                )
                .with_hint("a field containing a comma, quote or line break must be enclosed in double quotes"),
            );
            continue;
        }
        let mut fields = Vec::with_capacity(record.len());
        let mut ok = true;
        for (i, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(s) if s.contains('\0') => {
                    problems.push(Problem::error(
                        name,
                        Some(line),
                        format!("column '{}' contains a NUL byte", names[i]),
                    ));
                    ok = false;
                }
                Ok(s) => fields.push(s),
                Err(e) => {
                    problems.push(
                        Problem::error(
                            name,
                            Some(line),
                            format!(
                                "column '{}' is not valid UTF-8 (at byte {} of the field)",
                                names[i],
                                e.valid_up_to()
                            ),
                        )
                        .with_hint("save the file as UTF-8"),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            continue;
        }
        let record = csv::StringRecord::from(fields);
        match record.deserialize::<T>(Some(&headers)) {
            Ok(value) => rows.push(Row { line, value }),
            Err(e) => problems.push(Problem::error(name, Some(line), format!("cannot read the row: {e}"))),
        }
    }
    Some(rows)
}

fn quoted(items: &[&str]) -> String {
    items.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

fn csv_error(name: &str, e: &csv::Error) -> Problem {
    let line = e.position().map(|p| p.line());
    Problem::error(name, line, format!("CSV syntax error: {e}"))
}

/// Finds what the lenient `csv` reader would accept silently but RFC 4180 forbids: a quote inside
/// an unquoted field, text after a closing quote, and a quoted field that never closes.
/// Returns `(line, message, hint)` for each.
fn strict_scan(bytes: &[u8]) -> Vec<(u64, String, &'static str)> {
    let mut out = Vec::new();
    let mut line: u64 = 1;
    let mut field_start = true;
    let mut in_quotes = false;
    let mut quote_line = 1;
    let mut after_close = false;
    let mut unquoted_field = false;
    let mut reported_line = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => {
                    in_quotes = false;
                    after_close = true;
                }
                b'\n' => line += 1,
                _ => {}
            }
        } else {
            match b {
                b',' => {
                    field_start = true;
                    after_close = false;
                    unquoted_field = false;
                    i += 1;
                    continue;
                }
                b'\n' | b'\r' => {
                    if b == b'\n' {
                        line += 1;
                    }
                    field_start = true;
                    after_close = false;
                    unquoted_field = false;
                    i += 1;
                    continue;
                }
                b'"' if field_start => {
                    in_quotes = true;
                    quote_line = line;
                }
                b'"' if unquoted_field && reported_line != line => {
                    out.push((
                        line,
                        "a double quote inside an unquoted field".to_owned(),
                        "enclose the field in double quotes and write each quote inside it as \"\"",
                    ));
                    reported_line = line;
                }
                _ if after_close && reported_line != line => {
                    out.push((
                        line,
                        "text after the closing quote of a field".to_owned(),
                        "write a quote inside a quoted field as \"\"",
                    ));
                    reported_line = line;
                }
                _ => unquoted_field = true,
            }
        }
        field_start = false;
        i += 1;
    }
    if in_quotes {
        out.push((
            quote_line,
            "a quoted field is never closed (it runs to the end of the file)".to_owned(),
            "add the closing double quote",
        ));
    }
    out
}

/// Splits a multi-valued cell on `|`, trimming each value and dropping empty ones.
pub(crate) fn split_multi(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_scan_accepts_rfc4180() {
        assert!(strict_scan(b"a,b\n\"x, \"\"y\"\"\nz\",2\r\n").is_empty());
    }

    #[test]
    fn strict_scan_finds_quote_problems() {
        let found = strict_scan(b"a,b\nx\"y,2\n\"ok\"junk,3\n\"open,4\n");
        let lines: Vec<u64> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(found[2].1.contains("never closed"));
    }

    #[test]
    fn split_multi_trims() {
        assert_eq!(split_multi(" a | b||"), vec!["a", "b"]);
        assert!(split_multi("").is_empty());
    }
}

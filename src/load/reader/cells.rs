//! A record's cells as text, and multi-valued cells.

use crate::load::limits::human_bytes;
use crate::model::problem::Problem;

/// The cells of a record as text, or `None` (with the problems pushed) if a cell is too long,
/// not UTF-8, or holds a NUL byte, the noncharacter U+FFFE or U+FFFF, or U+FFFD.
pub(crate) fn cells<'r>(
    name: &str,
    line: u64,
    record: &'r csv::ByteRecord,
    names: &[&str],
    max_cell_bytes: usize,
    problems: &mut Vec<Problem>,
) -> Option<Vec<&'r str>> {
    let mut fields = Vec::with_capacity(record.len());
    let mut ok = true;
    for (raw, column) in record.iter().zip(names) {
        if raw.len() > max_cell_bytes {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!(
                        "the '{column}' cell is {} bytes long; a cell holds at most {}",
                        raw.len(),
                        human_bytes(max_cell_bytes as u64)
                    ),
                )
                .with_hint("is a closing quote missing? otherwise shorten the text"),
            );
            ok = false;
            continue;
        }
        match std::str::from_utf8(raw) {
            Ok(s) if s.contains('\0') => {
                problems.push(
                    Problem::error(name, Some(line), format!("column '{column}' contains a NUL byte"))
                        .with_hint("remove the control character; was the file saved as UTF-16?"),
                );
                ok = false;
            }
            Ok(s) if has_noncharacter(s) => {
                problems.push(
                    Problem::error(
                        name,
                        Some(line),
                        format!("column '{column}' contains the noncharacter U+FFFE or U+FFFF"),
                    )
                    .with_hint(
                        "these are not text (U+FFFE is a byte-order mark read the wrong way round): was the file converted from another encoding? XML and some RDF parsers refuse them",
                    ),
                );
                ok = false;
            }
            Ok(s) if has_replacement(s) => {
                problems.push(
                    Problem::error(
                        name,
                        Some(line),
                        format!("column '{column}' contains U+FFFD, the replacement character"),
                    )
                    .with_hint(
                        "it stands for characters lost when the text was decoded with the wrong encoding before it reached this file: copy the text again from its source (quotes are verbatim); Jena's RDF parser warns about it",
                    ),
                );
                ok = false;
            }
            Ok(s) => fields.push(s),
            Err(e) => {
                problems.push(
                    Problem::error(
                        name,
                        Some(line),
                        format!(
                            "column '{column}' is not valid UTF-8 (at byte {} of the field)",
                            e.valid_up_to()
                        ),
                    )
                    .with_hint("save the file as UTF-8"),
                );
                ok = false;
            }
        }
    }
    ok.then_some(fields)
}

/// The last bytes of the characters U+FFC0 to U+FFFF in `s` (`EF BF xx` in UTF-8): found by a
/// vectorised search for the lead byte `EF` (only U+F000 to U+FFFF start with it), instead of
/// decoding every character of every cell (`str::contains` with a set of characters does).
fn ef_bf_last_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    let bytes = s.as_bytes();
    memchr::memchr_iter(0xEF, bytes).filter_map(|at| match bytes.get(at + 1..at + 3) {
        Some(&[0xBF, last]) => Some(last),
        _ => None,
    })
}

/// Holds U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`).
fn has_noncharacter(s: &str) -> bool {
    ef_bf_last_bytes(s).any(|b| b == 0xBE || b == 0xBF)
}

/// Holds U+FFFD (`EF BF BD`).
fn has_replacement(s: &str) -> bool {
    ef_bf_last_bytes(s).any(|b| b == 0xBD)
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

    /// The byte searches find what the character searches find, wherever the character stands
    /// and next to its neighbours in UTF-8 (U+FFBD, U+FFFC, U+EFBF, U+FBFF...).
    #[test]
    fn special_characters_are_found_as_by_characters() {
        let pieces = [
            "",
            "a",
            "é",
            "\u{fffd}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffc}",
            "\u{ffbd}",
            "\u{efbf}",
            "\u{fbff}",
            "\u{feff}",
            "\u{10ffff}",
            "\u{fdd0}",
            "€",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}x{c}");
                    assert_eq!(has_noncharacter(&s), s.contains(['\u{fffe}', '\u{ffff}']), "{s:?}");
                    assert_eq!(has_replacement(&s), s.contains('\u{fffd}'), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn split_multi_trims() {
        assert_eq!(split_multi(" a | b||"), vec!["a", "b"]);
        assert!(split_multi("").is_empty());
    }
}

#[cfg(test)]
mod refusals {
    use super::*;

    #[test]
    fn refuses_what_no_verbatim_text_holds() {
        for (text, what) in [
            ("a\0b", "NUL"),
            ("a\u{fffe}", "U+FFFE"),
            ("\u{ffff}", "U+FFFF"),
            ("caf\u{fffd}", "U+FFFD"),
        ] {
            let record = csv::ByteRecord::from(vec!["ok", text]);
            let mut problems = Vec::new();
            assert!(cells("f.csv", 7, &record, &["a", "b"], 1024, &mut problems).is_none());
            assert_eq!(problems.len(), 1);
            let p = problems[0].to_string();
            assert!(p.starts_with("f.csv:7: column 'b'") && p.contains(what), "{p}");
        }
        let record = csv::ByteRecord::from(vec!["ok", "café \u{feff}\u{fdd0}"]);
        assert!(cells("f.csv", 7, &record, &["a", "b"], 1024, &mut Vec::new()).is_some());
    }
}

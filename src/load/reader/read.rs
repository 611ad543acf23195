//! Reading a whole file: size, encoding and header checks, then its rows on one thread or in chunks on several.

use std::borrow::Cow;

use rustc_hash::FxHashSet;
use serde::de::DeserializeOwned;

use super::body::Body;
use super::chunks::{read_chunks, Origin};
use super::header::read_header;
use super::lines::{csv_error, record_start, Lines};
use super::scan::strict_scan_splitting;
use super::table::{Row, Table};
use super::text::Text;
use super::threads::{Threads, CHUNKS_PER_WORKER};
use crate::load::dataset::DataFile;
use crate::load::limits::{human_bytes, Limits};
use crate::model::problem::Problem;

/// Reads `file` as CSV with exactly the columns `columns` (in any order) and deserializes each
/// row into `T`. Every problem found is pushed to `problems`; rows with problems are skipped.
pub(crate) fn read_rows<T: DeserializeOwned + Send, const N: usize>(
    file: &DataFile,
    columns: &[&str; N],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Table<T> {
    read_rows_optional(file, columns, &[], limits, problems)
}

/// [`read_rows`], where the columns in `optional` may be left out of the file (they read as empty).
pub(crate) fn read_rows_optional<T: DeserializeOwned + Send, const N: usize>(
    file: &DataFile,
    columns: &[&str; N],
    optional: &[&str],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Table<T> {
    let name = file.name.as_str();
    let mut rows = Vec::new();
    let headers = csv::StringRecord::from(columns.as_slice());
    let table = read_records(
        file,
        columns,
        optional,
        limits,
        &Threads::default(),
        problems,
        |line, fields, problems| {
            let record = csv::StringRecord::from(fields.as_slice());
            match record.deserialize::<T>(Some(&headers)) {
                Ok(value) => Some(Row { line, value }),
                Err(e) => {
                    problems.push(Problem::error(name, Some(line), format!("cannot read the row: {e}")));
                    None
                }
            }
        },
        |row, _| rows.push(row),
    );
    Table {
        rows,
        skipped_ids: table.skipped_ids,
        readable: table.readable,
    }
}

/// Reads `file` as CSV with exactly the columns `columns` (in any order). Each record that passed
/// the syntax, encoding and size checks goes to `check` — with its line, its cells in the order
/// of `columns` (whatever their order in the file) and the problem list — and what `check`
/// returns goes to `consume`, in file order, so a file of millions of rows is never held as rows
/// at once. Returns what is known of the file as a whole (its `rows` stay empty).
///
/// A large file with no syntax problem is read in chunks by one thread per core: `check` runs
/// on the chunks side by side (so it must not depend on the rows before it), `consume` on the
/// calling thread, in file order, as the chunks come in. Problems come out in the same order as
/// in a single-threaded read once sorted by line (which the loader does). A planned file (its
/// scan found no problem) is always read in chunks, each from the file by the thread that
/// parses it.
#[allow(clippy::too_many_arguments)] // the columns, and which of them may be left out, belong together but are read once
pub(crate) fn read_records<'a, const N: usize, T: Send>(
    file: impl Into<Text<'a>>,
    columns: &[&str; N],
    optional: &[&str],
    limits: &Limits,
    threads: &Threads,
    problems: &mut Vec<Problem>,
    check: impl Fn(u64, &[&str; N], &mut Vec<Problem>) -> Option<T> + Sync,
    mut consume: impl FnMut(T, &mut Vec<Problem>),
) -> Table<()> {
    let file = file.into();
    let name = file.name();
    // The bytes the header is read from (the whole file when it is loaded), the records the
    // strict scan reported, where the file may be cut into chunks, and its length.
    let (head, bad_records, splits, len) = match file {
        Text::Loaded(file) => {
            if file.bytes.len() as u64 > limits.max_file_bytes {
                problems.push(
                    Problem::error(
                        name,
                        None,
                        format!(
                            "the file is larger than {}, the limit for a graph-data file",
                            human_bytes(limits.max_file_bytes)
                        ),
                    )
                    .with_hint("is this the right file? a graph-data file holds a few thousand rows"),
                );
                return Table::unreadable();
            }
            if file.bytes.starts_with(b"\xFF\xFE") || file.bytes.starts_with(b"\xFE\xFF") {
                problems.push(
                    Problem::error(
                        name,
                        None,
                        "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                    )
                    .with_hint("save it as \"CSV UTF-8\" (comma-separated)"),
                );
                return Table::unreadable();
            }
            let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
            let workers = threads.workers(bytes.len());
            let split_every = (bytes.len() / (workers * CHUNKS_PER_WORKER)).max(threads.min_chunk_bytes);
            let scan = strict_scan_splitting(bytes, limits.max_rows + 1, split_every);
            let bad_records: FxHashSet<usize> = scan.problems.iter().map(|p| p.record).collect();
            for p in scan.problems {
                problems.push(Problem::error(name, Some(p.line), p.message).with_hint(p.hint));
            }
            if scan.too_wide {
                return Table::unreadable();
            }
            // A file with syntax problems, or too many rows, is read in one go so that those are
            // reported as always.
            let splits = match workers > 1 && bad_records.is_empty() && scan.complete {
                true => scan.splits.iter().map(|s| (s.offset, s.line)).collect::<Vec<_>>(),
                false => Vec::new(),
            };
            (Cow::Borrowed(bytes), bad_records, splits, bytes.len())
        }
        Text::Planned(plan) => {
            let Some(head) = plan.head() else {
                return Table::unreadable(); // the failure is the loader's to report
            };
            (
                Cow::Owned(head),
                FxHashSet::default(),
                plan.splits().collect(),
                plan.body_len(),
            )
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&head[..]);
    let mut header = csv::ByteRecord::new();
    match reader.read_byte_record(&mut header) {
        Ok(false) => {
            // An empty file is an empty table.
            return Table {
                rows: Vec::new(),
                skipped_ids: Vec::new(),
                readable: true,
            };
        }
        Ok(true) => {}
        Err(e) => {
            problems.push(csv_error(name, &head, &e));
            return Table::unreadable();
        }
    }
    let start = record_start(&head, &header);
    let header_line = Lines::new(&head).at(start);
    if bad_records.contains(&start) {
        return Table::unreadable(); // the syntax error is reported; the header cannot be trusted
    }
    let Some(names) = read_header(name, header_line, &header, columns, optional, problems) else {
        return Table::unreadable();
    };
    // Where each of `columns` is in the file (the header check made sure each is there once).
    // An optional column left out of the header is nowhere (`usize::MAX`).
    let order: [usize; N] = std::array::from_fn(|k| names.iter().position(|n| *n == columns[k]).unwrap_or(usize::MAX));
    let body = Body {
        name,
        names: &names,
        order,
        id_column: names.iter().position(|n| *n == "id"),
        bad_records: &bad_records,
        limits,
    };
    let body_start = (reader.position().byte() as usize).min(head.len());
    let body_line = Lines::new(&head).at(body_start);
    // Chunks are cut where the strict scan saw a record start, so they split the file exactly as
    // a single reader would.
    let mut cuts: Vec<(usize, u64)> = vec![(body_start, body_line)];
    cuts.extend(splits.into_iter().filter(|&(at, _)| at > body_start));
    cuts.push((len, 0));
    let workers = threads.workers(len);
    match file {
        Text::Loaded(_) if cuts.len() <= 2 => {
            let mut table = Table {
                rows: Vec::new(),
                skipped_ids: Vec::new(),
                readable: true,
            };
            table.readable = body.read(
                &head,
                body_start,
                body_line,
                problems,
                &mut table.skipped_ids,
                |line, cells, problems| {
                    if let Some(value) = check(line, cells, problems) {
                        consume(value, problems);
                    }
                },
            );
            table
        }
        Text::Loaded(_) => read_chunks(
            &body,
            Origin::Memory(&head),
            &cuts,
            workers,
            problems,
            &check,
            &mut consume,
        ),
        Text::Planned(plan) => {
            drop(head);
            read_chunks(
                &body,
                Origin::Disk(plan),
                &cuts,
                workers,
                problems,
                &check,
                &mut consume,
            )
        }
    }
}

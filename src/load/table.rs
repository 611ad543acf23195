//! Reading one CSV file of graph-data: size, syntax, encoding and header checks.
//!
//! The `csv` crate is lenient: it reads a bare quote inside a field, text after a closing quote
//! and a quote that never closes without complaint. A hand-edited file with such a mistake must
//! not load silently changed, so [`strict_scan`] checks RFC 4180 first, and every record it flags
//! is reported once and skipped, rather than checked again as if it had parsed as meant.
//!
//! Line numbers are counted as editors count them (`\r\n`, a lone `\r` and a lone `\n` each end
//! one line, inside quoted fields too), not as the `csv` crate does, so that a position after an
//! embedded line break, a blank line or an old Mac line end is still the one the curator sees.

use rustc_hash::FxHashSet;

use serde::de::DeserializeOwned;

use super::dataset::DataFile;
use super::limits::Limits;
use crate::model::problem::Problem;
use crate::text::suggest::nearest;

/// `67108864 bytes (64 MiB)`.
pub(crate) fn human_bytes(n: u64) -> String {
    let (value, unit) = match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => (n >> 30, "GiB"),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => (n >> 20, "MiB"),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => (n >> 10, "KiB"),
        n => return format!("{n} bytes"),
    };
    format!("{n} bytes ({value} {unit})")
}

/// A parsed row: the line it starts on and its value.
pub(crate) struct Row<T> {
    pub line: u64,
    pub value: T,
}

/// What could be read of one file.
pub(crate) struct Table<T> {
    /// The rows that parsed, in file order.
    pub rows: Vec<Row<T>>,
    /// The `id` cells of records skipped for syntax or encoding errors (already reported), so
    /// that references to them from other files are not reported as unknown ids as well.
    pub skipped_ids: Vec<String>,
    /// False when the file could not be read as a whole (a bad header, too large, too many
    /// rows): references to it from other files cannot be checked.
    pub readable: bool,
}

impl<T> Table<T> {
    fn unreadable() -> Self {
        Table {
            rows: Vec::new(),
            skipped_ids: Vec::new(),
            readable: false,
        }
    }
}

/// Reads `file` as CSV with exactly the columns `columns` (in any order) and deserializes each
/// row into `T`. Every problem found is pushed to `problems`; rows with problems are skipped.
pub(crate) fn read_rows<T: DeserializeOwned + Send, const N: usize>(
    file: &DataFile,
    columns: &[&str; N],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Table<T> {
    let name = file.name.as_str();
    let mut rows = Vec::new();
    let headers = csv::StringRecord::from(columns.as_slice());
    let table = read_records(
        file,
        columns,
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
/// in a single-threaded read once sorted by line (which the loader does).
pub(crate) fn read_records<const N: usize, T: Send>(
    file: &DataFile,
    columns: &[&str; N],
    limits: &Limits,
    threads: &Threads,
    problems: &mut Vec<Problem>,
    check: impl Fn(u64, &[&str; N], &mut Vec<Problem>) -> Option<T> + Sync,
    mut consume: impl FnMut(T, &mut Vec<Problem>),
) -> Table<()> {
    let name = file.name.as_str();
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
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
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
            problems.push(csv_error(name, bytes, &e));
            return Table::unreadable();
        }
    }
    let start = record_start(bytes, &header);
    let header_line = Lines::new(bytes).at(start);
    if bad_records.contains(&start) {
        return Table::unreadable(); // the syntax error is reported; the header cannot be trusted
    }
    let Some(names) = read_header(name, header_line, &header, columns, problems) else {
        return Table::unreadable();
    };
    // Where each of `columns` is in the file (the header check made sure each is there once).
    // An optional column left out of the header is nowhere (`usize::MAX`).
    let order: [usize; N] =
        std::array::from_fn(|k| names.iter().position(|n| *n == columns[k]).unwrap_or(usize::MAX));
    let body = Body {
        name,
        names: &names,
        order,
        id_column: names.iter().position(|n| *n == "id"),
        bad_records: &bad_records,
        limits,
    };
    let body_start = (reader.position().byte() as usize).min(bytes.len());
    let body_line = Lines::new(bytes).at(body_start);
    // Chunks are cut where the strict scan saw a record start, so they split the file exactly as
    // a single reader would; a file with syntax problems, or too many rows, is read in one go so
    // that those are reported as always.
    let mut cuts: Vec<(usize, u64)> = vec![(body_start, body_line)];
    if workers > 1 && bad_records.is_empty() && scan.complete {
        cuts.extend(scan.splits.into_iter().filter(|&(at, _)| at > body_start));
    }
    cuts.push((bytes.len(), 0));
    if cuts.len() <= 2 {
        let mut table = Table {
            rows: Vec::new(),
            skipped_ids: Vec::new(),
            readable: true,
        };
        table.readable = body.read(
            bytes,
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
        return table;
    }
    read_chunks(&body, bytes, &cuts, workers, problems, &check, &mut consume)
}

/// Columns a header may leave out (added after files were first written): an absent one reads
/// as empty cells. `relations.csv`'s `statement` (which statement a claim speaks to) and
/// `predicates.csv`'s `negates` (the predicate a negative predicate denies).
pub(crate) const OPTIONAL_COLUMNS: [&str; 2] = ["statement", "negates"];

/// When a file is read by several threads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Threads {
    /// Files smaller than this are read by one thread.
    pub min_file_bytes: usize,
    /// The smallest chunk a file is cut into.
    pub min_chunk_bytes: usize,
    /// The most threads (besides the calling one); `None`: one per core, at most 8.
    pub max: Option<usize>,
}

impl Default for Threads {
    /// Below 8 MB starting threads costs more than it saves.
    fn default() -> Self {
        Threads {
            min_file_bytes: 8 << 20,
            min_chunk_bytes: 2 << 20,
            max: None,
        }
    }
}

impl Threads {
    fn workers(&self, file_bytes: usize) -> usize {
        if file_bytes < self.min_file_bytes {
            return 1;
        }
        self.max
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
            .max(1)
    }
}
/// Chunks per thread: enough that a thread that falls behind does not hold the others up, few
/// enough that a chunk is large.
const CHUNKS_PER_WORKER: usize = 8;

/// What one chunk of a file gave: its checked rows, its problems and its skipped ids.
struct Chunk<T> {
    values: Vec<T>,
    problems: Vec<Problem>,
    skipped_ids: Vec<String>,
    readable: bool,
}

/// Reads the chunks between `cuts` on `workers` threads, and consumes their rows in file order.
fn read_chunks<const N: usize, T: Send>(
    body: &Body<'_, N>,
    bytes: &[u8],
    cuts: &[(usize, u64)],
    workers: usize,
    problems: &mut Vec<Problem>,
    check: &(impl Fn(u64, &[&str; N], &mut Vec<Problem>) -> Option<T> + Sync),
    consume: &mut impl FnMut(T, &mut Vec<Problem>),
) -> Table<()> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let chunks = cuts.len() - 1;
    let next = AtomicUsize::new(0);
    let mut table = Table {
        rows: Vec::new(),
        skipped_ids: Vec::new(),
        readable: true,
    };
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel::<(usize, Chunk<T>)>();
        for _ in 0..workers.min(chunks) {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= chunks {
                    break;
                }
                let ((from, line), (to, _)) = (cuts[k], cuts[k + 1]);
                let mut chunk = Chunk {
                    values: Vec::new(),
                    problems: Vec::new(),
                    skipped_ids: Vec::new(),
                    readable: true,
                };
                chunk.readable = body.read(
                    &bytes[..to],
                    from,
                    line,
                    &mut chunk.problems,
                    &mut chunk.skipped_ids,
                    |line, cells, problems| chunk.values.extend(check(line, cells, problems)),
                );
                if send.send((k, chunk)).is_err() {
                    break;
                }
            });
        }
        drop(send);
        // Chunks arrive in any order; each is consumed once all before it have been.
        let mut waiting: Vec<Option<Chunk<T>>> = (0..chunks).map(|_| None).collect();
        let mut due = 0;
        for (k, chunk) in receive {
            waiting[k] = Some(chunk);
            while let Some(chunk) = waiting.get_mut(due).and_then(Option::take) {
                problems.extend(chunk.problems);
                table.skipped_ids.extend(chunk.skipped_ids);
                table.readable &= chunk.readable;
                for value in chunk.values {
                    consume(value, problems);
                }
                due += 1;
            }
        }
    });
    table
}

/// The rows of a file after its header: how to read and check them.
struct Body<'a, const N: usize> {
    name: &'a str,
    names: &'a [&'a str],
    order: [usize; N],
    id_column: Option<usize>,
    /// Offsets of the records the strict scan reported.
    bad_records: &'a FxHashSet<usize>,
    limits: &'a Limits,
}

impl<const N: usize> Body<'_, N> {
    /// Reads the records of `bytes` from offset `from` (a record start, on line `line`) to the
    /// end of `bytes`, handing each good one to `sink`; returns false if reading stopped early.
    fn read(
        &self,
        bytes: &[u8],
        from: usize,
        line: u64,
        problems: &mut Vec<Problem>,
        skipped_ids: &mut Vec<String>,
        mut sink: impl FnMut(u64, &[&str; N], &mut Vec<Problem>),
    ) -> bool {
        let (name, names, limits) = (self.name, self.names, self.limits);
        // A reader strips a byte-order mark at the start of its input, which here would be the
        // first cell of a record (a U+FEFF the curator wrote): start on the line end before the
        // record instead (a blank line, which the reader skips), as a reader of the whole file does.
        let (start_at, line) = if from > 0 && ends_line(bytes, from - 1) {
            (from - 1, line - 1)
        } else {
            (from, line)
        };
        let part = &bytes[start_at..];
        let salvage = |record: &csv::ByteRecord| -> Option<String> {
            let cell = record.get(self.id_column?)?;
            let text = std::str::from_utf8(cell).ok()?.trim();
            (!text.is_empty() && text.len() <= limits.max_cell_bytes).then(|| text.to_owned())
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(part);
        let mut lines = Lines::starting(part, line);
        let mut count = 0usize;
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return true,
                Err(e) => {
                    let at = e.position().map(|p| Lines::starting(part, line).at(p.byte() as usize));
                    problems.push(Problem::error(name, at, format!("CSV syntax error: {e}")));
                    return false;
                }
            }
            let start = record_start(part, &record);
            let line = lines.at(start);
            count += 1;
            if count > limits.max_rows {
                problems.push(
                    Problem::error(
                        name,
                        Some(line),
                        format!(
                            "more than {max} rows: a graph-data file holds at most {max}; the rest of the file is not read",
                            max = limits.max_rows
                        ),
                    )
                    .with_hint("split the data, or check that this is the right file"),
                );
                return false;
            }
            if !self.bad_records.is_empty() && self.bad_records.contains(&(start_at + start)) {
                skipped_ids.extend(salvage(&record));
                continue;
            }
            if record.len() == names.len()
                && record
                    .iter()
                    .zip(names)
                    .all(|(cell, n)| std::str::from_utf8(cell).is_ok_and(|c| c.trim() == *n))
            {
                problems.push(
                    Problem::error(name, Some(line), "the header row is repeated here")
                        .with_hint("delete this line (were two files pasted together?)"),
                );
                continue;
            }
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
                skipped_ids.extend(salvage(&record));
                continue;
            }
            match cells(name, line, &record, names, limits.max_cell_bytes, problems) {
                Some(fields) => {
                    // An optional column the header leaves out reads as empty cells.
                    let ordered: [&str; N] = std::array::from_fn(|k| fields.get(self.order[k]).copied().unwrap_or(""));
                    sink(line, &ordered, problems);
                }
                None => skipped_ids.extend(salvage(&record)),
            }
        }
    }
}

/// Checks the header row; returns the column names (trimmed) if every column is known, present once.
fn read_header<'r>(
    name: &str,
    line: u64,
    header: &'r csv::ByteRecord,
    columns: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Vec<&'r str>> {
    let texts: Vec<Option<&str>> = header
        .iter()
        .map(|raw| std::str::from_utf8(raw).ok().map(str::trim))
        .collect();
    if !texts.iter().flatten().any(|t| columns.contains(t)) {
        // A spreadsheet set to another list separator writes `id;title;...` or tab-separated.
        let separator = [';', '\t'].into_iter().find(|sep| {
            texts
                .iter()
                .flatten()
                .flat_map(|t| t.split(*sep))
                .any(|t| columns.contains(&t.trim()))
        });
        if let Some(sep) = separator {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!("the columns are separated by {sep:?}, not by commas"),
                )
                .with_hint("save the file as comma-separated CSV (in a spreadsheet: CSV UTF-8, comma-delimited)"),
            );
            return None;
        }
        problems.push(
            Problem::error(
                name,
                Some(line),
                format!(
                    "the first line is not a header: it names none of the columns {}",
                    columns.join(", ")
                ),
            )
            .with_hint(format!(
                "add a header line such as {} (columns may come in any order)",
                columns.join(",")
            )),
        );
        return None;
    }
    let mut names = Vec::with_capacity(texts.len());
    let mut ok = true;
    for (i, text) in texts.into_iter().enumerate() {
        let Some(text) = text else {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!("column {} of the header is not valid UTF-8", i + 1),
                )
                .with_hint("save the file as UTF-8"),
            );
            ok = false;
            continue;
        };
        if names.contains(&text) {
            problems.push(
                Problem::error(name, Some(line), format!("duplicate column '{text}'"))
                    .with_hint("each column may appear once; remove the repeat"),
            );
            ok = false;
        } else if !columns.contains(&text) {
            let msg = if text.is_empty() {
                format!("empty column name in column {}", i + 1)
            } else {
                format!("unknown column '{}'", shorten(text))
            };
            let hint = match nearest(text, columns.iter().copied()).first() {
                Some(n) if !text.is_empty() => format!("did you mean '{n}'? the columns are: {}", columns.join(", ")),
                _ => format!("the columns are: {}", columns.join(", ")),
            };
            problems.push(Problem::error(name, Some(line), msg).with_hint(hint));
            ok = false;
        }
        names.push(text);
    }
    let missing: Vec<&str> = columns
        .iter()
        .copied()
        .filter(|c| !names.contains(c) && !OPTIONAL_COLUMNS.contains(c))
        .collect();
    if !missing.is_empty() {
        problems.push(
            Problem::error(
                name,
                Some(line),
                format!(
                    "missing column{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    quoted(&missing)
                ),
            )
            .with_hint(format!("the header must name: {} (in any order)", columns.join(", "))),
        );
        ok = false;
    }
    ok.then_some(names)
}

/// The cells of a record as text, or `None` (with the problems pushed) if a cell is too long,
/// not UTF-8, or holds a NUL byte or the noncharacter U+FFFE or U+FFFF.
fn cells<'r>(
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
            Ok(s) if s.contains(['\u{fffe}', '\u{ffff}']) => {
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

/// `text`, cut to 60 characters for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

fn quoted(items: &[&str]) -> String {
    items.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

fn csv_error(name: &str, bytes: &[u8], e: &csv::Error) -> Problem {
    let line = e.position().map(|p| Lines::new(bytes).at(p.byte() as usize));
    Problem::error(name, line, format!("CSV syntax error: {e}"))
}

/// The offset of a record's first byte. The `csv` crate positions a record where the previous
/// one ended, before any blank lines it skipped.
fn record_start(bytes: &[u8], record: &csv::ByteRecord) -> usize {
    let from = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
    from + bytes[from..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count()
}

/// Turns byte offsets, asked for in increasing order, into 1-based line numbers.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines::starting(bytes, 1)
    }

    /// Lines of `bytes` whose first byte is on line `line`.
    fn starting(bytes: &'a [u8], line: u64) -> Self {
        Lines { bytes, pos: 0, line }
    }

    /// The line of the byte at `offset`: `\r\n`, a lone `\r` and a lone `\n` each end a line.
    fn at(&mut self, offset: usize) -> u64 {
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
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// A violation of RFC 4180 that the lenient `csv` reader would accept.
struct SyntaxProblem {
    /// Offset of the first byte of the record it is in.
    record: usize,
    /// Line of the problem itself.
    line: u64,
    message: String,
    hint: &'static str,
}

/// Finds what the lenient `csv` reader would accept silently but RFC 4180 forbids: a quote inside
/// an unquoted field, text after a closing quote, and a quoted field that never closes. Reports
/// at most one problem per record, in the first `max_records` records (blank lines not counted):
/// the part of the file that is read, so that the problem list stays bounded too.
#[cfg(test)]
fn strict_scan(bytes: &[u8], max_records: usize) -> Vec<SyntaxProblem> {
    strict_scan_splitting(bytes, max_records, usize::MAX).problems
}

/// What [`strict_scan_splitting`] found.
struct Scan {
    problems: Vec<SyntaxProblem>,
    /// False if the scan stopped after `max_records` records.
    complete: bool,
    /// Record starts (offset, line) at least `split_every` bytes apart, each just after a `\n`
    /// outside quotes: where the file can be cut into chunks that read as the whole file does.
    splits: Vec<(usize, u64)>,
}

/// [`strict_scan`], also noting record starts to cut the file into chunks of about
/// `split_every` bytes.
fn strict_scan_splitting(bytes: &[u8], max_records: usize, split_every: usize) -> Scan {
    let mut splits = Vec::new();
    let mut last_split = 0usize;
    let mut out: Vec<SyntaxProblem> = Vec::new();
    let mut line: u64 = 1;
    let mut record = 0;
    let mut records = 0;
    let mut field_start = true;
    let mut in_quotes = false;
    let mut quote_line = 1;
    let mut after_close = false;
    let mut unquoted_field = false;
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
                            splits,
                        };
                    }
                }
                record = i + 1;
                if b == b'\n' && record - last_split >= split_every {
                    splits.push((record, line));
                    last_split = record;
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
        splits,
    }
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
    fn lines_count_like_editors() {
        let bytes = b"a\r\nb\rc\nd";
        let mut lines = Lines::new(bytes);
        assert_eq!(lines.at(0), 1);
        assert_eq!(lines.at(3), 2); // b
        assert_eq!(lines.at(5), 3); // c
        assert_eq!(lines.at(7), 4); // d
        assert_eq!(lines.at(100), 4);
    }

    #[test]
    fn split_multi_trims() {
        assert_eq!(split_multi(" a | b||"), vec!["a", "b"]);
        assert!(split_multi("").is_empty());
    }
}

//! Reading the rows after the header: row count, repeated headers, field counts, cells.

use rustc_hash::FxHashSet;

use super::cells::cells;
use super::lines::{ends_line, record_start, Lines};
use crate::load::limits::Limits;
use crate::model::problem::Problem;

/// The rows of a file after its header: how to read and check them.
pub(crate) struct Body<'a, const N: usize> {
    pub(crate) name: &'a str,
    pub(crate) names: &'a [&'a str],
    pub(crate) order: [usize; N],
    pub(crate) id_column: Option<usize>,
    /// Offsets of the records the strict scan reported.
    pub(crate) bad_records: &'a FxHashSet<usize>,
    pub(crate) limits: &'a Limits,
}

impl<const N: usize> Body<'_, N> {
    /// Reads the records of `bytes` from offset `from` (a record start, on line `line`) to the
    /// end of `bytes`, handing each good one to `sink`; returns false if reading stopped early.
    pub(crate) fn read(
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
                    // A column the file leaves out (an optional one) reads as empty.
                    let ordered: [&str; N] = std::array::from_fn(|k| fields.get(self.order[k]).copied().unwrap_or(""));
                    sink(line, &ordered, problems);
                }
                None => skipped_ids.extend(salvage(&record)),
            }
        }
    }
}

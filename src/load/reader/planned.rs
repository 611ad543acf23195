//! A large file read from disk chunk by chunk instead of whole: first the strict scan, window by
//! window, finds where the file can be cut; then each thread reads only the chunk it parses.
//!
//! With ten million claims `relations.csv` is 2 GB: held whole next to the claims checked from
//! it, it is what takes the load past the memory a laptop has. Read this way, at most a window
//! (while scanning) or a chunk per thread (while parsing) of it is in memory.
//!
//! The plan is only taken when the scan finds nothing wrong: a file with a syntax problem, too
//! many rows, a UTF-16 byte-order mark, a record longer than a window or a size over the limit
//! is read whole, as before, so that every problem is reported exactly as it always was.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use super::scan::{strict_scan_window, Split};
use super::threads::{Threads, CHUNKS_PER_WORKER};
use crate::load::error::LoadError;
use crate::load::limits::Limits;

/// How a file read from disk in chunks is read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Windows {
    /// The bytes scanned at once; a file no larger than this is read whole.
    pub window_bytes: usize,
    /// The largest chunk a thread reads (the smallest is [`Threads::min_chunk_bytes`]).
    pub max_chunk_bytes: usize,
}

impl Default for Windows {
    /// 64 MiB windows, chunks of at most 16 MiB: a few dozen megabytes of the file in memory at
    /// a time, in reads large enough to cost nothing next to the parse.
    fn default() -> Self {
        Windows {
            window_bytes: 64 << 20,
            max_chunk_bytes: 16 << 20,
        }
    }
}

/// A file planned to be read chunk by chunk: where its chunks are cut, found by a strict scan
/// that found no problem. Offsets are the file's after its UTF-8 byte-order mark, if it has one.
#[derive(Debug)]
pub(crate) struct Planned {
    /// How messages name the file.
    pub(crate) name: String,
    /// The open file: every chunk is read from it, so a file replaced (renamed over) meanwhile
    /// is still read whole from its first version.
    file: Mutex<File>,
    /// The file's length and modification time when it was opened, to tell a file changed
    /// while it is read.
    len: u64,
    modified: Option<SystemTime>,
    /// The length of the byte-order mark skipped (0 or 3).
    bom: u64,
    /// Record starts about a chunk apart, in file order.
    splits: Vec<Split>,
    /// The end of the first chunk that holds a whole record (the header).
    head_end: usize,
    /// The records of the file (blank lines not counted).
    records: usize,
    /// The first failure of a read, reported by [`Planned::finish`].
    failure: Mutex<Option<LoadError>>,
}

/// What [`plan`] decided.
#[derive(Debug)]
pub(crate) enum Plan {
    /// Read the file chunk by chunk.
    Chunks(Planned),
    /// Read the file whole (it is small, or something in it is reported as it always was): the
    /// file, opened and at its start.
    Whole(File),
}

/// Plans the reading of `file` (named `name` in messages) in chunks, scanning it `windows`
/// bytes at a time, or says to read it whole.
///
/// Each window starts at the last record start of the one before, so a record across a window
/// end is scanned again whole in the next; a problem in a window before that start, a window
/// without a record start, or a scan that stops early makes the file be read whole.
pub(crate) fn plan(
    mut file: File,
    name: &str,
    limits: &Limits,
    threads: &Threads,
    windows: &Windows,
) -> Result<Plan, LoadError> {
    let io = |source| LoadError::Io {
        path: name.to_owned(),
        source,
    };
    let meta = file.metadata().map_err(io)?;
    let (len, modified) = (meta.len(), meta.modified().ok());
    if len <= windows.window_bytes as u64 || len > limits.max_file_bytes {
        return Ok(Plan::Whole(file));
    }
    let changed = || LoadError::Changed { path: name.to_owned() };
    let mut lead = [0u8; 3];
    let lead_len = read_at(&mut file, 0, &mut lead).map_err(io)?;
    if (lead_len as u64) < len.min(3) {
        return Err(changed());
    }
    let lead = &lead[..lead_len];
    if lead.starts_with(b"\xFF\xFE") || lead.starts_with(b"\xFE\xFF") {
        return whole(file, name);
    }
    let bom: u64 = if lead == b"\xEF\xBB\xBF" { 3 } else { 0 };
    let mut window = vec![0u8; windows.window_bytes];
    let body_len = (len - bom) as usize;
    let workers = threads.workers(body_len);
    let split_every = (body_len / (workers * CHUNKS_PER_WORKER))
        .max(threads.min_chunk_bytes)
        .min(windows.max_chunk_bytes)
        .max(1);
    let max_records = limits.max_rows.saturating_add(1);
    let mut splits: Vec<Split> = Vec::new();
    // Where the window scanned next starts, and the state of the scan there.
    let mut start = Split {
        offset: 0,
        line: 1,
        records: 0,
    };
    let records = loop {
        let size = window.len().min(body_len - start.offset);
        let read = read_at(&mut file, bom + start.offset as u64, &mut window[..size]).map_err(io)?;
        if read < size {
            return Err(changed());
        }
        let bytes = &window[..size];
        let last = start.offset + size == body_len;
        let since_split = start.offset - splits.last().map_or(0, |s| s.offset);
        let scan = strict_scan_window(bytes, start.line, since_split, max_records - start.records, split_every);
        // A window that is not the last is trusted up to its last record start: what follows is
        // scanned again, whole, by the next window.
        let end = if last { size } else { scan.last_start.offset };
        if scan.too_wide || !scan.complete || end == 0 || scan.problems.iter().any(|p| p.record < end) {
            return whole(file, name);
        }
        splits.extend(scan.splits.iter().map(|s| Split {
            offset: start.offset + s.offset,
            line: s.line,
            records: start.records + s.records,
        }));
        if last {
            break start.records + scan.records;
        }
        start = Split {
            offset: start.offset + end,
            line: scan.last_start.line,
            records: start.records + scan.last_start.records,
        };
    };
    if records == 0 {
        return whole(file, name); // blank lines only: nothing to cut
    }
    let head_end = splits.iter().find(|s| s.records > 0).map_or(body_len, |s| s.offset);
    Ok(Plan::Chunks(Planned {
        name: name.to_owned(),
        file: Mutex::new(file),
        len,
        modified,
        bom,
        splits,
        head_end,
        records,
        failure: Mutex::new(None),
    }))
}

/// The file back at its start, to be read whole.
fn whole(mut file: File, name: &str) -> Result<Plan, LoadError> {
    match file.rewind() {
        Ok(()) => Ok(Plan::Whole(file)),
        Err(source) => Err(LoadError::Io {
            path: name.to_owned(),
            source,
        }),
    }
}

/// Reads into `buf` from offset `at` of `file`, until `buf` is full or the file ends; returns
/// the bytes read.
fn read_at(file: &mut File, at: u64, buf: &mut [u8]) -> std::io::Result<usize> {
    file.seek(SeekFrom::Start(at))?;
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

impl Planned {
    /// The length of the file after its byte-order mark.
    pub(crate) fn body_len(&self) -> usize {
        (self.len - self.bom) as usize
    }

    /// The records of the file, the header included (blank lines not counted).
    pub(crate) fn records(&self) -> usize {
        self.records
    }

    /// Record starts about a chunk apart, in file order, each with its line.
    pub(crate) fn splits(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.splits.iter().map(|s| (s.offset, s.line))
    }

    /// The first bytes of the file, up to the first record start after a whole record: its
    /// header is in them. `None` if they cannot be read (see [`Planned::finish`]).
    pub(crate) fn head(&self) -> Option<Vec<u8>> {
        let mut head = Vec::new();
        self.read_into(0, self.head_end, &mut head).then_some(head)
    }

    /// Reads the bytes from `from` to `to` (offsets after the byte-order mark) into `buffer`
    /// (what it held is dropped, its memory kept). False if they cannot be read, the failure
    /// kept for [`Planned::finish`].
    pub(crate) fn read_into(&self, from: usize, to: usize, buffer: &mut Vec<u8>) -> bool {
        let want = to.saturating_sub(from) as u64;
        buffer.clear();
        let read = {
            let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
            file.seek(SeekFrom::Start(self.bom + from as u64))
                .and_then(|_| Read::take(&mut *file, want).read_to_end(buffer))
        };
        let failure = match read {
            Ok(n) if n as u64 == want => return true,
            Ok(_) => LoadError::Changed {
                path: self.name.clone(),
            },
            Err(source) => LoadError::Io {
                path: self.name.clone(),
                source,
            },
        };
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(failure);
        false
    }

    /// After the file is read: the first failure to read it, or an error if it changed since
    /// it was opened (its length or modification time differs), so that a graph is never built
    /// of parts of two versions of the file.
    pub(crate) fn finish(&self) -> Result<(), LoadError> {
        if let Some(failure) = self.failure.lock().unwrap_or_else(PoisonError::into_inner).take() {
            return Err(failure);
        }
        let file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        let meta = file.metadata().map_err(|source| LoadError::Io {
            path: self.name.clone(),
            source,
        })?;
        if meta.len() != self.len || meta.modified().ok() != self.modified {
            return Err(LoadError::Changed {
                path: self.name.clone(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::reader::scan::strict_scan_splitting;

    /// The plan of `text` scanned in windows of `window` bytes, by one thread, in chunks of
    /// `chunk` bytes.
    fn plan_of(text: &[u8], window: usize, chunk: usize) -> Plan {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, text).unwrap();
        let threads = Threads {
            min_file_bytes: 0,
            min_chunk_bytes: chunk,
            max: Some(1),
        };
        let windows = Windows {
            window_bytes: window,
            max_chunk_bytes: chunk,
        };
        plan(file, "relations.csv", &Limits::default(), &threads, &windows).unwrap()
    }

    /// Windows that resume where the one before left off cut the file where one scan of the
    /// whole file does, with the same lines and record counts.
    #[test]
    fn windows_split_the_file_as_one_scan_does() {
        let mut text = String::from("a,b\n\n");
        for i in 0..400 {
            text.push_str(&format!("\"{i}\r\nx\"\"y\",{}\r\n", "z".repeat(i % 37)));
            if i % 9 == 0 {
                text.push_str("\r\n\n\rlone,cr\r");
            }
        }
        for (window, chunk) in [(64, 1), (100, 40), (333, 500), (2000, 250)] {
            let Plan::Chunks(planned) = plan_of(text.as_bytes(), window, chunk) else {
                panic!("windows of {window} bytes: not planned");
            };
            let whole = strict_scan_splitting(text.as_bytes(), usize::MAX, chunk);
            assert_eq!(planned.splits, whole.splits, "windows of {window}, chunks of {chunk}");
            assert_eq!(planned.records, whole.records);
            assert!(planned.splits.windows(2).all(|w| w[1].offset - w[0].offset >= chunk));
            assert_eq!(planned.head_end, planned.splits[0].offset);
            let mut bytes = vec![b'!'; 3];
            assert!(planned.read_into(4, 10, &mut bytes));
            assert_eq!(bytes, &text.as_bytes()[4..10]);
            assert!(planned.finish().is_ok());
        }
        // A byte-order mark is skipped: offsets are the text's after it.
        let marked = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
        let Plan::Chunks(planned) = plan_of(&marked, 100, 40) else {
            panic!("not planned");
        };
        assert_eq!(
            planned.splits,
            strict_scan_splitting(text.as_bytes(), usize::MAX, 40).splits
        );
        assert_eq!(planned.head().unwrap(), &text.as_bytes()[..planned.head_end]);
        assert!(planned.head().unwrap().starts_with(b"a,b\n\n"));
    }

    #[test]
    fn a_file_no_larger_than_a_window_is_read_whole() {
        let text = b"a,b\n1,2\n";
        assert!(matches!(plan_of(text, text.len(), 1), Plan::Whole(_)));
        assert!(matches!(plan_of(text, text.len() - 1, 1), Plan::Chunks(_)));
        // Whole, from its start.
        let Plan::Whole(mut file) = plan_of(b"a,b\n\"1\n2\",3\n", 5, 1) else {
            panic!("a record longer than a window is planned");
        };
        let mut read = Vec::new();
        file.read_to_end(&mut read).unwrap();
        assert_eq!(read, b"a,b\n\"1\n2\",3\n");
    }

    #[test]
    fn a_chunk_past_the_end_of_a_file_cut_short_is_a_change() {
        let Plan::Chunks(planned) = plan_of(b"a,b\n1,2\n3,4\n", 5, 1) else {
            panic!("not planned");
        };
        planned.file.lock().unwrap().set_len(6).unwrap();
        let mut bytes = Vec::new();
        assert!(planned.read_into(0, 4, &mut bytes));
        assert_eq!(bytes, b"a,b\n");
        assert!(!planned.read_into(4, 12, &mut bytes));
        assert!(matches!(planned.finish(), Err(LoadError::Changed { .. })));
    }
}

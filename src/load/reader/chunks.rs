//! Reading a large file in chunks, one thread per core, its rows consumed in file order.

use super::body::Body;
use super::planned::Planned;
use super::table::Table;
use crate::model::problem::{compact, Problem, COMPACT_AT};

/// What one chunk of a file gave: its checked rows, its problems and its skipped ids.
struct Chunk<T> {
    values: Vec<T>,
    problems: Vec<Problem>,
    skipped_ids: Vec<String>,
    readable: bool,
}

/// Where the chunks of a file are read from.
#[derive(Clone, Copy)]
pub(crate) enum Origin<'a> {
    /// The whole file, in memory.
    Memory(&'a [u8]),
    /// The file on disk: each thread reads the chunk it parses (into a buffer it keeps).
    Disk(&'a Planned),
}

/// Reads the chunks between `cuts` of the file at `origin` on `workers` threads, and consumes
/// their rows in file order.
pub(crate) fn read_chunks<const N: usize, T: Send>(
    body: &Body<'_, N>,
    origin: Origin<'_>,
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
            // Each thread reads the chunks of a file on disk into a buffer of its own, kept.
            let mut buffer = Vec::new();
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
                let (bytes, from) = match origin {
                    Origin::Memory(bytes) => (&bytes[..to], from),
                    Origin::Disk(plan) => {
                        // With the byte before the chunk, which the reader looks at (see `Body::read`).
                        let before = from.min(1);
                        if !plan.read_into(from - before, to, &mut buffer) {
                            chunk.readable = false; // the failure is the loader's to report
                            if send.send((k, chunk)).is_err() {
                                break;
                            }
                            continue;
                        }
                        (&buffer[..], before)
                    }
                };
                chunk.readable = body.read(
                    bytes,
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
        let mut compact_at = problems.len() + COMPACT_AT;
        for (k, chunk) in receive {
            waiting[k] = Some(chunk);
            while let Some(chunk) = waiting.get_mut(due).and_then(Option::take) {
                problems.extend(chunk.problems);
                table.skipped_ids.extend(chunk.skipped_ids);
                table.readable &= chunk.readable;
                for value in chunk.values {
                    consume(value, problems);
                }
                if problems.len() >= compact_at {
                    compact(problems);
                    compact_at = problems.len() * 2 + COMPACT_AT;
                }
                due += 1;
            }
        }
    });
    table
}

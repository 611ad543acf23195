//! The entities and statements of the export in chunks, formatted on several threads and
//! written in order.
//!
//! Worker `w` of `n` formats chunks `w`, `w + n`, `w + 2n`, … and hands each over a channel
//! that holds two; the writing thread takes chunk `k` from worker `k mod n`. So the output is
//! in order, and at most `3 n` chunks (each a thousand parts) are in memory at a time.

use std::io::Write;
use std::ops::Range;
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender};

use crate::model::handle::{EdgeId, NodeId};

use super::annotated::Layout;
use super::entity::entity;
use super::error::RdfError;
use super::render::Prefixes;
use super::rows::Rows;
use super::statement::statement;
use super::syntax::RdfSyntax;
use super::version::RdfVersion;
use super::writer::{Chunk, Lines, RdfWriter};
use crate::model::graph::Graph;
use crate::verify::SourceTexts;

/// Parts per chunk: large enough to keep the threads busy between hand-overs, small enough
/// to keep a few chunks in memory.
pub(crate) const PARTS: usize = 1000;

/// Channel slots per worker.
const QUEUE: usize = 2;

/// A run of parts of the export.
#[derive(Debug, Clone)]
pub(crate) enum Job {
    /// The entities at these node indices (in [`Layout::Annotated`], each with the statements
    /// of the relations it is the subject of).
    Entities(Range<usize>),
    /// The statements of the relations at these edge indices.
    Statements(Range<usize>),
}

/// The entities and statements of `graph` in chunks of `parts`, in output order. In
/// [`Layout::Annotated`] the statements are written with the entities, so have no jobs.
pub(crate) fn jobs(graph: &Graph, parts: usize, layout: Layout) -> Vec<Job> {
    let g = graph;
    let parts = parts.max(1);
    let cut = move |n: usize| (0..n.div_ceil(parts)).map(move |i| i * parts..((i + 1) * parts).min(n));
    let statements = match layout {
        Layout::Apart => g.relation_count(),
        Layout::Annotated => 0,
    };
    cut(g.entity_count())
        .map(Job::Entities)
        .chain(cut(statements).map(Job::Statements))
        .collect()
}

/// Formats the parts of `job` with `rows` into `each`.
pub(crate) fn run(
    job: &Job,
    graph: &Graph,
    texts: Option<&SourceTexts>,
    version: RdfVersion,
    layout: Layout,
    rows: &mut Rows<'_>,
    mut each: impl FnMut(&mut Rows<'_>) -> Result<(), RdfError>,
) -> Result<(), RdfError> {
    match job {
        Job::Entities(nodes) => {
            for n in nodes.clone() {
                rows.clear();
                let node = NodeId::new(n);
                entity(rows, graph, node)?;
                if layout == Layout::Annotated {
                    for incident in graph.incidents(node).into_iter().filter(|i| i.outgoing) {
                        statement(rows, graph, incident.relation, texts, version)?;
                    }
                }
                each(rows)?;
            }
        }
        Job::Statements(edges) => {
            for e in edges.clone() {
                rows.clear();
                statement(rows, graph, graph.relation_at(EdgeId::new(e)), texts, version)?;
                each(rows)?;
            }
        }
    }
    rows.clear();
    Ok(())
}

/// Formats `jobs` on `threads` threads and writes them to `out` in order. `rows` (of the
/// writing thread) formats again a chunk that cannot simply be joined.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_parallel<W: Write>(
    graph: &Graph,
    texts: Option<&SourceTexts>,
    version: RdfVersion,
    layout: Layout,
    jobs: &[Job],
    threads: usize,
    syntax: RdfSyntax,
    base: &str,
    prefixes: &Prefixes,
    rows: &mut Rows<'_>,
    out: &mut RdfWriter<W>,
) -> Result<(), RdfError> {
    std::thread::scope(|scope| {
        let mut receivers: Vec<Receiver<Result<Chunk, RdfError>>> = Vec::with_capacity(threads);
        // The emptied buffers of written chunks go back to their worker.
        let mut returns: Vec<Sender<Vec<u8>>> = Vec::with_capacity(threads);
        for w in 0..threads {
            let (tx, rx) = sync_channel(QUEUE);
            receivers.push(rx);
            let (back, buffers) = channel();
            returns.push(back);
            scope.spawn(move || {
                let turtle = (syntax == RdfSyntax::Turtle).then_some(prefixes);
                let mut rows = Rows::new(base, turtle);
                let mut lines = Lines::for_chunks(syntax, layout);
                for job in jobs.iter().skip(w).step_by(threads) {
                    let chunk = run(job, graph, texts, version, layout, &mut rows, |r| lines.part(r))
                        .map(|()| lines.take_chunk(buffers.try_recv().ok()));
                    let failed = chunk.is_err();
                    // The writing thread stops taking chunks when it fails; so does this one.
                    if tx.send(chunk).is_err() || failed {
                        break;
                    }
                }
            });
        }
        for (k, job) in jobs.iter().enumerate() {
            let chunk = receivers[k % threads]
                .recv()
                .map_err(|_| RdfError::Io(std::io::Error::other("a thread of the RDF export stopped")))??;
            if out.continues(&chunk) {
                run(job, graph, texts, version, layout, rows, |r| out.part(r))?;
            } else {
                let buffer = out.chunk(chunk)?;
                // A worker that has finished no longer takes buffers back; that is no error.
                let _ = returns[k % threads].send(buffer);
            }
        }
        Ok(())
    })
}

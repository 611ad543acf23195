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
use super::statement::{evidence, statement, statement_triples};
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
    /// The statements of the relations at these edge indices, with their evidence.
    Statements(Range<usize>),
    /// The evidence of the relations at these edge indices ([`Layout::Annotated`]).
    Evidence(Range<usize>),
}

/// The entities and statements of `graph` in chunks of about `parts` parts, in output order.
///
/// In [`Layout::Annotated`] the statements are written with their subject entities, and their
/// evidence after all the entities; an entity counts as one part plus one per statement, so
/// that a chunk holding a much-connected entity is no larger than others.
pub(crate) fn jobs(graph: &Graph, parts: usize, layout: Layout) -> Vec<Job> {
    let g = graph;
    let parts = parts.max(1);
    let cut = move |n: usize| (0..n.div_ceil(parts)).map(move |i| i * parts..((i + 1) * parts).min(n));
    match layout {
        Layout::Apart => cut(g.entity_count())
            .map(Job::Entities)
            .chain(cut(g.relation_count()).map(Job::Statements))
            .collect(),
        Layout::Annotated => {
            let mut jobs = Vec::new();
            let (mut start, mut weight) = (0, 0);
            for n in 0..g.entity_count() {
                weight += 1 + g.edges_at(NodeId::new(n)).filter(|(_, _, outgoing)| *outgoing).count();
                if weight >= parts {
                    jobs.push(Job::Entities(start..n + 1));
                    (start, weight) = (n + 1, 0);
                }
            }
            if start < g.entity_count() {
                jobs.push(Job::Entities(start..g.entity_count()));
            }
            jobs.extend(cut(g.relation_count()).map(Job::Evidence));
            jobs
        }
    }
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
                    for (edge, _, outgoing) in graph.edges_at(node) {
                        if outgoing {
                            statement_triples(rows, graph, graph.relation_at(edge), version)?;
                        }
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
        Job::Evidence(edges) => {
            for e in edges.clone() {
                rows.clear();
                evidence(rows, graph, graph.relation_at(EdgeId::new(e)), texts)?;
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

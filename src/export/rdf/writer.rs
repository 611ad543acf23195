//! The fast writer: the parts of the export, as rendered [`Rows`], written as N-Triples,
//! N-Quads or Turtle.
//!
//! The lines are the ones `oxttl`'s serializers write for the same triples — the same spacing,
//! the same Turtle grouping (`;` for another predicate of the subject, `,` for another object)
//! and prefix declarations — built in a buffer and handed to the writer in large pieces.

use std::io::Write;

use super::error::RdfError;
use super::render::Prefixes;
use super::rows::Rows;
use super::syntax::RdfSyntax;

/// How much output is gathered before it is handed to the writer.
const CHUNK: usize = 1 << 16;

/// Writes parts of the export to `W` in one syntax.
pub(crate) struct RdfWriter<W: Write> {
    syntax: RdfSyntax,
    writer: W,
    out: Vec<u8>,
    /// Turtle: the prefix declarations, written before the first triple.
    prelude: Option<Vec<u8>>,
    /// Turtle: whether a statement is open (its subject and predicate follow).
    open: bool,
    subject: Vec<u8>,
    predicate: Vec<u8>,
}

impl<W: Write> RdfWriter<W> {
    /// A writer of `syntax` to `writer`; Turtle declares `prefixes`.
    pub(crate) fn new(syntax: RdfSyntax, prefixes: &Prefixes, writer: W) -> RdfWriter<W> {
        let prelude = (syntax == RdfSyntax::Turtle).then(|| {
            let mut p = Vec::new();
            for (name, ns) in prefixes.iter() {
                p.extend_from_slice(b"@prefix ");
                p.extend_from_slice(name.as_bytes());
                p.extend_from_slice(b": <");
                p.extend_from_slice(ns.as_bytes());
                p.extend_from_slice(b"> .\n");
            }
            p
        });
        RdfWriter {
            syntax,
            writer,
            out: Vec::with_capacity(CHUNK + (CHUNK >> 2)),
            prelude,
            open: false,
            subject: Vec::new(),
            predicate: Vec::new(),
        }
    }

    /// Writes one part, sorted; hands the output to the writer when enough has gathered.
    pub(crate) fn part(&mut self, rows: &mut Rows<'_>) -> Result<(), RdfError> {
        rows.check_size()?;
        let out = &mut self.out;
        match self.syntax {
            RdfSyntax::NTriples => rows.sorted(false, |r, row| {
                let [s, p, o, _] = r.nt(row);
                line(out, s, p, o, &[]);
            }),
            RdfSyntax::NQuads => rows.sorted(true, |r, row| {
                let [s, p, o, g] = r.nt(row);
                line(out, s, p, o, g);
            }),
            RdfSyntax::Turtle => {
                let (prelude, open, subject, predicate) = (
                    &mut self.prelude,
                    &mut self.open,
                    &mut self.subject,
                    &mut self.predicate,
                );
                rows.sorted(false, |r, row| {
                    let t = r.turtle(row);
                    if let Some(p) = prelude.take() {
                        out.extend_from_slice(&p);
                    }
                    if *open && t.subject_iri == subject.as_slice() {
                        if t.predicate_iri == predicate.as_slice() {
                            out.extend_from_slice(b" , ");
                        } else {
                            out.extend_from_slice(b" ;\n\t");
                            out.extend_from_slice(t.predicate);
                            out.push(b' ');
                            set(predicate, t.predicate_iri);
                        }
                    } else {
                        if *open {
                            out.extend_from_slice(b" .\n");
                        }
                        out.extend_from_slice(t.subject);
                        out.push(b' ');
                        out.extend_from_slice(t.predicate);
                        out.push(b' ');
                        set(subject, t.subject_iri);
                        set(predicate, t.predicate_iri);
                        *open = true;
                    }
                    out.extend_from_slice(t.object);
                });
            }
        }
        if self.out.len() >= CHUNK {
            self.writer.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// Ends the output (closing the last Turtle statement) and hands the writer back.
    pub(crate) fn finish(mut self) -> Result<W, RdfError> {
        if self.open {
            self.out.extend_from_slice(b" .\n");
        }
        self.writer.write_all(&self.out)?;
        Ok(self.writer)
    }
}

/// `s p o [g] .` and a line break.
fn line(out: &mut Vec<u8>, s: &[u8], p: &[u8], o: &[u8], g: &[u8]) {
    out.extend_from_slice(s);
    out.push(b' ');
    out.extend_from_slice(p);
    out.push(b' ');
    out.extend_from_slice(o);
    if !g.is_empty() {
        out.push(b' ');
        out.extend_from_slice(g);
    }
    out.extend_from_slice(b" .\n");
}

fn set(v: &mut Vec<u8>, bytes: &[u8]) {
    v.clear();
    v.extend_from_slice(bytes);
}

//! The fast writer: the parts of the export, as rendered [`Rows`], written as N-Triples,
//! N-Quads or Turtle.
//!
//! The lines are the ones `oxttl`'s serializers write for the same triples — the same spacing,
//! the same Turtle grouping (`;` for another predicate of the subject, `,` for another object)
//! and prefix declarations — built in a buffer and handed to the writer in large pieces.
//!
//! Turtle 1.2 ([`Layout::Annotated`]) writes each reifier as an annotation of the triple it
//! reifies (see [`super::annotated`]), which `oxttl` cannot write; those lines are checked
//! against `oxttl`'s as sets of triples instead.
//!
//! Parts can also be formatted apart, in [`Chunk`]s (on other threads), and joined in order:
//! a chunk is formatted as if a Turtle statement were open before it, and the join fixes that
//! up from the state the output really is in.

use std::io::Write;

use super::annotated::{Layout, Plan};
use super::error::RdfError;
use super::render::Prefixes;
use super::rows::{Row, Rows, TurtleRow};
use super::syntax::RdfSyntax;

/// How much output is gathered before it is handed to the writer.
const CHUNK: usize = 1 << 16;

/// Formats parts as lines of one syntax into a buffer.
#[derive(Debug)]
pub(crate) struct Lines {
    syntax: RdfSyntax,
    layout: Layout,
    out: Vec<u8>,
    /// Turtle: the directives, written before the first triple.
    prelude: Option<Vec<u8>>,
    /// Turtle: the statement being written.
    turtle: Statement,
    /// Annotated Turtle: the rows of a part in order (the buffer kept from part to part).
    list: Vec<Row>,
}

/// A Turtle statement being written: `subject predicate object`, continued by ` , object` or
/// ` ;` and another predicate, closed by ` .`.
#[derive(Debug, Default)]
struct Statement {
    /// Whether a statement is open (its subject and predicate follow).
    open: bool,
    subject: Vec<u8>,
    predicate: Vec<u8>,
    /// The subject of the first triple of the chunk, if it has one.
    first_subject: Option<Vec<u8>>,
}

impl Statement {
    /// Writes the triple `t` at the top level: continues the open statement if `t` has its
    /// subject, else closes it and opens another; the prelude first if it is still due.
    fn push(&mut self, out: &mut Vec<u8>, prelude: &mut Option<Vec<u8>>, t: &TurtleRow<'_>) {
        if let Some(p) = prelude.take() {
            out.extend_from_slice(&p);
        }
        if self.first_subject.is_none() {
            self.first_subject = Some(t.subject_iri.to_vec());
        }
        if self.open && t.subject_iri == self.subject.as_slice() {
            if t.predicate_iri == self.predicate.as_slice() {
                out.extend_from_slice(b" , ");
            } else {
                out.extend_from_slice(b" ;\n\t");
                out.extend_from_slice(t.predicate);
                out.push(b' ');
                set(&mut self.predicate, t.predicate_iri);
            }
        } else {
            if self.open {
                out.extend_from_slice(b" .\n");
            }
            out.extend_from_slice(t.subject);
            out.push(b' ');
            out.extend_from_slice(t.predicate);
            out.push(b' ');
            set(&mut self.subject, t.subject_iri);
            set(&mut self.predicate, t.predicate_iri);
            self.open = true;
        }
        out.extend_from_slice(t.object);
    }
}

/// Parts formatted apart from the output, to be joined to it in order.
#[derive(Debug)]
pub(crate) struct Chunk {
    out: Vec<u8>,
    first_subject: Option<Vec<u8>>,
    subject: Vec<u8>,
    predicate: Vec<u8>,
}

impl Lines {
    fn new(syntax: RdfSyntax, layout: Layout, prelude: Option<Vec<u8>>, open: bool) -> Lines {
        Lines {
            syntax,
            layout,
            out: Vec::with_capacity(CHUNK + (CHUNK >> 2)),
            prelude,
            turtle: Statement {
                open,
                ..Statement::default()
            },
            list: Vec::new(),
        }
    }

    /// Lines for formatting chunks: as if a statement were open, with a subject no IRI equals.
    pub(crate) fn for_chunks(syntax: RdfSyntax, layout: Layout) -> Lines {
        Lines::new(syntax, layout, None, true)
    }

    /// Formats one part, sorted.
    pub(crate) fn part(&mut self, rows: &mut Rows<'_>) -> Result<(), RdfError> {
        rows.check_size()?;
        if self.syntax == RdfSyntax::Turtle && self.layout == Layout::Annotated {
            self.annotated(rows);
            return Ok(());
        }
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
                let (prelude, turtle) = (&mut self.prelude, &mut self.turtle);
                rows.sorted(false, |r, row| turtle.push(out, prelude, &r.turtle(row)));
            }
        }
        Ok(())
    }

    /// Formats one part as Turtle 1.2, each reifier that can be as an annotation of the
    /// triple it reifies (see [`Plan`]), its block indented with two tabs and closed with one:
    ///
    /// ```text
    /// subject predicate object ~ reifier {|
    ///         predicate object ;
    ///         predicate object , object
    ///     |} , object ~ reifier {|
    ///     …
    /// ```
    fn annotated(&mut self, rows: &mut Rows<'_>) {
        let mut list = std::mem::take(&mut self.list);
        list.clear();
        rows.sorted(false, |_, row| list.push(*row));
        let plan = Plan::new(rows, &list);
        let out = &mut self.out;
        for (i, row) in list.iter().enumerate() {
            if plan.inside(i) {
                continue;
            }
            self.turtle.push(out, &mut self.prelude, &rows.turtle(row));
            for run in plan.annotations(i) {
                out.extend_from_slice(b" ~ ");
                out.extend_from_slice(rows.turtle(&list[run.start]).subject);
                let mut predicate: Option<&[u8]> = None;
                for j in run.filter(|&j| !plan.implied(j)) {
                    let t = rows.turtle(&list[j]);
                    match predicate {
                        Some(p) if p == t.predicate_iri => out.extend_from_slice(b" , "),
                        _ => {
                            out.extend_from_slice(if predicate.is_some() { b" ;\n\t\t" } else { b" {|\n\t\t" });
                            out.extend_from_slice(t.predicate);
                            out.push(b' ');
                            predicate = Some(t.predicate_iri);
                        }
                    }
                    out.extend_from_slice(t.object);
                }
                if predicate.is_some() {
                    out.extend_from_slice(b"\n\t|}");
                }
            }
        }
        self.list = list;
    }

    /// The chunk formatted so far; the lines start afresh for the next one, in `buffer` (an
    /// emptied buffer of an earlier chunk, so as not to fault in fresh memory for each).
    pub(crate) fn take_chunk(&mut self, buffer: Option<Vec<u8>>) -> Chunk {
        let chunk = Chunk {
            out: std::mem::replace(&mut self.out, buffer.unwrap_or_default()),
            first_subject: self.turtle.first_subject.take(),
            subject: std::mem::take(&mut self.turtle.subject),
            predicate: std::mem::take(&mut self.turtle.predicate),
        };
        self.turtle.open = true;
        chunk
    }
}

/// Writes parts of the export to `W` in one syntax.
pub(crate) struct RdfWriter<W: Write> {
    writer: W,
    lines: Lines,
}

impl<W: Write> RdfWriter<W> {
    /// A writer of `syntax` in `layout` to `writer`; Turtle declares `prefixes`, annotated
    /// Turtle announces its version first (`@version "1.2" .`).
    pub(crate) fn new(syntax: RdfSyntax, layout: Layout, prefixes: &Prefixes, writer: W) -> RdfWriter<W> {
        let prelude = (syntax == RdfSyntax::Turtle).then(|| {
            let mut p = Vec::new();
            if layout == Layout::Annotated {
                p.extend_from_slice(b"@version \"1.2\" .\n");
            }
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
            writer,
            lines: Lines::new(syntax, layout, prelude, false),
        }
    }

    /// Writes one part; hands the output to the writer when enough has gathered.
    pub(crate) fn part(&mut self, rows: &mut Rows<'_>) -> Result<(), RdfError> {
        self.lines.part(rows)?;
        self.lines.turtle.first_subject = None;
        self.drain(CHUNK)
    }

    /// Whether `chunk` cannot simply be joined: its first triple continues the open Turtle
    /// statement. (Never so for the export's parts, whose subjects are their own; should it
    /// happen, the chunk is to be formatted again with [`RdfWriter::part`].)
    pub(crate) fn continues(&self, chunk: &Chunk) -> bool {
        let turtle = &self.lines.turtle;
        turtle.open && chunk.first_subject.as_deref() == Some(turtle.subject.as_slice())
    }

    /// Joins a chunk formatted apart (and not [`RdfWriter::continues`]); hands back its
    /// buffer, emptied, for another.
    pub(crate) fn chunk(&mut self, mut chunk: Chunk) -> Result<Vec<u8>, RdfError> {
        self.join(&chunk)?;
        chunk.out.clear();
        Ok(chunk.out)
    }

    fn join(&mut self, chunk: &Chunk) -> Result<(), RdfError> {
        if self.lines.syntax != RdfSyntax::Turtle {
            self.drain(0)?;
            self.writer.write_all(&chunk.out)?;
            return Ok(());
        }
        if chunk.first_subject.is_none() {
            return Ok(());
        }
        let mut bytes = chunk.out.as_slice();
        if !self.lines.turtle.open {
            // Nothing was written yet: no statement to close, and the prefixes come first.
            bytes = bytes.strip_prefix(b" .\n").unwrap_or(bytes);
            if let Some(p) = self.lines.prelude.take() {
                self.lines.out.extend_from_slice(&p);
            }
        }
        self.drain(0)?;
        self.writer.write_all(bytes)?;
        let turtle = &mut self.lines.turtle;
        turtle.open = true;
        set(&mut turtle.subject, &chunk.subject);
        set(&mut turtle.predicate, &chunk.predicate);
        Ok(())
    }

    /// Writes the buffered output if it holds at least `at_least` bytes.
    fn drain(&mut self, at_least: usize) -> Result<(), RdfError> {
        if !self.lines.out.is_empty() && self.lines.out.len() >= at_least {
            self.writer.write_all(&self.lines.out)?;
            self.lines.out.clear();
        }
        Ok(())
    }

    /// Ends the output (closing the last Turtle statement) and hands the writer back.
    pub(crate) fn finish(mut self) -> Result<W, RdfError> {
        if self.lines.turtle.open {
            self.lines.out.extend_from_slice(b" .\n");
        }
        self.drain(0)?;
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

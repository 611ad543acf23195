//! Rows: one part of the export with its terms already rendered to bytes, for the fast writer.
//!
//! The same part as a [`super::block::Block`], sorted and deduplicated in the same order, but
//! with no `oxrdf` term built: every term is rendered once, as it is described, into one arena
//! of bytes reused from part to part, and a row is four ranges of it. Sorting compares those
//! bytes. The IRIs used over and over (the standard vocabularies', the export's own vocabulary)
//! are rendered once per export and kept at the start of the arena, so every use of one is the
//! same range.

use std::cmp::Ordering;
use std::fmt::Write as _;

use oxrdf::vocab::xsd;
use oxrdf::{NamedNode, NamedNodeRef};
use rustc_hash::FxHashMap;

use super::error::RdfError;
use super::iris::{self, Local, VOCAB};
use super::render::{is_turtle_boolean, quote, Prefixes};
use super::sink::{Iri, Object, Sink};
use crate::model::minted::{push_annotation_local, push_evidence_local, push_inverse_name};
use crate::model::relation::RelationId;

/// An IRI rendered into the arena: its N-Triples form `<iri>` and its form in the output
/// syntax (the same range, or a Turtle prefixed name).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    nt: (u32, u32),
    out: (u32, u32),
    /// For an IRI rendered once per export and kept, its place in the order of all those
    /// kept (equal IRIs, equal places), so that two are compared without reading them;
    /// [`UNRANKED`] for the others.
    rank: u32,
}

/// The rank of a node that has none.
const UNRANKED: u32 = u32::MAX;

/// The most subjects of a part that [`Rows::rank_subjects`] ranks.
const RANKED_SUBJECTS: usize = 16;

/// An object rendered into the arena: its N-Triples form (the sort key) and its form in the
/// output syntax.
#[derive(Debug, Clone, Copy)]
struct Term {
    nt: (u32, u32),
    out: (u32, u32),
}

/// One triple or quad of the part.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    graph: Option<Node>,
    subject: Node,
    predicate: Node,
    object: Term,
    /// The subject is the part's own resource (the first subject added): written first.
    lead: bool,
    /// The predicate is `rdf:type`: written first, and as `a` in Turtle.
    is_type: bool,
    /// The subject's place among the part's subjects while they are sorted (equal IRIs,
    /// equal places), or [`UNRANKED`]: see [`Rows::rank_subjects`].
    subject_rank: u32,
}

/// An IRI rendered once per export, by its cache key.
#[derive(Debug)]
enum Constant {
    Fixed((usize, usize)),
    Vocab(Box<str>),
}

/// The Turtle prefixes that can abbreviate the IRIs of each namespace of the export.
#[derive(Debug)]
struct Turtle<'p> {
    prefixes: &'p Prefixes,
    /// `(namespace, candidate prefixes)`, for each of the export's namespaces.
    namespaces: Vec<(&'static str, Vec<(usize, bool)>)>,
    everything: Vec<(usize, bool)>,
}

/// The rows of one part of the export; cleared and refilled for each part.
#[derive(Debug)]
pub(crate) struct Rows<'p> {
    base: &'p str,
    /// `Some` when writing Turtle.
    turtle: Option<Turtle<'p>>,
    arena: Vec<u8>,
    rows: Vec<Row>,
    order: Vec<u32>,
    /// The part's distinct subjects, while they are ranked.
    subjects: Vec<Node>,
    lead: Option<Node>,
    /// The IRIs rendered once per export, kept at the start of the arena (see
    /// [`Rows::clear`]), so that every use of one is the same range, neither copied nor
    /// compared byte by byte with itself. Keyed by where the `'static` text is: two keys may
    /// hold the same IRI, never one key two.
    fixed: FxHashMap<(usize, usize), Node>,
    /// The export's own vocabulary, by local name.
    vocab: FxHashMap<Box<str>, Node>,
    /// Where the part's own bytes start in the arena: before are the IRIs rendered once.
    kept: usize,
    /// The IRIs rendered once that were first rendered in this part, among its bytes.
    fresh: Vec<Constant>,
    /// The parts `(subject, predicate, object)` of each triple term of the part, by where its
    /// N-Triples form starts in the arena (a row's object range): for Turtle 1.2's annotations.
    triple_terms: FxHashMap<u32, [Node; 3]>,
    /// The last relation id written as text, with its text.
    relation: Option<(RelationId, String)>,
    /// The IRI being rendered.
    text: String,
    /// The namespace `text` starts with (after the base), when the IRI rendered last was minted.
    spelled: Option<&'static str>,
    /// The evidence local name of an annotation's IRI being rendered.
    evidence: String,
}

/// The cache key of a `'static` text: its address and length, hashed and compared without
/// reading it.
fn static_key(text: &'static str) -> (usize, usize) {
    (text.as_ptr() as usize, text.len())
}

/// `<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`, which sorts first and is written `a`.
const RDF_TYPE: &[u8] = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

/// `<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>`, which ties a reifier to its triple.
const RDF_REIFIES: &[u8] = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>";

impl<'p> Rows<'p> {
    /// Empty rows for IRIs under `base`, abbreviated with `prefixes` if writing Turtle.
    pub(crate) fn new(base: &'p str, prefixes: Option<&'p Prefixes>) -> Rows<'p> {
        let turtle = prefixes.map(|prefixes| {
            let namespaces = [
                iris::VOCAB,
                iris::ENTITY,
                iris::RELATION,
                iris::EVIDENCE,
                iris::SOURCE,
                iris::GRAPH,
            ]
            .into_iter()
            .map(|ns| (ns, prefixes.candidates(&format!("{base}{ns}"))))
            .collect();
            Turtle {
                prefixes,
                namespaces,
                everything: prefixes.candidates(""),
            }
        });
        Rows {
            base,
            turtle,
            arena: Vec::with_capacity(1 << 12),
            rows: Vec::new(),
            order: Vec::new(),
            subjects: Vec::new(),
            lead: None,
            fixed: FxHashMap::default(),
            vocab: FxHashMap::default(),
            kept: 0,
            fresh: Vec::new(),
            triple_terms: FxHashMap::default(),
            relation: None,
            text: String::new(),
            spelled: None,
            evidence: String::new(),
        }
    }

    /// Empties the rows for the next part (the IRIs rendered once per export are kept).
    pub(crate) fn clear(&mut self) {
        self.keep_fresh();
        self.arena.truncate(self.kept);
        self.rows.clear();
        self.triple_terms.clear();
        self.lead = None;
    }

    fn bytes(&self, (start, end): (u32, u32)) -> &[u8] {
        // Out of range only past 4 GiB, which `check_size` refuses before anything is written.
        self.arena.get(start as usize..end as usize).unwrap_or_default()
    }

    /// The IRI of a node, without its angle brackets.
    fn bare(&self, n: Node) -> &[u8] {
        let (start, end) = n.nt;
        self.arena
            .get(start as usize + 1..(end as usize).saturating_sub(1))
            .unwrap_or_default()
    }

    fn mark(&self) -> u32 {
        // A part holds far less than 4 GiB; should one not, the ranges would be wrong, so
        // refuse to go on rather than write garbage (see `check_size`).
        self.arena.len() as u32
    }

    /// Moves the IRIs first rendered in this part to the kept start of the arena: their bytes
    /// are copied to its end, the part's bytes removed from between, and their ranges updated.
    fn keep_fresh(&mut self) {
        if self.fresh.is_empty() {
            return;
        }
        let end = self.arena.len();
        let shift = (end - self.kept) as u32;
        for constant in std::mem::take(&mut self.fresh) {
            let node = match &constant {
                Constant::Fixed(key) => self.fixed.get_mut(key),
                Constant::Vocab(name) => self.vocab.get_mut(name),
            };
            let Some(node) = node else { continue };
            let arena = &mut self.arena;
            let mut moved = |(a, b): (u32, u32)| {
                let start = arena.len() as u32;
                arena.extend_from_within(a as usize..b as usize);
                (start - shift, arena.len() as u32 - shift)
            };
            let nt = moved(node.nt);
            let out = if node.out == node.nt { nt } else { moved(node.out) };
            *node = Node {
                nt,
                out,
                rank: UNRANKED,
            };
        }
        self.arena.drain(self.kept..end);
        self.kept = self.arena.len();
        self.rank_kept();
    }

    /// Ranks the kept IRIs by their bare IRIs, the order [`Rows::compare_nodes`] sorts by.
    fn rank_kept(&mut self) {
        let arena = &self.arena;
        let bare = |n: &Node| arena.get(n.nt.0 as usize + 1..(n.nt.1 as usize).saturating_sub(1));
        let mut nodes: Vec<&mut Node> = self.fixed.values_mut().chain(self.vocab.values_mut()).collect();
        nodes.sort_unstable_by(|a, b| bare(a).cmp(&bare(b)));
        let mut rank = 0;
        for i in 0..nodes.len() {
            if i > 0 && bare(nodes[i - 1]) != bare(nodes[i]) {
                rank += 1;
            }
            nodes[i].rank = rank;
        }
    }

    /// Renders `iri` fresh into the arena.
    fn render(&mut self, iri: Iri<'_>) -> Result<Node, RdfError> {
        // The IRI is spelled out in `text` first, for Turtle to abbreviate.
        let mut text = std::mem::take(&mut self.text);
        // `text` still starts with the namespace of the IRI rendered last, if it was minted.
        let spelled = self.spelled.take();
        let namespace = match iri {
            Iri::Minted(ns, local) => {
                if spelled.is_some_and(|s| std::ptr::eq(s, ns)) {
                    text.truncate(self.base.len() + ns.len());
                } else {
                    text.clear();
                    text.push_str(self.base);
                    text.push_str(ns);
                }
                self.local(&mut text, local);
                Some(ns)
            }
            Iri::Fixed(iri) => {
                text.clear();
                text.push_str(iri.as_str());
                None
            }
            Iri::Data(data) => {
                // Checked as the reference path checks it, so both fail on the same data.
                NamedNode::new(data).map_err(|e| RdfError::BadIri {
                    iri: data.to_owned(),
                    reason: e.to_string(),
                })?;
                text.clear();
                text.push_str(data);
                None
            }
        };
        let start = self.mark();
        self.arena.push(b'<');
        self.arena.extend_from_slice(text.as_bytes());
        self.arena.push(b'>');
        let nt = (start, self.mark());
        let out = match &self.turtle {
            Some(t) => {
                let candidates = namespace
                    .and_then(|ns| t.namespaces.iter().find(|(n, _)| *n == ns))
                    .map_or(t.everything.as_slice(), |(_, c)| c.as_slice());
                t.prefixes.abbreviate(&text, candidates, &mut self.arena);
                (nt.1, self.mark())
            }
            None => nt,
        };
        self.text = text;
        self.spelled = namespace;
        Ok(Node {
            nt,
            out,
            rank: UNRANKED,
        })
    }

    /// Appends a local name to `text`.
    fn local(&mut self, text: &mut String, local: Local<'_>) {
        match local {
            Local::Name(name) => text.push_str(name),
            Local::Inverse(id) => push_inverse_name(text, id),
            Local::Relation(r) => text.push_str(self.relation_text(r)),
            Local::Evidence(r, source, n) => push_evidence_local(text, self.relation_text(r), source, n),
            Local::Annotation(r, source, n, part, k) => {
                let mut evidence = std::mem::take(&mut self.evidence);
                evidence.clear();
                push_evidence_local(&mut evidence, self.relation_text(r), source, n);
                push_annotation_local(text, &evidence, part, k);
                self.evidence = evidence;
            }
        }
    }

    /// The text of a relation id, formatted once for all the IRIs of its part.
    fn relation_text(&mut self, r: RelationId) -> &str {
        match &mut self.relation {
            Some((id, _)) if *id == r => {}
            slot => {
                let mut text = slot.take().map(|(_, t)| t).unwrap_or_default();
                text.clear();
                let _ = write!(text, "{r}");
                *slot = Some((r, text));
            }
        }
        self.relation.as_ref().map_or("", |(_, t)| t.as_str())
    }

    /// Renders an object.
    fn term(&mut self, object: Object<'_, Node>) -> Term {
        match object {
            Object::Node(n) => Term { nt: n.nt, out: n.out },
            Object::Plain(text) => {
                let start = self.mark();
                quote(text, &mut self.arena);
                let nt = (start, self.mark());
                Term { nt, out: nt }
            }
            Object::English(text) => {
                let start = self.mark();
                quote(text, &mut self.arena);
                self.arena.extend_from_slice(b"@en");
                let nt = (start, self.mark());
                Term { nt, out: nt }
            }
            Object::Typed(text, datatype) => self.typed(text, datatype),
            Object::True => self.typed("true", xsd::BOOLEAN),
            Object::TripleTerm(s, p, o) => {
                // `<<( s p o )>>`, in N-Triples form and in the output's form (prefixed names
                // in Turtle), as `oxttl` writes a triple term.
                let form = |r: &mut Rows<'_>, [s, p, o]: [(u32, u32); 3]| {
                    let start = r.mark();
                    r.arena.extend_from_slice(b"<<( ");
                    for (i, (a, b)) in [s, p, o].into_iter().enumerate() {
                        if i > 0 {
                            r.arena.push(b' ');
                        }
                        r.arena.extend_from_within(a as usize..b as usize);
                    }
                    r.arena.extend_from_slice(b" )>>");
                    (start, r.mark())
                };
                let nt = form(self, [s.nt, p.nt, o.nt]);
                self.triple_terms.insert(nt.0, [*s, *p, *o]);
                if self.turtle.is_none() {
                    return Term { nt, out: nt };
                }
                let out = form(self, [s.out, p.out, o.out]);
                Term { nt, out }
            }
        }
    }

    /// Renders a typed literal: `"value"^^<datatype>`; in Turtle, a boolean bare and the
    /// datatype as a prefixed name.
    fn typed(&mut self, text: &str, datatype: NamedNodeRef<'static>) -> Term {
        let prefixed = match self.turtle {
            Some(_) => self.iri(Iri::Fixed(datatype)).ok().map(|n| n.out),
            None => None,
        };
        let start = self.mark();
        quote(text, &mut self.arena);
        self.arena.extend_from_slice(b"^^<");
        self.arena.extend_from_slice(datatype.as_str().as_bytes());
        self.arena.push(b'>');
        let nt = (start, self.mark());
        if self.turtle.is_none() {
            return Term { nt, out: nt };
        }
        let out_start = self.mark();
        if datatype == xsd::BOOLEAN && is_turtle_boolean(text) {
            self.arena.extend_from_slice(text.as_bytes());
        } else {
            quote(text, &mut self.arena);
            self.arena.extend_from_slice(b"^^");
            if let Some((a, b)) = prefixed {
                self.arena.extend_from_within(a as usize..b as usize);
            }
        }
        Term {
            nt,
            out: (out_start, self.mark()),
        }
    }

    /// Fails if the part has grown past what the ranges can address.
    pub(crate) fn check_size(&self) -> Result<(), RdfError> {
        if self.arena.len() >= u32::MAX as usize {
            return Err(RdfError::Io(std::io::Error::other(
                "one resource's triples are over 4 GiB of RDF",
            )));
        }
        Ok(())
    }

    /// Sorts the rows as [`super::block::Block`] sorts its quads (`quads`) or triples, and
    /// calls `each` on every row in order, repeats skipped.
    pub(crate) fn sorted(&mut self, quads: bool, mut each: impl FnMut(&Rows<'p>, &Row)) {
        self.rank_subjects();
        let mut order = std::mem::take(&mut self.order);
        order.clear();
        order.extend(0..self.rows.len() as u32);
        let key = |a: &Row, b: &Row| match (a.graph, b.graph) {
            (Some(x), Some(y)) => self.compare_nodes(x, y),
            _ => self.graph_key(a).cmp(self.graph_key(b)),
        };
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&self.rows[a as usize], &self.rows[b as usize]);
            let by_graph = if quads { key(a, b) } else { Ordering::Equal };
            by_graph.then_with(|| self.compare_triples(a, b))
        });
        let mut previous: Option<&Row> = None;
        for &i in &order {
            let row = &self.rows[i as usize];
            let repeat = previous.is_some_and(|p| {
                self.compare_triples(p, row) == Ordering::Equal && (!quads || key(p, row) == Ordering::Equal)
            });
            if !repeat {
                each(self, row);
            }
            previous = Some(row);
        }
        self.order = order;
    }

    /// Ranks the part's subjects in the order [`Rows::compare_nodes`] sorts them, so that
    /// sorting the rows compares two subjects once, not at every comparison of their rows. A
    /// part has a few subjects (its resource, a statement's evidence, an annotation's target
    /// and selector); one with more than [`RANKED_SUBJECTS`] is left unranked (its subjects
    /// compared as bytes), which gives the same order.
    fn rank_subjects(&mut self) {
        let mut subjects = std::mem::take(&mut self.subjects);
        subjects.clear();
        let mut ranked = true;
        for row in &mut self.rows {
            // The same node is the same range: a subject is usually one node for all its rows.
            let at = match subjects.iter().position(|n| n.nt == row.subject.nt) {
                Some(at) => at,
                None if subjects.len() < RANKED_SUBJECTS => {
                    subjects.push(row.subject);
                    subjects.len() - 1
                }
                None => {
                    ranked = false;
                    break;
                }
            };
            row.subject_rank = at as u32;
        }
        if !ranked {
            self.rows.iter_mut().for_each(|r| r.subject_rank = UNRANKED);
            self.subjects = subjects;
            return;
        }
        let mut by_iri: [u32; RANKED_SUBJECTS] = std::array::from_fn(|i| i as u32);
        let by_iri = &mut by_iri[..subjects.len()];
        by_iri.sort_unstable_by(|&a, &b| self.compare_nodes(subjects[a as usize], subjects[b as usize]));
        let mut rank = [0u32; RANKED_SUBJECTS];
        let mut r = 0;
        for k in 0..by_iri.len() {
            let (this, previous) = (subjects[by_iri[k] as usize], by_iri.get(k.wrapping_sub(1)));
            if previous.is_some_and(|&p| self.compare_nodes(subjects[p as usize], this) != Ordering::Equal) {
                r += 1;
            }
            rank[by_iri[k] as usize] = r;
        }
        for row in &mut self.rows {
            row.subject_rank = rank[row.subject_rank as usize];
        }
        self.subjects = subjects;
    }

    /// The graph's sort key: its IRI, or `DEFAULT` (what `oxrdf` prints for the default graph).
    fn graph_key(&self, r: &Row) -> &[u8] {
        match r.graph {
            Some(g) => self.bare(g),
            None => b"DEFAULT",
        }
    }

    /// Subject (the part's own first), predicate (`rdf:type` first), object: bare IRIs for the
    /// subject and predicate, the N-Triples form for the object.
    fn compare_triples(&self, a: &Row, b: &Row) -> Ordering {
        b.lead
            .cmp(&a.lead)
            .then_with(|| match (a.subject_rank, b.subject_rank) {
                (UNRANKED, _) | (_, UNRANKED) => self.compare_nodes(a.subject, b.subject),
                (x, y) => x.cmp(&y),
            })
            .then_with(|| b.is_type.cmp(&a.is_type))
            .then_with(|| self.compare_nodes(a.predicate, b.predicate))
            .then_with(|| self.compare(a.object.nt, b.object.nt))
    }

    /// Compares the IRIs of two nodes; a node used twice is one range, equal without reading it.
    fn compare_nodes(&self, a: Node, b: Node) -> Ordering {
        if a.nt == b.nt {
            Ordering::Equal
        } else if a.rank != UNRANKED && b.rank != UNRANKED {
            a.rank.cmp(&b.rank)
        } else {
            self.bare(a).cmp(self.bare(b))
        }
    }

    /// Compares two ranges of bytes.
    fn compare(&self, a: (u32, u32), b: (u32, u32)) -> Ordering {
        if a == b {
            Ordering::Equal
        } else {
            self.bytes(a).cmp(self.bytes(b))
        }
    }

    /// The N-Triples form of a row's subject, predicate, object and graph.
    pub(crate) fn nt(&self, row: &Row) -> [&[u8]; 4] {
        [
            self.bytes(row.subject.nt),
            self.bytes(row.predicate.nt),
            self.bytes(row.object.nt),
            row.graph.map_or(&[][..], |g| self.bytes(g.nt)),
        ]
    }

    /// If `row` says `reifier rdf:reifies <<( s p o )>>`: the N-Triples forms of `s`, `p`, `o`.
    pub(crate) fn reified(&self, row: &Row) -> Option<[&[u8]; 3]> {
        if self.bytes(row.predicate.nt) != RDF_REIFIES {
            return None;
        }
        let [s, p, o] = self.triple_terms.get(&row.object.nt.0)?;
        Some([self.bytes(s.nt), self.bytes(p.nt), self.bytes(o.nt)])
    }

    /// The IRI of a row's subject, without its angle brackets.
    pub(crate) fn subject_iri(&self, row: &Row) -> &[u8] {
        self.bare(row.subject)
    }

    /// The Turtle form of a row's subject, predicate (`a` for `rdf:type`) and object, with the
    /// bare subject and predicate IRIs to tell when they change.
    pub(crate) fn turtle(&self, row: &Row) -> TurtleRow<'_> {
        TurtleRow {
            subject_iri: self.bare(row.subject),
            predicate_iri: self.bare(row.predicate),
            subject: self.bytes(row.subject.out),
            predicate: if row.is_type {
                b"a"
            } else {
                self.bytes(row.predicate.out)
            },
            object: self.bytes(row.object.out),
        }
    }
}

/// A row as Turtle pieces.
pub(crate) struct TurtleRow<'a> {
    pub(crate) subject_iri: &'a [u8],
    pub(crate) predicate_iri: &'a [u8],
    pub(crate) subject: &'a [u8],
    pub(crate) predicate: &'a [u8],
    pub(crate) object: &'a [u8],
}

impl Sink for Rows<'_> {
    type Node = Node;

    fn iri(&mut self, iri: Iri<'_>) -> Result<Node, RdfError> {
        // The IRIs every part uses are rendered once per export.
        match iri {
            Iri::Fixed(f) => {
                let key = static_key(f.as_str());
                if let Some(&node) = self.fixed.get(&key) {
                    return Ok(node);
                }
                let node = self.render(iri)?;
                self.fixed.insert(key, node);
                self.fresh.push(Constant::Fixed(key));
                Ok(node)
            }
            Iri::Minted(VOCAB, Local::Name(name)) => {
                if let Some(&node) = self.vocab.get(name) {
                    return Ok(node);
                }
                let node = self.render(iri)?;
                self.vocab.insert(name.into(), node);
                self.fresh.push(Constant::Vocab(name.into()));
                Ok(node)
            }
            _ => self.render(iri),
        }
    }

    fn add_in(&mut self, graph: Option<&Node>, subject: &Node, predicate: &Node, object: Object<'_, Node>) {
        let lead = *self.lead.get_or_insert(*subject);
        let object = self.term(object);
        let row = Row {
            graph: graph.copied(),
            subject: *subject,
            predicate: *predicate,
            object,
            lead: lead.nt == subject.nt || self.bytes(lead.nt) == self.bytes(subject.nt),
            is_type: self.bytes(predicate.nt) == RDF_TYPE,
            subject_rank: UNRANKED,
        };
        self.rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use oxrdf::vocab::rdf;

    use super::*;

    #[test]
    fn type_first_lead_first_repeats_once() {
        let mut rows = Rows::new("http://example.org/", None);
        let s = rows.iri(Iri::Data("http://example.org/s")).unwrap();
        let t = rows.iri(Iri::Data("http://example.org/t")).unwrap();
        let p = rows.iri(Iri::Data("http://example.org/a")).unwrap();
        let a = rows.iri(Iri::Fixed(rdf::TYPE)).unwrap();
        rows.add(&t, &p, Object::Plain("x"));
        rows.add(&s, &p, Object::Plain("x"));
        rows.add(&t, &a, Object::Node(&p));
        rows.add(&t, &p, Object::Plain("x"));
        let mut lines = Vec::new();
        rows.sorted(false, |r, row| lines.push(r.nt(row)[..3].concat()));
        let lines: Vec<String> = lines.into_iter().map(|l| String::from_utf8(l).unwrap()).collect();
        assert_eq!(
            lines,
            [
                "<http://example.org/t><http://www.w3.org/1999/02/22-rdf-syntax-ns#type><http://example.org/a>",
                "<http://example.org/t><http://example.org/a>\"x\"",
                "<http://example.org/s><http://example.org/a>\"x\"",
            ]
        );
    }
}

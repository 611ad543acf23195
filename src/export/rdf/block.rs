//! A block: the quads about one resource (or a few tied to it), sorted before they are written.
//!
//! The export is a sequence of blocks — the vocabulary, each source, each entity, each
//! statement with its evidence — in graph order. No subject appears in two blocks, so sorting
//! each block on its own makes the whole output sorted by block and byte-stable, while only one
//! block is ever held in memory.

use oxrdf::vocab::rdf;
use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple};

use super::error::RdfError;
use super::iris::Iris;
use super::sink::{Iri, Object, Sink};

/// Quads gathered for one part of the export, as `oxrdf` terms: the reference form of the
/// export, behind [`super::RdfExport::quads`].
#[derive(Debug)]
pub(crate) struct Block<'i> {
    iris: &'i Iris,
    quads: Vec<Quad>,
    /// The first subject added: the block's own resource, written first.
    lead: Option<NamedNode>,
}

impl Sink for Block<'_> {
    type Node = NamedNode;

    fn iri(&mut self, iri: Iri<'_>) -> Result<NamedNode, RdfError> {
        match iri {
            Iri::Minted(ns, local) => self.iris.minted(ns, local),
            Iri::Fixed(iri) => Ok(iri.into_owned()),
            Iri::Data(text) => NamedNode::new(text).map_err(|e| RdfError::BadIri {
                iri: text.to_owned(),
                reason: e.to_string(),
            }),
        }
    }

    fn add_in(
        &mut self,
        graph: Option<&NamedNode>,
        subject: &NamedNode,
        predicate: &NamedNode,
        object: Object<'_, NamedNode>,
    ) {
        if self.lead.is_none() {
            self.lead = Some(subject.clone());
        }
        let object: Term = match object {
            Object::Node(n) => n.clone().into(),
            Object::Plain(text) => Literal::new_simple_literal(text).into(),
            // "en" is a well-formed language tag, so the unchecked constructor is safe here.
            Object::English(text) => Literal::new_language_tagged_literal_unchecked(text, "en").into(),
            Object::Typed(value, datatype) => Literal::new_typed_literal(value, datatype).into(),
            Object::True => Literal::from(true).into(),
            Object::TripleTerm(s, p, o) => Triple::new(s.clone(), p.clone(), o.clone()).into(),
        };
        let graph = graph.map_or(GraphName::DefaultGraph, |g| GraphName::NamedNode(g.clone()));
        self.quads
            .push(Quad::new(subject.clone(), predicate.clone(), object, graph));
    }
}

impl<'i> Block<'i> {
    /// An empty block minting its IRIs with `iris`.
    pub(crate) fn new(iris: &'i Iris) -> Block<'i> {
        Block {
            iris,
            quads: Vec::new(),
            lead: None,
        }
    }

    /// The quads, sorted by graph, subject (the block's own first), predicate (`rdf:type`
    /// first) and object, without repeats.
    pub(crate) fn into_quads(mut self) -> Vec<Quad> {
        let lead = self.lead.take();
        self.quads.sort_by_cached_key(|q| {
            (
                match &q.graph_name {
                    GraphName::NamedNode(g) => g.as_str().to_owned(),
                    other => other.to_string(),
                },
                sort_key(lead.as_ref(), &q.subject, q.predicate.as_ref(), &q.object),
            )
        });
        self.quads.dedup();
        self.quads
    }

    /// The triples (graph names dropped), sorted by subject, predicate (`rdf:type` first) and
    /// object, without repeats — a statement written into several source graphs is one triple.
    pub(crate) fn into_triples(self) -> Vec<Triple> {
        let lead = self.lead;
        let mut triples: Vec<Triple> = self.quads.into_iter().map(Triple::from).collect();
        triples.sort_by_cached_key(|t| sort_key(lead.as_ref(), &t.subject, t.predicate.as_ref(), &t.object));
        triples.dedup();
        triples
    }
}

fn sort_key(
    lead: Option<&NamedNode>,
    subject: &NamedOrBlankNode,
    predicate: NamedNodeRef<'_>,
    object: &Term,
) -> (bool, String, bool, String, String) {
    let (is_lead, subject) = match subject {
        // The bare IRI, so that `p` sorts before `p-inverse` (in N-Triples form `>` sorts after `-`).
        NamedOrBlankNode::NamedNode(s) => (lead == Some(s), s.as_str().to_owned()),
        other => (false, other.to_string()),
    };
    (
        !is_lead,
        subject,
        predicate != rdf::TYPE,
        predicate.as_str().to_owned(),
        object.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_type_first_and_dedups() {
        let iris = Iris::new(&crate::export::rdf::base::BaseIri::default());
        let mut b = Block::new(&iris);
        let s = b.iri(Iri::Data("http://example.org/s")).unwrap();
        let p = b.iri(Iri::Data("http://example.org/a")).unwrap();
        let g = b.iri(Iri::Data("http://example.org/g")).unwrap();
        let a = b.iri(Iri::Fixed(rdf::TYPE)).unwrap();
        b.add(&s, &p, Object::Plain("x"));
        b.add(&s, &a, Object::Node(&p));
        b.add_in(Some(&g), &s, &p, Object::Plain("x"));
        let triples = b.into_triples();
        assert_eq!(triples.len(), 2);
        assert_eq!(triples[0].predicate.as_ref(), rdf::TYPE);
    }
}

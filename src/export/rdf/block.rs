//! A block: the quads about one resource (or a few tied to it), sorted before they are written.
//!
//! The export is a sequence of blocks — the vocabulary, each source, each entity, each
//! statement with its evidence — in graph order. No subject appears in two blocks, so sorting
//! each block on its own makes the whole output sorted by block and byte-stable, while only one
//! block is ever held in memory.

use oxrdf::vocab::rdf;
use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple};

/// Quads gathered for one part of the export.
#[derive(Debug, Default)]
pub(crate) struct Block {
    quads: Vec<Quad>,
    /// The first subject added: the block's own resource, written first.
    lead: Option<NamedNode>,
}

impl Block {
    /// Adds `subject predicate object` to the default graph.
    pub(crate) fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.add_in(GraphName::DefaultGraph, subject, predicate, object);
    }

    /// Adds `subject predicate object` to `graph`.
    pub(crate) fn add_in(
        &mut self,
        graph: GraphName,
        subject: &NamedNode,
        predicate: NamedNodeRef<'_>,
        object: impl Into<Term>,
    ) {
        if self.lead.is_none() {
            self.lead = Some(subject.clone());
        }
        self.quads.push(Quad::new(subject.clone(), predicate, object, graph));
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

/// A string tagged `@en`: the curators' own English text (labels, descriptions).
pub(crate) fn english(text: &str) -> Literal {
    // "en" is a well-formed language tag, so the unchecked constructor is safe here.
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

/// A plain string: text whose language the data does not record (quotes, titles, aliases).
pub(crate) fn plain(text: &str) -> Literal {
    Literal::new_simple_literal(text)
}

/// `true` as an `xsd:boolean`.
pub(crate) fn yes() -> Literal {
    Literal::from(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_type_first_and_dedups() {
        let s = NamedNode::new("http://example.org/s").unwrap();
        let p = NamedNode::new("http://example.org/a").unwrap();
        let g = GraphName::NamedNode(NamedNode::new("http://example.org/g").unwrap());
        let mut b = Block::default();
        b.add(&s, p.as_ref(), plain("x"));
        b.add(&s, rdf::TYPE, p.clone());
        b.add_in(g.clone(), &s, p.as_ref(), plain("x"));
        let triples = b.into_triples();
        assert_eq!(triples.len(), 2);
        assert_eq!(triples[0].predicate.as_ref(), rdf::TYPE);
    }
}

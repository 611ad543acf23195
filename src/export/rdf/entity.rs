//! An entity's block: its description and its direct triples.

use oxrdf::vocab::{rdf, rdfs};
use petgraph::graph::NodeIndex;

use super::error::RdfError;
use super::iris::{Local, ENTITY};
use super::namespaces::{owl, skos};
use super::sink::{Iri, Object, Sink};
use crate::model::graph::Graph;

/// The entity at `node`: type, label, aliases, description, `owl:sameAs`, and one direct triple
/// `entity predicate other` per relation it is the subject of — and, for a symmetric predicate,
/// per relation it is the object of too, so plain SPARQL finds it from either end without a
/// reasoner.
pub(crate) fn entity<S: Sink>(b: &mut S, graph: &Graph, node: NodeIndex) -> Result<(), RdfError> {
    let e = graph.entity_at(node);
    let iri = b.iri(Iri::Minted(ENTITY, Local::Name(e.id.as_str())))?;
    let class = b.iri(Iri::vocab(e.kind.title()))?;
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    b.add(&iri, &a, Object::Node(&class));
    let label = b.iri(Iri::Fixed(rdfs::LABEL))?;
    b.add(&iri, &label, Object::English(&e.label));
    if !e.aliases.is_empty() {
        let alt_label = b.iri(Iri::Fixed(skos::ALT_LABEL))?;
        for alias in &e.aliases {
            // The data does not record the aliases' language (some are Russian), so no tag.
            b.add(&iri, &alt_label, Object::Plain(alias));
        }
    }
    if !e.description.is_empty() {
        let comment = b.iri(Iri::Fixed(rdfs::COMMENT))?;
        b.add(&iri, &comment, Object::English(&e.description));
    }
    if !e.same_as.is_empty() {
        let same_as = b.iri(Iri::Fixed(owl::SAME_AS))?;
        for same in &e.same_as {
            let other = b.iri(Iri::Data(same))?;
            b.add(&iri, &same_as, Object::Node(&other));
        }
    }
    for incident in graph.incidents(node) {
        if incident.outgoing || incident.predicate.symmetric {
            let p = b.iri(Iri::vocab(incident.predicate.id.as_str()))?;
            let other = b.iri(Iri::Minted(ENTITY, Local::Name(incident.other.id.as_str())))?;
            b.add(&iri, &p, Object::Node(&other));
        }
    }
    Ok(())
}

//! An entity's block: its description and its direct triples.

use oxrdf::vocab::{rdf, rdfs};
use oxrdf::NamedNode;
use petgraph::graph::NodeIndex;

use super::block::{english, plain, Block};
use super::error::RdfError;
use super::iris::Iris;
use super::namespaces::{owl, skos};
use crate::Graph;

/// The entity at `node`: type, label, aliases, description, `owl:sameAs`, and one direct triple
/// `entity predicate other` per relation it is the subject of — and, for a symmetric predicate,
/// per relation it is the object of too, so plain SPARQL finds it from either end without a
/// reasoner.
pub(crate) fn entity(iris: &Iris, graph: &Graph, node: NodeIndex) -> Result<Block, RdfError> {
    let e = graph.entity_at(node);
    let iri = iris.entity(&e.id)?;
    let mut b = Block::default();
    b.add(&iri, rdf::TYPE, iris.class(e.kind)?);
    b.add(&iri, rdfs::LABEL, english(&e.label));
    for alias in &e.aliases {
        // The data does not record the aliases' language (some are Russian), so no tag.
        b.add(&iri, skos::ALT_LABEL, plain(alias));
    }
    if !e.description.is_empty() {
        b.add(&iri, rdfs::COMMENT, english(&e.description));
    }
    for same in &e.same_as {
        let other = NamedNode::new(same.as_str()).map_err(|err| RdfError::BadIri {
            iri: same.clone(),
            reason: err.to_string(),
        })?;
        b.add(&iri, owl::SAME_AS, other);
    }
    for incident in graph.incidents(node) {
        if incident.outgoing || incident.predicate.symmetric {
            b.add(
                &iri,
                iris.predicate(&incident.predicate.id)?.as_ref(),
                iris.entity(&incident.other.id)?,
            );
        }
    }
    Ok(b)
}

//! Minting the export's own IRIs under the base.
//!
//! Every IRI is `<base><namespace>/<local name>`, where the local name is a validated id, a
//! [`RelationId`], or a fixed term of the vocabulary, so no IRI needs escaping. The names of the
//! namespaces are part of the documented model (docs/rdf.md).

use oxrdf::NamedNode;

use super::base::BaseIri;
use super::error::RdfError;
use crate::{EntityKind, Id, RelationId};

/// The vocabulary namespace: classes and properties.
pub(crate) const VOCAB: &str = "vocab/";
/// Entities: `entity/<id>`.
pub(crate) const ENTITY: &str = "entity/";
/// Statements (one per relation): `relation/<relation id>`.
pub(crate) const RELATION: &str = "relation/";
/// Evidence (one per claim): `evidence/<relation id>.<source id>[.<n>]`.
pub(crate) const EVIDENCE: &str = "evidence/";
/// Sources: `source/<id>`.
pub(crate) const SOURCE: &str = "source/";
/// Named graphs of the N-Quads export, one per source: `graph/<source id>`.
pub(crate) const GRAPH: &str = "graph/";

/// The suffix of a minted inverse property: `member_of` ↔ `member_of-inverse`.
pub(crate) const INVERSE_SUFFIX: &str = "-inverse";

/// Mints IRIs under one base.
#[derive(Debug, Clone)]
pub(crate) struct Iris {
    base: String,
}

impl Iris {
    pub(crate) fn new(base: &BaseIri) -> Iris {
        Iris {
            base: base.as_str().to_owned(),
        }
    }

    /// The namespace IRI `<base><ns>` as text, for prefixes.
    pub(crate) fn namespace(&self, ns: &str) -> String {
        format!("{}{ns}", self.base)
    }

    fn mint(&self, ns: &str, local: &str) -> Result<NamedNode, RdfError> {
        let text = format!("{}{ns}{local}", self.base);
        NamedNode::new(text.as_str()).map_err(|e| RdfError::BadIri {
            iri: text.clone(),
            reason: e.to_string(),
        })
    }

    /// A term of the vocabulary: `<base>vocab/<name>`; the empty name is the ontology itself.
    pub(crate) fn vocab(&self, name: &str) -> Result<NamedNode, RdfError> {
        self.mint(VOCAB, name)
    }

    /// The property of a predicate.
    pub(crate) fn predicate(&self, id: &Id) -> Result<NamedNode, RdfError> {
        self.vocab(id.as_str())
    }

    /// The minted inverse property of a (non-symmetric) predicate.
    pub(crate) fn inverse(&self, id: &Id) -> Result<NamedNode, RdfError> {
        self.vocab(&format!("{id}{INVERSE_SUFFIX}"))
    }

    /// The class of an entity kind: `vocab/State`.
    pub(crate) fn class(&self, kind: EntityKind) -> Result<NamedNode, RdfError> {
        self.vocab(kind.title())
    }

    /// The class for a domain or range: the kind's class for one kind, the named union class
    /// (`vocab/StateOrOrganization`) for several, `None` for none.
    pub(crate) fn kinds_class(&self, kinds: &[EntityKind]) -> Result<Option<NamedNode>, RdfError> {
        match kinds {
            [] => Ok(None),
            [one] => self.class(*one).map(Some),
            many => self.vocab(&union_name(many)).map(Some),
        }
    }

    pub(crate) fn entity(&self, id: &Id) -> Result<NamedNode, RdfError> {
        self.mint(ENTITY, id.as_str())
    }

    pub(crate) fn relation(&self, id: RelationId) -> Result<NamedNode, RdfError> {
        self.mint(RELATION, &id.to_string())
    }

    /// The evidence resource of the `n`-th claim (1-based) of `source` behind a relation. `.`
    /// cannot occur in ids, so the parts cannot run into each other.
    pub(crate) fn evidence(&self, relation: RelationId, source: &Id, n: usize) -> Result<NamedNode, RdfError> {
        let local = if n <= 1 {
            format!("{relation}.{source}")
        } else {
            format!("{relation}.{source}.{n}")
        };
        self.mint(EVIDENCE, &local)
    }

    pub(crate) fn source(&self, id: &Id) -> Result<NamedNode, RdfError> {
        self.mint(SOURCE, id.as_str())
    }

    pub(crate) fn graph(&self, source: &Id) -> Result<NamedNode, RdfError> {
        self.mint(GRAPH, source.as_str())
    }
}

/// The kinds in the documented order, deduplicated.
pub(crate) fn canonical_kinds(kinds: &[EntityKind]) -> Vec<EntityKind> {
    let mut k = kinds.to_vec();
    k.sort();
    k.dedup();
    k
}

/// The local name of the union class of several kinds: `StateOrOrganization`.
pub(crate) fn union_name(kinds: &[EntityKind]) -> String {
    canonical_kinds(kinds)
        .iter()
        .map(|k| k.title())
        .collect::<Vec<_>>()
        .join("Or")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mints_under_the_base() {
        let iris = Iris::new(&BaseIri::new("http://example.org/kg#").unwrap());
        let id = Id::new("belarus").unwrap();
        assert_eq!(
            iris.entity(&id).unwrap().as_str(),
            "http://example.org/kg#entity/belarus"
        );
        let p = Id::new("member_of").unwrap();
        assert_eq!(
            iris.inverse(&p).unwrap().as_str(),
            "http://example.org/kg#vocab/member_of-inverse"
        );
        let r = RelationId::of(&id, &p, &id, None, false);
        let e = iris.evidence(r, &id, 2).unwrap();
        assert!(e.as_str().ends_with(&format!("evidence/{r}.belarus.2")));
        assert_eq!(
            union_name(&[EntityKind::Organization, EntityKind::State, EntityKind::State]),
            "StateOrOrganization"
        );
    }
}

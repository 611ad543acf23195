//! Minting the export's own IRIs under the base.
//!
//! Every IRI is `<base><namespace>/<local name>`, where the local name is a validated id, a
//! [`RelationId`], or a fixed term of the vocabulary, so no IRI needs escaping. The names of the
//! namespaces are part of the documented model (docs/rdf.md).

use oxrdf::NamedNode;

use super::base::BaseIri;
use super::error::RdfError;
use crate::model::kind::EntityKind;
use crate::model::relation::RelationId;

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
/// A statement that claims speak to: `statement/<key>`.
pub(crate) const CLAIMED: &str = "statement/";

pub(crate) use crate::model::minted::evidence_local;
use crate::model::minted::{annotation_local, inverse_name, AnnotationPart};

/// The local name of one of the export's own IRIs, `<base><namespace><local>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Local<'a> {
    /// A name given as is: an id or a term of the vocabulary.
    Name(&'a str),
    /// The minted inverse of a predicate: `<id>-inverse`.
    Inverse(&'a str),
    /// A relation's statement: `r-<16 hex digits>`.
    Relation(RelationId),
    /// The `n`-th claim (1-based) of a source behind a relation: `<relation>.<source>[.<n>]`.
    Evidence(RelationId, &'a str, usize),
    /// The `k`-th (1-based) target or selector of that claim's Web Annotation:
    /// `<evidence>-target-<k>`, `<evidence>-selector-<k>`.
    Annotation(RelationId, &'a str, usize, AnnotationPart, usize),
}

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

    /// The base IRI as text.
    pub(crate) fn base(&self) -> &str {
        &self.base
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

    /// The IRI `<base><ns><local>`, checked.
    pub(crate) fn minted(&self, ns: &str, local: Local<'_>) -> Result<NamedNode, RdfError> {
        match local {
            Local::Name(name) => self.mint(ns, name),
            Local::Inverse(id) => self.mint(ns, &inverse_name(id)),
            Local::Relation(r) => self.mint(ns, &r.to_string()),
            Local::Evidence(r, source, n) => self.mint(ns, &evidence_local(r, source, n)),
            Local::Annotation(r, source, n, part, k) => {
                self.mint(ns, &annotation_local(&evidence_local(r, source, n), part, k))
            }
        }
    }

    pub(crate) fn relation(&self, id: RelationId) -> Result<NamedNode, RdfError> {
        self.mint(RELATION, &id.to_string())
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
    use crate::model::id::Id;

    #[test]
    fn mints_under_the_base() {
        let iris = Iris::new(&BaseIri::new("http://example.org/kg#").unwrap());
        let id = Id::new("belarus").unwrap();
        assert_eq!(
            iris.minted(ENTITY, Local::Name(id.as_str())).unwrap().as_str(),
            "http://example.org/kg#entity/belarus"
        );
        let p = Id::new("member_of").unwrap();
        assert_eq!(
            iris.minted(VOCAB, Local::Inverse(p.as_str())).unwrap().as_str(),
            "http://example.org/kg#vocab/member_of-inverse"
        );
        let r = RelationId::of(&id, &p, &id, None, false);
        let e = iris.minted(EVIDENCE, Local::Evidence(r, "belarus", 2)).unwrap();
        assert!(e.as_str().ends_with(&format!("evidence/{r}.belarus.2")));
        assert_eq!(
            union_name(&[EntityKind::Organization, EntityKind::State, EntityKind::State]),
            "StateOrOrganization"
        );
    }
}

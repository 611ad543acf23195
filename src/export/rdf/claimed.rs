//! A statement that claims speak to: one node gathering the evidence of every claim about it.

use oxrdf::vocab::{rdf, rdfs};

use super::error::RdfError;
use super::iris::{Local, CLAIMED, EVIDENCE};
use super::sink::{Iri, Object, Sink};
use super::vocabulary::term;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::statement::{claims_by_named_statement, polarity_differs, positive_dates, ClaimRef, StatementKey};

/// The statement `key`: its class and label, `dg:hasClaim` to the evidence resource of each of
/// its `claims` (the evidence stays in its source's named graph; this node is in the default
/// graph), and `dg:disputed true` when its claims really disagree.
pub(crate) fn claimed<S: Sink>(
    b: &mut S,
    graph: &Graph,
    key: &Id,
    claims: &[ClaimRef],
    disputed: bool,
) -> Result<(), RdfError> {
    let node = b.iri(Iri::Minted(CLAIMED, Local::Name(key.as_str())))?;
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let class = b.iri(Iri::vocab(term::CLAIMED_STATEMENT))?;
    b.add(&node, &a, Object::Node(&class));
    let label = b.iri(Iri::Fixed(rdfs::LABEL))?;
    b.add(&node, &label, Object::Plain(key.as_str()));
    let has_claim = b.iri(Iri::vocab(term::HAS_CLAIM))?;
    for c in claims {
        let r = graph.relation_at(c.edge);
        let Some(ev) = r.evidence.get(c.evidence) else {
            continue;
        };
        // The n-th claim of its source behind the relation, as the evidence IRIs count them.
        let n = r.evidence[..=c.evidence]
            .iter()
            .filter(|e| e.source == ev.source)
            .count();
        let e = b.iri(Iri::Minted(EVIDENCE, Local::Evidence(r.id, ev.source.as_str(), n)))?;
        b.add(&node, &has_claim, Object::Node(&e));
    }
    if disputed {
        let p = b.iri(Iri::vocab(term::DISPUTED))?;
        b.add(&node, &p, Object::True);
    }
    Ok(())
}

/// The statements the curators named, in key order, each with its claims and whether they
/// really disagree.
pub(crate) fn claimed_statements(graph: &Graph) -> Vec<(&Id, Vec<ClaimRef>, bool)> {
    claims_by_named_statement(graph)
        .into_iter()
        .filter_map(|(key, claims)| match key {
            StatementKey::Named(k) => {
                let (dated, compatible) = positive_dates(graph, &claims);
                let disputed = polarity_differs(&claims) || (dated.len() > 1 && !compatible);
                Some((k, claims, disputed))
            }
            StatementKey::Fact(..) => None,
        })
        .collect()
}

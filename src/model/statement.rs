//! Statements: what claims speak to. Claims about one statement are compared with one another;
//! claims about different statements never are.
//!
//! A claim speaks to the statement named in its `statement` column, or else to the fact of its
//! subject, predicate and object — a negative predicate (`not_concluded`) counting as the
//! predicate it negates (`concluded`), a symmetric fact being the same either way round. Claims
//! about one statement *disagree* when their polarity differs (it happened / it did not), or
//! when the dates of the positive claims cannot all be true at once; dates that differ only in
//! precision (`1997`, `1997-07`) or in the ends they give agree.

use std::collections::{BTreeMap, HashSet};

use crate::model::handle::EdgeId;

use super::edtf::{Bound, Day, Edtf};
use super::graph::Graph;
use super::id::Id;
use super::relation::Relation;

/// What claims are grouped by: a fact, or a statement the curators named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum StatementKey<'g> {
    /// Subject, positive predicate and object (ends ordered for a symmetric predicate).
    Fact(&'g Id, &'g Id, &'g Id),
    /// A key from the `statement` column.
    Named(&'g Id),
}

/// One claim: a piece of evidence of a relation, and whether its predicate negates another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClaimRef {
    /// The relation.
    pub edge: EdgeId,
    /// Which of its evidence.
    pub evidence: usize,
    /// Whether it says the relation did not happen (or hold).
    pub negative: bool,
}

/// The claims of the relations `admit` accepts, by the statement they speak to, in key order.
pub(crate) fn claims_by_statement(
    graph: &Graph,
    admit: impl Fn(EdgeId) -> bool,
) -> BTreeMap<StatementKey<'_>, Vec<ClaimRef>> {
    group_claims(graph, admit, false)
}

/// The claims that name their statement, by it, in key order: [`claims_by_statement`]'s
/// [`StatementKey::Named`] groups, without grouping every other claim by its fact first.
pub(crate) fn claims_by_named_statement(graph: &Graph) -> BTreeMap<StatementKey<'_>, Vec<ClaimRef>> {
    group_claims(graph, |_| true, true)
}

/// The claims of the relations `admit` accepts, by statement; only the named ones if `named`.
fn group_claims(
    graph: &Graph,
    admit: impl Fn(EdgeId) -> bool,
    named: bool,
) -> BTreeMap<StatementKey<'_>, Vec<ClaimRef>> {
    let g = graph;
    let mut groups: BTreeMap<StatementKey<'_>, Vec<ClaimRef>> = BTreeMap::new();
    for edge in g.edge_ids() {
        if !admit(edge) {
            continue;
        }
        let r = &g[edge];
        let predicate = graph.predicate_of(r);
        let positive = predicate.negates.as_ref().unwrap_or(&predicate.id);
        let (s, o) = if predicate.symmetric && r.object < r.subject {
            (&r.object, &r.subject)
        } else {
            (&r.subject, &r.object)
        };
        for (i, ev) in r.evidence.iter().enumerate() {
            let key = match &ev.statement {
                Some(k) => StatementKey::Named(k),
                None if named => continue,
                None => StatementKey::Fact(s, positive, o),
            };
            groups.entry(key).or_default().push(ClaimRef {
                edge,
                evidence: i,
                negative: predicate.negates.is_some(),
            });
        }
    }
    groups
}

/// Whether some claims say it happened and others that it did not.
pub(crate) fn polarity_differs(claims: &[ClaimRef]) -> bool {
    claims.iter().any(|c| c.negative) && claims.iter().any(|c| !c.negative)
}

/// The distinct dates of the positive claims, earliest first (one relation per date), and
/// whether they could all be true at once.
pub(crate) fn positive_dates(graph: &Graph, claims: &[ClaimRef]) -> (Vec<(EdgeId, Edtf)>, bool) {
    let mut dated: Vec<(EdgeId, Edtf)> = claims
        .iter()
        .filter(|c| !c.negative)
        .filter_map(|c| graph.relation_at(c.edge).date.map(|d| (c.edge, d)))
        .collect();
    dated.sort_by_key(|(e, d)| {
        (
            d.earliest().or_else(|| d.end().date().map(|x| x.earliest())),
            d.latest(),
            *e,
        )
    });
    dated.dedup_by_key(|(_, d)| *d);
    let compatible = dated.iter().enumerate().all(|(i, (a, _))| {
        dated[i + 1..]
            .iter()
            .all(|(b, _)| dates_compatible(graph.relation_at(*a), graph.relation_at(*b), graph))
    });
    (dated, compatible)
}

/// The relations whose claims are in a real disagreement — opposite polarity, or dates that
/// cannot all be true — about a statement. Diagrams draw them red and the CSV marks them
/// `disputed`; claims that differ only in precision, or that speak to different statements,
/// are not.
pub(crate) fn disputed_edges(graph: &Graph) -> HashSet<EdgeId> {
    let mut out = HashSet::new();
    for claims in claims_by_statement(graph, |_| true).values() {
        if polarity_differs(claims) {
            out.extend(claims.iter().map(|c| c.edge));
        }
        let (dated, compatible) = positive_dates(graph, claims);
        if dated.len() > 1 && !compatible {
            // Every dated positive claim, not one relation per date.
            out.extend(
                claims
                    .iter()
                    .filter(|c| !c.negative && graph.relation_at(c.edge).date.is_some())
                    .map(|c| c.edge),
            );
        }
    }
    out
}

/// The range of days a bound may fall on; an open bound is a point before (start) or after (end)
/// every day, an unknown one anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Limit {
    Before,
    On(Day),
    After,
}

fn range(bound: Bound, is_start: bool) -> (Limit, Limit) {
    match bound {
        Bound::Date(d) => (Limit::On(d.earliest()), Limit::On(d.latest())),
        Bound::Open if is_start => (Limit::Before, Limit::Before),
        Bound::Open => (Limit::After, Limit::After),
        Bound::Unknown => (Limit::Before, Limit::After),
    }
}

/// Whether two dates of the same statement could both be true: their starts could be the same
/// day, their ends too, and that start is not after that end.
pub(crate) fn dates_compatible(a: &Relation, b: &Relation, graph: &Graph) -> bool {
    let temporal = graph.predicate_of(a).temporal;
    let (Some(x), Some(y)) = (a.span(temporal), b.span(temporal)) else {
        return true;
    };
    let meet = |p: (Limit, Limit), q: (Limit, Limit)| {
        let (lo, hi) = (p.0.max(q.0), p.1.min(q.1));
        (lo <= hi).then_some((lo, hi))
    };
    match (
        meet(range(x.start, true), range(y.start, true)),
        meet(range(x.end, false), range(y.end, false)),
    ) {
        (Some(s), Some(e)) => s.0 <= e.1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatible_precisions_are_not_disputed() {
        let graph = Graph::embedded().unwrap();
        let disputed = disputed_edges(&graph);
        // The IPCP since 1997 and since 1997-07: one statement, compatible dates.
        let since: Vec<_> = graph
            .relations()
            .filter(|r| {
                r.subject.as_str() == "belarus"
                    && r.object.as_str() == "individual-partnership-and-cooperation-programme"
                    && r.date.is_some()
            })
            .collect();
        assert!(since.len() >= 2, "both dates are in the graph");
        let g = &graph;
        for e in g.edge_ids() {
            if since.iter().any(|r| r.id == g[e].id) {
                assert!(!disputed.contains(&e), "{} is drawn disputed", g[e].id);
            }
        }
        assert!(!disputed.is_empty(), "the graph has real disagreements");
    }
}

//! Grouping claims that agree into relations, in relation order.

use super::valid::Claim;
use crate::model::edtf::Edtf;
use crate::model::id::Id;
use crate::model::relation::Evidence;

/// What makes two claims the same relation: subject, predicate, object and the date as written.
pub(crate) type RelationKey = (Id, Id, Id, String);

/// A relation being gathered: the ranks of its ids, its key, date and evidence.
type Relation = ([u32; 3], RelationKey, Option<Edtf>, Vec<Evidence>);

/// Claims sorted into relation order, ready to be grouped by [`SortedClaims::merge`].
///
/// Claims that agree are grouped into relations, keyed by subject, predicate, object and date,
/// in key order. A claim's ids are sorted by their rank (their place in the sorted ids of their
/// kind, entities or predicates), so the claims are sorted by numbers rather than by comparing
/// strings; ties are broken by the ids themselves, so a rank that is wrong cannot merge two
/// relations. An index is sorted, not the claims, and no map of millions of keys is built:
/// memory stays near the claims.
pub(crate) struct SortedClaims {
    claims: Vec<Claim>,
    /// Each claim's date as written (empty: undated).
    dates: Vec<String>,
    /// The ranks of each claim's subject, predicate and object, and the claim, in relation order.
    order: Vec<([u32; 3], u32)>,
}

impl SortedClaims {
    /// Sorts `claims` by the ranks found when they were checked ([`Claim::ranks`]), then by
    /// their ids, date and evidence.
    pub(crate) fn new(claims: Vec<Claim>) -> SortedClaims {
        let dates: Vec<String> = claims
            .iter()
            .map(|c| c.date.map(|d| d.to_string()).unwrap_or_default())
            .collect();
        let mut order: Vec<([u32; 3], u32)> = claims.iter().enumerate().map(|(i, c)| (c.ranks, i as u32)).collect();
        let ids = |i: u32| {
            let c = &claims[i as usize];
            (&c.subject, &c.predicate, &c.object)
        };
        order.sort_unstable_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then_with(|| ids(*a).cmp(&ids(*b)))
                .then_with(|| dates[*a as usize].cmp(&dates[*b as usize]))
                .then_with(|| claims[*a as usize].evidence.cmp(&claims[*b as usize].evidence))
        });
        SortedClaims { claims, dates, order }
    }

    /// Hands each relation to `relation` in key order, with the ranks of its subject, predicate
    /// and object, its key, its date and the evidence of every claim, sorted.
    pub(crate) fn merge(self, mut relation: impl FnMut([u32; 3], RelationKey, Option<Edtf>, Vec<Evidence>)) {
        let SortedClaims {
            claims,
            mut dates,
            order,
        } = self;
        let mut claims: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
        let mut group: Option<Relation> = None;
        for (ranks, i) in order {
            let Some(claim) = claims[i as usize].take() else {
                continue;
            };
            let date_text = std::mem::take(&mut dates[i as usize]);
            match &mut group {
                Some((_, (s, p, o, d), _, list))
                    if *s == claim.subject && *p == claim.predicate && *o == claim.object && *d == date_text =>
                {
                    list.push(claim.evidence);
                }
                _ => {
                    let next = (
                        ranks,
                        (claim.subject, claim.predicate, claim.object, date_text),
                        claim.date,
                        vec![claim.evidence],
                    );
                    if let Some((ranks, key, date, list)) = group.replace(next) {
                        relation(ranks, key, date, list);
                    }
                }
            }
        }
        if let Some((ranks, key, date, list)) = group {
            relation(ranks, key, date, list);
        }
    }
}

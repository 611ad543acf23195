//! Grouping claims that agree into relations, in relation order.

use super::permutation::move_to_places;
use super::valid::Claim;
use crate::model::edtf::EdtfText;
use crate::model::relation::{Evidence, Relation, RelationId};

/// Claims sorted into relation order, ready to be grouped by [`SortedClaims::merge`].
///
/// Claims that agree are grouped into relations, keyed by subject, predicate, object and date
/// as written, in key order. A claim's ids are sorted by their rank (their place in the sorted
/// ids of their kind, entities or predicates), so the claims are sorted by numbers rather than
/// by comparing strings, and claims of one relation are told by their relation id
/// ([`Claim::id`]), which validation guarantees no two relations share. Only where claims of
/// different relations have the same ranks (the same ids, different dates) are their ids and
/// dates compared, so a rank that is wrong cannot merge two relations or misplace one. An index
/// is sorted, not the claims, and no map of millions of keys is built: memory stays near the
/// claims.
pub(crate) struct SortedClaims {
    claims: Vec<Claim>,
    /// The claims in relation order.
    order: Vec<Place>,
}

/// A claim's place in relation order: what it is sorted by, and where it is.
#[derive(Clone, Copy)]
struct Place {
    /// The ranks of the claim's subject, predicate and object.
    ranks: [u32; 3],
    /// The claim's relation.
    id: RelationId,
    /// The claim's index.
    claim: u32,
}

impl SortedClaims {
    /// Sorts `claims` by the ranks found when they were checked ([`Claim::ranks`]), then by
    /// their ids and date.
    pub(crate) fn new(claims: Vec<Claim>) -> SortedClaims {
        let mut order: Vec<Place> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| Place {
                ranks: c.ranks,
                id: c.id,
                claim: i as u32,
            })
            .collect();
        // The claims of a relation together (one id), by the ranks of its ids.
        order.sort_unstable_by_key(|p| (p.ranks, p.id));
        // Relations of the same ranks in key order: their ids say nothing of it. Each claim's
        // date is written once per run, not at every comparison.
        let mut run_keys: Vec<(EdtfText, Place)> = Vec::new();
        for run in order.chunk_by_mut(|a, b| a.ranks == b.ranks) {
            if run.first().map(|p| p.id) == run.last().map(|p| p.id) {
                continue;
            }
            run_keys.clear();
            run_keys.extend(
                run.iter()
                    .map(|p| (claims[p.claim as usize].date.map(|d| d.text()).unwrap_or_default(), *p)),
            );
            let ids = |p: &Place| {
                let c = &claims[p.claim as usize];
                (&c.subject, &c.predicate, &c.object)
            };
            run_keys.sort_by(|(da, a), (db, b)| ids(a).cmp(&ids(b)).then_with(|| da.as_bytes().cmp(db.as_bytes())));
            for (place, (_, sorted)) in run.iter_mut().zip(&run_keys) {
                *place = *sorted;
            }
        }
        SortedClaims { claims, order }
    }

    /// Hands each relation to `relation` in key order, with the ranks of its subject, predicate
    /// and object, and the evidence of every claim, sorted.
    pub(crate) fn merge(self, mut relation: impl FnMut([u32; 3], Relation)) {
        let SortedClaims { mut claims, order } = self;
        // The claims moved into reverse relation order, then popped, the vector shrunk as it
        // empties: the claims are freed as the relations made of them grow.
        let n = claims.len();
        let mut place: Vec<u32> = vec![0; n];
        for (k, p) in order.iter().enumerate() {
            place[p.claim as usize] = (n - 1 - k) as u32;
        }
        move_to_places(&mut claims, place);
        let mut popped = 0usize;
        for group in order.chunk_by(|a, b| a.id == b.id) {
            popped += group.len();
            if popped >= 1 << 19 {
                popped = 0;
                claims.shrink_to_fit();
            }
            let mut taken = (0..group.len()).filter_map(|_| claims.pop());
            let Some(Claim {
                ranks,
                id,
                subject,
                predicate,
                object,
                date,
                evidence: first,
            }) = taken.next()
            else {
                continue;
            };
            let mut evidence: Vec<Evidence> = Vec::with_capacity(group.len());
            evidence.push(first);
            evidence.extend(taken.map(|c| c.evidence));
            evidence.sort_unstable();
            relation(
                ranks,
                Relation {
                    id,
                    subject,
                    predicate,
                    object,
                    date,
                    evidence,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::load::graph::tests::xorshift;
    use crate::model::edtf::Edtf;
    use crate::model::id::Id;

    /// Claims over a few ids and dates (several dates of one subject, predicate and object;
    /// `1995` and `1995-01`, `1995/..`), in a scrambled order, with ranks that are right or all
    /// unknown.
    fn claims(ranked: bool) -> Vec<Claim> {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let entities = ["a", "b", "c", "d"];
        let predicates = ["p", "q"];
        let dates = ["", "1995", "1995-01", "1995/..", "2001-02-03~"];
        (0..400)
            .map(|line| {
                let (s, p, o) = (next(4) as usize, next(2) as usize, next(4) as usize);
                let date = dates[next(dates.len() as u64) as usize];
                let (subject, predicate, object) = (
                    Id::new(entities[s]).unwrap(),
                    Id::new(predicates[p]).unwrap(),
                    Id::new(entities[o]).unwrap(),
                );
                let date: Option<Edtf> = (!date.is_empty()).then(|| date.parse().unwrap());
                Claim {
                    ranks: if ranked {
                        [s as u32, p as u32, o as u32]
                    } else {
                        [u32::MAX; 3]
                    },
                    id: RelationId::of_date(&subject, &predicate, &object, date.as_ref(), false),
                    subject,
                    predicate,
                    object,
                    date,
                    evidence: Evidence {
                        source: Id::new(["s1", "s2"][next(2) as usize]).unwrap(),
                        quote: format!("q{}", next(5)),
                        note: None,
                        statement: None,
                        line,
                        anchor: None,
                    },
                }
            })
            .collect()
    }

    /// The merge gives the relations a map keyed by subject, predicate, object and date text
    /// gives, in its order, each with its evidence sorted: whether the ranks are right or not.
    #[test]
    fn relations_come_in_key_order_with_their_evidence_sorted() {
        for ranked in [true, false] {
            let claims = claims(ranked);
            let mut expected: BTreeMap<(String, String, String, String), Vec<Evidence>> = BTreeMap::new();
            for c in &claims {
                let key = (
                    c.subject.to_string(),
                    c.predicate.to_string(),
                    c.object.to_string(),
                    c.date.map(|d| d.to_string()).unwrap_or_default(),
                );
                expected.entry(key).or_default().push(c.evidence.clone());
            }
            let expected: Vec<_> = expected
                .into_iter()
                .map(|((s, p, o, d), mut evidence)| {
                    evidence.sort();
                    let id = RelationId::of(
                        &Id::new(&s).unwrap(),
                        &Id::new(&p).unwrap(),
                        &Id::new(&o).unwrap(),
                        Some(&d),
                        false,
                    );
                    (id, s, p, o, d, evidence)
                })
                .collect();
            let mut merged = Vec::new();
            SortedClaims::new(claims).merge(|_, r| {
                let date = r.date.map(|d| d.to_string()).unwrap_or_default();
                merged.push((
                    r.id,
                    r.subject.to_string(),
                    r.predicate.to_string(),
                    r.object.to_string(),
                    date,
                    r.evidence,
                ));
            });
            assert!(expected.len() > 30, "{}", expected.len());
            assert_eq!(merged, expected, "ranked: {ranked}");
        }
    }
}

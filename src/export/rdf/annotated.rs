//! Turtle 1.2's annotation syntax: a reifier and its triples written where the triple it
//! reifies is asserted (indented with tabs in the file),
//!
//! ```turtle
//! entity:a dg:p entity:b ~ relation:r-… {|
//!         dg:edtfDate "1995" ;
//!         dg:hasEvidence evidence:r-….source
//!     |} .
//! ```
//!
//! which is sugar for exactly the triples `entity:a dg:p entity:b`,
//! `relation:r-… rdf:reifies <<( entity:a dg:p entity:b )>>` and the reifier's own. `oxttl`'s
//! serializer cannot write it, so the fast writer does, from a [`Plan`] of each part.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::rows::{Row, Rows};
use super::syntax::RdfSyntax;
use super::version::RdfVersion;

/// Where the export writes each relation's statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Each statement a part of its own, after the entities: an `rdf:Statement` (RDF 1.1), or
    /// `relation:r-… rdf:reifies <<( s p o )>> ; …` (RDF 1.2 N-Triples and N-Quads, which have
    /// no annotation syntax).
    Apart,
    /// Each statement in the part of its subject entity, so that Turtle 1.2 writes it as an
    /// annotation of the asserted triple, and its evidence after all the entities (so that a
    /// much-connected entity's part holds its statements, not all their evidence too); the file
    /// opens with `@version "1.2" .`.
    Annotated,
}

impl Layout {
    /// The layout of `syntax` in `version`: annotated in Turtle 1.2 only.
    pub(crate) fn of(syntax: RdfSyntax, version: RdfVersion) -> Layout {
        match (syntax, version) {
            (RdfSyntax::Turtle, RdfVersion::Rdf12) => Layout::Annotated,
            _ => Layout::Apart,
        }
    }
}

/// What each row of a sorted part becomes in annotated Turtle.
///
/// A reifier is written as an annotation when it reifies exactly one triple (one
/// `rdf:reifies` row) and that triple is asserted in the same part by a subject that reifies
/// nothing itself (so annotations never nest). Its rows are then written inside the annotation
/// block, its `rdf:reifies` row left implicit (`~ reifier` says it), and not at the top level.
/// Any other reifier keeps the explicit `rdf:reifies <<( … )>>` form, which says the same.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// For each row: written inside an annotation (or implied by one), not at the top level.
    inside: Vec<bool>,
    /// For each row: its own `rdf:reifies` row, implied by `~ reifier`.
    implied: Vec<bool>,
    /// `(asserted row, the reifier's rows)`, by asserted row and then reifier.
    annotations: Vec<(usize, Range<usize>)>,
}

impl Plan {
    /// The plan of `list`, the rows of one part in written order (sorted, repeats skipped).
    pub(crate) fn new(rows: &Rows<'_>, list: &[Row]) -> Plan {
        // Rows are sorted by subject, so each subject's rows are one run.
        let mut runs: Vec<Range<usize>> = Vec::new();
        for i in 0..list.len() {
            match runs.last_mut() {
                Some(run) if rows.subject_iri(&list[run.start]) == rows.subject_iri(&list[i]) => run.end = i + 1,
                _ => runs.push(i..i + 1),
            }
        }
        let mut reifying: FxHashSet<&[u8]> = FxHashSet::default();
        let mut reifiers: Vec<Reifier<'_>> = Vec::new();
        for run in &runs {
            let mut reified = run.clone().filter_map(|i| rows.reified(&list[i]).map(|t| (i, t)));
            if let Some((reifies, triple)) = reified.next() {
                reifying.insert(rows.subject_iri(&list[run.start]));
                if reified.next().is_none() {
                    reifiers.push(Reifier {
                        rows: run.clone(),
                        reifies,
                        triple,
                    });
                }
            }
        }
        let mut plan = Plan {
            inside: vec![false; list.len()],
            implied: vec![false; list.len()],
            annotations: Vec::new(),
        };
        if reifiers.is_empty() {
            return plan;
        }
        let asserted: FxHashMap<[&[u8]; 3], usize> = list
            .iter()
            .enumerate()
            .filter(|(_, row)| !reifying.contains(rows.subject_iri(row)))
            .map(|(i, row)| {
                let [s, p, o, _] = rows.nt(row);
                ([s, p, o], i)
            })
            .collect();
        for r in reifiers {
            if let Some(&at) = asserted.get(&r.triple) {
                plan.inside[r.rows.clone()].fill(true);
                plan.implied[r.reifies] = true;
                plan.annotations.push((at, r.rows));
            }
        }
        plan.annotations.sort_by_key(|(at, run)| (*at, run.start));
        plan
    }

    /// Whether row `i` is written inside an annotation (or implied by one) rather than at the
    /// top level.
    pub(crate) fn inside(&self, i: usize) -> bool {
        self.inside.get(i).copied().unwrap_or(false)
    }

    /// Whether row `i` is a reifier's `rdf:reifies` row, implied by `~ reifier`.
    pub(crate) fn implied(&self, i: usize) -> bool {
        self.implied.get(i).copied().unwrap_or(false)
    }

    /// The rows of each reifier that annotates row `i`, in order.
    pub(crate) fn annotations(&self, i: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let from = self.annotations.partition_point(|(at, _)| *at < i);
        self.annotations[from..]
            .iter()
            .take_while(move |(at, _)| *at == i)
            .map(|(_, run)| run.clone())
    }
}

/// A subject of the part that reifies exactly one triple.
struct Reifier<'r> {
    /// Its rows.
    rows: Range<usize>,
    /// Its `rdf:reifies` row.
    reifies: usize,
    /// The N-Triples forms of the triple it reifies.
    triple: [&'r [u8]; 3],
}

#[cfg(test)]
mod tests {
    use oxrdf::vocab::rdf;

    use super::*;
    use crate::export::rdf::sink::{Iri, Object, Sink};

    fn sorted(rows: &mut Rows<'_>) -> Vec<Row> {
        let mut list = Vec::new();
        rows.sorted(false, |_, row| list.push(*row));
        list
    }

    #[test]
    fn a_reifier_of_one_asserted_triple_annotates_it() {
        let mut rows = Rows::new("http://example.org/", None);
        let [a, p, b, c, r, s, q] = ["a", "p", "b", "c", "r", "s", "q"]
            .map(|n| rows.iri(Iri::Data(&format!("http://example.org/{n}"))).unwrap());
        let reifies = rows.iri(Iri::Fixed(rdf::REIFIES)).unwrap();
        rows.add(&a, &p, Object::Node(&b));
        rows.add(&r, &reifies, Object::TripleTerm(&a, &p, &b));
        rows.add(&r, &q, Object::Plain("1995"));
        // s reifies a triple the part does not assert: written as it is.
        rows.add(&s, &reifies, Object::TripleTerm(&a, &p, &c));
        let list = sorted(&mut rows);
        let plan = Plan::new(&rows, &list);
        let written: Vec<usize> = (0..list.len()).filter(|&i| !plan.inside(i)).collect();
        assert_eq!(written, [0, 3], "a p b, and s's rdf:reifies");
        let annotations: Vec<Range<usize>> = plan.annotations(0).collect();
        assert_eq!(annotations.len(), 1);
        assert_eq!(annotations[0], 1..3, "r's rows");
        // r q "1995" sorts before r rdf:reifies (by predicate IRI).
        assert!(plan.implied(2) && !plan.implied(1));
        assert_eq!(plan.annotations(3).count(), 0);
    }

    #[test]
    fn a_reifier_of_two_triples_is_no_annotation() {
        let mut rows = Rows::new("http://example.org/", None);
        let [a, p, b, c, r] =
            ["a", "p", "b", "c", "r"].map(|n| rows.iri(Iri::Data(&format!("http://example.org/{n}"))).unwrap());
        let reifies = rows.iri(Iri::Fixed(rdf::REIFIES)).unwrap();
        rows.add(&a, &p, Object::Node(&b));
        rows.add(&a, &p, Object::Node(&c));
        rows.add(&r, &reifies, Object::TripleTerm(&a, &p, &b));
        rows.add(&r, &reifies, Object::TripleTerm(&a, &p, &c));
        let list = sorted(&mut rows);
        let plan = Plan::new(&rows, &list);
        assert!((0..list.len()).all(|i| !plan.inside(i) && plan.annotations(i).count() == 0));
    }
}

//! A relation's statement: the reified triple, its dates, and its evidence.

use oxrdf::vocab::rdf;
use oxrdf::{GraphName, NamedNode, Term};

use super::block::{plain, yes, Block};
use super::dates::{date_literal, day_literal};
use super::error::RdfError;
use super::iris::Iris;
use super::namespaces::prov;
use super::vocabulary::Terms;
use crate::{Bound, Graph, Id, Relation};

/// The statement of `r` — `rdf:subject`, `rdf:predicate`, `rdf:object`, its dates — and one
/// evidence resource per claim. For N-Quads, the statement is written into the named graph of
/// every source that states it, and each piece of evidence into its own source's graph.
pub(crate) fn statement(iris: &Iris, terms: &Terms, graph: &Graph, r: &Relation) -> Result<Block, RdfError> {
    let predicate = graph.predicate_of(r);
    let st = iris.relation(r.id)?;
    let mut core: Vec<(NamedNode, Term)> = vec![
        (rdf::TYPE.into_owned(), rdf::STATEMENT.into_owned().into()),
        (rdf::SUBJECT.into_owned(), iris.entity(&r.subject)?.into()),
        (rdf::PREDICATE.into_owned(), iris.predicate(&r.predicate)?.into()),
        (rdf::OBJECT.into_owned(), iris.entity(&r.object)?.into()),
    ];
    if let (Some(date), Some(span)) = (&r.date, r.span(predicate.temporal)) {
        core.push((terms.edtf_date.clone(), plain(&date.to_string()).into()));
        match span.start {
            Bound::Date(d) => {
                core.push((terms.start_date.clone(), date_literal(&d).into()));
                core.push((terms.earliest_day.clone(), day_literal(d.earliest()).into()));
                if d.is_approximate() {
                    core.push((terms.start_approximate.clone(), yes().into()));
                }
                if d.is_uncertain() {
                    core.push((terms.start_uncertain.clone(), yes().into()));
                }
            }
            Bound::Open => core.push((terms.start_open.clone(), yes().into())),
            Bound::Unknown => {}
        }
        match span.end {
            Bound::Date(d) => {
                core.push((terms.end_date.clone(), date_literal(&d).into()));
                core.push((terms.latest_day.clone(), day_literal(d.latest()).into()));
                if d.is_approximate() {
                    core.push((terms.end_approximate.clone(), yes().into()));
                }
                if d.is_uncertain() {
                    core.push((terms.end_uncertain.clone(), yes().into()));
                }
            }
            Bound::Open => core.push((terms.end_open.clone(), yes().into())),
            Bound::Unknown => {}
        }
    }

    let mut b = Block::default();
    for source in r.sources() {
        let g = GraphName::from(iris.graph(source)?);
        for (p, o) in &core {
            b.add_in(g.clone(), &st, p.as_ref(), o.clone());
        }
    }
    let mut previous: Option<&Id> = None;
    let mut n = 0;
    for ev in &r.evidence {
        n = if previous == Some(&ev.source) { n + 1 } else { 1 };
        previous = Some(&ev.source);
        let g = GraphName::from(iris.graph(&ev.source)?);
        let e = iris.evidence(r.id, &ev.source, n)?;
        b.add_in(g.clone(), &st, terms.has_evidence.as_ref(), e.clone());
        b.add_in(g.clone(), &e, rdf::TYPE, terms.evidence_class.clone());
        b.add_in(g.clone(), &e, prov::WAS_DERIVED_FROM, iris.source(&ev.source)?);
        b.add_in(g.clone(), &e, terms.evidence_quote.as_ref(), plain(&ev.quote));
        if let Some(note) = &ev.note {
            b.add_in(g, &e, terms.evidence_note.as_ref(), plain(note));
        }
    }
    Ok(b)
}

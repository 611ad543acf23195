//! A relation's statement: the reified triple, its dates, and its evidence.

use oxrdf::vocab::{rdf, xsd};
use oxrdf::NamedNodeRef;

use super::annotation::annotation;
use super::dates::{date_literal, day_value};
use super::error::RdfError;
use super::iris::{Local, ENTITY, EVIDENCE, GRAPH, RELATION, SOURCE};
use super::namespaces::prov;
use super::sink::{Iri, Object, Sink};
use super::version::RdfVersion;
use super::vocabulary::term;
use crate::model::edtf::{Bound, DatePoint};
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::relation::{Evidence, Relation};
use crate::verify::SourceTexts;

/// The object of one of the statement's own triples, held while it is written into the graph
/// of every source.
enum Value<N> {
    Node(N),
    Plain(String),
    Typed(String, NamedNodeRef<'static>),
    True,
    TripleTerm(N, N, N),
}

impl<N> Value<N> {
    fn object(&self) -> Object<'_, N> {
        match self {
            Value::Node(n) => Object::Node(n),
            Value::Plain(text) => Object::Plain(text),
            Value::Typed(value, datatype) => Object::Typed(value, *datatype),
            Value::True => Object::True,
            Value::TripleTerm(s, p, o) => Object::TripleTerm(s, p, o),
        }
    }
}

/// The statement of `r` ([`statement_triples`]) and one evidence resource per claim
/// ([`evidence`]), in one part.
pub(crate) fn statement<S: Sink>(
    b: &mut S,
    graph: &Graph,
    r: &Relation,
    texts: Option<&SourceTexts>,
    version: RdfVersion,
) -> Result<(), RdfError> {
    statement_triples(b, graph, r, version)?;
    evidence(b, graph, r, texts)
}

/// The statement of `r`'s own triples: `rdf:subject`, `rdf:predicate`, `rdf:object` (RDF 1.1),
/// or `rdf:reifies <<( s p o )>>` (RDF 1.2: the statement is a reifier of the triple term), its
/// dates, and `dg:hasEvidence` for each claim. For N-Quads, the statement is written into the
/// named graph of every source that states it, and each `dg:hasEvidence` into its claim's
/// source's graph.
pub(crate) fn statement_triples<S: Sink>(
    b: &mut S,
    graph: &Graph,
    r: &Relation,
    version: RdfVersion,
) -> Result<(), RdfError> {
    let predicate = graph.predicate_of(r);
    let st = b.iri(Iri::Minted(RELATION, Local::Relation(r.id)))?;
    let mut core: Vec<(S::Node, Value<S::Node>)> = Vec::with_capacity(12);
    let subject = b.iri(Iri::Minted(ENTITY, Local::Name(r.subject.as_str())))?;
    let property = b.iri(Iri::vocab(r.predicate.as_str()))?;
    let object = b.iri(Iri::Minted(ENTITY, Local::Name(r.object.as_str())))?;
    match version {
        RdfVersion::Rdf11 => {
            core.push((
                b.iri(Iri::Fixed(rdf::TYPE))?,
                Value::Node(b.iri(Iri::Fixed(rdf::STATEMENT))?),
            ));
            core.push((b.iri(Iri::Fixed(rdf::SUBJECT))?, Value::Node(subject)));
            core.push((b.iri(Iri::Fixed(rdf::PREDICATE))?, Value::Node(property)));
            core.push((b.iri(Iri::Fixed(rdf::OBJECT))?, Value::Node(object)));
        }
        RdfVersion::Rdf12 => core.push((
            b.iri(Iri::Fixed(rdf::REIFIES))?,
            Value::TripleTerm(subject, property, object),
        )),
    }
    if let (Some(date), Some(span)) = (&r.date, r.span(predicate.temporal)) {
        core.push((b.iri(Iri::vocab(term::EDTF_DATE))?, Value::Plain(date.to_string())));
        let mut bound = |b: &mut S,
                         bound: Bound,
                         [date_term, day_term, open, approximate, uncertain]: [&str; 5],
                         day: fn(&DatePoint) -> String|
         -> Result<(), RdfError> {
            match bound {
                Bound::Date(d) => {
                    let (value, datatype) = date_literal(&d);
                    core.push((b.iri(Iri::vocab(date_term))?, Value::Typed(value, datatype)));
                    core.push((b.iri(Iri::vocab(day_term))?, Value::Typed(day(&d), xsd::DATE)));
                    if d.is_approximate() {
                        core.push((b.iri(Iri::vocab(approximate))?, Value::True));
                    }
                    if d.is_uncertain() {
                        core.push((b.iri(Iri::vocab(uncertain))?, Value::True));
                    }
                }
                Bound::Open => core.push((b.iri(Iri::vocab(open))?, Value::True)),
                Bound::Unknown => {}
            }
            Ok(())
        };
        bound(
            b,
            span.start,
            [
                term::START_DATE,
                term::EARLIEST_DAY,
                term::START_OPEN,
                term::START_APPROXIMATE,
                term::START_UNCERTAIN,
            ],
            |d| day_value(d.earliest()),
        )?;
        bound(
            b,
            span.end,
            [
                term::END_DATE,
                term::LATEST_DAY,
                term::END_OPEN,
                term::END_APPROXIMATE,
                term::END_UNCERTAIN,
            ],
            |d| day_value(d.latest()),
        )?;
    }

    for source in r.sources() {
        let g = b.iri(Iri::Minted(GRAPH, Local::Name(source.as_str())))?;
        for (p, o) in &core {
            b.add_in(Some(&g), &st, p, o.object());
        }
    }
    if r.evidence.is_empty() {
        return Ok(());
    }
    let has_evidence = b.iri(Iri::vocab(term::HAS_EVIDENCE))?;
    for (ev, n) in numbered(r) {
        let g = b.iri(Iri::Minted(GRAPH, Local::Name(ev.source.as_str())))?;
        let e = b.iri(Iri::Minted(EVIDENCE, Local::Evidence(r.id, ev.source.as_str(), n)))?;
        b.add_in(Some(&g), &st, &has_evidence, Object::Node(&e));
    }
    Ok(())
}

/// One evidence resource per claim of `r`, each in its source's named graph (N-Quads), derived
/// from the source, with the quote. Each is also a Web Annotation ([`annotation`]) of the
/// statement, anchored in the source's text when `texts` has it.
pub(crate) fn evidence<S: Sink>(
    b: &mut S,
    graph: &Graph,
    r: &Relation,
    texts: Option<&SourceTexts>,
) -> Result<(), RdfError> {
    if r.evidence.is_empty() {
        return Ok(());
    }
    let st = b.iri(Iri::Minted(RELATION, Local::Relation(r.id)))?;
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let evidence_class = b.iri(Iri::vocab(term::EVIDENCE))?;
    let derived_from = b.iri(Iri::Fixed(prov::WAS_DERIVED_FROM))?;
    let quote = b.iri(Iri::vocab(term::EVIDENCE_QUOTE))?;
    for (ev, n) in numbered(r) {
        let g = b.iri(Iri::Minted(GRAPH, Local::Name(ev.source.as_str())))?;
        let e = b.iri(Iri::Minted(EVIDENCE, Local::Evidence(r.id, ev.source.as_str(), n)))?;
        let source = b.iri(Iri::Minted(SOURCE, Local::Name(ev.source.as_str())))?;
        b.add_in(Some(&g), &e, &a, Object::Node(&evidence_class));
        b.add_in(Some(&g), &e, &derived_from, Object::Node(&source));
        b.add_in(Some(&g), &e, &quote, Object::Plain(&ev.quote));
        if let Some(note) = &ev.note {
            let p = b.iri(Iri::vocab(term::EVIDENCE_NOTE))?;
            b.add_in(Some(&g), &e, &p, Object::Plain(note));
        }
        let from = graph.source(ev.source.as_str());
        annotation(b, Some(&g), &e, &st, (r.id, n), ev, from, texts)?;
    }
    Ok(())
}

/// The claims of `r` with their number among the consecutive claims of the same source (from
/// 1), which their evidence IRIs carry.
fn numbered(r: &Relation) -> impl Iterator<Item = (&Evidence, usize)> + '_ {
    let mut previous: Option<&Id> = None;
    let mut n = 0;
    r.evidence.iter().map(move |ev| {
        n = if previous == Some(&ev.source) { n + 1 } else { 1 };
        previous = Some(&ev.source);
        (ev, n)
    })
}

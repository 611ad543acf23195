//! An entity's block: its description and its direct triples.

use crate::model::handle::NodeId;
use oxrdf::vocab::{rdf, rdfs};

use super::dates::date_literal;
use super::error::RdfError;
use super::iris::{Local, ENTITY, SOURCE};
use super::namespaces::{dcterms, owl, skos};
use super::sink::{Iri, Object, Sink};
use super::vocabulary::term;
use crate::model::edtf::Edtf;
use crate::model::graph::Graph;

/// The entity at `node`: type, label, aliases, description, `owl:sameAs`, its own date (EDTF,
/// `dcterms:date` typed at its precision when it is one date, its source and quote), a state's
/// ISO 3166 codes, and one direct triple
/// `entity predicate other` per relation it is the subject of — and, for a symmetric predicate,
/// per relation it is the object of too, so plain SPARQL finds it from either end without a
/// reasoner.
pub(crate) fn entity<S: Sink>(b: &mut S, graph: &Graph, node: NodeId) -> Result<(), RdfError> {
    let e = graph.entity_at(node);
    let iri = b.iri(Iri::Minted(ENTITY, Local::Name(e.id.as_str())))?;
    let class = b.iri(Iri::vocab(e.kind.title()))?;
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    b.add(&iri, &a, Object::Node(&class));
    let label = b.iri(Iri::Fixed(rdfs::LABEL))?;
    b.add(&iri, &label, Object::English(&e.label));
    if !e.aliases.is_empty() {
        let alt_label = b.iri(Iri::Fixed(skos::ALT_LABEL))?;
        for alias in &e.aliases {
            // The data does not record the aliases' language (some are Russian), so no tag.
            b.add(&iri, &alt_label, Object::Plain(alias));
        }
    }
    if !e.description.is_empty() {
        let comment = b.iri(Iri::Fixed(rdfs::COMMENT))?;
        b.add(&iri, &comment, Object::English(&e.description));
    }
    if !e.same_as.is_empty() {
        let same_as = b.iri(Iri::Fixed(owl::SAME_AS))?;
        for same in &e.same_as {
            let other = b.iri(Iri::Data(same))?;
            b.add(&iri, &same_as, Object::Node(&other));
        }
    }
    if let Some(d) = &e.date {
        let edtf = b.iri(Iri::vocab(term::EDTF_DATE))?;
        b.add(&iri, &edtf, Object::Plain(&d.date.to_string()));
        if let Edtf::Single(point) = d.date {
            let (value, datatype) = date_literal(&point);
            let date = b.iri(Iri::Fixed(dcterms::DATE))?;
            b.add(&iri, &date, Object::Typed(&value, datatype));
        }
        let date_source = b.iri(Iri::vocab(term::DATE_SOURCE))?;
        let source = b.iri(Iri::Minted(SOURCE, Local::Name(d.evidence.source.as_str())))?;
        b.add(&iri, &date_source, Object::Node(&source));
        let date_quote = b.iri(Iri::vocab(term::DATE_QUOTE))?;
        b.add(&iri, &date_quote, Object::Plain(&d.evidence.quote));
    }
    if let Some(codes) = &e.iso_3166 {
        for (name, code) in [
            (term::ISO_3166_ALPHA2, codes.alpha2()),
            (term::ISO_3166_ALPHA3, codes.alpha3()),
            (term::ISO_3166_NUMERIC, codes.numeric()),
        ] {
            let p = b.iri(Iri::vocab(name))?;
            b.add(&iri, &p, Object::Plain(code));
        }
    }
    for incident in graph.incidents(node) {
        if incident.outgoing || incident.predicate.symmetric {
            let p = b.iri(Iri::vocab(incident.predicate.id.as_str()))?;
            let other = b.iri(Iri::Minted(ENTITY, Local::Name(incident.other.id.as_str())))?;
            b.add(&iri, &p, Object::Node(&other));
        }
    }
    Ok(())
}

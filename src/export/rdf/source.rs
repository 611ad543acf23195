//! A source's block.

use oxrdf::vocab::rdf;

use super::dates::date_literal;
use super::error::RdfError;
use super::iris::{Local, SOURCE};
use super::namespaces::{dcterms, schema};
use super::sink::{Iri, Object, Sink};
use super::vocabulary::term;
use crate::model::edtf::Edtf;
use crate::model::source::Source;

/// A source as a resource: title, publisher, URL and date. The date is written as EDTF, and
/// also as a typed `dcterms:date` when it is one plain date.
pub(crate) fn source<S: Sink>(b: &mut S, s: &Source) -> Result<(), RdfError> {
    let iri = b.iri(Iri::Minted(SOURCE, Local::Name(s.id.as_str())))?;
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let class = b.iri(Iri::vocab(term::SOURCE))?;
    b.add(&iri, &a, Object::Node(&class));
    // Titles and publishers are in the source's own language, which the data does not record.
    let title = b.iri(Iri::Fixed(dcterms::TITLE))?;
    b.add(&iri, &title, Object::Plain(&s.title));
    let publisher = b.iri(Iri::Fixed(dcterms::PUBLISHER))?;
    b.add(&iri, &publisher, Object::Plain(&s.publisher));
    if let Some(url) = &s.url {
        let page = b.iri(Iri::Data(url))?;
        let p = b.iri(Iri::Fixed(schema::URL))?;
        b.add(&iri, &p, Object::Node(&page));
    }
    if let Some(date) = &s.published {
        let edtf = b.iri(Iri::vocab(term::EDTF_DATE))?;
        b.add(&iri, &edtf, Object::Plain(&date.to_string()));
        if let Edtf::Single(d) = date {
            if !d.is_approximate() && !d.is_uncertain() {
                let p = b.iri(Iri::Fixed(dcterms::DATE))?;
                let (value, datatype) = date_literal(d);
                b.add(&iri, &p, Object::Typed(&value, datatype));
            }
        }
    }
    Ok(())
}

//! A source's block.

use oxrdf::vocab::rdf;
use oxrdf::NamedNode;

use super::block::{plain, Block};
use super::dates::date_literal;
use super::error::RdfError;
use super::iris::Iris;
use super::namespaces::{dcterms, schema};
use super::vocabulary::Terms;
use crate::{Edtf, Source};

/// A source as a resource: title, publisher, URL and date. The date is written as EDTF, and
/// also as a typed `dcterms:date` when it is one plain date.
pub(crate) fn source(iris: &Iris, terms: &Terms, s: &Source) -> Result<Block, RdfError> {
    let iri = iris.source(&s.id)?;
    let mut b = Block::default();
    b.add(&iri, rdf::TYPE, terms.source_class.clone());
    // Titles and publishers are in the source's own language, which the data does not record.
    b.add(&iri, dcterms::TITLE, plain(&s.title));
    b.add(&iri, dcterms::PUBLISHER, plain(&s.publisher));
    if let Some(url) = &s.url {
        let page = NamedNode::new(url.as_str()).map_err(|e| RdfError::BadIri {
            iri: url.clone(),
            reason: e.to_string(),
        })?;
        b.add(&iri, schema::URL, page);
    }
    if let Some(date) = &s.published {
        b.add(&iri, terms.edtf_date.as_ref(), plain(&date.to_string()));
        if let Edtf::Single(d) = date {
            if !d.is_approximate() && !d.is_uncertain() {
                b.add(&iri, dcterms::DATE, date_literal(d));
            }
        }
    }
    Ok(b)
}

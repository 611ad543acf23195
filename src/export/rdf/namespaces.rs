//! The external vocabularies the export uses, and the Turtle prefixes it declares.
//!
//! `rdf`, `rdfs` and `xsd` come from [`oxrdf::vocab`]; the others are spelled out here.

use oxrdf::NamedNodeRef;

/// Builds a constant IRI; used only on the fixed IRIs of this file, never on data.
const fn iri(text: &'static str) -> NamedNodeRef<'static> {
    NamedNodeRef::new_unchecked(text)
}

/// OWL 2.
pub(crate) mod owl {
    use super::*;
    pub(crate) const NS: &str = "http://www.w3.org/2002/07/owl#";
    pub(crate) const ONTOLOGY: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#Ontology");
    pub(crate) const CLASS: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#Class");
    pub(crate) const OBJECT_PROPERTY: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#ObjectProperty");
    pub(crate) const DATATYPE_PROPERTY: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#DatatypeProperty");
    pub(crate) const SYMMETRIC_PROPERTY: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#SymmetricProperty");
    pub(crate) const INVERSE_OF: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#inverseOf");
    pub(crate) const SAME_AS: NamedNodeRef<'_> = iri("http://www.w3.org/2002/07/owl#sameAs");
}

/// SKOS.
pub(crate) mod skos {
    use super::*;
    pub(crate) const NS: &str = "http://www.w3.org/2004/02/skos/core#";
    pub(crate) const ALT_LABEL: NamedNodeRef<'_> = iri("http://www.w3.org/2004/02/skos/core#altLabel");
    pub(crate) const EXACT_MATCH: NamedNodeRef<'_> = iri("http://www.w3.org/2004/02/skos/core#exactMatch");
}

/// PROV-O.
pub(crate) mod prov {
    use super::*;
    pub(crate) const NS: &str = "http://www.w3.org/ns/prov#";
    pub(crate) const ENTITY: NamedNodeRef<'_> = iri("http://www.w3.org/ns/prov#Entity");
    pub(crate) const WAS_DERIVED_FROM: NamedNodeRef<'_> = iri("http://www.w3.org/ns/prov#wasDerivedFrom");
}

/// DCMI Metadata Terms.
pub(crate) mod dcterms {
    use super::*;
    pub(crate) const NS: &str = "http://purl.org/dc/terms/";
    pub(crate) const TITLE: NamedNodeRef<'_> = iri("http://purl.org/dc/terms/title");
    pub(crate) const PUBLISHER: NamedNodeRef<'_> = iri("http://purl.org/dc/terms/publisher");
    pub(crate) const DATE: NamedNodeRef<'_> = iri("http://purl.org/dc/terms/date");
}

/// schema.org.
pub(crate) mod schema {
    use super::*;
    pub(crate) const NS: &str = "http://schema.org/";
    pub(crate) const URL: NamedNodeRef<'_> = iri("http://schema.org/url");
}

/// The W3C Web Annotation vocabulary.
pub(crate) mod oa {
    use super::*;
    pub(crate) const NS: &str = "http://www.w3.org/ns/oa#";
    pub(crate) const ANNOTATION: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#Annotation");
    pub(crate) const HAS_BODY: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#hasBody");
    pub(crate) const HAS_TARGET: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#hasTarget");
    pub(crate) const HAS_SOURCE: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#hasSource");
    pub(crate) const HAS_SELECTOR: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#hasSelector");
    pub(crate) const SPECIFIC_RESOURCE: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#SpecificResource");
    pub(crate) const TEXT_QUOTE_SELECTOR: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#TextQuoteSelector");
    pub(crate) const EXACT: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#exact");
    pub(crate) const PREFIX: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#prefix");
    pub(crate) const SUFFIX: NamedNodeRef<'_> = iri("http://www.w3.org/ns/oa#suffix");
}

/// The prefixes of the external vocabularies, for Turtle: `(name, namespace)`. `wd` and `wdt`
/// shorten the Wikidata IRIs the curators give as `same_as`.
pub(crate) const EXTERNAL_PREFIXES: [(&str, &str); 11] = [
    ("dcterms", dcterms::NS),
    ("oa", oa::NS),
    ("owl", owl::NS),
    ("prov", prov::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", schema::NS),
    ("skos", skos::NS),
    ("wd", "http://www.wikidata.org/entity/"),
    ("wdt", "http://www.wikidata.org/prop/direct/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

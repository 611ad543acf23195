//! What the export says, independent of how it is written down.
//!
//! The parts of the export (the vocabulary, a source, an entity, a statement) describe their
//! triples to a [`Sink`] with [`Iri`]s and [`Object`]s that borrow from the graph. Two sinks
//! take them: [`super::block::Block`] builds `oxrdf` quads (the public [`super::RdfExport::quads`]
//! and the reference serializers), and [`super::rows::Rows`] renders the terms straight to
//! bytes for the fast writer. So the model is written once, and the two outputs can be compared
//! byte for byte.

use oxrdf::NamedNodeRef;

use super::error::RdfError;
use super::iris::{Local, VOCAB};

/// An IRI as the parts of the export describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Iri<'a> {
    /// One of the export's own: `<base><namespace><local>`. The base is validated and every
    /// local name is a validated id or a fixed ASCII name, so these need no checking.
    Minted(&'static str, Local<'a>),
    /// A fixed IRI of a standard vocabulary.
    Fixed(NamedNodeRef<'static>),
    /// An IRI from the data (`same_as`, a source's URL): checked before it is used.
    Data(&'a str),
}

impl<'a> Iri<'a> {
    /// A term of the export's vocabulary, `<base>vocab/<name>`.
    pub(crate) fn vocab(name: &'a str) -> Iri<'a> {
        Iri::Minted(VOCAB, Local::Name(name))
    }
}

/// The object of a triple.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Object<'a, N> {
    /// A resource.
    Node(&'a N),
    /// A plain string: text whose language the data does not record.
    Plain(&'a str),
    /// A string tagged `@en`: the curators' own English text.
    English(&'a str),
    /// A literal of a datatype (a date).
    Typed(&'a str, NamedNodeRef<'static>),
    /// `true` as an `xsd:boolean`.
    True,
    /// An RDF 1.2 triple term, `<<( subject predicate object )>>`, of three resources.
    TripleTerm(&'a N, &'a N, &'a N),
}

/// Takes the triples of one part of the export.
pub(crate) trait Sink {
    /// An IRI made ready for this sink, to be used in any number of triples.
    type Node;

    /// Prepares `iri`; fails if an IRI from the data is not a valid IRI.
    fn iri(&mut self, iri: Iri<'_>) -> Result<Self::Node, RdfError>;

    /// Adds `subject predicate object` to `graph` (`None`: the default graph).
    fn add_in(
        &mut self,
        graph: Option<&Self::Node>,
        subject: &Self::Node,
        predicate: &Self::Node,
        object: Object<'_, Self::Node>,
    );

    /// Adds `subject predicate object` to the default graph.
    fn add(&mut self, subject: &Self::Node, predicate: &Self::Node, object: Object<'_, Self::Node>) {
        self.add_in(None, subject, predicate, object);
    }
}

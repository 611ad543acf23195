//! The RDF syntaxes the export writes.

use std::fmt;

use crate::export::format::Format;

/// An RDF syntax.
///
/// ```
/// use diplograph::{export::Format, export::rdf::RdfSyntax};
/// assert_eq!(RdfSyntax::from_format(Format::NQuads), Some(RdfSyntax::NQuads));
/// assert_eq!(RdfSyntax::from_format(Format::Dot), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RdfSyntax {
    /// Turtle, with prefixes for every namespace.
    Turtle,
    /// N-Triples: one triple a line.
    NTriples,
    /// N-Quads: statements and evidence in a named graph per source.
    NQuads,
}

impl RdfSyntax {
    /// Every syntax.
    pub const ALL: [RdfSyntax; 3] = [RdfSyntax::Turtle, RdfSyntax::NTriples, RdfSyntax::NQuads];

    /// The RDF syntax of an export format, if it is one.
    pub fn from_format(format: Format) -> Option<RdfSyntax> {
        match format {
            Format::Turtle => Some(RdfSyntax::Turtle),
            Format::NTriples => Some(RdfSyntax::NTriples),
            Format::NQuads => Some(RdfSyntax::NQuads),
            Format::Dot | Format::Csv | Format::Html | Format::Gexf | Format::Graphml => None,
        }
    }

    /// The export format of this syntax.
    pub fn format(self) -> Format {
        match self {
            RdfSyntax::Turtle => Format::Turtle,
            RdfSyntax::NTriples => Format::NTriples,
            RdfSyntax::NQuads => Format::NQuads,
        }
    }
}

impl fmt::Display for RdfSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.format().fmt(f)
    }
}

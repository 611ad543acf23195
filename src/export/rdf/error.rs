//! Why an RDF export failed.

use std::io;

/// Why the graph could not be written as RDF.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    /// The base IRI is not usable.
    #[error("bad base IRI '{iri}': {reason}")]
    BadBase {
        /// The text given.
        iri: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A minted or stored IRI is not a valid IRI.
    #[error("'{iri}' is not a valid IRI: {reason}")]
    BadIri {
        /// The offending IRI.
        iri: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Two different things would get the same IRI.
    #[error("two things would share the IRI <{iri}>: {what}")]
    Clash {
        /// The shared IRI.
        iri: String,
        /// Which things.
        what: String,
    },
    /// The writer failed.
    #[error("cannot write RDF")]
    Io(#[from] io::Error),
}

impl RdfError {
    /// The error as an [`io::Error`], for callers whose writer callback must return one
    /// (an I/O error is returned as is, so a broken pipe is still recognised as one).
    pub fn into_io(self) -> io::Error {
        match self {
            RdfError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}

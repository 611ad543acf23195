//! Why a CSV export failed.

use std::io;

/// Why a CSV export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvError {
    /// Writing failed.
    #[error(transparent)]
    Io(io::Error),
    /// A value holds the Neo4j array delimiter (Neo4j flavour only).
    #[error(transparent)]
    Neo4jDelimiter(Neo4jDelimiterError),
}

impl From<io::Error> for CsvError {
    /// The row writers report a delimiter in a value as an `InvalidData` I/O error carrying a
    /// [`Neo4jDelimiterError`]; it is given back as what it is.
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::InvalidData && e.get_ref().is_some_and(|inner| inner.is::<Neo4jDelimiterError>())
        {
            if let Ok(inner) = e.into_inner().expect("checked above").downcast::<Neo4jDelimiterError>() {
                return CsvError::Neo4jDelimiter(*inner);
            }
            unreachable!("checked above");
        }
        CsvError::Io(e)
    }
}

impl From<CsvError> for io::Error {
    /// For callers that write through `io::Result` (the delimiter error as `InvalidData`).
    fn from(e: CsvError) -> Self {
        match e {
            CsvError::Io(e) => e,
            CsvError::Neo4jDelimiter(e) => io::Error::new(io::ErrorKind::InvalidData, e),
        }
    }
}

/// A value that cannot go into a Neo4j array because it holds the array delimiter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} contains U+001F, the Neo4j array delimiter, which the importer cannot escape; remove it from the data")]
pub struct Neo4jDelimiterError {
    /// Which value: the entity or relation and the field.
    pub what: String,
}

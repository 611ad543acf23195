//! Why a DOT export failed.

use std::io;

use super::path::PathHopError;

/// Why a DOT export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DotError {
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A path to draw does not fit the graph (nothing is written then).
    #[error(transparent)]
    Path(#[from] PathHopError),
}

impl From<DotError> for io::Error {
    /// For callers that write through `io::Result` (a path that does not fit as `InvalidInput`).
    fn from(e: DotError) -> Self {
        match e {
            DotError::Io(e) => e,
            DotError::Path(e) => io::Error::new(io::ErrorKind::InvalidInput, e),
        }
    }
}

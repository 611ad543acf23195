//! Why a DOT export failed.

use std::io;

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

/// A path the writer cannot draw: a hop names a node or edge the graph does not have, or the
/// hops do not join up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot draw the path: hop {hop} {reason}")]
pub struct PathHopError {
    /// The hop, counted from 1.
    pub hop: usize,
    /// What is wrong with it.
    pub reason: String,
}

//! Why a graph could not be loaded.

use crate::model::problem::Problems;

/// Why a graph could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The data has errors; every problem found is listed.
    #[error("{0}")]
    Invalid(Problems),
}

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
    /// A file changed while it was read (its length or modification time differs from when it
    /// was opened): what was read may be parts of two versions of it, so nothing is built.
    #[error("{path} changed while it was read; run the command again once it is saved")]
    Changed {
        /// The file.
        path: String,
    },
    /// The data has errors; every problem found is listed.
    #[error("{0}")]
    Invalid(Problems),
}

//! What one file defines, for the checks of the files that refer to it.

use rustc_hash::FxHashMap;

use crate::model::id::Id;

/// The rows of one file that passed their checks, and what the file defines besides.
pub(crate) struct Defined<T> {
    /// The values of the rows that passed.
    pub(crate) values: Vec<T>,
    /// Every id the file defines, with the line that first defines it (rows with errors too).
    pub(crate) seen: FxHashMap<Id, u64>,
    /// The `id` cells of records skipped for syntax or encoding errors.
    pub(crate) skipped_ids: Vec<String>,
    /// False when the file could not be read as a whole.
    pub(crate) readable: bool,
}

impl<T> Defined<T> {
    /// Whether `id` is defined by the file. An id the file defines but whose row had errors (or
    /// was skipped for a syntax error) still counts as known, and nothing counts as unknown in a
    /// file that could not be read: one bad row must not cascade into "unknown id" errors on
    /// every claim that uses it.
    pub(crate) fn knows(&self, id: &Id) -> bool {
        !self.readable || self.seen.contains_key(id) || self.skipped_ids.iter().any(|s| s == id.as_str())
    }
}

//! The text of a file as the reader takes it: loaded whole, or planned to be read from the file
//! chunk by chunk.

use super::planned::Planned;
use crate::load::dataset::DataFile;

/// The text of one file: its bytes, or the plan of reading it from disk in chunks.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Text<'a> {
    /// The whole file, in memory.
    Loaded(&'a DataFile),
    /// The file on disk, planned to be read in chunks.
    Planned(&'a Planned),
}

impl<'a> From<&'a DataFile> for Text<'a> {
    fn from(file: &'a DataFile) -> Self {
        Text::Loaded(file)
    }
}

impl Text<'_> {
    /// How messages name the file.
    pub(crate) fn name(&self) -> &str {
        match self {
            Text::Loaded(file) => &file.name,
            Text::Planned(plan) => &plan.name,
        }
    }

    /// About as many as the file's records, to reserve a vector of its rows: its line ends
    /// when it is loaded, the records its scan counted (the header included) when it is planned.
    pub(crate) fn records_hint(&self) -> usize {
        match self {
            Text::Loaded(file) => memchr::memchr_iter(b'\n', &file.bytes).count(),
            Text::Planned(plan) => plan.records(),
        }
    }
}

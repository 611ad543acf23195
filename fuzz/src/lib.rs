//! The property the fuzz target checks, shared with the replay test in the main crate's
//! `tests/load/fuzz_regressions.rs` (which reimplements [`split`], so keep the two in step).

use std::borrow::Cow;

use diplograph::{Dataset, Graph, LoadError, load::{DataFile, FILE_NAMES}};

/// The byte that separates the four files in a fuzz input (ASCII record separator).
pub const SEPARATOR: u8 = 0x1E;

/// Splits a fuzz input into the four files of a dataset (missing ones are empty; a fifth
/// separator and what follows belong to relations.csv).
pub fn split(data: &[u8]) -> Dataset {
    let mut parts = data.splitn(4, |b| *b == SEPARATOR);
    let mut next = |name: &str| DataFile {
        name: name.to_owned(),
        bytes: Cow::Owned(parts.next().unwrap_or_default().to_vec()),
    };
    Dataset {
        sources: next(FILE_NAMES[0]),
        predicates: next(FILE_NAMES[1]),
        entities: next(FILE_NAMES[2]),
        relations: next(FILE_NAMES[3]),
        views: None,
    }
}

/// Loads the input; panics (a crash for the fuzzer) if the loader panics or refuses the data
/// without naming an error.
pub fn check(data: &[u8]) {
    match Graph::load(&split(data)) {
        Ok(graph) => assert!(graph.warnings().error_count() == 0),
        Err(LoadError::Invalid(problems)) => assert!(problems.error_count() > 0, "refused without an error"),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

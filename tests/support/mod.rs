//! Helpers shared by every test binary (`tests/<area>/main.rs` declares this module with
//! `#[path = "../support/mod.rs"] mod support;`), and the helpers of each area:
//! [`check`] (the binary on a copy of a fixture folder), [`dot`] (Graphviz and a hostile graph),
//! [`hostile`] (random graph-data with hostile text), [`query`] (small graphs built from
//! claims), [`rdf`] (the RDF model restated), [`skip`] (a visible skip when a tool is missing).

#![allow(dead_code)] // each test binary uses a different part

pub mod check;
pub mod dot;
pub mod hostile;
pub mod query;
pub mod rdf;
pub mod skip;

#[allow(unused_imports)] // not every test binary skips
pub use skip::skip;

use std::path::{Path, PathBuf};

use diplograph::Graph;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of a committed fixture (`tests/fixtures/NAME`).
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The shipped graph, loaded from `graph-data/`.
pub fn shipped() -> Graph {
    Graph::load_dir(root().join("graph-data")).expect("the shipped graph loads")
}

/// The binary, reading the shipped `graph-data/` (through `DIPLOGRAPH_DATA`).
pub fn diplograph() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("diplograph").expect("binary");
    cmd.env("DIPLOGRAPH_DATA", root().join("graph-data"));
    // Graph images go to a cache folder of the tests, not the user's.
    cmd.env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"));
    cmd
}

/// Whether tests must fail, rather than skip, when an external tool is missing.
pub fn tools_required() -> bool {
    std::env::var("DIPLOGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

/// The Python interpreter the tests run (`DIPLOGRAPH_PYTHON`, else `python3`).
pub fn python() -> String {
    std::env::var("DIPLOGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Lines as an editor counts them (CRLF, CR, LF).
pub fn line_count(bytes: &[u8]) -> u64 {
    let mut n = 1;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// A proptest configuration of `cases` cases that keeps its regression file beside the test's
/// source (`tests/<area>/<module>.proptest-regressions`): proptest's default would look in
/// `tests/proptest-regressions/`, the same file for equally named modules of two areas.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..proptest::test_runner::Config::with_cases(cases)
    }
}

/// One piece of evidence as the CSV exports show it: (source, quote, note).
pub type Claim = (String, String, Option<String>);

/// A relation as the CSV exports show it: (id, subject, predicate, object, date, evidence).
pub type Fact = (String, String, String, String, String, Vec<Claim>);

/// The graph's relations as [`Fact`]s, for comparing with what a CSV export reads back.
pub fn facts_of(graph: &Graph) -> Vec<Fact> {
    graph
        .relations()
        .map(|r| {
            (
                r.id.to_string(),
                r.subject.to_string(),
                r.predicate.to_string(),
                r.object.to_string(),
                r.date.map(|d| d.to_string()).unwrap_or_default(),
                r.evidence
                    .iter()
                    .map(|e| (e.source.to_string(), e.quote.clone(), e.note.clone()))
                    .collect(),
            )
        })
        .collect()
}

//! Size limits: a huge cell, a million rows and a huge file are refused with a clear message, in
//! bounded time and memory. The inputs are generated here, not committed.
//!
//! Limits (`diplograph::Limits`): by default a cell holds at most 64 KiB, a file at most 20
//! million data rows and 4 GiB. These tests load with smaller row and file limits (100,000 rows,
//! 64 MiB) so that reaching them stays quick; a million rows load under the default limits.

use std::borrow::Cow;
use std::path::Path;
use std::time::{Duration, Instant};

use diplograph::{load::DataFile, model::Severity, Dataset, Graph, Limits, LoadError, Problem};

fn minimal() -> Dataset {
    Dataset::from_dir(&crate::support::fixture("minimal")).expect("minimal fixture")
}

fn with_relations(extra: Vec<u8>) -> Dataset {
    let mut data = minimal();
    let mut bytes = data.relations.bytes.to_vec();
    bytes.extend_from_slice(&extra);
    data.relations = DataFile {
        name: "relations.csv".to_owned(),
        bytes: Cow::Owned(bytes),
    };
    data
}

/// The limits these tests reach: 100,000 rows and 64 MiB a file, the default 64 KiB a cell.
fn small() -> Limits {
    Limits {
        max_file_bytes: 64 * 1024 * 1024,
        max_rows: 100_000,
        ..Limits::default()
    }
}

fn problems(data: &Dataset) -> Vec<Problem> {
    match Graph::load_with_limits(data, &small()) {
        Ok(_) => panic!("the data loaded"),
        Err(LoadError::Invalid(p)) => p.0,
        Err(e) => panic!("{e}"),
    }
}

/// Generous: the point is "does not hang", not a benchmark (debug builds are slow).
const PATIENCE: Duration = Duration::from_secs(60);

#[test]
fn a_10_mb_cell_is_refused() {
    let mut row = b"belarus,borders,poland,,src-a,\"".to_vec();
    row.extend(vec![b'x'; 10_000_000]);
    row.extend_from_slice(b"\",\n");
    let start = Instant::now();
    let found = problems(&with_relations(row));
    assert!(start.elapsed() < PATIENCE);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, Some(7));
    assert_eq!(
        found[0].message,
        "the 'quote' cell is 10000000 bytes long; a cell holds at most 65536 bytes (64 KiB)"
    );
}

#[test]
fn a_cell_of_64_kib_is_accepted() {
    let row = format!("belarus,borders,poland,,src-a,{},\n", "x".repeat(65_536));
    let graph = Graph::load(&with_relations(row.into_bytes())).expect("loads");
    assert_eq!(graph.claim_count(), 6);
}

/// A million rows: reading stops at the limit, with one error at the first row over it
/// (line 100,002: the header, then 100,000 rows).
#[test]
fn a_million_rows_stop_at_the_row_limit() {
    let mut rows = Vec::with_capacity(45_000_000);
    for i in 0..1_000_000u32 {
        rows.extend_from_slice(format!("belarus,borders,poland,{},src-a,Quote {i}.,\n", 1000 + i % 9000).as_bytes());
    }
    let start = Instant::now();
    let found = problems(&with_relations(rows));
    assert!(start.elapsed() < PATIENCE, "took {:?}", start.elapsed());
    let errors: Vec<String> = found
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}:{}: {}", p.file, p.line.unwrap_or(0), p.message))
        .collect();
    assert_eq!(
        errors,
        ["relations.csv:100002: more than 100000 rows: a graph-data file holds at most 100000; the rest of the file is not read"]
    );
}

/// A 1 GiB file (sparse, so the test does not write it) is refused after reading 64 MiB.
#[test]
fn a_file_over_64_mib_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in diplograph::load::FILE_NAMES {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/minimal")
                .join(name),
            dir.path().join(name),
        )
        .expect("copy");
    }
    let big = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("entities.csv"))
        .expect("open");
    big.set_len(1 << 30).expect("set_len");
    let data = Dataset::from_dir_with(dir.path(), &small()).expect("reads");
    assert_eq!(
        data.entities.bytes.len(),
        64 * 1024 * 1024 + 1,
        "reads one byte past the limit, no more"
    );
    let found = problems(&data);
    let entities: Vec<&Problem> = found.iter().filter(|p| p.file.ends_with("entities.csv")).collect();
    assert_eq!(entities.len(), 1, "{found:?}");
    assert_eq!(entities[0].line, None);
    assert_eq!(
        entities[0].message,
        "the file is larger than 67108864 bytes (64 MiB), the limit for a graph-data file"
    );
    // entities.csv could not be read, so relations.csv's references to it are not reported.
    assert_eq!(found.len(), 1, "{found:?}");
}

/// A syntax error on every one of 150,000 rows: the problems are those of the rows read (up to
/// the limit), not one per line of the whole file; the first 100 are listed, the rest counted in
/// one summary (docs/guarantees.md, "Bounded error reports").
#[test]
fn syntax_errors_are_bounded_by_the_row_limit() {
    let mut rows = Vec::new();
    for _ in 0..150_000 {
        rows.extend_from_slice(b"belarus,borders,poland,,src-a,a \"bare\" quote,\n");
    }
    let found = problems(&with_relations(rows));
    let message = "a double quote inside an unquoted field";
    let listed = found.iter().filter(|p| p.message == message && p.omitted == 0).count();
    assert_eq!(listed, 100);
    let counted: u64 = found.iter().filter(|p| p.message == message).map(|p| p.omitted).sum();
    assert_eq!(
        counted as usize + listed,
        100_000 - 5,
        "the minimal fixture's 5 rows count too"
    );
    assert_eq!(
        found.len(),
        listed + 2,
        "one summary, and one error for the row limit: {found:?}"
    );
    let limit = found
        .iter()
        .find(|p| p.message.starts_with("more than 100000 rows"))
        .expect("row limit");
    assert_eq!(limit.line, Some(100_002));
}

/// Under the default limits a million rows load (the graph merges them into the relations
/// they state), in bounded time.
#[test]
fn a_million_rows_load_under_the_default_limits() {
    let mut rows = Vec::with_capacity(45_000_000);
    for i in 0..1_000_000u32 {
        rows.extend_from_slice(format!("belarus,borders,poland,{},src-a,Quote {i}.,\n", 1000 + i % 9000).as_bytes());
    }
    let start = Instant::now();
    let graph = Graph::load(&with_relations(rows)).expect("a million rows load");
    assert!(start.elapsed() < PATIENCE * 3, "took {:?}", start.elapsed());
    assert_eq!(graph.claim_count(), 1_000_005);
}

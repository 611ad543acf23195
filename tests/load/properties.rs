//! Property tests: whatever bytes the four files hold, `Graph::load` returns (never panics, never
//! hangs) either a graph or a non-empty list of errors, each placed on a line the file has, in
//! file and line order — and the same answer every time.

use std::borrow::Cow;

use crate::support::line_count;
use diplograph::{
    load::{DataFile, FILE_NAMES},
    model::Severity,
    Dataset, Graph, LoadError,
};
use proptest::prelude::*;

fn dataset(files: [Vec<u8>; 4]) -> Dataset {
    let [sources, predicates, entities, relations] = files.map(|bytes| bytes);
    let file = |name: &str, bytes: Vec<u8>| DataFile {
        name: name.to_owned(),
        bytes: Cow::Owned(bytes),
    };
    Dataset {
        sources: file(FILE_NAMES[0], sources),
        predicates: file(FILE_NAMES[1], predicates),
        entities: file(FILE_NAMES[2], entities),
        relations: file(FILE_NAMES[3], relations),
        views: None,
    }
}

fn minimal() -> [Vec<u8>; 4] {
    let dir = crate::support::fixture("minimal");
    FILE_NAMES.map(|name| std::fs::read(dir.join(name)).expect("fixture"))
}

fn check(files: [Vec<u8>; 4]) -> Result<(), TestCaseError> {
    let lines: Vec<u64> = files.iter().map(|f| line_count(f)).collect();
    let data = dataset(files);
    let first = Graph::load(&data);
    match &first {
        Ok(graph) => {
            prop_assert!(graph.warnings().errors().next().is_none());
            prop_assert!(graph.relations().count() <= graph.claim_count());
        }
        Err(LoadError::Invalid(problems)) => {
            prop_assert!(problems.error_count() > 0, "refused without an error: {problems:?}");
            let mut last = (0, None);
            for p in &problems.0 {
                let file = FILE_NAMES.iter().position(|n| *n == p.file);
                prop_assert!(file.is_some(), "unknown file {}", p.file);
                let file = file.unwrap_or(0);
                if let Some(line) = p.line {
                    prop_assert!(
                        line >= 1 && line <= lines[file],
                        "{p}: the file has {} lines",
                        lines[file]
                    );
                }
                prop_assert!((file, p.line) >= last, "out of order: {p}");
                last = (file, p.line);
                prop_assert!(!p.message.is_empty());
                prop_assert!(p.severity == Severity::Error || p.severity == Severity::Warning);
            }
        }
        Err(e) => prop_assert!(false, "unexpected error {e}"),
    }
    // Deterministic: the same input, the same answer.
    let again = Graph::load(&data);
    match (&first, &again) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(a.claim_count(), b.claim_count());
            prop_assert_eq!(a.warnings(), b.warnings());
        }
        (Err(LoadError::Invalid(a)), Err(LoadError::Invalid(b))) => prop_assert_eq!(a, b),
        _ => prop_assert!(false, "two loads disagree"),
    }
    Ok(())
}

/// Bytes that matter to a CSV reader and to the checks behind it: half of the bytes drawn come
/// from this list, the other half are any byte.
const HOSTILE: &[u8] = b"\",\n\r|/ \0\xEF\xBB\xBF\xFF\xC3\xA9azAZ09-_.?~%";

fn hostile_byte() -> impl Strategy<Value = u8> {
    any::<u8>().prop_map(|b| {
        if b < 128 {
            HOSTILE[usize::from(b) % HOSTILE.len()]
        } else {
            b
        }
    })
}

fn hostile_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max).prop_map(|v| {
        v.into_iter()
            .map(|b| {
                if b < 128 {
                    HOSTILE[usize::from(b) % HOSTILE.len()]
                } else {
                    b
                }
            })
            .collect()
    })
}

const TOKENS: &[&str] = &[
    "belarus",
    "poland",
    "nato",
    "pfp",
    "pfp-document",
    "lukashenko",
    "src-a",
    "src-b",
    "member_of",
    "borders",
    "signed",
    "participant_in",
    "state",
    "organization",
    "programme",
    "person",
    "agreement",
    "state|person",
    "true",
    "false",
    "event",
    "1999",
    "1999/..",
    "/2007",
    "1999-03~",
    "2023-02-30",
    "",
    "\"quoted, cell\"",
    "a|b",
    "http://example.org/x",
    "Quote.",
    "Belarus",
    "BELARUS",
    "Bad id",
    " belarus",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, u8),
    Delete(usize, usize),
    Overwrite(usize, u8),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), hostile_byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..20).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), hostile_byte()).prop_map(|(i, b)| Mutation::Overwrite(i, b)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let at = |i: usize| i % (len + 1);
    let mut lines: Vec<Vec<u8>> = bytes.split_inclusive(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    match *m {
        Mutation::Insert(i, b) => bytes.insert(at(i), b),
        Mutation::Delete(i, n) => {
            let s = at(i);
            bytes.drain(s..(s + n).min(len));
        }
        Mutation::Overwrite(i, b) if len > 0 => bytes[i % len] = b,
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let copy = lines[i % lines.len()].clone();
            lines.insert(i % lines.len(), copy);
            *bytes = lines.concat();
        }
        Mutation::SwapLines(i, j) if !lines.is_empty() => {
            let n = lines.len();
            lines.swap(i % n, j % n);
            *bytes = lines.concat();
        }
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(crate::support::proptest_config(256))]

    /// Arbitrary bytes, hostile bytes favoured, in each of the four files.
    #[test]
    fn arbitrary_bytes_never_panic(
        files in prop::array::uniform4(hostile_bytes(300))
    ) {
        check(files)?;
    }

    /// The minimal valid graph with random edits: the interesting inputs are near-valid ones.
    #[test]
    fn mutated_valid_files_never_panic(
        edits in prop::collection::vec((0usize..4, mutation()), 1..8)
    ) {
        let mut files = minimal();
        for (file, m) in &edits {
            apply(&mut files[*file], m);
        }
        check(files)?;
    }

    /// Rows built from tokens that are valid somewhere (ids, kinds, dates, booleans, IRIs) under
    /// the real headers: many of these load, so the graph building is exercised too.
    #[test]
    fn rows_of_plausible_tokens_never_panic(
        tables in prop::array::uniform4(prop::collection::vec(prop::collection::vec(0usize..TOKENS.len(), 4..10), 0..12))
    ) {
        let headers = minimal().map(|f| f.split(|b| *b == b'\n').next().map(<[u8]>::to_vec).unwrap_or_default());
        let mut files: [Vec<u8>; 4] = Default::default();
        for (i, rows) in tables.iter().enumerate() {
            files[i].extend_from_slice(&headers[i]);
            files[i].push(b'\n');
            let width = headers[i].split(|b| *b == b',').count();
            for row in rows {
                // Mostly rows of the right width, sometimes ragged.
                let cells: Vec<&str> = row.iter().map(|t| TOKENS[*t]).collect();
                let cells = if row[0] % 5 == 0 { &cells[..] } else { &cells[..width.min(cells.len())] };
                let mut line = cells.join(",");
                for _ in cells.len()..width {
                    line.push(',');
                }
                files[i].extend_from_slice(line.as_bytes());
                files[i].push(b'\n');
            }
        }
        check(files)?;
    }

    /// Valid rows appended in any number keep the graph loadable.
    #[test]
    fn appended_valid_claims_load(years in prop::collection::vec(1000u32..=9999, 0..40)) {
        let mut files = minimal();
        for (i, y) in years.iter().enumerate() {
            files[3].extend_from_slice(format!("belarus,borders,poland,{y},src-a,\"Quote {i}, with a comma.\",\n").as_bytes());
        }
        let graph = Graph::load(&dataset(files));
        prop_assert!(graph.is_ok(), "{:?}", graph.err().map(|e| e.to_string()));
        let graph = graph.unwrap_or_else(|_| unreachable!());
        prop_assert_eq!(graph.claim_count(), 5 + years.len());
    }
}

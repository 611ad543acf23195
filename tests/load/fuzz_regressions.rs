//! Replays the fuzz target's property (fuzz/src/lib.rs) on its seed corpus (fuzz/seeds/) and on
//! every input the fuzzer ever found to crash or hang (tests/fixtures/fuzz/): each must load or
//! be refused with at least one error, without a panic.
//!
//! An input is the four files joined by the byte 0x1E, in the order sources, predicates,
//! entities, relations.

use std::borrow::Cow;
use std::path::Path;

use diplograph::{
    load::{DataFile, FILE_NAMES},
    Dataset, Graph, LoadError,
};

const SEPARATOR: u8 = 0x1E;

fn split(data: &[u8]) -> Dataset {
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

fn replay(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).expect("read");
        match Graph::load(&split(&data)) {
            Ok(graph) => assert_eq!(graph.warnings().error_count(), 0, "{}", path.display()),
            Err(LoadError::Invalid(p)) => assert!(p.error_count() > 0, "{}", path.display()),
            Err(e) => panic!("{}: {e}", path.display()),
        }
        n += 1;
    }
    n
}

#[test]
fn seed_corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(replay(&root.join("fuzz/seeds")) >= 5, "the seed corpus is missing");
    let minimal = std::fs::read(root.join("fuzz/seeds/minimal")).expect("seed");
    assert_eq!(
        Graph::load(&split(&minimal))
            .expect("the minimal seed loads")
            .claim_count(),
        5
    );
}

#[test]
fn inputs_the_fuzzer_found_replay() {
    replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz"));
}

//! The benchmark's generator writes valid, realistic, deterministic graph-data.
//!
//! The generator is `bench/synth`; this test compiles its module directly, writes 2,000
//! claims and checks them with the library and with `diplograph check`. No timings are asserted:
//! benchmarks are never timed tests (`bench/run.sh --sizes 2000 --runs 1 --no-peers` is the
//! benchmark's own smoke run).

#[path = "../../bench/synth/generator.rs"]
#[allow(dead_code)]
mod generator;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use assert_cmd::Command;
use diplograph::{
    model::{Bound, Precision},
    Edtf, EntityKind, Graph,
};

const CLAIMS: usize = 2_000;

fn generate(dir: &Path, seed: u64) -> generator::Summary {
    generator::generate(&generator::Options { claims: CLAIMS, seed }, dir).expect("the generator writes its folder")
}

fn read(dir: &Path, file: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_path(dir.join(file)).expect("readable CSV");
    reader.records().map(|r| r.expect("a valid CSV record")).collect()
}

#[test]
fn generated_data_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(dir.path(), 1);
    assert_eq!(summary.claims, CLAIMS);

    let out = Command::cargo_bin("diplograph")
        .unwrap()
        .args(["--data"])
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "check failed:\n{stdout}\n{stderr}");
    assert!(
        stdout.starts_with("ok: ") && stdout.contains(&format!("from {CLAIMS} claims")),
        "{stdout}"
    );
    assert!(
        !stdout.contains("warning"),
        "the generator should not cause warnings: {stdout}{stderr}"
    );
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn generated_data_has_the_promised_shape() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(dir.path(), 7);
    let graph = Graph::load_dir(dir.path()).expect("valid data");
    assert!(graph.warnings().0.is_empty());
    assert_eq!(graph.claim_count(), CLAIMS);
    assert_eq!(graph.sources().len(), summary.sources);
    assert!(summary.sources >= 8);

    // Every kind and every predicate appears.
    let kinds: BTreeSet<EntityKind> = graph.entities().map(|e| e.kind).collect();
    assert_eq!(kinds.len(), EntityKind::ALL.len(), "{kinds:?}");
    let used: HashSet<&str> = graph.relations().map(|r| r.predicate.as_str()).collect();
    for p in graph.predicates() {
        assert!(used.contains(p.id.as_str()), "predicate {} never used", p.id);
    }

    // Hubs and a long tail: the top entity has far more relations than the median one.
    let mut degrees: Vec<(usize, &str)> = graph
        .node_ids()
        .map(|n| (graph.degree(n), graph.entity_at(n).id.as_str()))
        .collect();
    degrees.sort();
    let (top, top_id) = degrees[degrees.len() - 1];
    let median = degrees[degrees.len() / 2].0;
    assert!(top >= 20 * median.max(1), "top {top_id} has {top}, median {median}");
    assert!(["belarus", "nato"].contains(&top_id), "the biggest hub is {top_id}");
    assert!(
        degrees.iter().filter(|(d, _)| *d <= 2).count() * 10 >= degrees.len(),
        "no long tail"
    );

    // Dates at every precision and shape, qualified ones, and undated claims.
    let dates: Vec<Edtf> = graph.relations().filter_map(|r| r.date).collect();
    let precisions: BTreeSet<Precision> = dates
        .iter()
        .filter_map(|d| d.start().date().map(|p| p.precision()))
        .collect();
    assert_eq!(precisions.len(), 3, "{precisions:?}");
    let has = |f: &dyn Fn(&Edtf) -> bool| dates.iter().any(f);
    assert!(has(&|d| matches!(d, Edtf::Single(_))));
    assert!(has(&|d| matches!(
        d,
        Edtf::Interval {
            start: Bound::Date(_),
            end: Bound::Date(_)
        }
    )));
    assert!(has(&|d| matches!(d, Edtf::Interval { end: Bound::Open, .. })));
    assert!(has(&|d| matches!(
        d,
        Edtf::Interval {
            end: Bound::Unknown,
            ..
        }
    )));
    assert!(has(&|d| matches!(
        d,
        Edtf::Interval {
            start: Bound::Unknown,
            ..
        }
    )));
    assert!(has(&|d| d.is_qualified()));
    assert!(summary.undated > 0 && graph.relations().any(|r| r.date.is_none()));

    // Agreeing duplicates merge into relations with several sources; disagreeing ones give the
    // same subject, predicate and object several dates.
    assert!(summary.agreeing > 0 && summary.disagreeing > 0);
    assert!(graph.relations().any(|r| r.sources().len() > 1));
    let mut dates_per_triple: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for r in graph.relations() {
        *dates_per_triple
            .entry((r.subject.as_str(), r.predicate.as_str(), r.object.as_str()))
            .or_default() += 1;
    }
    assert!(dates_per_triple.values().any(|&n| n > 1));

    // Quotes of 10 to 30 words; some need CSV quoting.
    let rows = read(dir.path(), "relations.csv");
    assert_eq!(rows.len(), CLAIMS);
    for row in &rows {
        let words = row[5].split_whitespace().count();
        assert!((10..=30).contains(&words), "{words} words: {}", &row[5]);
    }
    assert!(rows.iter().any(|r| r[5].contains('"')));
    assert!(rows.iter().any(|r| r[5].contains(',')));
    assert!(rows.iter().any(|r| !r[5].is_ascii()));

    // Symmetric relations are never entered both ways.
    let symmetric: HashSet<&str> = graph
        .predicates()
        .iter()
        .filter(|p| p.symmetric)
        .map(|p| p.id.as_str())
        .collect();
    let pairs: HashSet<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| symmetric.contains(&r[1]))
        .map(|r| (&r[0], &r[1], &r[2]))
        .collect();
    for (s, p, o) in &pairs {
        assert!(!pairs.contains(&(o, p, s)), "{s} {p} {o} in both directions");
    }
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    generate(a.path(), 3);
    generate(b.path(), 3);
    generate(c.path(), 4);
    for file in diplograph::load::FILE_NAMES {
        let bytes = |d: &tempfile::TempDir| std::fs::read(d.path().join(file)).unwrap();
        assert_eq!(
            bytes(&a),
            bytes(&b),
            "{file} differs between two runs with the same seed"
        );
        if file == "relations.csv" || file == "entities.csv" {
            assert_ne!(bytes(&a), bytes(&c), "{file} does not depend on the seed");
        }
    }
    // The shipped predicates are reused as they are.
    assert_eq!(
        std::fs::read(a.path().join("predicates.csv")).unwrap(),
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/predicates.csv")).unwrap()
    );
}

/// The main job on a 10,000-claim graph finishes, rendering no diagram too large to read: those
/// are skipped with a note naming them (and the whole graph is drawn as its overview).
#[test]
fn main_job_on_a_large_graph_skips_unreadable_pictures() {
    let data = tempfile::tempdir().unwrap();
    generator::generate(
        &generator::Options {
            claims: 10_000,
            seed: 1,
        },
        data.path(),
    )
    .expect("the generator writes its folder");
    let out_dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = Command::cargo_bin("diplograph")
        .unwrap()
        .arg("--data")
        .arg(data.path())
        .args(["export", "--all", "--out"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: skipped rendering") && stderr.contains("graph.dot: 1249 entities"),
        "{stderr}"
    );
    assert!(out_dir.path().join("graph.dot").is_file());
    assert!(
        !out_dir.path().join("graph.svg").exists(),
        "the whole graph is not rendered"
    );
    if crate::support::dot::have_dot("main_job_on_a_large_graph_skips_unreadable_pictures") {
        assert!(out_dir.path().join("overview.svg").is_file());
    }
    // Generous: the job took 8 s in a debug build here; unbounded Graphviz runs took minutes.
    assert!(started.elapsed().as_secs() < 120, "took {:?}", started.elapsed());
}

//! Property 1 for Apache Jena (docs/guarantees.md): `riot --validate` accepts, without an error
//! or a warning, the Turtle, N-Triples and N-Quads exports of random hostile graphs
//! (tests/support/hostile.rs), under the default base IRI and under one with non-ASCII
//! characters. Jena's start-up takes a second or two, so every file goes to one riot run
//! (`.ci/riot`, which also says how Debian's packages are made to run). Without Java or Jena
//! the test is skipped, visibly (a failure under DIPLOGRAPH_REQUIRE_TOOLS=1).
//! `HOSTILE_TOOL_CASES` sets the number of graphs (default 8).

use std::process::Command;

use crate::support::hostile::{spec, tool_cases, Layout};
use crate::support::root;
use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

const TEST: &str = "riot_validates_random_hostile_exports";

#[test]
fn riot_validates_random_hostile_exports() {
    let jena = std::path::Path::new("/usr/share/java/jena-core.jar").is_file();
    if !jena || !crate::support::skip::runs("java", &["-version"]) {
        return crate::support::skip(
            TEST,
            "Java or Apache Jena not found (apt-get install libapache-jena-java default-jre-headless unzip)",
        );
    }
    // Kept when riot objects, to look at: the folder is named in the failure.
    let dir = tempfile::Builder::new()
        .prefix("riot-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("tempdir");
    let bases = [
        BaseIri::default(),
        BaseIri::new("http://example.org/gráf/ĸ-data/").expect("a base IRI"),
    ];
    let mut runner = TestRunner::default();
    let strategy = spec();
    let mut files = Vec::new();
    for i in 0..tool_cases(8) as usize {
        let spec = strategy.new_tree(&mut runner).expect("a graph").current();
        let graph = spec.load(&Layout::plain(&spec));
        let base = &bases[i % bases.len()];
        for syntax in RdfSyntax::ALL {
            let bytes = RdfExport::new(&graph, base)
                .expect("the export prepares")
                .write(syntax, Vec::new())
                .expect("the export writes");
            let path = dir.path().join(format!("g{i}.{}", syntax.format().extension()));
            std::fs::write(&path, bytes).expect("write");
            files.push(path);
        }
    }
    let out = Command::new(root().join(".ci/riot"))
        .args(&files)
        .env("TMPDIR", env!("CARGO_TARGET_TMPDIR"))
        .output()
        .expect(".ci/riot runs");
    if !out.status.success() {
        let kept = dir.keep();
        panic!(
            "riot rejects or warns about an export (the files are kept in {}):\n{}",
            kept.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

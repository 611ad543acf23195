//! The CSV export, loaded into NetworkX (an independent graph library), is the graph diplograph
//! answers from: the same node and edge counts, and the same fewest-hops distances between
//! entities (tests/export/csv_networkx.py). Reads the committed `exports/` (kept current by
//! tests/docs/exports_current.rs).
//!
//! Needs python3 with networkx (`pip install networkx`); skips without it, unless
//! DIPLOGRAPH_REQUIRE_TOOLS=1 (CI), where it fails.

use std::path::Path;
use std::process::Command;

use crate::support::python;
use diplograph::Graph;

#[test]
fn csv_export_in_networkx_has_diplographs_counts_and_distances() {
    let python = python();
    let ok = Command::new(&python)
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        return crate::support::skip(
            "csv_export_in_networkx_has_diplographs_counts_and_distances",
            &format!("{python} with networkx not found (pip install networkx)"),
        );
    }
    let graph = Graph::embedded().expect("the shipped graph loads");
    let nodes: Vec<_> = graph.node_ids().collect();
    // Every entity to a sample of others: the hubs and a spread of the rest.
    let sources: Vec<_> = nodes
        .iter()
        .copied()
        .step_by(9)
        .chain(["belarus", "nato"].iter().filter_map(|id| graph.node(id)))
        .collect();
    let mut distances = Vec::new();
    let mut reached = 0;
    for &a in &sources {
        for &b in &nodes {
            if a == b {
                continue;
            }
            let hops = graph.paths(a, b).shortest().map(|p| p.len());
            reached += usize::from(hops.is_some());
            distances.push(serde_json::json!([graph.entity_at(a).id, graph.entity_at(b).id, hops]));
        }
    }
    assert!(
        reached > distances.len() / 2,
        "most pairs should be connected in the curated graph"
    );
    let expected = serde_json::json!({
        "nodes": graph.entity_count(),
        "edges": graph.relation_count(),
        "distances": distances,
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("expected.json");
    std::fs::write(&file, expected.to_string()).expect("written");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(&python)
        .arg(root.join("tests/export/csv_networkx.py"))
        .arg(root.join("exports"))
        .arg(&file)
        .output()
        .expect("python runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "NetworkX disagrees with diplograph:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains(" 0 differences"), "{report}");
}

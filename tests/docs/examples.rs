//! The library examples in `examples/` run, and print what they promise. `cargo test` also
//! builds them as examples; here each is compiled as a module and its `run` called on the
//! shipped graph-data.

use crate::support::root;

#[path = "../../examples/load.rs"]
#[allow(dead_code)]
mod load;
#[path = "../../examples/path.rs"]
#[allow(dead_code)]
mod path;
#[path = "../../examples/rdf_export.rs"]
#[allow(dead_code)]
mod rdf_export;
#[path = "../../examples/timeline.rs"]
#[allow(dead_code)]
mod timeline;

fn data() -> std::path::PathBuf {
    root().join("graph-data")
}

#[test]
fn load_counts_what_check_counts() {
    let mut out = Vec::new();
    load::run(&data(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let stats = crate::support::shipped().stats();
    assert!(
        text.contains(&format!(
            "{:>5} state\n",
            stats.entities_by_kind[&diplograph::EntityKind::State]
        )),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "{} relations from {} claims, {} sources\n",
            stats.relations, stats.claims, stats.sources
        )),
        "{text}"
    );
}

#[test]
fn path_goes_from_protasevich_to_stoltenberg() {
    let mut out = Vec::new();
    path::run(&data(), "Roman Protasevich", "Jens Stoltenberg", &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty(), "no path printed");
    assert!(lines[0].starts_with("  Raman Pratasevich —"), "{text}");
    assert!(lines.last().unwrap().contains("→ Jens Stoltenberg  ["), "{text}");
}

#[test]
fn path_refuses_an_unknown_name() {
    let mut out = Vec::new();
    assert!(path::run(&data(), "Nobody At All", "Jens Stoltenberg", &mut out).is_err());
}

#[test]
fn timeline_is_between_belarus_and_the_eu() {
    let mut out = Vec::new();
    timeline::run(&data(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().count() > 1, "{text}");
    assert!(text.contains("European Union"), "{text}");
}

#[test]
fn rdf_export_writes_the_committed_turtle() {
    let turtle = rdf_export::run(&data(), Vec::new()).unwrap();
    let committed = std::fs::read(root().join("exports/graph.ttl")).unwrap();
    assert!(
        turtle == committed,
        "examples/rdf_export.rs differs from exports/graph.ttl"
    );
}

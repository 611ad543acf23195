//! Every DOT file the tool writes renders with `dot -Tsvg` without an error or a warning, and
//! the CLI's DOT options do what they say.

use std::path::{Path, PathBuf};

use crate::support::diplograph;
use crate::support::dot::*;
use diplograph::{export::dot::TimelineWriter, Graph};
use predicates::prelude::*;

fn dot_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(dot_files(&path));
        } else if path.extension().is_some_and(|e| e == "dot") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The main job runs `dot -Tsvg` on every DOT file it writes and reports anything Graphviz
/// prints; here that must be nothing, and every SVG must be whole.
#[test]
fn every_dot_file_of_the_main_job_renders_without_warnings() {
    if !have_dot("every_dot_file_of_the_main_job_renders_without_warnings") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = diplograph()
        .args(["export", "--all", "--out"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");
    // Only the whole graph is above the size threshold: its DOT file is written, not rendered.
    let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note:")).collect();
    assert_eq!(notes.len(), 1, "{stderr}");
    assert!(
        notes[0].starts_with("note: skipped rendering") && notes[0].contains("graph.dot"),
        "{stderr}"
    );
    let dots = dot_files(dir.path());
    let frames = dots.iter().filter(|d| d.starts_with(dir.path().join("frames"))).count();
    assert!(frames > 20, "one frame per year of the belarus-nato view: {dots:?}");
    assert_eq!(
        dots.len() - frames,
        2 + Graph::embedded().unwrap().views().len(),
        "graph.dot, overview.dot and one file per view: {dots:?}"
    );
    let animation = dir.path().join("frames/belarus-nato.svg");
    let text = std::fs::read_to_string(&animation).expect("the animated frames");
    assert_eq!(text.matches("<animate ").count(), frames, "each frame plays once");
    for dot in dots.iter().filter(|d| !d.ends_with("graph.dot")) {
        let svg = dot.with_extension("svg");
        let text = std::fs::read_to_string(&svg).unwrap_or_else(|_| panic!("{} missing", svg.display()));
        assert!(text.trim_end().ends_with("</svg>"), "{} is cut short", svg.display());
    }
}

/// The same DOT files, rendered here directly: the views and the overview (graph.dot is above
/// the size threshold; the main job does not render it).
#[test]
fn every_view_renders_without_warnings() {
    if !have_dot("every_view_renders_without_warnings") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    diplograph()
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("svg").not());
    for path in dot_files(&dir.path().join("views"))
        .into_iter()
        .chain([dir.path().join("overview.dot")])
    {
        let svg = render_file(&path);
        assert!(svg.contains("<svg"), "{}: no SVG", path.display());
    }
}

#[test]
fn cli_dot_options_render_without_warnings() {
    if !have_dot("cli_dot_options_render_without_warnings") {
        return;
    }
    for args in [
        &["export", "--format", "dot"][..],
        &[
            "export",
            "--format",
            "dot",
            "--focus",
            "NATO",
            "--depth",
            "1",
            "--rankdir",
            "TB",
        ],
        &[
            "export",
            "--format",
            "dot",
            "--focus",
            "belarus",
            "--cluster",
            "kind",
            "--at",
            "2006",
        ],
        &[
            "export",
            "--format",
            "dot",
            "--kind",
            "state",
            "--kind",
            "organization",
            "--from",
            "1991",
            "--until",
            "1995",
        ],
    ] {
        let out = diplograph().args(args).assert().success().get_output().stdout.clone();
        render_svg(&args.join(" "), &out);
    }
}

#[test]
fn rankdir_and_cluster_reach_the_dot_text() {
    let out = diplograph()
        .args([
            "export",
            "--format",
            "dot",
            "--focus",
            "nato",
            "--rankdir",
            "TB",
            "--cluster",
            "kind",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(out).unwrap();
    assert!(dot.contains("rankdir=\"TB\""));
    assert!(dot.contains("subgraph \"cluster_kind_state\""));
    assert!(dot.contains("subgraph \"cluster_kind_organization\""));
    diplograph()
        .args(["export", "--format", "dot", "--rankdir", "up"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("TB, LR, BT, RL"));
    diplograph()
        .args(["export", "--format", "dot", "--cluster", "year"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("choose from: kind"));
}

#[test]
fn dot_to_a_file_equals_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nato.dot");
    diplograph()
        .args(["export", "--format", "dot", "--focus", "nato", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let stdout = diplograph()
        .args(["export", "--format", "dot", "--focus", "nato"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(std::fs::read(&path).unwrap(), stdout);
}

#[test]
fn edges_carry_predicate_and_date_and_disputes_are_red() {
    let out = diplograph()
        .args(["export", "--format", "dot", "--focus", "belarus", "--depth", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(out).unwrap();
    let line = dot
        .lines()
        .find(|l| l.contains("\"belarus\" -> \"partnership-for-peace\""))
        .expect("Belarus takes part in PfP");
    assert!(line.contains("label=\"participant in · 1995\""), "{line}");
    let disputed: Vec<&str> = dot.lines().filter(|l| l.contains(" ≠ ")).collect();
    assert!(!disputed.is_empty(), "the shipped graph has facts with several dates");
    for l in disputed {
        assert!(l.contains("color=\"#c0392b\""), "a disputed fact is not red: {l}");
    }
}

#[test]
fn timeline_of_the_whole_graph_renders() {
    if !have_dot("timeline_of_the_whole_graph_renders") {
        return;
    }
    let graph = crate::support::shipped();
    let mut out = Vec::new();
    TimelineWriter::new().write(&graph, &mut out).unwrap();
    let svg = render_svg("timeline of the whole graph", &out);
    let years = svg_groups(&svg, "cluster");
    let mut titles: Vec<String> = years
        .iter()
        .map(|(t, _)| t.clone())
        .filter(|t| t.starts_with("cluster_year_"))
        .collect();
    assert!(titles.len() > 10, "{titles:?}");
    let sorted = {
        let mut s = titles.clone();
        s.sort();
        s
    };
    titles.dedup();
    assert_eq!(titles, sorted, "one box per year, in year order");
}

#[test]
fn an_empty_graph_gives_well_formed_diagrams_and_csv() {
    let files = [
        ("sources.csv", "id,title,publisher,url,published\n"),
        (
            "predicates.csv",
            "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n",
        ),
        ("entities.csv", "id,kind,label,aliases,description,same_as\n"),
        ("relations.csv", "subject,predicate,object,date,source,quote,note\n"),
    ];
    let empty = Graph::load(&dataset(files[0].1, files[1].1, files[2].1, files[3].1))
        .expect("a header-only dataset is a valid empty graph");
    let data = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(data.path().join(name), text).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let run = diplograph()
        .env("DIPLOGRAPH_DATA", data.path())
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).matches("wrote ").count() >= 6);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("nodes.csv")).unwrap(),
        "id,kind,label,aliases,description,same_as,date,date_source,date_quote,date_link,iso_3166\n"
    );
    let mut diagrams = vec![];
    for path in dot_files(dir.path()) {
        diagrams.push((path.display().to_string(), std::fs::read(&path).unwrap()));
    }
    // A path without hops (the graph has no entity to start one from: any handle will do).
    let path = diplograph::export::dot::PathWriter::new()
        .write(&empty, &diplograph::Path::empty(Default::default()), Vec::new())
        .unwrap();
    diagrams.push(("empty path".into(), path));
    for (what, dot) in diagrams {
        let text = String::from_utf8(dot.clone()).unwrap();
        assert!(text.starts_with("digraph") && text.trim_end().ends_with('}'), "{what}");
        if have_dot("an_empty_graph_gives_well_formed_diagrams_and_csv") {
            render_svg(&what, &dot);
        }
    }
}

//! `path --format dot` and `timeline --format dot`: the diagrams of query results render with
//! Graphviz without warnings, and show what the text output says.

use crate::support::dot::{have_dot, render_svg};
use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("diplograph")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_path_is_drawn_with_its_hops_numbered() {
    let text = run(&["path", "Raman Pratasevich", "Jens Stoltenberg"]);
    let dot = run(&["path", "Raman Pratasevich", "Jens Stoltenberg", "--format", "dot"]);
    assert!(dot.starts_with("digraph"), "{dot}");
    let hops = text
        .lines()
        .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with("also") && !l.contains("… and"))
        .count();
    assert!(hops >= 2, "{text}");
    for n in 1..=hops {
        assert!(
            dot.contains(&format!("{n}. ")),
            "hop {n} is not labelled in the diagram:\n{dot}"
        );
    }
    assert!(
        !dot.contains(&format!("{}. ", hops + 1)),
        "more hops drawn than the path has"
    );
    if have_dot("path diagram") {
        let svg = render_svg("path diagram", dot.as_bytes());
        assert!(svg.contains("Raman Pratasevich") && svg.contains("Jens Stoltenberg"));
    }
}

#[test]
fn a_timeline_is_drawn_by_year() {
    let dot = run(&["timeline", "belarus", "--with", "nato", "--format", "dot"]);
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("Timeline: Belarus and NATO"), "{dot}");
    for year in ["1995", "1998", "2011"] {
        assert!(dot.contains(year), "{year} missing from the timeline diagram");
    }
    if have_dot("timeline diagram") {
        render_svg("timeline diagram", dot.as_bytes());
    }
}

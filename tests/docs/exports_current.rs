//! `exports/` is current: regenerating it gives the same bytes for every file the tool writes
//! (all but the SVGs, which depend on the Graphviz version), and it holds nothing stale.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FIX: &str =
    "run the main job from the repository root: `cargo run --release -- export --all`, then commit exports/";

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> BTreeSet<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries {
            let path = entry.expect("a readable folder").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(rel) = path.strip_prefix(root) {
                out.insert(rel.to_owned());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn committed_exports_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = root.join("exports");
    let fresh = tempfile::tempdir().unwrap();
    Command::cargo_bin("diplograph")
        .unwrap()
        .env("DIPLOGRAPH_DATA", root.join("graph-data"))
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(fresh.path())
        .assert()
        .success();
    let written = files(fresh.path());
    assert!(written.len() >= 6, "the main job wrote only {written:?}");
    let present = files(&committed);

    let mut problems = Vec::new();
    for rel in &written {
        let show = Path::new("exports").join(rel);
        match std::fs::read(committed.join(rel)) {
            Err(_) => problems.push(format!("{} is missing", show.display())),
            Ok(old) => {
                let new = std::fs::read(fresh.path().join(rel)).expect("fresh file reads");
                if old != new {
                    let line = first_difference(&old, &new);
                    problems.push(format!("{} differs (first at line {line})", show.display()));
                }
            }
        }
    }
    for rel in &present {
        let svg_of_a_dot = rel.extension().is_some_and(|e| e == "svg") && written.contains(&rel.with_extension("dot"));
        // frames/<view>.svg plays the SVGs of frames/<view>-YYYY.dot.
        let animation_of_frames = rel.extension().is_some_and(|e| e == "svg")
            && rel.file_stem().is_some_and(|stem| {
                let prefix = format!("{}-", stem.to_string_lossy());
                written.iter().any(|w| {
                    w.parent() == rel.parent()
                        && w.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
            });
        if !written.contains(rel) && !svg_of_a_dot && !animation_of_frames {
            problems.push(format!(
                "{} is stale: the main job no longer writes it (delete it)",
                Path::new("exports").join(rel).display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "exports/ is not current:\n  {}\nTo fix: {FIX}.",
        problems.join("\n  ")
    );
}

/// The 1-based line of the first byte where two files differ.
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    let at = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    1 + a[..at].iter().filter(|&&c| c == b'\n').count()
}

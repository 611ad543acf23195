//! Named views are data: a graph's `views.csv` says which diagrams `export --all` draws.

use std::path::Path;

use crate::support::{diplograph, fixture};
use diplograph::Graph;

fn files(dir: &Path, sub: &str) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir.join(sub)) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A view of another graph's own `views.csv` is drawn, with its yearly frames; the shipped
/// graph's views are not.
#[test]
fn a_custom_view_is_drawn_by_the_export_job() {
    let data = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture("views-ok")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, data.path().join(path.file_name().unwrap())).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    diplograph()
        .arg("--data")
        .arg(data.path())
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(files(out.path(), "views"), ["belarus-pfp.dot"]);
    let dot = std::fs::read_to_string(out.path().join("views/belarus-pfp.dot")).unwrap();
    assert!(dot.contains("Belarus and the Partnership for Peace"), "{dot}");
    assert!(dot.contains("rankdir=\"TB\""), "{dot}");
    assert!(dot.contains("\"pfp\""), "{dot}");
    assert!(!dot.contains("\"lukashenko\""), "people are excluded: {dot}");
    assert!(!dot.contains("\"poland\""), "borders is excluded: {dot}");
    let frames = files(out.path(), "frames");
    assert!(frames.contains(&"belarus-pfp-1995.dot".to_owned()), "{frames:?}");
    assert!(frames.iter().all(|f| f.starts_with("belarus-pfp-")), "{frames:?}");

    // Without views.csv, no named view and no frames.
    std::fs::remove_file(data.path().join("views.csv")).unwrap();
    let bare = tempfile::tempdir().unwrap();
    diplograph()
        .arg("--data")
        .arg(data.path())
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(bare.path())
        .assert()
        .success();
    assert!(files(bare.path(), "views").is_empty());
    assert!(files(bare.path(), "frames").is_empty());
    assert!(Graph::load_dir(data.path()).unwrap().views().is_empty());
}

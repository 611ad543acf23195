//! The binary on hostile input: damaged graph-data is refused with every problem placed in its
//! file (exit code 1, nothing written, no panic, no hang) — property 5; queries on a dense,
//! cyclic graph stay within their caps, and unknown entities, self-paths and disconnected pairs
//! get a clean answer — property 6. (The loader's own catalogue, proptest and fuzz target are in
//! tests/load/; the library-level path bounds in tests/query/paths.rs.)
//!
//! `HOSTILE_TOOL_CASES` sets the number of damaged folders tried (default 10).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::hostile::*;
use crate::support::line_count;
use assert_cmd::Command;
use proptest::prelude::*;

/// How long any one command may take before the test calls it a hang (a debug build, on a
/// loaded machine).
const HANG: Duration = Duration::from_secs(60);

fn diplograph(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("diplograph").expect("binary");
    cmd.env_remove("DIPLOGRAPH_DATA").arg("--data").arg(data).timeout(HANG);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

fn run(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let out = cmd.output().expect("diplograph runs");
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: started.elapsed(),
    };
    assert!(
        run.code.is_some(),
        "killed by a signal or timed out after {:?}: {}",
        run.took,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "a panic:\n{}", run.stderr);
    run
}

// ---------------------------------------------------------------------------------------------
// Property 5: damaged graph-data.

/// A damage to one file: insert bytes, delete a range, cut the file short, repeat or drop a line.
#[derive(Debug, Clone)]
enum Damage {
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Truncate(prop::sample::Index),
    RepeatLine(prop::sample::Index),
    DropLine(prop::sample::Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    let bytes = prop_oneof![
        proptest::sample::select(vec![
            b"\0".to_vec(),
            b"\"".to_vec(),
            b",".to_vec(),
            b"\r".to_vec(),
            b"\n".to_vec(),
            b"\xff".to_vec(),
            b"\xc3".to_vec(),
            "\u{feff}".as_bytes().to_vec(),
            "\u{fffe}".as_bytes().to_vec(),
            b"|".to_vec(),
            b"2023-02-30".to_vec(),
            b";".to_vec(),
        ]),
        prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), bytes).prop_map(|(i, b)| Damage::Insert(i, b)),
        (any::<prop::sample::Index>(), 1usize..8).prop_map(|(i, n)| Damage::Delete(i, n)),
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
        any::<prop::sample::Index>().prop_map(Damage::RepeatLine),
        any::<prop::sample::Index>().prop_map(Damage::DropLine),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let len = bytes.len().max(1);
    match damage {
        Damage::Insert(i, b) => {
            let at = i.index(len + 1).min(bytes.len());
            bytes.splice(at..at, b.iter().copied());
        }
        Damage::Delete(i, n) => {
            let at = i.index(len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Damage::Truncate(i) => bytes.truncate(i.index(len)),
        Damage::RepeatLine(i) | Damage::DropLine(i) => {
            let mut lines: Vec<Vec<u8>> = bytes.split_inclusive(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            if lines.is_empty() {
                return;
            }
            let at = i.index(lines.len());
            if matches!(damage, Damage::RepeatLine(_)) {
                let line = lines[at].clone();
                lines.insert(at, line);
            } else {
                lines.remove(at);
            }
            *bytes = lines.concat();
        }
    }
}

proptest! {
    #![proptest_config(crate::support::proptest_config(tool_cases(10)))]

    /// A hostile graph-data folder with one file damaged: `check --json` lists each problem in a
    /// file of the folder, on one of its lines; `export --all` then writes nothing and exits 1 —
    /// or, if the damage left the data valid, both succeed.
    #[test]
    fn damaged_graph_data_is_refused_cleanly(spec in spec(), file in 0usize..4, damages in prop::collection::vec(damage(), 1..3)) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = tmp.path().join("data");
        spec.write_dir(&data, &Layout::plain(&spec));
        let name = diplograph::load::FILE_NAMES[file];
        let mut bytes = std::fs::read(data.join(name)).expect("read");
        for d in &damages {
            apply(&mut bytes, d);
        }
        std::fs::write(data.join(name), &bytes).expect("write");
        let lines: Vec<u64> = diplograph::load::FILE_NAMES
            .iter()
            .map(|n| line_count(&std::fs::read(data.join(n)).expect("read")))
            .collect();

        let check = run(diplograph(&data).args(["--json", "check"]));
        let report: serde_json::Value = serde_json::from_str(&check.stdout)
            .map_err(|e| TestCaseError::fail(format!("check --json is not JSON ({e}):\n{}\n{}", check.stdout, check.stderr)))?;
        let ok = report["ok"].as_bool() == Some(true);
        prop_assert_eq!(check.code, Some(if ok { 0 } else { 1 }), "{}", check.stderr);
        if !ok {
            let problems = report["problems"].as_array().expect("a problem list");
            prop_assert!(problems.iter().any(|p| p["severity"] == "error"), "refused without an error");
            for p in problems {
                let file = p["file"].as_str().unwrap_or("");
                let i = diplograph::load::FILE_NAMES.iter().position(|n| file == data.join(n).display().to_string());
                prop_assert!(i.is_some(), "a problem in no file of the folder: {}", p);
                if let (Some(i), Some(line)) = (i, p["line"].as_u64()) {
                    prop_assert!(line >= 1 && line <= lines[i], "{}: the file has {} lines", p, lines[i]);
                }
                prop_assert!(!p["message"].as_str().unwrap_or("").is_empty());
            }
        }

        let out = tmp.path().join("out");
        let export = run(diplograph(&data).args(["export", "--all", "--no-svg", "--out"]).arg(&out));
        if ok {
            prop_assert_eq!(export.code, Some(0), "{}", export.stderr);
            prop_assert!(out.join("graph.ttl").is_file());
        } else {
            prop_assert_eq!(export.code, Some(1), "{}", export.stderr);
            prop_assert_eq!(export.stdout, "");
            prop_assert!(!out.exists(), "bad data, yet the export folder was created");
            prop_assert!(
                export.stderr.contains(&format!("{}/", data.display())),
                "the refusal names no file of the folder:\n{}",
                export.stderr
            );
        }
    }
}

#[test]
fn noncharacters_are_refused_with_their_place() {
    let mut spec = fixed_spec(5);
    spec.tables[2].rows[1][2] = "a label with \u{fffe} inside".to_owned();
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    spec.write_dir(&data, &Layout::plain(&spec));
    let out = tmp.path().join("out.ttl");
    let r = run(diplograph(&data).args(["export", "--format", "turtle", "-o"]).arg(&out));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    // The data rows are written in order: the entity on row 2 is on line 3 unless an earlier
    // row holds a line break; the message names the file either way.
    let entities = data.join("entities.csv").display().to_string();
    assert!(
        r.stderr.contains(&format!("{entities}:"))
            && r.stderr
                .contains("column 'label' contains the noncharacter U+FFFE or U+FFFF"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------------------------------------
// Property 6: bounded queries with clean answers.

/// A dense, cyclic graph: 14 states, every ordered pair linked (dated), every pair met
/// (symmetric, dated), a second source disagreeing on some dates; and one isolated state.
fn dense(dir: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let n = 14;
    let sources = "id,title,publisher,url,published\nsrc,Source,Publisher,,\nother,Other,Publisher,,\n";
    let predicates = "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n\
        linked,linked to,linked from,A link.,false,state,state,state,\n\
        met,met,met,A meeting.,true,state,state,event,\n";
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for i in 0..n {
        entities.push_str(&format!("e{i},state,E{i},,State {i}.,\n"));
    }
    entities.push_str("lonely,state,Lonely,,No relations.,\n");
    let mut relations = String::from("subject,predicate,object,date,source,quote,note\n");
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let year = 1990 + (i * 7 + j * 3) % 30;
            relations.push_str(&format!("e{i},linked,e{j},{year}/..,src,e{i} links e{j},\n"));
            if (i + j) % 5 == 0 {
                relations.push_str(&format!(
                    "e{i},linked,e{j},{}/..,other,e{i} linked e{j} earlier,\n",
                    year - 1
                ));
            }
            if i < j {
                relations.push_str(&format!("e{i},met,e{j},{}-0{}~,src,e{i} met e{j},\n", year, 1 + j % 9));
            }
        }
    }
    for (name, text) in [
        ("sources.csv", sources),
        ("predicates.csv", predicates),
        ("entities.csv", entities.as_str()),
        ("relations.csv", relations.as_str()),
    ] {
        std::fs::write(dir.join(name), text).expect("write");
    }
}

/// The number of paths a `path` answer lists.
fn paths_listed(stdout: &str) -> usize {
    stdout
        .lines()
        .filter(|l| l.starts_with("path ") || l.starts_with("journey "))
        .count()
}

/// The hop counts of the paths listed (`path 3: 5 hops`).
fn hop_counts(stdout: &str) -> Vec<usize> {
    stdout
        .lines()
        .filter(|l| l.starts_with("path ") || l.starts_with("journey "))
        .filter_map(|l| l.split(": ").nth(1)?.split(' ').next()?.parse().ok())
        .collect()
}

#[test]
fn enumeration_on_a_dense_cyclic_graph_stays_within_its_caps() {
    let tmp = tempfile::tempdir().expect("tempdir");
    dense(tmp.path());
    let data = tmp.path();

    // The limit caps the count, the hops cap the length.
    let r = run(diplograph(data).args(["path", "e0", "e1", "--all", "--max-hops", "5", "--limit", "40"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(paths_listed(&r.stdout), 40, "{}", r.stdout);
    assert!(hop_counts(&r.stdout).iter().all(|h| *h <= 5));
    assert!(hop_counts(&r.stdout).windows(2).all(|w| w[0] <= w[1]), "shortest first");
    assert!(
        r.stdout.contains("(stopped at --limit 40; there are more"),
        "{}",
        r.stdout
    );

    // Caps far beyond what the graph holds (about 10^9 simple paths): the work budget stops the
    // search. (The diagram format prints one path, not the ~10^5 found.)
    let r = run(diplograph(data).args([
        "path",
        "e0",
        "e1",
        "--all",
        "--max-hops",
        "13",
        "--limit",
        "1000000000",
        "--format",
        "dot",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let found: usize = r
        .stderr
        .strip_prefix("note: the diagram shows the first of ")
        .and_then(|t| t.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!((1000..1_000_000).contains(&found), "{found} paths");
    let budgeted = r.took;
    let r = run(diplograph(data).args([
        "--json",
        "path",
        "e0",
        "e1",
        "--all",
        "--max-hops",
        "13",
        "--limit",
        "500",
    ]));
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(json["complete"], false);
    assert_eq!(json["paths"].as_array().map(Vec::len), Some(500));

    // k shortest with a huge k: the work budget stops it too, and it says so.
    let r = run(diplograph(data).args(["path", "e0", "e1", "--k", "1000000000"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("(the search stopped at its work budget; there may be more"),
        "{}",
        &r.stdout[r.stdout.len().saturating_sub(300)..]
    );
    let hops = hop_counts(&r.stdout);
    assert!(
        hops.len() > 100 && hops.windows(2).all(|w| w[0] <= w[1]),
        "{} paths",
        hops.len()
    );
    let k_budgeted = r.took;

    // k shortest, bounded in hops.
    let r = run(diplograph(data).args(["path", "e0", "e1", "--k", "60", "--max-hops", "3"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let hops = hop_counts(&r.stdout);
    assert_eq!(hops.len(), 60, "{}", r.stdout);
    assert!(
        hops.iter().all(|h| *h <= 3) && hops.windows(2).all(|w| w[0] <= w[1]),
        "{hops:?}"
    );

    // Journeys through time, and a neighbourhood deeper than the graph.
    let r = run(diplograph(data).args(["path", "e0", "e1", "--chronological", "--k", "20"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!((1..=20).contains(&paths_listed(&r.stdout)), "{}", r.stdout);
    let r = run(diplograph(data).args([
        "path",
        "e0",
        "e1",
        "--chronological",
        "--k",
        "1000000",
        "--max-hops",
        "13",
    ]));
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
    let r = run(diplograph(data).args(["neighbors", "e0", "--depth", "1000000"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    eprintln!("the budgeted --all search took {budgeted:?}, --k {k_budgeted:?}");
}

#[test]
fn unknown_entities_get_a_clean_answer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    dense(tmp.path());
    let data = tmp.path();
    // (Names are matched case-, accent- and punctuation-insensitively: "\u{202e}E0" is E0.)
    for name in ["nobody", "x\" color=\"red", "E0\nE1", "%00", ""] {
        for args in [
            vec!["show", name],
            vec!["neighbors", name],
            vec!["timeline", name],
            vec!["timeline", "e0", "--with", name],
            vec!["path", name, "e1"],
            vec!["path", "e0", name, "--all"],
            vec!["path", "e0", name, "--chronological"],
            vec!["conflicts", "--source", name],
            vec!["export", "--format", "dot", "--focus", name],
        ] {
            let r = run(diplograph(data).args(&args));
            assert_eq!(r.code, Some(1), "{args:?}: {}", r.stderr);
            assert_eq!(r.stdout, "", "{args:?}");
            assert!(
                r.stderr.starts_with("error: ") && r.stderr.contains(name.trim()),
                "{args:?}: the message should name {name:?}:\n{}",
                r.stderr
            );
        }
    }
}

#[test]
fn self_paths_and_disconnected_pairs_get_a_clean_answer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    dense(tmp.path());
    let data = tmp.path();
    for extra in [
        &[][..],
        &["--all"],
        &["--k", "3"],
        &["--chronological"],
        &["--format", "dot"],
    ] {
        let r = run(diplograph(data).args(["path", "e3", "E3"]).args(extra));
        assert_eq!(r.code, Some(1), "{extra:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr.contains("FROM and TO are the same entity (e3)"),
            "{extra:?}: {}",
            r.stderr
        );

        let r = run(diplograph(data).args(["path", "e3", "lonely"]).args(extra));
        assert_eq!(r.code, Some(1), "{extra:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{extra:?}");
        assert!(
            r.stderr.starts_with("no path from E3 (e3) to Lonely (lonely)")
                || r.stderr.starts_with("no journey from E3 (e3) to Lonely (lonely)"),
            "{extra:?}: {}",
            r.stderr
        );
    }
    // JSON: the same answer, as an empty list.
    let r = run(diplograph(data).args(["--json", "path", "e3", "lonely", "--all"]));
    assert_eq!(r.code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(json["paths"], serde_json::json!([]));
    // The lonely entity's own neighbourhood and timeline are empty, not errors.
    let r = run(diplograph(data).args(["neighbors", "lonely", "--depth", "5"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(diplograph(data).args(["timeline", "lonely"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

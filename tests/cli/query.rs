//! The query commands, run as the binary on a fixture folder and on the shipped graph.

use crate::support::query::{dataset, states, write_dir};
use assert_cmd::Command;
use predicates::prelude::*;

/// A graph-data folder: a —2001→ b —1995/2007-01→ c, c —2006-03-19→ d; e alone; plus a
/// disagreement on the date of a–c (1991 and 1992-01-27) and on a quantity.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset(
        &states(&["a", "b", "c", "d", "e"]),
        &[
            ("a", "signed", "b", "2001", "src-a", ""),
            ("b", "linked", "c", "1995/2007-01", "src-b", ""),
            ("c", "signed", "d", "2006-03-19", "src-a", ""),
            ("a", "allied_with", "c", "1991", "src-a", "some 700,000 mines"),
            (
                "a",
                "allied_with",
                "c",
                "1992-01-27",
                "src-b",
                "fewer than 300,000 mines",
            ),
        ],
    );
    write_dir(&ds, dir.path());
    dir
}

fn cmd(dir: &tempfile::TempDir) -> Command {
    let mut c = Command::cargo_bin("diplograph").unwrap();
    c.arg("--data").arg(dir.path());
    c
}

#[test]
fn path_prints_one_hop_a_line() {
    let dir = fixture();
    cmd(&dir)
        .args(["path", "a", "d", "--directed", "--exclude-predicate", "allied_with"])
        .assert()
        .success()
        .stdout(
            "A → D: 3 hops\n\
             \x20 A —signed (2001)→ B  [src-a]\n\
             \x20 B —linked to (1995 – 2007-01)→ C  [src-b]\n\
             \x20 C —signed (2006-03-19)→ D  [src-a]\n",
        );
}

#[test]
fn backwards_hops_read_with_the_inverse_label() {
    let dir = fixture();
    cmd(&dir)
        .args(["path", "D", "b", "--exclude-predicate", "allied_with"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "D —signed by (2006-03-19)→ C  [src-a]\n  C —linked from (1995 – 2007-01)→ B  [src-b]\n",
        ));
}

#[test]
fn no_path_is_a_message_and_exit_code_1() {
    let dir = fixture();
    cmd(&dir)
        .args(["path", "a", "e"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("no path from A (a) to E (e)\n");
    cmd(&dir)
        .args([
            "path",
            "d",
            "a",
            "--directed",
            "--exclude-predicate",
            "allied_with",
            "--max-hops",
            "5",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no path from D (d) to A (a) within 5 hops with the filters given following relations one way",
        ));
    cmd(&dir)
        .args(["path", "a", "d", "--at", "2010"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("with the filters given"));
}

#[test]
fn unknown_names_get_suggestions() {
    let dir = fixture();
    cmd(&dir)
        .args(["path", "a", "dd"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no entity is named 'dd'; did you mean: d (D)?",
        ));
    cmd(&dir)
        .args(["path", "a", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("FROM and TO are the same entity"));
    cmd(&dir)
        .args(["path", "a", "d", "--at", "2006-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no month 13"));
}

#[test]
fn k_all_and_journeys() {
    let dir = fixture();
    cmd(&dir)
        .args(["path", "a", "d", "--k", "2"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "A → D: 2 paths, shortest first\npath 1: 2 hops\n  A —allied with (1991)→ C",
        ));
    cmd(&dir)
        .args(["path", "a", "d", "--all", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(stopped at --limit 1; there are more"));
    // a (2001) → b → c (1995/2007-01 still holds) → d (2006-03-19): in order; via the 1991 alliance too.
    cmd(&dir)
        .args(["path", "a", "d", "--chronological", "--k", "5"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "journey 1: 2 hops, arrives 2006-03-19 at the earliest\n  A —allied with (1991)→ C  [src-a]\n      also: A —allied with (1992-01-27)→ C  [src-b]\n",
        ))
        .stdout(predicate::str::contains("journey 2: 3 hops, arrives 2006-03-19 at the earliest\n"));
    cmd(&dir)
        .args(["path", "d", "a", "--chronological", "--directed"])
        .assert()
        .code(1)
        .stderr(
            "no journey from D (d) to A (a) following relations one way (try without --directed): no chain of dated relations between them runs forward in time\n",
        );
}

#[test]
fn path_json_has_the_documented_shape() {
    let dir = fixture();
    let out = cmd(&dir)
        .args([
            "--json",
            "path",
            "a",
            "d",
            "--chronological",
            "--exclude-predicate",
            "allied_with",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["from"]["id"], "a");
    assert_eq!(v["to"]["label"], "D");
    assert_eq!(v["mode"], "journeys");
    assert_eq!(v["direction"], "both");
    assert_eq!(v["complete"], true);
    let path = &v["paths"][0];
    assert_eq!(path["hops"], 3);
    assert_eq!(path["certainty"], "definite");
    assert_eq!(path["order"], "definite");
    assert_eq!(path["arrival"], "2006-03-19");
    let step = &path["steps"][1];
    for key in [
        "from",
        "to",
        "relation",
        "predicate",
        "label",
        "direction",
        "date",
        "date_human",
        "certainty",
        "order",
        "sources",
        "evidence",
    ] {
        assert!(step.get(key).is_some(), "missing {key}: {step}");
    }
    assert_eq!(step["date"], "1995/2007-01");
    assert_eq!(step["date_human"], "1995 – 2007-01");
    assert_eq!(step["sources"][0], "src-b");
    assert_eq!(step["evidence"][0]["source"], "src-b");
    assert!(step["evidence"][0]["quote"].as_str().unwrap().starts_with("quote 1"));
    // No path: the same shape with no paths, and exit code 1.
    let out = cmd(&dir).args(["--json", "path", "a", "e"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paths"], serde_json::json!([]));
}

#[test]
fn neighbors_timeline_and_conflicts() {
    let dir = fixture();
    cmd(&dir)
        .args(["neighbors", "b"])
        .assert()
        .success()
        .stdout("B (b): 2 entities within 1 hop, 4 relations\n1 hop:\n  B —signed by (2001)→ A  [src-a]\n  B —linked to (1995 – 2007-01)→ C  [src-b]\nand 2 relations among entities at the same distance (--json lists all)\n");
    cmd(&dir)
        .args(["neighbours", "b", "--depth", "2", "--directed"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("B (b): 3 entities within 2 hops"));
    cmd(&dir)
        .args(["timeline", "c", "--from", "2000", "--until", "2006"])
        .assert()
        .success()
        // The window means what it means for path and neighbors: what holds within it, so the
        // alliance begun in 1991 (end not given) possibly does.
        .stdout("4 dated relations of C\n  1991            C —allied with→ A  [src-a]  (possibly)\n  1992-01-27      C —allied with→ A  [src-b]  (possibly)\n  1995 – 2007-01  C —linked from→ B  [src-b]\n  2006-03-19      C —signed→ D  [src-a]\n");
    cmd(&dir)
        .args(["timeline", "a", "--with", "c"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1991        A —allied with→ C  [src-a]\n  1992-01-27  A —allied with→ C  [src-b]\n",
        ));
    cmd(&dir)
        .args(["conflicts"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "2 disagreements: 2 between sources, 0 within one source\n\nA —allied with→ C: the dates disagree, between sources\n",
        ))
        .stdout(predicate::str::contains(
            "  some 700,000        [src-a] (1991) \"quote 3",
        ));
    let out = cmd(&dir).args(["--json", "conflicts"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["about"], serde_json::json!({"kind": "dates", "compatible": false}));
    assert_eq!(v[0]["versions"][0]["value"], "1991");
    assert_eq!(v[1]["about"]["kind"], "quantities");
    let out = cmd(&dir).args(["--json", "timeline"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["entity"].is_null());
    assert_eq!(v["entries"].as_array().unwrap().len(), 5);
    let out = cmd(&dir)
        .args(["--json", "neighbors", "a", "--depth", "3"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entities"].as_array().unwrap().len(), 4);
    assert_eq!(v["entities"][3]["distance"], 2);
}

#[test]
fn the_shipped_graph_answers() {
    Command::cargo_bin("diplograph")
        .unwrap()
        .env_remove("DIPLOGRAPH_DATA")
        .args(["path", "Raman Pratasevich", "Jens Stoltenberg"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Raman Pratasevich → Jens Stoltenberg: "))
        .stdout(predicate::str::contains("Raman Pratasevich —"));
    Command::cargo_bin("diplograph")
        .unwrap()
        .env_remove("DIPLOGRAPH_DATA")
        .args([
            "path",
            "belarusian-presidential-election-2006",
            "nato",
            "--chronological",
            "--events",
            "--certain",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("journey 1: "));
}

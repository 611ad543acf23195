//! The good path on tests/fixtures/minimal: check, stats, show, find, name resolution, and the
//! DIPLOGRAPH_DATA variable.

use crate::support::check::{diplograph, fixture, run_fixture, run_in_copy, MINIMAL_SUMMARY};

#[test]
fn check_prints_the_one_line_summary() {
    let run = run_fixture("minimal", &["check"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, MINIMAL_SUMMARY, "")
    );
}

#[test]
fn check_json_gives_the_stats() {
    let run = run_fixture("minimal", &["--json", "check"]);
    assert_eq!(run.code, 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["ok"], true);
    assert_eq!(json["stats"]["entities"], 6);
    assert_eq!(json["stats"]["relations"], 4);
    assert_eq!(json["stats"]["claims"], 5);
    assert_eq!(json["warnings"], serde_json::json!([]));
}

/// Lines of `text`, with runs of spaces collapsed (column widths are not what is tested here).
fn squeeze(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn stats_counts_kinds_predicates_sources_and_dates() {
    let run = run_fixture("minimal", &["stats"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        squeeze(&run.stdout),
        [
            "entities: 6",
            "state 2",
            "organization 1",
            "programme 1",
            "person 1",
            "office 0",
            "agreement 1",
            "event 0",
            "place 0",
            "relations: 4 (from 5 claims; 1 supported by more than one source)",
            "dated: 3 (75.0%)",
            "dates range from 1995-01-01 to 1999-03-12",
            "relations by predicate:",
            "borders 1",
            "member_of 1",
            "participant_in 1",
            "signed 1",
            "claims by source: (2 sources)",
            "src-a 2",
            "src-b 3",
        ]
    );
}

#[test]
fn show_prints_the_card_with_relations_both_ways() {
    let run = run_fixture("minimal", &["show", "belarus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Belarus (belarus) — state
also: Republic of Belarus · Byelorussia
A state in Eastern Europe.
same as: http://www.wikidata.org/entity/Q184

2 relations:
  —borders→ Poland (poland)   [src-b]
  —participant in (since 1995)→ Partnership for Peace (pfp)   [src-a, src-b]
"
    );
    let run = run_fixture("minimal", &["show", "pfp-document"]);
    assert!(
        run.stdout
            .contains("  —signed by (~1995-01)→ Alexander Lukashenko (lukashenko)   [src-b]\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn show_resolves_labels_and_aliases_case_and_accent_insensitively() {
    for name in ["BYELORUSSIA", "republic of belarus", "Belarus"] {
        let run = run_fixture("minimal", &["show", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stdout.starts_with("Belarus (belarus) — state\n"), "{name}");
    }
    let run = run_fixture("minimal", &["show", "lukasenka"]);
    assert!(run.stdout.starts_with("Alexander Lukashenko (lukashenko) — person\n"));
}

#[test]
fn find_is_case_and_accent_insensitive() {
    for text in ["lukasenka", "LUKAŠENKA", "Lukašenka", "lukashenko"] {
        let run = run_fixture("minimal", &["find", text]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (0, "lukashenko\tperson\tAlexander Lukashenko — also Lukašenka\n"),
            "find {text}"
        );
    }
    let run = run_fixture("minimal", &["find", "partnership"]);
    assert_eq!(
        run.stdout,
        "pfp\tprogramme\tPartnership for Peace — also PfP\n\
         pfp-document\tagreement\tPartnership for Peace Framework Document — also PfP\n"
    );
}

#[test]
fn find_with_no_match_fails() {
    let run = run_fixture("minimal", &["find", "atlantis"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(run.stderr, "no entity matches 'atlantis'\n");
}

#[test]
fn ambiguous_name_lists_the_candidates() {
    let run = run_fixture("minimal", &["show", "PfP"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(
        run.stderr,
        "error: 'PfP' is ambiguous; did you mean: pfp (Partnership for Peace), pfp-document (Partnership for Peace Framework Document)?\n"
    );
}

#[test]
fn unknown_name_lists_near_candidates() {
    let run = run_fixture("minimal", &["show", "belaru"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: no entity is named 'belaru'; did you mean: belarus (Belarus)?\n"
    );
    let run = run_fixture("minimal", &["show", "atlantis"]);
    assert_eq!(run.stderr, "error: no entity is named 'atlantis'\n");
}

#[test]
fn diplograph_data_variable_works_like_data() {
    let run = run_in_copy("minimal", |cmd| {
        cmd.env("DIPLOGRAPH_DATA", "minimal").arg("check");
    });
    assert_eq!((run.code, run.stdout.as_str()), (0, MINIMAL_SUMMARY));
    let run = run_in_copy("bad-date", |cmd| {
        cmd.env("DIPLOGRAPH_DATA", "bad-date").arg("check");
    });
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("bad-date/relations.csv:7: bad 'date'"),
        "{}",
        run.stderr
    );
    // --data wins over the variable.
    let run = run_in_copy("minimal", |cmd| {
        cmd.env("DIPLOGRAPH_DATA", "no-such-folder")
            .args(["--data", "minimal", "check"]);
    });
    assert_eq!((run.code, run.stdout.as_str()), (0, MINIMAL_SUMMARY));
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let out = diplograph()
        .args(["--data", fixture("no-such-fixture").to_str().expect("path"), "check"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot load the graph-data folder: cannot read ")
            && stderr.contains("no-such-fixture"),
        "{stderr}"
    );
}

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
            "dates range from 1995 to 1999-03-12",
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

2 relations, by date:
  —participant in (since 1995)→ Partnership for Peace (pfp)   [src-a, src-b]
      “Belarus joined the Partnership for Peace in 1995.”
        — src-a: Source A <https://example.org/a> (no text fragment recorded for this quote: the link opens the page, not the quote)
      “Belarus has taken part in the PfP since 1995.”
        — src-b: Source B (no URL for this source)
  —borders→ Poland (poland)   [src-b]  (undated)
      “Belarus borders Poland.”
        — src-b: Source B (no URL for this source)
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
    let run = run_fixture("minimal", &["find", "xyzzy"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(run.stderr, "no entity matches 'xyzzy'\n");
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
    let run = run_fixture("minimal", &["show", "xyzzy"]);
    assert_eq!(run.stderr, "error: no entity is named 'xyzzy'\n");
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

// check --sources: quotes verified against the source texts (tests/fixtures/*-texts).

fn texts(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn check_sources_finds_every_quote_of_the_minimal_graph() {
    let dir = texts("minimal-texts");
    let run = run_fixture("minimal", &["check", "--sources", &dir, "--coverage"]);
    // The fixture records no text fragments: one warning says so, and the check passes.
    assert_eq!(
        run.stderr,
        format!(
            "minimal/relations.csv: warning: 5 claims record no text fragment (lines 2, 3, 4, 5, 6): their links open the page, not the quote
  hint: run: diplograph fmt --sources {dir}
"
        )
    );
    assert_eq!(
        run.stdout,
        format!(
            "{MINIMAL_SUMMARY}quotes: 5 of 5 claims quote their source verbatim (texts in {dir})
fragments: 0 of 5 claims record a text fragment that matches their quote (0 stale, 5 missing)
coverage src-a: 2 of 2 date-bearing sentences and rows quoted
coverage src-b: 2 of 2 date-bearing sentences and rows quoted
coverage: 4 of 4 date-bearing sentences and rows quoted (100.0%); 0 table rows the source does not identify are left out
"
        )
    );
    assert_eq!(run.code, 0);
}

#[test]
fn check_sources_reports_each_miss_as_file_line() {
    let dir = texts("quotes-texts");
    let run = run_fixture("quotes", &["check", "--sources", &dir]);
    // Lines 2-5 pass: exact, white space differing, typographic quotes, fragments in order.
    assert_eq!(
        run.stderr,
        format!(
            "quotes/relations.csv:6: quote not found in page: fragment 2 of 2 \"Belarus joined\" is in the text, but not after the fragment before it
quotes/relations.csv:7: quote not found in page: \"Poland became a member of NATO in 1997.\"
  closest passage: \"Poland became a member of NATO in 1999.\"
  where they differ: the quote has \"1997.\", the source \"1999.\"
quotes/relations.csv:8: no text for source 'page-missing': {dir}/page-missing.txt does not exist
quotes/relations.csv:9: {dir}/page-latin1.txt is not UTF-8 text (invalid byte at offset 35); save it as UTF-8
quotes/relations.csv: warning: 4 claims record no text fragment (lines 2, 3, 4, 5): their links open the page, not the quote
  hint: run: diplograph fmt --sources {dir}
"
        )
    );
    assert!(
        run.stdout.ends_with(&format!(
            "quotes: 4 of 8 claims quote their source verbatim (texts in {dir})\n\
             fragments: 0 of 6 claims record a text fragment that matches their quote (0 stale, 4 missing)\n"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn check_sources_coverage_lists_unquoted_passages_and_unreadable_texts() {
    let dir = texts("quotes-texts");
    let run = run_fixture("quotes", &["check", "--sources", &dir, "--coverage", "--strict"]);
    assert!(
        run.stdout.contains(
            "coverage page: 1 of 3 date-bearing sentences and rows quoted
  not quoted: against demonstrators in March 2006.
  not quoted: Poland became a member of NATO in 1999.
"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("coverage page-latin1: not measured: "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("strict: 1 of 1 quoted passages carry every year they name"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn check_sources_json_lists_problems_and_coverage() {
    let dir = texts("quotes-texts");
    let run = run_fixture("quotes", &["--json", "check", "--sources", &dir, "--coverage"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["ok"], false);
    assert_eq!(json["quotes"]["checked"], 8);
    assert_eq!(json["quotes"]["verbatim"], 4);
    let lines: Vec<u64> = json["quotes"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [6, 7, 8, 9]);
    assert_eq!(json["quotes"]["problems"][2]["kind"], "no_text");
    assert_eq!(json["coverage"]["passages"], 3);
    assert_eq!(json["coverage"]["quoted"], 1);
}

#[test]
fn check_sources_usage_errors() {
    // --coverage needs --sources, --strict needs --coverage: usage errors (exit 2).
    let run = run_fixture("minimal", &["check", "--coverage"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--sources <DIR>"), "{}", run.stderr);
    let run = run_fixture("minimal", &["check", "--sources", "texts", "--strict"]);
    assert_eq!(run.code, 2);
    // A folder of texts that cannot be read: exit 2, naming it.
    let run = run_fixture("minimal", &["check", "--sources", "no-such-folder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read the folder of source texts no-such-folder: "),
        "{}",
        run.stderr
    );
}

#[test]
fn show_sources_prints_each_quote_with_a_link_to_it() {
    let dir = texts("minimal-texts");
    let run = run_fixture("minimal", &["show", "poland", "--sources", &dir]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "Poland (poland) — state
A state in Central Europe.

2 relations, by date:
  —member of (1999-03-12)→ NATO (nato)   [src-a]
      “Poland joined NATO on 12 March 1999.”
        — src-a: Source A <https://example.org/a#:~:text=Poland,1999.>
  —borders→ Belarus (belarus)   [src-b]  (undated)
      “Belarus borders Poland.”
        — src-b: Source B (no URL for this source; its text fragment, to add to the page's address, is #:~:text=Belarus%20borders%20Poland.)
"
    );
    let run = run_fixture("minimal", &["--json", "show", "poland", "--sources", &dir]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let text = json.to_string();
    assert!(
        text.contains(r#""link":"https://example.org/a#:~:text=Poland,1999.","link_caveat":null"#),
        "{text}"
    );
    assert!(
        text.contains(r#""link":null,"link_caveat":"no URL for this source; its text fragment, to add to the page's address, is #:~:text=Belarus%20borders%20Poland.""#),
        "{text}"
    );
    // Without --sources, the links are what relations.csv records: here nothing, said so.
    let run = run_fixture("minimal", &["--json", "show", "poland"]);
    let text = serde_json::from_str::<serde_json::Value>(&run.stdout)
        .expect("JSON")
        .to_string();
    assert!(
        text.contains(r#""link":"https://example.org/a","link_caveat":"no text fragment recorded for this quote: the link opens the page, not the quote""#),
        "{text}"
    );
    assert!(
        text.contains(r#""link":null,"link_caveat":"no URL for this source""#),
        "{text}"
    );
}

#[test]
fn show_sources_says_when_a_link_cannot_open_at_the_quote() {
    let dir = texts("quotes-texts");
    let run = run_fixture("quotes", &["show", "pfp", "--sources", &dir]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let has = |line: &str| assert!(run.stdout.contains(line), "{line}\nnot in\n{}", run.stdout);
    // A quote in two fragments: one directive each.
    has("        — page: A page <https://example.org/page#:~:text=Belarus%20joined&text=in%201995>\n");
    // A source whose text is not usable gets its plain URL, and says so.
    has("        — page-latin1: A page saved as Latin-1 <https://example.org/latin1> (no source text at hand: the link opens the page, not the quote)\n");
    // A quote that is not in its text gets no fragment, and says why.
    has("        — page: A page <https://example.org/page> (no text fragment: the quote is not in the source text: ");
}

//! Answers exactly as strong as their evidence (issue 13, parts 1 and 2), run as the binary:
//! one time model (definite, possible, undated) in text, JSON, DOT and CSV, the same meaning
//! of a time filter in every command, usage errors for filters that ask for nothing; and
//! disagreements between claims about one statement only.

use std::collections::BTreeSet;

use assert_cmd::Command;
use serde_json::Value;

fn diplograph() -> Command {
    Command::cargo_bin("diplograph").unwrap()
}

/// Runs the shipped graph with `args`; the command must succeed. Stdout.
fn run(args: &[&str]) -> String {
    let out = diplograph().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&run(&all)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Part 1: one time model, shown everywhere.

/// The filtered path diagram draws no edge the filter excludes: at 2005, certain, the context
/// edges `since 2011`, `2006-03-31` and `from 2020-08` are gone; the hop is there.
#[test]
fn a_filtered_path_diagram_obeys_the_filter() {
    let dot = run(&[
        "path",
        "belarus",
        "nato",
        "--at",
        "2005",
        "--certain",
        "--format",
        "dot",
    ]);
    assert!(dot.contains("\"belarus\" -> \"nato\" [label=\"1."), "{dot}");
    let edges: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains(" -> ") && !l.contains("legend:"))
        .collect();
    for l in &edges {
        for excluded in ["2011", "2006-03-31", "2020-08", "2021"] {
            assert!(!l.contains(excluded), "an edge the filter excludes: {l}");
        }
    }
    // Without the filter the same diagram has those context edges: the test can fail.
    let all = run(&["path", "belarus", "nato", "--format", "dot"]);
    assert!(all.contains("2011") || all.contains("2020-08"), "{all}");
}

/// Hops are styled by certainty, and the legend says what the styles mean.
#[test]
fn path_diagrams_style_hops_by_certainty() {
    let dot = run(&["path", "belarus", "nato", "--at", "2005", "--format", "dot"]);
    assert!(dot.contains("path · definite"), "{dot}");
    let undated = run(&["path", "belarus", "nato", "--format", "dot"]);
    let hop = undated.lines().find(|l| l.contains("[label=\"1. ")).expect("a hop");
    if !hop.contains('·') {
        // An undated hop: dotted, and in the legend.
        assert!(hop.contains("style=\"dotted\""), "{hop}");
        assert!(undated.contains("path · undated"), "{undated}");
    }
}

/// Under a time filter undated relations are left out, counted, and `--undated` brings them
/// back marked `(undated)` — never `(possibly)`.
#[test]
fn undated_relations_are_left_out_under_a_time_filter_and_counted() {
    let text = run(&["neighbors", "belarus", "--at", "1900"]);
    assert!(!text.contains("(undated)"), "{text}");
    let note = text.lines().last().unwrap();
    assert!(
        note.contains("undated relations left out") && note.contains("--undated"),
        "{note}"
    );
    let doc = json(&["neighbors", "belarus", "--at", "1900"]);
    let left_out = doc["undated_left_out"].as_u64().unwrap();
    assert!(left_out > 0);
    assert!(note.starts_with(&format!("({left_out} undated")), "{note}");

    let with = json(&["neighbors", "belarus", "--at", "1900", "--undated"]);
    let relations = with["relations"].as_array().unwrap();
    let undated = relations.iter().filter(|r| r["certainty"] == "undated").count();
    assert_eq!(undated as u64, left_out, "--undated adds exactly what was left out");
    let text = run(&["neighbors", "belarus", "--at", "1900", "--undated"]);
    // The text lists the relations of the centre (JSON also those among its neighbours).
    let of_centre = relations
        .iter()
        .filter(|r| r["certainty"] == "undated" && (r["from"]["id"] == "belarus" || r["to"]["id"] == "belarus"))
        .count();
    assert!(of_centre > 0);
    assert_eq!(text.matches("(undated)").count(), of_centre, "{text}");
    assert!(!text.contains("left out"));
}

/// Every line that is not definite is marked, in text as in JSON, without a time filter too.
#[test]
fn every_line_that_is_not_definite_is_marked() {
    for args in [
        &["neighbors", "belarus"][..],
        &["neighbors", "nato", "--at", "2005"][..],
        &["neighbors", "nato", "--from", "1998", "--until", "2004", "--undated"][..],
    ] {
        let doc = json(args);
        let centre = &doc["centre"]["id"];
        // The text lists the relations of the centre (JSON also those among its neighbours).
        let relations: Vec<&Value> = doc["relations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| &r["from"]["id"] == centre || &r["to"]["id"] == centre)
            .collect();
        let count = |c: &str| relations.iter().filter(|r| r["certainty"] == c).count();
        let text = run(args);
        assert_eq!(text.matches("(undated)").count(), count("undated"), "{args:?}");
        assert_eq!(
            text.matches("(possibly)").count() + text.matches("(possibly;").count(),
            count("possible"),
            "{args:?}"
        );
    }
}

/// `path belarus nato --at 1900` no longer answers with an undated relation: undated ones are
/// left out (and counted) unless asked for.
#[test]
fn path_at_1900_uses_no_undated_relation_unless_asked() {
    let out = diplograph()
        .args(["--json", "path", "belarus", "nato", "--at", "1900"])
        .output()
        .unwrap();
    if out.status.success() {
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        for p in doc["paths"].as_array().unwrap() {
            for s in p["steps"].as_array().unwrap() {
                assert_ne!(s["certainty"], "undated", "{s}");
            }
        }
        assert!(doc["undated_left_out"].as_u64().unwrap() > 0);
    }
    let doc = json(&["path", "belarus", "nato", "--at", "1900", "--undated"]);
    let step = &doc["paths"][0]["steps"][0];
    assert_eq!(step["certainty"], "undated", "{step}");
    let text = run(&["path", "belarus", "nato", "--at", "1900", "--undated"]);
    assert!(text.lines().nth(1).unwrap().ends_with("(undated)"), "{text}");
}

/// The relation ids between Belarus and NATO that a command keeps at 2005.
fn kept_by_timeline() -> BTreeSet<String> {
    let doc = json(&["timeline", "belarus", "--with", "nato", "--at", "2005"]);
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| Some(e["relation"].as_str()?.to_owned()))
        .collect()
}

fn kept_by_path() -> BTreeSet<String> {
    let doc = json(&["path", "belarus", "nato", "--at", "2005", "--max-hops", "1"]);
    let step = &doc["paths"][0]["steps"][0];
    std::iter::once(step)
        .chain(step["also"].as_array().into_iter().flatten())
        .map(|r| r["relation"].as_str().unwrap().to_owned())
        .collect()
}

fn kept_by_neighbors() -> BTreeSet<String> {
    let doc = json(&["neighbors", "belarus", "--at", "2005"]);
    doc["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            let ends = [&r["from"]["id"], &r["to"]["id"]];
            ends.contains(&&Value::from("nato")) && ends.contains(&&Value::from("belarus"))
        })
        .map(|r| r["relation"].as_str().unwrap().to_owned())
        .collect()
}

fn kept_by_export() -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    diplograph()
        .args(["export", "--format", "csv", "--at", "2005", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(dir.path().join("edges.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().next_back(),
        Some("certainty"),
        "a certainty column when filtered"
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, s, o, c) = (col("id"), col("subject"), col("object"), col("certainty"));
    let mut kept = BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        assert!(matches!(&row[c], "definite" | "possible"), "{row:?}");
        let ends = [&row[s], &row[o]];
        if ends.contains(&"belarus") && ends.contains(&"nato") {
            kept.insert(row[id].to_owned());
        }
    }
    kept
}

/// `timeline`, `path`, `neighbors` and `export` agree on what `--at 2005` keeps between
/// Belarus and NATO — and it includes the 1998 mission (the timeline listed nothing before).
#[test]
fn every_command_gives_a_time_filter_the_same_meaning() {
    let timeline = kept_by_timeline();
    assert!(!timeline.is_empty());
    let text = run(&["timeline", "belarus", "--with", "nato", "--at", "2005"]);
    assert!(text.contains("has a diplomatic mission to"), "{text}");
    assert_eq!(timeline, kept_by_path(), "timeline and path");
    assert_eq!(timeline, kept_by_neighbors(), "timeline and neighbors");
    assert_eq!(timeline, kept_by_export(), "timeline and export");
}

/// A timeline lists dated relations; it says how many undated ones it left out, and
/// `--undated` lists them last, marked.
#[test]
fn a_timeline_lists_undated_relations_only_when_asked() {
    let text = run(&["timeline", "belarus", "--with", "nato"]);
    assert!(text.contains("undated relations left out"), "{text}");
    let with = run(&["timeline", "belarus", "--with", "nato", "--undated"]);
    let lines: Vec<&str> = with.lines().skip(1).collect();
    let first_undated = lines.iter().position(|l| l.contains("(undated)")).unwrap();
    assert!(lines[first_undated..].iter().all(|l| l.contains("(undated)")), "{with}");
}

/// An entity's own date is a timeline entry of its own — text, JSON, CSV and the diagram — with
/// its source and quote, under the time filter's rule: Resolution 1386 (2001) is there at 2001,
/// only possibly at 2001-12 (and then marked), and not at 2005 nor with `--certain` at 2001-12.
#[test]
fn entity_dates_are_timeline_entries_in_every_output() {
    let text = run(&["timeline", "unsc-resolution-1386", "--at", "2001"]);
    let line = "  2001  UN Security Council Resolution 1386 (agreement): adopted, signed or concluded  [mfa-belarus-nato-cooperation]\n";
    assert!(text.contains(line), "{text}");
    let possibly = run(&["timeline", "unsc-resolution-1386", "--at", "2001-12"]);
    assert!(
        possibly.contains("adopted, signed or concluded  [mfa-belarus-nato-cooperation]  (possibly)"),
        "{possibly}"
    );
    let certain = run(&["timeline", "unsc-resolution-1386", "--at", "2001-12", "--certain"]);
    assert!(!certain.contains("adopted"), "{certain}");
    assert!(!run(&["timeline", "unsc-resolution-1386", "--at", "2005"]).contains("adopted"));

    let doc = json(&["timeline", "unsc-resolution-1386", "--at", "2001-12"]);
    let entry = &doc["entries"][0];
    assert_eq!(entry["entity"]["id"], "unsc-resolution-1386");
    assert_eq!(entry["certainty"], "possible");
    assert_eq!(entry["date"], "2001");
    assert_eq!(
        entry["evidence"][0]["quote"],
        "UN Security Council Resolution 1386 (2001)"
    );
    assert!(entry.get("relation").is_none(), "{entry}");

    let csv = run(&["timeline", "unsc-resolution-1386", "--format", "csv"]);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("unsc-resolution-1386,UN Security Council Resolution 1386,,,"),
        "{row}"
    );
    assert!(
        row.contains(",2001,2001,definite,mfa-belarus-nato-cooperation,UN Security Council Resolution 1386 (2001),"),
        "{row}"
    );

    let dot = run(&["timeline", "unsc-resolution-1386", "--format", "dot"]);
    let node = dot
        .lines()
        .find(|l| l.contains("\"date:unsc-resolution-1386\""))
        .expect("a box of its own");
    assert!(
        node.contains("adopted, signed\\nor concluded\\n2001") || node.contains("2001"),
        "{node}"
    );
    assert!(
        node.contains("UN Security Council Resolution 1386 (2001)"),
        "the tooltip quotes the source: {node}"
    );
    assert!(dot.contains("\"legend:own-date\""), "{dot}");
}

/// The timeline diagram marks certainty as the graph diagrams do: what only possibly held then
/// dashed amber, `(possibly)`, in the legend; undated relations, with `--undated`, in a last
/// column, dotted grey; and it draws the timeline's entries, no more.
#[test]
fn the_timeline_diagram_marks_certainty() {
    let dot = run(&[
        "timeline", "belarus", "--with", "nato", "--at", "2005", "--format", "dot",
    ]);
    let boxes: Vec<&str> = dot.lines().filter(|l| l.trim_start().starts_with("\"r-")).collect();
    assert_eq!(boxes.len(), kept_by_timeline().len(), "{dot}");
    let possible: Vec<&&str> = boxes.iter().filter(|l| l.contains("(possibly)")).collect();
    assert!(!possible.is_empty(), "{dot}");
    for b in &possible {
        assert!(b.contains("color=\"#b07d00\"") && b.contains("dashed"), "{b}");
    }
    let sure = boxes
        .iter()
        .find(|l| !l.contains("(possibly)"))
        .expect("the mission since 1998");
    assert!(!sure.contains("#b07d00") && !sure.contains("dashed"), "{sure}");
    assert!(dot.contains("\"legend:possible\""), "{dot}");
    assert!(
        dot.contains("more without a date, not shown"),
        "the title counts what was left out"
    );
    assert!(!dot.contains("cluster_undated"));

    let with = run(&[
        "timeline",
        "belarus",
        "--with",
        "nato",
        "--at",
        "2005",
        "--undated",
        "--format",
        "dot",
    ]);
    assert!(with.contains("subgraph \"cluster_undated\""), "{with}");
    assert!(with.contains("\"legend:undated\""), "{with}");
    let after = &with[with.find("cluster_undated").unwrap()..];
    assert!(
        after
            .lines()
            .any(|l| l.contains("\\nundated\"") && l.contains("dotted")),
        "{after}"
    );
    assert!(!with.contains("more without a date"), "{with}");
    // Unfiltered: nothing is possible, nothing amber.
    assert!(!run(&["timeline", "belarus", "--with", "nato", "--format", "dot"]).contains("#b07d00"));
}

/// `show` under a time filter counts the undated relations it left out, marks what is not
/// definite, prints an entity's own date with its quote, and says why a relation is dropped.
#[test]
fn show_tells_what_the_time_filter_did() {
    let card = run(&["show", "belarus", "--at", "2005"]);
    assert!(card.contains("undated relations left out"), "{card}");
    assert_eq!(
        json(&["show", "belarus", "--at", "2005"])["undated_left_out"]
            .as_u64()
            .map(|n| n > 0),
        Some(true)
    );
    assert!(json(&["show", "belarus"]).get("undated_left_out").is_none());
    let source = run(&["show", "nac-statement-2006-03-31", "--at", "2006-03"]);
    assert!(source.lines().any(|l| l.ends_with("(possibly)")), "{source}");
    let resolution = run(&["show", "unsc-resolution-1386"]);
    assert!(resolution.contains("adopted, signed or concluded: 2001   [mfa-belarus-nato-cooperation]\n    “UN Security Council Resolution 1386 (2001)”"), "{resolution}");
    let out = diplograph()
        .args(["show", "r-5a7be6705b233551", "--at", "1995", "--certain"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("only possibly holds at the time asked"), "{err}");
    let out = diplograph()
        .args(["show", "r-5a7be6705b233551", "--at", "1900"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not hold at the time asked"));
}

/// A filtered CSV export has a certainty column; `--undated` adds undated rows to it.
#[test]
fn filtered_csv_has_a_certainty_column() {
    let dir = tempfile::tempdir().unwrap();
    diplograph()
        .args(["export", "--format", "csv", "--at", "2005", "--undated", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let edges = std::fs::read_to_string(dir.path().join("edges.csv")).unwrap();
    assert!(edges.lines().next().unwrap().ends_with(",certainty"));
    for c in ["definite", "possible", "undated"] {
        assert!(edges.contains(&format!(",{c}\n")), "no {c} row");
    }
    // Unfiltered: no certainty column.
    let dir = tempfile::tempdir().unwrap();
    diplograph()
        .args(["export", "--format", "csv", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let edges = std::fs::read_to_string(dir.path().join("edges.csv")).unwrap();
    assert!(!edges.lines().next().unwrap().contains("certainty"));
}

/// Reversed windows, zero counts and date forms a flag does not accept exit 2 and say what
/// would be accepted.
#[test]
fn filters_that_ask_for_nothing_are_usage_errors() {
    for (args, says) in [
        (
            &["neighbors", "belarus", "--from", "2010", "--until", "2000"][..],
            "ends before it starts",
        ),
        (
            &["timeline", "--from", "2010-05", "--until", "2010-04"][..],
            "no later than",
        ),
        (
            &["path", "belarus", "nato", "--at", "1995/2000"][..],
            "--from and --until",
        ),
        (&["path", "belarus", "nato", "--at", "2005?"][..], "a year (2005)"),
        (&["neighbors", "belarus", "--at", "2005~"][..], "a month (2005-03)"),
        (
            &["export", "--format", "dot", "--from", "soon"][..],
            "a day (2005-03-19)",
        ),
        (&["path", "belarus", "nato", "--k", "0"][..], "at least 1"),
        (&["path", "belarus", "nato", "--all", "--limit", "0"][..], "at least 1"),
        (&["path", "belarus", "nato", "--max-hops", "0"][..], "at least 1"),
        (&["neighbors", "belarus", "--depth", "0"][..], "at least 1"),
        (
            &["neighbors", "belarus", "--certain", "--undated"][..],
            "cannot be used with",
        ),
    ] {
        let out = diplograph().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // A window of one year given both ways is fine.
    diplograph()
        .args(["neighbors", "belarus", "--from", "2005", "--until", "2005"])
        .assert()
        .success();
}

// ---------------------------------------------------------------------------------------------
// Part 2: disagreements about one statement.

const KINDS: &str = "state|organization|agreement";

/// A graph-data folder: the claims of each case below, with `statement` keys and a negative
/// predicate.
fn statements_fixture(relations: &str, predicates_extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("sources.csv"),
        "id,title,publisher,url,published\nsrc-a,Source A,A,,\nsrc-b,Source B,B,,\n",
    )
    .unwrap();
    std::fs::write(
        p.join("predicates.csv"),
        format!(
            "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as,negates\n\
             signed,signed,signed by,Signed.,false,{KINDS},{KINDS},event,,\n\
             not_signed,did not sign,not signed by,Did not sign.,false,{KINDS},{KINDS},event,,signed\n\
             linked,linked to,linked from,Linked.,false,{KINDS},{KINDS},state,,\n{predicates_extra}"
        ),
    )
    .unwrap();
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for id in ["a", "b", "c", "d", "e", "t"] {
        entities.push_str(&format!("{id},state,{},,Test.,\n", id.to_uppercase()));
    }
    std::fs::write(p.join("entities.csv"), entities).unwrap();
    std::fs::write(
        p.join("relations.csv"),
        format!("subject,predicate,object,date,source,quote,note,statement\n{relations}"),
    )
    .unwrap();
    dir
}

/// a signed t in 2001 and in 2001-05 (compatible precisions, one statement); b signed and did
/// not sign t (polarity, one source); c linked d in 1995 and 2009 (two statements: two facts);
/// c linked e since 1991 and since 1992 (no key: one fact, two sources).
const CLAIMS: &str = "\
a,signed,t,2001,src-a,q1,,s-signing\n\
a,signed,t,2001-05,src-b,q2,,s-signing\n\
b,signed,t,2002,src-a,q3,,s-b-signing\n\
b,not_signed,t,2002,src-a,q4,,s-b-signing\n\
c,linked,d,1995,src-a,q5,,s-first-link\n\
c,linked,d,2009,src-a,q6,,s-second-link\n\
c,linked,e,1991,src-a,q7,,\n\
c,linked,e,1992,src-b,q8,,\n";

fn on(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let out = diplograph().arg("--data").arg(dir.path()).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Only real disagreements, each labelled between sources or within one source, and counted
/// so; compatible precisions and two facts under one subject-predicate-object are not.
#[test]
fn conflicts_compare_claims_about_one_statement() {
    let dir = statements_fixture(CLAIMS, "");
    let text = on(&dir, &["conflicts"]);
    assert!(
        text.starts_with("2 disagreements: 1 between sources, 1 within one source\n"),
        "{text}"
    );
    assert!(
        text.contains("statement s-b-signing: B —signed→ T: some claims say it happened, others that it did not, within one source"),
        "{text}"
    );
    assert!(
        text.contains("C —linked to→ E: the dates disagree, between sources"),
        "{text}"
    );
    assert!(
        !text.contains("s-signing"),
        "compatible precisions are agreement: {text}"
    );
    assert!(!text.contains("→ D"), "two statements are two facts: {text}");
    // --all lists the compatible precisions, as compatible.
    let all = on(&dir, &["conflicts", "--all"]);
    assert!(
        all.contains("statement s-signing: A —signed→ T: the dates differ but are compatible, between sources"),
        "{all}"
    );
    let doc: Value = serde_json::from_str(&on(&dir, &["--json", "conflicts"])).unwrap();
    let polarity = doc
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["about"]["kind"] == "polarity")
        .unwrap();
    assert_eq!(polarity["statement"], "s-b-signing");
    assert_eq!(polarity["scope"], "within_one_source");
    let values: Vec<&str> = polarity["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["happened", "did not happen"]);
}

/// Diagrams draw red only what really disagrees; the CSV says which statement each claim
/// speaks to and marks only real disagreements as disputed; RDF has a node per statement.
#[test]
fn exports_carry_statements_and_real_disagreements_only() {
    let dir = statements_fixture(CLAIMS, "");
    let dot = on(&dir, &["export", "--format", "dot"]);
    let edge = |from: &str, to: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{from}\" -> \"{to}\"")))
            .unwrap_or_else(|| panic!("no edge {from} -> {to}: {dot}"))
            .to_owned()
    };
    const RED: &str = "#c0392b";
    assert!(
        !edge("a", "t").contains(RED),
        "compatible precisions: {}",
        edge("a", "t")
    );
    assert!(edge("a", "t").contains("2001 / 2001-05"), "{}", edge("a", "t"));
    assert!(edge("c", "e").contains(RED) && edge("c", "e").contains("≠"));
    assert!(edge("b", "t").contains(RED), "polarity: {}", edge("b", "t"));
    assert!(!edge("c", "d").contains(RED), "two facts: {}", edge("c", "d"));

    let out = tempfile::tempdir().unwrap();
    diplograph()
        .arg("--data")
        .arg(dir.path())
        .args(["export", "--format", "csv", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.path().join("edges.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut disputed = BTreeSet::new();
    let mut statements = BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        if &row[col("disputed")] == "true" {
            disputed.insert(format!("{}-{}", &row[col("subject")], &row[col("object")]));
        }
        statements.insert(row[col("statements")].to_owned());
    }
    assert_eq!(
        disputed,
        ["b-t", "c-e"].iter().map(|s| s.to_string()).collect::<BTreeSet<_>>()
    );
    assert!(statements.contains("s-b-signing") && statements.contains(""));

    let nq = on(&dir, &["export", "--format", "nquads"]);
    let node = "<https://diplograph.example/statement/s-b-signing>";
    let claims = nq
        .lines()
        .filter(|l| l.starts_with(node) && l.contains("/vocab/hasClaim>"))
        .count();
    assert_eq!(claims, 2, "{nq}");
    assert!(nq.contains(&format!("{node} <https://diplograph.example/vocab/disputed>")));
    assert!(
        !nq.contains("<https://diplograph.example/statement/s-signing> <https://diplograph.example/vocab/disputed>")
    );
    // Each claim keeps its evidence in its own source's graph.
    assert!(nq.lines().any(
        |l| l.contains("/vocab/evidenceQuote> \"q4\"") && l.ends_with("<https://diplograph.example/graph/src-a> .")
    ));
    assert!(nq.contains("<https://diplograph.example/vocab/not_signed> <https://diplograph.example/vocab/negates> <https://diplograph.example/vocab/signed>"));
}

/// The loader checks statement keys and negations, each problem at its file and line.
#[test]
fn statement_keys_and_negations_are_validated() {
    let bad_key = statements_fixture("a,signed,t,2001,src-a,q1,,Not A Key\n", "");
    let mixed = statements_fixture("a,signed,t,2001,src-a,q1,,s-one\nc,linked,d,1995,src-a,q2,,s-one\n", "");
    let bad_negation = statements_fixture(
        "",
        "not_linked,not linked,not linked from,No.,false,state,state,state,,unlinked\n",
    );
    for (dir, says) in [
        (&bad_key, "relations.csv:2:"),
        (
            &mixed,
            "relations.csv:3: statement 's-one' is 'signed' at line 2, but 'linked' here",
        ),
        (
            &bad_negation,
            "predicates.csv:5: 'not_linked' negates 'unlinked', which is not a predicate",
        ),
    ] {
        let out = diplograph()
            .arg("--data")
            .arg(dir.path())
            .arg("check")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(says), "expected {says:?} in: {err}");
    }
    // Without the optional columns the files still load.
    let dir = statements_fixture("", "");
    let p = dir.path();
    std::fs::write(
        p.join("relations.csv"),
        "subject,predicate,object,date,source,quote,note\na,signed,t,2001,src-a,q1,\n",
    )
    .unwrap();
    on(&dir, &["check"]);
}

/// The shipped graph: the PCA concluded in 1995 against "not concluded" in 1997 is a
/// disagreement (within one source); EU cooperation in 1995 (the PCA) and in 2009 (the Eastern
/// Partnership) is two facts, not a dispute.
#[test]
fn the_shipped_graph_lists_the_pca_and_not_two_facts() {
    let text = run(&["conflicts"]);
    let head = text.lines().next().unwrap();
    assert!(
        head.contains("between sources") && head.contains("within one source"),
        "{head}"
    );
    assert!(
        text.contains("EU–Belarus Partnership and Cooperation Agreement: some claims say it happened, others that it did not, within one source"),
        "{text}"
    );
    assert!(!text.contains("—cooperates with→ European Union"), "{text}");
    assert!(!text.contains("since 1997-07"), "compatible precisions: {text}");
}

/// A diagram of a selection made with a time filter marks what only possibly held then, and
/// its legend says so; without a time filter nothing is marked.
#[test]
fn filtered_diagrams_mark_what_possibly_held() {
    let dot = run(&["export", "--format", "dot", "--focus", "belarus", "--at", "2005"]);
    let possible: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains(" -> ") && !l.contains("legend:") && l.contains("(possibly)"))
        .collect();
    assert!(!possible.is_empty(), "{dot}");
    assert!(possible
        .iter()
        .all(|l| l.contains("style=\"dashed\"") && l.contains("#b07d00")));
    assert!(
        dot.contains("possibly holds at the time asked"),
        "the legend explains it"
    );
    // The 1998 mission is open-ended (since 1998): definite at 2005, not marked.
    let mission = dot
        .lines()
        .find(|l| l.starts_with("  \"belarus\" -> \"nato\"") && l.contains("mission"))
        .unwrap();
    assert!(!mission.contains("(possibly)"), "{mission}");
    let all = run(&["export", "--format", "dot", "--focus", "belarus"]);
    assert!(!all.contains("(possibly)"));
}

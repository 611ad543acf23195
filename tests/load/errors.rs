//! One fixture per validation error: `diplograph --data DIR check` exits 1, prints every problem
//! on stderr as `FILE:LINE: message` + `  hint: ...` (exactly), nothing on stdout, writes nothing.
//!
//! Each `tests/fixtures/bad-*` folder is `tests/fixtures/minimal` with one change (see
//! `tests/fixtures/README.md`). The CSV syntax errors, the duplicate id and column and the BOM
//! are in `catalogue.rs`, with the other awkward inputs: no fixture is checked twice.

use crate::support::check::{assert_loads, assert_refused, run_fixture, DATE_HINT, MINIMAL_SUMMARY};

#[test]
fn minimal_fixture_is_valid() {
    assert_loads("minimal", MINIMAL_SUMMARY, "");
}

#[test]
fn csv_text_after_a_closing_quote() {
    assert_refused(
        "bad-csv-text-after-quote",
        "bad-csv-text-after-quote/relations.csv:7: text after the closing quote of a field
  hint: write a quote inside a quoted field as \"\"
1 error
",
    );
}

#[test]
fn missing_column() {
    assert_refused(
        "bad-missing-column",
        "bad-missing-column/entities.csv:1: missing column 'description'
  hint: the header must name: id, kind, label, aliases, description, same_as (in any order)
1 error
",
    );
}

#[test]
fn unknown_column() {
    assert_refused(
        "bad-unknown-column",
        "bad-unknown-column/sources.csv:1: unknown column 'titel'
  hint: did you mean 'title'? the columns are: id, title, publisher, url, published
bad-unknown-column/sources.csv:1: unknown column 'comment'
  hint: the columns are: id, title, publisher, url, published
bad-unknown-column/sources.csv:1: missing column 'title'
  hint: the header must name: id, title, publisher, url, published (in any order)
3 errors
",
    );
}

#[test]
fn empty_required_cell() {
    assert_refused(
        "bad-empty-required",
        "bad-empty-required/entities.csv:3: empty 'label'
1 error
",
    );
}

#[test]
fn bad_id() {
    assert_refused(
        "bad-id",
        "bad-id/entities.csv:8: bad id: the id 'Latvia' must start with a lowercase ASCII letter
  hint: ids are lowercase ASCII slugs: a letter, then letters, digits, '-' or '_' (e.g. partnership-for-peace)
bad-id/entities.csv:9: bad id: the id 'lat.via' contains '.'; ids use only a-z, 0-9, '-' and '_'
  hint: ids are lowercase ASCII slugs: a letter, then letters, digits, '-' or '_' (e.g. partnership-for-peace)
2 errors
",
    );
}

#[test]
fn unknown_kind() {
    assert_refused(
        "bad-unknown-kind",
        "bad-unknown-kind/entities.csv:3: unknown kind 'country'; choose from: state, organization, programme, person, office, agreement, event, place
1 error
",
    );
}

#[test]
fn unknown_predicate() {
    assert_refused(
        "bad-unknown-predicate",
        "bad-unknown-predicate/relations.csv:7: unknown predicate 'member-of': not in predicates.csv
  hint: did you mean 'member_of'?
1 error
",
    );
}

#[test]
fn unknown_source() {
    assert_refused(
        "bad-unknown-source",
        "bad-unknown-source/relations.csv:7: unknown source 'src-c': not in sources.csv
  hint: did you mean 'src-a', 'src-b'?
1 error
",
    );
}

#[test]
fn subject_or_object_that_does_not_exist() {
    assert_refused(
        "bad-unknown-entity",
        "bad-unknown-entity/relations.csv:7: unknown subject 'belarsu': no such entity in entities.csv
  hint: did you mean 'belarus'?
bad-unknown-entity/relations.csv:8: unknown object 'otan': no such entity in entities.csv
  hint: add the entity to entities.csv first
2 errors
",
    );
}

#[test]
fn subject_kind_outside_the_domain() {
    assert_refused(
        "bad-domain",
        "bad-domain/relations.csv:7: 'member_of' does not allow a person as subject; 'lukashenko' is a person
  hint: the domain of 'member_of' is: state; use another predicate or fix the entity's kind
1 error
",
    );
}

#[test]
fn object_kind_outside_the_range() {
    assert_refused(
        "bad-range",
        "bad-range/relations.csv:7: 'member_of' does not allow a programme as object; 'pfp' is a programme
  hint: the range of 'member_of' is: organization; use another predicate or fix the entity's kind
1 error
",
    );
}

#[test]
fn bad_edtf_date() {
    assert_refused(
        "bad-date",
        &format!(
            "bad-date/relations.csv:7: bad 'date': bad EDTF date '2023-02-30': there is no day 30 in 2023-02
{DATE_HINT}
1 error
"
        ),
    );
}

#[test]
fn symmetric_relation_in_both_directions() {
    assert_refused(
        "bad-symmetric-both-ways",
        "bad-symmetric-both-ways/relations.csv:7: 'borders' is symmetric, and line 5 already states it the other way round (belarus borders poland)
  hint: a symmetric relation is entered once; write both claims in the same direction
1 error
",
    );
}

#[test]
fn exact_duplicate_claim() {
    assert_refused(
        "bad-duplicate-claim",
        "bad-duplicate-claim/relations.csv:7: duplicate claim: the same as line 2
  hint: delete one of the two rows
1 error
",
    );
}

#[test]
fn empty_quote() {
    assert_refused(
        "bad-empty-quote",
        "bad-empty-quote/relations.csv:7: empty 'quote'
  hint: every claim needs the shortest verbatim passage of its source that states the fact
1 error
",
    );
}

#[test]
fn every_error_in_every_file_in_one_run_in_file_and_line_order() {
    assert_refused(
        "bad-many",
        &format!(
            "bad-many/sources.csv:3: empty 'publisher'
bad-many/predicates.csv:4: bad 'symmetric' 'yes'
  hint: write true or false
bad-many/entities.csv:4: unknown kind 'alliance'; choose from: state, organization, programme, person, office, agreement, event, place
bad-many/relations.csv:2: bad 'date': bad EDTF date '1999-03-32': there is no day 32 in 1999-03
{DATE_HINT}
bad-many/relations.csv:3: unknown source 'src-z': not in sources.csv
  hint: did you mean 'src-a'?
bad-many/relations.csv:7: empty 'quote'
  hint: every claim needs the shortest verbatim passage of its source that states the fact
6 errors
"
        ),
    );
}

/// `--json check` on bad data prints `{"ok": false, "problems": [...]}` on stdout, each problem
/// with severity, file, line, message and hint, and nothing on stderr.
#[test]
fn json_problem_list() {
    let run = run_fixture("bad-many", &["--json", "check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_eq!(json["ok"], false);
    let problems = json["problems"].as_array().expect("a problem list");
    let got: Vec<(String, Option<u64>, String)> = problems
        .iter()
        .map(|p| {
            assert_eq!(p["severity"], "error");
            let mut keys: Vec<&String> = p.as_object().expect("object").keys().collect();
            keys.sort();
            assert_eq!(keys, ["file", "hint", "line", "message", "severity"]);
            (
                p["file"].as_str().expect("file").to_owned(),
                p["line"].as_u64(),
                p["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect();
    let expected = [
        ("bad-many/sources.csv", 3, "empty 'publisher'"),
        ("bad-many/predicates.csv", 4, "bad 'symmetric' 'yes'"),
        (
            "bad-many/entities.csv",
            4,
            "unknown kind 'alliance'; choose from: state, organization, programme, person, office, agreement, event, place",
        ),
        (
            "bad-many/relations.csv",
            2,
            "bad 'date': bad EDTF date '1999-03-32': there is no day 32 in 1999-03",
        ),
        ("bad-many/relations.csv", 3, "unknown source 'src-z': not in sources.csv"),
        ("bad-many/relations.csv", 7, "empty 'quote'"),
    ];
    let expected: Vec<(String, Option<u64>, String)> = expected
        .iter()
        .map(|(f, l, m)| (f.to_string(), Some(*l), m.to_string()))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(problems[0]["hint"], serde_json::Value::Null);
    assert_eq!(problems[1]["hint"], "write true or false");
}

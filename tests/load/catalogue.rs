//! The catalogue of bad and awkward inputs (issue 7), each a fixture under tests/fixtures/ with
//! its exact expected behaviour: what `diplograph check` prints, and its exit code.

use crate::support::check::{assert_loads, assert_refused, run_fixture, DATE_HINT, MINIMAL_SUMMARY};

const EMPTY_SUMMARY: &str = "ok: 0 entities (), 0 relations from 0 claims, 0 sources\n";
const RAGGED_HINT: &str = "  hint: a field containing a comma, quote or line break must be enclosed in double quotes";
const RANGE_HINT: &str = "  hint: the range of 'borders' is: state; use another predicate or fix the entity's kind";

#[test]
fn bom_and_crlf() {
    assert_loads("bom-crlf", MINIMAL_SUMMARY, "");
}

#[test]
fn lone_cr_line_ends() {
    assert_loads("line-ends-cr", MINIMAL_SUMMARY, "");
}

/// relations.csv ends its lines with CRLF, LF and CR in turn; the bad row is the 7th line.
#[test]
fn mixed_line_ends_keep_line_numbers() {
    assert_refused(
        "bad-line-ends-mixed",
        &format!(
            "bad-line-ends-mixed/relations.csv:7: 'borders' does not allow an organization as object; 'nato' is an organization
{RANGE_HINT}
1 error
"
        ),
    );
}

#[test]
fn ragged_rows() {
    assert_refused(
        "bad-ragged-rows",
        &format!(
            "bad-ragged-rows/relations.csv:7: the row has 5 fields, the header has 7
{RAGGED_HINT}
bad-ragged-rows/relations.csv:8: the row has 8 fields, the header has 7
{RAGGED_HINT}
2 errors
"
        ),
    );
}

/// The file ends inside a quoted field (no closing quote, no final line break): one error, not
/// a cascade of errors about the swallowed rest.
#[test]
fn unterminated_quote_at_the_end_of_the_file() {
    assert_refused(
        "bad-csv-unterminated-quote",
        "bad-csv-unterminated-quote/relations.csv:7: a quoted field is never closed (it runs to the end of the file)
  hint: add the closing double quote
1 error
",
    );
}

#[test]
fn bare_quote_inside_a_field() {
    assert_refused(
        "bad-csv-bare-quote",
        "bad-csv-bare-quote/relations.csv:7: a double quote inside an unquoted field
  hint: enclose the field in double quotes and write each quote inside it as \"\"
1 error
",
    );
}

/// Line 7 starts a quote that runs over lines 7–9 (LF, then CRLF inside the quotes); the bad
/// row after it is line 10.
#[test]
fn embedded_line_breaks_keep_line_numbers() {
    assert_refused(
        "bad-embedded-newline",
        &format!(
            "bad-embedded-newline/relations.csv:10: 'borders' does not allow an organization as object; 'nato' is an organization
{RANGE_HINT}
1 error
"
        ),
    );
}

/// A Latin-1 label: the row is refused, and the relation that uses its id is not reported again.
#[test]
fn invalid_utf8_in_a_cell() {
    assert_refused(
        "bad-invalid-utf8",
        "bad-invalid-utf8/entities.csv:8: column 'label' is not valid UTF-8 (at byte 5 of the field)
  hint: save the file as UTF-8
1 error
",
    );
}

/// A header that cannot be read: its file is refused, and no other file gets "unknown id"
/// errors because of it.
#[test]
fn invalid_utf8_in_the_header() {
    assert_refused(
        "bad-invalid-utf8-header",
        "bad-invalid-utf8-header/entities.csv:1: column 3 of the header is not valid UTF-8
  hint: save the file as UTF-8
bad-invalid-utf8-header/entities.csv:1: missing column 'label'
  hint: the header must name: id, kind, label, aliases, description, same_as (in any order)
2 errors
",
    );
}

#[test]
fn nul_byte() {
    assert_refused(
        "bad-nul-byte",
        "bad-nul-byte/relations.csv:7: column 'quote' contains a NUL byte
  hint: remove the control character; was the file saved as UTF-16?
1 error
",
    );
}

#[test]
fn spaces_around_ids() {
    let hint = "  hint: remove the spaces around the id";
    assert_refused(
        "bad-id-spaces",
        &format!(
            "bad-id-spaces/entities.csv:8: bad id: the id ' latvia ' has leading or trailing spaces
{hint}
bad-id-spaces/relations.csv:7: bad subject: the id 'belarus ' has leading or trailing spaces
{hint}
bad-id-spaces/relations.csv:7: bad object: the id ' poland' has leading or trailing spaces
{hint}
3 errors
"
        ),
    );
}

#[test]
fn duplicate_ids_cite_both_lines() {
    assert_refused(
        "bad-duplicate-id",
        "bad-duplicate-id/entities.csv:8: duplicate entity id 'poland' (first defined at line 3)
  hint: ids are unique; merge the two rows or give one another id
1 error
",
    );
}

/// Labels equal but for case, or but for Unicode normalisation (precomposed š on line 9,
/// s + combining caron on line 10), or simply equal (line 11): warnings on stderr, and the graph
/// loads (exit 0).
#[test]
fn labels_differing_only_by_case_or_normalisation_warn() {
    assert_loads(
        "warn-similar-labels",
        "ok: 10 entities (4 state, 1 organization, 1 programme, 3 person, 1 agreement), 4 relations from 5 claims, 2 sources; 3 warnings\n",
        "warn-similar-labels/entities.csv:8: warning: label 'POLAND' differs from 'Poland' (line 3) only by case, accents or punctuation
  hint: if they are the same entity, merge the rows; if not, make the labels distinct
warn-similar-labels/entities.csv:10: warning: label 'Alexander Lukas\u{30c}enka' is the label of line 9 written with other Unicode code points (composed and decomposed accents)
  hint: if they are the same entity, merge the rows; otherwise retype the label (files are best saved as NFC)
warn-similar-labels/entities.csv:11: warning: label 'Poland' is also the label of line 3
  hint: if they are the same entity, merge the rows; if not, make the labels distinct
",
    );
    let run = run_fixture("warn-similar-labels", &["--json", "check"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["ok"], true);
    let warnings = json["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 3);
    assert_eq!(warnings[0]["severity"], "warning");
    assert_eq!(warnings[1]["line"], 10);
}

#[test]
fn header_repeated_in_the_middle() {
    assert_refused(
        "bad-header-repeated",
        &format!(
            "bad-header-repeated/relations.csv:7: the header row is repeated here
  hint: delete this line (were two files pasted together?)
bad-header-repeated/relations.csv:8: 'borders' does not allow an organization as object; 'nato' is an organization
{RANGE_HINT}
2 errors
"
        ),
    );
}

/// The header line is missing: one error, not one per data cell, and no cascade into
/// relations.csv's references to the sources.
#[test]
fn header_missing() {
    assert_refused(
        "bad-header-missing",
        "bad-header-missing/sources.csv:1: the first line is not a header: it names none of the columns id, title, publisher, url, published
  hint: add a header line such as id,title,publisher,url,published (columns may come in any order)
1 error
",
    );
}

#[test]
fn duplicate_column_in_the_header() {
    assert_refused(
        "bad-duplicate-column",
        "bad-duplicate-column/predicates.csv:1: duplicate column 'label'
  hint: each column may appear once; remove the repeat
1 error
",
    );
}

#[test]
fn empty_files_are_a_valid_empty_graph() {
    assert_loads("empty-files", EMPTY_SUMMARY, "");
    let run = run_fixture("empty-files", &["stats"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("entities: 0\n"), "{}", run.stdout);
}

#[test]
fn header_only_files_are_a_valid_empty_graph() {
    assert_loads("header-only", EMPTY_SUMMARY, "");
}

#[test]
fn bad_dates() {
    let lines = [
        (7, "'2023-02-30': there is no day 30 in 2023-02"),
        (8, "'2023-13-01': there is no month 13"),
        (
            9,
            "'31/12/2020': expected YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END",
        ),
        (10, "'2020-1-5': the month '1' must have two digits"),
        (11, "'2007/2006': the interval ends before it starts"),
        (12, "'0000': year 0000 is not supported; years run from 0001 to 9999"),
        (
            13,
            "'-0044': negative years are not supported; years run from 0001 to 9999",
        ),
        (
            14,
            "'1999-03-12T10:00': expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)",
        ),
        (15, "'1999 ': leading or trailing spaces"),
        (16, "'~1999': a qualifier (?, ~ or %) goes after the date, as in 1999~"),
    ];
    let mut expected = String::new();
    for (line, what) in lines {
        expected.push_str(&format!(
            "bad-dates/relations.csv:{line}: bad 'date': bad EDTF date {what}\n{DATE_HINT}\n"
        ));
    }
    expected.push_str("10 errors\n");
    assert_refused("bad-dates", &expected);
}

/// Equal bounds, open and unknown ends, and the qualifiers load, and `show` prints each date
/// as people read it.
#[test]
fn valid_dates_load_and_show() {
    assert_loads(
        "dates-ok",
        "ok: 6 entities (2 state, 1 organization, 1 programme, 1 person, 1 agreement), 15 relations from 16 claims, 2 sources\n",
        "",
    );
    let run = run_fixture("dates-ok", &["show", "poland"]);
    assert_eq!(run.code, 0);
    let mut dates: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  —member of (")?.split_once(")→").map(|(d, _)| d))
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            "1999 – 1999",
            "1999-03 – ~2001",
            "1999-03-12",
            "1999-03-12 – 1999-03-12",
            "1999-03?",
            "2004-02-29",
            "from 1999",
            "since 1999",
            "until 2007",
            "until 2007",
            "~1999",
            "~1999-03-12?",
        ]
    );
}

/// Spreadsheets' "Unicode text" export: UTF-16 with a byte-order mark.
#[test]
fn utf16_file() {
    assert_refused(
        "bad-utf16",
        "bad-utf16/sources.csv: the file is UTF-16 (it starts with a UTF-16 byte-order mark)
  hint: save it as \"CSV UTF-8\" (comma-separated)
1 error
",
    );
}

/// A spreadsheet whose list separator is `;` (common in European locales).
#[test]
fn semicolon_separated_file() {
    assert_refused(
        "bad-semicolons",
        "bad-semicolons/entities.csv:1: the columns are separated by ';', not by commas
  hint: save the file as comma-separated CSV (in a spreadsheet: CSV UTF-8, comma-delimited)
1 error
",
    );
}

/// Every problem of `views.csv` at once, each with its line: an unknown focus entity, predicate,
/// kind, layout, rank direction, reach, a bad flag and frame step, a duplicate id.
#[test]
fn bad_views() {
    assert_refused(
        "bad-views",
        "bad-views/views.csv:3: unknown focus 'belarsu': no such entity in entities.csv
  hint: did you mean 'belarus'?
bad-views/views.csv:4: unknown predicate 'member-of' in 'predicates': not in predicates.csv
  hint: did you mean 'member_of'?
bad-views/views.csv:5: bad 'kinds': unknown kind 'country'; choose from: state, organization, programme, person, office, agreement, event, place
bad-views/views.csv:6: unknown layout 'circle'
  hint: write dot, timeline or timeline-proportional
bad-views/views.csv:7: bad 'rankdir': unknown rank direction 'up'; choose from: TB, LR, BT, RL
bad-views/views.csv:8: bad 'reach' 'everything'
  hint: write focus (relations with the focus) or connected (all connected to it)
bad-views/views.csv:9: bad 'dated_only' 'yes'
  hint: write true or false (empty is false)
bad-views/views.csv:9: bad 'frames' 'month'
  hint: write year (one frame per year) or leave the cell empty
bad-views/views.csv:10: duplicate view id 'belarus-ok' (first defined at line 2)
  hint: ids are file names of views/<id>.dot: give this view another id
9 errors
",
    );
}

/// A valid `views.csv` loads; the summary is the same as without it.
#[test]
fn views_ok() {
    assert_loads("views-ok", MINIMAL_SUMMARY, "");
}

//! Curating a graph: `fmt` (canonical graph-data files) and `diff` (what a change did to the
//! graph), through the library and through the command line.
//!
//! The diff tests plant one kind of change in a copy of the shipped graph-data and check that
//! the diff lists exactly that change. They choose what to change from the data itself (the first
//! relation with a single dated claim, …), so that they keep working as the graph is curated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::hostile::*;
use diplograph::curate::{format_csv, DiffStyle, FormatError, Formatter, GraphDiff};
use diplograph::Graph;
use proptest::prelude::*;
use tempfile::TempDir;

const FILES: [&str; 5] = [
    "sources.csv",
    "predicates.csv",
    "entities.csv",
    "relations.csv",
    "views.csv",
];

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data")
}

/// A copy of the shipped graph-data's CSV files in a new temporary folder.
fn copy_shipped() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in FILES {
        let from = shipped().join(name);
        if from.exists() {
            std::fs::copy(&from, dir.path().join(name)).expect("copy graph-data");
        }
    }
    dir
}

/// A CSV file as a header and rows of cells (read by the `csv` crate, independently of `fmt`).
#[derive(Debug, Clone, PartialEq)]
struct Csv {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    fn read(path: &Path) -> Csv {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(path)
            .expect("open csv");
        let mut records = reader
            .records()
            .map(|r| r.expect("csv record").iter().map(str::to_owned).collect());
        let header = records.next().expect("a header");
        Csv {
            header,
            rows: records.collect(),
        }
    }

    fn write(&self, path: &Path) {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_path(path)
            .expect("create csv");
        w.write_record(&self.header).expect("write");
        for row in &self.rows {
            w.write_record(row).expect("write");
        }
        w.flush().expect("flush");
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// Cell `name` of `row`.
    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        &row[self.col(name)]
    }

    /// A new row with the given cells, others empty.
    fn row(&self, cells: &[(&str, &str)]) -> Vec<String> {
        let mut row = vec![String::new(); self.header.len()];
        for (name, value) in cells {
            row[self.col(name)] = (*value).to_owned();
        }
        row
    }
}

/// Edits `file` of the folder `dir` in place.
fn edit(dir: &Path, file: &str, f: impl FnOnce(&mut Csv)) {
    let path = dir.join(file);
    let mut csv = Csv::read(&path);
    f(&mut csv);
    csv.write(&path);
}

fn load(dir: &Path) -> Graph {
    Graph::load_dir(dir).unwrap_or_else(|e| panic!("{} does not load: {e}", dir.display()))
}

fn diff(old: &Path, new: &Path) -> GraphDiff {
    GraphDiff::between(&load(old), &load(new))
}

fn text(diff: &GraphDiff) -> String {
    String::from_utf8(diff.write(DiffStyle::Text, Vec::new()).expect("write")).expect("UTF-8")
}

/// Every file of the folder, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    FILES
        .iter()
        .filter_map(|n| std::fs::read(dir.join(n)).ok().map(|b| (n.to_string(), b)))
        .collect()
}

// ---- fmt -------------------------------------------------------------------------------------

#[test]
fn the_shipped_graph_is_formatted() {
    let changed = Formatter::new(shipped()).check().expect("the shipped graph loads");
    assert!(
        changed.is_empty(),
        "run `cargo run --release -- fmt graph-data`: these files are not formatted: {changed:?}"
    );
}

#[test]
fn a_shuffled_copy_fails_the_check_and_formats_back_to_the_shipped_files() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| csv.rows.reverse());
    edit(copy.path(), "entities.csv", |csv| csv.rows.rotate_left(3));
    let changed = Formatter::new(copy.path()).check().expect("check");
    let names: Vec<_> = changed
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["entities.csv", "relations.csv"]);
    assert_eq!(Formatter::new(copy.path()).write().expect("write"), changed);
    assert_eq!(files(copy.path()), files(&shipped()));
}

#[test]
fn formatting_twice_changes_nothing_the_second_time() {
    let copy = copy_shipped();
    // CRLF, a byte-order mark, columns in another order, quotes everywhere.
    for name in ["sources.csv", "entities.csv", "relations.csv"] {
        let path = copy.path().join(name);
        let csv = Csv::read(&path);
        let mut out = b"\xEF\xBB\xBF".to_vec();
        let mut w = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let order: Vec<usize> = (0..csv.header.len()).rev().collect();
        w.write_record(order.iter().map(|&i| &csv.header[i])).unwrap();
        for row in &csv.rows {
            w.write_record(order.iter().map(|&i| &row[i])).unwrap();
        }
        drop(w);
        std::fs::write(&path, out).unwrap();
    }
    let first = Formatter::new(copy.path()).write().expect("first fmt");
    assert_eq!(first.len(), 3, "{first:?}");
    let after_first = files(copy.path());
    assert_eq!(
        Formatter::new(copy.path()).write().expect("second fmt"),
        Vec::<PathBuf>::new()
    );
    assert_eq!(files(copy.path()), after_first);
    assert_eq!(after_first, files(&shipped()));
}

#[test]
fn invalid_data_is_refused_with_the_loaders_errors_and_left_alone() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| {
        let mut row = csv.rows[0].clone();
        let subject = csv.col("subject");
        row[subject] = "no-such-entity".to_owned();
        csv.rows.insert(0, row);
        csv.rows.reverse();
    });
    let before = files(copy.path());
    let e = Formatter::new(copy.path()).write().expect_err("invalid data");
    let FormatError::Invalid(load) = &e else {
        panic!("not the loader's error: {e}")
    };
    assert!(load.to_string().contains("unknown subject 'no-such-entity'"), "{load}");
    assert_eq!(files(copy.path()), before, "nothing may be written");
}

#[test]
fn a_views_file_is_formatted_too_by_id() {
    let copy = copy_shipped();
    let views = copy.path().join("views.csv");
    if views.exists() {
        edit(copy.path(), "views.csv", |csv| csv.rows.reverse());
        let changed = Formatter::new(copy.path()).check().expect("check");
        assert_eq!(
            changed.len(),
            usize::from(Csv::read(&views).rows.len() > 1),
            "{changed:?}"
        );
    }
    // Whatever the loader makes of views.csv, its canonical form sorts rows by id.
    let formatted = format_csv("views.csv", b"title,id\r\nB,b\r\n\"A, first\",a\r\n").expect("format");
    assert_eq!(formatted, b"id,title\na,\"A, first\"\nb,B\n");
}

fn hostile_specs() -> impl Strategy<Value = (Spec, Layout, Layout)> {
    spec().prop_flat_map(|s| {
        let (a, b) = (layout(&s), layout(&s));
        (Just(s), a, b)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// Hostile values survive byte for byte; the canonical form does not depend on the order of
    /// rows and columns, the line ends or a byte-order mark; a second `fmt` changes nothing; and
    /// `diff` finds no difference between two layouts, or between a folder and its formatted self.
    #[test]
    fn hostile_values_survive_and_every_layout_formats_the_same((spec, a, b) in hostile_specs()) {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        spec.write_dir(one.path(), &a);
        spec.write_dir(two.path(), &b);
        let before = load(one.path());
        // Two layouts of the same data hold the same graph: no differences.
        let layouts = GraphDiff::between(&before, &load(two.path()));
        prop_assert!(layouts.is_empty(), "{}", text(&layouts));
        Formatter::new(one.path()).write().expect("fmt one");
        let formatted = GraphDiff::between(&before, &load(one.path()));
        prop_assert!(formatted.is_empty(), "{}", text(&formatted));
        Formatter::new(two.path()).write().expect("fmt two");
        prop_assert_eq!(files(one.path()), files(two.path()));
        prop_assert_eq!(Formatter::new(one.path()).check().expect("check"), Vec::<PathBuf>::new());
        for (i, name) in FILES[..4].iter().enumerate() {
            let csv = Csv::read(&one.path().join(name));
            let table = &spec.tables[i];
            let order: Vec<usize> = table.header.iter().map(|h| csv.col(h)).collect();
            let mut got: Vec<Vec<String>> =
                csv.rows.iter().map(|row| order.iter().map(|&c| row[c].clone()).collect()).collect();
            let mut want = table.rows.clone();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want, "{}", name);
            let bytes = std::fs::read(one.path().join(name)).unwrap();
            prop_assert!(bytes.ends_with(b"\n") && !bytes.starts_with(b"\xEF\xBB\xBF"));
        }
    }
}

// ---- diff ------------------------------------------------------------------------------------

#[test]
fn the_same_graph_has_no_differences() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| csv.rows.reverse());
    let d = diff(&shipped(), copy.path());
    assert!(d.is_empty(), "{}", text(&d));
    assert_eq!(text(&d), "no differences\n");
}

/// Plants a new, unreferenced entity in `dir`.
fn plant_entity(dir: &Path, kind: &str, label: &str) {
    edit(dir, "entities.csv", |csv| {
        let row = csv.row(&[
            ("id", "zz-planted"),
            ("kind", kind),
            ("label", label),
            ("description", "Planted by a test."),
        ]);
        csv.rows.push(row);
    });
}

#[test]
fn diff_lists_an_added_and_a_removed_entity() {
    let copy = copy_shipped();
    plant_entity(copy.path(), "state", "Zedland");
    let added = diff(&shipped(), copy.path());
    assert_eq!(
        text(&added),
        "+ entity       zz-planted (state) \"Zedland\"\n1 difference\n"
    );
    let removed = diff(copy.path(), &shipped());
    assert_eq!(
        text(&removed),
        "- entity       zz-planted (state) \"Zedland\"\n1 difference\n"
    );
}

#[test]
fn diff_lists_a_relabelled_entity() {
    let copy = copy_shipped();
    edit(copy.path(), "entities.csv", |csv| {
        let (id, label) = (csv.col("id"), csv.col("label"));
        let row = csv.rows.iter_mut().find(|r| r[id] == "belarus").expect("belarus");
        row[label] = "Republic of Belarus".to_owned();
    });
    let d = diff(&shipped(), copy.path());
    assert_eq!(
        text(&d),
        "~ entity       belarus relabelled \"Belarus\" → \"Republic of Belarus\"\n1 difference\n"
    );
}

#[test]
fn diff_lists_a_re_kinded_entity() {
    let (old, new) = (copy_shipped(), copy_shipped());
    plant_entity(old.path(), "programme", "Zed");
    plant_entity(new.path(), "organization", "Zed");
    let d = diff(old.path(), new.path());
    assert_eq!(
        text(&d),
        "~ entity       zz-planted re-kinded programme → organization\n1 difference\n"
    );
}

/// The first relation stated by exactly one claim, dated, whose subject, predicate and object
/// have no other relation: its row index in relations.csv.
fn lone_dated_claim(csv: &Csv) -> usize {
    let fact = |row: &[String]| {
        (
            csv.get(row, "subject").to_owned(),
            csv.get(row, "predicate").to_owned(),
            csv.get(row, "object").to_owned(),
        )
    };
    let mut count: BTreeMap<_, usize> = BTreeMap::new();
    for row in &csv.rows {
        *count.entry(fact(row)).or_default() += 1;
        let (s, p, o) = fact(row);
        *count.entry((o, p, s)).or_default() += 1; // symmetric facts either way round
    }
    csv.rows
        .iter()
        .position(|row| {
            !csv.get(row, "date").is_empty() && count[&fact(row)] == 1 && {
                let (s, p, o) = fact(row);
                count[&(o, p, s)] == 1
            }
        })
        .expect("a relation with a single dated claim")
}

#[test]
fn diff_lists_a_redated_relation() {
    let copy = copy_shipped();
    let mut planted = String::new();
    edit(copy.path(), "relations.csv", |csv| {
        let i = lone_dated_claim(csv);
        let row = &csv.rows[i];
        planted = format!(
            "~ relation     {} {} {} {date} redated {date} → 1901\n1 difference\n",
            csv.get(row, "subject"),
            csv.get(row, "predicate"),
            csv.get(row, "object"),
            date = csv.get(row, "date"),
        );
        let date = csv.col("date");
        csv.rows[i][date] = "1901".to_owned();
    });
    let d = diff(&shipped(), copy.path());
    assert_eq!(text(&d), planted);
    assert_eq!(d.relations_redated[0].new.date.as_deref(), Some("1901"));
}

#[test]
fn diff_lists_an_added_and_a_removed_relation() {
    let copy = copy_shipped();
    let mut planted = String::new();
    edit(copy.path(), "relations.csv", |csv| {
        let i = lone_dated_claim(csv);
        // Another relation of the same kind between the same two entities, at an undated time.
        let mut row = csv.rows[i].clone();
        let (date, quote) = (csv.col("date"), csv.col("quote"));
        row[date] = String::new();
        row[quote] = "A planted quote.".to_owned();
        planted = format!(
            "{} {} {} (undated) [{}]",
            csv.get(&row, "subject"),
            csv.get(&row, "predicate"),
            csv.get(&row, "object"),
            csv.get(&row, "source"),
        );
        csv.rows.push(row);
    });
    let added = diff(&shipped(), copy.path());
    assert_eq!(added.relations_added.len(), 1, "{}", text(&added));
    assert_eq!(
        text(&added).lines().next().unwrap(),
        format!("+ relation     {planted}")
    );
    // An undated relation beside a dated one is no disagreement: only the relation is new.
    assert_eq!(added.len(), 1, "{}", text(&added));
    let removed = diff(copy.path(), &shipped());
    assert_eq!(text(&removed), format!("- relation     {planted}\n1 difference\n"));
}

#[test]
fn diff_lists_added_removed_and_edited_evidence() {
    let copy = copy_shipped();
    let mut relation = String::new();
    let mut source = String::new();
    edit(copy.path(), "relations.csv", |csv| {
        let i = lone_dated_claim(csv);
        let mut row = csv.rows[i].clone();
        relation = format!(
            "{} {} {} {}",
            csv.get(&row, "subject"),
            csv.get(&row, "predicate"),
            csv.get(&row, "object"),
            csv.get(&row, "date")
        );
        source = csv.get(&row, "source").to_owned();
        let (quote, note) = (csv.col("quote"), csv.col("note"));
        row[quote] = "A second, planted quote.".to_owned();
        row[note] = String::new();
        csv.rows.push(row);
    });
    let added = diff(&shipped(), copy.path());
    assert_eq!(
        text(&added),
        format!("+ evidence     {relation}: {source} \"A second, planted quote.\"\n1 difference\n")
    );
    let removed = diff(copy.path(), &shipped());
    assert_eq!(
        text(&removed),
        format!("- evidence     {relation}: {source} \"A second, planted quote.\"\n1 difference\n")
    );
    let noted = copy_shipped();
    edit(noted.path(), "relations.csv", |csv| {
        let i = lone_dated_claim(csv);
        let note = csv.col("note");
        csv.rows[i][note] = "a planted note".to_owned();
    });
    let edited = diff(&shipped(), noted.path());
    assert_eq!(edited.evidence_edited.len(), 1, "{}", text(&edited));
    assert_eq!(edited.len(), 1, "{}", text(&edited));
    assert!(text(&edited).contains("→ \"a planted note\""), "{}", text(&edited));
}

#[test]
fn diff_lists_a_disagreement_appearing_and_resolved() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| {
        let i = lone_dated_claim(csv);
        let mut row = csv.rows[i].clone();
        let (date, quote) = (csv.col("date"), csv.col("quote"));
        // A second source's date that cannot be the first one's.
        row[date] = "1901-01-01".to_owned();
        row[quote] = "A planted, contradicting quote.".to_owned();
        csv.rows.push(row);
    });
    let appeared = diff(&shipped(), copy.path());
    assert_eq!(appeared.relations_added.len(), 1, "{}", text(&appeared));
    assert_eq!(appeared.disagreements_appeared.len(), 1, "{}", text(&appeared));
    assert_eq!(appeared.len(), 2, "{}", text(&appeared));
    let versions = &appeared.disagreements_appeared[0].versions;
    assert!(versions.contains(&"1901-01-01".to_owned()), "{versions:?}");
    assert!(text(&appeared).contains("(appeared)"));
    let resolved = diff(copy.path(), &shipped());
    assert_eq!(resolved.disagreements_resolved, appeared.disagreements_appeared);
    assert_eq!(resolved.relations_removed.len(), 1);
    assert_eq!(resolved.len(), 2, "{}", text(&resolved));
    assert!(text(&resolved).contains("(resolved)"));
}

#[test]
fn diff_lists_sources_and_predicates() {
    let copy = copy_shipped();
    edit(copy.path(), "sources.csv", |csv| {
        let row = csv.row(&[("id", "zz-planted-source"), ("title", "T"), ("publisher", "P")]);
        csv.rows.push(row);
    });
    edit(copy.path(), "predicates.csv", |csv| {
        let description = csv.col("description");
        csv.rows[0][description].push_str(" (planted)");
    });
    let d = diff(&shipped(), copy.path());
    assert_eq!(d.sources_added, ["zz-planted-source"]);
    assert_eq!(d.predicates_edited.len(), 1);
    assert_eq!(d.predicates_edited[0].fields, ["description"]);
    assert_eq!(d.len(), 2, "{}", text(&d));
}

#[test]
fn diff_in_markdown() {
    let copy = copy_shipped();
    plant_entity(copy.path(), "state", "Zed_land *bold*");
    let d = diff(&shipped(), copy.path());
    let md = String::from_utf8(d.write(DiffStyle::Markdown, Vec::new()).unwrap()).unwrap();
    assert_eq!(
        md,
        "**1 difference in the graph**\n\n### Entities\n\n- added entity `zz-planted` (state) “Zed\\_land \\*bold\\*”\n"
    );
}

// ---- the command line ------------------------------------------------------------------------

fn diplograph() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("diplograph").expect("the binary");
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("DIPLOGRAPH_DATA");
    c
}

/// Runs the binary; returns (exit status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = diplograph().args(args).output().expect("run diplograph");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

#[test]
fn cli_fmt_check_passes_on_the_shipped_graph() {
    assert_eq!(run(&["fmt", "--check"]), (0, String::new(), String::new()));
}

#[test]
fn cli_fmt_check_lists_what_would_change_then_fmt_rewrites_it() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| csv.rows.reverse());
    let relations = copy.path().join("relations.csv");
    let before = std::fs::read(&relations).unwrap();
    let (code, stdout, stderr) = run(&["fmt", "--check", path(copy.path())]);
    assert_eq!((code, stdout), (1, format!("{}\n", relations.display())));
    assert_eq!(
        stderr,
        format!(
            "1 file is not formatted; run: diplograph fmt {}\n",
            copy.path().display()
        )
    );
    assert_eq!(std::fs::read(&relations).unwrap(), before, "--check writes nothing");
    assert_eq!(
        run(&["fmt", path(copy.path())]),
        (0, format!("{}\n", relations.display()), String::new())
    );
    assert_eq!(run(&["fmt", "--check", path(copy.path())]).0, 0);
    assert_eq!(run(&["fmt", path(copy.path())]), (0, String::new(), String::new()));
    let (code, stdout, _) = run(&["--json", "fmt", "--check", path(copy.path())]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json, serde_json::json!({ "check": true, "changed": [] }));
}

#[test]
fn cli_fmt_refuses_invalid_data_with_exit_2() {
    let copy = copy_shipped();
    edit(copy.path(), "relations.csv", |csv| {
        let object = csv.col("object");
        csv.rows[0][object] = "no-such-entity".to_owned();
    });
    let (code, stdout, stderr) = run(&["fmt", path(copy.path())]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("does not load, so it is not formatted"), "{stderr}");
    assert!(
        stderr.contains("relations.csv:2: unknown object 'no-such-entity'"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["fmt", "--check", "no/such/folder"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn cli_diff_of_two_folders_in_text_markdown_and_json() {
    let copy = copy_shipped();
    plant_entity(copy.path(), "state", "Zedland");
    let shipped = shipped();
    let (old, new) = (path(&shipped), path(copy.path()));
    assert_eq!(
        run(&["diff", old, new]),
        (
            1,
            "+ entity       zz-planted (state) \"Zedland\"\n1 difference\n".to_owned(),
            String::new()
        )
    );
    let (code, md, _) = run(&["diff", "--format", "markdown", old, new]);
    assert_eq!(code, 1);
    assert!(
        md.contains("### Entities\n\n- added entity `zz-planted` (state) “Zedland”\n"),
        "{md}"
    );
    let (code, json, _) = run(&["--json", "diff", old, new]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        json["entities_added"],
        serde_json::json!([{ "id": "zz-planted", "kind": "state", "label": "Zedland" }])
    );
    assert_eq!(json["relations_added"], serde_json::json!([]));
    assert_eq!(
        run(&["diff", old, old]),
        (0, "no differences\n".to_owned(), String::new())
    );
}

#[test]
fn cli_diff_trouble_exits_2() {
    let (code, _, stderr) = run(&["diff", "graph-data"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("give two graph-data folders"), "{stderr}");
    let (code, _, stderr) = run(&["diff", "graph-data", "no/such/folder"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot load no/such/folder"), "{stderr}");
    let (code, _, stderr) = run(&["--json", "diff", "--format", "markdown", "graph-data", "graph-data"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("give one of them"), "{stderr}");
    let copy = copy_shipped();
    edit(copy.path(), "entities.csv", |csv| csv.rows.truncate(3));
    let (code, _, stderr) = run(&["diff", "graph-data", path(copy.path())]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("does not load") && stderr.contains("no such entity"),
        "{stderr}"
    );
}

/// Whether this checkout has git and the commit `rev` (a shallow clone may not); says why not.
fn have_commit(rev: &str) -> bool {
    let ok = std::process::Command::new("git")
        .args([
            "-C",
            env!("CARGO_MANIFEST_DIR"),
            "cat-file",
            "-e",
            &format!("{rev}^{{commit}}"),
        ])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        crate::support::skip(
            "diff --rev",
            &format!("no git, or commit {rev} is not in this clone (shallow?)"),
        );
    }
    ok
}

#[test]
fn cli_diff_rev_reads_this_repositorys_history() {
    // The NAC statement's events (2026-11-23): two entities and five relations came in.
    let (before, after) = (
        "6f643d3ada724aa88b12353a2e7bb4bf1416607a",
        "def5aa02f712427595bcd026ddaf1da7fa25962f",
    );
    if !have_commit(before) || !have_commit(after) {
        return;
    }
    let (code, stdout, stderr) = run(&["diff", "--rev", before, "--rev", after]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.starts_with(
            "+ entity       belarusian-election-protests-2006 (event) \"2006 Belarusian election protests\"\n\
         + entity       nato-review-of-relations-with-belarus-2006 (event)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains(
        "+ relation     north-atlantic-council condemned belarusian-election-protests-2006 2006-03-31 [nac-statement-2006-03-31]\n"
    ), "{stdout}");
    assert!(stdout.ends_with("\n7 differences\n"), "{stdout}");
    // Backwards, the same differences removed.
    let (code, back, _) = run(&["diff", "--rev", after, "--rev", before]);
    assert_eq!((code, back.matches("\n- ").count() + 1), (1, 7), "{back}");
}

#[test]
fn cli_diff_rev_against_the_working_folder_and_its_errors() {
    if !have_commit("HEAD") {
        return;
    }
    let (code, stdout, stderr) = run(&["diff", "--rev", "HEAD", "--rev", "HEAD"]);
    assert_eq!((code, stdout.as_str()), (0, "no differences\n"), "{stderr}");
    // One revision: compared with the folder as it is (which may hold uncommitted edits).
    let (code, _, stderr) = run(&["diff", "--rev", "HEAD"]);
    assert!(code == 0 || code == 1, "{stderr}");
    let (code, _, stderr) = run(&["diff", "--rev", "no-such-revision"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: unknown revision 'no-such-revision'"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["diff", "--rev", "--output=x"]);
    assert_eq!(code, 2, "{stderr}");
    let outside = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&["diff", "--rev", "HEAD", path(outside.path())]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not in a git repository"), "{stderr}");
    // Without git on PATH, a clear error.
    let no_git = tempfile::tempdir().unwrap();
    let out = diplograph()
        .args(["diff", "--rev", "HEAD"])
        .env("PATH", no_git.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("diff --rev needs git, which is not installed"),
        "{stderr}"
    );
}

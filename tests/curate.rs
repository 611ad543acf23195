//! Curating a graph: `fmt` (canonical graph-data files) and `diff` (what a change did to the
//! graph), through the library and through the command line.
//!
//! The diff tests plant one kind of change in a copy of the shipped graph-data and check that
//! the diff lists exactly that change. They choose what to change from the data itself (the first
//! relation with a single dated claim, …), so that they keep working as the graph is curated.

mod hostile_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diplograph::curate::{format_csv, DiffStyle, FormatError, Formatter, GraphDiff};
use diplograph::Graph;
use hostile_support::*;
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
    /// rows and columns, the line ends or a byte-order mark; a second `fmt` changes nothing.
    #[test]
    fn hostile_values_survive_and_every_layout_formats_the_same((spec, a, b) in hostile_specs()) {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        spec.write_dir(one.path(), &a);
        spec.write_dir(two.path(), &b);
        Formatter::new(one.path()).write().expect("fmt one");
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

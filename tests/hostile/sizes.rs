//! Sizes that break the tools downstream (docs/guarantees.md, "Downstream validity"): the
//! loader accepts cells up to 64 KiB, Graphviz refuses a quoted string over 16 KiB. Generated
//! long labels, descriptions, quotes and notes — up to the loader's limit, full of characters
//! that DOT escaping lengthens (`"`, `\`, `&`, line breaks, multi-byte text) — are put into the
//! shipped graph, and every DOT export of it must render with `dot -Tsvg` without an error or a
//! warning, showing a visible truncation marker. (Skipped, visibly, without Graphviz.)

use std::borrow::Cow;

use crate::support::dot::{have_dot, render_svg};
use crate::support::hostile::cases;
use diplograph::export::dot::{DotWriter, TimelineWriter};
use diplograph::load::DataFile;
use diplograph::{Dataset, Graph};
use proptest::prelude::*;

/// A text of `len` bytes or a little less, drawn from `alphabet`.
fn long_text() -> impl Strategy<Value = String> {
    let alphabet = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("&amp;".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("名".to_owned()),
        Just("🦀".to_owned()),
        Just("\\N".to_owned()),
        Just(" ".to_owned()),
        "[a-z]{1,12}",
    ];
    (proptest::collection::vec(alphabet, 1..64), 16_000usize..64 * 1024 - 64).prop_map(|(pieces, len)| {
        let mut out = String::with_capacity(len);
        'fill: loop {
            for p in &pieces {
                if out.len() + p.len() > len {
                    break 'fill;
                }
                out.push_str(p);
            }
        }
        // A cell is trimmed by no one, but one made of spaces only would be empty: keep a letter.
        out.insert(0, 'x');
        out.push('y');
        out
    })
}

/// Replaces, in CSV `bytes`, the column `column` of the first row whose first cell is `id`.
pub(super) fn set_cell(bytes: &[u8], id: &str, column: &str, value: &str) -> Vec<u8> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().expect("header").clone();
    let at = header.iter().position(|h| h == column).expect("column");
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).expect("write");
    let mut done = false;
    for record in reader.records() {
        let record = record.expect("record");
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if !done && cells[0] == id {
            cells[at] = value.to_owned();
            done = true;
        }
        out.write_record(&cells).expect("write");
    }
    assert!(done, "{id} not found");
    out.into_inner().expect("flush")
}

fn graph_with(label: &str, description: &str, quote: &str, note: &str) -> Graph {
    let shipped = Dataset::embedded();
    let mut entities = set_cell(&shipped.entities.bytes, "adam-rotfeld", "label", label);
    entities = set_cell(&entities, "adam-rotfeld", "description", description);
    let mut relations = set_cell(&shipped.relations.bytes, "adam-rotfeld", "quote", quote);
    relations = set_cell(&relations, "adam-rotfeld", "note", note);
    let file = |name: &str, bytes: Vec<u8>| DataFile {
        name: name.to_owned(),
        bytes: Cow::Owned(bytes),
    };
    Graph::load_dataset(Dataset {
        entities: file("entities.csv", entities),
        relations: file("relations.csv", relations),
        ..shipped
    })
    .expect("the loader accepts cells up to 64 KiB")
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(3)))]

    #[test]
    fn every_dot_export_of_long_cells_renders(label in long_text(), description in long_text(), quote in long_text(), note in long_text()) {
        if !have_dot("every_dot_export_of_long_cells_renders") {
            return Ok(());
        }
        let graph = graph_with(&label, &description, &quote, &note);
        let mut dots: Vec<(String, Vec<u8>)> = Vec::new();
        let mut whole = Vec::new();
        DotWriter::new().write(&graph, &mut whole).expect("write");
        dots.push(("graph.dot".to_owned(), whole));
        let mut timeline = Vec::new();
        TimelineWriter::new().write(&graph, &mut timeline).expect("write");
        dots.push(("timeline.dot".to_owned(), timeline));
        for view in graph.views() {
            let mut bytes = Vec::new();
            view.write(&graph, &mut bytes).expect("write");
            dots.push((format!("view {}", view.name), bytes));
        }
        let mut marked = false;
        for (what, dot) in &dots {
            let text = String::from_utf8_lossy(dot);
            marked |= text.contains(" more characters]");
            render_svg(what, dot);
        }
        prop_assert!(marked, "no truncation marker in any DOT file");
    }
}

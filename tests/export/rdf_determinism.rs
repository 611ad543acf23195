//! The same graph-data gives byte-identical RDF, whatever the order of its rows and columns.

use std::path::Path;

use crate::support::rdf::*;
use diplograph::{
    export::rdf::{BaseIri, RdfExport, RdfSyntax, RdfVersion},
    load::FILE_NAMES,
    Graph,
};

/// Copies each CSV of `from` into `to` with its rows shuffled (a fixed permutation) and its
/// columns reversed.
fn shuffled_copy(from: &Path, to: &Path) {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for name in FILE_NAMES {
        let mut reader = csv::Reader::from_path(from.join(name)).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let mut rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        // Fisher–Yates with a small LCG, so the test needs no random-number crate.
        for i in (1..rows.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = (seed >> 33) as usize % (i + 1);
            rows.swap(i, j);
        }
        let mut writer = csv::Writer::from_path(to.join(name)).unwrap();
        writer.write_record(header.iter().rev()).unwrap();
        for row in &rows {
            writer.write_record(row.iter().rev()).unwrap();
        }
        writer.flush().unwrap();
    }
}

#[test]
fn two_exports_are_byte_identical() {
    let graph = graph();
    for syntax in RdfSyntax::ALL {
        assert_eq!(export(&graph, syntax), export(&graph, syntax), "{syntax}");
        assert_eq!(export(&graph.clone(), syntax), export(&graph, syntax), "{syntax}");
    }
}

#[test]
fn shuffled_rows_and_columns_give_the_same_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data");
    let tmp = tempfile::tempdir().unwrap();
    shuffled_copy(&dir, tmp.path());
    let original = Graph::load_dir(&dir).unwrap();
    let shuffled = Graph::load_dir(tmp.path()).unwrap();
    let first_lines = |p: &Path| {
        std::fs::read_to_string(p.join("relations.csv"))
            .unwrap()
            .lines()
            .nth(1)
            .map(str::to_owned)
    };
    assert_ne!(first_lines(&dir), first_lines(tmp.path()), "the copy is not shuffled");
    for syntax in RdfSyntax::ALL {
        let (a, b) = (export(&original, syntax), export(&shuffled, syntax));
        assert!(a == b, "{syntax}: the export depends on the order of the CSV rows");
        // RDF 1.2 too, whose Turtle gathers each entity's statements into its annotations.
        let rdf12 = |g: &Graph| {
            RdfExport::new(g, &BaseIri::default())
                .and_then(|r| r.version(RdfVersion::Rdf12).write(syntax, Vec::new()))
                .expect("the RDF 1.2 export writes")
        };
        assert!(
            rdf12(&original) == rdf12(&shuffled),
            "{syntax} (RDF 1.2): the export depends on the order of the CSV rows"
        );
    }
}

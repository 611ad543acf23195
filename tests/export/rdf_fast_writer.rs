//! The fast RDF writer ([`RdfExport::write`]) writes byte for byte what `oxttl`'s serializers
//! write for the same quads ([`RdfExport::write_with_oxttl`], the reference), in RDF 1.1 and in
//! RDF 1.2 (triple terms) — except Turtle 1.2, whose annotation syntax oxttl cannot write: that
//! must hold exactly the triples of oxttl's Turtle. On the shipped graph, on every fixture that
//! loads, and on random graphs whose text is hostile (see tests/support/hostile.rs), under bases
//! chosen to make Turtle's choice of prefix hard.
//!
//! Case count: `PROPTEST_CASES` (default 64).

use std::path::Path;

use std::collections::BTreeSet;

use crate::support::hostile::*;
use crate::support::rdf::expected::{try_parse, Q};
use diplograph::{
    export::rdf::{BaseIri, RdfExport, RdfSyntax, RdfVersion},
    Graph,
};
use proptest::prelude::*;

/// Bases that stress the Turtle prefixes: the default; a `#` base; one whose `entity/`
/// namespace is exactly Wikidata's (`wd:`), so two prefixes tie; one whose `vocab/`
/// namespace is a start of no other; one under which every namespace nests in another.
const BASES: &[&str] = &[
    "https://diplograph.example/",
    "http://example.org/kg#",
    "http://www.wikidata.org/",
    "http://www.wikidata.org/prop/direct/",
    "http://purl.org/dc/terms/",
    "urn:x-diplograph:/",
];

/// The first difference between two outputs, as text around it.
fn first_difference(fast: &[u8], reference: &[u8]) -> String {
    let at = fast
        .iter()
        .zip(reference)
        .position(|(a, b)| a != b)
        .unwrap_or(fast.len().min(reference.len()));
    let around = |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(200)..(at + 200).min(b.len())]).into_owned();
    format!(
        "lengths {} and {}, first difference at byte {at}\n--- fast:\n{}\n--- oxttl:\n{}",
        fast.len(),
        reference.len(),
        around(fast),
        around(reference)
    )
}

/// Checks every syntax of `graph` under `base`; returns the failure, if any, as text.
fn compare(graph: &Graph, base: &str) -> Result<(), String> {
    let base = BaseIri::new(base).map_err(|e| e.to_string())?;
    for version in RdfVersion::ALL {
        let rdf = RdfExport::new(graph, &base)
            .map_err(|e| e.to_string())?
            .version(version);
        for syntax in RdfSyntax::ALL {
            let fast = rdf.write(syntax, Vec::new()).map_err(|e| e.to_string())?;
            let reference = rdf.write_with_oxttl(syntax, Vec::new()).map_err(|e| e.to_string())?;
            if (syntax, version) == (RdfSyntax::Turtle, RdfVersion::Rdf12) {
                same_triples(&fast, &reference).map_err(|e| format!("Turtle 1.2 under <{base}>: {e}"))?;
            } else if fast != reference {
                return Err(format!(
                    "{syntax} (RDF {version}) under <{}>: {}",
                    base,
                    first_difference(&fast, &reference)
                ));
            }
        }
    }
    Ok(())
}

/// Checks that two Turtle documents hold the same triples.
fn same_triples(fast: &[u8], reference: &[u8]) -> Result<(), String> {
    let fast: BTreeSet<Q> = try_parse(fast, RdfSyntax::Turtle)?.into_iter().collect();
    let reference: BTreeSet<Q> = try_parse(reference, RdfSyntax::Turtle)?.into_iter().collect();
    if fast == reference {
        return Ok(());
    }
    let missing: Vec<_> = reference.difference(&fast).take(3).collect();
    let extra: Vec<_> = fast.difference(&reference).take(3).collect();
    Err(format!(
        "not oxttl's triples: missing {missing:?}, unexpected {extra:?}"
    ))
}

#[test]
fn the_shipped_graph_is_written_as_oxttl_writes_it() {
    let graph = Graph::embedded().expect("the shipped graph loads");
    for base in BASES {
        compare(&graph, base).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_fixture_that_loads_is_written_as_oxttl_writes_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut loaded = 0;
    for entry in std::fs::read_dir(&dir).expect("the fixtures are there") {
        let path = entry.expect("a fixture").path();
        if !path.is_dir() {
            continue;
        }
        let Ok(graph) = Graph::load_dir(&path) else {
            continue;
        };
        loaded += 1;
        for base in BASES {
            compare(&graph, base).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    // The fixtures that load: minimal, dates-ok, bom-crlf, line-ends-cr and others.
    assert!(loaded >= 4, "only {loaded} fixtures loaded");
}

#[test]
fn a_failing_writer_fails_the_export() {
    /// Takes `room` bytes, then fails.
    struct Full {
        room: usize,
    }
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::other("disk full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let graph = Graph::embedded().expect("the shipped graph loads");
    let rdf = RdfExport::new(&graph, &BaseIri::default()).expect("the export prepares");
    for syntax in RdfSyntax::ALL {
        for room in [0, 10, 100_000] {
            for threads in [1, 2] {
                let err = rdf.write_on(syntax, Full { room }, threads, 3).err();
                assert!(
                    matches!(err, Some(diplograph::export::rdf::RdfError::Io(ref e)) if e.to_string() == "disk full"),
                    "{syntax} with room for {room} bytes on {threads} threads: {err:?}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(64)))]

    #[test]
    fn hostile_graphs_are_written_as_oxttl_writes_them(spec in spec(), base in 0..BASES.len()) {
        let graph = spec.load(&Layout::plain(&spec));
        if let Err(e) = compare(&graph, BASES[base]) {
            return Err(TestCaseError::fail(e));
        }
    }
}

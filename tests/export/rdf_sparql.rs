//! Every example query in queries/ is run over each RDF export loaded into Oxigraph, and its
//! answers must equal what the library's own API computes for the same question.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::rdf::native::{expected, Row};
use crate::support::rdf::*;
use diplograph::{export::rdf::RdfSyntax, query::Selection, Filter, Graph};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

fn queries() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("queries/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    files
}

fn store(graph: &Graph, syntax: RdfSyntax) -> Store {
    let store = Store::new().expect("in-memory store");
    let format = match syntax {
        RdfSyntax::Turtle => RdfFormat::Turtle,
        RdfSyntax::NTriples => RdfFormat::NTriples,
        RdfSyntax::NQuads => RdfFormat::NQuads,
    };
    store
        .load_from_reader(format, export(graph, syntax).as_slice())
        .unwrap_or_else(|e| panic!("Oxigraph cannot load the {syntax} export: {e}"));
    store
}

/// Runs a SELECT query; with `union`, the default graph is the union of all graphs (how a
/// store is set up to query the N-Quads export without GRAPH clauses).
fn select(store: &Store, query: &str, union: bool) -> (Vec<String>, Vec<Row>) {
    let mut prepared = SparqlEvaluator::new().parse_query(query).expect("query parses");
    if union {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().expect("query runs") else {
        panic!("not a SELECT query");
    };
    let vars: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
    let rows = solutions
        .map(|s| {
            let s = s.expect("solution");
            vars.iter().map(|v| s.get(v.as_str()).map(|t| t.to_string())).collect()
        })
        .collect();
    (vars, rows)
}

/// Runs every query on every syntax of `graph`'s export; returns the number of answers of each.
fn check_all(graph: &Graph, label: &str) -> BTreeMap<String, usize> {
    let files = queries();
    assert!(files.len() >= 6, "expected the six example queries, found {files:?}");
    let mut counts = BTreeMap::new();
    for syntax in RdfSyntax::ALL {
        let store = store(graph, syntax);
        for file in &files {
            let name = file.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
            let text = std::fs::read_to_string(file).expect("query readable");
            assert!(
                text.starts_with("# "),
                "{name}.rq must start with a comment saying what it asks"
            );
            let (vars, rows) = select(&store, &text, syntax == RdfSyntax::NQuads);
            let got: BTreeSet<Row> = rows.iter().cloned().collect();
            assert_eq!(got.len(), rows.len(), "{name} ({syntax}, {label}): repeated rows");
            let want: BTreeSet<Row> = expected(graph, name).into_iter().collect();
            assert!(
                want.iter().all(|r| r.len() == vars.len()),
                "{name}: the native rows do not have the query's columns {vars:?}"
            );
            if got != want {
                let missing: Vec<_> = want.difference(&got).collect();
                let extra: Vec<_> = got.difference(&want).collect();
                panic!(
                    "{name} on the {syntax} export ({label}) differs from the native API.\ncolumns: {vars:?}\nmissing: {missing:#?}\nextra: {extra:#?}"
                );
            }
            counts.insert(name.to_owned(), got.len());
        }
    }
    counts
}

#[test]
fn example_queries_answer_as_the_native_api_does() {
    let graph = graph();
    let counts = check_all(&graph, "whole graph");
    for (name, n) in &counts {
        assert!(
            *n > 0,
            "{name} finds nothing in the curated graph; the test would prove little"
        );
    }
}

#[test]
fn example_queries_answer_as_the_native_api_does_on_a_selection() {
    let graph = graph();
    let view = Selection {
        filter: Filter::default().between(Some("1990".parse().unwrap()), Some("2007".parse().unwrap())),
        focus: graph.node("belarus"),
        depth: 2,
    }
    .apply(&graph);
    assert!(view.relations().count() < graph.relations().count());
    check_all(&view, "belarus, depth 2, 1990–2007");
}

#[test]
fn nquads_puts_each_claim_in_its_source_graph() {
    let graph = graph();
    let store = store(&graph, RdfSyntax::NQuads);
    // Without the union, the default graph holds no statement: they all sit in source graphs.
    let (_, rows) = select(
        &store,
        "SELECT ?s WHERE { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }",
        false,
    );
    assert!(rows.is_empty(), "statements in the default graph: {}", rows.len());
    for s in graph.sources() {
        let query = format!(
            "SELECT DISTINCT ?st WHERE {{ GRAPH {} {{ ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }} }}",
            graph_name(s.id.as_str())
        );
        let (_, rows) = select(&store, &query, false);
        let got: BTreeSet<String> = rows.into_iter().filter_map(|r| r[0].clone()).collect();
        let want: BTreeSet<String> = graph
            .relations()
            .filter(|r| r.evidence.iter().any(|e| e.source == s.id))
            .map(|r| relation(r.id))
            .collect();
        assert_eq!(got, want, "statements in the graph of {}", s.id);
    }
    // Every piece of evidence sits in the graph of the source it is derived from.
    let (_, rows) = select(
        &store,
        "SELECT ?g ?src WHERE { GRAPH ?g { ?ev <http://www.w3.org/ns/prov#wasDerivedFrom> ?src } }",
        false,
    );
    assert_eq!(rows.len(), graph.claim_count());
    for row in rows {
        let (g, src) = (row[0].as_deref().unwrap(), row[1].as_deref().unwrap());
        let id = src.trim_start_matches(&format!("<{BASE}source/")).trim_end_matches('>');
        assert_eq!(g, graph_name(id));
    }
}

/// The shipped source texts (`../shared/sources`, or `$DIPLOGRAPH_SHARED/sources`), or `None`
/// after saying why the test is skipped.
fn source_texts() -> Option<diplograph::verify::SourceTexts> {
    let shared = match std::env::var_os("DIPLOGRAPH_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    let dir = shared.join("sources");
    if !dir.is_dir() {
        crate::support::skip(
            "rdf_sparql",
            &format!(
                "{} not found (the source texts live beside the repository)",
                dir.display()
            ),
        );
        return None;
    }
    Some(diplograph::verify::SourceTexts::open(&dir).expect("source texts"))
}

#[test]
fn belarus_nato_quotes_carry_unique_selectors_when_the_export_has_the_texts() {
    let Some(texts) = source_texts() else {
        return;
    };
    let graph = graph();
    let query = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/belarus-nato-quotes.rq"))
        .expect("query readable");
    let want: BTreeSet<Row> = crate::support::rdf::native::belarus_nato_quotes(&graph, Some(&texts))
        .into_iter()
        .collect();
    assert!(
        want.len() > 10,
        "too few Belarus–NATO quotes to prove anything: {}",
        want.len()
    );
    for syntax in RdfSyntax::ALL {
        let rdf = diplograph::export::rdf::RdfExport::new(&graph, &diplograph::export::rdf::BaseIri::default())
            .expect("export")
            .with_source_texts(&texts)
            .write(syntax, Vec::new())
            .expect("written");
        let store = Store::new().expect("in-memory store");
        let format = match syntax {
            RdfSyntax::Turtle => RdfFormat::Turtle,
            RdfSyntax::NTriples => RdfFormat::NTriples,
            RdfSyntax::NQuads => RdfFormat::NQuads,
        };
        store
            .load_from_reader(format, rdf.as_slice())
            .expect("Oxigraph loads it");
        let (vars, rows) = select(&store, &query, syntax == RdfSyntax::NQuads);
        let got: BTreeSet<Row> = rows.into_iter().collect();
        assert_eq!(got, want, "{syntax}: columns {vars:?}");
        // Every selector is anchored: a prefix or a suffix, and the whole occurs once in the text.
        let exact_only = got.iter().filter(|r| r[6].is_none() && r[7].is_none()).count();
        assert_eq!(exact_only, 0, "{syntax}: selectors without context");
    }
    // Without the texts, the export uses the selectors the claims record: the same bytes.
    for syntax in RdfSyntax::ALL {
        let export = || {
            diplograph::export::rdf::RdfExport::new(&graph, &diplograph::export::rdf::BaseIri::default())
                .expect("export")
        };
        let with = export()
            .with_source_texts(&texts)
            .write(syntax, Vec::new())
            .expect("written");
        let without = export().write(syntax, Vec::new()).expect("written");
        assert!(
            with == without,
            "{syntax}: the recorded selectors are stale (run diplograph fmt --sources)"
        );
    }
    // The selectors are unique in their source text: prefix + exact + suffix occurs once.
    for r in graph.relations() {
        for ev in &r.evidence {
            let Ok(text) = texts.get(ev.source.as_str()) else {
                continue;
            };
            for s in diplograph::verify::TextQuoteSelector::for_quote(text, &ev.quote).expect("quote found") {
                let search = text.search();
                let whole = search.shown(0..search.len());
                let needle = format!("{}{}{}", s.prefix, s.exact, s.suffix);
                assert_eq!(whole.matches(&needle).count(), 1, "{}: {needle:?}", ev.source);
            }
        }
    }
}

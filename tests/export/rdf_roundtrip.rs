//! Parses each RDF export back and compares it, as a set, with the triples the documented model
//! says the graph should produce — restated here independently of the exporter.

use std::collections::BTreeSet;

use crate::support::rdf::expected::*;
use crate::support::rdf::*;
use diplograph::export::rdf::RdfSyntax;

#[test]
fn each_export_is_exactly_the_documented_model() {
    let graph = graph();
    let want_quads = expected(&graph);
    let want_triples: BTreeSet<Q> = want_quads
        .iter()
        .map(|(s, p, o, _)| (s.clone(), p.clone(), o.clone(), None))
        .collect();
    let mut triple_sets = Vec::new();
    for syntax in RdfSyntax::ALL {
        let bytes = export(&graph, syntax);
        let parsed = parse(&bytes, syntax);
        for q in &parsed {
            assert!(
                ![&q.0, &q.2].iter().any(|t| t.starts_with("_:")) && !q.3.as_ref().is_some_and(|g| g.starts_with("_:")),
                "{syntax}: blank node in {q:?}"
            );
        }
        let set: BTreeSet<Q> = parsed.iter().cloned().collect();
        if syntax != RdfSyntax::Turtle {
            assert_eq!(set.len(), parsed.len(), "{syntax}: a line is written twice");
        }
        let triples: BTreeSet<Q> = set
            .iter()
            .map(|(s, p, o, _)| (s.clone(), p.clone(), o.clone(), None))
            .collect();
        triple_sets.push(triples);
        let (got, want) = match syntax {
            RdfSyntax::NQuads => (without_unrestated(set, &graph), &want_quads),
            _ => (without_unrestated(set, &graph), &want_triples),
        };
        if &got != want {
            let missing: Vec<_> = want.difference(&got).take(20).collect();
            let extra: Vec<_> = got.difference(want).take(20).collect();
            panic!("{syntax} export differs from the model.\nmissing: {missing:#?}\nextra: {extra:#?}");
        }
    }
    assert_eq!(triple_sets[0], triple_sets[1], "Turtle and N-Triples differ");
    assert_eq!(
        triple_sets[0], triple_sets[2],
        "Turtle and N-Quads (graphs dropped) differ"
    );
}

#[test]
fn the_base_iri_is_respected_everywhere() {
    let graph = graph();
    let base: diplograph::export::rdf::BaseIri = "http://example.org/kg#".parse().unwrap();
    let bytes = diplograph::export::rdf::RdfExport::new(&graph, &base)
        .unwrap()
        .write(RdfSyntax::NTriples, Vec::new())
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains(BASE), "the default base leaks into a custom-base export");
    assert!(text.contains("<http://example.org/kg#entity/belarus> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/kg#vocab/State> ."));
    let parsed = parse(text.as_bytes(), RdfSyntax::NTriples);
    assert_eq!(
        parsed.len(),
        parse(&export(&graph, RdfSyntax::NTriples), RdfSyntax::NTriples).len()
    );
}

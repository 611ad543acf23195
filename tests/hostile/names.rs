//! Names that collapse into one (docs/guarantees.md, "Names in other systems"): generated
//! predicate, source and entity ids built to collide — `-`/`_` twins, `<id>-inverse`, the
//! vocabulary's id-like terms, `<source>-target-N` — either load, and then every exported thing
//! has an IRI and every predicate a Neo4j relationship type of its own, or are refused by the
//! loader (never by an exporter), with FILE:LINE and both names, exactly when a rule written
//! here independently of the library's says they collide.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::support::hostile::cases;
use diplograph::export::csv::{write_edges, CsvFlavor, CsvOptions};
use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use diplograph::load::DataFile;
use diplograph::{Dataset, Graph, LoadError};
use proptest::prelude::*;

const BASE: &str = "https://diplograph.example/";

/// An id built from parts that make twins: `member-of`, `member_of`, `member_of-inverse`, …
fn predicate_id() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["member", "linked", "disputed", "negates", "a", "part"]),
        prop::option::of((
            prop::sample::select(vec!["-", "_"]),
            prop::sample::select(vec!["of", "with", "b1"]),
        )),
        prop::sample::select(vec!["", "", "-inverse", "-inverse-inverse", "_inverse"]),
    )
        .prop_map(|(stem, more, suffix)| match more {
            Some((sep, word)) => format!("{stem}{sep}{word}{suffix}"),
            None => format!("{stem}{suffix}"),
        })
}

fn source_id() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["un", "nato", "un-target-1", "s"]),
        prop::sample::select(vec![
            "",
            "",
            "-target-1",
            "-selector-2",
            "-target-10",
            "-target-01",
            "_target-1",
            "-target",
        ]),
    )
        .prop_map(|(stem, suffix)| format!("{stem}{suffix}"))
}

fn entity_id() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["b-c", "b_c", "bc", "a-1", "a_1", "belarus", "belarus-inverse"]).prop_map(str::to_owned)
}

/// Distinct values, in their first order.
fn distinct(values: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    values.into_iter().filter(|v| seen.insert(v.clone())).collect()
}

/// The collision rule restated from docs/guarantees.md, apart from the library's code.
fn expected_clashes(predicates: &[(String, bool)], sources: &[String]) -> bool {
    let ids: BTreeMap<&str, bool> = predicates.iter().map(|(p, s)| (p.as_str(), *s)).collect();
    let neo4j: BTreeSet<String> = predicates
        .iter()
        .map(|(p, _)| p.replace('-', "_").to_uppercase())
        .collect();
    let inverse = predicates.iter().any(|(p, _)| {
        p.strip_suffix("-inverse")
            .is_some_and(|stem| ids.get(stem).is_some_and(|symmetric| !symmetric))
    });
    let term = predicates.iter().any(|(p, _)| p == "disputed" || p == "negates");
    let annotation = sources.iter().any(|s| {
        ["-target-", "-selector-"].iter().any(|infix| {
            s.rsplit_once(infix).is_some_and(|(stem, k)| {
                !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_digit())
                    && !k.starts_with('0')
                    && sources.iter().any(|t| t == stem)
            })
        })
    });
    neo4j.len() < predicates.len() || inverse || term || annotation
}

fn dataset(predicates: &[(String, bool)], sources: &[String], entities: &[String]) -> Dataset {
    let file = |name: &str, text: String| DataFile {
        name: name.to_owned(),
        bytes: Cow::Owned(text.into_bytes()),
    };
    let mut s = String::from("id,title,publisher,url,published\n");
    for id in sources {
        s += &format!("{id},Title of {id},P,,2006\n");
    }
    let mut p = String::from("id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n");
    for (id, symmetric) in predicates {
        p += &format!("{id},label of {id},inverse label of {id},D.,{symmetric},state,state,event,\n");
    }
    let mut e = String::from("id,kind,label,aliases,description,same_as\n");
    for id in entities {
        e += &format!("{id},state,Label of {id},,D.,\n");
    }
    // Every predicate between the first two entities, from every source: the evidence of all the
    // sources sits on one relation, where annotation IRIs could meet.
    let mut r = String::from("subject,predicate,object,date,source,quote,note\n");
    for (id, _) in predicates {
        for source in sources {
            r += &format!("{},{id},{},2001,{source},q,\n", entities[0], entities[1]);
        }
    }
    Dataset {
        sources: file("sources.csv", s),
        predicates: file("predicates.csv", p),
        entities: file("entities.csv", e),
        relations: file("relations.csv", r),
        views: None,
    }
}

/// The distinct objects of `predicate` for each subject IRI starting with `prefix`.
fn objects<'a>(quads: &'a [oxrdf::Quad], prefix: &str, predicate: &str) -> BTreeMap<&'a str, BTreeSet<String>> {
    let mut map: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for q in quads {
        if let oxrdf::NamedOrBlankNode::NamedNode(s) = &q.subject {
            if s.as_str().starts_with(prefix) && q.predicate.as_str() == predicate {
                map.entry(s.as_str()).or_default().insert(q.object.to_string());
            }
        }
    }
    map
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(96)))]

    #[test]
    fn ids_that_load_have_names_of_their_own(
        predicates in prop::collection::vec((predicate_id(), any::<bool>()), 1..6),
        sources in prop::collection::vec(source_id(), 1..5),
        entities in prop::collection::vec(entity_id(), 2..6),
    ) {
        let mut predicates_seen = BTreeSet::new();
        let predicates: Vec<(String, bool)> =
            predicates.into_iter().filter(|(p, _)| predicates_seen.insert(p.clone())).collect();
        let sources = distinct(sources);
        let entities = distinct(entities);
        prop_assume!(entities.len() >= 2);
        let clash = expected_clashes(&predicates, &sources);
        match Graph::load(&dataset(&predicates, &sources, &entities)) {
            Err(LoadError::Invalid(problems)) => {
                prop_assert!(clash, "refused without a collision: {problems}");
                for p in problems.errors() {
                    let text = p.to_string();
                    prop_assert!(
                        (text.starts_with("predicates.csv:") || text.starts_with("sources.csv:"))
                            && (text.contains("would share") || text.contains("would take"))
                            && p.hint.is_some(),
                        "{text}"
                    );
                }
            }
            Err(other) => prop_assert!(false, "{other}"),
            Ok(graph) => {
                prop_assert!(!clash, "loaded a graph with colliding names: {predicates:?} {sources:?}");
                let nq = RdfExport::new(&graph, &BaseIri::default())
                    .expect("the exporter meets no clash the loader let through")
                    .write(RdfSyntax::NQuads, Vec::new())
                    .unwrap();
                let quads: Vec<oxrdf::Quad> =
                    oxttl::NQuadsParser::new().for_slice(&nq).map(Result::unwrap).collect();
                let label = "http://www.w3.org/2000/01/rdf-schema#label";
                let a = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
                // Every predicate and inverse has one IRI, with its own label, and no other
                // term of the vocabulary shares it.
                let labels = objects(&quads, &format!("{BASE}vocab/"), label);
                for (iri, l) in &labels {
                    prop_assert_eq!(l.len(), 1, "{} has labels {:?}", iri, l);
                }
                let inverses = predicates.iter().filter(|(_, s)| !s).count();
                let predicate_labels = labels
                    .values()
                    .flatten()
                    .filter(|l| l.contains("label of "))
                    .count();
                prop_assert_eq!(predicate_labels, predicates.len() + inverses);
                // Entities and sources: one IRI each.
                prop_assert_eq!(objects(&quads, &format!("{BASE}entity/"), a).len(), entities.len());
                prop_assert_eq!(objects(&quads, &format!("{BASE}source/"), a).len(), sources.len());
                // Evidence, annotation targets and selectors never share an IRI.
                let kinds = [
                    format!("<{BASE}vocab/Evidence>"),
                    "<http://www.w3.org/ns/oa#SpecificResource>".to_owned(),
                    "<http://www.w3.org/ns/oa#TextQuoteSelector>".to_owned(),
                ];
                for (iri, types) in objects(&quads, &format!("{BASE}evidence/"), a) {
                    let n = kinds.iter().filter(|k| types.contains(*k)).count();
                    prop_assert_eq!(n, 1, "{} is {:?}", iri, types);
                }
                // Neo4j: one relationship type per predicate.
                let mut csv = Vec::new();
                write_edges(&graph, &CsvOptions::new().flavor(CsvFlavor::Neo4j), &mut csv).unwrap();
                let mut reader = csv::Reader::from_reader(csv.as_slice());
                let mut types: BTreeMap<String, String> = BTreeMap::new();
                for row in reader.records() {
                    let row = row.unwrap();
                    let (t, p) = (row[2].to_owned(), row[4].to_owned());
                    if let Some(other) = types.insert(t.clone(), p.clone()) {
                        prop_assert_eq!(&other, &p, "{} and {} share the type {}", other, p, t);
                    }
                }
                prop_assert_eq!(types.len(), predicates.len());
            }
        }
    }
}

/// A clash is reported at the second name's line, naming the first with its line.
#[test]
fn a_clash_names_both_ids_and_their_lines() {
    let predicates = [("member_of".to_owned(), false), ("member-of".to_owned(), true)];
    let sources = ["un".to_owned(), "un-target-1".to_owned()];
    let entities = ["a".to_owned(), "b".to_owned()];
    let Err(LoadError::Invalid(problems)) = Graph::load(&dataset(&predicates, &sources, &entities)) else {
        panic!("loaded");
    };
    let text = problems.to_string();
    assert!(
        text.contains(
            "predicates.csv:3: 'member-of' and 'member_of' (line 2) would share the Neo4j relationship type MEMBER_OF"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "sources.csv:3: 'un-target-1' and 'un' (line 2) would share the RDF IRIs evidence/<relation>.un-target-1"
        ),
        "{text}"
    );
}

//! The native API's answers to the questions the example queries ask, as rows of terms in
//! N-Triples form (what `oxrdf`'s `Display` prints), in each query's column order. Shared by the
//! in-process Oxigraph test and the triplestore-server test.

use std::collections::{BTreeMap, BTreeSet};

use diplograph::{EntityKind, Graph};

use super::*;

/// One answer: a term (or `None` for an unbound variable) per column.
pub type Row = Vec<Option<String>>;

/// What the native API answers to the question a query file asks, as rows in the query's
/// column order.
pub fn expected(graph: &Graph, name: &str) -> Vec<Row> {
    match name {
        "belarus-memberships" => belarus_memberships(graph),
        "happened-in-2006" => happened_in(graph, 2006),
        "officials" => officials(graph),
        "diplomatic-relations-1992" => diplomatic_relations_in(graph, 1992),
        "disagreements" => disagreements(graph),
        "person-to-organisation" => person_to_organisation(graph),
        other => panic!("queries/{other}.rq has no native counterpart in tests/export/rdf_sparql.rs; add one"),
    }
}

fn belarus_memberships(graph: &Graph) -> Vec<Row> {
    let Some(node) = graph.node("belarus") else {
        return Vec::new();
    };
    graph
        .incidents(node)
        .into_iter()
        .filter(|i| i.outgoing && ["member_of", "participant_in"].contains(&i.predicate.id.as_str()))
        .map(|i| {
            let start = i
                .relation
                .span(i.predicate.temporal)
                .and_then(|s| s.start.date().copied());
            vec![
                Some(relation(i.relation.id)),
                Some(vocab(i.predicate.id.as_str())),
                Some(entity(i.other.id.as_str())),
                Some(en(&i.other.label)),
                start.as_ref().map(date),
                start.map(|d| day(d.earliest())),
            ]
        })
        .collect()
}

fn happened_in(graph: &Graph, year: i32) -> Vec<Row> {
    let mut rows = Vec::new();
    for r in graph.relations() {
        let Some(span) = r.span(graph.predicate_of(r).temporal) else {
            continue;
        };
        if span.start.date().map(|d| d.year()) != Some(year) {
            continue;
        }
        for s in r.sources() {
            let title = &graph.source(s.as_str()).expect("cited source exists").title;
            rows.push(vec![
                Some(relation(r.id)),
                Some(entity(r.subject.as_str())),
                Some(vocab(r.predicate.as_str())),
                Some(entity(r.object.as_str())),
                r.date.map(|d| plain(&d.to_string())),
                Some(source(s.as_str())),
                Some(plain(title)),
            ]);
        }
    }
    rows
}

/// The objects of an entity's outgoing relations with this predicate.
fn objects(graph: &Graph, id: &str, predicate: &str) -> BTreeSet<String> {
    graph
        .node(id)
        .map(|n| graph.incidents(n))
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.outgoing && i.predicate.id.as_str() == predicate)
        .map(|i| i.other.id.to_string())
        .collect()
}

fn officials(graph: &Graph) -> Vec<Row> {
    let mut rows = Vec::new();
    for r in graph.relations().filter(|r| r.predicate.as_str() == "holds_office") {
        let person = graph.entity_by_id(r.subject.as_str()).expect("subject exists");
        let office = graph.entity_by_id(r.object.as_str()).expect("object exists");
        if person.kind != EntityKind::Person {
            continue;
        }
        let span = r.span(graph.predicate_of(r).temporal);
        let start = span.and_then(|s| s.start.date().copied());
        let end = span.and_then(|s| s.end.date().copied());
        let of = objects(graph, office.id.as_str(), "office_of");
        let of: Vec<Option<String>> = if of.is_empty() {
            vec![None]
        } else {
            of.iter().map(|o| Some(entity(o))).collect()
        };
        for o in of {
            rows.push(vec![
                Some(relation(r.id)),
                Some(entity(person.id.as_str())),
                Some(en(&person.label)),
                Some(entity(office.id.as_str())),
                Some(en(&office.label)),
                o,
                start.as_ref().map(date),
                end.as_ref().map(date),
            ]);
        }
    }
    rows
}

fn diplomatic_relations_in(graph: &Graph, year: i32) -> Vec<Row> {
    let Some(node) = graph.node("belarus") else {
        return Vec::new();
    };
    graph
        .incidents(node)
        .into_iter()
        .filter(|i| i.predicate.id.as_str() == "diplomatic_relations_with" && i.other.kind == EntityKind::State)
        .filter_map(|i| {
            let start = *i.relation.span(i.predicate.temporal)?.start.date()?;
            (start.year() == year).then(|| {
                vec![
                    Some(entity(i.other.id.as_str())),
                    Some(en(&i.other.label)),
                    Some(date(&start)),
                ]
            })
        })
        .collect()
}

fn disagreements(graph: &Graph) -> Vec<Row> {
    let mut by_triple: BTreeMap<(String, String, String), Vec<&diplograph::Relation>> = BTreeMap::new();
    for r in graph.relations().filter(|r| r.date.is_some()) {
        by_triple
            .entry((r.subject.to_string(), r.predicate.to_string(), r.object.to_string()))
            .or_default()
            .push(r);
    }
    let mut rows = Vec::new();
    for ((s, p, o), relations) in by_triple.into_iter().filter(|(_, rs)| rs.len() > 1) {
        for r in relations {
            for src in r.sources() {
                rows.push(vec![
                    Some(entity(&s)),
                    Some(vocab(&p)),
                    Some(entity(&o)),
                    Some(relation(r.id)),
                    r.date.map(|d| plain(&d.to_string())),
                    Some(source(src.as_str())),
                ]);
            }
        }
    }
    rows
}

fn person_to_organisation(graph: &Graph) -> Vec<Row> {
    let mut rows = Vec::new();
    for person in graph.entities().filter(|e| e.kind == EntityKind::Person) {
        for office in objects(graph, person.id.as_str(), "holds_office") {
            for org in objects(graph, &office, "office_of") {
                let org = graph.entity_by_id(&org).expect("object exists");
                if org.kind == EntityKind::Organization {
                    rows.push(vec![
                        Some(entity(person.id.as_str())),
                        Some(en(&person.label)),
                        Some(entity(org.id.as_str())),
                        Some(en(&org.label)),
                    ]);
                }
            }
        }
    }
    rows
}

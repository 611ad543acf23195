//! The native API's answers to the questions the example queries ask, as rows of terms in
//! N-Triples form (what `oxrdf`'s `Display` prints), in each query's column order. Shared by the
//! in-process Oxigraph test and the triplestore-server test.

use std::collections::{BTreeMap, BTreeSet};

use diplograph::verify::{SourceTexts, TextQuoteSelector};
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
        "belarus-nato-quotes" => belarus_nato_quotes(graph, None),
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

/// Every piece of evidence between Belarus and NATO, one row per selector of its quote: with
/// `texts`, the library's [`TextQuoteSelector::for_quote`] on the source's text; without them
/// (or for a source they lack), the quote's `...` fragments with no prefix or suffix.
pub fn belarus_nato_quotes(graph: &Graph, texts: Option<&SourceTexts>) -> Vec<Row> {
    let mut rows = Vec::new();
    let pair = |a: &str, b: &str| (a == "belarus" && b == "nato") || (a == "nato" && b == "belarus");
    for r in graph.relations() {
        if !pair(r.subject.as_str(), r.object.as_str()) {
            continue;
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for ev in &r.evidence {
            let n = seen.entry(ev.source.as_str()).or_default();
            *n += 1;
            let e = evidence(r.id, ev.source.as_str(), *n);
            let page = match graph.source(ev.source.as_str()).and_then(|s| s.url.as_deref()) {
                Some(url) => iri(url),
                None => source(ev.source.as_str()),
            };
            // From the text when given, else what the claim records (fmt --sources wrote it).
            let recorded = ev
                .anchor
                .as_ref()
                .map(|a| a.selectors.clone())
                .filter(|s| !s.is_empty());
            let anchored = texts
                .and_then(|t| t.get(ev.source.as_str()).ok())
                .and_then(|text| TextQuoteSelector::for_quote(text, &ev.quote).ok())
                .filter(|s| !s.is_empty())
                .or(recorded);
            let selectors: Vec<(String, Option<String>, Option<String>)> = match anchored {
                Some(found) => found
                    .into_iter()
                    .map(|s| {
                        let context = |t: String| (!t.is_empty()).then(|| plain(&t));
                        (s.exact, context(s.prefix), context(s.suffix))
                    })
                    .collect(),
                None => ev
                    .quote
                    .split("...")
                    .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|f| !f.is_empty())
                    .map(|f| (f, None, None))
                    .collect(),
            };
            let stem = e.trim_end_matches('>');
            for (k, (exact, prefix, suffix)) in selectors.into_iter().enumerate() {
                rows.push(vec![
                    Some(relation(r.id)),
                    Some(vocab(r.predicate.as_str())),
                    Some(e.clone()),
                    Some(page.clone()),
                    Some(format!("{stem}-selector-{}>", k + 1)),
                    Some(plain(&exact)),
                    prefix,
                    suffix,
                ]);
            }
        }
    }
    rows
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

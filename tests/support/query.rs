//! Small hand-built graphs for the query tests: graph-data CSV written in the test, loaded with
//! `Graph::load`.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt::Write as _;

use diplograph::NodeId;
use diplograph::{load::DataFile, Dataset, Graph};

pub const KINDS: &str = "state|organization|programme|person|office|agreement|event|place";

/// The predicates every fixture has: `linked` (state), `signed` (event), `met` (event,
/// symmetric), `allied_with` (state, symmetric).
pub fn predicates_csv() -> String {
    let mut s = String::from("id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n");
    for (id, label, inverse, symmetric, temporal) in [
        ("linked", "linked to", "linked from", false, "state"),
        ("signed", "signed", "signed by", false, "event"),
        ("met", "met", "met", true, "event"),
        ("allied_with", "allied with", "allied with", true, "state"),
    ] {
        writeln!(
            s,
            "{id},{label},{inverse},A test predicate.,{symmetric},{KINDS},{KINDS},{temporal},"
        )
        .unwrap();
    }
    s
}

pub const SOURCES_CSV: &str = "id,title,publisher,url,published\n\
src-a,Source A,Publisher A,,2020\n\
src-b,Source B,Publisher B,,\n\
src-c,Source C,Publisher C,,\n";

/// One claim: subject, predicate, object, date (EDTF or empty), source, note.
pub type Claim<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// A dataset of `entities` (id, kind) and `claims`; each entity's label is its id in capitals.
pub fn dataset(entities: &[(&str, &str)], claims: &[Claim]) -> Dataset {
    let mut e = String::from("id,kind,label,aliases,description,same_as\n");
    for (id, kind) in entities {
        writeln!(e, "{id},{kind},{},,Test entity.,", id.to_uppercase()).unwrap();
    }
    let mut r = String::from("subject,predicate,object,date,source,quote,note\n");
    for (i, (s, p, o, date, source, note)) in claims.iter().enumerate() {
        writeln!(r, "{s},{p},{o},{date},{source},\"quote {i}: {s} {p} {o}\",\"{note}\"").unwrap();
    }
    let file = |name: &str, text: String| DataFile {
        name: format!("fixture/{name}"),
        bytes: Cow::Owned(text.into_bytes()),
    };
    Dataset {
        sources: file("sources.csv", SOURCES_CSV.to_owned()),
        predicates: file("predicates.csv", predicates_csv()),
        entities: file("entities.csv", e),
        relations: file("relations.csv", r),
        views: None,
    }
}

/// The graph of `entities` and `claims`; panics (in a test) if the fixture is invalid.
pub fn graph(entities: &[(&str, &str)], claims: &[Claim]) -> Graph {
    match Graph::load(&dataset(entities, claims)) {
        Ok(g) => g,
        Err(e) => panic!("bad fixture: {e}"),
    }
}

/// States named by `ids`.
pub fn states<'a>(ids: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    ids.iter().map(|id| (*id, "state")).collect()
}

/// The node of `id`.
pub fn n(graph: &Graph, id: &str) -> NodeId {
    graph.node(id).unwrap_or_else(|| panic!("no entity {id}"))
}

/// The ids along a path.
pub fn ids(graph: &Graph, path: &diplograph::Path) -> Vec<String> {
    path.nodes().map(|n| graph.entity_at(n).id.to_string()).collect()
}

/// Writes the dataset as a graph-data folder in `dir`.
pub fn write_dir(dataset: &Dataset, dir: &std::path::Path) {
    for f in [
        &dataset.sources,
        &dataset.predicates,
        &dataset.entities,
        &dataset.relations,
    ] {
        let name = f.name.rsplit('/').next().unwrap();
        std::fs::write(dir.join(name), &f.bytes).unwrap();
    }
}

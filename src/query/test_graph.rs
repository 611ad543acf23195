//! Random graphs for the query layer's unit tests, loaded through the real loader.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::load::dataset::{DataFile, Dataset};
use crate::model::graph::Graph;

/// A graph of `size` states `n000`, `n001`, … and one relation per `(a, b, symmetric)`: `linked`
/// (directed) or `allied_with` (symmetric), dated 1990 to 1992 in turn. Repeated pairs become
/// parallel relations when their dates differ.
pub(crate) fn graph_of(size: usize, edges: &[(usize, usize, bool)]) -> Graph {
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for i in 0..size {
        writeln!(entities, "n{i:03},state,N{i:03},,Test entity.,").unwrap();
    }
    let mut relations = String::from("subject,predicate,object,date,source,quote,note\n");
    for (i, &(a, b, symmetric)) in edges.iter().enumerate() {
        let p = if symmetric { "allied_with" } else { "linked" };
        writeln!(relations, "n{a:03},{p},n{b:03},{},src,\"quote {i}\",", 1990 + i % 3).unwrap();
    }
    let kinds = "state";
    let predicates = format!(
        "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n\
         linked,linked to,linked from,A test predicate.,false,{kinds},{kinds},state,\n\
         allied_with,allied with,allied with,A test predicate.,true,{kinds},{kinds},state,\n"
    );
    let file = |name: &str, text: String| DataFile {
        name: format!("fixture/{name}"),
        bytes: Cow::Owned(text.into_bytes()),
    };
    let dataset = Dataset {
        sources: file(
            "sources.csv",
            "id,title,publisher,url,published\nsrc,Source,Publisher,,2020\n".into(),
        ),
        predicates: file("predicates.csv", predicates),
        entities: file("entities.csv", entities),
        relations: file("relations.csv", relations),
        views: None,
    };
    match Graph::load(&dataset) {
        Ok(g) => g,
        Err(e) => panic!("bad test graph: {e}"),
    }
}

/// `raw` pairs brought into `0..size`, self-loops dropped, symmetric ones entered one way round
/// (as the loader asks).
pub(crate) fn edges_within(size: usize, raw: &[(usize, usize, bool)]) -> Vec<(usize, usize, bool)> {
    raw.iter()
        .map(|&(a, b, s)| {
            let (a, b) = (a % size, b % size);
            if s {
                (a.min(b), a.max(b), s)
            } else {
                (a, b, s)
            }
        })
        .filter(|(a, b, _)| a != b)
        .collect()
}

#[test]
fn the_test_graphs_load() {
    let g = graph_of(3, &[(0, 1, false), (1, 2, true), (0, 1, false)]);
    assert_eq!(g.entity_count(), 3);
    assert_eq!(g.relation_count(), 3);
}

//! Neighbourhoods on small hand-built graphs.

use crate::support::query::{graph, n};
use diplograph::{Direction, EntityKind, Filter};

/// centre → a → b → c; x → centre; person p linked to a.
fn star() -> diplograph::Graph {
    graph(
        &[
            ("centre", "state"),
            ("a", "state"),
            ("b", "state"),
            ("c", "state"),
            ("x", "state"),
            ("p", "person"),
        ],
        &[
            ("centre", "linked", "a", "", "src-a", ""),
            ("a", "linked", "b", "2001", "src-a", ""),
            ("b", "linked", "c", "", "src-a", ""),
            ("x", "linked", "centre", "", "src-a", ""),
            ("p", "linked", "a", "", "src-a", ""),
            ("x", "linked", "a", "", "src-a", ""),
        ],
    )
}

fn distances(g: &diplograph::Graph, nb: &diplograph::Neighbourhood) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = nb
        .distance
        .iter()
        .map(|(k, d)| (g.entity_at(*k).id.to_string(), *d))
        .collect();
    v.sort();
    v
}

#[test]
fn depth_gives_distances_and_relations_among_them() {
    let g = star();
    let c = n(&g, "centre");
    let one = g.neighbours(c).run();
    let d = |s: &str, k| (s.to_owned(), k);
    assert_eq!(distances(&g, &one), [d("a", 1), d("centre", 0), d("x", 1)]);
    // centre–a, x–centre, and x–a (between two entities at distance 1).
    assert_eq!(one.relations.len(), 3);
    let two = g.neighbours(c).depth(2).run();
    assert_eq!(
        distances(&g, &two),
        [d("a", 1), d("b", 2), d("centre", 0), d("p", 2), d("x", 1)]
    );
    let zero = g.neighbours(c).depth(0).run();
    assert_eq!(distances(&g, &zero), [d("centre", 0)]);
    assert!(zero.relations.is_empty());
}

#[test]
fn directed_follows_outgoing_relations_only() {
    let g = star();
    let nb = g
        .neighbours(n(&g, "centre"))
        .depth(3)
        .direction(Direction::Directed)
        .run();
    let d = |s: &str, k| (s.to_owned(), k);
    assert_eq!(distances(&g, &nb), [d("a", 1), d("b", 2), d("c", 3), d("centre", 0)]);
}

#[test]
fn filters_apply_to_the_surroundings_not_the_centre() {
    let g = star();
    let only_people = Filter::default().kind(EntityKind::Person);
    let nb = g.neighbours(n(&g, "a")).filter(only_people).run();
    let d = |s: &str, k| (s.to_owned(), k);
    assert_eq!(distances(&g, &nb), [d("a", 0), d("p", 1)]);
    let dated = Filter::default().dated_only(true);
    let nb = g.neighbours(n(&g, "a")).depth(5).filter(dated).run();
    assert_eq!(distances(&g, &nb), [d("a", 0), d("b", 1)]);
}

#[test]
fn a_neighbourhood_is_a_graph_to_export_and_a_report() {
    let g = star();
    let nb = g.neighbours(n(&g, "centre")).depth(2).run();
    let sub = nb.to_graph(&g);
    assert_eq!(sub.entities().count(), 5);
    assert_eq!(sub.relations().count(), nb.relations.len());
    let json = serde_json::to_value(nb.report(&g)).unwrap();
    assert_eq!(json["centre"]["id"], "centre");
    assert_eq!(json["entities"][0]["id"], "centre");
    assert_eq!(json["entities"][0]["distance"], 0);
    // Relations are read from the end nearer the centre: x → centre is read backwards from the centre.
    let rel = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["to"]["id"] == "x")
        .unwrap();
    assert_eq!(
        (rel["from"]["id"].as_str(), rel["direction"].as_str()),
        (Some("centre"), Some("backward"))
    );
    let text = nb.display(&g).to_string();
    assert!(text.starts_with("CENTRE (centre): 4 entities within 2 hops"), "{text}");
    assert!(
        text.contains("1 hop:\n  CENTRE —linked to→ A  [src-a]  (undated)\n"),
        "{text}"
    );
    assert!(text.contains("2 hops:\n"), "{text}");
}

//! Paths on small hand-built graphs with known answers: shortest, k shortest, all, direction,
//! parallel relations, filters, and bounds on dense graphs.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::support::query::{graph, ids, n, states, Claim};
use diplograph::{Certainty, Direction, EntityKind, Filter, Id};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// a → b → c → d, and a → e → d with e → d pointing backwards (d → e).
fn chain() -> diplograph::Graph {
    graph(
        &states(&["a", "b", "c", "d", "e"]),
        &[
            ("a", "linked", "b", "", "src-a", ""),
            ("b", "linked", "c", "", "src-a", ""),
            ("c", "linked", "d", "", "src-a", ""),
            ("a", "linked", "e", "", "src-b", ""),
            ("d", "linked", "e", "", "src-b", ""),
        ],
    )
}

#[test]
fn shortest_follows_both_ways_by_default() {
    let g = chain();
    let p = g.paths(n(&g, "a"), n(&g, "d")).shortest().unwrap();
    assert_eq!(ids(&g, &p), ["a", "e", "d"]);
    assert!(p.hops[0].forward);
    assert!(!p.hops[1].forward, "d → e is read backwards");
    assert_eq!(
        g.predicate_of(g.relation_at(p.hops[1].edge))
            .label_for(p.hops[1].forward),
        "linked from"
    );
}

#[test]
fn directed_follows_subject_to_object_only() {
    let g = chain();
    let p = g.paths(n(&g, "a"), n(&g, "d")).directed().shortest().unwrap();
    assert_eq!(ids(&g, &p), ["a", "b", "c", "d"]);
    assert!(p.hops.iter().all(|h| h.forward));
    assert!(g.paths(n(&g, "d"), n(&g, "a")).directed().shortest().is_none());
    assert!(g.paths(n(&g, "d"), n(&g, "a")).shortest().is_some());
}

#[test]
fn symmetric_relations_go_both_ways_even_when_directed() {
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "met", "b", "2001", "src-a", ""),
            ("c", "allied_with", "b", "", "src-a", ""),
        ],
    );
    let p = g.paths(n(&g, "a"), n(&g, "c")).directed().shortest().unwrap();
    assert_eq!(ids(&g, &p), ["a", "b", "c"]);
    assert!(p.hops[0].forward && !p.hops[1].forward);
    assert_eq!(
        g.predicate_of(g.relation_at(p.hops[1].edge)).label_for(false),
        "allied with"
    );
}

#[test]
fn max_hops_bounds_the_shortest_path() {
    let g = chain();
    let q = g.paths(n(&g, "a"), n(&g, "d")).directed();
    assert!(q.clone().max_hops(2).shortest().is_none());
    assert_eq!(q.max_hops(3).shortest().unwrap().len(), 3);
}

#[test]
fn the_path_from_an_entity_to_itself_is_empty() {
    let g = chain();
    let a = n(&g, "a");
    let p = g.paths(a, a).shortest().unwrap();
    assert!(p.is_empty());
    assert_eq!(p.to(), a);
    assert_eq!(g.paths(a, a).all().paths.len(), 1);
}

#[test]
fn parallel_relations_are_one_hop_with_the_best_first() {
    let g = graph(
        &states(&["a", "b"]),
        &[
            ("a", "linked", "b", "", "src-a", ""),
            ("a", "linked", "b", "1999", "src-a", ""),
            ("a", "signed", "b", "2001", "src-a", ""),
            ("a", "signed", "b", "2001", "src-b", ""),
            ("b", "linked", "a", "2005", "src-c", ""),
        ],
    );
    let p = g.paths(n(&g, "a"), n(&g, "b")).shortest().unwrap();
    assert_eq!(p.len(), 1);
    let hop = &p.hops[0];
    // Dated before undated, forward before backward, then more sources.
    let best = g.relation_at(hop.edge);
    assert_eq!((best.predicate.as_str(), best.sources().len()), ("signed", 2));
    assert_eq!(hop.also.len(), 3);
    assert_eq!(hop.also.last().map(|a| a.certainty), Some(Certainty::Undated));
    assert!(hop.also.iter().any(|a| !a.forward));
    // k shortest counts routes, not parallel relations.
    assert_eq!(g.paths(n(&g, "a"), n(&g, "b")).k_shortest(5).len(), 1);
    // Directed: the backward relation is no alternative.
    let d = g.paths(n(&g, "a"), n(&g, "b")).directed().shortest().unwrap();
    assert_eq!(d.hops[0].also.len(), 2);
}

/// a–b–d, a–c–d, a–d, b–c, c–e–d: known simple paths from a to d.
fn diamond() -> diplograph::Graph {
    let claims: Vec<Claim> = [
        ("a", "b"),
        ("b", "d"),
        ("a", "c"),
        ("c", "d"),
        ("a", "d"),
        ("b", "c"),
        ("c", "e"),
        ("e", "d"),
    ]
    .iter()
    .map(|(s, o)| (*s, "linked", *o, "", "src-a", ""))
    .collect();
    graph(&states(&["a", "b", "c", "d", "e"]), &claims)
}

fn route_set(g: &diplograph::Graph, paths: &[diplograph::Path]) -> BTreeSet<String> {
    paths.iter().map(|p| ids(g, p).join("-")).collect()
}

#[test]
fn k_shortest_are_ranked_by_hops() {
    let g = diamond();
    let paths = g.paths(n(&g, "a"), n(&g, "d")).k_shortest(10);
    let lengths: Vec<usize> = paths.iter().map(|p| p.len()).collect();
    // a-d; a-b-d, a-c-d; a-b-c-d, a-c-e-d; a-b-c-e-d; a-c-b-d
    assert_eq!(lengths, [1, 2, 2, 3, 3, 3, 4]);
    assert_eq!(ids(&g, &paths[0]), ["a", "d"]);
    let all = route_set(&g, &paths);
    assert_eq!(all.len(), 7, "no path twice");
    for p in &paths {
        let nodes: BTreeSet<_> = p.nodes().collect();
        assert_eq!(nodes.len(), p.len() + 1, "simple");
    }
    assert_eq!(g.paths(n(&g, "a"), n(&g, "d")).k_shortest(3).len(), 3);
    assert!(g.paths(n(&g, "a"), n(&g, "d")).k_shortest(0).is_empty());
    // Bounded by max_hops.
    let short = g.paths(n(&g, "a"), n(&g, "d")).max_hops(2).k_shortest(10);
    assert_eq!(short.len(), 3);
}

#[test]
fn all_lists_every_simple_path_up_to_the_bound_shortest_first() {
    let g = diamond();
    let q = g.paths(n(&g, "a"), n(&g, "d"));
    let three = q.clone().max_hops(3).all();
    assert!(three.complete);
    assert_eq!(
        route_set(&g, &three.paths),
        ["a-d", "a-b-d", "a-c-d", "a-b-c-d", "a-c-b-d", "a-c-e-d"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert!(three.paths.windows(2).all(|w| w[0].len() <= w[1].len()));
    let every = q.clone().max_hops(10).all();
    assert_eq!(every.paths.len(), 7);
    // The limit caps the answer and says there is more.
    let capped = q.clone().max_hops(10).limit(4).all();
    assert_eq!(capped.paths.len(), 4);
    assert!(!capped.complete);
    let exact = q.max_hops(10).limit(7).all();
    assert!(exact.complete);
}

/// Every pair of `size` states linked both ways round.
fn complete_graph(size: usize) -> (diplograph::Graph, Vec<String>) {
    let names: Vec<String> = (0..size).map(|i| format!("s{i:02}")).collect();
    let mut claims = Vec::new();
    for i in 0..size {
        for j in i + 1..size {
            claims.push((names[i].clone(), names[j].clone()));
        }
    }
    let claims: Vec<Claim> = claims
        .iter()
        .map(|(a, b)| (a.as_str(), "linked", b.as_str(), "", "src-a", ""))
        .collect();
    let entities: Vec<(&str, &str)> = names.iter().map(|s| (s.as_str(), "state")).collect();
    (graph(&entities, &claims), names)
}

#[test]
fn a_dense_graph_cannot_hang_the_enumeration() {
    let (g, names) = complete_graph(40);
    let (a, b) = (n(&g, &names[0]), n(&g, &names[39]));
    let started = Instant::now();
    let found = g.paths(a, b).max_hops(12).limit(500).all();
    assert_eq!(found.paths.len(), 500);
    assert!(!found.complete);
    assert_eq!(found.paths[0].len(), 1);
    // Lazily: the first few only.
    assert_eq!(g.paths(a, b).max_hops(30).iter().take(3).count(), 3);
    // A work budget stops a search with too much to look at.
    let mut it = g.paths(a, b).max_hops(39).work(20_000).iter();
    let n_found = it.by_ref().count();
    assert!(it.exhausted());
    assert!(n_found > 0);
    let budgeted = g.paths(a, b).max_hops(39).limit(usize::MAX).work(20_000).all();
    assert!(!budgeted.complete);
    // k shortest on the dense graph is polynomial.
    assert_eq!(g.paths(a, b).k_shortest(20).len(), 20);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn predicate_filters() {
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "linked", "b", "", "src-a", ""),
            ("b", "linked", "c", "", "src-a", ""),
            ("a", "signed", "c", "2000", "src-a", ""),
        ],
    );
    let (a, c) = (n(&g, "a"), n(&g, "c"));
    assert_eq!(g.paths(a, c).shortest().unwrap().len(), 1);
    let only_linked = Filter::default().predicate(id("linked"));
    assert_eq!(g.paths(a, c).filter(only_linked).shortest().unwrap().len(), 2);
    let no_linked = Filter::default().exclude_predicate(id("linked"));
    let p = g.paths(a, c).filter(no_linked.clone()).all();
    assert_eq!(p.paths.len(), 1);
    assert_eq!(g.relation_at(p.paths[0].hops[0].edge).predicate.as_str(), "signed");
    let none = no_linked.exclude_predicate(id("signed"));
    assert!(g.paths(a, c).filter(none).shortest().is_none());
}

#[test]
fn kind_filter_applies_on_the_way_not_at_the_ends() {
    let g = graph(
        &[
            ("alice", "person"),
            ("club", "organization"),
            ("land", "state"),
            ("bob", "person"),
        ],
        &[
            ("alice", "linked", "club", "", "src-a", ""),
            ("club", "linked", "bob", "", "src-a", ""),
            ("alice", "linked", "land", "", "src-a", ""),
            ("land", "linked", "bob", "", "src-a", ""),
        ],
    );
    let (a, b) = (n(&g, "alice"), n(&g, "bob"));
    let states_only = Filter::default().kind(EntityKind::State);
    let found = g.paths(a, b).filter(states_only).all();
    assert_eq!(route_set(&g, &found.paths), ["alice-land-bob".to_string()].into());
    let orgs_only = Filter::default().kind(EntityKind::Organization);
    assert_eq!(
        ids(&g, &g.paths(a, b).filter(orgs_only).shortest().unwrap()),
        ["alice", "club", "bob"]
    );
    let places = Filter::default().kind(EntityKind::Place);
    assert!(g.paths(a, b).filter(places).shortest().is_none());
}

#[test]
fn source_filter_trusts_only_the_sources_given() {
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "linked", "b", "", "src-a", ""),
            ("a", "linked", "b", "", "src-b", ""),
            ("b", "linked", "c", "", "src-b", ""),
            ("a", "linked", "c", "", "src-c", ""),
        ],
    );
    let (a, c) = (n(&g, "a"), n(&g, "c"));
    let b_only = Filter::default().source(id("src-b"));
    assert_eq!(
        ids(&g, &g.paths(a, c).filter(b_only).shortest().unwrap()),
        ["a", "b", "c"]
    );
    let a_only = Filter::default().source(id("src-a"));
    assert!(g.paths(a, c).filter(a_only).shortest().is_none());
}

/// a—b joined 1995 (state, end unknown); b—c held 1995/2007-01; c—d signed 2006-03-19;
/// d—e undated; a—e open since 2011.
fn dated() -> diplograph::Graph {
    graph(
        &states(&["a", "b", "c", "d", "e"]),
        &[
            ("a", "linked", "b", "1995", "src-a", ""),
            ("b", "linked", "c", "1995/2007-01", "src-a", ""),
            ("c", "signed", "d", "2006-03-19", "src-a", ""),
            ("d", "linked", "e", "", "src-a", ""),
            ("a", "linked", "e", "2011/..", "src-a", ""),
        ],
    )
}

fn certainties(g: &diplograph::Graph, filter: Filter, from: &str, to: &str) -> Option<Vec<Certainty>> {
    let p = g.paths(n(g, from), n(g, to)).filter(filter).shortest()?;
    Some(p.hops.iter().map(|h| h.certainty).collect())
}

fn today() -> diplograph::model::Day {
    diplograph::model::Day::from_ymd(2026, 1, 1).unwrap()
}

#[test]
fn time_filters_mark_every_hop() {
    use Certainty::*;
    let g = dated();
    let at = |d: &str| {
        Filter {
            today: today(),
            ..Filter::default()
        }
        .at(d.parse().unwrap())
    };
    // 2006: membership since 1995 possibly holds; 1995/2007-01 definitely; the signing (a day in 2006) definitely.
    assert_eq!(
        certainties(&g, at("2006"), "a", "d"),
        Some(vec![Possible, Definite, Definite])
    );
    // Month precision against a day: 2006-03-19 lies in 2006-03.
    assert_eq!(certainties(&g, at("2006-03"), "c", "d"), Some(vec![Definite]));
    assert_eq!(certainties(&g, at("2006-04"), "c", "d"), None);
    // The interval ends in 2007-01: at 2007-01-15 only possibly; at 2007-02 not at all.
    assert_eq!(certainties(&g, at("2007-01-15"), "b", "c"), Some(vec![Possible]));
    assert_eq!(certainties(&g, at("2007-02"), "b", "c"), None);
    // Before the membership began: no path a–b.
    assert_eq!(certainties(&g, at("1994"), "a", "b"), None);
    // Open end holds to today, definitely; undated relations are left out under a time filter,
    // and pass as undated when asked for.
    assert_eq!(certainties(&g, at("2020"), "a", "e"), Some(vec![Definite]));
    assert_eq!(certainties(&g, at("2020"), "d", "e"), None);
    assert_eq!(certainties(&g, at("2020").undated(true), "d", "e"), Some(vec![Undated]));
    // A window.
    let window = Filter {
        today: today(),
        ..Filter::default()
    }
    .between(Some("2004".parse().unwrap()), Some("2005".parse().unwrap()));
    assert_eq!(certainties(&g, window.clone(), "b", "c"), Some(vec![Definite]));
    assert_eq!(certainties(&g, window, "c", "d"), None);
}

#[test]
fn certain_and_dated_only_drop_hops() {
    let g = dated();
    let base = Filter {
        today: today(),
        ..Filter::default()
    };
    let (a, d) = (n(&g, "a"), n(&g, "d"));
    // Undated d–e is allowed by default: a–e–d.
    assert_eq!(
        ids(&g, &g.paths(a, d).filter(base.clone()).shortest().unwrap()),
        ["a", "e", "d"]
    );
    assert_eq!(
        ids(
            &g,
            &g.paths(a, d).filter(base.clone().dated_only(true)).shortest().unwrap()
        ),
        ["a", "b", "c", "d"]
    );
    // At 2006, certain drops the possible membership a–b and the undated d–e.
    let certain = base.at("2006".parse().unwrap()).certain(true);
    assert!(g.paths(a, d).filter(certain.clone()).shortest().is_none());
    let p = g.paths(n(&g, "b"), d).filter(certain).shortest().unwrap();
    assert!(p.hops.iter().all(|h| h.certainty == Certainty::Definite));
}

#[test]
fn approximate_and_unknown_ends_are_only_possible() {
    let g = graph(
        &states(&["a", "b", "c", "d"]),
        &[
            ("a", "signed", "b", "2006~", "src-a", ""),
            ("b", "linked", "c", "1997/", "src-a", ""),
            ("c", "linked", "d", "/2007", "src-a", ""),
        ],
    );
    let f = |d: &str| {
        Filter {
            today: today(),
            ..Filter::default()
        }
        .at(d.parse().unwrap())
    };
    assert_eq!(certainties(&g, f("2006-06"), "a", "b"), Some(vec![Certainty::Possible]));
    assert_eq!(certainties(&g, f("2005"), "b", "c"), Some(vec![Certainty::Possible]));
    assert_eq!(certainties(&g, f("1996"), "b", "c"), None);
    assert_eq!(certainties(&g, f("2006"), "c", "d"), Some(vec![Certainty::Possible]));
    assert_eq!(certainties(&g, f("2008"), "c", "d"), None);
}

#[test]
fn direction_is_reported() {
    assert_eq!(Direction::default(), Direction::Both);
    let g = chain();
    let p = g
        .paths(n(&g, "a"), n(&g, "d"))
        .direction(Direction::Both)
        .shortest()
        .unwrap();
    let json = serde_json::to_value(p.report(&g)).unwrap();
    assert_eq!(json["steps"][0]["direction"], "forward");
    assert_eq!(json["steps"][1]["direction"], "backward");
    assert_eq!(json["steps"][1]["label"], "linked from");
}

//! Journeys (time-respecting paths) on small hand-built graphs with known answers.

use crate::support::query::{graph, ids, n, states, Claim};
use diplograph::{model::Day, Certainty, Filter};

fn day(s: &str) -> Day {
    let d: diplograph::Edtf = s.parse().unwrap();
    d.earliest().unwrap()
}

fn base() -> Filter {
    Filter {
        today: Day::from_ymd(2026, 1, 1).unwrap(),
        ..Filter::default()
    }
}

/// Two routes from a to d:
/// a —2001→ b —2003→ d  (in order, arrives 2003)
/// a —2002→ c —2000→ d  (c–d goes back in time: not a journey)
/// a —2005→ d           (direct, arrives 2005)
fn two_routes() -> diplograph::Graph {
    graph(
        &states(&["a", "b", "c", "d"]),
        &[
            ("a", "signed", "b", "2001", "src-a", ""),
            ("b", "signed", "d", "2003", "src-a", ""),
            ("a", "signed", "c", "2002", "src-a", ""),
            ("c", "signed", "d", "2000", "src-a", ""),
            ("a", "signed", "d", "2005", "src-a", ""),
        ],
    )
}

#[test]
fn earliest_arrival_first_and_no_going_back() {
    let g = two_routes();
    let found = g.paths(n(&g, "a"), n(&g, "d")).filter(base()).journeys(10);
    assert!(found.complete);
    let routes: Vec<Vec<String>> = found.paths.iter().map(|p| ids(&g, p)).collect();
    assert_eq!(routes, [vec!["a", "b", "d"], vec!["a", "d"]]);
    assert_eq!(found.paths[0].arrival, Some(day("2003")));
    assert_eq!(found.paths[1].arrival, Some(day("2005")));
    for p in &found.paths {
        assert!(p.hops.iter().all(|h| h.order == Some(Certainty::Definite)));
    }
    // The shortest path ignores time: it is the direct one; the fewest-hop journey too, but it arrives later.
    assert_eq!(g.paths(n(&g, "a"), n(&g, "d")).shortest().unwrap().len(), 1);
    // Without a path forward in time there is no journey.
    let g = graph(
        &states(&["x", "y", "z"]),
        &[
            ("x", "signed", "y", "2005", "src-a", ""),
            ("y", "signed", "z", "2001", "src-a", ""),
        ],
    );
    assert!(g.paths(n(&g, "x"), n(&g, "z")).shortest().is_some());
    let none = g.paths(n(&g, "x"), n(&g, "z")).journeys(1);
    assert!(none.paths.is_empty() && none.complete);
    assert_eq!(g.paths(n(&g, "z"), n(&g, "x")).journeys(1).paths.len(), 1);
}

#[test]
fn a_window_start_is_where_journeys_begin() {
    let g = two_routes();
    let from_2002 = base().between(Some("2002".parse().unwrap()), None);
    let found = g.paths(n(&g, "a"), n(&g, "d")).filter(from_2002).journeys(10);
    let routes: Vec<Vec<String>> = found.paths.iter().map(|p| ids(&g, p)).collect();
    assert_eq!(routes, [vec!["a", "d"]]);
}

#[test]
fn overlapping_precisions_make_a_journey_possible_only() {
    // a —1998→ b —1998-04→ c: the first may have been in December.
    let claims: [Claim; 3] = [
        ("a", "signed", "b", "1998", "src-a", ""),
        ("b", "signed", "c", "1998-04", "src-a", ""),
        ("c", "signed", "d", "1999-02-01", "src-a", ""),
    ];
    let g = graph(&states(&["a", "b", "c", "d"]), &claims);
    let found = g.paths(n(&g, "a"), n(&g, "d")).filter(base()).journeys(1);
    let p = &found.paths[0];
    let orders: Vec<_> = p.hops.iter().map(|h| h.order).collect();
    use Certainty::*;
    assert_eq!(orders, [Some(Definite), Some(Possible), Some(Definite)]);
    assert_eq!(p.order(), Some(Possible));
    assert_eq!(p.arrival, Some(day("1999-02-01")));
    // --certain keeps only journeys whose every step is surely in order.
    let certain = g.paths(n(&g, "a"), n(&g, "d")).filter(base().certain(true)).journeys(1);
    assert!(certain.paths.is_empty());
    // Month against a day inside it, the other way round, is possible too.
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "signed", "b", "2006-03-19", "src-a", ""),
            ("b", "signed", "c", "2006-03", "src-a", ""),
        ],
    );
    let p = &g.paths(n(&g, "a"), n(&g, "c")).filter(base()).journeys(1).paths[0];
    assert_eq!(p.hops[1].order, Some(Possible));
    // But a month that surely follows a day is definite.
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "signed", "b", "2006-03-31", "src-a", ""),
            ("b", "signed", "c", "2006-04", "src-a", ""),
        ],
    );
    let p = &g.paths(n(&g, "a"), n(&g, "c")).filter(base()).journeys(1).paths[0];
    assert_eq!(p.hops[1].order, Some(Definite));
}

#[test]
fn states_can_be_taken_while_they_hold() {
    use Certainty::*;
    let g = graph(
        &states(&["a", "b", "c", "d", "e"]),
        &[
            ("a", "signed", "b", "2006-03-19", "src-a", ""),
            // A membership held 1995 to 2007-01: surely holds in March 2006.
            ("b", "linked", "c", "1995/2007-01", "src-a", ""),
            // One that began in 1995, end unknown: possibly still holds.
            ("b", "linked", "d", "1995", "src-a", ""),
            // One that ended in 2005: cannot be taken after the signing.
            ("b", "linked", "e", "1995/2005", "src-a", ""),
            // An open one since 2011: taken when it begins.
            ("a", "linked", "e", "2011/..", "src-a", ""),
        ],
    );
    let q = |to: &str| g.paths(n(&g, "a"), n(&g, to)).filter(base()).max_hops(2).journeys(5);
    let c = q("c");
    assert_eq!(
        c.paths[0].hops.iter().map(|h| h.order).collect::<Vec<_>>(),
        [Some(Definite), Some(Definite)]
    );
    assert_eq!(c.paths[0].arrival, Some(day("2006-03-19")));
    let d = q("d");
    assert_eq!(d.paths[0].hops[1].order, Some(Possible));
    let e = q("e");
    let routes: Vec<Vec<String>> = e.paths.iter().map(|p| ids(&g, p)).collect();
    assert_eq!(routes, [vec!["a", "e"]], "b–e ended before the signing");
    assert_eq!(e.paths[0].arrival, Some(day("2011")));
}

#[test]
fn undated_relations_only_when_asked_and_marked() {
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "signed", "b", "2001", "src-a", ""),
            ("b", "linked", "c", "", "src-a", ""),
            ("a", "signed", "c", "2010", "src-a", ""),
        ],
    );
    let q = g.paths(n(&g, "a"), n(&g, "c")).filter(base());
    let dated = q.clone().journeys(5);
    let routes: Vec<Vec<String>> = dated.paths.iter().map(|p| ids(&g, p)).collect();
    assert_eq!(routes, [vec!["a", "c"]]);
    let with_undated = q.undated(true).journeys(5);
    let routes: Vec<Vec<String>> = with_undated.paths.iter().map(|p| ids(&g, p)).collect();
    // The undated journey arrives "earlier" (its clock stays at 2001) but ranks after the dated one.
    assert_eq!(routes, [vec!["a", "c"], vec!["a", "b", "c"]]);
    assert_eq!(with_undated.paths[1].hops[1].order, Some(Certainty::Undated));
    assert_eq!(with_undated.paths[1].order(), Some(Certainty::Undated));
}

#[test]
fn parallel_relations_that_keep_the_order_are_alternatives() {
    let g = graph(
        &states(&["a", "b", "c"]),
        &[
            ("a", "signed", "b", "2006-03", "src-a", ""),
            ("a", "signed", "b", "2006-03-19", "src-b", ""),
            ("a", "signed", "b", "2007", "src-c", ""),
            ("b", "signed", "c", "2006-03-31", "src-a", ""),
        ],
    );
    let found = g.paths(n(&g, "a"), n(&g, "c")).filter(base()).journeys(5);
    assert_eq!(found.paths.len(), 1, "one route, whichever a–b relation is taken");
    let hop = &found.paths[0].hops[0];
    let date = |e| g.relation_at(e).date.unwrap().to_string();
    assert_eq!(date(hop.edge), "2006-03");
    let also: Vec<String> = hop.also.iter().map(|a| date(a.edge)).collect();
    assert_eq!(also, ["2006-03-19"], "2007 would go back in time");
}

#[test]
fn journeys_respect_max_hops_and_direction() {
    let g = two_routes();
    let short = g.paths(n(&g, "a"), n(&g, "d")).filter(base()).max_hops(1).journeys(5);
    assert_eq!(short.paths.len(), 1);
    assert_eq!(short.paths[0].len(), 1);
    let back = g.paths(n(&g, "d"), n(&g, "a")).filter(base()).directed().journeys(5);
    assert!(back.paths.is_empty());
}

#[test]
fn a_dense_graph_cannot_hang_the_journey_search() {
    // 25 states, every pair signed in the same year: very many journeys of equal time.
    let names: Vec<String> = (0..25).map(|i| format!("s{i:02}")).collect();
    let mut pairs = Vec::new();
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            pairs.push((names[i].as_str(), names[j].as_str()));
        }
    }
    // The target is reachable only through a relation dated before everything else: no journey.
    let mut claims: Vec<Claim> = pairs
        .iter()
        .map(|(a, b)| (*a, "signed", *b, "2001", "src-a", ""))
        .collect();
    claims.push(("s24", "signed", "z", "1990", "src-a", ""));
    let mut entities: Vec<(&str, &str)> = names.iter().map(|s| (s.as_str(), "state")).collect();
    entities.push(("z", "state"));
    let g = graph(&entities, &claims);
    let started = std::time::Instant::now();
    let found = g
        .paths(n(&g, "s00"), n(&g, "z"))
        .filter(base())
        .work(50_000)
        .journeys(3);
    assert!(found.paths.is_empty());
    assert!(!found.complete, "gave up at the work budget");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// A small deterministic random number generator (xorshift64*), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// For routes of at most `max_hops` over event relations dated to the day, by brute force: each
/// route (its entities) with the earliest day it can arrive taking relations in date order.
fn best_arrivals(
    g: &diplograph::Graph,
    from: &str,
    to: &str,
    max_hops: usize,
) -> std::collections::BTreeMap<Vec<String>, Day> {
    let mut best = std::collections::BTreeMap::new();
    // (node, route so far, last day)
    let mut stack = vec![(n(g, from), vec![n(g, from)], None::<Day>)];
    while let Some((node, route, last)) = stack.pop() {
        if node == n(g, to) {
            let key: Vec<String> = route.iter().map(|&x| g.entity_at(x).id.to_string()).collect();
            let arrival = last.unwrap();
            best.entry(key)
                .and_modify(|d: &mut Day| *d = (*d).min(arrival))
                .or_insert(arrival);
            continue;
        }
        if route.len() > max_hops {
            continue;
        }
        for (e, next, _) in g.edges_at(node) {
            let d = g.relation_at(e).date.unwrap().earliest().unwrap();
            if route.contains(&next) || last.is_some_and(|l| d < l) {
                continue;
            }
            let mut r = route.clone();
            r.push(next);
            stack.push((next, r, Some(d)));
        }
    }
    best
}

#[test]
fn journeys_match_brute_force_on_random_event_graphs() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..40 {
        let size = 4 + rng.below(5) as usize;
        let names: Vec<String> = (0..size).map(|i| format!("v{i}")).collect();
        let mut rows = Vec::new();
        for _ in 0..size * 2 {
            let (a, b) = (rng.below(size as u64) as usize, rng.below(size as u64) as usize);
            if a == b {
                continue;
            }
            let date = format!("2000-{:02}-{:02}", 1 + rng.below(3), 1 + rng.below(28));
            let source = ["src-a", "src-b"][rng.below(2) as usize];
            rows.push((names[a].clone(), names[b].clone(), date, source));
        }
        rows.sort();
        rows.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1 && x.2 == y.2);
        let claims: Vec<Claim> = rows
            .iter()
            .map(|(a, b, d, s)| (a.as_str(), "signed", b.as_str(), d.as_str(), *s, ""))
            .collect();
        let entities: Vec<(&str, &str)> = names.iter().map(|s| (s.as_str(), "state")).collect();
        let g = graph(&entities, &claims);
        let max_hops = 4;
        let expected = best_arrivals(&g, "v0", "v1", max_hops);
        let found = g
            .paths(n(&g, "v0"), n(&g, "v1"))
            .filter(base())
            .max_hops(max_hops)
            .journeys(1000);
        assert!(found.complete);
        let got: std::collections::BTreeMap<Vec<String>, Day> =
            found.paths.iter().map(|p| (ids(&g, p), p.arrival.unwrap())).collect();
        assert_eq!(got, expected, "case {case}: {rows:?}");
        let arrivals: Vec<Day> = found.paths.iter().map(|p| p.arrival.unwrap()).collect();
        assert!(
            arrivals.windows(2).all(|w| w[0] <= w[1]),
            "case {case}: earliest arrival first"
        );
        for p in &found.paths {
            let days: Vec<Day> = p
                .edges()
                .map(|e| g.relation_at(e).date.unwrap().earliest().unwrap())
                .collect();
            assert!(days.windows(2).all(|w| w[0] <= w[1]), "case {case}: in order");
            assert!(p.hops.iter().all(|h| h.order == Some(Certainty::Definite)));
        }
    }
}

//! The questions people ask, on the shipped graph. The graph is curated while the code is
//! written, so these assert on structure — the ends, the bounds, the dates, that every step is
//! sourced — not on a fixed answer.

use diplograph::{model::Day, query::Disputed, Certainty, Edtf, Filter, Graph, NodeId, Path, Temporal};

fn shipped() -> Graph {
    Graph::embedded().expect("the shipped graph loads")
}

fn node(g: &Graph, name: &str) -> NodeId {
    g.node_named(name).unwrap_or_else(|e| panic!("{e}"))
}

fn day(s: &str) -> Day {
    s.parse::<Edtf>().unwrap().earliest().unwrap()
}

fn last_day(s: &str) -> Day {
    s.parse::<Edtf>().unwrap().latest().unwrap()
}

/// Every hop is a relation between the hop's two ends, stated by a known source in a quote.
fn assert_sourced(g: &Graph, p: &Path) {
    for hop in &p.hops {
        let (s, o) = g.endpoints(hop.edge).unwrap();
        assert_eq!(
            (s, o),
            if hop.forward {
                (hop.from, hop.to)
            } else {
                (hop.to, hop.from)
            }
        );
        let r = g.relation_at(hop.edge);
        assert!(!r.evidence.is_empty());
        for ev in &r.evidence {
            assert!(g.source(ev.source.as_str()).is_some(), "unknown source {}", ev.source);
            assert!(!ev.quote.trim().is_empty());
        }
    }
    let nodes: std::collections::BTreeSet<_> = p.nodes().collect();
    assert_eq!(nodes.len(), p.len() + 1, "a simple path");
}

#[test]
fn how_is_raman_pratasevich_connected_to_jens_stoltenberg() {
    let g = shipped();
    let (from, to) = (node(&g, "Raman Pratasevich"), node(&g, "Jens Stoltenberg"));
    let best = g.paths(from, to).k_shortest(3);
    assert!(!best.is_empty(), "they are connected");
    assert!(best.windows(2).all(|w| w[0].len() <= w[1].len()));
    let shortest = g.paths(from, to).shortest().unwrap();
    assert_eq!(shortest.len(), best[0].len());
    for p in &best {
        assert_eq!((p.from, p.to()), (from, to));
        assert!(p.len() <= 6, "a short chain: {} hops", p.len());
        assert_sourced(&g, p);
    }
    // The same in JSON: every step names its relation, predicate, direction and sources.
    let json = serde_json::to_value(shortest.report(&g)).unwrap();
    for step in json["steps"].as_array().unwrap() {
        assert!(step["relation"].as_str().unwrap().starts_with("r-"));
        assert!(["forward", "backward"].contains(&step["direction"].as_str().unwrap()));
        assert!(!step["sources"].as_array().unwrap().is_empty());
        assert!(step["evidence"][0]["quote"].is_string());
    }
}

#[test]
fn what_tied_belarus_to_nato_as_of_2005() {
    let g = shipped();
    let (belarus, nato) = (node(&g, "Belarus"), node(&g, "NATO"));
    let filter = Filter::default().at("2005".parse().unwrap()).dated_only(true);
    let found = g.paths(belarus, nato).filter(filter).max_hops(2).all();
    assert!(!found.paths.is_empty(), "something tied them in 2005");
    let (y0, y1) = (day("2005"), last_day("2005"));
    for p in &found.paths {
        assert_eq!((p.from, p.to()), (belarus, nato));
        assert!(p.len() <= 2);
        assert_sourced(&g, p);
        for hop in &p.hops {
            assert!(matches!(hop.certainty, Certainty::Definite | Certainty::Possible));
            let r = g.relation_at(hop.edge);
            let date = r.date.expect("dated only");
            // Did not begin after 2005, nor end before it.
            let begins = date.start().date().map(|d| d.earliest());
            assert!(begins.is_none_or(|b| b <= y1), "{} {} begins after 2005", r.id, date);
            let ends = match g.predicate_of(r).temporal {
                Temporal::Event => date.latest(),
                Temporal::State => match date {
                    Edtf::Single(_) => None,
                    Edtf::Interval { .. } => date.latest(),
                },
            };
            assert!(ends.is_none_or(|e| e >= y0), "{} {} ends before 2005", r.id, date);
        }
    }
    // Surely-held ties are a subset.
    let sure = Filter::default().at("2005".parse().unwrap()).certain(true);
    let certain = g.paths(belarus, nato).filter(sure).max_hops(2).all();
    assert!(certain.paths.len() <= found.paths.len());
    assert!(certain
        .paths
        .iter()
        .flat_map(|p| &p.hops)
        .all(|h| h.certainty == Certainty::Definite));
}

#[test]
fn the_nato_review_is_reached_from_the_2006_election_in_time_order() {
    // The review is an event of its own (the North Atlantic Council's statement of 31 March
    // 2006: "NATO has begun a careful review of its relationship with Belarus"), dated to the
    // month it began (March 2006), not to the day of the statement that reports it.
    let g = shipped();
    let (election, review) = (
        node(&g, "2006 Belarusian presidential election"),
        node(&g, "NATO review"),
    );
    let found = g
        .paths(election, review)
        .filter(Filter::default().certain(true))
        .journeys(3);
    assert!(
        !found.paths.is_empty(),
        "a journey runs from the election to the review"
    );
    for p in &found.paths {
        assert_sourced(&g, p);
        assert_eq!((p.from, p.to()), (election, review));
        let arrival = p.arrival.expect("dated");
        assert!(
            day("2006-03") <= arrival && arrival <= last_day("2006-03"),
            "arrives {arrival}"
        );
        assert!(p
            .edges()
            .flat_map(|e| &g.relation_at(e).evidence)
            .any(|ev| ev.source.as_str() == "nac-statement-2006-03-31"));
    }
}

#[test]
fn which_chain_of_events_led_from_the_2006_election_to_the_nato_review() {
    // NATO's own response is recorded as events too (the Secretary General's statement
    // condemning the conduct of the election, March 2006), so a journey from the election to
    // NATO itself, through events only, must exist.
    let g = shipped();
    let (election, nato) = (node(&g, "2006 Belarusian presidential election"), node(&g, "NATO"));
    let events = Filter::default().temporal(Temporal::Event).certain(true);
    let found = g.paths(election, nato).filter(events).journeys(3);
    assert!(
        !found.paths.is_empty(),
        "a chain of events runs from the election to NATO"
    );
    let first = &found.paths[0];
    assert_sourced(&g, first);
    let arrival = first.arrival.expect("dated");
    assert!(arrival >= day("2006-03"), "not before the election");
    assert!(arrival <= last_day("2006"), "NATO reacted in 2006, got {arrival}");
    for p in &found.paths {
        assert_eq!((p.from, p.to()), (election, nato));
        assert!(p.hops.iter().all(|h| h.order == Some(Certainty::Definite)));
        let days: Vec<Day> = p
            .edges()
            .map(|e| {
                g.relation_at(e)
                    .date
                    .and_then(|d| d.earliest())
                    .expect("events are dated")
            })
            .collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]), "dates do not go backwards");
        assert!(p
            .edges()
            .all(|e| g.predicate_of(g.relation_at(e)).temporal == Temporal::Event));
    }
    assert!(found.paths.windows(2).all(|w| w[0].arrival <= w[1].arrival));
}

#[test]
fn what_happened_between_belarus_and_the_eu_from_2004_to_2012() {
    let g = shipped();
    let (belarus, eu) = (node(&g, "Belarus"), node(&g, "EU"));
    let window = Filter::default().between(Some("2004".parse().unwrap()), Some("2012".parse().unwrap()));
    let (w0, w1) = (day("2004"), last_day("2012"));
    let timeline = g.timeline().entity(belarus).with(eu).filter(window.clone()).run();
    assert!(!timeline.entries.is_empty(), "something happened between them");
    let mut previous = None;
    for edge in timeline.entries.iter().filter_map(|e| e.edge()) {
        let r = g.relation_at(edge);
        let (s, o) = g.endpoints(edge).unwrap();
        assert!([(s, o), (o, s)].contains(&(belarus, eu)));
        assert!(!r.evidence.is_empty());
        let date = r.date.expect("a timeline is dated");
        // It may hold within the window: it does not end before it nor begin after it (a
        // state's single date is when it began, its end unknown).
        let span = r.span(g.predicate_of(r).temporal).unwrap();
        let overlaps =
            span.start.date().is_none_or(|d| d.earliest() <= w1) && span.end.date().is_none_or(|d| d.latest() >= w0);
        assert!(overlaps, "{date} does not overlap 2004–2012");
        let key = diplograph::query::chronological(&date);
        assert!(previous.is_none_or(|p| p <= key), "chronological");
        previous = Some(key);
    }
    // Through others too: every hop overlaps the window.
    let around = g.paths(belarus, eu).filter(window.dated_only(true)).max_hops(2).all();
    assert!(!around.paths.is_empty());
    for p in &around.paths {
        assert_sourced(&g, p);
        for hop in &p.hops {
            let date = g.relation_at(hop.edge).date.unwrap();
            assert!(date.earliest().is_none_or(|d| d <= w1));
        }
    }
}

#[test]
fn disagreements_in_the_shipped_graph_are_listed_with_both_sides() {
    let g = shipped();
    let found = g.disagreements().run();
    assert!(found.iter().any(|d| matches!(d.about, Disputed::Dates { .. })));
    for d in &found {
        assert!(d.versions.len() >= 2);
        for v in &d.versions {
            for s in &v.statements {
                let r = g.relation_at(s.edge);
                // The statement's predicate, or (polarity) the predicate that negates it.
                assert!(
                    r.predicate == d.predicate || g.predicate_of(r).negates.as_ref() == Some(&d.predicate),
                    "{} in a disagreement about {}",
                    r.predicate,
                    d.predicate
                );
                assert!(r.evidence.get(s.evidence).is_some());
            }
        }
    }
    // Where the data holds two dates for Belarus–UK diplomatic relations that cannot both be
    // true (1991 in a table, 27 January 1992 in prose), they are listed.
    let uk_dates: Vec<Edtf> = g
        .relations()
        .filter(|r| {
            r.predicate.as_str() == "diplomatic_relations_with"
                && [r.subject.as_str(), r.object.as_str()].contains(&"united-kingdom")
                && [r.subject.as_str(), r.object.as_str()].contains(&"belarus")
        })
        .filter_map(|r| r.date)
        .collect();
    let disjoint = uk_dates.iter().any(|a| {
        uk_dates
            .iter()
            .any(|b| a.latest().zip(b.earliest()).is_some_and(|(x, y)| x < y))
    });
    if disjoint {
        assert!(found.iter().any(|d| {
            d.about == (Disputed::Dates { compatible: false })
                && [d.subject, d.object].contains(&node(&g, "united-kingdom"))
        }));
    }
}

#[test]
fn neighbours_of_an_entity_are_sourced_and_within_depth() {
    let g = shipped();
    let centre = node(&g, "Raman Pratasevich");
    let near = g.neighbours(centre).depth(2).run();
    assert!(near.distance.len() > 1);
    assert!(near.distance.values().all(|&d| d <= 2));
    for (edge, _) in &near.relations {
        let (s, o) = g.endpoints(*edge).unwrap();
        assert!(near.distance.contains_key(&s) && near.distance.contains_key(&o));
        assert!(!g.relation_at(*edge).evidence.is_empty());
    }
}

/// An entity's own date (Resolution 1386 adopted in 2001) is a timeline entry of its own, in the
/// timelines that show the entity, weighed against a time filter by the rule relations are.
#[test]
fn entities_own_dates_are_timeline_entries_under_the_one_time_rule() {
    use diplograph::TimelineEntry;
    let g = shipped();
    let own = |t: &diplograph::Timeline| -> Vec<(String, Certainty)> {
        t.entries
            .iter()
            .filter_map(|e| match e {
                TimelineEntry::Date { entity, certainty } => Some((g.entity_at(*entity).id.to_string(), *certainty)),
                _ => None,
            })
            .collect()
    };
    let resolution = node(&g, "unsc-resolution-1386");
    let in_own = g.timeline().entity(resolution).run();
    assert_eq!(own(&in_own), [("unsc-resolution-1386".to_owned(), Certainty::Definite)]);
    let at = |d: &str| Filter::default().at(d.parse().unwrap());
    let timeline_at = |f: Filter| g.timeline().entity(resolution).filter(f).run();
    assert_eq!(own(&timeline_at(at("2001")))[0].1, Certainty::Definite);
    // 2001 only possibly falls in December 2001, as for a relation dated 2001.
    assert_eq!(own(&timeline_at(at("2001-12")))[0].1, Certainty::Possible);
    assert!(own(&timeline_at(at("2001-12").certain(true))).is_empty());
    assert!(own(&timeline_at(at("2005"))).is_empty());
    // Only relations of a predicate: no entity date (it has none).
    let predicate = Filter::default().predicate(diplograph::model::Id::new("supported").unwrap());
    assert!(own(&timeline_at(predicate)).is_empty());

    // The whole graph: every dated entity, each where its date puts it.
    let all = g.timeline().run();
    let dated = g.entities().filter(|e| e.date.is_some()).count();
    assert_eq!(own(&all).len(), dated);
    let keys: Vec<_> = all
        .entries
        .iter()
        .filter_map(|e| e.date(&g))
        .map(|d| diplograph::query::chronological(&d))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "chronological");
    // Under --events a span (an organisation that existed 1997/..) is a state, not an event.
    let events = g.timeline().filter(Filter::default().temporal(Temporal::Event)).run();
    let ids: Vec<String> = own(&events).into_iter().map(|(id, _)| id).collect();
    assert!(ids.contains(&"unsc-resolution-1386".to_owned()));
    assert!(!ids.contains(&"euro-atlantic-partnership-council".to_owned()));

    // An entity's timeline shows its neighbours' dates, each weighed on its own: Belarus in 2004
    // shows the Belarus Democracy Act of 2004, though nothing dates Belarus's relation to it.
    let belarus = node(&g, "Belarus");
    let in_2004 = Filter::default().at("2004".parse().unwrap());
    let t = g.timeline().entity(belarus).filter(in_2004.clone()).run();
    let act = node(&g, "belarus-democracy-act-of-2004");
    assert!(own(&t).contains(&("belarus-democracy-act-of-2004".to_owned(), Certainty::Definite)));
    assert!(!t.entries.iter().any(|e| e.edge().is_some_and(|edge| {
        let (s, o) = g.endpoints(edge).unwrap();
        s == act || o == act
    })));
    let neighbours: Vec<NodeId> = g.edges_at(belarus).map(|(_, other, _)| other).collect();
    for e in &t.entries {
        if let TimelineEntry::Date { entity, certainty } = e {
            assert!(*entity == belarus || neighbours.contains(entity), "{:?}", own(&t));
            assert_eq!(in_2004.admits_entity_date(g.entity_at(*entity)), Some(*certainty));
        }
    }
    // Between two entities: only theirs.
    let eu = node(&g, "EU");
    let between = g.timeline().entity(belarus).with(eu).run();
    assert!(own(&between).is_empty(), "neither has a date");
}

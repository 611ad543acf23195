//! Timelines on small hand-built graphs.

use crate::support::query::{graph, n, states};
use diplograph::{model::Day, Certainty, Filter, TimelineEntry};

fn base() -> Filter {
    Filter {
        today: Day::from_ymd(2026, 1, 1).unwrap(),
        ..Filter::default()
    }
}

fn fixture() -> diplograph::Graph {
    graph(
        &states(&["a", "b", "c", "d"]),
        &[
            ("a", "signed", "b", "2004-12", "src-a", ""),
            ("a", "linked", "b", "1995", "src-a", ""),
            ("a", "linked", "c", "1995/2007-01", "src-a", ""),
            ("b", "signed", "c", "2006~", "src-a", ""),
            ("c", "linked", "d", "2011/..", "src-a", ""),
            ("a", "signed", "d", "2004-12-01", "src-b", ""),
            ("a", "linked", "d", "", "src-a", ""),
            ("d", "signed", "a", "2004", "src-c", ""),
        ],
    )
}

fn dates(g: &diplograph::Graph, t: &diplograph::Timeline) -> Vec<String> {
    t.entries.iter().map(|e| e.date(g).unwrap().to_string()).collect()
}

#[test]
fn the_whole_graph_in_chronological_order_without_undated_relations() {
    let g = fixture();
    let t = g.timeline().filter(base()).run();
    assert_eq!(
        dates(&g, &t),
        [
            "1995",
            "1995/2007-01",
            "2004",
            "2004-12-01",
            "2004-12",
            "2006~",
            "2011/.."
        ]
    );
    let text = t.display(&g).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "7 dated relations");
    // Dates in a column as wide as the widest, as people write them.
    assert_eq!(lines[1], "  1995            A —linked to→ B  [src-a]");
    assert_eq!(lines[2], "  1995 – 2007-01  A —linked to→ C  [src-a]");
    assert!(lines.iter().any(|l| l.starts_with("  ~2006 ")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("  since 2011 ")), "{text}");
}

#[test]
fn an_entity_timeline_reads_from_the_entity() {
    let g = fixture();
    let t = g.timeline().entity(n(&g, "d")).filter(base()).run();
    assert_eq!(dates(&g, &t), ["2004", "2004-12-01", "2011/.."]);
    assert!(t
        .entries
        .iter()
        .all(|e| matches!(e, TimelineEntry::Relation { from, .. } if *from == n(&g, "d"))));
    let text = t.display(&g).to_string();
    assert!(text.contains("D —signed by→ A"), "{text}");
    assert!(text.contains("D —linked from→ C"), "{text}");
    let with = g.timeline().entity(n(&g, "a")).with(n(&g, "b")).filter(base()).run();
    assert_eq!(dates(&g, &with), ["1995", "2004-12"]);
}

#[test]
fn a_window_keeps_what_holds_in_it_as_everywhere() {
    use Certainty::*;
    let g = fixture();
    let window = base().between(Some("2004-12".parse().unwrap()), Some("2006".parse().unwrap()));
    let t = g.timeline().filter(window.clone()).run();
    // The filter means what it means for path and neighbors: a state begun in 1995 (end not
    // given) possibly still holds; 1995/2007-01 surely does; 2004 only possibly falls in it.
    assert_eq!(
        dates(&g, &t),
        ["1995", "1995/2007-01", "2004", "2004-12-01", "2004-12", "2006~"]
    );
    let certainty: Vec<Certainty> = t.entries.iter().map(|e| e.certainty()).collect();
    assert_eq!(certainty, [Possible, Definite, Possible, Definite, Definite, Possible]);
    let sure = g.timeline().filter(window.certain(true)).run();
    assert_eq!(dates(&g, &sure), ["1995/2007-01", "2004-12-01", "2004-12"]);
    // An interval holds in a window its end reaches.
    let later = base().between(Some("2007".parse().unwrap()), Some("2008".parse().unwrap()));
    assert_eq!(dates(&g, &g.timeline().filter(later).run()), ["1995", "1995/2007-01"]);
    // At a month: the day inside it is definite, the year only possible.
    let at = base().at("2004-12".parse().unwrap());
    let t = g.timeline().filter(at.clone()).run();
    assert_eq!(dates(&g, &t), ["1995", "1995/2007-01", "2004", "2004-12-01", "2004-12"]);
    assert_eq!(
        t.entries.iter().map(|e| e.certainty()).collect::<Vec<_>>(),
        [Possible, Definite, Possible, Definite, Definite]
    );
    // Undated relations only when asked, last, marked.
    let with = g.timeline().filter(at.undated(true)).run();
    let last = with.entries.last().unwrap();
    assert_eq!(last.certainty(), Undated);
    assert!(with
        .display(&g)
        .to_string()
        .lines()
        .last()
        .unwrap()
        .ends_with("(undated)"));
}

#[test]
fn the_json_report_carries_dates_both_ways() {
    let g = fixture();
    let t = g.timeline().entity(n(&g, "c")).filter(base()).run();
    let json = serde_json::to_value(t.report(&g)).unwrap();
    assert_eq!(json["entity"]["id"], "c");
    assert!(json["with"].is_null());
    let e = &json["entries"][0];
    assert_eq!(
        (e["date"].as_str(), e["date_human"].as_str()),
        (Some("1995/2007-01"), Some("1995 – 2007-01"))
    );
    assert_eq!(e["evidence"][0]["source"], "src-a");
}

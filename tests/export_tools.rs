//! The exports meant for other programs, opened by those programs: the explorer page in headless
//! Chromium (tests/explorer_browser.py, through selenium and chromedriver), and the GEXF and
//! GraphML files in NetworkX (tests/gexf_graphml_networkx.py).
//!
//! Reads the committed `exports/` (kept current by tests/exports_current.rs). Each test needs its
//! tools (Debian `chromium chromium-driver`, python3 with `selenium`; python3 with `networkx`)
//! and prints a visible `skipped:` line without them, unless DIPLOGRAPH_REQUIRE_TOOLS=1 (CI),
//! where it fails.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use diplograph::{join_values, Bound, Certainty, Day, Edtf, Graph, Relation, Temporal, TimeFilter};

fn python() -> String {
    std::env::var("DIPLOGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether the tools are there; without them, skip visibly (or fail when they are required).
fn tools_present(what: &str, present: bool, install: &str) -> bool {
    if present {
        return true;
    }
    if std::env::var("DIPLOGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("DIPLOGRAPH_REQUIRE_TOOLS=1 but {what} is missing ({install})");
    }
    // Written to the terminal, not the captured test output, so a plain `cargo test` shows it.
    let line = format!("skipped: {what} not found ({install})\n");
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = std::io::Write::write_all(&mut tty, line.as_bytes());
    }
    eprint!("{line}");
    false
}

fn python_imports(module: &str) -> bool {
    Command::new(python())
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn certainty_json(c: Option<Certainty>) -> &'static str {
    match c {
        None => "null",
        Some(Certainty::Definite) => "\"definite\"",
        Some(Certainty::Possible) => "\"possible\"",
        Some(Certainty::Undated) => "\"undated\"",
    }
}

/// What the page must show, computed by the library: the classification of every relation
/// against a set of dates and windows (and two "todays"), one neighbourhood's counts at a date,
/// a disputed relation, and the fewest hops between two entities.
fn expected(graph: &Graph) -> String {
    let filters: Vec<(&str, TimeFilter)> = [
        "1991",
        "1994-12",
        "1995",
        "1995-06",
        "2006",
        "2006-06",
        "2006-12-31",
        "2007-01",
        "2012-06",
        "2012-07-01",
        "1998-04",
        "1998-04-15",
        "2001",
        "2004-01-19",
        "2005",
        "2006-03",
        "2011-06",
        "2014",
        "2020-08",
        "2023",
    ]
    .into_iter()
    .map(|d| (d, TimeFilter::At(d.parse().unwrap())))
    .chain(
        [
            ("2004/2012", Some("2004"), Some("2012")),
            ("/2000", None, Some("2000")),
            ("2010/", Some("2010"), None),
            ("1998-04/2006-03-19", Some("1998-04"), Some("2006-03-19")),
            ("2006/2006", Some("2006"), Some("2006")),
            ("2006-06/", Some("2006-06"), None),
            ("/2006-06", None, Some("2006-06")),
        ]
        .map(|(text, from, until)| {
            (
                text,
                TimeFilter::Window {
                    from: from.map(|d| d.parse().unwrap()),
                    until: until.map(|d| d.parse().unwrap()),
                },
            )
        }),
    )
    .collect();
    let todays = [
        Day::from_ymd(2026, 11, 23).unwrap(),
        Day::from_ymd(2012, 6, 30).unwrap(),
    ];
    let mut cases = Vec::new();
    for relation in graph.relations() {
        let temporal = graph.predicate_of(relation).temporal;
        for (text, filter) in &filters {
            for today in todays {
                let c = filter.classify_relation(relation, temporal, today);
                cases.push(format!(
                    "[\"{}\",{},{},{}]",
                    relation.id,
                    json_str(text),
                    certainty_json(c),
                    today.number()
                ));
            }
        }
    }

    // Made-up dates of every form the loader accepts, as events and as states, encoded as the
    // page's data encodes them (src/export/html/data.rs).
    let encode = |b: Bound| match b {
        Bound::Unknown => "null".to_owned(),
        Bound::Open => "\"open\"".to_owned(),
        Bound::Date(d) => format!(
            "[{},{},{}]",
            d.earliest().number(),
            d.latest().number(),
            !d.is_approximate() && !d.is_uncertain()
        ),
    };
    let mut spans = Vec::new();
    for date in [
        "1995",
        "2004-12",
        "2006-03-19",
        "2006~",
        "2006?",
        "2006-06%",
        "1995/2007-01",
        "1995~/2007",
        "1995/2007?",
        "2011/..",
        "../2011",
        "2009-05/",
        "/2006-12",
        "2006~/..",
        "2004-06/2004-06",
        "2012~/2012~",
    ] {
        let edtf: Edtf = date.parse().expect("a valid date");
        for temporal in [Temporal::Event, Temporal::State] {
            let span = Relation::span_of(&edtf, temporal);
            let point = matches!((span.start, span.end), (Bound::Date(a), Bound::Date(b)) if a == b);
            for (text, filter) in &filters {
                for today in todays {
                    spans.push(format!(
                        "[{{\"start\":{},\"end\":{},\"point\":{point}}},{},{},{}]",
                        encode(span.start),
                        encode(span.end),
                        json_str(text),
                        certainty_json(filter.classify(&span, today)),
                        today.number()
                    ));
                }
            }
        }
    }

    // Searching NATO by an alias, and its neighbourhood as of 2005 (what `neighbors nato --at
    // 2005` keeps, counted by certainty).
    let nato = graph.entity("nato").expect("the shipped graph has NATO");
    let alias = nato.aliases.first().expect("NATO has an alias");
    let node = graph.node("nato").unwrap();
    let at = TimeFilter::At("2005".parse().unwrap());
    let today = Day::today();
    let mut counts = [0usize; 3];
    for incident in graph.incidents(node) {
        let temporal = incident.predicate.temporal;
        match at.classify_relation(incident.relation, temporal, today) {
            Some(Certainty::Definite) => counts[0] += 1,
            Some(Certainty::Possible) => counts[1] += 1,
            Some(Certainty::Undated) => counts[2] += 1,
            None => {}
        }
    }

    let disagreements = graph.disagreements().run();
    let first = disagreements.first().expect("the shipped graph has a disagreement");
    let disputed = graph.relation_at(first.versions[0].statements[0].edge);
    let disputed_entity = graph.entity_at(first.subject);

    // A pair three or more hops apart: NATO and the first entity (by id) that far.
    let far = graph
        .entities()
        .filter_map(|e| {
            let hops = graph.paths(node, graph.node(e.id.as_str())?).shortest()?.len();
            (hops >= 3).then_some((e, hops))
        })
        .min_by(|a, b| a.0.id.cmp(&b.0.id))
        .expect("an entity three hops from NATO");

    format!(
        "{{\"alias\":{},\"alias_of\":\"nato\",\"alias_label\":{},\"typed_date\":\"2005\",\"typed_counts\":[{},{},{}],\
         \"disputed_entity\":{},\"disputed_entity_label\":{},\"disputed_relation\":\"{}\",\
         \"path_from\":{},\"path_to\":{},\"path_hops\":{},\n\"classify\":[\n{}],\n\"spans\":[\n{}]}}",
        json_str(alias),
        json_str(&nato.label),
        counts[0],
        counts[1],
        counts[2],
        json_str(disputed_entity.id.as_str()),
        json_str(&disputed_entity.label),
        disputed.id,
        json_str(&nato.label),
        json_str(&far.0.label),
        far.1,
        cases.join(",\n"),
        spans.join(",\n")
    )
}

#[test]
fn explorer_page_works_in_chromium() {
    let chromium = PathBuf::from(std::env::var("DIPLOGRAPH_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    let driver =
        PathBuf::from(std::env::var("DIPLOGRAPH_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()));
    if !tools_present(
        "chromium + chromedriver + python3 selenium",
        chromium.is_file() && driver.is_file() && python_imports("selenium"),
        "apt-get install chromium chromium-driver; pip install selenium",
    ) {
        return;
    }
    let graph = Graph::embedded().expect("the shipped graph loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let expected_file = dir.path().join("expected.json");
    std::fs::write(&expected_file, expected(&graph)).expect("written");
    if let Some(keep) = std::env::var_os("DIPLOGRAPH_KEEP_EXPECTED") {
        std::fs::copy(&expected_file, keep).expect("kept");
    }
    let shot = std::env::var_os("DIPLOGRAPH_SCREENSHOT").map_or_else(|| dir.path().join("explorer.png"), PathBuf::from);
    let out = Command::new(python())
        .arg(root().join("tests/explorer_browser.py"))
        .arg(root().join("exports/explorer.html"))
        .arg(&expected_file)
        .arg(&shot)
        .env("DIPLOGRAPH_CHROMIUM", &chromium)
        .env("DIPLOGRAPH_CHROMEDRIVER", &driver)
        .output()
        .expect("python runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the explorer page failed in Chromium:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains(" 0 failed"), "{report}");
    eprint!("{report}");
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot"
    );
}

/// What the GEXF and GraphML files must hold, from the library: every entity's and relation's
/// attributes, typed.
fn expected_files(graph: &Graph) -> String {
    let mut nodes = Vec::new();
    for e in graph.entities() {
        let colour = match e.kind.name() {
            "state" => "#a6cee3",
            "organization" => "#b2df8a",
            "programme" => "#fdbf6f",
            "person" => "#fb9a99",
            "office" => "#cab2d6",
            "agreement" => "#ffff99",
            "event" => "#f4cae4",
            _ => "#d9d9d9",
        };
        nodes.push(format!(
            "{}:{{\"label\":{},\"kind\":\"{}\",\"color\":\"{colour}\",\"aliases\":{},\"description\":{},\"same_as\":{}}}",
            json_str(e.id.as_str()),
            json_str(&e.label),
            e.kind.name(),
            json_str(&join_values(&e.aliases)),
            json_str(&e.description),
            json_str(&join_values(&e.same_as)),
        ));
    }
    // A fact (subject, predicate, object) given several dates is disputed.
    let mut dates: HashMap<(String, String, String), HashSet<String>> = HashMap::new();
    for r in graph.relations() {
        let (a, b) = if graph.predicate_of(r).symmetric && r.object < r.subject {
            (&r.object, &r.subject)
        } else {
            (&r.subject, &r.object)
        };
        let set = dates
            .entry((a.to_string(), r.predicate.to_string(), b.to_string()))
            .or_default();
        if let Some(d) = r.date {
            set.insert(d.to_string());
        }
    }
    let mut edges = Vec::new();
    for r in graph.relations() {
        let p = graph.predicate_of(r);
        let (a, b) = if p.symmetric && r.object < r.subject {
            (&r.object, &r.subject)
        } else {
            (&r.subject, &r.object)
        };
        let disputed = dates[&(a.to_string(), r.predicate.to_string(), b.to_string())].len() > 1;
        let span = r.span(p.temporal);
        let cell = |b: Option<Bound>| b.and_then(|b| b.date().map(|d| d.plain())).unwrap_or_default();
        let day = |b: Option<Bound>, first: bool| {
            b.and_then(|b| b.date().map(|d| if first { d.earliest() } else { d.latest() }))
                .map_or("null".to_owned(), |d| format!("\"{d}\""))
        };
        edges.push(format!(
            "\"{}\":{{\"source\":{},\"target\":{},\"predicate\":{},\"label\":{},\"date\":{},\"start\":{},\"end\":{},\
             \"temporal\":\"{}\",\"symmetric\":{},\"qualified\":{},\"disputed\":{disputed},\"claims\":{},\
             \"sources\":{},\"quotes\":{},\"notes\":{},\"start_day\":{},\"end_day\":{}}}",
            r.id,
            json_str(r.subject.as_str()),
            json_str(r.object.as_str()),
            json_str(r.predicate.as_str()),
            json_str(&p.label),
            json_str(&r.date.map(|d| d.to_string()).unwrap_or_default()),
            json_str(&cell(span.map(|s| s.start))),
            json_str(&cell(span.map(|s| s.end))),
            p.temporal.name(),
            p.symmetric,
            r.date.is_some_and(|d| d.is_qualified()),
            r.evidence.len(),
            json_str(&join_values(r.evidence.iter().map(|e| e.source.as_str()))),
            json_str(&join_values(r.evidence.iter().map(|e| e.quote.as_str()))),
            json_str(&join_values(r.evidence.iter().map(|e| e.note.as_deref().unwrap_or("")))),
            day(span.map(|s| s.start), true),
            day(span.map(|s| s.end), false),
        ));
    }
    format!(
        "{{\"nodes\":{{\n{}}},\n\"edges\":{{\n{}}}}}",
        nodes.join(",\n"),
        edges.join(",\n")
    )
}

#[test]
fn gexf_and_graphml_read_back_in_networkx() {
    if !tools_present(
        "python3 with networkx",
        python_imports("networkx"),
        "pip install networkx",
    ) {
        return;
    }
    let graph = Graph::embedded().expect("the shipped graph loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let expected_file = dir.path().join("expected.json");
    std::fs::write(&expected_file, expected_files(&graph)).expect("written");
    let out = Command::new(python())
        .arg(root().join("tests/gexf_graphml_networkx.py"))
        .arg(root().join("exports"))
        .arg(&expected_file)
        .output()
        .expect("python runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "NetworkX reads the GEXF or GraphML export differently:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains(" 0 failed"), "{report}");
    eprint!("{report}");
}

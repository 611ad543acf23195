//! The exports meant for other programs, opened by those programs: the explorer page in headless
//! Chromium (tests/export/explorer_browser.py, through selenium and chromedriver), and the GEXF and
//! GraphML files in NetworkX (tests/export/gexf_graphml_networkx.py).
//!
//! Reads the committed `exports/` (kept current by tests/docs/exports_current.rs). Each test needs its
//! tools (Debian `chromium chromium-driver`, python3 with `selenium`; python3 with `networkx`)
//! and prints a visible `skipped:` line without them, unless DIPLOGRAPH_REQUIRE_TOOLS=1 (CI),
//! where it fails.
//!
//! And in process, on random graphs whose text is hostile (tests/support/hostile.rs): the page's
//! embedded data cannot end its script element and parses back (serde_json) to the graph's text
//! exactly; GEXF and GraphML hold no character XML forbids and read back (quick-xml) exactly.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use crate::support::hostile::{spec, Layout};
use crate::support::{python, root};
use diplograph::export::csv::join_values;
use diplograph::export::gexf::{write_gexf, GexfOptions};
use diplograph::export::graphml::{write_graphml, GraphmlOptions};
use diplograph::export::html::{write_html, HtmlOptions};
use diplograph::model::{Bound, Day};
use diplograph::{Certainty, Edtf, Filter, Graph, Relation, Temporal, TimeFilter};
use proptest::prelude::*;
use quick_xml::events::Event;

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
    // Filter::admits itself, the whole default included: under a time filter undated relations
    // are left out unless --undated; --certain keeps the definite, --dated-only drops the
    // undated; without a time filter (null) undated relations are kept.
    type Flag = fn(Filter) -> Filter;
    let flags: [(&str, Flag); 5] = [
        ("", |f| f),
        ("certain", |f| f.certain(true)),
        ("dated", |f| f.dated_only(true)),
        ("undated", |f| f.undated(true)),
        ("dated undated", |f| f.dated_only(true).undated(true)),
    ];
    let mut cases = Vec::new();
    let no_filter: (&str, Option<TimeFilter>) = ("null", None);
    let timed = filters.iter().map(|(text, f)| (*text, Some(*f)));
    for (text, time) in std::iter::once(no_filter).chain(timed) {
        for today in todays {
            for (flag, with) in &flags {
                let filter = with(Filter {
                    time,
                    today,
                    ..Filter::default()
                });
                for relation in graph.relations() {
                    cases.push(format!(
                        "[\"{}\",{},{},{},\"{flag}\"]",
                        relation.id,
                        if time.is_some() {
                            json_str(text)
                        } else {
                            "null".to_owned()
                        },
                        certainty_json(filter.admits(graph, relation)),
                        today.number()
                    ));
                }
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
    let nato = graph.entity_by_id("nato").expect("the shipped graph has NATO");
    let alias = nato.aliases.first().expect("NATO has an alias");
    let node = graph.node("nato").unwrap();
    // What `neighbors nato --at 2005` keeps, by certainty, and the undated relations it leaves
    // out (which `--undated` keeps).
    let at = Filter::default().at("2005".parse().unwrap());
    let mut counts = [0usize; 3];
    let mut left_out = 0;
    for incident in graph.incidents(node) {
        match at.admits(graph, incident.relation) {
            Some(Certainty::Definite) => counts[0] += 1,
            Some(Certainty::Possible) => counts[1] += 1,
            Some(Certainty::Undated) => counts[2] += 1,
            None => {}
        }
        if at.clone().undated(true).admits(graph, incident.relation) == Some(Certainty::Undated) {
            left_out += 1;
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
        "{{\"alias\":{},\"alias_of\":\"nato\",\"alias_label\":{},\"typed_date\":\"2005\",\"typed_counts\":[{},{},{}],\"typed_left_out\":{},\
         \"disputed_entity\":{},\"disputed_entity_label\":{},\"disputed_relation\":\"{}\",\
         \"path_from\":{},\"path_to\":{},\"path_hops\":{},\n\"classify\":[\n{}],\n\"spans\":[\n{}]}}",
        json_str(alias),
        json_str(&nato.label),
        counts[0],
        counts[1],
        counts[2],
        left_out,
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
        .arg(root().join("tests/export/explorer_browser.py"))
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
    // A relation is disputed when claims about its statement really disagree (`conflicts`:
    // dates that cannot all be true, or did / did not happen), not merely when its fact has
    // several dates.
    let disputed_ids: HashSet<String> = graph
        .disagreements()
        .run()
        .iter()
        .filter(|d| {
            matches!(
                d.about,
                diplograph::query::Disputed::Dates { compatible: false } | diplograph::query::Disputed::Polarity
            )
        })
        .flat_map(|d| d.versions.iter().flat_map(|v| &v.statements))
        .map(|s| graph.relation_at(s.edge).id.to_string())
        .collect();
    let mut edges = Vec::new();
    for r in graph.relations() {
        let p = graph.predicate_of(r);
        let disputed = disputed_ids.contains(&r.id.to_string());
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
        .arg(root().join("tests/export/gexf_graphml_networkx.py"))
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

/// The JSON object the page embeds, as written.
fn page_data(page: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"diplograph-data\">";
    let start = page.find(open).expect("the data element") + open.len();
    let end = start + page[start..].find("</script>").expect("its end");
    &page[start..end]
}

/// Every `(element, attribute) = value` of an XML document, unescaped, in document order, and
/// the text of every element, keyed by its path of element names.
fn xml_values(xml: &str) -> Result<Vec<(String, String, String)>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
                    out.push((
                        name.clone(),
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        value,
                    ));
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
                    out.push((
                        name.clone(),
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        value,
                    ));
                }
            }
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| e.to_string())?.into_owned();
                if !text.trim().is_empty() {
                    out.push((stack.join("/"), "#text".to_owned(), text));
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// What XML 1.0 can hold of `text`: the characters it forbids become U+FFFD.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

proptest! {
    #![proptest_config(crate::support::proptest_config(24))]

    #[test]
    fn hostile_text_survives_the_page_gexf_and_graphml(spec in spec()) {
        let graph = spec.load(&Layout::plain(&spec));

        // The page: the data cannot close its element, and parses back to the graph's text.
        let page = String::from_utf8(write_html(&graph, &HtmlOptions::new(), Vec::new()).unwrap()).unwrap();
        let data = page_data(&page);
        let lower = data.to_ascii_lowercase();
        let script_safe = !lower.contains("</script") && !lower.contains("<!--") && !data.contains('\u{2028}');
        prop_assert!(script_safe, "the data could end its script element");
        let json: serde_json::Value = serde_json::from_str(data).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let entities: BTreeMap<&str, &serde_json::Value> = json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["id"].as_str().unwrap(), e))
            .collect();
        for e in graph.entities() {
            let j = entities[e.id.as_str()];
            prop_assert_eq!(j["label"].as_str(), Some(e.label.as_str()));
            prop_assert_eq!(j["description"].as_str(), Some(e.description.as_str()));
            let aliases: Vec<&str> = j["aliases"].as_array().unwrap().iter().filter_map(|a| a.as_str()).collect();
            prop_assert_eq!(aliases, e.aliases.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let relations: BTreeMap<&str, &serde_json::Value> = json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].as_str().unwrap(), r))
            .collect();
        for r in graph.relations() {
            let j = relations[r.id.to_string().as_str()];
            let evidence = j["evidence"].as_array().unwrap();
            prop_assert_eq!(evidence.len(), r.evidence.len());
            for (je, e) in evidence.iter().zip(&r.evidence) {
                prop_assert_eq!(je[1].as_str(), Some(e.quote.as_str()));
                prop_assert_eq!(je[2].as_str(), e.note.as_deref());
            }
        }

        // GEXF and GraphML: no character XML forbids; labels and quotes read back.
        let gexf = String::from_utf8(write_gexf(&graph, &GexfOptions::new(), Vec::new()).unwrap()).unwrap();
        let graphml = String::from_utf8(write_graphml(&graph, &GraphmlOptions::new(), Vec::new()).unwrap()).unwrap();
        for (name, xml) in [("gexf", &gexf), ("graphml", &graphml)] {
            prop_assert!(!xml.chars().any(forbidden_in_xml), "{} holds a character XML forbids", name);
        }
        let values = xml_values(&gexf).map_err(TestCaseError::fail)?;
        let labels: HashSet<&str> = values.iter().filter(|v| v.0 == "node" && v.1 == "label").map(|v| v.2.as_str()).collect();
        let quotes: HashSet<&str> = values
            .iter()
            .filter(|v| v.0 == "attvalue" && v.1 == "value")
            .map(|v| v.2.as_str())
            .collect();
        for e in graph.entities() {
            prop_assert!(labels.contains(xml_safe(&e.label).as_str()), "gexf label {:?}", e.label);
        }
        for r in graph.relations() {
            let joined = xml_safe(&join_values(r.evidence.iter().map(|e| e.quote.as_str())));
            prop_assert!(quotes.contains(joined.as_str()), "gexf quotes {:?}", joined);
        }
        let values = xml_values(&graphml).map_err(TestCaseError::fail)?;
        let texts: HashSet<&str> = values.iter().filter(|v| v.1 == "#text").map(|v| v.2.as_str()).collect();
        for e in graph.entities() {
            prop_assert!(e.label.trim().is_empty() || texts.contains(xml_safe(&e.label).as_str()), "graphml label {:?}", e.label);
        }
        for r in graph.relations() {
            let joined = xml_safe(&join_values(r.evidence.iter().map(|e| e.quote.as_str())));
            prop_assert!(joined.trim().is_empty() || texts.contains(joined.as_str()), "graphml quotes {:?}", joined);
        }
    }
}

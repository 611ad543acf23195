//! Hostile labels: every label renders in Graphviz exactly as written, and nothing in a label
//! can change the diagram (no HTML labels, no records, no injected attributes).

use crate::support::dot::*;
use diplograph::{
    export::dot::{Cluster, DotWriter, PathWriter, RankDir, TimelineWriter},
    Graph,
};

fn dot_of(graph: &Graph, writer: &DotWriter) -> String {
    let mut out = Vec::new();
    writer.write(graph, &mut out).expect("DOT writes");
    String::from_utf8(out).expect("DOT is UTF-8")
}

#[test]
fn hostile_graph_loads_with_every_label() {
    let graph = hostile_graph();
    assert_eq!(graph.entities().count(), HOSTILE_IDS.len());
    for (id, label) in HOSTILE_IDS.iter().zip(HOSTILE_LABELS) {
        assert_eq!(graph.entity_by_id(id).map(|e| e.label.as_str()), Some(label), "{id}");
    }
}

#[test]
fn dot_text_has_no_html_labels_records_or_injected_attributes() {
    let graph = hostile_graph();
    for writer in [
        DotWriter::new(),
        DotWriter::new()
            .cluster(Some(Cluster::Kind))
            .rankdir(RankDir::TopBottom),
    ] {
        let dot = dot_of(&graph, &writer);
        assert!(!dot.contains("=<"), "an HTML-like label in:\n{dot}");
        assert!(!dot.contains("record\""), "a record shape in:\n{dot}");
        assert!(!dot.contains("color=\"red"), "an injected attribute in:\n{dot}");
        for line in dot.lines() {
            // Every statement is one line: raw line breaks never reach the DOT text.
            let t = line.trim();
            assert!(
                t.is_empty() || t.ends_with(';') || t.ends_with('{') || t == "}",
                "a statement broken over lines: {line:?}"
            );
        }
        for id in HOSTILE_IDS {
            assert!(
                dot.contains(&format!("  \"{id}\" [label=")),
                "{id} is not a quoted node id"
            );
        }
    }
}

#[test]
fn every_label_renders_as_written() {
    if !have_dot("every_label_renders_as_written") {
        return;
    }
    let graph = hostile_graph();
    let writer = DotWriter::new().wrap(0).title(HOSTILE_LABELS[4]);
    let svg = render_svg("hostile graph", dot_of(&graph, &writer).as_bytes());
    assert!(
        !svg.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "the SVG holds a control character, which XML forbids"
    );
    let nodes = svg_groups(&svg, "node");
    for (id, label) in HOSTILE_IDS.iter().zip(HOSTILE_LABELS) {
        let (_, body) = nodes
            .iter()
            .find(|(title, _)| title == id)
            .unwrap_or_else(|| panic!("no node titled {id} in the SVG"));
        assert_eq!(text_lines(body), shown_lines(label), "node {id}");
    }
    // Edge labels carry the hostile predicate label, then the date.
    let edges = svg_groups(&svg, "edge");
    let predicate = graph.predicate("linked").unwrap().label.clone();
    let edge_lines: Vec<Vec<String>> = edges.iter().map(|(_, body)| text_lines(body)).collect();
    let labelled = edge_lines
        .iter()
        .filter(|lines| lines.join("\n").starts_with(&predicate))
        .count();
    assert!(
        labelled >= HOSTILE_IDS.len() - 2,
        "{labelled} edges show the predicate label as written"
    );
    assert!(
        edge_lines
            .iter()
            .any(|lines| lines.join("\n") == format!("{predicate} · 1995 ≠ 1996")),
        "the disputed fact shows both dates"
    );
    let all_text: Vec<String> = svg_groups(&svg, "graph")
        .iter()
        .flat_map(|(_, b)| text_lines(b))
        .collect();
    for line in shown_lines(HOSTILE_LABELS[4]) {
        assert!(all_text.contains(&line), "title line {line:?} missing");
    }
}

#[test]
fn timeline_and_path_of_hostile_labels_render_cleanly() {
    if !have_dot("timeline_and_path_of_hostile_labels_render_cleanly") {
        return;
    }
    let graph = hostile_graph();
    let mut out = Vec::new();
    TimelineWriter::new()
        .title(HOSTILE_LABELS[1])
        .focus("node")
        .write(&graph, &mut out)
        .unwrap();
    let svg = render_svg("hostile timeline", &out);
    assert!(svg.contains("1995"));

    let n = |id: &str| graph.node(id).unwrap();
    let e1 = graph.edge_between(n("node"), n("edge")).unwrap();
    let e2 = graph.edge_between(n("edge"), n("graph")).unwrap();
    let hop = |from, edge, to| diplograph::Hop {
        from,
        edge,
        to,
        forward: true,
        certainty: diplograph::Certainty::Definite,
        order: None,
        also: Vec::new(),
    };
    let mut path = diplograph::Path::empty(n("node"));
    path.hops = vec![hop(n("node"), e1, n("edge")), hop(n("edge"), e2, n("graph"))];
    let out = PathWriter::new()
        .title(HOSTILE_LABELS[9])
        .context(true)
        .write(&graph, &path, Vec::new())
        .unwrap();
    let svg = render_svg("hostile path", &out);
    let nodes = svg_groups(&svg, "node");
    let (_, body) = nodes.iter().find(|(t, _)| t == "edge").expect("path node 'edge'");
    assert_eq!(text_lines(body).join(" "), "ends with a backslash \\");
}

//! `diplograph export --format turtle|ntriples|nquads`: stdout, -o, --base-iri and selections.

use crate::support::diplograph;
use crate::support::rdf::*;
use diplograph::export::rdf::RdfSyntax;
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser};
use predicates::prelude::*;

fn stdout_of(args: &[&str]) -> Vec<u8> {
    diplograph().args(args).assert().success().get_output().stdout.clone()
}

#[test]
fn stdout_is_the_library_export() {
    let graph = graph();
    for (name, syntax) in [
        ("turtle", RdfSyntax::Turtle),
        ("ntriples", RdfSyntax::NTriples),
        ("nquads", RdfSyntax::NQuads),
    ] {
        assert!(
            stdout_of(&["export", "--format", name]) == export(&graph, syntax),
            "{name}: the CLI and the library disagree"
        );
    }
}

#[test]
fn output_file_is_written_atomically_and_equals_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.ttl");
    diplograph()
        .args(["export", "--format", "turtle", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        stdout_of(&["export", "--format", "turtle"])
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");
}

#[test]
fn a_bad_base_iri_is_refused_clearly() {
    for bad in ["not an iri", "https://example.org/kg", "relative/path/"] {
        diplograph()
            .args(["export", "--format", "turtle", "--base-iri", bad])
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains(format!("bad --base-iri '{bad}'")))
            .stderr(predicate::str::contains("https://diplograph.example/"));
    }
}

#[test]
fn base_iri_applies_to_every_format() {
    for format in ["turtle", "ntriples", "nquads"] {
        let out = String::from_utf8(stdout_of(&[
            "export",
            "--format",
            format,
            "--base-iri",
            "http://example.org/kg/",
        ]))
        .unwrap();
        assert!(out.contains("http://example.org/kg/entity/"), "{format}");
        assert!(!out.contains(BASE), "{format}: the default base leaks");
    }
}

#[test]
fn a_selection_exports_only_what_it_selects() {
    let all = NTriplesParser::new()
        .for_slice(&stdout_of(&["export", "--format", "ntriples"]))
        .count();
    let out = stdout_of(&[
        "export",
        "--format",
        "ntriples",
        "--focus",
        "Partnership for Peace",
        "--depth",
        "1",
        "--predicate",
        "participant_in",
    ]);
    let triples: Vec<_> = NTriplesParser::new().for_slice(&out).map(|t| t.unwrap()).collect();
    assert!(triples.len() < all);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(&format!(
        "{} {} {} .",
        entity("belarus"),
        vocab("participant_in"),
        entity("partnership-for-peace")
    )));
    let direct: Vec<_> = triples
        .iter()
        .filter(|t| {
            t.predicate.as_str().starts_with(&format!("{BASE}vocab/"))
                && t.subject.to_string().starts_with(&format!("<{BASE}entity/"))
                && t.object.to_string().starts_with(&format!("<{BASE}entity/"))
        })
        .collect();
    assert!(!direct.is_empty());
    assert!(direct.iter().all(|t| t.predicate.as_str().ends_with("/participant_in")));
    let stated: Vec<String> = triples
        .iter()
        .filter(|t| t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
        .map(|t| t.object.to_string())
        .collect();
    assert!(!stated.is_empty());
    assert!(stated.iter().all(|p| *p == vocab("participant_in")));
    // Turtle and N-Quads of the same selection parse too.
    let ttl = stdout_of(&["export", "--format", "turtle", "--focus", "belarus", "--at", "1995"]);
    assert!(TurtleParser::new().for_slice(&ttl).all(|t| t.is_ok()));
    let nq = stdout_of(&["export", "--format", "nquads", "--focus", "belarus", "--at", "1995"]);
    assert!(NQuadsParser::new().for_slice(&nq).all(|q| q.is_ok()));
}

//! Each RDF export is parsed by independent RDF implementations — `rapper` (Raptor, Debian's
//! raptor2-utils) and Python's rdflib — which must accept it without a warning and count the
//! same number of triples (quads for N-Quads) as we do. A missing tool skips its test, unless
//! DIPLOGRAPH_REQUIRE_TOOLS=1.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::rdf::*;
use crate::support::skip::{have, skip};
use diplograph::export::rdf::RdfSyntax;
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser};

/// Writes the three exports into `dir`; returns (syntax, path, number of distinct statements).
fn exports(dir: &Path) -> Vec<(RdfSyntax, PathBuf, usize)> {
    let graph = graph();
    RdfSyntax::ALL
        .into_iter()
        .map(|syntax| {
            let bytes = export(&graph, syntax);
            let n = match syntax {
                RdfSyntax::Turtle => TurtleParser::new()
                    .for_slice(&bytes)
                    .map(|t| t.unwrap().to_string())
                    .collect::<BTreeSet<_>>()
                    .len(),
                RdfSyntax::NTriples => NTriplesParser::new()
                    .for_slice(&bytes)
                    .map(|t| t.unwrap().to_string())
                    .collect::<BTreeSet<_>>()
                    .len(),
                RdfSyntax::NQuads => NQuadsParser::new()
                    .for_slice(&bytes)
                    .map(|q| q.unwrap().to_string())
                    .collect::<BTreeSet<_>>()
                    .len(),
            };
            let path = dir.join(format!("graph.{}", syntax.format().extension()));
            std::fs::write(&path, bytes).unwrap();
            (syntax, path, n)
        })
        .collect()
}

#[test]
fn rapper_parses_every_export_without_warnings() {
    let test = "rapper_parses_every_export_without_warnings";
    if !have(test, "rapper", &["--version"], "apt-get install raptor2-utils") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (syntax, path, n) in exports(dir.path()) {
        let name = match syntax {
            RdfSyntax::Turtle => "turtle",
            RdfSyntax::NTriples => "ntriples",
            RdfSyntax::NQuads => "nquads",
        };
        let out = Command::new("rapper")
            .args(["-i", name, "-c"])
            .arg(&path)
            .output()
            .expect("rapper runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "rapper rejects the {syntax} export:\n{stderr}");
        assert!(
            !stderr.contains("Warning") && !stderr.contains("Error"),
            "rapper complains about the {syntax} export:\n{stderr}"
        );
        let count = stderr
            .lines()
            .find_map(|l| l.strip_prefix("rapper: Parsing returned ")?.strip_suffix(" triples"))
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("no count in rapper's output:\n{stderr}"));
        assert_eq!(
            count, n,
            "rapper counts {count} statements in the {syntax} export, we count {n}"
        );
    }
}

const TEST_RDFLIB: &str = "rdflib_parses_every_export_without_warnings";

#[test]
fn rdflib_parses_every_export_without_warnings() {
    let python = std::env::var("DIPLOGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let install = "pip install rdflib";
    let dir = tempfile::tempdir().unwrap();
    let files = exports(dir.path());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/rdf_rdflib.py");
    let args: Vec<String> = files
        .iter()
        .map(|(syntax, path, _)| {
            let fmt = match syntax {
                RdfSyntax::Turtle => "turtle",
                RdfSyntax::NTriples => "nt",
                RdfSyntax::NQuads => "nquads",
            };
            format!("{fmt}={}", path.display())
        })
        .collect();
    let out = match Command::new(&python).arg(&script).args(&args).output() {
        Ok(out) => out,
        Err(_) => return skip(TEST_RDFLIB, &format!("{python} not found ({install})")),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        return skip(TEST_RDFLIB, &format!("rdflib not found ({install})"));
    }
    assert!(
        out.status.success(),
        "rdflib rejects or warns about an export:\n{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    for (syntax, path, n) in &files {
        let count = report["counts"][path.display().to_string()].as_u64();
        assert_eq!(count, Some(*n as u64), "rdflib's count for the {syntax} export");
    }
}

//! `--flavor neo4j` writes what `neo4j-admin database import` reads: checked here against the
//! header format of the Neo4j Operations Manual ("Import: header format") — one `:ID` column,
//! `:LABEL`; `:START_ID`, `:END_ID`, `:TYPE`; properties `name` or `name:type` with a known type
//! or array type; booleans exactly `true`/`false`; arrays joined by the delimiter given on the
//! command line; every relationship's ends among the nodes.

use std::collections::{HashMap, HashSet};

use crate::support::dot::{dataset, field, hostile_graph};
use crate::support::shipped;
use assert_cmd::Command;
use diplograph::{
    export::csv::{
        write_edges, write_nodes, CsvError, CsvFlavor, CsvOptions, Neo4jDelimiterError, NEO4J_ARRAY_DELIMITER,
        NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER,
    },
    Graph,
};

/// Property types the importer knows (Neo4j 5 manual).
const TYPES: [&str; 17] = [
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "point",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
    "vector",
];

/// (name, field type) of a header field: `id:ID` → ("id", "ID"), `label` → ("label", "").
fn split_field(field: &str) -> (&str, &str) {
    field.split_once(':').unwrap_or((field, ""))
}

fn check_header(header: &[String], special: &[&str]) -> HashMap<String, String> {
    let mut types = HashMap::new();
    let mut seen = HashSet::new();
    for field in header {
        let (name, ty) = split_field(field);
        assert!(!ty.contains(':'), "{field}: one type only");
        if special.contains(&ty) {
            assert!(seen.insert(ty.to_owned()), "{field}: {ty} twice");
        } else if !ty.is_empty() {
            let base = ty.strip_suffix("[]").unwrap_or(ty);
            assert!(TYPES.contains(&base), "{field}: unknown type {ty}");
            assert!(!name.is_empty(), "{field}: a property needs a name");
        }
        if !name.is_empty() {
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{field}: a plain property key"
            );
            assert!(types.insert(name.to_owned(), ty.to_owned()).is_none(), "{name} twice");
        }
    }
    for s in special {
        assert!(seen.contains(*s), "no :{s} column in {header:?}");
    }
    types
}

fn read(text: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text);
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn export(graph: &Graph) -> (Vec<u8>, Vec<u8>) {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    write_nodes(graph, &CsvOptions::new().flavor(CsvFlavor::Neo4j), &mut nodes).unwrap();
    write_edges(graph, &CsvOptions::new().flavor(CsvFlavor::Neo4j), &mut edges).unwrap();
    (nodes, edges)
}

fn check_schema(graph: &Graph) {
    let (nodes, edges) = export(graph);
    let (header, node_rows) = read(&nodes);
    assert_eq!(header, NEO4J_NODE_HEADER);
    let node_types = check_header(&header, &["ID", "LABEL"]);
    let (header, edge_rows) = read(&edges);
    assert_eq!(header, NEO4J_EDGE_HEADER);
    let edge_types = check_header(&header, &["START_ID", "END_ID", "TYPE"]);

    let id_col = NEO4J_NODE_HEADER.iter().position(|f| f.ends_with(":ID")).unwrap();
    let label_col = NEO4J_NODE_HEADER.iter().position(|f| *f == ":LABEL").unwrap();
    let ids: HashSet<&str> = node_rows.iter().map(|r| r[id_col].as_str()).collect();
    assert_eq!(ids.len(), node_rows.len(), "node ids are unique");
    for row in &node_rows {
        let label = &row[label_col];
        assert!(
            label.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && label.chars().all(|c| c.is_ascii_alphanumeric()),
            "label {label:?}"
        );
    }
    let col = |name: &str| NEO4J_EDGE_HEADER.iter().position(|f| *f == name).unwrap();
    for row in &edge_rows {
        assert!(
            ids.contains(row[col(":START_ID")].as_str()),
            "a relationship from a missing node"
        );
        assert!(
            ids.contains(row[col(":END_ID")].as_str()),
            "a relationship to a missing node"
        );
        let ty = &row[col(":TYPE")];
        assert!(
            ty.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && ty
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
            "relationship type {ty:?}"
        );
    }
    for (rows, header, types) in [
        (&node_rows, &NEO4J_NODE_HEADER[..], &node_types),
        (&edge_rows, &NEO4J_EDGE_HEADER[..], &edge_types),
    ] {
        for row in rows.iter() {
            assert_eq!(row.len(), header.len(), "a ragged row");
            for (field, value) in header.iter().zip(row) {
                let (name, _) = split_field(field);
                match types.get(name).map(String::as_str) {
                    Some("boolean") => assert!(value == "true" || value == "false", "{field} = {value:?}"),
                    Some(t) if t.ends_with("[]") => {}
                    _ => assert!(
                        !value.contains(NEO4J_ARRAY_DELIMITER),
                        "{field}: a plain value holds the array delimiter"
                    ),
                }
            }
        }
    }
    // Arrays: as many sources, quotes and notes as the relation has claims.
    let by_id: HashMap<String, &diplograph::Relation> = graph.relations().map(|r| (r.id.to_string(), r)).collect();
    for row in &edge_rows {
        let r = by_id[&row[col("id")]];
        let n = r.evidence.len();
        for name in [
            "sources:string[]",
            "quotes:string[]",
            "notes:string[]",
            "statements:string[]",
            "links:string[]",
        ] {
            let parts = row[col(name)].split(NEO4J_ARRAY_DELIMITER).count();
            assert_eq!(parts, n, "{name} of {}", r.id);
        }
        let quotes: Vec<&str> = row[col("quotes:string[]")].split(NEO4J_ARRAY_DELIMITER).collect();
        let want: Vec<&str> = r.evidence.iter().map(|e| e.quote.as_str()).collect();
        assert_eq!(quotes, want);
        // Each link opens its source at the quote where the source has a URL and the claim
        // records a fragment (the shipped graph: every claim), else it is the plain URL.
        let links: Vec<&str> = row[col("links:string[]")].split(NEO4J_ARRAY_DELIMITER).collect();
        for (link, ev) in links.iter().zip(&r.evidence) {
            let url = graph.source(ev.source.as_str()).and_then(|s| s.url.as_deref());
            let fragment = ev.anchor.as_ref().and_then(|a| a.fragment.as_ref());
            match (url, fragment) {
                (Some(url), Some(f)) => assert_eq!(*link, f.link(url)),
                (Some(url), None) => assert_eq!(*link, url),
                (None, _) => assert_eq!(*link, ""),
            }
        }
    }
}

#[test]
fn shipped_graph_matches_the_import_header_format() {
    check_schema(&shipped());
}

#[test]
fn hostile_graph_matches_the_import_header_format() {
    check_schema(&hostile_graph());
}

#[test]
fn no_spreadsheet_guard_in_the_neo4j_flavour() {
    let (nodes, _) = export(&hostile_graph());
    let (_, rows) = read(&nodes);
    assert!(
        rows.iter().any(|r| r[3].starts_with("=HYPERLINK(")),
        "values are stored as written"
    );
}

#[test]
fn a_value_with_the_array_delimiter_is_refused_clearly() {
    let data = dataset(
        "id,title,publisher,url,published\ns,t,p,,\n",
        "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n",
        &format!(
            "id,kind,label,aliases,description,same_as\nx,state,X,{},d,\n",
            field("one\u{1f}two")
        ),
        "subject,predicate,object,date,source,quote,note\n",
    );
    // A loader that refuses control characters makes this case impossible, which is fine too.
    let Ok(graph) = Graph::load(&data) else { return };
    let err = write_nodes(&graph, &CsvOptions::new().flavor(CsvFlavor::Neo4j), Vec::new()).unwrap_err();
    let CsvError::Neo4jDelimiter(Neo4jDelimiterError { what, .. }) = &err else {
        panic!("not a delimiter error: {err}");
    };
    assert!(what.contains("entity 'x'"), "{err}");
}

#[test]
fn cli_writes_the_neo4j_flavour() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("diplograph")
        .unwrap()
        .env("DIPLOGRAPH_DATA", concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data"))
        .args(["export", "--format", "csv", "--flavor", "neo4j", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let (nodes, edges) = export(&shipped());
    assert_eq!(std::fs::read(dir.path().join("nodes.csv")).unwrap(), nodes);
    assert_eq!(std::fs::read(dir.path().join("edges.csv")).unwrap(), edges);
}

//! Property tests on random graphs whose text is hostile (see tests/support/hostile.rs): every
//! export parses strictly (oxttl, the `csv` crate, Graphviz, rapper, rdflib), round-trips exactly
//! (RDF triples equal the documented model; CSV reads back into the graph), and is byte-identical
//! whatever the order of rows and columns in graph-data, and in separate processes.
//!
//! Case counts: `PROPTEST_CASES` (default 40) for the in-process properties, and
//! `HOSTILE_TOOL_CASES` for those that spawn programs (default: 12 for Graphviz, 4 for rapper and
//! rdflib, 6 for two runs of the binary). For a longer run:
//! `PROPTEST_CASES=2000 HOSTILE_TOOL_CASES=200 cargo test --release --test hostile exports::`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use crate::support::hostile::*;
use crate::support::rdf::expected::{expected, try_parse, without_unrestated, Q};
use crate::support::{facts_of, Claim, Fact};
use diplograph::{
    export::csv::{
        neo4j_type, split_values, unguard_formula, write_edges, write_nodes, CsvError, CsvFlavor, CsvOptions,
        EDGE_COLUMNS, NEO4J_ARRAY_DELIMITER, NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER, NODE_COLUMNS,
    },
    export::dot::{Cluster, DotError, DotLayout, DotWriter, PathWriter, RankDir, TimelineWriter},
    export::rdf::{BaseIri, RdfExport, RdfSyntax},
    Entity, EntityKind, Graph, Id,
};
use proptest::prelude::*;

/// The RDF export of `graph` in `syntax`.
fn rdf(graph: &Graph, syntax: RdfSyntax) -> Vec<u8> {
    RdfExport::new(graph, &BaseIri::default())
        .expect("the export prepares")
        .write(syntax, Vec::new())
        .expect("the export writes to memory")
}

/// A CSV export, or the error it gave.
fn csv_export(graph: &Graph, flavor: CsvFlavor, nodes: bool) -> Result<Vec<u8>, CsvError> {
    let options = CsvOptions::new().flavor(flavor);
    if nodes {
        write_nodes(graph, &options, Vec::new())
    } else {
        write_edges(graph, &options, Vec::new())
    }
}

/// The first path between two entities, for [`PathWriter`].
fn some_path(graph: &Graph) -> Option<diplograph::Path> {
    let r = graph.relations().next()?;
    let (a, b) = (graph.node(r.subject.as_str())?, graph.node(r.object.as_str())?);
    let other = graph
        .entities()
        .map(|e| e.id.as_str())
        .find(|id| *id != r.object.as_str())?;
    let c = graph.node(other)?;
    graph.paths(c, b).shortest().or_else(|| graph.paths(a, b).shortest())
}

/// Every DOT text the library writes for `graph`: the DotWriter's layouts and options, a
/// timeline, a path, and the named views. (name, DOT)
fn dot_exports(graph: &Graph, title: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut add = |name: &str, write: &dyn Fn(Vec<u8>) -> Result<Vec<u8>, DotError>| {
        let bytes = write(Vec::new()).unwrap_or_else(|e| panic!("{name}: DOT writes to memory: {e}"));
        out.push((name.to_owned(), bytes));
    };
    add("dot default", &|w| DotWriter::new().write(graph, w));
    add("dot clustered", &|w| {
        DotWriter::new()
            .cluster(Some(Cluster::Kind))
            .rankdir(RankDir::TopBottom)
            .wrap(7)
            .title(title)
            .write(graph, w)
    });
    add("dot force", &|w| {
        DotWriter::new()
            .layout(DotLayout::Force)
            .edge_labels(false)
            .legend(false)
            .title(title)
            .write(graph, w)
    });
    add("timeline", &|w| TimelineWriter::new().title(title).write(graph, w));
    if let Some(first) = graph.entities().next() {
        let id = first.id.as_str().to_owned();
        add("timeline focus", &|w| TimelineWriter::new().focus(&id).write(graph, w));
    }
    if let Some(path) = some_path(graph) {
        add("path", &|w| {
            PathWriter::new().title(title).context(true).write(graph, &path, w)
        });
    }
    // The shipped graph's views, drawn from this graph (their focus may be absent).
    for view in Graph::embedded().unwrap().views() {
        add(&view.name, &|w| view.write(graph, w));
    }
    out
}

/// Every export of `graph`, as (name, bytes or the error's message).
fn all_exports(graph: &Graph, title: &str) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut out: Vec<(String, Result<Vec<u8>, String>)> = RdfSyntax::ALL
        .into_iter()
        .map(|s| (s.to_string(), Ok(rdf(graph, s))))
        .collect();
    out.extend(dot_exports(graph, title).into_iter().map(|(n, b)| (n, Ok(b))));
    for flavor in CsvFlavor::ALL {
        for nodes in [true, false] {
            out.push((
                format!("{flavor} {}", if nodes { "nodes" } else { "edges" }),
                csv_export(graph, flavor, nodes).map_err(|e| e.to_string()),
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The loader keeps hostile text verbatim.

/// The graph holds exactly what the spec says: entities, relations with their evidence, and the
/// sources' and predicates' text.
fn check_loaded(spec: &Spec, graph: &Graph) -> Result<(), TestCaseError> {
    let entities: Vec<Entity> = graph.entities().cloned().collect();
    prop_assert_eq!(entities, spec.entities());
    let relations: BTreeMap<_, _> = graph
        .relations()
        .map(|r| {
            (
                (
                    r.subject.to_string(),
                    r.predicate.to_string(),
                    r.object.to_string(),
                    r.date.map(|d| d.to_string()).unwrap_or_default(),
                ),
                r.evidence
                    .iter()
                    .map(|e| (e.source.to_string(), e.quote.clone(), e.note.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    prop_assert_eq!(relations, spec.relations());
    for row in &spec.tables[0].rows {
        let s = graph.source(&row[0]).expect("every source loads");
        prop_assert_eq!((&s.title, &s.publisher), (&row[1], &row[2]));
    }
    for row in &spec.tables[1].rows {
        let p = graph.predicate(&row[0]).expect("every predicate loads");
        prop_assert_eq!(
            (&p.label, &p.inverse_label, &p.description),
            (&row[1], &row[2], &row[3])
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// RDF: parses strictly, and is exactly the documented model.

fn check_rdf(graph: &Graph) -> Result<(), TestCaseError> {
    let want_quads = expected(graph);
    let want_triples: BTreeSet<Q> = want_quads
        .iter()
        .map(|(s, p, o, _)| (s.clone(), p.clone(), o.clone(), None))
        .collect();
    for syntax in RdfSyntax::ALL {
        let bytes = rdf(graph, syntax);
        let parsed = match try_parse(&bytes, syntax) {
            Ok(p) => p,
            Err(e) => {
                return Err(TestCaseError::fail(format!(
                    "{e}\n--- export ---\n{}",
                    String::from_utf8_lossy(&bytes)
                )))
            }
        };
        for q in &parsed {
            let blank =
                [&q.0, &q.2].iter().any(|t| t.starts_with("_:")) || q.3.as_ref().is_some_and(|g| g.starts_with("_:"));
            prop_assert!(!blank, "{}: blank node in {:?}", syntax, q);
        }
        let set: BTreeSet<Q> = parsed.iter().cloned().collect();
        let want = if syntax == RdfSyntax::NQuads {
            &want_quads
        } else {
            &want_triples
        };
        let got = without_unrestated(set, graph);
        if &got != want {
            let missing: Vec<_> = want.difference(&got).take(10).collect();
            let extra: Vec<_> = got.difference(want).take(10).collect();
            prop_assert!(
                false,
                "{} export differs from the model.\nmissing: {:#?}\nextra: {:#?}",
                syntax,
                missing,
                extra
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// CSV: every row has the header's field count, and the export reads back into the graph.

/// Reads CSV strictly: a header and records with exactly its field count. (header, rows)
fn read_csv(what: &str, bytes: &[u8]) -> Result<(Vec<String>, Vec<Vec<String>>), TestCaseError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| TestCaseError::fail(format!("{what}: bad header: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
        prop_assert_eq!(record.len(), header.len(), "{}: a ragged row", what);
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok((header, rows))
}

/// Zips per-claim lists into evidence; an empty note is no note.
fn evidence(sources: Vec<String>, quotes: Vec<String>, notes: Vec<String>) -> Vec<Claim> {
    assert_eq!(sources.len(), quotes.len(), "one quote per source");
    assert_eq!(sources.len(), notes.len(), "one note (maybe empty) per source");
    sources
        .into_iter()
        .zip(quotes)
        .zip(notes)
        .map(|((s, q), n)| (s, q, (!n.is_empty()).then_some(n)))
        .collect()
}

fn check_spreadsheet_csv(graph: &Graph) -> Result<(), TestCaseError> {
    let nodes = csv_export(graph, CsvFlavor::Spreadsheet, true).expect("nodes.csv writes");
    let edges = csv_export(graph, CsvFlavor::Spreadsheet, false).expect("edges.csv writes");
    let (header, rows) = read_csv("nodes.csv", &nodes)?;
    prop_assert_eq!(header, NODE_COLUMNS);
    let (edge_header, edge_rows) = read_csv("edges.csv", &edges)?;
    prop_assert_eq!(&edge_header, &EDGE_COLUMNS);
    // No cell starts like a formula.
    for row in rows.iter().chain(&edge_rows) {
        for cell in row {
            prop_assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts like a formula: {:?}",
                cell
            );
        }
    }
    let cell = |row: &[String], i: usize| unguard_formula(&row[i]).to_owned();
    let list = |row: &[String], i: usize| {
        let c = cell(row, i);
        if c.is_empty() {
            Vec::new()
        } else {
            split_values(&c)
        }
    };
    let entities: Vec<Entity> = rows
        .iter()
        .map(|r| Entity {
            id: Id::new(&cell(r, 0)).expect("an id"),
            kind: cell(r, 1).parse::<EntityKind>().expect("a kind"),
            label: cell(r, 2),
            aliases: list(r, 3),
            description: cell(r, 4),
            same_as: list(r, 5),
            date: None,
            iso_3166: None,
        })
        .collect();
    prop_assert_eq!(entities, graph.entities().cloned().collect::<Vec<_>>());
    let col = |name: &str| EDGE_COLUMNS.iter().position(|c| *c == name).expect("a column");
    let facts: Vec<Fact> = edge_rows
        .iter()
        .map(|r| {
            (
                cell(r, col("id")),
                cell(r, col("subject")),
                cell(r, col("predicate")),
                cell(r, col("object")),
                cell(r, col("date")),
                evidence(
                    split_values(&cell(r, col("sources"))),
                    split_values(&cell(r, col("quotes"))),
                    split_values(&cell(r, col("notes"))),
                ),
            )
        })
        .collect();
    prop_assert_eq!(facts, facts_of(graph));
    // The labels beside the ids are the graph's.
    for r in &edge_rows {
        let label = |id: &str| graph.entity_by_id(id).map(|e| e.label.clone()).unwrap_or_default();
        prop_assert_eq!(cell(r, col("subject_label")), label(&cell(r, col("subject"))));
        prop_assert_eq!(cell(r, col("object_label")), label(&cell(r, col("object"))));
        let p = graph.predicate(&cell(r, col("predicate"))).expect("a predicate");
        prop_assert_eq!(cell(r, col("predicate_label")), p.label.clone());
    }
    Ok(())
}

fn check_neo4j_csv(graph: &Graph) -> Result<(), TestCaseError> {
    let holds_delimiter = |s: &str| s.contains(NEO4J_ARRAY_DELIMITER);
    let entity_arrays = graph
        .entities()
        .any(|e| e.aliases.iter().chain(&e.same_as).any(|v| holds_delimiter(v)));
    let relation_arrays = graph.relations().any(|r| {
        r.evidence
            .iter()
            .any(|e| holds_delimiter(&e.quote) || e.note.as_deref().is_some_and(holds_delimiter))
    });
    let split = |cell: &str| -> Vec<String> { cell.split(NEO4J_ARRAY_DELIMITER).map(str::to_owned).collect() };
    match csv_export(graph, CsvFlavor::Neo4j, true) {
        Err(e) => prop_assert!(
            entity_arrays && matches!(e, CsvError::Neo4jDelimiter(_)),
            "nodes.csv (neo4j) failed: {}",
            e
        ),
        Ok(nodes) => {
            prop_assert!(!entity_arrays, "an array value holding U+001F was written");
            let (header, rows) = read_csv("nodes.csv (neo4j)", &nodes)?;
            prop_assert_eq!(header, NEO4J_NODE_HEADER);
            let list = |c: &str| if c.is_empty() { Vec::new() } else { split(c) };
            let entities: Vec<Entity> = rows
                .iter()
                .map(|r| Entity {
                    id: Id::new(&r[0]).expect("an id"),
                    kind: r[2].parse::<EntityKind>().expect("a kind"),
                    label: r[3].clone(),
                    aliases: list(&r[4]),
                    description: r[5].clone(),
                    same_as: list(&r[6]),
                    date: None,
                    iso_3166: None,
                })
                .collect();
            prop_assert_eq!(entities, graph.entities().cloned().collect::<Vec<_>>());
        }
    }
    match csv_export(graph, CsvFlavor::Neo4j, false) {
        Err(e) => prop_assert!(
            relation_arrays && matches!(e, CsvError::Neo4jDelimiter(_)),
            "edges.csv (neo4j) failed: {}",
            e
        ),
        Ok(edges) => {
            prop_assert!(!relation_arrays, "an array value holding U+001F was written");
            let (header, rows) = read_csv("edges.csv (neo4j)", &edges)?;
            prop_assert_eq!(header, NEO4J_EDGE_HEADER);
            let facts: Vec<Fact> = rows
                .iter()
                .map(|r| {
                    prop_assert_eq!(&r[2], &neo4j_type(&r[4]));
                    Ok((
                        r[3].clone(),
                        r[0].clone(),
                        r[4].clone(),
                        r[1].clone(),
                        r[6].clone(),
                        evidence(split(&r[9]), split(&r[10]), split(&r[11])),
                    ))
                })
                .collect::<Result<_, TestCaseError>>()?;
            prop_assert_eq!(facts, facts_of(graph));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(40)))]

    /// Properties 1 and 2 in process: the graph loads verbatim; RDF parses strictly and is the
    /// model; both CSV flavours read back into the graph.
    #[test]
    fn exports_parse_and_round_trip(spec in spec()) {
        let graph = spec.load(&Layout::plain(&spec));
        check_loaded(&spec, &graph)?;
        check_rdf(&graph)?;
        check_spreadsheet_csv(&graph)?;
        check_neo4j_csv(&graph)?;
    }

    /// Property 3 in process: another order of rows and columns, another line ending and a BOM
    /// give byte-identical exports in every format.
    #[test]
    fn exports_do_not_depend_on_row_or_column_order((spec, layout) in spec_and_layout()) {
        let title = spec.tables[2].rows[0][2].clone();
        let a = all_exports(&spec.load(&Layout::plain(&spec)), &title);
        let b = all_exports(&spec.load(&layout), &title);
        prop_assert_eq!(a.len(), b.len());
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            prop_assert!(x == y, "{} differs between two orders of the same graph-data", name);
        }
        // And exporting twice gives the same bytes.
        let again = all_exports(&spec.load(&layout), &title);
        prop_assert!(again == b, "two exports of one graph differ");
    }
}

// ---------------------------------------------------------------------------------------------
// Graphviz renders every DOT export without an error or a warning.

/// Renders a DOT text with `dot -Tsvg`; fails on any error or warning, or if the SVG holds a
/// character XML forbids.
///
/// One process per graph: Graphviz 2.43 (Debian 12) frees memory twice in `flat_edges` when
/// one process lays out a clustered graph with labelled same-rank edges and then another graph
/// (valgrind: "Invalid free" in gvFreeLayout), which aborts it; each graph alone is clean.
fn render(name: &str, dot: &[u8]) -> Result<(), TestCaseError> {
    let out = crate::support::dot::run_dot(dot);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(TestCaseError::fail(format!(
            "`dot -Tsvg` failed or warned ({}) on {name}:\n{stderr}\n{}",
            out.status,
            String::from_utf8_lossy(dot)
        )));
    }
    let svg = String::from_utf8(out.stdout).map_err(|_| TestCaseError::fail("the SVG is not UTF-8"))?;
    prop_assert!(svg.trim_end().ends_with("</svg>"), "{}: no SVG", name);
    prop_assert!(
        !svg.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "{}: the SVG holds a control character, which XML forbids",
        name
    );
    Ok(())
}

proptest! {
    #![proptest_config(crate::support::proptest_config(tool_cases(12)))]

    /// Property 1 for Graphviz: every DOT export of a random hostile graph renders cleanly.
    #[test]
    fn graphviz_renders_every_dot_export(spec in spec()) {
        if !have_tool("graphviz_renders_every_dot_export", "dot", &["-V"], "apt-get install graphviz") {
            return Ok(());
        }
        let graph = spec.load(&Layout::plain(&spec));
        let title = spec.tables[0].rows[0][1].clone();
        for (name, dot) in dot_exports(&graph, &title) {
            render(&name, &dot)?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Independent RDF parsers: rapper (Raptor) and rdflib.

/// Counts distinct statements as oxttl parses them.
fn statement_count(bytes: &[u8], syntax: RdfSyntax) -> usize {
    try_parse(bytes, syntax)
        .expect("oxttl parses the export")
        .into_iter()
        .collect::<BTreeSet<_>>()
        .len()
}

fn write_rdf_files(graph: &Graph, dir: &Path) -> Vec<(RdfSyntax, std::path::PathBuf, usize)> {
    RdfSyntax::ALL
        .into_iter()
        .map(|syntax| {
            let bytes = rdf(graph, syntax);
            let path = dir.join(format!("graph.{}", syntax.format().extension()));
            std::fs::write(&path, &bytes).expect("write");
            (syntax, path, statement_count(&bytes, syntax))
        })
        .collect()
}

proptest! {
    #![proptest_config(crate::support::proptest_config(tool_cases(4)))]

    /// Property 1 for Raptor: `rapper` accepts each RDF export without a warning and counts the
    /// statements we count.
    #[test]
    fn rapper_parses_random_hostile_exports(spec in spec()) {
        if !have_tool("rapper_parses_random_hostile_exports", "rapper", &["--version"], "apt-get install raptor2-utils") {
            return Ok(());
        }
        let graph = spec.load(&Layout::plain(&spec));
        let dir = tempfile::tempdir().expect("tempdir");
        for (syntax, path, n) in write_rdf_files(&graph, dir.path()) {
            let name = match syntax {
                RdfSyntax::Turtle => "turtle",
                RdfSyntax::NTriples => "ntriples",
                RdfSyntax::NQuads => "nquads",
            };
            let out = Command::new("rapper").args(["-i", name, "-c"]).arg(&path).output().expect("rapper runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            prop_assert!(out.status.success(), "rapper rejects the {} export:\n{}", syntax, stderr);
            prop_assert!(
                !stderr.contains("Warning") && !stderr.contains("Error"),
                "rapper complains about the {} export:\n{}", syntax, stderr
            );
            let count = stderr
                .lines()
                .find_map(|l| l.strip_prefix("rapper: Parsing returned ")?.strip_suffix(" triples"))
                .and_then(|c| c.parse::<usize>().ok());
            prop_assert_eq!(count, Some(n), "rapper's count for the {} export:\n{}", syntax, stderr);
        }
    }

    /// Property 1 for rdflib (tests/support/rdf_rdflib.py): each RDF export parses without a warning, and
    /// rdflib counts the statements we count.
    #[test]
    fn rdflib_parses_random_hostile_exports(spec in spec()) {
        let python = std::env::var("DIPLOGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/rdf_rdflib.py");
        let graph = spec.load(&Layout::plain(&spec));
        let dir = tempfile::tempdir().expect("tempdir");
        let files = write_rdf_files(&graph, dir.path());
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
            Ok(out) if out.status.code() != Some(3) => out,
            _ => {
                crate::support::skip("rdflib_parses_random_hostile_exports", "rdflib not found (pip install rdflib)");
                return Ok(());
            }
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(out.status.success(), "rdflib rejects or warns about an export:\n{}", stderr);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
        for (syntax, path, n) in &files {
            let count = report["counts"][path.display().to_string()].as_u64();
            prop_assert_eq!(count, Some(*n as u64), "rdflib's count for the {} export", syntax);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Separate processes: `diplograph export --all` twice gives the same folder.

proptest! {
    #![proptest_config(crate::support::proptest_config(tool_cases(6)))]

    /// Property 3 across processes (each with its own hash seeds): `export --all --no-svg` on two
    /// layouts of the same graph-data writes byte-identical folders, whose files equal the library's writers'.
    #[test]
    fn two_processes_write_identical_folders((spec, layout) in spec_and_layout()) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (data_a, data_b) = (tmp.path().join("data-a"), tmp.path().join("data-b"));
        spec.write_dir(&data_a, &Layout::plain(&spec));
        spec.write_dir(&data_b, &layout);
        let mut folders = Vec::new();
        for (data, name) in [(&data_a, "out-a"), (&data_b, "out-b")] {
            let out = tmp.path().join(name);
            let run = assert_cmd::Command::cargo_bin("diplograph")
                .expect("binary")
                .env_remove("DIPLOGRAPH_DATA")
                .arg("--data")
                .arg(data)
                .args(["export", "--all", "--no-svg", "--out"])
                .arg(&out)
                .output()
                .expect("diplograph runs");
            prop_assert!(run.status.success(), "export --all failed:\n{}", String::from_utf8_lossy(&run.stderr));
            folders.push(snapshot(&out));
        }
        let graph = spec.load(&layout);
        let mut lib = std::collections::BTreeMap::new();
        lib.insert("graph.nt", rdf(&graph, RdfSyntax::NTriples));
        let mut csv = Vec::new();
        write_nodes(&graph, &CsvOptions::new().flavor(CsvFlavor::Spreadsheet), &mut csv).expect("nodes.csv");
        lib.insert("nodes.csv", csv);
        let mut csv = Vec::new();
        write_edges(&graph, &CsvOptions::new().flavor(CsvFlavor::Spreadsheet), &mut csv).expect("edges.csv");
        lib.insert("edges.csv", csv);
        for (name, bytes) in &lib {
            prop_assert!(folders[0].get(*name) == Some(bytes), "{} differs between the binary and the library", name);
        }
        prop_assert!(folders[0].len() >= 9, "too few files: {:?}", folders[0].keys());
        prop_assert!(temporaries(tmp.path()).is_empty(), "temporary files left");
        for (name, bytes) in &folders[0] {
            prop_assert!(folders[1].get(name) == Some(bytes), "{} differs between two processes", name);
        }
        prop_assert_eq!(folders[0].len(), folders[1].len());
    }
}

/// The generator itself: it makes graphs with every feature the properties should meet.
#[test]
fn the_generator_covers_the_hostile_cases() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = spec();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for _ in 0..200 {
        let spec = strategy.new_tree(&mut runner).expect("a spec").current();
        let graph = spec.load(&Layout::plain(&spec));
        let texts: Vec<String> = spec
            .tables
            .iter()
            .flat_map(|t| t.rows.iter().flatten().cloned())
            .collect();
        let mut mark = |what: &'static str, yes: bool| {
            if yes {
                *seen.entry(what).or_default() += 1;
            }
        };
        mark("newline", texts.iter().any(|t| t.contains('\n')));
        mark("lone CR", texts.iter().any(|t| t.contains('\r')));
        mark("quote", texts.iter().any(|t| t.contains('"')));
        mark("backslash", texts.iter().any(|t| t.contains('\\')));
        mark(
            "bidi",
            texts.iter().any(|t| t.contains('\u{202e}') || t.contains('\u{2066}')),
        );
        mark("formula", texts.iter().any(|t| t.starts_with(['=', '+', '-', '@'])));
        mark(
            "control",
            texts
                .iter()
                .any(|t| t.chars().any(|c| c.is_control() && !"\n\r\t".contains(c))),
        );
        mark(
            "interval",
            graph
                .relations()
                .any(|r| r.date.is_some_and(|d| d.to_string().contains('/'))),
        );
        mark(
            "open end",
            graph
                .relations()
                .any(|r| r.date.is_some_and(|d| d.to_string().ends_with("/.."))),
        );
        mark(
            "qualifier",
            graph.relations().any(|r| r.date.is_some_and(|d| d.is_qualified())),
        );
        mark("merged evidence", graph.relations().any(|r| r.evidence.len() > 1));
        let facts: BTreeSet<_> = graph
            .relations()
            .map(|r| (&r.subject, &r.predicate, &r.object))
            .collect();
        mark("dispute", facts.len() < graph.relations().count());
        mark("symmetric", graph.predicates().iter().any(|p| p.symmetric));
        mark("many relations", graph.relations().count() >= 8);
        mark("neo4j delimiter", texts.iter().any(|t| t.contains('\u{1f}')));
    }
    for what in [
        "newline",
        "lone CR",
        "quote",
        "backslash",
        "bidi",
        "formula",
        "control",
        "interval",
        "open end",
        "qualifier",
        "merged evidence",
        "dispute",
        "symmetric",
        "many relations",
        "neo4j delimiter",
    ] {
        assert!(
            seen.get(what).copied().unwrap_or(0) >= 5,
            "the generator rarely makes '{what}': {seen:?}"
        );
    }
}

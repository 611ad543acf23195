//! The RDF 1.2 export (`export --rdf 1.2`, docs/rdf.md "RDF 1.2"): each relation's statement is
//! a reifier of a triple term, `relation:r-… rdf:reifies <<( s p o )>>` — in Turtle written with
//! the annotation syntax, `s p o ~ relation:r-… {| … |}` — and everything else is the classic
//! export's. Parsed back by oxttl's RDF 1.2 parsers and by pyoxigraph, and asked in SPARQL 1.2
//! by Oxigraph (queries/rdf12/), against answers computed from relations.csv.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use crate::support::rdf::expected::{parse, Q};
use crate::support::rdf::{entity, export, graph, plain, relation, vocab};
use crate::support::skip::skip;
use crate::support::{diplograph, python, root};
use diplograph::{
    export::rdf::{BaseIri, RdfExport, RdfSyntax, RdfVersion},
    Graph,
};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS_DOMAIN: &str = "<http://www.w3.org/2000/01/rdf-schema#domain>";

fn rdf(name: &str) -> String {
    format!("<{RDF}{name}>")
}

/// The RDF 1.2 export of `graph` in `syntax`.
fn export12(graph: &Graph, syntax: RdfSyntax) -> Vec<u8> {
    RdfExport::new(graph, &BaseIri::default())
        .expect("export prepares")
        .version(RdfVersion::Rdf12)
        .write(syntax, Vec::new())
        .expect("export writes")
}

#[test]
fn each_syntax_is_the_classic_export_with_a_triple_term_for_the_reification() {
    let graph = graph();
    for syntax in RdfSyntax::ALL {
        let classic: BTreeSet<Q> = parse(&export(&graph, syntax), syntax).into_iter().collect();
        let got: BTreeSet<Q> = parse(&export12(&graph, syntax), syntax).into_iter().collect();
        // The classic export with each statement's four reification triples (in each of its
        // graphs) replaced by one rdf:reifies triple, and the vocabulary's `rdfs:domain
        // rdf:Statement` left out (a reifier is no rdf:Statement).
        let mut want = BTreeSet::new();
        let mut reified: BTreeMap<(String, Option<String>), [Option<String>; 3]> = BTreeMap::new();
        for (s, p, o, g) in classic {
            let slot = match p.as_str() {
                x if x == RDFS_DOMAIN && o == rdf("Statement") => continue,
                x if x == rdf("type") && o == rdf("Statement") => None,
                x if x == rdf("subject") => Some(0),
                x if x == rdf("predicate") => Some(1),
                x if x == rdf("object") => Some(2),
                _ => {
                    want.insert((s, p, o, g));
                    continue;
                }
            };
            let entry = reified.entry((s, g)).or_default();
            if let Some(i) = slot {
                entry[i] = Some(o);
            }
        }
        assert!(
            reified.len() >= graph.relations().count(),
            "{syntax}: too few statements"
        );
        for ((st, g), [s, p, o]) in reified {
            let (Some(s), Some(p), Some(o)) = (s, p, o) else {
                panic!("{syntax}: {st} is not a whole reification")
            };
            want.insert((st, rdf("reifies"), format!("<<( {s} {p} {o} )>>"), g));
        }
        let missing: Vec<_> = want.difference(&got).take(5).collect();
        let extra: Vec<_> = got.difference(&want).take(5).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{syntax}: missing {missing:?}\nunexpected {extra:?}"
        );

        // Each relation's statement, by its documented IRI, reifies the relation's own triple,
        // and nothing is an rdf:Statement any more.
        let reifies: BTreeSet<(String, String)> = got
            .iter()
            .filter(|q| q.1 == rdf("reifies"))
            .map(|q| (q.0.clone(), q.2.clone()))
            .collect();
        let expected: BTreeSet<(String, String)> = graph
            .relations()
            .map(|r| {
                let term = format!(
                    "<<( {} {} {} )>>",
                    entity(r.subject.as_str()),
                    vocab(r.predicate.as_str()),
                    entity(r.object.as_str())
                );
                (relation(r.id), term)
            })
            .collect();
        assert_eq!(reifies, expected, "{syntax}: the reifiers");
        assert!(
            !got.iter().any(|q| q.2 == rdf("Statement")),
            "{syntax}: an rdf:Statement is left"
        );
    }
}

/// The triples of `bytes` in `syntax`, as a set.
fn triples(bytes: &[u8], syntax: RdfSyntax) -> BTreeSet<Q> {
    parse(bytes, syntax).into_iter().collect()
}

#[test]
fn the_fast_writer_writes_rdf12_as_oxttl_does_and_turtle_with_annotations() {
    let graph = graph();
    let rdf = RdfExport::new(&graph, &BaseIri::default())
        .unwrap()
        .version(RdfVersion::Rdf12);
    // N-Triples and N-Quads: what oxttl's serializers write, byte for byte.
    for syntax in [RdfSyntax::NTriples, RdfSyntax::NQuads] {
        let fast = rdf.write(syntax, Vec::new()).unwrap();
        let reference = rdf.write_with_oxttl(syntax, Vec::new()).unwrap();
        assert!(fast == reference, "{syntax}: the fast writer differs from oxttl's");
    }
    // Turtle: annotations, which oxttl cannot write; the same triples as oxttl's Turtle (the
    // explicit rdf:reifies form) and as the N-Triples export.
    let fast = rdf.write(RdfSyntax::Turtle, Vec::new()).unwrap();
    let got = triples(&fast, RdfSyntax::Turtle);
    let reference = rdf.write_with_oxttl(RdfSyntax::Turtle, Vec::new()).unwrap();
    assert!(
        String::from_utf8_lossy(&reference).contains(" rdf:reifies <<( "),
        "oxttl's Turtle is the explicit form"
    );
    let nt = rdf.write(RdfSyntax::NTriples, Vec::new()).unwrap();
    for (other, theirs) in [
        ("oxttl's Turtle", triples(&reference, RdfSyntax::Turtle)),
        ("the N-Triples export", triples(&nt, RdfSyntax::NTriples)),
    ] {
        let missing: Vec<_> = theirs.difference(&got).take(5).collect();
        let extra: Vec<_> = got.difference(&theirs).take(5).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "the annotated Turtle is not {other}: missing {missing:?}\nunexpected {extra:?}"
        );
    }
    // Every relation's statement is an annotation of its asserted triple, and none is left in
    // the explicit form; the file announces its version.
    let turtle = String::from_utf8(fast.clone()).unwrap();
    assert!(turtle.starts_with("@version \"1.2\" .\n@prefix "), "{}", &turtle[..80]);
    assert!(!turtle.contains("rdf:reifies"), "a statement is written apart");
    let annotated: BTreeSet<&str> = turtle
        .split(" ~ ")
        .skip(1)
        .filter_map(|after| after.split([' ', '\n']).next())
        .collect();
    let relations: BTreeSet<String> = graph.relations().map(|r| format!("relation:{}", r.id)).collect();
    assert_eq!(annotated.len(), relations.len(), "one annotation per relation");
    assert!(annotated.iter().all(|a| relations.contains(*a)), "{annotated:?}");
    // Two statements of one triple (Belarus in the Partnership for Peace, one dated 1995): two
    // reifiers, each with its block.
    assert!(
        turtle.contains("\t|} , entity:partnership-for-peace ~ relation:r-0ad3ce24daec5c39 {|\n\t\tdg:hasEvidence ")
    );
    assert!(turtle.contains(
        "\t|} ~ relation:r-5a7be6705b233551 {|\n\t\tdg:earliestDay \"1995-01-01\"^^xsd:date ;\n\t\tdg:edtfDate \"1995\" ;\n"
    ));
    // Formatted on several threads, in small chunks: the same bytes.
    for threads in [1, 2, 3] {
        let chunked = rdf.write_on(RdfSyntax::Turtle, Vec::new(), threads, 7).unwrap();
        assert!(
            chunked == fast,
            "Turtle 1.2 on {threads} threads in chunks of 7 differs"
        );
    }
}

/// What queries/rdf12/happened-in-2006.rq must answer, computed from relations.csv alone: the
/// distinct (subject, predicate, object, date) of every claim whose start (the date before a
/// `/`, qualifiers dropped) falls in 2006.
fn happened_in_2006_from_the_csv() -> BTreeSet<[String; 4]> {
    let mut reader = csv::Reader::from_path(root().join("graph-data/relations.csv")).expect("relations.csv");
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let (s, p, o, d) = (column("subject"), column("predicate"), column("object"), column("date"));
    let mut out = BTreeSet::new();
    for row in reader.records() {
        let row = row.expect("a row");
        let date = row[d].trim();
        let start: String = date
            .split('/')
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !"~?%".contains(*c))
            .collect();
        if start.starts_with("2006") {
            out.insert([entity(&row[s]), vocab(&row[p]), entity(&row[o]), plain(date)]);
        }
    }
    out
}

fn happened_in_2006_query() -> String {
    std::fs::read_to_string(root().join("queries/rdf12/happened-in-2006.rq")).expect("the query file")
}

#[test]
fn sparql_12_finds_relations_by_date_through_the_reifier() {
    let graph = graph();
    let want = happened_in_2006_from_the_csv();
    assert!(
        want.len() >= 10,
        "the shipped graph has {} relations in 2006",
        want.len()
    );
    let query = happened_in_2006_query();
    for syntax in RdfSyntax::ALL {
        let store = Store::new().unwrap();
        let format = match syntax {
            RdfSyntax::Turtle => RdfFormat::Turtle,
            RdfSyntax::NTriples => RdfFormat::NTriples,
            RdfSyntax::NQuads => RdfFormat::NQuads,
        };
        store
            .load_from_reader(format, export12(&graph, syntax).as_slice())
            .unwrap_or_else(|e| panic!("Oxigraph cannot load the RDF 1.2 {syntax} export: {e}"));
        let mut prepared = SparqlEvaluator::new()
            .parse_query(&query)
            .expect("the SPARQL 1.2 query parses");
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared.on_store(&store).execute().expect("the query runs") else {
            panic!("not a SELECT query");
        };
        let mut got = BTreeSet::new();
        let mut rows = 0;
        for s in solutions {
            let s = s.expect("a solution");
            let get = |v: &str| s.get(v).map(|t| t.to_string()).unwrap_or_default();
            got.insert([get("subject"), get("predicate"), get("object"), get("date")]);
            rows += 1;
        }
        assert_eq!(got, want, "{syntax}: the answer differs from relations.csv's");
        // One row per statement: no relation is found twice.
        assert_eq!(rows, want.len(), "{syntax}: rows");
    }
}

/// Exits 3 when pyoxigraph is missing; prints `len(store)` of each file, then the number of
/// answers of the query.
const PYOXIGRAPH: &str = r#"
import sys
try:
    from pyoxigraph import RdfFormat, Store
except ImportError:
    sys.exit(3)
query = open(sys.argv[1]).read()
for arg in sys.argv[2:]:
    fmt, path = arg.split("=", 1)
    store = Store()
    store.load(path=path, format={"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "nq": RdfFormat.N_QUADS}[fmt])
    rows = list(store.query(query, use_default_graph_as_union=True))
    print(len(store), len(rows))
"#;

#[test]
fn pyoxigraph_reads_each_syntax_and_answers_the_query() {
    let graph = graph();
    let dir = tempfile::tempdir().unwrap();
    let query_file = root().join("queries/rdf12/happened-in-2006.rq");
    let mut args = vec![query_file.display().to_string()];
    let mut counts = Vec::new();
    for syntax in RdfSyntax::ALL {
        let bytes = export12(&graph, syntax);
        let distinct: BTreeSet<Q> = parse(&bytes, syntax).into_iter().collect();
        let ext = syntax.format().extension();
        let path = dir.path().join(format!("graph.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        args.push(format!("{ext}={}", path.display()));
        counts.push(distinct.len());
    }
    let out = match Command::new(python()).arg("-c").arg(PYOXIGRAPH).args(&args).output() {
        Ok(out) if out.status.code() != Some(3) => out,
        _ => {
            return skip(
                "pyoxigraph_reads_each_syntax_and_answers_the_query",
                "pyoxigraph not found (pip install pyoxigraph)",
            )
        }
    };
    assert!(
        out.status.success(),
        "pyoxigraph fails on the RDF 1.2 export:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = happened_in_2006_from_the_csv().len();
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    let expected: Vec<String> = counts.iter().map(|n| format!("{n} {want}")).collect();
    assert_eq!(lines, expected, "pyoxigraph's (triples or quads, answers) per syntax");
}

#[test]
fn the_cli_writes_rdf12_and_refuses_it_where_it_does_not_apply() {
    let graph = graph();
    let out = diplograph()
        .args(["export", "--format", "nt", "--rdf", "1.2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, export12(&graph, RdfSyntax::NTriples));
    // --rdf 1.1 is the classic export.
    let out = diplograph()
        .args(["export", "--format", "nt", "--rdf", "1.1"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, export(&graph, RdfSyntax::NTriples));
    for (args, says) in [
        (
            &["export", "--format", "dot", "--rdf", "1.2"][..],
            "--rdf does not apply to --format dot; it applies to: turtle, ntriples and nquads",
        ),
        (
            &["export", "--format", "ttl", "--rdf", "2"][..],
            "unknown RDF version '2'; choose from: 1.1, 1.2",
        ),
    ] {
        let out = diplograph().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

/// docs/rdf.md's RDF 1.2 section shows real output: every line of its Turtle excerpt is a line
/// of exports/graph-rdf12.ttl, and its SPARQL query is queries/rdf12/happened-in-2006.rq.
#[test]
fn the_docs_show_the_real_rdf12_export_and_query() {
    let doc = std::fs::read_to_string(root().join("docs/rdf.md")).unwrap();
    let section = doc
        .split("### RDF 1.2")
        .nth(1)
        .expect("docs/rdf.md has an RDF 1.2 section");
    let section = section.split("\n### ").next().unwrap_or(section);
    let shipped = std::fs::read_to_string(root().join("exports/graph-rdf12.ttl")).unwrap();
    let lines: BTreeSet<&str> = shipped.lines().collect();
    let turtle = block(section, "```turtle").expect("a Turtle example");
    let mut checked = 0;
    for line in turtle.lines().filter(|l| !l.trim_start().starts_with('…')) {
        assert!(
            lines.contains(line),
            "docs/rdf.md shows a line exports/graph-rdf12.ttl lacks:\n{line}"
        );
        checked += 1;
    }
    assert!(checked >= 5);
    let sparql = block(section, "```sparql").expect("a SPARQL example");
    assert_eq!(sparql.trim(), happened_in_2006_query().trim());
    // The explicit example (the rdf:reifies form the annotations stand for) says what the
    // export says.
    let annotated = s_block(section, "```turtle", 1).expect("an explicit rdf:reifies example");
    let prefixes: String = shipped
        .lines()
        .filter(|l| l.starts_with("@prefix"))
        .map(|l| format!("{l}\n"))
        .collect();
    let export_triples: BTreeSet<Q> = parse(shipped.as_bytes(), RdfSyntax::Turtle).into_iter().collect();
    let example = parse(format!("{prefixes}{annotated}").as_bytes(), RdfSyntax::Turtle);
    assert!(example.len() >= 5, "the explicit example holds {example:?}");
    for t in &example {
        assert!(
            export_triples.contains(t),
            "the explicit example says what the export does not: {t:?}"
        );
    }
    // The answer count it states.
    let count = happened_in_2006_from_the_csv().len();
    assert!(
        section.contains(&format!("finds {count} relations")),
        "the section should say it finds {count} relations"
    );
}

/// The body of the first fenced block opened by `fence` in `text`.
fn block<'t>(text: &'t str, fence: &str) -> Option<&'t str> {
    s_block(text, fence, 0)
}

/// The body of the `n`th (from 0) fenced block opened by `fence` in `text`.
fn s_block<'t>(text: &'t str, fence: &str, n: usize) -> Option<&'t str> {
    let open = format!("{fence}\n");
    let mut from = 0;
    for _ in 0..n {
        from += text[from..].find(&open)? + open.len();
        from += text[from..].find("\n```")? + 4;
    }
    let start = from + text[from..].find(&open)? + open.len();
    let len = text[start..].find("\n```")?;
    Some(&text[start..start + len + 1])
}

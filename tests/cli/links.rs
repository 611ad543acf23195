//! Links that open a source at the quote: `fmt --sources` records each claim's text fragment and
//! selectors in relations.csv, `check --sources` says when they are stale, and every output of
//! evidence (show, path --links, JSON, CSV) carries the links, from graph-data alone.

use std::path::Path;

use crate::support::check::{diplograph, fixture};

/// A copy of fixture `name` (writable) and of its texts, in a temporary folder.
fn copy(name: &str, texts: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [(name, "data"), (texts, "texts")] {
        std::fs::create_dir(dir.path().join(to)).unwrap();
        for entry in std::fs::read_dir(fixture(from)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(to).join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = diplograph()
        .current_dir(dir)
        .args(["--no-cache", "--data", "data"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn fmt_sources_records_fragments_and_check_sources_finds_them_stale() {
    let work = copy("minimal", "minimal-texts");
    let dir = work.path();
    // Formatted, but no fragments: `fmt --check --sources` says relations.csv would change.
    assert_eq!(run(dir, &["fmt", "data"]).0, 0);
    let (code, stdout, _) = run(dir, &["fmt", "--check", "--sources", "texts", "data"]);
    assert_eq!((code, stdout.as_str()), (1, "data/relations.csv\n"));
    let (code, stdout, stderr) = run(dir, &["fmt", "--sources", "texts", "data"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "data/relations.csv\n", "")
    );
    let relations = std::fs::read_to_string(dir.join("data/relations.csv")).unwrap();
    assert_eq!(
        relations.lines().next(),
        Some("subject,predicate,object,date,source,quote,note,fragment,selector")
    );
    assert!(
        relations.contains(
            "poland,member_of,nato,1999-03-12,src-a,Poland joined NATO on 12 March 1999.,,\"text=Poland,1999.\",\"A%20-,Poland%20joined%20NATO%20on%2012%20March%201999.,-%20Belarus\"\n"
        ),
        "{relations}"
    );
    // Formatted and current: fmt --check passes, with or without the texts.
    assert_eq!(run(dir, &["fmt", "--check", "--sources", "texts", "data"]).0, 0);
    assert_eq!(run(dir, &["fmt", "--check", "data"]).0, 0);
    let (code, stdout, stderr) = run(dir, &["check", "--sources", "texts"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(
        stdout
            .contains("fragments: 5 of 5 claims record a text fragment that matches their quote (0 stale, 0 missing)"),
        "{stdout}"
    );
    // The links come from graph-data now, no texts needed.
    let (_, stdout, _) = run(dir, &["show", "poland"]);
    assert!(
        stdout.contains("— src-a: Source A <https://example.org/a#:~:text=Poland,1999.>\n"),
        "{stdout}"
    );
    // The source changes: the sentence now occurs twice, so the recorded fragment is stale
    // (and the selector of the claim before the new line, whose suffix it becomes).
    std::fs::write(
        dir.join("texts/src-a.txt"),
        "Source A\n\nPoland joined NATO on 12 March 1999.\nBelarus joined the Partnership for Peace in 1995.\nPoland joined NATO on 12 March 1999. Again.\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(dir, &["check", "--sources", "texts"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stderr,
        "data/relations.csv:3: the recorded text selector is stale: the text of src-a gives \"1999.%20-,Belarus%20joined%20the%20Partnership%20for%20Peace%20in%201995.,-%20Poland\", not \"1999.%20-,Belarus%20joined%20the%20Partnership%20for%20Peace%20in%201995.\"\n  hint: run: diplograph fmt --sources texts\n\
         data/relations.csv:6: the recorded text fragment is stale: the text of src-a gives \"text=A-,Poland,1999.\", not \"text=Poland,1999.\"\n  hint: run: diplograph fmt --sources texts\n"
    );
    assert!(stdout.contains("(2 stale, 0 missing)"), "{stdout}");
    assert_eq!(run(dir, &["fmt", "--check", "--sources", "texts", "data"]).0, 1);
    assert_eq!(run(dir, &["fmt", "--sources", "texts", "data"]).0, 0);
    assert_eq!(run(dir, &["check", "--sources", "texts"]).0, 0);
    // A fragment that does not parse is refused at load, with its line.
    let relations = std::fs::read_to_string(dir.join("data/relations.csv")).unwrap();
    std::fs::write(
        dir.join("data/relations.csv"),
        relations.replace("\"text=A-,Poland,1999.\"", "Poland"),
    )
    .unwrap();
    let (code, _, stderr) = run(dir, &["check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("data/relations.csv:6: the fragment \"Poland\" is not a text fragment"),
        "{stderr}"
    );
}

#[test]
fn path_json_and_csv_carry_the_recorded_links() {
    let link = "https://en.wikipedia.org/wiki/Belarus%E2%80%93NATO_relations#:~:text=Belarus'%20actions,Protasevich";
    let out = diplograph()
        .args(["path", "Raman Pratasevich", "Jens Stoltenberg", "--links"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "  links:\n    hop 1, wikipedia-belarus-nato-relations: {link}\n"
        )),
        "{text}"
    );
    // A source without a URL: its recorded fragment is given, to add to the page's address.
    assert!(
        text.contains("    hop 2, nato-relations-with-belarus: no URL for this source; its text fragment, to add to the page's address, is #:~:text="),
        "{text}"
    );
    // Without --links, no links in text.
    let out = diplograph()
        .args(["path", "Raman Pratasevich", "Jens Stoltenberg"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("#:~:"));
    // JSON: every evidence has link and link_caveat.
    let out = diplograph()
        .args(["--json", "path", "Raman Pratasevich", "Jens Stoltenberg"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let evidence: Vec<&serde_json::Value> = json["paths"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["evidence"].as_array().unwrap())
        .collect();
    assert!(!evidence.is_empty());
    for e in &evidence {
        assert!(e.get("link").is_some() && e.get("link_caveat").is_some(), "{e}");
    }
    assert_eq!(evidence[0]["link"], link);
    assert_eq!(evidence[0]["link_caveat"], serde_json::Value::Null);
    // CSV: a links column, a link per claim.
    let out = diplograph()
        .args(["path", "Raman Pratasevich", "Jens Stoltenberg", "--format", "csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let links = header.iter().position(|h| h == "links").expect("a links column");
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[links], link);
}

#[test]
fn every_evidence_of_show_json_has_a_link_from_graph_data() {
    let out = diplograph().args(["--json", "show", "belarus"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut at_quote = 0;
    for r in json["relations"].as_array().unwrap() {
        for e in r["evidence"].as_array().unwrap() {
            match e["link"].as_str() {
                Some(l) => {
                    assert!(l.contains("#:~:text="), "{e}");
                    at_quote += 1;
                }
                // Only a source without a URL has no link, and then the caveat gives the fragment.
                None => assert!(e["link_caveat"].as_str().unwrap().contains("#:~:text="), "{e}"),
            }
        }
    }
    assert!(at_quote > 50, "{at_quote}");
}

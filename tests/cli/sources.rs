//! Quotes, coverage and text fragments of the shipped graph against the source texts in
//! `../shared/sources` (skipped, visibly, when that folder is absent; a failure with
//! DIPLOGRAPH_REQUIRE_TOOLS=1), and agreement with the reference checker `../shared/tools/check-quotes`.
//! DIPLOGRAPH_SHARED=DIR points elsewhere than `../shared`.

use std::path::{Path, PathBuf};
use std::process::Command;

use diplograph::verify::{
    cited_quotes, read_gaps, Coverage, EvidenceLink, QuoteCheck, SourceTexts, TextDirective, TextFragment,
};
use diplograph::Graph;

/// `../shared` beside the repository, or the folder DIPLOGRAPH_SHARED names (for a checkout
/// elsewhere, such as a git worktree).
fn shared() -> PathBuf {
    match std::env::var_os("DIPLOGRAPH_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// The shipped source texts, or `None` after saying why the test is skipped.
fn texts() -> Option<SourceTexts> {
    let dir = shared().join("sources");
    if !dir.is_dir() {
        crate::support::skip(
            "sources",
            &format!(
                "{} not found (the source texts live beside the repository)",
                dir.display()
            ),
        );
        return None;
    }
    Some(SourceTexts::open(&dir).expect("source texts"))
}

fn shipped() -> Graph {
    Graph::load_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data")).expect("shipped graph")
}

fn gaps() -> Vec<diplograph::verify::Gap> {
    read_gaps(&Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/coverage-gaps.csv")).expect("gaps")
}

#[test]
fn every_shipped_quote_is_in_its_source() {
    let Some(texts) = texts() else { return };
    let graph = shipped();
    let check = QuoteCheck::run(&texts, &cited_quotes(&graph));
    let problems: Vec<String> = check
        .problems()
        .iter()
        .map(|p| p.display("graph-data/relations.csv").to_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(check.checked(), graph.claim_count());
}

#[test]
fn coverage_agrees_with_the_reference_checker() {
    let Some(texts) = texts() else { return };
    let graph = shipped();
    let check = QuoteCheck::run(&texts, &cited_quotes(&graph));
    let coverage = Coverage::measure(&texts, &check, &gaps());
    let ours = coverage.display(true).to_string();
    let tool = shared().join("tools/check-quotes");
    let output = Command::new("python3")
        .arg(&tool)
        .args(["graph-data", "--coverage", "--strict"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    let theirs = match output {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        other => {
            return crate::support::skip("sources", &format!("{} did not run ({other:?})", tool.display()));
        }
    };
    // The reference shortens passages to 160 characters and names its gap file; compare the rest.
    let comparable = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with("check-quotes:"))
            .map(|l| {
                let l = l.split("; ").next().unwrap_or(l);
                match l.find(": ") {
                    Some(at) if l.starts_with("  ") => {
                        let (head, passage) = l.split_at(at + 2);
                        format!("{head}{}", passage.chars().take(160).collect::<String>())
                    }
                    _ => l.to_owned(),
                }
            })
            .collect()
    };
    assert!(comparable(&theirs).len() > 15, "{theirs}");
    assert_eq!(comparable(&ours), comparable(&theirs));
    assert_eq!(coverage.gaps, 35);
}

#[test]
fn coverage_gaps_are_the_rows_the_shared_data_leaves_unidentified() {
    let path = shared().join("data/recovered-table-rows.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return crate::support::skip(
            "coverage_gaps_are_the_rows_the_shared_data_leaves_unidentified",
            &format!("{} not found", path.display()),
        );
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut expected: Vec<(String, usize)> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[4] != "named-in-source")
        .map(|r| (r[0].to_owned(), r[1].parse().unwrap()))
        .collect();
    let mut ours: Vec<(String, usize)> = gaps().into_iter().map(|g| (g.section, g.row)).collect();
    expected.sort();
    ours.sort();
    assert_eq!(ours, expected);
}

#[test]
fn every_shipped_evidence_gets_a_text_fragment_that_matches_once() {
    let Some(texts) = texts() else { return };
    let graph = shipped();
    let mut checked = 0;
    let mut without_url = 0;
    let mut failures = Vec::new();
    for relation in graph.relations() {
        for evidence in &relation.evidence {
            let source = graph.source(evidence.source.as_str()).unwrap();
            let text = texts.get(evidence.source.as_str()).unwrap();
            // Sources without a URL still get a fragment (#:~:text=…) to check.
            let url = source.url.as_deref().unwrap_or("https://example.invalid/");
            without_url += usize::from(source.url.is_none());
            let link = EvidenceLink::of(&texts, evidence.source.as_str(), Some(url), &evidence.quote);
            let EvidenceLink::AtQuote(link) = &link else {
                failures.push(format!("line {}: {link}", evidence.line));
                continue;
            };
            let (_, directives) = link.split_once("#:~:").expect("a fragment directive");
            for value in directives.split('&') {
                let value = value.strip_prefix("text=").expect("a text directive");
                let directive =
                    TextDirective::parse(value).unwrap_or_else(|| panic!("line {}: {value}", evidence.line));
                assert_eq!(text.search().count(&directive, 3), 1, "line {}: {link}", evidence.line);
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        graph.claim_count(),
        failures.join("\n")
    );
    assert_eq!(checked, graph.claim_count());
    assert!(without_url > 0);
}

#[test]
fn every_shipped_claim_records_a_link_whose_directives_match_once() {
    let Some(texts) = texts() else { return };
    let graph = shipped();
    let mut checked = 0;
    for relation in graph.relations() {
        for evidence in &relation.evidence {
            let line = evidence.line;
            let anchor = evidence
                .anchor
                .as_deref()
                .unwrap_or_else(|| panic!("line {line}: no fragment recorded (run diplograph fmt --sources)"));
            let source = graph.source(evidence.source.as_str()).unwrap();
            let text = texts.get(evidence.source.as_str()).unwrap();
            // The link as every output writes it, from the record alone (no text needed); a
            // source without a URL gets a stand-in one, to read its fragment back the same way.
            let url = source.url.as_deref().unwrap_or("https://example.invalid/");
            let link = EvidenceLink::recorded(Some(anchor), Some(url));
            let EvidenceLink::AtQuote(link) = &link else {
                panic!("line {line}: {link}");
            };
            let (page, fragment) = link.split_once("#:~:").expect("a fragment directive");
            assert_eq!(page, url);
            let fragment: TextFragment = fragment.parse().unwrap_or_else(|e| panic!("line {line}: {e}"));
            // At least one directive per fragment of a quote joined with `...` (a passage over
            // table cells that no one directive singles out gets one per cell).
            assert!(
                fragment.directives().len() > evidence.quote.matches("...").count(),
                "line {line}: a directive per fragment of the quote: {link}"
            );
            for d in fragment.directives() {
                // The Text Fragments algorithm over the source's text: exactly one match.
                assert_eq!(text.search().count(d, 3), 1, "line {line}: {link}");
            }
            // And it is the fragment of this quote (which the unit tests show matches the
            // quote's own passage), not a stale one.
            assert_eq!(
                Some(&fragment),
                TextFragment::for_quote(text, &evidence.quote).ok().as_ref(),
                "line {line}: stale"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, graph.claim_count());
    // The entities' own dates record theirs too (entities.csv's date_fragment).
    for entity in graph.entities() {
        let Some(date) = &entity.date else { continue };
        let ev = &date.evidence;
        let fragment = ev
            .anchor
            .as_ref()
            .and_then(|a| a.fragment.clone())
            .unwrap_or_else(|| panic!("entities.csv:{}: no date fragment recorded", ev.line));
        let text = texts.get(ev.source.as_str()).unwrap();
        for d in fragment.directives() {
            assert_eq!(text.search().count(d, 3), 1, "entities.csv:{}: {fragment}", ev.line);
        }
        assert_eq!(Some(&fragment), TextFragment::for_quote(text, &ev.quote).ok().as_ref());
    }
}

#[test]
fn the_command_checks_the_embedded_graph_with_its_gaps() {
    let Some(texts) = texts() else { return };
    let graph = shipped();
    let check = QuoteCheck::run(&texts, &cited_quotes(&graph));
    let coverage = Coverage::measure(&texts, &check, &gaps());
    let dir = shared().join("sources");
    let out = assert_cmd::Command::cargo_bin("diplograph")
        .unwrap()
        .env_remove("DIPLOGRAPH_DATA")
        .args(["check", "--sources"])
        .arg(&dir)
        .args(["--coverage", "--strict"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "quotes: {n} of {n} claims quote their source verbatim (texts in {})\ndates: {d} of {d} entity dates quote their source verbatim\nfragments: {n} of {n} claims record a text fragment that matches their quote (0 stale, 0 missing)\ndate fragments: {d} of {d} entity dates record a text fragment that matches their quote (0 stale, 0 missing)\n{}",
        dir.display(),
        coverage.display(true),
        n = graph.claim_count(),
        d = graph.entities().filter(|e| e.date.is_some()).count()
    );
    assert!(stdout.ends_with(&expected), "{stdout}");
    assert!(
        stdout.contains("table rows the source does not identify are left out"),
        "{stdout}"
    );
}

/// Passages of 3 to 12 words taken all over the shipped texts: each gets directives that match
/// exactly once, inside the passage (or, if no context can single it out, says so).
#[test]
fn directives_for_passages_all_over_the_texts_match_once() {
    let Some(texts) = texts() else { return };
    let (mut tried, mut refused) = (0, 0);
    for (id, text) in texts.iter() {
        let text = text.unwrap_or_else(|e| panic!("{id}: {e}"));
        let words: Vec<&str> = text.normalised().as_str().split(' ').collect();
        for (n, start) in (0..words.len()).step_by(31).enumerate() {
            let len = 3 + n % 10;
            let quote = words[start..(start + len).min(words.len())].join(" ");
            let Ok(fragment) = diplograph::verify::TextFragment::for_quote(text, &quote) else {
                refused += 1; // the passage cannot be singled out (and says so)
                continue;
            };
            let search = text.search();
            for directive in fragment.directives() {
                assert_eq!(search.count(directive, 3), 1, "{id}: {quote:?}: {fragment}");
            }
            tried += 1;
        }
    }
    assert!(tried > 150 && refused * 20 < tried, "{tried} tried, {refused} refused");
}

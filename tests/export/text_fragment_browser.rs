//! A recorded text-fragment link opened in headless Chromium (tests/export/text_fragment_browser.py,
//! through selenium and chromedriver): a local HTML copy of a source text, served over
//! http://127.0.0.1, opened at `#:~:text=…` of one of the shipped graph's links, scrolls to the
//! quote and highlights it (the page colours `::target-text`; the screenshot's pixels of that
//! colour are counted), and a click on the link in another page (`target="_blank"`, as the
//! explorer writes a quote) opens a new tab at the quote. The copy is made from `../shared/sources/<id>.txt`, as the original page
//! cannot be fetched in a test: what is tested is that the browser's own matching finds the
//! recorded directives in the text they were written from, laid out as a page.
//!
//! Skipped visibly without the source texts, Chromium, chromedriver or selenium (a failure with
//! DIPLOGRAPH_REQUIRE_TOOLS=1).

use std::path::PathBuf;
use std::process::Command;

use crate::support::{python, root, shipped};
use diplograph::Evidence;

/// The source whose page is opened: the longest, so a link must scroll to reach its quotes.
const SOURCE: &str = "wikipedia-belarus-nato-relations";

fn shared_sources() -> PathBuf {
    match std::env::var_os("DIPLOGRAPH_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => root().join("../shared"),
    }
    .join("sources")
}

fn present(test: &str) -> Option<(PathBuf, PathBuf, PathBuf)> {
    let text = shared_sources().join(format!("{SOURCE}.txt"));
    if !text.is_file() {
        crate::support::skip(
            test,
            &format!(
                "{} not found (the source texts live beside the repository)",
                text.display()
            ),
        );
        return None;
    }
    let chromium = PathBuf::from(std::env::var("DIPLOGRAPH_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    let driver =
        PathBuf::from(std::env::var("DIPLOGRAPH_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()));
    let selenium = Command::new(python())
        .args(["-c", "import selenium"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !(chromium.is_file() && driver.is_file() && selenium) {
        crate::support::skip(
            test,
            "chromium + chromedriver + python3 selenium not found (apt-get install chromium chromium-driver; pip install selenium)",
        );
        return None;
    }
    Some((text, chromium, driver))
}

/// Runs the browser check on `evidence`'s recorded fragment; panics with the report on failure.
fn open_in_chromium(test: &str, evidence: &Evidence) {
    let Some((text, chromium, driver)) = present(test) else {
        return;
    };
    let fragment = evidence
        .anchor
        .as_ref()
        .and_then(|a| a.fragment.as_ref())
        .expect("a recorded fragment");
    // What must come into view: the first directive's start.
    let expected = &fragment.directives()[0].start;
    let dir = tempfile::tempdir().expect("temp dir");
    let shot = dir.path().join("fragment.png");
    let out = Command::new(python())
        .arg(root().join("tests/export/text_fragment_browser.py"))
        .arg(&text)
        .arg(fragment.to_string())
        .arg(expected)
        .arg(&shot)
        .env("DIPLOGRAPH_CHROMIUM", &chromium)
        .env("DIPLOGRAPH_CHROMEDRIVER", &driver)
        .output()
        .expect("python runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains(" 0 failed"),
        "line {} ({fragment}) in Chromium:\n{report}{}",
        evidence.line,
        String::from_utf8_lossy(&out.stderr)
    );
    eprint!("{report}");
}

/// The claims of [`SOURCE`] with their quote's place in the text, latest first.
fn claims_by_place(graph: &diplograph::Graph) -> Vec<(usize, Evidence)> {
    let text = std::fs::read_to_string(shared_sources().join(format!("{SOURCE}.txt"))).unwrap_or_default();
    let mut claims: Vec<(usize, Evidence)> = graph
        .relations()
        .flat_map(|r| r.evidence.iter())
        .filter(|e| e.source.as_str() == SOURCE && e.anchor.is_some())
        .filter_map(|e| {
            let head: String = e.quote.chars().take(24).collect();
            Some((text.find(&head)?, e.clone()))
        })
        .collect();
    claims.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.line.cmp(&b.1.line)));
    claims
}

#[test]
fn a_recorded_link_scrolls_chromium_to_the_quote_and_highlights_it() {
    let graph = shipped();
    // The quote furthest down the page written as one directive.
    let claims = claims_by_place(&graph);
    let Some((_, evidence)) = claims.iter().find(|(_, e)| {
        e.anchor
            .as_ref()
            .and_then(|a| a.fragment.as_ref())
            .is_some_and(|f| f.directives().len() == 1)
    }) else {
        return present("a_recorded_link_scrolls_chromium_to_the_quote_and_highlights_it")
            .map_or((), |_| panic!("no claim of {SOURCE} with a fragment"));
    };
    open_in_chromium(
        "a_recorded_link_scrolls_chromium_to_the_quote_and_highlights_it",
        evidence,
    );
}

#[test]
fn a_link_of_a_quote_in_fragments_opens_chromium_at_its_first() {
    let graph = shipped();
    // A quote joined with `...`: one directive per fragment, `&text=` between them.
    let claims = claims_by_place(&graph);
    let Some((_, evidence)) = claims.iter().find(|(_, e)| {
        e.quote.contains("...")
            && e.anchor
                .as_ref()
                .and_then(|a| a.fragment.as_ref())
                .is_some_and(|f| f.directives().len() >= 2)
    }) else {
        return present("a_link_of_a_quote_in_fragments_opens_chromium_at_its_first")
            .map_or((), |_| panic!("no claim of {SOURCE} joined with ..."));
    };
    open_in_chromium("a_link_of_a_quote_in_fragments_opens_chromium_at_its_first", evidence);
}

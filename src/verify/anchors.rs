//! The recorded anchors of claims (`relations.csv`'s `fragment` and `selector`) checked against
//! the texts of the sources.

use crate::model::graph::Graph;
use crate::model::problem::Problem;
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::relation::Evidence;
use crate::model::text_fragment::TextFragment;
use crate::model::text_quote_selector::TextQuoteSelector;
use crate::verify::source_texts::SourceTexts;

/// What checking the recorded anchors found: a problem for each claim whose `fragment` or
/// `selector` is stale (an error: it is not what the source's text gives, or a directive does not
/// match exactly one place of the text) or missing (a warning: curators without the texts'
/// fragments still pass).
///
/// ```
/// use diplograph::verify::{AnchorCheck, SourceTexts};
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("nato-relations-with-belarus.txt"), "Nothing of the sort.").unwrap();
/// let texts = SourceTexts::open(dir.path()).unwrap();
/// let graph = diplograph::Graph::embedded().unwrap();
/// let check = AnchorCheck::run(&graph, &texts, "relations.csv");
/// // The shipped fragments of NATO's page do not match this text: each is stale.
/// assert!(check.checked() > 0);
/// assert_eq!(check.problems().len(), check.checked());
/// assert!(check.problems()[0].to_string().contains("is stale"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnchorCheck {
    checked: usize,
    current: usize,
    stale: usize,
    missing: usize,
    problems: Vec<Problem>,
}

impl AnchorCheck {
    /// Checks every claim of `graph` whose source has a text in `texts`; problems name `file`
    /// (`relations.csv` as the user knows it) and the claim's line.
    pub fn run(graph: &Graph, texts: &SourceTexts, file: &str) -> AnchorCheck {
        Self::check(graph.relations().flat_map(|r| r.evidence.iter()), texts, file)
    }

    /// The same for the entities' own dates (`entities.csv`'s `date_fragment` and
    /// `date_selector`); problems name `file` (`entities.csv` as the user knows it).
    pub fn entity_dates(graph: &Graph, texts: &SourceTexts, file: &str) -> AnchorCheck {
        Self::check(
            graph.entities().filter_map(|e| e.date.as_ref()).map(|d| &d.evidence),
            texts,
            file,
        )
    }

    fn check<'g>(evidence: impl Iterator<Item = &'g Evidence>, texts: &SourceTexts, file: &str) -> AnchorCheck {
        let mut claims: Vec<&Evidence> = evidence.filter(|e| texts.get(e.source.as_str()).is_ok()).collect();
        claims.sort_by_key(|e| e.line);
        let mut out = AnchorCheck::default();
        let hint = format!("run: diplograph fmt --sources {}", texts.dir().display());
        let mut missing = Vec::new();
        for ev in claims {
            let Ok(text) = texts.get(ev.source.as_str()) else {
                continue;
            };
            out.checked += 1;
            let fresh = QuoteAnchor {
                fragment: TextFragment::for_quote(text, &ev.quote).ok(),
                selectors: TextQuoteSelector::for_quote(text, &ev.quote).unwrap_or_default(),
            };
            let recorded = ev.anchor.as_deref();
            let problem = match recorded {
                None => {
                    if fresh.fragment.is_some() {
                        missing.push(ev.line);
                    }
                    None
                }
                Some(a) if *a != fresh || !unique(a, text) => {
                    let (what, now, was) = if a.fragment != fresh.fragment || !unique(a, text) {
                        ("fragment", fresh.fragment_cell(), a.fragment_cell())
                    } else {
                        ("selector", fresh.selector_cell(), a.selector_cell())
                    };
                    Some(
                        Problem::error(
                            file,
                            Some(ev.line),
                            format!(
                                "the recorded text {what} is stale: the text of {} gives {now:?}, not {was:?}",
                                ev.source
                            ),
                        )
                        .with_hint(hint.clone()),
                    )
                }
                Some(_) => {
                    out.current += 1;
                    None
                }
            };
            out.stale += usize::from(problem.is_some());
            out.problems.extend(problem);
        }
        // One warning for them all: a curator without fragments is not told so on every line.
        if !missing.is_empty() {
            out.missing = missing.len();
            let lines: Vec<String> = missing.iter().take(10).map(u64::to_string).collect();
            let more = if missing.len() > 10 { ", …" } else { "" };
            out.problems.push(
                Problem::warning(
                    file,
                    None,
                    format!(
                        "{} no text fragment (line{} {}{more}): {} the page, not the quote",
                        if missing.len() == 1 {
                            "1 claim records".to_owned()
                        } else {
                            format!("{} claims record", missing.len())
                        },
                        if missing.len() == 1 { "" } else { "s" },
                        lines.join(", "),
                        if missing.len() == 1 {
                            "its link opens"
                        } else {
                            "their links open"
                        },
                    ),
                )
                .with_hint(hint),
            );
        }
        out
    }

    /// How many claims record a fragment and selectors that are what their text gives.
    pub fn current(&self) -> usize {
        self.current
    }

    /// How many claims record a fragment or selector that is stale (each an error).
    pub fn stale(&self) -> usize {
        self.stale
    }

    /// How many claims record no fragment though their text gives one (one warning for all).
    pub fn missing(&self) -> usize {
        self.missing
    }

    /// How many claims were checked (those whose source has a text).
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// The problems: the stale claims by line, then the warning for the missing ones.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// Whether each directive of `anchor`'s fragment matches exactly one place of `text`.
fn unique(anchor: &QuoteAnchor, text: &crate::verify::source_texts::SourceText) -> bool {
    anchor
        .fragment
        .iter()
        .flat_map(|f| f.directives())
        .all(|d| text.search().count(d, 2) == 1)
}

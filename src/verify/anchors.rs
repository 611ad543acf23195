//! The recorded anchors of claims (`relations.csv`'s `fragment` and `selector`) checked against
//! the texts of the sources.

use crate::model::graph::Graph;
use crate::model::problem::Problem;
use crate::model::quote_anchor::QuoteAnchor;
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
    problems: Vec<Problem>,
}

impl AnchorCheck {
    /// Checks every claim of `graph` whose source has a text in `texts`; problems name `file`
    /// (`relations.csv` as the user knows it) and the claim's line.
    pub fn run(graph: &Graph, texts: &SourceTexts, file: &str) -> AnchorCheck {
        let mut claims: Vec<_> = graph
            .relations()
            .flat_map(|r| r.evidence.iter())
            .filter(|e| texts.get(e.source.as_str()).is_ok())
            .collect();
        claims.sort_by_key(|e| e.line);
        let mut out = AnchorCheck::default();
        let hint = format!("run: diplograph fmt --sources {}", texts.dir().display());
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
                None if fresh.fragment.is_some() => Some(
                    Problem::warning(file, Some(ev.line), "no text fragment recorded for this quote: its link opens the page, not the quote")
                        .with_hint(hint.clone()),
                ),
                None => None,
                Some(a) if *a != fresh || !unique(a, text) => Some(
                    Problem::error(
                        file,
                        Some(ev.line),
                        format!(
                            "the recorded text fragment or selector is stale: the text of {} gives fragment {:?}, not {:?}",
                            ev.source,
                            fresh.fragment_cell(),
                            a.fragment_cell()
                        ),
                    )
                    .with_hint(hint.clone()),
                ),
                Some(_) => None,
            };
            out.problems.extend(problem);
        }
        out
    }

    /// How many claims were checked (those whose source has a text).
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// The problems, by line.
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

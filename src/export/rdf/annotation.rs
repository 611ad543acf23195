//! A piece of evidence as a W3C Web Annotation: the passage of the source that states a fact,
//! with a text quote selector that annotation tools can re-anchor on the page.
//!
//! The evidence resource is itself the `oa:Annotation`: its body is the statement it supports,
//! its target the source narrowed by a selector, one target per fragment of a quote joined with
//! `...`. No blank nodes: the targets and selectors are minted from the evidence's IRI,
//! `<evidence>-target-1`, `<evidence>-selector-1`, ….
//!
//! With the source's text at hand, each selector's `oa:exact` is the source's own text of the
//! fragment and `oa:prefix`/`oa:suffix` are the context that makes it unique in the text
//! ([`TextQuoteSelector::for_quote`]). Without it, the selectors the claim records are used
//! (`relations.csv`'s `selector` column, which `diplograph fmt --sources` writes from the same
//! text, so the two agree while the record is current). A claim with neither — no text, no
//! recorded selector — gets `oa:exact` only (the curated fragment, white space collapsed) and
//! `dg:exactOnly true`, so the gap is said, not silent.

use oxrdf::vocab::rdf;

use super::error::RdfError;
use super::iris::{Local, EVIDENCE, SOURCE};
use super::namespaces::oa;
use super::sink::{Iri, Object, Sink};
use super::vocabulary::term;
use crate::model::minted::AnnotationPart;
use crate::model::relation::{Evidence, RelationId};
use crate::model::source::Source;
use crate::verify::{SourceTexts, TextQuoteSelector};

/// The evidence `e` (the `n`-th claim of its source behind relation `relation`, supporting the
/// statement `st`) as an annotation, written into `graph`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn annotation<S: Sink>(
    b: &mut S,
    graph: Option<&S::Node>,
    e: &S::Node,
    st: &S::Node,
    (relation, n): (RelationId, usize),
    ev: &Evidence,
    source: Option<&Source>,
    texts: Option<&SourceTexts>,
) -> Result<(), RdfError> {
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let class = b.iri(Iri::Fixed(oa::ANNOTATION))?;
    b.add_in(graph, e, &a, Object::Node(&class));
    let body = b.iri(Iri::Fixed(oa::HAS_BODY))?;
    b.add_in(graph, e, &body, Object::Node(st));
    let page = match source.and_then(|s| s.url.as_deref()) {
        Some(url) => b.iri(Iri::Data(url))?,
        None => b.iri(Iri::Minted(SOURCE, Local::Name(ev.source.as_str())))?,
    };
    let selectors = selectors(ev, texts);
    let has_target = b.iri(Iri::Fixed(oa::HAS_TARGET))?;
    let specific = b.iri(Iri::Fixed(oa::SPECIFIC_RESOURCE))?;
    let has_source = b.iri(Iri::Fixed(oa::HAS_SOURCE))?;
    let has_selector = b.iri(Iri::Fixed(oa::HAS_SELECTOR))?;
    let quote_selector = b.iri(Iri::Fixed(oa::TEXT_QUOTE_SELECTOR))?;
    let exact = b.iri(Iri::Fixed(oa::EXACT))?;
    for (k, (selector, anchored)) in selectors.iter().enumerate() {
        let source = ev.source.as_str();
        let part = |part| Iri::Minted(EVIDENCE, Local::Annotation(relation, source, n, part, k + 1));
        let target = b.iri(part(AnnotationPart::Target))?;
        let s = b.iri(part(AnnotationPart::Selector))?;
        b.add_in(graph, e, &has_target, Object::Node(&target));
        b.add_in(graph, &target, &a, Object::Node(&specific));
        b.add_in(graph, &target, &has_source, Object::Node(&page));
        b.add_in(graph, &target, &has_selector, Object::Node(&s));
        b.add_in(graph, &s, &a, Object::Node(&quote_selector));
        b.add_in(graph, &s, &exact, Object::Plain(&selector.exact));
        if *anchored {
            // The empty prefix (suffix) of a passage at the start (end) of the text is left out.
            if !selector.prefix.is_empty() {
                let p = b.iri(Iri::Fixed(oa::PREFIX))?;
                b.add_in(graph, &s, &p, Object::Plain(&selector.prefix));
            }
            if !selector.suffix.is_empty() {
                let p = b.iri(Iri::Fixed(oa::SUFFIX))?;
                b.add_in(graph, &s, &p, Object::Plain(&selector.suffix));
            }
        } else {
            let p = b.iri(Iri::vocab(term::EXACT_ONLY))?;
            b.add_in(graph, &s, &p, Object::True);
        }
    }
    Ok(())
}

/// The selectors of `ev`'s quote, each with whether it was anchored in the source text: from
/// the text when it is at hand and contains the quote, else those the claim records
/// (`relations.csv`'s `selector`, written from the text by `fmt --sources`), else `exact` only
/// from the quote.
pub(crate) fn selectors(ev: &Evidence, texts: Option<&SourceTexts>) -> Vec<(TextQuoteSelector, bool)> {
    if let Some(text) = texts.and_then(|t| t.get(ev.source.as_str()).ok()) {
        if let Ok(found) = TextQuoteSelector::for_quote(text, &ev.quote) {
            if !found.is_empty() {
                return found.into_iter().map(|s| (s, true)).collect();
            }
        }
    }
    if let Some(recorded) = ev.anchor.as_deref().filter(|a| !a.selectors.is_empty()) {
        return recorded.selectors.iter().map(|s| (s.clone(), true)).collect();
    }
    exact_only(&ev.quote)
        .into_iter()
        .map(|exact| {
            let s = TextQuoteSelector {
                exact,
                ..TextQuoteSelector::default()
            };
            (s, false)
        })
        .collect()
}

/// The fragments of a quote joined with `...`, each with its white space collapsed.
fn exact_only(quote: &str) -> Vec<String> {
    let parts: Vec<String> = fragments(quote)
        .map(collapse_white_space)
        .filter(|f| !f.is_empty())
        .collect();
    if parts.is_empty() {
        vec![quote.to_owned()]
    } else {
        parts
    }
}

/// The pieces of `quote` between the `...` that join its fragments: what `quote.split("...")`
/// gives (leftmost matches first, none overlapping), found a byte at a time rather than by a
/// substring searcher set up for every quote.
fn fragments(quote: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(quote);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(dot) = bytes[i..].iter().position(|&b| b == b'.') {
            let at = i + dot;
            if bytes[at..].starts_with(b"...") {
                rest = text.get(at + 3..);
                return text.get(..at);
            }
            i = at + 1;
        }
        rest = None;
        Some(text)
    })
}

/// `text`'s words (its runs of characters that are not white space, as `char::is_whitespace`
/// says) joined with single spaces: `text.split_whitespace().collect::<Vec<_>>().join(" ")`
/// without the list, looking at the bytes. White space is either ASCII or a character whose
/// UTF-8 starts with `C2`, `E1`, `E2` or `E3`; only those are decoded.
fn collapse_white_space(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let width = match bytes[i] {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => 1,
            0xC2 | 0xE1..=0xE3 => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if width == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(text.get(start..i).unwrap_or_default());
        }
        i += width;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text.get(start..).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{collapse_white_space, exact_only, fragments};

    #[test]
    fn fragments_and_white_space_as_split_says() {
        for text in [
            "",
            ".",
            "...",
            "....",
            "a...b",
            "a....b..c...",
            "...a",
            " joined  the\nPfP ... in\u{2003}1995\u{A0} ",
            "\u{85}x\u{3000}y\u{202F}z\u{1680}\u{200B}w\u{FEFF}\u{2029}",
            "\u{B}\u{C}\u{1C}ü é\t",
            "Россия  и\tБеларусь...",
        ] {
            let expected: Vec<&str> = text.split("...").collect();
            assert_eq!(fragments(text).collect::<Vec<_>>(), expected, "{text:?}");
            assert_eq!(
                collapse_white_space(text),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                "{text:?}"
            );
        }
    }

    #[test]
    fn fragments_of_a_quote_without_its_text() {
        assert_eq!(
            exact_only("joined  the\nPfP ... in 1995"),
            ["joined the PfP", "in 1995"]
        );
        assert_eq!(exact_only("one passage"), ["one passage"]);
    }
}

//! The names ids take in other systems — the local names of the RDF export's IRIs and Neo4j's
//! relationship types — and the rule that decides when two ids would take the same one.
//!
//! The exporters mint their names with these functions and the loader refuses, with
//! [`predicate_clashes`] and [`source_clashes`], any two ids that would share a name, so a graph
//! that loads never exports two things under one IRI or one relationship type.
//!
//! Where an id is used verbatim — an entity's IRI `entity/<id>`, a source's `source/<id>` and
//! `graph/<id>`, the node ids of DOT, GEXF, GraphML and the CSV exports, Neo4j's `:ID` — distinct
//! ids give distinct names: ids are lowercase ASCII slugs ([`Id`](crate::model::id::Id)), which
//! IRIs, XML and Neo4j take as they are, without percent-encoding, case folding or normalising.
//! What can collide is what the exporters *derive* from an id:
//!
//! - a predicate's named inverse, `<id>-inverse`, beside another predicate whose id is that name;
//! - a predicate named like a term of the vocabulary that is spelled like an id (`disputed`,
//!   `negates`: the vocabulary's other terms hold a capital letter, which ids cannot);
//! - a predicate's Neo4j relationship type, its id in upper case with `-` as `_`: `member-of` and
//!   `member_of` are both `MEMBER_OF`;
//! - the IRIs of a piece of evidence's annotation targets and selectors,
//!   `<evidence>-target-<k>` and `<evidence>-selector-<k>`, where the evidence is
//!   `<relation>.<source>`: the source `un` makes `r-….un-target-1`, the evidence IRI of a source
//!   called `un-target-1`.

use super::relation::RelationId;

/// The suffix of a predicate's named inverse in the vocabulary: `member_of` ↔ `member_of-inverse`.
pub(crate) const INVERSE_SUFFIX: &str = "-inverse";

/// The vocabulary terms (under `<base>vocab/`, beside the predicates) whose names are valid ids.
pub(crate) const DISPUTED: &str = "disputed";
/// See [`DISPUTED`].
pub(crate) const NEGATES: &str = "negates";
/// Every vocabulary term spelled like an id: a predicate may not take one of these names.
pub(crate) const ID_LIKE_TERMS: [&str; 2] = [DISPUTED, NEGATES];

/// The local name of a predicate's named inverse: `member_of-inverse`.
pub(crate) fn inverse_name(predicate: &str) -> String {
    let mut name = String::new();
    push_inverse_name(&mut name, predicate);
    name
}

/// Appends [`inverse_name`] to `out`.
pub(crate) fn push_inverse_name(out: &mut String, predicate: &str) {
    out.push_str(predicate);
    out.push_str(INVERSE_SUFFIX);
}

/// The Neo4j relationship type of a predicate: its id in upper case, `-` as `_` (`MEMBER_OF`).
///
/// ```
/// assert_eq!(diplograph::export::csv::neo4j_type("diplomatic_relations_with"), "DIPLOMATIC_RELATIONS_WITH");
/// assert_eq!(diplograph::export::csv::neo4j_type("member-of"), "MEMBER_OF");
/// ```
pub fn neo4j_type(predicate: &str) -> String {
    predicate
        .chars()
        .map(|c| if c == '-' { '_' } else { c.to_ascii_uppercase() })
        .collect()
}

/// The local name of the evidence of the `n`-th claim (1-based) of `source` behind a relation:
/// `<relation>.<source>`, then `.<n>` from the second on.
pub(crate) fn evidence_local(relation: RelationId, source: &str, n: usize) -> String {
    let mut name = String::new();
    push_evidence_local(&mut name, &relation.to_string(), source, n);
    name
}

/// Appends [`evidence_local`] to `out`, the relation id given as text.
pub(crate) fn push_evidence_local(out: &mut String, relation: &str, source: &str, n: usize) {
    out.push_str(relation);
    out.push('.');
    out.push_str(source);
    if n > 1 {
        out.push('.');
        push_decimal(out, n);
    }
}

/// Appends `n` in decimal, as `n.to_string()` spells it, without the formatting machinery.
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// The two parts of a piece of evidence's Web Annotation that get IRIs of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnnotationPart {
    /// `oa:hasTarget`'s specific resource: `<evidence>-target-<k>`.
    Target,
    /// Its text quote selector: `<evidence>-selector-<k>`.
    Selector,
}

impl AnnotationPart {
    const ALL: [AnnotationPart; 2] = [AnnotationPart::Target, AnnotationPart::Selector];

    fn infix(self) -> &'static str {
        match self {
            AnnotationPart::Target => "-target-",
            AnnotationPart::Selector => "-selector-",
        }
    }
}

/// The local name of the `k`-th (1-based) target or selector of the evidence named `evidence`.
pub(crate) fn annotation_local(evidence: &str, part: AnnotationPart, k: usize) -> String {
    let mut name = String::new();
    push_annotation_local(&mut name, evidence, part, k);
    name
}

/// Appends [`annotation_local`] to `out`.
pub(crate) fn push_annotation_local(out: &mut String, evidence: &str, part: AnnotationPart, k: usize) {
    out.push_str(evidence);
    out.push_str(part.infix());
    push_decimal(out, k);
}

/// If `source` would end an evidence name that equals the annotation name of another source's
/// evidence, that other source's id: `un-target-1` → `un` (the inverse of [`annotation_local`]
/// on a source id; the unit tests check both ways).
fn annotation_stem(source: &str) -> Option<&str> {
    AnnotationPart::ALL.iter().find_map(|part| {
        let (stem, k) = source.rsplit_once(part.infix())?;
        let number = !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) && !k.starts_with('0');
        (number && !stem.is_empty()).then_some(stem)
    })
}

/// Two ids that would take the same name in an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clash<'a> {
    /// The id that takes the name of its own (or first).
    pub(crate) first: &'a str,
    /// The id that would take it too.
    pub(crate) second: &'a str,
    /// What they would share: `the RDF IRI vocab/member_of-inverse: …`.
    pub(crate) what: String,
    /// For a clash of RDF IRIs, the IRI below the base (`vocab/member_of-inverse`).
    pub(crate) iri: Option<String>,
}

/// Every pair of predicates (id, symmetric) that would share a vocabulary IRI — an id, a named
/// inverse (non-symmetric predicates only) or an id-like vocabulary term — or a Neo4j
/// relationship type. Each clash is reported once, on the second of the pair in `predicates`'
/// order, or on the one named like another's inverse (ids are unique).
pub(crate) fn predicate_clashes<'a>(predicates: &[(&'a str, bool)]) -> Vec<Clash<'a>> {
    let mut clashes = Vec::new();
    // Each name with the predicate that takes it (`None`: a term of the vocabulary) and how.
    let mut iris: std::collections::HashMap<String, (Option<&'a str>, String)> = std::collections::HashMap::new();
    for term in ID_LIKE_TERMS {
        iris.insert(term.to_owned(), (None, format!("the vocabulary's own term '{term}'")));
    }
    let mut types: std::collections::HashMap<String, &'a str> = std::collections::HashMap::new();
    // Inverses first, then ids: a clash is reported on the predicate named like another's
    // inverse (`member_of-inverse`), not on the predicate whose inverse it is.
    let names = predicates
        .iter()
        .filter(|(_, symmetric)| !symmetric)
        .map(|&(id, _)| (id, inverse_name(id), format!("the inverse of '{id}'")))
        .chain(predicates.iter().map(|&(id, _)| (id, id.to_owned(), format!("'{id}'"))));
    for (id, name, as_what) in names {
        match iris.get(&name) {
            Some((first, first_what)) if *first != Some(id) => clashes.push(Clash {
                first: first.unwrap_or(id),
                second: id,
                what: format!("the RDF IRI vocab/{name}: {as_what} and {first_what}"),
                iri: Some(format!("vocab/{name}")),
            }),
            Some(_) => {}
            None => {
                iris.insert(name, (Some(id), as_what));
            }
        }
    }
    for &(id, _) in predicates {
        let t = neo4j_type(id);
        match types.get(&t) {
            Some(first) => clashes.push(Clash {
                first,
                second: id,
                what: format!("the Neo4j relationship type {t}"),
                iri: None,
            }),
            None => {
                types.insert(t, id);
            }
        }
    }
    clashes
}

/// Every pair of sources whose evidence IRIs could collide: a source called
/// `<other source>-target-<k>` or `<other source>-selector-<k>` (see the module's doc).
pub(crate) fn source_clashes<'a>(sources: &[&'a str]) -> Vec<Clash<'a>> {
    let ids: std::collections::HashSet<&str> = sources.iter().copied().collect();
    sources
        .iter()
        .filter_map(|&id| {
            let stem = annotation_stem(id)?;
            let first = *ids.get(stem)?;
            Some(Clash {
                first,
                second: id,
                what: format!(
                    "the RDF IRIs evidence/<relation>.{id}: the evidence of '{id}' and an annotation part of the evidence of '{stem}'"
                ),
                iri: Some(format!("evidence/<relation>.{id}")),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;

    #[test]
    fn decimals_as_to_string_spells_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn predicates_that_share_a_name() {
        let clashes = predicate_clashes(&[
            ("member_of", false),
            ("member_of-inverse", false),
            ("member-of", false),
            ("disputed", true),
            ("linked", true),
            ("linked-inverse", true),
        ]);
        let pairs: Vec<(&str, &str)> = clashes.iter().map(|c| (c.first, c.second)).collect();
        assert_eq!(
            pairs,
            [
                ("member_of", "member_of-inverse"),
                ("disputed", "disputed"),
                ("member_of", "member-of")
            ]
        );
        assert!(clashes[0].what.contains("vocab/member_of-inverse"), "{clashes:?}");
        assert!(clashes[2].what.contains("MEMBER_OF"), "{clashes:?}");
        // A symmetric predicate has no inverse: nothing to clash with.
        assert!(predicate_clashes(&[("linked", true), ("linked-inverse", false)]).is_empty());
    }

    #[test]
    fn sources_whose_evidence_names_collide() {
        let clashes = source_clashes(&["un", "un-target-1", "un-selector-12", "un-target-01", "nato-target-1"]);
        let pairs: Vec<(&str, &str)> = clashes.iter().map(|c| (c.first, c.second)).collect();
        assert_eq!(pairs, [("un", "un-target-1"), ("un", "un-selector-12")]);
    }

    /// [`annotation_stem`] undoes [`annotation_local`] on every source id and only there.
    #[test]
    fn the_stem_inverts_the_annotation_name() {
        let r = RelationId::of(
            &Id::new("a").unwrap(),
            &Id::new("p").unwrap(),
            &Id::new("b").unwrap(),
            None,
            false,
        );
        for stem in ["un", "a-target-1", "x_selector-2"] {
            for part in AnnotationPart::ALL {
                for k in [1, 2, 9, 10, 123] {
                    let name = annotation_local(&evidence_local(r, stem, 1), part, k);
                    let source = name.strip_prefix(&format!("{r}.")).unwrap();
                    assert_eq!(annotation_stem(source), Some(stem), "{name}");
                }
            }
        }
        for plain in [
            "un",
            "un-target",
            "un-target-",
            "un-target-0",
            "un-target-x",
            "-target-1",
        ] {
            assert_eq!(annotation_stem(plain), None, "{plain}");
        }
    }
}

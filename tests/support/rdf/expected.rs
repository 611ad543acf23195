//! The triples an RDF export of a graph should hold, restated from the model of
//! docs/rdf.md independently of the exporter, and a parser that turns an export back into
//! comparable quads. Shared by the round-trip tests (tests/export/rdf_roundtrip.rs) and the property
//! tests on random hostile graphs (tests/hostile/exports.rs).

use std::collections::{BTreeMap, BTreeSet};

use diplograph::{export::rdf::RdfSyntax, model::Bound, Edtf, EntityKind, Graph};
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser};

use super::*;

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const SCHEMA: &str = "http://schema.org/";
pub const OA: &str = "http://www.w3.org/ns/oa#";

/// A quad as N-Triples terms; the graph is `None` for the default graph.
pub type Q = (String, String, String, Option<String>);

pub fn ns(base: &str, local: &str) -> String {
    format!("<{base}{local}>")
}

/// The terms of the vocabulary whose wording the test does not restate: each must simply have a
/// type, an English label and an English comment.
pub const FIXED_TERMS: [&str; 29] = [
    "",
    "Evidence",
    "Source",
    "EventProperty",
    "StateProperty",
    "hasEvidence",
    "evidenceQuote",
    "evidenceNote",
    "edtfDate",
    "startDate",
    "endDate",
    "startOpen",
    "endOpen",
    "startApproximate",
    "startUncertain",
    "endApproximate",
    "endUncertain",
    "earliestDay",
    "latestDay",
    "exactOnly",
    "ClaimedStatement",
    "hasClaim",
    "disputed",
    "negates",
    "dateSource",
    "dateQuote",
    "iso3166Alpha2",
    "iso3166Alpha3",
    "iso3166Numeric",
];

pub fn kinds_class(kinds: &[EntityKind]) -> Option<String> {
    let mut k = kinds.to_vec();
    k.sort();
    k.dedup();
    match k.as_slice() {
        [] => None,
        [one] => Some(vocab(one.title())),
        many => Some(vocab(&many.iter().map(|k| k.title()).collect::<Vec<_>>().join("Or"))),
    }
}

/// Everything the export should contain, except the fixed terms and the comments on classes.
pub fn expected(graph: &Graph) -> BTreeSet<Q> {
    let mut out = BTreeSet::new();
    let mut add = |s: &str, p: String, o: String, g: Option<String>| {
        out.insert((s.to_owned(), p, o, g));
    };
    let a = ns(RDF, "type");
    let label = ns(RDFS, "label");
    let comment = ns(RDFS, "comment");

    // The vocabulary: classes of kinds, named unions, predicates and their inverses.
    for kind in EntityKind::ALL {
        add(&vocab(kind.title()), a.clone(), ns(OWL, "Class"), None);
        add(&vocab(kind.title()), label.clone(), en(kind.title()), None);
    }
    let mut unions = BTreeSet::new();
    for p in graph.predicates() {
        for kinds in [&p.domain, &p.range] {
            let set: BTreeSet<EntityKind> = kinds.iter().copied().collect();
            if set.len() > 1 {
                unions.insert(set);
            }
        }
    }
    for set in &unions {
        let kinds: Vec<EntityKind> = set.iter().copied().collect();
        let class = kinds_class(&kinds).unwrap();
        add(&class, a.clone(), ns(OWL, "Class"), None);
        let titles: Vec<&str> = kinds.iter().map(|k| k.title()).collect();
        add(&class, label.clone(), en(&titles.join(" or ")), None);
        for k in &kinds {
            add(&vocab(k.title()), ns(RDFS, "subClassOf"), class.clone(), None);
        }
    }
    for p in graph.predicates() {
        let prop = vocab(p.id.as_str());
        let temporal = vocab(match p.temporal {
            diplograph::Temporal::Event => "EventProperty",
            diplograph::Temporal::State => "StateProperty",
        });
        add(&prop, a.clone(), ns(OWL, "ObjectProperty"), None);
        add(&prop, a.clone(), temporal.clone(), None);
        add(&prop, label.clone(), en(&p.label), None);
        add(&prop, comment.clone(), en(&p.description), None);
        let (domain, range) = (kinds_class(&p.domain), kinds_class(&p.range));
        if let Some(d) = &domain {
            add(&prop, ns(RDFS, "domain"), d.clone(), None);
        }
        if let Some(r) = &range {
            add(&prop, ns(RDFS, "range"), r.clone(), None);
        }
        for same in &p.same_as {
            add(&prop, ns(SKOS, "exactMatch"), iri(same), None);
        }
        if let Some(denied) = &p.negates {
            add(&prop, vocab("negates"), vocab(denied.as_str()), None);
        }
        if p.symmetric {
            add(&prop, a.clone(), ns(OWL, "SymmetricProperty"), None);
        } else {
            let inv = vocab(&format!("{}-inverse", p.id));
            add(&prop, ns(OWL, "inverseOf"), inv.clone(), None);
            add(&inv, ns(OWL, "inverseOf"), prop.clone(), None);
            add(&inv, a.clone(), ns(OWL, "ObjectProperty"), None);
            add(&inv, a.clone(), temporal, None);
            add(&inv, label.clone(), en(&p.inverse_label), None);
            add(
                &inv,
                comment.clone(),
                en(&format!(
                    "The inverse of '{}', read from object to subject. {}",
                    p.label, p.description
                )),
                None,
            );
            if let Some(r) = range {
                add(&inv, ns(RDFS, "domain"), r, None);
            }
            if let Some(d) = domain {
                add(&inv, ns(RDFS, "range"), d, None);
            }
        }
    }

    // Sources.
    for s in graph.sources() {
        let iri_s = source(s.id.as_str());
        add(&iri_s, a.clone(), vocab("Source"), None);
        add(&iri_s, ns(DCTERMS, "title"), plain(&s.title), None);
        add(&iri_s, ns(DCTERMS, "publisher"), plain(&s.publisher), None);
        if let Some(url) = &s.url {
            add(&iri_s, ns(SCHEMA, "url"), iri(url), None);
        }
        if let Some(d) = &s.published {
            add(&iri_s, vocab("edtfDate"), plain(&d.to_string()), None);
            if let Edtf::Single(p) = d {
                if !p.is_approximate() && !p.is_uncertain() {
                    add(&iri_s, ns(DCTERMS, "date"), date(p), None);
                }
            }
        }
    }

    // Entities, with direct triples (symmetric ones both ways).
    for e in graph.entities() {
        let iri_e = entity(e.id.as_str());
        add(&iri_e, a.clone(), vocab(e.kind.title()), None);
        add(&iri_e, label.clone(), en(&e.label), None);
        for alias in &e.aliases {
            add(&iri_e, ns(SKOS, "altLabel"), plain(alias), None);
        }
        if !e.description.is_empty() {
            add(&iri_e, comment.clone(), en(&e.description), None);
        }
        for same in &e.same_as {
            add(&iri_e, ns(OWL, "sameAs"), iri(same), None);
        }
        // Its own date: the EDTF text, dcterms:date typed at its precision when it is one date,
        // the source and the quote.
        if let Some(d) = &e.date {
            add(&iri_e, vocab("edtfDate"), plain(&d.date.to_string()), None);
            if let diplograph::Edtf::Single(p) = d.date {
                add(&iri_e, ns(DCTERMS, "date"), date(&p), None);
            }
            add(&iri_e, vocab("dateSource"), source(d.evidence.source.as_str()), None);
            add(&iri_e, vocab("dateQuote"), plain(&d.evidence.quote), None);
        }
        if let Some(c) = &e.iso_3166 {
            add(&iri_e, vocab("iso3166Alpha2"), plain(c.alpha2()), None);
            add(&iri_e, vocab("iso3166Alpha3"), plain(c.alpha3()), None);
            add(&iri_e, vocab("iso3166Numeric"), plain(c.numeric()), None);
        }
    }
    for r in graph.relations() {
        let p = graph.predicate_of(r);
        add(
            &entity(r.subject.as_str()),
            vocab(r.predicate.as_str()),
            entity(r.object.as_str()),
            None,
        );
        if p.symmetric {
            add(
                &entity(r.object.as_str()),
                vocab(r.predicate.as_str()),
                entity(r.subject.as_str()),
                None,
            );
        }
    }

    // Statements and evidence, in the graph of each source.
    for r in graph.relations() {
        let st = relation(r.id);
        let mut core: Vec<(String, String)> = vec![
            (a.clone(), ns(RDF, "Statement")),
            (ns(RDF, "subject"), entity(r.subject.as_str())),
            (ns(RDF, "predicate"), vocab(r.predicate.as_str())),
            (ns(RDF, "object"), entity(r.object.as_str())),
        ];
        if let Some(d) = &r.date {
            core.push((vocab("edtfDate"), plain(&d.to_string())));
            let span = r.span(graph.predicate_of(r).temporal).unwrap();
            for (bound, which, day_prop) in [(span.start, "start", "earliestDay"), (span.end, "end", "latestDay")] {
                match bound {
                    Bound::Date(p) => {
                        core.push((vocab(&format!("{which}Date")), date(&p)));
                        let d = if which == "start" { p.earliest() } else { p.latest() };
                        core.push((vocab(day_prop), day(d)));
                        if p.is_approximate() {
                            core.push((vocab(&format!("{which}Approximate")), yes()));
                        }
                        if p.is_uncertain() {
                            core.push((vocab(&format!("{which}Uncertain")), yes()));
                        }
                    }
                    Bound::Open => core.push((vocab(&format!("{which}Open")), yes())),
                    Bound::Unknown => {}
                }
            }
        }
        let sources: BTreeSet<&str> = r.evidence.iter().map(|e| e.source.as_str()).collect();
        for s in &sources {
            for (p, o) in &core {
                add(&st, p.clone(), o.clone(), Some(graph_name(s)));
            }
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for ev in &r.evidence {
            let n = seen.entry(ev.source.as_str()).or_default();
            *n += 1;
            let e = evidence(r.id, ev.source.as_str(), *n);
            let g = Some(graph_name(ev.source.as_str()));
            add(&st, vocab("hasEvidence"), e.clone(), g.clone());
            add(&e, a.clone(), vocab("Evidence"), g.clone());
            add(&e, ns(PROV, "wasDerivedFrom"), source(ev.source.as_str()), g.clone());
            add(&e, vocab("evidenceQuote"), plain(&ev.quote), g.clone());
            if let Some(note) = &ev.note {
                add(&e, vocab("evidenceNote"), plain(note), g.clone());
            }
            // The evidence as a Web Annotation, without the source texts: one target per
            // fragment of the quote, each selector the one the claim records (relations.csv's
            // selector column), or, when it records none, with oa:exact only and dg:exactOnly.
            add(&e, a.clone(), ns(OA, "Annotation"), g.clone());
            add(&e, ns(OA, "hasBody"), st.clone(), g.clone());
            let page = match graph.source(ev.source.as_str()).and_then(|s| s.url.as_deref()) {
                Some(url) => iri(url),
                None => source(ev.source.as_str()),
            };
            let recorded: Vec<(String, String, String)> = ev
                .anchor
                .iter()
                .flat_map(|a| &a.selectors)
                .map(|s| (s.prefix.clone(), s.exact.clone(), s.suffix.clone()))
                .collect();
            let mut fragments: Vec<String> = ev
                .quote
                .split("...")
                .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|f| !f.is_empty())
                .collect();
            if fragments.is_empty() {
                // A quote of nothing but dots and white space is kept whole.
                fragments.push(ev.quote.clone());
            }
            let selectors: Vec<(String, String, String, bool)> = if recorded.is_empty() {
                fragments
                    .iter()
                    .map(|f| (String::new(), f.clone(), String::new(), false))
                    .collect()
            } else {
                recorded.into_iter().map(|(p, e, s)| (p, e, s, true)).collect()
            };
            for (k, (prefix, exact, suffix, anchored)) in selectors.iter().enumerate() {
                let e_local = e.trim_end_matches('>');
                let target = format!("{e_local}-target-{}>", k + 1);
                let selector = format!("{e_local}-selector-{}>", k + 1);
                add(&e, ns(OA, "hasTarget"), target.clone(), g.clone());
                add(&target, a.clone(), ns(OA, "SpecificResource"), g.clone());
                add(&target, ns(OA, "hasSource"), page.clone(), g.clone());
                add(&target, ns(OA, "hasSelector"), selector.clone(), g.clone());
                add(&selector, a.clone(), ns(OA, "TextQuoteSelector"), g.clone());
                add(&selector, ns(OA, "exact"), plain(exact), g.clone());
                if !anchored {
                    add(&selector, vocab("exactOnly"), yes(), g.clone());
                }
                if !prefix.is_empty() {
                    add(&selector, ns(OA, "prefix"), plain(prefix), g.clone());
                }
                if !suffix.is_empty() {
                    add(&selector, ns(OA, "suffix"), plain(suffix), g.clone());
                }
            }
            // A named statement gathers its claims, in the default graph.
            if let Some(key) = &ev.statement {
                let node = format!("<{}statement/{key}>", super::BASE);
                add(&node, a.clone(), vocab("ClaimedStatement"), None);
                add(&node, label.clone(), plain(key.as_str()), None);
                add(&node, vocab("hasClaim"), e.clone(), None);
            }
        }
    }
    // A statement whose claims disagree (polarity, or dates that cannot all be true).
    for d in graph.disagreements().run() {
        if let (Some(key), false) = (&d.statement, d.about == diplograph::query::Disputed::Quantities) {
            add(
                &format!("<{}statement/{key}>", super::BASE),
                vocab("disputed"),
                yes(),
                None,
            );
        }
    }
    out
}

/// Parses an export strictly (oxttl's default, non-lenient parsers) into quads; panics on an error.
pub fn parse(bytes: &[u8], syntax: RdfSyntax) -> Vec<Q> {
    try_parse(bytes, syntax).unwrap_or_else(|e| panic!("{e}"))
}

/// Parses an export strictly into quads (the graph is `None` for the default graph), or says
/// where the first error is.
pub fn try_parse(bytes: &[u8], syntax: RdfSyntax) -> Result<Vec<Q>, String> {
    let triple = |t: oxrdf::Triple| {
        (
            t.subject.to_string(),
            t.predicate.to_string(),
            t.object.to_string(),
            None,
        )
    };
    let fail = |e: &dyn std::fmt::Display| format!("invalid {syntax}: {e}");
    match syntax {
        RdfSyntax::Turtle => TurtleParser::new()
            .for_slice(bytes)
            .map(|t| t.map(triple).map_err(|e| fail(&e)))
            .collect(),
        RdfSyntax::NTriples => NTriplesParser::new()
            .for_slice(bytes)
            .map(|t| t.map(triple).map_err(|e| fail(&e)))
            .collect(),
        RdfSyntax::NQuads => NQuadsParser::new()
            .for_slice(bytes)
            .map(|q| {
                let q = q.map_err(|e| fail(&e))?;
                let g = (!q.graph_name.is_default_graph()).then(|| q.graph_name.to_string());
                Ok((q.subject.to_string(), q.predicate.to_string(), q.object.to_string(), g))
            })
            .collect(),
    }
}

/// Checks the fixed terms and the class comments, and returns the rest of the export.
pub fn without_unrestated(parsed: BTreeSet<Q>, graph: &Graph) -> BTreeSet<Q> {
    let fixed: BTreeSet<String> = FIXED_TERMS.iter().map(|t| vocab(t)).collect();
    let mut classes: BTreeSet<String> = EntityKind::ALL.iter().map(|k| vocab(k.title())).collect();
    for p in graph.predicates() {
        classes.extend(kinds_class(&p.domain));
        classes.extend(kinds_class(&p.range));
    }
    let comment = ns(RDFS, "comment");
    let mut by_fixed: BTreeMap<&String, Vec<&Q>> = BTreeMap::new();
    let mut class_comments: BTreeMap<&String, usize> = BTreeMap::new();
    let mut rest = BTreeSet::new();
    for q in &parsed {
        if fixed.contains(&q.0) {
            by_fixed.entry(&q.0).or_default().push(q);
        } else if classes.contains(&q.0) && q.1 == comment {
            assert!(q.2.ends_with("@en"), "class comment not in English: {q:?}");
            *class_comments.entry(&q.0).or_default() += 1;
        } else {
            rest.insert(q.clone());
        }
    }
    for term in &fixed {
        let triples = by_fixed.get(term).unwrap_or_else(|| panic!("{term} is not described"));
        for p in [ns(RDF, "type"), ns(RDFS, "label"), comment.clone()] {
            assert!(triples.iter().any(|q| q.1 == p), "{term} has no {p}");
        }
    }
    for class in &classes {
        assert_eq!(class_comments.get(class), Some(&1), "{class} needs one comment");
    }
    rest
}

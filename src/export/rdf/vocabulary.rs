//! The export's own vocabulary: a class per entity kind, a property per predicate (with a named
//! inverse), and the few terms that describe statements, evidence and sources.
//!
//! Every term lives in one namespace, `<base>vocab/`. The names cannot collide: predicate ids
//! are lowercase slugs; classes start with a capital; the structural properties below are
//! camelCase (so always hold a capital); inverse properties are `<predicate id>-inverse`, which
//! [`super::RdfExport::new`] checks against the predicate ids.

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::NamedNodeRef;

use super::error::RdfError;
use super::iris::{canonical_kinds, union_name, Local};
use super::namespaces::{owl, prov, skos};
use super::sink::{Iri, Object, Sink};
use super::version::RdfVersion;
use crate::model::kind::EntityKind;
use crate::model::predicate::{Predicate, Temporal};

/// What a structural property links to.
#[derive(Debug, Clone, Copy)]
enum Range {
    Class(&'static str),
    Datatype(NamedNodeRef<'static>),
    /// `rdf:Property`: a property of the vocabulary.
    Property,
}

/// What a structural property describes.
#[derive(Debug, Clone, Copy)]
enum Domain {
    /// `rdf:Statement`: a relation's statement resource.
    Statement,
    /// A class of the vocabulary.
    Class(&'static str),
}

/// A structural property: its local name, label, comment, domain and range.
struct TermDef {
    name: &'static str,
    label: &'static str,
    comment: &'static str,
    domain: Option<Domain>,
    range: Range,
}

/// The local names of the structural terms, under `<base>vocab/`.
pub(crate) mod term {
    pub(crate) const HAS_EVIDENCE: &str = "hasEvidence";
    pub(crate) const EVIDENCE_QUOTE: &str = "evidenceQuote";
    pub(crate) const EVIDENCE_NOTE: &str = "evidenceNote";
    pub(crate) const EDTF_DATE: &str = "edtfDate";
    pub(crate) const START_DATE: &str = "startDate";
    pub(crate) const END_DATE: &str = "endDate";
    pub(crate) const START_OPEN: &str = "startOpen";
    pub(crate) const END_OPEN: &str = "endOpen";
    pub(crate) const START_APPROXIMATE: &str = "startApproximate";
    pub(crate) const START_UNCERTAIN: &str = "startUncertain";
    pub(crate) const END_APPROXIMATE: &str = "endApproximate";
    pub(crate) const END_UNCERTAIN: &str = "endUncertain";
    pub(crate) const EARLIEST_DAY: &str = "earliestDay";
    pub(crate) const LATEST_DAY: &str = "latestDay";
    pub(crate) const EXACT_ONLY: &str = "exactOnly";
    pub(crate) const DATE_SOURCE: &str = "dateSource";
    pub(crate) const DATE_QUOTE: &str = "dateQuote";
    pub(crate) const ISO_3166_ALPHA2: &str = "iso3166Alpha2";
    pub(crate) const ISO_3166_ALPHA3: &str = "iso3166Alpha3";
    pub(crate) const ISO_3166_NUMERIC: &str = "iso3166Numeric";
    /// The class of evidence resources.
    pub(crate) const EVIDENCE: &str = "Evidence";
    /// The class of sources.
    pub(crate) const SOURCE: &str = "Source";
    /// The class of statements claims speak to (`relations.csv`'s `statement` column).
    pub(crate) const CLAIMED_STATEMENT: &str = "ClaimedStatement";
    pub(crate) const HAS_CLAIM: &str = "hasClaim";
    // The terms spelled like ids live with the rule that keeps predicates from taking them.
    pub(crate) use crate::model::minted::{DISPUTED, NEGATES};
}

const EVIDENCE: &str = term::EVIDENCE;
const SOURCE: &str = term::SOURCE;
const EVENT_PROPERTY: &str = "EventProperty";
const STATE_PROPERTY: &str = "StateProperty";

const LITERAL: Range = Range::Datatype(rdfs::LITERAL);
const BOOLEAN: Range = Range::Datatype(xsd::BOOLEAN);
const DATE: Range = Range::Datatype(xsd::DATE);
const STRING: Range = Range::Datatype(xsd::STRING);

const TERMS: [TermDef; 23] = [
    TermDef {
        name: term::EXACT_ONLY,
        label: "exact only",
        comment: "Marks a text quote selector that has the quote (oa:exact) but no oa:prefix or oa:suffix: the export was not given the source's text, or the quote was not found in it, so the context that makes the quote unique is not known.",
        domain: None,
        range: BOOLEAN,
    },
    TermDef {
        name: term::HAS_EVIDENCE,
        label: "has evidence",
        comment: "Links a statement (one relation) to the evidence for it: one resource per claim, i.e. per row of relations.csv.",
        domain: Some(Domain::Statement),
        range: Range::Class(EVIDENCE),
    },
    TermDef {
        name: term::EVIDENCE_QUOTE,
        label: "quote",
        comment: "The shortest verbatim passage of the source that states the fact.",
        domain: Some(Domain::Class(EVIDENCE)),
        range: STRING,
    },
    TermDef {
        name: term::EVIDENCE_NOTE,
        label: "note",
        comment: "The curator's note on a claim: quantities, qualifications.",
        domain: Some(Domain::Class(EVIDENCE)),
        range: STRING,
    },
    TermDef {
        name: term::EDTF_DATE,
        label: "EDTF date",
        comment: "The date exactly as curated, in the Extended Date/Time Format (ISO 8601-2): 1995, 1998-04, 2004-01-19, 1995/2007-01, 2011/.., 2006~.",
        domain: None,
        range: STRING,
    },
    TermDef {
        name: term::START_DATE,
        label: "start date",
        comment: "When the relation began or the event happened, at the precision the source gives: an xsd:gYear, xsd:gYearMonth or xsd:date.",
        domain: Some(Domain::Statement),
        range: LITERAL,
    },
    TermDef {
        name: term::END_DATE,
        label: "end date",
        comment: "When the relation ended (for an event, when it happened), at the precision the source gives: an xsd:gYear, xsd:gYearMonth or xsd:date.",
        domain: Some(Domain::Statement),
        range: LITERAL,
    },
    TermDef {
        name: term::START_OPEN,
        label: "open start",
        comment: "True when the interval is open at its start (EDTF '..'): it held since before any date the sources give.",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::END_OPEN,
        label: "open end",
        comment: "True when the interval is open at its end (EDTF '..'): the relation still holds.",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::START_APPROXIMATE,
        label: "start approximate",
        comment: "True when the start date is approximate (EDTF '~' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::START_UNCERTAIN,
        label: "start uncertain",
        comment: "True when the start date is uncertain (EDTF '?' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::END_APPROXIMATE,
        label: "end approximate",
        comment: "True when the end date is approximate (EDTF '~' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::END_UNCERTAIN,
        label: "end uncertain",
        comment: "True when the end date is uncertain (EDTF '?' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: term::EARLIEST_DAY,
        label: "earliest day",
        comment: "The first day the start date can mean (1998-04 gives 1998-04-01), for range queries across precisions.",
        domain: Some(Domain::Statement),
        range: DATE,
    },
    TermDef {
        name: term::LATEST_DAY,
        label: "latest day",
        comment: "The last day the end date can mean (1998-04 gives 1998-04-30), for range queries across precisions; absent when the end is open or unknown.",
        domain: Some(Domain::Statement),
        range: DATE,
    },
    TermDef {
        name: term::HAS_CLAIM,
        label: "has claim",
        comment: "Links a statement that claims speak to (relations.csv's statement column) to the evidence of each of them, whatever their predicate, date or source; each evidence stays in its own source's named graph.",
        domain: Some(Domain::Class(term::CLAIMED_STATEMENT)),
        range: Range::Class(EVIDENCE),
    },
    TermDef {
        name: term::DISPUTED,
        label: "disputed",
        comment: "True when claims about the statement really disagree: some say it happened and others that it did not, or their dates cannot all be true (dates that differ only in precision agree).",
        domain: Some(Domain::Class(term::CLAIMED_STATEMENT)),
        range: BOOLEAN,
    },
    TermDef {
        name: term::NEGATES,
        label: "negates",
        comment: "Links a negative predicate (not concluded) to the predicate it denies (concluded): a claim with it says the other's relation did not happen or hold.",
        domain: None,
        range: Range::Property,
    },
    TermDef {
        name: term::DATE_SOURCE,
        label: "date source",
        comment: "The source that gives an entity's own date (its edtfDate and dcterms:date): an agreement's adoption or signature, an event's time, an organisation's founding or span.",
        domain: None,
        range: Range::Class(SOURCE),
    },
    TermDef {
        name: term::DATE_QUOTE,
        label: "date quote",
        comment: "The verbatim passage of the date source that gives an entity's own date.",
        domain: None,
        range: STRING,
    },
    TermDef {
        name: term::ISO_3166_ALPHA2,
        label: "ISO 3166 alpha-2 code",
        comment: "A state's two-letter ISO 3166-1 code (ISO 3166-3 for a state that no longer exists), from Debian's iso-codes list.",
        domain: None,
        range: STRING,
    },
    TermDef {
        name: term::ISO_3166_ALPHA3,
        label: "ISO 3166 alpha-3 code",
        comment: "A state's three-letter ISO 3166-1 code (ISO 3166-3 for a state that no longer exists), from Debian's iso-codes list.",
        domain: None,
        range: STRING,
    },
    TermDef {
        name: term::ISO_3166_NUMERIC,
        label: "ISO 3166 numeric code",
        comment: "A state's three-digit ISO 3166-1 numeric code (ISO 3166-3 for a state that no longer exists), from Debian's iso-codes list, as a string (leading zeros kept).",
        domain: None,
        range: STRING,
    },
];

/// What an entity kind is, for the class's `rdfs:comment`.
fn kind_comment(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::State => "A sovereign state (or a former one, such as the Soviet Union).",
        EntityKind::Organization => {
            "An international organisation or any body: council, division, agency, ministry, mission, unit, company, NGO."
        }
        EntityKind::Programme => "A programme, process, project or initiative.",
        EntityKind::Person => "A person.",
        EntityKind::Office => "An office or post, such as President of Belarus.",
        EntityKind::Agreement => {
            "A treaty, convention, resolution, law, constitution or partnership document."
        }
        EntityKind::Event => {
            "Something that happened: an election, protest, summit, incident, disaster, invasion."
        }
        EntityKind::Place => "A city, region or other place.",
    }
}

/// The vocabulary block: the ontology, its classes and its properties.
///
/// In RDF 1.2 a statement is a reifier, not an `rdf:Statement`, so the properties of statements
/// (dates, evidence) have no `rdfs:domain` there: RDF 1.2 gives reifiers no class.
pub(crate) fn vocabulary<S: Sink>(b: &mut S, predicates: &[Predicate], version: RdfVersion) -> Result<(), RdfError> {
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let label = b.iri(Iri::Fixed(rdfs::LABEL))?;
    let comment = b.iri(Iri::Fixed(rdfs::COMMENT))?;
    let sub_class_of = b.iri(Iri::Fixed(rdfs::SUB_CLASS_OF))?;
    let fixed = |b: &mut S, iri: NamedNodeRef<'static>| b.iri(Iri::Fixed(iri));
    let ontology = b.iri(Iri::vocab(""))?;
    let o = fixed(b, owl::ONTOLOGY)?;
    b.add(&ontology, &a, Object::Node(&o));
    b.add(&ontology, &label, Object::English("diplograph vocabulary"));
    b.add(
        &ontology,
        &comment,
        Object::English("Classes and properties of the diplograph knowledge graph of Belarus's foreign relations: a class per entity kind, a property per predicate (with a named inverse), and the terms that date statements and tie them to their evidence and sources."),
    );

    let owl_class = fixed(b, owl::CLASS)?;
    let class = |b: &mut S, iri: &S::Node, l: &str, c: &str| {
        b.add(iri, &a, Object::Node(&owl_class));
        b.add(iri, &label, Object::English(l));
        b.add(iri, &comment, Object::English(c));
    };
    for kind in EntityKind::ALL {
        let iri = b.iri(Iri::vocab(kind.title()))?;
        class(b, &iri, kind.title(), kind_comment(kind));
    }
    let prov_entity = fixed(b, prov::ENTITY)?;
    let evidence = b.iri(Iri::vocab(EVIDENCE))?;
    class(
        b,
        &evidence,
        "Evidence",
        "One claim: a source's support for a statement, with the verbatim quote that states it.",
    );
    b.add(&evidence, &sub_class_of, Object::Node(&prov_entity));
    let source = b.iri(Iri::vocab(SOURCE))?;
    class(
        b,
        &source,
        "Source",
        "A cited document: a web page, statement or article.",
    );
    b.add(&source, &sub_class_of, Object::Node(&prov_entity));
    let claimed = b.iri(Iri::vocab(term::CLAIMED_STATEMENT))?;
    class(
        b,
        &claimed,
        "Statement claimed",
        "What claims speak to (relations.csv's statement column): one fact, stated, denied or dated by several claims, each keeping its own evidence and named graph. Not an rdf:Statement (which is one relation with one date).",
    );
    let object_property = fixed(b, owl::OBJECT_PROPERTY)?;
    for (name, l, c) in [
        (
            EVENT_PROPERTY,
            "event property",
            "A predicate that happens at a time (signed, condemned): a single date is when it happened, and the statement's start and end are that date.",
        ),
        (
            STATE_PROPERTY,
            "state property",
            "A predicate that holds over an interval (member of, holds office): a single date is when it began, its end unknown.",
        ),
    ] {
        let iri = b.iri(Iri::vocab(name))?;
        class(b, &iri, l, c);
        b.add(&iri, &sub_class_of, Object::Node(&object_property));
    }

    // Named union classes for multi-kind domains and ranges (no blank nodes, so no owl:unionOf):
    // each member kind is a subclass, which is all an RDFS reasoner needs.
    let mut unions: Vec<Vec<EntityKind>> = predicates
        .iter()
        .flat_map(|p| [canonical_kinds(&p.domain), canonical_kinds(&p.range)])
        .filter(|k| k.len() > 1)
        .collect();
    unions.sort();
    unions.dedup();
    for kinds in &unions {
        let iri = b.iri(Iri::vocab(&union_name(kinds)))?;
        let titles: Vec<&str> = kinds.iter().map(|k| k.title()).collect();
        let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
        class(
            b,
            &iri,
            &titles.join(" or "),
            &format!(
                "An entity of any of these kinds: {}. The domain or range of a predicate that allows several kinds; each kind is a subclass.",
                names.join(", ")
            ),
        );
        for k in kinds {
            let member = b.iri(Iri::vocab(k.title()))?;
            b.add(&member, &sub_class_of, Object::Node(&iri));
        }
    }

    let datatype_property = fixed(b, owl::DATATYPE_PROPERTY)?;
    let domain = b.iri(Iri::Fixed(rdfs::DOMAIN))?;
    let range = b.iri(Iri::Fixed(rdfs::RANGE))?;
    for t in &TERMS {
        let iri = b.iri(Iri::vocab(t.name))?;
        let kind = match t.range {
            Range::Class(_) | Range::Property => &object_property,
            Range::Datatype(_) => &datatype_property,
        };
        b.add(&iri, &a, Object::Node(kind));
        b.add(&iri, &label, Object::English(t.label));
        b.add(&iri, &comment, Object::English(t.comment));
        let d = match t.domain {
            Some(Domain::Class(c)) => Some(b.iri(Iri::vocab(c))?),
            Some(Domain::Statement) => match version {
                RdfVersion::Rdf11 => Some(fixed(b, rdf::STATEMENT)?),
                RdfVersion::Rdf12 => None,
            },
            None => None,
        };
        if let Some(d) = d {
            b.add(&iri, &domain, Object::Node(&d));
        }
        let r = match t.range {
            Range::Class(c) => b.iri(Iri::vocab(c))?,
            Range::Datatype(d) => fixed(b, d)?,
            Range::Property => fixed(b, rdf::PROPERTY)?,
        };
        b.add(&iri, &range, Object::Node(&r));
    }

    for p in predicates {
        predicate(b, p)?;
    }
    Ok(())
}

/// The class for a domain or range: the kind's class for one kind, the named union class
/// (`vocab/StateOrOrganization`) for several, `None` for none.
fn kinds_class<S: Sink>(b: &mut S, kinds: &[EntityKind]) -> Result<Option<S::Node>, RdfError> {
    match kinds {
        [] => Ok(None),
        [one] => b.iri(Iri::vocab(one.title())).map(Some),
        many => b.iri(Iri::vocab(&union_name(many))).map(Some),
    }
}

/// A predicate's property and, unless it is symmetric, its named inverse.
fn predicate<S: Sink>(b: &mut S, p: &Predicate) -> Result<(), RdfError> {
    let a = b.iri(Iri::Fixed(rdf::TYPE))?;
    let label = b.iri(Iri::Fixed(rdfs::LABEL))?;
    let comment = b.iri(Iri::Fixed(rdfs::COMMENT))?;
    let domain_p = b.iri(Iri::Fixed(rdfs::DOMAIN))?;
    let range_p = b.iri(Iri::Fixed(rdfs::RANGE))?;
    let object_property = b.iri(Iri::Fixed(owl::OBJECT_PROPERTY))?;
    let inverse_of = b.iri(Iri::Fixed(owl::INVERSE_OF))?;
    let iri = b.iri(Iri::vocab(p.id.as_str()))?;
    let temporal = b.iri(Iri::vocab(match p.temporal {
        Temporal::Event => EVENT_PROPERTY,
        Temporal::State => STATE_PROPERTY,
    }))?;
    let domain = kinds_class(b, &p.domain)?;
    let range = kinds_class(b, &p.range)?;
    b.add(&iri, &a, Object::Node(&object_property));
    b.add(&iri, &a, Object::Node(&temporal));
    b.add(&iri, &label, Object::English(&p.label));
    b.add(&iri, &comment, Object::English(&p.description));
    if let Some(denied) = &p.negates {
        let negates = b.iri(Iri::vocab(term::NEGATES))?;
        let other = b.iri(Iri::vocab(denied.as_str()))?;
        b.add(&iri, &negates, Object::Node(&other));
    }
    if let Some(d) = &domain {
        b.add(&iri, &domain_p, Object::Node(d));
    }
    if let Some(r) = &range {
        b.add(&iri, &range_p, Object::Node(r));
    }
    if !p.same_as.is_empty() {
        let exact_match = b.iri(Iri::Fixed(skos::EXACT_MATCH))?;
        for same in &p.same_as {
            let other = b.iri(Iri::Data(same))?;
            b.add(&iri, &exact_match, Object::Node(&other));
        }
    }
    if p.symmetric {
        let symmetric = b.iri(Iri::Fixed(owl::SYMMETRIC_PROPERTY))?;
        b.add(&iri, &a, Object::Node(&symmetric));
        return Ok(());
    }
    let inverse = b.iri(Iri::Minted(super::iris::VOCAB, Local::Inverse(p.id.as_str())))?;
    b.add(&iri, &inverse_of, Object::Node(&inverse));
    b.add(&inverse, &a, Object::Node(&object_property));
    b.add(&inverse, &a, Object::Node(&temporal));
    b.add(&inverse, &label, Object::English(&p.inverse_label));
    b.add(
        &inverse,
        &comment,
        Object::English(&format!(
            "The inverse of '{}', read from object to subject. {}",
            p.label, p.description
        )),
    );
    b.add(&inverse, &inverse_of, Object::Node(&iri));
    if let Some(r) = &range {
        b.add(&inverse, &domain_p, Object::Node(r));
    }
    if let Some(d) = &domain {
        b.add(&inverse, &range_p, Object::Node(d));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::minted::ID_LIKE_TERMS;

    /// A predicate's property shares `vocab/` with these terms: every one that could be an id is
    /// in the list the loader keeps predicates from taking (`model::minted`).
    #[test]
    fn terms_spelled_like_ids_are_reserved() {
        let mut names: Vec<&str> = TERMS.iter().map(|t| t.name).collect();
        names.extend([
            EVIDENCE,
            SOURCE,
            term::CLAIMED_STATEMENT,
            term::HAS_CLAIM,
            term::DISPUTED,
            term::NEGATES,
        ]);
        names.extend([EVENT_PROPERTY, STATE_PROPERTY]);
        names.extend(EntityKind::ALL.iter().map(|k| k.title()));
        let id_like: Vec<&str> = names.into_iter().filter(|n| Id::new(n).is_ok()).collect();
        let mut expected = ID_LIKE_TERMS.to_vec();
        expected.sort_unstable();
        let mut found = id_like.clone();
        found.sort_unstable();
        found.dedup();
        assert_eq!(found, expected, "id-like terms of the vocabulary");
    }
}

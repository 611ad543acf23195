//! The export's own vocabulary: a class per entity kind, a property per predicate (with a named
//! inverse), and the few terms that describe statements, evidence and sources.
//!
//! Every term lives in one namespace, `<base>vocab/`. The names cannot collide: predicate ids
//! are lowercase slugs; classes start with a capital; the structural properties below are
//! camelCase (so always hold a capital); inverse properties are `<predicate id>-inverse`, which
//! [`super::RdfExport::new`] checks against the predicate ids.

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{NamedNode, NamedNodeRef};

use super::block::{english, Block};
use super::error::RdfError;
use super::iris::{canonical_kinds, union_name, Iris};
use super::namespaces::{owl, prov, skos};
use crate::{EntityKind, Predicate, Temporal};

/// What a structural property links to.
#[derive(Debug, Clone, Copy)]
enum Range {
    Class(&'static str),
    Datatype(NamedNodeRef<'static>),
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

/// The structural properties, minted once per export.
#[derive(Debug, Clone)]
pub(crate) struct Terms {
    pub(crate) has_evidence: NamedNode,
    pub(crate) evidence_quote: NamedNode,
    pub(crate) evidence_note: NamedNode,
    pub(crate) edtf_date: NamedNode,
    pub(crate) start_date: NamedNode,
    pub(crate) end_date: NamedNode,
    pub(crate) start_open: NamedNode,
    pub(crate) end_open: NamedNode,
    pub(crate) start_approximate: NamedNode,
    pub(crate) start_uncertain: NamedNode,
    pub(crate) end_approximate: NamedNode,
    pub(crate) end_uncertain: NamedNode,
    pub(crate) earliest_day: NamedNode,
    pub(crate) latest_day: NamedNode,
    pub(crate) evidence_class: NamedNode,
    pub(crate) source_class: NamedNode,
}

const EVIDENCE: &str = "Evidence";
const SOURCE: &str = "Source";
const EVENT_PROPERTY: &str = "EventProperty";
const STATE_PROPERTY: &str = "StateProperty";

const LITERAL: Range = Range::Datatype(rdfs::LITERAL);
const BOOLEAN: Range = Range::Datatype(xsd::BOOLEAN);
const DATE: Range = Range::Datatype(xsd::DATE);
const STRING: Range = Range::Datatype(xsd::STRING);

const TERMS: [TermDef; 14] = [
    TermDef {
        name: "hasEvidence",
        label: "has evidence",
        comment: "Links a statement (one relation) to the evidence for it: one resource per claim, i.e. per row of relations.csv.",
        domain: Some(Domain::Statement),
        range: Range::Class(EVIDENCE),
    },
    TermDef {
        name: "evidenceQuote",
        label: "quote",
        comment: "The shortest verbatim passage of the source that states the fact.",
        domain: Some(Domain::Class(EVIDENCE)),
        range: STRING,
    },
    TermDef {
        name: "evidenceNote",
        label: "note",
        comment: "The curator's note on a claim: quantities, qualifications.",
        domain: Some(Domain::Class(EVIDENCE)),
        range: STRING,
    },
    TermDef {
        name: "edtfDate",
        label: "EDTF date",
        comment: "The date exactly as curated, in the Extended Date/Time Format (ISO 8601-2): 1995, 1998-04, 2004-01-19, 1995/2007-01, 2011/.., 2006~.",
        domain: None,
        range: STRING,
    },
    TermDef {
        name: "startDate",
        label: "start date",
        comment: "When the relation began or the event happened, at the precision the source gives: an xsd:gYear, xsd:gYearMonth or xsd:date.",
        domain: Some(Domain::Statement),
        range: LITERAL,
    },
    TermDef {
        name: "endDate",
        label: "end date",
        comment: "When the relation ended (for an event, when it happened), at the precision the source gives: an xsd:gYear, xsd:gYearMonth or xsd:date.",
        domain: Some(Domain::Statement),
        range: LITERAL,
    },
    TermDef {
        name: "startOpen",
        label: "open start",
        comment: "True when the interval is open at its start (EDTF '..'): it held since before any date the sources give.",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "endOpen",
        label: "open end",
        comment: "True when the interval is open at its end (EDTF '..'): the relation still holds.",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "startApproximate",
        label: "start approximate",
        comment: "True when the start date is approximate (EDTF '~' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "startUncertain",
        label: "start uncertain",
        comment: "True when the start date is uncertain (EDTF '?' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "endApproximate",
        label: "end approximate",
        comment: "True when the end date is approximate (EDTF '~' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "endUncertain",
        label: "end uncertain",
        comment: "True when the end date is uncertain (EDTF '?' or '%').",
        domain: Some(Domain::Statement),
        range: BOOLEAN,
    },
    TermDef {
        name: "earliestDay",
        label: "earliest day",
        comment: "The first day the start date can mean (1998-04 gives 1998-04-01), for range queries across precisions.",
        domain: Some(Domain::Statement),
        range: DATE,
    },
    TermDef {
        name: "latestDay",
        label: "latest day",
        comment: "The last day the end date can mean (1998-04 gives 1998-04-30), for range queries across precisions; absent when the end is open or unknown.",
        domain: Some(Domain::Statement),
        range: DATE,
    },
];

impl Terms {
    pub(crate) fn new(iris: &Iris) -> Result<Terms, RdfError> {
        let v = |name: &str| iris.vocab(name);
        Ok(Terms {
            has_evidence: v(TERMS[0].name)?,
            evidence_quote: v(TERMS[1].name)?,
            evidence_note: v(TERMS[2].name)?,
            edtf_date: v(TERMS[3].name)?,
            start_date: v(TERMS[4].name)?,
            end_date: v(TERMS[5].name)?,
            start_open: v(TERMS[6].name)?,
            end_open: v(TERMS[7].name)?,
            start_approximate: v(TERMS[8].name)?,
            start_uncertain: v(TERMS[9].name)?,
            end_approximate: v(TERMS[10].name)?,
            end_uncertain: v(TERMS[11].name)?,
            earliest_day: v(TERMS[12].name)?,
            latest_day: v(TERMS[13].name)?,
            evidence_class: v(EVIDENCE)?,
            source_class: v(SOURCE)?,
        })
    }
}

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
pub(crate) fn vocabulary(iris: &Iris, predicates: &[Predicate]) -> Result<Block, RdfError> {
    let mut b = Block::default();
    let ontology = iris.vocab("")?;
    b.add(&ontology, rdf::TYPE, owl::ONTOLOGY);
    b.add(&ontology, rdfs::LABEL, english("diplograph vocabulary"));
    b.add(
        &ontology,
        rdfs::COMMENT,
        english("Classes and properties of the diplograph knowledge graph of Belarus's foreign relations: a class per entity kind, a property per predicate (with a named inverse), and the terms that date statements and tie them to their evidence and sources."),
    );

    let class = |b: &mut Block, iri: &NamedNode, label: &str, comment: &str| {
        b.add(iri, rdf::TYPE, owl::CLASS);
        b.add(iri, rdfs::LABEL, english(label));
        b.add(iri, rdfs::COMMENT, english(comment));
    };
    for kind in EntityKind::ALL {
        class(&mut b, &iris.class(kind)?, kind.title(), kind_comment(kind));
    }
    let evidence = iris.vocab(EVIDENCE)?;
    class(
        &mut b,
        &evidence,
        "Evidence",
        "One claim: a source's support for a statement, with the verbatim quote that states it.",
    );
    b.add(&evidence, rdfs::SUB_CLASS_OF, prov::ENTITY);
    let source = iris.vocab(SOURCE)?;
    class(
        &mut b,
        &source,
        "Source",
        "A cited document: a web page, statement or article.",
    );
    b.add(&source, rdfs::SUB_CLASS_OF, prov::ENTITY);
    for (name, label, comment) in [
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
        let iri = iris.vocab(name)?;
        class(&mut b, &iri, label, comment);
        b.add(&iri, rdfs::SUB_CLASS_OF, owl::OBJECT_PROPERTY);
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
        let iri = iris.vocab(&union_name(kinds))?;
        let titles: Vec<&str> = kinds.iter().map(|k| k.title()).collect();
        let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
        class(
            &mut b,
            &iri,
            &titles.join(" or "),
            &format!(
                "An entity of any of these kinds: {}. The domain or range of a predicate that allows several kinds; each kind is a subclass.",
                names.join(", ")
            ),
        );
        for k in kinds {
            b.add(&iris.class(*k)?, rdfs::SUB_CLASS_OF, iri.clone());
        }
    }

    for t in &TERMS {
        let iri = iris.vocab(t.name)?;
        let kind = match t.range {
            Range::Class(_) => owl::OBJECT_PROPERTY,
            Range::Datatype(_) => owl::DATATYPE_PROPERTY,
        };
        b.add(&iri, rdf::TYPE, kind);
        b.add(&iri, rdfs::LABEL, english(t.label));
        b.add(&iri, rdfs::COMMENT, english(t.comment));
        match t.domain {
            Some(Domain::Class(c)) => b.add(&iri, rdfs::DOMAIN, iris.vocab(c)?),
            Some(Domain::Statement) => b.add(&iri, rdfs::DOMAIN, rdf::STATEMENT),
            None => {}
        }
        match t.range {
            Range::Class(c) => b.add(&iri, rdfs::RANGE, iris.vocab(c)?),
            Range::Datatype(d) => b.add(&iri, rdfs::RANGE, d),
        }
    }

    for p in predicates {
        predicate(&mut b, iris, p)?;
    }
    Ok(b)
}

/// A predicate's property and, unless it is symmetric, its named inverse.
fn predicate(b: &mut Block, iris: &Iris, p: &Predicate) -> Result<(), RdfError> {
    let iri = iris.predicate(&p.id)?;
    let temporal = iris.vocab(match p.temporal {
        Temporal::Event => EVENT_PROPERTY,
        Temporal::State => STATE_PROPERTY,
    })?;
    let domain = iris.kinds_class(&p.domain)?;
    let range = iris.kinds_class(&p.range)?;
    b.add(&iri, rdf::TYPE, owl::OBJECT_PROPERTY);
    b.add(&iri, rdf::TYPE, temporal.clone());
    b.add(&iri, rdfs::LABEL, english(&p.label));
    b.add(&iri, rdfs::COMMENT, english(&p.description));
    if let Some(d) = &domain {
        b.add(&iri, rdfs::DOMAIN, d.clone());
    }
    if let Some(r) = &range {
        b.add(&iri, rdfs::RANGE, r.clone());
    }
    for same in &p.same_as {
        let other = NamedNode::new(same.as_str()).map_err(|e| RdfError::BadIri {
            iri: same.clone(),
            reason: e.to_string(),
        })?;
        b.add(&iri, skos::EXACT_MATCH, other);
    }
    if p.symmetric {
        b.add(&iri, rdf::TYPE, owl::SYMMETRIC_PROPERTY);
        return Ok(());
    }
    let inverse = iris.inverse(&p.id)?;
    b.add(&iri, owl::INVERSE_OF, inverse.clone());
    b.add(&inverse, rdf::TYPE, owl::OBJECT_PROPERTY);
    b.add(&inverse, rdf::TYPE, temporal);
    b.add(&inverse, rdfs::LABEL, english(&p.inverse_label));
    b.add(
        &inverse,
        rdfs::COMMENT,
        english(&format!(
            "The inverse of '{}', read from object to subject. {}",
            p.label, p.description
        )),
    );
    b.add(&inverse, owl::INVERSE_OF, iri);
    if let Some(r) = range {
        b.add(&inverse, rdfs::DOMAIN, r);
    }
    if let Some(d) = domain {
        b.add(&inverse, rdfs::RANGE, d);
    }
    Ok(())
}

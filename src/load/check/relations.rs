//! Checking `relations.csv`: each claim on its own (on several threads for a large file), then
//! against the claims before it (duplicates, symmetric claims stated both ways), in file order.

use rustc_hash::FxHashMap;

use super::checker::{article, first_seen, non_empty, Checker};
use super::defined::Defined;
use crate::load::limits::Limits;
use crate::load::reader::chunks::Threads;
use crate::load::reader::read::read_records;
use crate::load::reader::text::Text;
use crate::load::valid::Claim;
use crate::model::entity::Entity;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::Predicate;
use crate::model::problem::Problem;
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::relation::{Evidence, RelationId};
use crate::model::source::Source;
use crate::text::suggest::did_you_mean;

/// A claim's cells, in the order of [`CLAIM_COLUMNS`].
struct RawClaim<'a> {
    subject: &'a str,
    predicate: &'a str,
    object: &'a str,
    date: &'a str,
    source: &'a str,
    quote: &'a str,
    note: &'a str,
    statement: &'a str,
    fragment: &'a str,
    selector: &'a str,
}

/// The columns a claim may leave out of the header: `statement` (see the header reader), and
/// where its quote stands in its source's text, `fragment` and `selector` (written by
/// `diplograph fmt --sources DIR`).
const OPTIONAL_CLAIM_COLUMNS: [&str; 2] = ["fragment", "selector"];

pub(crate) const CLAIM_COLUMNS: [&str; 10] = [
    "subject",
    "predicate",
    "object",
    "date",
    "source",
    "quote",
    "note",
    "statement",
    "fragment",
    "selector",
];

/// A row of `relations.csv` that passed the checks of the row alone, with what the checks
/// against the rows before it need.
struct Checked {
    line: u64,
    fingerprint: u128,
    /// Subject, predicate and object, if the predicate is symmetric.
    direction: Option<(Id, Id, Id)>,
    /// The claim, if every id in it resolved.
    claim: Option<Claim>,
}

/// Checks every row of `relations.csv` against the rows before it and against the files it
/// refers to, reading it with `threads`, and returns the claims that passed.
pub(crate) fn check(
    file: Text<'_>,
    limits: &Limits,
    threads: &Threads,
    problems: &mut Vec<Problem>,
    defined_sources: &Defined<Source>,
    defined_predicates: &Defined<Predicate>,
    defined_entities: &Defined<Entity>,
) -> Vec<Claim> {
    let (sources, predicates, entities) = (
        &defined_sources.values,
        &defined_predicates.values,
        &defined_entities.values,
    );
    let name = file.name();
    let entity_kind: FxHashMap<&str, EntityKind> = entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    let predicate_by_id: FxHashMap<&str, &Predicate> = predicates.iter().map(|p| (p.id.as_str(), p)).collect();
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    // The ids as loaded: a claim shares them (an `Id` clone is a reference count) instead of
    // allocating its own, which matters with millions of claims.
    // With each id, its rank (its place among the ids in order, which is its node's index in the
    // graph): found here, on the reading threads, the merge needs no lookup of its own.
    let entity_rank = ranks(entities.iter().map(|e| &e.id));
    let entity_id: FxHashMap<&str, (&Id, u32)> = entities
        .iter()
        .zip(entity_rank)
        .map(|(e, rank)| (e.id.as_str(), (&e.id, rank)))
        .collect();
    let predicate_rank: FxHashMap<&str, u32> = predicates
        .iter()
        .zip(ranks(predicates.iter().map(|p| &p.id)))
        .map(|(p, rank)| (p.id.as_str(), rank))
        .collect();
    let source_id: FxHashMap<&str, &Id> = sources.iter().map(|s| (s.id.as_str(), &s.id)).collect();
    // One claim per line at most: reserving it up front spares copying a growing vector.
    let mut claims = Vec::with_capacity(file.records_hint());
    // Sized for every line up front: growing a map of millions of fingerprints rehashes them
    // all at every doubling.
    let mut exact: FxHashMap<u128, u64> = FxHashMap::with_capacity_and_hasher(claims.capacity(), Default::default());
    let mut directions: FxHashMap<(Id, Id, Id), u64> = FxHashMap::default();
    // Claims are checked as they are read, never held as rows: with millions of claims, the rows
    // and the graph would not fit in memory together. Each row is checked on its own (on several
    // threads for a large file); what depends on the rows before it — duplicates, and symmetric
    // claims stated both ways — is checked after, in file order.
    read_records(
        file,
        &CLAIM_COLUMNS,
        &OPTIONAL_CLAIM_COLUMNS,
        limits,
        threads,
        problems,
        |line, fields, problems| {
            let &[subject, predicate, object, date, source, quote, note, statement, fragment, selector] = fields;
            let r = RawClaim {
                subject,
                predicate,
                object,
                date,
                source,
                quote,
                note,
                statement,
                fragment,
                selector,
            };
            let mut c = Checker {
                file: name,
                line,
                problems,
                ok: true,
            };
            let mut ranks = [u32::MAX; 3];
            let subject = match entity_id.get(r.subject) {
                Some(&(id, rank)) => {
                    ranks[0] = rank;
                    Some(id.clone())
                }
                None => c.id("subject", r.subject),
            };
            let predicate = match predicate_by_id.get(r.predicate) {
                Some(p) => {
                    ranks[1] = predicate_rank.get(r.predicate).copied().unwrap_or(u32::MAX);
                    Some(p.id.clone())
                }
                None => c.id("predicate", r.predicate),
            };
            let object = match entity_id.get(r.object) {
                Some(&(id, rank)) => {
                    ranks[2] = rank;
                    Some(id.clone())
                }
                None => c.id("object", r.object),
            };
            let source = match source_id.get(r.source) {
                Some(id) => Some((*id).clone()),
                None => c.id("source", r.source),
            };
            c.required("quote", r.quote);
            let statement = match r.statement.trim() {
                "" => None,
                key => c.id("statement", key),
            };
            let date = c.date("date", r.date);
            let anchor = match QuoteAnchor::from_cells(r.fragment, r.selector) {
                Ok(anchor) => anchor.map(Box::new),
                Err(e) => {
                    c.fail(
                        e.to_string(),
                        Some("run diplograph fmt --sources DIR to write it again from the source texts, or empty the cell".to_owned()),
                    );
                    None
                }
            };
            for (column, id) in [("subject", &subject), ("object", &object)] {
                if let Some(id) = id {
                    if !entity_kind.contains_key(id.as_str()) && !defined_entities.knows(id) {
                        let hint = did_you_mean(id.as_str(), entities.iter().map(|e| e.id.as_str()));
                        c.fail(
                            format!("unknown {column} '{id}': no such entity in entities.csv"),
                            hint.or_else(|| Some("add the entity to entities.csv first".to_owned())),
                        );
                    }
                }
            }
            let pred = predicate
                .as_ref()
                .and_then(|p| predicate_by_id.get(p.as_str()).copied());
            if let (Some(p), None) = (&predicate, pred) {
                // A predicate defined in a row with errors of its own is not reported again here.
                if !defined_predicates.knows(p) {
                    let hint = did_you_mean(p.as_str(), predicates.iter().map(|p| p.id.as_str()));
                    c.fail(
                        format!("unknown predicate '{p}': not in predicates.csv"),
                        hint.or_else(|| {
                            Some(format!(
                                "the predicates are: {}",
                                predicates.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
                            ))
                        }),
                    );
                }
            }
            if let Some(s) = &source {
                if !source_id.contains_key(s.as_str()) && !defined_sources.knows(s) {
                    let hint = did_you_mean(s.as_str(), source_ids.iter().copied());
                    c.fail(
                        format!("unknown source '{s}': not in sources.csv"),
                        hint.or_else(|| Some("add the source to sources.csv first".to_owned())),
                    );
                }
            }
            if let Some(p) = pred {
                for (column, id, allowed, side) in [
                    ("subject", &subject, &p.domain, "domain"),
                    ("object", &object, &p.range, "range"),
                ] {
                    if let Some(kind) = id.as_ref().and_then(|id| entity_kind.get(id.as_str())) {
                        if !allowed.contains(kind) {
                            let allowed_names = allowed.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ");
                            c.fail(
                            format!(
                                "'{}' does not allow {} {kind} as {column}; '{}' is {} {kind}",
                                p.id,
                                article(*kind),
                                id.as_ref().map_or("", |i| i.as_str()),
                                article(*kind)
                            ),
                            Some(format!("the {side} of '{}' is: {allowed_names}; use another predicate or fix the entity's kind", p.id)),
                        );
                        }
                    }
                }
            }
            if let (Some(s), Some(o)) = (&subject, &object) {
                if s == o {
                    c.fail(
                        format!("the relation links '{s}' to itself"),
                        Some("subject and object must be different entities".to_owned()),
                    );
                }
            }
            if !c.ok {
                return None;
            }
            let fingerprint = fingerprint([r.subject, r.predicate, r.object, r.date, r.source, r.quote]);
            let direction = match (pred, &subject, &object) {
                (Some(p), Some(s), Some(o)) if p.symmetric => Some((s.clone(), p.id.clone(), o.clone())),
                _ => None,
            };
            // Every id must resolve (not merely be "known" from a row with errors) before the claim
            // is kept; with such a row there is an error anyway and no graph is built.
            let resolved = pred.is_some()
                && [&subject, &object]
                    .iter()
                    .all(|id| id.as_ref().is_some_and(|id| entity_kind.contains_key(id.as_str())))
                && source.as_ref().is_some_and(|s| source_id.contains_key(s.as_str()));
            let claim = match (resolved, subject, predicate, object, source) {
                (true, Some(subject), Some(predicate), Some(object), Some(source)) => Some(Claim {
                    ranks,
                    subject,
                    predicate,
                    object,
                    date,
                    evidence: Evidence {
                        source,
                        quote: r.quote.to_owned(),
                        note: non_empty(r.note),
                        statement,
                        line,
                        anchor,
                    },
                }),
                _ => None,
            };
            Some(Checked {
                line,
                fingerprint,
                direction,
                claim,
            })
        },
        |checked, problems| {
            let Checked {
                line,
                fingerprint,
                direction,
                claim,
            } = checked;
            let fail = |problems: &mut Vec<Problem>, message: String, hint: &str| {
                problems.push(Problem::error(name, Some(line), message).with_hint(hint));
            };
            if let Some(first) = first_seen(&mut exact, fingerprint, line) {
                fail(
                    problems,
                    format!("duplicate claim: the same as line {first}"),
                    "delete one of the two rows",
                );
                return;
            }
            if let Some((s, p, o)) = direction {
                if let Some(first) = directions.get(&(o.clone(), p.clone(), s.clone())) {
                    fail(
                        problems,
                        format!(
                            "'{p}' is symmetric, and line {first} already states it the other way round ({o} {p} {s})"
                        ),
                        "a symmetric relation is entered once; write both claims in the same direction",
                    );
                    return;
                }
                directions.entry((s, p, o)).or_insert(line);
            }
            claims.extend(claim);
        },
    );
    check_statements(name, &claims, predicates, problems);
    check_relation_ids(name, &claims, &predicate_by_id, problems, RelationId::of);
    claims
}

/// Two relations never share an id: relation ids are 64-bit hashes of subject, predicate,
/// object and date ([`RelationId::of`]), which `show`, the RDF IRIs and the CSV exports use as
/// the relation's name, so a collision — astronomically unlikely by chance, but a hash can be
/// aimed at — is refused here, at the later claim's line, rather than by an exporter.
fn check_relation_ids(
    file: &str,
    claims: &[Claim],
    predicate_by_id: &FxHashMap<&str, &Predicate>,
    problems: &mut Vec<Problem>,
    id_of: impl Fn(&Id, &Id, &Id, Option<&str>, bool) -> RelationId,
) {
    use std::fmt::Write;
    let mut first: FxHashMap<RelationId, usize> = FxHashMap::with_capacity_and_hasher(claims.len(), Default::default());
    let (mut date, mut other_date) = (String::new(), String::new());
    let write_date = |text: &mut String, claim: &Claim| {
        text.clear();
        if let Some(d) = &claim.date {
            let _ = write!(text, "{d}");
        }
    };
    for (i, claim) in claims.iter().enumerate() {
        write_date(&mut date, claim);
        let symmetric = predicate_by_id
            .get(claim.predicate.as_str())
            .is_some_and(|p| p.symmetric);
        let id = id_of(
            &claim.subject,
            &claim.predicate,
            &claim.object,
            (!date.is_empty()).then_some(date.as_str()),
            symmetric,
        );
        let Some(&j) = first.get(&id) else {
            first.insert(id, i);
            continue;
        };
        let other = &claims[j];
        write_date(&mut other_date, other);
        let same = (&other.subject, &other.predicate, &other.object, &other_date)
            == (&claim.subject, &claim.predicate, &claim.object, &date);
        if !same {
            let dated = |d: &str| if d.is_empty() { String::new() } else { format!(" {d}") };
            problems.push(
                Problem::error(
                    file,
                    Some(claim.evidence.line),
                    format!(
                        "the relation '{} {} {}{}' would have the id {id} of the relation '{} {} {}{}' (line {})",
                        claim.subject,
                        claim.predicate,
                        claim.object,
                        dated(&date),
                        other.subject,
                        other.predicate,
                        other.object,
                        dated(&other_date),
                        other.evidence.line
                    ),
                )
                .with_hint(
                    "relation ids are hashes of subject, predicate, object and date, and these two \
                     collide; write one of the dates in another form (e.g. 1995-01 for 1995-01-01) \
                     or report the pair",
                ),
            );
        }
    }
}

/// The rank of each of `ids`: its place among them in order (ids are unique once checked).
fn ranks<'a>(ids: impl Iterator<Item = &'a Id>) -> Vec<u32> {
    let ids: Vec<&Id> = ids.collect();
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by(|&a, &b| ids[a as usize].cmp(ids[b as usize]));
    let mut ranks = vec![0; ids.len()];
    for (rank, i) in order.into_iter().enumerate() {
        ranks[i as usize] = rank as u32;
    }
    ranks
}

/// A 128-bit fingerprint of a claim's cells, to find exact duplicate rows without keeping a copy
/// of every row: XXH3-128 of the cells joined by `0xFF` (a byte UTF-8 text never holds), so two
/// different rows share a fingerprint with a probability of about 2^-128 per pair.
fn fingerprint(cells: [&str; 6]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    for cell in cells {
        hasher.update(cell.as_bytes());
        hasher.update(&[0xff]);
    }
    hasher.digest128()
}

/// The claims of one statement speak of one relation: their predicates are one predicate, or
/// it and the predicate that negates it.
fn check_statements(file: &str, claims: &[Claim], predicates: &[Predicate], problems: &mut Vec<Problem>) {
    let positive = |p: &Id| -> Id {
        predicates
            .iter()
            .find(|x| &x.id == p)
            .and_then(|x| x.negates.clone())
            .unwrap_or_else(|| p.clone())
    };
    let mut first: FxHashMap<&Id, (Id, &Id, u64)> = FxHashMap::default();
    for claim in claims {
        let Some(key) = &claim.evidence.statement else {
            continue;
        };
        let relation = positive(&claim.predicate);
        match first.get(key) {
            None => {
                first.insert(key, (relation, &claim.predicate, claim.evidence.line));
            }
            Some((other, other_predicate, line)) if *other != relation => problems.push(
                Problem::error(
                    file,
                    Some(claim.evidence.line),
                    format!(
                        "statement '{key}' is '{other_predicate}' at line {line}, but '{}' here",
                        claim.predicate
                    ),
                )
                .with_hint(
                    "the claims of one statement use one predicate or a predicate that negates it \
                     ('negates' in predicates.csv); give this claim another statement, or none",
                ),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(subject: &str, object: &str, date: &str, line: u64) -> Claim {
        let id = |s: &str| Id::new(s).unwrap();
        Claim {
            ranks: [u32::MAX; 3],
            subject: id(subject),
            predicate: id("member_of"),
            object: id(object),
            date: (!date.is_empty()).then(|| date.parse().unwrap()),
            evidence: Evidence {
                source: id("s"),
                quote: "q".to_owned(),
                note: None,
                statement: None,
                anchor: None,
                line,
            },
        }
    }

    /// With a hash that sends everything to one id, two different relations clash and two
    /// claims of one relation do not; with the real hash, neither does.
    #[test]
    fn relations_whose_ids_collide_are_refused_at_the_later_line() {
        let claims = [
            claim("a", "b", "1995", 2),
            claim("a", "b", "1995", 3),
            claim("a", "c", "1995", 4),
            claim("a", "b", "", 5),
        ];
        let predicates = FxHashMap::default();
        let mut problems = Vec::new();
        check_relation_ids("relations.csv", &claims, &predicates, &mut problems, |_, _, _, _, _| {
            RelationId::from_raw(7)
        });
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(4), Some(5)], "{problems:?}");
        assert!(
            problems[0].message.contains("'a member_of c 1995'"),
            "{}",
            problems[0].message
        );
        assert!(problems[0].message.contains("(line 2)"), "{}", problems[0].message);
        assert!(
            problems[1].message.contains("'a member_of b' would"),
            "{}",
            problems[1].message
        );
        let mut problems = Vec::new();
        check_relation_ids("relations.csv", &claims, &predicates, &mut problems, RelationId::of);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

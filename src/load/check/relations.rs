//! Checking `relations.csv`: each claim on its own (on several threads for a large file), then
//! against the claims before it (duplicates, symmetric claims stated both ways), in file order.

use rustc_hash::FxHashMap;

use super::checker::{article, first_seen, non_empty, Checker};
use super::defined::Defined;
use crate::load::limits::Limits;
use crate::load::reader::read::read_records;
use crate::load::reader::text::Text;
use crate::load::reader::threads::Threads;
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
/// refers to, reading it with `threads`, and returns the claims that passed. `entity_rank` is
/// the [`ranks`] of the entities' ids.
#[allow(clippy::too_many_arguments)] // what the claims refer to: the three files before, and the entities' order
pub(crate) fn check(
    file: Text<'_>,
    limits: &Limits,
    threads: &Threads,
    problems: &mut Vec<Problem>,
    defined_sources: &Defined<Source>,
    defined_predicates: &Defined<Predicate>,
    defined_entities: &Defined<Entity>,
    entity_rank: &[u32],
) -> Vec<Claim> {
    let (sources, predicates, entities) = (
        &defined_sources.values,
        &defined_predicates.values,
        &defined_entities.values,
    );
    let name = file.name();
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    // The ids as loaded: a claim shares them (an `Id` clone is a reference count) instead of
    // allocating its own, which matters with millions of claims.
    // With each id, its rank (its place among the ids in order, which is its node's index in the
    // graph): found here, on the reading threads, the merge needs no lookup of its own. And an
    // entity's kind: each id of a claim is looked up once, and all its checks use what was found.
    let entity_id: FxHashMap<&str, (&Id, u32, EntityKind)> = entities
        .iter()
        .zip(entity_rank)
        .map(|(e, &rank)| (e.id.as_str(), (&e.id, rank, e.kind)))
        .collect();
    let predicate_by_id: FxHashMap<&str, (&Predicate, u32)> = predicates
        .iter()
        .zip(ranks(predicates.iter().map(|p| &p.id)))
        .map(|(p, rank)| (p.id.as_str(), (p, rank)))
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
            // What each id names, if it names a row that passed (an `Id` is its text: a cell not
            // found here makes an `Id` that is not found either).
            let (found_subject, pred, found_object, found_source) = (
                entity_id.get(r.subject),
                predicate_by_id.get(r.predicate).map(|&(p, rank)| (p, rank)),
                entity_id.get(r.object),
                source_id.get(r.source),
            );
            let ranks = [
                found_subject.map_or(u32::MAX, |e| e.1),
                pred.map_or(u32::MAX, |p| p.1),
                found_object.map_or(u32::MAX, |e| e.1),
            ];
            let pred = pred.map(|(p, _)| p);
            let subject = match found_subject {
                Some(&(id, ..)) => Some(id.clone()),
                None => c.id("subject", r.subject),
            };
            let predicate = match pred {
                Some(p) => Some(p.id.clone()),
                None => c.id("predicate", r.predicate),
            };
            let object = match found_object {
                Some(&(id, ..)) => Some(id.clone()),
                None => c.id("object", r.object),
            };
            let source = match found_source {
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
            let kind_of = |found: Option<&(&Id, u32, EntityKind)>| found.map(|e| e.2);
            for (column, id, found) in [("subject", &subject, found_subject), ("object", &object, found_object)] {
                if let Some(id) = id {
                    if found.is_none() && !defined_entities.knows(id) {
                        let hint = did_you_mean(id.as_str(), entities.iter().map(|e| e.id.as_str()));
                        c.fail(
                            format!("unknown {column} '{id}': no such entity in entities.csv"),
                            hint.or_else(|| Some("add the entity to entities.csv first".to_owned())),
                        );
                    }
                }
            }
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
                if found_source.is_none() && !defined_sources.knows(s) {
                    let hint = did_you_mean(s.as_str(), source_ids.iter().copied());
                    c.fail(
                        format!("unknown source '{s}': not in sources.csv"),
                        hint.or_else(|| Some("add the source to sources.csv first".to_owned())),
                    );
                }
            }
            if let Some(p) = pred {
                for (column, id, kind, allowed, side) in [
                    ("subject", &subject, kind_of(found_subject), &p.domain, "domain"),
                    ("object", &object, kind_of(found_object), &p.range, "range"),
                ] {
                    if let Some(kind) = &kind {
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
            let resolved =
                pred.is_some() && found_subject.is_some() && found_object.is_some() && found_source.is_some();
            let claim = match (resolved, pred, subject, predicate, object, source) {
                (true, Some(p), Some(subject), Some(predicate), Some(object), Some(source)) => Some(Claim {
                    ranks,
                    // Here, on the reading threads, once: the collision check and the merge use it.
                    id: RelationId::of_date(&subject, &predicate, &object, date.as_ref(), p.symmetric),
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
    check_relation_ids(name, &claims, problems);
    claims
}

/// Two relations never share an id: relation ids are 64-bit hashes of subject, predicate,
/// object and date ([`RelationId::of`]), which `show`, the RDF IRIs and the CSV exports use as
/// the relation's name, so a collision — astronomically unlikely by chance, but a hash can be
/// aimed at — is refused here, at the later claim's line, rather than by an exporter. Every claim
/// whose id is that of an earlier claim of another relation is refused, so the claims that pass
/// share an id only with claims of their own relation: the merge groups them by id.
fn check_relation_ids(file: &str, claims: &[Claim], problems: &mut Vec<Problem>) {
    let mut first: FxHashMap<RelationId, usize> = FxHashMap::with_capacity_and_hasher(claims.len(), Default::default());
    let date_text = |claim: &Claim| claim.date.map(|d| d.text()).unwrap_or_default();
    for (i, claim) in claims.iter().enumerate() {
        let j = *first.entry(claim.id).or_insert(i);
        if j == i {
            continue;
        }
        let other = &claims[j];
        // Equal dates are equal texts; different dates are compared by their texts, the key.
        let same = (&other.subject, &other.predicate, &other.object)
            == (&claim.subject, &claim.predicate, &claim.object)
            && (other.date == claim.date || date_text(other).as_bytes() == date_text(claim).as_bytes());
        if !same {
            let dated = |claim: &Claim| claim.date.map(|d| format!(" {d}")).unwrap_or_default();
            problems.push(
                Problem::error(
                    file,
                    Some(claim.evidence.line),
                    format!(
                        "the relation '{} {} {}{}' would have the id {} of the relation '{} {} {}{}' (line {})",
                        claim.subject,
                        claim.predicate,
                        claim.object,
                        dated(claim),
                        claim.id,
                        other.subject,
                        other.predicate,
                        other.object,
                        dated(other),
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
pub(crate) fn ranks<'a>(ids: impl Iterator<Item = &'a Id>) -> Vec<u32> {
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
///
/// The cells are joined on the stack and hashed at once when they fit (nearly every row): the
/// streaming hasher, needed only for longer rows, gives the same number at several times the
/// cost for a row's few hundred bytes.
fn fingerprint(cells: [&str; 6]) -> u128 {
    let mut joined = [0u8; 512];
    let mut len = 0;
    for cell in cells {
        let end = len + cell.len();
        if end >= joined.len() {
            return fingerprint_streamed(cells);
        }
        joined[len..end].copy_from_slice(cell.as_bytes());
        joined[end] = 0xff;
        len = end + 1;
    }
    xxhash_rust::xxh3::xxh3_128(&joined[..len])
}

/// [`fingerprint`], cell by cell.
fn fingerprint_streamed(cells: [&str; 6]) -> u128 {
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
    use crate::model::edtf::Edtf;

    /// A claim `subject member_of object` at `date`, with the id `id` gives it, or its own.
    fn claim(subject: &str, object: &str, date: &str, line: u64, id: Option<RelationId>) -> Claim {
        let ids = |s: &str| Id::new(s).unwrap();
        let (subject, predicate, object) = (ids(subject), ids("member_of"), ids(object));
        let date: Option<Edtf> = (!date.is_empty()).then(|| date.parse().unwrap());
        Claim {
            ranks: [u32::MAX; 3],
            id: id.unwrap_or_else(|| RelationId::of_date(&subject, &predicate, &object, date.as_ref(), false)),
            subject,
            predicate,
            object,
            date,
            evidence: Evidence {
                source: ids("s"),
                quote: "q".to_owned(),
                note: None,
                statement: None,
                anchor: None,
                line,
            },
        }
    }

    /// A row's fingerprint is the same joined on the stack or streamed, whatever the lengths of
    /// its cells (on both sides of the stack buffer's size).
    #[test]
    fn fingerprints_on_the_stack_and_streamed_agree() {
        let long = "x".repeat(1100);
        for n in [0, 1, 15, 16, 17, 128, 129, 240, 241]
            .into_iter()
            .chain(495..=515)
            .chain([1100])
        {
            let quote = &long[..n];
            for cells in [
                ["a", "p", "b", "", "s", quote],
                [quote, "", "", "", "", ""],
                ["", "", "", "", "", quote],
            ] {
                assert_eq!(fingerprint(cells), fingerprint_streamed(cells), "{n}");
            }
        }
        assert_ne!(
            fingerprint(["a", "b", "", "", "", ""]),
            fingerprint(["ab", "", "", "", "", ""])
        );
    }

    /// With ids that are all one number, two different relations clash and two claims of one
    /// relation do not; with the real ids, neither does. What passes therefore shares an id only
    /// within a relation, which the merge relies on to group claims by id.
    #[test]
    fn relations_whose_ids_collide_are_refused_at_the_later_line() {
        let rows = [
            ("a", "b", "1995", 2),
            ("a", "b", "1995", 3),
            ("a", "c", "1995", 4),
            ("a", "b", "", 5),
            ("a", "b", "1995-01", 6),
            ("a", "b", "1995", 7),
        ];
        let claims: Vec<Claim> = rows
            .iter()
            .map(|&(s, o, d, line)| claim(s, o, d, line, Some(RelationId::from_raw(7))))
            .collect();
        let mut problems = Vec::new();
        check_relation_ids("relations.csv", &claims, &mut problems);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(4), Some(5), Some(6)], "{problems:?}");
        assert_eq!(
            problems[0].message,
            "the relation 'a member_of c 1995' would have the id r-0000000000000007 of the relation \
             'a member_of b 1995' (line 2)"
        );
        assert!(
            problems[1].message.contains("'a member_of b' would"),
            "{}",
            problems[1].message
        );
        assert!(
            problems[2].message.contains("'a member_of b 1995-01' would"),
            "{}",
            problems[2].message
        );
        let claims: Vec<Claim> = rows.iter().map(|&(s, o, d, line)| claim(s, o, d, line, None)).collect();
        let mut problems = Vec::new();
        check_relation_ids("relations.csv", &claims, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

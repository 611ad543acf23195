//! Validating the four files: every problem is collected in one pass.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::dataset::Dataset;
use super::error::LoadError;
use super::limits::Limits;
use super::table::{read_records, read_rows, split_multi, Row, Table, Threads};
use super::valid::{Claim, Valid};
use crate::model::edtf::Edtf;
use crate::model::entity::Entity;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::{Predicate, Temporal};
use crate::model::problem::{Problem, Problems, Severity};
use crate::model::relation::Evidence;
use crate::model::source::Source;
use crate::text::fold::fold;
use crate::text::suggest::did_you_mean;

#[derive(Deserialize)]
struct RawSource {
    id: String,
    title: String,
    publisher: String,
    url: String,
    published: String,
}

#[derive(Deserialize)]
struct RawPredicate {
    id: String,
    label: String,
    inverse_label: String,
    description: String,
    symmetric: String,
    domain: String,
    range: String,
    temporal: String,
    same_as: String,
    negates: String,
}

#[derive(Deserialize)]
struct RawEntity {
    id: String,
    kind: String,
    label: String,
    aliases: String,
    description: String,
    same_as: String,
}

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
}

const CLAIM_COLUMNS: [&str; 8] = [
    "subject",
    "predicate",
    "object",
    "date",
    "source",
    "quote",
    "note",
    "statement",
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

const DATE_HINT: &str = "dates are EDTF: YYYY, YYYY-MM, YYYY-MM-DD, an interval START/END, START/.. (still holds), START/ (end unknown), /END; add ? (uncertain) or ~ (approximate) after a date";

/// Checks one file's rows; `line` and `file` locate the problems.
struct Checker<'a> {
    file: &'a str,
    line: u64,
    problems: &'a mut Vec<Problem>,
    ok: bool,
}

impl Checker<'_> {
    fn fail(&mut self, message: String, hint: Option<String>) {
        self.problems
            .push(Problem::error(self.file, Some(self.line), message).hint_opt(hint));
        self.ok = false;
    }

    fn required<'v>(&mut self, column: &str, value: &'v str) -> &'v str {
        if value.trim().is_empty() {
            let hint = match column {
                "quote" => Some(
                    "every claim needs the shortest verbatim passage of its source that states the fact".to_owned(),
                ),
                "source" => Some("every claim needs the id of the source (from sources.csv) that states it".to_owned()),
                _ => None,
            };
            self.fail(format!("empty '{column}'"), hint);
        }
        value
    }

    fn id(&mut self, column: &str, value: &str) -> Option<Id> {
        if value.is_empty() {
            self.fail(format!("empty '{column}'"), None);
            return None;
        }
        match Id::new(value) {
            Ok(id) => Some(id),
            Err(e) => {
                let hint = if value.trim() != value {
                    "remove the spaces around the id".to_owned()
                } else {
                    "ids are lowercase ASCII slugs: a letter, then letters, digits, '-' or '_' (e.g. partnership-for-peace)".to_owned()
                };
                self.fail(format!("bad {column}: {e}"), Some(hint));
                None
            }
        }
    }

    fn iris(&mut self, column: &str, cell: &str) -> Vec<String> {
        let values = split_multi(cell);
        for v in &values {
            if let Err(e) = oxrdf::NamedNode::new(v.as_str()) {
                self.fail(
                    format!("'{column}' value '{v}' is not an absolute IRI: {e}"),
                    Some("write a full IRI such as http://www.wikidata.org/entity/Q184".to_owned()),
                );
            }
        }
        values
    }

    fn date(&mut self, column: &str, cell: &str) -> Option<Edtf> {
        if cell.is_empty() {
            return None;
        }
        match cell.parse::<Edtf>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.fail(format!("bad '{column}': {e}"), Some(DATE_HINT.to_owned()));
                None
            }
        }
    }

    fn kinds(&mut self, column: &str, cell: &str) -> Vec<EntityKind> {
        let mut kinds = Vec::new();
        for v in split_multi(cell) {
            match v.parse::<EntityKind>() {
                Ok(k) if !kinds.contains(&k) => kinds.push(k),
                Ok(_) => {}
                Err(e) => self.fail(format!("bad '{column}': {e}"), None),
            }
        }
        if kinds.is_empty() && self.ok {
            self.fail(
                format!("empty '{column}'"),
                Some(format!(
                    "list the entity kinds allowed, separated by '|': {}",
                    EntityKind::choices()
                )),
            );
        }
        kinds
    }
}

fn first_seen<K: std::hash::Hash + Eq, S: std::hash::BuildHasher>(
    seen: &mut HashMap<K, u64, S>,
    key: K,
    line: u64,
) -> Option<u64> {
    match seen.entry(key) {
        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(line);
            None
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// Checks every row of `dataset`, reading `relations.csv` with `threads`.
pub(crate) fn validate(dataset: &Dataset, limits: &Limits, threads: &Threads) -> Result<Valid, LoadError> {
    let mut problems = Vec::new();

    // sources.csv
    let file = dataset.sources.name.as_str();
    let source_table: Table<RawSource> = read_rows(
        &dataset.sources,
        &["id", "title", "publisher", "url", "published"],
        limits,
        &mut problems,
    );
    let mut sources = Vec::new();
    let mut source_seen = FxHashMap::default();
    for Row { line, value: r } in source_table.rows {
        let mut c = Checker {
            file,
            line,
            problems: &mut problems,
            ok: true,
        };
        let id = c.id("id", &r.id);
        c.required("title", &r.title);
        c.required("publisher", &r.publisher);
        let url = non_empty(r.url.trim());
        if let Some(u) = &url {
            if oxrdf::NamedNode::new(u.as_str()).is_err() {
                c.fail(
                    format!("'url' '{u}' is not a valid absolute URL"),
                    Some("write a full URL such as https://www.nato.int/...".to_owned()),
                );
            }
        }
        let published = c.date("published", &r.published);
        if let Some(id) = &id {
            if let Some(first) = first_seen(&mut source_seen, id.clone(), line) {
                c.fail(
                    format!("duplicate source id '{id}' (first defined at line {first})"),
                    Some("ids are unique; give this source another id or merge the rows".to_owned()),
                );
            }
        }
        if let (true, Some(id)) = (c.ok, id) {
            sources.push(Source {
                id,
                title: r.title,
                publisher: r.publisher,
                url,
                published,
            });
        }
    }

    // predicates.csv
    let file = dataset.predicates.name.as_str();
    let columns = [
        "id",
        "label",
        "inverse_label",
        "description",
        "symmetric",
        "domain",
        "range",
        "temporal",
        "same_as",
        "negates",
    ];
    let predicate_table: Table<RawPredicate> = read_rows(&dataset.predicates, &columns, limits, &mut problems);
    let mut predicates = Vec::new();
    let mut predicate_seen = FxHashMap::default();
    // (index into `predicates`, the predicate it negates, line)
    let mut negations: Vec<(usize, Id, u64)> = Vec::new();
    for Row { line, value: r } in predicate_table.rows {
        let mut c = Checker {
            file,
            line,
            problems: &mut problems,
            ok: true,
        };
        let id = c.id("id", &r.id);
        c.required("label", &r.label);
        c.required("inverse_label", &r.inverse_label);
        c.required("description", &r.description);
        let symmetric = match r.symmetric.trim() {
            "true" => true,
            "false" => false,
            other => {
                c.fail(
                    format!("bad 'symmetric' '{other}'"),
                    Some("write true or false".to_owned()),
                );
                false
            }
        };
        let domain = c.kinds("domain", &r.domain);
        let range = c.kinds("range", &r.range);
        let temporal = match r.temporal.trim().parse::<Temporal>() {
            Ok(t) => t,
            Err(e) => {
                c.fail(
                    format!("bad 'temporal': {e}"),
                    Some("event: happens at a time (signed); state: holds over an interval (member of)".to_owned()),
                );
                Temporal::Event
            }
        };
        let same_as = c.iris("same_as", &r.same_as);
        let negates = match r.negates.trim() {
            "" => None,
            other => c.id("negates", other),
        };
        if let Some(id) = &id {
            if let Some(first) = first_seen(&mut predicate_seen, id.clone(), line) {
                c.fail(
                    format!("duplicate predicate id '{id}' (first defined at line {first})"),
                    None,
                );
            }
        }
        if let (true, Some(id)) = (c.ok, id) {
            predicates.push(Predicate {
                id,
                label: r.label,
                inverse_label: r.inverse_label,
                description: r.description,
                symmetric,
                domain,
                range,
                temporal,
                same_as,
                negates: negates.clone(),
            });
            if let Some(target) = negates {
                negations.push((predicates.len() - 1, target, line));
            }
        }
    }
    check_negations(file, &predicates, &negations, &mut problems);

    // entities.csv
    let file = dataset.entities.name.as_str();
    let entity_table: Table<RawEntity> = read_rows(
        &dataset.entities,
        &["id", "kind", "label", "aliases", "description", "same_as"],
        limits,
        &mut problems,
    );
    let mut entities = Vec::new();
    let mut entity_seen = FxHashMap::default();
    let mut labels: FxHashMap<String, (u64, String)> = FxHashMap::default();
    for Row { line, value: r } in entity_table.rows {
        let mut c = Checker {
            file,
            line,
            problems: &mut problems,
            ok: true,
        };
        let id = c.id("id", &r.id);
        let kind = match r.kind.trim().parse::<EntityKind>() {
            Ok(k) => Some(k),
            Err(e) => {
                let hint = did_you_mean(r.kind.trim(), EntityKind::ALL.iter().map(|k| k.name()));
                c.fail(e.to_string(), hint);
                None
            }
        };
        c.required("label", &r.label);
        c.required("description", &r.description);
        let aliases = split_multi(&r.aliases);
        let same_as = c.iris("same_as", &r.same_as);
        if let Some(id) = &id {
            if let Some(first) = first_seen(&mut entity_seen, id.clone(), line) {
                c.fail(
                    format!("duplicate entity id '{id}' (first defined at line {first})"),
                    Some("ids are unique; merge the two rows or give one another id".to_owned()),
                );
            }
        }
        if c.ok {
            let key = fold(&r.label);
            match labels.get(&key) {
                Some((first, other)) if !key.is_empty() => {
                    let warning = if r.label == *other {
                        Problem::warning(
                            file,
                            Some(line),
                            format!("label '{}' is also the label of line {first}", r.label),
                        )
                        .with_hint("if they are the same entity, merge the rows; if not, make the labels distinct")
                    } else if r.label.nfc().eq(other.nfc()) {
                        Problem::warning(
                            file,
                            Some(line),
                            format!(
                                "label '{}' is the label of line {first} written with other Unicode code points (composed and decomposed accents)",
                                r.label
                            ),
                        )
                        .with_hint("if they are the same entity, merge the rows; otherwise retype the label (files are best saved as NFC)")
                    } else {
                        Problem::warning(
                            file,
                            Some(line),
                            format!(
                                "label '{}' differs from '{}' (line {first}) only by case, accents or punctuation",
                                r.label, other
                            ),
                        )
                        .with_hint("if they are the same entity, merge the rows; if not, make the labels distinct")
                    };
                    c.problems.push(warning);
                }
                _ => {
                    labels.insert(key, (line, r.label.clone()));
                }
            }
        }
        if let (true, Some(id), Some(kind)) = (c.ok, id, kind) {
            entities.push(Entity {
                id,
                kind,
                label: r.label,
                aliases,
                description: r.description,
                same_as,
            });
        }
    }

    // relations.csv
    let file = dataset.relations.name.as_str();
    let entity_kind: FxHashMap<&str, EntityKind> = entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    let predicate_by_id: FxHashMap<&str, &Predicate> = predicates.iter().map(|p| (p.id.as_str(), p)).collect();
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    // The ids as loaded: a claim shares them (an `Id` clone is a reference count) instead of
    // allocating its own, which matters with millions of claims.
    let entity_id: FxHashMap<&str, &Id> = entities.iter().map(|e| (e.id.as_str(), &e.id)).collect();
    let source_id: FxHashMap<&str, &Id> = sources.iter().map(|s| (s.id.as_str(), &s.id)).collect();
    // An id the file defines but whose row had errors (or was skipped for a syntax error) still
    // counts as known, and nothing counts as unknown in a file that could not be read: one bad
    // row must not cascade into "unknown id" errors on every claim that uses it.
    let known = |table_readable: bool, seen: &FxHashMap<Id, u64>, skipped: &[String], id: &Id| {
        !table_readable || seen.contains_key(id) || skipped.iter().any(|s| s == id.as_str())
    };
    let entity_known = |id: &Id| known(entity_table.readable, &entity_seen, &entity_table.skipped_ids, id);
    let predicate_known = |id: &Id| {
        known(
            predicate_table.readable,
            &predicate_seen,
            &predicate_table.skipped_ids,
            id,
        )
    };
    let source_known = |id: &Id| known(source_table.readable, &source_seen, &source_table.skipped_ids, id);
    // One claim per line at most: reserving it up front spares copying a growing vector.
    let mut claims = Vec::with_capacity(memchr::memchr_iter(b'\n', &dataset.relations.bytes).count());
    let mut exact: FxHashMap<u128, u64> = FxHashMap::default();
    let mut directions: FxHashMap<(Id, Id, Id), u64> = FxHashMap::default();
    // Claims are checked as they are read, never held as rows: with millions of claims, the rows
    // and the graph would not fit in memory together. Each row is checked on its own (on several
    // threads for a large file); what depends on the rows before it — duplicates, and symmetric
    // claims stated both ways — is checked after, in file order.
    read_records(
        &dataset.relations,
        &CLAIM_COLUMNS,
        limits,
        threads,
        &mut problems,
        |line, fields, problems| {
            let &[subject, predicate, object, date, source, quote, note, statement] = fields;
            let r = RawClaim {
                subject,
                predicate,
                object,
                date,
                source,
                quote,
                note,
                statement,
            };
            let mut c = Checker {
                file,
                line,
                problems,
                ok: true,
            };
            let subject = match entity_id.get(r.subject) {
                Some(id) => Some((*id).clone()),
                None => c.id("subject", r.subject),
            };
            let predicate = match predicate_by_id.get(r.predicate) {
                Some(p) => Some(p.id.clone()),
                None => c.id("predicate", r.predicate),
            };
            let object = match entity_id.get(r.object) {
                Some(id) => Some((*id).clone()),
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
            for (column, id) in [("subject", &subject), ("object", &object)] {
                if let Some(id) = id {
                    if !entity_kind.contains_key(id.as_str()) && !entity_known(id) {
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
                if !predicate_known(p) {
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
                if !source_id.contains_key(s.as_str()) && !source_known(s) {
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
                problems.push(Problem::error(file, Some(line), message).with_hint(hint));
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
    check_statements(file, &claims, &predicates, &mut problems);

    problems.sort_by(|a, b| {
        file_rank(dataset, &a.file)
            .cmp(&file_rank(dataset, &b.file))
            .then(a.line.cmp(&b.line))
    });
    let problems = Problems(problems);
    if problems.0.iter().any(|p| p.severity == Severity::Error) {
        return Err(LoadError::Invalid(problems));
    }
    Ok(Valid {
        sources,
        predicates,
        entities,
        claims,
        warnings: problems,
    })
}

/// `a` or `an`, for a kind in a message.
/// Each `negates` names another predicate, which negates none itself.
fn check_negations(file: &str, predicates: &[Predicate], negations: &[(usize, Id, u64)], problems: &mut Vec<Problem>) {
    for (i, target, line) in negations {
        let id = &predicates[*i].id;
        let fail = |message: String, hint: String| Problem::error(file, Some(*line), message).with_hint(hint);
        match predicates.iter().find(|p| &p.id == target) {
            None => problems.push(fail(
                format!("'{id}' negates '{target}', which is not a predicate"),
                format!(
                    "the predicates are: {}",
                    predicates.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )),
            Some(p) if &p.id == id => problems.push(fail(
                format!("'{id}' negates itself"),
                "leave 'negates' empty, or name the predicate this one denies".to_owned(),
            )),
            Some(p) if p.negates.is_some() => problems.push(fail(
                format!(
                    "'{id}' negates '{target}', which itself negates '{}'",
                    p.negates.as_ref().map_or("", |n| n.as_str())
                ),
                "a negative predicate names the positive one it denies".to_owned(),
            )),
            Some(_) => {}
        }
    }
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
                .with_hint(format!(
                    "the claims of one statement use one predicate or a predicate that negates it \
                     ('negates' in predicates.csv); give this claim another statement, or none"
                )),
            ),
            Some(_) => {}
        }
    }
}

fn article(kind: EntityKind) -> &'static str {
    match kind.name().as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
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

fn file_rank(dataset: &Dataset, file: &str) -> usize {
    [
        &dataset.sources,
        &dataset.predicates,
        &dataset.entities,
        &dataset.relations,
    ]
    .iter()
    .position(|f| f.name == file)
    .unwrap_or(4)
}

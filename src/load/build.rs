//! Validating the four files and building the [`Graph`]: every problem is collected in one pass.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::dataset::Dataset;
use super::problem::{LoadError, Problem, Problems, Severity};
use super::suggest::did_you_mean;
use super::table::{read_records, read_rows, split_multi, Limits, Row, Table, Threads};
use crate::{fold, Edtf, Entity, EntityKind, Evidence, Graph, Id, Predicate, Source, Temporal};

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

/// A claim that passed its row checks, before merging.
pub(crate) struct Claim {
    pub subject: Id,
    pub predicate: Id,
    pub object: Id,
    pub date: Option<Edtf>,
    pub evidence: Evidence,
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

/// Validates `dataset` and builds the graph, or returns every problem found.
pub(crate) fn load(dataset: &Dataset, limits: &Limits) -> Result<Graph, LoadError> {
    validate(dataset, limits, &Threads::default()).map(Valid::build)
}

/// [`load`], freeing the files' bytes once they are read, before the graph is built: with a
/// million claims, the text of `relations.csv` and the graph would otherwise be held together.
pub(crate) fn load_owned(dataset: Dataset, limits: &Limits) -> Result<Graph, LoadError> {
    let valid = validate(&dataset, limits, &Threads::default());
    drop(dataset);
    valid.map(Valid::build)
}

/// What passed validation, ready to become a graph.
pub(crate) struct Valid {
    sources: Vec<Source>,
    predicates: Vec<Predicate>,
    entities: Vec<Entity>,
    claims: Vec<Claim>,
    warnings: Problems,
}

impl Valid {
    fn build(self) -> Graph {
        Graph::build(self.sources, self.predicates, self.entities, self.claims, self.warnings)
    }
}

#[cfg(test)]
fn load_with(dataset: &Dataset, limits: &Limits, threads: &Threads) -> Result<Graph, LoadError> {
    validate(dataset, limits, threads).map(Valid::build)
}

/// Checks every row of `dataset`, reading `relations.csv` with `threads`.
fn validate(dataset: &Dataset, limits: &Limits, threads: &Threads) -> Result<Valid, LoadError> {
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

/// What makes two claims the same relation: subject, predicate, object and the date as written.
pub(crate) type RelationKey = (Id, Id, Id, String);

/// Which ids an id is ranked among: an entity and a predicate may share an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdOf {
    Entity,
    Predicate,
}

/// A relation being gathered: the ranks of its ids, its key, date and evidence.
type Relation = ([u32; 3], RelationKey, Option<Edtf>, Vec<Evidence>);

/// Groups claims that agree into relations, keyed by subject, predicate, object and date, and
/// hands each relation to `relation` in key order, with the ranks of its subject, predicate and
/// object, its date and the evidence of every claim, sorted. `rank` gives an id's place in the sorted ids of its kind (entities or
/// predicates), so the claims are sorted by numbers rather than by comparing strings; ties are
/// broken by the ids themselves, so a rank that is wrong cannot merge two relations. An index is
/// sorted, not the claims, and no map of millions of keys is built: memory stays near the claims.
pub(crate) fn merge_claims(
    claims: Vec<Claim>,
    rank: impl Fn(&Id, IdOf) -> u32,
    mut relation: impl FnMut([u32; 3], RelationKey, Option<Edtf>, Vec<Evidence>),
) {
    let mut dates: Vec<String> = claims
        .iter()
        .map(|c| c.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    let mut order: Vec<([u32; 3], u32)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let ranks = [
                rank(&c.subject, IdOf::Entity),
                rank(&c.predicate, IdOf::Predicate),
                rank(&c.object, IdOf::Entity),
            ];
            (ranks, i as u32)
        })
        .collect();
    let ids = |i: u32| {
        let c = &claims[i as usize];
        (&c.subject, &c.predicate, &c.object)
    };
    order.sort_unstable_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| ids(*a).cmp(&ids(*b)))
            .then_with(|| dates[*a as usize].cmp(&dates[*b as usize]))
            .then_with(|| claims[*a as usize].evidence.cmp(&claims[*b as usize].evidence))
    });
    let mut claims: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    let mut group: Option<Relation> = None;
    for (ranks, i) in order {
        let Some(claim) = claims[i as usize].take() else {
            continue;
        };
        let date_text = std::mem::take(&mut dates[i as usize]);
        match &mut group {
            Some((_, (s, p, o, d), _, list))
                if *s == claim.subject && *p == claim.predicate && *o == claim.object && *d == date_text =>
            {
                list.push(claim.evidence);
            }
            _ => {
                let next = (
                    ranks,
                    (claim.subject, claim.predicate, claim.object, date_text),
                    claim.date,
                    vec![claim.evidence],
                );
                if let Some((ranks, key, date, list)) = group.replace(next) {
                    relation(ranks, key, date, list);
                }
            }
        }
    }
    if let Some((ranks, key, date, list)) = group {
        relation(ranks, key, date, list);
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::DataFile;

    fn file(name: &str, text: String) -> DataFile {
        DataFile {
            name: name.to_owned(),
            bytes: Cow::Owned(text.into_bytes()),
        }
    }

    /// A `relations.csv` of `rows` claims, a few of them wrong in every way the checks of one
    /// row and the checks against earlier rows can find (when `clean`, none is).
    fn dataset(rows: usize, clean: bool, syntax_error: bool) -> Dataset {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut relations =
            String::from("quote,subject,predicate,object,date,source,note\n\u{feff}first,e1,holds,e51,,s1,\n");
        let mut written: Vec<String> = Vec::new();
        for i in 0..rows {
            let broken = !clean && next(10) == 0;
            let row = match (broken, next(8)) {
                (true, 0) if !written.is_empty() => written[next(written.len() as u64) as usize].clone(),
                (true, 1) => format!("\"q{i}\",e{},links,e{},,s1,\n", i % 7, 50 + i % 3),
                (true, 2) => format!("\"q{i}\",e1,link,e2,2001-13,s1,\n"),
                (true, 3) => ",e1,holds,e1,,s9,\n".to_owned(),
                (true, 4) => "quote,subject,predicate,object,date,source,note\n".to_owned(),
                (true, 5) => format!("\"q{i}\",e1,holds\n"),
                (true, _) => {
                    // A symmetric claim, then the same the other way round.
                    let (a, b) = (next(40), next(40) + 40);
                    format!("\"q{i}\",e{a},links,e{b},,s1,\n\"r{i}\",e{b},links,e{a},,s1,\n")
                }
                // A quote that starts with U+FEFF, unquoted: a reader started on this record
                // must not take it for a byte-order mark.
                (false, 0) => format!("\u{feff}q{i},e{},holds,e{},,s1,\n", next(50), next(50) + 50),
                (false, _) => format!(
                    "\"q{i}, \"\"quoted\"\"\nover two lines\",e{},{},e{},{},s1,{}\n",
                    next(50),
                    if next(2) == 0 { "links" } else { "holds" },
                    next(50) + 50,
                    ["", "1995", "1998-04", "2011/..", "2005-03~"][next(5) as usize],
                    if next(3) == 0 { "a note" } else { "" },
                ),
            };
            written.push(row.clone());
            relations.push_str(&row);
            if syntax_error && i == rows / 2 {
                relations.push_str("q\"x,e1,holds,e51,,s1,\n");
            }
        }
        let entities: String = (0..100).map(|i| format!("e{i},state,E {i},,Entity {i}.,\n")).collect();
        data(
            "links,links,links,Links.,true,state,state,state,\n\
             holds,holds,held by,Holds.,false,state,state,state,\n",
            &entities,
            &relations,
        )
    }

    /// A dataset of one source `s1`, the given rows of predicates and entities (without their
    /// headers) and the given `relations.csv` (with its header: its columns may come in any order).
    fn data(predicates: &str, entities: &str, relations: &str) -> Dataset {
        Dataset {
            sources: file(
                "sources.csv",
                "id,title,publisher,url,published\ns1,T,P,,2006\n".to_owned(),
            ),
            predicates: file(
                "predicates.csv",
                format!("id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n{predicates}"),
            ),
            entities: file(
                "entities.csv",
                format!("id,kind,label,aliases,description,same_as\n{entities}"),
            ),
            relations: file("relations.csv", relations.to_owned()),
        }
    }

    fn outcome(dataset: &Dataset, threads: &Threads) -> String {
        match load_with(dataset, &Limits::default(), threads) {
            Ok(graph) => format!("{:#?}", graph.relations().collect::<Vec<_>>()),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn relations_come_in_id_order_when_a_predicate_shares_an_entity_id() {
        // `p` is an entity (the last in id order) and a predicate (the first).
        let data = data(
            "q,q,q by,Q.,false,state,state,state,\np,p,p by,P.,false,state,state,state,\n",
            "a,state,A,,A.,\nb,state,B,,B.,\np,state,P,,P.,\n",
            "subject,predicate,object,date,source,quote,note\na,q,b,,s1,x,\na,p,b,,s1,y,\n",
        );
        let graph = load(&data, &Limits::default()).unwrap();
        let order: Vec<&str> = graph.relations().map(|r| r.predicate.as_str()).collect();
        assert_eq!(order, ["p", "q"]);
    }

    #[test]
    fn reading_in_chunks_on_threads_gives_what_one_thread_gives() {
        let one = Threads {
            min_file_bytes: usize::MAX,
            ..Threads::default()
        };
        let many = Threads {
            min_file_bytes: 0,
            min_chunk_bytes: 1,
            max: Some(3),
        };
        for (clean, syntax_error) in [(true, false), (false, false), (false, true)] {
            let data = dataset(3000, clean, syntax_error);
            let expected = outcome(&data, &one);
            assert_eq!(
                outcome(&data, &many),
                expected,
                "clean: {clean}, syntax error: {syntax_error}"
            );
            if clean {
                assert!(
                    expected.contains(r"\u{feff}first"),
                    "the U+FEFF starting the first row is lost"
                );
                assert!(expected.contains(r"\u{feff}q"), "the U+FEFF starting a quote is lost");
                assert!(
                    expected.contains("evidence"),
                    "{}",
                    &expected[..200.min(expected.len())]
                );
            } else {
                for found in [
                    "duplicate claim",
                    "already states it the other way round",
                    "unknown predicate",
                    "repeated",
                    "field",
                ] {
                    assert!(expected.contains(found), "no '{found}' in {expected}");
                }
            }
        }
    }
}

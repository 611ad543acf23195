//! Checking `entities.csv`: one entity per row; labels that look alike are warned about.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::checker::{first_seen, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::cells::split_multi;
use crate::load::reader::read::read_records;
use crate::load::reader::threads::Threads;
use crate::model::entity::{Entity, EntityDate};
use crate::model::id::Id;
use crate::model::iso3166::Iso3166;
use crate::model::kind::EntityKind;
use crate::model::problem::Problem;
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::relation::Evidence;
use crate::model::source::Source;
use crate::text::fold::fold;
use crate::text::suggest::did_you_mean;

/// A row's cells, in the order of [`COLUMNS`].
struct RawEntity<'a> {
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    aliases: &'a str,
    description: &'a str,
    same_as: &'a str,
    date: &'a str,
    date_source: &'a str,
    date_quote: &'a str,
    date_fragment: &'a str,
    date_selector: &'a str,
    iso_3166: &'a str,
}

/// A row checked on its own (on the reading threads), with what the checks against the rows
/// before it need: its id, and its label and folded label.
struct CheckedEntity {
    line: u64,
    /// No problem in the row on its own.
    ok: bool,
    id: Option<Id>,
    kind: Option<EntityKind>,
    label: String,
    /// The label folded ([`fold`]), to find labels that look alike.
    folded: String,
    aliases: Vec<String>,
    description: String,
    same_as: Vec<String>,
    date: Option<EntityDate>,
    iso_3166: Option<Iso3166>,
}

/// The columns of `entities.csv`, in the order `fmt` writes them.
pub(crate) const COLUMNS: [&str; 12] = [
    "id",
    "kind",
    "label",
    "aliases",
    "description",
    "same_as",
    "date",
    "date_source",
    "date_quote",
    "date_fragment",
    "date_selector",
    "iso_3166",
];

/// The columns an older `entities.csv` may leave out: the last six, from `date` on
/// (`date_fragment` and `date_selector`, where the date's quote stands in its source's text, are
/// written by `fmt --sources`).
const OPTIONAL: &[&str] = COLUMNS.split_at(6).1;

/// Checks every row of `entities.csv`, reading it with `threads`: each row on its own (on several
/// threads for a large file), then against the rows before it (duplicate ids, labels that look alike), in file order.
pub(crate) fn check(
    file: &DataFile,
    sources: &Defined<Source>,
    limits: &Limits,
    threads: &Threads,
    problems: &mut Vec<Problem>,
) -> Defined<Entity> {
    let name = file.name.as_str();
    let source_ids: Vec<&str> = sources.values.iter().map(|s| s.id.as_str()).collect();
    // One entity per line at most: sized up front, the vector and maps are never grown.
    let lines = memchr::memchr_iter(b'\n', &file.bytes).count();
    let mut entities: Vec<Entity> = Vec::with_capacity(lines);
    let mut entity_seen = FxHashMap::with_capacity_and_hasher(lines, Default::default());
    // Each folded label, with the line and the entity (its index in `entities`) that first has it.
    let mut labels: FxHashMap<String, (u64, usize)> = FxHashMap::with_capacity_and_hasher(lines, Default::default());
    let table = read_records(
        file,
        &COLUMNS,
        OPTIONAL,
        limits,
        threads,
        problems,
        |line, fields, problems| {
            let &[id, kind, label, aliases, description, same_as, date, date_source, date_quote, date_fragment, date_selector, iso_3166] =
                fields;
            let r = RawEntity {
                id,
                kind,
                label,
                aliases,
                description,
                same_as,
                date,
                date_source,
                date_quote,
                date_fragment,
                date_selector,
                iso_3166,
            };
            Some(check_row(name, line, &r, sources, &source_ids, problems))
        },
        |row, problems| {
            let CheckedEntity {
                line,
                ok,
                id,
                kind,
                label,
                folded,
                aliases,
                description,
                same_as,
                date,
                iso_3166,
            } = row;
            let mut c = Checker {
                file: name,
                line,
                problems,
                ok,
            };
            if let Some(id) = &id {
                if let Some(first) = first_seen(&mut entity_seen, id.clone(), line) {
                    c.fail(
                        format!("duplicate entity id '{id}' (first defined at line {first})"),
                        Some("ids are unique; merge the two rows or give one another id".to_owned()),
                    );
                }
            }
            // A row without problems has an id and a kind: it is an entity.
            let (true, Some(id), Some(kind)) = (c.ok, id, kind) else {
                return;
            };
            let first = labels.get(&folded).filter(|_| !folded.is_empty());
            match first.and_then(|&(first, i)| Some((first, &entities.get(i)?.label))) {
                Some((first, other)) => {
                    let warning = if label == *other {
                        Problem::warning(
                            name,
                            Some(line),
                            format!("label '{label}' is also the label of line {first}"),
                        )
                        .with_hint("if they are the same entity, merge the rows; if not, make the labels distinct")
                    } else if label.nfc().eq(other.nfc()) {
                        Problem::warning(
                            name,
                            Some(line),
                            format!(
                                "label '{label}' is the label of line {first} written with other Unicode code points (composed and decomposed accents)"
                            ),
                        )
                        .with_hint("if they are the same entity, merge the rows; otherwise retype the label (files are best saved as NFC)")
                    } else {
                        Problem::warning(
                            name,
                            Some(line),
                            format!(
                                "label '{label}' differs from '{other}' (line {first}) only by case, accents or punctuation"
                            ),
                        )
                        .with_hint("if they are the same entity, merge the rows; if not, make the labels distinct")
                    };
                    c.problems.push(warning);
                }
                None => {
                    labels.insert(folded, (line, entities.len()));
                }
            }
            entities.push(Entity {
                id,
                kind,
                label,
                aliases,
                description,
                same_as,
                date,
                iso_3166,
            });
        },
    );
    Defined {
        values: entities,
        seen: entity_seen,
        skipped_ids: table.skipped_ids,
        readable: table.readable,
    }
}

/// The checks of one row on its own.
fn check_row(
    name: &str,
    line: u64,
    r: &RawEntity<'_>,
    sources: &Defined<Source>,
    source_ids: &[&str],
    problems: &mut Vec<Problem>,
) -> CheckedEntity {
    let mut c = Checker {
        file: name,
        line,
        problems,
        ok: true,
    };
    let id = c.id("id", r.id);
    let kind = match r.kind.trim().parse::<EntityKind>() {
        Ok(k) => Some(k),
        Err(e) => {
            let hint = did_you_mean(r.kind.trim(), EntityKind::ALL.iter().map(|k| k.name()));
            c.fail(e.to_string(), hint);
            None
        }
    };
    c.required("label", r.label);
    c.required("description", r.description);
    let aliases = split_multi(r.aliases);
    let same_as = c.iris("same_as", r.same_as);
    let date = entity_date(&mut c, r, sources, source_ids);
    let iso_3166 = match r.iso_3166.trim() {
        "" => None,
        cell => match cell.parse::<Iso3166>() {
            Ok(codes) if kind.is_none() || kind == Some(EntityKind::State) => Some(codes),
            Ok(_) => {
                c.fail(
                    "'iso_3166' is for states only".to_owned(),
                    Some("ISO 3166 codes name countries; leave the cell empty for other kinds".to_owned()),
                );
                None
            }
            Err(e) => {
                c.fail(
                    e.to_string(),
                    Some("copy the codes from the ISO 3166 list graph-data/README.md names".to_owned()),
                );
                None
            }
        },
    };
    CheckedEntity {
        line,
        ok: c.ok,
        id,
        kind,
        folded: if c.ok { fold(r.label) } else { String::new() },
        label: r.label.to_owned(),
        aliases,
        description: r.description.to_owned(),
        same_as,
        date,
        iso_3166,
    }
}

/// The row's own date and its evidence: a date needs a source from `sources.csv` and a verbatim
/// quote; a source or quote without a date is a mistake.
fn entity_date(
    c: &mut Checker<'_>,
    r: &RawEntity<'_>,
    sources: &Defined<Source>,
    source_ids: &[&str],
) -> Option<EntityDate> {
    let date = c.date("date", r.date.trim());
    let (source, quote) = (r.date_source.trim(), r.date_quote.trim());
    let anchor = match QuoteAnchor::from_cells(r.date_fragment, r.date_selector) {
        Ok(anchor) => anchor.map(Box::new),
        Err(e) => {
            c.fail(
                format!("{e} (date_fragment, date_selector)"),
                Some(
                    "run diplograph fmt --sources DIR to write it again from the source texts, or empty the cell"
                        .to_owned(),
                ),
            );
            None
        }
    };
    if r.date.trim().is_empty() {
        if !source.is_empty() || !quote.is_empty() || anchor.is_some() {
            c.fail(
                "'date_source', 'date_quote' or 'date_fragment' without a 'date'".to_owned(),
                Some("give the date the quote states, or empty both cells".to_owned()),
            );
        }
        return None;
    }
    if source.is_empty() || quote.is_empty() {
        c.fail(
            "a 'date' needs its 'date_source' and 'date_quote'".to_owned(),
            Some("every date in the graph carries its source and the verbatim words that give it".to_owned()),
        );
        return None;
    }
    let source = c.id("date_source", source)?;
    if !source_ids.contains(&source.as_str()) {
        if !sources.knows(&source) {
            let hint = did_you_mean(source.as_str(), source_ids.iter().copied());
            c.fail(
                format!("unknown source '{source}': not in sources.csv"),
                hint.or_else(|| Some("add the source to sources.csv first".to_owned())),
            );
        }
        return None; // a source whose row has problems is reported there
    }
    Some(EntityDate {
        date: date?,
        evidence: Evidence {
            source,
            quote: quote.to_owned(),
            note: None,
            line: c.line,
            statement: None,
            anchor,
        },
    })
}

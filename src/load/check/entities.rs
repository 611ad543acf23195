//! Checking `entities.csv`: one entity per row; labels that look alike are warned about.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use unicode_normalization::UnicodeNormalization;

use super::checker::{first_seen, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::cells::split_multi;
use crate::load::reader::read::read_rows_optional;
use crate::load::reader::table::{Row, Table};
use crate::model::entity::{Entity, EntityDate};
use crate::model::iso3166::Iso3166;
use crate::model::kind::EntityKind;
use crate::model::problem::Problem;
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::relation::Evidence;
use crate::model::source::Source;
use crate::text::fold::fold;
use crate::text::suggest::did_you_mean;

#[derive(Deserialize)]
struct RawEntity {
    id: String,
    kind: String,
    label: String,
    aliases: String,
    description: String,
    same_as: String,
    date: String,
    date_source: String,
    date_quote: String,
    #[serde(default)]
    date_fragment: String,
    #[serde(default)]
    date_selector: String,
    iso_3166: String,
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

/// Checks every row of `entities.csv`.
pub(crate) fn check(
    file: &DataFile,
    sources: &Defined<Source>,
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Defined<Entity> {
    let name = file.name.as_str();
    let entity_table: Table<RawEntity> = read_rows_optional(file, &COLUMNS, OPTIONAL, limits, problems);
    let source_ids: Vec<&str> = sources.values.iter().map(|s| s.id.as_str()).collect();
    let mut entities = Vec::new();
    let mut entity_seen = FxHashMap::default();
    let mut labels: FxHashMap<String, (u64, String)> = FxHashMap::default();
    for Row { line, value: r } in entity_table.rows {
        let mut c = Checker {
            file: name,
            line,
            problems,
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
        let date = entity_date(&mut c, &r, sources, &source_ids);
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
                            name,
                            Some(line),
                            format!("label '{}' is also the label of line {first}", r.label),
                        )
                        .with_hint("if they are the same entity, merge the rows; if not, make the labels distinct")
                    } else if r.label.nfc().eq(other.nfc()) {
                        Problem::warning(
                            name,
                            Some(line),
                            format!(
                                "label '{}' is the label of line {first} written with other Unicode code points (composed and decomposed accents)",
                                r.label
                            ),
                        )
                        .with_hint("if they are the same entity, merge the rows; otherwise retype the label (files are best saved as NFC)")
                    } else {
                        Problem::warning(
                            name,
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
                date,
                iso_3166,
            });
        }
    }
    Defined {
        values: entities,
        seen: entity_seen,
        skipped_ids: entity_table.skipped_ids,
        readable: entity_table.readable,
    }
}

/// The row's own date and its evidence: a date needs a source from `sources.csv` and a verbatim
/// quote; a source or quote without a date is a mistake.
fn entity_date(
    c: &mut Checker<'_>,
    r: &RawEntity,
    sources: &Defined<Source>,
    source_ids: &[&str],
) -> Option<EntityDate> {
    let date = c.date("date", r.date.trim());
    let (source, quote) = (r.date_source.trim(), r.date_quote.trim());
    let anchor = match QuoteAnchor::from_cells(&r.date_fragment, &r.date_selector) {
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

//! Checking `entities.csv`: one entity per row; labels that look alike are warned about.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use unicode_normalization::UnicodeNormalization;

use super::checker::{first_seen, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::cells::split_multi;
use crate::load::reader::read::read_rows;
use crate::load::reader::table::{Row, Table};
use crate::model::entity::Entity;
use crate::model::kind::EntityKind;
use crate::model::problem::Problem;
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
}

/// Checks every row of `entities.csv`.
pub(crate) fn check(file: &DataFile, limits: &Limits, problems: &mut Vec<Problem>) -> Defined<Entity> {
    let name = file.name.as_str();
    let entity_table: Table<RawEntity> = read_rows(
        file,
        &["id", "kind", "label", "aliases", "description", "same_as"],
        limits,
        problems,
    );
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

//! Checking `predicates.csv`: one predicate per row, with its domain, range and time.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::checker::{first_seen, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::read::read_rows;
use crate::load::reader::table::{Row, Table};
use crate::model::predicate::{Predicate, Temporal};
use crate::model::problem::Problem;

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
}

/// Checks every row of `predicates.csv`.
pub(crate) fn check(file: &DataFile, limits: &Limits, problems: &mut Vec<Problem>) -> Defined<Predicate> {
    let name = file.name.as_str();
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
    ];
    let predicate_table: Table<RawPredicate> = read_rows(file, &columns, limits, problems);
    let mut predicates = Vec::new();
    let mut predicate_seen = FxHashMap::default();
    for Row { line, value: r } in predicate_table.rows {
        let mut c = Checker {
            file: name,
            line,
            problems,
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
            });
        }
    }
    Defined {
        values: predicates,
        seen: predicate_seen,
        skipped_ids: predicate_table.skipped_ids,
        readable: predicate_table.readable,
    }
}

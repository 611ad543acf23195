//! Checking `predicates.csv`: one predicate per row, with its domain, range and time.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::checker::{first_seen, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::read::read_rows;
use crate::load::reader::table::{Row, Table};
use crate::model::id::Id;
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
    negates: String,
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
        "negates",
    ];
    let predicate_table: Table<RawPredicate> = read_rows(file, &columns, limits, problems);
    let mut predicates = Vec::new();
    let mut predicate_seen = FxHashMap::default();
    // (index into `predicates`, the predicate it negates, line)
    let mut negations: Vec<(usize, Id, u64)> = Vec::new();
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
    check_negations(name, &predicates, &negations, problems);
    Defined {
        values: predicates,
        seen: predicate_seen,
        skipped_ids: predicate_table.skipped_ids,
        readable: predicate_table.readable,
    }
}

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

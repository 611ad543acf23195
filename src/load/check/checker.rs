//! Checking the cells of one row: ids, required cells, IRIs, dates, kinds.

use std::collections::HashMap;

use crate::load::reader::cells::split_multi;
use crate::model::edtf::Edtf;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::problem::Problem;

pub(crate) const DATE_HINT: &str = "dates are EDTF: YYYY, YYYY-MM, YYYY-MM-DD, an interval START/END, START/.. (still holds), START/ (end unknown), /END; add ? (uncertain) or ~ (approximate) after a date";

/// Checks one file's rows; `line` and `file` locate the problems.
pub(crate) struct Checker<'a> {
    pub(crate) file: &'a str,
    pub(crate) line: u64,
    pub(crate) problems: &'a mut Vec<Problem>,
    pub(crate) ok: bool,
}

impl Checker<'_> {
    pub(crate) fn fail(&mut self, message: String, hint: Option<String>) {
        self.problems
            .push(Problem::error(self.file, Some(self.line), message).hint_opt(hint));
        self.ok = false;
    }

    pub(crate) fn required<'v>(&mut self, column: &str, value: &'v str) -> &'v str {
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

    pub(crate) fn id(&mut self, column: &str, value: &str) -> Option<Id> {
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

    pub(crate) fn iris(&mut self, column: &str, cell: &str) -> Vec<String> {
        let values = split_multi(cell);
        for v in &values {
            if let Some(e) = crate::model::iri::iri_problem(v) {
                self.fail(
                    format!("'{column}' value '{v}' cannot be an IRI: {e}"),
                    Some("write a full IRI such as http://www.wikidata.org/entity/Q184".to_owned()),
                );
            }
        }
        values
    }

    pub(crate) fn date(&mut self, column: &str, cell: &str) -> Option<Edtf> {
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

    pub(crate) fn kinds(&mut self, column: &str, cell: &str) -> Vec<EntityKind> {
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

pub(crate) fn first_seen<K: std::hash::Hash + Eq, S: std::hash::BuildHasher>(
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

pub(crate) fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// `a` or `an`, for a kind in a message.
pub(crate) fn article(kind: EntityKind) -> &'static str {
    match kind.name().as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}

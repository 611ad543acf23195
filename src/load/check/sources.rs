//! Checking `sources.csv`: one document per row.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::checker::{first_seen, non_empty, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::read::read_rows;
use crate::load::reader::table::{Row, Table};
use crate::model::problem::Problem;
use crate::model::source::Source;

#[derive(Deserialize)]
struct RawSource {
    id: String,
    title: String,
    publisher: String,
    url: String,
    published: String,
}

/// Checks every row of `sources.csv`.
pub(crate) fn check(file: &DataFile, limits: &Limits, problems: &mut Vec<Problem>) -> Defined<Source> {
    let name = file.name.as_str();
    let source_table: Table<RawSource> = read_rows(
        file,
        &["id", "title", "publisher", "url", "published"],
        limits,
        problems,
    );
    let mut sources = Vec::new();
    let mut source_seen = FxHashMap::default();
    for Row { line, value: r } in source_table.rows {
        let mut c = Checker {
            file: name,
            line,
            problems,
            ok: true,
        };
        let id = c.id("id", &r.id);
        c.required("title", &r.title);
        c.required("publisher", &r.publisher);
        let url = non_empty(r.url.trim());
        if let Some(u) = &url {
            if let Some(e) = crate::model::iri::iri_problem(u) {
                c.fail(
                    format!("'url' '{u}' is not a valid absolute URL: {e}"),
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
    Defined {
        values: sources,
        seen: source_seen,
        skipped_ids: source_table.skipped_ids,
        readable: source_table.readable,
    }
}

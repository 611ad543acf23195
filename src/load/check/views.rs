//! Checking `views.csv` (optional): one named view per row, naming entities, kinds and
//! predicates the other files define.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::checker::{first_seen, non_empty, Checker};
use super::defined::Defined;
use crate::load::dataset::DataFile;
use crate::load::limits::Limits;
use crate::load::reader::cells::split_multi;
use crate::load::reader::read::read_rows;
use crate::load::reader::table::{Row, Table};
use crate::model::entity::Entity;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::Predicate;
use crate::model::problem::Problem;
use crate::model::rank_dir::RankDir;
use crate::model::view::{NamedView, Reach, ViewLayout};
use crate::text::suggest::did_you_mean;

/// The columns of `views.csv`, in the order `fmt` writes them.
pub(crate) const COLUMNS: [&str; 15] = [
    "id",
    "title",
    "description",
    "layout",
    "rankdir",
    "focus",
    "reach",
    "kinds",
    "exclude_kinds",
    "predicates",
    "exclude_predicates",
    "dated_only",
    "keep_undated",
    "source_words",
    "frames",
];

#[derive(Deserialize)]
struct RawView {
    id: String,
    title: String,
    description: String,
    layout: String,
    rankdir: String,
    focus: String,
    reach: String,
    kinds: String,
    exclude_kinds: String,
    predicates: String,
    exclude_predicates: String,
    dated_only: String,
    keep_undated: String,
    source_words: String,
    frames: String,
}

/// Checks every row of `views.csv`, if the dataset has one; returns the views that passed.
pub(crate) fn check(
    file: Option<&DataFile>,
    limits: &Limits,
    problems: &mut Vec<Problem>,
    predicates: &Defined<Predicate>,
    entities: &Defined<Entity>,
) -> Vec<NamedView> {
    let Some(file) = file else {
        return Vec::new();
    };
    let name = file.name.as_str();
    let table: Table<RawView> = read_rows(file, &COLUMNS, limits, problems);
    let mut views = Vec::new();
    let mut seen = FxHashMap::default();
    for Row { line, value: r } in table.rows {
        let mut c = Checker {
            file: name,
            line,
            problems,
            ok: true,
        };
        let id = c.id("id", &r.id);
        c.required("title", &r.title);
        let rankdir = match non_empty(r.rankdir.trim()) {
            None => RankDir::default(),
            Some(text) => text.parse::<RankDir>().unwrap_or_else(|e| {
                c.fail(format!("bad 'rankdir': {e}"), None);
                RankDir::default()
            }),
        };
        let layout = match r.layout.trim() {
            "dot" => ViewLayout::Dot(rankdir),
            "timeline" => ViewLayout::Timeline { proportional: false },
            "timeline-proportional" => ViewLayout::Timeline { proportional: true },
            other => {
                c.fail(
                    format!("unknown layout '{other}'"),
                    Some("write dot, timeline or timeline-proportional".to_owned()),
                );
                ViewLayout::Dot(rankdir)
            }
        };
        let focus = c.id("focus", r.focus.trim());
        if let Some(f) = &focus {
            if !entities.knows(f) {
                let hint = did_you_mean(f.as_str(), entities.values.iter().map(|e| e.id.as_str()));
                c.fail(
                    format!("unknown focus '{f}': no such entity in entities.csv"),
                    hint.or_else(|| Some("the focus is the id of an entity of entities.csv".to_owned())),
                );
            }
        }
        let reach = match r.reach.trim() {
            "focus" => Reach::Focus,
            "connected" => Reach::Connected,
            other => {
                c.fail(
                    format!("bad 'reach' '{other}'"),
                    Some("write focus (relations with the focus) or connected (all connected to it)".to_owned()),
                );
                Reach::Focus
            }
        };
        let kinds = |c: &mut Checker, column: &str, cell: &str| -> Vec<EntityKind> {
            let mut kinds = Vec::new();
            for v in split_multi(cell) {
                match v.parse::<EntityKind>() {
                    Ok(k) => kinds.push(k),
                    Err(e) => c.fail(format!("bad '{column}': {e}"), None),
                }
            }
            kinds
        };
        let keep_kinds = kinds(&mut c, "kinds", &r.kinds);
        let exclude_kinds = kinds(&mut c, "exclude_kinds", &r.exclude_kinds);
        let preds = |c: &mut Checker, column: &str, cell: &str| -> Vec<Id> {
            let mut ids = Vec::new();
            for v in split_multi(cell) {
                let Some(id) = c.id(column, &v) else { continue };
                if !predicates.knows(&id) {
                    let hint = did_you_mean(id.as_str(), predicates.values.iter().map(|p| p.id.as_str()));
                    c.fail(
                        format!("unknown predicate '{id}' in '{column}': not in predicates.csv"),
                        hint.or_else(|| Some("list ids of predicates.csv, separated by '|'".to_owned())),
                    );
                }
                ids.push(id);
            }
            ids
        };
        let keep_predicates = preds(&mut c, "predicates", &r.predicates);
        let exclude_predicates = preds(&mut c, "exclude_predicates", &r.exclude_predicates);
        let keep_undated = preds(&mut c, "keep_undated", &r.keep_undated);
        let flag = |c: &mut Checker, column: &str, cell: &str| match cell.trim() {
            "true" => true,
            "false" | "" => false,
            other => {
                c.fail(
                    format!("bad '{column}' '{other}'"),
                    Some("write true or false (empty is false)".to_owned()),
                );
                false
            }
        };
        let dated_only = flag(&mut c, "dated_only", &r.dated_only);
        let frames = match r.frames.trim() {
            "year" => true,
            "" => false,
            other => {
                c.fail(
                    format!("bad 'frames' '{other}'"),
                    Some("write year (one frame per year) or leave the cell empty".to_owned()),
                );
                false
            }
        };
        if let Some(id) = &id {
            if let Some(first) = first_seen(&mut seen, id.clone(), line) {
                c.fail(
                    format!("duplicate view id '{id}' (first defined at line {first})"),
                    Some("ids are file names of views/<id>.dot: give this view another id".to_owned()),
                );
            }
        }
        if let (true, Some(id), Some(focus)) = (c.ok, id, focus) {
            views.push(NamedView {
                name: id.to_string(),
                title: r.title,
                description: r.description,
                layout,
                focus,
                reach,
                kinds: keep_kinds,
                exclude_kinds,
                predicates: keep_predicates,
                exclude_predicates,
                dated_only,
                keep_undated,
                source_words: split_multi(&r.source_words),
                frames,
            });
        }
    }
    views
}

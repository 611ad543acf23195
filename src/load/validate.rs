//! Validating a dataset: the four files checked in load order, every problem collected.

use super::check::{entities, names, predicates, relations, sources, views};
use super::dataset::{DataFile, Dataset};
use super::error::LoadError;
use super::limits::Limits;
use super::reader::text::Text;
use super::reader::threads::Threads;
use super::valid::Valid;
use crate::model::problem::{compact, Problem, Problems, Severity};

/// The files `validate` checks: each in memory, except perhaps `relations.csv`, which may be
/// planned to be read from disk in chunks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Files<'a> {
    pub(crate) sources: &'a DataFile,
    pub(crate) predicates: &'a DataFile,
    pub(crate) entities: &'a DataFile,
    pub(crate) relations: Text<'a>,
    pub(crate) views: Option<&'a DataFile>,
}

impl<'a> From<&'a Dataset> for Files<'a> {
    fn from(dataset: &'a Dataset) -> Self {
        Files {
            sources: &dataset.sources,
            predicates: &dataset.predicates,
            entities: &dataset.entities,
            relations: Text::Loaded(&dataset.relations),
            views: dataset.views.as_ref(),
        }
    }
}

/// Checks every row of `dataset`, reading `relations.csv` with `threads`.
pub(crate) fn validate(dataset: &Dataset, limits: &Limits, threads: &Threads) -> Result<Valid, LoadError> {
    validate_files(&Files::from(dataset), limits, threads)
}

/// Checks every row of `files`, reading `relations.csv` with `threads`. A planned
/// `relations.csv` that could not be read, or changed while it was, is an error.
pub(crate) fn validate_files(files: &Files<'_>, limits: &Limits, threads: &Threads) -> Result<Valid, LoadError> {
    let mut problems = Vec::new();
    let sources = sources::check(files.sources, limits, &mut problems);
    let predicates = predicates::check(files.predicates, limits, &mut problems);
    names::check_sources(&files.sources.name, &sources, &mut problems);
    names::check_predicates(&files.predicates.name, &predicates, &mut problems);
    let entities = entities::check(files.entities, &sources, limits, threads, &mut problems);
    // Each entity's place in id order: the claims carry their entities' (the merge sorts by
    // them), and the graph's nodes are in that order.
    let entity_ranks = relations::ranks(entities.values.iter().map(|e| &e.id));
    let claims = relations::check(
        files.relations,
        limits,
        threads,
        &mut problems,
        &sources,
        &predicates,
        &entities,
        &entity_ranks,
    );
    if let Text::Planned(plan) = files.relations {
        plan.finish()?;
    }
    let views = views::check(files.views, limits, &mut problems, &predicates, &entities);
    let order = |a: &Problem, b: &Problem| {
        file_rank(files, &a.file)
            .cmp(&file_rank(files, &b.file))
            .then((a.omitted > 0).cmp(&(b.omitted > 0)))
            .then(a.line.cmp(&b.line))
    };
    // The first problems of each kind by line are listed, the rest counted (after the listed
    // ones of their file).
    problems.sort_by(order);
    compact(&mut problems);
    problems.sort_by(order);
    let problems = Problems(problems);
    if problems.0.iter().any(|p| p.severity == Severity::Error) {
        return Err(LoadError::Invalid(problems));
    }
    Ok(Valid {
        sources: sources.values,
        predicates: predicates.values,
        entities: entities.values,
        entity_ranks,
        claims,
        views,
        warnings: problems,
    })
}

fn file_rank(files: &Files<'_>, file: &str) -> usize {
    [
        files.sources.name.as_str(),
        files.predicates.name.as_str(),
        files.entities.name.as_str(),
        files.relations.name(),
    ]
    .into_iter()
    .chain(files.views.map(|f| f.name.as_str()))
    .position(|name| name == file)
    .unwrap_or(5)
}

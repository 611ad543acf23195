//! Validating a dataset: the four files checked in load order, every problem collected.

use super::check::{entities, names, predicates, relations, sources, views};
use super::dataset::Dataset;
use super::error::LoadError;
use super::limits::Limits;
use super::reader::chunks::Threads;
use super::valid::Valid;
use crate::model::problem::{compact, Problem, Problems, Severity};

/// Checks every row of `dataset`, reading `relations.csv` with `threads`.
pub(crate) fn validate(dataset: &Dataset, limits: &Limits, threads: &Threads) -> Result<Valid, LoadError> {
    let mut problems = Vec::new();
    let sources = sources::check(&dataset.sources, limits, &mut problems);
    let predicates = predicates::check(&dataset.predicates, limits, &mut problems);
    names::check_sources(&dataset.sources.name, &sources, &mut problems);
    names::check_predicates(&dataset.predicates.name, &predicates, &mut problems);
    let entities = entities::check(&dataset.entities, &sources, limits, threads, &mut problems);
    // Each entity's place in id order: the claims carry their entities' (the merge sorts by
    // them), and the graph's nodes are in that order.
    let entity_ranks = relations::ranks(entities.values.iter().map(|e| &e.id));
    let claims = relations::check(
        &dataset.relations,
        limits,
        threads,
        &mut problems,
        &sources,
        &predicates,
        &entities,
        &entity_ranks,
    );
    let views = views::check(dataset.views.as_ref(), limits, &mut problems, &predicates, &entities);
    let order = |a: &Problem, b: &Problem| {
        file_rank(dataset, &a.file)
            .cmp(&file_rank(dataset, &b.file))
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

fn file_rank(dataset: &Dataset, file: &str) -> usize {
    [
        &dataset.sources,
        &dataset.predicates,
        &dataset.entities,
        &dataset.relations,
    ]
    .into_iter()
    .chain(dataset.views.as_ref())
    .position(|f| f.name == file)
    .unwrap_or(5)
}

//! Cells both CSV flavours write: a relation's start and end, and which relations are disputed.

use std::collections::HashSet;

use crate::model::handle::EdgeId;

use crate::model::edtf::Bound;
use crate::model::graph::Graph;
use crate::model::relation::Relation;

/// The bounds of a relation as `start` and `end` cells: each end at its own precision without
/// qualifiers (`1998-04`), `end` equal to `start` for a dated event, empty when open or unknown.
pub(crate) fn bound_cells(relation: &Relation, graph: &Graph) -> (String, String) {
    let cell = |b: Bound| b.date().map(|d| d.plain()).unwrap_or_default();
    match relation.span(graph.predicate_of(relation).temporal) {
        Some(span) => (cell(span.start), cell(span.end)),
        None => (String::new(), String::new()),
    }
}

/// The relations whose claims really disagree about a statement (see
/// `model::statement::disputed_edges`): the `disputed` column.
pub(crate) fn disputed_edges(graph: &Graph) -> HashSet<EdgeId> {
    crate::model::statement::disputed_edges(graph)
}

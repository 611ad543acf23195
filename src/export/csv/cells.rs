//! Cells both CSV flavours write: a relation's start and end, and which relations are disputed.

use std::collections::HashSet;

use petgraph::graph::EdgeIndex;

use crate::export::facts::facts;
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

/// The relations whose fact has several dates.
pub(crate) fn disputed_edges(graph: &Graph) -> HashSet<EdgeIndex> {
    facts(graph)
        .into_iter()
        .filter(|f| f.disputed(graph))
        .flat_map(|f| f.edges)
        .collect()
}

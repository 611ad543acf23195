//! The link of a piece of evidence as the exports write it, from what the graph records: no
//! source texts are needed (`relations.csv`'s `fragment` column, written by `fmt --sources`).

use crate::model::graph::Graph;
use crate::model::relation::Evidence;
use crate::verify::EvidenceLink;

/// How a piece of evidence opens its source, from the graph alone.
pub(crate) fn evidence_link(graph: &Graph, ev: &Evidence) -> EvidenceLink {
    EvidenceLink::recorded_in(graph, ev.source.as_str(), ev.anchor.as_deref())
}

/// The URL of a piece of evidence's link for a cell: the source's URL with the recorded text
/// fragment, the plain URL when none is recorded, empty when the source has no URL.
pub(crate) fn link_cell(graph: &Graph, ev: &Evidence) -> String {
    evidence_link(graph, ev).url().unwrap_or_default().to_owned()
}

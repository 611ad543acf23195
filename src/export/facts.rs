//! Relations grouped by the fact they state: the same subject, predicate and object, whatever
//! the date. Claims of it that really disagree (see `model::statement`) make it *disputed*; diagrams draw a
//! fact as one edge listing its dates, and the CSV export marks each of its relations.

use std::collections::BTreeMap;

use crate::model::handle::{EdgeId, NodeId};

use crate::model::edtf::Edtf;
use crate::model::graph::Graph;
use crate::model::predicate::Predicate;
use crate::model::statement::disputed_edges;

/// One fact and the relations (one per date) that state it.
#[derive(Debug, Clone)]
pub(crate) struct Fact<'g> {
    /// The subject's node (for a symmetric predicate: of the first relation).
    pub subject: NodeId,
    /// The object's node.
    pub object: NodeId,
    /// The predicate.
    pub predicate: &'g Predicate,
    /// The relations, in graph order (undated first, then by date as written).
    pub edges: Vec<EdgeId>,
    /// Whether claims of it really disagree (see [`disputed_edges`]).
    pub disputed: bool,
}

impl Fact<'_> {
    /// The distinct dates of the fact's relations, earliest first.
    pub fn dates(&self, graph: &Graph) -> Vec<Edtf> {
        let mut dates: Vec<Edtf> = self.edges.iter().filter_map(|&e| graph.relation_at(e).date).collect();
        dates.sort_by_key(|d| (d.earliest(), d.latest(), d.to_string()));
        dates.dedup();
        dates
    }

    /// Whether claims of the fact really disagree: opposite polarity, or dates that cannot all
    /// be true (dates that differ only in precision agree).
    pub fn disputed(&self) -> bool {
        self.disputed
    }
}

/// The facts of `graph`, in the order of their first relation.
pub(crate) fn facts(graph: &Graph) -> Vec<Fact<'_>> {
    let g = graph;
    let mut index: BTreeMap<(NodeId, &str, NodeId), usize> = BTreeMap::new();
    let mut out: Vec<Fact<'_>> = Vec::new();
    for e in g.edge_ids() {
        let Some((a, b)) = g.endpoints(e) else {
            continue;
        };
        let relation = &g[e];
        let predicate = graph.predicate_of(relation);
        let key = if predicate.symmetric && b < a {
            (b, predicate.id.as_str(), a)
        } else {
            (a, predicate.id.as_str(), b)
        };
        match index.get(&key) {
            Some(&i) => out[i].edges.push(e),
            None => {
                index.insert(key, out.len());
                out.push(Fact {
                    subject: a,
                    object: b,
                    predicate,
                    edges: vec![e],
                    disputed: false,
                });
            }
        }
    }
    let disputed = disputed_edges(graph);
    for fact in &mut out {
        fact.disputed = fact.edges.iter().any(|e| disputed.contains(e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_dates_of_one_fact() {
        let graph = Graph::embedded().unwrap();
        let all = facts(&graph);
        assert!(all.len() < graph.relations().count());
        let total: usize = all.iter().map(|f| f.edges.len()).sum();
        assert_eq!(total, graph.relations().count());
        for fact in &all {
            let first = graph.relation_at(fact.edges[0]);
            for &e in &fact.edges {
                let r = graph.relation_at(e);
                assert_eq!(r.predicate, first.predicate);
            }
            let dates = fact.dates(&graph);
            let dated = fact
                .edges
                .iter()
                .filter(|&&e| graph.relation_at(e).date.is_some())
                .count();
            assert_eq!(dates.len(), dated, "each relation of a fact has its own date");
        }
        assert!(all.iter().any(|f| f.disputed()));
        assert!(
            all.iter().any(|f| !f.disputed() && f.dates(&graph).len() > 1),
            "compatible dates (since 1997, since 1997-07) are not a dispute"
        );
    }
}

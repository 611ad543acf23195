//! The part of the graph a query may use, as the steps each entity can take.

use std::collections::VecDeque;

use crate::model::handle::{EdgeId, NodeId};

use super::direction::Direction;
use super::filter::Filter;
use super::path::{Alternative, Hop};
use super::time::Certainty;
use crate::model::csr::{Csr, Entry};
use crate::model::graph::Graph;

/// Distance of a node that cannot be reached, in the arrays of [`Adjacency::distances_to`].
pub(crate) const UNREACHED: u32 = u32::MAX;

/// One relation followed from one entity to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    pub edge: EdgeId,
    pub to: NodeId,
    /// Subject to object.
    pub forward: bool,
    pub certainty: Certainty,
}

/// The graph's adjacency ([`Csr`], built once per graph) seen through a query's filter and
/// direction. Nothing is copied: each entry is checked against the filter when a search looks at
/// it, so a query costs what its search touches, not the size of the graph.
///
/// Steps out of a node come sorted by the node they lead to and then best first: surest, forward
/// before backward, most sources, then relation order.
#[derive(Debug, Clone)]
pub(crate) struct Adjacency<'g> {
    graph: &'g Graph,
    csr: &'g Csr,
    filter: Filter,
    direction: Direction,
    /// The ends the user asked about: the kind filter does not apply to them.
    exempt: Vec<NodeId>,
    /// The filter admits every relation (only the direction and the kinds matter).
    all_relations: bool,
    /// The filter admits every entity.
    all_kinds: bool,
    /// The filter has no time part, so an entry's certainty follows from its being dated.
    untimed: bool,
    /// Every relation is admitted, both ways: the searches need not look at the filter at all.
    open: bool,
}

impl<'g> Adjacency<'g> {
    /// The steps `filter` admits, following relations as `direction` says. The kind filter
    /// applies to the entities on the way, not to `exempt` (the ends the user asked about).
    pub fn new(graph: &'g Graph, filter: &Filter, direction: Direction, exempt: &[NodeId]) -> Adjacency<'g> {
        let untimed = filter.time.is_none();
        let all_relations = untimed
            && filter.predicates.is_empty()
            && filter.exclude_predicates.is_empty()
            && filter.temporal.is_none()
            && filter.sources.is_empty()
            && !filter.certain
            && !filter.dated_only;
        Adjacency {
            graph,
            csr: graph.csr(),
            filter: filter.clone(),
            direction,
            exempt: exempt.to_vec(),
            all_relations,
            all_kinds: filter.kinds.is_empty(),
            untimed,
            open: all_relations && filter.kinds.is_empty() && direction == Direction::Both,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.csr.len()
    }

    /// Whether the entity at `node` may appear on the way.
    pub fn admits_node(&self, node: NodeId) -> bool {
        node.index() < self.len()
            && (self.all_kinds || self.exempt.contains(&node) || self.filter.admits_node(self.graph, node))
    }

    /// How surely the relation of `entry` passes the filter, if it does (ends not checked).
    fn certainty(&self, entry: &Entry) -> Option<Certainty> {
        if self.all_relations {
            return Some(if entry.dated() {
                Certainty::Definite
            } else {
                Certainty::Undated
            });
        }
        self.filter.admits(self.graph, self.graph.relation_at(entry.edge()))
    }

    /// Whether the relation of `entry` may be read `forward` (subject to object) or not.
    fn direction_admits(&self, entry: &Entry, forward: bool) -> bool {
        forward || self.direction == Direction::Both || entry.symmetric()
    }

    /// The step from an admitted node along `entry`, if the filter admits it.
    fn step(&self, entry: &Entry) -> Option<Step> {
        if !self.direction_admits(entry, entry.forward()) || !self.admits_node(entry.to()) {
            return None;
        }
        Some(Step {
            edge: entry.edge(),
            to: entry.to(),
            forward: entry.forward(),
            certainty: self.certainty(entry)?,
        })
    }

    /// Whether the step from `entry.to` back along `entry` to the (admitted) node it belongs to
    /// is admitted.
    fn admits_reverse(&self, entry: &Entry) -> bool {
        self.direction_admits(entry, !entry.forward())
            && self.admits_node(entry.to())
            && self.certainty(entry).is_some()
    }

    /// Every admitted step out of `node`.
    pub fn steps(&self, node: NodeId) -> Vec<Step> {
        if !self.admits_node(node) {
            return Vec::new();
        }
        let mut steps: Vec<Step> = self.csr.entries(node).iter().filter_map(|e| self.step(e)).collect();
        if !self.untimed {
            // A time filter may find a dated relation only possibly holding: the entries are
            // already in order otherwise, and a stable sort keeps that order among equals.
            steps.sort_by_key(|s| (s.to, s.certainty));
        }
        steps
    }

    /// The admitted steps out of `node` that follow their relation from subject to object, in
    /// node order (but not best first among parallel relations).
    pub fn forward_steps(&self, node: NodeId) -> impl Iterator<Item = Step> + '_ {
        let entries = if self.admits_node(node) {
            self.csr.entries(node)
        } else {
            &[]
        };
        entries.iter().filter(|e| e.forward()).filter_map(|e| self.step(e))
    }

    /// The admitted steps from `a` straight to `b`, best first.
    pub fn between(&self, a: NodeId, b: NodeId) -> Vec<Step> {
        if !self.admits_node(a) {
            return Vec::new();
        }
        let mut steps: Vec<Step> = self.csr.between(a, b).iter().filter_map(|e| self.step(e)).collect();
        steps.sort_by_key(|s| s.certainty);
        steps
    }

    /// Whether there is an admitted step from `a` to `b`.
    pub fn has_step(&self, a: NodeId, b: NodeId) -> bool {
        self.admits_node(a) && self.csr.between(a, b).iter().any(|e| self.step(e).is_some())
    }

    /// The number of relation ends at `node`, admitted or not: what looking at its neighbours
    /// costs.
    pub fn degree(&self, node: NodeId) -> usize {
        self.csr.entries(node).len()
    }

    /// The certainty of the best admitted step from `a` to `b`, if there is one.
    pub fn best_certainty(&self, a: NodeId, b: NodeId) -> Option<Certainty> {
        self.between(a, b).first().map(|s| s.certainty)
    }

    /// The first admitted neighbour of `node` whose entries start at or after position `at` of
    /// its entries, with the position just past that neighbour's entries. Positions start at 0
    /// and always fall at the start of a neighbour's entries.
    pub fn next_neighbour(&self, node: NodeId, mut at: usize) -> Option<(NodeId, usize)> {
        let entries = self.csr.entries(node);
        while let Some(first) = entries.get(at) {
            // Parallel relations are few: a linear scan finds the end of the group soonest.
            let end = at + entries[at..].iter().take_while(|e| e.to == first.to).count();
            if self.open || entries[at..end].iter().any(|e| self.step(e).is_some()) {
                return Some((first.to(), end));
            }
            at = end;
        }
        None
    }

    /// The distinct admitted neighbours of `node` (those it has a step to), in node order.
    pub fn neighbours(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let ok = self.admits_node(node);
        let mut at = 0;
        std::iter::from_fn(move || {
            if !ok {
                return None;
            }
            let (next, end) = self.next_neighbour(node, at)?;
            at = end;
            Some(next)
        })
    }

    /// The distinct nodes with an admitted step to `node`, in node order.
    pub fn predecessors(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let entries = if self.admits_node(node) {
            self.csr.entries(node)
        } else {
            &[]
        };
        let mut last = None;
        entries.iter().filter_map(move |e| {
            if last == Some(e.to) || !(self.open || self.admits_reverse(e)) {
                return None;
            }
            last = Some(e.to);
            Some(e.to())
        })
    }

    /// The hop from `a` to `b` over their best relation, with the others as alternatives.
    pub fn hop(&self, a: NodeId, b: NodeId) -> Option<Hop> {
        let between = self.between(a, b);
        let (best, rest) = between.split_first()?;
        Some(Hop {
            from: a,
            edge: best.edge,
            to: b,
            forward: best.forward,
            certainty: best.certainty,
            order: None,
            also: rest.iter().map(Alternative::from).collect(),
        })
    }

    /// Fewest hops from every node to `target`, looking no further than `limit` hops
    /// ([`UNREACHED`] where it cannot be reached so).
    ///
    /// # Complexity
    /// O(V) to set up, then O(V + E) over the part within `limit` hops.
    pub fn distances_to(&self, target: NodeId, limit: Option<usize>) -> Vec<u32> {
        let mut dist = vec![UNREACHED; self.len()];
        if target.index() >= self.len() {
            return dist;
        }
        dist[target.index()] = 0;
        let mut queue = VecDeque::from([target]);
        while let Some(n) = queue.pop_front() {
            let d = dist[n.index()];
            if limit.is_some_and(|l| d as usize >= l) {
                continue;
            }
            for p in self.predecessors(n) {
                if dist[p.index()] == UNREACHED {
                    dist[p.index()] = d + 1;
                    queue.push_back(p);
                }
            }
        }
        dist
    }
}

impl From<&Step> for Alternative {
    fn from(s: &Step) -> Alternative {
        Alternative {
            edge: s.edge,
            forward: s.forward,
            certainty: s.certainty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::EntityKind;
    use crate::query::filter::Filter;

    /// The admitted steps as the query layer had them before the shared adjacency: a full
    /// pass over the relations, each checked against the filter.
    fn reference(graph: &Graph, filter: &Filter, direction: Direction, exempt: &[NodeId]) -> Vec<Vec<Step>> {
        let g = graph;
        let kind_ok = |n: NodeId| exempt.contains(&n) || filter.admits_node(graph, n);
        let mut steps: Vec<Vec<(Step, usize)>> = vec![Vec::new(); g.entity_count()];
        for edge in g.edge_ids() {
            let (a, b) = g.endpoints(edge).unwrap();
            if !kind_ok(a) || !kind_ok(b) {
                continue;
            }
            let relation = &g[edge];
            let Some(certainty) = filter.admits(graph, relation) else {
                continue;
            };
            let sources = relation.sources().len();
            let step = |to, forward| Step {
                edge,
                to,
                forward,
                certainty,
            };
            steps[a.index()].push((step(b, true), sources));
            if direction == Direction::Both || graph.predicate_of(relation).symmetric {
                steps[b.index()].push((step(a, false), sources));
            }
        }
        steps
            .into_iter()
            .map(|mut list| {
                list.sort_by_key(|(s, sources)| (s.to, s.certainty, !s.forward, std::cmp::Reverse(*sources), s.edge));
                list.into_iter().map(|(s, _)| s).collect()
            })
            .collect()
    }

    #[test]
    fn the_filtered_view_equals_a_full_filtered_copy() {
        let graph = Graph::embedded().unwrap();
        let exempt = [graph.node("belarus").unwrap()];
        let filters = [
            Filter::default(),
            Filter::default().at("2005".parse().unwrap()),
            Filter::default().between(Some("1995".parse().unwrap()), Some("2010".parse().unwrap())),
            Filter::default().certain(true),
            Filter::default().dated_only(true).kind(EntityKind::State),
        ];
        for filter in &filters {
            for direction in [Direction::Both, Direction::Directed] {
                let adj = Adjacency::new(&graph, filter, direction, &exempt);
                let expected = reference(&graph, filter, direction, &exempt);
                for n in graph.node_ids() {
                    let steps = adj.steps(n);
                    assert_eq!(steps, expected[n.index()], "{filter:?} {direction:?} at {n:?}");
                    let mut distinct: Vec<NodeId> = steps.iter().map(|s| s.to).collect();
                    distinct.dedup();
                    assert_eq!(adj.neighbours(n).collect::<Vec<_>>(), distinct);
                    for &to in &distinct {
                        let between: Vec<Step> = steps.iter().filter(|s| s.to == to).copied().collect();
                        assert_eq!(adj.between(n, to), between);
                    }
                }
            }
        }
    }

    #[test]
    fn predecessors_are_the_nodes_with_a_step_here() {
        let graph = Graph::embedded().unwrap();
        for direction in [Direction::Both, Direction::Directed] {
            let filter = Filter::default().at("2010".parse().unwrap());
            let adj = Adjacency::new(&graph, &filter, direction, &[]);
            let mut expected: Vec<Vec<NodeId>> = vec![Vec::new(); adj.len()];
            for n in graph.node_ids() {
                for to in adj.neighbours(n) {
                    expected[to.index()].push(n);
                }
            }
            for n in graph.node_ids() {
                assert_eq!(adj.predecessors(n).collect::<Vec<_>>(), expected[n.index()]);
            }
        }
    }

    #[test]
    fn distances_stop_at_the_limit() {
        let graph = Graph::embedded().unwrap();
        let adj = Adjacency::new(&graph, &Filter::default(), Direction::Both, &[]);
        let belarus = graph.node("belarus").unwrap();
        let all = adj.distances_to(belarus, None);
        let near = adj.distances_to(belarus, Some(1));
        assert_eq!(all[belarus.index()], 0);
        assert!(all.contains(&2));
        for (a, b) in all.iter().zip(&near) {
            assert_eq!(*b, if *a <= 1 { *a } else { UNREACHED });
        }
    }
}

/// The shared index itself ([`Csr`] lives in the model, which cannot load a graph to test it on).
#[cfg(test)]
mod csr_tests {
    use crate::model::csr::{Csr, Entry};
    use crate::model::graph::Graph;
    use crate::model::handle::NodeId;

    #[test]
    fn every_relation_appears_once_from_each_end() {
        let graph = Graph::embedded().unwrap();
        let csr = graph.csr();
        assert_eq!(csr.len(), graph.entity_count());
        let total: usize = graph.node_ids().map(|n| csr.entries(n).len()).sum();
        assert_eq!(total, 2 * graph.relation_count());
        for e in graph.edge_ids() {
            let (a, b) = graph.endpoints(e).unwrap();
            let from_a: Vec<&Entry> = csr.between(a, b).iter().filter(|x| x.edge() == e).collect();
            let from_b: Vec<&Entry> = csr.between(b, a).iter().filter(|x| x.edge() == e).collect();
            if a == b {
                assert_eq!(from_a.len(), 2);
            } else {
                assert_eq!(from_a.len(), 1);
                assert_eq!(from_b.len(), 1);
                assert!(from_a[0].forward() && !from_b[0].forward());
            }
            let relation = graph.relation_at(e);
            assert_eq!(from_a[0].dated(), relation.date.is_some());
            assert_eq!(from_a[0].symmetric(), graph.predicate_of(relation).symmetric);
        }
    }

    #[test]
    fn entries_are_sorted_by_neighbour_then_best_first() {
        let graph = Graph::embedded().unwrap();
        let csr = graph.csr();
        let mut parallel = 0;
        for n in graph.node_ids() {
            for w in csr.entries(n).windows(2) {
                assert!(w[0].to <= w[1].to);
                if w[0].to == w[1].to {
                    parallel += 1;
                    let key = |e: &Entry| {
                        let r = graph.relation_at(e.edge());
                        (!e.dated(), !e.forward(), std::cmp::Reverse(r.sources().len()), e.edge)
                    };
                    assert!(key(&w[0]) < key(&w[1]));
                }
            }
        }
        assert!(parallel > 0, "the embedded graph has parallel relations");
    }

    #[test]
    fn a_node_outside_the_graph_has_no_entries() {
        let graph = Graph::embedded().unwrap();
        let csr = graph.csr();
        let outside = NodeId::new(csr.len() + 5);
        assert!(csr.entries(outside).is_empty());
        assert!(csr.between(outside, NodeId::new(0)).is_empty());
        assert_eq!(Csr::default().len(), 0);
    }
}

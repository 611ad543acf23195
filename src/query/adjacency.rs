//! The part of the graph a query may use, as the steps each entity can take.

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::direction::Direction;
use super::filter::Filter;
use super::path::{Alternative, Hop};
use super::time::Certainty;
use crate::Graph;

/// One relation followed from one entity to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    pub edge: EdgeIndex,
    pub to: NodeIndex,
    /// Subject to object.
    pub forward: bool,
    pub certainty: Certainty,
}

/// For every node, the admitted steps out of it, sorted by the node they lead to and then best
/// first: surest, forward before backward, most sources, then relation order. Building it once
/// per query keeps the filter out of the inner loops of the path algorithms.
#[derive(Debug, Clone)]
pub(crate) struct Adjacency {
    steps: Vec<Vec<Step>>,
}

impl Adjacency {
    /// The steps `filter` admits, following relations as `direction` says. The kind filter
    /// applies to the entities on the way, not to `exempt` (the ends the user asked about).
    pub fn new(graph: &Graph, filter: &Filter, direction: Direction, exempt: &[NodeIndex]) -> Adjacency {
        let g = graph.petgraph();
        let kind_ok = |n: NodeIndex| exempt.contains(&n) || filter.admits_node(graph, n);
        let mut steps: Vec<Vec<(Step, usize)>> = vec![Vec::new(); g.node_count()];
        for edge in g.edge_indices() {
            let Some((a, b)) = g.edge_endpoints(edge) else {
                continue;
            };
            if !kind_ok(a) || !kind_ok(b) {
                continue;
            }
            let relation = &g[edge];
            let Some(certainty) = filter.admits(graph, relation) else {
                continue;
            };
            let sources = relation.sources().len();
            steps[a.index()].push((
                Step {
                    edge,
                    to: b,
                    forward: true,
                    certainty,
                },
                sources,
            ));
            if direction == Direction::Both || graph.predicate_of(relation).symmetric {
                steps[b.index()].push((
                    Step {
                        edge,
                        to: a,
                        forward: false,
                        certainty,
                    },
                    sources,
                ));
            }
        }
        let steps = steps
            .into_iter()
            .map(|mut list| {
                list.sort_by_key(|(s, sources)| (s.to, s.certainty, !s.forward, std::cmp::Reverse(*sources), s.edge));
                list.into_iter().map(|(s, _)| s).collect()
            })
            .collect();
        Adjacency { steps }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Every admitted step out of `node`.
    pub fn steps(&self, node: NodeIndex) -> &[Step] {
        self.steps.get(node.index()).map_or(&[], Vec::as_slice)
    }

    /// The admitted steps from `a` straight to `b`, best first.
    pub fn between(&self, a: NodeIndex, b: NodeIndex) -> &[Step] {
        let steps = self.steps(a);
        let start = steps.partition_point(|s| s.to < b);
        let end = steps.partition_point(|s| s.to <= b);
        &steps[start..end]
    }

    /// The distinct neighbours of `node`, in node order, each with its best step.
    pub fn neighbours(&self, node: NodeIndex) -> impl Iterator<Item = &Step> + '_ {
        let steps = self.steps(node);
        steps
            .iter()
            .enumerate()
            .filter(move |(i, s)| *i == 0 || steps[i - 1].to != s.to)
            .map(|(_, s)| s)
    }

    /// The hop from `a` to `b` over their best relation, with the others as alternatives.
    pub fn hop(&self, a: NodeIndex, b: NodeIndex) -> Option<Hop> {
        let (best, rest) = self.between(a, b).split_first()?;
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

    /// Fewest hops from every node to `target` (`usize::MAX` where it cannot be reached).
    pub fn distances_to(&self, target: NodeIndex) -> Vec<usize> {
        let mut predecessors: Vec<Vec<NodeIndex>> = vec![Vec::new(); self.len()];
        for (i, steps) in self.steps.iter().enumerate() {
            for s in steps {
                predecessors[s.to.index()].push(NodeIndex::new(i));
            }
        }
        let mut dist = vec![usize::MAX; self.len()];
        if target.index() >= self.len() {
            return dist;
        }
        dist[target.index()] = 0;
        let mut queue = std::collections::VecDeque::from([target]);
        while let Some(n) = queue.pop_front() {
            let d = dist[n.index()];
            for &p in &predecessors[n.index()] {
                if dist[p.index()] == usize::MAX {
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

//! The neighbourhood of an entity: an ego graph to a given depth.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::model::handle::{EdgeId, NodeId};

use super::adjacency::{Adjacency, UNREACHED};
use super::direction::Direction;
use super::filter::Filter;
use super::report::{EntityRef, HopReport, RelationLine, RelationReport};
use super::time::Certainty;
use crate::model::graph::Graph;

/// Entities within `depth` hops of `start` (following relations both ways, through `filter`),
/// and the admitted relations among them. The same as
/// `graph.neighbours(start).depth(depth).filter(filter.clone()).run()`, as sets.
///
/// # Complexity
/// O(V + E).
pub(crate) fn neighbourhood(
    graph: &Graph,
    start: NodeId,
    depth: usize,
    filter: &Filter,
) -> (BTreeSet<NodeId>, BTreeSet<EdgeId>) {
    let n = graph.neighbours(start).depth(depth).filter(filter.clone()).run();
    (
        n.distance.keys().copied().collect(),
        n.relations.iter().map(|r| r.0).collect(),
    )
}

/// A question about what surrounds an entity; made by [`Graph::neighbours`].
///
/// ```
/// use diplograph::{Filter, Graph};
/// let graph = Graph::embedded()?;
/// let pratasevich = graph.node("raman-pratasevich").unwrap();
/// let near = graph.neighbours(pratasevich).depth(2).run();
/// assert_eq!(near.distance[&pratasevich], 0);
/// assert!(near.distance.values().all(|&d| d <= 2));
/// assert!(near.distance.contains_key(&graph.node("belarus").unwrap()));
/// // Usable as the input of any export:
/// let view = near.to_graph(&graph);
/// assert_eq!(view.entities().count(), near.distance.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct NeighbourQuery<'g> {
    graph: &'g Graph,
    centre: NodeId,
    depth: usize,
    filter: Filter,
    direction: Direction,
}

impl Graph {
    /// Starts a question about the entities around `centre`: see [`NeighbourQuery`].
    pub fn neighbours(&self, centre: NodeId) -> NeighbourQuery<'_> {
        NeighbourQuery {
            graph: self,
            centre,
            depth: 1,
            filter: Filter::default(),
            direction: Direction::Both,
        }
    }
}

impl NeighbourQuery<'_> {
    /// Entities up to `n` hops away (default 1).
    pub fn depth(mut self, n: usize) -> Self {
        self.depth = n;
        self
    }

    /// Uses only the relations and entities `filter` admits (its kinds do not apply to the centre).
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// Follows relations as `direction` says (default: both ways; directed: outgoing only).
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }

    /// Finds the neighbourhood.
    ///
    /// # Complexity
    /// O(V) to set up, then O(V' + E') for the V' entities reached and their E' relations: one
    /// breadth-first search, then one pass over the relations of the entities reached.
    pub fn run(&self) -> Neighbourhood {
        let adj = Adjacency::new(self.graph, &self.filter, self.direction, &[self.centre]);
        let mut reached: Vec<NodeId> = Vec::new();
        let mut depth = vec![UNREACHED; adj.len()];
        if self.centre.index() < adj.len() {
            depth[self.centre.index()] = 0;
            reached.push(self.centre);
        }
        let mut next = 0;
        while let Some(&node) = reached.get(next) {
            next += 1;
            let d = depth[node.index()];
            if d as usize >= self.depth {
                continue;
            }
            for to in adj.neighbours(node) {
                if depth[to.index()] == UNREACHED {
                    depth[to.index()] = d + 1;
                    reached.push(to);
                }
            }
        }
        // Every admitted relation among the entities reached, whichever way it points: each is
        // seen from its subject.
        let both = Adjacency::new(self.graph, &self.filter, Direction::Both, &[self.centre]);
        let mut relations: Vec<(EdgeId, Certainty)> = Vec::new();
        for &node in &reached {
            relations.extend(
                both.forward_steps(node)
                    .filter(|s| depth[s.to.index()] != UNREACHED)
                    .map(|s| (s.edge, s.certainty)),
            );
        }
        relations.sort_unstable();
        reached.sort_unstable();
        let distance = reached.into_iter().map(|n| (n, depth[n.index()] as usize)).collect();
        Neighbourhood {
            centre: self.centre,
            depth: self.depth,
            direction: self.direction,
            distance,
            relations,
        }
    }
}

/// The entities around one entity and the relations among them; made by [`NeighbourQuery::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    /// The entity asked about.
    pub centre: NodeId,
    /// How far out it reaches.
    pub depth: usize,
    /// How relations were followed.
    pub direction: Direction,
    /// Every entity reached, with its distance in hops from the centre (the centre: 0).
    pub distance: BTreeMap<NodeId, usize>,
    /// The admitted relations among them, with how surely each passes the time filter, in
    /// relation order.
    pub relations: Vec<(EdgeId, Certainty)>,
}

/// A neighbourhood, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NeighbourhoodReport<'g> {
    /// The entity asked about.
    pub centre: EntityRef<'g>,
    /// How far out it reaches.
    pub depth: usize,
    /// `both` or `directed`.
    pub direction: Direction,
    /// Every entity reached, nearest first, then by id.
    pub entities: Vec<NeighbourReport<'g>>,
    /// The relations among them, each read from the end nearer the centre.
    pub relations: Vec<HopReport<'g>>,
}

/// One entity of a neighbourhood, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NeighbourReport<'g> {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityRef<'g>,
    /// Its distance in hops from the centre.
    pub distance: usize,
}

impl Neighbourhood {
    /// The part of `graph` made of these entities and relations, for exports.
    pub fn to_graph(&self, graph: &Graph) -> Graph {
        let edges: BTreeSet<EdgeId> = self.relations.iter().map(|r| r.0).collect();
        graph.restrict(|n| self.distance.contains_key(&n), |e| edges.contains(&e))
    }

    /// Each relation read from its end nearer the centre: (from, edge, forward, certainty).
    fn oriented(&self, graph: &Graph) -> Vec<(NodeId, EdgeId, bool, Certainty)> {
        self.relations
            .iter()
            .filter_map(|&(edge, certainty)| {
                let (s, o) = graph.endpoints(edge)?;
                let (ds, dob) = (self.distance.get(&s)?, self.distance.get(&o)?);
                Some(if dob < ds {
                    (o, edge, false, certainty)
                } else {
                    (s, edge, true, certainty)
                })
            })
            .collect()
    }

    /// The neighbourhood as a report, for `--json`.
    pub fn report<'g>(&self, graph: &'g Graph) -> NeighbourhoodReport<'g> {
        let mut entities: Vec<(usize, &crate::model::id::Id, NodeId)> = self
            .distance
            .iter()
            .map(|(&n, &d)| (d, &graph.entity_at(n).id, n))
            .collect();
        entities.sort();
        NeighbourhoodReport {
            centre: graph.entity_at(self.centre).into(),
            depth: self.depth,
            direction: self.direction,
            entities: entities
                .into_iter()
                .map(|(distance, _, n)| NeighbourReport {
                    entity: graph.entity_at(n).into(),
                    distance,
                })
                .collect(),
            relations: self
                .oriented(graph)
                .into_iter()
                .filter_map(|(from, edge, forward, certainty)| {
                    let (s, o) = graph.endpoints(edge)?;
                    let to = if forward { o } else { s };
                    Some(HopReport {
                        from: graph.entity_at(from).into(),
                        to: graph.entity_at(to).into(),
                        relation: RelationReport::new(graph, edge, forward, certainty),
                        order: None,
                        also: Vec::new(),
                    })
                })
                .collect(),
        }
    }

    /// The neighbourhood as text: a summary line, then for each distance the relations that
    /// reach out to it, one a line, read from the centre's side.
    pub fn display<'a>(&'a self, graph: &'a Graph) -> NeighbourhoodDisplay<'a> {
        NeighbourhoodDisplay {
            graph,
            n: self,
            more: "",
        }
    }
}

/// A neighbourhood as text; made by [`Neighbourhood::display`].
#[derive(Debug, Clone, Copy)]
pub struct NeighbourhoodDisplay<'a> {
    graph: &'a Graph,
    n: &'a Neighbourhood,
    more: &'a str,
}

impl<'a> NeighbourhoodDisplay<'a> {
    /// Text to append where relations are left out (e.g. where to find them all); none by default.
    pub fn more_hint(mut self, hint: &'a str) -> Self {
        self.more = hint;
        self
    }
}

impl fmt::Display for NeighbourhoodDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (graph, n) = (self.graph, self.n);
        let centre = graph.entity_at(n.centre);
        let others = n.distance.len().saturating_sub(1);
        writeln!(
            f,
            "{} ({}): {others} entit{} within {} hop{}, {} relation{}",
            centre.label,
            centre.id,
            if others == 1 { "y" } else { "ies" },
            n.depth,
            if n.depth == 1 { "" } else { "s" },
            n.relations.len(),
            if n.relations.len() == 1 { "" } else { "s" },
        )?;
        type Ring = Vec<(NodeId, NodeId, EdgeId, bool, Certainty)>;
        let mut rings: BTreeMap<usize, Ring> = BTreeMap::new();
        let mut sideways = 0;
        for (from, edge, forward, certainty) in n.oriented(graph) {
            let Some((s, o)) = graph.endpoints(edge) else {
                continue;
            };
            let to = if forward { o } else { s };
            let (df, dt) = (n.distance[&from], n.distance[&to]);
            if dt == df + 1 {
                rings.entry(dt).or_default().push((from, to, edge, forward, certainty));
            } else {
                sideways += 1;
            }
        }
        for (d, mut lines) in rings {
            lines.sort_by_key(|&(from, to, edge, ..)| (n.distance[&from], from, to, edge));
            writeln!(f, "{d} hop{}:", if d == 1 { "" } else { "s" })?;
            for (from, _, edge, forward, certainty) in lines {
                writeln!(f, "  {}", RelationLine::new(graph, from, edge, forward, certainty))?;
            }
        }
        if sideways > 0 {
            writeln!(
                f,
                "and {sideways} relation{} among entities at the same distance{}",
                if sideways == 1 { "" } else { "s" },
                self.more
            )?;
        }
        Ok(())
    }
}

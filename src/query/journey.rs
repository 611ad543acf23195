//! Time-respecting paths ("journeys"): relations whose dates do not go backwards, earliest
//! arrival first.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use crate::model::handle::NodeId;

use super::adjacency::{Adjacency, Step, UNREACHED};
use super::clock::Clock;
use super::path::{Alternative, Hop, Path};
use super::time::Certainty;
use crate::model::edtf::Day;
use crate::model::graph::Graph;

/// How a journey search is bounded and what it may use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JourneyLimits {
    pub k: usize,
    pub max_hops: Option<usize>,
    /// The day journeys may start (the start of the query's time filter).
    pub start: Option<Day>,
    /// Keep only journeys whose every step is definitely in order.
    pub certain: bool,
    /// Partial journeys the search may create before it gives up.
    pub work: usize,
    pub today: Day,
}

/// A partial journey, stored once; `parent` links it to the journey it extends.
struct Label {
    node: NodeId,
    parent: Option<usize>,
    step: Option<(Step, Certainty)>,
    clock: Clock,
    hops: usize,
    undated: bool,
    worst: Certainty,
}

/// Ranking of partial journeys: fully dated first, then earliest arrival, surest order, fewest
/// hops, then discovery order. Every part can only grow as a journey is extended, so the
/// best-first search meets complete journeys in rank order.
type Rank = (bool, Option<Day>, Certainty, usize, usize);

/// Up to `k` journeys from `from` to `to`, earliest arrival first; `false` with them when the
/// search ran out of work before it could be sure there are no better ones.
///
/// Journeys that pass through the same entities are one journey: the first found is kept, and
/// the relations that could replace one of its hops are listed as alternatives.
///
/// # Complexity
/// Best-first search over partial simple journeys; exponential in the worst case, so bounded by
/// `limits.work` partial journeys.
pub(crate) fn journeys(
    graph: &Graph,
    adj: &Adjacency,
    from: NodeId,
    to: NodeId,
    limits: JourneyLimits,
) -> (Vec<Path>, bool) {
    let mut found: Vec<Path> = Vec::new();
    if limits.k == 0 || from.index() >= adj.len() || to.index() >= adj.len() {
        return (found, true);
    }
    if from == to {
        return (vec![Path::empty(from)], true);
    }
    let dist = adj.distances_to(to, limits.max_hops);
    let mut labels = vec![Label {
        node: from,
        parent: None,
        step: None,
        clock: Clock::starting(limits.start),
        hops: 0,
        undated: false,
        worst: Certainty::Definite,
    }];
    let mut heap: BinaryHeap<Reverse<Rank>> =
        BinaryHeap::from([Reverse((false, limits.start, Certainty::Definite, 0, 0))]);
    let mut seen_routes: HashSet<Vec<NodeId>> = HashSet::new();
    let mut work = limits.work;
    while let Some(Reverse((.., id))) = heap.pop() {
        let label = &labels[id];
        if label.node == to {
            let route = route_of(&labels, id);
            let nodes: Vec<NodeId> = std::iter::once(from).chain(route.iter().map(|(s, _)| s.to)).collect();
            if seen_routes.insert(nodes) {
                found.push(finish(graph, adj, from, &route, limits));
                if found.len() >= limits.k {
                    return (found, true);
                }
            }
            continue;
        }
        let hops = label.hops;
        let remaining = limits.max_hops.map_or(usize::MAX, |m| m.saturating_sub(hops));
        for step in adj.steps(label.node) {
            let d = dist[step.to.index()];
            if d == UNREACHED || d as usize + 1 > remaining || on_route(&labels, id, step.to) {
                continue;
            }
            let label = &labels[id];
            let relation = graph.relation_at(step.edge);
            let temporal = graph.predicate_of(relation).temporal;
            let Some((clock, order)) = label.clock.advance(relation.date.as_ref(), temporal, limits.today) else {
                continue;
            };
            if limits.certain && order != Certainty::Definite {
                continue;
            }
            if work == 0 {
                return (found, false);
            }
            work -= 1;
            let undated = label.undated || order == Certainty::Undated;
            let worst = if order == Certainty::Undated {
                label.worst
            } else {
                label.worst.max(order)
            };
            let next = Label {
                node: step.to,
                parent: Some(id),
                step: Some((step, order)),
                clock,
                hops: hops + 1,
                undated,
                worst,
            };
            heap.push(Reverse((undated, clock.early, worst, hops + 1, labels.len())));
            labels.push(next);
        }
    }
    (found, true)
}

fn on_route(labels: &[Label], mut id: usize, node: NodeId) -> bool {
    loop {
        if labels[id].node == node {
            return true;
        }
        match labels[id].parent {
            Some(p) => id = p,
            None => return false,
        }
    }
}

fn route_of(labels: &[Label], mut id: usize) -> Vec<(Step, Certainty)> {
    let mut route = Vec::new();
    while let Some(step) = labels[id].step {
        route.push(step);
        match labels[id].parent {
            Some(p) => id = p,
            None => break,
        }
    }
    route.reverse();
    route
}

/// Replays a route from the start clock: the clock at the end and each step's order, or `None`
/// if it is out of order (or, when `certain`, not surely in order).
fn replay(graph: &Graph, route: &[Step], limits: JourneyLimits) -> Option<(Clock, Vec<Certainty>)> {
    let mut clock = Clock::starting(limits.start);
    let mut orders = Vec::with_capacity(route.len());
    for step in route {
        let relation = graph.relation_at(step.edge);
        let (next, order) = clock.advance(
            relation.date.as_ref(),
            graph.predicate_of(relation).temporal,
            limits.today,
        )?;
        if limits.certain && order != Certainty::Definite {
            return None;
        }
        clock = next;
        orders.push(order);
    }
    Some((clock, orders))
}

/// The path of a complete route, with the alternatives that would keep it in order.
fn finish(graph: &Graph, adj: &Adjacency, from: NodeId, route: &[(Step, Certainty)], limits: JourneyLimits) -> Path {
    let steps: Vec<Step> = route.iter().map(|(s, _)| *s).collect();
    let arrival = replay(graph, &steps, limits).and_then(|(clock, _)| clock.early);
    let mut at = from;
    let mut hops = Vec::with_capacity(route.len());
    for (i, (step, order)) in route.iter().enumerate() {
        let also = adj
            .between(at, step.to)
            .iter()
            .filter(|other| other.edge != step.edge || other.forward != step.forward)
            .filter(|other| {
                let mut alt = steps.clone();
                alt[i] = **other;
                replay(graph, &alt, limits).is_some()
            })
            .map(Alternative::from)
            .collect();
        hops.push(Hop {
            from: at,
            edge: step.edge,
            to: step.to,
            forward: step.forward,
            certainty: step.certainty,
            order: Some(*order),
            also,
        });
        at = step.to;
    }
    Path { from, hops, arrival }
}

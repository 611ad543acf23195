//! A path through the graph: hops from one entity to another, each over one relation.

use crate::model::handle::{EdgeId, NodeId};

use super::time::Certainty;
use crate::model::edtf::Day;

/// Another relation that links the same two entities as a [`Hop`], in its own direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alternative {
    /// The relation.
    pub edge: EdgeId,
    /// True when it is followed from subject to object.
    pub forward: bool,
    /// How surely it passes the query's time filter (`Undated` when it has no date).
    pub certainty: Certainty,
}

/// One step of a [`Path`]: from an entity, over one relation, to the next entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// Where the hop starts.
    pub from: NodeId,
    /// The relation followed.
    pub edge: EdgeId,
    /// Where the hop ends.
    pub to: NodeId,
    /// True when the relation is followed from its subject to its object; false when it is read
    /// backwards (with the predicate's inverse label).
    pub forward: bool,
    /// How surely the relation passes the query's time filter: without one, `Definite` for a
    /// dated relation and `Undated` for an undated one.
    pub certainty: Certainty,
    /// In a journey (a time-respecting path): how surely this hop does not go back in time from
    /// the one before — `Possible` where date precisions overlap (`1998` then `1998-04`) or a
    /// date is approximate or an end unknown, `Undated` for an undated hop. `None` outside
    /// journeys.
    pub order: Option<Certainty>,
    /// The other admitted relations between the same two entities, best first (in a journey:
    /// only those that would keep it in order).
    pub also: Vec<Alternative>,
}

/// A path: the hops from `from` to the last hop's `to`; no entity appears twice.
///
/// The hops are the path as a list of (node, edge, forward) steps, ready to be drawn or
/// exported; [`Path::report`](crate::query::path::Path::report) and
/// [`Path::display`](crate::query::path::Path::display) describe them for people and programs.
///
/// ```
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
/// let path = graph.paths(a, b).shortest().expect("Belarus and NATO are linked");
/// assert_eq!(path.from, a);
/// assert_eq!(path.to(), b);
/// assert_eq!(path.nodes().count(), path.len() + 1);
/// for hop in &path.hops {
///     let (s, o) = graph.endpoints(hop.edge).unwrap();
///     assert_eq!((s, o), if hop.forward { (hop.from, hop.to) } else { (hop.to, hop.from) });
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// Where the path starts.
    pub from: NodeId,
    /// The hops, in order; empty for the path from an entity to itself.
    pub hops: Vec<Hop>,
    /// For a journey: the earliest day it can reach its end, if any hop is dated.
    pub arrival: Option<Day>,
}

impl Path {
    /// The empty path at `node`.
    pub fn empty(node: NodeId) -> Path {
        Path {
            from: node,
            hops: Vec::new(),
            arrival: None,
        }
    }

    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the path from an entity to itself.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }

    /// Where the path ends.
    pub fn to(&self) -> NodeId {
        self.hops.last().map_or(self.from, |h| h.to)
    }

    /// The entities along the path, from start to end.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::once(self.from).chain(self.hops.iter().map(|h| h.to))
    }

    /// The relations along the path.
    pub fn edges(&self) -> impl Iterator<Item = EdgeId> + '_ {
        self.hops.iter().map(|h| h.edge)
    }

    /// The least sure hop's certainty under the time filter (`Definite` for the empty path).
    pub fn certainty(&self) -> Certainty {
        self.hops
            .iter()
            .map(|h| h.certainty)
            .max()
            .unwrap_or(Certainty::Definite)
    }

    /// For a journey: how surely the whole path runs forward in time (its least sure step).
    pub fn order(&self) -> Option<Certainty> {
        self.hops.iter().filter_map(|h| h.order).max()
    }
}

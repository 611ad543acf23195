//! Handles to the entities and relations of one loaded graph: small `Copy` values that the
//! queries return and take, in place of the storage's own indices.

use std::fmt;

use petgraph::graph::{EdgeIndex, NodeIndex};

/// The handle of an entity in one [`Graph`](crate::model::graph::Graph): `graph[node]` is the
/// entity. Handles are dense (`0..graph.entity_count()`, in id order) and stay valid for the
/// graph they came from; a handle from another graph names another entity or none.
/// `NodeId::default()` is the first entity's handle.
///
/// ```
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let belarus = graph.node("belarus").unwrap();
/// assert_eq!(graph[belarus].label, "Belarus");
/// assert_eq!(graph.node_named("Republic of Belarus")?, belarus);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

/// The handle of a relation in one [`Graph`](crate::model::graph::Graph): `graph[edge]` is the
/// relation. Handles are dense (`0..graph.relation_count()`, in relation order) and stay valid
/// for the graph they came from.
///
/// ```
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// let (belarus, nato) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
/// let edge = graph.edge_between(belarus, nato).unwrap();
/// assert_eq!(graph.endpoints(edge), Some((belarus, nato)));
/// assert_eq!(graph[edge].subject.as_str(), "belarus");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeId(u32);

impl NodeId {
    /// The handle of the entity at this position (entities are in id order).
    pub(crate) fn new(index: usize) -> NodeId {
        NodeId(index as u32)
    }

    /// Its position among the graph's entities, `0..graph.entity_count()`: an index for arrays
    /// kept beside the graph.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn of(ix: NodeIndex) -> NodeId {
        NodeId(ix.index() as u32)
    }

    pub(crate) fn ix(self) -> NodeIndex {
        NodeIndex::new(self.0 as usize)
    }
}

impl EdgeId {
    /// The handle of the relation at this position (relations are in relation order).
    pub(crate) fn new(index: usize) -> EdgeId {
        EdgeId(index as u32)
    }

    /// Its position among the graph's relations, `0..graph.relation_count()`.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn of(ix: EdgeIndex) -> EdgeId {
        EdgeId(ix.index() as u32)
    }

    pub(crate) fn ix(self) -> EdgeIndex {
        EdgeIndex::new(self.0 as usize)
    }
}

impl fmt::Debug for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NodeId({})", self.0)
    }
}

impl fmt::Debug for EdgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EdgeId({})", self.0)
    }
}

//! Names given on the command line, resolved to the graph's entities.

use anyhow::{Context, Result};
use diplograph::model::NodeId;
use diplograph::Graph;

/// The node of the entity named `name`: an id, label or alias, in any script (transliterated);
/// an unknown name's error suggests similar names.
pub fn node(graph: &Graph, name: &str) -> Result<NodeId> {
    let entity = graph.lookup(name)?;
    graph.node(entity.id.as_str()).context("resolved entity has no node")
}

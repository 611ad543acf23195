//! CSV: a nodes file and an edges file, generic or in the layout of Neo4j's `neo4j-admin import`.

pub(crate) mod cells;
pub(crate) mod error;
pub(crate) mod neo4j;
pub(crate) mod options;
pub(crate) mod writer;

pub use error::{CsvError, Neo4jDelimiterError};
pub use options::{CertaintyOf, CsvFlavor, CsvOptions};

pub use neo4j::{neo4j_type, NEO4J_ARRAY_DELIMITER, NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER};
pub use writer::{
    guard_formula, join_values, split_values, unguard_formula, write_edges, write_nodes, EDGES_FILE, EDGE_COLUMNS,
    NODES_FILE, NODE_COLUMNS,
};

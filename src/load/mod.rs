//! Reading and validating graph-data folders, and building the [`Graph`](crate::model::graph::Graph) from them.

pub(crate) mod check;
pub(crate) mod dataset;
pub(crate) mod error;
pub(crate) mod folder;
pub(crate) mod graph;
pub mod image;
pub(crate) mod limits;
pub(crate) mod merge;
pub(crate) mod permutation;
pub(crate) mod reader;
pub(crate) mod valid;
pub(crate) mod validate;

pub use dataset::{DataFile, Dataset, FILE_NAMES};
pub use error::LoadError;
pub use limits::Limits;

//! Reading and validating graph-data folders.

pub(crate) mod build;
pub(crate) mod dataset;
pub(crate) mod problem;
pub(crate) mod suggest;
pub(crate) mod table;

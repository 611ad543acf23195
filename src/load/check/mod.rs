//! The checks of what each graph-data file says, one file of checks per data file, each
//! collecting every problem with its file and line.

pub(crate) mod checker;
pub(crate) mod defined;
pub(crate) mod entities;
pub(crate) mod names;
pub(crate) mod predicates;
pub(crate) mod relations;
pub(crate) mod sources;
pub(crate) mod views;

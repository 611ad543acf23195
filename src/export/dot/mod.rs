//! Graphviz DOT: the whole graph or a selection ([`DotWriter`]), a path ([`PathWriter`]), a
//! timeline ([`TimelineWriter`]), and the named views of a graph.

pub(crate) mod error;
pub(crate) mod escape;
pub(crate) mod frame;
pub(crate) mod graph;
pub(crate) mod link;
pub(crate) mod overview;
pub(crate) mod path;

pub(crate) mod style;
pub(crate) mod timeline;
pub(crate) mod views;

pub use crate::model::rank_dir::RankDir;
pub use crate::model::view::{NamedView, Reach, ViewLayout};
pub use error::{DotError, PathHopError};
pub use graph::{Cluster, DotLayout, DotWriter};
pub use overview::OverviewWriter;
pub use path::PathWriter;
pub use timeline::TimelineWriter;

//! The query layer through the library: paths, journeys, neighbourhoods, timelines and
//! disagreements, on small graphs, on the shipped graph, and against networkx.

#[path = "../support/mod.rs"]
mod support;

mod disagreements;
mod journeys;
mod neighbourhood;
mod networkx;
mod paths;
mod real;
mod timeline;

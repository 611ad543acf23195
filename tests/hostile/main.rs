//! Hostile input (docs/guarantees.md): random graph-data with hostile text through every
//! exporter, damaged folders through the binary, and atomic, safe output.

#[path = "../support/mod.rs"]
mod support;

mod atomic;
mod children;
mod cli;
mod exports;
mod iris;
mod names;
mod pipes;
mod reports;
mod riot;
mod sizes;
mod targets;

//! The command line on fixture folders: check, stats, show, find, name resolution, and the
//! query subcommands.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod query;
mod trust;

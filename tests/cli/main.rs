//! The command line on fixture folders: check, stats, show, find, name resolution, the
//! query subcommands, and curating (fmt and diff, with their library API).

#[path = "../support/mod.rs"]
mod support;

mod check;
mod curate;
mod query;
mod trust;

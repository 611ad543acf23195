//! The command line on fixture folders: check, stats, show, find, name resolution, the
//! query subcommands, curating (fmt and diff, with their library API), and the shipped graph's
//! quotes and text-fragment links against the source texts (`sources`), and the links in every
//! output (`links`).

#[path = "../support/mod.rs"]
mod support;

mod check;
mod curate;
mod habits;
mod links;
mod query;
mod sources;
mod trust;

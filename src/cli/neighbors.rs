//! `neighbors ENTITY`: the entities around one entity, to a depth, and the relations among them.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::NeighborsArgs;
use super::filter::{direction, to_filter};
use super::json;
use super::node::node;

/// Prints the neighbourhood as text, or as JSON.
pub fn run(graph: &Graph, json_out: bool, args: &NeighborsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let centre = node(graph, &args.entity)?;
    let found = graph
        .neighbours(centre)
        .depth(args.depth)
        .direction(direction(args.directed))
        .filter(to_filter(graph, &args.filter)?)
        .run();
    if json_out {
        json::print(out, &found.report(graph))?;
    } else {
        write!(out, "{}", found.display(graph))?;
    }
    Ok(ExitCode::SUCCESS)
}

//! `neighbors ENTITY`: the entities around one entity, to a depth, and the relations among them.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::{NeighborsArgs, TableFormat};
use super::filter::{direction, to_filter};
use super::node::node;
use super::table::{relation_cells, Table, RELATION_COLUMNS};
use super::{json, style};

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
    } else if args.format != TableFormat::Text {
        let report = found.report(graph);
        let mut table = Table::new(args.format.into(), &mut *out, &RELATION_COLUMNS)?;
        for hop in &report.relations {
            table.row(relation_cells(hop))?;
        }
        table.finish()?;
    } else {
        style::write_painted(out, &found.display(graph).more_hint(" (--json lists all)").to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

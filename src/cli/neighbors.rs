//! `neighbors ENTITY`: the entities around one entity, to a depth, and the relations among them.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::{NeighborsArgs, TableFormat};
use super::filter::{direction, to_filter, undated_note};
use super::links::Links;
use super::node::node;
use super::table::{relation_cells, Table, RELATION_COLUMNS};
use super::{json, style};

/// Prints the neighbourhood as text, or as JSON.
pub fn run(graph: &Graph, json_out: bool, args: &NeighborsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let centre = node(graph, &args.entity)?;
    let filter = to_filter(graph, &args.filter)?;
    let query = graph
        .neighbours(centre)
        .depth(args.depth)
        .direction(direction(args.directed));
    let found = query.clone().filter(filter.clone()).run();
    // What --undated would add: the undated relations this time filter left out.
    let left_out = filter.leaves_out_undated().then(|| {
        let with = query.filter(filter.clone().undated(true)).run();
        with.relations
            .iter()
            .filter(|(_, c)| *c == diplograph::Certainty::Undated)
            .count()
    });
    if json_out {
        let mut doc = serde_json::to_value(found.report(graph))?;
        if let (Some(n), Some(map)) = (left_out, doc.as_object_mut()) {
            map.insert("undated_left_out".into(), n.into());
        }
        json::print(out, &Links::new(graph, None).add(doc))?;
    } else if args.format != TableFormat::Text {
        let report = found.report(graph);
        let mut table = Table::new(args.format.into(), &mut *out, &RELATION_COLUMNS)?;
        let links = Links::new(graph, None);
        for hop in &report.relations {
            table.row(relation_cells(hop, &links))?;
        }
        table.finish()?;
    } else {
        style::write_painted(out, &found.display(graph).more_hint(" (--json lists all)").to_string())?;
        undated_note(graph, &filter, left_out, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

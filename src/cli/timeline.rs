//! `timeline [ENTITY] [--with OTHER]`: dated relations in chronological order.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::query::EntryReport;
use diplograph::Graph;

use super::args::{ResultFormat, TimelineArgs};
use super::filter::to_filter;
use super::links::Links;
use super::node::node;
use super::table::{entity_date_cells, relation_cells, Table, RELATION_COLUMNS};
use super::{json, style};

/// Prints the timeline as text, JSON or a DOT diagram.
pub fn run(graph: &Graph, json_out: bool, args: &TimelineArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = to_filter(graph, &args.filter)?;
    let mut query = graph.timeline().filter(filter.clone());
    if let Some(name) = &args.entity {
        query = query.entity(node(graph, name)?);
    }
    if let Some(name) = &args.with {
        query = query.with(node(graph, name)?);
    }
    let found = query.run();
    if json_out {
        json::print(
            out,
            &Links::new(graph, None).add(serde_json::to_value(found.report(graph))?),
        )?;
    } else if args.format == ResultFormat::Dot {
        let mut writer = diplograph::export::dot::TimelineWriter::new();
        let mut title = "Timeline".to_owned();
        if let Some(name) = &args.entity {
            let e = graph.lookup(name)?;
            title = match &args.with {
                Some(other) => format!("Timeline: {} and {}", e.label, graph.lookup(other)?.label),
                None => format!("Timeline of {}", e.label),
            };
            writer = writer.focus(e.id.as_str());
        }
        writer.title(title).write_timeline(graph, &found, &mut *out)?;
    } else if matches!(args.format, ResultFormat::Csv | ResultFormat::Tsv) {
        let report = found.report(graph);
        let mut table = Table::new(args.format, &mut *out, &RELATION_COLUMNS)?;
        let links = Links::new(graph, None);
        for entry in &report.entries {
            table.row(match entry {
                EntryReport::Relation(hop) => relation_cells(hop, &links),
                EntryReport::Date(date) => entity_date_cells(date, &links),
            })?;
        }
        table.finish()?;
    } else {
        style::write_painted(out, &found.display(graph).to_string())?;
        if let Some(n) = found.undated_left_out.filter(|n| *n > 0) {
            writeln!(
                out,
                "({n} undated relation{} left out: a timeline lists dated relations; --undated adds them, last)",
                if n == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

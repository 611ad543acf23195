//! `timeline [ENTITY] [--with OTHER]`: dated relations in chronological order.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::{ResultFormat, TimelineArgs};
use super::filter::to_filter;
use super::node::node;
use super::table::{relation_cells, Table, RELATION_COLUMNS};
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
    // A timeline lists undated relations only with --undated, time filter or not.
    let left_out = (!filter.undated && !filter.dated_only && !filter.certain).then(|| {
        let with = query.clone().filter(filter.clone().undated(true)).run();
        with.entries.len() - found.entries.len()
    });
    if json_out {
        let mut doc = serde_json::to_value(found.report(graph))?;
        if let (Some(n), Some(map)) = (left_out, doc.as_object_mut()) {
            map.insert("undated_left_out".into(), n.into());
        }
        json::print(out, &doc)?;
    } else if args.format == ResultFormat::Dot {
        let edges: std::collections::BTreeSet<_> = found.entries.iter().map(|e| e.edge).collect();
        let view = graph.restrict(|_| true, |e| edges.contains(&e));
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
        writer.title(title).write(&view, &mut *out)?;
    } else if matches!(args.format, ResultFormat::Csv | ResultFormat::Tsv) {
        let report = found.report(graph);
        let mut table = Table::new(args.format, &mut *out, &RELATION_COLUMNS)?;
        for hop in &report.entries {
            table.row(relation_cells(hop))?;
        }
        table.finish()?;
    } else {
        style::write_painted(out, &found.display(graph).to_string())?;
        if let Some(n) = left_out.filter(|n| *n > 0) {
            writeln!(
                out,
                "({n} undated relation{} left out: a timeline lists dated relations; --undated adds them, last)",
                if n == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

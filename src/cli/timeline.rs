//! `timeline [ENTITY] [--with OTHER]`: dated relations in chronological order.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::{ResultFormat, TimelineArgs};
use super::filter::to_filter;
use super::json;
use super::node::node;

/// Prints the timeline as text, JSON or a DOT diagram.
pub fn run(graph: &Graph, json_out: bool, args: &TimelineArgs, out: &mut impl Write) -> Result<ExitCode> {
    let mut query = graph.timeline().filter(to_filter(graph, &args.filter)?);
    if let Some(name) = &args.entity {
        query = query.entity(node(graph, name)?);
    }
    if let Some(name) = &args.with {
        query = query.with(node(graph, name)?);
    }
    let found = query.run();
    if json_out {
        json::print(out, &found.report(graph))?;
    } else if args.format == ResultFormat::Dot {
        let edges: std::collections::BTreeSet<_> = found.entries.iter().map(|e| e.edge).collect();
        let view = graph.restrict(|_| true, |e| edges.contains(&e));
        let mut writer = diplograph::TimelineWriter::new();
        let mut title = "Timeline".to_owned();
        if let Some(name) = &args.entity {
            let e = graph.resolve(name)?;
            title = match &args.with {
                Some(other) => format!("Timeline: {} and {}", e.label, graph.resolve(other)?.label),
                None => format!("Timeline of {}", e.label),
            };
            writer = writer.focus(e.id.as_str());
        }
        writer.title(title).write(&view, &mut *out)?;
    } else {
        write!(out, "{}", found.display(graph))?;
    }
    Ok(ExitCode::SUCCESS)
}

//! `conflicts`: where sources disagree.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::ConflictsArgs;
use super::filter::to_filter;
use super::json;
use super::text::plural;

/// Prints the disagreements as text, or as a JSON list.
pub fn run(graph: &Graph, json_out: bool, args: &ConflictsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let found = graph
        .disagreements()
        .filter(to_filter(graph, &args.filter)?)
        .compatible(args.all)
        .run();
    if json_out {
        let reports: Vec<_> = found.iter().filter_map(|d| d.report(graph)).collect();
        json::print(out, &reports)?;
        return Ok(ExitCode::SUCCESS);
    }
    let between = found
        .iter()
        .filter(|d| d.scope == diplograph::query::Scope::BetweenSources)
        .count();
    writeln!(
        out,
        "{}: {between} between sources, {} within one source",
        plural(found.len(), "disagreement", "disagreements"),
        found.len() - between
    )?;
    for d in &found {
        writeln!(out)?;
        write!(out, "{}", d.display(graph))?;
    }
    Ok(ExitCode::SUCCESS)
}

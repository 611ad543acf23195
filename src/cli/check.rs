//! `check`: validate the graph-data and print a one-line summary (problems are printed while
//! loading); with `--sources`, verify the quotes too (see [`super::check_sources`]).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;
use serde_json::json;

use super::args::{CheckArgs, Cli};
use super::{check_sources, json};

/// Prints `ok: …` with the counts, or the JSON `{ok, stats, warnings}` (with `quotes` and
/// `coverage` when the sources are checked).
pub fn run(graph: &Graph, cli: &Cli, args: &CheckArgs, out: &mut impl Write) -> Result<ExitCode> {
    let s = super::stats::stats(graph);
    let sources = match &args.sources {
        Some(dir) => match check_sources::check(graph, cli, args, dir) {
            Ok(report) => Some(report),
            Err(e) => {
                eprintln!("error: {e:#}");
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    if cli.json {
        let mut value = json!({ "ok": true, "stats": s, "warnings": graph.warnings() });
        if let Some(report) = &sources {
            report.add_json(&mut value);
        }
        json::print(out, &value)?;
        return Ok(sources.map_or(ExitCode::SUCCESS, |r| r.exit_code()));
    } else {
        let kinds: Vec<String> = s
            .entities_by_kind
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        writeln!(
            out,
            "ok: {} entities ({}), {} relations from {} claims, {} sources{}",
            s.entities,
            kinds.join(", "),
            s.relations,
            s.claims,
            s.sources,
            match graph.warnings().0.len() {
                0 => String::new(),
                n => format!("; {n} warning{}", if n == 1 { "" } else { "s" }),
            }
        )?;
    }
    match sources {
        Some(report) => report.print(out),
        None => Ok(ExitCode::SUCCESS),
    }
}

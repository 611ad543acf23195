//! `check`: validate the graph-data and print a one-line summary (problems are printed while
//! loading).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;
use serde_json::json;

use super::json;

/// Prints `ok: …` with the counts, or the JSON `{ok, stats, warnings}`.
pub fn run(graph: &Graph, json_out: bool, out: &mut impl Write) -> Result<ExitCode> {
    let s = graph.stats();
    if json_out {
        json::print(out, &json!({ "ok": true, "stats": s, "warnings": graph.warnings() }))?;
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
    Ok(ExitCode::SUCCESS)
}

//! `find TEXT`: entities whose id, label or alias contains TEXT.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::json;

/// Prints one entity a line (id, kind, label, aliases), or JSON; exit status 1 in text when
/// nothing matches.
pub fn run(graph: &Graph, json_out: bool, text: &str, out: &mut impl Write) -> Result<ExitCode> {
    let hits = graph.find(text);
    if json_out {
        json::print(out, &hits)?;
    } else if hits.is_empty() {
        out.flush()?;
        eprintln!("no entity matches '{text}'");
        return Ok(ExitCode::from(1));
    } else {
        for e in hits {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" — also {}", e.aliases.join(", "))
            };
            writeln!(out, "{}\t{}\t{}{}", e.id, e.kind, e.label, aliases)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `show ENTITY`: an entity's card and every relation in and out.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use diplograph::Graph;
use serde_json::json;

use super::json;

/// Prints the card as text, or as JSON `{entity, relations}`.
pub fn run(graph: &Graph, json_out: bool, entity: &str, out: &mut impl Write) -> Result<ExitCode> {
    let e = graph.resolve(entity)?;
    let node = graph.node(e.id.as_str()).context("resolved entity has no node")?;
    let incidents = graph.incidents(node);
    if json_out {
        let relations: Vec<_> = incidents
            .iter()
            .map(|i| {
                json!({
                    "id": i.relation.id,
                    "direction": if i.outgoing { "out" } else { "in" },
                    "predicate": i.predicate.id,
                    "label": i.predicate.label_for(i.outgoing),
                    "other": i.other.id,
                    "other_label": i.other.label,
                    "date": i.relation.date.map(|d| d.to_string()),
                    "evidence": i.relation.evidence,
                })
            })
            .collect();
        json::print(out, &json!({ "entity": e, "relations": relations }))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} ({}) — {}", e.label, e.id, e.kind)?;
    if !e.aliases.is_empty() {
        writeln!(out, "also: {}", e.aliases.join(" · "))?;
    }
    writeln!(out, "{}", e.description)?;
    for id in &e.same_as {
        writeln!(out, "same as: {id}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} relation{}:",
        incidents.len(),
        if incidents.len() == 1 { "" } else { "s" }
    )?;
    for i in &incidents {
        let date = i.relation.date.map(|d| format!(" ({})", d.human())).unwrap_or_default();
        let sources: Vec<&str> = i.relation.sources().iter().map(|s| s.as_str()).collect();
        let label = i.predicate.label_for(i.outgoing);
        writeln!(
            out,
            "  —{label}{date}→ {} ({})   [{}]",
            i.other.label,
            i.other.id,
            sources.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

//! `show ENTITY`: an entity's card and every relation in and out.

use std::io::Write;
use std::process::ExitCode;

use std::path::Path;

use anyhow::{Context, Result};
use diplograph::verify::{EvidenceLink, SourceTexts};
use diplograph::{Evidence, Graph};
use serde_json::{json, Value};

use super::json;

/// The link that opens `evidence` at its quote (or the plain URL and why).
fn link(graph: &Graph, texts: &SourceTexts, evidence: &Evidence) -> EvidenceLink {
    let url = graph.source(evidence.source.as_str()).and_then(|s| s.url.as_deref());
    EvidenceLink::of(texts, evidence.source.as_str(), url, &evidence.quote)
}

/// The evidence as JSON; with the texts, each piece also has `link` (the URL to open, if any)
/// and `link_caveat` (why it does not open at the quote, if it does not).
fn evidence_json(graph: &Graph, texts: Option<&SourceTexts>, evidence: &[Evidence]) -> Value {
    let Some(texts) = texts else {
        return json!(evidence);
    };
    evidence
        .iter()
        .map(|e| {
            let mut v = json!(e);
            let l = link(graph, texts, e);
            v["link"] = json!(l.url());
            v["link_caveat"] = json!(l.caveat());
            v
        })
        .collect()
}

/// Prints the card as text, or as JSON `{entity, relations}`; with `sources`, every piece of
/// evidence with its link.
pub fn run(
    graph: &Graph,
    json_out: bool,
    entity: &str,
    sources: Option<&Path>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let e = graph.resolve(entity)?;
    let node = graph.node(e.id.as_str()).context("resolved entity has no node")?;
    let incidents = graph.incidents(node);
    let texts = sources.map(SourceTexts::open).transpose()?;
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
                    "evidence": evidence_json(graph, texts.as_ref(), &i.relation.evidence),
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
        if let Some(texts) = &texts {
            for evidence in &i.relation.evidence {
                writeln!(out, "      {}: \"{}\"", evidence.source, evidence.quote)?;
                writeln!(out, "        {}", link(graph, texts, evidence))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

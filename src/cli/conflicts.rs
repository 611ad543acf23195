//! `conflicts`: where sources disagree.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::Graph;

use super::args::{ConflictsArgs, TableFormat};
use super::filter::to_filter;
use super::links::Links;
use super::table::Table;
use super::text::plural;
use super::{json, style};

/// Prints the disagreements as text, or as a JSON list.
pub fn run(graph: &Graph, json_out: bool, args: &ConflictsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let found = graph
        .disagreements()
        .filter(to_filter(graph, &args.filter)?)
        .compatible(args.all)
        .run();
    if json_out {
        let reports: Vec<_> = found.iter().filter_map(|d| d.report(graph)).collect();
        json::print(out, &Links::new(graph, None).add(serde_json::to_value(&reports)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.format != TableFormat::Text {
        let header = [
            "disagreement",
            "statement",
            "scope",
            "subject",
            "predicate",
            "object",
            "about",
            "compatible",
            "value",
            "relation",
            "date",
            "stated",
            "source",
            "quote",
            "note",
            "link",
        ];
        let mut table = Table::new(args.format.into(), &mut *out, &header)?;
        let links = Links::new(graph, None);
        for (i, d) in found.iter().filter_map(|d| d.report(graph)).enumerate() {
            let about = serde_json::to_value(d.about)?;
            let kind = about["kind"].as_str().unwrap_or("").to_owned();
            let compatible = about.get("compatible").map(|c| c.to_string()).unwrap_or_default();
            let statement = d.statement.map(|k| k.to_string()).unwrap_or_default();
            let scope = serde_json::to_value(d.scope)?.as_str().unwrap_or("").to_owned();
            for v in &d.versions {
                for c in &v.claims {
                    table.row([
                        (i + 1).to_string(),
                        statement.clone(),
                        scope.clone(),
                        d.subject.id.to_string(),
                        d.predicate.to_string(),
                        d.object.id.to_string(),
                        kind.clone(),
                        compatible.clone(),
                        v.value.to_owned(),
                        c.relation.to_string(),
                        c.date.clone().unwrap_or_default(),
                        c.stated.to_owned(),
                        c.evidence.source.to_string(),
                        c.evidence.quote.clone(),
                        c.evidence.note.clone().unwrap_or_default(),
                        links.cell(c.evidence),
                    ])?;
                }
            }
        }
        table.finish()?;
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
        style::write_painted(out, &d.display(graph).to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

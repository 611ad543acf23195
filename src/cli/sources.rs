//! `sources`: every source with its title, publisher, URL and how many claims it supports.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::{Graph, Source};

use super::args::{SourcesArgs, TableFormat};
use super::json;
use super::table::Table;

/// A source and its number of claims, for `--json`.
#[derive(serde::Serialize)]
struct SourceReport<'g> {
    #[serde(flatten)]
    source: &'g Source,
    claims: usize,
}

/// Lists the sources in id order.
pub fn run(graph: &Graph, json_out: bool, args: &SourcesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let counts = graph.stats().claims_by_source;
    let mut sources: Vec<SourceReport> = graph
        .sources()
        .iter()
        .map(|s| SourceReport {
            source: s,
            claims: counts.get(s.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    sources.sort_by(|a, b| a.source.id.cmp(&b.source.id));
    if json_out {
        json::print(out, &sources)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.format != TableFormat::Text {
        let mut table = Table::new(
            args.format.into(),
            &mut *out,
            &["id", "title", "publisher", "url", "published", "claims"],
        )?;
        for s in &sources {
            table.row([
                s.source.id.to_string(),
                s.source.title.clone(),
                s.source.publisher.clone(),
                s.source.url.clone().unwrap_or_default(),
                s.source.published.map(|d| d.to_string()).unwrap_or_default(),
                s.claims.to_string(),
            ])?;
        }
        table.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} sources", sources.len())?;
    for s in &sources {
        writeln!(out)?;
        writeln!(
            out,
            "{}  ({} claim{})",
            s.source.id,
            s.claims,
            if s.claims == 1 { "" } else { "s" }
        )?;
        writeln!(out, "  {}", s.source.title)?;
        let published = s.source.published.map(|d| format!(", {d}")).unwrap_or_default();
        writeln!(out, "  {}{published}", s.source.publisher)?;
        if let Some(url) = &s.source.url {
            writeln!(out, "  {url}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

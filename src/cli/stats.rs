//! `stats`: counts by kind, predicate and source; share of dated relations; date range.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use diplograph::{Graph, Stats};

use super::json;

/// Prints the statistics as text, or as JSON.
pub fn run(graph: &Graph, json_out: bool, out: &mut impl Write) -> Result<ExitCode> {
    let s = graph.stats();
    if json_out {
        json::print(out, &s)?;
    } else {
        write_stats(out, &s)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_stats(out: &mut impl Write, s: &Stats) -> io::Result<()> {
    writeln!(out, "entities: {}", s.entities)?;
    for (k, n) in &s.entities_by_kind {
        writeln!(out, "  {k:<14}{n:>6}")?;
    }
    writeln!(
        out,
        "relations: {} (from {} claims; {} supported by more than one source)",
        s.relations, s.claims, s.corroborated_relations
    )?;
    let share = if s.relations == 0 {
        0.0
    } else {
        100.0 * s.dated_relations as f64 / s.relations as f64
    };
    writeln!(out, "  dated: {} ({share:.1}%)", s.dated_relations)?;
    if let (Some(a), Some(b)) = (&s.earliest, &s.latest) {
        writeln!(out, "  dates range from {a} to {b}")?;
    }
    writeln!(out, "relations by predicate:")?;
    for (p, n) in s.relations_by_predicate.iter().filter(|(_, n)| **n > 0) {
        writeln!(out, "  {p:<28}{n:>6}")?;
    }
    writeln!(out, "claims by source: ({} sources)", s.sources)?;
    for (src, n) in &s.claims_by_source {
        writeln!(out, "  {src:<44}{n:>6}")?;
    }
    Ok(())
}

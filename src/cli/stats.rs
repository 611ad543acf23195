//! `stats`: counts by kind, predicate and source; share of dated relations; date range.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use diplograph::model::{DatePoint, Day};
use diplograph::{Graph, Stats};

use super::json;

/// Prints the statistics as text, or as JSON (`earliest` and `latest` at the precision of the
/// dates that reach them: `1923`, not `1923-01-01`).
pub fn run(graph: &Graph, json_out: bool, out: &mut impl Write) -> Result<ExitCode> {
    let s = stats(graph);
    if json_out {
        json::print(out, &s)?;
    } else {
        write_stats(out, &s)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The graph's statistics, with the date range at the precision the dates give.
pub fn stats(graph: &Graph) -> Stats {
    let mut s = graph.stats();
    (s.earliest, s.latest) = date_range(graph);
    s
}

/// The earliest start and the latest end any date gives, each written at its own precision
/// (open ends excluded).
fn date_range(graph: &Graph) -> (Option<String>, Option<String>) {
    let mut earliest: Option<(Day, DatePoint)> = None;
    let mut latest: Option<(Day, DatePoint)> = None;
    for r in graph.relations() {
        let Some(date) = &r.date else { continue };
        for bound in [date.start(), date.end()] {
            let Some(point) = bound.date() else { continue };
            if earliest.is_none_or(|(d, _)| point.earliest() < d) {
                earliest = Some((point.earliest(), *point));
            }
            if latest.is_none_or(|(d, _)| point.latest() > d) {
                latest = Some((point.latest(), *point));
            }
        }
    }
    (earliest.map(|(_, p)| p.plain()), latest.map(|(_, p)| p.plain()))
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

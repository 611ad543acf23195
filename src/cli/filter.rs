//! The filter flags shared by queries and exports, turned into a library [`Filter`].

use anyhow::{Context, Result};
use diplograph::{Direction, Edtf, EntityKind, Filter, Graph, Id};

use super::args::FilterArgs;

/// Parses the date of `--flag`.
fn parse_date(flag: &str, text: &str) -> Result<Edtf> {
    text.parse::<Edtf>()
        .with_context(|| format!("--{flag} {text}: dates are EDTF (YYYY, YYYY-MM, YYYY-MM-DD)"))
}

/// Turns the filter flags into a library [`Filter`], checking every name against the graph.
pub fn to_filter(graph: &Graph, args: &FilterArgs) -> Result<Filter> {
    let mut filter = Filter::default().certain(args.certain).dated_only(args.dated_only);
    if args.events {
        filter = filter.temporal(diplograph::Temporal::Event);
    }
    if let Some(at) = &args.at {
        filter = filter.at(parse_date("at", at)?);
    } else {
        let from = args.from.as_deref().map(|d| parse_date("from", d)).transpose()?;
        let until = args.until.as_deref().map(|d| parse_date("until", d)).transpose()?;
        filter = filter.between(from, until);
    }
    let predicate = |p: &str| -> Result<Id> {
        match graph.predicate_named(p) {
            Ok(pred) => Ok(pred.id.clone()),
            Err(near) if !near.is_empty() => anyhow::bail!(
                "unknown predicate '{p}'; did you mean {}? (`diplograph stats` lists them all)",
                near.iter()
                    .map(|p| format!("{} ({})", p.id, p.label))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(_) => anyhow::bail!(
                "unknown predicate '{p}'; choose from: {}",
                graph
                    .predicates()
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    for p in &args.predicates {
        filter = filter.predicate(predicate(p)?);
    }
    for p in &args.exclude_predicates {
        filter = filter.exclude_predicate(predicate(p)?);
    }
    for k in &args.kinds {
        filter = filter.kind(k.parse::<EntityKind>()?);
    }
    for s in &args.sources {
        match graph.source(s) {
            Some(src) => filter = filter.source(src.id.clone()),
            None => anyhow::bail!(
                "unknown source '{s}'; choose from: {}",
                graph
                    .sources()
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    Ok(filter)
}

/// Whether any filter flag narrows the graph (for the "nothing found" message).
pub fn narrows(args: &FilterArgs) -> bool {
    args.at.is_some()
        || args.from.is_some()
        || args.until.is_some()
        || args.certain
        || args.dated_only
        || args.events
        || !args.predicates.is_empty()
        || !args.exclude_predicates.is_empty()
        || !args.kinds.is_empty()
        || !args.sources.is_empty()
}

/// `--directed` as a library [`Direction`].
pub fn direction(directed: bool) -> Direction {
    if directed {
        Direction::Directed
    } else {
        Direction::Both
    }
}

//! The filter flags shared by queries and exports, turned into a library [`Filter`].

use anyhow::Result;
use diplograph::{Direction, EntityKind, Filter, Graph, Id};

use super::args::FilterArgs;

/// Turns the filter flags into a library [`Filter`], checking every name against the graph.
pub fn to_filter(graph: &Graph, args: &FilterArgs) -> Result<Filter> {
    let mut filter = Filter::default()
        .certain(args.certain)
        .dated_only(args.dated_only)
        .undated(args.undated);
    if args.events {
        filter = filter.temporal(diplograph::Temporal::Event);
    }
    if let Some(at) = args.at {
        filter = filter.at(at);
    } else {
        // A reversed window was refused with the other usage errors (usage.rs).
        filter = filter.between(args.from, args.until);
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
        || args.undated
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

/// After a result under a time filter: how many undated relations the filter left out
/// (`count`, or else every undated relation of the graph the rest of the filter admits) and how
/// to include them. Nothing when the filter does not leave them out.
pub fn undated_note(graph: &Graph, filter: &Filter, count: Option<usize>, out: &mut impl std::io::Write) -> Result<()> {
    if !filter.leaves_out_undated() {
        return Ok(());
    }
    let (n, scope) = match count {
        Some(n) => (n, ""),
        None => (undated_in_graph(graph, filter).unwrap_or(0), " in the graph"),
    };
    if n > 0 {
        writeln!(
            out,
            "({n} undated relation{}{scope} left out: nothing dates them to the time asked; --undated includes them, marked undated)",
            if n == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

/// The undated relations of the graph the filter leaves out (those the rest of it admits),
/// when it leaves them out.
pub fn undated_in_graph(graph: &Graph, filter: &Filter) -> Option<usize> {
    if !filter.leaves_out_undated() {
        return None;
    }
    let with = filter.clone().undated(true);
    let g = graph;
    Some(
        g.edge_ids()
            .filter(|&e| with.admits_edge(graph, e) == Some(diplograph::Certainty::Undated))
            .count(),
    )
}

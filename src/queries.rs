//! The query commands (`path`, `neighbors`, `timeline`, `conflicts`): flags in, library calls,
//! results out.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use diplograph::{Certainty, Direction, EntityRef, Graph, PathReport, PathSet};
use petgraph::graph::NodeIndex;

use crate::cli::{ConflictsArgs, FilterArgs, NeighborsArgs, PathArgs, ResultFormat, TimelineArgs};
use crate::to_filter;

fn node(graph: &Graph, name: &str) -> Result<NodeIndex> {
    let entity = graph.resolve(name)?;
    graph.node(entity.id.as_str()).context("resolved entity has no node")
}

fn direction(directed: bool) -> Direction {
    if directed {
        Direction::Directed
    } else {
        Direction::Both
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether any filter flag narrows the graph (for the "nothing found" message).
fn filtered(args: &FilterArgs) -> bool {
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

/// The `--json` document of `path`, fields in this order.
#[derive(serde::Serialize)]
struct PathsJson<'g> {
    from: EntityRef<'g>,
    to: EntityRef<'g>,
    mode: &'static str,
    direction: Direction,
    complete: bool,
    paths: Vec<PathReport<'g>>,
    /// Under a time filter: the undated relations (of the graph) it left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    undated_left_out: Option<usize>,
}

/// `path FROM TO`: prints the paths; exit status 1 when there is none.
pub fn path(graph: &Graph, json_out: bool, args: &PathArgs, out: &mut impl Write) -> Result<ExitCode> {
    let (from, to) = (node(graph, &args.from)?, node(graph, &args.to)?);
    if from == to {
        anyhow::bail!("FROM and TO are the same entity ({})", graph.entity_at(from).id);
    }
    let filter = to_filter(graph, &args.filter)?;
    let mut query = graph
        .paths(from, to)
        .filter(filter.clone())
        .direction(direction(args.directed))
        .limit(args.limit)
        .undated(args.filter.undated);
    if let Some(n) = args.max_hops {
        query = query.max_hops(n);
    }
    let (mode, found) = if args.chronological {
        ("journeys", query.journeys(args.k.unwrap_or(1)))
    } else if args.all {
        ("all", query.all())
    } else if let Some(k) = args.k {
        ("k_shortest", query.k_shortest_set(k))
    } else {
        (
            "shortest",
            PathSet {
                paths: query.shortest().into_iter().collect(),
                complete: true,
            },
        )
    };
    let (a, b) = (graph.entity_at(from), graph.entity_at(to));
    if json_out {
        let doc = PathsJson {
            from: a.into(),
            to: b.into(),
            mode,
            direction: direction(args.directed),
            complete: found.complete,
            paths: found.paths.iter().map(|p| p.report(graph)).collect(),
            undated_left_out: undated_in_graph(graph, &filter),
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    }
    if found.paths.is_empty() {
        out.flush()?;
        let within = args
            .max_hops
            .map(|n| format!(" within {}", plural(n, "hop", "hops")))
            .unwrap_or_default();
        let filters = if filtered(&args.filter) {
            " with the filters given"
        } else {
            ""
        };
        let (what, why) = if args.chronological {
            (
                "journey",
                ": no chain of dated relations between them runs forward in time",
            )
        } else {
            ("path", "")
        };
        let one_way = if args.directed {
            " following relations one way (try without --directed)"
        } else {
            ""
        };
        let gave_up = if found.complete {
            ""
        } else {
            " (the search stopped at its work budget: there may be one; lower --max-hops or add filters)"
        };
        eprintln!(
            "no {what} from {} ({}) to {} ({}){within}{filters}{one_way}{why}{gave_up}",
            a.label, a.id, b.label, b.id
        );
        return Ok(ExitCode::from(1));
    }
    if json_out {
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == ResultFormat::Dot {
        let best = &found.paths[0];
        let hops: Vec<_> = best.hops.iter().map(|h| (h.to, h.edge, h.forward)).collect();
        let title = format!("{} → {}", a.label, b.label);
        let mut writer = diplograph::PathWriter::new().title(title);
        if !filter.admits_everything() {
            let g = graph.petgraph();
            writer = writer.admitted(
                g.edge_indices()
                    .filter_map(|e| Some((e, filter.admits_edge(graph, e)?))),
            );
        }
        writer.write(graph, &hops, &mut *out)?;
        undated_note(graph, &filter, None, &mut std::io::stderr())?;
        if found.paths.len() > 1 {
            eprintln!(
                "note: the diagram shows the first of {} paths; --json lists them all",
                found.paths.len()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let noun = if args.chronological {
        ("journey", "journeys")
    } else {
        ("path", "paths")
    };
    let several = found.paths.len() > 1 || mode != "shortest";
    if several {
        writeln!(
            out,
            "{} → {}: {}{}",
            a.label,
            b.label,
            plural(found.paths.len(), noun.0, noun.1),
            if args.chronological {
                ", earliest arrival first"
            } else {
                ", shortest first"
            }
        )?;
    }
    for (i, path) in found.paths.iter().enumerate() {
        let mut head = if several {
            format!("{} {}: {}", noun.0, i + 1, plural(path.len(), "hop", "hops"))
        } else {
            format!("{} → {}: {}", a.label, b.label, plural(path.len(), "hop", "hops"))
        };
        if let Some(day) = path.arrival {
            head.push_str(&format!(", arrives {day} at the earliest"));
        }
        match path.order() {
            Some(Certainty::Possible) => head.push_str(", possibly in order"),
            Some(Certainty::Undated) => head.push_str(", with undated steps"),
            _ => {}
        }
        writeln!(out, "{head}")?;
        write!(out, "{}", path.display(graph))?;
    }
    if !found.complete {
        let why = if args.all && found.paths.len() >= args.limit {
            format!(
                "stopped at --limit {}; there are more (raise --limit or lower --max-hops)",
                args.limit
            )
        } else {
            "the search stopped at its work budget; there may be more (lower --max-hops or add filters)".to_owned()
        };
        writeln!(out, "({why})")?;
    }
    if found
        .paths
        .iter()
        .flat_map(|p| &p.hops)
        .any(|h| h.certainty == Certainty::Possible)
    {
        writeln!(
            out,
            "(possibly: the dates allow, but do not settle, that the relation held at the time asked)"
        )?;
    }
    undated_note(graph, &filter, None, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `neighbors ENTITY`.
pub fn neighbors(graph: &Graph, json_out: bool, args: &NeighborsArgs, out: &mut impl Write) -> Result<()> {
    let centre = node(graph, &args.entity)?;
    let filter = to_filter(graph, &args.filter)?;
    let query = graph
        .neighbours(centre)
        .depth(args.depth)
        .direction(direction(args.directed));
    let found = query.clone().filter(filter.clone()).run();
    // What --undated would add: the undated relations this time filter left out.
    let left_out = filter.leaves_out_undated().then(|| {
        let with = query.filter(filter.clone().undated(true)).run();
        with.relations.len() - found.relations.len()
    });
    if json_out {
        let mut doc = serde_json::to_value(found.report(graph))?;
        if let (Some(n), Some(map)) = (left_out, doc.as_object_mut()) {
            map.insert("undated_left_out".into(), n.into());
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        write!(out, "{}", found.display(graph))?;
        undated_note(graph, &filter, left_out, out)?;
    }
    Ok(())
}

/// `timeline [ENTITY] [--with OTHER]`.
pub fn timeline(graph: &Graph, json_out: bool, args: &TimelineArgs, out: &mut impl Write) -> Result<()> {
    let filter = to_filter(graph, &args.filter)?;
    let mut query = graph.timeline().filter(filter.clone());
    if let Some(name) = &args.entity {
        query = query.entity(node(graph, name)?);
    }
    if let Some(name) = &args.with {
        query = query.with(node(graph, name)?);
    }
    let found = query.run();
    // A timeline lists undated relations only with --undated, time filter or not.
    let left_out = (!filter.undated && !filter.dated_only && !filter.certain).then(|| {
        let with = query.clone().filter(filter.clone().undated(true)).run();
        with.entries.len() - found.entries.len()
    });
    if json_out {
        let mut doc = serde_json::to_value(found.report(graph))?;
        if let (Some(n), Some(map)) = (left_out, doc.as_object_mut()) {
            map.insert("undated_left_out".into(), n.into());
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else if args.format == ResultFormat::Dot {
        let edges: std::collections::BTreeSet<_> = found.entries.iter().map(|e| e.edge).collect();
        let view = graph.restrict(|_| true, |e| edges.contains(&e));
        let mut writer = diplograph::TimelineWriter::new();
        let mut title = "Timeline".to_owned();
        if let Some(name) = &args.entity {
            let e = graph.resolve(name)?;
            title = match &args.with {
                Some(other) => format!("Timeline: {} and {}", e.label, graph.resolve(other)?.label),
                None => format!("Timeline of {}", e.label),
            };
            writer = writer.focus(e.id.as_str());
        }
        writer.title(title).write(&view, &mut *out)?;
    } else {
        write!(out, "{}", found.display(graph))?;
        if let Some(n) = left_out.filter(|n| *n > 0) {
            writeln!(
                out,
                "({} left out: a timeline lists dated relations; --undated adds them, last)",
                plural(n, "undated relation", "undated relations")
            )?;
        }
    }
    Ok(())
}

/// After a result under a time filter: how many undated relations the filter left out
/// (`count`, or else every undated relation the rest of the filter admits) and how to include
/// them. Nothing when the filter does not leave them out.
pub fn undated_note(graph: &Graph, filter: &diplograph::Filter, count: Option<usize>, out: &mut impl Write) -> Result<()> {
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
            "({}{scope} left out: nothing dates them to the time asked; --undated includes them, marked undated)",
            plural(n, "undated relation", "undated relations")
        )?;
    }
    Ok(())
}

/// The undated relations of the graph the filter leaves out (those the rest of it admits),
/// when it leaves them out.
fn undated_in_graph(graph: &Graph, filter: &diplograph::Filter) -> Option<usize> {
    if !filter.leaves_out_undated() {
        return None;
    }
    let with = filter.clone().undated(true);
    let g = graph.petgraph();
    Some(
        g.edge_indices()
            .filter(|&e| with.admits_edge(graph, e) == Some(Certainty::Undated))
            .count(),
    )
}

/// `conflicts`.
pub fn conflicts(graph: &Graph, json_out: bool, args: &ConflictsArgs, out: &mut impl Write) -> Result<()> {
    let found = graph
        .disagreements()
        .filter(to_filter(graph, &args.filter)?)
        .compatible(args.all)
        .run();
    if json_out {
        let reports: Vec<_> = found.iter().filter_map(|d| d.report(graph)).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&reports)?)?;
        return Ok(());
    }
    let between = found
        .iter()
        .filter(|d| d.scope == diplograph::Scope::BetweenSources)
        .count();
    writeln!(
        out,
        "{}: {between} between sources, {} within one source",
        plural(found.len(), "disagreement", "disagreements"),
        found.len() - between
    )?;
    for d in &found {
        writeln!(out)?;
        write!(out, "{}", d.display(graph))?;
    }
    Ok(())
}

//! `path FROM TO`: the shortest path, the k shortest, all up to N hops, or journeys through time.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::{
    query::{EntityRef, PathReport},
    Certainty, Direction, Graph, PathSet,
};

use super::args::{PathArgs, ResultFormat};
use super::filter::{direction, narrows, to_filter, undated_in_graph, undated_note};
use super::links::Links;
use super::node::node;
use super::table::{certainty_name, relation_cells, Table, RELATION_COLUMNS};
use super::text::plural;
use super::{diag, json, style};

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
pub fn run(graph: &Graph, json_out: bool, args: &PathArgs, out: &mut impl Write) -> Result<ExitCode> {
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
        json::print(out, &Links::new(graph, None).add(serde_json::to_value(&doc)?))?;
    }
    if found.paths.is_empty() {
        out.flush()?;
        let within = args
            .max_hops
            .map(|n| format!(" within {}", plural(n, "hop", "hops")))
            .unwrap_or_default();
        let filters = if narrows(&args.filter) {
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
        diag::answer(format!(
            "no {what} from {} ({}) to {} ({}){within}{filters}{one_way}{why}{gave_up}",
            a.label, a.id, b.label, b.id
        ));
        return Ok(ExitCode::from(1));
    }
    if json_out {
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == ResultFormat::Dot {
        let best = &found.paths[0];
        let title = format!("{} → {}", a.label, b.label);
        let mut writer = diplograph::export::dot::PathWriter::new().title(title);
        if !filter.admits_everything() {
            // The diagram obeys the filter: only what it admits is drawn, styled by certainty.
            let g = graph;
            writer = writer.admitted(g.edge_ids().filter_map(|e| Some((e, filter.admits_edge(graph, e)?))));
        }
        writer.write(graph, best, &mut *out)?;
        let mut note = Vec::new();
        undated_note(graph, &filter, None, &mut note)?;
        if !note.is_empty() {
            diag::note(String::from_utf8_lossy(&note).trim_end().to_owned());
        }
        if found.paths.len() > 1 {
            diag::note(format!(
                "note: the diagram shows the first of {} paths; --json or --format csv lists them all",
                found.paths.len()
            ));
        }
        return Ok(ExitCode::SUCCESS);
    }
    if matches!(args.format, ResultFormat::Csv | ResultFormat::Tsv) {
        let mut header = vec!["path", "hop", "order"];
        header.extend(RELATION_COLUMNS);
        let mut table = Table::new(args.format, &mut *out, &header)?;
        let links = Links::new(graph, None);
        for (i, path) in found.paths.iter().enumerate() {
            for (h, hop) in path.hops.iter().enumerate() {
                let report = hop.report(graph);
                let mut row = vec![
                    (i + 1).to_string(),
                    (h + 1).to_string(),
                    report.order.as_ref().map(certainty_name).unwrap_or_default(),
                ];
                row.extend(relation_cells(&report, &links));
                table.row(row)?;
            }
        }
        table.finish()?;
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
        style::write_painted(out, &path.display(graph).more_hint(" (--json lists all)").to_string())?;
        if args.links {
            write_links(out, graph, path)?;
        }
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

/// `--links`: each hop's evidence, a line each: `hop N, SOURCE: LINK` (a caveat after the URL
/// when it does not open the page at the quote).
fn write_links(out: &mut impl Write, graph: &Graph, path: &diplograph::Path) -> Result<()> {
    let links = Links::new(graph, None);
    writeln!(out, "  links:")?;
    for (h, hop) in path.hops.iter().enumerate() {
        for ev in &graph[hop.edge].evidence {
            writeln!(out, "    hop {}, {}: {}", h + 1, ev.source, links.of(ev))?;
        }
    }
    Ok(())
}

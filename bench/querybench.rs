//! Times queries on a loaded graph: each query alone, after the graph is loaded.
//!
//! ```text
//! cargo run --release --example querybench -- --data DIR --hub belarus --from A --to B \
//!     --all-paths-to nato --repeat 3
//! ```
//!
//! Prints one JSON object on stdout: the load time, the memory after loading (VmHWM/VmRSS from
//! `/proc/self/status`, where there is one), the time the first query spends building the
//! adjacency all queries share (`query_index_seconds`), and for every query its implementation, its status,
//! its times (seconds, one per repetition) and a short summary of its answer, so the peers'
//! answers can be compared.
//!
//! diplograph's queries are the library's (`Graph::paths`, `Graph::neighbours`,
//! `Graph::timeline`), with the default filter, relations followed both ways. The
//! `petgraph-reference` rows time petgraph's own algorithms on an undirected simple graph of the
//! same edges, for orientation.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use diplograph::Graph;
use diplograph::NodeId;
use petgraph::graph::{NodeIndex, UnGraph};
use serde_json::{json, Value};

#[path = "support/process.rs"]
mod process;
use process::memory;

/// Time queries on a graph-data folder.
#[derive(Debug, Parser)]
#[command(name = "querybench")]
struct Args {
    /// The graph-data folder.
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// A hub entity, for the neighbourhood query.
    #[arg(long)]
    hub: String,
    /// Start of the path queries.
    #[arg(long)]
    from: String,
    /// End of the shortest-path queries.
    #[arg(long)]
    to: String,
    /// End of all simple paths (from --from).
    #[arg(long)]
    all_paths_to: String,
    /// Times each query is run (the driver reports the median).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Longest path, in hops, for all simple paths.
    #[arg(long, default_value_t = 4)]
    max_hops: usize,
    /// Stop all simple paths after this many.
    #[arg(long, default_value_t = 10_000)]
    cap: usize,
    /// How many shortest paths for k shortest paths.
    #[arg(long, default_value_t = 10)]
    k: usize,
}

/// The endpoints and limits every query gets.
struct Ask<'g> {
    graph: &'g Graph,
    hub: NodeId,
    from: NodeId,
    to: NodeId,
    all_paths_to: NodeId,
    max_hops: usize,
    cap: usize,
    k: usize,
}

// --- diplograph ------------------------------------------------------------------------------

/// Depth-2 neighbourhood of the hub, following relations both ways.
fn neighbourhood_of_hub(ask: &Ask) -> Option<String> {
    let n = ask.graph.neighbours(ask.hub).depth(2).run();
    Some(format!(
        "{} entities, {} relations",
        n.distance.len(),
        n.relations.len()
    ))
}

/// The timeline of the whole graph: every dated relation (and entity date), earliest first.
fn full_timeline(ask: &Ask) -> Option<String> {
    let t = ask.graph.timeline().run();
    let relations = t.entries.iter().filter(|e| e.edge().is_some()).count();
    Some(format!("{relations} dated relations"))
}

/// Shortest path from `ask.from` to `ask.to`, relations followed both ways.
fn shortest_path(ask: &Ask) -> Option<String> {
    Some(match ask.graph.paths(ask.from, ask.to).shortest() {
        Some(path) => format!("{} hops", path.len()),
        None => "no path".to_owned(),
    })
}

/// The `ask.k` shortest simple paths (Yen's algorithm).
fn k_shortest_paths(ask: &Ask) -> Option<String> {
    let paths = ask.graph.paths(ask.from, ask.to).k_shortest(ask.k);
    Some(match (paths.first(), paths.last()) {
        (Some(a), Some(b)) => format!("{} paths, {}..{} hops", paths.len(), a.len(), b.len()),
        _ => "no path".to_owned(),
    })
}

/// All simple paths from `ask.from` to `ask.all_paths_to` of at most `ask.max_hops` hops,
/// stopping after `ask.cap`. The work budget is lifted: the peers have none either.
fn all_simple_paths(ask: &Ask) -> Option<String> {
    let found = ask
        .graph
        .paths(ask.from, ask.all_paths_to)
        .max_hops(ask.max_hops)
        .limit(ask.cap)
        .work(usize::MAX)
        .all();
    let n = found.paths.len();
    Some(format!("{n} paths{}", if n == ask.cap { " (capped)" } else { "" }))
}

/// The earliest-arriving time-respecting path (each relation no earlier than the one before).
fn time_respecting_path(ask: &Ask) -> Option<String> {
    let found = ask.graph.paths(ask.from, ask.to).journeys(1);
    Some(match found.paths.first() {
        Some(path) => format!(
            "{} hops{}",
            path.len(),
            if found.complete { "" } else { " (work budget reached)" }
        ),
        None if found.complete => "no journey".to_owned(),
        None => "none found within the work budget".to_owned(),
    })
}

// --- petgraph reference ----------------------------------------------------------------------

/// The same entities and edges as an undirected simple graph (one edge per pair of entities that
/// share a relation), with the node indices of the diplograph graph.
fn simple_undirected(graph: &Graph) -> UnGraph<(), ()> {
    let mut pairs: Vec<(u32, u32)> = graph
        .edge_ids()
        .filter_map(|e| graph.endpoints(e))
        .map(|(a, b)| {
            let (a, b) = (a.index() as u32, b.index() as u32);
            (a.min(b), a.max(b))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut un = UnGraph::with_capacity(graph.entity_count(), pairs.len());
    for _ in 0..graph.entity_count() {
        un.add_node(());
    }
    un.extend_with_edges(pairs);
    un
}

/// The reference graph's node of an entity (it has the diplograph graph's node order).
fn ix(node: NodeId) -> NodeIndex {
    NodeIndex::new(node.index())
}

fn reference_shortest_path(un: &UnGraph<(), ()>, ask: &Ask) -> String {
    match petgraph::algo::astar(un, ix(ask.from), |n| n == ix(ask.to), |_| 1usize, |_| 0) {
        Some((hops, _path)) => format!("{hops} hops"),
        None => "no path".to_owned(),
    }
}

fn reference_all_simple_paths(un: &UnGraph<(), ()>, ask: &Ask) -> String {
    let paths = petgraph::algo::all_simple_paths::<Vec<NodeIndex>, _, std::hash::RandomState>(
        un,
        ix(ask.from),
        ix(ask.all_paths_to),
        0,
        Some(ask.max_hops.saturating_sub(1)),
    )
    .take(ask.cap)
    .count();
    format!("{paths} paths{}", if paths == ask.cap { " (capped)" } else { "" })
}

// --- harness ---------------------------------------------------------------------------------

/// Runs `query` `repeat` times; `None` when the query is a pending slot.
fn measure(name: &str, implementation: &str, repeat: usize, mut query: impl FnMut() -> Option<String>) -> Value {
    let mut seconds = Vec::with_capacity(repeat);
    let mut answer = None;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let result = query();
        let elapsed = started.elapsed().as_secs_f64();
        match result {
            Some(a) => {
                seconds.push(elapsed);
                answer = Some(a);
            }
            None => {
                return json!({ "query": name, "impl": implementation, "status": "pending",
                               "note": "not in the library yet (branch `query`)" })
            }
        }
    }
    json!({ "query": name, "impl": implementation, "status": "ok", "seconds": seconds, "answer": answer })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some((graph, load_seconds, after_load)) = process::load_timed(&args.data) else {
        return ExitCode::FAILURE;
    };
    let node = |name: &str| graph.entity(name).ok().and_then(|e| graph.node(e.id.as_str()));
    let ends = (
        node(&args.hub),
        node(&args.from),
        node(&args.to),
        node(&args.all_paths_to),
    );
    let (Some(hub), Some(from), Some(to), Some(all_paths_to)) = ends else {
        eprintln!("error: --hub, --from, --to and --all-paths-to must name entities of the graph");
        return ExitCode::FAILURE;
    };
    let ask = Ask {
        graph: &graph,
        hub,
        from,
        to,
        all_paths_to,
        max_hops: args.max_hops,
        cap: args.cap,
        k: args.k,
    };
    // The first query on a graph builds the adjacency all queries share (once per graph): timed
    // apart, as the peers' graph builds are.
    let index_started = Instant::now();
    let _ = graph.neighbours(hub).depth(0).run();
    let index_seconds = index_started.elapsed().as_secs_f64();
    let r = args.repeat;
    let mut queries = vec![
        measure("shortest_path", "diplograph", r, || shortest_path(&ask)),
        measure("k_shortest_paths", "diplograph", r, || k_shortest_paths(&ask)),
        measure("all_simple_paths", "diplograph", r, || all_simple_paths(&ask)),
        measure("time_respecting_path", "diplograph", r, || time_respecting_path(&ask)),
        measure("neighbourhood_depth2", "diplograph", r, || neighbourhood_of_hub(&ask)),
        measure("timeline", "diplograph", r, || full_timeline(&ask)),
    ];
    let memory_diplograph = memory();
    let build_started = Instant::now();
    let un = simple_undirected(&graph);
    let reference_build = build_started.elapsed().as_secs_f64();
    queries.push(measure("shortest_path", "petgraph-reference", r, || {
        Some(reference_shortest_path(&un, &ask))
    }));
    queries.push(measure("all_simple_paths", "petgraph-reference", r, || {
        Some(reference_all_simple_paths(&un, &ask))
    }));
    let out = json!({
        "load_seconds": load_seconds,
        "entities": graph.entity_count(),
        "relations": graph.relation_count(),
        "memory_after_load": after_load,
        "query_index_seconds": index_seconds,
        "memory_after_diplograph_queries": memory_diplograph,
        "reference_graph": { "build_seconds": reference_build, "edges": un.edge_count() },
        "queries": queries,
        "memory_at_end": memory(),
    });
    println!("{out}");
    ExitCode::SUCCESS
}

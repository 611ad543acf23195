//! Times the shortest path between the pairs `../shared/bench/peers.py` times NetworkX on, the
//! way it does: every pair once per round, the mean per pair; the best of `--rounds` rounds.
//!
//! ```text
//! python3 bench/cache/pairs.py ../shared/bench/peers.py 1000000 > pairs.txt
//! cargo run --release --example pathbench -- --data DIR --pairs pairs.txt --rounds 5
//! ```
//!
//! Prints one JSON object: the mean milliseconds per query of each round, the best, and the hops
//! of every answer (to compare with NetworkX's path lengths). The first query, which builds the
//! adjacency every query shares, is timed apart (`index_seconds`), as peers.py builds its graph
//! before timing.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use serde_json::json;

/// Time shortest paths on a graph-data folder.
#[derive(Debug, Parser)]
#[command(name = "pathbench")]
struct Args {
    /// The graph-data folder.
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// A file of pairs of entity ids, one pair a line.
    #[arg(long, value_name = "FILE")]
    pairs: PathBuf,
    /// Rounds over all the pairs.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let graph = match diplograph::Graph::load_dir(&args.data) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = std::fs::read_to_string(&args.pairs).unwrap_or_default();
    let mut pairs = Vec::new();
    for line in text.lines() {
        let mut ids = line.split_whitespace().filter_map(|id| graph.node(id));
        if let (Some(a), Some(b)) = (ids.next(), ids.next()) {
            pairs.push((a, b));
        }
    }
    if pairs.is_empty() {
        eprintln!("error: no pair of entities of the graph in {}", args.pairs.display());
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let _ = graph.paths(pairs[0].0, pairs[0].1).shortest();
    let index_seconds = started.elapsed().as_secs_f64();
    let mut hops = Vec::new();
    let mut rounds = Vec::new();
    for round in 0..args.rounds.max(1) {
        let started = Instant::now();
        for &(a, b) in &pairs {
            let path = graph.paths(a, b).shortest();
            if round == 0 {
                hops.push(path.map(|p| p.hops.len()));
            } else {
                std::hint::black_box(path);
            }
        }
        rounds.push(started.elapsed().as_secs_f64() * 1000.0 / pairs.len() as f64);
    }
    let best = rounds.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "{}",
        json!({ "pairs": pairs.len(), "index_seconds": index_seconds, "round_ms_per_query": rounds,
                "best_ms_per_query": best, "hops": hops })
    );
    ExitCode::SUCCESS
}

//! Writes a synthetic, valid graph-data folder of N claims, for benchmarks.
//!
//! ```text
//! cargo run --release --example synth -- --claims 1000000 --seed 1 --out bench/work/data/1000000
//! diplograph --data bench/work/data/1000000 check
//! ```
//!
//! The same `--claims` and `--seed` always give the same bytes. See `generator.rs` for the shape
//! of the data, and `bench/README.md` for the benchmark that uses it.

mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Generate a synthetic graph-data folder.
#[derive(Debug, Parser)]
#[command(name = "synth")]
struct Args {
    /// Number of claims (rows of relations.csv).
    #[arg(long, default_value_t = 10_000)]
    claims: usize,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write sources.csv, predicates.csv, entities.csv and relations.csv into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    let options = generator::Options {
        claims: args.claims,
        seed: args.seed,
    };
    match generator::generate(&options, &args.out) {
        Ok(s) => {
            eprintln!(
                "wrote {}: {} claims ({} agreeing, {} disagreeing duplicates, {} undated), {} entities, {} sources in {:.2} s",
                args.out.display(),
                s.claims,
                s.agreeing,
                s.disagreeing,
                s.undated,
                s.entities,
                s.sources,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

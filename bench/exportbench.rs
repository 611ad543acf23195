//! Times the RDF exports of a loaded graph: each syntax alone, after the graph is loaded.
//!
//! ```text
//! cargo run --release --example exportbench -- --data DIR --out /tmp/export.out \
//!     --format ntriples --format turtle --format nquads --repeat 3
//! ```
//!
//! Prints one JSON object on stdout: the load time, the memory after loading and at the end
//! (VmHWM/VmRSS from `/proc/self/status`, where there is one), and for every syntax its times
//! (seconds, one per repetition, each writing the whole export to `--out` through
//! [`RdfExport::write`]), the CPU time of each (all threads: a fairer measure on a busy machine)
//! and the bytes written. The file is removed at the end unless `--keep`.
//!
//! `--threads N` formats on N threads (1: everything on the calling thread; default: one per
//! core, as `diplograph export` does). `--dd` pairs every export with a `dd bs=1M` copy of the
//! bytes it just wrote (to `--out` + `.dd`, removed), run right after it in the same process, so
//! that the writer and its floor are measured under the same machine load; the report then
//! holds the copy's wall and CPU times and the ratio of each pair.

use std::fs::File;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use serde_json::json;

#[path = "support/process.rs"]
mod process;
use process::memory;
use process::{children_cpu_seconds, cpu_seconds};

/// The syntaxes that can be timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Syntax {
    Ntriples,
    Turtle,
    Nquads,
}

impl Syntax {
    fn rdf(self) -> RdfSyntax {
        match self {
            Syntax::Ntriples => RdfSyntax::NTriples,
            Syntax::Turtle => RdfSyntax::Turtle,
            Syntax::Nquads => RdfSyntax::NQuads,
        }
    }
}

/// Time the RDF exports of a graph-data folder.
#[derive(Debug, Parser)]
#[command(name = "exportbench")]
struct Args {
    /// The graph-data folder.
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// The syntaxes to time, in order (repeat the flag); all three by default.
    #[arg(long, value_enum)]
    format: Vec<Syntax>,
    /// The file each export is written to (overwritten each time).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Times each export is run (the driver reports the median).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Keep the last export in `--out` instead of removing it.
    #[arg(long)]
    keep: bool,
    /// Format on this many threads (1: on the calling thread only); one per core by default.
    #[arg(long)]
    threads: Option<usize>,
    /// After each export, copy its bytes with `dd bs=1M` and time that too (the paired floor).
    #[arg(long)]
    dd: bool,
}

/// Copies `from` with `dd bs=1M` to `from` + `.dd` (removed after); returns the wall and CPU
/// seconds of the copy.
fn dd_once(from: &std::path::Path) -> Result<(f64, f64), String> {
    let to = from.with_extension("dd");
    let started = Instant::now();
    let cpu = children_cpu_seconds();
    let status = std::process::Command::new("dd")
        .arg(format!("if={}", from.display()))
        .arg(format!("of={}", to.display()))
        .args(["bs=1M", "status=none"])
        .status()
        .map_err(|e| format!("cannot run dd: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = children_cpu_seconds() - cpu;
    std::fs::remove_file(&to).ok();
    if !status.success() {
        return Err(format!("dd failed: {status}"));
    }
    Ok((seconds, cpu))
}

/// Writes the export once to `out`; returns the seconds taken (wall clock and CPU) and the
/// bytes written.
fn export_once(
    rdf: &RdfExport<'_>,
    syntax: RdfSyntax,
    out: &PathBuf,
    threads: Option<usize>,
) -> Result<(f64, f64, u64), String> {
    let started = Instant::now();
    let cpu = cpu_seconds();
    let file = File::create(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let file = match threads {
        None => rdf.write(syntax, file),
        Some(n) => rdf.write_on(syntax, file, n, 1000),
    }
    .map_err(|e| format!("{syntax}: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((seconds, cpu, bytes))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some((graph, load_seconds, after_load)) = process::load_timed(&args.data) else {
        return ExitCode::FAILURE;
    };
    let rdf = match RdfExport::new(&graph, &BaseIri::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let formats = if args.format.is_empty() {
        vec![Syntax::Ntriples, Syntax::Turtle, Syntax::Nquads]
    } else {
        args.format.clone()
    };
    let mut exports = Vec::new();
    for format in formats {
        let mut seconds = Vec::new();
        let mut cpu = Vec::new();
        let mut bytes = 0;
        let (mut dd_seconds, mut dd_cpu, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..args.repeat.max(1) {
            match export_once(&rdf, format.rdf(), &args.out, args.threads) {
                Ok((s, c, b)) => {
                    seconds.push(s);
                    cpu.push(c);
                    bytes = b;
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            }
            if args.dd {
                match dd_once(&args.out) {
                    Ok((s, c)) => {
                        ratios.push(seconds.last().copied().unwrap_or(0.0) / s);
                        dd_seconds.push(s);
                        dd_cpu.push(c);
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        let best = seconds.iter().copied().fold(f64::INFINITY, f64::min);
        exports.push(json!({
            "syntax": format.rdf().to_string(),
            "seconds": seconds,
            "cpu_seconds": cpu,
            "bytes": bytes,
            "best_mb_per_second": bytes as f64 / 1e6 / best,
            "dd_seconds": dd_seconds,
            "dd_cpu_seconds": dd_cpu,
            "export_over_dd": ratios,
        }));
    }
    if !args.keep {
        std::fs::remove_file(&args.out).ok();
    }
    let report = json!({
        "data": args.data.display().to_string(),
        "threads": args.threads,
        "load_seconds": load_seconds,
        "memory_after_load": after_load,
        "exports": exports,
        "memory_at_end": memory(),
    });
    println!("{report:#}");
    ExitCode::SUCCESS
}

//! The command line: arguments in ([`args`]), one file per subcommand, text and JSON out.
//!
//! Everything here is the binary's; the library knows nothing of clap, anyhow, indicatif or
//! serde_json.

mod args;
mod check;
mod conflicts;
mod diff;
mod export;
mod export_all;
mod filter;
mod find;
mod fmt;
mod graphviz;
mod json;
mod load;
mod neighbors;
mod node;
mod output;
mod path;
mod progress;
mod revision;
mod show;
mod stats;
mod text;
mod timeline;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use diplograph::Graph;

use args::{Cli, Command};

/// An error already reported to the user; exit with status 1 without printing more.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("reported")
    }
}

impl std::error::Error for Reported {}

/// A command line that asks for something impossible (a reversed window…): exit with status 2,
/// as clap does for the errors it finds itself.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Parses the arguments, runs the command, and turns its outcome into an exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            if err.downcast_ref::<Reported>().is_some() {
                return ExitCode::from(1);
            }
            if let Some(usage) = err.downcast_ref::<Usage>() {
                eprintln!("error: {usage}");
                return ExitCode::from(2);
            }
            if err.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    // These two read graph-data folders of their own, not the graph the others query.
    match &cli.command {
        Command::Fmt(args) => return Ok(fmt::run(cli, args)),
        Command::Diff(args) => return Ok(diff::run(cli, args)),
        _ => {}
    }
    // The graph lives until the process ends: one command per process, so it is never freed
    // (freeing millions of small allocations one by one took most of a second at a million
    // claims, and the operating system takes the memory back at exit anyway).
    let graph: &Graph = Box::leak(Box::new(load::load(cli)?));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match &cli.command {
        Command::Check => check::run(graph, cli.json, &mut out)?,
        Command::Stats => stats::run(graph, cli.json, &mut out)?,
        Command::Show { entity } => show::run(graph, cli.json, entity, &mut out)?,
        Command::Find { text } => find::run(graph, cli.json, text, &mut out)?,
        Command::Export(args) => {
            out.flush()?;
            drop(out);
            return export::run(graph, args);
        }
        Command::Path(args) => path::run(graph, cli.json, args, &mut out)?,
        Command::Neighbors(args) => neighbors::run(graph, cli.json, args, &mut out)?,
        Command::Timeline(args) => timeline::run(graph, cli.json, args, &mut out)?,
        Command::Conflicts(args) => conflicts::run(graph, cli.json, args, &mut out)?,
        // Handled above, before the graph is loaded.
        Command::Fmt(args) => fmt::run(cli, args),
        Command::Diff(args) => diff::run(cli, args),
    };
    out.flush()?;
    Ok(code)
}

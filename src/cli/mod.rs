//! The command line: arguments in ([`args`]), one file per subcommand, text, JSON and CSV out.
//!
//! Everything here is the binary's; the library knows nothing of clap, anyhow, indicatif or
//! serde_json. Where things are:
//! - `args.rs` the clap definitions; `usage.rs` the combinations clap cannot check (exit 2);
//! - one file per subcommand: `check`, `stats`, `show`, `find`, `sources`, `path`, `neighbors`,
//!   `timeline`, `conflicts`, `export` (+ `export_all.rs`, the main job, and `graphviz.rs`,
//!   running `dot`), `completions.rs` (completions and the man page);
//! - shared: `load.rs` (which data), `image.rs` (the cached image of a folder; `cache.rs` is the
//!   `cache` command), `filter.rs` (the filter flags → `Filter`), `node.rs` (names
//!   → entities), `output.rs` (`-o FILE|-`, closed stdout), `json.rs`, `links.rs` (evidence links), `table.rs` (CSV/TSV),
//!   `style.rs` (colour), `diag.rs` (stderr: errors, warnings, notes, --quiet/--verbose),
//!   `progress.rs` (spinners), `version.rs` (`--version` with the embedded data), `text.rs`.

/// Like std's `eprintln!`, for every module below: a closed or broken stderr (`2>&1 | head -1`,
/// `2>&-`) drops the message instead of panicking, so a warning can never abort an export. The
/// outcome still shows in the exit status.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod args;
mod cache;
mod check;
mod check_sources;
mod completions;
mod conflicts;
mod diag;
mod diff;
mod export;
mod export_all;
mod filter;
mod find;
mod fmt;
mod frames;
mod graphviz;
mod image;
mod json;
mod links;
mod load;
mod neighbors;
mod node;
mod output;
mod path;
mod progress;
mod revision;
mod show;
mod sources;
mod stats;
mod style;
mod table;
mod text;
mod timeline;
mod usage;
mod version;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};
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

/// Parses the arguments, runs the command, and turns its outcome into an exit status: 0 done,
/// 1 an error or nothing found, 2 a usage error (clap's convention).
pub fn main() -> ExitCode {
    // An empty DIPLOGRAPH_DATA means unset (clap would call it a missing value). Nothing else
    // runs yet, so changing the environment cannot race with another thread.
    if std::env::var_os("DIPLOGRAPH_DATA").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("DIPLOGRAPH_DATA");
    }
    let mut command = Cli::command();
    if std::env::args_os().any(|a| a == "--version" || a == "-V") {
        command = command.long_version(version::long()).version(version::short());
    }
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    style::set(cli.color);
    diag::set_level(if cli.quiet {
        diag::Level::Quiet
    } else if cli.verbose {
        diag::Level::Verbose
    } else {
        diag::Level::Normal
    });
    if let Err(e) = usage::check(&cli) {
        e.exit();
    }
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            if err.downcast_ref::<Reported>().is_some() {
                return ExitCode::from(1);
            }
            if err.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            diag::error(format!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Man => return completions::man(),
        // These two read graph-data folders of their own, not the graph the others query.
        Command::Fmt(args) => return Ok(fmt::run(cli, args)),
        Command::Diff(args) => return Ok(diff::run(cli, args)),
        Command::Cache { action } => {
            cache::run(cli, action, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Export(args) => output::refuse_inputs(args.output.as_deref(), cli.data.as_deref())?,
        _ => {}
    }
    output::stdout_is_open()?;
    // The graph lives until the process ends: one command per process, so it is never freed
    // (freeing millions of small allocations one by one took most of a second at a million
    // claims, and the operating system takes the memory back at exit anyway).
    let graph: &Graph = Box::leak(Box::new(load::load(cli)?));
    let mut out = io::BufWriter::new(io::stdout().lock());
    let code = match &cli.command {
        Command::Check(args) => check::run(graph, cli, args, &mut out)?,
        Command::Stats => stats::run(graph, cli.json, &mut out)?,
        Command::Show(args) => show::run(graph, cli.json, args, &mut out)?,
        Command::Find(args) => find::run(graph, cli.json, args, &mut out)?,
        Command::Sources(args) => sources::run(graph, cli.json, args, &mut out)?,
        Command::Export(args) => {
            out.flush()?;
            drop(out);
            return export::run(graph, args);
        }
        Command::Path(args) => path::run(graph, cli.json, args, &mut out)?,
        Command::Neighbors(args) => neighbors::run(graph, cli.json, args, &mut out)?,
        Command::Timeline(args) => timeline::run(graph, cli.json, args, &mut out)?,
        Command::Conflicts(args) => conflicts::run(graph, cli.json, args, &mut out)?,
        Command::Completions { .. } | Command::Man | Command::Fmt(_) | Command::Diff(_) | Command::Cache { .. } => {
            unreachable!("handled above")
        }
    };
    out.flush()?;
    Ok(code)
}

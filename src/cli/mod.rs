//! The command line: arguments in ([`args`]), one file per subcommand, text and JSON out.
//!
//! Everything here is the binary's; the library knows nothing of clap, anyhow, indicatif or
//! serde_json.

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

/// Parses the arguments, runs the command, and turns its outcome into an exit status.
pub fn main() -> ExitCode {
    // An empty DIPLOGRAPH_DATA means unset (as an empty PATH entry or an empty NO_COLOR does),
    // not "a folder with no name". Done before any thread starts.
    if std::env::var_os("DIPLOGRAPH_DATA").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("DIPLOGRAPH_DATA");
    }
    let cli = Cli::parse();
    // Standard output closed (`>&-`): Rust's stdout silently drops what is written to a closed
    // descriptor, so an export would "succeed" having written nothing. Say so and fail, before
    // anything opens a file that could take descriptor 1.
    let to_file = matches!(&cli.command, Command::Export(a) if a.all || a.output.is_some());
    if !to_file && !stdout_is_open() {
        eprintln!("error: standard output is closed; nothing can be written (use -o FILE, or give a stdout)");
        return ExitCode::from(1);
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
        Command::Export(args) => output::refuse_inputs(args.output.as_deref(), cli.data.as_deref())?,
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

/// Whether file descriptor 1 was open when the process started. Rust's runtime reopens a
/// closed descriptor 0-2 on `/dev/null`, read-write, before `main`; a shell's `>/dev/null`
/// opens it write-only. So on Linux a descriptor 1 that is `/dev/null` opened read-write was
/// closed (`>&-`). Elsewhere it is assumed open.
fn stdout_is_open() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return true;
    };
    if target != std::path::Path::new("/dev/null") {
        return true;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return true;
    };
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok());
    // O_ACCMODE is 3, O_RDWR 2.
    flags.is_none_or(|f| f & 3 != 2)
}

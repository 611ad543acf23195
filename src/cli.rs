//! Command-line arguments (clap). Turned into library calls in `main.rs`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// diplograph: a knowledge graph of Belarus's foreign relations — who was tied to whom, when,
/// and who says so.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, long_about = None)]
pub struct Cli {
    /// A graph-data folder to load instead of the graph built into the binary.
    #[arg(long, global = true, env = "DIPLOGRAPH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the graph-data and print a one-line summary, or every problem found.
    Check,
    /// Counts by kind, predicate and source; share of dated relations; date range.
    Stats,
    /// An entity's card: kind, names, description, and every relation in and out.
    Show {
        /// An id, label or alias (case- and accent-insensitive).
        entity: String,
    },
    /// Entities whose id, label or alias contains TEXT (case- and accent-insensitive).
    Find {
        /// The text to look for.
        text: String,
    },
}

//! Command-line arguments (clap). Turned into library calls by the subcommand files.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use diplograph::{Cluster, CsvFlavor, Format, RankDir};

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
    /// Write the graph (or a selection of it) as RDF, DOT or CSV; --all regenerates exports/.
    Export(Box<ExportArgs>),
    /// How two entities are connected: the shortest path, the k shortest, all up to N hops, or
    /// journeys through time (--chronological). Exits with 1 when there is none.
    Path(PathArgs),
    /// The entities around one entity, to a depth, and the relations among them.
    #[command(alias = "neighbours")]
    Neighbors(NeighborsArgs),
    /// Dated relations in chronological order: of the whole graph, of ENTITY, or between ENTITY and --with.
    Timeline(TimelineArgs),
    /// Where sources disagree: the same relation with different dates, or different quantities in notes.
    Conflicts(ConflictsArgs),
    /// Rewrite the graph-data files in canonical form; --check lists those that are not.
    ///
    /// Rows sorted (sources, predicates, entities by id; claims by every cell), documented columns
    /// first, quotes only where CSV needs them, LF, no byte-order mark; every value is kept byte
    /// for byte. Only data that loads is formatted. Exits with 0 when every file is formatted, 1
    /// when --check finds one that is not, 2 on trouble.
    Fmt(FmtArgs),
    /// What changed between two graphs (folders or git revisions), in the graph's terms.
    ///
    /// Entities added, removed, relabelled, re-kinded or edited; relations added, removed or
    /// redated; evidence added, removed or edited; disagreements appearing or resolved; sources
    /// and predicates. Exits with 0 if the graphs hold the same data, 1 if not, 2 on trouble
    /// (like diff).
    Diff(DiffArgs),
}

/// `fmt`: which folder, and whether to write.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// The graph-data folder (default: --data, else ./graph-data).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Write nothing: list the files that are not in canonical form, and exit with 1 if any is not.
    #[arg(long)]
    pub check: bool,
}

/// `diff`: the two graphs, and how to print what differs.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD and NEW graph-data folders; with --rev, at most one folder: the one whose history is
    /// read (default: --data, else ./graph-data).
    #[arg(value_name = "FOLDER", num_args = 0..=2)]
    pub folders: Vec<PathBuf>,
    /// Compare the folder as it was at git revision REV (e.g. HEAD~1, main) with the folder as it
    /// is now; given twice, compare the two revisions.
    #[arg(long, value_name = "REV")]
    pub rev: Vec<String>,
    /// How to print the differences (--json prints them as JSON).
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// `diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line per difference, marked + (added), - (removed) or ~ (changed).
    Text,
    /// Markdown sections, for a pull-request description.
    #[value(alias = "md")]
    Markdown,
}

/// `path`: which paths to look for.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the path starts: an id, label or alias.
    #[arg(id = "path-from", value_name = "FROM")]
    pub from: String,
    /// Where it ends.
    #[arg(id = "path-to", value_name = "TO")]
    pub to: String,
    /// The K shortest paths (or, with --chronological, the K earliest journeys).
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub k: Option<usize>,
    /// Every simple path up to --max-hops (at most --limit of them), shortest first.
    #[arg(long, conflicts_with = "chronological")]
    pub all: bool,
    /// At most N hops (default: any for shortest paths and journeys, 4 for --all).
    #[arg(long, value_name = "N")]
    pub max_hops: Option<usize>,
    /// With --all: list at most N paths.
    #[arg(long, value_name = "N", default_value_t = diplograph::DEFAULT_LIMIT)]
    pub limit: usize,
    /// Follow relations from subject to object only (symmetric relations still both ways).
    #[arg(long)]
    pub directed: bool,
    /// Journeys: relations whose dates do not go backwards, earliest arrival first.
    #[arg(long)]
    pub chronological: bool,
    /// With --chronological: let journeys use undated relations (marked; ranked after dated journeys).
    #[arg(long, requires = "chronological")]
    pub undated: bool,
    /// text (one hop a line) or dot (a GraphViz diagram of the first path found, highlighted).
    #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// How a query result is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    /// Readable text (or JSON with --json).
    Text,
    /// A GraphViz DOT diagram.
    Dot,
}

/// `neighbors`: around which entity, how far.
#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// The entity: an id, label or alias.
    pub entity: String,
    /// How many hops out.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Follow relations from subject to object only (symmetric relations still both ways).
    #[arg(long)]
    pub directed: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `timeline`: whose, and when.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only the relations of this entity (default: the whole graph).
    pub entity: Option<String>,
    /// Only the relations between ENTITY and this entity.
    #[arg(long, value_name = "ENTITY", requires = "entity")]
    pub with: Option<String>,
    /// text (one relation a line) or dot (a left-to-right GraphViz timeline, a column per year).
    #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `conflicts`: which disagreements to list.
#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// Also list dates that differ but are compatible (different precision, different ends given).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Filters shared by queries and exports.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Keep relations that hold at DATE (EDTF: 2005, 2005-03, 2005-03-19).
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "until"])]
    pub at: Option<String>,
    /// Keep relations that overlap the window starting at DATE.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep relations that overlap the window ending at DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Keep only relations that pass the time filter definitely (drops possible and undated ones).
    #[arg(long)]
    pub certain: bool,
    /// Drop undated relations.
    #[arg(long)]
    pub dated_only: bool,
    /// Use only event relations (signed, condemned, visited…), not states (memberships, offices…).
    #[arg(long)]
    pub events: bool,
    /// Follow only this predicate (repeatable).
    #[arg(long = "predicate", value_name = "P")]
    pub predicates: Vec<String>,
    /// Never follow this predicate (repeatable).
    #[arg(long = "exclude-predicate", value_name = "P")]
    pub exclude_predicates: Vec<String>,
    /// Allow only entities of this kind (repeatable).
    #[arg(long = "kind", value_name = "K")]
    pub kinds: Vec<String>,
    /// Trust only this source (repeatable).
    #[arg(long = "source", value_name = "S")]
    pub sources: Vec<String>,
}

/// `export`: what to write and where.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write (turtle, ntriples, nquads, dot, csv).
    #[arg(long, value_parser = clap::value_parser!(Format), required_unless_present = "all")]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output (for csv: a folder for nodes.csv and edges.csv).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write every export (RDF, DOT, CSV, views, SVG where Graphviz is installed) into --out.
    #[arg(long, conflicts_with_all = ["format", "output"])]
    pub all: bool,
    /// With --all: write the DOT files but render no SVG (faster; SVGs depend on the Graphviz version).
    #[arg(long, requires = "all")]
    pub no_svg: bool,
    /// With --all: DOT files larger than this many bytes are not rendered to SVG (a note says so).
    #[arg(long, value_name = "BYTES", default_value_t = super::graphviz::DEFAULT_MAX_BYTES, requires = "all")]
    pub graphviz_max_bytes: u64,
    /// With --all: a Graphviz run longer than this many seconds is stopped and its SVG skipped.
    #[arg(long, value_name = "SECS", default_value_t = super::graphviz::DEFAULT_TIMEOUT_SECS, requires = "all")]
    pub graphviz_timeout: u64,
    /// The folder for --all.
    #[arg(long, value_name = "DIR", default_value = "exports")]
    pub out: PathBuf,
    /// Base IRI of the entities, relations and vocabulary in RDF (must end in / or #).
    #[arg(long, value_name = "IRI")]
    pub base_iri: Option<String>,
    /// Export only the neighbourhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Depth of the neighbourhood around --focus.
    #[arg(long, default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// DOT: the direction edges point (TB, LR, BT, RL).
    #[arg(long, value_name = "DIR", value_parser = clap::value_parser!(RankDir), default_value = "LR")]
    pub rankdir: RankDir,
    /// DOT: group nodes into boxes (kind: one box per entity kind).
    #[arg(long, value_name = "BY", value_parser = clap::value_parser!(Cluster))]
    pub cluster: Option<Cluster>,
    /// CSV: spreadsheet (formula-like cells guarded) or neo4j (headers for neo4j-admin import).
    #[arg(long, value_name = "FLAVOR", value_parser = clap::value_parser!(CsvFlavor), default_value = "spreadsheet")]
    pub flavor: CsvFlavor,
    #[command(flatten)]
    pub filter: FilterArgs,
}

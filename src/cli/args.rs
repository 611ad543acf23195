//! Command-line arguments (clap). Turned into library calls by the subcommand files.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use diplograph::{
    export::csv::CsvFlavor,
    export::dot::{Cluster, RankDir},
    export::rdf::RdfVersion,
    export::Format,
    model::Edtf,
};

/// diplograph: a knowledge graph of Belarus's foreign relations — who was tied to whom, when,
/// and who says so.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, long_about = None)]
pub struct Cli {
    /// A graph-data folder to load instead of the graph built into the binary (an empty value
    /// counts as unset).
    #[arg(long, global = true, env = "DIPLOGRAPH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// Neither read nor save the cached image of the graph-data folder: parse and validate the
    /// CSV every time (see `diplograph cache`).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print no warnings or notes on stderr (errors still).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print what was loaded and how long it took, on stderr.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_name = "WHEN", value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the graph-data; with --sources, verify every quote against the source texts too.
    ///
    /// Prints a one-line summary, or every problem found. With --sources DIR, every claim's quote
    /// must appear in DIR/<source-id>.txt (see --sources); each miss is FILE:LINE with the closest
    /// passage. Exits with 0 when all is well, 1 on a problem or a quote not found, 2 when the
    /// folder of texts cannot be read.
    Check(CheckArgs),
    /// Counts by kind, predicate and source; share of dated relations; date range.
    Stats,
    /// The card of an entity, a source or a relation (by id), with its relations and evidence.
    Show(ShowArgs),
    /// Entities whose id, label or alias contains TEXT; near names when none does.
    Find(FindArgs),
    /// The sources: title, publisher, URL and how many claims each supports.
    Sources(SourcesArgs),
    /// Write the graph (or a selection of it) as RDF, DOT or CSV; --all regenerates exports/.
    Export(Box<ExportArgs>),
    /// How two entities are connected (shortest, k shortest, all, or journeys through time).
    ///
    /// The shortest path by default; --k N the N shortest; --all every simple path up to
    /// --max-hops; --chronological journeys whose dates do not go backwards. Exits with 1 when
    /// there is none.
    Path(PathArgs),
    /// The entities around one entity, to a depth, and the relations among them.
    #[command(alias = "neighbours")]
    Neighbors(NeighborsArgs),
    /// Dated relations and entities' own dates (an agreement adopted), in chronological order.
    ///
    /// Of the whole graph, of ENTITY (with its own date and its neighbours'), or of ENTITY and
    /// --with (with their own dates).
    Timeline(TimelineArgs),
    /// Where sources disagree: the same relation with different dates, or different quantities in notes.
    Conflicts(ConflictsArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `source <(diplograph completions bash)`; zsh: write it to a file named
    /// `_diplograph` in a folder of $fpath; fish: `diplograph completions fish >
    /// ~/.config/fish/completions/diplograph.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `diplograph man > diplograph.1; man -l diplograph.1`.
    Man,
    /// Rewrite the graph-data files in canonical form; --check lists those that are not.
    ///
    /// Rows sorted (sources, predicates, entities by id; claims by every cell), documented columns
    /// first, quotes only where CSV needs them, LF, no byte-order mark; every value is kept byte
    /// for byte. Only data that loads is formatted. With --sources DIR, also each claim's (and
    /// entity date's) link to its quote, from the texts: relations.csv's fragment and selector.
    /// Exits with 0 when every file is formatted, 1 when --check finds one that is not, 2 on
    /// trouble.
    Fmt(FmtArgs),
    /// What changed between two graphs (folders or git revisions), in the graph's terms.
    ///
    /// Entities added, removed, relabelled, re-kinded or edited; relations added, removed or
    /// redated; evidence added, removed or edited; disagreements appearing or resolved; sources
    /// and predicates. Exits with 0 if the graphs hold the same data, 1 if not, 2 on trouble
    /// (like diff).
    Diff(DiffArgs),
    /// The cached images of loaded graph-data folders: build one, clear them all, or print where.
    ///
    /// After a first command on a graph-data folder (--data), its validated graph is saved as a
    /// binary image in the user's cache folder ($XDG_CACHE_HOME/diplograph, else
    /// ~/.cache/diplograph); later commands on the unchanged folder read it instead of the CSV.
    /// Any change to the files, the program's version or the limits makes it unused and rebuilt;
    /// a damaged image is never used. --no-cache neither reads nor saves one.
    Cache {
        /// What to do.
        #[command(subcommand)]
        action: CacheAction,
    },
}

/// `cache`: what to do.
#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Validate the --data folder and save its image (printing the image's path).
    Build,
    /// Remove every saved image.
    Clear,
    /// Print the cache folder.
    Path,
}

/// `show`: what to show.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An entity (id, label or alias, in any script), a source id or a relation id (r-…).
    pub name: String,
    /// Compute each piece of evidence's link to its quote (a text fragment, `#:~:text=`) from the
    /// texts of the sources in DIR (one `<source-id>.txt` each) instead of using the fragment
    /// relations.csv records (`fmt --sources` writes it).
    #[arg(long = "sources", id = "texts", value_name = "DIR")]
    pub texts: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `find`: what to look for.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// The text to look for (case- and accent-insensitive; Cyrillic is transliterated).
    pub text: String,
    /// text (one entity a line), csv or tsv.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

/// `sources`: how to list them.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// text (one source a paragraph), csv or tsv.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
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
    /// Also write each claim's `fragment` and `selector` (relations.csv) from the texts of the
    /// sources in DIR (one `<source-id>.txt` each): the text fragment that opens the source at the
    /// quote, and the Web Annotation selectors. With --check: exit with 1 if one is stale.
    #[arg(long = "sources", id = "texts", value_name = "DIR")]
    pub texts: Option<PathBuf>,
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
    /// The K shortest paths (or, with --chronological, the K earliest journeys); K ≥ 1.
    #[arg(short, long, value_name = "N", conflicts_with = "all", value_parser = count)]
    pub k: Option<usize>,
    /// Every simple path up to --max-hops (at most --limit of them), shortest first.
    #[arg(long, conflicts_with = "chronological")]
    pub all: bool,
    /// At most N hops (default: any for shortest paths and journeys, 4 for --all); N ≥ 1.
    #[arg(long, value_name = "N", value_parser = count)]
    pub max_hops: Option<usize>,
    /// With --all: list at most N paths; N ≥ 1.
    #[arg(long, value_name = "N", default_value_t = diplograph::query::DEFAULT_LIMIT, value_parser = count)]
    pub limit: usize,
    /// Follow relations from subject to object only (symmetric relations still both ways).
    #[arg(long)]
    pub directed: bool,
    /// Journeys: relations whose dates do not go backwards, earliest arrival first.
    #[arg(long)]
    pub chronological: bool,
    /// In text: under each path, a link per piece of evidence of each hop, opening its source at
    /// the quote (the text fragment relations.csv records), or the plain URL and why not. JSON
    /// (`link`, `link_caveat`) and CSV (`links`) always carry them.
    #[arg(long)]
    pub links: bool,
    /// text (one hop a line), dot (a GraphViz diagram of the first path found, highlighted), or
    /// csv/tsv (one row per hop).
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
    /// Comma-separated values, a header and one row per relation.
    Csv,
    /// Tab-separated values, a header and one row per relation.
    Tsv,
}

/// How a result without a diagram is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Readable text (or JSON with --json).
    Text,
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
}

impl From<TableFormat> for ResultFormat {
    fn from(f: TableFormat) -> Self {
        match f {
            TableFormat::Text => ResultFormat::Text,
            TableFormat::Csv => ResultFormat::Csv,
            TableFormat::Tsv => ResultFormat::Tsv,
        }
    }
}

/// `neighbors`: around which entity, how far.
#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// The entity: an id, label or alias.
    pub entity: String,
    /// How many hops out; N ≥ 1.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = count)]
    pub depth: usize,
    /// Follow relations from subject to object only (symmetric relations still both ways).
    #[arg(long)]
    pub directed: bool,
    /// text, csv or tsv (one row per relation).
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `timeline`: whose, and when. The time flags mean what they mean for `path` and `neighbors`
/// (relations that hold at DATE or overlap the window), and are applied by the same rule to the
/// entities' own dates; a timeline lists only dated relations unless --undated is given, with or
/// without a time filter (undated ones come last).
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only the relations of this entity, its own date and its neighbours' (default: the whole
    /// graph).
    pub entity: Option<String>,
    /// Only the relations between ENTITY and this entity (and their own dates).
    #[arg(long, value_name = "ENTITY", requires = "entity")]
    pub with: Option<String>,
    /// text (one entry a line), dot (a left-to-right GraphViz timeline, a column per year),
    /// or csv/tsv (one row per entry).
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
    /// text, csv or tsv (one row per claim).
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Filters shared by queries and exports.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Keep relations that hold at DATE, definitely or possibly (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "until"], value_parser = plain_date)]
    pub at: Option<Edtf>,
    /// Keep relations that overlap the window starting at DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = plain_date)]
    pub from: Option<Edtf>,
    /// Keep relations that overlap the window ending at DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = plain_date)]
    pub until: Option<Edtf>,
    /// Keep only relations the time filter keeps definitely (drops possible and undated ones).
    #[arg(long, conflicts_with = "undated")]
    pub certain: bool,
    /// Under a time filter, keep undated relations too, marked undated (by default a time filter
    /// leaves them out and says how many). For `timeline`: list undated relations (last); for
    /// `path --chronological`: let journeys use them.
    #[arg(long)]
    pub undated: bool,
    /// Drop undated relations, with or without a time filter.
    #[arg(long, conflicts_with = "undated")]
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
    /// The format to write: turtle (ttl), ntriples (nt), nquads (nq), dot, csv, html, gexf, graphml.
    #[arg(long, value_enum, required_unless_present = "all")]
    pub format: Option<ExportFormat>,
    /// Write to FILE instead of standard output (`-`: standard output; for csv: a folder for
    /// nodes.csv and edges.csv).
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
    /// RDF and --all: base IRI of the entities, relations and vocabulary (must end in / or #).
    #[arg(long, value_name = "IRI")]
    pub base_iri: Option<String>,
    /// RDF: the texts of the sources in DIR (one `<source-id>.txt` each), to compute each piece
    /// of evidence's Web Annotation selector (oa:exact, and the oa:prefix/oa:suffix that make its
    /// quote unique) from them; without them the selectors relations.csv records are used, and a
    /// claim that records none has oa:exact only, marked dg:exactOnly.
    #[arg(long = "sources", id = "texts", value_name = "DIR")]
    pub texts: Option<PathBuf>,
    /// RDF: 1.1 (the default: each relation's statement reified as an rdf:Statement, read by
    /// every RDF store) or 1.2 (each statement a reifier of a triple term, `rdf:reifies <<( s p
    /// o )>>`, in Turtle written as an annotation `s p o ~ reifier {| … |}`; read only by RDF 1.2
    /// parsers and stores).
    #[arg(long = "rdf", value_name = "VERSION", value_parser = clap::value_parser!(RdfVersion))]
    pub rdf: Option<RdfVersion>,
    /// Export only the neighbourhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Depth of the neighbourhood around --focus.
    #[arg(long, default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// DOT: the direction edges point (TB, LR, BT, RL; default LR).
    #[arg(long, value_name = "DIR", value_parser = clap::value_parser!(RankDir))]
    pub rankdir: Option<RankDir>,
    /// DOT: one diagram per year into the folder -o DIR (FRAME-YYYY.dot), each the graph as of
    /// that year with the same layout, to play as an animation: `year` (every year the dates
    /// span) or FIRST..LAST (e.g. 1991..2023). Replaces --at/--from/--until.
    #[arg(long, value_name = "STEP", value_parser = clap::value_parser!(super::frames::Frames), requires = "output", conflicts_with_all = ["at", "from", "until", "all"])]
    pub frames: Option<super::frames::Frames>,
    /// DOT: group nodes into boxes (kind: one box per entity kind).
    #[arg(long, value_name = "BY", value_parser = clap::value_parser!(Cluster))]
    pub cluster: Option<Cluster>,
    /// CSV: spreadsheet (formula-like cells guarded; the default) or neo4j (headers for
    /// neo4j-admin import).
    #[arg(long, value_name = "FLAVOR", value_parser = clap::value_parser!(CsvFlavor))]
    pub flavor: Option<CsvFlavor>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// What `check` verifies beyond the graph-data itself.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Verify every quote verbatim against the source texts in DIR (one `<source-id>.txt` per
    /// source): white space, typographic quotes and dashes, and Unicode compatibility forms are
    /// normalised, nothing else; fragments joined with `...` must appear in order.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,

    /// With --sources: also list, per source, the date-bearing sentences and table rows that no
    /// claim quotes.
    #[arg(long, requires = "sources")]
    pub coverage: bool,

    /// With --coverage: also list the quoted passages naming a year that no claim quoting them
    /// carries.
    #[arg(long, requires = "coverage")]
    pub strict: bool,

    /// With --coverage: the table rows to leave out (CSV with columns source,section,row);
    /// default: coverage-gaps.csv beside the graph-data's four files, if there is one.
    #[arg(long, value_name = "FILE", requires = "coverage")]
    pub gaps: Option<PathBuf>,
}

/// The formats of `export --format`, with their short names. A new format (the explorer's
/// html, gexf, graphml) is a variant here, an arm in [`ExportFormat::format`] or its own arm in
/// `export::run`, and a line in `usage::check` for the flags it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// RDF Turtle.
    #[value(alias = "ttl")]
    Turtle,
    /// RDF N-Triples.
    #[value(alias = "nt")]
    Ntriples,
    /// RDF N-Quads (evidence in a named graph per source).
    #[value(alias = "nq")]
    Nquads,
    /// GraphViz DOT.
    Dot,
    /// Two CSV files, nodes.csv and edges.csv, in the folder -o names.
    Csv,
    /// The explorer page: one self-contained HTML file.
    Html,
    /// GEXF 1.3 with dynamic edges, for Gephi.
    Gexf,
    /// GraphML with typed attributes, for Cytoscape and yEd.
    Graphml,
}

impl ExportFormat {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        self.format().name()
    }

    /// The library's format.
    pub fn format(self) -> Format {
        match self {
            ExportFormat::Turtle => Format::Turtle,
            ExportFormat::Ntriples => Format::NTriples,
            ExportFormat::Nquads => Format::NQuads,
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Html => Format::Html,
            ExportFormat::Gexf => Format::Gexf,
            ExportFormat::Graphml => Format::Graphml,
        }
    }
}

/// The date forms the time flags accept, for error messages.
const DATE_FORMS: &str = "a year (2005), a month (2005-03) or a day (2005-03-19)";

/// A date for --at, --from or --until: a single date without qualifiers. Intervals (use --from
/// and --until) and `?`/`~` (a query date is what it says) are refused.
fn plain_date(text: &str) -> Result<Edtf, String> {
    let refuse = |why: &str| Err(format!("{why}; give {DATE_FORMS}"));
    if text.contains('/') || text.contains("..") {
        return refuse("a window is given with --from and --until, not as an interval");
    }
    if text.contains('?') || text.contains('~') || text.contains('%') {
        return refuse("a query date cannot be uncertain (?) or approximate (~)");
    }
    match text.parse::<Edtf>() {
        Ok(date @ Edtf::Single(_)) => Ok(date),
        Ok(_) => refuse("not a single date"),
        Err(e) => refuse(&e.to_string()),
    }
}

/// A count that must be at least 1 (--k, --limit, --max-hops, --depth).
fn count(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1 (0 would ask for nothing)".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err("give a whole number of at least 1".to_owned()),
    }
}

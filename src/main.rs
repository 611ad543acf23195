//! The `diplograph` command: a thin layer over the library.

mod cli;
mod progress;
mod queries;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use diplograph::{
    write_atomically, write_csv_files, write_csv_files_filtered, BaseIri, Dataset, DotWriter, EntityKind, ExportAll, Filter, Format, Graph,
    Id, LoadError, RdfError, RdfExport, RdfSyntax, Selection,
};
use serde_json::json;

use cli::{Cli, Command, ExportArgs, FilterArgs};

/// An error already reported to the user; exit with status 1 without printing more.
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("reported")
    }
}

impl std::error::Error for Reported {}

/// A command line that asks for something impossible (a reversed window…): exit with status 2,
/// as clap does for the errors it finds itself.
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

fn main() -> ExitCode {
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

fn dataset(cli: &Cli) -> Result<Dataset> {
    match &cli.data {
        Some(dir) => Dataset::from_dir(dir).context("cannot load the graph-data folder"),
        None => Ok(Dataset::embedded()),
    }
}

/// Loads the graph; on invalid data prints every problem (stderr, or JSON on stdout) and fails.
fn load(cli: &Cli) -> Result<Graph> {
    let data = dataset(cli)?;
    let size: u64 = [&data.sources, &data.predicates, &data.entities, &data.relations]
        .iter()
        .map(|f| f.bytes.len() as u64)
        .sum();
    let progress = progress::Progress::new(
        format!("loading {} MB of graph-data", size >> 20),
        size > progress::LARGE_INPUT_BYTES,
    );
    let loaded = Graph::load_dataset(data);
    progress.finish();
    match loaded {
        Ok(graph) => {
            for w in &graph.warnings().0 {
                eprintln!("{w}");
            }
            Ok(graph)
        }
        Err(LoadError::Invalid(problems)) => {
            if cli.json {
                let out = json!({ "ok": false, "problems": problems });
                println!("{}", serde_json::to_string_pretty(&out)?);
            } else {
                eprintln!("{problems}");
            }
            Err(Reported.into())
        }
        Err(e) => Err(e.into()),
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    // The graph lives until the process ends: one command per process, so it is never freed
    // (freeing millions of small allocations one by one took most of a second at a million
    // claims, and the operating system takes the memory back at exit anyway).
    let graph: &Graph = Box::leak(Box::new(load(cli)?));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match &cli.command {
        Command::Check => {
            let s = graph.stats();
            if cli.json {
                let out_json = json!({ "ok": true, "stats": s, "warnings": graph.warnings() });
                writeln!(out, "{}", serde_json::to_string_pretty(&out_json)?)?;
            } else {
                let kinds: Vec<String> = s
                    .entities_by_kind
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(k, n)| format!("{n} {k}"))
                    .collect();
                writeln!(
                    out,
                    "ok: {} entities ({}), {} relations from {} claims, {} sources{}",
                    s.entities,
                    kinds.join(", "),
                    s.relations,
                    s.claims,
                    s.sources,
                    match graph.warnings().0.len() {
                        0 => String::new(),
                        n => format!("; {n} warning{}", if n == 1 { "" } else { "s" }),
                    }
                )?;
            }
        }
        Command::Stats => {
            let s = graph.stats();
            if cli.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
            } else {
                write_stats(&mut out, &s)?;
            }
        }
        Command::Show { entity } => {
            let e = graph.resolve(entity)?;
            let node = graph.node(e.id.as_str()).context("resolved entity has no node")?;
            let incidents = graph.incidents(node);
            if cli.json {
                let relations: Vec<_> = incidents
                    .iter()
                    .map(|i| {
                        json!({
                            "id": i.relation.id,
                            "direction": if i.outgoing { "out" } else { "in" },
                            "predicate": i.predicate.id,
                            "label": i.predicate.label_for(i.outgoing),
                            "other": i.other.id,
                            "other_label": i.other.label,
                            "date": i.relation.date.map(|d| d.to_string()),
                            "evidence": i.relation.evidence,
                        })
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&json!({ "entity": e, "relations": relations }))?
                )?;
            } else {
                writeln!(out, "{} ({}) — {}", e.label, e.id, e.kind)?;
                if !e.aliases.is_empty() {
                    writeln!(out, "also: {}", e.aliases.join(" · "))?;
                }
                writeln!(out, "{}", e.description)?;
                for id in &e.same_as {
                    writeln!(out, "same as: {id}")?;
                }
                writeln!(out)?;
                writeln!(
                    out,
                    "{} relation{}:",
                    incidents.len(),
                    if incidents.len() == 1 { "" } else { "s" }
                )?;
                for i in &incidents {
                    let date = i.relation.date.map(|d| format!(" ({})", d.human())).unwrap_or_default();
                    let sources: Vec<&str> = i.relation.sources().iter().map(|s| s.as_str()).collect();
                    let label = i.predicate.label_for(i.outgoing);
                    writeln!(
                        out,
                        "  —{label}{date}→ {} ({})   [{}]",
                        i.other.label,
                        i.other.id,
                        sources.join(", ")
                    )?;
                }
            }
        }
        Command::Find { text } => {
            let hits = graph.find(text);
            if cli.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
            } else if hits.is_empty() {
                out.flush()?;
                eprintln!("no entity matches '{text}'");
                return Ok(ExitCode::from(1));
            } else {
                for e in hits {
                    let aliases = if e.aliases.is_empty() {
                        String::new()
                    } else {
                        format!(" — also {}", e.aliases.join(", "))
                    };
                    writeln!(out, "{}\t{}\t{}{}", e.id, e.kind, e.label, aliases)?;
                }
            }
        }
        Command::Export(args) => {
            out.flush()?;
            drop(out);
            return export(graph, args);
        }
        Command::Path(args) => {
            let code = queries::path(graph, cli.json, args, &mut out)?;
            out.flush()?;
            return Ok(code);
        }
        Command::Neighbors(args) => queries::neighbors(graph, cli.json, args, &mut out)?,
        Command::Timeline(args) => queries::timeline(graph, cli.json, args, &mut out)?,
        Command::Conflicts(args) => queries::conflicts(graph, cli.json, args, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Turns the filter flags into a library [`Filter`], checking every name against the graph.
fn to_filter(graph: &Graph, args: &FilterArgs) -> Result<Filter> {
    let mut filter = Filter::default()
        .certain(args.certain)
        .dated_only(args.dated_only)
        .undated(args.undated);
    if args.events {
        filter = filter.temporal(diplograph::Temporal::Event);
    }
    if let Some(at) = args.at {
        filter = filter.at(at);
    } else {
        if let (Some(from), Some(until)) = (args.from, args.until) {
            if from.earliest() > until.latest() {
                return Err(Usage(format!(
                    "--from {from} --until {until}: the window ends before it starts; give --from a date \
                     no later than --until (or --at {from} for one date)"
                ))
                .into());
            }
        }
        filter = filter.between(args.from, args.until);
    }
    let predicate = |p: &str| -> Result<Id> {
        match graph.predicate(p) {
            Some(pred) => Ok(pred.id.clone()),
            None => anyhow::bail!(
                "unknown predicate '{p}'; choose from: {}",
                graph
                    .predicates()
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    for p in &args.predicates {
        filter = filter.predicate(predicate(p)?);
    }
    for p in &args.exclude_predicates {
        filter = filter.exclude_predicate(predicate(p)?);
    }
    for k in &args.kinds {
        filter = filter.kind(k.parse::<EntityKind>()?);
    }
    for s in &args.sources {
        match graph.source(s) {
            Some(src) => filter = filter.source(src.id.clone()),
            None => anyhow::bail!(
                "unknown source '{s}'; choose from: {}",
                graph
                    .sources()
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    Ok(filter)
}

fn export(graph: &Graph, args: &ExportArgs) -> Result<ExitCode> {
    let focus = match &args.focus {
        Some(name) => Some(
            graph
                .node(graph.resolve(name)?.id.as_str())
                .context("resolved entity has no node")?,
        ),
        None => None,
    };
    let selection = Selection {
        filter: to_filter(graph, &args.filter)?,
        focus,
        depth: args.depth,
    };
    // Under a time filter, say how many undated relations it left out (on stderr: stdout may
    // be the export itself).
    queries::undated_note(graph, &selection.filter, None, &mut io::stderr())?;
    // The whole graph is exported as it is, not copied (a copy doubled the memory of a large
    // export).
    let restricted;
    let view = if selection.keeps_everything() {
        graph
    } else {
        restricted = selection.apply(graph);
        &restricted
    };
    if args.all {
        let mut job = ExportAll::new().svg(!args.no_svg);
        if let Some(iri) = &args.base_iri {
            job = job.base_iri(BaseIri::new(iri)?);
        }
        let report = job.write(view, &args.out)?;
        for path in &report.written {
            eprintln!("wrote {}", path.display());
        }
        for (path, warning) in &report.warnings {
            eprintln!("warning: Graphviz on {}: {warning}", path.display());
        }
        if let Some(why) = &report.svg_skipped {
            eprintln!("note: {why}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let format = args.format.context("--format is required")?;
    match format {
        Format::Dot => {
            let writer = DotWriter::new().rankdir(args.rankdir).cluster(args.cluster);
            write_output_of(args.output.as_deref(), view.relations().count(), |w| {
                writer.write(view, w)
            })?;
        }
        Format::Csv => {
            let dir = args
                .output
                .as_deref()
                .context("--format csv writes two files (nodes.csv and edges.csv): give a folder with -o DIR")?;
            if dir.is_file() {
                anyhow::bail!(
                    "{} is a file; --format csv needs a folder for nodes.csv and edges.csv",
                    dir.display()
                );
            }
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
            if selection.filter.time.is_some() {
                // The certainty column: how surely each relation passed the time filter.
                let filter = &selection.filter;
                write_csv_files_filtered(view, args.flavor, &|r| filter.admits(view, r), dir)?;
            } else {
                write_csv_files(view, args.flavor, dir)?;
            }
        }
        Format::Turtle | Format::NTriples | Format::NQuads => return export_rdf(view, format, args),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to the file `path` atomically, or to standard output (buffered); for a graph of more
/// than [`progress::LARGE_GRAPH_RELATIONS`] relations a terminal's stderr shows the bytes written.
fn write_output_of(
    path: Option<&std::path::Path>,
    relations: usize,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let what = path.map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    let large = relations > progress::LARGE_GRAPH_RELATIONS;
    let progress = progress::Progress::new(format!("writing {what}"), large);
    let result = match path {
        Some(path) => write_atomically(path, |w| write(&mut progress.writer(w))).map_err(anyhow::Error::from),
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut progress.writer(&mut out))
                .and_then(|()| out.flush())
                .map_err(anyhow::Error::from)
        }
    };
    progress.finish();
    result
}

/// Writes the selected graph as Turtle, N-Triples or N-Quads, to stdout or atomically to -o.
fn export_rdf(view: &Graph, format: Format, args: &ExportArgs) -> Result<ExitCode> {
    let syntax = RdfSyntax::from_format(format).context("not an RDF format")?;
    let base = match &args.base_iri {
        Some(iri) => BaseIri::new(iri)?,
        None => BaseIri::default(),
    };
    let rdf = RdfExport::new(view, &base)?;
    write_output_of(args.output.as_deref(), view.relations().count(), |w| {
        rdf.write(syntax, w).map(drop).map_err(RdfError::into_io)
    })?;
    Ok(ExitCode::SUCCESS)
}

fn write_stats(out: &mut impl Write, s: &diplograph::Stats) -> io::Result<()> {
    writeln!(out, "entities: {}", s.entities)?;
    for (k, n) in &s.entities_by_kind {
        writeln!(out, "  {k:<14}{n:>6}")?;
    }
    writeln!(
        out,
        "relations: {} (from {} claims; {} supported by more than one source)",
        s.relations, s.claims, s.corroborated_relations
    )?;
    let share = if s.relations == 0 {
        0.0
    } else {
        100.0 * s.dated_relations as f64 / s.relations as f64
    };
    writeln!(out, "  dated: {} ({share:.1}%)", s.dated_relations)?;
    if let (Some(a), Some(b)) = (&s.earliest, &s.latest) {
        writeln!(out, "  dates range from {a} to {b}")?;
    }
    writeln!(out, "relations by predicate:")?;
    for (p, n) in s.relations_by_predicate.iter().filter(|(_, n)| **n > 0) {
        writeln!(out, "  {p:<28}{n:>6}")?;
    }
    writeln!(out, "claims by source: ({} sources)", s.sources)?;
    for (src, n) in &s.claims_by_source {
        writeln!(out, "  {src:<44}{n:>6}")?;
    }
    Ok(())
}

//! `export`: the graph, or a selection of it, as RDF, DOT, CSV, GEXF, GraphML or the explorer
//! page; `--all` runs the main job.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use diplograph::verify::SourceTexts;
use diplograph::{
    export::csv::{write_edges, write_nodes, CsvFlavor, CsvOptions, EDGES_FILE, NODES_FILE},
    export::dot::DotWriter,
    export::gexf::{write_gexf, GexfOptions},
    export::graphml::{write_graphml, GraphmlOptions},
    export::html::{write_html, HtmlError, HtmlOptions},
    export::rdf::{BaseIri, RdfError, RdfExport, RdfSyntax},
    export::{write_atomically, Format},
    query::{Filter, Selection},
    Graph,
};

use super::args::ExportArgs;
use super::diag;
use super::export_all::ExportAll;
use super::filter::{to_filter, undated_note};
use super::frames::write_frames;
use super::output::write_output_of;

/// Runs the export the flags ask for.
pub fn run(graph: &Graph, args: &ExportArgs) -> Result<ExitCode> {
    let focus = match &args.focus {
        Some(name) => Some(super::node::node(graph, name)?),
        None => None,
    };
    let selection = Selection {
        filter: to_filter(graph, &args.filter)?,
        focus,
        depth: args.depth,
    };
    // Under a time filter, say how many undated relations it left out (as a note: stdout may
    // be the export itself).
    let mut note = Vec::new();
    undated_note(graph, &selection.filter, None, &mut note)?;
    if !note.is_empty() {
        diag::note(String::from_utf8_lossy(&note).trim_end().to_owned());
    }
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
        return export_all(view, args);
    }
    let format = args.format.context("--format is required")?.format();
    match format {
        Format::Dot if args.frames.is_some() => return export_frames(view, args),
        Format::Dot => {
            let mut writer = DotWriter::new()
                .rankdir(args.rankdir.unwrap_or_default())
                .cluster(args.cluster);
            if selection.filter.time.is_some() {
                // Under a time filter the diagram marks what only possibly held then.
                let filter = &selection.filter;
                writer = writer.possible(
                    view.relations()
                        .filter(|r| filter.admits(view, r) == Some(diplograph::Certainty::Possible))
                        .map(|r| r.id),
                );
            }
            write_output_of(args.output.as_deref(), view.relations().count(), |w| {
                writer.write(view, w).map(drop)
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
            write_csv_files(
                view,
                args.flavor.unwrap_or(CsvFlavor::Spreadsheet),
                &selection.filter,
                dir,
            )?;
        }
        Format::Turtle | Format::NTriples | Format::NQuads => export_rdf(view, format, args)?,
        Format::Html => {
            let options = HtmlOptions::new();
            write_output_of(args.output.as_deref(), view.relations().count(), |w| {
                write_html(view, &options, w).map(drop).map_err(|e| match e {
                    HtmlError::Io(e) => e,
                    too_large => std::io::Error::other(too_large),
                })
            })?;
        }
        Format::Gexf => write_output_of(args.output.as_deref(), view.relations().count(), |w| {
            write_gexf(view, &GexfOptions::new(), w).map(drop)
        })?,
        Format::Graphml => write_output_of(args.output.as_deref(), view.relations().count(), |w| {
            write_graphml(view, &GraphmlOptions::new(), w).map(drop)
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `export --format dot --frames STEP -o DIR`: one frame per year, and what was written on
/// stderr.
fn export_frames(view: &Graph, args: &ExportArgs) -> Result<ExitCode> {
    let (Some(frames), Some(dir)) = (args.frames, args.output.as_deref()) else {
        anyhow::bail!("--frames needs a folder for the frames: give -o DIR");
    };
    if dir.is_file() {
        anyhow::bail!("{} is a file; --frames needs a folder for the frames", dir.display());
    }
    let years = frames.years(view);
    if years.is_empty() {
        anyhow::bail!("the selection has no dated relation, so there is no year to draw");
    }
    let writer = DotWriter::new()
        .rankdir(args.rankdir.unwrap_or_default())
        .cluster(args.cluster);
    for path in write_frames(view, &writer, "diplograph", &years, dir, "frame")? {
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `export --all`: the main job, and what it did on stderr.
fn export_all(view: &Graph, args: &ExportArgs) -> Result<ExitCode> {
    let mut job = ExportAll::new().svg(!args.no_svg).graphviz(super::graphviz::Limits {
        max_bytes: args.graphviz_max_bytes,
        timeout: std::time::Duration::from_secs(args.graphviz_timeout),
    });
    if let Some(iri) = &args.base_iri {
        job = job.base_iri(base_iri(iri)?);
    }
    let report = job.write(view, &args.out)?;
    for path in &report.written {
        diag::note(format!("wrote {}", path.display()));
    }
    for (path, warning) in &report.warnings {
        diag::warning(format!("warning: Graphviz on {}: {warning}", path.display()));
    }
    for (path, why) in &report.too_large {
        eprintln!("note: skipped rendering {}: {why}", path.display());
    }
    if let Some(why) = &report.svg_skipped {
        diag::note(format!("note: {why}"));
    }
    for why in &report.skipped {
        eprintln!("note: {why}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `nodes.csv` and `edges.csv` into the folder `dir`, each atomically; on an error the
/// file that failed and the files after it are left untouched.
///
/// Under a time filter `edges.csv` gets a `certainty` column: how surely each relation passed.
fn write_csv_files(graph: &Graph, flavor: CsvFlavor, filter: &Filter, dir: &Path) -> Result<()> {
    let certainty = |r: &diplograph::Relation| filter.admits(graph, r);
    let mut options = CsvOptions::new().flavor(flavor);
    if filter.time.is_some() {
        options = options.certainty(&certainty);
    }
    write_atomically(&dir.join(NODES_FILE), |w| write_nodes(graph, &options, w).map(drop))?;
    write_atomically(&dir.join(EDGES_FILE), |w| write_edges(graph, &options, w).map(drop))?;
    Ok(())
}

/// Writes the selected graph as Turtle, N-Triples or N-Quads, to stdout or atomically to -o.
fn export_rdf(view: &Graph, format: Format, args: &ExportArgs) -> Result<()> {
    let syntax = RdfSyntax::from_format(format).context("not an RDF format")?;
    let base = match &args.base_iri {
        Some(iri) => base_iri(iri)?,
        None => BaseIri::default(),
    };
    let texts = args.texts.as_deref().map(SourceTexts::open).transpose()?;
    let mut rdf = RdfExport::new(view, &base)?.version(args.rdf.unwrap_or_default());
    if let Some(texts) = &texts {
        rdf = rdf.with_source_texts(texts);
    }
    write_output_of(args.output.as_deref(), view.relations().count(), |w| {
        rdf.write(syntax, w).map(drop).map_err(RdfError::into_io)
    })
}

/// The base IRI given by `--base-iri`; an error names the flag.
fn base_iri(text: &str) -> Result<BaseIri> {
    BaseIri::new(text).map_err(|e| match e {
        RdfError::BadBase { iri, reason } => anyhow::anyhow!("bad --base-iri '{iri}': {reason}"),
        other => other.into(),
    })
}

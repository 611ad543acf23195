//! `export`: the graph, or a selection of it, as RDF, DOT or CSV; `--all` runs the main job.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use diplograph::{
    write_atomically, write_edges_csv, write_nodes_csv, BaseIri, CsvFlavor, DotWriter, Format, Graph, RdfError,
    RdfExport, RdfSyntax, Selection, EDGES_FILE, NODES_FILE,
};

use super::args::ExportArgs;
use super::export_all::ExportAll;
use super::filter::to_filter;
use super::output::write_output_of;

/// Runs the export the flags ask for.
pub fn run(graph: &Graph, args: &ExportArgs) -> Result<ExitCode> {
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
            write_csv_files(view, args.flavor, dir)?;
        }
        Format::Turtle | Format::NTriples | Format::NQuads => export_rdf(view, format, args)?,
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
    Ok(ExitCode::SUCCESS)
}

/// Writes `nodes.csv` and `edges.csv` into the folder `dir`, each atomically; on an error the
/// file that failed and the files after it are left untouched.
fn write_csv_files(graph: &Graph, flavor: CsvFlavor, dir: &Path) -> Result<()> {
    write_atomically(&dir.join(NODES_FILE), |w| write_nodes_csv(graph, flavor, w))?;
    write_atomically(&dir.join(EDGES_FILE), |w| write_edges_csv(graph, flavor, w))?;
    Ok(())
}

/// Writes the selected graph as Turtle, N-Triples or N-Quads, to stdout or atomically to -o.
fn export_rdf(view: &Graph, format: Format, args: &ExportArgs) -> Result<()> {
    let syntax = RdfSyntax::from_format(format).context("not an RDF format")?;
    let base = match &args.base_iri {
        Some(iri) => BaseIri::new(iri)?,
        None => BaseIri::default(),
    };
    let rdf = RdfExport::new(view, &base)?;
    write_output_of(args.output.as_deref(), view.relations().count(), |w| {
        rdf.write(syntax, w).map(drop).map_err(RdfError::into_io)
    })
}

//! The main job (`export --all`): every export of the graph into one folder, each file written
//! atomically, and an SVG beside each DOT file where Graphviz is installed.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use diplograph::{
    named_views, write_atomically, write_edges_csv, write_nodes_csv, BaseIri, CsvFlavor, DotLayout, DotWriter, Graph,
    RdfError, RdfExport, RdfSyntax, EDGES_FILE, NODES_FILE,
};

use super::graphviz::{render_svg, Limits as GraphvizLimits, Rendered};

/// The folder of the named views inside the export folder.
pub const VIEWS_DIR: &str = "views";

/// What the main job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Every file written, in order.
    pub written: Vec<PathBuf>,
    /// Why no SVG was rendered, if none was (Graphviz not installed).
    pub svg_skipped: Option<String>,
    /// Warnings Graphviz printed while rendering, and pictures skipped for the size threshold
    /// or the time limit: (DOT file, message).
    pub warnings: Vec<(PathBuf, String)>,
}

/// Options of the main job.
#[derive(Debug, Clone)]
#[must_use]
pub struct ExportAll {
    svg: bool,
    dot_program: PathBuf,
    graphviz: GraphvizLimits,
    base: BaseIri,
}

impl ExportAll {
    /// Render SVGs with `dot` from the `PATH` where it is installed.
    pub fn new() -> Self {
        ExportAll {
            svg: true,
            dot_program: PathBuf::from("dot"),
            graphviz: GraphvizLimits::default(),
            base: BaseIri::default(),
        }
    }

    /// Whether to render an SVG beside each DOT file (default: yes, where Graphviz is found).
    pub fn svg(mut self, yes: bool) -> Self {
        self.svg = yes;
        self
    }

    /// The size threshold and time limit of each Graphviz run (default: [`GraphvizLimits::default`]).
    pub fn graphviz(mut self, limits: GraphvizLimits) -> Self {
        self.graphviz = limits;
        self
    }

    /// The base IRI of the RDF exports (default: [`BaseIri::default`]).
    pub fn base_iri(mut self, base: BaseIri) -> Self {
        self.base = base;
        self
    }

    /// Writes every export of `graph` into `dir` (created if missing): `graph.ttl`, `graph.nt`,
    /// `graph.nq`, `graph.dot`, `nodes.csv`, `edges.csv`, `views/<name>.dot` for each of the
    /// named views, and, where Graphviz is installed, an `.svg` beside each `.dot`. Each file is
    /// written atomically.
    ///
    /// # Errors
    /// The first folder or file that could not be written, or a DOT file Graphviz rejected.
    pub fn write(&self, graph: &Graph, dir: &Path) -> Result<ExportReport> {
        let views_dir = dir.join(VIEWS_DIR);
        for d in [dir, views_dir.as_path()] {
            if d.exists() && !d.is_dir() {
                anyhow::bail!("{} is a file; give a folder for the exports", d.display());
            }
            std::fs::create_dir_all(d).with_context(|| format!("cannot create the folder {}", d.display()))?;
        }
        let mut report = ExportReport::default();
        write_rdf_files(graph, &self.base, dir, &mut report)?;

        let mut dots = Vec::new();
        let path = dir.join("graph.dot");
        write_atomically(&path, |w| {
            DotWriter::new()
                .layout(DotLayout::Force)
                .edge_labels(false)
                .title("diplograph: Belarus's foreign relations (the whole graph)")
                .write(graph, w)
        })?;
        report.written.push(path.clone());
        dots.push(path);

        let path = dir.join(NODES_FILE);
        write_atomically(&path, |w| write_nodes_csv(graph, CsvFlavor::Spreadsheet, w))?;
        report.written.push(path);
        let path = dir.join(EDGES_FILE);
        write_atomically(&path, |w| write_edges_csv(graph, CsvFlavor::Spreadsheet, w))?;
        report.written.push(path);

        for view in named_views() {
            let path = views_dir.join(format!("{}.dot", view.name));
            write_atomically(&path, |w| view.write(graph, w))?;
            report.written.push(path.clone());
            dots.push(path);
        }

        if self.svg {
            self.render_all(&dots, &mut report)?;
        }
        Ok(report)
    }

    fn render_all(&self, dots: &[PathBuf], report: &mut ExportReport) -> Result<()> {
        for dot in dots {
            match render_svg(&self.dot_program, dot, &self.graphviz)? {
                Rendered::Skipped(why) => report.warnings.push((dot.clone(), why)),
                Rendered::NotFound => {
                    report.svg_skipped = Some(format!(
                        "Graphviz '{}' not found; no SVG rendered (install Graphviz: apt-get install graphviz)",
                        self.dot_program.display()
                    ));
                    return Ok(());
                }
                Rendered::Svg { svg, warnings } => {
                    if !warnings.is_empty() {
                        report.warnings.push((dot.clone(), warnings));
                    }
                    let path = dot.with_extension("svg");
                    write_atomically(&path, |w| std::io::Write::write_all(w, &svg))?;
                    report.written.push(path);
                }
            }
        }
        Ok(())
    }
}

/// The RDF exports: `graph.ttl`, `graph.nt` and `graph.nq`, each written atomically.
fn write_rdf_files(graph: &Graph, base: &BaseIri, dir: &Path, report: &mut ExportReport) -> Result<()> {
    let rdf = RdfExport::new(graph, base)?;
    for syntax in RdfSyntax::ALL {
        let path = dir.join(format!("graph.{}", syntax.format().extension()));
        write_atomically(&path, |w| rdf.write(syntax, w).map(drop).map_err(RdfError::into_io))?;
        report.written.push(path);
    }
    Ok(())
}

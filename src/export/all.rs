//! The main job: every export of the graph into one folder, each file written atomically.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::csv::{write_edges_csv, write_nodes_csv, CsvFlavor, EDGES_FILE, NODES_FILE};
use super::dot::{DotLayout, DotWriter};
use super::dot_views::named_views;
use crate::export::atomic::{write_atomically, WriteError};
use crate::export::rdf::base::BaseIri;
use crate::export::rdf::error::RdfError;
use crate::export::rdf::export::RdfExport;
use crate::export::rdf::syntax::RdfSyntax;
use crate::model::graph::Graph;

/// The folder of the named views inside the export folder.
pub const VIEWS_DIR: &str = "views";

/// Why the main job stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportAllError {
    /// A folder could not be created.
    #[error("cannot create the folder {path}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The export folder is a file.
    #[error("{0} is a file; give a folder for the exports")]
    NotADir(PathBuf),
    /// A file could not be written (the previous version, if any, is untouched).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The graph cannot be written as RDF (a bad base IRI, or IRIs that clash).
    #[error(transparent)]
    Rdf(#[from] RdfError),
    /// Graphviz could not render a DOT file.
    #[error("Graphviz could not render {path}: {message}")]
    Render {
        /// The DOT file.
        path: PathBuf,
        /// What `dot` said.
        message: String,
    },
}

/// What the main job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Every file written, in order.
    pub written: Vec<PathBuf>,
    /// Why no SVG was rendered, if none was (Graphviz not installed).
    pub svg_skipped: Option<String>,
    /// Warnings Graphviz printed while rendering: (DOT file, message).
    pub warnings: Vec<(PathBuf, String)>,
}

/// Options of the main job.
#[derive(Debug, Clone)]
#[must_use]
pub struct ExportAll {
    svg: bool,
    dot_program: PathBuf,
    base: BaseIri,
}

impl Default for ExportAll {
    fn default() -> Self {
        Self::new()
    }
}

impl ExportAll {
    /// Render SVGs with `dot` from the `PATH` where it is installed.
    pub fn new() -> Self {
        ExportAll {
            svg: true,
            dot_program: PathBuf::from("dot"),
            base: BaseIri::default(),
        }
    }

    /// Whether to render an SVG beside each DOT file (default: yes, where Graphviz is found).
    pub fn svg(mut self, yes: bool) -> Self {
        self.svg = yes;
        self
    }

    /// The base IRI of the RDF exports (default: [`BaseIri::default`]).
    pub fn base_iri(mut self, base: BaseIri) -> Self {
        self.base = base;
        self
    }

    /// The Graphviz program to render with (default: `dot`).
    pub fn dot_program(mut self, program: impl Into<PathBuf>) -> Self {
        self.dot_program = program.into();
        self
    }

    /// Writes every export of `graph` into `dir` (created if missing): `graph.ttl`, `graph.nt`,
    /// `graph.nq`, `graph.dot`, `nodes.csv`, `edges.csv`, `views/<name>.dot` for each of the
    /// [`named_views`](crate::export::dot_views::named_views), and, where Graphviz is installed, an `.svg` beside
    /// each `.dot`. Each file is written atomically.
    ///
    /// ```
    /// let graph = diplograph::Graph::embedded()?;
    /// let dir = tempfile::tempdir()?;
    /// let report = diplograph::ExportAll::new().svg(false).write(&graph, dir.path())?;
    /// assert!(dir.path().join("views/belarus-nato.dot").is_file());
    /// assert!(report.written.contains(&dir.path().join("edges.csv")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The first folder or file that could not be written, or a DOT file Graphviz rejected.
    pub fn write(&self, graph: &Graph, dir: &Path) -> Result<ExportReport, ExportAllError> {
        let views_dir = dir.join(VIEWS_DIR);
        for d in [dir, views_dir.as_path()] {
            if d.exists() && !d.is_dir() {
                return Err(ExportAllError::NotADir(d.to_owned()));
            }
            std::fs::create_dir_all(d).map_err(|source| ExportAllError::CreateDir {
                path: d.to_owned(),
                source,
            })?;
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

    fn render_all(&self, dots: &[PathBuf], report: &mut ExportReport) -> Result<(), ExportAllError> {
        for dot in dots {
            let output = match Command::new(&self.dot_program)
                .arg("-Tsvg")
                .arg(dot)
                .stdin(Stdio::null())
                .output()
            {
                Ok(o) => o,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    report.svg_skipped = Some(format!(
                        "Graphviz '{}' not found; no SVG rendered (install Graphviz: apt-get install graphviz)",
                        self.dot_program.display()
                    ));
                    return Ok(());
                }
                Err(e) => {
                    return Err(ExportAllError::Render {
                        path: dot.clone(),
                        message: e.to_string(),
                    })
                }
            };
            let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            if !output.status.success() {
                return Err(ExportAllError::Render {
                    path: dot.clone(),
                    message: if stderr.is_empty() {
                        output.status.to_string()
                    } else {
                        stderr
                    },
                });
            }
            if !stderr.is_empty() {
                report.warnings.push((dot.clone(), stderr));
            }
            let svg = dot.with_extension("svg");
            write_atomically(&svg, |w| std::io::Write::write_all(w, &output.stdout))?;
            report.written.push(svg);
        }
        Ok(())
    }
}

/// The RDF exports: `graph.ttl`, `graph.nt` and `graph.nq` (the writers come from the RDF
/// module, `export::rdf`), each written atomically.
fn write_rdf_files(graph: &Graph, base: &BaseIri, dir: &Path, report: &mut ExportReport) -> Result<(), ExportAllError> {
    let rdf = RdfExport::new(graph, base)?;
    for syntax in RdfSyntax::ALL {
        let path = dir.join(format!("graph.{}", syntax.format().extension()));
        write_atomically(&path, |w| rdf.write(syntax, w).map(drop).map_err(RdfError::into_io))?;
        report.written.push(path);
    }
    Ok(())
}

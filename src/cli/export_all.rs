//! The main job (`export --all`): every export of the graph into one folder, each file written
//! atomically, and an SVG beside each DOT file where Graphviz is installed.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use diplograph::{
    export::csv::{write_edges, write_nodes, CsvOptions, EDGES_FILE, NODES_FILE},
    export::dot::{DotLayout, DotWriter, OverviewWriter},
    export::gexf::{write_gexf, GexfOptions},
    export::graphml::{write_graphml, GraphmlOptions},
    export::html::{write_html, HtmlError, HtmlOptions, DEFAULT_HTML_MAX_RELATIONS},
    export::rdf::{BaseIri, RdfError, RdfExport, RdfSyntax, RdfVersion},
    export::write_atomically,
    Graph,
};

use super::frames::{animate, write_frames, Frames};
use super::graphviz::{render_svg, Limits as GraphvizLimits, Rendered};

/// The folder of the named views inside the export folder.
pub const VIEWS_DIR: &str = "views";

/// The folder of the time frames inside the export folder.
pub const FRAMES_DIR: &str = "frames";

/// A view drawn year by year: its name, each year's frame, and the size of the view.
type Framed<'a> = (&'a str, Vec<(i32, PathBuf)>, Size);

/// Seconds each frame shows in the animation.
const FRAME_SECONDS: u32 = 1;

/// The largest diagram the main job renders by default: above this many entities or relations a
/// drawing of every entity is unreadable anyway (and Graphviz may take minutes), so its DOT file
/// is written but no SVG is rendered; the overview stands in for the whole graph.
pub const MAX_RENDERED: Size = Size {
    entities: 150,
    relations: 500,
};

/// How big a diagram is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Entities drawn.
    pub entities: usize,
    /// Relations drawn.
    pub relations: usize,
}

impl Size {
    fn of(graph: &Graph) -> Size {
        Size {
            entities: graph.entities().count(),
            relations: graph.relations().count(),
        }
    }

    fn exceeds(self, limit: Size) -> bool {
        self.entities > limit.entities || self.relations > limit.relations
    }
}

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
    /// DOT files not rendered because they are larger than the size threshold: (file, why).
    pub too_large: Vec<(PathBuf, String)>,
    /// Files not written, and why (the explorer page of a graph too large for it).
    pub skipped: Vec<String>,
}

/// Options of the main job.
#[derive(Debug, Clone)]
#[must_use]
pub struct ExportAll {
    svg: bool,
    dot_program: PathBuf,
    graphviz: GraphvizLimits,
    base: BaseIri,
    max_rendered: Size,
}

impl ExportAll {
    /// Render SVGs with `dot` from the `PATH` where it is installed.
    pub fn new() -> Self {
        ExportAll {
            svg: true,
            dot_program: PathBuf::from("dot"),
            graphviz: GraphvizLimits::default(),
            base: BaseIri::default(),
            max_rendered: MAX_RENDERED,
        }
    }

    /// Whether to render an SVG beside each DOT file (default: yes, where Graphviz is found).
    pub fn svg(mut self, yes: bool) -> Self {
        self.svg = yes;
        self
    }

    /// The byte threshold and time limit of each Graphviz run (default: [`GraphvizLimits::default`]).
    pub fn graphviz(mut self, limits: GraphvizLimits) -> Self {
        self.graphviz = limits;
        self
    }

    /// Render no diagram larger than `limit` (default: [`MAX_RENDERED`]).
    #[allow(dead_code)] // the CLI keeps the default; tests and library users set it
    pub fn max_rendered(mut self, limit: Size) -> Self {
        self.max_rendered = limit;
        self
    }

    /// The base IRI of the RDF exports (default: [`BaseIri::default`]).
    pub fn base_iri(mut self, base: BaseIri) -> Self {
        self.base = base;
        self
    }

    /// Writes every export of `graph` into `dir` (created if missing): `graph.ttl`, `graph.nt`,
    /// `graph.nq`, `graph-rdf12.ttl` (RDF 1.2), `graph.dot`, `nodes.csv`, `edges.csv`,
    /// `graph.gexf`, `graph.graphml`, `explorer.html` (unless the graph is too large for it),
    /// `views/<name>.dot` for each of the named views, and, where Graphviz is installed, an
    /// `.svg` beside each `.dot`. Each file is written atomically.
    ///
    /// # Errors
    /// The first folder or file that could not be written, or a DOT file Graphviz rejected.
    pub fn write(&self, graph: &Graph, dir: &Path) -> Result<ExportReport> {
        let views_dir = dir.join(VIEWS_DIR);
        let frames_dir = dir.join(FRAMES_DIR);
        for d in [dir, views_dir.as_path(), frames_dir.as_path()] {
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
                .map(drop)
        })?;
        report.written.push(path.clone());
        dots.push((path, Size::of(graph)));

        let path = dir.join("overview.dot");
        write_atomically(&path, |w| OverviewWriter::new().write(graph, w).map(drop))?;
        report.written.push(path.clone());
        dots.push((
            path,
            Size {
                entities: 0,
                relations: 0,
            },
        ));

        let path = dir.join(NODES_FILE);
        write_atomically(&path, |w| write_nodes(graph, &CsvOptions::new(), w).map(drop))?;
        report.written.push(path);
        let path = dir.join(EDGES_FILE);
        write_atomically(&path, |w| write_edges(graph, &CsvOptions::new(), w).map(drop))?;
        report.written.push(path);

        let path = dir.join("graph.gexf");
        write_atomically(&path, |w| write_gexf(graph, &GexfOptions::new(), w).map(drop))?;
        report.written.push(path);
        let path = dir.join("graph.graphml");
        write_atomically(&path, |w| write_graphml(graph, &GraphmlOptions::new(), w).map(drop))?;
        report.written.push(path);
        let relations = graph.relations().count();
        let path = dir.join("explorer.html");
        if relations > DEFAULT_HTML_MAX_RELATIONS {
            report.skipped.push(format!(
                "{} not written: {relations} relations, more than the explorer page takes ({DEFAULT_HTML_MAX_RELATIONS})",
                path.display()
            ));
        } else {
            write_atomically(&path, |w| {
                write_html(graph, &HtmlOptions::new(), w)
                    .map(drop)
                    .map_err(|e| match e {
                        HtmlError::Io(e) => e,
                        too_large => std::io::Error::other(too_large),
                    })
            })?;
            report.written.push(path);
        }

        for view in graph.views() {
            let path = views_dir.join(format!("{}.dot", view.name));
            write_atomically(&path, |w| view.write(graph, w).map(drop))?;
            report.written.push(path.clone());
            dots.push((path, Size::of(&view.select(graph))));
        }

        // The views drawn year by year (`frames` = `year` in views.csv).
        let mut framed: Vec<Framed> = Vec::new();
        for view in graph.views().iter().filter(|v| v.frames) {
            let part = view.select(graph);
            let years = Frames::Year.years(&part);
            let written = write_frames(&part, &DotWriter::new(), &view.title, &years, &frames_dir, &view.name)?;
            report.written.extend(written.iter().cloned());
            framed.push((&view.name, years.into_iter().zip(written).collect(), Size::of(&part)));
        }

        if self.svg {
            let mut small = Vec::new();
            for (path, size) in dots {
                if self.too_large(&path, size, &mut report) {
                    continue;
                }
                small.push(path);
            }
            self.render_all(&small, &mut report)?;
            for (name, frames, size) in framed {
                let mut paths: Vec<PathBuf> = frames.iter().map(|(_, p)| p.clone()).collect();
                let frames_glob = frames_dir.join(format!("{name}-YYYY.dot"));
                if report.svg_skipped.is_some()
                    || (!paths.is_empty() && self.too_large(&frames_glob, size, &mut report))
                {
                    paths.clear();
                }
                let svgs = self.render_all(&paths, &mut report)?;
                if svgs.len() == frames.len() && !svgs.is_empty() {
                    let played: Vec<(i32, Vec<u8>)> = frames.iter().map(|(y, _)| *y).zip(svgs).collect();
                    let path = frames_dir.join(format!("{name}.svg"));
                    let svg = animate(&played, FRAME_SECONDS, &format!("{name}, year by year"))?;
                    write_atomically(&path, |w| std::io::Write::write_all(w, &svg))?;
                    report.written.push(path);
                }
            }
        }
        Ok(report)
    }

    /// Whether a diagram of `size` is above the threshold; if so, says why in the report.
    fn too_large(&self, dot: &Path, size: Size, report: &mut ExportReport) -> bool {
        if !size.exceeds(self.max_rendered) {
            return false;
        }
        report.too_large.push((
            dot.to_owned(),
            format!(
                "{} entities and {} relations, above the {} and {} a readable drawing holds; no SVG rendered (the DOT file is written)",
                size.entities, size.relations, self.max_rendered.entities, self.max_rendered.relations
            ),
        ));
        true
    }

    /// Renders each DOT file beside itself as SVG; returns the SVGs (none if Graphviz is missing).
    fn render_all(&self, dots: &[PathBuf], report: &mut ExportReport) -> Result<Vec<Vec<u8>>> {
        let mut svgs = Vec::new();
        for dot in dots {
            match render_svg(&self.dot_program, dot, &self.graphviz)? {
                Rendered::Skipped(why) => report.warnings.push((dot.clone(), why)),
                Rendered::NotFound => {
                    report.svg_skipped = Some(format!(
                        "Graphviz '{}' not found; no SVG rendered (install Graphviz: apt-get install graphviz)",
                        self.dot_program.display()
                    ));
                    return Ok(Vec::new());
                }
                Rendered::Svg { svg, warnings } => {
                    if !warnings.is_empty() {
                        report.warnings.push((dot.clone(), warnings));
                    }
                    let path = dot.with_extension("svg");
                    write_atomically(&path, |w| std::io::Write::write_all(w, &svg))?;
                    report.written.push(path);
                    svgs.push(svg);
                }
            }
        }
        Ok(svgs)
    }
}

/// The RDF exports: `graph.ttl`, `graph.nt` and `graph.nq`, and the RDF 1.2 Turtle
/// `graph-rdf12.ttl` (statements as reifiers of triple terms, written as annotations of the
/// triples they reify), each written atomically.
fn write_rdf_files(graph: &Graph, base: &BaseIri, dir: &Path, report: &mut ExportReport) -> Result<()> {
    let rdf = RdfExport::new(graph, base)?;
    for syntax in RdfSyntax::ALL {
        let path = dir.join(format!("graph.{}", syntax.format().extension()));
        write_atomically(&path, |w| rdf.write(syntax, w).map(drop).map_err(RdfError::into_io))?;
        report.written.push(path);
    }
    let rdf12 = rdf.version(RdfVersion::Rdf12);
    let path = dir.join(RDF12_FILE);
    write_atomically(&path, |w| {
        rdf12.write(RdfSyntax::Turtle, w).map(drop).map_err(RdfError::into_io)
    })?;
    report.written.push(path);
    Ok(())
}

/// The RDF 1.2 Turtle file of the main job.
const RDF12_FILE: &str = "graph-rdf12.ttl";

//! GraphViz DOT diagrams of the graph, meant to be looked at.
//!
//! petgraph's `Dot` is a debugging aid (nodes named by index, output "may change"); this writer
//! names nodes by their entity ids, escapes every label (see `escape`), styles nodes by
//! kind and edges by the state of their dates, and writes its lines sorted so the same graph
//! always gives the same bytes.

use std::io::{self, Write};
use std::str::FromStr;

use super::error::DotError;
use super::escape::{quoted, wrap};
use super::frame::{write_frame_legend, Frame};
use super::link::EvidenceLinks;
use super::style::{kind_attributes, kind_heading, write_legend, write_legend_table, EdgeLook, FONT};
use crate::export::facts::{facts, Fact};
use crate::model::edtf::Edtf;
use crate::model::graph::Graph;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;

/// How to group nodes into boxes (Graphviz clusters).
///
/// ```
/// use diplograph::export::dot::Cluster;
/// assert_eq!("kind".parse::<Cluster>().unwrap(), Cluster::Kind);
/// assert!("year".parse::<Cluster>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cluster {
    /// One box per entity kind: states, organizations, programmes ...
    Kind,
}

impl FromStr for Cluster {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kind" => Ok(Cluster::Kind),
            _ => Err(format!("unknown clustering '{s}'; choose from: kind")),
        }
    }
}

/// The Graphviz layout engine a diagram asks for (its `layout` attribute, which `dot -Tsvg`
/// honours too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DotLayout {
    /// Layered (`dot`): edges flow in the rank direction; labels never overlap. Best for views.
    #[default]
    Layered,
    /// Force-directed for large graphs (`sfdp`), with node overlap removal: a compact overview
    /// of the whole graph. `sfdp` ignores clusters and places edge labels over one another, so
    /// use it with [`DotWriter::edge_labels`]`(false)`; the legend becomes a table.
    Force,
}

/// Writes a graph as a DOT diagram.
///
/// Nodes are the entities (shape and colour by kind, with a legend); each fact — a subject,
/// predicate and object — is one edge labelled with the predicate and its dates at their
/// precision (`member of · 1995`, `participant in · since 1997-07`). A fact whose sources give
/// different dates is drawn red with the dates side by side (`1991 ≠ 1992-01-27`); approximate
/// or uncertain dates are dashed; undated facts are grey. Symmetric predicates have no arrow.
///
/// ```
/// use diplograph::{Filter, Graph, export::dot::{Cluster, DotWriter, RankDir}, query::Selection};
/// let graph = Graph::embedded()?;
/// let view = Selection { filter: Filter::default(), focus: graph.node("partnership-for-peace"), depth: 1 }
///     .apply(&graph);
/// let mut out = Vec::new();
/// DotWriter::new().rankdir(RankDir::TopBottom).cluster(Some(Cluster::Kind)).write(&view, &mut out)?;
/// let dot = String::from_utf8(out)?;
/// assert!(dot.starts_with("digraph \"diplograph\" {"));
/// assert!(dot.contains("\"belarus\" -> \"partnership-for-peace\""));
/// assert!(dot.contains("participant in · 1995"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct DotWriter {
    rankdir: RankDir,
    cluster: Option<Cluster>,
    title: Option<String>,
    legend: bool,
    layout: DotLayout,
    wrap: usize,
    edge_labels: bool,
    frame: Option<Edtf>,
    /// Relations that only possibly pass a query's time filter (drawn as such).
    possible: std::collections::BTreeSet<crate::model::relation::RelationId>,
}

impl Default for DotWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl DotWriter {
    /// A writer with the defaults: left to right, no clusters, a legend, layered layout, labels
    /// wrapped at 22 characters.
    pub fn new() -> Self {
        DotWriter {
            rankdir: RankDir::default(),
            cluster: None,
            title: None,
            legend: true,
            layout: DotLayout::default(),
            wrap: 22,
            edge_labels: true,
            frame: None,
            possible: std::collections::BTreeSet::new(),
        }
    }

    /// The rank direction.
    pub fn rankdir(mut self, rankdir: RankDir) -> Self {
        self.rankdir = rankdir;
        self
    }

    /// Group nodes into clusters (or not).
    pub fn cluster(mut self, cluster: Option<Cluster>) -> Self {
        self.cluster = cluster;
        self
    }

    /// A title shown above the diagram.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Draw the legend (default: yes).
    pub fn legend(mut self, legend: bool) -> Self {
        self.legend = legend;
        self
    }

    /// The layout engine.
    pub fn layout(mut self, layout: DotLayout) -> Self {
        self.layout = layout;
        self
    }

    /// Write each edge's predicate and dates as its label (default), or only as its tooltip
    /// (shown on hover in SVG) — for overviews whose labels would overlap.
    pub fn edge_labels(mut self, yes: bool) -> Self {
        self.edge_labels = yes;
        self
    }

    /// Wrap node and edge labels at this many characters (0: never).
    pub fn wrap(mut self, width: usize) -> Self {
        self.wrap = width;
        self
    }

    /// Draw the graph as of `date`, as one frame of a sequence through time: what holds then is
    /// drawn as usual (dashed where it only possibly holds), what held or happened before is
    /// faded, and what begins later is invisible but keeps its place, so that every frame of the
    /// same graph has the same layout (node positions). Undated relations show only between
    /// entities the frame shows. A second legend explains the marks.
    ///
    /// ```
    /// use diplograph::{Graph, export::dot::DotWriter};
    /// let graph = Graph::embedded()?;
    /// let view = graph.views().iter().find(|v| v.name == "belarus-nato").unwrap().select(&graph);
    /// let frame = |year: &str| {
    ///     let out = DotWriter::new().frame(year.parse().unwrap()).write(&view, Vec::new());
    ///     out.map(|dot| String::from_utf8(dot).unwrap())
    /// };
    /// let (early, late) = (frame("1992")?, frame("2020")?);
    /// // The same nodes and edges in the same order: only their looks differ.
    /// assert_eq!(early.lines().count(), late.lines().count());
    /// assert!(early.matches("invis").count() > late.matches("invis").count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn frame(mut self, date: Edtf) -> Self {
        self.frame = Some(date);
        self
    }

    /// Marks the relations that only *possibly* pass a query's time filter (their dates allow it
    /// but do not settle it): a fact all of whose relations are possible is drawn dashed amber,
    /// its label ending in `(possibly)`, as the legend explains. For a diagram of a selection
    /// made with a time filter; undated relations are grey in any diagram.
    pub fn possible(mut self, relations: impl IntoIterator<Item = crate::model::relation::RelationId>) -> Self {
        self.possible = relations.into_iter().collect();
        self
    }

    /// Whether every relation of `fact` only possibly passes the time filter.
    fn only_possible(&self, graph: &Graph, fact: &Fact<'_>) -> bool {
        !self.possible.is_empty()
            && fact
                .edges
                .iter()
                .all(|&e| self.possible.contains(&graph.relation_at(e).id))
    }

    /// Writes `graph` to `w` and hands `w` back.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, mut w: W) -> Result<W, DotError> {
        let g = graph;
        let facts = facts(graph);
        let mut kinds: Vec<EntityKind> = graph.entities().map(|e| e.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut looks: Vec<EdgeLook> = facts
            .iter()
            .map(|f| edge_look(graph, f, self.only_possible(graph, f)))
            .collect();
        looks.sort();
        looks.dedup();

        write_header(&mut w, self.title.as_deref(), self.rankdir, self.layout)?;
        match (self.legend, self.layout) {
            (false, _) => {}
            (true, DotLayout::Layered) => write_legend(&mut w, &kinds, &looks, self.rankdir, "  ")?,
            (true, DotLayout::Force) => write_legend_table(&mut w, &kinds, &looks, "  ")?,
        }
        let frame = self.frame.map(|date| Frame::new(graph, &facts, date));
        if let (Some(date), true) = (&self.frame, self.legend) {
            write_frame_legend(&mut w, date, "  ")?;
        }
        let node_line = |n| {
            let e = graph.entity_at(n);
            let extra = match frame.as_ref().map(|f| f.node_attributes(n)) {
                Some(attrs) if !attrs.is_empty() => format!(", {attrs}"),
                _ => String::new(),
            };
            format!(
                "{} [label={}, tooltip={}, {}{extra}];",
                quoted(e.id.as_str()),
                quoted(&wrap(&e.dated_label(), self.wrap)),
                quoted(&format!("{} ({}): {}", e.dated_label(), e.kind, e.description)),
                kind_attributes(e.kind)
            )
        };
        match self.cluster {
            None => {
                let mut lines: Vec<String> = g.node_ids().map(node_line).collect();
                lines.sort();
                for line in lines {
                    writeln!(w, "  {line}")?;
                }
            }
            Some(Cluster::Kind) => {
                // dot ranks clusters one by one by default, and gives up ("trouble in
                // init_rank") on some cycles that run through the kind clusters and the legend;
                // one global ranking lays out every graph.
                writeln!(w, "  graph [newrank=\"true\"];")?;
                for kind in &kinds {
                    let mut lines: Vec<String> = g
                        .node_ids()
                        .filter(|&n| graph.entity_at(n).kind == *kind)
                        .map(node_line)
                        .collect();
                    lines.sort();
                    writeln!(w, "  subgraph {} {{", quoted(&format!("cluster_kind_{}", kind.name())))?;
                    writeln!(
                        w,
                        "    graph [label={}, style=\"rounded\", color=\"#cccccc\", fontsize=\"12\"];",
                        quoted(kind_heading(*kind))
                    )?;
                    for line in lines {
                        writeln!(w, "    {line}")?;
                    }
                    writeln!(w, "  }}")?;
                }
            }
        }
        let width = if self.edge_labels { Some(self.wrap) } else { None };
        // The edge lines, sorted, without holding them all: a line starts with the quoted ids of
        // its ends, and ids need no escaping and sort after the quote that closes them, so lines
        // sort by subject id, then object id, then the rest — only the lines of one pair of ends
        // are held and sorted at once.
        let ends = |f: &Fact<'_>| {
            (
                graph.entity_at(f.subject).id.as_str(),
                graph.entity_at(f.object).id.as_str(),
            )
        };
        let mut order: Vec<(usize, &Fact<'_>)> = facts.iter().enumerate().collect();
        order.sort_unstable_by(|a, b| ends(a.1).cmp(&ends(b.1)));
        let mut lines: Vec<String> = Vec::new();
        for (i, &(index, fact)) in order.iter().enumerate() {
            let mut line = edge_line(graph, fact, width, self.only_possible(graph, fact));
            if let Some(frame) = &frame {
                let attrs = Frame::edge_attributes(frame.fact(index, fact));
                if !attrs.is_empty() {
                    line.insert_str(line.len() - 2, &format!(", {attrs}"));
                }
            }
            lines.push(line);
            if order.get(i + 1).is_none_or(|next| ends(next.1) != ends(fact)) {
                lines.sort();
                for line in lines.drain(..) {
                    writeln!(w, "  {line}")?;
                }
            }
        }
        writeln!(w, "}}")?;
        Ok(w)
    }
}

/// `digraph "diplograph" {` and the graph, node and edge defaults.
pub(crate) fn write_header(
    w: &mut dyn Write,
    title: Option<&str>,
    rankdir: RankDir,
    layout: DotLayout,
) -> io::Result<()> {
    writeln!(w, "digraph \"diplograph\" {{")?;
    let mut graph_attrs = vec![
        format!("fontname=\"{FONT}\""),
        "fontsize=\"16\"".to_owned(),
        "charset=\"UTF-8\"".to_owned(),
        "pad=\"0.3\"".to_owned(),
    ];
    if let Some(title) = title {
        graph_attrs.push(format!("label={}", quoted(title)));
        graph_attrs.push("labelloc=\"t\"".to_owned());
        graph_attrs.push("labeljust=\"l\"".to_owned());
    }
    match layout {
        DotLayout::Layered => {
            // newrank: rank=same groups inside clusters (the legend, --cluster kind) otherwise
            // make dot fail with "trouble in init_rank" on some graphs.
            graph_attrs.push("newrank=\"true\"".to_owned());
            graph_attrs.push(format!("rankdir=\"{}\"", rankdir.name()));
            graph_attrs.push("nodesep=\"0.18\"".to_owned());
            graph_attrs.push("ranksep=\"0.5\"".to_owned());
        }
        DotLayout::Force => {
            graph_attrs.push("layout=\"sfdp\"".to_owned());
            graph_attrs.push("overlap=\"prism\"".to_owned());
            graph_attrs.push("overlap_scaling=\"4\"".to_owned());
            graph_attrs.push("splines=\"true\"".to_owned());
            graph_attrs.push("K=\"1.2\"".to_owned());
        }
    }
    writeln!(w, "  graph [{}];", graph_attrs.join(", "))?;
    writeln!(
        w,
        "  node [fontname=\"{FONT}\", fontsize=\"10\", margin=\"0.1,0.04\", height=\"0.3\"];"
    )?;
    writeln!(w, "  edge [fontname=\"{FONT}\", fontsize=\"8\", arrowsize=\"0.6\"];")
}

fn edge_look(graph: &Graph, fact: &Fact<'_>, possible: bool) -> EdgeLook {
    let dates = fact.dates(graph);
    match EdgeLook::of(dates.len(), dates.iter().any(Edtf::is_qualified), fact.disputed()) {
        EdgeLook::Dated | EdgeLook::Qualified if possible => EdgeLook::Possible,
        look => look,
    }
}

/// The label of a fact: the predicate, then its dates for people (`1995`, `since 2011`), several
/// dates joined by ` ≠ ` where claims really disagree, by ` / ` where they do not (dates of
/// different precision, or of different statements).
pub(crate) fn fact_label(graph: &Graph, fact: &Fact<'_>) -> String {
    let dates: Vec<String> = fact.dates(graph).iter().map(Edtf::human).collect();
    if dates.is_empty() {
        fact.predicate.label.clone()
    } else {
        let join = if fact.disputed() { " ≠ " } else { " / " };
        format!("{} · {}", fact.predicate.label, dates.join(join))
    }
}

/// One edge statement for a fact, labelled (wrapped at `width`) or not.
fn edge_line(graph: &Graph, fact: &Fact<'_>, width: Option<usize>, possible: bool) -> String {
    let subject = graph.entity_at(fact.subject);
    let object = graph.entity_at(fact.object);
    let look = edge_look(graph, fact, possible);
    let label = if look == EdgeLook::Possible {
        format!("{} (possibly)", fact_label(graph, fact))
    } else {
        fact_label(graph, fact)
    };
    let qualified = fact.dates(graph).iter().any(Edtf::is_qualified);
    let mut sources: Vec<&str> = fact
        .edges
        .iter()
        .flat_map(|&e| graph.relation_at(e).evidence.iter().map(|ev| ev.source.as_str()))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let links = EvidenceLinks::of(graph, fact.edges.iter().flat_map(|&e| &graph.relation_at(e).evidence));
    let tooltip = links.tooltip(&format!(
        "{} — {} — {}\nsources: {}",
        subject.label,
        label,
        object.label,
        sources.join(", ")
    ));
    let mut attrs = match width {
        Some(width) => format!("label={}, ", quoted(&wrap(&label, width))),
        None => String::new(),
    };
    attrs.push_str(&format!("tooltip={}, {}", quoted(&tooltip), look.attributes()));
    if qualified && !matches!(look, EdgeLook::Qualified | EdgeLook::Possible) {
        attrs.push_str(", style=\"dashed\"");
    }
    if fact.predicate.symmetric {
        attrs.push_str(", dir=\"none\"");
    }
    attrs.push_str(&links.attributes());
    format!(
        "{} -> {} [{attrs}];",
        quoted(subject.id.as_str()),
        quoted(object.id.as_str())
    )
}

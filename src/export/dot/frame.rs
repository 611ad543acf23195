//! One frame of a diagram through time: the graph as of one date, drawn so that every frame of
//! a sequence has the same layout.
//!
//! Every entity and relation of the graph stays in every frame — those that do not show are
//! written `style="invis"`, which Graphviz lays out exactly like visible ones — so `dot` places
//! each node at the same position in every frame and a sequence of frames reads as an
//! animation. What shows in the frame of a date is decided by the shared time filter
//! ([`Filter::at`]): a relation that holds then is drawn as usual (dashed when it only possibly
//! holds); a relation that held or happened before and no longer holds is drawn faded; a
//! relation that begins later is invisible. Undated relations show, as undated, only between
//! entities that a dated relation puts in the frame.

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::model::handle::NodeId;

use super::escape::quoted;
use crate::export::facts::Fact;
use crate::model::edtf::Edtf;
use crate::model::graph::Graph;
use crate::query::filter::Filter;
use crate::query::time::Certainty;

/// Node attributes of an entity that only earlier (faded) relations put in a frame.
const FADED_NODE: &str = "style=\"filled\", fillcolor=\"#f4f4f4\", color=\"#cccccc\", fontcolor=\"#a0a0a0\"";
/// Edge attributes of a relation that held or happened before the frame's date.
const FADED_EDGE: &str = "color=\"#d6d6d6\", fontcolor=\"#b4b4b4\"";
/// Attributes that hide an entity or relation but keep its place in the layout.
pub(crate) const HIDDEN: &str = "style=\"invis\"";

/// How a fact shows in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Showing {
    /// Begins after the frame's date: invisible.
    Absent,
    /// Undated: shown only where both ends show.
    Undated,
    /// Held or happened before the date, not at it: faded.
    Earlier,
    /// Holds at the date, as the time filter classes it.
    Holds(Certainty),
}

/// How a node shows in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeShowing {
    /// No relation of the frame touches it.
    Absent,
    /// Only relations from before the date touch it.
    Faded,
    /// A relation that holds at the date touches it.
    Shown,
}

/// The frame of one date: how each fact and node shows.
pub(crate) struct Frame {
    facts: Vec<Showing>,
    shown: BTreeSet<NodeId>,
    faded: BTreeSet<NodeId>,
}

impl Frame {
    /// The frame of `graph` as of `date`, for `facts` (in that order).
    pub fn new(graph: &Graph, facts_in: &[Fact<'_>], date: Edtf) -> Frame {
        let at = Filter::default().at(date);
        let before = Filter::default().between(None, Some(date));
        let showings: Vec<Showing> = facts_in
            .iter()
            .map(|fact| {
                fact.edges
                    .iter()
                    .map(|&e| {
                        let r = graph.relation_at(e);
                        if r.date.is_none() {
                            Showing::Undated
                        } else if let Some(c) = at.admits(graph, r) {
                            Showing::Holds(match c {
                                Certainty::Definite => Certainty::Definite,
                                _ => Certainty::Possible,
                            })
                        } else if before.admits(graph, r).is_some() {
                            Showing::Earlier
                        } else {
                            Showing::Absent
                        }
                    })
                    .max_by_key(|s| match s {
                        Showing::Absent => 0,
                        Showing::Undated => 1,
                        Showing::Earlier => 2,
                        Showing::Holds(Certainty::Possible | Certainty::Undated) => 3,
                        Showing::Holds(Certainty::Definite) => 4,
                    })
                    .unwrap_or(Showing::Absent)
            })
            .collect();
        let mut shown = BTreeSet::new();
        let mut faded = BTreeSet::new();
        for (fact, showing) in facts_in.iter().zip(&showings) {
            match showing {
                Showing::Holds(_) => {
                    shown.insert(fact.subject);
                    shown.insert(fact.object);
                }
                Showing::Earlier => {
                    faded.insert(fact.subject);
                    faded.insert(fact.object);
                }
                Showing::Absent | Showing::Undated => {}
            }
        }
        Frame {
            facts: showings,
            shown,
            faded,
        }
    }

    /// How the node shows.
    pub fn node(&self, n: NodeId) -> NodeShowing {
        if self.shown.contains(&n) {
            NodeShowing::Shown
        } else if self.faded.contains(&n) {
            NodeShowing::Faded
        } else {
            NodeShowing::Absent
        }
    }

    /// How the `i`th fact shows (an undated fact only where both its ends show).
    pub fn fact(&self, i: usize, fact: &Fact<'_>) -> Showing {
        match self.facts[i] {
            Showing::Undated
                if self.node(fact.subject) == NodeShowing::Absent || self.node(fact.object) == NodeShowing::Absent =>
            {
                Showing::Absent
            }
            s => s,
        }
    }

    /// The node attributes that replace or follow the kind's (empty: as the kind looks).
    pub fn node_attributes(&self, n: NodeId) -> &'static str {
        match self.node(n) {
            NodeShowing::Shown => "",
            NodeShowing::Faded => FADED_NODE,
            NodeShowing::Absent => HIDDEN,
        }
    }

    /// The edge attributes that follow the look of its dates (empty: as its dates look).
    pub fn edge_attributes(showing: Showing) -> &'static str {
        match showing {
            Showing::Holds(Certainty::Definite) | Showing::Undated => "",
            Showing::Holds(_) => "style=\"dashed\"",
            Showing::Earlier => FADED_EDGE,
            Showing::Absent => HIDDEN,
        }
    }
}

/// Writes the legend of a frame: a box explaining how what holds, what possibly holds and what
/// came before the frame's `date` look. The same in every frame but for the date, so it takes
/// the same place.
pub(crate) fn write_frame_legend(w: &mut dyn Write, date: &Edtf, indent: &str) -> io::Result<()> {
    let year = date.human();
    writeln!(w, "{indent}subgraph \"cluster_legend_frame\" {{")?;
    writeln!(
        w,
        "{indent}  graph [label={}, fontsize=\"12\", style=\"rounded\", color=\"#bbbbbb\", margin=\"10\"];",
        quoted(&format!("As of {year}"))
    )?;
    let samples = [
        ("holds", format!("holds in {year}"), ""),
        (
            "possible",
            format!("possibly holds in {year} (imprecise date)"),
            "style=\"dashed\"",
        ),
        ("earlier", format!("before {year}, no longer holds"), FADED_EDGE),
    ];
    for (key, label, attrs) in samples {
        let a = format!("legend:frame:{key}:from");
        let b = format!("legend:frame:{key}:to");
        for end in [&a, &b] {
            writeln!(
                w,
                "{indent}  {} [shape=\"point\", width=\"0.06\", color=\"#888888\"];",
                quoted(end)
            )?;
        }
        let sep = if attrs.is_empty() { "" } else { ", " };
        writeln!(
            w,
            "{indent}  {} -> {} [label={}, color=\"#444444\", fontcolor=\"#222222\"{sep}{attrs}];",
            quoted(&a),
            quoted(&b),
            quoted(&label)
        )?;
    }
    writeln!(
        w,
        "{indent}  \"legend:frame:faded\" [label={}, shape=\"box\", {FADED_NODE}];",
        quoted(&format!("only ties before {year}"))
    )?;
    writeln!(w, "{indent}}}")
}

//! How results describe entities and relations: serializable reports (for `--json`) and
//! one-line text (for people).

use std::fmt;

use crate::model::handle::{EdgeId, NodeId};

use super::path::{Alternative, Hop, Path};
use super::time::Certainty;
use crate::model::entity::Entity;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::relation::{Evidence, RelationId};

/// How many alternatives a hop lists in text before it only counts the rest.
const ALSO_SHOWN: usize = 3;

/// An entity as results name it: id, label and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct EntityRef<'g> {
    /// Stable id.
    pub id: &'g Id,
    /// English label.
    pub label: &'g str,
    /// What it is.
    pub kind: EntityKind,
}

impl<'g> From<&'g Entity> for EntityRef<'g> {
    fn from(e: &'g Entity) -> Self {
        EntityRef {
            id: &e.id,
            label: &e.label,
            kind: e.kind,
        }
    }
}

/// Whether a relation is read from subject to object (`forward`) or back (`backward`).
fn direction_name(forward: bool) -> &'static str {
    if forward {
        "forward"
    } else {
        "backward"
    }
}

/// One relation as a result shows it, read in the direction it was followed: everything a
/// reader needs to check the step against its sources.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RelationReport<'g> {
    /// The relation's stable id.
    pub relation: RelationId,
    /// The predicate id.
    pub predicate: &'g Id,
    /// The predicate's label in the direction followed (the inverse label when backward).
    pub label: &'g str,
    /// `forward` (subject to object) or `backward`.
    pub direction: &'static str,
    /// The date in EDTF (`1998-04`, `2006~`, `2011/..`), if dated.
    pub date: Option<String>,
    /// The date for people (`1998-04`, `~2006`, `since 2011`), if dated.
    pub date_human: Option<String>,
    /// How surely it passes the query's time filter (`undated` when it has no date).
    pub certainty: Certainty,
    /// The sources that state it.
    pub sources: Vec<&'g Id>,
    /// Each source's verbatim quote and note.
    pub evidence: &'g [Evidence],
}

impl<'g> RelationReport<'g> {
    /// The relation on `edge`, followed forward (subject to object) or backward.
    pub fn new(graph: &'g Graph, edge: EdgeId, forward: bool, certainty: Certainty) -> Self {
        let relation = graph.relation_at(edge);
        RelationReport {
            relation: relation.id,
            predicate: &relation.predicate,
            label: graph.predicate_of(relation).label_for(forward),
            direction: direction_name(forward),
            date: relation.date.map(|d| d.to_string()),
            date_human: relation.date.map(|d| d.human()),
            certainty,
            sources: relation.sources(),
            evidence: &relation.evidence,
        }
    }
}

/// One hop of a path, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HopReport<'g> {
    /// Where the hop starts.
    pub from: EntityRef<'g>,
    /// Where it ends.
    pub to: EntityRef<'g>,
    /// The relation followed.
    #[serde(flatten)]
    pub relation: RelationReport<'g>,
    /// In a journey: how surely this hop does not go back in time from the one before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Certainty>,
    /// Other relations between the same two entities (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<RelationReport<'g>>,
}

/// A path, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PathReport<'g> {
    /// Where it starts.
    pub from: EntityRef<'g>,
    /// Where it ends.
    pub to: EntityRef<'g>,
    /// Number of hops.
    pub hops: usize,
    /// The least sure hop's certainty under the time filter.
    pub certainty: Certainty,
    /// For a journey: how surely it runs forward in time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Certainty>,
    /// For a journey: the earliest day it can arrive (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrival: Option<String>,
    /// The hops, in order.
    pub steps: Vec<HopReport<'g>>,
}

impl Hop {
    /// The hop as a report, for `--json`.
    pub fn report<'g>(&self, graph: &'g Graph) -> HopReport<'g> {
        HopReport {
            from: graph.entity_at(self.from).into(),
            to: graph.entity_at(self.to).into(),
            relation: RelationReport::new(graph, self.edge, self.forward, self.certainty),
            order: self.order,
            also: self
                .also
                .iter()
                .map(|a| RelationReport::new(graph, a.edge, a.forward, a.certainty))
                .collect(),
        }
    }
}

impl Path {
    /// The path as a report, for `--json`.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
    /// let path = graph.paths(a, b).shortest().unwrap();
    /// let json = serde_json::to_value(path.report(&graph))?;
    /// assert_eq!(json["from"]["id"], "belarus");
    /// assert_eq!(json["steps"][0]["to"]["id"], "nato");
    /// assert!(json["steps"][0]["evidence"][0]["quote"].is_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report<'g>(&self, graph: &'g Graph) -> PathReport<'g> {
        PathReport {
            from: graph.entity_at(self.from).into(),
            to: graph.entity_at(self.to()).into(),
            hops: self.len(),
            certainty: self.certainty(),
            order: self.order(),
            arrival: self.arrival.map(|d| d.to_string()),
            steps: self.hops.iter().map(|h| h.report(graph)).collect(),
        }
    }

    /// The path as text, one hop a line (each line indented by two spaces):
    /// `Belarus —member of (1995)→ Partnership for Peace  [source-a, source-b]`.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
    /// let text = graph.paths(a, b).shortest().unwrap().display(&graph).to_string();
    /// assert!(text.starts_with("  Belarus —"));
    /// assert!(text.contains("→ NATO  ["));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display<'a>(&'a self, graph: &'a Graph) -> PathDisplay<'a> {
        PathDisplay {
            graph,
            path: self,
            more: "",
        }
    }
}

/// A path as text; made by [`Path::display`].
#[derive(Debug, Clone, Copy)]
pub struct PathDisplay<'a> {
    graph: &'a Graph,
    path: &'a Path,
    more: &'a str,
}

impl<'a> PathDisplay<'a> {
    /// Text to append where relations are left out (e.g. where to find them all); none by default.
    ///
    /// ```
    /// let graph = diplograph::Graph::embedded()?;
    /// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
    /// let path = graph.paths(a, b).shortest().unwrap();
    /// let text = path.display(&graph).more_hint(" (see the JSON)").to_string();
    /// assert!(text.contains(" (see the JSON)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn more_hint(mut self, hint: &'a str) -> Self {
        self.more = hint;
        self
    }
}

impl fmt::Display for PathDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for hop in &self.path.hops {
            let main = RelationLine {
                order: hop.order,
                ..RelationLine::new(self.graph, hop.from, hop.edge, hop.forward, hop.certainty)
            };
            writeln!(f, "  {main}")?;
            for alt in hop.also.iter().take(ALSO_SHOWN) {
                let Alternative {
                    edge,
                    forward,
                    certainty,
                } = *alt;
                writeln!(
                    f,
                    "      also: {}",
                    RelationLine::new(self.graph, hop.from, edge, forward, certainty)
                )?;
            }
            if hop.also.len() > ALSO_SHOWN {
                let more = hop.also.len() - ALSO_SHOWN;
                writeln!(
                    f,
                    "      … and {more} more relation{} between them{}",
                    if more == 1 { "" } else { "s" },
                    self.more
                )?;
            }
        }
        Ok(())
    }
}

/// One relation as a line of text, read from `from`: `From —label (date)→ To  [sources]`,
/// then any notes on certainty.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RelationLine<'g> {
    pub graph: &'g Graph,
    pub from: NodeId,
    pub edge: EdgeId,
    pub forward: bool,
    pub certainty: Certainty,
    pub order: Option<Certainty>,
    pub show_date: bool,
}

impl<'g> RelationLine<'g> {
    /// The line for `edge` read from `from`, with its date and no order.
    pub fn new(graph: &'g Graph, from: NodeId, edge: EdgeId, forward: bool, certainty: Certainty) -> Self {
        RelationLine {
            graph,
            from,
            edge,
            forward,
            certainty,
            order: None,
            show_date: true,
        }
    }
}

impl fmt::Display for RelationLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let graph = self.graph;
        let relation = graph.relation_at(self.edge);
        let Some((s, o)) = graph.endpoints(self.edge) else {
            return Ok(());
        };
        let to = if self.from == s { o } else { s };
        let label = graph.predicate_of(relation).label_for(self.forward);
        write!(f, "{} —{label}", graph.entity_at(self.from).label)?;
        if let Some(d) = relation.date.as_ref().filter(|_| self.show_date) {
            write!(f, " ({})", d.human())?;
        }
        let sources: Vec<&str> = relation.sources().iter().map(|s| s.as_str()).collect();
        write!(f, "→ {}  [{}]", graph.entity_at(to).label, sources.join(", "))?;
        let mut notes = Vec::new();
        // Every line that is not definite says so; an undated hop of a journey says it once.
        if !(self.certainty == Certainty::Undated && self.order == Some(Certainty::Undated)) {
            notes.extend(self.certainty.marker());
        }
        match self.order {
            Some(Certainty::Possible) => notes.push("possibly in order"),
            Some(Certainty::Undated) => notes.push("undated: order unknown"),
            _ => {}
        }
        if !notes.is_empty() {
            write!(f, "  ({})", notes.join("; "))?;
        }
        Ok(())
    }
}

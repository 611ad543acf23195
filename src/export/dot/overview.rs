//! The whole graph at a glance: one node per entity kind, one edge per pair of kinds, with
//! counts — a picture that stays readable at any size, where a drawing of every entity would be
//! a hairball.

use std::collections::BTreeMap;
use std::io::Write;

use super::error::DotError;
use super::escape::quoted;
use super::graph::write_header;
use super::style::{kind_attributes, kind_heading};
use crate::model::graph::Graph;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;

/// Writes an overview of a graph as DOT: a node per entity kind (how many entities, and the
/// most connected ones with their number of relations), an edge per pair of kinds that
/// relations join (how many relations, and the commonest predicates with their counts; the
/// line is thicker for more relations).
///
/// ```
/// use diplograph::{Graph, export::dot::OverviewWriter};
/// let graph = Graph::embedded()?;
/// let mut out = Vec::new();
/// OverviewWriter::new().write(&graph, &mut out)?;
/// let dot = String::from_utf8(out)?;
/// assert!(dot.contains("\"kind:state\" -> \"kind:organization\""));
/// assert!(dot.contains("member of ×"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct OverviewWriter {
    title: Option<String>,
    hubs: usize,
    predicates: usize,
}

impl Default for OverviewWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl OverviewWriter {
    /// An overview naming the 3 most connected entities of each kind and the 3 commonest
    /// predicates between two kinds.
    pub fn new() -> Self {
        OverviewWriter {
            title: None,
            hubs: 3,
            predicates: 3,
        }
    }

    /// A title shown above the diagram (default: the counts of the graph).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// How many of the most connected entities each kind's node names.
    pub fn hubs(mut self, n: usize) -> Self {
        self.hubs = n;
        self
    }

    /// How many predicates each edge names (the rest are counted).
    pub fn predicates(mut self, n: usize) -> Self {
        self.predicates = n;
        self
    }

    /// Writes the overview of `graph` to `w` and hands `w` back.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, mut w: W) -> Result<W, DotError> {
        let g = graph;
        let mut members: BTreeMap<EntityKind, Vec<(usize, &str)>> = BTreeMap::new();
        for n in g.node_ids() {
            let e = graph.entity_at(n);
            let degree = g.degree(n);
            members.entry(e.kind).or_default().push((degree, e.label.as_str()));
        }
        let mut pairs: BTreeMap<(EntityKind, EntityKind), BTreeMap<&str, usize>> = BTreeMap::new();
        for e in g.edge_ids() {
            let Some((a, b)) = g.endpoints(e) else { continue };
            let label = graph.predicate_of(graph.relation_at(e)).label.as_str();
            let key = (graph.entity_at(a).kind, graph.entity_at(b).kind);
            *pairs.entry(key).or_default().entry(label).or_default() += 1;
        }
        let title = self.title.clone().unwrap_or_else(|| {
            format!(
                "The whole graph by kind: {} entities, {} relations",
                g.entity_count(),
                g.relation_count()
            )
        });
        write_header(
            &mut w,
            Some(&title),
            RankDir::LeftRight,
            super::graph::DotLayout::Layered,
        )?;
        // Eight nodes at most, nearly all joined: a circle keeps every edge and label apart
        // (layered and force layouts crossed them in the middle).
        writeln!(w, "  graph [layout=\"circo\", mindist=\"2.4\"];")?;
        writeln!(w, "  edge [fontsize=\"10\"];")?;
        for (kind, list) in &mut members {
            list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let mut label = format!("{} · {}", kind_heading(*kind), list.len());
            for (degree, name) in list.iter().take(self.hubs) {
                label.push_str(&format!("\n{name} ({degree})"));
            }
            // Relations within the kind are told in its node (a loop would cross its own label).
            if let Some(counts) = pairs.remove(&(*kind, *kind)) {
                label.push_str(&format!("\n\nwithin: {}", self.counted(&counts).replace('\n', "\n  ")));
            }
            writeln!(
                w,
                "  {} [label={}, tooltip={}, fontsize=\"12\", margin=\"0.2,0.1\", {}];",
                quoted(&format!("kind:{}", kind.name())),
                quoted(&label),
                quoted(&format!(
                    "{} {} entities; in brackets: the number of relations of the most connected",
                    list.len(),
                    kind.name()
                )),
                kind_attributes(*kind)
            )?;
        }
        // One edge per pair of kinds, both directions told in its label by the kinds' names (two
        // edges between the same nodes laid their labels over one another).
        let mut done = std::collections::BTreeSet::new();
        for (&(from, to), counts) in &pairs {
            if !done.insert((from.min(to), from.max(to))) {
                continue;
            }
            let back = pairs.get(&(to, from));
            let mut total: usize = counts.values().sum();
            let mut label = format!(
                "{} → {}: {}",
                kind_heading(from),
                kind_heading(to),
                self.counted(counts)
            );
            if let Some(back) = back {
                total += back.values().sum::<usize>();
                label.push_str(&format!(
                    "\n\n{} → {}: {}",
                    kind_heading(to),
                    kind_heading(from),
                    self.counted(back)
                ));
            }
            let dir = if back.is_some() { "both" } else { "forward" };
            let width = 1.0 + (total as f64).log2().max(0.0) * 0.5;
            writeln!(
                w,
                "  {} -> {} [label={}, dir=\"{dir}\", penwidth=\"{width:.1}\", color=\"#888888\", fontcolor=\"#333333\"];",
                quoted(&format!("kind:{}", from.name())),
                quoted(&format!("kind:{}", to.name())),
                quoted(&label)
            )?;
        }
        writeln!(w, "}}")?;
        Ok(w)
    }

    /// `N relations`, then the commonest predicates with their counts, one a line.
    fn counted(&self, counts: &BTreeMap<&str, usize>) -> String {
        let total: usize = counts.values().sum();
        let mut by_count: Vec<(&str, usize)> = counts.iter().map(|(p, c)| (*p, *c)).collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut label = format!("{total} relation{}", if total == 1 { "" } else { "s" });
        for (p, c) in by_count.iter().take(self.predicates) {
            label.push_str(&format!("\n{p} ×{c}"));
        }
        let rest = by_count.len().saturating_sub(self.predicates);
        if rest > 0 {
            label.push_str(&format!(
                "\n… {rest} more predicate{}",
                if rest == 1 { "" } else { "s" }
            ));
        }
        label
    }
}

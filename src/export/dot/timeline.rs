//! A timeline diagram: the dated relations of a graph in columns by year, left to right.

use std::collections::BTreeMap;
use std::io::Write;

use super::error::DotError;
use super::escape::{quoted, wrap};
use super::graph::{write_header, DotLayout};
use super::style::{kind_attributes, kind_heading, kind_style};
use crate::export::facts::facts;
use crate::model::edtf::{Day, Edtf};
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;
use crate::model::relation::Relation;

/// Writes the dated relations of a graph as a timeline: one box per year, left to right, each
/// relation a node in the box of the year it began (or, with only an end known, ended), labelled
/// with its date at its precision. Undated relations are left out (the title says how many).
///
/// With a focus entity, each relation is told from its side ("Finland · 1992-02-26" instead of
/// "Belarus — has diplomatic relations with → Finland") and coloured by the kind of the entity
/// at the other end; when every relation shares one predicate, the predicate goes in the title.
/// A relation whose fact has several dates is drawn in red in each year its sources give, with
/// the other dates named; an approximate or uncertain date is dashed.
///
/// ```
/// use diplograph::{export::dot::TimelineWriter, query::Selection, Filter, Graph};
/// let graph = Graph::embedded()?;
/// let view = Selection { filter: Filter::default(), focus: graph.node("belarus"), depth: 1 }.apply(&graph);
/// let mut out = Vec::new();
/// TimelineWriter::new().focus("belarus").write(&view, &mut out)?;
/// let dot = String::from_utf8(out)?;
/// assert!(dot.contains("\"year:1995\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct TimelineWriter {
    title: Option<String>,
    focus: Option<Id>,
    proportional: bool,
}

/// The border of a relation whose sources give other dates too.
const DISPUTED: &str = "#c0392b";

/// Labels are wrapped at this many characters (on a proportional axis: so that every box fits
/// the width of a column).
const WRAP: usize = 26;
const WRAP_PROPORTIONAL: usize = 15;

/// On a proportional axis, the width of a year's column in inches: every box and the
/// (invisible) anchor of every year, empty or not, are this wide, so the columns are evenly
/// spaced; box labels are a point smaller to fit.
const COLUMN: &str = "1.3";

/// One relation placed on the timeline.
struct Item<'g> {
    relation: &'g Relation,
    year: i32,
    earliest: Option<Day>,
    label: String,
    kind: Option<EntityKind>,
    others: Vec<Edtf>,
}

impl TimelineWriter {
    /// A timeline without focus or title.
    pub fn new() -> Self {
        Self::default()
    }

    /// A title shown above the timeline (a count of undated relations is added).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Tell each relation from the side of this entity (an entity id; one the graph does not
    /// have is ignored).
    pub fn focus(mut self, id: &str) -> Self {
        self.focus = Id::new(id).ok();
        self
    }

    /// Space the years in proportion to time: one column per year from the first to the last,
    /// empty years included, every column equally wide (default: only the years that have
    /// relations, each as wide as its widest box).
    ///
    /// ```
    /// use diplograph::{Graph, export::dot::TimelineWriter};
    /// let graph = Graph::embedded()?;
    /// let mut out = Vec::new();
    /// TimelineWriter::new().focus("belarus").proportional(true).write(&graph, &mut out)?;
    /// let dot = String::from_utf8(out)?;
    /// assert!(dot.contains("cluster_year_1993")); // a year with nothing dated still has its column
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn proportional(mut self, yes: bool) -> Self {
        self.proportional = yes;
        self
    }

    /// Writes the timeline of `graph` to `w` and hands `w` back.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, mut w: W) -> Result<W, DotError> {
        let focus = self
            .focus
            .as_ref()
            .filter(|id| graph.entity_by_id(id.as_str()).is_some());
        let dated: Vec<&Relation> = graph.relations().filter(|r| r.date.is_some()).collect();
        let all_facts = facts(graph);
        // Facts, not relations: an undated claim beside a dated one adds no missing date.
        let undated = all_facts.iter().filter(|f| f.dates(graph).is_empty()).count();
        let mut predicates: Vec<&Id> = dated.iter().map(|r| &r.predicate).collect();
        predicates.sort();
        predicates.dedup();
        let one_predicate = match predicates.as_slice() {
            [one] => graph.predicate(one.as_str()),
            _ => None,
        };
        // Other dates of the same fact, for disputed relations.
        let mut other_dates: BTreeMap<_, Vec<Edtf>> = BTreeMap::new();
        for fact in &all_facts {
            let dates = fact.dates(graph);
            if fact.disputed() && dates.len() > 1 {
                for &e in &fact.edges {
                    if let Some(d) = graph.relation_at(e).date {
                        other_dates.insert(
                            graph.relation_at(e).id,
                            dates.iter().copied().filter(|x| *x != d).collect(),
                        );
                    }
                }
            }
        }

        let wrap_at = if self.proportional { WRAP_PROPORTIONAL } else { WRAP };
        let mut items: Vec<Item<'_>> = Vec::new();
        for r in dated {
            let Some(date) = r.date else { continue };
            let Some(point) = date.start().date().or(date.end().date()).copied() else {
                continue;
            };
            let predicate = graph.predicate_of(r);
            let subject = graph.entity_by_id(r.subject.as_str());
            let object = graph.entity_by_id(r.object.as_str());
            let (Some(subject), Some(object)) = (subject, object) else {
                continue;
            };
            let (text, kind) = match focus {
                Some(f) if r.subject == *f || r.object == *f => {
                    let outgoing = r.subject == *f;
                    let other = if outgoing { object } else { subject };
                    let text = if one_predicate.is_some() {
                        other.label.clone()
                    } else {
                        format!("{} {}", predicate.label_for(outgoing), other.label)
                    };
                    (text, Some(other.kind))
                }
                _ => (
                    format!("{} — {} → {}", subject.label, predicate.label, object.label),
                    None,
                ),
            };
            let others = other_dates.get(&r.id).cloned().unwrap_or_default();
            let mut label = format!("{}\n{}", wrap(&text, wrap_at), date.human());
            if !others.is_empty() {
                let list: Vec<String> = others.iter().map(Edtf::human).collect();
                label.push('\n');
                label.push_str(&wrap(&format!("(sources differ: {})", list.join(", ")), wrap_at));
            }
            items.push(Item {
                relation: r,
                year: point.year(),
                earliest: date.earliest(),
                label,
                kind,
                others,
            });
        }
        items.sort_by(|a, b| {
            (a.year, a.earliest, &a.label, a.relation.id).cmp(&(b.year, b.earliest, &b.label, b.relation.id))
        });

        let mut title = match (&self.title, one_predicate) {
            (Some(t), _) => t.clone(),
            (None, Some(p)) if focus.is_some() => format!(
                "{} {} …",
                focus
                    .and_then(|f| graph.entity_by_id(f.as_str()))
                    .map_or("", |e| e.label.as_str()),
                p.label
            ),
            _ => "Timeline".to_owned(),
        };
        if undated > 0 {
            title.push_str(&format!("\n({undated} more without a date, not shown)",));
        }
        write_header(&mut w, Some(&title), RankDir::LeftRight, DotLayout::Layered)?;
        writeln!(w, "  graph [newrank=\"true\", nodesep=\"0.1\", ranksep=\"0.35\"];")?;

        let mut kinds: Vec<EntityKind> = items.iter().filter_map(|i| i.kind).collect();
        kinds.sort();
        kinds.dedup();
        let disputed = items.iter().any(|i| !i.others.is_empty());
        let qualified = items.iter().any(|i| i.relation.date.is_some_and(|d| d.is_qualified()));
        // White boxes: relations that do not involve the focus, told in full.
        let others = focus.is_some() && items.iter().any(|i| i.kind.is_none());
        if kinds.len() > 1 || disputed || qualified || others || self.proportional {
            writeln!(w, "  subgraph \"cluster_legend\" {{")?;
            writeln!(
                w,
                "    graph [label=\"Legend\", fontsize=\"12\", style=\"rounded\", color=\"#bbbbbb\"];"
            )?;
            writeln!(w, "    {{")?;
            writeln!(w, "      rank=\"same\";")?;
            for kind in kinds.iter().filter(|_| kinds.len() > 1) {
                writeln!(
                    w,
                    "      {} [label={}, {}];",
                    quoted(&format!("legend:{}", kind.name())),
                    quoted(kind_heading(*kind)),
                    kind_attributes(*kind)
                )?;
            }
            if self.proportional {
                writeln!(
                    w,
                    "      \"legend:axis\" [label=\"one column a year,\\nempty years too:\\ntime runs evenly\", shape=\"plaintext\"];"
                )?;
            }
            if others {
                let name = focus
                    .and_then(|f| graph.entity_by_id(f.as_str()))
                    .map_or("", |e| e.label.as_str());
                writeln!(
                    w,
                    "      \"legend:others\" [label={}, shape=\"box\", style=\"filled\", fillcolor=\"#ffffff\", color=\"#444444\"];",
                    quoted(&format!("a relation\nbetween others\nthan {name}"))
                )?;
            }
            if disputed {
                writeln!(
                    w,
                    "      \"legend:disputed\" [label=\"sources give\\nother dates too\", shape=\"box\", style=\"filled\", fillcolor=\"#ffffff\", color=\"{DISPUTED}\", penwidth=\"2.2\"];"
                )?;
            }
            if qualified {
                writeln!(
                    w,
                    "      \"legend:qualified\" [label=\"approximate or\\nuncertain date\", shape=\"box\", style=\"filled,dashed\", fillcolor=\"#ffffff\", color=\"#444444\"];"
                )?;
            }
            writeln!(w, "    }}")?;
            writeln!(w, "  }}")?;
        }

        // A column per year that has relations; on a proportional axis, per year from the first
        // to the last, empty years included, every column as wide as a box.
        let mut previous_year: Option<(i32, String)> = None;
        let mut i = 0;
        let mut years: Vec<i32> = match (items.first(), items.last()) {
            (Some(first), Some(last)) if self.proportional => (first.year..=last.year).collect(),
            _ => items.iter().map(|x| x.year).collect(),
        };
        years.dedup();
        let (anchor_size, box_size) = if self.proportional {
            (
                format!("shape=\"box\", style=\"invis\", width=\"{COLUMN}\", height=\"0.02\", fixedsize=\"true\""),
                format!("width=\"{COLUMN}\", fontsize=\"9\", "),
            )
        } else {
            (
                "shape=\"point\", style=\"invis\", width=\"0\", height=\"0\"".to_owned(),
                String::new(),
            )
        };
        for year in years {
            let end = items[i..]
                .iter()
                .position(|x| x.year != year)
                .map_or(items.len(), |n| i + n);
            writeln!(w, "  subgraph {} {{", quoted(&format!("cluster_year_{year}")))?;
            writeln!(
                w,
                "    graph [label={}, fontsize=\"14\", style=\"rounded,filled\", fillcolor=\"#f6f6f6\", color=\"#cccccc\"];",
                quoted(&format!("{year:04}"))
            )?;
            writeln!(w, "    {{")?;
            writeln!(w, "      rank=\"same\";")?;
            // An invisible anchor per year keeps the years in order, left to right.
            let anchor = format!("year:{year:04}");
            writeln!(w, "      {} [{anchor_size}, label=\"\"];", quoted(&anchor))?;
            for item in &items[i..end] {
                let (shape, fill, mut border) = item.kind.map_or(("box", "#ffffff", "#444444"), kind_style);
                let mut style = vec!["filled"];
                if item.kind == Some(EntityKind::Organization) {
                    style.push("rounded");
                }
                if item.relation.date.is_some_and(|d| d.is_qualified()) {
                    style.push("dashed");
                }
                let mut attrs = format!("{box_size}shape=\"{shape}\", fillcolor=\"{fill}\"");
                if !item.others.is_empty() {
                    border = DISPUTED;
                    attrs.push_str(", penwidth=\"2.2\"");
                }
                attrs.push_str(&format!(", color=\"{border}\", style=\"{}\"", style.join(",")));
                let tooltip: Vec<&str> = item.relation.sources().iter().map(|s| s.as_str()).collect();
                writeln!(
                    w,
                    "      {} [label={}, tooltip={}, {attrs}];",
                    quoted(&item.relation.id.to_string()),
                    quoted(&item.label),
                    quoted(&format!("sources: {}", tooltip.join(", "))),
                )?;
            }
            writeln!(w, "    }}")?;
            writeln!(w, "  }}")?;
            if let Some((_, prev)) = &previous_year {
                writeln!(
                    w,
                    "  {} -> {} [style=\"invis\", weight=\"10\"];",
                    quoted(prev),
                    quoted(&anchor)
                )?;
            }
            previous_year = Some((year, anchor));
            i = end;
        }
        writeln!(w, "}}")?;
        Ok(w)
    }
}

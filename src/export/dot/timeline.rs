//! A timeline diagram: the dated relations and the entities' own dates of a graph (or of a
//! query's [`Timeline`]) in columns by year, left to right.

use std::collections::BTreeMap;
use std::io::Write;

use super::error::DotError;
use super::escape::{quoted, wrap};
use super::graph::{write_header, DotLayout};
use super::link::EvidenceLinks;
use super::style::{kind_attributes, kind_heading, kind_style};
use crate::export::facts::facts;
use crate::model::edtf::{Day, Edtf};
use crate::model::entity::Entity;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;
use crate::model::relation::{Relation, RelationId};
use crate::query::time::Certainty;
use crate::query::timeline::{Timeline, TimelineEntry};

/// Writes the dated relations of a graph as a timeline: one box per year, left to right, each
/// relation a node in the box of the year it began (or, with only an end known, ended), labelled
/// with its date at its precision. Undated relations are left out (the title says how many).
/// An entity's own date (an agreement adopted, an event, an organisation founded) is a box of its
/// own, in the entity's colours with a bold border, saying what the date means.
///
/// [`write_timeline`](Self::write_timeline) draws a query's [`Timeline`] instead: its entries
/// only, each with its certainty against the query's time filter — what only possibly held then
/// dashed amber, its label ending `(possibly)`; undated relations (when the query asked for
/// them) in a last column, grey and dotted — as the legend says.
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

/// The border of what only possibly passes a query's time filter (as in the graph diagrams).
const POSSIBLE: &str = "#b07d00";

/// The border of an undated relation (as in the graph diagrams).
const UNDATED: &str = "#9a9a9a";

/// One entry placed on the timeline: a relation, or an entity's own date.
struct Item {
    /// The node id: the relation's id, or `date:` and the entity's id.
    node: String,
    /// The column: the year it began (`None`: undated, the last column).
    year: Option<i32>,
    earliest: Option<Day>,
    label: String,
    /// The kind whose colours the box takes (`None`: white).
    kind: Option<EntityKind>,
    /// Other dates the sources give for the same fact.
    others: Vec<Edtf>,
    /// An approximate or uncertain date.
    qualified: bool,
    certainty: Certainty,
    /// An entity's own date rather than a relation.
    own_date: bool,
    tooltip: String,
    /// `, URL=…, target=…` to open a source at the quote, or empty.
    link: String,
}

/// What the writer draws: the entries, and how many undated relations it leaves out.
struct Entries<'g> {
    relations: Vec<(&'g Relation, Certainty)>,
    dates: Vec<(&'g Entity, Certainty)>,
    undated_left_out: usize,
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

    /// Writes the timeline of `graph` to `w`: every dated relation, and the own date of every
    /// entity; hands `w` back.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, w: W) -> Result<W, DotError> {
        // Facts, not relations: an undated claim beside a dated one adds no missing date.
        let undated_left_out = facts(graph).iter().filter(|f| f.dates(graph).is_empty()).count();
        let entries = Entries {
            relations: graph
                .relations()
                .filter(|r| r.date.is_some())
                .map(|r| (r, Certainty::Definite))
                .collect(),
            dates: graph
                .entities()
                .filter(|e| e.date.is_some())
                .map(|e| (e, Certainty::Definite))
                .collect(),
            undated_left_out,
        };
        self.draw(graph, &entries, w)
    }

    /// Writes a query's [`Timeline`] (found in `graph`) to `w` and hands `w` back: its entries,
    /// in the order of time, each drawn with its certainty (see [`TimelineWriter`]); the title
    /// counts the undated relations it left out.
    ///
    /// ```
    /// use diplograph::{export::dot::TimelineWriter, Filter, Graph};
    /// let graph = Graph::embedded()?;
    /// let belarus = graph.node("belarus").unwrap();
    /// let at_2005 = Filter::default().at("2005".parse()?);
    /// let timeline = graph.timeline().entity(belarus).filter(at_2005).run();
    /// let out = TimelineWriter::new().focus("belarus").write_timeline(&graph, &timeline, Vec::new())?;
    /// let dot = String::from_utf8(out)?;
    /// assert!(dot.contains("(possibly)") && dot.contains("color=\"#b07d00\""));
    /// // A box per entry: the relations, and the entities' own dates.
    /// let boxes = dot.lines().filter(|l| l.trim_start().starts_with("\"r-") || l.trim_start().starts_with("\"date:"));
    /// assert_eq!(boxes.count(), timeline.entries.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write_timeline<W: Write>(&self, graph: &Graph, timeline: &Timeline, w: W) -> Result<W, DotError> {
        let mut entries = Entries {
            relations: Vec::new(),
            dates: Vec::new(),
            undated_left_out: timeline.undated_left_out.unwrap_or(0),
        };
        for entry in &timeline.entries {
            match *entry {
                TimelineEntry::Relation { edge, certainty, .. } => {
                    entries.relations.push((graph.relation_at(edge), certainty));
                }
                TimelineEntry::Date { entity, certainty } => entries.dates.push((graph.entity_at(entity), certainty)),
            }
        }
        self.draw(graph, &entries, w)
    }

    fn draw<W: Write>(&self, graph: &Graph, entries: &Entries<'_>, mut w: W) -> Result<W, DotError> {
        let focus = self
            .focus
            .as_ref()
            .filter(|id| graph.entity_by_id(id.as_str()).is_some());
        let undated = entries.undated_left_out;
        let all_facts = facts(graph);
        let mut predicates: Vec<&Id> = entries
            .relations
            .iter()
            .filter(|(r, _)| r.date.is_some())
            .map(|(r, _)| &r.predicate)
            .collect();
        predicates.sort();
        predicates.dedup();
        let one_predicate = match predicates.as_slice() {
            [one] => graph.predicate(one.as_str()),
            _ => None,
        };
        // Other dates of the same fact, for disputed relations.
        let mut other_dates: BTreeMap<RelationId, Vec<Edtf>> = BTreeMap::new();
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
        let possibly = |certainty: Certainty| {
            if certainty == Certainty::Possible {
                " (possibly)"
            } else {
                ""
            }
        };
        let mut items: Vec<Item> = Vec::new();
        for &(r, certainty) in &entries.relations {
            let point = r
                .date
                .and_then(|date| date.start().date().or(date.end().date()).copied());
            if r.date.is_some() && point.is_none() {
                continue;
            }
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
            let date = r.date.map_or_else(|| "undated".to_owned(), |d| d.human());
            let mut label = format!("{}\n{date}{}", wrap(&text, wrap_at), possibly(certainty));
            if !others.is_empty() {
                let list: Vec<String> = others.iter().map(Edtf::human).collect();
                label.push('\n');
                label.push_str(&wrap(&format!("(sources differ: {})", list.join(", ")), wrap_at));
            }
            let sources: Vec<&str> = r.sources().iter().map(|s| s.as_str()).collect();
            let links = EvidenceLinks::of(graph, &r.evidence);
            items.push(Item {
                node: r.id.to_string(),
                year: point.map(|p| p.year()),
                earliest: r.date.and_then(|d| d.earliest()),
                label,
                kind,
                others,
                qualified: r.date.is_some_and(|d| d.is_qualified()),
                certainty,
                own_date: false,
                tooltip: links.tooltip(&format!("sources: {}", sources.join(", "))),
                link: links.attributes(),
            });
        }
        for &(entity, certainty) in &entries.dates {
            let (Some(own), Some(meaning)) = (entity.date.as_ref(), entity.date_meaning()) else {
                continue;
            };
            let Some(point) = own.date.start().date().or(own.date.end().date()).copied() else {
                continue;
            };
            let text = format!("{} {meaning}", entity.label);
            items.push(Item {
                node: format!("date:{}", entity.id),
                year: Some(point.year()),
                earliest: own.date.earliest(),
                label: format!("{}\n{}{}", wrap(&text, wrap_at), own.date.human(), possibly(certainty)),
                kind: Some(entity.kind),
                others: Vec::new(),
                qualified: own.date.is_qualified(),
                certainty,
                own_date: true,
                tooltip: format!("source: {}: \"{}\"", own.evidence.source, own.evidence.quote),
                link: EvidenceLinks::of(graph, [&own.evidence]).attributes(),
            });
        }
        // Undated last; on one day an entity's own date before the relations.
        items.sort_by(|a, b| {
            (a.year.is_none(), a.year, a.earliest, !a.own_date, &a.label, &a.node).cmp(&(
                b.year.is_none(),
                b.year,
                b.earliest,
                !b.own_date,
                &b.label,
                &b.node,
            ))
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
        // Under a time filter a qualified date is only possibly there: drawn amber, not grey.
        let qualified = items.iter().any(|i| i.qualified && i.certainty == Certainty::Definite);
        let possible = items.iter().any(|i| i.certainty == Certainty::Possible);
        let undated_shown = items.iter().any(|i| i.year.is_none());
        let own_dates = items.iter().any(|i| i.own_date);
        // White boxes: relations that do not involve the focus, told in full.
        let others = focus.is_some() && items.iter().any(|i| i.kind.is_none());
        if kinds.len() > 1
            || disputed
            || qualified
            || others
            || possible
            || undated_shown
            || own_dates
            || self.proportional
        {
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
            if possible {
                writeln!(
                    w,
                    "      \"legend:possible\" [label=\"possibly at the time asked:\\nits dates allow it,\\nnot settle it (possibly)\", shape=\"box\", style=\"filled,dashed\", fillcolor=\"#ffffff\", color=\"{POSSIBLE}\", fontcolor=\"#8a6100\"];"
                )?;
            }
            if undated_shown {
                writeln!(
                    w,
                    "      \"legend:undated\" [label=\"no date given\", shape=\"box\", style=\"filled,dotted\", fillcolor=\"#ffffff\", color=\"{UNDATED}\", fontcolor=\"#6f6f6f\"];"
                )?;
            }
            if own_dates {
                writeln!(
                    w,
                    "      \"legend:own-date\" [label=\"an entity's own date:\\nadopted, happened,\\nfounded…\", shape=\"box\", style=\"filled,bold\", fillcolor=\"#ffffff\", color=\"#444444\", penwidth=\"2.2\"];"
                )?;
            }
            writeln!(w, "    }}")?;
            writeln!(w, "  }}")?;
        }

        // A column per year that has entries; on a proportional axis, per year from the first
        // to the last, empty years included, every column as wide as a box; undated entries in
        // a last column.
        let dated_years: Vec<i32> = items.iter().filter_map(|x| x.year).collect();
        let mut years: Vec<Option<i32>> = match (dated_years.first(), dated_years.last()) {
            (Some(&first), Some(&last)) if self.proportional => (first..=last).map(Some).collect(),
            _ => dated_years.iter().copied().map(Some).collect(),
        };
        years.dedup();
        if undated_shown {
            years.push(None);
        }
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
        let mut previous_anchor: Option<String> = None;
        let mut i = 0;
        for year in years {
            let end = items[i..]
                .iter()
                .position(|x| x.year != year)
                .map_or(items.len(), |n| i + n);
            let (cluster, heading, anchor) = match year {
                Some(year) => (
                    format!("cluster_year_{year}"),
                    format!("{year:04}"),
                    format!("year:{year:04}"),
                ),
                None => (
                    "cluster_undated".to_owned(),
                    "undated".to_owned(),
                    "year:undated".to_owned(),
                ),
            };
            writeln!(w, "  subgraph {} {{", quoted(&cluster))?;
            writeln!(
                w,
                "    graph [label={}, fontsize=\"14\", style=\"rounded,filled\", fillcolor=\"#f6f6f6\", color=\"#cccccc\"];",
                quoted(&heading)
            )?;
            writeln!(w, "    {{")?;
            writeln!(w, "      rank=\"same\";")?;
            // An invisible anchor per year keeps the years in order, left to right.
            writeln!(w, "      {} [{anchor_size}, label=\"\"];", quoted(&anchor))?;
            for item in &items[i..end] {
                let (shape, fill, mut border) = item.kind.map_or(("box", "#ffffff", "#444444"), kind_style);
                let mut style = vec!["filled"];
                if item.kind == Some(EntityKind::Organization) {
                    style.push("rounded");
                }
                let mut font = None;
                match item.certainty {
                    Certainty::Possible => {
                        style.push("dashed");
                        border = POSSIBLE;
                        font = Some("#8a6100");
                    }
                    Certainty::Undated => {
                        style.push("dotted");
                        border = UNDATED;
                        font = Some("#6f6f6f");
                    }
                    Certainty::Definite if item.qualified => style.push("dashed"),
                    Certainty::Definite => {}
                }
                if item.own_date {
                    style.push("bold");
                }
                let mut attrs = format!("{box_size}shape=\"{shape}\", fillcolor=\"{fill}\"");
                if !item.others.is_empty() {
                    border = DISPUTED;
                    attrs.push_str(", penwidth=\"2.2\"");
                } else if item.own_date {
                    attrs.push_str(", penwidth=\"2.2\"");
                }
                attrs.push_str(&format!(", color=\"{border}\", style=\"{}\"", style.join(",")));
                if let Some(font) = font {
                    attrs.push_str(&format!(", fontcolor=\"{font}\""));
                }
                writeln!(
                    w,
                    "      {} [label={}, tooltip={}, {attrs}{}];",
                    quoted(&item.node),
                    quoted(&item.label),
                    quoted(&item.tooltip),
                    item.link,
                )?;
            }
            writeln!(w, "    }}")?;
            writeln!(w, "  }}")?;
            if let Some(prev) = &previous_anchor {
                writeln!(
                    w,
                    "  {} -> {} [style=\"invis\", weight=\"10\"];",
                    quoted(prev),
                    quoted(&anchor)
                )?;
            }
            previous_anchor = Some(anchor);
            i = end;
        }
        writeln!(w, "}}")?;
        Ok(w)
    }
}

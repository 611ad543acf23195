//! Disagreements: the same fact with different dates or different quantities, source by source.

use std::collections::BTreeMap;
use std::fmt;

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::filter::Filter;
use super::quantity::Quantity;
use super::report::EntityRef;
use crate::model::edtf::{Bound, Day, Edtf};
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::relation::{Evidence, Relation, RelationId};

/// What the sources disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Disputed {
    /// The same relation is given different dates. `compatible` when the dates could all be true
    /// at once — they differ only in precision (`2004` and `2004-01-19`) or in which ends they give
    /// (`1995` and `1995/2007-01`); such groups are listed only when asked for.
    Dates {
        /// Whether the dates could all describe the same interval.
        compatible: bool,
    },
    /// The notes of claims of the same relation give quantities that share no value
    /// ("some 700,000" and "more than 300,000").
    Quantities,
}

/// One claim in a disagreement: a piece of evidence of a relation, and what it states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The relation the claim supports.
    pub edge: EdgeIndex,
    /// Which of the relation's evidence it is.
    pub evidence: usize,
    /// What it says on the point in dispute: the date for people (`1998-04`, `until 2007-01`) or
    /// the quantity as written (`some 700,000`).
    pub stated: String,
}

/// The claims that say the same thing on the disputed point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The value they give: a date in EDTF, or a number (`700000`).
    pub value: String,
    /// The claims, in source order.
    pub statements: Vec<Statement>,
}

/// Sources that disagree about one fact: subject, predicate and object are the same, the dates or
/// quantities are not. Both sides are kept in the graph; this lists them side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The subject.
    pub subject: NodeIndex,
    /// The predicate.
    pub predicate: Id,
    /// The object.
    pub object: NodeIndex,
    /// What is in dispute.
    pub about: Disputed,
    /// The versions, in order: dates chronologically, quantities largest first.
    pub versions: Vec<Version>,
}

/// A question about where sources disagree; made by [`Graph::disagreements`].
///
/// ```
/// use diplograph::{query::Disputed, Graph};
/// let graph = Graph::embedded()?;
/// let found = graph.disagreements().run();
/// for d in &found {
///     assert!(d.versions.len() >= 2);
///     assert!(d.about != Disputed::Dates { compatible: true }); // not asked for
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct DisagreementQuery<'g> {
    graph: &'g Graph,
    filter: Filter,
    compatible: bool,
}

impl Graph {
    /// Starts a search for disagreements between sources: see [`DisagreementQuery`].
    pub fn disagreements(&self) -> DisagreementQuery<'_> {
        DisagreementQuery {
            graph: self,
            filter: Filter::default(),
            compatible: false,
        }
    }
}

/// The range of days a bound may fall on; an open bound is a point before (start) or after (end)
/// every day, an unknown one anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Limit {
    Before,
    On(Day),
    After,
}

fn range(bound: Bound, is_start: bool) -> (Limit, Limit) {
    match bound {
        Bound::Date(d) => (Limit::On(d.earliest()), Limit::On(d.latest())),
        Bound::Open if is_start => (Limit::Before, Limit::Before),
        Bound::Open => (Limit::After, Limit::After),
        Bound::Unknown => (Limit::Before, Limit::After),
    }
}

/// Whether two dates of the same relation could both be true: their starts could be the same
/// day, their ends too, and that start is not after that end.
fn compatible(a: &Relation, b: &Relation, graph: &Graph) -> bool {
    let temporal = graph.predicate_of(a).temporal;
    let (Some(x), Some(y)) = (a.span(temporal), b.span(temporal)) else {
        return true;
    };
    let meet = |p: (Limit, Limit), q: (Limit, Limit)| {
        let (lo, hi) = (p.0.max(q.0), p.1.min(q.1));
        (lo <= hi).then_some((lo, hi))
    };
    match (
        meet(range(x.start, true), range(y.start, true)),
        meet(range(x.end, false), range(y.end, false)),
    ) {
        (Some(s), Some(e)) => s.0 <= e.1,
        _ => false,
    }
}

impl DisagreementQuery<'_> {
    /// Only the relations `filter` admits.
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// Also lists dates that differ but are compatible (default: only real disagreements).
    pub fn compatible(mut self, yes: bool) -> Self {
        self.compatible = yes;
        self
    }

    /// The disagreements, by subject, predicate and object (ids), dates before quantities.
    ///
    /// # Complexity
    /// O(E log E + C²) for C claims of one fact.
    pub fn run(&self) -> Vec<Disagreement> {
        let graph = self.graph;
        let g = graph.petgraph();
        // Group relations by fact; a symmetric fact is the same whichever end is the subject.
        let mut facts: BTreeMap<(&Id, &Id, &Id), Vec<EdgeIndex>> = BTreeMap::new();
        for edge in g.edge_indices() {
            if self.filter.admits_edge(graph, edge).is_none() {
                continue;
            }
            let r = &g[edge];
            let (s, o) = if graph.predicate_of(r).symmetric && r.object < r.subject {
                (&r.object, &r.subject)
            } else {
                (&r.subject, &r.object)
            };
            facts.entry((s, &r.predicate, o)).or_default().push(edge);
        }
        let mut out = Vec::new();
        for ((s, p, o), edges) in facts {
            let (Some(subject), Some(object)) = (graph.node(s.as_str()), graph.node(o.as_str())) else {
                continue;
            };
            if let Some(d) = self.dates(subject, p, object, &edges) {
                out.push(d);
            }
            if let Some(d) = quantities(graph, subject, p, object, &edges) {
                out.push(d);
            }
        }
        out
    }

    fn dates(
        &self,
        subject: NodeIndex,
        predicate: &Id,
        object: NodeIndex,
        edges: &[EdgeIndex],
    ) -> Option<Disagreement> {
        let graph = self.graph;
        let mut dated: Vec<(EdgeIndex, Edtf)> = edges
            .iter()
            .filter_map(|&e| graph.relation_at(e).date.map(|d| (e, d)))
            .collect();
        if dated.len() < 2 {
            return None;
        }
        dated.sort_by_key(|(e, d)| (super::timeline::chronological(d), *e));
        let all_compatible = dated.iter().enumerate().all(|(i, (a, _))| {
            dated[i + 1..]
                .iter()
                .all(|(b, _)| compatible(graph.relation_at(*a), graph.relation_at(*b), graph))
        });
        if all_compatible && !self.compatible {
            return None;
        }
        let versions = dated
            .iter()
            .map(|(edge, date)| Version {
                value: date.to_string(),
                statements: (0..graph.relation_at(*edge).evidence.len())
                    .map(|i| Statement {
                        edge: *edge,
                        evidence: i,
                        stated: date.human(),
                    })
                    .collect(),
            })
            .collect();
        Some(Disagreement {
            subject,
            predicate: predicate.clone(),
            object,
            about: Disputed::Dates {
                compatible: all_compatible,
            },
            versions,
        })
    }
}

fn quantities(
    graph: &Graph,
    subject: NodeIndex,
    predicate: &Id,
    object: NodeIndex,
    edges: &[EdgeIndex],
) -> Option<Disagreement> {
    // Every claim whose note states quantities.
    let mut claims: Vec<(EdgeIndex, usize, Vec<Quantity>)> = Vec::new();
    for &edge in edges {
        for (i, ev) in graph.relation_at(edge).evidence.iter().enumerate() {
            let found = ev.note.as_deref().map(Quantity::find).unwrap_or_default();
            if !found.is_empty() {
                claims.push((edge, i, found));
            }
        }
    }
    let shares = |a: &[Quantity], b: &[Quantity]| a.iter().any(|x| b.iter().any(|y| x.value == y.value));
    let disputed = claims
        .iter()
        .enumerate()
        .any(|(i, a)| claims[i + 1..].iter().any(|b| !shares(&a.2, &b.2)));
    if !disputed {
        return None;
    }
    // One version per value, largest first; a claim appears under each value it states.
    let mut values: Vec<f64> = claims.iter().flat_map(|c| c.2.iter().map(|q| q.value)).collect();
    values.sort_by(|a, b| b.total_cmp(a));
    values.dedup();
    let source = |s: &Statement| &graph.relation_at(s.edge).evidence[s.evidence].source;
    let versions = values
        .into_iter()
        .map(|v| {
            let mut statements: Vec<Statement> = claims
                .iter()
                .flat_map(|(edge, i, qs)| {
                    qs.iter().filter(move |q| q.value == v).map(move |q| Statement {
                        edge: *edge,
                        evidence: *i,
                        stated: q.text.clone(),
                    })
                })
                .collect();
            statements.sort_by(|a, b| source(a).cmp(source(b)).then(a.edge.cmp(&b.edge)));
            Version {
                value: format_value(v),
                statements,
            }
        })
        .collect();
    Some(Disagreement {
        subject,
        predicate: predicate.clone(),
        object,
        about: Disputed::Quantities,
        versions,
    })
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A disagreement, for `--json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DisagreementReport<'g> {
    /// The subject.
    pub subject: EntityRef<'g>,
    /// The predicate id.
    pub predicate: &'g Id,
    /// The predicate's label.
    pub label: &'g str,
    /// The object.
    pub object: EntityRef<'g>,
    /// `{"kind": "dates", "compatible": false}` or `{"kind": "quantities"}`.
    pub about: Disputed,
    /// The versions.
    pub versions: Vec<VersionReport<'g>>,
}

/// A version of a disputed fact, for `--json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct VersionReport<'g> {
    /// The value given: an EDTF date or a number.
    pub value: &'g str,
    /// The claims that give it.
    pub claims: Vec<StatementReport<'g>>,
}

/// One claim of a version, for `--json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatementReport<'g> {
    /// The relation it supports.
    pub relation: RelationId,
    /// The relation's date in EDTF, if any.
    pub date: Option<String>,
    /// What it says on the disputed point.
    pub stated: &'g str,
    /// The source, quote and note.
    #[serde(flatten)]
    pub evidence: &'g Evidence,
}

impl Disagreement {
    /// The disagreement as a report, for `--json`.
    pub fn report<'g>(&'g self, graph: &'g Graph) -> Option<DisagreementReport<'g>> {
        let predicate = graph.predicate(self.predicate.as_str())?;
        Some(DisagreementReport {
            subject: graph.entity_at(self.subject).into(),
            predicate: &predicate.id,
            label: &predicate.label,
            object: graph.entity_at(self.object).into(),
            about: self.about,
            versions: self
                .versions
                .iter()
                .map(|v| VersionReport {
                    value: &v.value,
                    claims: v
                        .statements
                        .iter()
                        .filter_map(|s| {
                            let r = graph.relation_at(s.edge);
                            Some(StatementReport {
                                relation: r.id,
                                date: r.date.map(|d| d.to_string()),
                                stated: &s.stated,
                                evidence: r.evidence.get(s.evidence)?,
                            })
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    /// The disagreement as text: the fact, then one claim a line — what it states, its source
    /// and the start of its quote.
    pub fn display<'a>(&'a self, graph: &'a Graph) -> DisagreementDisplay<'a> {
        DisagreementDisplay { graph, d: self }
    }
}

/// A disagreement as text; made by [`Disagreement::display`].
#[derive(Debug, Clone, Copy)]
pub struct DisagreementDisplay<'a> {
    graph: &'a Graph,
    d: &'a Disagreement,
}

/// Quotes in text output are cut to this many characters.
const QUOTE_CHARS: usize = 80;

impl fmt::Display for DisagreementDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (graph, d) = (self.graph, self.d);
        let label = graph
            .predicate(d.predicate.as_str())
            .map_or(d.predicate.as_str(), |p| p.label.as_str());
        let what = match d.about {
            Disputed::Dates { compatible: false } => "the dates disagree",
            Disputed::Dates { compatible: true } => "the dates differ but are compatible",
            Disputed::Quantities => "the quantities in the notes disagree",
        };
        writeln!(
            f,
            "{} —{label}→ {}: {what}",
            graph.entity_at(d.subject).label,
            graph.entity_at(d.object).label
        )?;
        let statements: Vec<&Statement> = d.versions.iter().flat_map(|v| &v.statements).collect();
        let width = statements.iter().map(|s| s.stated.chars().count()).max().unwrap_or(0);
        for s in statements {
            let r = graph.relation_at(s.edge);
            let Some(ev) = r.evidence.get(s.evidence) else {
                continue;
            };
            let mut quote: String = ev.quote.chars().take(QUOTE_CHARS).collect();
            if ev.quote.chars().count() > QUOTE_CHARS {
                quote.push('…');
            }
            write!(f, "  {:<width$}  [{}]", s.stated, ev.source)?;
            if d.about == Disputed::Quantities {
                if let Some(date) = r.date {
                    write!(f, " ({})", date.human())?;
                }
            }
            writeln!(f, " \"{quote}\"")?;
        }
        Ok(())
    }
}

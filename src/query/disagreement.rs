//! Disagreements: claims about one statement whose dates, figures or polarity cannot all be
//! true, source by source.
//!
//! Claims are compared only when they speak to the same statement: the statement named in their
//! `statement` column, or else the fact of their subject, predicate and object (a negative
//! predicate such as `not_concluded` counting as the predicate it negates). Two claims that
//! merely share a subject, predicate and object but name different statements (the 1995
//! partnership agreement and the 2009 Eastern Partnership) are two facts, never a dispute.

use std::fmt;

use crate::model::handle::{EdgeId, NodeId};

use super::filter::Filter;
use super::quantity::Quantity;
use super::report::EntityRef;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::relation::{Evidence, RelationId};
use crate::model::statement::{claims_by_statement, polarity_differs, positive_dates, ClaimRef as Claim, StatementKey};

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
    /// Some claims say it happened (or holds), others that it did not: a predicate and the one
    /// that negates it (`concluded`, `not_concluded`).
    Polarity,
}

/// Whose claims disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Claims from two or more sources.
    BetweenSources,
    /// Every claim is from one source (two passages of it, or two documents it quotes).
    WithinOneSource,
}

impl Scope {
    /// `between sources` or `within one source`.
    pub fn describe(self) -> &'static str {
        match self {
            Scope::BetweenSources => "between sources",
            Scope::WithinOneSource => "within one source",
        }
    }
}

/// One claim in a disagreement: a piece of evidence of a relation, and what it states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The relation the claim supports.
    pub edge: EdgeId,
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
    /// The statement the claims speak to, when the curators named one (`None`: the fact of
    /// subject, predicate and object).
    pub statement: Option<Id>,
    /// The subject (of the first claim that states it positively).
    pub subject: NodeId,
    /// The predicate (the positive one, for a polarity disagreement).
    pub predicate: Id,
    /// The object.
    pub object: NodeId,
    /// What is in dispute.
    pub about: Disputed,
    /// Between sources, or within one source.
    pub scope: Scope,
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
        let g = graph;
        let groups = claims_by_statement(graph, |edge| self.filter.admits_edge(graph, edge).is_some());
        let mut out = Vec::new();
        for (key, claims) in groups {
            let statement = match key {
                StatementKey::Named(k) => Some(k.clone()),
                StatementKey::Fact(..) => None,
            };
            // The fact as the first positive claim states it.
            let Some(first) = claims.iter().find(|c| !c.negative).or(claims.first()) else {
                continue;
            };
            let r = graph.relation_at(first.edge);
            let predicate = graph.predicate_of(r);
            let positive = predicate.negates.clone().unwrap_or_else(|| predicate.id.clone());
            let (Some((subject, object)), true) = (g.endpoints(first.edge), true) else {
                continue;
            };
            let make = |about: Disputed, versions: Vec<Version>| Disagreement {
                statement: statement.clone(),
                subject,
                predicate: positive.clone(),
                object,
                about,
                scope: scope(graph, &versions),
                versions,
            };
            if let Some(versions) = polarity(graph, &claims) {
                out.push(make(Disputed::Polarity, versions));
            }
            if let Some((compatible, versions)) = self.dates(&claims) {
                out.push(make(Disputed::Dates { compatible }, versions));
            }
            if let Some(versions) = quantities(graph, &claims) {
                out.push(make(Disputed::Quantities, versions));
            }
        }
        out
    }

    /// The dates of the positive claims, if they differ (and are incompatible, unless
    /// compatible ones were asked for): whether they are compatible, and one version per date.
    fn dates(&self, claims: &[Claim]) -> Option<(bool, Vec<Version>)> {
        let graph = self.graph;
        let (dated, all_compatible) = positive_dates(graph, claims);
        if dated.len() < 2 {
            return None;
        }
        if all_compatible && !self.compatible {
            return None;
        }
        let versions = dated
            .iter()
            .map(|(_, date)| Version {
                value: date.to_string(),
                statements: claims
                    .iter()
                    .filter(|c| !c.negative && graph.relation_at(c.edge).date.as_ref() == Some(date))
                    .map(|c| Statement {
                        edge: c.edge,
                        evidence: c.evidence,
                        stated: date.human(),
                    })
                    .collect(),
            })
            .collect();
        Some((all_compatible, versions))
    }
}

/// Between sources when the claims of the versions come from more than one source. (Then two
/// of them from different sources are in different versions: the versions are not empty.)
fn scope(graph: &Graph, versions: &[Version]) -> Scope {
    let mut sources = versions
        .iter()
        .flat_map(|v| &v.statements)
        .filter_map(|s| graph.relation_at(s.edge).evidence.get(s.evidence).map(|e| &e.source));
    match sources.next() {
        Some(first) if sources.any(|s| s != first) => Scope::BetweenSources,
        _ => Scope::WithinOneSource,
    }
}

/// Claims that it happened and claims that it did not: two versions, `happened` first.
fn polarity(graph: &Graph, claims: &[Claim]) -> Option<Vec<Version>> {
    if !polarity_differs(claims) {
        return None;
    }
    let version = |negative: bool, value: &str| Version {
        value: value.to_owned(),
        statements: claims
            .iter()
            .filter(|c| c.negative == negative)
            .map(|c| {
                let r = graph.relation_at(c.edge);
                let label = &graph.predicate_of(r).label;
                Statement {
                    edge: c.edge,
                    evidence: c.evidence,
                    stated: match r.date {
                        Some(d) => format!("{label} ({})", d.human()),
                        None => label.clone(),
                    },
                }
            })
            .collect(),
    };
    Some(vec![version(false, "happened"), version(true, "did not happen")])
}

fn quantities(graph: &Graph, group: &[Claim]) -> Option<Vec<Version>> {
    // Every claim whose note states quantities.
    let mut claims: Vec<(EdgeId, usize, Vec<Quantity>)> = Vec::new();
    for c in group {
        let ev = &graph.relation_at(c.edge).evidence[c.evidence];
        let found = ev.note.as_deref().map(Quantity::find).unwrap_or_default();
        if !found.is_empty() {
            claims.push((c.edge, c.evidence, found));
        }
    }
    // Compatible figures ("more than 300,000" and "some 700,000") are agreement.
    let shares = |a: &[Quantity], b: &[Quantity]| a.iter().any(|x| b.iter().any(|y| x.could_be_the_same_as(y)));
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
    Some(versions)
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
    /// The statement the claims speak to, when the curators named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<&'g Id>,
    /// `between_sources` or `within_one_source`.
    pub scope: Scope,
    /// The subject.
    pub subject: EntityRef<'g>,
    /// The predicate id.
    pub predicate: &'g Id,
    /// The predicate's label.
    pub label: &'g str,
    /// The object.
    pub object: EntityRef<'g>,
    /// `{"kind": "dates", "compatible": false}`, `{"kind": "quantities"}` or
    /// `{"kind": "polarity"}`.
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
            statement: self.statement.as_ref(),
            scope: self.scope,
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
            Disputed::Polarity => "some claims say it happened, others that it did not",
        };
        let statement = d
            .statement
            .as_ref()
            .map(|k| format!("statement {k}: "))
            .unwrap_or_default();
        writeln!(
            f,
            "{statement}{} —{label}→ {}: {what}, {}",
            graph.entity_at(d.subject).label,
            graph.entity_at(d.object).label,
            d.scope.describe()
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

//! What changed between two versions of a graph, in the graph's own terms (`diplograph diff`).
//!
//! Two graphs are compared as loaded, not as text, so reordering rows, reformatting or moving a
//! column is no difference, and one edited date is one redated relation, not a removed and an
//! added line. The kinds of change:
//!
//! - **entities** added or removed (by id), relabelled (`label`), re-kinded (`kind`), or edited
//!   (`aliases`, `description`, `same_as`: which of them is named);
//! - **relations** added or removed (a relation is subject, predicate, object and date; a
//!   symmetric relation is the same whichever end is written first), or **redated**: the same
//!   subject, predicate and object with a date gone and another come, paired when they share a
//!   piece of evidence (the same source and quote), or when just one date went and one came;
//! - **evidence** added or removed (by source and quote) on a relation present in both, or on a
//!   redated pair; a changed note (or any other field of the claim) is an edit of the evidence;
//! - **disagreements** (as [`Graph::disagreements`] finds them) appearing or resolved: one that
//!   gained or lost a version is resolved in its old form and appears in its new;
//! - **sources** and **predicates** added, removed or edited (by id).
//!
//! An edit names the fields that changed, and `other` for a field this diff does not name (one
//! the model gained later), so that no change goes unreported: an empty diff means the two
//! graphs hold the same data, whatever the order of rows and columns in their files.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::entity::Entity;
use crate::model::graph::Graph;
use crate::model::relation::{Evidence, Relation};
use crate::query::disagreement::Disputed;

/// An entity as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct EntityRow {
    /// Its id.
    pub id: String,
    /// Its kind (`state`, `person`, …).
    pub kind: String,
    /// Its label.
    pub label: String,
}

/// A value of one thing that changed: its id, the old value and the new.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct Change {
    /// The id of what changed.
    pub id: String,
    /// The value before.
    pub old: String,
    /// The value after.
    pub new: String,
}

/// Something edited in place: its id and the names of the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct Edited {
    /// The id of what changed.
    pub id: String,
    /// The fields that differ, as the CSV columns are named.
    pub fields: Vec<&'static str>,
}

/// A relation as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct RelationRow {
    /// Subject id.
    pub subject: String,
    /// Predicate id.
    pub predicate: String,
    /// Object id.
    pub object: String,
    /// The date in EDTF; `None` if undated.
    pub date: Option<String>,
    /// The relation's stable id (`r-…`) in its graph.
    pub id: String,
    /// The sources of its evidence.
    pub sources: Vec<String>,
}

/// A relation whose date changed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct Redated {
    /// The relation before (its date is the old date).
    pub old: RelationRow,
    /// The relation after.
    pub new: RelationRow,
}

/// One piece of evidence of a relation, as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct EvidenceRow {
    /// The relation it supports (in the graph it belongs to).
    pub relation: RelationRow,
    /// The source id.
    pub source: String,
    /// The verbatim quote.
    pub quote: String,
    /// The note, if any (for an edited note: the new one).
    pub note: Option<String>,
    /// For an edited note, the old one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_note: Option<Option<String>>,
    /// For edited evidence, what changed: `note`, and `other` for any other field of the claim
    /// (a column this diff does not name).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited: Vec<&'static str>,
}

/// A disagreement between claims, as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[non_exhaustive]
pub struct DisagreementRow {
    /// Subject id.
    pub subject: String,
    /// Predicate id.
    pub predicate: String,
    /// Object id.
    pub object: String,
    /// What is in dispute: `dates` or `quantities`.
    pub about: &'static str,
    /// The values the claims give, in the disagreement's order.
    pub versions: Vec<String>,
}

/// The differences between two graphs; empty when they hold the same facts.
///
/// Every list is sorted, so a diff prints the same way each time.
///
/// ```
/// use diplograph::curate::GraphDiff;
/// use diplograph::Graph;
/// let graph = Graph::embedded()?;
/// assert!(GraphDiff::between(&graph, &graph).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct GraphDiff {
    /// Entities only in the new graph.
    pub entities_added: Vec<EntityRow>,
    /// Entities only in the old graph.
    pub entities_removed: Vec<EntityRow>,
    /// Entities whose label changed.
    pub entities_relabelled: Vec<Change>,
    /// Entities whose kind changed.
    pub entities_rekinded: Vec<Change>,
    /// Entities whose aliases, description or same_as changed.
    pub entities_edited: Vec<Edited>,
    /// Relations only in the new graph.
    pub relations_added: Vec<RelationRow>,
    /// Relations only in the old graph.
    pub relations_removed: Vec<RelationRow>,
    /// Relations whose date changed.
    pub relations_redated: Vec<Redated>,
    /// Evidence only in the new graph, on relations in both (or redated).
    pub evidence_added: Vec<EvidenceRow>,
    /// Evidence only in the old graph, on relations in both (or redated).
    pub evidence_removed: Vec<EvidenceRow>,
    /// Evidence whose note changed.
    pub evidence_edited: Vec<EvidenceRow>,
    /// Disagreements only in the new graph.
    pub disagreements_appeared: Vec<DisagreementRow>,
    /// Disagreements only in the old graph.
    pub disagreements_resolved: Vec<DisagreementRow>,
    /// Sources only in the new graph (ids).
    pub sources_added: Vec<String>,
    /// Sources only in the old graph (ids).
    pub sources_removed: Vec<String>,
    /// Sources in both whose title, publisher, url or date changed.
    pub sources_edited: Vec<Edited>,
    /// Predicates only in the new graph (ids).
    pub predicates_added: Vec<String>,
    /// Predicates only in the old graph (ids).
    pub predicates_removed: Vec<String>,
    /// Predicates in both whose definition changed.
    pub predicates_edited: Vec<Edited>,
}

impl GraphDiff {
    /// What changed from `old` to `new`.
    ///
    /// # Complexity
    /// O((N + E) log(N + E)) for N entities and E relations, plus finding the disagreements of
    /// both graphs.
    pub fn between(old: &Graph, new: &Graph) -> GraphDiff {
        let mut diff = GraphDiff::default();
        diff.entities(old, new);
        diff.relations(old, new);
        diff.disagreements(old, new);
        diff.sources_and_predicates(old, new);
        diff
    }

    /// Whether the graphs hold the same facts.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many differences there are (each line of the text form is one).
    pub fn len(&self) -> usize {
        self.entities_added.len()
            + self.entities_removed.len()
            + self.entities_relabelled.len()
            + self.entities_rekinded.len()
            + self.entities_edited.len()
            + self.relations_added.len()
            + self.relations_removed.len()
            + self.relations_redated.len()
            + self.evidence_added.len()
            + self.evidence_removed.len()
            + self.evidence_edited.len()
            + self.disagreements_appeared.len()
            + self.disagreements_resolved.len()
            + self.sources_added.len()
            + self.sources_removed.len()
            + self.sources_edited.len()
            + self.predicates_added.len()
            + self.predicates_removed.len()
            + self.predicates_edited.len()
    }

    fn entities(&mut self, old: &Graph, new: &Graph) {
        let row = |e: &Entity| EntityRow {
            id: e.id.to_string(),
            kind: e.kind.to_string(),
            label: e.label.clone(),
        };
        for e in old.entities() {
            let Some(n) = new.entity_by_id(e.id.as_str()) else {
                self.entities_removed.push(row(e));
                continue;
            };
            let change = |old: String, new: String| Change {
                id: e.id.to_string(),
                old,
                new,
            };
            if e.label != n.label {
                self.entities_relabelled.push(change(e.label.clone(), n.label.clone()));
            }
            if e.kind != n.kind {
                self.entities_rekinded
                    .push(change(e.kind.to_string(), n.kind.to_string()));
            }
            let mut fields: Vec<&'static str> = [
                ("aliases", e.aliases != n.aliases),
                ("description", e.description != n.description),
                ("same_as", e.same_as != n.same_as),
            ]
            .into_iter()
            .filter_map(|(name, differs)| differs.then_some(name))
            .collect();
            // A field this diff does not name (one added to the model later) still counts.
            if fields.is_empty() && e.label == n.label && e.kind == n.kind && e != n {
                fields.push("other");
            }
            if !fields.is_empty() {
                self.entities_edited.push(Edited {
                    id: e.id.to_string(),
                    fields,
                });
            }
        }
        self.entities_added = new
            .entities()
            .filter(|e| old.entity_by_id(e.id.as_str()).is_none())
            .map(row)
            .collect();
    }

    fn relations(&mut self, old: &Graph, new: &Graph) {
        let (before, after) = (facts(old), facts(new));
        let keys: BTreeSet<&Fact> = before.keys().chain(after.keys()).collect();
        for key in keys {
            let empty = BTreeMap::new();
            let was = before.get(key).unwrap_or(&empty);
            let is = after.get(key).unwrap_or(&empty);
            for (date, r) in was {
                if let Some(n) = is.get(date) {
                    self.evidence(r, n);
                }
            }
            let mut gone: Vec<&Relation> = was
                .iter()
                .filter(|(d, _)| !is.contains_key(*d))
                .map(|(_, r)| *r)
                .collect();
            let mut came: Vec<&Relation> = is
                .iter()
                .filter(|(d, _)| !was.contains_key(*d))
                .map(|(_, r)| *r)
                .collect();
            // A relation whose evidence moved with it to another date was redated.
            let mut pairs = Vec::new();
            gone.retain(|r| {
                let quotes: BTreeSet<_> = r.evidence.iter().map(quote_key).collect();
                match came
                    .iter()
                    .position(|n| n.evidence.iter().any(|e| quotes.contains(&quote_key(e))))
                {
                    Some(i) => {
                        pairs.push((*r, came.remove(i)));
                        false
                    }
                    None => true,
                }
            });
            // One date went and one came: the date was corrected, with its quote or not.
            if gone.len() == 1 && came.len() == 1 {
                pairs.push((gone.remove(0), came.remove(0)));
            }
            for (r, n) in pairs {
                self.relations_redated.push(Redated {
                    old: relation_row(r),
                    new: relation_row(n),
                });
                self.evidence(r, n);
            }
            self.relations_removed.extend(gone.into_iter().map(relation_row));
            self.relations_added.extend(came.into_iter().map(relation_row));
        }
        for list in [&mut self.relations_added, &mut self.relations_removed] {
            list.sort();
        }
        self.relations_redated.sort();
        for list in [
            &mut self.evidence_added,
            &mut self.evidence_removed,
            &mut self.evidence_edited,
        ] {
            list.sort();
        }
    }

    /// The evidence added, removed or edited from relation `r` to relation `n`.
    fn evidence<'a>(&mut self, r: &'a Relation, n: &'a Relation) {
        let by_quote = |rel: &'a Relation| -> BTreeMap<(String, String), &'a Evidence> {
            rel.evidence.iter().map(|e| (quote_key(e), e)).collect()
        };
        let (was, is) = (by_quote(r), by_quote(n));
        let row = |rel: &Relation, (source, quote): &(String, String), e: &Evidence| EvidenceRow {
            relation: relation_row(rel),
            source: source.clone(),
            quote: quote.clone(),
            note: e.note.clone(),
            old_note: None,
            edited: Vec::new(),
        };
        for (key, e) in &was {
            let Some(new) = is.get(key) else {
                self.evidence_removed.push(row(r, key, e));
                continue;
            };
            // The line a claim is on is no part of it: moving rows changes nothing.
            // Nor is where its quote stands in the text: `fmt --sources` writes that from the texts.
            let other = Evidence {
                line: 0,
                note: None,
                anchor: None,
                ..(*e).clone()
            } != Evidence {
                line: 0,
                note: None,
                anchor: None,
                ..(*new).clone()
            };
            let mut edited = Vec::new();
            if e.note != new.note {
                edited.push("note");
            }
            if other {
                edited.push("other");
            }
            if !edited.is_empty() {
                self.evidence_edited.push(EvidenceRow {
                    old_note: (e.note != new.note).then(|| e.note.clone()),
                    edited,
                    ..row(n, key, new)
                });
            }
        }
        for (key, e) in &is {
            if !was.contains_key(key) {
                self.evidence_added.push(row(n, key, e));
            }
        }
    }

    fn disagreements(&mut self, old: &Graph, new: &Graph) {
        let (was, is) = (disagreements(old), disagreements(new));
        self.disagreements_resolved = was.difference(&is).cloned().collect();
        self.disagreements_appeared = is.difference(&was).cloned().collect();
    }

    fn sources_and_predicates(&mut self, old: &Graph, new: &Graph) {
        for s in old.sources() {
            match new.source(s.id.as_str()) {
                None => self.sources_removed.push(s.id.to_string()),
                Some(n) => {
                    let mut fields: Vec<&'static str> = [
                        ("title", s.title != n.title),
                        ("publisher", s.publisher != n.publisher),
                        ("url", s.url != n.url),
                        ("published", s.published != n.published),
                    ]
                    .into_iter()
                    .filter_map(|(name, differs)| differs.then_some(name))
                    .collect();
                    if fields.is_empty() && s != n {
                        fields.push("other");
                    }
                    if !fields.is_empty() {
                        self.sources_edited.push(Edited {
                            id: s.id.to_string(),
                            fields,
                        });
                    }
                }
            }
        }
        self.sources_added = new
            .sources()
            .iter()
            .filter(|s| old.source(s.id.as_str()).is_none())
            .map(|s| s.id.to_string())
            .collect();
        for p in old.predicates() {
            match new.predicate(p.id.as_str()) {
                None => self.predicates_removed.push(p.id.to_string()),
                Some(n) => {
                    let mut fields: Vec<&'static str> = [
                        ("label", p.label != n.label),
                        ("inverse_label", p.inverse_label != n.inverse_label),
                        ("description", p.description != n.description),
                        ("symmetric", p.symmetric != n.symmetric),
                        ("domain", p.domain != n.domain),
                        ("range", p.range != n.range),
                        ("temporal", p.temporal != n.temporal),
                        ("same_as", p.same_as != n.same_as),
                    ]
                    .into_iter()
                    .filter_map(|(name, differs)| differs.then_some(name))
                    .collect();
                    if fields.is_empty() && p != n {
                        fields.push("other");
                    }
                    if !fields.is_empty() {
                        self.predicates_edited.push(Edited {
                            id: p.id.to_string(),
                            fields,
                        });
                    }
                }
            }
        }
        self.predicates_added = new
            .predicates()
            .iter()
            .filter(|p| old.predicate(p.id.as_str()).is_none())
            .map(|p| p.id.to_string())
            .collect();
    }
}

/// Subject, predicate and object ids; for a symmetric predicate the smaller id first.
type Fact = (String, String, String);

/// A graph's relations by fact, then by date (EDTF as written; `""` for undated).
fn facts(graph: &Graph) -> BTreeMap<Fact, BTreeMap<String, &Relation>> {
    let mut out: BTreeMap<Fact, BTreeMap<String, &Relation>> = BTreeMap::new();
    for r in graph.relations() {
        let (s, o) = if graph.predicate_of(r).symmetric && r.object < r.subject {
            (&r.object, &r.subject)
        } else {
            (&r.subject, &r.object)
        };
        let date = r.date.map(|d| d.to_string()).unwrap_or_default();
        out.entry((s.to_string(), r.predicate.to_string(), o.to_string()))
            .or_default()
            .insert(date, r);
    }
    out
}

fn quote_key(e: &Evidence) -> (String, String) {
    (e.source.to_string(), e.quote.clone())
}

fn relation_row(r: &Relation) -> RelationRow {
    RelationRow {
        subject: r.subject.to_string(),
        predicate: r.predicate.to_string(),
        object: r.object.to_string(),
        date: r.date.map(|d| d.to_string()),
        id: r.id.to_string(),
        sources: r.sources().into_iter().map(|s| s.to_string()).collect(),
    }
}

/// The disagreements of a graph, as diff rows.
fn disagreements(graph: &Graph) -> BTreeSet<DisagreementRow> {
    graph
        .disagreements()
        .run()
        .into_iter()
        .map(|d| DisagreementRow {
            subject: graph.entity_at(d.subject).id.to_string(),
            predicate: d.predicate.to_string(),
            object: graph.entity_at(d.object).id.to_string(),
            about: match d.about {
                Disputed::Dates { .. } => "dates",
                Disputed::Quantities => "quantities",
                Disputed::Polarity => "polarity",
            },
            versions: d.versions.into_iter().map(|v| v.value).collect(),
        })
        .collect()
}

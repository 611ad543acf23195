//! The loaded graph: entities as nodes, relations as edges, with indexes by id and name.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::model::csr::Csr;
use crate::model::edtf::Day;
use crate::model::entity::Entity;
use crate::model::handle::{EdgeId, NodeId};
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::Predicate;
use crate::model::problem::Problems;
use crate::model::relation::Relation;
use crate::model::relation_table::{RelationBlocks, RelationTable};
use crate::model::source::Source;
use crate::model::view::NamedView;
use crate::text::fold::{fold, folds_to};
use crate::text::suggest::nearest;

/// The knowledge graph: entities (nodes) and dated, sourced relations (edges).
///
/// Nodes are in id order and edges in (subject, predicate, object, date) order, whatever the
/// order of the input rows, so everything derived from a graph is deterministic. Nothing is ever
/// removed, so indices stay valid.
///
/// ```
/// use diplograph::Graph;
/// let graph = Graph::embedded().unwrap();
/// let belarus = graph.entity("Republic of Belarus").unwrap();
/// assert_eq!(belarus.id.as_str(), "belarus");
/// ```
#[derive(Clone)]
pub struct Graph {
    sources: Vec<Source>,
    predicates: Vec<Predicate>,
    /// The entities as nodes; edge `i` is relation `i` of `relations`.
    graph: DiGraph<Entity, ()>,
    relations: RelationTable,
    by_id: HashMap<Id, NodeIndex>,
    predicate_index: HashMap<Id, usize>,
    source_index: HashMap<Id, usize>,
    /// Every folded id, label and alias and the entities it names, built on the first lookup by
    /// name: a query between two ids (or an export) never needs it, and at a million claims it is
    /// a fold and a hash insert per name, 15% of opening a cached image.
    names: std::sync::OnceLock<HashMap<String, Vec<NodeIndex>>>,
    /// How many lookups by name found their entities without the names index (see
    /// [`Graph::named`]).
    name_scans: NameScans,
    claim_count: usize,
    warnings: Problems,
    views: Vec<NamedView>,
    /// The relations as a compact adjacency for the queries, built on first use.
    adjacency: std::sync::OnceLock<Csr>,
}

/// A count of lookups by name made by scanning (see [`Graph::named`]), which a clone starts from.
#[derive(Debug, Default)]
struct NameScans(std::sync::atomic::AtomicU32);

impl Clone for NameScans {
    fn clone(&self) -> Self {
        NameScans(std::sync::atomic::AtomicU32::new(
            self.0.load(std::sync::atomic::Ordering::Relaxed),
        ))
    }
}

/// After this many lookups by name that scanned every entity's names, the next builds the names
/// index instead: a scan compares in place and costs a fraction of building the index (a fold
/// and a hash insert per name), so a command that looks up two names never builds it, and a
/// program that looks up many does.
const SCANS_BEFORE_INDEX: u32 = 4;

/// The fields a graph is rebuilt from: see [`Graph::parts`].
pub(crate) struct GraphParts<'g> {
    pub sources: &'g [Source],
    pub predicates: &'g [Predicate],
    pub graph: &'g DiGraph<Entity, ()>,
    pub relations: &'g RelationTable,
    pub warnings: &'g Problems,
    pub views: &'g [NamedView],
    /// The adjacency, built if it was not: derived, but stored so that it is not rebuilt.
    pub csr: &'g Csr,
}

// By hand, without the names index and the adjacency: both are derived from the fields shown and
// built on first use, so that two equal graphs print the same whichever was queried.
impl std::fmt::Debug for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Graph")
            .field("sources", &self.sources)
            .field("predicates", &self.predicates)
            .field("graph", &self.graph)
            .field("relations", &self.relations)
            .field("by_id", &self.by_id)
            .field("predicate_index", &self.predicate_index)
            .field("source_index", &self.source_index)
            .field("claim_count", &self.claim_count)
            .field("warnings", &self.warnings)
            .field("views", &self.views)
            .finish_non_exhaustive()
    }
}

/// Why a name did not resolve to one entity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// No entity has this id, label or alias.
    #[error("no entity is named '{name}'{}", suggestions(.candidates))]
    Unknown {
        /// The name asked for.
        name: String,
        /// Entities with similar names: (id, label).
        candidates: Vec<(String, String)>,
    },
    /// Several entities share this label or alias.
    #[error("'{name}' is ambiguous{}", suggestions(.candidates))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The entities it names: (id, label).
        candidates: Vec<(String, String)>,
    },
}

fn suggestions(candidates: &[(String, String)]) -> String {
    if candidates.is_empty() {
        return String::new();
    }
    let list: Vec<String> = candidates.iter().map(|(id, label)| format!("{id} ({label})")).collect();
    format!("; did you mean: {}?", list.join(", "))
}

/// One relation seen from one of its ends.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Incident<'g> {
    /// The relation's handle.
    pub edge: EdgeId,
    /// The handle of the entity at the other end.
    pub node: NodeId,
    /// The relation.
    pub relation: &'g Relation,
    /// Its predicate.
    pub predicate: &'g Predicate,
    /// The entity at the other end.
    pub other: &'g Entity,
    /// True when the entity we started from is the subject.
    pub outgoing: bool,
}

/// Counts that describe a graph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Number of entities.
    pub entities: usize,
    /// Entities by kind, in kind order (kinds with none are listed with 0).
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    /// Number of relations (merged claims).
    pub relations: usize,
    /// Number of claims (rows of relations.csv).
    pub claims: usize,
    /// Number of sources.
    pub sources: usize,
    /// Relations by predicate id.
    pub relations_by_predicate: BTreeMap<String, usize>,
    /// Claims by source id.
    pub claims_by_source: BTreeMap<String, usize>,
    /// Relations with a date.
    pub dated_relations: usize,
    /// Relations supported by more than one claim.
    pub corroborated_relations: usize,
    /// The earliest day any date reaches, if any relation is dated.
    pub earliest: Option<String>,
    /// The latest day any date reaches (open ends excluded).
    pub latest: Option<String>,
}

impl Graph {
    /// A graph of these sources, predicates and entities, each sorted by id, without relations
    /// yet: the loader adds them with [`Graph::add_relation`] once they are validated.
    pub(crate) fn with_entities(
        mut sources: Vec<Source>,
        mut predicates: Vec<Predicate>,
        mut entities: Vec<Entity>,
        relations: usize,
        warnings: Problems,
    ) -> Graph {
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        predicates.sort_by(|a, b| a.id.cmp(&b.id));
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        let predicate_index: HashMap<Id, usize> =
            predicates.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let source_index = sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let mut graph = DiGraph::with_capacity(entities.len(), relations);
        let mut by_id = HashMap::with_capacity_and_hasher(entities.len(), Default::default());
        for entity in entities {
            let id = entity.id.clone();
            let node = graph.add_node(entity);
            by_id.insert(id, node);
        }
        Graph {
            sources,
            predicates,
            graph,
            relations: RelationTable::Held(Vec::with_capacity(relations)),
            by_id,
            predicate_index,
            source_index,
            names: std::sync::OnceLock::new(),
            name_scans: NameScans::default(),
            claim_count: 0,
            warnings,
            views: Vec::new(),
            adjacency: std::sync::OnceLock::new(),
        }
    }

    /// What a graph is made of, for the binary image (`load::image`): the rest of its fields are
    /// derived from these by [`Graph::with_entities`] and [`Graph::add_relation`]. Destructured,
    /// so that a new field of the graph is a compile error here until the image carries it.
    pub(crate) fn parts(&self) -> GraphParts<'_> {
        let Graph {
            sources,
            predicates,
            graph,
            relations,
            by_id: _,
            predicate_index: _,
            source_index: _,
            names: _,
            name_scans: _,
            claim_count: _,
            warnings,
            views,
            adjacency: _,
        } = self;
        GraphParts {
            sources,
            predicates,
            graph,
            relations,
            warnings,
            views,
            csr: self.csr(),
        }
    }

    /// The index of the first incoming edge of the node at `index`, if any: the load of the
    /// cached image reads these ahead of linking new relations, so the scattered reads overlap.
    pub(crate) fn first_incoming(&self, index: usize) -> Option<usize> {
        self.graph
            .first_edge(NodeIndex::new(index), petgraph::Direction::Incoming)
            .map(|e| e.index())
    }

    /// The node of the entity of rank `rank` (its id's place among the entities' ids in order,
    /// which is its node's index: the entities were added in id order) if its id is `id`,
    /// else the node of `id` looked up by name: a rank computed elsewhere is checked, not trusted.
    pub(crate) fn node_of_rank(&self, rank: u32, id: &Id) -> Option<NodeIndex> {
        let node = NodeIndex::new(rank as usize);
        match self.graph.node_weight(node) {
            Some(entity) if entity.id == *id => Some(node),
            _ => self.by_id.get(id).copied(),
        }
    }

    /// Adds a relation between the entities of rank `subject` and `object` (see
    /// [`Graph::node_of_rank`]); its claims count towards [`Graph::claim_count`]. Relations must be
    /// added in relation order.
    pub(crate) fn add_relation(&mut self, subject: usize, object: usize, relation: Relation) {
        self.claim_count += relation.evidence.len();
        self.graph.add_edge(NodeIndex::new(subject), NodeIndex::new(object), ());
        self.relations.push(relation);
    }

    /// Adds the edge of a relation held elsewhere (see [`Graph::set_encoded_relations`]), between
    /// the entities of rank `subject` and `object`.
    pub(crate) fn add_encoded_relation(&mut self, subject: usize, object: usize) {
        self.graph.add_edge(NodeIndex::new(subject), NodeIndex::new(object), ());
    }

    /// Sets the relations of the edges [`Graph::add_encoded_relation`] added (of a graph that
    /// has no other), with `claims` claims in all: they are decoded from `blocks` when first asked
    /// for.
    pub(crate) fn set_encoded_relations(&mut self, blocks: std::sync::Arc<dyn RelationBlocks>, claims: usize) {
        assert_eq!(self.relations.len(), 0, "a graph with held relations");
        self.claim_count += claims;
        self.relations = RelationTable::encoded(blocks, self.graph.edge_count());
    }

    /// The part of the graph made of the nodes and edges kept by the two predicates (an edge is
    /// kept only with both its ends). Sources and predicates are kept whole.
    pub fn restrict(&self, keep_node: impl Fn(NodeId) -> bool, keep_edge: impl Fn(EdgeId) -> bool) -> Graph {
        let mut graph = DiGraph::new();
        let mut map = HashMap::default();
        for n in self.graph.node_indices().filter(|&n| keep_node(NodeId::of(n))) {
            map.insert(n, graph.add_node(self.graph[n].clone()));
        }
        let mut claim_count = 0;
        let mut relations = Vec::new();
        for e in self.graph.edge_indices().filter(|&e| keep_edge(EdgeId::of(e))) {
            let Some((a, b)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (map.get(&a), map.get(&b)) {
                let relation = self.relations.get(e.index());
                claim_count += relation.evidence.len();
                graph.add_edge(a, b, ());
                relations.push(relation.clone());
            }
        }
        let by_id: HashMap<Id, NodeIndex> = graph.node_indices().map(|n| (graph[n].id.clone(), n)).collect();
        Graph {
            sources: self.sources.clone(),
            predicates: self.predicates.clone(),
            graph,
            relations: RelationTable::Held(relations),
            by_id,
            predicate_index: self.predicate_index.clone(),
            source_index: self.source_index.clone(),
            // Rebuilt from the kept entities when asked for: the same keys, each with its kept
            // nodes in the same order (nodes are kept in index order).
            names: std::sync::OnceLock::new(),
            name_scans: NameScans::default(),
            claim_count,
            warnings: Problems::default(),
            views: self.views.clone(),
            adjacency: std::sync::OnceLock::new(),
        }
    }

    /// The names index (see the field), built on first use.
    fn names(&self) -> &HashMap<String, Vec<NodeIndex>> {
        self.names.get_or_init(|| {
            // About one key per name and one for the id (folding may merge some): sized once.
            let keys: usize = self.graph.node_weights().map(|e| e.aliases.len() + 2).sum();
            let mut names: HashMap<String, Vec<NodeIndex>> =
                HashMap::with_capacity_and_hasher(keys, Default::default());
            for node in self.graph.node_indices() {
                let entity = &self.graph[node];
                let mut keys: Vec<String> = entity
                    .names()
                    .map(fold)
                    .chain(std::iter::once(fold(entity.id.as_str())))
                    .collect();
                keys.sort();
                keys.dedup();
                for key in keys {
                    names.entry(key).or_default().push(node);
                }
            }
            names
        })
    }

    /// The entities one of whose names (id, label, alias) folds to `key`, in node order: from the
    /// names index when it is built, else by comparing every entity's names in place (see
    /// [`SCANS_BEFORE_INDEX`]). The same list either way.
    fn named(&self, key: &str) -> std::borrow::Cow<'_, [NodeIndex]> {
        use std::sync::atomic::Ordering;
        if self.names.get().is_none() && self.name_scans.0.fetch_add(1, Ordering::Relaxed) < SCANS_BEFORE_INDEX {
            let found: Vec<NodeIndex> = self
                .graph
                .node_indices()
                .filter(|&n| {
                    let entity = &self.graph[n];
                    entity.names().any(|name| folds_to(name, key)) || folds_to(entity.id.as_str(), key)
                })
                .collect();
            return std::borrow::Cow::Owned(found);
        }
        std::borrow::Cow::Borrowed(self.names().get(key).map_or(&[], Vec::as_slice))
    }

    /// The relations as a compact adjacency, built on the first query that needs it.
    pub(crate) fn csr(&self) -> &Csr {
        self.adjacency.get_or_init(|| {
            Csr::new(&self.graph, |i| {
                let relation = self.relations.get(i);
                (relation, self.predicate_of(relation).symmetric)
            })
        })
    }

    /// Warnings found while loading (the load succeeded).
    pub fn warnings(&self) -> &Problems {
        &self.warnings
    }

    /// All entities, in id order.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> + '_ {
        self.graph.node_weights()
    }

    /// All relations, in (subject, predicate, object, date) order.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> + '_ {
        (0..self.relations.len()).map(|i| self.relations.get(i))
    }

    /// Decodes every relation of a graph opened from a binary image on `threads` threads, ahead
    /// of a reader of them all (an export); relations are otherwise decoded a block at a time as
    /// they are first read, on the reading thread. Nothing to do for a loaded graph.
    pub(crate) fn decode_relations(&self, threads: usize) {
        self.relations.decode_all(threads);
    }

    /// All predicates, in id order.
    pub fn predicates(&self) -> &[Predicate] {
        &self.predicates
    }

    /// All sources, in id order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The entity with this id.
    pub fn entity_by_id(&self, id: &str) -> Option<&Entity> {
        self.node(id).map(|n| &self[n])
    }

    /// The named views of the graph's `views.csv`, in file-name order (none without the file).
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// assert!(graph.views().iter().any(|v| v.name == "belarus-nato"));
    /// # Ok::<(), diplograph::LoadError>(())
    /// ```
    pub fn views(&self) -> &[NamedView] {
        &self.views
    }

    /// The adjacency of the binary image (checked there to fit this graph's nodes and relations),
    /// in place of building it again.
    pub(crate) fn set_csr(&mut self, csr: Csr) {
        self.adjacency = std::sync::OnceLock::from(csr);
    }

    /// The load's warnings, for a graph made before they are known (the binary image).
    pub(crate) fn set_warnings(&mut self, warnings: Problems) {
        self.warnings = warnings;
    }

    /// Sets the named views, sorted by name.
    pub(crate) fn set_views(&mut self, mut views: Vec<NamedView>) {
        views.sort_by(|a, b| a.name.cmp(&b.name));
        self.views = views;
    }

    /// The handle of the entity with this id (ids only: [`Graph::node_named`] resolves any
    /// name).
    pub fn node(&self, id: &str) -> Option<NodeId> {
        self.by_id.get(id).copied().map(NodeId::of)
    }

    /// The handle of the entity a name names, resolved like [`Graph::entity`]: what the queries
    /// ([`Graph::paths`], [`Graph::neighbours`], timelines) start from.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let nato = graph.node_named("North Atlantic Treaty Organization")?;
    /// assert_eq!(graph[nato].id.as_str(), "nato");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn node_named(&self, name: &str) -> Result<NodeId, ResolveError> {
        let entity = self.entity(name)?;
        Ok(NodeId::of(self.by_id[&entity.id]))
    }

    /// The entity of a handle (also `graph[node]`).
    pub fn entity_at(&self, node: NodeId) -> &Entity {
        &self.graph[node.ix()]
    }

    /// The relation of a handle (also `graph[edge]`).
    pub fn relation_at(&self, edge: EdgeId) -> &Relation {
        self.relations.get(edge.index())
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The handles of all entities, in id order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.graph.node_indices().map(NodeId::of)
    }

    /// The handles of all relations, in relation order.
    pub fn edge_ids(&self) -> impl Iterator<Item = EdgeId> + '_ {
        self.graph.edge_indices().map(EdgeId::of)
    }

    /// A relation's subject and object, or `None` for a handle this graph does not have.
    pub fn endpoints(&self, edge: EdgeId) -> Option<(NodeId, NodeId)> {
        self.graph
            .edge_endpoints(edge.ix())
            .map(|(s, o)| (NodeId::of(s), NodeId::of(o)))
    }

    /// A relation from `subject` to `object`, if there is one (the last added of several).
    pub fn edge_between(&self, subject: NodeId, object: NodeId) -> Option<EdgeId> {
        self.graph.find_edge(subject.ix(), object.ix()).map(EdgeId::of)
    }

    /// The relations of an entity as (relation, entity at the other end, true when outgoing):
    /// the outgoing ones, then the incoming ones, each most recently added first (the storage's
    /// order; [`Graph::incidents`] gives them in relation order).
    pub fn edges_at(&self, node: NodeId) -> impl Iterator<Item = (EdgeId, NodeId, bool)> + '_ {
        let out = self
            .graph
            .edges_directed(node.ix(), Direction::Outgoing)
            .map(|e| (EdgeId::of(e.id()), NodeId::of(e.target()), true));
        let inc = self
            .graph
            .edges_directed(node.ix(), Direction::Incoming)
            .map(|e| (EdgeId::of(e.id()), NodeId::of(e.source()), false));
        out.chain(inc)
    }

    /// Number of relations of an entity, outgoing and incoming.
    pub fn degree(&self, node: NodeId) -> usize {
        self.edges_at(node).count()
    }

    /// The predicate with this id.
    pub fn predicate(&self, id: &str) -> Option<&Predicate> {
        self.predicate_index.get(id).map(|&i| &self.predicates[i])
    }

    /// The predicate of a relation (every loaded relation has one).
    pub fn predicate_of(&self, relation: &Relation) -> &Predicate {
        &self.predicates[self.predicate_index[&relation.predicate]]
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// Number of claims (rows of relations.csv) behind the relations.
    pub fn claim_count(&self) -> usize {
        self.claim_count
    }

    /// Every relation of an entity, outgoing and incoming, in relation order.
    pub fn incidents(&self, node: NodeId) -> Vec<Incident<'_>> {
        let mut out: Vec<(EdgeIndex, Incident<'_>)> = Vec::new();
        for (dir, outgoing) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
            for e in self.graph.edges_directed(node.ix(), dir) {
                let other = if outgoing { e.target() } else { e.source() };
                let relation = self.relations.get(e.id().index());
                out.push((
                    e.id(),
                    Incident {
                        edge: EdgeId::of(e.id()),
                        node: NodeId::of(other),
                        relation,
                        predicate: self.predicate_of(relation),
                        other: &self.graph[other],
                        outgoing,
                    },
                ));
            }
        }
        out.sort_by_key(|(e, _)| *e);
        out.into_iter().map(|(_, i)| i).collect()
    }

    /// The entity a name names — an id, a label or an alias, case- and accent-insensitive — or
    /// why it names none or several (with candidates). [`Graph::entity_by_id`] looks up an id
    /// only.
    ///
    /// ```
    /// use diplograph::{Graph, ResolveError};
    /// let graph = Graph::embedded().unwrap();
    /// assert_eq!(graph.entity("north atlantic treaty organization").unwrap().id.as_str(), "nato");
    /// assert!(matches!(graph.entity("Atlantis"), Err(ResolveError::Unknown { .. })));
    /// ```
    pub fn entity(&self, name: &str) -> Result<&Entity, ResolveError> {
        if let Some(e) = self.entity_by_id(name.trim()) {
            return Ok(e);
        }
        let key = fold(name);
        match &*self.named(&key) {
            [one] => Ok(&self.graph[*one]),
            many @ [_, _, ..] => Err(ResolveError::Ambiguous {
                name: name.to_owned(),
                candidates: many
                    .iter()
                    .map(|&n| (self.graph[n].id.to_string(), self.graph[n].label.clone()))
                    .collect(),
            }),
            [] => {
                let mut candidates: Vec<NodeIndex> = self
                    .find(name)
                    .iter()
                    .filter_map(|e| self.by_id.get(&e.id).copied())
                    .collect();
                if candidates.is_empty() {
                    let names = self.names();
                    let near = nearest(&key, names.keys().map(String::as_str));
                    candidates = near.iter().flat_map(|k| names[*k].iter().copied()).collect();
                }
                candidates.sort();
                candidates.dedup();
                candidates.truncate(8);
                Err(ResolveError::Unknown {
                    name: name.to_owned(),
                    candidates: candidates
                        .iter()
                        .map(|&n| (self.graph[n].id.to_string(), self.graph[n].label.clone()))
                        .collect(),
                })
            }
        }
    }

    /// Entities whose id, label or an alias contains `text`, case- and accent-insensitive,
    /// exact matches first, then in id order.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded().unwrap();
    /// assert!(graph.find("atlantic").iter().any(|e| e.id.as_str() == "nato"));
    /// ```
    pub fn find(&self, text: &str) -> Vec<&Entity> {
        let key = fold(text);
        if key.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, NodeIndex)> = self
            .names()
            .iter()
            .filter(|(name, _)| name.contains(&key))
            .flat_map(|(name, nodes)| nodes.iter().map(|&n| (*name != key, n)))
            .collect();
        hits.sort();
        let mut seen = std::collections::HashSet::new();
        hits.into_iter()
            .filter(|(_, n)| seen.insert(*n))
            .map(|(_, n)| &self.graph[n])
            .collect()
    }

    /// Counts by kind, predicate and source, the share of dated relations, the date range.
    pub fn stats(&self) -> Stats {
        let mut entities_by_kind: BTreeMap<EntityKind, usize> = EntityKind::ALL.iter().map(|&k| (k, 0)).collect();
        for e in self.entities() {
            *entities_by_kind.entry(e.kind).or_default() += 1;
        }
        // Counted by the place of the id among the graph's predicates or sources (found by a hash
        // lookup) rather than in a map keyed by text; an id outside them, by its text.
        let mut by_predicate = Tally::new(&self.predicate_index);
        let mut by_source = Tally::new(&self.source_index);
        let (mut dated, mut corroborated) = (0, 0);
        let (mut earliest, mut latest): (Option<Day>, Option<Day>) = (None, None);
        for r in self.relations() {
            by_predicate.add(&r.predicate);
            for ev in &r.evidence {
                by_source.add(&ev.source);
            }
            // The evidence is sorted by source: more than one source shows at a change of source.
            if r.evidence.windows(2).any(|w| w[0].source != w[1].source) {
                corroborated += 1;
            }
            if let Some(d) = &r.date {
                dated += 1;
                for day in [d.earliest(), d.latest()].into_iter().flatten() {
                    earliest = Some(earliest.map_or(day, |e| e.min(day)));
                    latest = Some(latest.map_or(day, |l| l.max(day)));
                }
            }
        }
        let relations_by_predicate = by_predicate.into_map(self.predicates.iter().map(|p| &p.id));
        let claims_by_source = by_source.into_map(self.sources.iter().map(|s| &s.id));
        Stats {
            entities: self.graph.node_count(),
            entities_by_kind,
            relations: self.graph.edge_count(),
            claims: self.claim_count,
            sources: self.sources.len(),
            relations_by_predicate,
            claims_by_source,
            dated_relations: dated,
            corroborated_relations: corroborated,
            earliest: earliest.map(|d| d.to_string()),
            latest: latest.map(|d| d.to_string()),
        }
    }
}

/// Counts of ids for [`Graph::stats`], kept by each id's place in a list (`index`: id to place);
/// ids not in the list are counted by their text.
struct Tally<'a> {
    index: &'a HashMap<Id, usize>,
    counts: Vec<usize>,
    others: BTreeMap<String, usize>,
}

impl<'a> Tally<'a> {
    fn new(index: &'a HashMap<Id, usize>) -> Self {
        Tally {
            index,
            counts: vec![0; index.len()],
            others: BTreeMap::new(),
        }
    }

    fn add(&mut self, id: &Id) {
        match self.index.get(id).and_then(|&i| self.counts.get_mut(i)) {
            Some(n) => *n += 1,
            None => *self.others.entry(id.to_string()).or_default() += 1,
        }
    }

    /// Every count by id text: `list`'s ids (the list `index` was made of, in its order) with
    /// theirs, zero included, and the others.
    fn into_map<'b>(self, list: impl Iterator<Item = &'b Id>) -> BTreeMap<String, usize> {
        let mut counts = self.others;
        for (i, id) in list.enumerate() {
            *counts.entry(id.to_string()).or_default() += self.counts.get(i).copied().unwrap_or(0);
        }
        counts
    }
}

impl std::ops::Index<NodeId> for Graph {
    type Output = Entity;

    /// The entity of a handle.
    fn index(&self, node: NodeId) -> &Entity {
        &self.graph[node.ix()]
    }
}

impl std::ops::Index<EdgeId> for Graph {
    type Output = Relation;

    /// The relation of a handle.
    fn index(&self, edge: EdgeId) -> &Relation {
        self.relations.get(edge.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lookup by name answers the same whether it scans the entities' names (the first
    /// lookups) or reads the names index (built after `SCANS_BEFORE_INDEX` of them): ids, labels,
    /// aliases, folded spellings. (A name that names nothing looks for similar ones in the index.)
    #[test]
    fn lookups_by_scan_and_by_index_agree() {
        let graph = Graph::embedded().expect("the embedded graph loads");
        let names = [
            "Republic of Belarus",
            "north atlantic treaty organization",
            "NATO",
            "  Raman   Pratasevich ",
            "Łukashenka",
            "belarus",
            "PfP training center",
        ];
        let ask = |graph: &Graph| -> Vec<String> {
            names
                .iter()
                .map(|n| {
                    graph
                        .entity(n)
                        .map(|e| e.id.to_string())
                        .unwrap_or_else(|e| e.to_string())
                })
                .collect()
        };
        let scanned = ask(&graph);
        assert!(
            graph.names.get().is_some(),
            "more lookups than SCANS_BEFORE_INDEX build the index"
        );
        let fresh = Graph::embedded().expect("the embedded graph loads");
        for _ in 0..SCANS_BEFORE_INDEX {
            let _ = fresh.entity("NATO");
        }
        assert!(fresh.names.get().is_none(), "a few lookups do not build the index");
        let _ = fresh.entity("NATO");
        assert!(fresh.names.get().is_some());
        assert_eq!(ask(&graph), scanned);
        assert_eq!(ask(&fresh), scanned);
        assert_eq!(scanned[0], "belarus");
        assert_eq!(scanned[6], "pfp-cbrn-training-center");
    }

    /// The counts by predicate and source are those of a count by id text, every predicate and
    /// source listed (zero included); an id outside the list is counted by its text.
    #[test]
    fn stats_count_by_predicate_and_source_as_by_text() {
        let graph = Graph::embedded().expect("the embedded graph loads");
        let mut by_predicate: BTreeMap<String, usize> =
            graph.predicates.iter().map(|p| (p.id.to_string(), 0)).collect();
        let mut by_source: BTreeMap<String, usize> = graph.sources.iter().map(|s| (s.id.to_string(), 0)).collect();
        for r in graph.relations() {
            *by_predicate.entry(r.predicate.to_string()).or_default() += 1;
            for e in &r.evidence {
                *by_source.entry(e.source.to_string()).or_default() += 1;
            }
        }
        let stats = graph.stats();
        assert_eq!(stats.relations_by_predicate, by_predicate);
        assert_eq!(stats.claims_by_source, by_source);
        assert!(by_predicate.values().any(|&n| n == 0) && by_predicate.values().any(|&n| n > 1));

        let ids: Vec<Id> = ["b", "a"].iter().map(|s| Id::new(s).unwrap()).collect();
        let index: HashMap<Id, usize> = ids.iter().cloned().enumerate().map(|(i, id)| (id, i)).collect();
        let mut tally = Tally::new(&index);
        for id in ["a", "c", "a", "c", "c"] {
            tally.add(&Id::new(id).unwrap());
        }
        let counts = tally.into_map(ids.iter());
        assert_eq!(
            counts.into_iter().collect::<Vec<_>>(),
            [("a".to_owned(), 2), ("b".to_owned(), 0), ("c".to_owned(), 3)]
        );
    }
}

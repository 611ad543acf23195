//! The path query: how two entities are connected — shortest, k shortest, all, or through time.

use crate::model::handle::NodeId;

use super::adjacency::Adjacency;
use super::direction::Direction;
use super::filter::Filter;
use super::journey::{journeys, JourneyLimits};
use super::path::Path;
use super::simple_paths::SimplePaths;
use super::{shortest, yen};
use crate::model::edtf::Edtf;
use crate::model::graph::Graph;

/// Hops [`PathQuery::all`] and [`PathQuery::iter`] go up to unless told otherwise.
pub const DEFAULT_MAX_HOPS: usize = 4;
/// Paths [`PathQuery::all`] returns at most unless told otherwise.
pub const DEFAULT_LIMIT: usize = 100;
/// Steps [`PathQuery::all`] and [`PathQuery::iter`] may take before they give up: enough for the
/// shipped graph many times over, small enough to answer in about a second on any graph.
pub const DEFAULT_WORK: usize = 2_000_000;
/// Partial journeys [`PathQuery::journeys`] may keep before it gives up (each takes memory, so
/// fewer than [`DEFAULT_WORK`]: about 25 MB at most).
pub const DEFAULT_JOURNEY_WORK: usize = 200_000;

/// Paths found by an enumeration that may have been cut short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathSet {
    /// The paths, best first.
    pub paths: Vec<Path>,
    /// False when the enumeration stopped at the limit or the work budget with more paths
    /// (or, for journeys, possibly better ones) left unlooked at.
    pub complete: bool,
}

/// A question about how two entities are connected; made by [`Graph::paths`].
///
/// Set the filter, direction and bounds, then ask for [`shortest`](PathQuery::shortest),
/// [`k_shortest`](PathQuery::k_shortest), [`all`](PathQuery::all) (or lazily,
/// [`iter`](PathQuery::iter)) or [`journeys`](PathQuery::journeys). Relations are followed both
/// ways unless [`directed`](PathQuery::directed); the filter's kinds apply to the entities on
/// the way, not to the two ends.
///
/// ```
/// use diplograph::{Filter, Graph};
/// let graph = Graph::embedded()?;
/// let from = graph.node(graph.entity("Raman Pratasevich")?.id.as_str()).unwrap();
/// let to = graph.node(graph.entity("Jens Stoltenberg")?.id.as_str()).unwrap();
///
/// let best = graph.paths(from, to).max_hops(6).k_shortest(3);
/// assert!(!best.is_empty());
/// assert!(best.windows(2).all(|w| w[0].len() <= w[1].len()));
/// for path in &best {
///     assert_eq!((path.from, path.to()), (from, to));
///     // Every hop is a sourced relation.
///     assert!(path.edges().all(|e| !graph.relation_at(e).evidence.is_empty()));
/// }
///
/// // Only dated relations, and only those that held in 2021:
/// let filter = Filter::default().dated_only(true);
/// let in_2021 = graph.paths(from, to).filter(filter).at("2021".parse()?).max_hops(4).all();
/// assert!(in_2021.paths.iter().all(|p| p.len() <= 4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct PathQuery<'g> {
    graph: &'g Graph,
    from: NodeId,
    to: NodeId,
    filter: Filter,
    direction: Direction,
    max_hops: Option<usize>,
    limit: usize,
    undated: bool,
    work: Option<usize>,
}

impl Graph {
    /// Starts a question about how `from` and `to` are connected: see [`PathQuery`].
    pub fn paths(&self, from: NodeId, to: NodeId) -> PathQuery<'_> {
        PathQuery {
            graph: self,
            from,
            to,
            filter: Filter::default(),
            direction: Direction::Both,
            max_hops: None,
            limit: DEFAULT_LIMIT,
            undated: false,
            work: None,
        }
    }
}

impl<'g> PathQuery<'g> {
    /// Uses only the relations and entities `filter` admits.
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// Keeps the relations that hold at `date` (see [`Filter::at`]).
    pub fn at(mut self, date: Edtf) -> Self {
        self.filter = self.filter.at(date);
        self
    }

    /// Keeps the relations that overlap `from..until` (see [`Filter::between`]); journeys start
    /// no earlier than `from`.
    pub fn between(mut self, from: Option<Edtf>, until: Option<Edtf>) -> Self {
        self.filter = self.filter.between(from, until);
        self
    }

    /// Follows relations as `direction` says (default: both ways).
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }

    /// Follows relations from subject to object only (symmetric ones still both ways).
    pub fn directed(self) -> Self {
        self.direction(Direction::Directed)
    }

    /// Paths of at most `n` hops (default: any length for shortest paths and journeys,
    /// [`DEFAULT_MAX_HOPS`] for [`all`](PathQuery::all)).
    pub fn max_hops(mut self, n: usize) -> Self {
        self.max_hops = Some(n);
        self
    }

    /// At most `n` paths from [`all`](PathQuery::all) (default [`DEFAULT_LIMIT`]).
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = n;
        self
    }

    /// Lets journeys use undated relations (default: they do not, as their place in time is
    /// unknown). An undated hop leaves the journey's clock where it was and is marked
    /// `Undated`; journeys with one rank after every fully dated journey.
    pub fn undated(mut self, yes: bool) -> Self {
        self.undated = yes;
        self
    }

    /// The work budget of [`all`](PathQuery::all), [`iter`](PathQuery::iter),
    /// [`k_shortest`](PathQuery::k_shortest) and [`journeys`](PathQuery::journeys) (default
    /// [`DEFAULT_WORK`] steps, and [`DEFAULT_JOURNEY_WORK`] partial journeys).
    pub fn work(mut self, steps: usize) -> Self {
        self.work = Some(steps);
        self
    }

    fn adjacency(&self, filter: &Filter) -> Adjacency<'g> {
        Adjacency::new(self.graph, filter, self.direction, &[self.from, self.to])
    }

    /// A path with the fewest hops, if there is one (within `max_hops`).
    ///
    /// Among equally short paths, the one whose entities come first in id order, compared one
    /// by one from `from` (the path a breadth-first search from `from` meets first).
    ///
    /// # Complexity
    /// O(V + E) at worst: one breadth-first search, grown from both ends, which on large graphs
    /// looks at a small part of them.
    pub fn shortest(&self) -> Option<Path> {
        shortest::shortest(&self.adjacency(&self.filter), self.from, self.to, self.max_hops)
    }

    /// Up to `k` simple paths, fewest hops first (Yen's algorithm); among equally long paths,
    /// surer ones first. Each path goes through different entities: parallel relations between
    /// two entities are one hop, with the others listed in [`Hop::also`](crate::query::path::Hop::also).
    ///
    /// # Complexity
    /// O(k · n · (V + E)) for paths of n hops.
    ///
    /// The search stops at the work budget (default [`DEFAULT_WORK`], about a second on any
    /// graph), so a large `k` on a dense graph cannot run for minutes; use
    /// [`k_shortest_set`](PathQuery::k_shortest_set) to learn whether it did.
    pub fn k_shortest(&self, k: usize) -> Vec<Path> {
        self.k_shortest_set(k).paths
    }

    /// [`k_shortest`](PathQuery::k_shortest), with [`PathSet::complete`] false when the work
    /// budget stopped the search before it found `k` paths (there may be more).
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let (a, b) = (graph.node("belarus").unwrap(), graph.node("nato").unwrap());
    /// let found = graph.paths(a, b).max_hops(3).k_shortest_set(5);
    /// assert_eq!(found.paths.len(), 5);
    /// assert!(found.complete);
    /// let cut = graph.paths(a, b).work(10).k_shortest_set(5);
    /// assert!(!cut.complete && cut.paths.len() < 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn k_shortest_set(&self, k: usize) -> PathSet {
        let (paths, complete) = yen::k_shortest(
            &self.adjacency(&self.filter),
            self.from,
            self.to,
            k,
            self.max_hops,
            self.work.unwrap_or(DEFAULT_WORK),
        );
        PathSet { paths, complete }
    }

    /// Every simple path up to `max_hops` (default [`DEFAULT_MAX_HOPS`]), shortest first, lazily,
    /// within the work budget.
    pub fn iter(&self) -> SimplePaths<'g> {
        SimplePaths::new(
            self.adjacency(&self.filter),
            self.from,
            self.to,
            self.max_hops.unwrap_or(DEFAULT_MAX_HOPS),
            self.work.unwrap_or(DEFAULT_WORK),
        )
    }

    /// Every simple path up to `max_hops` (default [`DEFAULT_MAX_HOPS`]), shortest first, at most
    /// `limit` of them; [`PathSet::complete`] says whether that is all.
    pub fn all(&self) -> PathSet {
        let mut iter = self.iter();
        let paths: Vec<Path> = iter.by_ref().take(self.limit).collect();
        let complete = !iter.exhausted() && iter.next().is_none() && !iter.exhausted();
        PathSet { paths, complete }
    }

    /// Up to `k` time-respecting paths ("journeys"): each relation is taken on a day it
    /// happened or held, and no hop goes back in time from the one before. Earliest arrival
    /// first (then surest order, then fewest hops).
    ///
    /// Every hop says in [`Hop::order`](crate::query::path::Hop::order) whether it is definitely or only
    /// possibly in order (where precisions overlap, `1998` then `1998-04`, or a date is
    /// approximate or an end unknown); with [`Filter::certain`] only definite journeys are
    /// kept. Journeys start no earlier than the filter's first day (`at` or `from`). Undated
    /// relations are left out unless [`undated`](PathQuery::undated) lets them in.
    ///
    /// ```
    /// use diplograph::{Certainty, Filter, Graph};
    /// let graph = Graph::embedded()?;
    /// let election = graph.node("belarusian-presidential-election-2006").unwrap();
    /// let nato = graph.node("nato").unwrap();
    /// let found = graph.paths(election, nato).filter(Filter::default().certain(true)).journeys(3);
    /// for journey in &found.paths {
    ///     assert_eq!((journey.from, journey.to()), (election, nato));
    ///     assert!(journey.hops.iter().all(|h| h.order == Some(Certainty::Definite)));
    ///     assert!(journey.edges().all(|e| graph.relation_at(e).date.is_some()));
    /// }
    /// // Earliest arrival first.
    /// assert!(found.paths.windows(2).all(|w| w[0].arrival <= w[1].arrival));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn journeys(&self, k: usize) -> PathSet {
        let mut filter = self.filter.clone();
        if !self.undated {
            filter.dated_only = true;
        }
        let limits = JourneyLimits {
            k,
            max_hops: self.max_hops,
            start: self.filter.time.and_then(|t| t.first_day()),
            certain: self.filter.certain,
            work: self.work.unwrap_or(DEFAULT_JOURNEY_WORK),
            today: self.filter.today,
        };
        let (paths, complete) = journeys(self.graph, &self.adjacency(&filter), self.from, self.to, limits);
        PathSet { paths, complete }
    }
}

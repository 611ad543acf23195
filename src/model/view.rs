//! Named views: diagrams of part of the graph, defined by a graph's `views.csv` and drawn by
//! the export job to `views/<name>.dot`.

use super::id::Id;
use super::kind::EntityKind;
use super::rank_dir::RankDir;

/// How a named view is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViewLayout {
    /// A `dot` diagram in the given rank direction.
    Dot(RankDir),
    /// A timeline: entities in columns by the year of their relations with the focus; the
    /// years spaced in proportion to time when `proportional`.
    Timeline {
        /// Whether the columns are spaced in proportion to time.
        proportional: bool,
    },
}

/// Which entities around the focus a named view keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reach {
    /// Only relations with the focus at one end (and the entities they join).
    Focus,
    /// Everything the kept relations connect to the focus, however far.
    Connected,
}

/// A named diagram of part of the graph: one row of `views.csv`.
///
/// A view keeps the entities of its `kinds` (all kinds when empty) except those of
/// `exclude_kinds`, the focus always; and the relations between them whose predicate is one of
/// `predicates` (all when empty) and none of `exclude_predicates`, dated (when `dated_only`,
/// except the predicates of `keep_undated`), stated by a source that names one of `source_words`
/// (any source when empty); then what [`Reach`] says.
///
/// ```
/// use diplograph::{export::dot::NamedView, Graph};
/// let graph = Graph::embedded()?;
/// let view = graph.views().iter().find(|v| v.name == "belarus-nato").unwrap();
/// let mut out = Vec::new();
/// view.write(&graph, &mut out)?;
/// assert!(String::from_utf8(out)?.starts_with("digraph"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NamedView {
    /// File name without extension: `views/<name>.dot` (the `id` column).
    pub name: String,
    /// The title drawn above the diagram.
    pub title: String,
    /// What the view selects, for people.
    pub description: String,
    /// How the view is drawn.
    pub layout: ViewLayout,
    /// The entity the view is about.
    pub focus: Id,
    /// Which entities around the focus are kept.
    pub reach: Reach,
    /// The kinds of entity kept (all when empty); the focus is always kept.
    pub kinds: Vec<EntityKind>,
    /// The kinds of entity left out.
    pub exclude_kinds: Vec<EntityKind>,
    /// The predicates kept (all when empty).
    pub predicates: Vec<Id>,
    /// The predicates left out.
    pub exclude_predicates: Vec<Id>,
    /// Whether undated relations are left out.
    pub dated_only: bool,
    /// Predicates kept even when undated.
    pub keep_undated: Vec<Id>,
    /// Words or phrases of which a source's id, title or publisher must name one (case and
    /// accents ignored, whole words) for its relations to be kept; any source when empty.
    pub source_words: Vec<String>,
    /// Whether the export job also draws the view year by year into `frames/`.
    pub frames: bool,
}

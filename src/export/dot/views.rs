//! Drawing the named views of a graph's `views.csv` ([`NamedView`]), written by the export job
//! to `views/<name>.dot`.

use std::io::Write;

use super::error::DotError;
use super::graph::DotWriter;
use super::timeline::TimelineWriter;
use crate::model::graph::Graph;
use crate::model::id::Id;
use crate::model::view::{NamedView, Reach, ViewLayout};
use crate::text::fold::fold;

impl NamedView {
    /// The part of `graph` the view shows.
    pub fn select(&self, graph: &Graph) -> Graph {
        let focus = self.focus.as_str();
        let part = graph.restrict(
            |n| {
                let e = graph.entity_at(n);
                e.id.as_str() == focus
                    || ((self.kinds.is_empty() || self.kinds.contains(&e.kind))
                        && !self.exclude_kinds.contains(&e.kind))
            },
            |e| {
                let r = graph.relation_at(e);
                (self.predicates.is_empty() || self.predicates.contains(&r.predicate))
                    && !self.exclude_predicates.contains(&r.predicate)
                    && (!self.dated_only || r.date.is_some() || self.keep_undated.contains(&r.predicate))
                    && (self.source_words.is_empty()
                        || r.evidence
                            .iter()
                            .any(|ev| names_a_word(graph, &ev.source, &self.source_words)))
                    && (self.reach != Reach::Focus || r.subject.as_str() == focus || r.object.as_str() == focus)
            },
        );
        match self.reach {
            Reach::Connected => connected_to(&part, focus),
            _ => without_isolated(&part),
        }
    }

    /// Writes the view of `graph` as DOT and hands `w` back.
    ///
    /// # Errors
    /// Only those of `w`.
    pub fn write<W: Write>(&self, graph: &Graph, w: W) -> Result<W, DotError> {
        let part = self.select(graph);
        match self.layout {
            ViewLayout::Dot(rankdir) => DotWriter::new()
                .title(self.title.as_str())
                .rankdir(rankdir)
                .write(&part, w),
            ViewLayout::Timeline { proportional } => TimelineWriter::new()
                .title(self.title.as_str())
                .focus(self.focus.as_str())
                .proportional(proportional)
                .write(&part, w),
        }
    }
}

/// Whether a source's id, title or publisher names one of `words` (folded, whole words).
fn names_a_word(graph: &Graph, id: &Id, words: &[String]) -> bool {
    graph.source(id.as_str()).is_some_and(|s| {
        let text = format!(" {} ", fold(&format!("{} {} {}", s.id, s.title, s.publisher)));
        words.iter().any(|w| text.contains(&format!(" {} ", fold(w))))
    })
}

/// The part of `graph` connected to the entity `id` (edges followed both ways).
fn connected_to(graph: &Graph, id: &str) -> Graph {
    let g = graph;
    let mut seen = std::collections::BTreeSet::new();
    let mut stack: Vec<_> = graph.node(id).into_iter().collect();
    while let Some(n) = stack.pop() {
        if seen.insert(n) {
            stack.extend(g.edges_at(n).map(|(_, other, _)| other));
        }
    }
    graph.restrict(|n| seen.contains(&n), |_| true)
}

/// The graph without the entities that have no relation in it.
fn without_isolated(graph: &Graph) -> Graph {
    let g = graph;
    graph.restrict(|n| g.edges_at(n).next().is_some(), |e| g.endpoints(e).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::EntityKind;

    #[test]
    fn views_select_what_they_say() {
        let graph = Graph::embedded().unwrap();
        assert_eq!(graph.views().len(), 3);
        for view in graph.views() {
            let part = view.select(&graph);
            assert!(part.relations().count() > 5, "{} is nearly empty", view.name);
            assert!(part.entity_by_id("belarus").is_some());
            if view.name == "belarus-diplomatic-relations" {
                assert!(part
                    .relations()
                    .all(|r| r.predicate.as_str() == "diplomatic_relations_with"));
            } else {
                assert!(part.entity_by_id("nato").is_some());
                assert!(part
                    .relations()
                    .all(|r| r.predicate.as_str() != "diplomatic_relations_with"));
                assert!(part
                    .entities()
                    .all(|e| e.id.as_str() == "belarus" || e.kind != EntityKind::State));
            }
        }
    }

    #[test]
    fn sources_named_by_words() {
        let graph = Graph::embedded().unwrap();
        let words = ["nato".to_owned(), "north atlantic".to_owned()];
        let ids: Vec<&str> = graph
            .sources()
            .iter()
            .filter(|s| names_a_word(&graph, &s.id, &words))
            .map(|s| s.id.as_str())
            .collect();
        assert!(ids.contains(&"nato-relations-with-belarus"));
        assert!(!ids.contains(&"wikipedia-foreign-relations-of-belarus"));
    }
}

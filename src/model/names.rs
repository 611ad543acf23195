//! Names in any script and with spelling slips: a name is transliterated to Latin letters
//! ([`latin_key`]: Cyrillic, Greek, … through `any_ascii`) and folded like every name, and compared
//! with the graph's ids, labels and aliases — exactly, then by similarity (Jaro-Winkler over
//! whole names and over their words) for "did you mean" suggestions.
//!
//! A name resolves only when its transliteration *equals* a name of one entity (`Лукашенко` is
//! `Lukashenko`); a merely similar name (`Stoltenbreg`) is never taken as an answer, only
//! suggested.

use super::entity::Entity;
use super::graph::{Graph, ResolveError};
use super::predicate::Predicate;
use crate::text::latin::latin_key;

/// How similar a name must be (Jaro-Winkler, 0 to 1) to be suggested.
const NEAR: f64 = 0.84;
/// How much a match with one word of a longer name counts, against a whole name.
const WORD_WEIGHT: f64 = 0.99;
/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 5;

/// How similar `key` is to `name` (both latin keys): the better of the whole names and of `key`
/// against each word of `name` (so that `stoltenbreg` is near `jens stoltenberg`).
fn similarity(key: &str, name: &str) -> f64 {
    let whole = strsim::jaro_winkler(key, name);
    let words = if key.contains(' ') {
        0.0
    } else {
        name.split(' ')
            .filter(|w| w.len() >= 4)
            .map(|w| strsim::jaro_winkler(key, w))
            .fold(0.0, f64::max)
    };
    // A word of a longer name counts a little less than a whole name, so that `Polnd` ranks
    // Poland before the Minister of Foreign Affairs of Poland.
    whole.max(words * WORD_WEIGHT)
}

/// Every name of `entity` as latin keys: its id (dashes as spaces), label and aliases.
fn entity_keys(entity: &Entity) -> impl Iterator<Item = String> + '_ {
    std::iter::once(latin_key(entity.id.as_str()))
        .chain(std::iter::once(latin_key(&entity.label)))
        .chain(entity.aliases.iter().map(|a| latin_key(a)))
}

impl Graph {
    /// Resolves a name in any script: as [`Graph::entity`] does, and else when the name's
    /// transliteration ([`latin_key`]) equals an id, label or alias of one entity. When nothing
    /// resolves, the error suggests entities with similar names (transliterated, misspelt).
    ///
    /// ```
    /// use diplograph::{Graph, ResolveError};
    /// let graph = Graph::embedded()?;
    /// assert_eq!(graph.lookup("Лукашенко")?.id.as_str(), "alexander-lukashenko");
    /// assert_eq!(graph.lookup("Пратасевіч")?.id.as_str(), "raman-pratasevich");
    /// let Err(ResolveError::Unknown { candidates, .. }) = graph.lookup("Stoltenbreg") else {
    ///     panic!("a misspelt name does not resolve")
    /// };
    /// assert_eq!(candidates[0].0, "jens-stoltenberg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ResolveError::Ambiguous`] when the name is shared, [`ResolveError::Unknown`] (with
    /// suggestions) when no entity has it.
    pub fn lookup(&self, name: &str) -> Result<&Entity, ResolveError> {
        let candidates = match self.entity(name) {
            Ok(e) => return Ok(e),
            Err(ResolveError::Unknown { candidates, .. }) => candidates,
            Err(ambiguous) => return Err(ambiguous),
        };
        let key = latin_key(name);
        if !key.is_empty() {
            let exact: Vec<&Entity> = self.entities().filter(|e| entity_keys(e).any(|k| k == key)).collect();
            match exact.as_slice() {
                [one] => return Ok(one),
                [] => {}
                many => {
                    return Err(ResolveError::Ambiguous {
                        name: name.to_owned(),
                        candidates: many.iter().map(|e| (e.id.to_string(), e.label.clone())).collect(),
                    })
                }
            }
        }
        let candidates = if candidates.is_empty() {
            self.near(name)
                .into_iter()
                .map(|e| (e.id.to_string(), e.label.clone()))
                .collect()
        } else {
            candidates
        };
        Err(ResolveError::Unknown {
            name: name.to_owned(),
            candidates,
        })
    }

    /// Entities whose id, label or alias contains `text` after transliteration — the
    /// [`Graph::find`] of any script: `find_any("Лукаш")` finds Lukashenko.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// assert!(graph.find_any("Лукаш").iter().any(|e| e.id.as_str() == "alexander-lukashenko"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find_any(&self, text: &str) -> Vec<&Entity> {
        let found = self.find(text);
        if !found.is_empty() {
            return found;
        }
        let key = latin_key(text);
        if key.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, &Entity)> = self
            .entities()
            .filter_map(|e| {
                let keys: Vec<String> = entity_keys(e).collect();
                keys.iter().any(|k| k.contains(&key)).then(|| (!keys.contains(&key), e))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
        hits.into_iter().map(|(_, e)| e).collect()
    }

    /// Up to five entities whose names are similar to `name` (transliterated; Jaro-Winkler over
    /// whole names and words, at least 0.84), most similar first.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// assert_eq!(graph.near("Lukaschenko")[0].id.as_str(), "alexander-lukashenko");
    /// assert_eq!(graph.near("Украина")[0].id.as_str(), "ukraine");
    /// assert!(graph.near("xyzzy").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn near(&self, name: &str) -> Vec<&Entity> {
        let key = latin_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, &Entity)> = self
            .entities()
            .filter_map(|e| {
                let best = entity_keys(e).map(|k| similarity(&key, &k)).fold(0.0, f64::max);
                (best >= NEAR).then_some((best, e))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        scored.into_iter().take(MAX_SUGGESTIONS).map(|(_, e)| e).collect()
    }

    /// The predicate named `name`: its id (`member_of`), or its label or inverse label
    /// (`member of`, `has member`), case-insensitive.
    ///
    /// ```
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// assert_eq!(graph.predicate_named("member of").unwrap().id.as_str(), "member_of");
    /// assert_eq!(graph.predicate_named("Member_Of").unwrap().id.as_str(), "member_of");
    /// let near = graph.predicate_named("memberof").unwrap_err();
    /// assert_eq!(near[0].id.as_str(), "member_of");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The predicates with similar ids or labels (best first; empty when none is similar).
    pub fn predicate_named(&self, name: &str) -> Result<&Predicate, Vec<&Predicate>> {
        if let Some(p) = self.predicate(name) {
            return Ok(p);
        }
        let key = latin_key(name);
        let keys = |p: &Predicate| {
            [
                latin_key(p.id.as_str()),
                latin_key(&p.label),
                latin_key(&p.inverse_label),
            ]
        };
        if let Some(p) = self.predicates().iter().find(|p| keys(p).contains(&key)) {
            return Ok(p);
        }
        let squeezed = key.replace(' ', "");
        let mut scored: Vec<(f64, &Predicate)> = self
            .predicates()
            .iter()
            .filter_map(|p| {
                let best = keys(p)
                    .iter()
                    .map(|k| strsim::jaro_winkler(&squeezed, &k.replace(' ', "")).max(similarity(&key, k)))
                    .fold(0.0, f64::max);
                (best >= NEAR).then_some((best, p))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        Err(scored.into_iter().take(3).map(|(_, p)| p).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_reaches_words_of_longer_names() {
        assert!(similarity("stoltenbreg", "jens stoltenberg") >= NEAR);
        assert!(similarity("xyzzy", "jens stoltenberg") < NEAR);
        // a query of several words is compared whole only
        assert!(similarity("jens stoltenbreg", "jens stoltenberg") >= NEAR);
    }
}

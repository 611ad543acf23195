//! Loading a [`Graph`]: validate the four files, then build the graph from what passed.
//!
//! The constructors are an `impl Graph` block of the loader, so the model never calls into it.

use super::dataset::Dataset;
use super::error::LoadError;
use super::folder::Folder;
use super::limits::Limits;
use super::merge::SortedClaims;
use super::permutation::{is_permutation, move_to_places};
use super::reader::planned::Windows;
use super::reader::threads::Threads;
use super::valid::Valid;
use super::validate::validate;
use crate::model::entity::Entity;
use crate::model::graph::Graph;

impl Graph {
    /// Validates and loads a dataset, or returns every problem found.
    pub fn load(dataset: &Dataset) -> Result<Graph, LoadError> {
        load(dataset, &Limits::default())
    }

    /// Validates and loads a dataset under the given size limits.
    pub fn load_with_limits(dataset: &Dataset, limits: &Limits) -> Result<Graph, LoadError> {
        load(dataset, limits)
    }

    /// Validates and loads a dataset, freeing its bytes once they are read and before the
    /// graph is built, so that the text of the files and the graph are never held together
    /// (what [`Graph::load_dir`] does; with large files, prefer it to [`Graph::load`]).
    ///
    /// ```
    /// use diplograph::{Dataset, Graph};
    /// let graph = Graph::load_dataset(Dataset::embedded())?;
    /// assert!(graph.entity_by_id("belarus").is_some());
    /// # Ok::<(), diplograph::LoadError>(())
    /// ```
    pub fn load_dataset(dataset: Dataset) -> Result<Graph, LoadError> {
        load_owned(dataset, &Limits::default())
    }

    /// Loads the graph-data folder at `dir`, reading a large `relations.csv` from disk chunk by
    /// chunk rather than whole (so that its text is never all in memory), with the same outcome,
    /// problems and messages as [`Graph::load_dataset`] of [`Dataset::from_dir`]; and an error
    /// if `relations.csv` changes while it is read.
    pub fn load_dir(dir: impl AsRef<std::path::Path>) -> Result<Graph, LoadError> {
        let (limits, threads) = (Limits::default(), Threads::default());
        let folder = Folder::read(dir.as_ref(), &limits, &threads, &Windows::default())?;
        load_folder(folder, &limits, &threads)
    }

    /// Loads the curated graph shipped in the binary.
    pub fn embedded() -> Result<Graph, LoadError> {
        Self::load(&Dataset::embedded())
    }
}

/// Validates `dataset` and builds the graph, or returns every problem found.
pub(crate) fn load(dataset: &Dataset, limits: &Limits) -> Result<Graph, LoadError> {
    validate(dataset, limits, &Threads::default()).map(assemble)
}

/// [`load`], freeing the files' bytes once they are read, before the graph is built: with a
/// million claims, the text of `relations.csv` and the graph would otherwise be held together.
pub(crate) fn load_owned(dataset: Dataset, limits: &Limits) -> Result<Graph, LoadError> {
    let valid = validate(&dataset, limits, &Threads::default());
    drop(dataset);
    valid.map(assemble)
}

/// [`load_owned`] of a folder read by [`Folder::read`], reading `relations.csv` with `threads`.
pub(crate) fn load_folder(folder: Folder, limits: &Limits, threads: &Threads) -> Result<Graph, LoadError> {
    let valid = super::validate::validate_files(&folder.files(), limits, threads);
    drop(folder);
    valid.map(assemble)
}

/// The graph of what passed validation: entities as nodes, claims merged into relations.
fn assemble(valid: Valid) -> Graph {
    let Valid {
        sources,
        predicates,
        entities,
        entity_ranks,
        claims,
        views,
        warnings,
    } = valid;
    let entities = in_rank_order(entities, &entity_ranks);
    let mut graph = Graph::with_entities(sources, predicates, entities, claims.len(), warnings);
    graph.set_views(views);
    // An entity's rank (found while its claim was checked) is its node's index; it is checked.
    let sorted = SortedClaims::new(claims);
    // Every id of a valid claim names an entity.
    let node = |graph: &Graph, rank: u32, id: &_| graph.node_of_rank(rank, id).map_or(usize::MAX, |n| n.index());
    sorted.merge(|ranks, relation| {
        let (a, b) = (
            node(&graph, ranks[0], &relation.subject),
            node(&graph, ranks[2], &relation.object),
        );
        graph.add_relation(a, b, relation);
    });
    graph
}

/// `entities` placed by their `ranks` (their places in id order, found for the claims), so
/// that the graph's sort by id finds them in order and has nothing to move; as they are if
/// `ranks` is not a permutation of their places (the graph sorts them either way). Moved in
/// place ([`move_to_places`]).
fn in_rank_order(mut entities: Vec<Entity>, ranks: &[u32]) -> Vec<Entity> {
    if !is_permutation(ranks, entities.len()) {
        return entities;
    }
    move_to_places(&mut entities, ranks.to_vec());
    entities
}

#[cfg(test)]
pub(crate) mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::load::dataset::DataFile;

    fn file(name: &str, text: String) -> DataFile {
        DataFile {
            name: name.to_owned(),
            bytes: Cow::Owned(text.into_bytes()),
        }
    }

    /// A xorshift generator started at `seed`: each call gives a number below its argument, the
    /// same sequence for the same seed (test data varied but reproducible).
    pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    /// A `relations.csv` of `rows` claims, a few of them wrong in every way the checks of one
    /// row and the checks against earlier rows can find (when `clean`, none is).
    pub(crate) fn dataset(rows: usize, clean: bool, syntax_error: bool) -> Dataset {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let mut relations =
            String::from("quote,subject,predicate,object,date,source,note\n\u{feff}first,e1,holds,e51,,s1,\n");
        let mut written: Vec<String> = Vec::new();
        for i in 0..rows {
            let broken = !clean && next(10) == 0;
            let row = match (broken, next(8)) {
                (true, 0) if !written.is_empty() => written[next(written.len() as u64) as usize].clone(),
                (true, 1) => format!("\"q{i}\",e{},links,e{},,s1,\n", i % 7, 50 + i % 3),
                (true, 2) => format!("\"q{i}\",e1,link,e2,2001-13,s1,\n"),
                (true, 3) => ",e1,holds,e1,,s9,\n".to_owned(),
                (true, 4) => "quote,subject,predicate,object,date,source,note\n".to_owned(),
                (true, 5) => format!("\"q{i}\",e1,holds\n"),
                (true, _) => {
                    // A symmetric claim, then the same the other way round.
                    let (a, b) = (next(40), next(40) + 40);
                    format!("\"q{i}\",e{a},links,e{b},,s1,\n\"r{i}\",e{b},links,e{a},,s1,\n")
                }
                // A quote that starts with U+FEFF, unquoted: a reader started on this record
                // must not take it for a byte-order mark.
                (false, 0) => format!("\u{feff}q{i},e{},holds,e{},,s1,\n", next(50), next(50) + 50),
                (false, _) => format!(
                    "\"q{i}, \"\"quoted\"\"\nover two lines\",e{},{},e{},{},s1,{}\n",
                    next(50),
                    if next(2) == 0 { "links" } else { "holds" },
                    next(50) + 50,
                    ["", "1995", "1998-04", "2011/..", "2005-03~"][next(5) as usize],
                    if next(3) == 0 { "a note" } else { "" },
                ),
            };
            written.push(row.clone());
            relations.push_str(&row);
            if syntax_error && i == rows / 2 {
                relations.push_str("q\"x,e1,holds,e51,,s1,\n");
            }
        }
        let entities: String = (0..100).map(|i| format!("e{i},state,E {i},,Entity {i}.,\n")).collect();
        data(
            "links,links,links,Links.,true,state,state,state,\n\
             holds,holds,held by,Holds.,false,state,state,state,\n",
            &entities,
            &relations,
        )
    }

    /// A dataset of one source `s1`, the given rows of predicates and entities (without their
    /// headers) and the given `relations.csv` (with its header: its columns may come in any order).
    fn data(predicates: &str, entities: &str, relations: &str) -> Dataset {
        Dataset {
            sources: file(
                "sources.csv",
                "id,title,publisher,url,published\ns1,T,P,,2006\n".to_owned(),
            ),
            predicates: file(
                "predicates.csv",
                format!("id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n{predicates}"),
            ),
            entities: file(
                "entities.csv",
                format!("id,kind,label,aliases,description,same_as\n{entities}"),
            ),
            relations: file("relations.csv", relations.to_owned()),
            views: None,
        }
    }

    fn outcome(dataset: &Dataset, threads: &Threads) -> String {
        match validate(dataset, &Limits::default(), threads).map(assemble) {
            Ok(graph) => format!("{:#?}", graph.relations().collect::<Vec<_>>()),
            Err(e) => e.to_string(),
        }
    }

    /// Moved along the cycles of any permutation (several cycles, fixed points, one long
    /// cycle), every entity lands at its rank.
    #[test]
    fn entities_land_at_their_ranks_whatever_the_cycles() {
        let mut next = xorshift(0x5851_f42d_4c95_7f2d);
        for n in [1usize, 2, 5, 40, 300] {
            for _ in 0..5 {
                let entities: Vec<Entity> = (0..n)
                    .map(|i| Entity {
                        id: crate::model::id::Id::new(&format!("e{i}")).unwrap(),
                        kind: crate::model::kind::EntityKind::State,
                        label: String::new(),
                        aliases: Vec::new(),
                        description: String::new(),
                        same_as: Vec::new(),
                        date: None,
                        iso_3166: None,
                    })
                    .collect();
                // A random permutation (Fisher-Yates): the rank of the entity at each place.
                let mut ranks: Vec<u32> = (0..n as u32).collect();
                for i in (1..n).rev() {
                    ranks.swap(i, next(i as u64 + 1) as usize);
                }
                let placed = in_rank_order(entities.clone(), &ranks);
                assert_eq!(placed.len(), n);
                for (entity, &rank) in entities.iter().zip(&ranks) {
                    assert_eq!(placed[rank as usize].id, entity.id, "{n} entities, ranks {ranks:?}");
                }
            }
        }
    }

    /// Entities placed by their ranks come in id order; with ranks that are not a permutation of
    /// their places, they stay as they are, none lost.
    #[test]
    fn entities_in_rank_order_are_in_id_order() {
        let data = data(
            "",
            "c,state,C,,C.,\na,state,A,,A.,\nd,state,D,,D.,\nb,state,B,,B.,\n",
            "",
        );
        let valid = validate(&data, &Limits::default(), &Threads::default()).unwrap();
        assert_eq!(valid.entity_ranks, [2, 0, 3, 1]);
        let ids = |entities: &[Entity]| entities.iter().map(|e| e.id.to_string()).collect::<Vec<_>>().join(" ");
        assert_eq!(
            ids(&in_rank_order(valid.entities.clone(), &valid.entity_ranks)),
            "a b c d"
        );
        for ranks in [&[2, 0, 2, 1][..], &[2, 0, 4, 1], &[0, 1, 2]] {
            assert_eq!(ids(&in_rank_order(valid.entities.clone(), ranks)), "c a d b");
        }
    }

    #[test]
    fn relations_come_in_id_order_when_a_predicate_shares_an_entity_id() {
        // `p` is an entity (the last in id order) and a predicate (the first).
        let data = data(
            "q,q,q by,Q.,false,state,state,state,\np,p,p by,P.,false,state,state,state,\n",
            "a,state,A,,A.,\nb,state,B,,B.,\np,state,P,,P.,\n",
            "subject,predicate,object,date,source,quote,note\na,q,b,,s1,x,\na,p,b,,s1,y,\n",
        );
        let graph = load(&data, &Limits::default()).unwrap();
        let order: Vec<&str> = graph.relations().map(|r| r.predicate.as_str()).collect();
        assert_eq!(order, ["p", "q"]);
    }

    /// Every file read by the calling thread alone.
    fn one_thread() -> Threads {
        Threads {
            min_file_bytes: usize::MAX,
            ..Threads::default()
        }
    }

    /// Every file cut into chunks as small as can be, read by three threads.
    fn three_threads() -> Threads {
        Threads {
            min_file_bytes: 0,
            min_chunk_bytes: 1,
            max: Some(3),
        }
    }

    #[test]
    fn reading_in_chunks_on_threads_gives_what_one_thread_gives() {
        let (one, many) = (one_thread(), three_threads());
        for (clean, syntax_error) in [(true, false), (false, false), (false, true)] {
            let data = dataset(3000, clean, syntax_error);
            let expected = outcome(&data, &one);
            assert_eq!(
                outcome(&data, &many),
                expected,
                "clean: {clean}, syntax error: {syntax_error}"
            );
            if clean {
                assert!(
                    expected.contains(r"\u{feff}first"),
                    "the U+FEFF starting the first row is lost"
                );
                assert!(expected.contains(r"\u{feff}q"), "the U+FEFF starting a quote is lost");
                assert!(
                    expected.contains("evidence"),
                    "{}",
                    &expected[..200.min(expected.len())]
                );
            } else {
                for found in [
                    "duplicate claim",
                    "already states it the other way round",
                    "unknown predicate",
                    "repeated",
                    "field",
                ] {
                    assert!(expected.contains(found), "no '{found}' in {expected}");
                }
            }
        }
    }

    /// An `entities.csv` of `rows` entities, with (when `errors`) a few wrong in every way the
    /// checks of one row and the checks against earlier rows find; labels that look alike (the
    /// same, by case, by accents composed or not) warned about either way.
    fn entities(rows: usize, errors: bool) -> Dataset {
        let mut next = xorshift(0x5851_f42d_4c95_7f2d);
        let mut text = String::from(
            "id,kind,label,aliases,description,same_as,date,date_source,date_quote,date_fragment,date_selector,iso_3166\n",
        );
        for i in 0..rows {
            let row = match (errors && next(8) == 0, next(12)) {
                (true, 0) => format!("e{},state,Again {i},,A.,,,,,,,\n", next(i as u64 + 1)),
                (true, 1) => format!("E{i},state,Bad id {i},,A.,,,,,,,\n"),
                (true, 2) => format!("e{i},stat,Bad kind {i},,A.,,,,,,,\n"),
                (true, 3) => format!("e{i},state,,,,,,,,,,\n"),
                (true, 4) => format!("e{i},state,Bad date {i},,A.,,2001-13,s1,q,,,\n"),
                (true, 5) => format!("e{i},state,No source {i},,A.,,1995,,,,,\n"),
                (true, 6) => format!("e{i},state,Unknown source {i},,A.,,1995,s9,q,,,\n"),
                (true, 7) => format!("e{i},organization,Iso {i},,A.,,,,,,,BY|BLR|112\n"),
                (true, _) => format!("e{i},state,Bad IRI {i},,A.,not an iri,,,,,,\n"),
                (false, 0) => format!("e{i},state,Label {},,A.,,,,,,,\n", next(50)),
                (false, 1) => format!("e{i},person,LABEL {},,A.,,,,,,,\n", next(50)),
                (false, 2) => format!("e{i},person,Cafe\u{301} {},,A.,,,,,,,\n", next(20)),
                (false, 3) => format!("e{i},person,Caf\u{e9} {},,A.,,,,,,,\n", next(20)),
                (false, _) => format!(
                    "e{i},state,Entity {i},alias {i}|other {i},Entity {i}.,http://example.org/{i},{},s1,\"q, {i}\",,,{}\n",
                    ["1995", "1998-04~", "2011/.."][next(3) as usize],
                    ["", "BY|BLR|112"][next(2) as usize],
                ),
            };
            text.push_str(&row);
        }
        let mut dataset = data("", "", "subject,predicate,object,date,source,quote,note\n");
        dataset.entities = file("entities.csv", text);
        dataset
    }

    #[test]
    fn entities_checked_on_threads_give_what_one_thread_gives() {
        let (one, many) = (one_thread(), three_threads());
        let outcome = |dataset: &Dataset, threads: &Threads| match validate(dataset, &Limits::default(), threads) {
            Ok(valid) => format!("{:#?}\n{}", valid.entities, valid.warnings),
            Err(e) => e.to_string(),
        };
        for errors in [false, true] {
            let data = entities(3000, errors);
            let expected = outcome(&data, &one);
            assert_eq!(outcome(&data, &many), expected, "errors: {errors}");
            let found: &[&str] = if errors {
                &[
                    "duplicate entity id",
                    "must start with a lowercase",
                    "empty 'label'",
                    "bad 'date'",
                    "needs its 'date_source'",
                    "unknown source 's9'",
                    "for states only",
                    "cannot be an IRI",
                    "is also the label of line",
                ]
            } else {
                &[
                    "is also the label of line",
                    "only by case, accents or punctuation",
                    "other Unicode code points",
                    "alias 7",
                    "approximate: true",
                ]
            };
            for found in found {
                assert!(
                    expected.contains(found),
                    "no '{found}' in {}",
                    &expected[..2000.min(expected.len())]
                );
            }
        }
    }
}

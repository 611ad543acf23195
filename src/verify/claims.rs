//! The claims of a graph, as the quote check reads them.

use crate::model::graph::Graph;
use crate::verify::coverage::years;
use crate::verify::quotes::CitedQuote;

/// The quotes of every claim of `graph`, by line of `relations.csv`. A claim carries the years of
/// its relation's date and of its subject's and object's own dates (as `check-quotes` counts them,
/// so that both report the same coverage).
///
/// ```
/// let graph = diplograph::Graph::embedded().unwrap();
/// let quotes = diplograph::verify::cited_quotes(&graph);
/// assert_eq!(quotes.len(), graph.claim_count());
/// assert!(quotes.windows(2).all(|w| w[0].line < w[1].line));
/// ```
pub fn cited_quotes(graph: &Graph) -> Vec<CitedQuote> {
    let mut out: Vec<CitedQuote> = graph
        .relations()
        .flat_map(|relation| {
            let entity_date = |id: &str| graph.entity_by_id(id).and_then(|e| e.date.as_ref()).map(|d| d.date);
            let mut years: Vec<u16> = [
                relation.date,
                entity_date(relation.subject.as_str()),
                entity_date(relation.object.as_str()),
            ]
            .into_iter()
            .flatten()
            .flat_map(|d| years(&d.to_string()))
            .collect();
            years.sort_unstable();
            years.dedup();
            relation.evidence.iter().map(move |e| CitedQuote {
                line: e.line,
                source: e.source.as_str().to_owned(),
                quote: e.quote.clone(),
                years: years.clone(),
            })
        })
        .collect();
    out.sort_by_key(|q| q.line);
    out
}

/// The quotes of every entity's own date, by line of `entities.csv`. They are checked like the
/// claims' quotes but are not claims: the coverage counts the relations' quotes only.
///
/// ```
/// let graph = diplograph::Graph::embedded().unwrap();
/// let quotes = diplograph::verify::entity_date_quotes(&graph);
/// assert_eq!(quotes.len(), graph.entities().filter(|e| e.date.is_some()).count());
/// ```
pub fn entity_date_quotes(graph: &Graph) -> Vec<CitedQuote> {
    let mut out: Vec<CitedQuote> = graph
        .entities()
        .filter_map(|e| e.date.as_ref())
        .map(|d| CitedQuote {
            line: d.evidence.line,
            source: d.evidence.source.as_str().to_owned(),
            quote: d.evidence.quote.clone(),
            years: years(&d.date.to_string()).into_iter().collect(),
        })
        .collect();
    out.sort_by_key(|q| q.line);
    out
}

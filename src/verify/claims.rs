//! The claims of a graph, as the quote check reads them.

use crate::model::graph::Graph;
use crate::verify::coverage::years;
use crate::verify::quotes::CitedQuote;

/// The quotes of every claim of `graph`, by line of `relations.csv`. A claim carries the years of
/// its relation's date.
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
            let years: Vec<u16> = relation
                .date
                .as_ref()
                .map(|d| years(&d.to_string()).into_iter().collect())
                .unwrap_or_default();
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

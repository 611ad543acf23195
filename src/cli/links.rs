//! The link of each piece of evidence to its quote, for every command that prints evidence:
//! what `relations.csv` records (its `fragment` column), or, with `--sources DIR`, a fragment
//! computed from the texts. A piece of evidence without one gets the plain URL and says why.

use std::collections::HashMap;

use diplograph::model::QuoteAnchor;
use diplograph::verify::{EvidenceLink, SourceTexts};
use diplograph::{Evidence, Graph};
use serde_json::{json, Value};

/// How the links of one command's evidence are made.
pub struct Links<'a> {
    graph: &'a Graph,
    texts: Option<SourceTexts>,
}

impl<'a> Links<'a> {
    /// Links from what the graph records, or from `texts` when given.
    pub fn new(graph: &'a Graph, texts: Option<SourceTexts>) -> Self {
        Links { graph, texts }
    }

    /// The link of one piece of evidence.
    pub fn of(&self, evidence: &Evidence) -> EvidenceLink {
        self.of_quote(evidence.source.as_str(), &evidence.quote, evidence.anchor.as_deref())
    }

    fn of_quote(&self, source: &str, quote: &str, anchor: Option<&QuoteAnchor>) -> EvidenceLink {
        let url = self.graph.source(source).and_then(|s| s.url.as_deref());
        match &self.texts {
            Some(texts) => EvidenceLink::of(texts, source, url, quote),
            None => EvidenceLink::recorded(anchor, url),
        }
    }

    /// The URL of one piece of evidence's link (empty without a URL), for a CSV cell.
    pub fn cell(&self, evidence: &Evidence) -> String {
        self.of(evidence).url().unwrap_or_default().to_owned()
    }

    /// `value` with `link` and `link_caveat` beside every evidence's `quote` (an object with
    /// `source` and `quote` in an `evidence` or `claims` array, or an `evidence` object, at any
    /// depth).
    pub fn add(&self, mut value: Value) -> Value {
        // A claim's anchor is a function of its source's text and its quote: the same pair
        // anywhere in the graph has the same anchor.
        let mut recorded: HashMap<(&str, &str), &QuoteAnchor> = HashMap::new();
        if self.texts.is_none() {
            let dates = self
                .graph
                .entities()
                .filter_map(|e| e.date.as_ref())
                .map(|d| &d.evidence);
            let claims = self.graph.edge_ids().flat_map(|e| self.graph[e].evidence.iter());
            for ev in claims.chain(dates) {
                if let Some(a) = &ev.anchor {
                    recorded.insert((ev.source.as_str(), ev.quote.as_str()), a);
                }
            }
        }
        self.add_to(&mut value, &recorded);
        value
    }

    fn add_to(&self, value: &mut Value, recorded: &HashMap<(&str, &str), &QuoteAnchor>) {
        match value {
            Value::Object(map) => {
                // A relation's evidence is a list; an entity's own date has one, an object; a
                // disagreement lists its claims.
                let mut evidence: Vec<&mut Value> = Vec::new();
                for (key, value) in map.iter_mut() {
                    match (key.as_str(), value) {
                        ("evidence" | "claims", Value::Array(list)) => evidence.extend(list.iter_mut()),
                        ("evidence", one @ Value::Object(_)) => evidence.push(one),
                        _ => {}
                    }
                }
                for e in evidence {
                    let (Some(source), Some(quote)) = (e["source"].as_str(), e["quote"].as_str()) else {
                        continue;
                    };
                    let link = self.of_quote(source, quote, recorded.get(&(source, quote)).copied());
                    e["link"] = json!(link.url());
                    e["link_caveat"] = json!(link.caveat());
                }
                for v in map.values_mut() {
                    self.add_to(v, recorded);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.add_to(v, recorded)),
            _ => {}
        }
    }
}

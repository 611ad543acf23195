//! The link of each piece of evidence to its quote, for every command that prints evidence:
//! what `relations.csv` records (its `fragment` column), or, with `--sources DIR`, a fragment
//! computed from the texts. A piece of evidence without one gets the plain URL and says why.

use std::collections::{HashMap, HashSet};

use diplograph::model::QuoteAnchor;
use diplograph::verify::{EvidenceLink, SourceTexts};
use diplograph::{Evidence, Graph, NodeId};
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
        match &self.texts {
            Some(texts) => {
                let url = self.graph.source(source).and_then(|s| s.url.as_deref());
                EvidenceLink::of(texts, source, url, quote)
            }
            None => EvidenceLink::recorded_in(self.graph, source, anchor),
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
        let recorded = match self.texts {
            Some(_) => HashMap::new(),
            None => self.recorded(&value),
        };
        self.add_to(&mut value, &recorded);
        value
    }

    /// The anchors the graph records for the evidence `value` shows: of the entities named in it
    /// (any string that is an entity id), their own dates and the relations between two of them;
    /// then the relations it names by id (`r-…`) that are not among those (a disagreement's
    /// claims), found by a scan that stops once all are. Only those relations are read — not the
    /// whole graph, which from a cached image would mean decoding every relation for one answer. A
    /// claim's anchor is a function of its source's text and its quote: the same pair anywhere in
    /// the graph has the same anchor.
    fn recorded(&self, value: &Value) -> HashMap<(&'a str, &'a str), &'a QuoteAnchor> {
        let graph = self.graph;
        let (mut nodes, mut ids) = (HashSet::new(), HashSet::new());
        named(graph, value, &mut nodes, &mut ids);
        let mut recorded = HashMap::new();
        let mut record = |ev: &'a Evidence| {
            if let Some(a) = &ev.anchor {
                recorded.insert((ev.source.as_str(), ev.quote.as_str()), &**a);
            }
        };
        for &n in &nodes {
            if let Some(date) = &graph[n].date {
                record(&date.evidence);
            }
            for (edge, _, _) in graph.edges_at(n).filter(|(_, other, _)| nodes.contains(other)) {
                let relation = &graph[edge];
                ids.remove(relation.id.to_string().as_str());
                relation.evidence.iter().for_each(&mut record);
            }
        }
        for edge in graph.edge_ids() {
            if ids.is_empty() {
                break;
            }
            let relation = &graph[edge];
            if ids.remove(relation.id.to_string().as_str()) {
                relation.evidence.iter().for_each(&mut record);
            }
        }
        recorded
    }

    fn add_to(&self, value: &mut Value, recorded: &HashMap<(&'a str, &'a str), &'a QuoteAnchor>) {
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

/// Every entity of `graph` whose id is a string somewhere in `value`, and every relation id
/// (`r-…`) there.
fn named<'v>(graph: &Graph, value: &'v Value, nodes: &mut HashSet<NodeId>, ids: &mut HashSet<&'v str>) {
    match value {
        Value::String(s) => {
            let hex = s.strip_prefix("r-").unwrap_or_default();
            if hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                ids.insert(s);
            }
            nodes.extend(graph.node(s));
        }
        Value::Array(items) => items.iter().for_each(|v| named(graph, v, nodes, ids)),
        Value::Object(map) => map.values().for_each(|v| named(graph, v, nodes, ids)),
        _ => {}
    }
}

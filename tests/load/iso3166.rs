//! Every state's ISO 3166 codes are those of the maintained list (Debian's `iso-codes`), and
//! every state has them.

use std::path::Path;

use diplograph::{EntityKind, Graph};
use serde_json::Value;

const LISTS: &str = "/usr/share/iso-codes/json";

/// The codes `alpha_2|alpha_3|numeric` of every entry of `iso_3166-<part>.json`.
fn codes(part: &str) -> Vec<String> {
    let path = Path::new(LISTS).join(format!("iso_3166-{part}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: Value = serde_json::from_str(&text).expect("iso-codes JSON");
    json[format!("3166-{part}")]
        .as_array()
        .expect("a list of countries")
        .iter()
        .map(|c| {
            format!(
                "{}|{}|{}",
                c["alpha_2"].as_str().unwrap_or("?"),
                c["alpha_3"].as_str().unwrap_or("?"),
                c["numeric"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn every_state_has_the_codes_of_the_iso_list() {
    if !Path::new(LISTS).join("iso_3166-1.json").is_file() {
        return crate::support::skip(
            "every_state_has_the_codes_of_the_iso_list",
            &format!("{LISTS}/iso_3166-1.json not found (apt-get install iso-codes)"),
        );
    }
    let current = codes("1");
    let withdrawn = codes("3");
    let graph = Graph::embedded().expect("the shipped graph loads");
    let mut wrong = Vec::new();
    for entity in graph.entities().filter(|e| e.kind == EntityKind::State) {
        match &entity.iso_3166 {
            None => wrong.push(format!("{}: no iso_3166", entity.id)),
            Some(c) if current.contains(&c.to_string()) || withdrawn.contains(&c.to_string()) => {}
            Some(c) => wrong.push(format!(
                "{}: {c} is not an entry of iso_3166-1 or iso_3166-3",
                entity.id
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let soviet = graph
        .entity_by_id("soviet-union")
        .and_then(|e| e.iso_3166)
        .expect("the Soviet Union's codes");
    assert!(
        withdrawn.contains(&soviet.to_string()),
        "a withdrawn state takes ISO 3166-3 codes"
    );
}

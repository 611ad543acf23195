//! Cross-check with an independent implementation: for random graphs, diplograph's fewest hops,
//! simple paths up to N hops and k shortest path lengths equal what NetworkX computes on the same
//! edges (tests/query/networkx_paths.py).
//!
//! Needs python3 with networkx (`pip install networkx`); skips without it, unless
//! DIPLOGRAPH_REQUIRE_TOOLS=1. `DIPLOGRAPH_PYTHON` picks the interpreter.

use std::process::Command;

use crate::support::python;
use crate::support::query::{graph, n, Claim};
use diplograph::{Direction, Graph};
use serde_json::{json, Value};

/// xorshift64*: deterministic, so a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

/// A random graph of `size` states and about `relations` relations: parallel relations (other
/// dates), relations in both directions and symmetric ones included.
fn random_graph(rng: &mut Rng, size: usize, relations: usize) -> (Graph, Vec<String>) {
    let names: Vec<String> = (0..size).map(|i| format!("n{i:02}")).collect();
    let mut rows: Vec<(usize, usize, &str, String)> = Vec::new();
    for _ in 0..relations {
        let (a, b) = (rng.below(size), rng.below(size));
        if a == b {
            continue;
        }
        let (predicate, a, b) = if rng.below(4) == 0 {
            ("allied_with", a.min(b), a.max(b)) // a symmetric relation is entered one way round
        } else {
            ("linked", a, b)
        };
        rows.push((a, b, predicate, format!("{}", 1990 + rng.below(3))));
    }
    rows.sort();
    rows.dedup();
    let claims: Vec<Claim> = rows
        .iter()
        .map(|(a, b, p, d)| (names[*a].as_str(), *p, names[*b].as_str(), d.as_str(), "src-a", ""))
        .collect();
    let entities: Vec<(&str, &str)> = names.iter().map(|s| (s.as_str(), "state")).collect();
    (graph(&entities, &claims), names)
}

fn case(g: &Graph, names: &[String], name: &str, direction: Direction, rng: &mut Rng) -> Value {
    let edges: Vec<Value> = g
        .relations()
        .map(|r| json!([r.subject.as_str(), r.object.as_str(), g.predicate_of(r).symmetric]))
        .collect();
    let mut queries = Vec::new();
    for _ in 0..6 {
        let (a, b) = (rng.below(names.len()), rng.below(names.len()));
        if a == b {
            continue;
        }
        let (from, to) = (n(g, &names[a]), n(g, &names[b]));
        let cutoff = 1 + rng.below(5);
        let k = 1 + rng.below(6);
        let q = g.paths(from, to).direction(direction);
        let all = q.clone().max_hops(cutoff).limit(usize::MAX).all();
        assert!(all.complete, "{name}: the enumeration finished");
        let id_path =
            |p: &diplograph::Path| -> Vec<String> { p.nodes().map(|x| g.entity_at(x).id.to_string()).collect() };
        queries.push(json!({
            "from": names[a],
            "to": names[b],
            "cutoff": cutoff,
            "shortest": q.shortest().map(|p| p.len()),
            "simple_paths": all.paths.iter().map(id_path).collect::<Vec<_>>(),
            "k": k,
            "k_lengths": q.k_shortest(k).iter().map(|p| p.len()).collect::<Vec<_>>(),
        }));
    }
    json!({
        "name": name,
        "directed": direction == Direction::Directed,
        "nodes": names,
        "edges": edges,
        "queries": queries,
    })
}

fn networkx_available(python: &str) -> bool {
    Command::new(python)
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn paths_agree_with_networkx() {
    let python = python();
    if !networkx_available(&python) {
        return crate::support::skip(
            "paths_agree_with_networkx",
            &format!("{python} with networkx not found (pip install networkx)"),
        );
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut cases = Vec::new();
    for i in 0..30 {
        let size = 4 + rng.below(8);
        let relations = size + rng.below(size * 3);
        let (g, names) = random_graph(&mut rng, size, relations);
        for direction in [Direction::Both, Direction::Directed] {
            cases.push(case(
                &g,
                &names,
                &format!("graph-{i}-{}", direction.name()),
                direction,
                &mut rng,
            ));
        }
    }
    // A dense one too.
    let (g, names) = random_graph(&mut rng, 9, 80);
    cases.push(case(&g, &names, "dense-both", Direction::Both, &mut rng));
    cases.push(case(&g, &names, "dense-directed", Direction::Directed, &mut rng));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.json");
    std::fs::write(&file, serde_json::to_vec(&json!({ "cases": cases })).unwrap()).unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/networkx_paths.py");
    let out = Command::new(&python).arg(&script).arg(&file).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(out.status.success(), "NetworkX disagrees:\n{stdout}{stderr}");
    assert!(stdout.contains(" 0 differences"), "{stdout}");
}

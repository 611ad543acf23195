#!/usr/bin/env python3
"""Cross-checks diplograph's path queries against NetworkX.

Reads the JSON file written by tests/query/networkx.rs: random graphs (entities and relations,
symmetric or not) and, for pairs of entities, what diplograph answered — the fewest hops, every
simple path up to a cutoff, and the lengths of the k shortest simple paths. Computes the same with
NetworkX on the same edges and prints every difference. Exit status: 0 if all agree, 1 if not,
2 on bad input.

Usage: networkx_paths.py CASES.json
"""
import itertools
import json
import sys

import networkx as nx


def build(case):
    """The multigraph of a case: directed (symmetric relations both ways) or undirected."""
    g = nx.MultiDiGraph() if case["directed"] else nx.MultiGraph()
    g.add_nodes_from(case["nodes"])
    for subject, obj, symmetric in case["edges"]:
        g.add_edge(subject, obj)
        if symmetric and case["directed"]:
            g.add_edge(obj, subject)
    return g


def check(case):
    g = build(case)
    simple = nx.DiGraph(g) if case["directed"] else nx.Graph(g)
    problems = []
    for q in case["queries"]:
        s, t, where = q["from"], q["to"], f'{case["name"]} {q["from"]}->{q["to"]}'
        try:
            expected = nx.shortest_path_length(g, s, t)
        except nx.NetworkXNoPath:
            expected = None
        if q["shortest"] != expected:
            problems.append(f"{where}: shortest {q['shortest']} != networkx {expected}")
        paths = {tuple(p) for p in nx.all_simple_paths(g, s, t, cutoff=q["cutoff"])}
        got = {tuple(p) for p in q["simple_paths"]}
        if len(got) != len(q["simple_paths"]):
            problems.append(f"{where}: a simple path is listed twice")
        if got != paths:
            problems.append(
                f"{where}: simple paths up to {q['cutoff']} hops differ: "
                f"only diplograph {sorted(got - paths)}, only networkx {sorted(paths - got)}"
            )
        if expected is None:
            lengths = []
        else:
            lengths = [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(simple, s, t), q["k"])]
        if q["k_lengths"] != lengths:
            problems.append(f"{where}: k={q['k']} shortest lengths {q['k_lengths']} != networkx {lengths}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    problems = [p for case in cases for p in check(case)]
    for p in problems:
        print(p)
    queries = sum(len(c["queries"]) for c in cases)
    print(f"networkx {nx.__version__}: {len(cases)} graphs, {queries} queries, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

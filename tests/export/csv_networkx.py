#!/usr/bin/env python3
"""Loads diplograph's CSV export (nodes.csv, edges.csv) into NetworkX — an independent graph
library — and checks that it is the same graph diplograph answers from: node and edge counts, and
the fewest-hops distance between pairs of entities.

Usage: csv_networkx.py EXPORTS_DIR EXPECTED.json
EXPECTED.json (written by tests/export/csv_networkx.rs from the library): {"nodes": N, "edges": M,
"distances": [[from, to, hops or null], ...]}.
Exit status: 0 if everything agrees, 1 if not (each difference printed), 2 on bad input.
"""
import csv
import json
import os
import sys

import networkx as nx


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exports, expected_path = argv
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    g = nx.MultiGraph()  # "how is X connected to Y": relations followed both ways
    with open(os.path.join(exports, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"], kind=row["kind"])
    with open(os.path.join(exports, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for end in (row["subject"], row["object"]):
                if end not in g:
                    print(f"edges.csv: {row['id']} names {end}, which nodes.csv lacks")
                    return 1
            g.add_edge(row["subject"], row["object"], key=row["id"], predicate=row["predicate"])
    problems = []
    if g.number_of_nodes() != expected["nodes"]:
        problems.append(f"nodes: networkx {g.number_of_nodes()}, diplograph {expected['nodes']}")
    if g.number_of_edges() != expected["edges"]:
        problems.append(f"edges: networkx {g.number_of_edges()}, diplograph {expected['edges']}")
    checked = 0
    for source, target, hops in expected["distances"]:
        try:
            got = nx.shortest_path_length(g, source, target)
        except nx.NetworkXNoPath:
            got = None
        if got != hops:
            problems.append(f"{source} -> {target}: networkx {got}, diplograph {hops}")
        checked += 1
    for p in problems[:50]:
        print(p)
    print(f"csv_networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {checked} distances checked, "
          f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

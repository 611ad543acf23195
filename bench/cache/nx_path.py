#!/usr/bin/env python3
"""What a NetworkX user runs for one shortest path on a graph-data folder, as a whole process:
read relations.csv with the csv module, build an undirected nx.Graph, one nx.shortest_path.

Usage: nx_path.py DIR FROM TO   (prints the path's hops and the seconds of each phase)"""
import csv
import json
import os
import sys
import time

import networkx as nx

d, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
t = time.perf_counter()
G = nx.Graph()
with open(os.path.join(d, "relations.csv"), newline="") as f:
    rows = csv.reader(f)
    next(rows)
    for row in rows:
        G.add_edge(row[0], row[2])
built = time.perf_counter() - t
t = time.perf_counter()
try:
    hops = len(nx.shortest_path(G, a, b)) - 1
except nx.NetworkXNoPath:
    hops = None
print(json.dumps({"hops": hops, "build_s": built, "query_s": time.perf_counter() - t}))

#!/usr/bin/env python3
"""The 20 (from, to) pairs ../shared/bench/peers.py N networkx times NetworkX's shortest path on,
as graph-data ids (`e<n>`), one pair a line: peers.py is run up to its graph (mode "none" runs no
peer), and the random draws that follow are the ones its NetworkX part makes.

Usage: pairs.py PEERS_PY N > pairs.txt"""
import contextlib
import random
import runpy
import sys

peers, n = sys.argv[1], sys.argv[2]
sys.argv = [peers, n, "none"]
with contextlib.redirect_stdout(sys.stderr):
    g = runpy.run_path(peers, run_name="peers")
E = g["E"]
for _ in range(20):
    a, b = random.randrange(E), random.randrange(E)
    print(f"e{a} e{b}")

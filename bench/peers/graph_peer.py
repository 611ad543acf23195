"""Path queries with networkx or igraph on the edges of a graph-data folder (a benchmark peer).

    graph_peer.py --lib networkx --data DIR --hub H --from A --to B --all-paths-to C [--repeat 3]

The graph is undirected and simple: one edge per pair of entities that share a relation (as
diplograph's queries follow relations both ways), every entity a node. Times the graph build
once, then each query alone, --repeat times. Prints one JSON object.
"""

import argparse
import itertools
import json
import time

import synthdata


def timed(repeat, query):
    seconds, answer = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        answer = query()
        seconds.append(time.perf_counter() - started)
    return {"status": "ok", "seconds": seconds, "answer": answer}


def hops(path):
    return "%d hops" % (len(path) - 1) if path else "no path"


def capped(n, cap):
    return "%d paths%s" % (n, " (capped)" if n == cap else "")


def with_networkx(args):
    import networkx as nx

    started = time.perf_counter()
    g = nx.Graph()
    g.add_nodes_from(e[0] for e in synthdata.entities(args.data))
    g.add_edges_from(synthdata.edges(args.data))
    build = time.perf_counter() - started
    a, b, r = args.source, args.target, args.repeat

    def k_shortest():
        paths = list(itertools.islice(nx.shortest_simple_paths(g, a, b), args.k))
        return "%d paths, %d..%d hops" % (len(paths), len(paths[0]) - 1, len(paths[-1]) - 1)

    def all_simple():
        paths = nx.all_simple_paths(g, a, args.paths_target, cutoff=args.max_hops)
        n = sum(1 for _ in itertools.islice(paths, args.cap))
        return capped(n, args.cap)

    def ego():
        sub = nx.ego_graph(g, args.hub, radius=2)
        return "%d entities, %d edges" % (sub.number_of_nodes(), sub.number_of_edges())

    queries = {
        "shortest_path": timed(r, lambda: hops(nx.shortest_path(g, a, b))),
        "k_shortest_paths": timed(r, k_shortest),
        "all_simple_paths": timed(r, all_simple),
        "neighbourhood_depth2": timed(r, ego),
    }
    return build, g.number_of_nodes(), g.number_of_edges(), queries


def with_igraph(args):
    import igraph as ig

    started = time.perf_counter()
    ids = [e[0] for e in synthdata.entities(args.data)]
    index = {name: i for i, name in enumerate(ids)}
    g = ig.Graph(n=len(ids), edges=[(index[s], index[o]) for s, o in synthdata.edges(args.data)])
    g.simplify()
    build = time.perf_counter() - started
    a, b, r = index[args.source], index[args.target], args.repeat

    def k_shortest():
        paths = g.get_k_shortest_paths(a, to=b, k=args.k)
        return "%d paths, %d..%d hops" % (len(paths), len(paths[0]) - 1, len(paths[-1]) - 1)

    def all_simple():
        c = index[args.paths_target]
        paths = g.get_all_simple_paths(a, to=c, maxlen=args.max_hops, max_results=args.cap)
        return capped(len(paths), args.cap)

    def ego():
        nodes = g.neighborhood(index[args.hub], order=2)
        return "%d entities" % len(nodes)

    queries = {
        "shortest_path": timed(r, lambda: hops(g.get_shortest_path(a, to=b))),
        "k_shortest_paths": timed(r, k_shortest),
        "all_simple_paths": timed(r, all_simple),
        "neighbourhood_depth2": timed(r, ego),
    }
    return build, g.vcount(), g.ecount(), queries


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", choices=["networkx", "igraph"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--hub", required=True)
    ap.add_argument("--from", dest="source", required=True)
    ap.add_argument("--to", dest="target", required=True)
    ap.add_argument("--all-paths-to", dest="paths_target", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-hops", type=int, default=4)
    ap.add_argument("--cap", type=int, default=10000)
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    run = with_networkx if args.lib == "networkx" else with_igraph
    build, nodes, edges, queries = run(args)
    print(json.dumps({"build_seconds": build, "nodes": nodes, "edges": edges, "queries": queries}))


if __name__ == "__main__":
    main()

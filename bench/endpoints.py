"""Choosing the entities the queries start from and go to, the same for every tool."""

import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
import synthdata  # noqa: E402


def choose(folder):
    """A dict of the query endpoints and facts about them.

    `hub` and `hub2` are the entities with the most neighbours; `source` and `target` are rarely
    mentioned entities (1–3 neighbours) of the hub's component, the first and the last such by
    id, so paths between them run through the dense core. Shortest paths go from `source` to
    `target`; all simple paths from `source` to `hub2` (so that the cap is reached on a large
    graph, as in "how is this minor entity connected to NATO?")."""
    neighbours = collections.defaultdict(set)
    for s, o in synthdata.edges(folder):
        neighbours[s].add(o)
        neighbours[o].add(s)
    by_degree = sorted(neighbours, key=lambda n: (-len(neighbours[n]), n))
    hub, hub2 = by_degree[0], by_degree[1]
    # The component of the hub, with distances from it.
    dist = {hub: 0}
    queue = collections.deque([hub])
    while queue:
        n = queue.popleft()
        for m in neighbours[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    tail = sorted(n for n in dist if 1 <= len(neighbours[n]) <= 3)
    if len(tail) < 2:
        tail = sorted(n for n in dist if n != hub)
    source, target = tail[0], tail[-1]
    return {
        "hub": hub,
        "hub2": hub2,
        "source": source,
        "target": target,
        "hub_neighbours": len(neighbours[hub]),
        "hub2_neighbours": len(neighbours[hub2]),
        "source_neighbours": len(neighbours[source]),
        "target_neighbours": len(neighbours[target]),
        "source_target_hops": None if target not in dist else _hops(neighbours, source, target),
        "component": len(dist),
        "entities_with_relations": len(neighbours),
    }


def _hops(neighbours, a, b):
    dist = {a: 0}
    queue = collections.deque([a])
    while queue:
        n = queue.popleft()
        if n == b:
            return dist[n]
        for m in neighbours[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    return None


if __name__ == "__main__":
    print(choose(sys.argv[1]))

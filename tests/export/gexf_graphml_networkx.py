"""Reads exports/graph.gexf and exports/graph.graphml with NetworkX and compares them with what
diplograph says the graph is.

Usage: gexf_graphml_networkx.py EXPORTS_DIR EXPECTED.json

EXPECTED (written by tests/export_tools.rs) has "nodes": {id: {attribute: value}} and "edges":
{relation id: {"source", "target", attribute: value}} with typed values (booleans, integers).
If DIPLOGRAPH_GEXF_XSD names gexf.xsd of the published GEXF 1.3 schema (with its dynamics.xsd and
viz.xsd beside it), the GEXF file is also validated with lxml (see docs/gephi-cytoscape.md for
why the viz:color elements are set aside first). Prints `N passed, N failed`.
"""

import json
import os
import sys

import networkx as nx

exports, expected_file = sys.argv[1:3]
expected = json.load(open(expected_file, encoding="utf-8"))
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok      " if ok else "FAILED  ") + name + ("" if ok else ": " + str(detail)[:2000]))


def compare(fmt, graph, edge_id, skip=(), empty_absent=False):
    check("%s: %d nodes" % (fmt, len(expected["nodes"])), graph.number_of_nodes() == len(expected["nodes"]), graph.number_of_nodes())
    check("%s: %d edges" % (fmt, len(expected["edges"])), graph.number_of_edges() == len(expected["edges"]), graph.number_of_edges())
    bad = []
    for node, want in expected["nodes"].items():
        got = graph.nodes.get(node)
        if got is None:
            bad.append((node, "missing"))
            continue
        for key, value in want.items():
            if key not in skip and got.get(key, "" if empty_absent else None) != value:
                bad.append((node, key, value, got.get(key)))
    check("%s: every node attribute, typed" % fmt, bad == [], bad[:5])
    bad = []
    seen = set()
    for source, target, key, data in graph.edges(keys=True, data=True):
        rid = edge_id(key, data)
        seen.add(rid)
        want = expected["edges"].get(rid)
        if want is None:
            bad.append((rid, "unexpected"))
            continue
        if (source, target) != (want["source"], want["target"]):
            bad.append((rid, "ends", source, target))
        for k, value in want.items():
            if k in ("source", "target") or k in skip:
                continue
            if data.get(k, "" if empty_absent else None) != value:
                bad.append((rid, k, value, data.get(k)))
    check("%s: every edge attribute, typed" % fmt, bad == [] and seen == set(expected["edges"]), bad[:5])


gexf_file = os.path.join(exports, "graph.gexf")
gexf = nx.read_gexf(gexf_file)
check("gexf: read as a dynamic directed multigraph", gexf.is_directed() and gexf.graph.get("mode") == "dynamic")
# GEXF spells the node label and the interval as XML attributes, read as "label", "start", "end".
compare("gexf", gexf, lambda key, data: data["id"], skip=("color", "start", "end", "start_day", "end_day"))
bad = []
for _, _, key, data in gexf.edges(keys=True, data=True):
    want = expected["edges"][data["id"]]
    if data.get("start") != want["start_day"] or data.get("end") != want["end_day"]:
        bad.append((data["id"], want["start_day"], want["end_day"], data.get("start"), data.get("end")))
check("gexf: every validity interval, open ends open", bad == [], bad[:5])
colours = {n: d.get("viz", {}).get("color") for n, d in gexf.nodes(data=True)}
bad = [n for n, c in colours.items() if not c or "#%02x%02x%02x" % (c["r"], c["g"], c["b"]) != expected["nodes"][n]["color"]]
check("gexf: every node has its kind's colour", bad == [], bad[:5])

graphml = nx.read_graphml(os.path.join(exports, "graph.graphml"), force_multigraph=True)
# GraphML leaves empty values out.
compare("graphml", graphml, lambda key, data: key, skip=("start_day", "end_day"), empty_absent=True)

xsd = os.environ.get("DIPLOGRAPH_GEXF_XSD")
if xsd:
    from lxml import etree

    doc = etree.parse(gexf_file)
    # The published 1.3 XSD declares <color> in the GEXF namespace; Gephi and NetworkX write and
    # read it as viz:color. Validate everything else.
    for viz in doc.iter("{http://gexf.net/1.3/viz}color"):
        viz.getparent().remove(viz)
    schema = etree.XMLSchema(etree.parse(xsd))
    ok = schema.validate(doc)
    check("gexf: valid against %s (viz elements aside)" % xsd, ok, schema.error_log)
else:
    print("note: DIPLOGRAPH_GEXF_XSD not set; the GEXF file was not validated against an XSD")

failed = results.count(False)
print("%d passed, %d failed" % (results.count(True), failed))
sys.exit(1 if failed else 0)

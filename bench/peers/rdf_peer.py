"""Serializes the triples of a graph-data folder with rdflib or pyoxigraph (a benchmark peer).

    rdf_peer.py --lib pyoxigraph --format nt --data DIR --out FILE

The triples imitate diplograph's RDF model: for each relation (claims merged by subject,
predicate, object and date) a direct triple `subject predicate object`, and a statement node
with rdf:type, rdf:subject, rdf:predicate, rdf:object, the date (if any) and, per claim, its
source, quote and note (if any) — about 8 triples per relation; for each entity its type and
label. Prints one JSON object: seconds to read the CSV, to build the triples, to serialize, and
the number of triples and bytes written.
"""

import argparse
import json
import os
import time

import synthdata

BASE = "https://diplograph.example/"
E, V, R, S = BASE + "entity/", BASE + "vocab/", BASE + "relation/", BASE + "source/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PREFIXES = {"e": E, "v": V, "r": R, "s": S, "rdf": RDF, "rdfs": RDFS}


def plain_triples(folder):
    """The triples as tuples of ('iri', text) / ('lit', text)."""
    out = []
    for eid, kind, label in synthdata.entities(folder):
        out.append((E + eid, RDF + "type", ("iri", V + kind.capitalize())))
        out.append((E + eid, RDFS + "label", ("lit", label)))
    for n, ((s, p, o, date), evidence) in enumerate(synthdata.relations(folder).items()):
        st = R + "r%d" % n
        out.append((E + s, V + p, ("iri", E + o)))
        out.append((st, RDF + "type", ("iri", RDF + "Statement")))
        out.append((st, RDF + "subject", ("iri", E + s)))
        out.append((st, RDF + "predicate", ("iri", V + p)))
        out.append((st, RDF + "object", ("iri", E + o)))
        if date:
            out.append((st, V + "date", ("lit", date)))
        for source, quote, note in evidence:
            out.append((st, V + "source", ("iri", S + source)))
            out.append((st, V + "quote", ("lit", quote)))
            if note:
                out.append((st, V + "note", ("lit", note)))
    return out


def with_pyoxigraph(triples, fmt, path):
    import pyoxigraph as ox

    started = time.perf_counter()
    nodes = {}

    def node(iri):
        n = nodes.get(iri)
        if n is None:
            n = nodes[iri] = ox.NamedNode(iri)
        return n

    built = [
        ox.Triple(node(s), node(p), node(o[1]) if o[0] == "iri" else ox.Literal(o[1]))
        for s, p, o in triples
    ]
    build = time.perf_counter() - started
    started = time.perf_counter()
    if fmt == "nt":
        ox.serialize(built, path, ox.RdfFormat.N_TRIPLES)
    else:
        ox.serialize(built, path, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return build, time.perf_counter() - started


def with_rdflib(triples, fmt, path):
    import rdflib

    started = time.perf_counter()
    g = rdflib.Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    nodes = {}

    def node(iri):
        n = nodes.get(iri)
        if n is None:
            n = nodes[iri] = rdflib.URIRef(iri)
        return n

    for s, p, o in triples:
        g.add((node(s), node(p), node(o[1]) if o[0] == "iri" else rdflib.Literal(o[1])))
    build = time.perf_counter() - started
    started = time.perf_counter()
    g.serialize(destination=path, format="nt" if fmt == "nt" else "turtle", encoding="utf-8")
    return build, time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", choices=["rdflib", "pyoxigraph"], required=True)
    ap.add_argument("--format", choices=["nt", "ttl"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    started = time.perf_counter()
    triples = plain_triples(args.data)
    read = time.perf_counter() - started
    run = with_pyoxigraph if args.lib == "pyoxigraph" else with_rdflib
    build, serialize = run(triples, args.format, args.out)
    print(json.dumps({
        "read_seconds": read,
        "build_seconds": build,
        "serialize_seconds": serialize,
        "triples": len(triples),
        "bytes": os.path.getsize(args.out),
    }))


if __name__ == "__main__":
    main()

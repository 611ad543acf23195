"""Serializes a graph's triples with rdflib or pyoxigraph (a benchmark peer).

    rdf_peer.py --lib pyoxigraph --format nt --triples EXPORT.nt [--prefixes-from EXPORT.ttl] --out FILE
    rdf_peer.py --lib pyoxigraph --format nt --data DIR --out FILE

With --triples, the peer parses diplograph's own N-Triples export and serializes exactly those
triples (with the prefixes of diplograph's Turtle export, if given): the serialization time is
then for the same triples. Prints one JSON object: seconds to parse (or read the CSV and build
the triples) and to serialize, the number of triples and the bytes written.

With --data (when diplograph's export is not available), the triples are built from the CSV and
imitate diplograph's RDF model: for each relation (claims merged by subject,
predicate, object and date) a direct triple `subject predicate object`, and a statement node
with rdf:type, rdf:subject, rdf:predicate, rdf:object, the date (if any) and, per claim, its
source, quote and note (if any) — about 8 triples per relation; for each entity its type and
label.
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


def prefixes_of(turtle):
    """The @prefix declarations at the top of a Turtle file."""
    found = {}
    with open(turtle, encoding="utf-8") as f:
        for line in f:
            if line.startswith("@prefix"):
                name, iri = line.split()[1:3]
                found[name.rstrip(":")] = iri.strip("<>")
            elif line.strip() and not line.startswith("#"):
                break
    return found


def parsed_pyoxigraph(path):
    import pyoxigraph as ox

    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES)]


def parsed_rdflib(path, prefixes):
    import rdflib

    g = rdflib.Graph()
    for prefix, iri in prefixes.items():
        g.bind(prefix, iri)
    g.parse(path, format="nt")
    return g


def serialize_pyoxigraph(triples, fmt, path, prefixes):
    import pyoxigraph as ox

    started = time.perf_counter()
    if fmt == "nt":
        ox.serialize(triples, path, ox.RdfFormat.N_TRIPLES)
    else:
        ox.serialize(triples, path, ox.RdfFormat.TURTLE, prefixes=prefixes)
    return time.perf_counter() - started


def serialize_rdflib(g, fmt, path):
    started = time.perf_counter()
    g.serialize(destination=path, format="nt" if fmt == "nt" else "turtle", encoding="utf-8")
    return time.perf_counter() - started


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
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--triples", help="diplograph's N-Triples export: serialize exactly its triples")
    source.add_argument("--data", help="a graph-data folder: build similar triples from the CSV")
    ap.add_argument("--prefixes-from", help="a Turtle file whose @prefix lines to use")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.triples:
        prefixes = prefixes_of(args.prefixes_from) if args.prefixes_from else PREFIXES
        started = time.perf_counter()
        if args.lib == "pyoxigraph":
            triples = parsed_pyoxigraph(args.triples)
            count = len(triples)
            parse = time.perf_counter() - started
            serialize = serialize_pyoxigraph(triples, args.format, args.out, prefixes)
        else:
            g = parsed_rdflib(args.triples, prefixes)
            count = len(g)
            parse = time.perf_counter() - started
            serialize = serialize_rdflib(g, args.format, args.out)
        print(json.dumps({
            "source": "diplograph's N-Triples export",
            "parse_seconds": parse,
            "serialize_seconds": serialize,
            "triples": count,
            "bytes": os.path.getsize(args.out),
        }))
        return
    started = time.perf_counter()
    triples = plain_triples(args.data)
    read = time.perf_counter() - started
    run = with_pyoxigraph if args.lib == "pyoxigraph" else with_rdflib
    build, serialize = run(triples, args.format, args.out)
    print(json.dumps({
        "source": "built from the CSV",
        "read_seconds": read,
        "build_seconds": build,
        "serialize_seconds": serialize,
        "triples": len(triples),
        "bytes": os.path.getsize(args.out),
    }))


if __name__ == "__main__":
    main()

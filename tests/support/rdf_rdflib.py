"""Parses RDF files with rdflib, an RDF implementation independent of ours, and prints how many
triples (or quads) each holds, as JSON. Any warning rdflib raises about the data (a bad IRI, a
literal it cannot convert) is an error, and so is any literal whose lexical form does not fit
its datatype (a "1998-13"^^xsd:gYearMonth).

Usage: python3 rdf_rdflib.py FORMAT=FILE...   (FORMAT: turtle, nt, nquads)
Exit status: 0 on success, 1 if a file fails to parse or draws a warning, 3 if rdflib is missing.
"""

import json
import logging
import re
import sys
import warnings

try:
    import rdflib
except ImportError:
    print("rdflib is not installed", file=sys.stderr)
    sys.exit(3)


XSD = "http://www.w3.org/2001/XMLSchema#"
# rdflib leaves these unchecked (ill_typed is None), so check their lexical forms here.
LEXICAL = {
    XSD + "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    XSD + "gYearMonth": re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?"),
}


def ill_typed(term):
    if not isinstance(term, rdflib.Literal):
        return False
    if getattr(term, "ill_typed", None):
        return True
    pattern = LEXICAL.get(str(term.datatype)) if term.datatype else None
    return pattern is not None and not pattern.fullmatch(str(term))


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


def main(args):
    handler = Collect()
    logging.getLogger().addHandler(handler)
    counts = {}
    problems = []
    for arg in args:
        fmt, _, path = arg.partition("=")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if fmt == "nquads":
                ds = rdflib.Dataset()
                ds.parse(path, format="nquads")
                statements = list(ds.quads((None, None, None, None)))
            else:
                g = rdflib.Graph()
                g.parse(path, format=fmt)
                statements = list(g)
            counts[path] = len(statements)
            for st in statements:
                if ill_typed(st[2]):
                    problems.append(f"{path}: ill-typed literal {st[2].n3()}")
        for w in caught:
            # rdflib's own deprecations (e.g. in its N-Quads parser) say nothing about the data.
            if issubclass(w.category, DeprecationWarning):
                continue
            problems.append(f"{path}: {w.category.__name__}: {w.message}")
    problems += [f"log: {m}" for m in handler.records]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(json.dumps({"rdflib": rdflib.__version__, "counts": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reading a graph-data folder the way the peers need it (standard library only)."""

import csv
import os

# Relations may hold long quotes; the default field limit (128 KiB) is plenty, but be explicit.
csv.field_size_limit(1 << 24)


def read_table(folder, name):
    """Yields the rows of FOLDER/NAME as dicts."""
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def entities(folder):
    """[(id, kind, label)] in file order."""
    return [(r["id"], r["kind"], r["label"]) for r in read_table(folder, "entities.csv")]


def edges(folder):
    """Every (subject, object) pair of relations.csv, one per claim (duplicates included)."""
    with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        s, o = header.index("subject"), header.index("object")
        for row in reader:
            yield row[s], row[o]


def relations(folder):
    """Claims merged as diplograph merges them: one relation per (subject, predicate, object,
    date), in order of first appearance, each with its evidence [(source, quote, note)]."""
    merged = {}
    for r in read_table(folder, "relations.csv"):
        key = (r["subject"], r["predicate"], r["object"], r["date"])
        merged.setdefault(key, []).append((r["source"], r["quote"], r["note"]))
    return merged

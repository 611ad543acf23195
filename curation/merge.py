#!/usr/bin/env python3
"""Merge the curators' folders (curation/*/) into graph-data/.

Entities with the same id are one entity: aliases are united, the first label/kind/description
wins, and a kind conflict is reported. Relations are concatenated (the loader merges agreeing
claims). Extra predicates are appended. Run from the repository root: python3 curation/merge.py
"""
import csv, glob, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
gd = os.path.join(root, "graph-data")
parts = sorted(d for d in glob.glob(os.path.join(root, "curation", "*")) if os.path.isdir(d))

def read(path):
    if not os.path.exists(path):
        return [], None
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.DictReader(f)
        return list(r), r.fieldnames

def write(path, fields, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

# the seed entities live in curation/seed/ once merged; graph-data/entities.csv is regenerated
seed = os.path.join(root, "curation", "seed", "entities.csv")
entities, efields = read(seed)
by_id = {e["id"]: e for e in entities}
order = [e["id"] for e in entities]
problems = 0
relations = []
pred_rows, pfields = read(os.path.join(root, "curation", "predicates-base.csv"))
pred_ids = {p["id"] for p in pred_rows}
for part in parts:
    name = os.path.basename(part)
    if name == "seed":
        continue
    ents, _ = read(os.path.join(part, "entities.csv"))
    for e in ents:
        old = by_id.get(e["id"])
        if old is None:
            by_id[e["id"]] = e
            order.append(e["id"])
            continue
        if old["kind"] != e["kind"]:
            print(f"kind conflict for {e['id']}: {old['kind']} vs {e['kind']} ({name})", file=sys.stderr)
            problems += 1
        names = [old["label"]] + [a for a in old["aliases"].split("|") if a]
        for a in [e["label"]] + [a for a in e["aliases"].split("|") if a]:
            if a.strip() and a.strip() not in names:
                names.append(a.strip())
        old["aliases"] = "|".join(names[1:])
    rels, _ = read(os.path.join(part, "relations.csv"))
    relations.extend(rels)
    extra, _ = read(os.path.join(part, "predicates-extra.csv"))
    for p in extra:
        if p["id"] not in pred_ids:
            pred_rows.append(p)
            pred_ids.add(p["id"])

write(os.path.join(gd, "entities.csv"), ["id", "kind", "label", "aliases", "description", "same_as"], sorted((by_id[i] for i in order), key=lambda e: e["id"]))
write(os.path.join(gd, "relations.csv"), ["subject", "predicate", "object", "date", "source", "quote", "note"], relations)
write(os.path.join(gd, "predicates.csv"), pfields, pred_rows)
print(f"merged {len(parts)} parts: {len(by_id)} entities, {len(relations)} claims, {len(pred_rows)} predicates")
sys.exit(1 if problems else 0)

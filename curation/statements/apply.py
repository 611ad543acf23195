#!/usr/bin/env python3
"""Ties claims of graph-data/relations.csv to the statements they speak to, and marks negative
predicates in graph-data/predicates.csv (issue 13, part 2). Idempotent: run it again after
other edits to graph-data; rows are found by subject, predicate, object, date and source.

A statement key is shared by claims about one fact; claims that share a subject, predicate and
object but state different facts get different keys (then `conflicts` never compares them).
"""
import csv
import io
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "graph-data"

# (subject, predicate, object, date, source) -> statement key. Checked against
# ../shared/sources/<source>.txt.
STATEMENTS = {
    # "The signature of the PCA in 1995 signaled a commitment to ... cooperation" and "In May 2009
    # Belarus and the EU agree on cooperation in the Eastern Partnership": two facts.
    ("belarus", "cooperates_with", "european-union", "1995", "wikipedia-foreign-relations-of-belarus"): "eu-belarus-cooperation-pca",
    ("belarus", "cooperates_with", "european-union", "2009-05", "wikipedia-foreign-relations-of-belarus"): "eu-belarus-cooperation-eastern-partnership",
    # The PCA "concluded with Belarus in 1995" (the European Commission, as quoted) against "The
    # PCA was not concluded" (the Council's 1997 decision): one statement, opposite polarity.
    ("european-union", "concluded", "eu-belarus-partnership-and-cooperation-agreement", "1995", "wikipedia-foreign-relations-of-belarus"): "eu-belarus-pca-concluded",
    ("belarus", "concluded", "eu-belarus-partnership-and-cooperation-agreement", "1995", "wikipedia-foreign-relations-of-belarus"): "eu-belarus-pca-concluded",
    ("council-of-the-european-union", "not_concluded", "eu-belarus-partnership-and-cooperation-agreement", "1997", "wikipedia-foreign-relations-of-belarus"): "eu-belarus-pca-concluded",
    # Accession to PARP in 2004 (MFA) and the partnership for 2014-2015 agreed within PfP: two facts.
    ("belarus", "participant_in", "planning-and-review-process", "2004", "mfa-belarus-nato-cooperation"): "belarus-parp-accession",
    ("belarus", "participant_in", "planning-and-review-process", "2014/2015", "wikipedia-belarus-nato-relations"): "belarus-nato-partnership-2014-2015",
    # Research organisations cooperating within SPS since 1993 (MFA) and grant awards since 2001
    # (NATO): two facts, with their own figures (more than 75 projects, about 40 activities).
    ("belarus", "participant_in", "science-for-peace-and-security-programme", "1993/..", "mfa-belarus-nato-cooperation"): "belarus-sps-research-cooperation",
    ("belarus", "participant_in", "science-for-peace-and-security-programme", "2001/..", "nato-relations-with-belarus"): "belarus-sps-grant-awards",
    # Free trade from mid-1995, customs duties unified in March 2001: two facts.
    ("belarus", "trades_with", "russia", "1995", "wikipedia-foreign-relations-of-belarus"): "belarus-russia-free-trade",
    ("belarus", "trades_with", "russia", "2001-03", "wikipedia-foreign-relations-of-belarus"): "belarus-russia-customs-duties-unified",
    # NATO's calls after August 2020 and its May 2021 call to release Pratasevich and Sapega.
    ("nato", "called_on", "belarus", "2020-08/", "nato-relations-with-belarus"): "nato-calls-since-august-2020",
    ("nato", "called_on", "belarus", "2021-05", "nato-relations-with-belarus"): "nato-calls-release-pratasevich",
    # The first Individual Partnership Program since July 1997 (MFA) and since 1997 (Wikipedia):
    # one statement, compatible dates. The 2010 programme's 100 actions is another fact.
    ("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "1997-07/..", "mfa-belarus-nato-cooperation"): "belarus-ipcp-since-1997",
    ("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "1997/..", "wikipedia-belarus-nato-relations"): "belarus-ipcp-since-1997",
    ("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "", "wikipedia-belarus-nato-relations"): "belarus-ipcp-2010-programme",
    # The mine destruction project: completed in January 2007 (NATO), in December 2006
    # (Wikipedia), implemented in 2007 (MFA): one statement, a real disagreement between sources.
    ("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "/2007-01", "nato-relations-with-belarus"): "belarus-mine-destruction-project",
    ("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "2007", "mfa-belarus-nato-cooperation"): "belarus-mine-destruction-project",
    ("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "/2006-12", "wikipedia-belarus-nato-relations"): "belarus-mine-destruction-project",
    # Diplomatic relations with the United Kingdom: 27 January 1992 in the text, 1991 in the
    # Europe table of the same article: one statement, a disagreement within one source.
    ("belarus", "diplomatic_relations_with", "united-kingdom", "1992-01-27", "wikipedia-foreign-relations-of-belarus"): "belarus-uk-diplomatic-relations",
    ("belarus", "diplomatic_relations_with", "united-kingdom", "1991", "wikipedia-foreign-relations-of-belarus"): "belarus-uk-diplomatic-relations",
}

# Rows whose predicate misreads the source: "The PCA was not concluded" is not "not ratified".
PREDICATE_FIXES = {
    ("council-of-the-european-union", "not_ratified", "eu-belarus-partnership-and-cooperation-agreement", "1997", "wikipedia-foreign-relations-of-belarus"): "not_concluded",
}

NEGATES = {"not_concluded": "concluded", "not_ratified": "ratified", "not_recognised": "recognised"}

NOT_CONCLUDED = {
    "id": "not_concluded",
    "label": "did not conclude",
    "inverse_label": "not concluded by",
    "description": "The subject did not conclude (declined to enter into) the object agreement; the negation of 'concluded'.",
    "symmetric": "false",
    "domain": "state|organization",
    "range": "agreement",
    "temporal": "event",
    "same_as": "",
}


def read(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write(path, header, rows):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def main():
    preds_path = DATA / "predicates.csv"
    text = preds_path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    preds = read(preds_path)
    if "negates" not in header:
        header.append("negates")
    if not any(p["id"] == "not_concluded" for p in preds):
        i = next(i for i, p in enumerate(preds) if p["id"] == "not_ratified")
        preds.insert(i, dict(NOT_CONCLUDED))
    for p in preds:
        p["negates"] = NEGATES.get(p["id"], p.get("negates") or "")
    write(preds_path, header, preds)

    rel_path = DATA / "relations.csv"
    text = rel_path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    rows = read(rel_path)
    if "statement" not in header:
        header.append("statement")
    found = set()
    for r in rows:
        key = (r["subject"], r["predicate"], r["object"], r["date"], r["source"])
        if key in PREDICATE_FIXES:
            r["predicate"] = PREDICATE_FIXES[key]
            key = (r["subject"], r["predicate"], r["object"], r["date"], r["source"])
        r.setdefault("statement", "")
        if key in STATEMENTS:
            r["statement"] = STATEMENTS[key]
            found.add(key)
    write(rel_path, header, rows)
    for key in sorted(set(STATEMENTS) - found):
        print("not found (was the row changed?):", ",".join(key), file=sys.stderr)


if __name__ == "__main__":
    main()

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

# (subject, predicate, object, source, a fragment of the quote) -> statement key: rows are found
# by what they say, not by their date (which other curation may refine). Checked against
# ../shared/sources/<source>.txt.
WFR = "wikipedia-foreign-relations-of-belarus"
WBN = "wikipedia-belarus-nato-relations"
MFA = "mfa-belarus-nato-cooperation"
NATO = "nato-relations-with-belarus"
STATEMENTS = [
    # "The signature of the PCA in 1995 signaled a commitment to ... cooperation" and "In May 2009
    # Belarus and the EU agree on cooperation in the Eastern Partnership": two facts.
    (("belarus", "cooperates_with", "european-union", WFR, "Partnership and Cooperation Agreement (PCA) in 1995"), "eu-belarus-cooperation-pca"),
    (("belarus", "cooperates_with", "european-union", WFR, "Eastern Partnership"), "eu-belarus-cooperation-eastern-partnership"),
    # The PCA "concluded with Belarus in 1995" (the European Commission, as quoted) against "The
    # PCA was not concluded" (the Council's 1997 decision): one statement, opposite polarity.
    (("european-union", "concluded", "eu-belarus-partnership-and-cooperation-agreement", WFR, "concluded with Belarus in 1995"), "eu-belarus-pca-concluded"),
    (("belarus", "concluded", "eu-belarus-partnership-and-cooperation-agreement", WFR, "concluded with Belarus in 1995"), "eu-belarus-pca-concluded"),
    (("council-of-the-european-union", "not_concluded", "eu-belarus-partnership-and-cooperation-agreement", WFR, "The PCA was not concluded"), "eu-belarus-pca-concluded"),
    # Accession to PARP in 2004 (MFA) and the partnership for 2014-2015 agreed within PfP: two facts.
    (("belarus", "participant_in", "planning-and-review-process", MFA, "In 2004, Belarus acceded"), "belarus-parp-accession"),
    (("belarus", "participant_in", "planning-and-review-process", WBN, "2014-2015"), "belarus-nato-partnership-2014-2015"),
    # Research organisations cooperating within SPS since 1993 (MFA) and grant awards since 2001
    # (NATO): two facts, with their own figures (more than 75 projects, about 40 activities).
    (("belarus", "participant_in", "science-for-peace-and-security-programme", MFA, "scientific research organizations"), "belarus-sps-research-cooperation"),
    (("belarus", "participant_in", "science-for-peace-and-security-programme", NATO, "Since 2001"), "belarus-sps-grant-awards"),
    # Free trade from mid-1995, customs duties unified in March 2001: two facts.
    (("belarus", "trades_with", "russia", WFR, "free trade"), "belarus-russia-free-trade"),
    (("belarus", "trades_with", "russia", WFR, "customs duties were unified"), "belarus-russia-customs-duties-unified"),
    # NATO's calls after August 2020 and its May 2021 call to release Pratasevich and Sapega.
    (("nato", "called_on", "belarus", NATO, "since August 2020"), "nato-calls-since-august-2020"),
    (("nato", "called_on", "belarus", NATO, "release of Mr. Pratasevich"), "nato-calls-release-pratasevich"),
    # The first Individual Partnership Program since July 1997 (MFA) and since 1997 (Wikipedia):
    # one statement, compatible dates. The 2010 programme's 100 actions is another fact.
    (("belarus", "participant_in", "individual-partnership-and-cooperation-programme", MFA, "endorsed by the NATO Council in July 1997"), "belarus-ipcp-since-1997"),
    (("belarus", "participant_in", "individual-partnership-and-cooperation-programme", WBN, "since 1997"), "belarus-ipcp-since-1997"),
    (("belarus", "participant_in", "individual-partnership-and-cooperation-programme", WBN, "The 2010 NATO–Belarus Individual Partnership Program"), "belarus-ipcp-2010-programme"),
    # The mine destruction project: completed in January 2007 (NATO), in December 2006
    # (Wikipedia), implemented in 2007 (MFA): one statement, a real disagreement between sources.
    (("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", NATO, "Completed in January 2007"), "belarus-mine-destruction-project"),
    (("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", MFA, "implementation in 2007"), "belarus-mine-destruction-project"),
    (("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", WBN, "completed in December 2006"), "belarus-mine-destruction-project"),
    # Diplomatic relations with the United Kingdom: 27 January 1992 in the text, 1991 in the
    # Europe table of the same article: one statement, a disagreement within one source.
    (("belarus", "diplomatic_relations_with", "united-kingdom", WFR, "on 27 January 1992"), "belarus-uk-diplomatic-relations"),
    (("belarus", "diplomatic_relations_with", "united-kingdom", WFR, "1991 | See"), "belarus-uk-diplomatic-relations"),
]

# Rows whose predicate misreads the source: "The PCA was not concluded" is not "not ratified".
PREDICATE_FIXES = [
    (("council-of-the-european-union", "not_ratified", "eu-belarus-partnership-and-cooperation-agreement", WFR, "The PCA was not concluded"), "not_concluded"),
]


def matches(row, key):
    subject, predicate, obj, source, fragment = key
    return (row["subject"], row["predicate"], row["object"], row["source"]) == (subject, predicate, obj, source) and fragment in row["quote"]


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
        for key, predicate in PREDICATE_FIXES:
            if matches(r, key):
                r["predicate"] = predicate
        r["statement"] = r.get("statement") or ""
        for i, (key, statement) in enumerate(STATEMENTS):
            if matches(r, key):
                r["statement"] = statement
                found.add(i)
    write(rel_path, header, rows)
    for i, (key, statement) in enumerate(STATEMENTS):
        if i not in found:
            print(f"no row found for {statement}: {key} (changed or removed?)", file=sys.stderr)


if __name__ == "__main__":
    main()

//! The explorer page's data: the graph as one JSON object, written value by value.
//!
//! ```text
//! { "version": 2,
//!   "kinds":      [{"id","title","fill","border","shape"}],        EntityKind order
//!   "predicates": [{"id","label","inverse","symmetric","temporal","description"}],   by id
//!   "sources":    [{"id","title","publisher","url","published"}],  by id
//!   "entities":   [{"id","kind","label","aliases","description","same_as",
//!                   "date","date_human","date_source","date_quote","iso_3166"}],    by id
//!   "relations":  [{"id","s","p","o","date","human","start","end","point",
//!                   "evidence":[[source, quote, note, link, caveat]]}], by relation id
//!   "disagreements": [{"about","versions":[{"value","claims":[[relation, evidence, stated]]}]}],
//!   "years": [first, last] }
//! ```
//! `s`, `o`, `p` and `source` are indices into `entities`, `predicates` and `sources`. `start` and
//! `end` describe the relation's interval (read by its predicate's temporal kind) as the time
//! filter needs it: `null` for an unknown end, `"open"` for `..`, or `[earliest, latest, exact]`
//! — days since 1970-01-01 and whether the date is neither approximate nor uncertain. `point` is
//! true for a relation at one date (an event: start and end are the same date).

use std::collections::HashMap;
use std::io::{self, Write};

use crate::export::dot::style::kind_style;
use crate::export::evidence_link::evidence_link;
use crate::export::json_text::{write_opt_str, write_str, write_str_array};
use crate::model::edtf::Bound;
use crate::model::graph::Graph;
use crate::model::kind::EntityKind;
use crate::model::relation::{Relation, RelationId};
use crate::query::disagreement::{Disputed, Scope};
use crate::verify::EvidenceLink;

/// The cytoscape.js node shape of a kind, close to its DOT shape.
fn shape(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::State => "round-rectangle",
        EntityKind::Organization => "round-rectangle",
        EntityKind::Programme => "tag",
        EntityKind::Person => "ellipse",
        EntityKind::Office => "octagon",
        EntityKind::Agreement => "rectangle",
        EntityKind::Event => "diamond",
        EntityKind::Place => "pentagon",
    }
}

fn write_bound(w: &mut dyn Write, bound: Bound) -> io::Result<()> {
    match bound {
        Bound::Unknown => w.write_all(b"null"),
        Bound::Open => w.write_all(b"\"open\""),
        Bound::Date(d) => write!(
            w,
            "[{},{},{}]",
            d.earliest().number(),
            d.latest().number(),
            !d.is_approximate() && !d.is_uncertain()
        ),
    }
}

/// Writes the data object.
pub(super) fn write_data(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let mut predicates: Vec<_> = graph.predicates().iter().collect();
    predicates.sort_by(|a, b| a.id.cmp(&b.id));
    let mut sources: Vec<_> = graph.sources().iter().collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let mut entities: Vec<_> = graph.entities().collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    let mut relations: Vec<&Relation> = graph.relations().collect();
    relations.sort_by_key(|r| r.id);

    let predicate_index: HashMap<&str, usize> =
        predicates.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let source_index: HashMap<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let entity_index: HashMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let relation_index: HashMap<RelationId, usize> = relations.iter().enumerate().map(|(i, r)| (r.id, i)).collect();

    w.write_all(b"{\"version\":2,\n\"kinds\":[")?;
    for (i, kind) in EntityKind::ALL.into_iter().enumerate() {
        let (_, fill, border) = kind_style(kind);
        if i > 0 {
            w.write_all(b",")?;
        }
        write!(
            w,
            "\n{{\"id\":\"{}\",\"title\":\"{}\",\"fill\":\"{fill}\",\"border\":\"{border}\",\"shape\":\"{}\"}}",
            kind.name(),
            kind.title(),
            shape(kind)
        )?;
    }
    w.write_all(b"],\n\"predicates\":[")?;
    for (i, p) in predicates.iter().enumerate() {
        w.write_all(if i > 0 { b",\n{\"id\":" } else { b"\n{\"id\":" })?;
        write_str(w, p.id.as_str())?;
        w.write_all(b",\"label\":")?;
        write_str(w, &p.label)?;
        w.write_all(b",\"inverse\":")?;
        write_str(w, &p.inverse_label)?;
        write!(
            w,
            ",\"symmetric\":{},\"temporal\":\"{}\",\"description\":",
            p.symmetric,
            p.temporal.name()
        )?;
        write_str(w, &p.description)?;
        w.write_all(b"}")?;
    }
    w.write_all(b"],\n\"sources\":[")?;
    for (i, s) in sources.iter().enumerate() {
        w.write_all(if i > 0 { b",\n{\"id\":" } else { b"\n{\"id\":" })?;
        write_str(w, s.id.as_str())?;
        w.write_all(b",\"title\":")?;
        write_str(w, &s.title)?;
        w.write_all(b",\"publisher\":")?;
        write_str(w, &s.publisher)?;
        w.write_all(b",\"url\":")?;
        write_opt_str(w, s.url.as_deref())?;
        w.write_all(b",\"published\":")?;
        write_opt_str(w, s.published.map(|d| d.human()).as_deref())?;
        w.write_all(b"}")?;
    }
    w.write_all(b"],\n\"entities\":[")?;
    for (i, e) in entities.iter().enumerate() {
        w.write_all(if i > 0 { b",\n{\"id\":" } else { b"\n{\"id\":" })?;
        write_str(w, e.id.as_str())?;
        write!(w, ",\"kind\":\"{}\",\"label\":", e.kind.name())?;
        write_str(w, &e.label)?;
        w.write_all(b",\"aliases\":")?;
        write_str_array(w, e.aliases.iter().map(String::as_str))?;
        w.write_all(b",\"description\":")?;
        write_str(w, &e.description)?;
        w.write_all(b",\"same_as\":")?;
        write_str_array(w, e.same_as.iter().map(String::as_str))?;
        let date = e.date.as_ref();
        w.write_all(b",\"date\":")?;
        write_opt_str(w, date.map(|d| d.date.to_string()).as_deref())?;
        w.write_all(b",\"date_human\":")?;
        write_opt_str(w, date.map(|d| d.date.human()).as_deref())?;
        w.write_all(b",\"date_source\":")?;
        write_opt_str(w, date.map(|d| d.evidence.source.as_str()))?;
        w.write_all(b",\"date_quote\":")?;
        write_opt_str(w, date.map(|d| d.evidence.quote.as_str()))?;
        w.write_all(b",\"iso_3166\":")?;
        write_opt_str(w, e.iso_3166.map(|c| c.to_string()).as_deref())?;
        w.write_all(b"}")?;
    }
    w.write_all(b"],\n\"relations\":[")?;
    let (mut first_year, mut last_year) = (i32::MAX, i32::MIN);
    for (i, r) in relations.iter().enumerate() {
        let predicate = graph.predicate_of(r);
        let index = |id: &str| entity_index.get(id).copied().unwrap_or(usize::MAX);
        write!(
            w,
            "{}{{\"id\":\"{}\",\"s\":{},\"p\":{},\"o\":{},\"date\":",
            if i > 0 { ",\n" } else { "\n" },
            r.id,
            index(r.subject.as_str()),
            predicate_index.get(r.predicate.as_str()).copied().unwrap_or(usize::MAX),
            index(r.object.as_str()),
        )?;
        write_opt_str(w, r.date.map(|d| d.to_string()).as_deref())?;
        w.write_all(b",\"human\":")?;
        write_opt_str(w, r.date.map(|d| d.human()).as_deref())?;
        match r.span(predicate.temporal) {
            None => w.write_all(b",\"start\":null,\"end\":null,\"point\":false")?,
            Some(span) => {
                w.write_all(b",\"start\":")?;
                write_bound(w, span.start)?;
                w.write_all(b",\"end\":")?;
                write_bound(w, span.end)?;
                let point = matches!((span.start, span.end), (Bound::Date(a), Bound::Date(b)) if a == b);
                write!(w, ",\"point\":{point}")?;
                for d in [span.start, span.end].iter().filter_map(Bound::date) {
                    first_year = first_year.min(d.year());
                    last_year = last_year.max(d.year());
                }
            }
        }
        w.write_all(b",\"evidence\":[")?;
        for (j, e) in r.evidence.iter().enumerate() {
            write!(
                w,
                "{}[{},",
                if j > 0 { "," } else { "" },
                source_index.get(e.source.as_str()).copied().unwrap_or(usize::MAX)
            )?;
            write_str(w, &e.quote)?;
            w.write_all(b",")?;
            write_opt_str(w, e.note.as_deref())?;
            // The link that opens the source at the quote (the recorded text fragment), and why
            // there is none when there is none.
            let link = evidence_link(graph, e);
            w.write_all(b",")?;
            write_opt_str(
                w,
                matches!(link, EvidenceLink::AtQuote(_)).then(|| link.url()).flatten(),
            )?;
            w.write_all(b",")?;
            write_opt_str(w, link.caveat().as_deref())?;
            w.write_all(b"]")?;
        }
        w.write_all(b"]}")?;
    }
    w.write_all(b"],\n\"disagreements\":[")?;
    for (i, d) in graph.disagreements().run().iter().enumerate() {
        let about = match d.about {
            Disputed::Dates { .. } => "dates",
            Disputed::Quantities => "quantities",
            Disputed::Polarity => "polarity",
        };
        let scope = match d.scope {
            Scope::BetweenSources => "between_sources",
            Scope::WithinOneSource => "within_one_source",
        };
        write!(
            w,
            "{}{{\"about\":\"{about}\",\"scope\":\"{scope}\",\"versions\":[",
            if i > 0 { ",\n" } else { "\n" }
        )?;
        for (j, v) in d.versions.iter().enumerate() {
            w.write_all(if j > 0 { b",{\"value\":" } else { b"{\"value\":" })?;
            write_str(w, &v.value)?;
            w.write_all(b",\"claims\":[")?;
            for (k, s) in v.statements.iter().enumerate() {
                let relation = relation_index
                    .get(&graph.relation_at(s.edge).id)
                    .copied()
                    .unwrap_or(usize::MAX);
                write!(w, "{}[{relation},{},", if k > 0 { "," } else { "" }, s.evidence)?;
                write_str(w, &s.stated)?;
                w.write_all(b"]")?;
            }
            w.write_all(b"]}")?;
        }
        w.write_all(b"]}")?;
    }
    if first_year > last_year {
        (first_year, last_year) = (0, 0);
    }
    write!(w, "],\n\"years\":[{first_year},{last_year}]}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_carry_days_and_exactness() {
        let mut out = Vec::new();
        let d: crate::model::edtf::DatePoint = "1998-04".parse().unwrap();
        write_bound(&mut out, Bound::Date(d)).unwrap();
        write_bound(&mut out, Bound::Open).unwrap();
        write_bound(&mut out, Bound::Unknown).unwrap();
        let approx: crate::model::edtf::DatePoint = "2006~".parse().unwrap();
        write_bound(&mut out, Bound::Date(approx)).unwrap();
        let first = d.earliest().number();
        let last = d.latest().number();
        assert_eq!(last - first, 29);
        let a0 = approx.earliest().number();
        let a1 = approx.latest().number();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("[{first},{last},true]\"open\"null[{a0},{a1},false]")
        );
    }

    #[test]
    fn every_index_points_somewhere() {
        let graph = Graph::embedded().unwrap();
        let mut out = Vec::new();
        write_data(&graph, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains(&usize::MAX.to_string()), "a dangling index");
        assert_eq!(text.matches("\"id\":\"r-").count(), graph.relations().count());
        assert!(
            text.contains("\"disagreements\":[\n{\"about\":"),
            "the shipped graph has disagreements"
        );
    }
}

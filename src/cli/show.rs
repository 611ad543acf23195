//! `show NAME`: the card of an entity (its names, description and relations, each with its
//! evidence), of a source (with the claims it supports), or of a relation (by its `r-…` id).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::query::{EntityRef, HopReport, RelationReport};
use diplograph::verify::SourceTexts;
use diplograph::{Certainty, Edtf, Entity, Evidence, Graph, Source};
use serde_json::json;

use super::args::ShowArgs;
use super::filter::{to_filter, undated_note};
use super::json;
use super::links::Links;
use super::node::node;
use super::style;

/// Prints the card as text, or as JSON (`{entity, relations}`, `{source, relations}` or
/// `{relation}`; each relation in the shape every command uses).
///
/// Each piece of evidence links to its source at the quote (the text fragment `relations.csv`
/// records, or with `--sources DIR` one computed from the texts), or gives the plain URL and
/// says why not: text after the source's title, JSON as `link` and `link_caveat` beside each
/// evidence's `quote`.
pub fn run(graph: &Graph, json_out: bool, args: &ShowArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = to_filter(graph, &args.filter)?;
    let texts = args.texts.as_deref().map(SourceTexts::open).transpose()?;
    let links = Links::new(graph, texts);
    if let Some(source) = graph.source(args.name.trim()) {
        return show_source(graph, source, &filter, json_out, out, &links);
    }
    if let Some(hop) = relation_by_id(graph, args.name.trim(), &filter)? {
        if json_out {
            json::print(out, &links.add(json!({ "relation": hop })))?;
        } else {
            write_relation(out, graph, &hop, "", &links)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let centre = node(graph, &args.name)?;
    let e = graph.entity_at(centre);
    let mut relations: Vec<HopReport> = Vec::new();
    for (edge, other, forward) in graph.edges_at(centre) {
        let Some(certainty) = filter.admits_edge(graph, edge) else {
            continue;
        };
        if !filter.admits_node(graph, other) {
            continue;
        }
        relations.push(HopReport {
            from: e.into(),
            to: graph.entity_at(other).into(),
            relation: RelationReport::new(graph, edge, forward, certainty),
            order: None,
            also: Vec::new(),
        });
    }
    sort_by_date(&mut relations);
    // What --undated would add: the undated relations of the entity this time filter left out.
    let left_out = filter.leaves_out_undated().then(|| {
        let with = filter.clone().undated(true);
        graph
            .edges_at(centre)
            .filter(|&(edge, _, _)| with.admits_edge(graph, edge) == Some(Certainty::Undated))
            .count()
    });
    if json_out {
        let mut doc = json!({ "entity": e, "relations": relations });
        if let Some(n) = left_out {
            doc["undated_left_out"] = n.into();
        }
        json::print(out, &links.add(doc))?;
        return Ok(ExitCode::SUCCESS);
    }
    write_entity(out, graph, e, &links)?;
    writeln!(out)?;
    writeln!(
        out,
        "{} relation{}, by date:",
        relations.len(),
        if relations.len() == 1 { "" } else { "s" }
    )?;
    for hop in &relations {
        write_relation(out, graph, hop, "  ", &links)?;
    }
    undated_note(graph, &filter, left_out, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Earliest first (by the earliest day a date allows, then the latest), undated last, then by id.
pub fn sort_by_date(relations: &mut [HopReport<'_>]) {
    let key = |h: &HopReport| {
        let date: Option<Edtf> = h.relation.date.as_deref().and_then(|d| d.parse().ok());
        (
            date.is_none(),
            date.and_then(|d| d.earliest()),
            date.and_then(|d| d.latest()),
            h.to.id.clone(),
            h.relation.relation,
        )
    };
    relations.sort_by_cached_key(key);
}

/// The relation whose id is `id` (`r-` and 16 hex digits), read from subject to object, with its
/// certainty under `filter`; an error when the filter drops it.
fn relation_by_id<'g>(graph: &'g Graph, id: &str, filter: &diplograph::Filter) -> Result<Option<HopReport<'g>>> {
    if !id.starts_with("r-") {
        return Ok(None);
    }
    let Some(edge) = graph.edge_ids().find(|&e| graph[e].id.to_string() == id) else {
        return Ok(None);
    };
    let Some((subject, object)) = graph.endpoints(edge) else {
        return Ok(None);
    };
    let Some(certainty) = filter.admits_edge(graph, edge) else {
        // Say whether the time filter is why: the same filter without it would keep the relation.
        let timeless = diplograph::Filter {
            time: None,
            ..filter.clone()
        };
        let date = graph[edge].date.map_or_else(|| "undated".to_owned(), |d| d.human());
        let unsure = diplograph::Filter {
            certain: false,
            ..filter.clone()
        };
        if filter.certain && unsure.admits_edge(graph, edge) == Some(Certainty::Possible) {
            anyhow::bail!(
                "relation {id} ({date}) only possibly holds at the time asked: its dates allow it but do not settle it (--certain keeps only what they settle)"
            );
        }
        if filter.time.is_some() && timeless.admits_edge(graph, edge).is_some() {
            anyhow::bail!(
                "relation {id} ({date}) does not hold at the time asked{}",
                if graph[edge].date.is_none() {
                    " (nothing dates it; --undated includes it, marked undated)"
                } else {
                    ""
                }
            );
        }
        anyhow::bail!("relation {id} ({date}) does not pass the filters given");
    };
    Ok(Some(HopReport {
        from: graph.entity_at(subject).into(),
        to: graph.entity_at(object).into(),
        relation: RelationReport::new(graph, edge, true, certainty),
        order: None,
        also: Vec::new(),
    }))
}

fn write_entity(out: &mut impl Write, graph: &Graph, e: &Entity, links: &Links<'_>) -> Result<()> {
    writeln!(out, "{} ({}) — {}", e.label, e.id, e.kind)?;
    if !e.aliases.is_empty() {
        style::write_painted(out, &format!("also: {}\n", e.aliases.join(" · ")))?;
    }
    writeln!(out, "{}", e.description)?;
    for id in &e.same_as {
        writeln!(out, "same as: {id}")?;
    }
    if let (Some(own), Some(meaning)) = (&e.date, e.date_meaning()) {
        writeln!(out, "{meaning}: {}   [{}]", own.date.human(), own.evidence.source)?;
        write_evidence(out, graph, &own.evidence, "", links)?;
    }
    Ok(())
}

/// One relation: `—label (date)→ other (id)   [sources]`, a certainty marker when not definite,
/// then each source's quote, title and URL.
fn write_relation(
    out: &mut impl Write,
    graph: &Graph,
    hop: &HopReport<'_>,
    indent: &str,
    links: &Links<'_>,
) -> Result<()> {
    let r = &hop.relation;
    let date = r.date_human.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
    let sources: Vec<&str> = r.sources.iter().map(|s| s.as_str()).collect();
    let marker = match r.certainty {
        Certainty::Possible => "  (possibly)",
        Certainty::Undated if r.date.is_none() => "  (undated)",
        _ => "",
    };
    let head = if indent.is_empty() {
        format!("{} ({}) ", hop.from.label, hop.from.id)
    } else {
        String::new()
    };
    style::write_painted(
        out,
        &format!(
            "{indent}{head}—{}{date}→ {} ({})   [{}]{marker}\n",
            r.label,
            hop.to.label,
            hop.to.id,
            sources.join(", ")
        ),
    )?;
    if indent.is_empty() {
        writeln!(out, "relation {}", r.relation)?;
    }
    for ev in r.evidence {
        write_evidence(out, graph, ev, indent, links)?;
    }
    Ok(())
}

/// One piece of evidence: the quote, then the source's id, title and URL (or link), and the note.
fn write_evidence(out: &mut impl Write, graph: &Graph, ev: &Evidence, indent: &str, links: &Links<'_>) -> Result<()> {
    writeln!(out, "{indent}    “{}”", ev.quote)?;
    let source = graph.source(ev.source.as_str());
    let title = source.map(|s| s.title.as_str()).unwrap_or("");
    let link = links.of(ev);
    let url = match (link.url(), link.caveat()) {
        (Some(u), None) => format!(" <{u}>"),
        (Some(u), Some(why)) => format!(" <{u}> ({why})"),
        (None, Some(why)) => format!(" ({why})"),
        (None, None) => String::new(),
    };
    writeln!(out, "{indent}      — {}: {title}{url}", ev.source)?;
    if let Some(note) = &ev.note {
        writeln!(out, "{indent}      note: {note}")?;
    }
    Ok(())
}

/// A source's card: title, publisher, URL, date, and the relations it supports (filtered).
fn show_source(
    graph: &Graph,
    source: &Source,
    filter: &diplograph::Filter,
    json_out: bool,
    out: &mut impl Write,
    links: &Links<'_>,
) -> Result<ExitCode> {
    let mut relations: Vec<HopReport> = graph
        .edge_ids()
        .filter(|&e| graph[e].evidence.iter().any(|ev| ev.source == source.id))
        .filter_map(|e| {
            let certainty = filter.admits_edge(graph, e)?;
            let (subject, object) = graph.endpoints(e)?;
            Some(HopReport {
                from: EntityRef::from(graph.entity_at(subject)),
                to: graph.entity_at(object).into(),
                relation: RelationReport::new(graph, e, true, certainty),
                order: None,
                also: Vec::new(),
            })
        })
        .collect();
    sort_by_date(&mut relations);
    let left_out = filter.leaves_out_undated().then(|| {
        let with = filter.clone().undated(true);
        graph
            .edge_ids()
            .filter(|&e| graph[e].evidence.iter().any(|ev| ev.source == source.id))
            .filter(|&e| with.admits_edge(graph, e) == Some(Certainty::Undated))
            .count()
    });
    if json_out {
        let mut doc = json!({ "source": source, "relations": relations });
        if let Some(n) = left_out {
            doc["undated_left_out"] = n.into();
        }
        json::print(out, &links.add(doc))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} ({}) — source", source.title, source.id)?;
    writeln!(out, "publisher: {}", source.publisher)?;
    if let Some(url) = &source.url {
        writeln!(out, "url: {url}")?;
    }
    if let Some(date) = &source.published {
        writeln!(out, "published: {date}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} relation{} it supports, by date:",
        relations.len(),
        if relations.len() == 1 { "" } else { "s" }
    )?;
    for hop in &relations {
        let r = &hop.relation;
        let date = r.date_human.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
        let marker = r.certainty.marker().map(|m| format!("  ({m})")).unwrap_or_default();
        writeln!(
            out,
            "  {} —{}{date}→ {}   {}{marker}",
            hop.from.label, r.label, hop.to.label, r.relation
        )?;
        for ev in r.evidence.iter().filter(|ev| ev.source == source.id) {
            writeln!(out, "      “{}”", ev.quote)?;
            writeln!(out, "        {}", links.of(ev))?;
        }
    }
    undated_note(graph, filter, left_out, out)?;
    Ok(ExitCode::SUCCESS)
}

//! `find TEXT`: entities whose id, label or alias contains TEXT (in any script); when none does,
//! the entities with similar names.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::{Entity, Graph};
use serde_json::json;

use super::args::{FindArgs, TableFormat};
use super::table::Table;
use super::{diag, json};

/// Prints one entity a line (id, kind, label, aliases), a table or JSON. Exit status 1 when
/// nothing contains TEXT — also when similar names are printed instead, and also with --json.
pub fn run(graph: &Graph, json_out: bool, args: &FindArgs, out: &mut impl Write) -> Result<ExitCode> {
    let text = &args.text;
    let hits = graph.find_any(text);
    let (hits, exact) = if hits.is_empty() {
        (graph.near(text), false)
    } else {
        (hits, true)
    };
    if json_out {
        // `matches`: what contains the text; `near`: similar names, when nothing does.
        let (matches, near): (&[&Entity], &[&Entity]) = if exact { (&hits, &[]) } else { (&[], &hits) };
        json::print(out, &json!({ "query": text, "matches": matches, "near": near }))?;
    } else if args.format != TableFormat::Text {
        let mut table = Table::new(
            args.format.into(),
            &mut *out,
            &["id", "kind", "label", "aliases", "match"],
        )?;
        for e in &hits {
            table.row([
                e.id.to_string(),
                e.kind.to_string(),
                e.label.clone(),
                diplograph::export::csv::join_values(e.aliases.iter().map(String::as_str)),
                if exact { "contains" } else { "near" }.to_owned(),
            ])?;
        }
        table.finish()?;
    } else {
        if !exact {
            out.flush()?;
            if hits.is_empty() {
                diag::answer(format!("no entity matches '{text}'"));
            } else {
                diag::answer(format!("no entity matches '{text}'; similar names:"));
            }
        }
        for e in &hits {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" — also {}", e.aliases.join(", "))
            };
            writeln!(out, "{}\t{}\t{}{}", e.id, e.kind, e.label, aliases)?;
        }
    }
    Ok(if exact { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

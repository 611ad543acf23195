//! `diff`: what changed between two graphs (see `diplograph::curate::GraphDiff`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use diplograph::curate::{DiffStyle, GraphDiff};
use diplograph::{Graph, LoadError};

use super::args::{Cli, DiffArgs, DiffFormat};
use super::fmt::{folder, trouble};
use super::{json, revision};

/// Prints the differences; exit 0 when there are none, 1 when there are, 2 on trouble.
pub fn run(cli: &Cli, args: &DiffArgs) -> ExitCode {
    match diff(cli, args) {
        Ok(diff) if diff.is_empty() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => trouble(&e),
    }
}

fn diff(cli: &Cli, args: &DiffArgs) -> Result<GraphDiff> {
    if cli.json && args.format != DiffFormat::Text {
        bail!("--json and --format are two ways to print: give one of them");
    }
    let (old, new) = match (args.rev.as_slice(), args.folders.as_slice()) {
        ([], [old, new]) => (load(old, None)?, load(new, None)?),
        ([], _) => bail!("give two graph-data folders (diff OLD NEW), or a git revision (diff --rev REV)"),
        (revs, folders) if revs.len() <= 2 && folders.len() <= 1 => {
            let dir = folder(folders.first(), cli);
            let old = at_revision(&dir, &revs[0])?;
            let new = match revs.get(1) {
                Some(rev) => at_revision(&dir, rev)?,
                None => load(&dir, None)?,
            };
            (old, new)
        }
        (revs, _) if revs.len() > 2 => bail!("--rev is given {} times; give it once or twice", revs.len()),
        _ => bail!("with --rev, give at most one folder: the graph-data folder whose history is read"),
    };
    let diff = GraphDiff::between(&old, &new);
    let mut out = std::io::stdout().lock();
    if cli.json {
        json::print(&mut out, &diff)?;
    } else {
        let style = match args.format {
            DiffFormat::Text => DiffStyle::Text,
            DiffFormat::Markdown => DiffStyle::Markdown,
        };
        diff.write(style, &mut out)?;
    }
    out.flush()?;
    Ok(diff)
}

/// Loads the folder `dir`; `shown_as` renames it in the loader's messages (a revision's files
/// are read from a temporary copy, but are reported as `REV:graph-data/FILE`).
fn load(dir: &Path, shown_as: Option<&str>) -> Result<Graph> {
    let shown = shown_as.map_or_else(|| dir.display().to_string(), str::to_owned);
    match Graph::load_dir(dir) {
        Ok(graph) => Ok(graph),
        Err(LoadError::Invalid(mut problems)) => {
            if let Some(name) = shown_as {
                let temp = dir.display().to_string();
                for p in &mut problems.0 {
                    if let Some(file) = p.file.strip_prefix(&temp) {
                        p.file = format!("{name}{}", file.trim_start_matches(['/', '\\']));
                    }
                }
            }
            Err(LoadError::Invalid(problems)).with_context(|| format!("{shown} does not load"))
        }
        Err(e) => Err(e).with_context(|| format!("cannot load {shown}")),
    }
}

/// The graph in the folder `dir` as it was at revision `rev`.
fn at_revision(dir: &Path, rev: &str) -> Result<Graph> {
    let (copy, prefix) = revision::checkout(dir, rev)?;
    load(copy.path(), Some(&format!("{rev}:{prefix}")))
}

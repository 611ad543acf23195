//! `fmt`: graph-data files in canonical form (see `diplograph::curate::Formatter`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use diplograph::curate::{FormatError, Formatter};
use diplograph::verify::SourceTexts;
use diplograph::{Graph, LoadError};

use super::args::{Cli, FmtArgs};
use super::json;

/// The folder a curating command works on: the one given, else --data, else ./graph-data.
pub fn folder(given: Option<&PathBuf>, cli: &Cli) -> PathBuf {
    given
        .or(cli.data.as_ref())
        .cloned()
        .unwrap_or_else(|| PathBuf::from("graph-data"))
}

/// Prints why a curating command could not run, and returns exit status 2.
pub fn trouble(err: &anyhow::Error) -> ExitCode {
    if let Some(LoadError::Invalid(problems)) = err.chain().find_map(|e| e.downcast_ref::<LoadError>()) {
        eprintln!("error: {err}");
        eprintln!("{problems}");
    } else {
        eprintln!("error: {err:#}");
    }
    ExitCode::from(2)
}

/// Formats (or with --check, lists) the files; exit 0 when all are formatted, 1 when --check
/// finds some that are not, 2 on trouble.
pub fn run(cli: &Cli, args: &FmtArgs) -> ExitCode {
    let dir = folder(args.dir.as_ref(), cli);
    let mut formatter = Formatter::new(&dir);
    if let Some(texts) = &args.texts {
        match SourceTexts::open(texts) {
            Ok(t) => formatter = formatter.with_sources(t),
            Err(e) => return trouble(&anyhow::Error::new(e)),
        }
    }
    let result = if args.check {
        formatter.check()
    } else {
        formatter.write()
    };
    let changed = match result {
        Ok(changed) => changed,
        Err(FormatError::Invalid(e)) => {
            let err = anyhow::Error::new(e).context(format!("{} does not load, so it is not formatted", dir.display()));
            return trouble(&err);
        }
        Err(e) => return trouble(&anyhow::Error::new(e)),
    };
    let mut out = std::io::stdout().lock();
    let printed = if cli.json {
        let files: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        json::print(&mut out, &serde_json::json!({ "check": args.check, "changed": files }))
    } else {
        // One file per line, like `gofmt -l`, so that scripts can read the list.
        changed
            .iter()
            .try_for_each(|p| writeln!(out, "{}", p.display()))
            .map_err(anyhow::Error::from)
    };
    if let Err(e) = printed.and_then(|()| out.flush().map_err(anyhow::Error::from)) {
        return trouble(&e);
    }
    if let (Some(texts), false) = (&args.texts, args.check) {
        unanchored_warning(&dir, texts);
    }
    if args.check && !changed.is_empty() {
        eprintln!(
            "{} not formatted; run: diplograph fmt {}",
            super::text::plural(changed.len(), "file is", "files are"),
            dir.display()
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// After `fmt --sources`: a warning counting the claims left without a text fragment (their
/// quote is not in the text, or their source has no text), pointing at `check --sources`.
fn unanchored_warning(dir: &std::path::Path, texts: &std::path::Path) {
    let Ok(graph) = Graph::load_dir(dir) else {
        return;
    };
    let missing = graph
        .edge_ids()
        .flat_map(|e| graph[e].evidence.iter())
        .filter(|ev| ev.anchor.as_ref().and_then(|a| a.fragment.as_ref()).is_none())
        .count();
    if missing > 0 {
        super::diag::warning(format!(
            "warning: {} no text fragment (no text of its source, or a quote the text does not single out); run: diplograph --data {} check --sources {}",
            super::text::plural(missing, "claim has", "claims have"),
            dir.display(),
            texts.display()
        ));
    }
}

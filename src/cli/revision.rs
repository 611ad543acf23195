//! A graph-data folder as it was at a git revision, for `diff --rev`.
//!
//! This runs `git` (plumbing only: `rev-parse` and `cat-file`, whose output is stable) rather
//! than linking a git library: `gix` adds about a hundred crates and `git2` compiles libgit2 from
//! C, minutes of build on a small machine for reading four blobs, and anyone who asks for a
//! revision has git. Each command runs without a shell, with its arguments as given, and a
//! failure says which command failed and what git said.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};
use tempfile::TempDir;

/// The files copied out of a revision; the four the loader requires, and views.csv if present.
const FILES: [&str; 5] = [
    "sources.csv",
    "predicates.csv",
    "entities.csv",
    "relations.csv",
    "views.csv",
];

/// Runs `git -C dir ARGS` and returns its standard output, or what went wrong.
fn git(dir: &Path, args: &[&str]) -> Result<std::result::Result<Vec<u8>, String>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("diff --rev needs git, which is not installed (or not on PATH); compare two folders instead: diplograph diff OLD NEW")
        }
        Err(e) => return Err(e).context("cannot run git"),
    };
    if output.status.success() {
        Ok(Ok(output.stdout))
    } else {
        Ok(Err(String::from_utf8_lossy(&output.stderr).trim().to_owned()))
    }
}

/// Copies the graph-data files of the folder `dir` at revision `rev` into a new temporary
/// folder, and returns it (with the folder's path in the repository, e.g. `graph-data/`).
pub fn checkout(dir: &Path, rev: &str) -> Result<(TempDir, String)> {
    if rev.starts_with('-') {
        bail!("'{rev}' is not a revision");
    }
    let prefix = match git(dir, &["rev-parse", "--show-prefix"])? {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_owned(),
        Err(msg) => bail!("{} is not in a git repository: {msg}", dir.display()),
    };
    let commit = format!("{rev}^{{commit}}");
    if let Err(msg) = git(dir, &["rev-parse", "--verify", "--end-of-options", &commit])? {
        bail!("unknown revision '{rev}' ({msg})");
    }
    let out = tempfile::Builder::new()
        .prefix("diplograph-rev-")
        .tempdir()
        .context("cannot make a temporary folder")?;
    for name in FILES {
        let object = format!("{rev}:./{name}");
        match git(dir, &["cat-file", "blob", &object])? {
            Ok(bytes) => std::fs::write(out.path().join(name), bytes)
                .with_context(|| format!("cannot write {}", out.path().join(name).display()))?,
            // An optional file, or a required one that the loader will report as missing.
            Err(_) if git(dir, &["cat-file", "-e", &object])?.is_err() => {}
            Err(msg) => bail!("cannot read {prefix}{name} at {rev}: {msg}"),
        }
    }
    if !out.path().join("relations.csv").exists() {
        bail!("{rev} has no graph-data at {prefix} (no relations.csv there)");
    }
    Ok((out, prefix))
}

//! Atomic and safe output: an export interrupted at any point — a writer that fails after N
//! bytes, for many N; a process killed with SIGKILL — leaves every file either old or new, never
//! partial, and no stray temporary files once a later run succeeds; bad output paths (a folder
//! given as a file, a missing folder, a read-only folder) are refused with a message that names
//! the path, exit code 1, and nothing written.
//!
//! The killed export is of 3,000 claims by default; `HOSTILE_KILL_CLAIMS=20000 cargo test --test
//! hostile_atomic` kills a larger one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::support::diplograph;
use crate::support::hostile::*;
use diplograph::{
    export::csv::{write_edges, write_nodes, CsvFlavor, CsvOptions},
    export::dot::{DotWriter, TimelineWriter},
    export::rdf::{BaseIri, RdfError, RdfExport, RdfSyntax},
    export::{write_atomically, WriteError},
    Graph,
};

/// A writer that takes `left` bytes, then fails (a full disk, a lost connection).
struct FailAfter<W> {
    inner: W,
    left: usize,
}

impl<W: Write> Write for FailAfter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 && !buf.is_empty() {
            return Err(io::Error::other("no space left (simulated)"));
        }
        let n = buf.len().min(self.left);
        self.inner.write_all(&buf[..n])?;
        self.left -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A writer that takes at most 7 bytes a call and is interrupted on every third call: a correct
/// exporter (`write_all`) still writes everything.
struct Choppy<W> {
    inner: W,
    calls: usize,
}

impl<W: Write> Write for Choppy<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.calls += 1;
        if self.calls % 3 == 0 {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let n = buf.len().min(7);
        self.inner.write_all(&buf[..n])?;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

type Exporter = Box<dyn Fn(&Graph, &mut dyn Write) -> io::Result<()>>;

/// Every exporter, each writing to any `Write`.
fn exporters() -> Vec<(String, Exporter)> {
    let mut out: Vec<(String, Exporter)> = Vec::new();
    for syntax in RdfSyntax::ALL {
        out.push((
            syntax.to_string(),
            Box::new(move |g, w| {
                RdfExport::new(g, &BaseIri::default())
                    .map_err(RdfError::into_io)?
                    .write(syntax, w)
                    .map(drop)
                    .map_err(RdfError::into_io)
            }),
        ));
    }
    out.push((
        "dot".into(),
        Box::new(|g, w| DotWriter::new().write(g, w).map(drop).map_err(Into::into)),
    ));
    out.push((
        "timeline".into(),
        Box::new(|g, w| TimelineWriter::new().write(g, w).map(drop).map_err(Into::into)),
    ));
    for view in Graph::embedded().unwrap().views().iter().cloned() {
        out.push((
            view.name.clone(),
            Box::new(move |g, w| view.write(g, w).map(drop).map_err(Into::into)),
        ));
    }
    for flavor in CsvFlavor::ALL {
        out.push((
            format!("nodes.csv {flavor}"),
            Box::new(move |g, w| {
                write_nodes(g, &CsvOptions::new().flavor(flavor), w)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ));
        out.push((
            format!("edges.csv {flavor}"),
            Box::new(move |g, w| {
                write_edges(g, &CsvOptions::new().flavor(flavor), w)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ));
    }
    out
}

/// The names in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The byte counts at which to interrupt an export of `size` bytes: every count up to 64, then
/// 64 more spread over the rest, and the last few.
fn cut_points(size: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..=64.min(size)).collect();
    v.extend((1..64).map(|k| size * k / 64));
    v.extend(size.saturating_sub(3)..=size + 1);
    v.sort();
    v.dedup();
    v
}

/// A hostile graph without U+001F (so the Neo4j flavour writes too).
fn graph() -> Graph {
    let mut spec = fixed_spec(40);
    for t in &mut spec.tables {
        for row in &mut t.rows {
            for cell in row {
                *cell = cell.replace('\u{1f}', "\u{1e}");
            }
        }
    }
    spec.load(&Layout::plain(&spec))
}

#[test]
fn an_export_interrupted_after_any_byte_leaves_the_previous_file() {
    let graph = graph();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut tried = 0;
    for (name, export) in exporters() {
        let mut full = Vec::new();
        export(&graph, &mut full).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            full.len() > 200,
            "{name}: the export is too small to test ({} bytes)",
            full.len()
        );
        let path = dir.path().join("out.file");
        let old = format!("the previous {name}\n");
        std::fs::write(&path, &old).expect("write the previous file");
        for n in cut_points(full.len()) {
            tried += 1;
            let result = write_atomically(&path, |w| export(&graph, &mut FailAfter { inner: w, left: n }));
            let now = std::fs::read(&path).expect("the file is still there");
            if n < full.len() {
                assert!(
                    matches!(result, Err(WriteError::Io { .. })),
                    "{name}: a write that fails after {n} of {} bytes reports {result:?}",
                    full.len()
                );
                assert_eq!(
                    now,
                    old.as_bytes(),
                    "{name}: cut after {n} bytes, the previous file changed"
                );
            } else {
                assert!(result.is_ok(), "{name}: {result:?}");
                assert!(
                    now == full,
                    "{name}: a complete write ({n} bytes allowed) is not the export"
                );
                std::fs::write(&path, &old).expect("restore the previous file");
            }
            assert_eq!(
                names(dir.path()),
                ["out.file"],
                "{name}: cut after {n} bytes, files left"
            );
        }
        // Short writes and interruptions lose nothing.
        let mut choppy = Choppy {
            inner: Vec::new(),
            calls: 0,
        };
        export(&graph, &mut choppy).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            choppy.inner == full,
            "{name}: short or interrupted writes change the export"
        );
    }
    assert!(tried > 1000, "only {tried} interrupted writes");
    eprintln!("{tried} interrupted writes, each left the previous file");
}

#[test]
fn a_failing_export_all_keeps_each_file_old_or_new() {
    let spec = fixed_spec(10);
    let mut changed = spec.clone();
    for row in &mut changed.tables[2].rows {
        row[2].push_str(" (new)");
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let (old_dir, new_dir, out) = (tmp.path().join("old"), tmp.path().join("new"), tmp.path().join("out"));
    let (old_data, new_data) = (tmp.path().join("old-data"), tmp.path().join("new-data"));
    spec.write_dir(&old_data, &Layout::plain(&spec));
    changed.write_dir(&new_data, &Layout::plain(&changed));
    let job = |data: &Path, dir: &Path| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("diplograph"))
            .env_remove("DIPLOGRAPH_DATA")
            .arg("--data")
            .arg(data)
            .args(["export", "--all", "--no-svg", "--out"])
            .arg(dir)
            .output()
            .expect("diplograph runs")
    };
    assert!(job(&old_data, &old_dir).status.success(), "old export");
    assert!(job(&new_data, &new_dir).status.success(), "new export");
    let (old, new) = (snapshot(&old_dir), snapshot(&new_dir));
    for name in [
        "graph.ttl",
        "graph.nt",
        "graph.nq",
        "graph.dot",
        "nodes.csv",
        "edges.csv",
    ] {
        assert!(old[name] != new[name], "{name} does not change: a weak test");
    }
    // edges.csv becomes a folder: the job stops there.
    assert!(job(&old_data, &out).status.success(), "old export");
    std::fs::remove_file(out.join("edges.csv")).expect("rm");
    std::fs::create_dir(out.join("edges.csv")).expect("mkdir");
    let failed = job(&new_data, &out);
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "edges.csv is a folder: {stderr}");
    let expected = format!("error: {}", WriteError::IsDir(out.join("edges.csv")));
    assert!(stderr.lines().any(|l| l == expected), "{stderr}");
    let now = snapshot(&out);
    let mut seen_new = 0;
    for (name, bytes) in &now {
        if new.get(name) == Some(bytes) {
            seen_new += 1;
        } else {
            assert_eq!(
                old.get(name),
                Some(bytes),
                "{name} is neither the old nor the new export"
            );
        }
    }
    assert!(seen_new >= 4, "the files before edges.csv were written: {seen_new}");
    assert_eq!(now.len(), old.len() - 1);
    assert!(temporaries(&out).is_empty(), "{:?}", temporaries(&out));
}

// ---------------------------------------------------------------------------------------------
// A killed process.

/// A graph-data folder of `claims` claims between 2,000 states; `version` changes every label
/// and quote.
fn synthetic(dir: &Path, claims: usize, version: &str) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut sources = String::from("id,title,publisher,url,published\n");
    for s in 0..20 {
        sources.push_str(&format!(
            "s{s},\"Source \"\"{s}\"\"\",Publisher {s},https://example.org/{s},2001\n"
        ));
    }
    let predicates = "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n\
        linked,linked to,linked from,A link.,false,state,state,state,\n";
    let n = 2000.min(claims);
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for e in 0..n {
        entities.push_str(&format!(
            "e{e},state,\"State, {e} ({version})\",S{e}|St {e},\"=A state\n{e}.\",\n"
        ));
    }
    let mut relations = String::from("subject,predicate,object,date,source,quote,note\n");
    let dates = [
        "1995",
        "1998-04",
        "2006~",
        "2011/..",
        "/2007-01",
        "2004-01-19",
        "",
        "1999/2001?",
    ];
    for i in 0..claims {
        let s = i % n;
        let o = (s + 1 + i / n) % n;
        relations.push_str(&format!(
            "e{s},linked,e{o},{},s{},\"Claim {i} ({version}): \"\"quoted\"\", | and \\ and\na new line\",note {i}\n",
            dates[i % dates.len()],
            i % 20
        ));
    }
    for (name, text) in [
        ("sources.csv", sources.as_str()),
        ("predicates.csv", predicates),
        ("entities.csv", entities.as_str()),
        ("relations.csv", relations.as_str()),
    ] {
        std::fs::write(dir.join(name), text).expect("write graph-data");
    }
}

fn export_all(data: &Path, out: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("diplograph"));
    cmd.env_remove("DIPLOGRAPH_DATA")
        .arg("--data")
        .arg(data)
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The number of claims of the graph the killed process exports: `HOSTILE_KILL_CLAIMS`, or
/// 3,000 (two seconds in a debug build; a run writes about 17 MB). 20,000 also passes.
fn kill_claims() -> usize {
    std::env::var("HOSTILE_KILL_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000)
}

#[test]
fn a_killed_export_leaves_old_or_new_files_and_the_next_run_cleans_up() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = |n: &str| tmp.path().join(n);
    synthetic(&p("data-old"), 50, "old");
    synthetic(&p("data-new"), kill_claims(), "new");
    let out = p("out");
    assert!(export_all(&p("data-old"), &out).status().expect("runs").success());
    let old = snapshot(&out);
    let started = Instant::now();
    assert!(export_all(&p("data-new"), &p("new")).status().expect("runs").success());
    let full = started.elapsed();
    let new = snapshot(&p("new"));
    assert_eq!(old.keys().collect::<Vec<_>>(), new.keys().collect::<Vec<_>>());
    for name in [
        "graph.ttl",
        "graph.nt",
        "graph.nq",
        "graph.dot",
        "nodes.csv",
        "edges.csv",
    ] {
        assert!(old[name] != new[name], "{name} does not change: a weak test");
    }
    // Kill one run after another at later and later points, without cleaning up in between.
    let mut observed = Vec::new();
    let mut all_temps = std::collections::BTreeSet::new();
    for percent in [20, 50, 80] {
        let mut child = export_all(&p("data-new"), &out).spawn().expect("spawn");
        std::thread::sleep(full * percent / 100);
        child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
        child.wait().expect("reaped");
        let now = snapshot(&out);
        let temps = temporaries(&out);
        let mut fresh = Vec::new();
        for (name, bytes) in &now {
            if temps.contains(name) {
                continue;
            }
            if new.get(name) == Some(bytes) && old.get(name) != Some(bytes) {
                fresh.push(name.clone());
            } else {
                assert!(
                    old.get(name) == Some(bytes) || new.get(name) == Some(bytes),
                    "killed at {percent}%: {name} is neither the old nor the new export"
                );
            }
        }
        assert_eq!(
            now.len() - temps.len(),
            old.len(),
            "killed at {percent}%: a file is missing or added"
        );
        observed.push(format!("{percent}%: new {fresh:?}, temporaries {temps:?}"));
        all_temps.extend(temps);
    }
    // The next run succeeds, and removes the temporary files the killed ones left.
    assert!(export_all(&p("data-new"), &out).status().expect("runs").success());
    assert!(
        snapshot(&out) == new,
        "after killed runs, a full run does not give the new export"
    );
    assert!(
        temporaries(&out).is_empty(),
        "stale temporaries survive: {:?}",
        temporaries(&out)
    );
    eprintln!(
        "a full export of {} claims takes {full:?}; killed at:\n  {}\n({} temporary files left by killed runs, all removed by the next run)",
        kill_claims(),
        observed.join("\n  "),
        all_temps.len()
    );
}

// Stale temporaries: see tests/hostile/targets.rs (dead leftovers removed, live and look-alike
// files kept).

// ---------------------------------------------------------------------------------------------
// Output paths.

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().expect("diplograph runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts a refusal: exit code 1, nothing on stdout, `what` and the path on stderr.
fn assert_refused(r: &Run, path: &Path, what: &str) {
    assert_eq!(r.code, Some(1), "exit code; stderr: {}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains(&path.display().to_string()) && r.stderr.contains(what),
        "the message should name {} and say '{what}':\n{}",
        path.display(),
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn a_folder_given_as_the_output_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("exports");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("keep.txt"), "keep").expect("write");
    let before = snapshot(dir.path());
    for format in ["turtle", "ntriples", "nquads", "dot"] {
        let r = run(diplograph().args(["export", "--format", format, "-o"]).arg(&target));
        assert_refused(&r, &target, "is a folder");
        assert_eq!(snapshot(dir.path()), before, "{format}: something was written");
    }
    // And the other way round: a file given as the folder.
    let file = target.join("keep.txt");
    let r = run(diplograph().args(["export", "--all", "--no-svg", "--out"]).arg(&file));
    assert_refused(&r, &file, "is a file");
    let r = run(diplograph().args(["export", "--format", "csv", "-o"]).arg(&file));
    assert_refused(&r, &file, "is a file");
    std::fs::create_dir(dir.path().join("all")).expect("mkdir");
    std::fs::write(dir.path().join("all/views"), "not a folder").expect("write");
    let before = snapshot(dir.path());
    let r = run(diplograph()
        .args(["export", "--all", "--no-svg", "--out"])
        .arg(dir.path().join("all")));
    assert_refused(&r, &dir.path().join("all/views"), "is a file");
    assert_eq!(snapshot(dir.path()), before, "something was written");
}

#[test]
fn a_missing_folder_is_refused_for_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("missing/deeper/graph.ttl");
    for format in ["turtle", "dot"] {
        let r = run(diplograph().args(["export", "--format", format, "-o"]).arg(&target));
        assert_refused(&r, &target, "does not exist");
    }
    assert_eq!(names(dir.path()), Vec::<String>::new(), "a folder was created");
    // A path ending in / names a folder, even a missing one.
    let folder = dir.path().join("new-folder/");
    let r = run(diplograph().args(["export", "--format", "turtle", "-o"]).arg(&folder));
    assert_refused(&r, &folder, "names no file");
    // clap refuses an empty path (a usage error, exit code 2).
    let r = run(diplograph().args(["export", "--format", "turtle", "-o", ""]));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("a value is required for '--output <FILE>'"),
        "{}",
        r.stderr
    );
}

/// Runs `cmd` as a process that the folder permissions bind: as root (which ignores them)
/// through `setpriv` with every capability dropped. `None` if that cannot be done here.
fn bound_by_permissions(dir: &Path, args: &[&std::ffi::OsStr]) -> Option<Run> {
    let probe = dir.join(".probe");
    let root = std::fs::write(&probe, "x").is_ok();
    let _ = std::fs::remove_file(&probe);
    let bin = assert_cmd::cargo::cargo_bin("diplograph");
    let mut cmd = if root {
        let ok = std::process::Command::new("setpriv")
            .args(["--bounding-set=-all", "--inh-caps=-all", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            crate::support::skip::note(
                "read-only targets",
                "running as root and setpriv cannot drop capabilities (util-linux)",
            );
            return None;
        }
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--bounding-set=-all", "--inh-caps=-all"]).arg(bin);
        c
    } else {
        assert_cmd::Command::new(bin)
    };
    cmd.env("DIPLOGRAPH_DATA", concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data"))
        .args(args);
    Some(run(&mut cmd))
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_read_only_folder_is_refused_and_left_as_it_was() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ro = tmp.path().join("read-only");
    // A previous export in the folder, which must survive.
    let embedded = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data");
    assert!(export_all(embedded.as_ref(), &ro).status().expect("runs").success());
    std::fs::write(ro.join("graph.ttl"), "old").expect("write");
    let before = snapshot(&ro);
    let views = ro.join("views");
    set_mode(&views, 0o555);
    set_mode(&ro, 0o555);
    let file = ro.join("graph.ttl");
    let os = |s: &'static str| -> &std::ffi::OsStr { s.as_ref() };
    let cases: Vec<(Vec<&std::ffi::OsStr>, PathBuf)> = vec![
        (
            vec![os("export"), os("--format"), os("turtle"), os("-o"), file.as_os_str()],
            file.clone(),
        ),
        (
            vec![os("export"), os("--format"), os("csv"), os("-o"), ro.as_os_str()],
            ro.join("nodes.csv"),
        ),
        (
            vec![os("export"), os("--all"), os("--no-svg"), os("--out"), ro.as_os_str()],
            ro.join("graph.ttl"),
        ),
    ];
    for (args, named) in cases {
        let Some(r) = bound_by_permissions(&ro, &args) else {
            break;
        };
        assert_refused(&r, &named, "Permission denied");
        assert_eq!(snapshot(&ro), before, "{args:?}: the read-only folder changed");
    }
    set_mode(&ro, 0o755);
    set_mode(&views, 0o755);
}

/// The process cannot write into the views folder only: the files before it are new, the
/// views are untouched, and the error names the view.
#[test]
fn a_read_only_views_folder_stops_the_job_at_the_views() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let embedded = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data");
    assert!(export_all(embedded.as_ref(), &out).status().expect("runs").success());
    for name in ["graph.ttl", "nodes.csv", "views/belarus-nato.dot"] {
        std::fs::write(out.join(name), "old").expect("write");
    }
    set_mode(&out.join("views"), 0o555);
    let r = bound_by_permissions(
        &out.join("views"),
        &[
            "export".as_ref(),
            "--all".as_ref(),
            "--no-svg".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    set_mode(&out.join("views"), 0o755);
    let Some(r) = r else { return };
    assert_refused(&r, &out.join("views"), "Permission denied");
    assert_ne!(std::fs::read(out.join("graph.ttl")).expect("read"), b"old");
    assert_ne!(std::fs::read(out.join("nodes.csv")).expect("read"), b"old");
    assert_eq!(std::fs::read(out.join("views/belarus-nato.dot")).expect("read"), b"old");
    assert!(temporaries(&out).is_empty());
}

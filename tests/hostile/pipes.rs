//! Broken pipes and closed streams (docs/guarantees.md, "Pipes and signals"): a reader that
//! stops after any number of bytes ends the export quietly (exit 0, no message, no panic); a
//! broken or closed stderr never stops an export to disk, whose files are all written; a closed
//! stdout is an error (exit 1), never a silent success.

use std::io::Read;
use std::process::{Command, Stdio};

fn binary() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("diplograph"));
    cmd.env_remove("DIPLOGRAPH_DATA");
    cmd
}

/// The reader of stdout stops after `cut` bytes, for cuts spread over the whole output: the
/// process exits 0 and says nothing (ripgrep's habit), whatever the cut.
#[test]
fn a_reader_that_stops_early_ends_the_export_quietly() {
    let full = binary()
        .args(["export", "--format", "ntriples"])
        .output()
        .expect("runs")
        .stdout
        .len();
    assert!(full > 10_000, "{full}");
    let mut cuts = vec![0, 1, 100, 8191, 8192, 65_536];
    cuts.extend((1..8).map(|i| full * i / 8));
    for cut in cuts {
        let mut child = binary()
            .args(["export", "--format", "ntriples"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut got = vec![0; cut];
        stdout.read_exact(&mut got).expect("read the first bytes");
        drop(stdout);
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("stderr");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "cut at {cut}: {stderr}");
        assert_eq!(stderr, "", "cut at {cut}");
    }
}

/// Stderr is a pipe nobody reads (`2>&1 | head -1` once head has gone): `export --all` still
/// writes every file and exits 0, without a panic.
#[test]
fn a_broken_stderr_never_stops_an_export_to_disk() {
    for closed in [false, true] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut child = if closed {
            // stderr closed outright (2>&-).
            Command::new("sh")
                .arg("-c")
                .arg("exec \"$0\" export --all --no-svg --out \"$1\" 2>&-")
                .arg(assert_cmd::cargo::cargo_bin("diplograph"))
                .arg(dir.path())
                .env_remove("DIPLOGRAPH_DATA")
                .spawn()
                .expect("spawn")
        } else {
            let mut child = binary()
                .args(["export", "--all", "--no-svg", "--out"])
                .arg(dir.path())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            drop(child.stderr.take());
            child
        };
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "stderr closed: {closed}");
        for name in [
            "graph.ttl",
            "graph.nt",
            "graph.nq",
            "graph.dot",
            "nodes.csv",
            "edges.csv",
        ] {
            let bytes = std::fs::read(dir.path().join(name)).unwrap_or_default();
            assert!(!bytes.is_empty(), "{name} missing (stderr closed: {closed})");
        }
    }
}

/// Stdout closed (`>&-`): an error naming the cause, exit 1 — not exit 0 with nothing written
/// (with `-o FILE` too: a closed stdout is a mistake worth saying, and nothing is written).
#[test]
fn a_closed_stdout_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("g.nt");
    for (args, code) in [
        ("export --format ntriples", 1),
        ("stats", 1),
        ("path belarus nato", 1),
        ("export --format ntriples -o \"$1\"", 1),
    ] {
        let run = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >&-"))
            .arg(assert_cmd::cargo::cargo_bin("diplograph"))
            .arg(&out)
            .env_remove("DIPLOGRAPH_DATA")
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(code), "{args}: {stderr}");
        if code == 1 {
            assert!(
                stderr.contains("standard output") && stderr.contains("closed"),
                "{args}: {stderr}"
            );
        }
    }
    assert!(!out.exists());
    // `>/dev/null` is not closed: it succeeds.
    let run = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" export --format ntriples >/dev/null")
        .arg(assert_cmd::cargo::cargo_bin("diplograph"))
        .env_remove("DIPLOGRAPH_DATA")
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
}

//! Child processes (docs/guarantees.md, "Child processes"): no Graphviz run outlives
//! diplograph, whatever ends it, and every run stops at its time limit and skips files over its
//! size threshold.
//!
//! A stand-in `dot` first on the `PATH` records its process id and sleeps for ten minutes (as a
//! huge layout would). `export --all` is then ended by each signal in turn while it waits on
//! that child, and the child must be gone within seconds.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A folder holding a `dot` that writes its pid to `pids` and sleeps.
fn slow_dot(dir: &Path) -> (PathBuf, PathBuf) {
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    let pids = dir.join("pids");
    let dot = bin.join("dot");
    std::fs::write(
        &dot,
        format!("#!/bin/sh\necho $$ >> '{}'\nexec sleep 600\n", pids.display()),
    )
    .expect("write");
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (bin, pids)
}

fn export_all(bin: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("diplograph"));
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    cmd.env_remove("DIPLOGRAPH_DATA")
        .env("PATH", path)
        .args(["export", "--all", "--out"])
        .arg(out)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// The pid the stand-in wrote, once it has started.
fn child_pid(pids: &Path, parent: &mut Child) -> u32 {
    let started = Instant::now();
    loop {
        if let Some(pid) = std::fs::read_to_string(pids)
            .ok()
            .and_then(|s| s.lines().next().and_then(|l| l.trim().parse().ok()))
        {
            return pid;
        }
        assert!(
            parent.try_wait().expect("wait").is_none(),
            "diplograph ended before running dot"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "dot never started");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether process `pid` is running (a zombie waiting to be reaped counts as gone).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit(')')
                .next()
                .map(|rest| rest.trim_start().starts_with(['Z', 'X']))
        })
        .is_some_and(|zombie| !zombie)
}

fn assert_gone(pid: u32, what: &str) {
    let started = Instant::now();
    while alive(pid) {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{what}: the dot child {pid} outlived diplograph");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn no_dot_outlives_diplograph_whatever_ends_it() {
    if !Path::new("/proc/self/stat").exists() {
        crate::support::skip::note(
            "no_dot_outlives_diplograph_whatever_ends_it",
            "no /proc here (the guarantee is Linux's PR_SET_PDEATHSIG)",
        );
        return;
    }
    for signal in ["INT", "TERM", "HUP", "KILL", "QUIT"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (bin, pids) = slow_dot(dir.path());
        let mut parent = export_all(&bin, &dir.path().join("out"), &[]).spawn().expect("spawn");
        let pid = child_pid(&pids, &mut parent);
        assert!(alive(pid));
        let sent = Command::new("kill")
            .args(["-s", signal, &parent.id().to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
        let status = parent.wait().expect("wait");
        assert!(!status.success(), "SIG{signal}: {status}");
        assert_gone(pid, &format!("SIG{signal}"));
    }
}

#[test]
fn a_slow_dot_is_stopped_at_the_time_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bin, pids) = slow_dot(dir.path());
    let started = Instant::now();
    let out = export_all(&bin, &dir.path().join("out"), &["--graphviz-timeout", "1"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("took longer than 1 s"), "{stderr}");
    let runs: Vec<u32> = std::fs::read_to_string(&pids)
        .expect("pids")
        .lines()
        .map(|l| l.trim().parse().expect("pid"))
        .collect();
    // One run per DOT file, each stopped after about a second.
    assert!(runs.len() >= 2, "{runs:?}");
    assert!(started.elapsed() < Duration::from_secs(10 * runs.len() as u64 + 60));
    for pid in runs {
        assert_gone(pid, "timeout");
    }
}

#[test]
fn dot_files_over_the_size_threshold_are_not_rendered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bin, pids) = slow_dot(dir.path());
    let out = export_all(&bin, &dir.path().join("out"), &["--graphviz-max-bytes", "10"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("over the 10-byte threshold"), "{stderr}");
    assert!(!pids.exists(), "dot ran on a file over the threshold");
}

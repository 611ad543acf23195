//! Runs the `diplograph` binary on a copy of a fixture folder and checks that nothing was written.
//!
//! Each run copies `tests/fixtures/NAME` into a fresh temporary folder and runs the command there
//! with `--data NAME`, so messages name files as `NAME/relations.csv`, and any file the command
//! created or changed in its working folder would be caught.

#![allow(dead_code)] // each test crate uses a different part

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

#[allow(unused_imports)] // not every test binary uses it through this module
pub use crate::support::fixture;

/// Every file under `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.insert(path.strip_prefix(dir).expect("prefix").to_path_buf(), bytes);
            }
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// The binary, with no `DIPLOGRAPH_DATA` inherited from the environment.
pub fn diplograph() -> Command {
    let mut cmd = Command::cargo_bin("diplograph").expect("binary");
    cmd.env_remove("DIPLOGRAPH_DATA");
    cmd
}

/// Runs `diplograph --data NAME ARGS...` in a temporary folder holding a copy of fixture `name`,
/// and asserts that the folder is byte-identical afterwards.
pub fn run_fixture(name: &str, args: &[&str]) -> Run {
    run_in_copy(name, |cmd| {
        cmd.arg("--data").arg(name).args(args);
    })
}

/// Like [`run_fixture`], with the command line set by `setup`.
pub fn run_in_copy(name: &str, setup: impl FnOnce(&mut Command)) -> Run {
    let work = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(name), &work.path().join(name));
    let before = snapshot(work.path());
    let mut cmd = diplograph();
    cmd.current_dir(work.path());
    setup(&mut cmd);
    let out = cmd.output().expect("run diplograph");
    assert_eq!(
        snapshot(work.path()),
        before,
        "diplograph wrote or changed files in its working folder"
    );
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts that `diplograph --data NAME check` fails with exactly `stderr` and prints nothing on stdout.
pub fn assert_refused(name: &str, stderr: &str) {
    let run = run_fixture(name, &["check"]);
    assert_eq!(run.stderr, stderr, "stderr of check on {name}");
    assert_eq!(run.stdout, "", "stdout of check on {name}");
    assert_eq!(run.code, 1, "exit code of check on {name}");
}

/// Asserts that `diplograph --data NAME check` succeeds with exactly `stdout` and `stderr`.
pub fn assert_loads(name: &str, stdout: &str, stderr: &str) {
    let run = run_fixture(name, &["check"]);
    assert_eq!(run.stderr, stderr, "stderr of check on {name}");
    assert_eq!(run.stdout, stdout, "stdout of check on {name}");
    assert_eq!(run.code, 0, "exit code of check on {name}");
}

/// The summary `check` prints for tests/fixtures/minimal.
pub const MINIMAL_SUMMARY: &str =
    "ok: 6 entities (2 state, 1 organization, 1 programme, 1 person, 1 agreement), 4 relations from 5 claims, 2 sources\n";

/// The hint printed after a bad date.
pub const DATE_HINT: &str = "  hint: dates are EDTF: YYYY, YYYY-MM, YYYY-MM-DD, an interval START/END, START/.. (still holds), START/ (end unknown), /END; add ? (uncertain) or ~ (approximate) after a date";

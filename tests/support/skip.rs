//! Saying that a test did not run because something it needs is missing here (an external
//! program, a Python module, the source texts beside the repository).
//!
//! [`skip`] prints `skipped: TEST: WHY` on the test process's real standard error — past the
//! test harness's capture, so a plain `cargo test` shows it on the terminal and a redirected run
//! keeps it in its log (writing to `/dev/tty` instead would lose it from logs, and `eprintln!`
//! is captured: seen only when the test fails) — once per test and reason, also when a property
//! test asks at every case. Under `DIPLOGRAPH_REQUIRE_TOOLS=1` (CI) it fails the test instead.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use super::tools_required;

/// Says that `test` is skipped because of `why` (e.g. `rapper not found (apt-get install
/// raptor2-utils)`), or panics if tools are required. The caller then returns.
pub fn skip(test: &str, why: &str) {
    if tools_required() {
        panic!("{test}: {why}, and DIPLOGRAPH_REQUIRE_TOOLS=1");
    }
    say(&format!("skipped: {test}: {why}\n"));
}

/// Says that `test` is skipped because of `why` — something of the platform, not a tool CI
/// installs (no `/proc`, no way to drop root's capabilities) — without failing under
/// DIPLOGRAPH_REQUIRE_TOOLS=1.
pub fn note(test: &str, why: &str) {
    say(&format!("skipped: {test}: {why}\n"));
}

/// Prints `line` past the capture, once.
fn say(line: &str) {
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if said.iter().any(|l| l == line) {
        return;
    }
    // `Stderr` is unbuffered; one write keeps the line whole beside other tests' output.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
    said.push(line.to_owned());
}

/// Whether `program ARGS` runs and succeeds (e.g. `rapper --version`).
pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether `program ARGS` runs; if not, [`skip`]s `test` saying how to `install` it.
pub fn have(test: &str, program: &str, args: &[&str], install: &str) -> bool {
    let found = runs(program, args);
    if !found {
        skip(test, &format!("{program} not found ({install})"));
    }
    found
}

//! Running Graphviz's `dot` to render a DOT file as SVG, within limits, and never outliving
//! diplograph.
//!
//! Every run has a size threshold (a DOT file larger than it is not rendered: its picture would
//! be unreadable and its layout could take minutes) and a time limit (the child is killed when
//! it passes it); both are set by `export --all --graphviz-max-bytes` and `--graphviz-timeout`.
//! On Linux the child is started with `PR_SET_PDEATHSIG` = SIGKILL, so the kernel kills it the
//! moment diplograph ends — on SIGINT, SIGTERM, SIGKILL, a panic or an error alike.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Result};

/// The limits of one Graphviz run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// DOT files larger than this (bytes) are not rendered.
    pub max_bytes: u64,
    /// A run longer than this is killed, and its picture skipped.
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
        }
    }
}

/// The default size threshold: 1 MiB of DOT (the shipped whole graph is about a tenth of it).
pub const DEFAULT_MAX_BYTES: u64 = 1 << 20;
/// The default time limit of one run, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// What one run of `dot -Tsvg` gave.
pub enum Rendered {
    /// The program is not installed.
    NotFound,
    /// Not rendered, and why (too large, too slow).
    Skipped(String),
    /// The SVG, and what `dot` printed on stderr (warnings; empty when none).
    Svg {
        /// The SVG document.
        svg: Vec<u8>,
        /// Graphviz's warnings, trimmed.
        warnings: String,
    },
}

/// Renders the DOT file `dot` with the Graphviz program `program`, within `limits`.
///
/// # Errors
/// `Graphviz could not render FILE: …` when the program cannot be run or rejects the file.
pub fn render_svg(program: &Path, dot: &Path, limits: &Limits) -> Result<Rendered> {
    let size = std::fs::metadata(dot).map(|m| m.len()).unwrap_or(0);
    if size > limits.max_bytes {
        return Ok(Rendered::Skipped(format!(
            "{size} bytes, over the {}-byte threshold (--graphviz-max-bytes): not rendered",
            limits.max_bytes
        )));
    }
    if std::io::stderr().is_terminal() {
        eprintln!(
            "rendering {} with Graphviz (at most {} s)…",
            dot.display(),
            limits.timeout.as_secs()
        );
    }
    let mut command = Command::new(program);
    command
        .arg("-Tsvg")
        .arg(dot)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    die_with_parent(&mut command);
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Rendered::NotFound),
        Err(e) => bail!("Graphviz could not render {}: {e}", dot.display()),
    };
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = r.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > limits.timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (svg, stderr) = (stdout.join().unwrap_or_default(), stderr.join().unwrap_or_default());
    let Some(status) = status else {
        return Ok(Rendered::Skipped(format!(
            "took longer than {} s (--graphviz-timeout): stopped, not rendered",
            limits.timeout.as_secs()
        )));
    };
    let stderr = String::from_utf8_lossy(&stderr).trim().to_owned();
    if !status.success() {
        let message = if stderr.is_empty() { status.to_string() } else { stderr };
        bail!("Graphviz could not render {}: {message}", dot.display());
    }
    Ok(Rendered::Svg { svg, warnings: stderr })
}

/// Asks the kernel to kill the child with SIGKILL when the thread that started it ends (Linux):
/// no `dot` outlives diplograph, however diplograph ends.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn die_with_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let parent = std::process::id();
    // SAFETY: between fork and exec only async-signal-safe calls are made: prctl and getppid.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The parent may have died before prctl: then nobody will send the signal.
            if libc::getppid() as u32 != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent(_: &mut Command) {}

//! Running Graphviz's `dot` to render a DOT file as SVG.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Result};

/// What one run of `dot -Tsvg` gave.
pub enum Rendered {
    /// The program is not installed.
    NotFound,
    /// The SVG, and what `dot` printed on stderr (warnings; empty when none).
    Svg {
        /// The SVG document.
        svg: Vec<u8>,
        /// Graphviz's warnings, trimmed.
        warnings: String,
    },
}

/// Renders the DOT file `dot` with the Graphviz program `program`.
///
/// # Errors
/// `Graphviz could not render FILE: …` when the program cannot be run or rejects the file.
pub fn render_svg(program: &Path, dot: &Path) -> Result<Rendered> {
    let output = match Command::new(program)
        .arg("-Tsvg")
        .arg(dot)
        .stdin(Stdio::null())
        .output()
    {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Rendered::NotFound),
        Err(e) => bail!("Graphviz could not render {}: {e}", dot.display()),
    };
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    if !output.status.success() {
        let message = if stderr.is_empty() {
            output.status.to_string()
        } else {
            stderr
        };
        bail!("Graphviz could not render {}: {message}", dot.display());
    }
    Ok(Rendered::Svg {
        svg: output.stdout,
        warnings: stderr,
    })
}

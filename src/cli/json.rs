//! JSON output: every `--json` document is printed pretty, followed by a newline.

use std::io::Write;

use anyhow::Result;

/// Writes `value` as pretty JSON and a newline.
pub fn print(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

//! The shortest sourced path between two entities, found by name.
//!
//! ```text
//! cargo run --example path
//! ```

use std::error::Error;
use std::io::Write;
use std::path::Path;

use diplograph::Graph;

fn main() -> Result<(), Box<dyn Error>> {
    run(
        Path::new("graph-data"),
        "Roman Protasevich",
        "Jens Stoltenberg",
        &mut std::io::stdout().lock(),
    )
}

/// Writes the shortest path from `from` to `to` (names, aliases or ids), one hop a line.
pub fn run(data: &Path, from: &str, to: &str, out: &mut impl Write) -> Result<(), Box<dyn Error>> {
    let graph = Graph::load_dir(data)?;
    let (a, b) = (graph.node_named(from)?, graph.node_named(to)?);
    let Some(path) = graph.paths(a, b).shortest() else {
        writeln!(out, "no path from {from} to {to}")?;
        return Ok(());
    };
    // Every hop is a relation with its evidence: the sources and their verbatim quotes.
    write!(out, "{}", path.display(&graph))?;
    Ok(())
}

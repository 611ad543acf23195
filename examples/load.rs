//! Load a graph-data folder and say what it holds.
//!
//! ```text
//! cargo run --example load
//! ```

use std::error::Error;
use std::io::Write;
use std::path::Path;

use diplograph::Graph;

fn main() -> Result<(), Box<dyn Error>> {
    run(Path::new("graph-data"), &mut std::io::stdout().lock())
}

/// Loads `data` and writes its entities by kind, then its relations and sources.
pub fn run(data: &Path, out: &mut impl Write) -> Result<(), Box<dyn Error>> {
    // A folder with problems is refused with all of them: `FILE:LINE: message` and a hint each.
    let graph = Graph::load_dir(data)?;
    let stats = graph.stats();
    for (kind, count) in &stats.entities_by_kind {
        writeln!(out, "{count:>5} {kind}")?;
    }
    writeln!(
        out,
        "{} relations from {} claims, {} sources",
        stats.relations, stats.claims, stats.sources
    )?;
    Ok(())
}

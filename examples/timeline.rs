//! The dated relations between two entities over a window of years, in chronological order.
//!
//! ```text
//! cargo run --example timeline
//! ```

use std::error::Error;
use std::io::Write;
use std::path::Path;

use diplograph::{Filter, Graph};

fn main() -> Result<(), Box<dyn Error>> {
    run(Path::new("graph-data"), &mut std::io::stdout().lock())
}

/// Writes what happened between Belarus and the European Union from 2004 to 2012.
pub fn run(data: &Path, out: &mut impl Write) -> Result<(), Box<dyn Error>> {
    let graph = Graph::load_dir(data)?;
    let belarus = graph.node_named("Belarus")?;
    let eu = graph.node_named("European Union")?;
    // EDTF dates: a year, a month, a day, an interval; `between` keeps what may overlap them.
    let window = Filter::default().between(Some("2004".parse()?), Some("2012".parse()?));
    let timeline = graph.timeline().entity(belarus).with(eu).filter(window).run();
    write!(out, "{}", timeline.display(&graph))?;
    Ok(())
}

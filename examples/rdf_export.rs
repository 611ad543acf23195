//! The graph as RDF (Turtle), streamed to any writer: here standard output.
//!
//! ```text
//! cargo run --example rdf_export > graph.ttl
//! ```

use std::error::Error;
use std::io::{BufWriter, Write};
use std::path::Path;

use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use diplograph::Graph;

fn main() -> Result<(), Box<dyn Error>> {
    let stdout = BufWriter::new(std::io::stdout().lock());
    run(Path::new("graph-data"), stdout)?.flush()?;
    Ok(())
}

/// Writes the graph in `data` as Turtle to `out`, and gives `out` back.
pub fn run<W: Write>(data: &Path, out: W) -> Result<W, Box<dyn Error>> {
    let graph = Graph::load_dir(data)?;
    // Sorted and byte-stable: the same graph-data always gives the same bytes.
    let rdf = RdfExport::new(&graph, &BaseIri::default())?;
    Ok(rdf.write(RdfSyntax::Turtle, out)?)
}

//! The export formats.

use std::fmt;
use std::str::FromStr;

/// An export format.
///
/// ```
/// use diplograph::export::Format;
/// assert_eq!(Format::from_extension("ttl"), Some(Format::Turtle));
/// assert_eq!(Format::from_extension("gexf"), Some(Format::Gexf));
/// assert_eq!("nquads".parse::<Format>().unwrap(), Format::NQuads);
/// assert!("xml".parse::<Format>().unwrap_err().contains("turtle, ntriples"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// RDF Turtle with readable prefixes.
    Turtle,
    /// RDF N-Triples.
    NTriples,
    /// RDF N-Quads: evidence in a named graph per source.
    NQuads,
    /// GraphViz DOT.
    Dot,
    /// Two CSV files, `nodes.csv` and `edges.csv`.
    Csv,
    /// The explorer page: one self-contained HTML file.
    Html,
    /// GEXF 1.3 with dynamic edges, for Gephi.
    Gexf,
    /// GraphML with typed attributes, for Cytoscape and yEd.
    Graphml,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 8] = [
        Format::Turtle,
        Format::NTriples,
        Format::NQuads,
        Format::Dot,
        Format::Csv,
        Format::Html,
        Format::Gexf,
        Format::Graphml,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Turtle => "turtle",
            Format::NTriples => "ntriples",
            Format::NQuads => "nquads",
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
        }
    }

    /// The format a file extension stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(ext))
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            format!(
                "unknown format '{s}'; choose from: {}",
                Self::ALL.map(Format::name).join(", ")
            )
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

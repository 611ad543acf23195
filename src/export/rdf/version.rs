//! Which RDF the export writes: RDF 1.1 reification (the default) or RDF 1.2 triple terms.

use std::fmt;
use std::str::FromStr;

/// How a relation's statement names the triple it is about.
///
/// - [`RdfVersion::Rdf11`] (the default): standard RDF 1.1 reification, `relation:r-… a
///   rdf:Statement ; rdf:subject … ; rdf:predicate … ; rdf:object …`, which every RDF store reads.
/// - [`RdfVersion::Rdf12`]: the statement is a *reifier* of an RDF 1.2 triple term,
///   `relation:r-… rdf:reifies <<( entity:belarus dg:member_of entity:un )>>` — in Turtle
///   written with the annotation syntax, `entity:belarus dg:member_of entity:un ~ relation:r-…
///   {| … |}`, which says the same; only RDF 1.2 parsers and stores read it. Everything else
///   (the direct triples, the dates, the evidence and its named graphs) is the same in both.
///
/// ```
/// use diplograph::export::rdf::RdfVersion;
/// assert_eq!("1.2".parse::<RdfVersion>(), Ok(RdfVersion::Rdf12));
/// assert_eq!(RdfVersion::default().to_string(), "1.1");
/// assert!("1.3".parse::<RdfVersion>().unwrap_err().contains("choose from: 1.1, 1.2"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RdfVersion {
    /// RDF 1.1: reified statements (`rdf:Statement`, `rdf:subject`, `rdf:predicate`, `rdf:object`).
    #[default]
    Rdf11,
    /// RDF 1.2: each statement `rdf:reifies` a triple term `<<( s p o )>>`.
    Rdf12,
}

impl RdfVersion {
    /// Every version.
    pub const ALL: [RdfVersion; 2] = [RdfVersion::Rdf11, RdfVersion::Rdf12];

    /// The version's number, `1.1` or `1.2`.
    pub fn name(self) -> &'static str {
        match self {
            RdfVersion::Rdf11 => "1.1",
            RdfVersion::Rdf12 => "1.2",
        }
    }
}

impl FromStr for RdfVersion {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|v| v.name() == s).ok_or_else(|| {
            format!(
                "unknown RDF version '{s}'; choose from: {}",
                Self::ALL.map(RdfVersion::name).join(", ")
            )
        })
    }
}

impl fmt::Display for RdfVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

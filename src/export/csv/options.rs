//! What a CSV export writes: the flavour and, for a filtered export, each relation's certainty.

use std::fmt;
use std::str::FromStr;

use crate::model::relation::Relation;
use crate::query::time::Certainty;

/// Which program the CSV files are for.
///
/// ```
/// use diplograph::export::csv::CsvFlavor;
/// assert_eq!("neo4j".parse::<CsvFlavor>().unwrap(), CsvFlavor::Neo4j);
/// assert!("excel".parse::<CsvFlavor>().unwrap_err().contains("spreadsheet, neo4j"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CsvFlavor {
    /// Plain headers (`id, kind, label, ...`); cells that a spreadsheet would run as a formula
    /// are guarded with a leading `'` (see [`guard_formula`](crate::export::csv::guard_formula)).
    #[default]
    Spreadsheet,
    /// Headers for `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
    /// `:TYPE`, `aliases:string[]` ...), arrays joined by [`NEO4J_ARRAY_DELIMITER`](crate::export::csv::NEO4J_ARRAY_DELIMITER); no guard.
    Neo4j,
}

impl CsvFlavor {
    /// Every flavour.
    pub const ALL: [CsvFlavor; 2] = [CsvFlavor::Spreadsheet, CsvFlavor::Neo4j];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            CsvFlavor::Spreadsheet => "spreadsheet",
            CsvFlavor::Neo4j => "neo4j",
        }
    }
}

impl FromStr for CsvFlavor {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            format!(
                "unknown CSV flavor '{s}'; choose from: {}",
                Self::ALL.map(CsvFlavor::name).join(", ")
            )
        })
    }
}

impl fmt::Display for CsvFlavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How surely each relation passed a query's time filter, for the `certainty` column of a
/// filtered export (`None`: the filter left it out).
pub type CertaintyOf<'a> = &'a dyn Fn(&Relation) -> Option<Certainty>;

/// Options of the CSV export, for [`write_nodes`](crate::export::csv::write_nodes) and
/// [`write_edges`](crate::export::csv::write_edges): the two files are two streams, so each has
/// its own call, and both take the same options.
///
/// ```
/// use diplograph::export::csv::{write_edges, write_nodes, CsvFlavor, CsvOptions};
/// use diplograph::{Filter, Graph};
/// let graph = Graph::embedded()?;
/// let nodes = write_nodes(&graph, &CsvOptions::new(), Vec::new())?;
/// assert!(String::from_utf8(nodes)?.starts_with("id,kind,label"));
///
/// let filter = Filter::default().at("2005".parse()?);
/// let certainty = |r: &_| filter.admits(&graph, r);
/// let options = CsvOptions::new().flavor(CsvFlavor::Neo4j).certainty(&certainty);
/// let edges = String::from_utf8(write_edges(&graph, &options, Vec::new())?)?;
/// assert!(edges.starts_with(":START_ID"));
/// assert!(edges.lines().next().unwrap().ends_with("certainty"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Default)]
#[must_use]
pub struct CsvOptions<'a> {
    pub(crate) flavor: CsvFlavor,
    pub(crate) certainty: Option<CertaintyOf<'a>>,
}

impl<'a> CsvOptions<'a> {
    /// Spreadsheet CSV of the whole graph, without a `certainty` column.
    pub fn new() -> Self {
        Self::default()
    }

    /// The program the files are for.
    pub fn flavor(mut self, flavor: CsvFlavor) -> Self {
        self.flavor = flavor;
        self
    }

    /// A filtered export: `edges.csv` gets a last column, `certainty` (`definite`, `possible`
    /// or `undated`: how surely the relation passed the time filter, as [`Certainty`] says).
    pub fn certainty(mut self, certainty: CertaintyOf<'a>) -> Self {
        self.certainty = Some(certainty);
        self
    }
}

impl fmt::Debug for CsvOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvOptions")
            .field("flavor", &self.flavor)
            .field("certainty", &self.certainty.map(|_| "…"))
            .finish()
    }
}

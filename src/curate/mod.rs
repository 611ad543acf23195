//! Tools for the people who curate a graph: keep its files in one canonical form
//! ([`Formatter`], `diplograph fmt`) and see what a change did to the graph ([`GraphDiff`],
//! `diplograph diff`).

mod anchors;
mod diff;
mod diff_report;
mod format;
mod records;

pub use diff::{Change, DisagreementRow, Edited, EntityRow, EvidenceRow, GraphDiff, Redated, RelationRow};
pub use diff_report::DiffStyle;
pub use format::{format_csv, FormatError, Formatter};

//! The CSV reader: one graph-data file read into checked records (size, syntax, encoding, header,
//! cells), with line numbers as editors count them. What the cells mean is checked by [`super::check`].
//!
//! The `csv` crate is lenient: it reads a bare quote inside a field, text after a closing quote
//! and a quote that never closes without complaint. A hand-edited file with such a mistake must
//! not load silently changed, so the strict scan ([`scan`]) checks RFC 4180 first, and every record it flags
//! is reported once and skipped, rather than checked again as if it had parsed as meant.
//!
//! Line numbers are counted as editors count them (`\r\n`, a lone `\r` and a lone `\n` each end
//! one line, inside quoted fields too), not as the `csv` crate does, so that a position after an
//! embedded line break, a blank line or an old Mac line end is still the one the curator sees.

pub(crate) mod body;
pub(crate) mod cells;
pub(crate) mod chunks;
pub(crate) mod header;
pub(crate) mod lines;
pub(crate) mod planned;
pub(crate) mod read;
pub(crate) mod scan;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod threads;

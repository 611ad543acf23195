//! How large graph-data may be.

/// Size limits of graph-data files, so that memory and time stay bounded whatever is given.
///
/// The defaults hold a graph of tens of millions of claims (a million claims with realistic quotes
/// is about 300 MB of `relations.csv`); use smaller limits to refuse large input early.
///
/// ```
/// use diplograph::Limits;
/// let small = Limits { max_rows: 1000, ..Limits::default() };
/// assert_eq!(small.max_cell_bytes, 64 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes (default 4 GiB); only this much plus one byte is read.
    pub max_file_bytes: u64,
    /// The most data rows a file may hold (default 20 million); reading stops after it.
    pub max_rows: usize,
    /// The longest cell, in bytes (default 64 KiB): a quote is a sentence, a description a paragraph.
    pub max_cell_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 4 << 30,
            max_rows: 20_000_000,
            max_cell_bytes: 64 << 10,
        }
    }
}

/// `67108864 bytes (64 MiB)`.
pub(crate) fn human_bytes(n: u64) -> String {
    let (value, unit) = match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => (n >> 30, "GiB"),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => (n >> 20, "MiB"),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => (n >> 10, "KiB"),
        n => return format!("{n} bytes"),
    };
    format!("{n} bytes ({value} {unit})")
}

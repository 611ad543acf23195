//! What could be read of one file: its rows, and what is known of it as a whole.

/// A parsed row: the line it starts on and its value.
pub(crate) struct Row<T> {
    pub line: u64,
    pub value: T,
}

/// What could be read of one file.
pub(crate) struct Table<T> {
    /// The rows that parsed, in file order.
    pub rows: Vec<Row<T>>,
    /// The `id` cells of records skipped for syntax or encoding errors (already reported), so
    /// that references to them from other files are not reported as unknown ids as well.
    pub skipped_ids: Vec<String>,
    /// False when the file could not be read as a whole (a bad header, too large, too many
    /// rows): references to it from other files cannot be checked.
    pub readable: bool,
}

impl<T> Table<T> {
    pub(crate) fn unreadable() -> Self {
        Table {
            rows: Vec::new(),
            skipped_ids: Vec::new(),
            readable: false,
        }
    }
}

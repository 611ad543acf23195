//! Where an export goes: a file written atomically, or standard output.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use diplograph::export::write_atomically;

use super::progress;

/// Writes to the file `path` atomically, or to standard output (buffered); for a graph of more
/// than [`progress::LARGE_GRAPH_RELATIONS`] relations a terminal's stderr shows the bytes written.
pub fn write_output_of(
    path: Option<&Path>,
    relations: usize,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let what = path.map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    let large = relations > progress::LARGE_GRAPH_RELATIONS;
    let progress = progress::Progress::new(format!("writing {what}"), large);
    let result = match path {
        Some(path) => write_atomically(path, |w| write(&mut progress.writer(w))).map_err(anyhow::Error::from),
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut progress.writer(&mut out))
                .and_then(|()| out.flush())
                .map_err(anyhow::Error::from)
        }
    };
    progress.finish();
    result
}

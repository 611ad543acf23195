//! Where an export goes: a file written atomically, or standard output.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use diplograph::{same_file, write_atomically, FILE_NAMES};

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

/// Refuses an output path that names one of the graph-data files being read (directly, through
/// a symbolic link or a hard link): the export would replace the data it is made from.
pub fn refuse_inputs(output: Option<&Path>, data: Option<&Path>) -> Result<()> {
    let (Some(output), Some(data)) = (output, data) else {
        return Ok(());
    };
    for name in FILE_NAMES {
        let input = data.join(name);
        if same_file(output, &input) {
            anyhow::bail!(
                "{} is the graph-data file {}: refusing to write an export over its own input",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

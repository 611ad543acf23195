//! Where an export goes: a file written atomically, or standard output.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use diplograph::export::{same_file, write_atomically};
use diplograph::load::FILE_NAMES;

use super::progress;

/// Fails when standard output was closed when the command started (`>&-`): the Rust runtime then
/// opens `/dev/null` read-write in its place, and the command would report success for output
/// nobody received. A shell's `>/dev/null` opens it write-only, so the two can be told apart
/// (on Linux, from `/proc/self/fdinfo/1`; elsewhere this check does nothing).
pub fn stdout_is_open() -> Result<()> {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return Ok(());
    };
    if target != Path::new("/dev/null") {
        return Ok(());
    }
    let flags = std::fs::read_to_string("/proc/self/fdinfo/1").ok().and_then(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
    });
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    if flags.is_some_and(|f| f & ACCESS_MODE == READ_WRITE) {
        anyhow::bail!("cannot write to standard output: it is closed");
    }
    Ok(())
}

/// Writes to the file `path` atomically, or to standard output (buffered) when there is no path
/// or it is `-`; for a graph of more than [`progress::LARGE_GRAPH_RELATIONS`] relations a
/// terminal's stderr shows the bytes written.
pub fn write_output_of<E: Into<io::Error>>(
    path: Option<&Path>,
    relations: usize,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<()> {
    let write = |w: &mut dyn Write| write(w).map_err(Into::into);
    let path = path.filter(|p| *p != Path::new("-"));
    let what = path.map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    let large = relations > progress::LARGE_GRAPH_RELATIONS;
    let progress = progress::Progress::new(format!("writing {what}"), large, true);
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

//! Writing a file so that it is either wholly new or untouched.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target is a folder.
    #[error("{0} is a folder; give a file name")]
    IsDir(PathBuf),
    /// The target's folder does not exist.
    #[error("the folder of {0} does not exist")]
    MissingDir(PathBuf),
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The target.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// Writes `path` atomically: `write` fills a temporary file in the same folder, which replaces
/// `path` only once everything is written and flushed. On any error (or a panic, or the process
/// being killed) the previous file is untouched and the temporary file is removed (a killed
/// process may leave a `.tmp` file named `.NAME.*.tmp`, never a half-written `NAME`).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// diplograph::write_atomically(&path, |w| w.write_all(b"hello")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// let failed = diplograph::write_atomically(&path, |w| {
///     w.write_all(b"half")?;
///     Err(std::io::Error::other("interrupted"))
/// });
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// ```
pub fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsDir(path.to_owned()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::MissingDir(path.to_owned()));
    }
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_err)?;
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out).map_err(io_err)?;
    out.flush().map_err(io_err)?;
    let tmp = out.into_inner().map_err(|e| io_err(e.into_error()))?;
    tmp.as_file().sync_all().map_err(io_err)?;
    // A temporary file is private (0600); an export is an ordinary file: keep the mode of the file
    // it replaces, or give it the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).map_err(io_err)?;
    }
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

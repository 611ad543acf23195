//! Writing a file so that it is either wholly new or untouched.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The length of the random part of a temporary file's name (`.NAME.XXXXXX.tmp`).
const RANDOM_CHARS: usize = 6;

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The target is a folder.
    #[error("{0} is a folder; give a file name")]
    IsDir(PathBuf),
    /// The path names no file: it is empty, or ends in `/` or `..`.
    #[error("'{}' names no file (it is empty, or ends in / or ..); give a file name", .0.display())]
    NoFileName(PathBuf),
    /// The target's folder does not exist.
    #[error("the folder of {0} does not exist")]
    MissingDir(PathBuf),
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot write {path}")]
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
/// being killed) the previous file is untouched and the temporary file is removed.
///
/// A process killed outright (SIGKILL, power loss) cannot remove its temporary file: it leaves a
/// `.NAME.XXXXXX.tmp` beside `NAME` (never a half-written `NAME`). The next write of `NAME`
/// removes such files — exactly that pattern, six random letters or digits — if they were last
/// modified before it started; a newer one may belong to another process writing `NAME` now,
/// and is left alone.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// diplograph::export::write_atomically(&path, |w| w.write_all(b"hello")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// let failed = diplograph::export::write_atomically(&path, |w| {
///     w.write_all(b"half")?;
///     Err(std::io::Error::other("interrupted"))
/// });
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// ```
pub fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    let started = SystemTime::now();
    if path.is_dir() {
        return Err(WriteError::IsDir(path.to_owned()));
    }
    // A trailing separator means a folder, even one that does not exist yet.
    let trailing_separator = path
        .as_os_str()
        .to_string_lossy()
        .chars()
        .next_back()
        .is_some_and(std::path::is_separator);
    let name = match path.file_name() {
        Some(n) if !trailing_separator => n.to_string_lossy().into_owned(),
        _ => return Err(WriteError::NoFileName(path.to_owned())),
    };
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
    remove_stale_temporaries(&dir, &name, started);
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .rand_bytes(RANDOM_CHARS)
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

/// Whether `file` is the name of a temporary file of `write_atomically` for the target `name`.
fn is_temporary_of(file: &str, name: &str) -> bool {
    file.strip_prefix('.')
        .and_then(|f| f.strip_prefix(name))
        .and_then(|f| f.strip_prefix('.'))
        .and_then(|f| f.strip_suffix(".tmp"))
        .is_some_and(|random| random.len() == RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes the temporary files a killed write of `name` left in `dir`: those last modified
/// before `started`. Best effort: a file that cannot be read or removed is left.
fn remove_stale_temporaries(dir: &Path, name: &str, started: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        if !file.to_str().is_some_and(|f| is_temporary_of(f, name)) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .is_some_and(|modified| modified < started);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names() {
        assert!(is_temporary_of(".graph.ttl.a1B2c3.tmp", "graph.ttl"));
        assert!(!is_temporary_of(".graph.ttl.a1B2c.tmp", "graph.ttl"));
        assert!(!is_temporary_of(".graph.ttl.a1B2c3.tmp", "graph.nt"));
        assert!(!is_temporary_of("graph.ttl.a1B2c3.tmp", "graph.ttl"));
        assert!(!is_temporary_of(".graph.ttl.a1-2c3.tmp", "graph.ttl"));
        assert!(!is_temporary_of(".graph.ttl.a1B2c3.tmp.x", "graph.ttl"));
    }

    #[test]
    fn the_folder_and_the_name_are_checked_first() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), |_| Ok(())).unwrap_err();
        assert!(matches!(err, WriteError::IsDir(_)));
        let err = write_atomically(Path::new(""), |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("give a file name"), "{err}");
        let err = write_atomically(&dir.path().join("new-folder/"), |_| Ok(())).unwrap_err();
        assert!(matches!(err, WriteError::NoFileName(_)), "{err}");
        assert!(!dir.path().join("new-folder").exists());
        let missing = dir.path().join("no/such/file");
        let err = write_atomically(&missing, |_| Ok(())).unwrap_err();
        assert!(matches!(err, WriteError::MissingDir(_)));
        assert!(err.to_string().contains(&missing.display().to_string()));
    }
}

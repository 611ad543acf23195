//! Writing a file so that it is either wholly new or untouched.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    /// The target is a symbolic link that leads nowhere.
    #[error("{0} is a symbolic link to nothing; give a file name or fix the link")]
    DanglingLink(PathBuf),
    /// The target is neither a regular file, a FIFO nor a character device (a socket, a block
    /// device): it is never replaced.
    #[error("{0} is not a regular file, a FIFO or a character device; refusing to write to it")]
    NotRegular(PathBuf),
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

/// Writes `path` so that it is either wholly new or untouched, and never replaces what `path`
/// names with a thing of another kind.
///
/// `write` may be any exporter's call, the writer it hands back dropped
/// (`|w| DotWriter::new().write(&graph, w).map(drop)`): its error is turned into an I/O error.
///
/// What happens depends on what `path` names (docs/guarantees.md, "Output targets"):
/// - nothing, or a regular file: `write` fills a temporary file in the same folder, which
///   replaces `path` only once everything is written and flushed. On any error (or a panic, or
///   the process being killed) the previous file is untouched and the temporary file is removed;
/// - a symbolic link to a regular file: the file it leads to is replaced atomically, as above;
///   the link stays a link;
/// - a FIFO, a character device (`/dev/null`, a terminal), or any path through `/dev` or
///   `/proc` (`/dev/stdout`, `/dev/fd/3`): the bytes are streamed *through* it, with no
///   temporary file and no rename (an error part-way leaves what was already written);
/// - a folder, a socket, a block device, or a link that leads nowhere: refused, nothing written.
///
/// Temporary files are named `.diplograph-<random><check>.tmp` (40 bytes, whatever the length
/// of `path`'s name), created exclusively, and locked by the writing process until they are
/// renamed or removed. A process killed outright (SIGKILL, power loss) cannot remove its
/// temporary file; a later write into the same folder removes it, but only a file that is
/// provably such a leftover: its name carries a valid check, it is a regular file owned by this
/// user, it was last modified before that write started, and no process holds its lock. A
/// user's file that merely looks like one is never removed.
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
pub fn write_atomically<E: Into<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), WriteError> {
    let write = |w: &mut dyn Write| write(w).map_err(Into::into);
    let started = SystemTime::now();
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    match output_target(path)? {
        Target::Stream => {
            let file = open_through(path).map_err(io_err)?;
            let mut out = BufWriter::with_capacity(1 << 16, file);
            write(&mut out).map_err(io_err)?;
            out.flush().map_err(io_err)
        }
        Target::Replace(target) => replace(path, &target, started, write),
    }
}

/// Where the bytes of a write to a path go.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Through the path as it is (a FIFO, a device, `/dev/stdout`): no temporary, no rename.
    Stream,
    /// Atomically into this regular file (the path itself, or where its symbolic link leads).
    Replace(PathBuf),
}

/// Decides how `path` is written, or why it cannot be.
fn output_target(path: &Path) -> Result<Target, WriteError> {
    // A trailing separator means a folder, even one that does not exist yet.
    let trailing_separator = path
        .as_os_str()
        .to_string_lossy()
        .chars()
        .next_back()
        .is_some_and(std::path::is_separator);
    if path.is_dir() {
        return Err(WriteError::IsDir(path.to_owned()));
    }
    if path.file_name().is_none() || trailing_separator {
        return Err(WriteError::NoFileName(path.to_owned()));
    }
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    let own = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = folder_of(path);
            if !dir.is_dir() {
                return Err(WriteError::MissingDir(path.to_owned()));
            }
            return Ok(Target::Replace(path.to_owned()));
        }
        Err(e) => return Err(io_err(e)),
    };
    let followed = if own.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(WriteError::DanglingLink(path.to_owned())),
            Err(e) => return Err(io_err(e)),
        }
    } else {
        own.clone()
    };
    if passes_through_system_files(path) {
        return Ok(Target::Stream);
    }
    if followed.is_file() {
        if own.file_type().is_symlink() {
            return std::fs::canonicalize(path).map(Target::Replace).map_err(io_err);
        }
        return Ok(Target::Replace(path.to_owned()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = followed.file_type();
        if kind.is_fifo() || kind.is_char_device() {
            return Ok(Target::Stream);
        }
    }
    Err(WriteError::NotRegular(path.to_owned()))
}

/// Whether `path`, or a symbolic link it leads through, lies under `/dev` or `/proc`: files the
/// system makes (`/dev/stdout`, `/proc/self/fd/1`), never to be replaced by a rename.
fn passes_through_system_files(path: &Path) -> bool {
    let system = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    let mut current = if path.is_absolute() {
        path.to_owned()
    } else {
        match std::env::current_dir() {
            Ok(cwd) => cwd.join(path),
            Err(_) => return false,
        }
    };
    for _ in 0..40 {
        if system(&current) {
            return true;
        }
        match std::fs::read_link(&current) {
            Ok(next) => current = folder_of(&current).join(next),
            Err(_) => return false,
        }
    }
    false
}

/// The folder a file `path` is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Opens a FIFO, a device or a system file for writing as it is: never created, never truncated
/// (a regular file reached through `/dev/stdout` is appended to, as the shell's `>>` would).
fn open_through(path: &Path) -> io::Result<File> {
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    std::fs::OpenOptions::new().write(true).append(regular).open(path)
}

/// Writes `target` atomically through a temporary file beside it; errors name `shown`.
fn replace(
    shown: &Path,
    target: &Path,
    started: SystemTime,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: shown.to_owned(),
        source,
    };
    let dir = folder_of(target);
    let tmp = Temporary::create(&dir).map_err(io_err)?;
    if let Ok(ours) = tmp.file.metadata() {
        remove_dead_temporaries(&dir, started, &ours);
    }
    let mut out = BufWriter::with_capacity(1 << 16, &tmp.file);
    write(&mut out).map_err(io_err)?;
    out.flush().map_err(io_err)?;
    drop(out);
    tmp.file.sync_all().map_err(io_err)?;
    // A temporary file is private (0600); an export is an ordinary file: keep the mode of the file
    // it replaces, or give it the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.file
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io_err)?;
    }
    tmp.persist(target).map_err(io_err)
}

/// The fixed parts of a temporary file's name: `.diplograph-` + 16 random and 8 check hex
/// digits + `.tmp`.
const TEMP_PREFIX: &str = ".diplograph-";
const TEMP_SUFFIX: &str = ".tmp";

/// The check digits of a temporary file's random part: what makes the name unmistakably ours.
fn check_of(random: &str) -> String {
    let h = xxhash_rust::xxh3::xxh3_64(format!("diplograph temporary {random}").as_bytes());
    format!("{:08x}", h as u32)
}

/// A temporary file name with a fresh random part.
fn temporary_name() -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    if let Ok(t) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    let random = format!("{:016x}", h.finish());
    format!("{TEMP_PREFIX}{random}{}{TEMP_SUFFIX}", check_of(&random))
}

/// Whether `file` is the name of a temporary file of `write_atomically`, check digits included.
fn is_our_temporary(file: &str) -> bool {
    let Some(middle) = file.strip_prefix(TEMP_PREFIX).and_then(|f| f.strip_suffix(TEMP_SUFFIX)) else {
        return false;
    };
    if middle.len() != 24 || !middle.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return false;
    }
    let (random, check) = middle.split_at(16);
    check_of(random) == check
}

/// A temporary file being written: created exclusively, locked while it lives, removed on drop
/// unless persisted.
struct Temporary {
    path: PathBuf,
    file: File,
    persisted: bool,
}

impl Temporary {
    fn create(dir: &Path) -> io::Result<Temporary> {
        let mut attempts = 0;
        loop {
            let path = dir.join(temporary_name());
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&path) {
                Ok(file) => {
                    let tmp = Temporary {
                        path,
                        file,
                        persisted: false,
                    };
                    // The lock says "being written"; a file system without locks still works
                    // (its leftovers are then never removed, as their writer cannot be proven
                    // dead).
                    let _ = lock(&tmp.file, true);
                    return Ok(tmp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 16 => attempts += 1,
                Err(e) => return Err(e),
            }
        }
    }

    fn persist(mut self, target: &Path) -> io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Removes the temporary files that killed writes left in `dir`: only those that are provably
/// dead leftovers of `write_atomically` (see its documentation); `ours` is the temporary file of
/// this write, whose owner a leftover must have. Best effort: a file that cannot
/// be read, locked or removed is left.
fn remove_dead_temporaries(dir: &Path, started: SystemTime, ours: &std::fs::Metadata) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_our_temporary) {
            continue;
        }
        let path = entry.path();
        let Ok(before) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let old = before.modified().is_ok_and(|m| m < started);
        if !before.is_file() || !old || !same_owner(&before, ours) || same_inode(&before, ours) {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        // Held by a live writer: not ours to remove.
        if lock(&file, false).is_err() {
            continue;
        }
        // Still the file that was checked (not replaced in between), and still unlocked by us.
        if file.metadata().ok().is_some_and(|now| same_inode(&now, &before)) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Takes the exclusive advisory lock (`flock`) on `file`: waiting for it, or failing at once if
/// another open file holds it. Where there is no `flock`, fails (nothing is then proven dead).
#[cfg(unix)]
fn lock(file: &File, wait: bool) -> io::Result<()> {
    use rustix::fs::{flock, FlockOperation};
    let operation = if wait {
        FlockOperation::LockExclusive
    } else {
        FlockOperation::NonBlockingLockExclusive
    };
    flock(file, operation).map_err(io::Error::from)
}

#[cfg(not(unix))]
fn lock(_: &File, _: bool) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Whether `m` has the owner of `ours` (a file this process just created).
#[cfg(unix)]
fn same_owner(m: &std::fs::Metadata, ours: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    m.uid() == ours.uid()
}

#[cfg(not(unix))]
fn same_owner(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

/// Whether `a` and `b` name the same existing file (after following symbolic links): `-o` must
/// not name an input file.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let a = dir.path().join("a.csv");
/// std::fs::write(&a, "x").unwrap();
/// assert!(diplograph::export::same_file(&a, &dir.path().join(".").join("a.csv")));
/// assert!(!diplograph::export::same_file(&a, &dir.path().join("b.csv")));
/// ```
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => same_inode(&a, &b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_a_check() {
        for _ in 0..100 {
            let name = temporary_name();
            assert_eq!(name.len(), 40, "{name}");
            assert!(is_our_temporary(&name), "{name}");
            // Any one changed character breaks the check.
            for i in TEMP_PREFIX.len()..TEMP_PREFIX.len() + 24 {
                let mut bytes = name.clone().into_bytes();
                bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
                assert!(!is_our_temporary(&String::from_utf8(bytes).unwrap()));
            }
        }
        assert!(!is_our_temporary(".graph.ttl.a1B2c3.tmp"));
        assert!(!is_our_temporary(".diplograph-0000000000000000.tmp"));
    }

    #[test]
    fn the_folder_and_the_name_are_checked_first() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), |_| Ok::<(), io::Error>(())).unwrap_err();
        assert!(matches!(err, WriteError::IsDir(_)));
        let err = write_atomically(Path::new(""), |_| Ok::<(), io::Error>(())).unwrap_err();
        assert!(err.to_string().contains("give a file name"), "{err}");
        let err = write_atomically(&dir.path().join("new-folder/"), |_| Ok::<(), io::Error>(())).unwrap_err();
        assert!(matches!(err, WriteError::NoFileName(_)), "{err}");
        assert!(!dir.path().join("new-folder").exists());
        let missing = dir.path().join("no/such/file");
        let err = write_atomically(&missing, |_| Ok::<(), io::Error>(())).unwrap_err();
        assert!(matches!(err, WriteError::MissingDir(_)));
        assert!(err.to_string().contains(&missing.display().to_string()));
    }
}

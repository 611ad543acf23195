//! Output targets and temporaries (docs/guarantees.md, "Output targets" and "Temporaries and
//! concurrency"), by generators rather than one fixture per case:
//! - every kind of thing an output path can name (nothing, a regular file, chains of symbolic
//!   links to a file, a FIFO, a character device, a folder, a socket, a link to nothing), under
//!   generated names up to the file system's 255-byte limit: what the path names keeps its kind,
//!   regular files are replaced whole, FIFOs and devices are written through, the rest refused,
//!   and no temporary file is left;
//! - leftovers: only provably dead temporaries of ours are removed; live ones (locked by a
//!   writer) and look-alikes are kept;
//! - concurrent writers into one folder all succeed;
//! - the binary: `-o` naming an input CSV is refused, a FIFO `relations.csv` is refused without
//!   hanging, and an empty `DIPLOGRAPH_DATA` means unset.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::hostile::cases;
use diplograph::export::{write_atomically, WriteError};
use proptest::prelude::*;

/// What an output path names before the write.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Missing,
    Regular,
    /// A chain of this many symbolic links to a regular file (1 to 3), relative or absolute.
    LinkToRegular(u8, bool),
    LinkToMissing,
    LinkToDir,
    Fifo,
    LinkToFifo,
    DevNull,
    LinkToDevNull,
    Dir,
    Socket,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Missing),
        Just(Kind::Regular),
        (1u8..=3, any::<bool>()).prop_map(|(n, abs)| Kind::LinkToRegular(n, abs)),
        Just(Kind::LinkToMissing),
        Just(Kind::LinkToDir),
        Just(Kind::Fifo),
        Just(Kind::LinkToFifo),
        Just(Kind::DevNull),
        Just(Kind::LinkToDevNull),
        Just(Kind::Dir),
        Just(Kind::Socket),
    ]
}

/// A file name of 1 to 255 bytes: ASCII, accented letters, CJK, emoji, spaces and dots, never
/// `.`/`..` and never a `/` or NUL.
fn file_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9_-]{1,20}",
        Just(" ".to_owned()),
        Just(".".to_owned()),
        Just("é".to_owned()),
        Just("名".to_owned()),
        Just("🦀".to_owned()),
        Just("\u{a0}".to_owned()),
    ];
    (proptest::collection::vec(piece, 1..120), 1usize..=255).prop_map(|(pieces, max)| {
        let mut name = String::new();
        for p in pieces {
            if name.len() + p.len() > max {
                break;
            }
            name.push_str(&p);
        }
        if name.is_empty() || name.chars().all(|c| c == '.') {
            name.insert(0, 'x');
        }
        name
    })
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Reads a FIFO to its end in a thread (a writer blocks until a reader opens it).
fn drain(fifo: PathBuf) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        File::open(fifo)
            .expect("open fifo")
            .read_to_end(&mut bytes)
            .expect("read fifo");
        bytes
    })
}

/// What the write must leave.
enum Expect {
    /// `file` (the path, or where its links lead) holds the new bytes, `path` keeps its kind.
    Replaced(PathBuf),
    /// The bytes went through a FIFO to its reader.
    Streamed(std::thread::JoinHandle<Vec<u8>>),
    /// The bytes went to /dev/null.
    Discarded,
    /// Refused with this error; nothing changed.
    Refused(fn(&WriteError) -> bool),
}

fn file_kind(path: &Path) -> Option<&'static str> {
    let t = std::fs::symlink_metadata(path).ok()?.file_type();
    Some(if t.is_symlink() {
        "symlink"
    } else if t.is_file() {
        "file"
    } else if t.is_dir() {
        "dir"
    } else if t.is_fifo() {
        "fifo"
    } else if t.is_char_device() {
        "char device"
    } else if t.is_socket() {
        "socket"
    } else {
        "other"
    })
}

/// Sets up `kind` at `dir/name`; returns the path to write and what the write must do.
fn arrange(dir: &Path, name: &str, kind: Kind) -> (PathBuf, Expect, Option<std::os::unix::net::UnixListener>) {
    let path = dir.join(name);
    let other = dir.join("elsewhere");
    std::fs::create_dir(&other).expect("mkdir");
    let real = other.join("real.txt");
    let symlink = |to: &Path, at: &Path| std::os::unix::fs::symlink(to, at).expect("symlink");
    let mut listener = None;
    let expect = match kind {
        Kind::Missing => Expect::Replaced(path.clone()),
        Kind::Regular => {
            std::fs::write(&path, "old").expect("write");
            Expect::Replaced(path.clone())
        }
        Kind::LinkToRegular(n, absolute) => {
            std::fs::write(&real, "old").expect("write");
            let mut to = if absolute {
                real.clone()
            } else {
                PathBuf::from("real.txt")
            };
            for i in 1..n {
                let hop = other.join(format!("hop{i}"));
                symlink(&to, &hop);
                to = if absolute {
                    hop
                } else {
                    PathBuf::from(format!("hop{i}"))
                };
            }
            let to = if absolute { to } else { Path::new("elsewhere").join(to) };
            symlink(&to, &path);
            Expect::Replaced(real.clone())
        }
        Kind::LinkToMissing => {
            symlink(&other.join("nothing"), &path);
            Expect::Refused(|e| matches!(e, WriteError::DanglingLink(_)))
        }
        Kind::LinkToDir => {
            symlink(&other, &path);
            Expect::Refused(|e| matches!(e, WriteError::IsDir(_)))
        }
        Kind::Fifo => {
            mkfifo(&path);
            Expect::Streamed(drain(path.clone()))
        }
        Kind::LinkToFifo => {
            let fifo = other.join("fifo");
            mkfifo(&fifo);
            symlink(&fifo, &path);
            Expect::Streamed(drain(fifo))
        }
        Kind::DevNull => {
            // A name in this folder cannot be a device without root: write to /dev/null itself.
            return (PathBuf::from("/dev/null"), Expect::Discarded, None);
        }
        Kind::LinkToDevNull => {
            symlink(Path::new("/dev/null"), &path);
            Expect::Discarded
        }
        Kind::Dir => {
            std::fs::create_dir(&path).expect("mkdir");
            Expect::Refused(|e| matches!(e, WriteError::IsDir(_)))
        }
        Kind::Socket => {
            // A socket's path is limited to 108 bytes: bind a short name and link to it.
            let short = std::env::temp_dir().join(format!("dg-sock-{}", std::process::id()));
            let _ = std::fs::remove_file(&short);
            match std::os::unix::net::UnixListener::bind(&short) {
                Ok(l) => {
                    listener = Some(l);
                    std::fs::rename(&short, &path).expect("move the socket");
                    Expect::Refused(|e| matches!(e, WriteError::NotRegular(_)))
                }
                Err(_) => Expect::Replaced(path.clone()),
            }
        }
    };
    (path, expect, listener)
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(48)))]

    /// Whatever the path names, its kind is kept and the bytes go where docs/guarantees.md says.
    #[test]
    fn output_targets_keep_their_kind(kind in kind(), name in file_name(), body in proptest::collection::vec(any::<u8>(), 0..70_000)) {
        let dir = tempfile::tempdir().expect("tempdir");
        // Names the file system refuses (none expected up to 255 bytes) are not ours to test.
        prop_assume!(File::create(dir.path().join(&name)).is_ok());
        std::fs::remove_file(dir.path().join(&name)).expect("remove probe");
        let (path, expect, _listener) = arrange(dir.path(), &name, kind);
        let kind_before = file_kind(&path);
        let result = write_atomically(&path, |w| w.write_all(&body));
        match expect {
            Expect::Replaced(file) => {
                prop_assert!(result.is_ok(), "{kind:?}: {:?}", result.err().map(|e| e.to_string()));
                prop_assert_eq!(std::fs::read(&file).expect("read"), body);
                if kind_before.is_some() {
                    prop_assert_eq!(file_kind(&path), kind_before, "{:?} changed kind", kind);
                }
            }
            Expect::Streamed(reader) => {
                prop_assert!(result.is_ok(), "{kind:?}: {:?}", result.err().map(|e| e.to_string()));
                prop_assert_eq!(reader.join().expect("reader"), body);
                prop_assert_eq!(file_kind(&path), kind_before);
            }
            Expect::Discarded => {
                prop_assert!(result.is_ok(), "{kind:?}: {:?}", result.err().map(|e| e.to_string()));
                prop_assert_eq!(file_kind(Path::new("/dev/null")), Some("char device"));
                prop_assert_eq!(file_kind(&path), kind_before);
            }
            Expect::Refused(is) => {
                let err = result.expect_err("refused");
                prop_assert!(is(&err), "{kind:?}: {err}");
                prop_assert_eq!(file_kind(&path), kind_before);
            }
        }
        for d in [dir.path().to_owned(), dir.path().join("elsewhere")] {
            prop_assert!(temporary_names(&d).is_empty(), "{:?}", temporary_names(&d));
        }
    }
}

/// The names of the temporary-looking files in `dir` (by name only: `temporaries` would read a
/// FIFO and wait forever).
fn temporary_names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// The check digits `write_atomically` gives its temporaries (its private scheme, repeated here
/// to make a leftover without killing a process).
fn temporary(random: u64) -> String {
    let random = format!("{random:016x}");
    let h = xxhash_rust::xxh3::xxh3_64(format!("diplograph temporary {random}").as_bytes());
    format!(".diplograph-{random}{:08x}.tmp", h as u32)
}

/// Only provably dead temporaries of ours are removed: a user's look-alikes and a temporary
/// locked by a live writer are kept, whatever their age.
#[test]
fn only_dead_temporaries_of_ours_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    let touch = |name: &str| {
        let f = File::create(dir.path().join(name)).expect("create");
        f.set_modified(old).expect("set mtime");
        f
    };
    let dead = temporary(1);
    touch(&dead);
    let live = temporary(2);
    let live_file = touch(&live);
    rustix::fs::flock(&live_file, rustix::fs::FlockOperation::LockExclusive).expect("lock");
    let mut kept = vec![live.clone()];
    // Look-alikes: the old naming, a wrong check, upper case, a suffix, no dot.
    let mut wrong = temporary(3).into_bytes();
    wrong[20] = if wrong[20] == b'0' { b'1' } else { b'0' };
    for name in [
        ".graph.ttl.a1B2c3.tmp".to_owned(),
        String::from_utf8(wrong).expect("ascii"),
        temporary(4).to_uppercase(),
        format!("{}.keep", temporary(5)),
        temporary(6)[1..].to_owned(),
        ".diplograph-0123456789abcdef01234567.tmp".to_owned(),
    ] {
        touch(&name);
        kept.push(name);
    }
    write_atomically(&dir.path().join("graph.ttl"), |w| w.write_all(b"new")).expect("write");
    kept.push("graph.ttl".to_owned());
    kept.sort();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, kept, "{dead} must go, the rest stay");
}

/// Writers into one folder, each pausing mid-write while the others start (and clean up), all
/// succeed; each file ends whole.
#[test]
fn concurrent_writers_into_one_folder_all_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let writers: Vec<_> = (0..6)
        .map(|i| {
            let path = dir.path().join(if i % 2 == 0 { "same.ttl" } else { "other.ttl" });
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(40 * i));
                write_atomically(&path, |w| {
                    w.write_all(&vec![b'a' + i as u8; 100_000])?;
                    w.flush()?;
                    std::thread::sleep(Duration::from_millis(300));
                    w.write_all(&vec![b'a' + i as u8; 100_000])
                })
                .map_err(|e| e.to_string())
            })
        })
        .collect();
    for w in writers {
        w.join().expect("no panic").expect("every writer succeeds");
    }
    for name in ["same.ttl", "other.ttl"] {
        let bytes = std::fs::read(dir.path().join(name)).expect("read");
        assert_eq!(bytes.len(), 200_000);
        assert!(
            bytes.iter().all(|&b| b == bytes[0]),
            "{name} is one writer's whole output"
        );
    }
    assert!(temporary_names(dir.path()).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The binary.

fn diplograph() -> assert_cmd::Command {
    let mut cmd = crate::support::diplograph();
    cmd.env_remove("DIPLOGRAPH_DATA").timeout(Duration::from_secs(120));
    cmd
}

/// A copy of the shipped graph-data in a fresh folder.
fn data_copy(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir(&data).expect("mkdir");
    for name in diplograph::load::FILE_NAMES {
        std::fs::copy(crate::support::root().join("graph-data").join(name), data.join(name)).expect("copy");
    }
    data
}

/// `-o` naming an input CSV — directly, through a symbolic link, through a hard link, or by
/// another spelling of the path — is refused, and the input is untouched.
#[test]
fn output_naming_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data_copy(dir.path());
    let input = data.join("relations.csv");
    let before = std::fs::read(&input).expect("read");
    std::os::unix::fs::symlink(&input, dir.path().join("link.csv")).expect("symlink");
    std::fs::hard_link(&input, dir.path().join("hard.csv")).expect("hard link");
    for output in [
        input.clone(),
        data.join(".").join("relations.csv"),
        dir.path().join("data/../data/relations.csv"),
        dir.path().join("link.csv"),
        dir.path().join("hard.csv"),
    ] {
        let out = diplograph()
            .arg("--data")
            .arg(&data)
            .args(["export", "--format", "ntriples", "-o"])
            .arg(&output)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", output.display());
        assert!(stderr.contains("graph-data file"), "{stderr}");
        assert_eq!(std::fs::read(&input).expect("read"), before);
    }
}

/// A FIFO, a folder or a socket where a graph-data file should be is refused at once, naming
/// the file; the loader never waits on a FIFO.
#[test]
fn special_files_in_the_data_folder_are_refused() {
    for (i, file) in diplograph::load::FILE_NAMES.iter().enumerate() {
        for special in ["fifo", "dir", "link-to-fifo"] {
            let dir = tempfile::tempdir().expect("tempdir");
            let data = data_copy(dir.path());
            let path = data.join(file);
            std::fs::remove_file(&path).expect("remove");
            match special {
                "fifo" => mkfifo(&path),
                "dir" => std::fs::create_dir(&path).expect("mkdir"),
                _ => {
                    mkfifo(&dir.path().join("fifo"));
                    std::os::unix::fs::symlink(dir.path().join("fifo"), &path).expect("symlink");
                }
            }
            let started = std::time::Instant::now();
            let out = diplograph()
                .arg("--data")
                .arg(&data)
                .arg(if i % 2 == 0 { "check" } else { "stats" })
                .timeout(Duration::from_secs(30))
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(started.elapsed() < Duration::from_secs(30), "{special} {file}: hangs");
            assert_eq!(out.status.code(), Some(1), "{special} {file}: {stderr}");
            assert!(
                stderr.contains(file) && stderr.contains("not a regular file"),
                "{special} {file}: {stderr}"
            );
        }
    }
}

/// The binary writes through `/dev/null` and FIFOs, and replaces the file a link leads to.
#[test]
fn the_binary_writes_through_special_targets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = diplograph()
        .args(["export", "--format", "turtle", "-o", "/dev/null"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(file_kind(Path::new("/dev/null")), Some("char device"));
    let fifo = dir.path().join("pipe.nt");
    mkfifo(&fifo);
    let reader = drain(fifo.clone());
    let out = diplograph()
        .args(["export", "--format", "ntriples", "-o"])
        .arg(&fifo)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = reader.join().expect("reader");
    assert!(bytes.ends_with(b" .\n") && bytes.len() > 1000, "{} bytes", bytes.len());
    assert_eq!(file_kind(&fifo), Some("fifo"));
}

/// An empty `DIPLOGRAPH_DATA` means unset: the built-in graph is used.
#[test]
fn empty_data_variable_means_unset() {
    let out = diplograph()
        .env("DIPLOGRAPH_DATA", "")
        .arg("stats")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

//! A graph-data folder read for loading: the small files whole, `relations.csv` planned to be
//! read from disk chunk by chunk (see [`planned`](super::reader::planned)) when it is large.

use std::path::Path;

use super::dataset::{check_folder, open_regular, read_file, read_whole, DataFile};
use super::error::LoadError;
use super::limits::Limits;
use super::reader::planned::{plan, Plan, Planned, Windows};
use super::reader::text::Text;
use super::reader::threads::Threads;
use super::validate::Files;

/// The files of a graph-data folder, ready to be validated.
#[derive(Debug)]
pub(crate) struct Folder {
    pub(crate) sources: DataFile,
    pub(crate) predicates: DataFile,
    pub(crate) entities: DataFile,
    pub(crate) relations: Relations,
    pub(crate) views: Option<DataFile>,
}

/// `relations.csv`, read whole or planned.
#[derive(Debug)]
pub(crate) enum Relations {
    /// Read whole: the file is small, or has something reported as it always was.
    Loaded(DataFile),
    /// To be read chunk by chunk.
    Planned(Planned),
}

impl Folder {
    /// Reads the folder `dir`: the files and errors of [`Dataset::from_dir_with`], except that a
    /// `relations.csv` larger than a window is planned rather than read (read whole after all if
    /// its scan finds anything to report).
    ///
    /// [`Dataset::from_dir_with`]: super::dataset::Dataset::from_dir_with
    pub(crate) fn read(dir: &Path, limits: &Limits, threads: &Threads, windows: &Windows) -> Result<Folder, LoadError> {
        check_folder(dir)?;
        Ok(Folder {
            sources: read_file(dir, "sources.csv", limits)?,
            predicates: read_file(dir, "predicates.csv", limits)?,
            entities: read_file(dir, "entities.csv", limits)?,
            relations: read_relations(dir, limits, threads, windows)?,
            views: match dir.join("views.csv").exists() {
                true => Some(read_file(dir, "views.csv", limits)?),
                false => None,
            },
        })
    }

    /// The files, as [`validate_files`](super::validate::validate_files) takes them.
    pub(crate) fn files(&self) -> Files<'_> {
        Files {
            sources: &self.sources,
            predicates: &self.predicates,
            entities: &self.entities,
            relations: match &self.relations {
                Relations::Loaded(file) => Text::Loaded(file),
                Relations::Planned(plan) => Text::Planned(plan),
            },
            views: self.views.as_ref(),
        }
    }
}

/// `relations.csv` of `dir`, planned, or read whole as [`read_file`] reads it.
fn read_relations(dir: &Path, limits: &Limits, threads: &Threads, windows: &Windows) -> Result<Relations, LoadError> {
    let path = dir.join("relations.csv");
    let shown = path.display().to_string();
    let io = |source| LoadError::Io {
        path: shown.clone(),
        source,
    };
    let file = open_regular(&path).map_err(io)?;
    match plan(file, &shown, limits, threads, windows)? {
        Plan::Chunks(planned) => Ok(Relations::Planned(planned)),
        Plan::Whole(file) => Ok(Relations::Loaded(DataFile {
            bytes: read_whole(file, limits).map_err(io)?.into(),
            name: shown,
        })),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::dataset::Dataset;
    use crate::load::graph::load_folder;
    use crate::load::graph::tests::dataset;

    /// Writes `dataset`, with `relations` as its `relations.csv`, to a new folder.
    fn write(dataset: &Dataset, relations: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in [&dataset.sources, &dataset.predicates, &dataset.entities] {
            std::fs::write(dir.path().join(&file.name), &file.bytes).unwrap();
        }
        std::fs::write(dir.path().join("relations.csv"), relations).unwrap();
        dir
    }

    /// One thread, and windows so large that every file is read whole.
    const WHOLE: (Threads, Windows) = (
        Threads {
            min_file_bytes: usize::MAX,
            min_chunk_bytes: 2 << 20,
            max: Some(1),
        },
        Windows {
            window_bytes: usize::MAX,
            max_chunk_bytes: 16 << 20,
        },
    );

    /// `threads` threads, windows of `window` bytes and chunks of 50 to `chunk` bytes.
    fn windowed(threads: usize, window: usize, chunk: usize) -> (Threads, Windows) {
        (
            Threads {
                min_file_bytes: 0,
                min_chunk_bytes: 50,
                max: Some(threads),
            },
            Windows {
                window_bytes: window,
                max_chunk_bytes: chunk,
            },
        )
    }

    /// How `relations.csv` was read, and the relations of the graph or the error text.
    fn outcome(dir: &Path, limits: &Limits, (threads, windows): (Threads, Windows)) -> (bool, String) {
        let folder = match Folder::read(dir, limits, &threads, &windows) {
            Ok(folder) => folder,
            Err(e) => return (false, e.to_string()),
        };
        let planned = matches!(folder.relations, Relations::Planned(_));
        let text = match load_folder(folder, limits, &threads) {
            Ok(graph) => format!("{:#?}", graph.relations().collect::<Vec<_>>()),
            Err(e) => e.to_string(),
        };
        (planned, text)
    }

    /// The outcome of `relations` read in windows of `window` bytes (by 1 and by 3 threads), which
    /// must be the outcome of the file read whole; returns whether it was planned, and the text.
    fn same_outcome(relations: &[u8], limits: &Limits, window: usize) -> (bool, String) {
        let dir = write(&dataset(0, true, false), relations);
        let (planned, expected) = outcome(dir.path(), limits, WHOLE);
        assert!(!planned);
        let mut found = Vec::new();
        for threads in [1, 3] {
            let (planned, text) = outcome(dir.path(), limits, windowed(threads, window, 4 * window));
            assert_eq!(text, expected, "{threads} threads, windows of {window} bytes");
            found.push(planned);
        }
        assert_eq!(found[0], found[1]);
        (found[0], expected)
    }

    #[test]
    fn reading_in_windows_gives_what_reading_whole_gives() {
        let limits = Limits::default();
        for (clean, syntax_error) in [(true, false), (false, false), (false, true)] {
            let data = dataset(3000, clean, syntax_error);
            for bom in [&b""[..], b"\xEF\xBB\xBF"] {
                let relations = [bom, &data.relations.bytes].concat();
                for window in [200, 1000, 5000] {
                    let (planned, text) = same_outcome(&relations, &limits, window);
                    // A syntax error is reported as it always was: by a read of the whole file.
                    assert_eq!(planned, !syntax_error, "clean: {clean}, window: {window}");
                    assert_eq!(text.contains("evidence"), clean, "{}", &text[..200.min(text.len())]);
                }
            }
        }
    }

    /// A `relations.csv` of `rows` claims, one a line, each with the quote `quote` gives.
    fn rows(rows: usize, quote: impl Fn(usize) -> String) -> String {
        let mut text = String::from("subject,predicate,object,date,source,quote,note\n");
        for i in 0..rows {
            text.push_str(&format!("e{},holds,e{},,s1,{},\n", i % 50, 50 + i % 50, quote(i)));
        }
        text
    }

    #[test]
    fn a_quoted_field_across_a_window_end_is_scanned_again_in_the_next() {
        // Quotes of 150 bytes over three lines in windows of 400 bytes: most windows end in one.
        let text = rows(300, |i| format!("\"quote {i},\r\n{}\n\"\"end\"\"\"", "x".repeat(140)));
        let (planned, found) = same_outcome(text.as_bytes(), &Limits::default(), 400);
        assert!(planned);
        assert!(found.contains("line: 299"), "{}", &found[..300]);
    }

    #[test]
    fn what_is_reported_by_the_scan_is_read_whole() {
        let limits = Limits::default();
        let plain = |i: usize| format!("q{i}");
        let bad = |at: usize| move |i: usize| if i == at { format!("q\"{i}") } else { format!("q{i}") };
        let long = |at: usize| {
            move |i: usize| match i == at {
                true => format!("\"{}\"", "y\n".repeat(400)),
                false => format!("q{i}"),
            }
        };
        // What each case is, its file, and whether it is valid.
        let cases: Vec<(&str, String, bool)> = vec![
            ("a syntax error in the first window", rows(500, bad(1)), false),
            ("a syntax error in a middle window", rows(500, bad(250)), false),
            ("a syntax error in the last window", rows(500, bad(499)), false),
            ("a quoted field longer than a window", rows(500, long(250)), true),
            (
                "a quote never closed",
                rows(500, plain) + "e1,holds,e51,,s1,\"open,\n",
                false,
            ),
            (
                "a record longer than a window",
                rows(500, |i| if i == 9 { "z".repeat(900) } else { plain(i) }),
                true,
            ),
            (
                "a row of too many fields",
                rows(500, |i| if i == 9 { ",".repeat(1100) } else { plain(i) }),
                false,
            ),
        ];
        for (what, text, valid) in cases {
            let (planned, found) = same_outcome(text.as_bytes(), &limits, 600);
            assert!(!planned, "{what}");
            match valid {
                true => assert!(found.contains("evidence"), "{what}: {found}"),
                false => assert!(found.contains("relations.csv:"), "{what}: {found}"),
            }
        }
        // Without the problem, the same rows are planned.
        assert!(same_outcome(rows(500, plain).as_bytes(), &limits, 600).0);
        let utf16: Vec<u8> = [&b"\xFF\xFE"[..], rows(500, plain).as_bytes()].concat();
        let (planned, found) = same_outcome(&utf16, &limits, 600);
        assert!(!planned && found.contains("UTF-16"), "{found}");
        let small = Limits {
            max_file_bytes: 5000,
            ..limits
        };
        let (planned, found) = same_outcome(rows(500, plain).as_bytes(), &small, 600);
        assert!(!planned && found.contains("larger than 5000 bytes"), "{found}");
        let few = Limits {
            max_rows: 499,
            ..limits
        };
        let (planned, found) = same_outcome(rows(500, plain).as_bytes(), &few, 600);
        assert!(!planned && found.contains("more than 499 rows"), "{found}");
        // The scan stops at the limit (the header counted): a file of as many rows as allowed is
        // read whole, as it was; one row fewer is planned.
        let (planned, found) = same_outcome(rows(498, plain).as_bytes(), &few, 600);
        assert!(planned && !found.contains("more than"), "{found}");
    }

    #[test]
    fn a_file_changed_while_it_is_read_is_an_error() {
        let text = rows(500, |i| format!("q{i}"));
        let dir = write(&dataset(0, true, false), text.as_bytes());
        let path = dir.path().join("relations.csv");
        let (threads, windows) = windowed(2, 600, 2400);
        let limits = Limits::default();
        let changed = |edit: &dyn Fn()| {
            let folder = Folder::read(dir.path(), &limits, &threads, &windows).unwrap();
            assert!(matches!(folder.relations, Relations::Planned(_)));
            edit();
            match load_folder(folder, &limits, &threads) {
                Err(e @ LoadError::Changed { .. }) => e.to_string(),
                Err(e) => panic!("{e}"),
                Ok(_) => panic!("the change is not seen"),
            }
        };
        // Longer (a row added), and shorter.
        let message = changed(&|| std::fs::write(&path, text.clone() + "e1,holds,e52,,s1,q\n").unwrap());
        assert!(message.contains("relations.csv changed while it was read"), "{message}");
        changed(&|| std::fs::write(&path, &text[..text.len() - 10]).unwrap());
        // As long, but written again later.
        changed(&|| {
            std::fs::write(&path, text.replace("q1", "x1")).unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
                .unwrap();
        });
        // Unchanged, it loads.
        let folder = Folder::read(dir.path(), &limits, &threads, &windows).unwrap();
        assert!(load_folder(folder, &limits, &threads).is_ok());
    }
}

//! The files of a graph-data folder, as bytes.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::limits::Limits;

use super::error::LoadError;

/// One file of a dataset: a display name for messages and its bytes.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// How messages name the file, e.g. `graph-data/relations.csv`.
    pub name: String,
    /// The file's content.
    pub bytes: Cow<'static, [u8]>,
}

/// The four CSV files of a graph-data folder, not yet parsed.
///
/// ```
/// use diplograph::{Dataset, Graph};
/// let graph = Graph::load(&Dataset::embedded()).unwrap();
/// assert!(graph.entity_by_id("belarus").is_some());
/// ```
#[derive(Debug, Clone)]
pub struct Dataset {
    /// `sources.csv`
    pub sources: DataFile,
    /// `predicates.csv`
    pub predicates: DataFile,
    /// `entities.csv`
    pub entities: DataFile,
    /// `relations.csv`
    pub relations: DataFile,
    /// `views.csv`, the named views, if the folder has one.
    pub views: Option<DataFile>,
}

/// The names of the four files, in load order.
pub const FILE_NAMES: [&str; 4] = ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"];

impl Dataset {
    /// The curated graph shipped in the binary (the repository's `graph-data/`).
    pub fn embedded() -> Dataset {
        let file = |name: &str, bytes: &'static [u8]| DataFile {
            name: format!("graph-data/{name}"),
            bytes: Cow::Borrowed(bytes),
        };
        Dataset {
            sources: file("sources.csv", include_bytes!("../../graph-data/sources.csv")),
            predicates: file("predicates.csv", include_bytes!("../../graph-data/predicates.csv")),
            entities: file("entities.csv", include_bytes!("../../graph-data/entities.csv")),
            relations: file("relations.csv", include_bytes!("../../graph-data/relations.csv")),
            views: Some(file("views.csv", include_bytes!("../../graph-data/views.csv"))),
        }
    }

    /// Reads the four files of the folder `dir` (at most [`Limits::default`]'s file size each).
    pub fn from_dir(dir: &Path) -> Result<Dataset, LoadError> {
        Self::from_dir_with(dir, &Limits::default())
    }

    /// Reads the four files of the folder `dir` and its `views.csv` if it has one, each up to `limits.max_file_bytes` (plus one
    /// byte, so that the loader can say the file is too large without reading it all).
    pub fn from_dir_with(dir: &Path, limits: &Limits) -> Result<Dataset, LoadError> {
        check_folder(dir)?;
        Ok(Dataset {
            sources: read_file(dir, "sources.csv", limits)?,
            predicates: read_file(dir, "predicates.csv", limits)?,
            entities: read_file(dir, "entities.csv", limits)?,
            relations: read_file(dir, "relations.csv", limits)?,
            views: match dir.join("views.csv").exists() {
                true => Some(read_file(dir, "views.csv", limits)?),
                false => None,
            },
        })
    }
}

/// An error unless `dir` is a folder.
pub(crate) fn check_folder(dir: &Path) -> Result<(), LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::Io {
            path: dir.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a graph-data folder (expected a directory with sources.csv, predicates.csv, entities.csv, relations.csv)"),
        });
    }
    Ok(())
}

/// Reads the file `name` of the folder `dir` whole, up to `limits.max_file_bytes` plus one byte.
pub(crate) fn read_file(dir: &Path, name: &str, limits: &Limits) -> Result<DataFile, LoadError> {
    let path = dir.join(name);
    let shown = path.display().to_string();
    match open_regular(&path).and_then(|file| read_whole(file, limits)) {
        Ok(bytes) => Ok(DataFile {
            name: shown,
            bytes: Cow::Owned(bytes),
        }),
        Err(source) => Err(LoadError::Io { path: shown, source }),
    }
}

/// The bytes of `file` from where it is, up to `limits.max_file_bytes` plus one byte: read one
/// byte past the limit, not the whole file, so that the loader reports the file as too large
/// and memory stays bounded whatever the folder holds.
pub(crate) fn read_whole(file: std::fs::File, limits: &Limits) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens `path` for reading if it is a regular file (after following symbolic links); anything
/// else — a FIFO, a device, a socket, a folder — is refused before it is opened (opening a FIFO
/// would wait forever for a writer), and checked again on the opened file.
pub(crate) fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let not_regular = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, device, socket or folder); graph-data files must be regular files",
        )
    };
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

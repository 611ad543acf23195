//! The texts of the sources, read from a folder of `<source-id>.txt` files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::verify::fragment_search::SearchText;
use crate::verify::normalise::Normalised;

/// Why the text of a source cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceTextError {
    /// The folder of texts cannot be listed.
    #[error("cannot read the folder of source texts {}: {reason}", .path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The reason.
        reason: String,
    },
    /// There is no `<source-id>.txt` in the folder.
    #[error("no text for source '{id}': {} does not exist", .path.display())]
    Missing {
        /// The source id.
        id: String,
        /// The file expected.
        path: PathBuf,
    },
    /// The file exists but cannot be read.
    #[error("cannot read {}: {reason}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The reason.
        reason: String,
    },
    /// The file is not UTF-8.
    #[error("{} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8", .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// One source's text, as read and in the normal form of the quote check.
#[derive(Debug, Clone)]
pub struct SourceText {
    raw: String,
    normalised: Normalised,
    search: SearchText,
}

impl SourceText {
    /// A text from a string (for texts that do not come from a file).
    pub fn new(raw: impl Into<String>) -> SourceText {
        let raw = raw.into();
        let normalised = Normalised::new(&raw);
        let search = SearchText::new(&raw);
        SourceText {
            raw,
            normalised,
            search,
        }
    }

    /// The text as read.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The text in normal form.
    pub fn normalised(&self) -> &Normalised {
        &self.normalised
    }

    /// The text as a browser searches it for a text fragment.
    pub fn search(&self) -> &SearchText {
        &self.search
    }
}

/// The texts of the sources: every `<source-id>.txt` of one folder.
///
/// Files are read when the folder is opened; a file that is not UTF-8 is kept as an error and
/// reported when its source is asked for, so one bad file does not hide the others.
///
/// ```
/// use diplograph::verify::SourceTexts;
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("nato-page.txt"), "NATO and Belarus").unwrap();
/// let texts = SourceTexts::open(dir.path()).unwrap();
/// assert_eq!(texts.get("nato-page").unwrap().raw(), "NATO and Belarus");
/// let missing = texts.get("other").unwrap_err().to_string();
/// assert!(missing.contains("other.txt does not exist"), "{missing}");
/// ```
#[derive(Debug)]
pub struct SourceTexts {
    dir: PathBuf,
    texts: BTreeMap<String, Result<SourceText, SourceTextError>>,
}

impl SourceTexts {
    /// Reads every `*.txt` file of `dir`.
    pub fn open(dir: &Path) -> Result<SourceTexts, SourceTextError> {
        let folder_error = |e: std::io::Error| SourceTextError::Folder {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        };
        let mut texts = BTreeMap::new();
        for entry in std::fs::read_dir(dir).map_err(folder_error)? {
            let path = entry.map_err(folder_error)?.path();
            let Some(id) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".txt"))
                .map(str::to_owned)
            else {
                continue;
            };
            if !path.is_file() {
                continue;
            }
            texts.insert(id, read_text(&path));
        }
        Ok(SourceTexts {
            dir: dir.to_path_buf(),
            texts,
        })
    }

    /// The folder the texts come from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The text of source `id`, or why there is none.
    pub fn get(&self, id: &str) -> Result<&SourceText, SourceTextError> {
        match self.texts.get(id) {
            Some(Ok(text)) => Ok(text),
            Some(Err(e)) => Err(e.clone()),
            None => Err(SourceTextError::Missing {
                id: id.to_owned(),
                path: self.dir.join(format!("{id}.txt")),
            }),
        }
    }

    /// Every source id that has a file, in id order, with its text or why it cannot be used.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Result<&SourceText, &SourceTextError>)> {
        self.texts.iter().map(|(id, text)| (id.as_str(), text.as_ref()))
    }
}

fn read_text(path: &Path) -> Result<SourceText, SourceTextError> {
    let bytes = std::fs::read(path).map_err(|e| SourceTextError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    // A byte-order mark is not part of the text.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(SourceText::new(text)),
        Err(e) => Err(SourceTextError::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_and_a_non_utf8_file_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("good.txt"), "\u{feff}Good text").unwrap();
        std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9").unwrap();
        std::fs::write(dir.path().join("notes.md"), "not a source").unwrap();
        let texts = SourceTexts::open(dir.path()).unwrap();
        assert_eq!(texts.get("good").unwrap().raw(), "Good text");
        let bad = texts.get("latin1").unwrap_err().to_string();
        assert!(
            bad.contains("latin1.txt is not UTF-8") && bad.contains("offset 3"),
            "{bad}"
        );
        let missing = texts.get("absent").unwrap_err().to_string();
        assert!(missing.contains("absent.txt does not exist"), "{missing}");
        assert_eq!(texts.iter().count(), 2);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let err = SourceTexts::open(Path::new("/nonexistent/sources"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/nonexistent/sources"), "{err}");
    }
}

//! The cached graph images: where they live and when they are used (the `cache` command is
//! `cache.rs`).
//!
//! A graph-data folder loaded once is saved as a binary image (`diplograph::load::image`) in the
//! user's cache folder: `$XDG_CACHE_HOME/diplograph`, else `~/.cache/diplograph`. One image per
//! folder (named by a hash of the folder's absolute path), keyed inside by a hash of the files,
//! the limits and the program's version: a later command on the unchanged folder reads the image
//! instead of parsing and validating the CSV; any change makes the key differ and the folder is
//! loaded from its CSV again (and the image rewritten). A damaged, truncated or unreadable image
//! is never used; a cache folder that cannot be created or written only means no image.
//! `--no-cache` neither reads nor writes one. The embedded graph is small and never cached.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use diplograph::export::write_atomically;
use diplograph::load::image::{open_image, write_image, ImageKey};
use diplograph::{Graph, Limits};

use super::args::Cli;
use super::diag;

/// The file name ending of an image.
pub const EXTENSION: &str = "image";

/// The cache folder: `$XDG_CACHE_HOME/diplograph` (an absolute `XDG_CACHE_HOME` only, as the XDG
/// specification says), else `$HOME/.cache/diplograph`; `None` without either.
pub fn folder() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|h| h.join(".cache"))
    })?;
    Some(base.join("diplograph"))
}

/// The image of one graph-data folder: where it is, and the key it must have.
pub struct Image {
    path: PathBuf,
    key: ImageKey,
}

impl Image {
    /// The image for the graph-data folder `dir`, keyed by its files read in blocks (never held
    /// in memory: see `ImageKey::of_dir`), or `None` when images are off, there is no cache
    /// folder or the files cannot be read (the load that follows says why).
    pub fn of_dir(cli: &Cli, dir: &Path) -> Option<Image> {
        if cli.no_cache {
            return None;
        }
        let folder = folder()?;
        let key = ImageKey::of_dir(dir, &Limits::default()).ok()?;
        Some(Image::new(&folder, dir, key))
    }

    /// The key the image must have.
    pub fn key(&self) -> ImageKey {
        self.key
    }

    /// Whether there is a file where the image goes (intact or not).
    pub fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// The graph of the image, if there is an intact image of this key. Anything else (no file,
    /// another key, damage) is `None`, said with --verbose.
    pub fn read(&self) -> Option<Graph> {
        let started = Instant::now();
        let file = std::fs::File::open(&self.path).ok()?;
        let bytes = map(&file)?;
        let len = bytes.len();
        // The graph keeps the map: its relations are decoded from it when a query asks for them.
        match open_image(std::sync::Arc::new(bytes), self.key) {
            Ok(graph) => {
                diag::verbose(format!(
                    "read the cached image {} ({} bytes) in {} ms",
                    self.path.display(),
                    len,
                    started.elapsed().as_millis()
                ));
                Some(graph)
            }
            Err(e) => {
                diag::verbose(format!("not using {}: {e}", self.path.display()));
                None
            }
        }
    }

    /// The image for the graph-data folder `dir` in the cache folder `cache`, of the key `key`.
    pub fn new(cache: &Path, dir: &Path, key: ImageKey) -> Image {
        Image {
            path: image_path(cache, dir),
            key,
        }
    }

    /// Where the image is (or goes).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the image of `graph`, atomically (a concurrent reader sees the old image or the
    /// new, never a part), creating the cache folder if need be.
    pub fn save(&self, graph: &Graph) -> Result<()> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
        }
        write_atomically(&self.path, |w| write_image(graph, self.key, w).map(drop))
            .context("cannot save the graph image")
    }

    /// Saves the image of `graph`, as [`Image::save`]; a failure is said with --verbose and is
    /// otherwise harmless.
    pub fn write(&self, graph: &Graph) {
        let started = Instant::now();
        match self.save(graph) {
            Ok(()) => diag::verbose(format!(
                "saved the graph image {} in {} ms",
                self.path.display(),
                started.elapsed().as_millis()
            )),
            Err(e) => diag::verbose(format!("{e:#}")),
        }
    }
}

/// The bytes of the image `file`, mapped rather than read: the pages the kernel already holds
/// are used in place, without a copy or a second 150 MB in memory at a million claims. The graph
/// read from it keeps the map for as long as it lives (its relations are decoded from it).
///
/// Images are only ever replaced whole (written beside and renamed, `write_atomically`: the
/// mapped file keeps its bytes), so the mapped file does not change while it is mapped; one truncated in place by another program could
/// end this process (SIGBUS), the risk every mapped file has, never a wrong answer: every byte is
/// checksummed before it is decoded. `None` if the file cannot be mapped.
#[allow(unsafe_code)]
fn map(file: &std::fs::File) -> Option<memmap2::Mmap> {
    // SAFETY: see above: the file is not modified while mapped, except by a program tampering
    // with the cache folder, which can at worst stop this one.
    let map = unsafe { memmap2::Mmap::map(file) }.ok()?;
    let _ = map.advise(memmap2::Advice::Sequential);
    Some(map)
}

/// The image file of the folder `dir` in the cache folder `cache`: named by a hash of the
/// folder's absolute path and of the path as given (the warnings a load reports name the files as
/// given, so `data` and `/home/me/data` are two images), so that each folder has one image,
/// replaced when its data changes.
fn image_path(cache: &Path, dir: &Path) -> PathBuf {
    let absolute = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_owned());
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    for part in [absolute.as_os_str(), dir.as_os_str()] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_encoded_bytes());
    }
    let hash = hasher.digest();
    cache.join(format!("{hash:016x}.{EXTENSION}"))
}

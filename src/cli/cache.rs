//! `diplograph cache build|clear|path`: the cached graph images (see `image.rs`) made, removed
//! and found by hand.

use std::io::Write;

use anyhow::{bail, Context, Result};
use diplograph::load::image::ImageKey;
use diplograph::Limits;

use super::args::{CacheAction, Cli};
use super::diag;
use super::image::{folder, Image, EXTENSION};

/// `diplograph cache build|clear|path`.
pub fn run(cli: &Cli, action: &CacheAction, out: &mut impl Write) -> Result<()> {
    match action {
        CacheAction::Path => {
            let folder = folder().context("no cache folder: neither XDG_CACHE_HOME nor HOME is set")?;
            writeln!(out, "{}", folder.display())?;
        }
        CacheAction::Clear => {
            let folder = folder().context("no cache folder: neither XDG_CACHE_HOME nor HOME is set")?;
            let mut removed = 0;
            if let Ok(entries) = std::fs::read_dir(&folder) {
                for entry in entries.flatten() {
                    let path = entry.path();
                    if path.extension().is_some_and(|e| e == EXTENSION) && path.is_file() {
                        std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
                        removed += 1;
                    }
                }
            }
            diag::note(format!(
                "removed {removed} graph image{} from {}",
                if removed == 1 { "" } else { "s" },
                folder.display()
            ));
        }
        CacheAction::Build => {
            let dir = super::load::data_dir(cli).context("cache build needs a graph-data folder: --data DIR")?;
            let folder = folder().context("no cache folder: neither XDG_CACHE_HOME nor HOME is set")?;
            // The files are read as they are checked, not first: the image is keyed by the files
            // as they were before the load and must still be after it (a folder it cannot read,
            // the load reports).
            let key = || ImageKey::of_dir(dir, &Limits::default()).ok();
            let before = key();
            let graph = super::load::folder(cli, dir)?;
            let image = match (before, key()) {
                (Some(before), Some(after)) if before == after => Image::new(&folder, dir, before),
                _ => bail!("the graph-data changed while it was loaded; run the command again"),
            };
            image.save(&graph)?;
            writeln!(out, "{}", image.path().display())?;
        }
    }
    Ok(())
}

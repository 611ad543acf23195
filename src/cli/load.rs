//! Loading the graph-data the command runs on: the folder given (from its cached image when
//! there is an intact one, see `image`), or the embedded graph.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use diplograph::load::FILE_NAMES;
use diplograph::{Dataset, Graph, LoadError};
use serde_json::json;

use super::args::Cli;
use super::image::Image;
use super::{diag, json, progress, Reported};

/// The graph-data folder given: --data or DIPLOGRAPH_DATA (an empty value counts as unset).
pub fn data_dir(cli: &Cli) -> Option<&Path> {
    cli.data.as_deref().filter(|d| !d.as_os_str().is_empty())
}

/// Loads the graph: from the folder's cached image if it is intact and of these very files, else
/// from the CSV (then saving the image). Warnings are printed either way, the same.
pub fn load(cli: &Cli) -> Result<Graph> {
    let Some(dir) = data_dir(cli) else {
        diag::verbose("loading the embedded graph-data");
        return validated(cli, Dataset::embedded());
    };
    // The key of the files is computed reading them in blocks: with an intact image, their text
    // is never in memory, only the graph.
    let image = Image::of_dir(cli, dir);
    if let Some(image) = image.as_ref().filter(|image| image.exists()) {
        if let Some(graph) = image.read() {
            for w in &graph.warnings().0 {
                diag::warning(w);
            }
            return Ok(graph);
        }
    }
    let graph = folder(cli, dir)?;
    // The image is saved only under the key of the files loaded: the files are read as they are
    // checked, not first, so they must have the key computed before the load after it too.
    if let Some(image) = image {
        match Image::of_dir(cli, dir) {
            Some(after) if after.key() == image.key() => image.write(&graph),
            _ => diag::verbose("not saving the graph image: the graph-data changed while it was loaded"),
        }
    }
    Ok(graph)
}

/// Loads the graph-data folder `dir` from its CSV, reading a large `relations.csv` chunk by
/// chunk (never whole); on invalid data prints every problem and fails, as [`validated`].
pub fn folder(cli: &Cli, dir: &Path) -> Result<Graph> {
    diag::verbose(format!("loading {}", dir.display()));
    // What the load will read, for the progress message (a file it cannot read, it reports).
    let size = FILE_NAMES
        .iter()
        .filter_map(|name| std::fs::metadata(dir.join(name)).ok())
        .map(|meta| meta.len())
        .sum();
    reported(cli, size, || Graph::load_dir(dir)).map_err(|e| match e.downcast_ref::<LoadError>() {
        Some(_) => e.context("cannot load the graph-data folder"),
        None => e,
    })
}

/// Validates and loads `data`; on invalid data prints every problem (stderr, or JSON on stdout)
/// and fails.
pub fn validated(cli: &Cli, data: Dataset) -> Result<Graph> {
    let size: u64 = [&data.sources, &data.predicates, &data.entities, &data.relations]
        .iter()
        .map(|f| f.bytes.len() as u64)
        .sum();
    reported(cli, size, || Graph::load_dataset(data))
}

/// Runs `load`, of `size` bytes of graph-data, under a progress message; prints its warnings,
/// or every problem (stderr, or JSON on stdout) when the data is invalid.
fn reported(cli: &Cli, size: u64, load: impl FnOnce() -> Result<Graph, LoadError>) -> Result<Graph> {
    let progress = progress::Progress::new(
        format!("loading {} MB of graph-data", size >> 20),
        size > progress::LARGE_INPUT_BYTES,
        false,
    );
    let started = Instant::now();
    let loaded = load();
    progress.finish();
    match loaded {
        Ok(graph) => {
            for w in &graph.warnings().0 {
                diag::warning(w);
            }
            // The counts take a pass over every relation: a million of them cost tens of ms.
            if diag::verbose_shown() {
                let s = graph.stats();
                diag::verbose(format!(
                    "loaded {} entities, {} relations from {} claims, {} sources ({size} bytes) in {} ms",
                    s.entities,
                    s.relations,
                    s.claims,
                    s.sources,
                    started.elapsed().as_millis()
                ));
            }
            Ok(graph)
        }
        Err(LoadError::Invalid(problems)) => {
            if cli.json {
                json::print(
                    &mut std::io::stdout().lock(),
                    &json!({ "ok": false, "problems": problems }),
                )?;
            } else {
                diag::report(&problems.to_string());
            }
            Err(Reported.into())
        }
        Err(e) => Err(e.into()),
    }
}

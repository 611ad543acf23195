//! Loading the graph-data the command runs on: the folder given (from its cached image when
//! there is an intact one, see `cache`), or the embedded graph.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use diplograph::{Dataset, Graph, LoadError};
use serde_json::json;

use super::args::Cli;
use super::cache::Image;
use super::{diag, json, progress, Reported};

/// The graph-data folder given: --data or DIPLOGRAPH_DATA (an empty value counts as unset).
pub fn data_dir(cli: &Cli) -> Option<&Path> {
    cli.data.as_deref().filter(|d| !d.as_os_str().is_empty())
}

fn dataset(cli: &Cli) -> Result<Dataset> {
    match data_dir(cli) {
        Some(dir) => {
            diag::verbose(format!("loading {}", dir.display()));
            Dataset::from_dir(dir).context("cannot load the graph-data folder")
        }
        None => {
            diag::verbose("loading the embedded graph-data");
            Ok(Dataset::embedded())
        }
    }
}

/// Loads the graph: from the folder's cached image if it is intact and of these very files, else
/// from the CSV (then saving the image). Warnings are printed either way, the same.
pub fn load(cli: &Cli) -> Result<Graph> {
    let Some(dir) = data_dir(cli) else {
        return validated(cli, dataset(cli)?);
    };
    // The key of the files is computed reading them in blocks: with an intact image, their text
    // is never in memory, only the graph.
    if let Some(image) = Image::of_dir(cli, dir).filter(Image::exists) {
        if let Some(graph) = image.read() {
            for w in &graph.warnings().0 {
                diag::warning(w);
            }
            return Ok(graph);
        }
    }
    let data = dataset(cli)?;
    // The image is saved under the key of the files actually loaded (they may have changed since
    // the key above was computed).
    let image = Image::of(cli, dir, &data);
    let graph = validated(cli, data)?;
    if let Some(image) = image {
        image.write(&graph);
    }
    Ok(graph)
}

/// Validates and loads `data`; on invalid data prints every problem (stderr, or JSON on stdout)
/// and fails.
pub fn validated(cli: &Cli, data: Dataset) -> Result<Graph> {
    let size: u64 = [&data.sources, &data.predicates, &data.entities, &data.relations]
        .iter()
        .map(|f| f.bytes.len() as u64)
        .sum();
    let progress = progress::Progress::new(
        format!("loading {} MB of graph-data", size >> 20),
        size > progress::LARGE_INPUT_BYTES,
        false,
    );
    let started = Instant::now();
    let loaded = Graph::load_dataset(data);
    progress.finish();
    match loaded {
        Ok(graph) => {
            for w in &graph.warnings().0 {
                diag::warning(w);
            }
            let s = graph.stats();
            diag::verbose(format!(
                "loaded {} entities, {} relations from {} claims, {} sources ({size} bytes) in {} ms",
                s.entities,
                s.relations,
                s.claims,
                s.sources,
                started.elapsed().as_millis()
            ));
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

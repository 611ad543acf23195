//! Loading the graph-data the command runs on: the folder given, or the embedded graph.

use anyhow::{Context, Result};
use diplograph::{Dataset, Graph, LoadError};
use serde_json::json;

use super::args::Cli;
use super::{json, progress, Reported};

fn dataset(cli: &Cli) -> Result<Dataset> {
    match &cli.data {
        Some(dir) => Dataset::from_dir(dir).context("cannot load the graph-data folder"),
        None => Ok(Dataset::embedded()),
    }
}

/// Loads the graph; on invalid data prints every problem (stderr, or JSON on stdout) and fails.
pub fn load(cli: &Cli) -> Result<Graph> {
    let data = dataset(cli)?;
    let size: u64 = [&data.sources, &data.predicates, &data.entities, &data.relations]
        .iter()
        .map(|f| f.bytes.len() as u64)
        .sum();
    let progress = progress::Progress::new(
        format!("loading {} MB of graph-data", size >> 20),
        size > progress::LARGE_INPUT_BYTES,
    );
    let loaded = Graph::load_dataset(data);
    progress.finish();
    match loaded {
        Ok(graph) => {
            for w in &graph.warnings().0 {
                eprintln!("{w}");
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
                eprintln!("{problems}");
            }
            Err(Reported.into())
        }
        Err(e) => Err(e.into()),
    }
}

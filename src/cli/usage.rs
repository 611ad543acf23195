//! Usage errors that clap's declarations cannot say: flags that do not apply to the format asked
//! for, and `--json` beside a format that is not text. Each exits with status 2, like clap's own.

use clap::error::ErrorKind;
use clap::CommandFactory;

use super::args::{Cli, Command, ExportFormat, FilterArgs, ResultFormat};

fn error(message: String) -> clap::Error {
    Cli::command().error(ErrorKind::ArgumentConflict, message)
}

/// `--json` with a format that is not text.
fn json_with(cli: &Cli, format: ResultFormat) -> Result<(), clap::Error> {
    if cli.json && format != ResultFormat::Text {
        let name = match format {
            ResultFormat::Dot => "dot",
            ResultFormat::Csv => "csv",
            ResultFormat::Tsv => "tsv",
            ResultFormat::Text => "text",
        };
        return Err(error(format!(
            "--json cannot be used with --format {name}: choose one output (--json, or --format text|dot|csv|tsv)"
        )));
    }
    Ok(())
}

/// A window that ends before it starts asks for nothing.
fn window(filter: &FilterArgs) -> Result<(), clap::Error> {
    if let (Some(from), Some(until)) = (filter.from, filter.until) {
        if from.earliest() > until.latest() {
            return Err(error(format!(
                "--from {from} --until {until}: the window ends before it starts; give --from a date no later than --until (or --at {from} for one date)"
            )));
        }
    }
    Ok(())
}

/// Checks the combinations of flags.
pub fn check(cli: &Cli) -> Result<(), clap::Error> {
    let filter = match &cli.command {
        Command::Path(a) => Some(&a.filter),
        Command::Timeline(a) => Some(&a.filter),
        Command::Neighbors(a) => Some(&a.filter),
        Command::Conflicts(a) => Some(&a.filter),
        Command::Export(a) => Some(&a.filter),
        _ => None,
    };
    if let Some(f) = filter {
        window(f)?;
    }
    match &cli.command {
        Command::Path(a) => json_with(cli, a.format),
        Command::Timeline(a) => json_with(cli, a.format),
        Command::Neighbors(a) => json_with(cli, a.format.into()),
        Command::Conflicts(a) => json_with(cli, a.format.into()),
        Command::Find(a) => json_with(cli, a.format.into()),
        Command::Sources(a) => json_with(cli, a.format.into()),
        Command::Export(a) => {
            if cli.json {
                return Err(error(
                    "--json does not apply to export (it writes the format given by --format)".to_owned(),
                ));
            }
            // Which flags each format takes (--focus, --depth and the filters apply to all).
            let given = [
                ("--rankdir", a.rankdir.is_some(), "dot"),
                ("--cluster", a.cluster.is_some(), "dot"),
                ("--frames", a.frames.is_some(), "dot"),
                ("--flavor", a.flavor.is_some(), "csv"),
                ("--base-iri", a.base_iri.is_some(), "turtle, ntriples, nquads and --all"),
                ("--sources", a.texts.is_some(), "turtle, ntriples and nquads"),
                ("--rdf", a.rdf.is_some(), "turtle, ntriples and nquads"),
            ];
            let format = match (a.all, a.format) {
                (true, _) => "--all",
                (false, Some(ExportFormat::Dot)) => "dot",
                (false, Some(ExportFormat::Csv)) => "csv",
                (false, Some(ExportFormat::Turtle | ExportFormat::Ntriples | ExportFormat::Nquads)) => "rdf",
                (false, Some(ExportFormat::Html | ExportFormat::Gexf | ExportFormat::Graphml)) => "interactive",
                (false, None) => return Ok(()),
            };
            for (flag, set, applies_to) in given {
                let applies = match format {
                    "rdf" => matches!(flag, "--base-iri" | "--sources" | "--rdf"),
                    "--all" => flag == "--base-iri",
                    "interactive" => false,
                    other => applies_to == other,
                };
                if set && !applies {
                    let what = if format == "--all" {
                        "export --all".to_owned()
                    } else {
                        format!("--format {}", a.format.map_or("", |f| f.name()))
                    };
                    return Err(error(format!(
                        "{flag} does not apply to {what}; it applies to: {applies_to}"
                    )));
                }
            }
            if a.frames.is_some() && a.output.as_deref() == Some(std::path::Path::new("-")) {
                return Err(error(
                    "--frames writes one file per year and cannot go to standard output; give a folder with -o DIR"
                        .to_owned(),
                ));
            }
            if a.all && a.out.as_path() == std::path::Path::new("-") {
                return Err(error(
                    "export --all writes a folder of files and cannot go to standard output; give a folder with --out DIR".to_owned(),
                ));
            }
            if a.format == Some(ExportFormat::Csv) && a.output.as_deref() == Some(std::path::Path::new("-")) {
                return Err(error(
                    "--format csv writes two files (nodes.csv and edges.csv) and cannot go to standard output; give a folder with -o DIR".to_owned(),
                ));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

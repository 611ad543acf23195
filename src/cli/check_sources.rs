//! `check --sources DIR [--coverage [--strict]]`: every quote verified against the texts of the
//! sources, and the coverage of their dated passages.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use diplograph::model::Severity;
use diplograph::verify::{
    cited_quotes, entity_date_quotes, parse_gaps, read_gaps, AnchorCheck, Coverage, Gap, ProblemKind, QuoteCheck,
    SourceTexts,
};
use diplograph::Graph;
use serde_json::{json, Value};

use super::args::{CheckArgs, Cli};

/// The coverage gaps of the shipped graph, for the graph built into the binary.
const EMBEDDED_GAPS: &str = include_str!("../../graph-data/coverage-gaps.csv");

/// What checking the sources found.
pub struct Report {
    /// `relations.csv` as named in messages.
    file: String,
    /// `entities.csv` as named in messages.
    entities_file: String,
    dir: String,
    check: QuoteCheck,
    /// The quotes of the entities' own dates.
    dates: QuoteCheck,
    coverage: Option<Coverage>,
    strict: bool,
    /// The recorded text fragments and selectors against the texts.
    anchors: AnchorCheck,
    /// The same for the entities' own dates.
    date_anchors: AnchorCheck,
}

/// Checks the quotes of `graph` against the texts in `dir`. Fails only when the texts or the
/// gaps cannot be read at all; quotes not found are in the report.
pub fn check(graph: &Graph, cli: &Cli, args: &CheckArgs, dir: &Path) -> Result<Report> {
    let texts = SourceTexts::open(dir)?;
    let check = QuoteCheck::run(&texts, &cited_quotes(graph));
    let dates = QuoteCheck::run(&texts, &entity_date_quotes(graph));
    let coverage = if args.coverage {
        let gaps = gaps(cli, args)?;
        Some(Coverage::measure(&texts, &check, &gaps))
    } else {
        None
    };
    let in_data = |name: &str| match &cli.data {
        Some(data) => data.join(name).display().to_string(),
        None => format!("graph-data/{name}"),
    };
    let anchors = AnchorCheck::run(graph, &texts, &in_data("relations.csv"));
    let date_anchors = AnchorCheck::entity_dates(graph, &texts, &in_data("entities.csv"));
    Ok(Report {
        anchors,
        date_anchors,
        file: in_data("relations.csv"),
        entities_file: in_data("entities.csv"),
        dates,
        dir: dir.display().to_string(),
        check,
        coverage,
        strict: args.strict,
    })
}

/// The gaps given with --gaps, else `coverage-gaps.csv` beside the graph-data (for the embedded
/// graph, the shipped one), else none.
fn gaps(cli: &Cli, args: &CheckArgs) -> Result<Vec<Gap>> {
    if let Some(path) = &args.gaps {
        return Ok(read_gaps(path)?);
    }
    match &cli.data {
        Some(data) => {
            let path = data.join("coverage-gaps.csv");
            Ok(if path.is_file() { read_gaps(&path)? } else { Vec::new() })
        }
        None => Ok(parse_gaps(
            EMBEDDED_GAPS.as_bytes(),
            Path::new("graph-data/coverage-gaps.csv"),
        )?),
    }
}

impl Report {
    /// 1 when a quote is not found (or its source has no usable text), a recorded text fragment
    /// is stale, or a text cannot be read for the coverage, else 0.
    pub fn exit_code(&self) -> ExitCode {
        let unreadable = self
            .coverage
            .as_ref()
            .is_some_and(|c| c.sources.iter().any(|s| s.unreadable.is_some()));
        if self.check.problems().is_empty() && self.dates.problems().is_empty() && !unreadable && self.stale() == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    /// The claims whose recorded fragment or selector is stale.
    fn stale(&self) -> usize {
        self.anchors.stale() + self.date_anchors.stale()
    }

    /// Each problem as `FILE:LINE: why` on stderr; the counts and the coverage on `out`.
    pub fn print(&self, out: &mut impl Write) -> Result<ExitCode> {
        for problem in self.check.problems() {
            eprintln!("{}", problem.display(&self.file));
        }
        for problem in self.dates.problems() {
            eprintln!("{}", problem.display(&self.entities_file));
        }
        for problem in self.anchors.problems().iter().chain(self.date_anchors.problems()) {
            match problem.severity {
                Severity::Error => eprintln!("{problem}"),
                _ => super::diag::warning(problem),
            }
        }
        let found = self.check.checked() - self.check.problems().len();
        writeln!(
            out,
            "quotes: {found} of {} claims quote their source verbatim (texts in {})",
            self.check.checked(),
            self.dir
        )?;
        if self.dates.checked() > 0 {
            let found = self.dates.checked() - self.dates.problems().len();
            writeln!(
                out,
                "dates: {found} of {} entity dates quote their source verbatim",
                self.dates.checked()
            )?;
        }
        writeln!(
            out,
            "fragments: {} of {} claims record a text fragment that matches their quote ({} stale, {} missing)",
            self.anchors.current(),
            self.anchors.checked(),
            self.anchors.stale(),
            self.anchors.missing()
        )?;
        let dates = &self.date_anchors;
        if dates.checked() > 0 {
            writeln!(
                out,
                "date fragments: {} of {} entity dates record a text fragment that matches their quote ({} stale, {} missing)",
                dates.current(),
                dates.checked(),
                dates.stale(),
                dates.missing()
            )?;
        }
        if let Some(coverage) = &self.coverage {
            write!(out, "{}", coverage.display(self.strict))?;
        }
        Ok(self.exit_code())
    }

    /// Adds `quotes` (and `coverage`) to the JSON of `check`, and sets `ok` to false when a quote
    /// is not found.
    pub fn add_json(&self, value: &mut Value) {
        let problems: Vec<Value> = self
            .check
            .problems()
            .iter()
            .map(|p| {
                let kind = match &p.kind {
                    ProblemKind::NoText(_) => "no_text",
                    ProblemKind::NotFound(_) => "not_found",
                    _ => "other",
                };
                json!({
                    "file": self.file,
                    "line": p.line,
                    "source": p.source,
                    "kind": kind,
                    "message": p.display(&self.file).to_string(),
                })
            })
            .collect();
        let date_problems: Vec<Value> = self
            .dates
            .problems()
            .iter()
            .map(|p| json!({ "file": self.entities_file, "line": p.line, "source": p.source, "message": p.display(&self.entities_file).to_string() }))
            .collect();
        value["ok"] = json!(problems.is_empty() && date_problems.is_empty() && self.stale() == 0);
        value["fragments"] = json!({
            "checked": self.anchors.checked(),
            "stale": self.anchors.stale(),
            "missing": self.anchors.missing(),
            "problems": self.anchors.problems(),
        });
        value["date_fragments"] = json!({
            "checked": self.date_anchors.checked(),
            "stale": self.date_anchors.stale(),
            "missing": self.date_anchors.missing(),
            "problems": self.date_anchors.problems(),
        });
        value["entity_dates"] = json!({
            "checked": self.dates.checked(),
            "verbatim": self.dates.checked() - date_problems.len(),
            "problems": date_problems,
        });
        value["quotes"] = json!({
            "sources": self.dir,
            "checked": self.check.checked(),
            "verbatim": self.check.checked() - problems.len(),
            "problems": problems,
        });
        if let Some(c) = &self.coverage {
            let sources: Vec<Value> = c
                .sources
                .iter()
                .map(|s| {
                    let mut v = json!({
                        "source": s.source,
                        "unreadable": s.unreadable.as_ref().map(ToString::to_string),
                        "passages": s.passages,
                        "quoted": s.passages - s.not_quoted.len(),
                        "not_quoted": s.not_quoted,
                    });
                    if self.strict {
                        v["years_not_carried"] = s
                            .years_not_carried
                            .iter()
                            .map(|(years, passage)| json!({ "years": years, "passage": passage }))
                            .collect();
                    }
                    v
                })
                .collect();
            value["coverage"] = json!({
                "passages": c.passages(),
                "quoted": c.quoted(),
                "gaps_left_out": c.gaps,
                "years_not_carried": if self.strict { json!(c.years_not_carried()) } else { Value::Null },
                "sources": sources,
            });
        }
    }
}

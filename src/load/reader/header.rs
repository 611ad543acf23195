//! Checking the header row: every column known, present once.

use crate::model::problem::Problem;
use crate::text::suggest::nearest;

/// Columns a header may leave out (added after files were first written): an absent one reads
/// as empty cells. `relations.csv`'s `statement` (which statement a claim speaks to) and
/// `predicates.csv`'s `negates` (the predicate a negative predicate denies).
pub(crate) const OPTIONAL_COLUMNS: [&str; 2] = ["statement", "negates"];

/// Checks the header row; returns the column names (trimmed) if every column is known, present once.
/// The columns in `optional` may be left out.
pub(crate) fn read_header<'r>(
    name: &str,
    line: u64,
    header: &'r csv::ByteRecord,
    columns: &[&str],
    optional: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Vec<&'r str>> {
    let texts: Vec<Option<&str>> = header
        .iter()
        .map(|raw| std::str::from_utf8(raw).ok().map(str::trim))
        .collect();
    if !texts.iter().flatten().any(|t| columns.contains(t)) {
        // A spreadsheet set to another list separator writes `id;title;...` or tab-separated.
        let separator = [';', '\t'].into_iter().find(|sep| {
            texts
                .iter()
                .flatten()
                .flat_map(|t| t.split(*sep))
                .any(|t| columns.contains(&t.trim()))
        });
        if let Some(sep) = separator {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!("the columns are separated by {sep:?}, not by commas"),
                )
                .with_hint("save the file as comma-separated CSV (in a spreadsheet: CSV UTF-8, comma-delimited)"),
            );
            return None;
        }
        problems.push(
            Problem::error(
                name,
                Some(line),
                format!(
                    "the first line is not a header: it names none of the columns {}",
                    columns.join(", ")
                ),
            )
            .with_hint(format!(
                "add a header line such as {} (columns may come in any order)",
                columns.join(",")
            )),
        );
        return None;
    }
    let mut names = Vec::with_capacity(texts.len());
    let mut ok = true;
    for (i, text) in texts.into_iter().enumerate() {
        let Some(text) = text else {
            problems.push(
                Problem::error(
                    name,
                    Some(line),
                    format!("column {} of the header is not valid UTF-8", i + 1),
                )
                .with_hint("save the file as UTF-8"),
            );
            ok = false;
            continue;
        };
        if names.contains(&text) {
            problems.push(
                Problem::error(name, Some(line), format!("duplicate column '{text}'"))
                    .with_hint("each column may appear once; remove the repeat"),
            );
            ok = false;
        } else if !columns.contains(&text) {
            let msg = if text.is_empty() {
                format!("empty column name in column {}", i + 1)
            } else {
                format!("unknown column '{}'", shorten(text))
            };
            let hint = match nearest(text, columns.iter().copied()).first() {
                Some(n) if !text.is_empty() => format!("did you mean '{n}'? the columns are: {}", columns.join(", ")),
                _ => format!("the columns are: {}", columns.join(", ")),
            };
            problems.push(Problem::error(name, Some(line), msg).with_hint(hint));
            ok = false;
        }
        names.push(text);
    }
    let missing: Vec<&str> = columns
        .iter()
        .copied()
        .filter(|c| !names.contains(c) && !optional.contains(c) && !OPTIONAL_COLUMNS.contains(c))
        .collect();
    if !missing.is_empty() {
        problems.push(
            Problem::error(
                name,
                Some(line),
                format!(
                    "missing column{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    quoted(&missing)
                ),
            )
            .with_hint(format!(
                "the header must name: {} (in any order)",
                columns
                    .iter()
                    .copied()
                    .filter(|c| !optional.contains(c) && !OPTIONAL_COLUMNS.contains(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
        ok = false;
    }
    ok.then_some(names)
}

/// `text`, cut to 60 characters for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

fn quoted(items: &[&str]) -> String {
    items.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

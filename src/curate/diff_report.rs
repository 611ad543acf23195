//! A [`GraphDiff`] written for people: plain text for a terminal, Markdown for a pull request.
//! (Its JSON form is its `serde::Serialize` form.)

use std::io::{self, Write};

use super::diff::{DisagreementRow, Edited, EvidenceRow, GraphDiff, RelationRow};

/// How [`GraphDiff::write`] lays a diff out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DiffStyle {
    /// One line per difference, marked `+` (added), `-` (removed) or `~` (changed), then a count.
    #[default]
    Text,
    /// A Markdown section per kind of change, for a pull-request description.
    Markdown,
}

/// One difference: its mark, what it is about (`entity`, `relation`, …) and its description.
struct Line {
    mark: char,
    what: &'static str,
    text: String,
}

fn relation(r: &RelationRow, md: bool) -> String {
    let date = r
        .date
        .as_deref()
        .map(|d| format!(" {d}"))
        .unwrap_or_else(|| " (undated)".to_owned());
    if md {
        format!("`{}` {} `{}`{date}", r.subject, r.predicate, r.object)
    } else {
        format!("{} {} {}{date}", r.subject, r.predicate, r.object)
    }
}

fn sources(r: &RelationRow) -> String {
    format!("[{}]", r.sources.join(", "))
}

fn quoted(text: &str, md: bool) -> String {
    // One difference is one line: a line break in a quote or note is shown as a space.
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if md {
        format!("“{}”", escape_markdown(&flat))
    } else {
        format!("\"{flat}\"")
    }
}

/// Escapes the characters that Markdown (CommonMark, GitHub) would read as markup.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn code(id: &str, md: bool) -> String {
    if md {
        format!("`{id}`")
    } else {
        id.to_owned()
    }
}

fn note(n: &Option<String>, md: bool) -> String {
    match n {
        Some(n) => quoted(n, md),
        None => "(none)".to_owned(),
    }
}

fn evidence(e: &EvidenceRow, md: bool) -> String {
    let mut text = format!(
        "{}: {} {}",
        relation(&e.relation, md),
        code(&e.source, md),
        quoted(&e.quote, md)
    );
    match &e.old_note {
        Some(old) => text.push_str(&format!(" note {} → {}", note(old, md), note(&e.note, md))),
        None => {
            if let Some(n) = &e.note {
                text.push_str(&format!(" ({})", quoted(n, md)));
            }
        }
    }
    if e.edited.contains(&"other") {
        text.push_str(" edited (other fields)");
    }
    text
}

fn edited(e: &Edited, md: bool) -> String {
    format!("{} ({})", code(&e.id, md), e.fields.join(", "))
}

fn disagreement(d: &DisagreementRow, md: bool) -> String {
    let ids = if md {
        format!("`{}` {} `{}`", d.subject, d.predicate, d.object)
    } else {
        format!("{} {} {}", d.subject, d.predicate, d.object)
    };
    format!("{ids}: {} {}", d.about, d.versions.join(" vs "))
}

impl GraphDiff {
    /// Every difference as a line, grouped by kind of change, in a fixed order.
    fn lines(&self, md: bool) -> Vec<(&'static str, Vec<Line>)> {
        let line = |mark, what, text| Line { mark, what, text };
        let entity = |e: &super::diff::EntityRow| format!("{} ({}) {}", code(&e.id, md), e.kind, quoted(&e.label, md));
        let mut entities = Vec::new();
        entities.extend(self.entities_added.iter().map(|e| line('+', "entity", entity(e))));
        entities.extend(self.entities_removed.iter().map(|e| line('-', "entity", entity(e))));
        entities.extend(self.entities_relabelled.iter().map(|c| {
            let text = format!(
                "{} relabelled {} → {}",
                code(&c.id, md),
                quoted(&c.old, md),
                quoted(&c.new, md)
            );
            line('~', "entity", text)
        }));
        entities.extend(self.entities_rekinded.iter().map(|c| {
            line(
                '~',
                "entity",
                format!("{} re-kinded {} → {}", code(&c.id, md), c.old, c.new),
            )
        }));
        entities.extend(
            self.entities_edited
                .iter()
                .map(|e| line('~', "entity", format!("{} edited", edited(e, md)))),
        );
        let mut relations = Vec::new();
        relations.extend(
            self.relations_added
                .iter()
                .map(|r| line('+', "relation", format!("{} {}", relation(r, md), sources(r)))),
        );
        relations.extend(
            self.relations_removed
                .iter()
                .map(|r| line('-', "relation", format!("{} {}", relation(r, md), sources(r)))),
        );
        relations.extend(self.relations_redated.iter().map(|r| {
            let date = |r: &RelationRow| r.date.clone().unwrap_or_else(|| "(undated)".to_owned());
            let text = format!("{} redated {} → {}", relation(&r.old, md), date(&r.old), date(&r.new));
            line('~', "relation", text)
        }));
        let mut evidences = Vec::new();
        evidences.extend(
            self.evidence_added
                .iter()
                .map(|e| line('+', "evidence", evidence(e, md))),
        );
        evidences.extend(
            self.evidence_removed
                .iter()
                .map(|e| line('-', "evidence", evidence(e, md))),
        );
        evidences.extend(
            self.evidence_edited
                .iter()
                .map(|e| line('~', "evidence", evidence(e, md))),
        );
        let mut disagreements = Vec::new();
        disagreements.extend(
            self.disagreements_appeared
                .iter()
                .map(|d| line('+', "disagreement", format!("{} (appeared)", disagreement(d, md)))),
        );
        disagreements.extend(
            self.disagreements_resolved
                .iter()
                .map(|d| line('-', "disagreement", format!("{} (resolved)", disagreement(d, md)))),
        );
        let mut vocabulary = Vec::new();
        vocabulary.extend(self.sources_added.iter().map(|s| line('+', "source", code(s, md))));
        vocabulary.extend(self.sources_removed.iter().map(|s| line('-', "source", code(s, md))));
        vocabulary.extend(
            self.sources_edited
                .iter()
                .map(|e| line('~', "source", format!("{} edited", edited(e, md)))),
        );
        vocabulary.extend(
            self.predicates_added
                .iter()
                .map(|p| line('+', "predicate", code(p, md))),
        );
        vocabulary.extend(
            self.predicates_removed
                .iter()
                .map(|p| line('-', "predicate", code(p, md))),
        );
        vocabulary.extend(
            self.predicates_edited
                .iter()
                .map(|e| line('~', "predicate", format!("{} edited", edited(e, md)))),
        );
        vec![
            ("Entities", entities),
            ("Relations", relations),
            ("Evidence", evidences),
            ("Disagreements", disagreements),
            ("Sources and predicates", vocabulary),
        ]
    }

    /// Writes the diff to `w` in `style` and hands `w` back.
    ///
    /// Text, one line per difference, then a count (`no differences` when there are none):
    ///
    /// ```text
    /// + entity     lithuania (state) "Lithuania"
    /// ~ relation   belarus member_of nato 1995 redated 1995 → 1996
    /// - evidence   belarus cooperates_with nato (undated): nato-relations-with-belarus "Key areas …"
    /// 3 differences
    /// ```
    ///
    /// ```
    /// use diplograph::curate::{DiffStyle, GraphDiff};
    /// use diplograph::Graph;
    /// let graph = Graph::embedded()?;
    /// let out = GraphDiff::between(&graph, &graph).write(DiffStyle::Markdown, Vec::new())?;
    /// assert_eq!(String::from_utf8(out)?, "No differences.\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write<W: Write>(&self, style: DiffStyle, mut w: W) -> io::Result<W> {
        let count = self.len();
        let plural = if count == 1 { "" } else { "s" };
        match style {
            DiffStyle::Text => {
                for (_, lines) in self.lines(false) {
                    for l in lines {
                        writeln!(w, "{} {:<12} {}", l.mark, l.what, l.text)?;
                    }
                }
                match count {
                    0 => writeln!(w, "no differences")?,
                    n => writeln!(w, "{n} difference{plural}")?,
                }
            }
            DiffStyle::Markdown => {
                if count == 0 {
                    writeln!(w, "No differences.")?;
                    return Ok(w);
                }
                writeln!(w, "**{count} difference{plural} in the graph**")?;
                for (title, lines) in self.lines(true) {
                    if lines.is_empty() {
                        continue;
                    }
                    writeln!(w, "\n### {title}\n")?;
                    for l in lines {
                        let verb = match (l.mark, l.what) {
                            ('+', "disagreement") | ('-', "disagreement") => "",
                            ('+', _) => "added ",
                            ('-', _) => "removed ",
                            _ => "",
                        };
                        writeln!(w, "- {verb}{} {}", l.what, l.text)?;
                    }
                }
            }
        }
        Ok(w)
    }
}

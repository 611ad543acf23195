//! The command-line sessions shown in the README and the guides are real: each `diplograph`
//! command of a `console` or `text` block is run (on the shipped graph, from the crate's folder),
//! and its output (and exit status, where the block shows `echo $?`) must be what the block shows.
//! (docs/guarantees.md is left out: its sessions need a read-only folder and a temporary name.)

use std::path::Path;

use assert_cmd::Command;

/// A `$ diplograph …` line of a `console` block, the output shown under it, and the exit status
/// shown by a following `$ echo $?`, if any.
struct Session {
    line: usize,
    args: Vec<String>,
    shown: String,
    status: Option<i32>,
}

/// The sessions of the markdown file at `path`.
fn sessions(path: &Path) -> Vec<Session> {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut in_console = false;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.starts_with("```") {
            in_console = (l == "```console" || l == "```text") && !in_console;
            i += 1;
            continue;
        }
        if in_console {
            if let Some(command) = l.strip_prefix("$ diplograph") {
                let mut j = i + 1;
                while j < lines.len() && !lines[j].starts_with("```") && !lines[j].starts_with("$ ") {
                    j += 1;
                }
                let status = (lines.get(j) == Some(&"$ echo $?"))
                    .then(|| lines.get(j + 1).and_then(|s| s.trim().parse().ok()))
                    .flatten();
                found.push(Session {
                    line: i + 1,
                    args: split(command),
                    shown: lines[i + 1..j].join("\n").trim_end().to_owned(),
                    status,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Splits a shell command line on spaces, keeping double-quoted words whole.
fn split(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut started) = (false, false);
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

#[test]
fn splits_like_a_shell() {
    assert_eq!(
        split(r#" path "Raman Pratasevich" nato --k 3"#),
        ["path", "Raman Pratasevich", "nato", "--k", "3"]
    );
}

/// Runs the sessions of `doc` (relative to the crate's folder); returns what differs.
fn check(doc: &str, at_least: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sessions = sessions(&root.join(doc));
    assert!(
        sessions.len() >= at_least,
        "only {} sessions found in {doc}",
        sessions.len()
    );
    let mut wrong = Vec::new();
    for s in &sessions {
        let out = Command::cargo_bin("diplograph")
            .unwrap()
            .current_dir(root)
            .env_remove("DIPLOGRAPH_DATA")
            .args(&s.args)
            .output()
            .unwrap();
        let got = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // A block may show the start of a long output, ending in a line `...`.
        let matches = match s.shown.strip_suffix("\n...") {
            Some(start) => got.starts_with(start),
            None => got.trim_end() == s.shown,
        };
        if !matches {
            wrong.push(format!(
                "{doc}:{}: diplograph {:?} prints\n{}\nbut the doc shows\n{}",
                s.line, s.args, got, s.shown
            ));
        }
        if let Some(status) = s.status {
            if out.status.code() != Some(status) {
                wrong.push(format!(
                    "{doc}:{}: exit status {:?}, the doc shows {status}",
                    s.line,
                    out.status.code()
                ));
            }
        }
    }
    wrong
}

#[test]
fn the_sessions_in_the_docs_are_real() {
    let mut wrong = check("docs/queries.md", 10);
    wrong.extend(check("docs/validation.md", 2));
    wrong.extend(check("README.md", 3));
    wrong.extend(check("docs/rdf.md", 1));
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn the_readme_s_clickable_link_to_a_quote_is_the_one_the_graph_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    // The markdown links whose target opens a page at a quote.
    let links: Vec<&str> = readme
        .match_indices("](")
        .filter_map(|(i, _)| readme[i + 2..].split(')').next())
        .filter(|target| target.contains("#:~:text="))
        .collect();
    assert!(!links.is_empty(), "the README shows no link to a quote");
    let graph = crate::support::shipped();
    let recorded: Vec<String> = graph
        .relations()
        .flat_map(|r| r.evidence.iter())
        .filter_map(|ev| {
            let url = graph.source(ev.source.as_str())?.url.as_deref()?;
            ev.anchor.as_ref()?.link(url)
        })
        .collect();
    for link in links {
        assert!(
            recorded.iter().any(|r| r == link),
            "README.md links to {link}, which no claim records"
        );
    }
}

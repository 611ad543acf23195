//! Shared by the DOT and CSV tests: Graphviz, hostile graph-data, reading SVG text.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use diplograph::{load::DataFile, Dataset, Graph};

#[allow(unused_imports)] // not every test binary uses it through this module
pub use crate::support::tools_required;

/// Whether Graphviz's `dot` runs here. Without it a test skips (says so on stderr), unless
/// DIPLOGRAPH_REQUIRE_TOOLS=1, when it fails.
pub fn have_dot(test: &str) -> bool {
    crate::support::skip::have(test, "dot", &["-V"], "Graphviz: apt-get install graphviz")
}

/// Runs `dot -Tsvg` on DOT text (fed from a thread, so a large input cannot deadlock on a full
/// pipe) and returns what it printed and its status.
pub fn run_dot(dot: &[u8]) -> std::process::Output {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = dot.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("dot finishes");
    feeder.join().expect("feeder").expect("dot reads its input");
    out
}

/// Renders DOT text to SVG with `dot -Tsvg`; panics, naming `what`, on any error or warning.
pub fn render_svg(what: &str, dot: &[u8]) -> String {
    let out = run_dot(dot);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "{what}: `dot -Tsvg` failed or warned ({}):\n{stderr}",
        out.status
    );
    String::from_utf8(out.stdout).expect("SVG is UTF-8")
}

/// Renders the DOT file at `path` (see [`render_svg`]).
pub fn render_file(path: &Path) -> String {
    let dot = std::fs::read(path).expect("DOT file reads");
    render_svg(&path.display().to_string(), &dot)
}

/// Decodes the XML escapes Graphviz writes in SVG text (`&lt;`, `&amp;`, `&#45;` ...).
pub fn xml_unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=end]),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The SVG groups of a class (`node`, `edge`, `cluster`, `graph`): (title, text lines). A group
/// runs to the next group that has a class (tooltips add nested, classless groups).
pub fn svg_groups(svg: &str, class: &str) -> Vec<(String, String)> {
    let marker = format!("class=\"{class}\"");
    let mut groups: Vec<(bool, String)> = Vec::new();
    for part in svg.split("<g id=").skip(1) {
        let head = part.split('>').next().unwrap_or("");
        if head.contains("class=") {
            groups.push((head.contains(&marker), part.to_owned()));
        } else if let Some(last) = groups.last_mut() {
            last.1.push_str(part);
        }
    }
    groups
        .into_iter()
        .filter(|(wanted, _)| *wanted)
        .map(|(_, body)| {
            let title = between(&body, "<title>", "</title>")
                .map(xml_unescape)
                .unwrap_or_default();
            (title, body)
        })
        .collect()
}

/// The lines of text in an SVG group, unescaped.
pub fn text_lines(body: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("<text") {
        let after = &rest[i..];
        let (Some(open_end), Some(close)) = (after.find('>'), after.find("</text>")) else {
            break;
        };
        lines.push(xml_unescape(&after[open_end + 1..close]));
        rest = &after[close..];
    }
    lines
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = text.find(start)? + start.len();
    let j = text[i..].find(end)? + i;
    Some(&text[i..j])
}

/// A dataset from the four CSV texts.
pub fn dataset(sources: &str, predicates: &str, entities: &str, relations: &str) -> Dataset {
    let file = |name: &str, text: &str| DataFile {
        name: format!("hostile/{name}"),
        bytes: text.as_bytes().to_vec().into(),
    };
    Dataset {
        sources: file("sources.csv", sources),
        predicates: file("predicates.csv", predicates),
        entities: file("entities.csv", entities),
        relations: file("relations.csv", relations),
        views: None,
    }
}

/// Quotes a CSV field (RFC 4180).
pub fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Labels that try every trick the DOT catalogue lists, and some CSV ones.
pub const HOSTILE_LABELS: [&str; 16] = [
    "\"quoted\" and \"\"doubled\"\"",
    "ends with a backslash \\",
    r"\N \G \E \T \H \L \l \r \n escapes",
    "raw\nnewline",
    "windows\r\nline break",
    "lone\rcarriage return",
    "<b>bold</b> or an HTML label",
    "<starts with an angle bracket",
    "{record|fields} <port> |",
    "x\" color=\"red",
    "AT&amp;T &#65; &eacute; & co",
    "Беларусь — Рэспубліка",
    "بيلاروس والناتو",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "-5% +3 @mention\ttab",
    "'already quoted",
];

/// Ids that are DOT keywords, and ordinary ones.
pub const HOSTILE_IDS: [&str; 16] = [
    "node", "edge", "graph", "digraph", "subgraph", "strict", "a", "b-c", "d_e", "f1", "g-2", "h", "i", "j", "k", "l",
];

/// Every kind, as a predicate's domain or range.
const ALL: &str = "state|organization|programme|person|office|agreement|event|place";

/// A valid graph whose labels, aliases, descriptions, quotes, notes and predicate labels are all
/// hostile: one entity per hostile label (ids are DOT keywords first), a chain of relations
/// between them, and a second, differently dated relation for one fact (a dispute).
pub fn hostile_graph() -> Graph {
    let sources = format!(
        "id,title,publisher,url,published\nsrc,{},{},,\n",
        field(HOSTILE_LABELS[0]),
        field(HOSTILE_LABELS[9])
    );
    let predicates = format!(
        "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n\
         linked,{},{},{},false,{ALL},{ALL},state,\n\
         met,{},{},plain,true,{ALL},{ALL},event,\n",
        field(HOSTILE_LABELS[2]),
        field(HOSTILE_LABELS[10]),
        field(HOSTILE_LABELS[6]),
        field(HOSTILE_LABELS[9]),
        field(HOSTILE_LABELS[9]),
    );
    let kinds = [
        "state",
        "organization",
        "programme",
        "person",
        "office",
        "agreement",
        "event",
        "place",
    ];
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for (i, (id, label)) in HOSTILE_IDS.iter().zip(HOSTILE_LABELS).enumerate() {
        let alias = HOSTILE_LABELS[(i + 3) % HOSTILE_LABELS.len()].replace('|', "/");
        entities.push_str(&format!(
            "{id},{},{},{},{},\n",
            kinds[i % kinds.len()],
            field(label),
            field(&alias),
            field(HOSTILE_LABELS[(i + 7) % HOSTILE_LABELS.len()]),
        ));
    }
    let mut relations = String::from("subject,predicate,object,date,source,quote,note\n");
    let dates = ["1995", "1998-04", "2006~", "2011/..", "/2007-01", "2004-01-19", ""];
    for i in 0..HOSTILE_IDS.len() - 1 {
        relations.push_str(&format!(
            "{},linked,{},{},src,{},{}\n",
            HOSTILE_IDS[i],
            HOSTILE_IDS[i + 1],
            dates[i % dates.len()],
            field(HOSTILE_LABELS[i]),
            field(HOSTILE_LABELS[(i + 5) % HOSTILE_LABELS.len()]),
        ));
    }
    // The first fact again with another date: sources disagree.
    relations.push_str(&format!(
        "{},linked,{},1996,src,{},\n",
        HOSTILE_IDS[0],
        HOSTILE_IDS[1],
        field(HOSTILE_LABELS[12])
    ));
    relations.push_str(&format!(
        "{},met,{},2001-02-03,src,plain quote,\n",
        HOSTILE_IDS[2], HOSTILE_IDS[5]
    ));
    Graph::load(&dataset(&sources, &predicates, &entities, &relations)).unwrap_or_else(|e| panic!("{e}"))
}

/// What Graphviz shows for a label: line breaks (LF, CRLF, lone CR) split lines.
pub fn shown_lines(label: &str) -> Vec<String> {
    label
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_owned)
        .collect()
}

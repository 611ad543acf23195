//! Time frames (`export --format dot --frames`): each frame obeys its year's time filter, every
//! frame has the same layout, and frames render without warnings.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use crate::support::diplograph;
use crate::support::dot::*;
use diplograph::{export::dot::DotWriter, Filter, Graph};

fn belarus_nato(graph: &Graph) -> Graph {
    graph
        .views()
        .iter()
        .find(|v| v.name == "belarus-nato")
        .expect("the belarus-nato view")
        .select(graph)
}

fn frame(graph: &Graph, year: i32) -> String {
    let mut out = Vec::new();
    DotWriter::new()
        .title(format!("frame — as of {year}"))
        .frame(format!("{year}").parse().unwrap())
        .write(graph, &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// The entity edges of a frame: (subject id, object id, attributes), legend edges left out.
fn edges(dot: &str) -> Vec<(String, String, String)> {
    dot.lines()
        .filter(|l| l.contains("\" -> \"") && !l.contains("legend:"))
        .map(|l| {
            let parts: Vec<&str> = l.trim().splitn(5, '"').collect();
            (parts[1].to_owned(), parts[3].to_owned(), parts[4].to_owned())
        })
        .collect()
}

/// Whether some relation between `a` and `b` (either way) passes `filter`, or is undated.
fn some_relation(graph: &Graph, a: &str, b: &str, filter: &Filter) -> bool {
    graph.relations().any(|r| {
        let ends = (r.subject.as_str(), r.object.as_str());
        (ends == (a, b) || ends == (b, a)) && (r.date.is_none() || filter.admits(graph, r).is_some())
    })
}

const FADED: &str = "color=\"#d6d6d6\"";

#[test]
fn each_frame_shows_only_what_its_year_allows() {
    let graph = Graph::embedded().unwrap();
    let view = belarus_nato(&graph);
    let mut hidden_early = 0;
    for year in [1991, 1995, 2004, 2006, 2014, 2021] {
        let dot = frame(&view, year);
        let at = Filter::default().at(format!("{year}").parse().unwrap());
        let by = Filter::default().between(None, Some(format!("{year}").parse().unwrap()));
        let all = edges(&dot);
        assert_eq!(
            all.len(),
            edges(&frame(&view, 2000)).len(),
            "every frame keeps every edge"
        );
        for (a, b, attrs) in &all {
            if attrs.ends_with("style=\"invis\"];") {
                if year == 1991 {
                    hidden_early += 1;
                }
                continue;
            }
            if attrs.contains(FADED) {
                assert!(
                    some_relation(&view, a, b, &by),
                    "{year}: {a} -> {b} is drawn as earlier, but nothing between them began by then"
                );
            } else {
                assert!(
                    some_relation(&view, a, b, &at),
                    "{year}: {a} -> {b} is drawn as holding, but no relation between them holds then"
                );
            }
        }
        assert!(
            dot.contains(&format!("As of {year}")),
            "{year}: the frame legend names the year"
        );
    }
    assert!(hidden_early > 10, "most of the view is still to come in 1991");
}

/// Node name → (x, y) from `dot -Tplain`.
fn positions(dot: &str) -> BTreeMap<String, (String, String)> {
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("dot runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = dot.as_bytes().to_vec();
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("node "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[1].to_owned(), (f[2].to_owned(), f[3].to_owned()))
        })
        .collect()
}

#[test]
fn frames_have_the_same_layout_and_render_without_warnings() {
    if !have_dot("frames_have_the_same_layout_and_render_without_warnings") {
        return;
    }
    let graph = Graph::embedded().unwrap();
    let view = belarus_nato(&graph);
    let first = positions(&frame(&view, 1992));
    assert!(first.len() > 20, "{first:?}");
    for year in [1998, 2006, 2021] {
        let dot = frame(&view, year);
        render_svg(&format!("frame {year}"), dot.as_bytes());
        assert_eq!(positions(&dot), first, "{year}: nodes moved");
    }
}

#[test]
fn cli_writes_one_frame_per_year() {
    let dir = tempfile::tempdir().unwrap();
    diplograph()
        .args([
            "export",
            "--format",
            "dot",
            "--focus",
            "belarus",
            "--frames",
            "1994..1996",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["frame-1994.dot", "frame-1995.dot", "frame-1996.dot"]);
    let text = std::fs::read_to_string(dir.path().join("frame-1995.dot")).unwrap();
    assert!(text.contains("as of 1995"));
}

#[test]
fn cli_refuses_frames_it_cannot_draw() {
    for args in [
        &["--frames", "1996..1994", "-o", "x"][..],
        &["--frames", "month", "-o", "x"],
        &["--frames", "year"],
        &["--frames", "year", "--at", "2005", "-o", "x"],
        &["--frames", "year", "-o", "-"],
    ] {
        diplograph()
            .args(["export", "--format", "dot"])
            .args(args)
            .assert()
            .code(2);
    }
    diplograph()
        .args(["export", "--format", "turtle", "--frames", "year", "-o", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--frames does not apply to --format turtle"));
}

/// The belarus-nato timeline spaces its years in proportion to time: a column for every year from
/// the first to the last, empty ones too, all (nearly) the same width.
#[test]
fn timeline_years_are_evenly_spaced() {
    let graph = Graph::embedded().unwrap();
    let view = graph
        .views()
        .iter()
        .find(|v| v.name == "belarus-nato-timeline")
        .unwrap();
    let mut out = Vec::new();
    view.write(&graph, &mut out).unwrap();
    let dot = String::from_utf8(out).unwrap();
    for year in 1992..=2021 {
        assert!(dot.contains(&format!("\"year:{year}\"")), "no column for {year}");
    }
    assert!(
        dot.contains("time runs evenly") && dot.contains("between others"),
        "the legend explains the axis and the white boxes"
    );
    if !have_dot("timeline_years_are_evenly_spaced") {
        return;
    }
    render_svg("belarus-nato-timeline", dot.as_bytes());
    let mut xs: Vec<f64> = positions(&dot)
        .into_iter()
        .filter(|(name, _)| name.starts_with("\"year:"))
        .map(|(_, (x, _))| x.parse().unwrap())
        .collect();
    xs.sort_by(f64::total_cmp);
    let gaps: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    let (lo, hi) = gaps
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), g| (lo.min(*g), hi.max(*g)));
    assert!(hi / lo < 1.1, "years unevenly spaced: {gaps:?}");
}

/// The overview counts every entity and relation once.
#[test]
fn overview_counts_the_whole_graph() {
    let graph = Graph::embedded().unwrap();
    let mut out = Vec::new();
    diplograph::export::dot::OverviewWriter::new()
        .write(&graph, &mut out)
        .unwrap();
    let dot = String::from_utf8(out).unwrap();
    let number_after = |text: &str, marker: &str| -> usize {
        text.split(marker)
            .skip(1)
            .filter_map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let after = &rest[digits.len()..];
                // Kinds end their count at the end of a line; relations say "relation(s)".
                let counted = if marker == ": " {
                    after.starts_with(" relation")
                } else {
                    after.starts_with('\\')
                };
                digits.parse::<usize>().ok().filter(|_| counted)
            })
            .sum()
    };
    // "States · 59": entities per kind; ": 68 relations": relations per pair of kinds or within one.
    assert_eq!(number_after(&dot, " · "), graph.entities().count(), "{dot}");
    assert_eq!(number_after(&dot, ": "), graph.relations().count(), "{dot}");
    if have_dot("overview_counts_the_whole_graph") {
        render_svg("overview", dot.as_bytes());
    }
}

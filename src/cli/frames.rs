//! Time frames (`export --format dot --frames year -o DIR`): one DOT diagram per year, each the
//! graph as of that year, all with the same layout; and the animated SVG that plays the
//! rendered frames.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, Result};
use diplograph::{export::dot::DotWriter, export::write_atomically, Graph};

/// `--frames`: every year the graph's dates span, or the years `FIRST..LAST`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frames {
    /// One frame per year from the first to the last year any date of the graph names.
    Year,
    /// One frame per year of this range, both ends included.
    Years(i32, i32),
}

impl FromStr for Frames {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let usage = || format!("'{s}' is not a frame step; give 'year' or a range of years such as 1991..2023");
        if s == "year" {
            return Ok(Frames::Year);
        }
        let (a, b) = s.split_once("..").ok_or_else(usage)?;
        let year = |t: &str| t.parse::<i32>().ok().filter(|y| (1..=9999).contains(y) && t.len() == 4);
        match (year(a), year(b)) {
            (Some(a), Some(b)) if a <= b => Ok(Frames::Years(a, b)),
            (Some(_), Some(_)) => Err(format!(
                "the range '{s}' runs backwards; give FIRST..LAST, e.g. 1991..2023"
            )),
            _ => Err(usage()),
        }
    }
}

impl Frames {
    /// The years to draw for `graph`: empty when the graph has no date.
    pub fn years(self, graph: &Graph) -> Vec<i32> {
        match self {
            Frames::Years(a, b) => (a..=b).collect(),
            Frames::Year => {
                let years = graph
                    .relations()
                    .filter_map(|r| r.date)
                    .flat_map(|d| [d.earliest(), d.latest()].into_iter().flatten().map(|day| day.ymd().0));
                let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
                if lo > hi {
                    Vec::new()
                } else {
                    (lo..=hi).collect()
                }
            }
        }
    }
}

/// Writes one DOT frame per year of `years` into `dir` as `<stem>-<year>.dot`, each atomically,
/// titled `<title> — as of <year>`. Returns the files written, in year order.
///
/// # Errors
/// The first file that could not be written.
pub fn write_frames(
    graph: &Graph,
    writer: &DotWriter,
    title: &str,
    years: &[i32],
    dir: &Path,
    stem: &str,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let mut written = Vec::new();
    for &year in years {
        let date = format!("{year:04}").parse().context("a year is a date")?;
        let path = dir.join(format!("{stem}-{year:04}.dot"));
        write_atomically(&path, |w| {
            writer
                .clone()
                .title(format!("{title} — as of {year:04}"))
                .frame(date)
                .write(graph, w)
                .map(drop)
        })?;
        written.push(path);
    }
    Ok(written)
}

/// An SVG that shows the SVG documents `frames` one after another, `seconds` each, looping
/// (SMIL `<animate>`, played by browsers, also inside `<img>`). Each frame is embedded whole as a
/// nested `<svg>`; all frames of one layout have the same size, which the animation takes.
///
/// # Errors
/// A frame that is not an SVG document.
pub fn animate(frames: &[(i32, Vec<u8>)], seconds: u32, title: &str) -> Result<Vec<u8>> {
    let n = frames.len().max(1);
    let total = seconds as usize * n;
    let mut width = String::from("100");
    let mut height = String::from("100");
    let mut body = String::new();
    for (i, (year, svg)) in frames.iter().enumerate() {
        let text = std::str::from_utf8(svg).context("Graphviz wrote an SVG that is not UTF-8")?;
        let start = text
            .find("<svg")
            .with_context(|| format!("the frame of {year} is not an SVG document"))?;
        let inner = &text[start..];
        if i == 0 {
            width = attribute(inner, "width").unwrap_or(width);
            height = attribute(inner, "height").unwrap_or(height);
        }
        let at = |k: usize| format!("{:.4}", k as f64 / n as f64);
        let (values, times) = match (i, i + 1 == n) {
            (0, true) => ("visible".to_owned(), "0".to_owned()),
            (0, false) => ("visible;hidden".to_owned(), format!("0;{}", at(1))),
            (_, true) => ("hidden;visible".to_owned(), format!("0;{}", at(i))),
            _ => ("hidden;visible;hidden".to_owned(), format!("0;{};{}", at(i), at(i + 1))),
        };
        let hidden = if i == 0 { "visible" } else { "hidden" };
        let _ = writeln!(body, "<g visibility=\"{hidden}\" id=\"frame-{year:04}\">");
        let _ = writeln!(
            body,
            "<animate attributeName=\"visibility\" values=\"{values}\" keyTimes=\"{times}\" calcMode=\"discrete\" dur=\"{total}s\" repeatCount=\"indefinite\"/>"
        );
        body.push_str(inner.trim_end());
        body.push_str("\n</g>\n");
    }
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{width}\" height=\"{height}\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml_text(title));
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    Ok(out.into_bytes())
}

/// The value of the first `name="…"` attribute in `tag`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let end = tag.find('>')?;
    let tag = &tag[..end];
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_owned())
}

fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_steps() {
        assert_eq!("year".parse(), Ok(Frames::Year));
        assert_eq!("1991..2023".parse(), Ok(Frames::Years(1991, 2023)));
        assert!("2023..1991".parse::<Frames>().unwrap_err().contains("backwards"));
        assert!("month".parse::<Frames>().is_err());
        assert!("91..93".parse::<Frames>().is_err());
    }

    #[test]
    fn animation_shows_each_frame_once() {
        let svg = |y| {
            (
                y,
                format!("<?xml?>\n<svg width=\"10pt\" height=\"20pt\"><g>{y}</g></svg>\n").into_bytes(),
            )
        };
        let out = String::from_utf8(animate(&[svg(1991), svg(1992), svg(1993)], 1, "t").unwrap()).unwrap();
        assert!(out.contains("width=\"10pt\" height=\"20pt\""));
        assert_eq!(out.matches("<animate ").count(), 3);
        assert!(out.contains("values=\"hidden;visible;hidden\" keyTimes=\"0;0.3333;0.6667\""));
        assert_eq!(out.matches("<?xml").count(), 1);
    }
}

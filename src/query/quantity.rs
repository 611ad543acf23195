//! Quantities stated in free text: "some 700,000 mines", "more than 300,000".

/// A number stated in a note, with the words that qualify it.
///
/// ```
/// use diplograph::query::Quantity;
/// let q = Quantity::find("implemented in 2007; more than 300,000 TNT landmines destroyed");
/// assert_eq!(q.len(), 1); // 2007 is a year, not a quantity
/// assert_eq!(q[0].value, 300_000.0);
/// assert_eq!(q[0].text, "more than 300,000");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number's value (`1.5 million` is 1 500 000).
    pub value: f64,
    /// The words as written, with any qualifier before them: `some 700,000`, `40%`.
    pub text: String,
}

impl Quantity {
    /// The values the words allow: `more than 300,000` any value above 300 000, `up to 40` any
    /// up to 40, `some 700,000` or `about 40` within a tenth of it, a bare number itself.
    ///
    /// ```
    /// use diplograph::query::Quantity;
    /// let more = &Quantity::find("more than 300,000 mines")[0];
    /// let some = &Quantity::find("some 700,000 mines")[0];
    /// assert!(more.could_be_the_same_as(some));
    /// let about = &Quantity::find("about 40 activities")[0];
    /// assert!(!about.could_be_the_same_as(&Quantity::find("more than 75 projects")[0]));
    /// ```
    pub fn range(&self) -> (f64, f64) {
        let words = self.text.to_lowercase();
        let v = self.value;
        let starts = |p: &str| words.starts_with(p);
        if starts("more than") || starts("at least") || starts("over ") {
            (v, f64::INFINITY)
        } else if starts("less than") || starts("fewer than") || starts("up to") || starts("under ") {
            (f64::NEG_INFINITY, v)
        } else if starts("nearly") || starts("almost") {
            (v * 0.9, v)
        } else if ["some", "about", "around", "approximately", "roughly", "circa"]
            .iter()
            .any(|q| starts(q))
        {
            (v * 0.9, v * 1.1)
        } else {
            (v, v)
        }
    }

    /// Whether both could state the same figure: their [`range`](Quantity::range)s overlap.
    pub fn could_be_the_same_as(&self, other: &Quantity) -> bool {
        let (a, b) = (self.range(), other.range());
        a.0 <= b.1 && b.0 <= a.1
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words before a number that make it a reference (`row 30`, `section 2`), not a quantity.
const REFERENCES: [&str; 16] = [
    "row",
    "line",
    "lines",
    "section",
    "page",
    "pages",
    "p",
    "pp",
    "article",
    "chapter",
    "paragraph",
    "para",
    "no",
    "number",
    "table",
    "item",
];

/// Qualifiers, longest first, as lowercase words.
const QUALIFIERS: [&[&str]; 16] = [
    &["as", "many", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["up", "to"],
    &["some"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["under"],
    &["circa"],
];

fn multiplier(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "mln" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        _ => None,
    }
}

/// The lowercase words of `text`, each with its byte range.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphabetic();
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl Quantity {
    /// Every quantity in `text`. Years (`2007`), days of months (`27 January`), parts of dates
    /// and ranges (`2014-2015`, `2006/12`) and references (`row 30`) are not quantities.
    pub fn find(text: &str) -> Vec<Quantity> {
        let bytes = text.as_bytes();
        let words = words(text);
        // Words are in text order: find neighbours by binary search, not a scan per number (a
        // scan made a note of many numbers and words quadratic: `conflicts` took half a minute).
        let ended_by = |pos: usize| words.partition_point(|w| w.1 <= pos);
        let word_before = |pos: usize| words[..ended_by(pos)].last();
        let word_after = |pos: usize| words.get(words.partition_point(|w| w.0 < pos));
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            // digits, then groups of ",ddd", then ".d+"
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let mut grouped = false;
            while i + 3 < bytes.len()
                && bytes[i] == b','
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
            {
                grouped = true;
                i += 4;
            }
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let end = i;
            let before = start.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(end).copied();
            let after2 = bytes.get(end + 1).copied();
            // Attached to letters or part of a date, range or id.
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b"-/.:_".contains(&b))
                || after.is_some_and(|b| b.is_ascii_alphabetic())
                || (after.is_some_and(|b| b"-/:".contains(&b)) && after2.is_some_and(|b| b.is_ascii_digit()))
            {
                continue;
            }
            let digits: String = text[start..end].chars().filter(|c| *c != ',').collect();
            let Ok(mut value) = digits.parse::<f64>() else {
                continue;
            };
            let mut text_end = end;
            let next = word_after(end).filter(|w| text[end..w.0].trim().is_empty());
            if after == Some(b'%') {
                text_end = end + 1;
            } else if let Some((_, e, m)) = next.and_then(|w| multiplier(&w.2).map(|m| (w.0, w.1, m))) {
                value *= m;
                text_end = e;
            } else if !grouped && (1000..=2100).contains(&(value as i64)) && digits.len() == 4 {
                continue; // a year
            }
            let prev = word_before(start).filter(|w| text[w.1..start].trim().is_empty());
            if next.is_some_and(|w| MONTHS.contains(&w.2.as_str()))
                || prev.is_some_and(|w| MONTHS.contains(&w.2.as_str()) || REFERENCES.contains(&w.2.as_str()))
            {
                continue;
            }
            // The qualifier: the longest list of words that ends right before the number.
            let mut text_start = start;
            let preceding = &words[..ended_by(start)];
            for q in QUALIFIERS {
                if preceding.len() < q.len() {
                    continue;
                }
                let tail = &preceding[preceding.len() - q.len()..];
                let adjacent = tail.windows(2).all(|p| text[p[0].1..p[1].0].trim().is_empty())
                    && text[tail[tail.len() - 1].1..start].trim().is_empty();
                if adjacent && tail.iter().zip(q.iter()).all(|(w, q)| w.2 == *q) {
                    text_start = tail[0].0;
                    break;
                }
            }
            out.push(Quantity {
                value,
                text: text[text_start..text_end].to_owned(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 64 KiB note (the largest cell the loader accepts) of numbers and words: linear time.
    #[test]
    fn many_numbers_in_one_note_are_found_in_linear_time() {
        let note = "about 12 men, ".repeat(64 * 1024 / 14);
        let started = std::time::Instant::now();
        let found = Quantity::find(&note);
        assert_eq!(found.len(), 64 * 1024 / 14);
        assert_eq!(found[0].text, "about 12");
        // Quadratic, this took tens of seconds in a debug build.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }

    fn found(text: &str) -> Vec<(f64, String)> {
        Quantity::find(text).into_iter().map(|q| (q.value, q.text)).collect()
    }

    #[test]
    fn quantities_with_qualifiers() {
        assert_eq!(
            found("completed January 2007; some 700,000 anti-personnel mines destroyed"),
            [(700_000.0, "some 700,000".to_owned())]
        );
        assert_eq!(
            found("More than 300,000 mines"),
            [(300_000.0, "More than 300,000".to_owned())]
        );
        assert_eq!(found("700,000 weapons destroyed"), [(700_000.0, "700,000".to_owned())]);
        assert_eq!(
            found("about 1.5 million people"),
            [(1_500_000.0, "about 1.5 million".to_owned())]
        );
        assert_eq!(found("21 objectives (9 common)").len(), 2);
        assert_eq!(found("a 40% share"), [(40.0, "40%".to_owned())]);
    }

    #[test]
    fn dates_and_references_are_not_quantities() {
        assert!(found("implemented in 2007").is_empty());
        assert!(found("on 27 January 1992").is_empty());
        assert!(found("January 27, 1992").is_empty());
        assert!(found("partnership for 2014-2015").is_empty());
        assert!(found("Europe table row 30; the table gives 1991").is_empty());
        assert!(found("dated 2006-03-31").is_empty());
        assert!(found("the 19th March election").is_empty());
        assert!(found("UNSCR 1386").is_empty());
    }

    #[test]
    fn a_comma_after_a_number_ends_it() {
        assert_eq!(
            found("700,000, then 5"),
            [(700_000.0, "700,000".to_owned()), (5.0, "5".to_owned())]
        );
        assert_eq!(
            found("in 1,2,3"),
            [(1.0, "1".to_owned()), (2.0, "2".to_owned()), (3.0, "3".to_owned())]
        );
    }
}

//! Dates in the Extended Date/Time Format (EDTF, ISO 8601-2), the subset the graph uses.
//!
//! The graph needs only a small part of EDTF — calendar dates at year, month or day precision, the
//! `?`/`~`/`%` qualifiers, and intervals with known, open (`..`) or unknown (empty) ends — but it
//! needs to know, for each value, its precision and the earliest and latest day it can mean, and to
//! refuse impossible dates with a message a curator understands. That is small enough to write
//! here rather than adapt a general EDTF crate to.

use std::fmt;
use std::str::FromStr;

/// A calendar day, counted in days from 1970-01-01 (proleptic Gregorian calendar).
///
/// ```
/// use diplograph::model::Day;
/// let d = Day::from_ymd(1998, 4, 30).unwrap();
/// assert_eq!(d.to_string(), "1998-04-30");
/// assert!(Day::from_ymd(2006, 2, 30).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    /// The day `year-month-day`, or `None` if there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// Today, by the system clock (UTC).
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Day((secs / 86_400) as i32)
    }

    /// Days since 1970-01-01.
    pub fn number(self) -> i32 {
        self.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `1995`
    Year,
    /// `1998-04`
    Month,
    /// `2004-01-19`
    Day,
}

/// One calendar date at year, month or day precision, possibly uncertain (`?`) or approximate (`~`).
///
/// ```
/// use diplograph::model::{DatePoint, Precision};
/// let d: DatePoint = "1998-04".parse().unwrap();
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.earliest().to_string(), "1998-04-01");
/// assert_eq!(d.latest().to_string(), "1998-04-30");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DatePoint {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    uncertain: bool,
    approximate: bool,
}

impl DatePoint {
    /// The year.
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1–12), if given.
    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    /// The day of the month, if given.
    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// Year, month or day precision.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// Marked uncertain (`?` or `%`).
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    /// Marked approximate (`~` or `%`).
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// The first day this date can mean (`1998-04` → 1998-04-01).
    pub fn earliest(&self) -> Day {
        let m = self.month().unwrap_or(1);
        let d = self.day().unwrap_or(1);
        Day::from_ymd(self.year(), m, d).unwrap_or(Day(0))
    }

    /// The last day this date can mean (`1998-04` → 1998-04-30).
    pub fn latest(&self) -> Day {
        let m = self.month().unwrap_or(12);
        let d = self.day().unwrap_or_else(|| days_in_month(self.year(), m));
        Day::from_ymd(self.year(), m, d).unwrap_or(Day(0))
    }

    /// The date without its qualifier, at its own precision: `1998`, `1998-04`, `1998-04-15`.
    pub fn plain(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{:04}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }

    /// The date for people: `~2006` for approximate, `2006?` for uncertain.
    pub fn human(&self) -> String {
        let mut s = String::new();
        if self.approximate {
            s.push('~');
        }
        s.push_str(&self.plain());
        if self.uncertain {
            s.push('?');
        }
        s
    }

    fn parse(text: &str, whole: &str) -> Result<DatePoint, EdtfError> {
        let err = |reason: String| EdtfError {
            input: whole.to_owned(),
            reason,
        };
        let (body, uncertain, approximate) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], true, false),
            Some(b'~') => (&text[..text.len() - 1], false, true),
            Some(b'%') => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        if let Some(q) = body.chars().next().filter(|c| matches!(c, '?' | '~' | '%')) {
            // EDTF level 2 puts qualifiers before components; this graph uses level 1 (after).
            return Err(err(format!(
                "a qualifier (?, ~ or %) goes after the date, as in {}{q}",
                &body[q.len_utf8()..]
            )));
        }
        if body.starts_with('-') {
            return Err(err(
                "negative years are not supported; years run from 0001 to 9999".into()
            ));
        }
        let parts: Vec<&str> = body.split('-').collect();
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)".into()));
        }
        if parts[0].len() != 4 {
            return Err(err(format!("the year '{}' must have four digits", parts[0])));
        }
        let year: u16 = parts[0].parse().map_err(|_| err("bad year".into()))?;
        if year == 0 {
            return Err(err("year 0000 is not supported; years run from 0001 to 9999".into()));
        }
        let mut point = DatePoint {
            year,
            month: None,
            day: None,
            uncertain,
            approximate,
        };
        if let Some(m) = parts.get(1) {
            if m.len() != 2 {
                return Err(err(format!("the month '{m}' must have two digits")));
            }
            let month: u8 = m.parse().map_err(|_| err("bad month".into()))?;
            if !(1..=12).contains(&month) {
                return Err(err(format!("there is no month {m}")));
            }
            point.month = Some(month);
        }
        if let Some(d) = parts.get(2) {
            if d.len() != 2 {
                return Err(err(format!("the day '{d}' must have two digits")));
            }
            let day: u8 = d.parse().map_err(|_| err("bad day".into()))?;
            let month = u32::from(point.month.unwrap_or(1));
            if day == 0 || u32::from(day) > days_in_month(i32::from(year), month) {
                return Err(err(format!("there is no day {d} in {:04}-{month:02}", year)));
            }
            point.day = Some(day);
        }
        Ok(point)
    }
}

impl DatePoint {
    /// The fields of the date, for the binary image (`load::image`): year, month and day (0 when
    /// not given), uncertain, approximate. Destructured, so that a new field cannot be forgotten.
    pub(crate) fn to_parts(self) -> (u16, u8, u8, bool, bool) {
        let DatePoint {
            year,
            month,
            day,
            uncertain,
            approximate,
        } = self;
        (year, month.unwrap_or(0), day.unwrap_or(0), uncertain, approximate)
    }

    /// The date of [`DatePoint::to_parts`]'s fields, or `None` if they are not a date the parser
    /// accepts (a damaged image must not make an impossible date).
    pub(crate) fn from_parts(year: u16, month: u8, day: u8, uncertain: bool, approximate: bool) -> Option<Self> {
        if !(1..=9999).contains(&year) || month > 12 || (month == 0 && day != 0) {
            return None;
        }
        if day != 0 && Day::from_ymd(i32::from(year), u32::from(month), u32::from(day)).is_none() {
            return None;
        }
        Some(DatePoint {
            year,
            month: (month != 0).then_some(month),
            day: (day != 0).then_some(day),
            uncertain,
            approximate,
        })
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = EdtfText::default();
        text.push_point(self);
        f.write_str(text.as_str())
    }
}

/// The text of an [`Edtf`] value (what its `Display` writes), held on the stack: the loader
/// hashes and compares the date of every claim, where a `String` each would be millions of
/// allocations. At most 12 bytes a date (a 5-digit year, month, day, qualifier), 25 an interval.
#[derive(Clone, Copy, Default)]
pub(crate) struct EdtfText {
    bytes: [u8; 32],
    len: u8,
}

impl EdtfText {
    /// The text's bytes (ASCII).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits, `-`, `/`, `.` and the qualifiers are ever pushed.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn push(&mut self, bytes: &[u8]) {
        let at = usize::from(self.len);
        self.bytes[at..at + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len() as u8;
    }

    /// A number, zero-padded to `width` digits.
    fn push_number(&mut self, n: u16, width: usize) {
        let mut digits = [b'0'; 5];
        let (mut n, mut i) = (n, digits.len());
        while n > 0 {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.push(&digits[i.min(digits.len() - width)..]);
    }

    /// `1998`, `1998-04`, `1998-04-15`, with its qualifier (`?`, `~`, `%`).
    fn push_point(&mut self, d: &DatePoint) {
        self.push_number(d.year, 4);
        for part in [d.month, d.day].into_iter().map_while(|p| p) {
            self.push(b"-");
            self.push_number(u16::from(part), 2);
        }
        match (d.uncertain, d.approximate) {
            (true, true) => self.push(b"%"),
            (true, false) => self.push(b"?"),
            (false, true) => self.push(b"~"),
            (false, false) => {}
        }
    }

    fn push_bound(&mut self, b: &Bound) {
        match b {
            Bound::Date(d) => self.push_point(d),
            Bound::Open => self.push(b".."),
            Bound::Unknown => {}
        }
    }
}

impl FromStr for DatePoint {
    type Err = EdtfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DatePoint::parse(s, s)
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A known date.
    Date(DatePoint),
    /// `..`: open — at the start, since ever; at the end, still holds today.
    Open,
    /// Empty: not known.
    Unknown,
}

impl Bound {
    /// The date, if known.
    pub fn date(&self) -> Option<&DatePoint> {
        match self {
            Bound::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Date(d) => d.fmt(f),
            Bound::Open => f.write_str(".."),
            Bound::Unknown => Ok(()),
        }
    }
}

/// An EDTF value: a single date or an interval.
///
/// ```
/// use diplograph::{model::Bound, Edtf};
/// let since: Edtf = "2011/..".parse().unwrap();
/// assert!(matches!(since, Edtf::Interval { end: Bound::Open, .. }));
/// assert_eq!(since.to_string(), "2011/..");
/// assert_eq!(since.human(), "since 2011");
/// assert!("2006-02-30".parse::<Edtf>().is_err());
/// assert!("2007/2006".parse::<Edtf>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edtf {
    /// One date.
    Single(DatePoint),
    /// `start/end`; at least one end is a date.
    Interval {
        /// The start.
        start: Bound,
        /// The end.
        end: Bound,
    },
}

/// Why a text is not a valid EDTF date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad EDTF date '{input}': {reason}")]
pub struct EdtfError {
    /// The text that was parsed.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl Edtf {
    /// The start as a bound: the date itself for a single date.
    pub fn start(&self) -> Bound {
        match self {
            Edtf::Single(d) => Bound::Date(*d),
            Edtf::Interval { start, .. } => *start,
        }
    }

    /// The end as written: the date itself for a single date.
    pub fn end(&self) -> Bound {
        match self {
            Edtf::Single(d) => Bound::Date(*d),
            Edtf::Interval { end, .. } => *end,
        }
    }

    /// The earliest day the value can reach, if its start is known.
    pub fn earliest(&self) -> Option<Day> {
        self.start().date().map(DatePoint::earliest)
    }

    /// The latest day the value can reach, if its end is known.
    pub fn latest(&self) -> Option<Day> {
        self.end().date().map(DatePoint::latest)
    }

    /// Approximate or uncertain anywhere.
    pub fn is_qualified(&self) -> bool {
        [self.start(), self.end()]
            .iter()
            .filter_map(Bound::date)
            .any(|d| d.is_approximate() || d.is_uncertain())
    }

    /// The date for people: `1995`, `~2006`, `since 2011`, `1995 – 2007-01`, `until 2007`.
    pub fn human(&self) -> String {
        match self {
            Edtf::Single(d) => d.human(),
            Edtf::Interval { start, end } => match (start, end) {
                (Bound::Date(s), Bound::Open) => format!("since {}", s.human()),
                (Bound::Date(s), Bound::Unknown) => format!("from {}", s.human()),
                (Bound::Date(s), Bound::Date(e)) => format!("{} – {}", s.human(), e.human()),
                (_, Bound::Date(e)) => format!("until {}", e.human()),
                _ => self.to_string(),
            },
        }
    }
}

impl Edtf {
    /// The value's text, as `Display` writes it, without allocating.
    pub(crate) fn text(&self) -> EdtfText {
        let mut text = EdtfText::default();
        match self {
            Edtf::Single(d) => text.push_point(d),
            Edtf::Interval { start, end } => {
                text.push_bound(start);
                text.push(b"/");
                text.push_bound(end);
            }
        }
        text
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edtf::Single(d) => d.fmt(f),
            Edtf::Interval { start, end } => write!(f, "{start}/{end}"),
        }
    }
}

impl FromStr for Edtf {
    type Err = EdtfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason: &str| EdtfError {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        if s.trim() != s {
            return Err(err("leading or trailing spaces"));
        }
        if s.is_empty() {
            return Err(err("empty date"));
        }
        let Some((a, b)) = s.split_once('/') else {
            return DatePoint::parse(s, s).map(Edtf::Single);
        };
        if b.contains('/') {
            return Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END"));
        }
        let bound = |part: &str| -> Result<Bound, EdtfError> {
            match part {
                "" => Ok(Bound::Unknown),
                ".." => Ok(Bound::Open),
                _ => DatePoint::parse(part, s).map(Bound::Date),
            }
        };
        let (start, end) = (bound(a)?, bound(b)?);
        match (start, end) {
            (Bound::Date(x), Bound::Date(y)) if x.earliest() > y.latest() => {
                Err(err("the interval ends before it starts"))
            }
            (Bound::Date(_), _) | (_, Bound::Date(_)) => Ok(Edtf::Interval { start, end }),
            _ => Err(err("an interval needs at least one date")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Edtf {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn bad(s: &str) -> String {
        s.parse::<Edtf>().unwrap_err().reason
    }

    #[test]
    fn days_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1992, 2, 29),
            (2000, 12, 31),
            (1, 1, 1),
            (9999, 12, 31),
            (1900, 3, 1),
        ] {
            assert_eq!(Day::from_ymd(y, m, d).unwrap().ymd(), (y, m, d));
        }
        assert_eq!(Day::from_ymd(1970, 1, 1).unwrap().number(), 0);
        assert_eq!(Day::from_ymd(1970, 1, 2).unwrap().number(), 1);
        assert!(Day::from_ymd(1900, 2, 29).is_none());
        assert!(Day::from_ymd(2000, 2, 29).is_some());
    }

    #[test]
    fn precisions_and_bounds() {
        let y = ok("1998");
        assert_eq!(y.earliest().unwrap().to_string(), "1998-01-01");
        assert_eq!(y.latest().unwrap().to_string(), "1998-12-31");
        let m = ok("2004-02");
        assert_eq!(m.latest().unwrap().to_string(), "2004-02-29");
        let d = ok("2004-01-19");
        assert_eq!(d.earliest(), d.latest());
        let i = ok("1995/2007-01");
        assert_eq!(i.earliest().unwrap().to_string(), "1995-01-01");
        assert_eq!(i.latest().unwrap().to_string(), "2007-01-31");
    }

    #[test]
    fn intervals() {
        assert_eq!(ok("2011/..").end(), Bound::Open);
        assert_eq!(ok("1997/").end(), Bound::Unknown);
        assert_eq!(ok("/2007").start(), Bound::Unknown);
        assert_eq!(ok("../2007").start(), Bound::Open);
        assert_eq!(ok("1998/1998").to_string(), "1998/1998");
        assert_eq!(ok("1998/1998-04").human(), "1998 – 1998-04");
        assert_eq!(ok("/2007").human(), "until 2007");
        assert!(bad("2007/2006").contains("ends before it starts"));
        assert!(bad("1998-05/1998-04").contains("ends before it starts"));
        assert!(bad("/").contains("at least one date"));
        assert!(bad("../..").contains("at least one date"));
    }

    #[test]
    fn qualifiers() {
        let a = ok("2006~");
        assert!(a.is_qualified());
        assert_eq!(a.human(), "~2006");
        assert_eq!(a.to_string(), "2006~");
        let u = ok("2006-03?");
        assert_eq!(u.human(), "2006-03?");
        assert_eq!(ok("2006%").to_string(), "2006%");
        assert!(!ok("2006").is_qualified());
    }

    #[test]
    fn impossible_dates() {
        assert!(bad("2006-02-30").contains("no day 30"));
        assert!(bad("2023-02-29").contains("no day 29"));
        assert!(bad("2006-13").contains("no month 13"));
        assert!(bad("2023-13-01").contains("no month 13"));
        assert!(bad("2006-00").contains("no month 00"));
        assert!(bad("2020-1-5").contains("two digits"));
        assert!(bad("31/12/2020").contains("expected"));
        assert!(bad("95").contains("four digits"));
        assert!(bad("0000").contains("0000"));
        assert!(bad("-0044").contains("negative"));
        assert!(bad("1998-04-15T10:00").contains("expected"));
        assert!(bad(" 1998").contains("spaces"));
        assert!(bad("March 1993").contains("expected"));
        assert!(bad("~2006").contains("goes after the date, as in 2006~"));
    }

    /// Every shape of date and interval, at the edges of each field: the text the loader hashes
    /// is the text `Display` writes (the old, allocating one for a point), byte for byte.
    #[test]
    fn text_is_what_display_writes() {
        let mut points = Vec::new();
        for year in [0, 1, 9, 10, 999, 1000, 1995, 9999, 10000, u16::MAX] {
            for (month, day) in [
                (None, None),
                (Some(1), None),
                (Some(12), None),
                (Some(4), Some(1)),
                (Some(10), Some(31)),
            ] {
                for (uncertain, approximate) in [(false, false), (true, false), (false, true), (true, true)] {
                    points.push(DatePoint {
                        year,
                        month,
                        day,
                        uncertain,
                        approximate,
                    });
                }
            }
        }
        let qualifier = |d: &DatePoint| match (d.uncertain, d.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        };
        let mut values: Vec<Edtf> = points.iter().map(|&d| Edtf::Single(d)).collect();
        for d in &points {
            assert_eq!(d.to_string(), format!("{}{}", d.plain(), qualifier(d)));
            for (start, end) in [
                (Bound::Date(*d), Bound::Open),
                (Bound::Date(*d), Bound::Unknown),
                (Bound::Open, Bound::Date(*d)),
                (Bound::Unknown, Bound::Date(*d)),
                (
                    Bound::Date(*d),
                    Bound::Date(points[points.len() - 1 - values.len() % points.len()]),
                ),
            ] {
                values.push(Edtf::Interval { start, end });
            }
        }
        for v in values {
            let written = v.to_string();
            assert_eq!(v.text().as_str(), written);
            assert_eq!(v.text().as_bytes(), written.as_bytes());
        }
        assert_eq!(ok("2011-02-03%/..").text().as_str(), "2011-02-03%/..");
    }
}

//! The date catalogue: what the loader accepts as EDTF and what it refuses, with the reason.
//!
//! Years run from 0001 to 9999: year 0000 and negative years are refused (consistently, for
//! single dates and interval ends alike), since no source of this graph needs them and EDTF's
//! year 0 (= 1 BC) is easy to misread.

use diplograph::{
    model::{Bound, Precision},
    Edtf,
};

fn ok(text: &str) -> Edtf {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn reason(text: &str) -> String {
    match text.parse::<Edtf>() {
        Ok(d) => panic!("{text} was accepted as {d}"),
        Err(e) => e.reason,
    }
}

#[test]
fn impossible_and_malformed_dates_are_refused_with_the_reason() {
    let cases = [
        ("2023-02-30", "there is no day 30 in 2023-02"),
        ("2023-02-29", "there is no day 29 in 2023-02"),
        ("2023-04-31", "there is no day 31 in 2023-04"),
        ("2023-13-01", "there is no month 13"),
        ("2023-00", "there is no month 00"),
        ("2023-01-00", "there is no day 00 in 2023-01"),
        (
            "31/12/2020",
            "expected YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END",
        ),
        (
            "12/31/2020",
            "expected YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END",
        ),
        ("2020-1-5", "the month '1' must have two digits"),
        ("2020-01-5", "the day '5' must have two digits"),
        ("95", "the year '95' must have four digits"),
        ("19995", "the year '19995' must have four digits"),
        ("0000", "year 0000 is not supported; years run from 0001 to 9999"),
        ("-0044", "negative years are not supported; years run from 0001 to 9999"),
        (
            "-0044/0010",
            "negative years are not supported; years run from 0001 to 9999",
        ),
        ("0000/2000", "year 0000 is not supported; years run from 0001 to 9999"),
        ("2007/2006", "the interval ends before it starts"),
        ("2006-05/2006-04", "the interval ends before it starts"),
        ("2006-04-02/2006-04-01", "the interval ends before it starts"),
        ("/", "an interval needs at least one date"),
        ("../..", "an interval needs at least one date"),
        ("../", "an interval needs at least one date"),
        ("", "empty date"),
        (" 1999", "leading or trailing spaces"),
        ("1999 ", "leading or trailing spaces"),
        ("1999-03-12T10:00", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("March 1993", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("1999-03-12-01", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("1999--03", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("+1999", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("١٩٩٩", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        ("~1999", "a qualifier (?, ~ or %) goes after the date, as in 1999~"),
        ("?1999", "a qualifier (?, ~ or %) goes after the date, as in 1999?"),
        ("1999?~", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
        (
            "1999/2000/2001",
            "expected YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END",
        ),
        ("?", "expected YYYY, YYYY-MM or YYYY-MM-DD (digits only)"),
    ];
    let mut wrong = Vec::new();
    for (text, expected) in cases {
        match text.parse::<Edtf>() {
            Ok(d) => wrong.push(format!("{text:?}: accepted as {d}")),
            Err(e) if e.reason != expected => wrong.push(format!("{text:?}: {:?}, expected {expected:?}", e.reason)),
            Err(e) => assert_eq!(e.input, text),
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn valid_forms_keep_their_text_precision_and_bounds() {
    // (text, earliest day, latest day, human form)
    let cases = [
        ("1999", Some("1999-01-01"), Some("1999-12-31"), "1999"),
        ("1999-02", Some("1999-02-01"), Some("1999-02-28"), "1999-02"),
        ("2000-02", Some("2000-02-01"), Some("2000-02-29"), "2000-02"),
        ("2004-02-29", Some("2004-02-29"), Some("2004-02-29"), "2004-02-29"),
        ("0001", Some("0001-01-01"), Some("0001-12-31"), "0001"),
        ("9999-12-31", Some("9999-12-31"), Some("9999-12-31"), "9999-12-31"),
        ("1999/1999", Some("1999-01-01"), Some("1999-12-31"), "1999 – 1999"),
        (
            "1999-03-12/1999-03-12",
            Some("1999-03-12"),
            Some("1999-03-12"),
            "1999-03-12 – 1999-03-12",
        ),
        ("1999-06/1999", Some("1999-06-01"), Some("1999-12-31"), "1999-06 – 1999"),
        ("1999/..", Some("1999-01-01"), None, "since 1999"),
        ("1999/", Some("1999-01-01"), None, "from 1999"),
        ("/2007", None, Some("2007-12-31"), "until 2007"),
        ("../2007", None, Some("2007-12-31"), "until 2007"),
        ("1999~", Some("1999-01-01"), Some("1999-12-31"), "~1999"),
        ("1999-03?", Some("1999-03-01"), Some("1999-03-31"), "1999-03?"),
        ("1999-03-12%", Some("1999-03-12"), Some("1999-03-12"), "~1999-03-12?"),
        (
            "1999-03/2001~",
            Some("1999-03-01"),
            Some("2001-12-31"),
            "1999-03 – ~2001",
        ),
        ("1999?/..", Some("1999-01-01"), None, "since 1999?"),
    ];
    for (text, earliest, latest, human) in cases {
        let d = ok(text);
        assert_eq!(d.to_string(), text, "{text} prints back as written");
        assert_eq!(
            d.earliest().map(|d| d.to_string()).as_deref(),
            earliest,
            "{text} earliest"
        );
        assert_eq!(d.latest().map(|d| d.to_string()).as_deref(), latest, "{text} latest");
        assert_eq!(d.human(), human, "{text} human");
        assert_eq!(text.parse::<Edtf>(), Ok(d), "{text} parses the same twice");
    }
}

#[test]
fn bounds_and_qualifiers_are_typed() {
    assert_eq!(ok("1999/..").end(), Bound::Open);
    assert_eq!(ok("1999/").end(), Bound::Unknown);
    assert_eq!(ok("/2007").start(), Bound::Unknown);
    assert_eq!(ok("../2007").start(), Bound::Open);
    let single = ok("1999-03?");
    let point = single.start();
    let point = point.date().expect("a date");
    assert_eq!(point.precision(), Precision::Month);
    assert!(point.is_uncertain() && !point.is_approximate());
    assert!(single.is_qualified());
    let both = ok("1999%");
    let both = both.start();
    let both = both.date().expect("a date");
    assert!(both.is_uncertain() && both.is_approximate());
    assert!(!ok("1999/2000").is_qualified());
    assert!(ok("1999/2000~").is_qualified());
}

#[test]
fn negative_years_and_year_zero_are_refused_everywhere() {
    for text in [
        "0000",
        "0000-01",
        "0000-01-01",
        "0000~",
        "-0001",
        "-1000-01",
        "1999/-2000",
        "0000/..",
    ] {
        let r = reason(text);
        assert!(r.contains("0001 to 9999"), "{text}: {r}");
    }
}

//! Dates as typed literals, each at its own precision.

use oxrdf::vocab::xsd;
use oxrdf::NamedNodeRef;

use crate::model::edtf::{DatePoint, Day, Precision};

/// A date as the value and datatype of a literal of the XML Schema type of its precision:
/// `"1995"^^xsd:gYear`, `"1998-04"^^xsd:gYearMonth`, `"2004-01-19"^^xsd:date`. Qualifiers
/// (`~`, `?`) are not part of the value; the statement marks them with properties of its own.
pub(crate) fn date_literal(date: &DatePoint) -> (String, NamedNodeRef<'static>) {
    let datatype = match date.precision() {
        Precision::Year => xsd::G_YEAR,
        Precision::Month => xsd::G_YEAR_MONTH,
        Precision::Day => xsd::DATE,
    };
    let mut text = String::with_capacity(10);
    ymd(&mut text, date.year(), date.month(), date.day());
    (text, datatype)
}

/// A calendar day as the value of an `xsd:date`: `2004-01-19`.
pub(crate) fn day_value(day: Day) -> String {
    let (y, m, d) = day.ymd();
    let mut text = String::with_capacity(10);
    ymd(&mut text, y, Some(m), Some(d));
    text
}

/// Appends `year[-month[-day]]` as `{:04}`, `-{:02}`, `-{:02}` print them (which is what
/// [`DatePoint::plain`] and `Day`'s `Display` do), without the formatting machinery.
fn ymd(out: &mut String, year: i32, month: Option<u32>, day: Option<u32>) {
    let digits = |out: &mut String, n: u32, width: u32| {
        for i in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10u32.pow(i) % 10) as u8));
        }
    };
    match u32::try_from(year) {
        Ok(y) if y <= 9999 => digits(out, y, 4),
        _ => out.push_str(&format!("{year:04}")),
    }
    for part in [month, day].into_iter().flatten() {
        out.push('-');
        if part <= 99 {
            digits(out, part, 2);
        } else {
            out.push_str(&part.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_as_their_display_does() {
        for text in ["0001", "0999", "1995", "9999", "1998-04", "2004-01-19", "0005-12-31"] {
            let d: DatePoint = text.parse().unwrap();
            assert_eq!(date_literal(&d).0, d.plain());
            assert_eq!(day_value(d.earliest()), d.earliest().to_string());
            assert_eq!(day_value(d.latest()), d.latest().to_string());
        }
        for (y, m, d) in [(0, 1, 1), (9999, 12, 31), (10000, 1, 1), (-1, 6, 15), (-44, 3, 15)] {
            if let Some(day) = Day::from_ymd(y, m, d) {
                assert_eq!(day_value(day), day.to_string(), "{y}-{m}-{d}");
            }
        }
    }

    #[test]
    fn each_precision_has_its_type() {
        let lit = |s: &str| {
            let (value, datatype) = date_literal(&s.parse().unwrap());
            oxrdf::Literal::new_typed_literal(value, datatype).to_string()
        };
        assert_eq!(lit("1995"), "\"1995\"^^<http://www.w3.org/2001/XMLSchema#gYear>");
        assert_eq!(
            lit("1998-04~"),
            "\"1998-04\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
        );
        assert_eq!(
            lit("2004-01-19"),
            "\"2004-01-19\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
    }
}

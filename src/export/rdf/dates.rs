//! Dates as typed literals, each at its own precision.

use oxrdf::vocab::xsd;
use oxrdf::NamedNodeRef;

use crate::{DatePoint, Precision};

/// A date as the value and datatype of a literal of the XML Schema type of its precision:
/// `"1995"^^xsd:gYear`, `"1998-04"^^xsd:gYearMonth`, `"2004-01-19"^^xsd:date`. Qualifiers
/// (`~`, `?`) are not part of the value; the statement marks them with properties of its own.
pub(crate) fn date_literal(date: &DatePoint) -> (String, NamedNodeRef<'static>) {
    let datatype = match date.precision() {
        Precision::Year => xsd::G_YEAR,
        Precision::Month => xsd::G_YEAR_MONTH,
        Precision::Day => xsd::DATE,
    };
    (date.plain(), datatype)
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! Relations and the evidence behind them.

use std::fmt;

use crate::model::edtf::{Bound, Edtf};
use crate::model::id::Id;
use crate::model::predicate::Temporal;
use crate::model::quote_anchor::QuoteAnchor;

/// One source's support for a relation: the document and its verbatim words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Evidence {
    /// The source document.
    pub source: Id,
    /// The shortest verbatim passage that states the fact.
    pub quote: String,
    /// Free text: quantities, qualifications.
    pub note: Option<String>,
    /// The statement the claim speaks to (`relations.csv`'s `statement` column): claims with
    /// the same key state, deny or date the same fact, whatever their predicate, subject or
    /// date, and are compared with one another. `None`: the claim speaks to the fact of its own
    /// subject, (positive) predicate and object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Id>,
    /// The line of `relations.csv` the claim came from (1-based), or 0 if not from a file.
    #[serde(skip)]
    pub line: u64,
    /// Where the quote stands in its source's text — the text fragment of its link and its Web
    /// Annotation selectors — as `relations.csv`'s `fragment` and `selector` columns record it
    /// (`diplograph fmt --sources DIR` writes them); `None` when not recorded. Boxed: most
    /// claims of a large graph have none, and a claim without costs a pointer.
    #[serde(skip)]
    pub anchor: Option<Box<QuoteAnchor>>,
}

/// The stable id of a relation, derived from its content (subject, predicate, object, date),
/// never from row numbers, so exports stay diff-stable when rows are added or reordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(u64);

impl RelationId {
    /// The id of the relation `subject predicate object` at `date`. For a symmetric predicate
    /// the two ends are ordered first, so either direction gives the same id.
    ///
    /// ```
    /// use diplograph::{Id, RelationId};
    /// let a = Id::new("belarus").unwrap();
    /// let b = Id::new("nato").unwrap();
    /// let p = Id::new("member_of").unwrap();
    /// let id = RelationId::of(&a, &p, &b, Some("1995"), false);
    /// assert_eq!(id, RelationId::of(&a, &p, &b, Some("1995"), false));
    /// assert_ne!(id, RelationId::of(&b, &p, &a, Some("1995"), false));
    /// assert_eq!(id.to_string().len(), 18);
    /// ```
    pub fn of(subject: &Id, predicate: &Id, object: &Id, date: Option<&str>, symmetric: bool) -> Self {
        Self::of_text(subject, predicate, object, date.unwrap_or("").as_bytes(), symmetric)
    }

    /// [`RelationId::of`] the date's text (as `Display` writes it), written on the stack rather
    /// than into a `String`: what the loader computes once for every claim.
    pub(crate) fn of_date(subject: &Id, predicate: &Id, object: &Id, date: Option<&Edtf>, symmetric: bool) -> Self {
        let text = date.map(Edtf::text);
        let date = text.as_ref().map_or(&[][..], |t| t.as_bytes());
        Self::of_text(subject, predicate, object, date, symmetric)
    }

    fn of_text(subject: &Id, predicate: &Id, object: &Id, date: &[u8], symmetric: bool) -> Self {
        let (a, b) = if symmetric && object < subject {
            (object, subject)
        } else {
            (subject, object)
        };
        // FNV-1a, 64 bits: stable across platforms and releases, unlike std's hasher.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [
            a.as_str().as_bytes(),
            predicate.as_str().as_bytes(),
            b.as_str().as_bytes(),
            date,
        ] {
            for &byte in part.iter().chain(std::iter::once(&0x1f)) {
                h ^= u64::from(byte);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        RelationId(h)
    }
}

impl RelationId {
    /// The id's number, for the binary image (`load::image`).
    pub(crate) fn raw(self) -> u64 {
        self.0
    }

    /// The id of [`RelationId::raw`]'s number.
    pub(crate) fn from_raw(raw: u64) -> Self {
        RelationId(raw)
    }
}

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r-{:016x}", self.0)
    }
}

impl serde::Serialize for RelationId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A fact: subject, predicate, object and date, with every claim that states it.
///
/// Claims that agree (same subject, predicate, object and date) are one relation with several
/// pieces of evidence; claims with different dates are separate relations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Stable id.
    pub id: RelationId,
    /// Subject entity id.
    pub subject: Id,
    /// Predicate id.
    pub predicate: Id,
    /// Object entity id.
    pub object: Id,
    /// When, as precisely as the sources say; `None` if undated.
    pub date: Option<Edtf>,
    /// The claims behind it, sorted by source and quote.
    pub evidence: Vec<Evidence>,
}

/// When a relation holds, read according to its predicate's [`Temporal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// When it began (or happened).
    pub start: Bound,
    /// When it ended: for an event the same as `start`.
    pub end: Bound,
}

impl Relation {
    /// The interval the relation holds over, given whether its predicate is an event or a state;
    /// `None` for an undated relation.
    ///
    /// ```
    /// use diplograph::{Edtf, Relation, Temporal, model::{Bound, Span}};
    /// let date: Edtf = "1995".parse().unwrap();
    /// let span = Relation::span_of(&date, Temporal::State);
    /// assert_eq!(span.end, Bound::Unknown); // a membership that began in 1995
    /// let span = Relation::span_of(&date, Temporal::Event);
    /// assert_eq!(span.end, span.start);
    /// ```
    pub fn span(&self, temporal: Temporal) -> Option<Span> {
        self.date.as_ref().map(|d| Self::span_of(d, temporal))
    }

    /// The span of `date` for a predicate of the given temporal kind.
    pub fn span_of(date: &Edtf, temporal: Temporal) -> Span {
        match (date, temporal) {
            (Edtf::Single(d), Temporal::Event) => Span {
                start: Bound::Date(*d),
                end: Bound::Date(*d),
            },
            (Edtf::Single(d), Temporal::State) => Span {
                start: Bound::Date(*d),
                end: Bound::Unknown,
            },
            (Edtf::Interval { start, end }, _) => Span {
                start: *start,
                end: *end,
            },
        }
    }

    /// The sources behind the relation, without repeats, sorted.
    pub fn sources(&self) -> Vec<&Id> {
        let mut s: Vec<&Id> = self.evidence.iter().map(|e| &e.source).collect();
        s.dedup();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader's id (the date's text on the stack) is the public one (the text given).
    #[test]
    fn of_date_is_of_the_dates_text() {
        let id = |s: &str| Id::new(s).unwrap();
        let (a, b, p) = (id("belarus"), id("nato"), id("member_of"));
        for date in [
            "1995",
            "1998-04~",
            "2011/..",
            "../2007-01-02%",
            "1990/2001?",
            "2005-03/",
        ] {
            let date: Edtf = date.parse().unwrap();
            for (s, o, symmetric) in [(&a, &b, false), (&b, &a, false), (&b, &a, true)] {
                assert_eq!(
                    RelationId::of_date(s, &p, o, Some(&date), symmetric),
                    RelationId::of(s, &p, o, Some(&date.to_string()), symmetric),
                );
            }
        }
        assert_eq!(
            RelationId::of_date(&a, &p, &b, None, false),
            RelationId::of(&a, &p, &b, None, false)
        );
        assert_ne!(
            RelationId::of_date(&a, &p, &b, None, false),
            RelationId::of(&a, &p, &b, Some("1995"), false)
        );
    }
}

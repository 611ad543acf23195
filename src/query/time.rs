//! Whether a relation holds at a date or within a window, respecting EDTF precision.

use crate::model::edtf::{Bound, Day, Edtf};
use crate::model::predicate::Temporal;
use crate::model::relation::{Relation, Span};

/// How a relation stands against a time filter: the one model every output shows.
///
/// - **definite**: the dates settle it — the relation held at the date asked (or within the
///   window) whatever the precision of its dates;
/// - **possible**: the dates allow it but do not settle it — imprecise dates (`1998` tested
///   against `1998-04-15`), approximate (`2006~`) or uncertain (`2006?`) ones, an end the
///   sources do not give (`since 1995` tested against 2005);
/// - **undated**: the relation has no date at all, so nothing says when it held. Under a time
///   filter undated relations are left out unless asked for ([`Filter::undated`](crate::Filter::undated),
///   `--undated`); without one they are kept and marked.
///
/// Text output marks every line that is not definite (`(possibly)`, `(undated)`), JSON has a
/// `certainty` field, DOT draws possible hops dashed and undated ones dotted grey, CSV has a
/// `certainty` column when filtered. The order is from surest to least sure.
///
/// ```
/// use diplograph::Certainty;
/// assert!(Certainty::Definite < Certainty::Possible);
/// assert_eq!(Certainty::Undated.name(), "undated");
/// assert_eq!(Certainty::Possible.marker(), Some("possibly"));
/// assert_eq!(Certainty::Definite.marker(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// The dates settle it: the query date lies inside the relation's known interval.
    Definite,
    /// The dates allow it: precisions only overlap, a date is approximate or uncertain, or the
    /// end (or start) is unknown.
    Possible,
    /// The relation has no date.
    Undated,
}

impl Certainty {
    /// The name used in JSON and CSV: `definite`, `possible`, `undated`.
    pub fn name(self) -> &'static str {
        match self {
            Certainty::Definite => "definite",
            Certainty::Possible => "possible",
            Certainty::Undated => "undated",
        }
    }

    /// The marker text output puts on a line that is not definite: `possibly` or `undated`.
    pub fn marker(self) -> Option<&'static str> {
        match self {
            Certainty::Definite => None,
            Certainty::Possible => Some("possibly"),
            Certainty::Undated => Some("undated"),
        }
    }
}

/// A time filter: a date, or a window `from..=until` (either end may be missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeFilter {
    /// Relations that hold at this date (at its own precision: `2005` is the whole year).
    At(Edtf),
    /// Relations that overlap this window.
    Window {
        /// Start of the window.
        from: Option<Edtf>,
        /// End of the window.
        until: Option<Edtf>,
    },
}

impl TimeFilter {
    /// The days the query covers: `(first, last)`; `None` for an unbounded side.
    fn days(&self) -> (Option<Day>, Option<Day>) {
        match self {
            TimeFilter::At(d) => (d.earliest(), d.latest()),
            TimeFilter::Window { from, until } => (from.and_then(|d| d.earliest()), until.and_then(|d| d.latest())),
        }
    }

    /// The first day the filter covers (`--at 1998` or `--from 1998`: 1998-01-01); `None` when
    /// it is open at the start. Journeys start there.
    ///
    /// ```
    /// use diplograph::TimeFilter;
    /// let f = TimeFilter::Window { from: Some("1998-04".parse().unwrap()), until: None };
    /// assert_eq!(f.first_day().unwrap().to_string(), "1998-04-01");
    /// ```
    pub fn first_day(&self) -> Option<Day> {
        self.days().0
    }

    /// Whether a relation with this `span` passes, and how surely; `None` if it cannot.
    ///
    /// For a relation over an interval, definite means every day of the query lies inside the
    /// days the relation certainly covers (for a window: some day of the window surely does);
    /// for a relation at one date (an event), that every day the date can mean lies in the query
    /// (`2004-12` is definitely in `2004`, `2004` only possibly in `2004-12`). A relation that
    /// surely begins inside a window surely overlaps it, whatever its end. Possible means the
    /// relation's widest reading overlaps the query.
    pub fn classify(&self, span: &Span, today: Day) -> Option<Certainty> {
        let (q0, q1) = self.days();
        // Widest reading: earliest possible start .. latest possible end.
        let wide_start = match span.start {
            Bound::Date(d) => Some(d.earliest()),
            Bound::Open | Bound::Unknown => None,
        };
        let wide_end = match span.end {
            Bound::Date(d) => Some(d.latest()),
            Bound::Open | Bound::Unknown => None,
        };
        let overlaps = match (q1, wide_start) {
            (Some(q1), Some(s)) => s <= q1,
            _ => true,
        } && match (q0, wide_end) {
            (Some(q0), Some(e)) => e >= q0,
            _ => true,
        };
        if !overlaps {
            return None;
        }
        // A relation at one date (an event): it falls on the query date, or in the window, for
        // sure when every day it can mean does.
        if let (Bound::Date(a), Bound::Date(b)) = (span.start, span.end) {
            if a == b {
                let exact = !a.is_approximate() && !a.is_uncertain();
                let inside = q0.is_none_or(|q0| q0 <= a.earliest()) && q1.is_none_or(|q1| a.latest() <= q1);
                return Some(if exact && inside {
                    Certainty::Definite
                } else {
                    Certainty::Possible
                });
            }
        }
        // Narrowest reading: latest possible start .. earliest possible end; an open end holds to today.
        let sure_start = match span.start {
            Bound::Date(d) if !d.is_approximate() && !d.is_uncertain() => Some(Some(d.latest())),
            Bound::Open => Some(None),
            _ => None,
        };
        let sure_end = match span.end {
            Bound::Date(d) if !d.is_approximate() && !d.is_uncertain() => Some(Some(d.earliest())),
            Bound::Open => Some(Some(today)),
            _ => None,
        };
        let definite = match (sure_start, sure_end) {
            (Some(s), Some(e)) => match self {
                TimeFilter::At(_) => {
                    let starts_before = match (s, q0) {
                        (None, _) => true,
                        (Some(s), Some(q0)) => s <= q0,
                        (Some(_), None) => false,
                    };
                    let ends_after = match (e, q1) {
                        (Some(e), Some(q1)) => e >= q1,
                        _ => false,
                    };
                    starts_before && ends_after && s.is_none_or(|s| e.is_none_or(|e| s <= e))
                }
                TimeFilter::Window { .. } => {
                    // Some day surely covered by the relation lies in the window.
                    let lo = match (s, q0) {
                        (Some(s), Some(q0)) => Some(s.max(q0)),
                        (s, q0) => s.or(q0),
                    };
                    let hi = match (e, q1) {
                        (Some(e), Some(q1)) => Some(e.min(q1)),
                        (e, q1) => e.or(q1),
                    };
                    match (lo, hi) {
                        (Some(lo), Some(hi)) => lo <= hi,
                        _ => true,
                    }
                }
            },
            _ => false,
        };
        // Whatever its end, a relation holds when it begins: one that surely begins inside a
        // window surely overlaps it.
        let begins_inside = matches!((self, span.start), (TimeFilter::Window { .. }, Bound::Date(d))
            if !d.is_approximate() && !d.is_uncertain()
                && q0.is_none_or(|q0| q0 <= d.earliest())
                && q1.is_none_or(|q1| d.latest() <= q1));
        let definite = definite || begins_inside;
        Some(if definite {
            Certainty::Definite
        } else {
            Certainty::Possible
        })
    }

    /// Classifies a relation, given its predicate's temporal kind: `Undated` for an undated one.
    pub fn classify_relation(&self, relation: &Relation, temporal: Temporal, today: Day) -> Option<Certainty> {
        match relation.span(temporal) {
            None => Some(Certainty::Undated),
            Some(span) => self.classify(&span, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(date: &str, t: Temporal) -> Span {
        Relation::span_of(&date.parse().unwrap(), t)
    }

    fn at(date: &str, rel: &str, t: Temporal) -> Option<Certainty> {
        let today = Day::from_ymd(2026, 11, 23).unwrap();
        TimeFilter::At(date.parse().unwrap()).classify(&span(rel, t), today)
    }

    fn window(from: Option<&str>, until: Option<&str>, rel: &str, t: Temporal) -> Option<Certainty> {
        let today = Day::from_ymd(2026, 11, 23).unwrap();
        let f = TimeFilter::Window {
            from: from.map(|d| d.parse().unwrap()),
            until: until.map(|d| d.parse().unwrap()),
        };
        f.classify(&span(rel, t), today)
    }

    use Certainty::*;
    use Temporal::*;

    #[test]
    fn state_began_before_end_unknown_is_possible() {
        assert_eq!(at("2005", "1995", State), Some(Possible));
        assert_eq!(at("1994", "1995", State), None);
    }

    #[test]
    fn closed_interval_is_definite_inside() {
        assert_eq!(at("2000", "1995/2007-01", State), Some(Definite));
        assert_eq!(at("2007-01-15", "1995/2007-01", State), Some(Possible));
        assert_eq!(at("2007-02", "1995/2007-01", State), None);
    }

    #[test]
    fn open_end_holds_to_today() {
        assert_eq!(at("2020-05-01", "2011/..", State), Some(Definite));
        assert_eq!(at("2011-06", "2011/..", State), Some(Possible)); // 2011 might be December
        assert_eq!(at("2012", "2011/..", State), Some(Definite));
    }

    #[test]
    fn precision_overlap_is_possible() {
        assert_eq!(at("1998-04-15", "1998", Event), Some(Possible));
        // An event on a day of 1998 definitely falls in 1998 ("an event falls on it").
        assert_eq!(at("1998", "1998-04-15", Event), Some(Definite));
        assert_eq!(at("1998-04", "1998-04-15", Event), Some(Definite));
        assert_eq!(at("1998-04-15", "1998-04-15", Event), Some(Definite));
        assert_eq!(at("1998-05", "1998-04", Event), None);
    }

    #[test]
    fn approximate_is_never_definite() {
        assert_eq!(at("2006-06", "2006~", Event), Some(Possible));
        assert_eq!(at("2006", "2006~/2008", State), Some(Possible));
    }

    #[test]
    fn events_inside_a_window_are_definite_at_any_precision() {
        assert_eq!(window(Some("2004"), Some("2012"), "2004-12", Event), Some(Definite));
        assert_eq!(window(Some("2004-06"), Some("2012"), "2004", Event), Some(Possible));
        assert_eq!(window(Some("2004"), Some("2012"), "2012~", Event), Some(Possible));
        assert_eq!(window(None, Some("2005-03"), "2005", Event), Some(Possible));
        assert_eq!(window(None, Some("2005"), "2005-03", Event), Some(Definite));
    }

    #[test]
    fn a_state_that_begins_inside_a_window_surely_overlaps_it() {
        assert_eq!(window(Some("2004"), Some("2012"), "2009-05", State), Some(Definite));
        assert_eq!(
            window(Some("2009-05-15"), Some("2012"), "2009-05", State),
            Some(Possible)
        );
        assert_eq!(window(Some("2004"), Some("2012"), "2009~", State), Some(Possible));
        assert_eq!(window(Some("2004"), None, "2009-05/", State), Some(Definite));
        // At a date it must hold throughout: a state begun that month may begin on its last day.
        assert_eq!(at("2009-05", "2009-05", State), Some(Possible));
    }

    #[test]
    fn windows() {
        assert_eq!(window(Some("2004"), Some("2012"), "2006-03-19", Event), Some(Definite));
        assert_eq!(window(Some("2004"), Some("2012"), "2003", Event), None);
        assert_eq!(window(Some("2004"), Some("2012"), "1995", State), Some(Possible));
        assert_eq!(
            window(Some("2004"), Some("2012"), "1995/2007-01", State),
            Some(Definite)
        );
        assert_eq!(window(Some("2004"), None, "2011/..", State), Some(Definite));
        assert_eq!(window(None, Some("1990"), "2011/..", State), None);
        assert_eq!(window(Some("2012"), None, "/2011", State), None);
        assert_eq!(window(Some("2010"), None, "/2011", State), Some(Possible));
    }
}

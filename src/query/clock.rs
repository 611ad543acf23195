//! Time order along a journey: may this relation follow the ones before it?

use super::time::Certainty;
use crate::model::edtf::{Bound, Day, Edtf};
use crate::model::predicate::Temporal;
use crate::model::relation::Relation;

/// Where a journey stands in time after its hops so far.
///
/// A dated relation can be "taken" on a day it happened (an event) or held (a state). The
/// journey takes every hop as early as it can, and keeps two clocks:
/// - `early`: the earliest day it can have reached, reading every date as favourably as its
///   precision allows (`1998` may mean 1 January) — a hop is *possibly* in order if it can be
///   taken on or after this day;
/// - `late`: the day it has surely reached, reading every date as unfavourably as possible
///   (`1998` may mean 31 December) — a hop is *definitely* in order if it surely happens (or
///   surely holds) on or after this day.
///
/// `None` is "before any date". Approximate or uncertain dates (`2006~`, `2006?`) and unknown
/// ends never give a definite step, as in [`TimeFilter`](crate::query::time::TimeFilter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Clock {
    pub early: Option<Day>,
    pub late: Option<Day>,
}

fn later(a: Option<Day>, b: Option<Day>) -> Option<Day> {
    a.max(b)
}

impl Clock {
    /// A journey that may start on `day` (or at any time).
    pub fn starting(day: Option<Day>) -> Clock {
        Clock { early: day, late: day }
    }

    /// Takes a relation dated `date` whose predicate is `temporal`: the clock after it and how
    /// surely it is in order, or `None` if it certainly lies before the journey's clock.
    /// An undated relation leaves the clock as it is and is `Undated`.
    pub fn advance(self, date: Option<&Edtf>, temporal: Temporal, today: Day) -> Option<(Clock, Certainty)> {
        let Some(date) = date else {
            return Some((self, Certainty::Undated));
        };
        match (date, temporal) {
            (Edtf::Single(d), Temporal::Event) => {
                // A point in time somewhere in the days its precision allows.
                if self.early.is_some_and(|e| d.latest() < e) {
                    return None;
                }
                let exact = !d.is_approximate() && !d.is_uncertain();
                let sure = exact && self.late.is_none_or(|l| l <= d.earliest());
                let next = Clock {
                    early: later(self.early, Some(d.earliest())),
                    late: later(self.late, Some(d.latest())),
                };
                Some((next, if sure { Certainty::Definite } else { Certainty::Possible }))
            }
            _ => {
                // An interval: held from its start to its end, taken as early as possible.
                let span = Relation::span_of(date, temporal);
                let widest_end = match span.end {
                    Bound::Date(d) => Some(d.latest()),
                    Bound::Open => Some(today),
                    Bound::Unknown => None,
                };
                if let (Some(e), Some(end)) = (self.early, widest_end) {
                    if end < e {
                        return None;
                    }
                }
                let exact = |d: &crate::model::edtf::DatePoint| !d.is_approximate() && !d.is_uncertain();
                // The days it surely holds: from its latest possible start to its earliest possible end.
                let sure_start = match span.start {
                    Bound::Date(d) if exact(&d) => Some(Some(d.latest())),
                    Bound::Open => Some(None),
                    _ => None,
                };
                let sure_end = match span.end {
                    Bound::Date(d) if exact(&d) => Some(d.earliest()),
                    Bound::Open => Some(today),
                    _ => None,
                };
                // Surely in order if it surely begins no earlier than the clock (then it is taken
                // as it begins), or surely holds from the clock's day on.
                let begins_after = matches!(span.start, Bound::Date(d)
                    if exact(&d) && self.late.is_none_or(|l| l <= d.earliest()));
                let holds_then = match (sure_start, sure_end) {
                    (Some(s), Some(e)) => later(self.late, s).is_none_or(|t| t <= e),
                    _ => false,
                };
                let sure = begins_after || holds_then;
                // Unfavourably read, it may start only at its latest start (or, start unknown, its end).
                let pessimistic_start = match (span.start, span.end) {
                    (Bound::Date(s), _) => Some(s.latest()),
                    (Bound::Unknown, Bound::Date(e)) => Some(e.earliest()),
                    _ => None,
                };
                let next = Clock {
                    early: later(self.early, span.start.date().map(|d| d.earliest())),
                    late: later(self.late, pessimistic_start),
                };
                Some((next, if sure { Certainty::Definite } else { Certainty::Possible }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Certainty::*;
    use Temporal::*;

    fn today() -> Day {
        Day::from_ymd(2026, 11, 23).unwrap()
    }

    /// The certainty of each hop of a chain of (date, temporal), or `None` from the first hop out of order.
    fn chain(hops: &[(&str, Temporal)]) -> Vec<Option<Certainty>> {
        let mut clock = Clock::default();
        let mut out = Vec::new();
        for (date, t) in hops {
            let date: Option<Edtf> = (!date.is_empty()).then(|| date.parse().unwrap());
            match clock.advance(date.as_ref(), *t, today()) {
                Some((c, certainty)) => {
                    clock = c;
                    out.push(Some(certainty));
                }
                None => {
                    out.push(None);
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn events_in_order_are_definite() {
        assert_eq!(
            chain(&[("2006-03-19", Event), ("2006-03-31", Event)]),
            [Some(Definite), Some(Definite)]
        );
        assert_eq!(
            chain(&[("1995", Event), ("1998-04", Event)]),
            [Some(Definite), Some(Definite)]
        );
    }

    #[test]
    fn same_day_is_in_order() {
        assert_eq!(
            chain(&[("2006-03-31", Event), ("2006-03-31", Event)]),
            [Some(Definite), Some(Definite)]
        );
    }

    #[test]
    fn going_back_is_refused() {
        assert_eq!(
            chain(&[("2006-03-31", Event), ("2006-03-19", Event)]),
            [Some(Definite), None]
        );
        assert_eq!(chain(&[("1999", Event), ("1998-12", Event)]), [Some(Definite), None]);
    }

    #[test]
    fn overlapping_precisions_are_possible() {
        // `1998` then `1998-04`: the first may be in December.
        assert_eq!(
            chain(&[("1998", Event), ("1998-04", Event)]),
            [Some(Definite), Some(Possible)]
        );
        // Month against a day inside it, both ways round.
        assert_eq!(
            chain(&[("1998-04", Event), ("1998-04-15", Event)]),
            [Some(Definite), Some(Possible)]
        );
        assert_eq!(
            chain(&[("1998-04-15", Event), ("1998-04", Event)]),
            [Some(Definite), Some(Possible)]
        );
        // A month against a day at its very start is still only possible; at the day before, definite.
        assert_eq!(
            chain(&[("1998-03-31", Event), ("1998-04", Event)]),
            [Some(Definite), Some(Definite)]
        );
        // After an imprecise step, a later step that is surely after it is definite again.
        assert_eq!(
            chain(&[("1998", Event), ("1998-04", Event), ("1999", Event)]),
            [Some(Definite), Some(Possible), Some(Definite)]
        );
    }

    #[test]
    fn approximate_dates_are_at_best_possible() {
        assert_eq!(
            chain(&[("2005", Event), ("2006~", Event)]),
            [Some(Definite), Some(Possible)]
        );
        assert_eq!(
            chain(&[("2005", Event), ("2006?", Event)]),
            [Some(Definite), Some(Possible)]
        );
    }

    #[test]
    fn states_hold_until_they_end() {
        // A membership since 1995 (end unknown) may still hold in 2006: possible.
        assert_eq!(
            chain(&[("2006-03-19", Event), ("1995", State)]),
            [Some(Definite), Some(Possible)]
        );
        // One that held 1995–2007-01 surely holds in 2006.
        assert_eq!(
            chain(&[("2006-03-19", Event), ("1995/2007-01", State)]),
            [Some(Definite), Some(Definite)]
        );
        // But not after it ended.
        assert_eq!(
            chain(&[("2008", Event), ("1995/2007-01", State)]),
            [Some(Definite), None]
        );
        // An open end holds to today.
        assert_eq!(
            chain(&[("2020", Event), ("2011/..", State)]),
            [Some(Definite), Some(Definite)]
        );
        // An unknown start with a known end: possible before the end, never definite.
        assert_eq!(
            chain(&[("2006", Event), ("/2007-01", State)]),
            [Some(Definite), Some(Possible)]
        );
        assert_eq!(
            chain(&[("2007-02", Event), ("/2007-01", State)]),
            [Some(Definite), None]
        );
    }

    #[test]
    fn a_state_is_taken_when_it_begins() {
        // Joining in 1995 then an event in 1994: out of order.
        assert_eq!(chain(&[("1995", State), ("1994", Event)]), [Some(Definite), None]);
        // A state that surely begins after the clock is surely in order, end unknown or not.
        assert_eq!(
            chain(&[("1990", Event), ("1995", State)]),
            [Some(Definite), Some(Definite)]
        );
        assert_eq!(
            chain(&[("1995-06", Event), ("1995", State)]),
            [Some(Definite), Some(Possible)]
        );
        assert_eq!(
            chain(&[("1990", Event), ("1995~", State)]),
            [Some(Definite), Some(Possible)]
        );
        // Holding from 1995 to 2007 then an event in 2000: in order, definitely.
        assert_eq!(
            chain(&[("1995/2007", State), ("2000", Event)]),
            [Some(Definite), Some(Definite)]
        );
        // Then an event in 1995-06: the membership may have begun in December 1995.
        assert_eq!(
            chain(&[("1995/2007", State), ("1995-06", Event)]),
            [Some(Definite), Some(Possible)]
        );
    }

    #[test]
    fn undated_hops_keep_the_clock() {
        assert_eq!(
            chain(&[("2006", Event), ("", Event), ("2005", Event)]),
            [Some(Definite), Some(Undated), None]
        );
    }
}

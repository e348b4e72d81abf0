//! Between two events: the time that two date or time claims put between their
//! events, against the time a sentence states ("three hours after the start").
//!
//! Each claim gives the moments its event may have had ([`moment`]): a date claim
//! every second of the days its value covers (a year-precision value, all the
//! days of its year; accepted values and periods widen it), a time claim its
//! second, minute or hour on its date, widened by its tolerance, accepted values
//! and range. A time of day with no date is compared only with another one, as a
//! time of the same day, or of the next where the words put it after an earlier
//! hour. Two claims in named zones are compared in UTC.
//!
//! The claims make the time between the events a range: the elapsed time from
//! the earliest to the latest pair of moments, and, counted in days, months or
//! years, the calendar count (16 July to 20 July is four days, 1919 to 1921 two
//! years). A stated amount stands for half a unit either way ("two years" is 1.5
//! to 2.5 years; "half a day" a quarter day either way); "about" for a quarter of
//! the amount either way, at least one unit; "more than" and "less than" bound it
//! on one side; "within" on both sides of the event. It agrees where its range
//! meets the elapsed range or the calendar count: two year-precision claims (1919
//! and 1921) agree with one, two or three years and no other count, two days to
//! the day with their own count only, and a claim too coarse to decide agrees
//! with anything, which says nothing.

use super::one_line;
use crate::claims::Expected;
use crate::claims::model::{ClockValue, format_number};
use crate::extract::anniversary::{Direction, TimeUnit};
use crate::extract::calendar::{Day, MAX_DAY, MIN_DAY, Precision, civil, day_number};
use crate::extract::number::{Approx, TimePrecision};
use crate::scan::checkers::between::{Between, Count};

const DAY: i64 = 86_400;

/// When a claim's event happened, as far as its value tells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    /// The earliest and the latest second: from the epoch of day numbers where
    /// the value has a date, else from midnight.
    lo: i64,
    hi: i64,
    /// The first and the last day, where the value has a date.
    days: Option<(Day, Day)>,
    /// The lowest and highest offset of the claim's zone from UTC, in seconds.
    zone: Option<(i64, i64)>,
}

impl Moment {
    /// A time of day with no date.
    pub fn is_clock(&self) -> bool {
        self.days.is_none()
    }

    /// The seconds from its earliest to its latest.
    pub fn width(&self) -> i64 {
        self.hi - self.lo
    }

    /// The moments of either event (`None` where one has a date and the other not).
    fn hull(self, o: Moment) -> Option<Moment> {
        if self.is_clock() != o.is_clock() {
            return None;
        }
        Some(Moment {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
            days: self
                .days
                .zip(o.days)
                .map(|(a, b)| (a.0.min(b.0), a.1.max(b.1))),
            zone: match (self.zone, o.zone) {
                (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
                _ => None,
            },
        })
    }
}

/// Which part of a period an event is: "five days into the march" counts from
/// its start, "two days after the march" from its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
    Whole,
}

/// The moments of a date or time claim's event; `None` for other kinds.
pub fn moment(e: &Expected, end: End) -> Option<Moment> {
    match e {
        Expected::Date { value, until, .. } => {
            let mut intervals = e.date_intervals();
            match (until, end) {
                (Some(_), End::Start) => intervals[0] = value.interval(),
                (Some(last), End::Finish) => intervals[0] = last.interval(),
                _ => {}
            }
            let first = intervals.iter().map(|i| i.start).min()?;
            let last = intervals.iter().map(|i| i.end).max()?;
            if first < MIN_DAY / 2 || last > MAX_DAY / 2 {
                return None;
            }
            Some(Moment {
                lo: first * DAY,
                hi: (last + 1) * DAY - 1,
                days: Some((first, last)),
                zone: None,
            })
        }
        Expected::Time(t) => {
            let dated = t.value.date.is_some();
            let tol = i64::from(t.tolerance);
            let one = |v: &ClockValue| {
                let day = v
                    .date
                    .or(t.value.date)
                    .filter(|_| dated)
                    .map(|d| day_number(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)));
                let at = day.map_or(0, |d| d * DAY) + i64::from(v.seconds);
                (
                    at - tol,
                    at + i64::from(v.precision.span_seconds()) - 1 + tol,
                    day,
                )
            };
            let mut spans: Vec<_> = std::iter::once(&t.value)
                .chain(&t.accept)
                .map(one)
                .collect();
            if t.min.is_some() || t.max.is_some() {
                let (lo, _, first) = one(t.min.as_ref().unwrap_or(&t.value));
                let (_, mut hi, last) = one(t.max.as_ref().unwrap_or(&t.value));
                if hi < lo {
                    hi += DAY;
                }
                spans.push((lo, hi, first.or(last)));
            }
            let days: Vec<Day> = spans.iter().filter_map(|s| s.2).collect();
            let zone = (!t.zone.is_empty()).then(|| {
                let lo = t.zone.iter().min().copied().unwrap_or(0);
                let hi = t.zone.iter().max().copied().unwrap_or(0);
                (i64::from(lo) * 60, i64::from(hi) * 60)
            });
            Some(Moment {
                lo: spans.iter().map(|s| s.0).min()?,
                hi: spans.iter().map(|s| s.1).max()?,
                days: dated
                    .then(|| (days.iter().copied().min(), days.iter().copied().max()))
                    .and_then(|(a, b)| a.zip(b)),
                zone,
            })
        }
        _ => None,
    }
}

/// Which way a statement puts the event it dates from the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    After,
    Before,
    Either,
}

/// The time from one event to the other, as the claims make it.
#[derive(Debug, Clone, Copy)]
struct Difference {
    /// The elapsed seconds, least and most (negative: the dated event is earlier).
    lo: i64,
    hi: i64,
    /// Both events have dates: their first and last days, for calendar counts.
    days: Option<((Day, Day), (Day, Day))>,
}

impl Difference {
    /// The elapsed time, least and most, in `unit`s.
    fn elapsed(&self, unit: TimeUnit) -> (f64, f64) {
        let s = seconds(unit);
        (self.lo as f64 / s, self.hi as f64 / s)
    }

    /// The calendar count in days, months or years, least and most, where both
    /// events have dates (`None` for other units).
    fn count(&self, unit: TimeUnit) -> Option<(f64, f64)> {
        let ((af, al), (bf, bl)) = self.days?;
        let index = |d: Day| -> i64 {
            let (y, m, _) = civil(d);
            match unit {
                TimeUnit::Month => i64::from(y) * 12 + i64::from(m) - 1,
                TimeUnit::Year => i64::from(y),
                _ => d,
            }
        };
        if !matches!(unit, TimeUnit::Day | TimeUnit::Month | TimeUnit::Year) {
            return None;
        }
        Some((
            (index(bf) - index(al)) as f64,
            (index(bl) - index(af)) as f64,
        ))
    }
}

/// The time from `a` to `b`; two times of day with no date are taken on the
/// same day, or `b` on the next (or the day before) where `sense` says so.
fn difference(a: Moment, b: Moment, sense: Sense) -> Option<Difference> {
    if a.is_clock() != b.is_clock() {
        return None;
    }
    let utc = |m: Moment| match (a.zone, b.zone, m.zone) {
        (Some(_), Some(_), Some((zlo, zhi))) => (m.lo - zhi, m.hi - zlo),
        _ => (m.lo, m.hi),
    };
    let ((alo, ahi), (blo, bhi)) = (utc(a), utc(b));
    let (mut lo, mut hi) = (blo - ahi, bhi - alo);
    if a.is_clock() {
        let mid = lo + (hi - lo) / 2;
        let m = mid.rem_euclid(DAY);
        let target = match sense {
            Sense::After => m,
            Sense::Before if m > 0 => m - DAY,
            Sense::Before => 0,
            Sense::Either if m > DAY / 2 => m - DAY,
            Sense::Either => m,
        };
        lo += target - mid;
        hi += target - mid;
    }
    Some(Difference {
        lo,
        hi,
        days: a.days.zip(b.days),
    })
}

/// The seconds of a unit (a month and a year on average).
fn seconds(unit: TimeUnit) -> f64 {
    match unit {
        TimeUnit::Second => 1.0,
        TimeUnit::Minute => 60.0,
        TimeUnit::Hour => 3_600.0,
        TimeUnit::Day => 86_400.0,
        TimeUnit::Week => 604_800.0,
        TimeUnit::Month => 2_629_746.0,
        TimeUnit::Year => 31_556_952.0,
    }
}

/// The times a statement allows, in its unit, signed (negative: the dated event
/// is the earlier), and the way it puts the events.
fn stated(count: &Count, direction: Direction) -> (f64, f64, Sense) {
    match *count {
        Count::Steps { from, to, .. } => {
            let sense = if to <= 0 { Sense::Before } else { Sense::After };
            (from as f64, to as f64, sense)
        }
        Count::Amount { amount, bound, .. } => {
            let half = if amount >= 1.0 { 0.5 } else { amount / 2.0 };
            let about = if amount >= 1.0 {
                (amount / 4.0).max(1.0)
            } else {
                amount * 0.75
            };
            let (lo, hi) = match bound {
                Approx::Exact => (amount - half, amount + half),
                Approx::About => (amount - about, amount + about),
                Approx::AtLeast => (amount - half, f64::INFINITY),
                Approx::AtMost => (0.0, amount + half),
            };
            match direction {
                Direction::Before => (-hi, -lo, Sense::Before),
                Direction::Within => (-hi, hi, Sense::Either),
                _ => (lo, hi, Sense::After),
            }
        }
    }
}

/// How a statement of time between events compares with the claims.
pub(super) struct Verdict {
    pub agrees: bool,
    /// What the claims make the time: `5 hours after the start at 09:00`.
    pub expected: String,
    /// The statement as the message names it: `"three hours after the start"`.
    pub head: String,
    /// The label under the words.
    pub label: String,
}

/// Compares a statement of the time between two events with the claims of
/// both: `b.from`, the event it counts from, and `claim`, the event it dates.
/// `None` where they cannot be compared: a kind that is no date or time, a
/// time of day without a date against a date, or days between times of day.
pub(super) fn compare(b: &Between, claim: &Expected) -> Option<Verdict> {
    let end = match b.direction {
        Direction::Into | Direction::Before | Direction::Within => End::Start,
        _ => End::Finish,
    };
    let mut from = b.from.iter().map(|e| moment(e, end));
    let first = from.next()??;
    let a = from.try_fold(first, |acc, m| acc.hull(m?))?;
    let dated = moment(claim, End::Whole)?;
    let (lo, hi, sense) = stated(&b.count, b.direction);
    let diff = difference(a, dated, sense)?;
    let unit = match b.count {
        Count::Amount { unit, .. } | Count::Steps { unit, .. } => unit,
    };
    // Times of day with no date tell nothing of days.
    if a.is_clock()
        && (seconds(unit) >= 86_400.0 || lo.abs().max(hi.abs()) * seconds(unit) >= 86_400.0)
    {
        return None;
    }
    let meets = |(x, y): (f64, f64)| lo <= y && x <= hi;
    let agrees = match b.count {
        Count::Amount { .. } => meets(diff.elapsed(unit)) || diff.count(unit).is_some_and(meets),
        Count::Steps { .. } => meets(diff.count(unit)?),
    };
    let dates_only = !std::iter::once(claim)
        .chain(&b.from)
        .any(|e| matches!(e, Expected::Time(_)));
    let expected = describe(&diff, unit, dates_only, b);
    Some(Verdict {
        agrees,
        head: format!("\"{}\"", one_line(&b.phrase)),
        label: format!("the claims make it {expected}"),
        expected,
    })
}

/// What the claims make the time between the events, in the statement's unit
/// (in days where two dates cannot tell hours): the calendar count where it is
/// one number, else the elapsed time, to a tenth of the unit or as a range.
fn describe(diff: &Difference, unit: TimeUnit, dates_only: bool, b: &Between) -> String {
    let unit = if dates_only && seconds(unit) < 86_400.0 {
        TimeUnit::Day
    } else {
        unit
    };
    let (lo, hi) = match diff.count(unit) {
        Some((c0, c1)) if c0 == c1 => (c0, c1),
        _ => {
            let (lo, hi) = diff.elapsed(unit);
            if hi - lo < 1.0 {
                let mid = ((lo + hi) / 2.0 * 10.0).round() / 10.0;
                (mid, mid)
            } else {
                (lo.round(), hi.round())
            }
        }
    };
    let anchor = anchor(b);
    let forward = if b.direction == Direction::Into {
        "into"
    } else {
        "after"
    };
    let n = |v: f64| format!("{} {}", format_number(v.abs()), unit_name(unit, v.abs()));
    if lo == hi && lo == 0.0 {
        let same = match unit {
            TimeUnit::Day => "the same day as",
            TimeUnit::Week => "the same week as",
            TimeUnit::Month => "the same month as",
            TimeUnit::Year => "the same year as",
            _ => "the same time as",
        };
        return format!("{same} {anchor}");
    }
    if lo == hi {
        let way = if lo > 0.0 { forward } else { "before" };
        return format!("{} {way} {anchor}", n(lo));
    }
    if lo >= 0.0 {
        return format!("{} to {} {forward} {anchor}", format_number(lo), n(hi));
    }
    if hi <= 0.0 {
        return format!("{} to {} before {anchor}", format_number(-hi), n(lo));
    }
    format!("between {} before and {} {forward} {anchor}", n(lo), n(hi))
}

/// The event counted from, as the statement names it, with its value: `the
/// start at 09:00`, `the launch on 16 July 1969`; its value alone where the
/// statement names no event (`16 July 1969`).
fn anchor(b: &Between) -> String {
    let mut whens: Vec<String> = b.from.iter().map(when).collect();
    whens.dedup();
    // "in 1893 or 1894": one preposition for values that share it.
    let preposition = |w: &str| w.split_once(' ').map_or("", |(p, _)| p).to_string();
    let shared = whens.first().map(|w| preposition(w)).unwrap_or_default();
    let same = shared != "from" && whens.iter().all(|w| preposition(w) == shared);
    let values = if same {
        let bare: Vec<&str> = whens
            .iter()
            .map(|w| w.split_once(' ').map_or(w.as_str(), |(_, rest)| rest))
            .collect();
        bare.join(" or ")
    } else {
        whens.join(" or ")
    };
    match &b.event {
        Some(words) if same => format!("{} {shared} {values}", one_line(words)),
        Some(words) => format!("{} {values}", one_line(words)),
        None => values,
    }
}

/// A claim's value with its preposition: `on 16 July 1969`, `in 1919`, `at
/// 09:00 UTC on 16 July 1969`, `from March 1921 to September 1921`.
fn when(e: &Expected) -> String {
    match e {
        Expected::Date {
            value,
            until: Some(last),
            ..
        } => format!("from {value} to {last}"),
        Expected::Date { value, .. } if value.precision() == Precision::Day => {
            format!("on {value}")
        }
        Expected::Date { value, .. } => format!("in {value}"),
        Expected::Time(t) => {
            let v = &t.value;
            let (h, m, s) = (v.seconds / 3600, v.seconds / 60 % 60, v.seconds % 60);
            let mut out = match v.precision {
                TimePrecision::Second => format!("at {h:02}:{m:02}:{s:02}"),
                _ => format!("at {h:02}:{m:02}"),
            };
            if let Some(z) = &t.zone_name {
                out.push_str(&format!(" {z}"));
            }
            if let Some(d) = v.date {
                out.push_str(&format!(" on {d}"));
            }
            out
        }
        other => other.display(),
    }
}

/// A unit's name for `n` of it.
fn unit_name(unit: TimeUnit, n: f64) -> &'static str {
    let one = n == 1.0;
    match unit {
        TimeUnit::Second if one => "second",
        TimeUnit::Second => "seconds",
        TimeUnit::Minute if one => "minute",
        TimeUnit::Minute => "minutes",
        TimeUnit::Hour if one => "hour",
        TimeUnit::Hour => "hours",
        TimeUnit::Day if one => "day",
        TimeUnit::Day => "days",
        TimeUnit::Week if one => "week",
        TimeUnit::Week => "weeks",
        TimeUnit::Month if one => "month",
        TimeUnit::Month => "months",
        TimeUnit::Year if one => "year",
        TimeUnit::Year => "years",
    }
}

#[cfg(test)]
mod tests;

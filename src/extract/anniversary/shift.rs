//! Dating by distance: a date moved by years, months, days or hours, and the
//! date of the event a distance counts from.

use super::{Direction, Distance, TimeUnit};
use crate::extract::calendar::{
    DateValue, Day, Interval, MAX_DAY, MIN_DAY, Precision, civil, day_number, days_in_month,
};
use crate::extract::date::{DateMention, Shape};

/// Moves a day number by whole years, keeping its month and day; a 29 February
/// moved to a year without one becomes 28 February. Open ends stay open.
fn shift_day_years(day: Day, years: i32) -> Day {
    if day <= MIN_DAY || day >= MAX_DAY {
        return day;
    }
    let (y, m, d) = civil(day);
    let y = y.saturating_add(years);
    day_number(y, m, d.min(days_in_month(y, m)))
}

/// The mention moved by `years` (negative: back): every reading and the value,
/// each keeping its month and day and the mention its precision, span and shape.
/// A 29 February moved to a year without one becomes 28 February (so a reading
/// ending on it ends on the 28th). The weekday is dropped: it does not move with
/// the year.
pub fn shift_years(d: &DateMention, years: i32) -> DateMention {
    let value = d.value;
    let year = value.year.saturating_add(years);
    let day = match (value.month, value.day) {
        (Some(m), Some(day)) => Some(day.min(days_in_month(year, m))),
        _ => None,
    };
    DateMention {
        span: d.span.clone(),
        value: DateValue::new(year, value.month, day).unwrap_or(DateValue {
            year,
            month: None,
            day: None,
        }),
        readings: d
            .readings
            .iter()
            .map(|r| Interval {
                start: shift_day_years(r.start, years),
                end: shift_day_years(r.end, years),
            })
            .collect(),
        shape: d.shape,
        weekday: None,
    }
}

/// The mention moved by a number of days, at its own precision where the move
/// keeps it (a day), else as a period around the moved days.
fn shift_days(d: &DateMention, days: i64, widen: (i64, i64)) -> DateMention {
    let move_day = |x: Day| {
        if x <= MIN_DAY || x >= MAX_DAY {
            x
        } else {
            x + days
        }
    };
    let readings: Vec<Interval> = d
        .readings
        .iter()
        .map(|r| Interval {
            start: move_day(r.start) - widen.0,
            end: move_day(r.end) + widen.1,
        })
        .collect();
    let exact = widen == (0, 0) && d.precision() == Precision::Day;
    let value = match (d.value.month, d.value.day) {
        (Some(m), Some(day)) if exact => {
            let (y, m, day) = civil(day_number(d.value.year, m, day) + days);
            DateValue::new(y, Some(m), Some(day)).unwrap_or(d.value)
        }
        _ => d.value,
    };
    DateMention {
        span: d.span.clone(),
        value,
        readings,
        shape: if exact { d.shape } else { Shape::Period },
        weekday: None,
    }
}

/// The mention moved by months, each day kept where its month has it (else the
/// month's last), a month's last day kept last.
fn shift_months(d: &DateMention, months: i64) -> DateMention {
    let move_day = |x: Day, end: bool| {
        if x <= MIN_DAY || x >= MAX_DAY {
            return x;
        }
        let (y, m, day) = civil(x);
        let total = i64::from(y) * 12 + i64::from(m) - 1 + months;
        let (ny, nm) = (
            total.div_euclid(12) as i32,
            (total.rem_euclid(12) + 1) as u32,
        );
        let last = days_in_month(ny, nm);
        let nd = if end && day == days_in_month(y, m) {
            last
        } else {
            day.min(last)
        };
        day_number(ny, nm, nd)
    };
    let readings: Vec<Interval> = d
        .readings
        .iter()
        .map(|r| Interval {
            start: move_day(r.start, false),
            end: move_day(r.end, true),
        })
        .collect();
    let (y, m, day) = civil(readings[0].start);
    let value = DateValue::new(y, Some(m), Some(day))
        .map(|v| v.truncate(d.precision()))
        .unwrap_or(d.value);
    DateMention {
        span: d.span.clone(),
        value,
        readings,
        shape: if d.precision() == Precision::Year {
            Shape::Period
        } else {
            d.shape
        },
        weekday: None,
    }
}

/// The date of the event a distance counts from, given `at`, the date the
/// distance is counted to (`4 july 2034 - 100 years since her death` → 4 July
/// 1934; `the centenary of the opening, on 3 may 2021` → 3 May 1921; `36 hours
/// after the explosion, on 27 april` → 25 or 26 April). The span is `at`'s. An
/// approximate amount widens the result by one unit (a quarter for hours). `None`
/// for `ago` and `within` (no fixed distance), without an amount, for an open
/// `at`, or for a fraction of a year or month.
pub fn event_date(dist: &Distance, at: &DateMention) -> Option<DateMention> {
    let sign: i64 = match dist.direction {
        Direction::Since | Direction::After | Direction::Into | Direction::Anniversary => -1,
        Direction::Before => 1,
        Direction::Ago | Direction::Within => return None,
    };
    let amount = dist.amount?;
    if at.shape == Shape::Open || !(0.0..=100_000.0).contains(&amount) {
        return None;
    }
    let whole = (amount.fract() == 0.0).then_some(amount as i64);
    let widen = i64::from(dist.approx);
    Some(match dist.unit {
        TimeUnit::Year => {
            let n = whole? * sign;
            let exact = shift_years(at, n as i32);
            if widen == 0 {
                exact
            } else {
                hull(
                    &exact,
                    &shift_years(at, (n - 1) as i32),
                    &shift_years(at, (n + 1) as i32),
                )
            }
        }
        TimeUnit::Month => {
            let n = whole? * sign;
            let exact = shift_months(at, n);
            if widen == 0 {
                exact
            } else {
                hull(&exact, &shift_months(at, n - 1), &shift_months(at, n + 1))
            }
        }
        TimeUnit::Week | TimeUnit::Day => {
            let per = if dist.unit == TimeUnit::Week {
                7.0
            } else {
                1.0
            };
            let days = (amount * per).round() as i64;
            shift_days(at, sign * days, (widen * per as i64, widen * per as i64))
        }
        TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second => {
            let per_hour = match dist.unit {
                TimeUnit::Hour => 1.0,
                TimeUnit::Minute => 60.0,
                _ => 3600.0,
            };
            let hours = (amount / per_hour).ceil() as i64;
            let (least, most) = if dist.approx {
                (hours * 3 / 4, hours * 5 / 4 + 1)
            } else {
                (hours, hours)
            };
            // The event is `least` to `most` hours from any hour of `at`'s days.
            let (near, far) = (least.div_euclid(24), (most + 23).div_euclid(24));
            let (lo, hi) = if sign < 0 { (-far, -near) } else { (near, far) };
            shift_days(at, lo, (0, hi - lo))
        }
    })
}

/// The mention `exact` with readings from the earliest to the latest of three moves.
fn hull(exact: &DateMention, a: &DateMention, b: &DateMention) -> DateMention {
    let readings = exact
        .readings
        .iter()
        .zip(a.readings.iter().zip(&b.readings))
        .map(|(e, (x, y))| Interval {
            start: e.start.min(x.start).min(y.start),
            end: e.end.max(x.end).max(y.end),
        })
        .collect();
    DateMention {
        readings,
        shape: Shape::Period,
        ..exact.clone()
    }
}

//! Calendar arithmetic: dates as day numbers, values with a precision, intervals.
//!
//! Every date, whatever its precision, is compared as an inclusive interval of days
//! (proleptic Gregorian, astronomical years: year 0 is 1 BC). "1940" is every day of
//! 1940, "August 1940" every day of that month; two dates agree where their intervals
//! overlap, which is comparison "at their common precision".

use std::fmt;

/// A day number: days since 1970-01-01 (negative before).
pub type Day = i64;

/// The smallest and largest day numbers, for open intervals ("after 1929").
pub const MIN_DAY: Day = i64::MIN / 4;
/// See [`MIN_DAY`].
pub const MAX_DAY: Day = i64::MAX / 4;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Whether `year` (astronomical) is a leap year in the proleptic Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The day number of a valid date (Howard Hinnant's `days_from_civil`).
pub fn day_number(year: i32, month: u32, day: u32) -> Day {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day number (Hinnant's `civil_from_days`).
pub fn civil(day: Day) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// An inclusive interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: Day,
    pub end: Day,
}

impl Interval {
    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The interval of whole years `from..=to`.
    pub fn years(from: i32, to: i32) -> Interval {
        Interval {
            start: day_number(from, 1, 1),
            end: day_number(to, 12, 31),
        }
    }

    /// The interval of months `from` (year, month) to `to`, inclusive.
    pub fn months(from: (i32, u32), to: (i32, u32)) -> Interval {
        Interval {
            start: day_number(from.0, from.1, 1),
            end: day_number(to.0, to.1, days_in_month(to.0, to.1)),
        }
    }
}

/// A calendar date known to a precision: a claim's value or a date in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateValue {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateValue {
    /// A date value, or `None` where the month or day does not exist.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Option<DateValue> {
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return None;
            }
        } else if day.is_some() {
            return None;
        }
        Some(DateValue { year, month, day })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a leading `-` for years before
    /// year 0 (ISO astronomical numbering: `-0043` is 44 BC).
    pub fn parse_iso(s: &str) -> Option<DateValue> {
        let (neg, rest) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let mut parts = rest.split('-');
        let y = parts.next()?;
        if y.len() < 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut year: i32 = y.parse().ok()?;
        if neg {
            year = -year;
        }
        let two = |p: Option<&str>| -> Option<Option<u32>> {
            match p {
                None => Some(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(Some(p.parse().ok()?))
                }
                Some(_) => None,
            }
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return None;
        }
        DateValue::new(year, month, day)
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Every day the value may stand for.
    pub fn interval(&self) -> Interval {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let n = day_number(self.year, m, d);
                Interval { start: n, end: n }
            }
            (Some(m), None) => Interval::months((self.year, m), (self.year, m)),
            _ => Interval::years(self.year, self.year),
        }
    }

    /// The value cut down to `precision` (never made finer than it is).
    pub fn truncate(&self, precision: Precision) -> DateValue {
        match precision {
            Precision::Year => DateValue {
                year: self.year,
                month: None,
                day: None,
            },
            Precision::Month => DateValue { day: None, ..*self },
            Precision::Day => *self,
        }
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl fmt::Display for DateValue {
    /// "21 August 1940", "May 1917", "1917", "44 BC".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.day {
            write!(f, "{d} ")?;
        }
        if let Some(m) = self.month {
            write!(f, "{} ", MONTH_NAMES[(m - 1) as usize])?;
        }
        if self.year <= 0 {
            write!(f, "{} BC", 1 - self.year)
        } else {
            write!(f, "{}", self.year)
        }
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Every weekday, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The English name ("Wednesday").
    pub fn name(self) -> &'static str {
        WEEKDAY_NAMES[self as usize]
    }

    /// The weekday a folded name or abbreviation of at least three letters names
    /// ("wed.", "thurs", "friday").
    pub fn from_name(word: &str) -> Option<Weekday> {
        let w = word.trim_end_matches('.');
        if w.len() < 3 {
            return None;
        }
        WEEKDAY_NAMES
            .iter()
            .position(|n| {
                n.len() >= w.len()
                    && n.bytes()
                        .zip(w.bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
            })
            .map(|i| Weekday::ALL[i])
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The words the date reader takes for a weekday written with a day, as folded
/// text has them: each name, and the abbreviations `tues`, `tue`, `thurs`,
/// `thur`, `thu`, `fri`, `mon`, `wed`, `sat` and `sun` (longer ones first, as a
/// regex's alternatives read them). A word that only starts like a name
/// ("frida", "satur") is none of them.
pub const WEEKDAY_WORDS: [&str; 17] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tues",
    "tue",
    "thurs",
    "thur",
    "thu",
    "fri",
    "mon",
    "wed",
    "sat",
    "sun",
];

/// Whether a folded word is one of [`WEEKDAY_WORDS`].
pub fn is_weekday_word(word: &str) -> bool {
    WEEKDAY_WORDS.contains(&word)
}

/// The weekday of a day number in the proleptic Gregorian calendar (day 0,
/// 1 January 1970, was a Thursday).
pub fn weekday_of_day(day: Day) -> Weekday {
    Weekday::ALL[(day + 3).rem_euclid(7) as usize]
}

/// The first day of the Gregorian calendar (15 October 1582): a weekday written
/// with an earlier date counts in the Julian calendar, which this module does not.
pub fn gregorian_start() -> Day {
    day_number(1582, 10, 15)
}

/// The day number of a date of the Julian calendar (Old Style): `julian_day(1917,
/// 10, 25)` is the day the Gregorian calendar calls 7 November 1917.
pub fn julian_day(year: i32, month: u32, day: u32) -> Day {
    let a = i64::from(month <= 2);
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    // The Julian day number, and 1 January 1970 as 2,440,588.
    i64::from(day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - 32_083 - 2_440_588
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_dates_fall_on_their_gregorian_days() {
        assert_eq!(julian_day(1917, 10, 25), day_number(1917, 11, 7));
        assert_eq!(julian_day(1582, 10, 5), day_number(1582, 10, 15));
        assert_eq!(julian_day(1879, 10, 26), day_number(1879, 11, 7));
        assert_eq!(julian_day(1700, 2, 29), day_number(1700, 3, 11));
        assert_eq!(julian_day(1918, 1, 31), day_number(1918, 2, 13));
    }

    #[test]
    fn day_numbers_round_trip() {
        for &(y, m, d) in &[
            (1970, 1, 1),
            (1879, 11, 7),
            (2000, 2, 29),
            (-43, 3, 15),
            (1, 1, 1),
        ] {
            assert_eq!(civil(day_number(y, m, d)), (y, m, d));
        }
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(1940, 8, 21) - day_number(1940, 8, 20), 1);
    }

    #[test]
    fn parses_iso_values_at_their_precision() {
        let v = DateValue::parse_iso("1940-08-21").unwrap();
        assert_eq!(v.precision(), Precision::Day);
        assert_eq!(v.to_string(), "21 August 1940");
        assert_eq!(
            DateValue::parse_iso("1917-05").unwrap().to_string(),
            "May 1917"
        );
        assert_eq!(DateValue::parse_iso("-0043").unwrap().to_string(), "44 BC");
        for bad in [
            "1917-13",
            "1917-02-29",
            "17",
            "1917-5",
            "1917-05-01-02",
            "x917",
            "",
        ] {
            assert_eq!(DateValue::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn intervals_overlap_at_common_precision() {
        let year = DateValue::parse_iso("1940").unwrap().interval();
        let day = DateValue::parse_iso("1940-08-21").unwrap().interval();
        let other = DateValue::parse_iso("1937-01").unwrap().interval();
        assert!(year.overlaps(&day));
        assert!(
            !DateValue::parse_iso("1936")
                .unwrap()
                .interval()
                .overlaps(&other)
        );
    }
    #[test]
    fn weekdays_of_known_days() {
        let on = |y, m, d| weekday_of_day(day_number(y, m, d));
        assert_eq!(on(1970, 1, 1), Weekday::Thursday);
        assert_eq!(on(1903, 12, 17), Weekday::Thursday);
        assert_eq!(on(1912, 5, 29), Weekday::Wednesday);
        assert_eq!(on(1912, 5, 30), Weekday::Thursday);
        assert_eq!(on(1908, 3, 3), Weekday::Tuesday);
        assert_eq!(on(1903, 12, 14), Weekday::Monday);
        assert_eq!(on(2000, 2, 29), Weekday::Tuesday);
        assert_eq!(on(1582, 10, 15), Weekday::Friday);
        assert_eq!(on(1969, 12, 31), Weekday::Wednesday);
    }

    #[test]
    fn weekday_names_and_abbreviations() {
        assert_eq!(Weekday::from_name("wednesday"), Some(Weekday::Wednesday));
        assert_eq!(Weekday::from_name("wed."), Some(Weekday::Wednesday));
        assert_eq!(Weekday::from_name("thurs"), Some(Weekday::Thursday));
        assert_eq!(Weekday::from_name("thu"), Some(Weekday::Thursday));
        assert_eq!(Weekday::from_name("tues."), Some(Weekday::Tuesday));
        assert_eq!(Weekday::from_name("sun"), Some(Weekday::Sunday));
        assert_eq!(Weekday::from_name("sat"), Some(Weekday::Saturday));
        assert_eq!(Weekday::from_name("monday..."), Some(Weekday::Monday));
        // Names are read in folded text: lowercase only.
        for bad in [
            "t", "we", "thx", "weds", "fridays", "", "Wed", "MONDAY", "sündag",
        ] {
            assert_eq!(Weekday::from_name(bad), None, "{bad}");
        }
        assert_eq!(Weekday::Friday.to_string(), "Friday");
    }
}

//! Absolute dates in English prose, with their precision.
//!
//! Runs on folded text (see [`super::normalize`]): lowercase, one space between
//! words, `-` for every dash. Extraction has three passes:
//!
//! 1. atoms ([`atoms`]): one regex finds the complete date forms (`7 november 1879`,
//!    `november 7, 1879`, `nov. 7, 1879`, `the 20th of august, 1940`, ISO, numeric
//!    with `/`, `.` or `-`, `january 1928`, `1929`, `the 1920s`, `1936-38`, `44 bc`,
//!    `the 19th century`, `christmas day 1914`, dual Old/New Style dates, days of
//!    one month in a range or a list: `20-21 august 1940`, `2 and 7 may 1986`);
//! 2. weekdays ([`weekday`]): a weekday written with a single day
//!    (`wednesday, may 29, 1912`) joins its mention;
//! 3. composition ([`compose`]): the words around an atom make it a range
//!    (`1936 to 1938`, `between 1936 and 1938`, `(1906 - 16 february 1938)`), a
//!    qualified period (`early 1897`, `the summer of 1902`, `c. 1900`, `the night of
//!    25 april 1986`) or an open interval (`after 1929`).
//!
//! Every date becomes one or more readings, each an [`Interval`] of days: an
//! ambiguous `08/07/1940` has two, and agrees with either.
//!
//! Two steps are left to the caller, because they need more than the words of one
//! date: [`group_lists`] joins a bare list of dates (`in 1903, 1904 or 1905`) into
//! one mention, and [`numeric_order`] with [`prefer_numeric_order`] settles
//! ambiguous all-numeric dates by the order the rest of the page writes them in.

use std::ops::Range;

use super::calendar::{DateValue, Interval, Precision, Weekday, gregorian_start, weekday_of_day};

mod atoms;
mod compose;
mod forms;
mod groups;
mod list;
mod mask;
mod numeric;
mod style;
mod weekday;
mod years;

#[cfg(test)]
mod tests;

pub(crate) use atoms::MONTH;
pub use atoms::month_number;
pub use list::group_lists;
pub(crate) use list::{DAY_SEQUENCE, day_sequence};
pub use numeric::{NumericOrder, numeric_order, prefer_numeric_order};
pub(crate) use weekday::weekday_before;

/// The shape of a date mention, which says how to compare and display it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A single date at some precision.
    Point,
    /// Two dates and the time between.
    Range,
    /// A qualified or approximate period: `early 1897`, `c. 1900`, `the 1920s`.
    Period,
    /// An interval open on one side: `after 1929`, `until 1940`.
    Open,
    /// Several dates stated together (`in 1903, 1904 or 1905`, `on 2 and 7 may
    /// 1986`): one reading per date, and the mention agrees where any of them does.
    List,
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the text searched. It covers a weekday written with the date
    /// (`wednesday, may 29, 1912`, `17 december 1903 (thursday)`), so that a finding
    /// underlines, and a fix replaces, the weekday with the date it names.
    pub span: Range<usize>,
    /// The date as written (the first reading where there are several).
    pub value: DateValue,
    /// Every day range the words may stand for; the mention agrees with a claim when
    /// one of them overlaps a claimed interval.
    pub readings: Vec<Interval>,
    pub shape: Shape,
    /// The weekday written with a single day, and its own byte span (inside `span`).
    pub weekday: Option<(Weekday, Range<usize>)>,
}

impl DateMention {
    /// The precision to display a corrected value at.
    pub fn precision(&self) -> Precision {
        self.value.precision()
    }

    /// A single date at the precision of `value`.
    pub fn point(span: Range<usize>, value: DateValue) -> DateMention {
        DateMention {
            span,
            value,
            readings: vec![value.interval()],
            shape: Shape::Point,
            weekday: None,
        }
    }

    /// Whether the weekday written with the date is the calendar's for that day:
    /// `None` without a weekday, where the date is not a single day (a month, a
    /// range, a list), or before the Gregorian calendar began (15 October 1582),
    /// whose weekdays count in the Julian calendar. The written day is judged, not
    /// what a qualifier made of it (`by friday 17 december 1903`). Where the day
    /// has several readings (`08/07/1940`, a dual Old/New Style date) one matching
    /// weekday is enough. A place that kept the Julian calendar later (Russia until
    /// 1918) writes its Old Style weekday under the same name, so only a dual date
    /// tells those apart.
    pub fn weekday_agrees(&self) -> Option<bool> {
        let (weekday, _) = self.weekday.as_ref()?;
        let written = self.weekday_readings()?;
        Some(written.iter().any(|r| weekday_of_day(r.start) == *weekday))
    }

    /// The calendar's weekday for the day a written weekday is judged against
    /// (the first reading where there are several): the one a fix writes.
    /// `None` where [`DateMention::weekday_agrees`] is.
    pub fn calendar_weekday(&self) -> Option<Weekday> {
        self.weekday.as_ref()?;
        let written = self.weekday_readings()?;
        Some(weekday_of_day(written.first()?.start))
    }

    /// The days a written weekday is judged against (see
    /// [`DateMention::weekday_agrees`]): the readings of a date as written,
    /// else the day as written, not what a qualifier made of it.
    fn weekday_readings(&self) -> Option<Vec<Interval>> {
        if self.precision() != Precision::Day || matches!(self.shape, Shape::Range | Shape::List) {
            return None;
        }
        let written = if self.shape == Shape::Point {
            self.readings.clone()
        } else {
            vec![self.value.interval()]
        };
        let single_gregorian_days = written
            .iter()
            .all(|r| r.start == r.end && r.start >= gregorian_start());
        single_gregorian_days.then_some(written)
    }
}

/// Finds every date in the folded `text`, sorted by position.
pub fn extract_dates(text: &str) -> Vec<DateMention> {
    let mut atoms = atoms::find_atoms(text);
    // A weekday between two dates ("30 may 1912, a friday, 25 october 1917")
    // is taken by the first; the second does not reach back over it.
    let mut taken = 0;
    for m in &mut atoms {
        style::attach_style(text, m);
        weekday::attach_weekday(text, m, taken);
        taken = m.span.end;
    }
    compose::compose_ranges(text, &mut atoms);
    for m in &mut atoms {
        compose::qualify(text, m);
    }
    atoms
}

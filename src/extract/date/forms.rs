//! Date forms beyond the day-month-year of running prose: ranges across two
//! months (`march 28 - april 4, 1921`), year-first numerics (`1922-4-7`,
//! `1950/06/25`, `1933.01.30`), month and year in digits (`4/1921`, `1931/05`),
//! two-digit years beside a month (`22-jun-41`, `jun 22 '41`), year-first words
//! (`1921 march 18`), days in both calendars (`7/20 november 1917`, `25 october/7
//! november 1917`) and decades or centuries in words (`the nineteen thirties`,
//! `the eighteen hundreds`).
//!
//! [`patterns`] gives the alternatives that join the atoms' regex; [`atom`] reads
//! a match of one of them.

use super::atoms::{MONTH, month_of, num};
use super::groups::{Group, Groups};
use super::years::plausible_year;
use super::{DateMention, Shape};
use crate::extract::calendar::{DateValue, Interval};

/// Month abbreviations that are words of their own and count only in a compact
/// numeric form (`22-jun-41`).
const COMPACT_MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)";

/// The tens of a decade in words (`thirties`), and `hundreds` for a century.
const TENS: [&str; 9] = [
    "tens",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];
/// The centuries a decade in words may name (`nineteen` thirties).
const CENTURIES: [&str; 10] = [
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The regex alternatives of this module's forms, each with its own groups.
pub(super) fn patterns() -> Vec<String> {
    let join = r" ?(?:-|to|until|till|through) ?";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    vec![
        // march 28 - april 4, 1921; 28 march to 4 april 1921.
        format!(
            r"\b(?P<mrange>(?P<ra1>{MONTH}) (?P<rd1>{day}){join}(?P<ra2>{MONTH}) (?P<rd2>{day}),? (?P<ry>\d{{4}})|(?P<re1>{day}) (?P<rb1>{MONTH}){join}(?P<re2>{day}) (?P<rb2>{MONTH}),? (?P<ry2>\d{{4}}))\b"
        ),
        // 7/20 november 1917; 25 october/7 november 1917: Old and New Style.
        format!(
            r"\b(?P<slash>(?P<oa>\d{{1,2}}) ?/ ?(?P<ob>\d{{1,2}}) (?P<om>{MONTH}),? (?P<oy>\d{{4}})|(?P<ox1>\d{{1,2}}) (?P<on1>{MONTH}) ?/ ?(?P<ox2>\d{{1,2}}) (?P<on2>{MONTH}),? (?P<oy2>\d{{4}}))\b"
        ),
        // 1921 march 18.
        format!(r"\b(?P<ywords>(?P<wy>\d{{4}}),? (?P<wm>{MONTH}) (?P<wd>{day}))\b"),
        // 1922-4-7, 1950/06/25, 1933.01.30; 1986-04-26t01:23:40+04:00 (the date).
        r"\b(?P<ymd>(?P<ya>\d{4})(?P<ys1>[-/.])(?P<yb>\d{1,2})(?P<ys2>[-/.])(?P<yc>\d{1,2}))(?:t\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?\b".to_string(),
        // 4/1921, 11/1918; 1931/05.
        r"\b(?P<mnum>(?P<mm>\d{1,2})/(?P<mmy>\d{4})|(?P<mny>\d{4})/(?P<mnm>\d{2}))\b".to_string(),
        // 22-jun-41; jun 22 '41; 22 june '41.
        format!(
            r"\b(?P<two>(?P<td>\d{{1,2}})-(?P<tm>{COMPACT_MONTH})-(?P<ty>\d{{2}})|(?P<tm2>{MONTH}|{COMPACT_MONTH}) (?P<td2>\d{{1,2}}),? '(?P<ty2>\d{{2}})|(?P<td3>\d{{1,2}}) (?P<tm3>{MONTH}),? '(?P<ty3>\d{{2}}))\b"
        ),
        // the nineteen thirties, the eighteen hundreds.
        format!(
            r"\bthe (?:(?:early|mid|late) )?(?P<wdec>(?P<wc>{}) (?P<wt>{}|hundreds))\b",
            CENTURIES.join("|"),
            TENS.join("|")
        ),
    ]
}

/// The mention for a match of one of [`patterns`]: `None` where the match is
/// none of them, `Some(None)` where it is one but names no date.
pub(super) fn atom(text: &str, c: &Groups<'_>) -> Option<Option<DateMention>> {
    if let Some(g) = c.name("mrange") {
        return Some(month_range(c, g));
    }
    if let Some(g) = c.name("slash") {
        return Some(both_styles(c, g));
    }
    if let Some(g) = c.name("ywords") {
        // "in 1921 may 18 ..." is more often the verb: the year alone.
        if c.name("wm")?.as_str() == "may" {
            let y = c.name("wy")?;
            let v = DateValue::new(num(c, "wy")?, None, None)?;
            return Some(plausible_year(v.year).then(|| DateMention::point(y.range(), v)));
        }
        let v = DateValue::new(num(c, "wy")?, month_of(c, "wm"), day(c, "wd"));
        return Some(v.map(|v| DateMention::point(g.range(), v)));
    }
    if let Some(g) = c.name("ymd") {
        return Some(year_first(text, c, g));
    }
    if let Some(g) = c.name("mnum") {
        return Some(month_year(text, c, g));
    }
    if let Some(g) = c.name("two") {
        return Some(two_digit_year(c, g));
    }
    if let Some(g) = c.name("wdec") {
        return Some(decade_in_words(c, g));
    }
    None
}

fn day(c: &Groups<'_>, name: &str) -> Option<u32> {
    c.name(name)?
        .as_str()
        .trim_end_matches(char::is_alphabetic)
        .parse()
        .ok()
}

/// `march 28 - april 4, 1921`: a range from one month's day to another's.
fn month_range(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let (y, a, b) = match num(c, "ry") {
        Some(y) => (
            y,
            (month_of(c, "ra1")?, day(c, "rd1")?),
            (month_of(c, "ra2")?, day(c, "rd2")?),
        ),
        None => (
            num(c, "ry2")?,
            (month_of(c, "rb1")?, day(c, "re1")?),
            (month_of(c, "rb2")?, day(c, "re2")?),
        ),
    };
    let first = DateValue::new(y, Some(a.0), Some(a.1))?;
    let last = DateValue::new(y, Some(b.0), Some(b.1))?;
    if last.interval().start <= first.interval().start {
        return None;
    }
    Some(DateMention {
        readings: vec![Interval {
            start: first.interval().start,
            end: last.interval().end,
        }],
        shape: Shape::Range,
        ..DateMention::point(g.range(), first)
    })
}

/// `7/20 november 1917`, `25 october/7 november 1917`: one day in the Julian and
/// the Gregorian calendar, ten to thirteen days apart; either reading agrees.
fn both_styles(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let (old, new) = match num(c, "oy") {
        Some(y) => {
            let m = month_of(c, "om")?;
            (
                DateValue::new(y, Some(m), Some(num(c, "oa")? as u32))?,
                DateValue::new(y, Some(m), Some(num(c, "ob")? as u32))?,
            )
        }
        None => {
            let y = num(c, "oy2")?;
            (
                DateValue::new(y, Some(month_of(c, "on1")?), Some(num(c, "ox1")? as u32))?,
                DateValue::new(y, Some(month_of(c, "on2")?), Some(num(c, "ox2")? as u32))?,
            )
        }
    };
    let apart = new.interval().start - old.interval().start;
    if !(10..=13).contains(&apart) {
        return None;
    }
    Some(DateMention {
        readings: vec![old.interval(), new.interval()],
        ..DateMention::point(g.range(), new)
    })
}

/// Whether a numeric form stands inside a longer number, a version or an
/// address (`1.2.1933.01.30`, `$4/1921`, `4/1921/7`).
fn inside_number(text: &str, g: &Group<'_>) -> bool {
    let before = text[..g.start()].chars().next_back();
    let after = &text[g.end()..];
    before.is_some_and(|b| b.is_ascii_digit() || matches!(b, '.' | ',' | '/' | '-' | '$' | '#'))
        || (after.len() > 1
            && matches!(after.as_bytes()[0], b'.' | b'/' | b',' | b'-')
            && after.as_bytes()[1].is_ascii_digit())
}

/// `1922-4-7`, `1950/06/25`, `1933.01.30`: year, month, day, one separator.
fn year_first(text: &str, c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    if inside_number(text, &g) || c.name("ys1")?.as_str() != c.name("ys2")?.as_str() {
        return None;
    }
    let y = num(c, "ya")?;
    if !plausible_year(y) {
        return None;
    }
    let v = DateValue::new(y, Some(num(c, "yb")? as u32), Some(num(c, "yc")? as u32))?;
    Some(DateMention::point(g.range(), v))
}

/// `4/1921`, `11/1918`, `1931/05`: a month of a year. A fraction or a score has
/// no four-digit part that is a year; `1905/06` (a season of two years) is no
/// month.
fn month_year(text: &str, c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    if inside_number(text, &g) || super::years::not_a_year_before(&text[..g.start()]) {
        return None;
    }
    let (y, m) = match num(c, "mmy") {
        Some(y) => (y, num(c, "mm")?),
        None => {
            let (y, m) = (num(c, "mny")?, num(c, "mnm")?);
            if m == (y + 1) % 100 {
                return None;
            }
            (y, m)
        }
    };
    if !plausible_year(y) {
        return None;
    }
    let v = DateValue::new(y, Some(m as u32), None)?;
    Some(DateMention::point(g.range(), v))
}

/// `22-jun-41`, `jun 22 '41`: a two-digit year, read in the twentieth century as
/// `in '29` is.
fn two_digit_year(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let (d, m, y) = [
        ("td", "tm", "ty"),
        ("td2", "tm2", "ty2"),
        ("td3", "tm3", "ty3"),
    ]
    .into_iter()
    .find_map(|(d, m, y)| Some((day(c, d)?, month_of(c, m)?, num(c, y)?)))?;
    let v = DateValue::new(1900 + y, Some(m), Some(d))?;
    Some(DateMention::point(g.range(), v))
}

/// `the nineteen thirties` (1930-1939), `the eighteen hundreds` (1800-1899).
fn decade_in_words(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let word = c.name("wc")?.as_str();
    let century = CENTURIES.iter().position(|w| *w == word)? as i32 + 11;
    let tens = c.name("wt")?.as_str();
    let start = century * 100;
    let (from, to) = match TENS.iter().position(|t| *t == tens) {
        Some(i) => (start + (i as i32 + 1) * 10, start + (i as i32 + 1) * 10 + 9),
        None => (start, start + 99),
    };
    Some(DateMention {
        readings: vec![Interval::years(from, to)],
        shape: Shape::Period,
        ..DateMention::point(g.range(), DateValue::new(from, None, None)?)
    })
}

#[cfg(test)]
mod tests;

//! Dates that need an anchor: relative phrases ("the following day", "three months
//! later", "the same day", "that night", "hours later") and days written without a
//! year ("On 20 August", "the 26th of july", "the night of 25 to 26 april").
//!
//! Both are resolved against an anchor, the nearest absolute date before them in
//! the same paragraph (the scanner finds it); runs on folded text.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{Captures, Regex};

use super::calendar::{
    DateValue, Day, Interval, Precision, Weekday, civil, day_number, days_in_month,
};
use super::date::{DAY_SEQUENCE, DateMention, MONTH, Shape, day_sequence, weekday_before};
use super::gated::Gated;

/// The unit a relative phrase counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Hours (and minutes, counted as whole hours): the days they may reach from
    /// an anchor whose hour is unknown.
    Hour,
    Day,
    /// A night, which runs from one day into the next (`that night`, `overnight`).
    Night,
    Week,
    Month,
    Year,
}

/// A date relative to the anchor: `n` units later (negative: earlier); 0 is "the same".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    pub span: Range<usize>,
    pub unit: Unit,
    /// The count; for [`Unit::Hour`] 1 where none is written (`hours later`, `a few
    /// hours later`: less than a day).
    pub n: i64,
    /// The count is approximate (`about 36 hours later`): hours resolve a day wider.
    pub approx: bool,
}

/// The days a yearless date names besides its first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoreDays {
    /// One day (`20 august`).
    None,
    /// Every day through this one (`25-26 april`, `25 to 26 april`).
    Through(u32),
    /// These days too (`2 and 7 may`).
    Also(Vec<u32>),
}

/// A day and month with no year ("20 august", "august 20"), or several days of
/// one month ("2 and 7 may", "25-26 april").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    /// The words, a weekday written before them included (`monday 14 december`).
    pub span: Range<usize>,
    pub month: u32,
    /// The first day written.
    pub day: u32,
    pub more: MoreDays,
    /// Written as a night (`the night of 25 april`): it runs into the next day.
    pub night: bool,
    /// The weekday written with a single day, and its span.
    pub weekday: Option<(Weekday, Range<usize>)>,
}

fn count_pattern(name: &str) -> String {
    format!(
        r"(?P<{name}>\d{{1,3}}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
    )
}

/// Every relative phrase names a unit of time (`overnight` a night).
static RELATIVE: Gated = Gated::new(
    &[
        "day",
        "morning",
        "afternoon",
        "evening",
        "night",
        "week",
        "month",
        "year",
        "hour",
        "minute",
    ],
    relative_regex,
);

fn relative_regex() -> Regex {
    let pre = r"(?:(?:early|late|later|earlier) )?";
    let part = "day|morning|afternoon|evening|night";
    Regex::new(&format!(
        r"\b(?:(?P<next>{pre}the (?:following|next) (?P<nu>{part}|week|month|year)|{pre}the (?P<au>{part}|week|month|year) after)|(?P<prev>{pre}the (?:previous|preceding) (?P<pu>{part}|week|month|year)|{pre}the (?P<bu>{part}|week|month|year) before)|(?P<same>{pre}(?:the same|that same|that) (?P<su>{part}|week|month|year))|(?P<count>{c} (?P<cu>days?|weeks?|months?|years?) (?P<dir>later|after|afterwards|earlier|before|previously))|(?P<hours>{hc} (?P<hu>hours?|minutes?) (?P<hdir>later|after|afterwards|earlier|before|previously)|(?P<hu2>hours|minutes) (?P<hdir2>later|afterwards|earlier))|(?P<over>overnight))\b",
        c = count_pattern("n"),
        hc = count_pattern("hn"),
    ))
    .expect("the relative-date regex is valid")
}

/// Words before a count that make it approximate.
static APPROX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|under|at least|up to|just over|just under) $")
        .expect("valid regex")
});

/// Every day and month names a month, whole or cut short.
static PARTIAL: Gated = Gated::new(
    &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ],
    || {
        let days = &*DAY_SEQUENCE;
        Regex::new(&format!(
            r"\b(?:the )?(?P<d1>{days})(?P<of> of)? (?P<m1>{MONTH})|\b(?P<m2>{MONTH}) (?:the )?(?P<d2>{days})"
        ))
        .expect("the partial-date regex is valid")
    },
);

fn unit(word: &str) -> Unit {
    match word.trim_end_matches('s') {
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "night" => Unit::Night,
        "hour" | "minute" => Unit::Hour,
        _ => Unit::Day,
    }
}

fn count(word: &str) -> Option<i64> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "a few" | "several" => return None,
        n => n.parse().ok()?,
    })
}

/// Every relative phrase in the folded `text`.
pub fn extract_relative(text: &str) -> Vec<Relative> {
    let Some(re) = RELATIVE.for_text(text) else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| relative(text, &c))
        .collect()
}

fn relative(text: &str, c: &Captures<'_>) -> Option<Relative> {
    let span = c.get(0).expect("group 0").range();
    let (u, n) = if let Some(u) = c.name("nu").or(c.name("au")) {
        (unit(u.as_str()), 1)
    } else if let Some(u) = c.name("pu").or(c.name("bu")) {
        (unit(u.as_str()), -1)
    } else if let Some(u) = c.name("su") {
        (unit(u.as_str()), 0)
    } else if c.name("over").is_some() {
        (Unit::Night, 0)
    } else if let Some(h) = c.name("hu").or(c.name("hu2")) {
        // Minutes count as the whole hours they may run into; "hours later" and
        // "a few hours later", as less than a day.
        let written = c.name("hn").and_then(|n| count(n.as_str()));
        let hours = match (written, h.as_str().starts_with("minute")) {
            (Some(m), true) => (m + 59) / 60,
            (Some(h), false) => h,
            (None, _) => 1,
        }
        .max(1);
        let dir = c.name("hdir").or(c.name("hdir2"))?.as_str();
        let later = matches!(dir, "later" | "after" | "afterwards");
        (Unit::Hour, if later { hours } else { -hours })
    } else {
        let n = count(c.name("n")?.as_str())?;
        let later = matches!(c.name("dir")?.as_str(), "later" | "after" | "afterwards");
        (unit(c.name("cu")?.as_str()), if later { n } else { -n })
    };
    let mut from = span.start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let approx = APPROX_BEFORE.is_match(&text[from..span.start]);
    Some(Relative {
        span,
        unit: u,
        n,
        approx,
    })
}

/// Every day-and-month without a year in the folded `text`, outside `full` dates.
pub fn extract_partial(text: &str, full: &[DateMention]) -> Vec<Partial> {
    let Some(re) = PARTIAL.for_text(text) else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| {
            let mut span = c.get(0).expect("group 0").range();
            if full
                .iter()
                .any(|d| d.span.start < span.end && span.start < d.span.end)
            {
                return None;
            }
            let (d, m) = match (c.name("d1"), c.name("m1")) {
                (Some(d), Some(m)) => (d, m),
                _ => (c.name("d2")?, c.name("m2")?),
            };
            let month = super::date::month_number(m.as_str())?;
            let seq = day_sequence(d.as_str())?;
            // "the first of may" is a date; "first may" and "may first" are words.
            if seq.words && c.name("of").is_none() {
                return None;
            }
            let more = match (seq.range, &seq.days[1..]) {
                (_, []) => MoreDays::None,
                (true, [last]) => MoreDays::Through(*last),
                (_, rest) => MoreDays::Also(rest.to_vec()),
            };
            let night = text[..span.start].ends_with("night of ");
            let weekday = (more == MoreDays::None)
                .then(|| weekday_before(text, span.start))
                .flatten()
                .filter(|&(_, _, open)| !open)
                .map(|(wd, w, _)| (wd, w));
            if let Some((_, w)) = &weekday {
                span.start = w.start;
            }
            Some(Partial {
                span,
                month,
                day: seq.days[0],
                more,
                night,
                weekday,
            })
        })
        .collect()
}

fn add_months(year: i32, month: u32, n: i64) -> (i32, u32) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

/// The first and last day, counted from the anchor's, that a time `hours` later
/// (earlier where negative) may fall on when the hour of the anchor is unknown;
/// an approximate count is taken a quarter wider.
fn hour_days(hours: i64, approx: bool) -> (i64, i64) {
    let h = hours.abs();
    let (least, most) = if approx {
        (h * 3 / 4, h * 5 / 4 + 1)
    } else {
        (h, h)
    };
    // From any hour of the anchor day (0-23), `least` to `most` hours on.
    let (lo, hi) = (least.div_euclid(24), (most + 23).div_euclid(24));
    if hours >= 0 { (lo, hi) } else { (-hi, -lo) }
}

/// The mention of the days `first..=last` (day numbers): a point where they are one.
fn days_mention(span: Range<usize>, first: Day, last: Day) -> Option<DateMention> {
    let (y, m, d) = civil(first);
    let v = DateValue::new(y, Some(m), Some(d))?;
    if first == last {
        return Some(mention(span, v));
    }
    Some(DateMention {
        readings: vec![Interval {
            start: first,
            end: last,
        }],
        shape: Shape::Period,
        ..mention(span, v)
    })
}

/// The date `rel` names, counted from `anchor`; `None` where the anchor is too
/// coarse for the unit (a day after "1940").
pub fn resolve_relative(rel: &Relative, anchor: &DateMention) -> Option<DateMention> {
    if anchor.shape == Shape::Open || anchor.shape == Shape::Range {
        return None;
    }
    let a = anchor.value;
    let need = match rel.unit {
        Unit::Hour | Unit::Day | Unit::Night | Unit::Week => Precision::Day,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    };
    if a.precision() < need && rel.n != 0 {
        return None;
    }
    let value = match rel.unit {
        Unit::Hour | Unit::Day | Unit::Night | Unit::Week => {
            let (Some(m), Some(d)) = (a.month, a.day) else {
                // "the same day" after a month or a year: as precise as the anchor.
                return Some(mention(rel.span.clone(), a));
            };
            let day = day_number(a.year, m, d);
            match rel.unit {
                Unit::Hour => {
                    let (lo, hi) = hour_days(rel.n, rel.approx);
                    return days_mention(rel.span.clone(), day + lo, day + hi);
                }
                Unit::Night => {
                    return days_mention(rel.span.clone(), day + rel.n, day + rel.n + 1);
                }
                _ => {}
            }
            let days = if rel.unit == Unit::Week {
                7 * rel.n
            } else {
                rel.n
            };
            let (y, m, d) = civil(day + days);
            let v = DateValue::new(y, Some(m), Some(d))?;
            if rel.unit == Unit::Week && rel.n != 0 {
                // "a week later" is that week, give or take a day.
                let n = v.interval();
                return Some(DateMention {
                    readings: vec![Interval {
                        start: n.start - 1,
                        end: n.end + 1,
                    }],
                    shape: Shape::Period,
                    ..mention(rel.span.clone(), v)
                });
            }
            v
        }
        Unit::Month => {
            let (y, m) = add_months(a.year, a.month?, rel.n);
            DateValue::new(y, Some(m), None)?
        }
        Unit::Year => DateValue::new(a.year + rel.n as i32, None, None)?,
    };
    Some(mention(rel.span.clone(), value))
}

/// The date a day-and-month names in the anchor's year: a range for `25-26 april`,
/// a list for `2 and 7 may`, the next day too for a night.
pub fn resolve_partial(p: &Partial, anchor: &DateMention) -> Option<DateMention> {
    if anchor.shape == Shape::Open {
        return None;
    }
    let year = anchor.value.year;
    if p.day > days_in_month(year, p.month) {
        return None;
    }
    let first = DateValue::new(year, Some(p.month), Some(p.day))?;
    let day = |d: u32| DateValue::new(year, Some(p.month), Some(d)).map(|v| v.interval());
    let mut m = mention(p.span.clone(), first);
    m.weekday = p.weekday.clone();
    match &p.more {
        MoreDays::None => {}
        MoreDays::Through(last) => {
            m.readings = vec![Interval {
                start: first.interval().start,
                end: day(*last)?.end,
            }];
            m.shape = Shape::Range;
        }
        MoreDays::Also(days) => {
            for &d in days {
                m.readings.push(day(d)?);
            }
            m.shape = Shape::List;
        }
    }
    if p.night {
        let last = m.readings.len() - 1;
        let end = m.readings[last].end.max(first.interval().start + 1);
        m.readings[last].end = end;
        if m.shape == Shape::Point {
            m.shape = Shape::Period;
        }
    }
    Some(m)
}

fn mention(span: Range<usize>, value: DateValue) -> DateMention {
    DateMention::point(span, value)
}

#[cfg(test)]
mod tests;

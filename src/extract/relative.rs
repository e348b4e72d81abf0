//! Dates that need an anchor: relative phrases ("the following day", "three months
//! later", "the same day") and days written without a year ("On 20 August").
//!
//! Both are resolved against an anchor, the nearest absolute date before them in
//! the same paragraph (the scanner finds it); runs on folded text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{DateValue, Interval, Precision, civil, day_number, days_in_month};
use super::date::{DateMention, Shape};

/// The unit a relative phrase counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A date relative to the anchor: `n` units later (negative: earlier); 0 is "the same".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    pub span: Range<usize>,
    pub unit: Unit,
    pub n: i64,
}

/// A day and month with no year ("20 august", "august 20").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    pub span: Range<usize>,
    pub month: u32,
    pub day: u32,
}

const COUNT: &str = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)";

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?P<next>the (?:following|next) (?P<nu>day|morning|evening|night|week|month|year)|the (?P<au>day|week|month|year) after)|(?P<prev>the (?:previous|preceding) (?P<pu>day|week|month|year)|the (?P<bu>day|week|month|year) before)|(?P<same>(?:the same|that same|that) (?P<su>day|morning|evening|night|week|month|year))|(?P<count>{COUNT} (?P<cu>days?|weeks?|months?|years?) (?P<dir>later|after|afterwards|earlier|before|previously)))\b"
    ))
    .expect("the relative-date regex is valid")
});

static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    let m = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept\.?|sep\.|oct\.?|nov\.?|dec\.?)";
    Regex::new(&format!(
        r"\b(?:(?:the )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m1>{m})|(?P<m2>{m}) (?:the )?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b"
    ))
    .expect("the partial-date regex is valid")
});

fn unit(word: &str) -> Unit {
    match word.trim_end_matches('s') {
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
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
    RELATIVE
        .captures_iter(text)
        .filter_map(|c| {
            let span = c.get(0).expect("group 0").range();
            let (u, n) = if let Some(u) = c.name("nu").or(c.name("au")) {
                (unit(u.as_str()), 1)
            } else if let Some(u) = c.name("pu").or(c.name("bu")) {
                (unit(u.as_str()), -1)
            } else if let Some(u) = c.name("su") {
                (unit(u.as_str()), 0)
            } else {
                let n = count(c.name("n")?.as_str())?;
                let later = matches!(c.name("dir")?.as_str(), "later" | "after" | "afterwards");
                (unit(c.name("cu")?.as_str()), if later { n } else { -n })
            };
            Some(Relative { span, unit: u, n })
        })
        .collect()
}

/// Every day-and-month without a year in the folded `text`, outside `full` dates.
pub fn extract_partial(text: &str, full: &[DateMention]) -> Vec<Partial> {
    PARTIAL
        .captures_iter(text)
        .filter_map(|c| {
            let span = c.get(0).expect("group 0").range();
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
            let day: u32 = d.as_str().parse().ok()?;
            (1..=31)
                .contains(&day)
                .then_some(Partial { span, month, day })
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

/// The date `rel` names, counted from `anchor`; `None` where the anchor is too
/// coarse for the unit (a day after "1940").
pub fn resolve_relative(rel: &Relative, anchor: &DateMention) -> Option<DateMention> {
    if anchor.shape == Shape::Open || anchor.shape == Shape::Range {
        return None;
    }
    let a = anchor.value;
    let need = match rel.unit {
        Unit::Day | Unit::Week => Precision::Day,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    };
    if a.precision() < need && rel.n != 0 {
        return None;
    }
    let value = match rel.unit {
        Unit::Day | Unit::Week => {
            let days = if rel.unit == Unit::Week {
                7 * rel.n
            } else {
                rel.n
            };
            let (Some(m), Some(d)) = (a.month, a.day) else {
                // "the same day" after a month or a year: as precise as the anchor.
                return Some(mention(rel.span.clone(), a));
            };
            let (y, m, d) = civil(day_number(a.year, m, d) + days);
            let v = DateValue::new(y, Some(m), Some(d))?;
            if rel.unit == Unit::Week && rel.n != 0 {
                // "a week later" is that week, give or take a day.
                let n = v.interval();
                return Some(DateMention {
                    span: rel.span.clone(),
                    value: v,
                    readings: vec![Interval {
                        start: n.start - 1,
                        end: n.end + 1,
                    }],
                    shape: Shape::Period,
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

/// The date a day-and-month names in the anchor's year.
pub fn resolve_partial(p: &Partial, anchor: &DateMention) -> Option<DateMention> {
    if anchor.shape == Shape::Open {
        return None;
    }
    let year = anchor.value.year;
    if p.day > days_in_month(year, p.month) {
        return None;
    }
    Some(mention(
        p.span.clone(),
        DateValue::new(year, Some(p.month), Some(p.day))?,
    ))
}

fn mention(span: Range<usize>, value: DateValue) -> DateMention {
    DateMention::point(span, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::extract_dates;

    fn anchor(s: &str) -> DateMention {
        extract_dates(s).remove(0)
    }

    fn resolve(phrase: &str, from: &str) -> String {
        let rel = extract_relative(phrase);
        assert_eq!(rel.len(), 1, "{phrase}");
        resolve_relative(&rel[0], &anchor(from)).map_or("none".into(), |m| m.value.to_string())
    }

    #[test]
    fn relative_phrases_resolve_against_the_anchor() {
        assert_eq!(
            resolve("he died the following day", "20 august 1940"),
            "21 August 1940"
        );
        assert_eq!(
            resolve("he died the next day", "31 december 1940"),
            "1 January 1941"
        );
        assert_eq!(
            resolve("he died the same day", "20 august 1940"),
            "20 August 1940"
        );
        assert_eq!(resolve("three months later", "may 1940"), "August 1940");
        assert_eq!(resolve("a year earlier", "1940"), "1939");
        assert_eq!(
            resolve("the next month", "20 december 1940"),
            "January 1941"
        );
        assert_eq!(resolve("2 days later", "20 august 1940"), "22 August 1940");
        assert_eq!(
            resolve("the day before", "1 march 1940"),
            "29 February 1940"
        );
        // A day after a year is unknown.
        assert_eq!(resolve("the following day", "1940"), "none");
    }

    #[test]
    fn days_without_a_year_take_the_anchor_year() {
        let text = "on 20 august, he was attacked; on august 21st he died; in may 1940 it began";
        let full = extract_dates(text);
        let p = extract_partial(text, &full);
        assert_eq!(p.len(), 2);
        let a = anchor("may 1940");
        assert_eq!(
            resolve_partial(&p[0], &a).unwrap().value.to_string(),
            "20 August 1940"
        );
        assert_eq!(
            resolve_partial(&p[1], &a).unwrap().value.to_string(),
            "21 August 1940"
        );
    }
}

//! Absolute dates in English prose, with their precision.
//!
//! Runs on folded text (see [`super::normalize`]): lowercase, one space between
//! words, `-` for every dash. Extraction has two passes:
//!
//! 1. atoms: one regex finds the complete date forms (`7 november 1879`,
//!    `november 7, 1879`, `nov. 7, 1879`, `the 20th of august, 1940`, ISO, numeric,
//!    `january 1928`, `1929`, `the 1920s`, `1936-38`, `44 bc`, `the 19th century`,
//!    `christmas day 1914`, dual Old/New Style dates);
//! 2. composition: the words around an atom make it a range (`1936 to 1938`,
//!    `between 1936 and 1938`, `(1906 - 16 february 1938)`), a qualified period
//!    (`early 1897`, `the summer of 1902`, `c. 1900`) or an open interval
//!    (`after 1929`).
//!
//! Every date becomes one or more readings, each an [`Interval`] of days: an
//! ambiguous `08/07/1940` has two, and agrees with either.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::calendar::{
    DateValue, Interval, MAX_DAY, MIN_DAY, Precision, day_number, days_in_month,
};

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
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the text searched.
    pub span: Range<usize>,
    /// The date as written (the first reading where there are several).
    pub value: DateValue,
    /// Every day range the words may stand for; the mention agrees with a claim when
    /// one of them overlaps a claimed interval.
    pub readings: Vec<Interval>,
    pub shape: Shape,
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
        }
    }
}

const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept\.?|sep\.|oct\.?|nov\.?|dec\.?)";
const ORDINAL_WORDS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty first",
    "twenty second",
    "twenty third",
    "twenty fourth",
    "twenty fifth",
    "twenty sixth",
    "twenty seventh",
    "twenty eighth",
    "twenty ninth",
    "thirtieth",
    "thirty first",
];
const STYLE: &str = r"(?:o\. ?s\.|n\. ?s\.|os|ns|old style|new style)";

static ATOMS: LazyLock<Regex> = LazyLock::new(|| {
    let ord = ORDINAL_WORDS
        .iter()
        .rev()
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    let day = |n: &str| format!(r"(?:(?P<{n}>\d{{1,2}})(?:st|nd|rd|th)?|(?P<{n}w>{ord}))");
    let year = |n: &str| format!(r"(?P<{n}>\d{{4}})");
    let m = |n: &str| format!("(?P<{n}>{MONTH})");
    let pattern = [
        // Dual dates: 7 november [o.s. 26 october] 1879; 26 october (7 november n.s.) 1879.
        format!(
            r"\b(?P<dual>{d1} (?:of )?{m1} ?[\[(] ?(?:{STYLE}:? )?{d2} (?:of )?{m2}(?: {STYLE})? ?[\])],? {y1})\b",
            d1 = day("dd1"),
            m1 = m("dm1"),
            d2 = day("dd2"),
            m2 = m("dm2"),
            y1 = year("dy"),
        ),
        // Day range: 20-21 august 1940.
        format!(
            r"\b(?:the )?(?P<drange>{d1} ?(?:-|to|and) ?{d2} (?:of )?{m1},? {y1})\b",
            d1 = day("rd1"),
            d2 = day("rd2"),
            m1 = m("rm"),
            y1 = year("ry"),
        ),
        // 7 november 1879, the 20th of august, 1940, 7th nov. 1879.
        format!(
            r"\b(?:the )?(?P<dmy>{d},?(?: of)? {m},? {y})\b",
            d = day("d1"),
            m = m("m1"),
            y = year("y1"),
        ),
        // november 7, 1879; nov. 7, 1879; august 21st, 1940; august, 20, 1936.
        format!(
            r"\b(?P<mdy>{m},? (?:the )?{d},? {y})\b",
            m = m("m2"),
            d = day("d2"),
            y = year("y2"),
        ),
        // ISO 1940-08-20.
        r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b".to_string(),
        // Numeric 20/08/1940 or 08/20/1940.
        r"\b(?P<num>(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4}))\b".to_string(),
        // january 1928, jan. 1928.
        format!(r"\b(?P<my>{m},? {y})\b", m = m("m3"), y = year("y3")),
        // Named days: christmas day 1914.
        r"\b(?P<named>(?P<nname>christmas day|christmas eve|christmas|new year's day|new year's eve|boxing day|may day|bastille day|armistice day),? (?:of )?(?P<nyear>\d{4}))\b".to_string(),
        // 1936-38 (a year range written short).
        r"\b(?P<short>(?P<sy>\d{4}) ?- ?(?P<sz>\d{2}))\b".to_string(),
        // Decades: the 1920s, 1930s, mid-1930s.
        r"\b(?P<decade>(?P<dec>\d{3}0)'?s)\b".to_string(),
        // Centuries: the 19th century.
        r"\b(?P<century>(?P<cn>\d{1,2})(?:st|nd|rd|th) century(?: (?P<cbc>bc|bce))?)\b".to_string(),
        // Years with an era: 44 bc, ad 1066, 1066 ad.
        r"\b(?P<era>(?:(?P<ey>\d{1,4}) ?(?P<ee>bc|bce|b\.c\.|ad|ce|a\.d\.)|(?:ad|a\.d\.) (?P<ey2>\d{1,4})))(?:\b|$|\W)".to_string(),
        // Two-digit years: in '29.
        r"(?P<apos>\b(?:in|of|since|until|by) '(?P<ay>\d{2}))\b".to_string(),
        // A bare year.
        r"\b(?P<year>(?P<yy>\d{4}))\b".to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("the date regex is valid")
});

/// A month name next: the digits before it are a day.
static MONTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^ (?:of )?{MONTH}")).expect("valid regex"));

/// Words after a number that make it a street number, a count or a quantity.
static NOT_A_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,\d|\.\d|%| (?:[a-z]+ ){0,2}(?:avenue|ave\.?|street|st\.|road|rd\.?|boulevard|blvd|lane|drive)\b| ?(?:years?|yrs?|avenue|ave\.?|street|st\.|road|rd\.?|boulevard|blvd|lane|drive|way|copies|people|persons|men|women|soldiers|troops|km|kilometres|kilometers|miles|metres|meters|feet|ft|pages|dollars|pounds|rubles|roubles|votes|members|delegates|deaths|casualties)\b)",
    )
    .expect("valid regex")
});

/// Words before a number that make it a page, issue, price or reference.
static NOT_A_YEAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[$£€¥#№/]|\d[.:]|(?:^|\D)\d{1,3}-|\b(?:no\.|nos\.|p\.|pp\.|page|pages|issue|vol\.|volume|number|chapter|section|room|flight|route|tel\.?|isbn|op\.) ?)$",
    )
    .expect("valid regex")
});

/// The month (1-12) a folded month name or abbreviation names.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let m = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn day_of(c: &Captures<'_>, name: &str) -> Option<u32> {
    if let Some(d) = c.name(name) {
        return d.as_str().parse().ok();
    }
    let w = c.name(&format!("{name}w"))?.as_str();
    ORDINAL_WORDS
        .iter()
        .position(|o| *o == w)
        .map(|i| i as u32 + 1)
}

fn num(c: &Captures<'_>, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

fn month_of(c: &Captures<'_>, name: &str) -> Option<u32> {
    month_number(c.name(name)?.as_str())
}

/// A plausible calendar year for a bare four-digit number.
fn plausible_year(y: i32) -> bool {
    (1000..=2100).contains(&y)
}

/// Builds the mention for one regex match, or `None` where the words are not a date
/// (an impossible day, a street number, a price).
fn atom(text: &str, c: &Captures<'_>) -> Option<DateMention> {
    if let Some(g) = c.name("dual") {
        let y = num(c, "dy")?;
        let a = DateValue::new(y, Some(month_of(c, "dm1")?), Some(day_of(c, "dd1")?))?;
        let b = DateValue::new(y, Some(month_of(c, "dm2")?), Some(day_of(c, "dd2")?))?;
        return Some(DateMention {
            span: g.range(),
            value: a,
            readings: vec![a.interval(), b.interval()],
            shape: Shape::Point,
        });
    }
    if let Some(g) = c.name("drange") {
        let y = num(c, "ry")?;
        let m = month_of(c, "rm")?;
        let a = DateValue::new(y, Some(m), Some(day_of(c, "rd1")?))?;
        let b = DateValue::new(y, Some(m), Some(day_of(c, "rd2")?))?;
        if b.interval().start < a.interval().start {
            return None;
        }
        return Some(DateMention {
            span: g.range(),
            value: a,
            readings: vec![Interval {
                start: a.interval().start,
                end: b.interval().end,
            }],
            shape: Shape::Range,
        });
    }
    for (g, d, m, y) in [("dmy", "d1", "m1", "y1"), ("mdy", "d2", "m2", "y2")] {
        if let Some(g) = c.name(g) {
            let v = DateValue::new(num(c, y)?, Some(month_of(c, m)?), Some(day_of(c, d)?))?;
            return Some(DateMention::point(g.range(), v));
        }
    }
    if let Some(g) = c.name("iso") {
        let v = DateValue::new(
            num(c, "iy")?,
            Some(num(c, "im")? as u32),
            Some(num(c, "id")? as u32),
        )?;
        return Some(DateMention::point(g.range(), v));
    }
    if let Some(g) = c.name("num") {
        let (a, b, y) = (num(c, "na")? as u32, num(c, "nb")? as u32, num(c, "ny")?);
        let dm = DateValue::new(y, Some(b), Some(a));
        let md = DateValue::new(y, Some(a), Some(b));
        return match (dm, md) {
            (Some(x), Some(y)) if x != y => Some(DateMention {
                span: g.range(),
                value: x,
                readings: vec![x.interval(), y.interval()],
                shape: Shape::Point,
            }),
            (Some(x), _) | (None, Some(x)) => Some(DateMention::point(g.range(), x)),
            (None, None) => None,
        };
    }
    if let Some(g) = c.name("my") {
        let v = DateValue::new(num(c, "y3")?, Some(month_of(c, "m3")?), None)?;
        return Some(DateMention::point(g.range(), v));
    }
    if let Some(g) = c.name("named") {
        let y = num(c, "nyear")?;
        let (m, d) = match c.name("nname")?.as_str() {
            "christmas day" | "christmas" => (12, 25),
            "christmas eve" => (12, 24),
            "boxing day" => (12, 26),
            "new year's day" => (1, 1),
            "new year's eve" => (12, 31),
            "may day" => (5, 1),
            "bastille day" => (7, 14),
            _ => (11, 11), // armistice day
        };
        return Some(DateMention::point(
            g.range(),
            DateValue::new(y, Some(m), Some(d))?,
        ));
    }
    if let Some(g) = c.name("short") {
        let y = num(c, "sy")?;
        let z = num(c, "sz")?;
        let end = y - y % 100 + z;
        if !plausible_year(y) || end <= y || NOT_A_YEAR_BEFORE.is_match(&text[..g.start()]) {
            return None;
        }
        return Some(DateMention {
            span: g.range(),
            value: DateValue::new(y, None, None)?,
            readings: vec![Interval::years(y, end)],
            shape: Shape::Range,
        });
    }
    if let Some(g) = c.name("decade") {
        let y = num(c, "dec")?;
        if !plausible_year(y) {
            return None;
        }
        return Some(DateMention {
            span: g.range(),
            value: DateValue::new(y, None, None)?,
            readings: vec![Interval::years(y, y + 9)],
            shape: Shape::Period,
        });
    }
    if let Some(g) = c.name("century") {
        let n = num(c, "cn")?;
        if n == 0 {
            return None;
        }
        let (from, to) = if c.name("cbc").is_some() {
            (1 - n * 100, 1 - (n - 1) * 100 - 1)
        } else {
            ((n - 1) * 100, n * 100)
        };
        return Some(DateMention {
            span: g.range(),
            value: DateValue::new(from, None, None)?,
            readings: vec![Interval::years(from, to)],
            shape: Shape::Period,
        });
    }
    if let Some(g) = c.name("era") {
        let (n, bc) = match c.name("ey") {
            Some(y) => (
                y.as_str().parse::<i32>().ok()?,
                c.name("ee")?.as_str().starts_with('b'),
            ),
            None => (num(c, "ey2")?, false),
        };
        if n == 0 {
            return None;
        }
        let y = if bc { 1 - n } else { n };
        return Some(DateMention::point(
            g.range(),
            DateValue::new(y, None, None)?,
        ));
    }
    if let Some(g) = c.name("apos") {
        // A two-digit year belongs to the twentieth century unless it reads as this
        // century's; documents about history use it far more often that way.
        let y = 1900 + num(c, "ay")?;
        let span = c.name("ay")?.start() - 1..g.end();
        return Some(DateMention::point(span, DateValue::new(y, None, None)?));
    }
    if let Some(g) = c.name("year") {
        let y = num(c, "yy")?;
        if !plausible_year(y)
            || NOT_A_YEAR_BEFORE.is_match(&text[..g.start()])
            || NOT_A_YEAR_AFTER.is_match(&text[g.end()..])
        {
            return None;
        }
        return Some(DateMention::point(
            g.range(),
            DateValue::new(y, None, None)?,
        ));
    }
    debug_assert!(false, "unhandled date alternative");
    None
}

/// Words that join two dates into a range.
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?:-|to|until|till|through|and|or) ?$").expect("valid regex"));
/// Words before a date that qualify it.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?P<part>early|mid|late|the (?:spring|summer|autumn|fall|winter) of|(?:spring|summer|autumn|fall|winter)(?: of)?|the end of|the beginning of|the start of|the middle of)(?: the)?|(?P<approx>\bc\.|\bca\.|\bcirca|\baround|\babout|\bapproximately|\broughly)|(?P<open>\bafter|\bbefore|\buntil|\btill|\bsince|\bby|\bprior to)) ?-?$",
    )
    .expect("valid regex")
});

/// Finds every date in the folded `text`, sorted by position.
pub fn extract_dates(text: &str) -> Vec<DateMention> {
    let mut atoms: Vec<DateMention> = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(c) = ATOMS.captures_at(text, pos) else {
            break;
        };
        let whole = c.get(0).expect("group 0 exists").range();
        // "1906 - 16 february 1938" is a year and a day, not the range 1906-16.
        if let (Some(sy), Some(g)) = (c.name("sy"), c.name("short"))
            && MONTH_AFTER.is_match(&text[g.end()..])
        {
            if let Some(y) = sy.as_str().parse().ok().filter(|y| plausible_year(*y)) {
                atoms.push(DateMention::point(
                    sy.range(),
                    DateValue::new(y, None, None).expect("a year is valid"),
                ));
            }
            pos = sy.end();
            continue;
        }
        atoms.extend(atom(text, &c));
        pos = whole.end.max(whole.start + 1);
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    compose_ranges(text, &mut atoms);
    for m in &mut atoms {
        qualify(text, m);
    }
    atoms
}

/// Merges `A - B`, `from A to B`, `between A and B` into one range mention.
fn compose_ranges(text: &str, atoms: &mut Vec<DateMention>) {
    let mut out: Vec<DateMention> = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some(b) = atoms.get(i + 1) {
            let gap = &text[a.span.end..b.span.start];
            let before = &text[..a.span.start];
            let joined = RANGE_JOIN.captures(gap).is_some_and(|_| {
                let word = gap.trim();
                match word {
                    "and" => before.ends_with("between "),
                    "or" => false,
                    _ => true,
                }
            });
            let (ra, rb) = (a.readings[0], b.readings[b.readings.len() - 1]);
            if joined && a.shape != Shape::Open && ra.start <= rb.end {
                out.push(DateMention {
                    span: a.span.start..b.span.end,
                    value: a.value,
                    readings: vec![Interval {
                        start: ra.start,
                        end: rb.end,
                    }],
                    shape: Shape::Range,
                });
                i += 2;
                continue;
            }
        }
        out.push(atoms[i].clone());
        i += 1;
    }
    *atoms = out;
}

/// Applies a qualifier written just before the mention (`early`, `c.`, `after`).
fn qualify(text: &str, m: &mut DateMention) {
    if m.shape == Shape::Range {
        return;
    }
    let window_start = m.span.start.saturating_sub(24);
    let mut ws = window_start;
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let before = &text[ws..m.span.start];
    let Some(c) = QUALIFIER.captures(before) else {
        return;
    };
    let r = m.readings[0];
    if let Some(p) = c.name("part") {
        let word = p.as_str();
        let Some(new) = part_of(word, m, r) else {
            return;
        };
        m.readings = vec![new];
        m.shape = Shape::Period;
    } else if let Some(a) = c.name("approx") {
        let years = if matches!(a.as_str(), "c." | "ca." | "circa") {
            2
        } else {
            1
        };
        let span = (i64::from(years)) * 366;
        m.readings = m
            .readings
            .iter()
            .map(|r| Interval {
                start: r.start - span,
                end: r.end + span,
            })
            .collect();
        m.shape = Shape::Period;
    } else if let Some(o) = c.name("open") {
        let r = match o.as_str() {
            "after" => Interval {
                start: r.end + 1,
                end: MAX_DAY,
            },
            "since" => Interval {
                start: r.start,
                end: MAX_DAY,
            },
            "before" | "prior to" => Interval {
                start: MIN_DAY,
                end: r.start - 1,
            },
            // until, till, by
            _ => Interval {
                start: MIN_DAY,
                end: r.end,
            },
        };
        m.readings = vec![r];
        m.shape = Shape::Open;
    }
}

/// The part of the mention's interval that `word` names (early 1897 → January-May).
fn part_of(word: &str, m: &DateMention, r: Interval) -> Option<Interval> {
    let season = ["spring", "summer", "autumn", "fall", "winter"]
        .into_iter()
        .find(|s| word.contains(s));
    if let Some(s) = season {
        if m.value.month.is_some() || m.shape != Shape::Point {
            return None;
        }
        let y = m.value.year;
        return Some(match s {
            "spring" => Interval::months((y, 3), (y, 5)),
            "summer" => Interval::months((y, 6), (y, 8)),
            "autumn" | "fall" => Interval::months((y, 9), (y, 11)),
            // The winter of 1902 may be its first months or its last: both.
            _ => Interval::months((y, 1), (y + 1, 2)),
        });
    }
    if m.value.day.is_some() {
        return None;
    }
    let which = if word.starts_with("early") || word.contains("beginning") || word.contains("start")
    {
        0
    } else if word.starts_with("mid") || word.contains("middle") {
        1
    } else {
        2
    };
    let (y, _, _) = super::calendar::civil(r.start);
    Some(match (m.shape, m.value.month) {
        // The parts overlap: "late 1940" may well be August, and a linter must not
        // call a vague word wrong.
        // A decade: early = its first five years, mid = the middle five, late = the last four.
        (Shape::Period, None) => {
            let (from, to) = [(0, 4), (3, 7), (6, 9)][which];
            Interval::years(y + from, y + to)
        }
        // A year: January-May, April-September, August-December.
        (_, None) => {
            let (from, to) = [(1, 5), (4, 9), (8, 12)][which];
            Interval::months((y, from), (y, to))
        }
        // A month: days 1-11, 10-21, 20 to its end.
        (_, Some(month)) => {
            let (from, to) = [(1, 11), (10, 21), (20, days_in_month(y, month))][which];
            Interval {
                start: day_number(y, month, from),
                end: day_number(y, month, to),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The interval of one day.
    fn day(year: i32, month: u32, d: u32) -> Interval {
        let n = day_number(year, month, d);
        Interval { start: n, end: n }
    }
    use crate::extract::calendar::Interval;
    use crate::extract::normalize::fold;

    fn one(text: &str) -> DateMention {
        let folded = fold(text).text;
        let mut all = extract_dates(&folded);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        all.remove(0)
    }

    fn found(text: &str) -> String {
        let folded = fold(text);
        let m = one(text);
        text[folded.orig_range(m.span.clone())].to_string()
    }

    #[test]
    fn day_precision_forms() {
        let want = DateValue::new(1879, Some(11), Some(7)).unwrap();
        for s in [
            "born on 7 November 1879 in",
            "born on November 7, 1879 in",
            "born on Nov. 7, 1879 in",
            "born on the 7th of November 1879 in",
            "born on the seventh of November, 1879 in",
            "born on 1879-11-07 in",
            "born on 07/11/1879 in",
            "born on 7 Novem-\nber 1879",
            "born on 7\n November   1879",
            "born on Friday, 7 November 1879, at dawn",
        ] {
            let m = one(s);
            assert_eq!(m.value, want, "{s}");
            assert!(m.readings.contains(&want.interval()), "{s}");
        }
        assert_eq!(found("died on August 21st, 1940."), "August 21st, 1940");
        assert_eq!(
            found("on the 20th of August, 1940 he"),
            "20th of August, 1940"
        );
    }

    #[test]
    fn month_and_year_precision_forms() {
        assert_eq!(one("in January 1928").value.to_string(), "January 1928");
        assert_eq!(one("in Jan. 1928").value.to_string(), "January 1928");
        assert_eq!(one("in 1929").value.to_string(), "1929");
        assert_eq!(one("exiled 1929.").value.precision(), Precision::Year);
    }

    #[test]
    fn ambiguous_numeric_dates_have_both_readings() {
        let m = one("on 08/07/1940");
        assert_eq!(m.readings, vec![day(1940, 7, 8), day(1940, 8, 7)]);
        let m = one("on 20/08/1940");
        assert_eq!(m.readings, vec![day(1940, 8, 20)]);
        let m = one("on 08/20/1940");
        assert_eq!(m.readings, vec![day(1940, 8, 20)]);
    }

    #[test]
    fn qualified_years_are_periods() {
        assert_eq!(
            one("in early 1897").readings,
            vec![Interval::months((1897, 1), (1897, 5))]
        );
        assert_eq!(
            one("in late 1902").readings,
            vec![Interval::months((1902, 8), (1902, 12))]
        );
        assert_eq!(
            one("the mid-1930s").readings,
            vec![Interval::years(1933, 1937)]
        );
        assert_eq!(
            one("the summer of 1902").readings,
            vec![Interval::months((1902, 6), (1902, 8))]
        );
        assert_eq!(one("the 1920s").readings, vec![Interval::years(1920, 1929)]);
        assert_eq!(
            one("c. 1900").readings,
            vec![Interval {
                start: day(1900, 1, 1).start - 732,
                end: day(1900, 12, 31).end + 732
            }]
        );
        assert!(one("around 1936").readings[0].overlaps(&day(1937, 1, 9)));
        assert_eq!(
            one("the 19th century").readings,
            vec![Interval::years(1800, 1900)]
        );
    }

    #[test]
    fn ranges() {
        for s in [
            "1936–38",
            "1936-1938",
            "1936 to 1938",
            "from 1936 until 1938",
            "between 1936 and 1938",
            "the trials (1936 - 38)",
        ] {
            let m = one(s);
            assert_eq!(m.shape, Shape::Range, "{s}");
            assert_eq!(m.readings, vec![Interval::years(1936, 1938)], "{s}");
        }
        let m = one("Lev Sedov (1906 – 16 February 1938)");
        assert_eq!(
            m.readings,
            vec![Interval {
                start: day(1906, 1, 1).start,
                end: day(1938, 2, 16).end
            }]
        );
        assert_eq!(
            one("on 20–21 August 1940").readings,
            vec![Interval {
                start: day(1940, 8, 20).start,
                end: day(1940, 8, 21).end
            }]
        );
        // Two years joined by "and" are two dates, not a range.
        assert_eq!(extract_dates("in 1936 and 1938").len(), 2);
    }

    #[test]
    fn dual_dates_agree_with_either_style() {
        for s in [
            "7 November [O.S. 26 October] 1879",
            "26 October (7 November N.S.) 1879",
        ] {
            let m = one(s);
            assert!(m.readings.contains(&day(1879, 11, 7)), "{s}");
            assert!(m.readings.contains(&day(1879, 10, 26)), "{s}");
        }
    }

    #[test]
    fn other_forms() {
        assert_eq!(
            one("Christmas Day 1914").value,
            DateValue::new(1914, Some(12), Some(25)).unwrap()
        );
        assert_eq!(one("in 44 BC").value.to_string(), "44 BC");
        assert_eq!(one("in AD 1066").value.to_string(), "1066");
        assert_eq!(one("in '29 he").value.to_string(), "1929");
        assert_eq!(one("after 1929").shape, Shape::Open);
        assert!(one("until 1940").readings[0].overlaps(&day(1930, 1, 1)));
        assert!(!one("after 1929").readings[0].overlaps(&day(1929, 6, 1)));
    }

    #[test]
    fn things_that_are_not_dates() {
        for s in [
            "31 April 1917",
            "29 February 1917",
            "500,000 copies",
            "he served 20years",
            "at 1522 Vyse Avenue",
            "cost $1940",
            "certificate No 13/2182-90",
            "call 504-528-1944",
            "see p. 1940",
            "16 invading foreign armies",
            "Issue 2572",
            "1,517 members",
        ] {
            assert!(extract_dates(&fold(s).text).is_empty(), "{s:?}");
        }
    }

    mod property {
        use super::super::*;
        use crate::extract::calendar::MONTH_NAMES;
        use crate::extract::normalize::fold;
        use proptest::prelude::*;

        const WORDS: [&str; 10] = [
            "He", "was", "born", "on", "and", "then", "left", "the", "city", "quietly",
        ];

        fn render(form: u8, y: i32, m: u32, d: u32) -> (String, DateValue) {
            let month = MONTH_NAMES[(m - 1) as usize];
            let abbrev = if month.len() > 4 {
                format!("{}.", &month[..3])
            } else {
                month.to_string()
            };
            let day = DateValue::new(y, Some(m), Some(d)).unwrap();
            match form {
                0 => (format!("{d} {month} {y}"), day),
                1 => (format!("{month} {d}, {y}"), day),
                2 => (format!("{abbrev} {d}, {y}"), day),
                3 => (
                    format!("the {} of {month}, {y}", ORDINAL_WORDS[(d - 1) as usize]),
                    day,
                ),
                4 => (format!("{y}-{m:02}-{d:02}"), day),
                5 => (format!("{d} {month}\n{y}"), day),
                6 => (format!("Tuesday, {d} {month} {y}"), day),
                7 => (format!("{d}th of {month} {y}"), day),
                8 => (
                    format!("{month} {y}"),
                    DateValue::new(y, Some(m), None).unwrap(),
                ),
                _ => (format!("in {y}"), DateValue::new(y, None, None).unwrap()),
            }
        }

        proptest! {
            #[test]
            fn every_form_extracts_back_to_its_value(
                y in 1000i32..2100,
                m in 1u32..=12,
                d in 1u32..=28,
                form in 0u8..10,
                before in proptest::collection::vec(0usize..10, 0..5),
                after in proptest::collection::vec(0usize..10, 0..5),
            ) {
                let (date, want) = render(form, y, m, d);
                let pre: Vec<&str> = before.iter().map(|&i| WORDS[i]).collect();
                let post: Vec<&str> = after.iter().map(|&i| WORDS[i]).collect();
                let text = format!("{} {date} {}.", pre.join(" "), post.join(" "));
                let folded = fold(&text);
                let found = extract_dates(&folded.text);
                prop_assert_eq!(found.len(), 1, "{:?} gave {:?}", text, found);
                prop_assert_eq!(found[0].value, want);
                let orig = &text[folded.orig_range(found[0].span.clone())];
                let shown = ["in ", "the ", "Tuesday, "]
                    .iter()
                    .fold(date.as_str(), |d, p| d.strip_prefix(p).unwrap_or(d));
                prop_assert_eq!(orig, shown);
            }

            #[test]
            fn never_panics_and_spans_stay_in_bounds(s in "\\PC{0,60}") {
                let folded = fold(&s).text;
                for m in extract_dates(&folded) {
                    prop_assert!(m.span.end <= folded.len() && m.span.start <= m.span.end);
                    prop_assert!(folded.is_char_boundary(m.span.start) && folded.is_char_boundary(m.span.end));
                    prop_assert!(!m.readings.is_empty());
                }
            }
        }
    }
}

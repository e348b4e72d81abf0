//! Years and coarser atoms (`1936-38`, decades, centuries, eras, `'29`, a bare
//! year), and the words around a number that make it no year: a street number,
//! a page, a count, a score, a model.

use std::sync::LazyLock;

use crate::re::Regex;

use super::atoms::{MONTH_WORD, num};
use super::groups::{Group, Groups};
use super::{DateMention, Shape};
use crate::extract::calendar::{DateValue, Interval};

/// A plausible calendar year for a bare four-digit number.
pub(super) fn plausible_year(y: i32) -> bool {
    (1000..=2100).contains(&y)
}

/// Words after a number that make it a street number, a count or a quantity.
static NOT_A_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,\d|\.\d|%| (?:[a-z]+ ){0,2}(?:avenue|ave\.?|street|st\.|road|rd\.?|boulevard|blvd|lane|drive)\b| ?(?:years?|yrs?|avenue|ave\.?|street|st\.|road|rd\.?|boulevard|blvd|lane|drive|way|copies|people|persons|men|women|soldiers|troops|km|kilometres|kilometers|miles|metres|meters|feet|ft|pages|dollars|pounds|rubles|roubles|votes|members|delegates|deaths|casualties|hours|hrs|minutes|mins|seconds|secs|days|weeks|tons|tonnes|kg|kilograms|lbs|inches|yards|acres|hectares|knots|mph|litres|liters|gallons|passengers|workers|residents|inhabitants|victims|lives|m|cm|mm|mi|nmi|kph|kw|mw|hp|lb|oz)\b)",
    )
    .expect("valid regex")
});

/// Words before a number that make it a page, issue, price or reference.
static NOT_A_YEAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[$£€¥#№/]|\d[.:]|(?:^|\D)\d{1,3}-|\b(?:no\.|nos\.|p\.|pp\.|page|pages|issue|vol\.|volume|number|chapter|section|room|flight|route|tel\.?|isbn|op\.|opus|bwv) ?|\b(?:pp?\.|pages?|nos?\.) ?\d+ ?(?:-|to|and) ?)$",
    )
    .expect("valid regex")
});

/// Whether the words before a number make it a page, issue, price or reference.
pub(super) fn not_a_year_before(before: &str) -> bool {
    NOT_A_YEAR_BEFORE.is_match(before)
}

/// A number joined to the one before or after it by `to` or a dash.
static PAIR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?:-|to) ?(?P<n>\d{3,4})\b").expect("valid regex"));
static PAIR_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d,.])(?P<n>\d{3,4}) ?(?:-|to) ?$").expect("valid regex"));

/// Whether `y` is one of two numbers joined by `to` or a dash where the second
/// is the smaller (`won 1904 to 1200`, `lost 1250-1904`): a score or a vote, since
/// a range of years runs forwards.
fn in_descending_pair(before: &str, after: &str, y: i32) -> bool {
    let n = |c: crate::re::Captures<'_>| c["n"].parse::<i32>().ok();
    let mut from = before.len().saturating_sub(16);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    PAIR_AFTER
        .captures(after)
        .and_then(n)
        .is_some_and(|n| n < y)
        || PAIR_BEFORE
            .captures(before)
            .and_then(n)
            .is_some_and(|n| n > y)
}

/// Words that may stand hyphenated before a year and leave it a year
/// (`mid-1930`, `pre-1900`, `summer-1902`); a month's name does too (`may-1986`).
const YEAR_PREFIXES: [&str; 14] = [
    "autumn", "c", "ca", "circa", "early", "fall", "late", "mid", "post", "pre", "spring",
    "summer", "until", "winter",
];

/// Whether a number joined by a hyphen to the word before it is part of a name
/// (`rbmk-1000`, `boeing-1900`), not a year.
fn names_a_model(before: &str) -> bool {
    let Some(word) = before.strip_suffix('-') else {
        return false;
    };
    let word = crate::extract::trailing_ascii_word(word);
    word.len() >= 2 && !YEAR_PREFIXES.contains(&word) && !MONTH_WORD.is_match(word)
}

/// Year and coarser atoms: `1936-38`, decades, centuries, eras, `'29`, a bare year.
pub(super) fn coarse(text: &str, c: &Groups<'_>) -> Option<DateMention> {
    if let Some(g) = c.name("short") {
        return short_range(text, c, g);
    }
    if let Some(g) = c.name("decade") {
        return decade(c, g);
    }
    if let Some(g) = c.name("century") {
        return century(c, g);
    }
    if let Some(g) = c.name("era") {
        return era(c, g);
    }
    if let Some(g) = c.name("apos") {
        return apostrophe_year(c, g);
    }
    if let Some(g) = c.name("year") {
        return bare_year(text, c, g);
    }
    debug_assert!(false, "unhandled date alternative");
    None
}

/// `1936-38`: a range of years whose end gives only its last two digits.
fn short_range(text: &str, c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let y = num(c, "sy")?;
    let z = num(c, "sz")?;
    let end = y - y % 100 + z;
    if !plausible_year(y) || end <= y || NOT_A_YEAR_BEFORE.is_match(&text[..g.start()]) {
        return None;
    }
    span_of_years(g, y, end, Shape::Range)
}

/// A decade (`the 1930s`).
fn decade(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let y = num(c, "dec")?;
    if !plausible_year(y) {
        return None;
    }
    // "the 1800s" is the century more often than its first decade: both.
    let last = if y % 100 == 0 { y + 99 } else { y + 9 };
    span_of_years(g, y, last, Shape::Period)
}

/// A century, before or after Christ (`the 19th century`, `5th century bc`).
fn century(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let n = num(c, "cn")?;
    if n == 0 {
        return None;
    }
    let (from, to) = if c.name("cbc").is_some() {
        (1 - n * 100, 1 - (n - 1) * 100 - 1)
    } else {
        ((n - 1) * 100, n * 100)
    };
    span_of_years(g, from, to, Shape::Period)
}

/// The years `from` to `to` written at `g`, of `shape`; its value is the year
/// `from`.
fn span_of_years(g: Group<'_>, from: i32, to: i32, shape: Shape) -> Option<DateMention> {
    Some(DateMention {
        readings: vec![Interval::years(from, to)],
        shape,
        ..DateMention::point(g.range(), DateValue::new(from, None, None)?)
    })
}

/// A year with its era (`44 bc`, `ad 79`).
fn era(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
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
    Some(DateMention::point(
        g.range(),
        DateValue::new(y, None, None)?,
    ))
}

/// A two-digit year after an apostrophe (`'29`).
fn apostrophe_year(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    // A two-digit year belongs to the twentieth century unless it reads as this
    // century's; documents about history use it far more often that way.
    let y = 1900 + num(c, "ay")?;
    let span = c.name("ay")?.start() - 1..g.end();
    Some(DateMention::point(span, DateValue::new(y, None, None)?))
}

/// A bare four-digit year, unless the words around it make it something else.
fn bare_year(text: &str, c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let y = num(c, "yy")?;
    if !plausible_year(y)
        || NOT_A_YEAR_BEFORE.is_match(&text[..g.start()])
        || NOT_A_YEAR_AFTER.is_match(&text[g.end()..])
        || names_a_model(&text[..g.start()])
        || in_descending_pair(&text[..g.start()], &text[g.end()..], y)
    {
        return None;
    }
    Some(DateMention::point(
        g.range(),
        DateValue::new(y, None, None)?,
    ))
}

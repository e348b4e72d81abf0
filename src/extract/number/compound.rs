//! Values of one quantity written in several units (`40 ft 4 in`, `5 ft 10`, `1 h 23
//! min`, `5 days, 4 hours and 12 minutes`, `6 lb 4 oz`, `5' 10"`), joined into the
//! first number with the rest as its `parts`; and numbers that restate the number
//! before them in another unit (`29,002 ft (8,840 m)`, `605 lb or 274 kg`, `8,848
//! m/29,029 ft`), marked `converted`.
//!
//! A compound steps down one chain of units (week, day, hour, minute, second; mile,
//! yard, foot, inch; stone, pound, ounce), each piece in a lesser unit than the one
//! before. A bare number after a foot, a pound, a stone, an hour or a minute is in
//! the next lesser unit where it is below the count of that unit in the greater one
//! (`5 ft 10`, not `5 ft 14`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::NumberMention;
use super::phrase::is_unit;
use crate::lexicon::{DURATION_UNITS, MEASURE_COMPLEMENTS, is};

/// Where a unit stands in its chain: (chain, step, the unit's compared name).
fn rank(unit: &str) -> Option<(u8, u8, &'static str)> {
    Some(match unit {
        "week" | "wk" => (0, 0, "week"),
        "day" | "d" => (0, 1, "day"),
        "hour" | "h" | "hr" => (0, 2, "hour"),
        "minute" | "min" => (0, 3, "minute"),
        "second" | "sec" | "s" => (0, 4, "second"),
        "mile" | "mi" => (1, 0, "mile"),
        "yard" | "yd" => (1, 1, "yard"),
        "foot" | "ft" => (1, 2, "foot"),
        "inch" | "in" => (1, 3, "inch"),
        "stone" | "st" => (2, 0, "stone"),
        "pound" | "lb" => (2, 1, "pound"),
        "ounce" | "oz" => (2, 2, "ounce"),
        _ => return None,
    })
}

/// The lesser unit a bare number after `unit` is in, and the count of it that
/// makes one `unit` (`foot` → 12 inches).
fn implied(unit: &str) -> Option<(&'static str, f64)> {
    match unit {
        "foot" => Some(("inch", 12.0)),
        "pound" => Some(("ounce", 16.0)),
        "stone" => Some(("pound", 14.0)),
        "hour" => Some(("minute", 60.0)),
        "minute" => Some(("second", 60.0)),
        _ => None,
    }
}

/// The words between two pieces of a compound.
static JOINER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,?(?: and)? ?)?$").expect("valid regex"));
/// A unit too short to be read as a noun after the number: `4 in`, `30 s`, `1 h`.
static SHORT_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?P<u>in|h|s)(?:$|[^a-z0-9]| (?P<w>[a-z]+))").expect("valid regex")
});

/// Where a number's reading ends: after its noun, or after the number.
pub(super) fn reading_end(n: &NumberMention) -> usize {
    n.noun
        .as_ref()
        .map_or(n.span.end, |r| r.end.max(n.span.end))
}

/// The unit of a piece after the number `n` and where the piece ends: its own
/// unit, a short unit after it (`4 in`), or none.
fn piece_unit(text: &str, n: &NumberMention) -> Option<(&'static str, usize)> {
    if let Some(u) = n.unit.as_deref() {
        return rank(u).map(|(_, _, name)| (name, reading_end(n)));
    }
    let c = SHORT_UNIT.captures(&text[n.span.end..])?;
    if c.name("w")
        .is_some_and(|w| !is(MEASURE_COMPLEMENTS, w.as_str()) && w.as_str() != "and")
    {
        return None;
    }
    let u = c.name("u").expect("group");
    rank(u.as_str()).map(|(_, _, name)| (name, n.span.end + u.end()))
}

/// `in` read as inches after a lone number: only after a fraction (`5 1/2 in`) or
/// before a word of measure (`6 in long`, `10 in across`), never before other words
/// (`5 in a row`, `ranked 3 in the world`).
pub(super) fn inch_after(
    text: &str,
    end: usize,
    value: f64,
) -> Option<(Range<usize>, &'static str)> {
    let c = SHORT_UNIT.captures(&text[end..])?;
    let u = c.name("u").expect("group");
    let measured = c
        .name("w")
        .is_some_and(|w| is(MEASURE_COMPLEMENTS, w.as_str()));
    let fraction = value.fract() != 0.0 && c.name("w").is_none();
    (u.as_str() == "in" && (measured || fraction)).then(|| (end + u.start()..end + u.end(), "inch"))
}

/// Whether `next` may be a bare piece in the unit implied after `unit`.
fn bare_piece(text: &str, next: &NumberMention, unit: &str) -> Option<(&'static str, usize)> {
    let (lesser, count) = implied(unit)?;
    let after = text[next.span.end..].chars().next();
    let plain = next.noun.is_none()
        && next.range_to.is_none()
        && !next.partial
        && !next.label
        && !after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '%'));
    (plain && next.value.fract() == 0.0 && next.value < count).then_some((lesser, next.span.end))
}

/// Joins each compound value into its first number (see the module docs).
pub(super) fn join_compounds(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    for n in mentions {
        if let Some(first) = out.last_mut()
            && first.range_to.is_none()
            && let Some((unit, end)) = next_piece(text, first, &n)
        {
            if first.parts.is_empty()
                && let Some(u) = first.unit.as_deref().and_then(rank)
            {
                first.unit = Some(u.2.to_string());
            }
            first.parts.push((n.value, unit.to_string()));
            first.span.end = end;
            first.relative |= n.relative;
            continue;
        }
        out.push(n);
    }
    out
}

/// The unit of `next` as the next piece of the compound `first`, and its end.
fn next_piece(
    text: &str,
    first: &NumberMention,
    next: &NumberMention,
) -> Option<(&'static str, usize)> {
    let last_unit = match first.parts.last() {
        Some((_, u)) => u.as_str(),
        None => first.unit.as_deref()?,
    };
    let (chain, step, name) = rank(last_unit)?;
    let from = first.span.end.max(reading_end(first));
    let gap = text.get(from..next.span.start)?;
    if !JOINER.is_match(gap) {
        return None;
    }
    if let Some((unit, end)) = piece_unit(text, next) {
        let (c, s, _) = rank(unit)?;
        return (c == chain && s > step).then_some((unit, end));
    }
    if gap.contains(',') || gap.contains("and") {
        return None;
    }
    bare_piece(text, next, name)
}

/// The kind of quantity a unit measures, for telling a restatement from a second
/// quantity (`30 km (2 hours)`): money, time or any other measure.
fn kind(unit: &str) -> Option<u8> {
    if matches!(unit, "dollar" | "euro" | "pound sterling" | "yen") {
        Some(0)
    } else if is(DURATION_UNITS, unit) {
        Some(1)
    } else {
        is_unit(unit).then_some(2)
    }
}

/// The words between a measure and its restatement in another unit.
static RESTATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?: ?\((?:(?:about|approx\.|approximately|c\.|circa|some|around|nearly|roughly|or|ca\.) )?| or (?:about |some |roughly )?| ?/ ?)$",
    )
    .expect("valid regex")
});

/// Marks each number that restates the one before it in another unit.
pub(super) fn mark_conversions(text: &str, mentions: &mut [NumberMention]) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        let (Some(ua), Some(ub)) = (a.unit.as_deref(), b.unit.as_deref()) else {
            continue;
        };
        let from = a.span.end.max(reading_end(a));
        let Some(gap) = text.get(from..b.span.start) else {
            continue;
        };
        let parenthesis = gap.contains('(');
        let closed = !parenthesis || text[reading_end(b)..].starts_with(')');
        if ua != ub
            && kind(ua).is_some()
            && kind(ua) == kind(ub)
            && RESTATES.is_match(gap)
            && closed
        {
            mentions[i].converted = true;
        }
    }
}

//! A value stated in one unit, read in a claim's unit, and the claim's value shown
//! in the statement's unit.
//!
//! The rounding rule: a writer who converts a value rounds it, and the digits they
//! write say how far. A stated value stands for every value within half a unit of
//! its last significant digit (`29,030` for 29,025 to 29,035; `5.5` for 5.45 to
//! 5.55). The trailing zeros of a whole number may be rounding or may be exact, so
//! they are read as rounding only down to three significant digits: `29,000` stands
//! for 28,950 to 29,050, `30,000` for 29,950 to 30,050, `260` for 259.5 to 260.5. A
//! claim's own value is rounded the same way, but never coarser than three
//! significant digits (`274` kg for 273.5 to 274.5 kg, `2` tons for 1.995 to 2.005;
//! a duration to half its smallest unit, `3h25m` ± 30 s). A value stated in another unit agrees where
//! the two intervals meet after conversion, with the claim's tolerance, `min`/`max`
//! and the slack of `about` as for a value in the claim's own unit: 8,848 m is
//! 29,029 ft, so "29,000 feet" agrees and "28,000 feet" does not; 274 kg is 603.0
//! to 605.2 lb, so "605 lb" agrees.

use super::{Unit, lookup};
use crate::claims::model::format_number;
use crate::lexicon::Dimension;

/// A statement's value in a claim's unit: the interval its digits stand for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The lowest and highest value the statement allows, in the claim's unit.
    pub lo: f64,
    pub hi: f64,
    /// The unit the statement is written in (its first unit for a compound).
    pub from: &'static Unit,
    /// The reading of the claim's unit it was converted into.
    pub to: &'static Unit,
}

/// The digits of a number as written: their value, how many decimals, whether
/// thousands are grouped by commas, and the scale word after them (`1.2 million`
/// → 1.2, 1 decimal, not grouped, 1e6, `million`).
struct Digits<'a> {
    value: f64,
    decimals: usize,
    grouped: bool,
    scale: f64,
    word: &'a str,
}

/// Reads the digits that open `written` (a number in words has none).
fn digits(written: &str) -> Option<Digits<'_>> {
    let end = written
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(written.len());
    let token = written[..end].trim_end_matches(['.', ',']);
    if token.is_empty() {
        return None;
    }
    let grouped = !token.contains('.')
        && token.contains(',')
        && token.split(',').skip(1).all(|g| g.len() == 3);
    let plain = if token.contains('.') || grouped {
        token.replace(',', "")
    } else {
        token.replace(',', ".")
    };
    let value: f64 = plain.parse().ok()?;
    let decimals = plain.find('.').map_or(0, |i| plain.len() - i - 1);
    let word = written[token.len()..].trim();
    let scale = match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    };
    Some(Digits {
        value,
        decimals,
        grouped,
        scale,
        word: if scale == 1.0 { "" } else { word },
    })
}

/// The digits of `written` where they give `value`, else those of `value` itself.
fn digits_of(written: &str, value: f64) -> Digits<'static> {
    let own = |value: f64| {
        let s = format_number(value);
        let decimals = s.find('.').map_or(0, |i| s.len() - i - 1);
        Digits {
            value,
            decimals,
            grouped: false,
            scale: 1.0,
            word: "",
        }
    };
    match digits(written) {
        Some(d) if (d.value * d.scale - value).abs() <= 1e-9 * value.abs().max(1.0) => Digits {
            value: d.value,
            decimals: d.decimals,
            grouped: d.grouped,
            scale: d.scale,
            word: "",
        },
        _ => own(value),
    }
}

/// Half a unit of the last significant digit of a whole number or decimal as
/// written (`29,000` → 50, `5.5` → 0.05, `1.2 million` → 50,000); see the module's
/// rule for trailing zeros.
pub fn rounding(written: &str, value: f64) -> f64 {
    let d = digits_of(written, value);
    if d.decimals > 0 {
        return 0.5 * 10f64.powi(-(d.decimals as i32)) * d.scale;
    }
    let whole = format_number(d.value.abs().round());
    let zeros = whole.len() - whole.trim_end_matches('0').len();
    let significant = whole.len().saturating_sub(3);
    0.5 * 10f64.powi(zeros.min(significant) as i32) * d.scale
}

/// The rounding of a claim's value: that of its digits, but never coarser than
/// three significant digits (a claims file states a value as exactly as it means
/// it: `2` tons is 1.995 to 2.005, `274` kg 273.5 to 274.5, `2600` 2,595 to 2,605).
pub fn claim_rounding(value: f64) -> f64 {
    let own = rounding(&format_number(value), value);
    if value == 0.0 {
        return own;
    }
    own.min(0.5 * 10f64.powi(value.abs().log10().floor() as i32 - 2))
}

/// A value and its lesser parts (`40 ft 4 in`: 40 `foot`, `[(4, "inch")]`) in the
/// base unit of `unit`'s dimension, with the rounding of its last part there.
/// `None` where a part is in no unit of that dimension.
fn in_base(value: f64, unit: &Unit, parts: &[(f64, String)], written: &str) -> Option<(f64, f64)> {
    let mut total = value * unit.factor + unit.offset;
    let mut slack = rounding(written, value) * unit.factor;
    for (v, u) in parts {
        let part = lookup(u)
            .iter()
            .copied()
            .find(|p| p.dimension == unit.dimension)?;
        total += v * part.factor;
        slack = rounding(&format_number(*v), *v) * part.factor;
    }
    Some((total, slack))
}

/// The readings of a statement (`value`, up to `range_to`, with `parts`, its digits
/// as `written`) stated in one of the units `stated`, in each unit of `claim` of the
/// same dimension: one per pair of readings (`ton` has two).
pub fn readings(
    value: f64,
    range_to: Option<f64>,
    parts: &[(f64, String)],
    written: &str,
    stated: &[&'static Unit],
    claim: &[&'static Unit],
) -> Vec<Reading> {
    let mut out = Vec::new();
    for &from in stated {
        for &to in claim.iter().filter(|c| c.dimension == from.dimension) {
            let Some((lo, slack)) = in_base(value, from, parts, written) else {
                continue;
            };
            let hi = match range_to {
                Some(top) => top * from.factor + from.offset,
                None => lo,
            };
            let back = |x: f64| (x - to.offset) / to.factor;
            out.push(Reading {
                lo: back(lo - slack),
                hi: back(hi + slack),
                from,
                to,
            });
        }
    }
    out
}

/// Whether a reading is in the claim's own unit, with nothing to convert.
pub fn same(r: &Reading, parts: &[(f64, String)]) -> bool {
    std::ptr::eq(r.from, r.to) && parts.is_empty()
}

/// The claim's `value` (in unit `to`) shown in the statement's unit `from` and its
/// parts, at the precision of the statement's digits (`written`), never coarser
/// than three significant digits: 8,848 m as `29,029` for "29,700 feet". For a
/// compound, each part is given with its unit's symbol.
pub fn show(value: f64, to: &Unit, from: &Unit, parts: &[(f64, String)], written: &str) -> String {
    let base = value * to.factor + to.offset;
    let mut pieces: Vec<(f64, &Unit)> = vec![(0.0, from)];
    for (_, u) in parts {
        if let Some(p) = lookup(u)
            .iter()
            .copied()
            .find(|p| p.dimension == from.dimension)
        {
            pieces.push((0.0, p));
        }
    }
    if pieces.len() == 1 {
        return show_number((base - from.offset) / from.factor, written);
    }
    // Whole numbers of each unit but the last, which is rounded like the statement.
    let mut left = base;
    let last = pieces.len() - 1;
    for (i, piece) in pieces.iter_mut().enumerate() {
        let size = piece.1.factor;
        piece.0 = if i == last {
            (left / size).round()
        } else {
            (left / size + 1e-9).floor()
        };
        left -= piece.0 * size;
    }
    pieces
        .iter()
        .map(|(v, u)| format!("{} {}", format_number(*v), u.symbol))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The claim's own `value` written as the statement `written` is: grouped by
/// commas where it is (`4,810`), with its scale word where the value fills it
/// (`2 million` for "3 million"); every digit of the claim is kept.
pub fn show_as_written(value: f64, written: &str) -> String {
    let Some(d) = digits(written) else {
        return format_number(value);
    };
    let scaled = value / d.scale;
    if !d.word.is_empty() && scaled.abs() >= 1.0 {
        let s = format_number((scaled * 1e6).round() / 1e6);
        return format!("{s} {}", d.word);
    }
    let s = format_number(value);
    if d.grouped || (d.scale > 1.0 && value.abs() >= 10_000.0) {
        group(&s)
    } else {
        s
    }
}

/// `value` in unit `unit` shown in the largest unit of its dimension's common
/// ones that it fills at least once, with that unit's name: 50,400 seconds as
/// `14 hours`, 0.3 km as `300 m`.
pub fn show_whole(value: f64, unit: &Unit) -> String {
    if unit.dimension == Dimension::Time {
        return duration_words(value * unit.factor);
    }
    const NAMES: [(&str, &str); 11] = [
        ("week", "weeks"),
        ("day", "days"),
        ("hour", "hours"),
        ("minute", "minutes"),
        ("second", "seconds"),
        ("km", "km"),
        ("m", "m"),
        ("cm", "cm"),
        ("kg", "kg"),
        ("g", "g"),
        ("tonne", "tonnes"),
    ];
    let base = value * unit.factor + unit.offset;
    let mut fits: Vec<(f64, &str)> = NAMES
        .iter()
        .filter_map(|(name, plural)| {
            let u = super::lookup(name)
                .iter()
                .find(|u| u.dimension == unit.dimension && u.offset == 0.0)?;
            let v = base / u.factor;
            (v.abs() >= 1.0).then_some((v, *plural))
        })
        .collect();
    fits.sort_by(|a, b| a.0.abs().total_cmp(&b.0.abs()));
    match fits.first() {
        Some((v, name)) => format!("{} {name}", show_number(*v, "")),
        None => format!("{} {}", format_number(value), unit.symbol),
    }
}

/// A length of time in words, in its two largest units (`3 hours 25 minutes`,
/// `5 days 4 hours`, `14 hours`), the last rounded.
pub fn duration_words(seconds: f64) -> String {
    const UNITS: [(&str, &str, f64); 5] = [
        ("week", "weeks", 604_800.0),
        ("day", "days", 86_400.0),
        ("hour", "hours", 3_600.0),
        ("minute", "minutes", 60.0),
        ("second", "seconds", 1.0),
    ];
    let Some(first) = UNITS.iter().position(|u| seconds.abs() >= u.2) else {
        return format!("{} seconds", show_number(seconds, ""));
    };
    let name = |n: f64, (one, many, _): (&str, &str, f64)| {
        format!("{} {}", format_number(n), if n == 1.0 { one } else { many })
    };
    let big = UNITS[first];
    let Some(&small) = UNITS.get(first + 1) else {
        return name(seconds.round(), big);
    };
    let total = (seconds.abs() / small.2).round();
    let per = (big.2 / small.2).round();
    let (whole, rest) = ((total / per).floor(), total % per);
    let sign = if seconds < 0.0 { "-" } else { "" };
    if rest == 0.0 {
        format!("{sign}{}", name(whole, big))
    } else {
        format!("{sign}{} {}", name(whole, big), name(rest, small))
    }
}

/// A number at the precision of `written` (at least three significant digits),
/// grouped by commas where `written` is, with its scale word (`1.6 million`).
pub fn show_number(x: f64, written: &str) -> String {
    let d = digits(written).unwrap_or(Digits {
        value: x,
        decimals: 0,
        grouped: false,
        scale: 1.0,
        word: "",
    });
    let y = x / d.scale;
    let needed = if y == 0.0 {
        0
    } else {
        (2 - y.abs().log10().floor() as i32).clamp(0, 6) as usize
    };
    let decimals = d.decimals.max(needed);
    let mut s = format!("{y:.decimals$}");
    if decimals > d.decimals {
        let keep = s.find('.').map_or(s.len(), |i| i + 1 + d.decimals);
        while s.len() > keep && s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if d.grouped {
        s = group(&s);
    }
    if d.word.is_empty() {
        s
    } else {
        format!("{s} {}", d.word)
    }
}

/// `29029` → `29,029`; decimals stay as they are.
fn group(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (whole, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests;

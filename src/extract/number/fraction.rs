//! Fractions: after a whole number (`5 1/2`, `5-1/2`, `5½`, `two and a half`), and
//! fractions of a unit in words (`half an hour`, `a quarter of an hour`, `three
//! quarters of a mile`); and a unit with no number that states one of it (`lasted a
//! fortnight`, `for an hour`, `a mile away`).

use std::sync::LazyLock;

use crate::re::Regex;

use super::after_window;
use super::phrase::{is_unit, singular};
use super::value::Raw;
use crate::lexicon::{DURATION_UNITS, is};

/// `1/2` after a space or a hyphen.
static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ -](?P<n>\d{1,2})/(?P<d>\d{1,2})(?P<next>[/\d]?)").expect("valid regex")
});
/// `and a half`, `and a quarter`, `and three quarters` after a number.
static AND_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ and (?P<f>a half|one half|a quarter|one quarter|three quarters)\b")
        .expect("valid regex")
});
/// A fraction of a unit in words: `half an hour`, `a quarter of a mile`.
static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<f>half|a half|one half|a quarter|one quarter|three quarters|a third|one third|two thirds)(?: of)? an? (?P<u>[a-z]+)\b",
    )
    .expect("valid regex")
});
/// A unit with no number after a word that makes it a quantity (`lasted a
/// fortnight`, `in under an hour`), or before one (`a mile away`).
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:for|lasted|lasting|lasts|took|takes|taking|spent|spends|within|about|nearly|almost|only|just|over|under|barely|than) (?P<a>an?) (?P<d>[a-z]+)\b|\b(?P<b>an?) (?P<l>mile|kilometre|kilometer|km|yard|foot|metre|meter) (?:away|long|wide|high|deep|across|off)\b",
    )
    .expect("valid regex")
});

/// The value of a fraction in words.
fn part(words: &str) -> f64 {
    match words {
        "half" | "a half" | "one half" => 0.5,
        "a quarter" | "one quarter" => 0.25,
        "three quarters" => 0.75,
        "a third" | "one third" => 1.0 / 3.0,
        _ => 2.0 / 3.0,
    }
}

/// The value of a vulgar fraction sign.
fn sign_value(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// The fraction written after a whole number ending at `end` (`5 1/2`, `5-1/2`,
/// `5½`, `two and a half`): its value and the new end. `5 1/2/1903` (a date) and
/// `3 12/10` (no proper fraction) add nothing.
pub(super) fn fraction_after(text: &str, end: usize, digits: bool) -> Option<(f64, usize)> {
    let after = after_window(text, end);
    if let Some(c) = AND_PART.captures(after) {
        let f = c.name("f").expect("group");
        return Some((part(f.as_str()), end + f.end()));
    }
    if !digits {
        return None;
    }
    if let Some(c) = after.chars().next().and_then(sign_value) {
        let len = after.chars().next().map_or(0, char::len_utf8);
        return Some((c, end + len));
    }
    let c = SLASHED.captures(after)?;
    let n: f64 = c["n"].parse().ok()?;
    let d: f64 = c["d"].parse().ok()?;
    let proper = n >= 1.0 && n < d && (2.0..=16.0).contains(&d);
    (proper && c["next"].is_empty()).then(|| (n / d, end + c.name("d").expect("group").end()))
}

/// Fractions of a unit in words and units stated with no number, as numbers whose
/// span ends before the unit (`half an` in `half an hour`, `a` in `lasted a
/// fortnight`), so that the unit is read as their noun.
pub(super) fn spoken_numbers(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for c in SPOKEN.captures_iter(text) {
        let (f, u) = (c.name("f").expect("group"), c.name("u").expect("group"));
        if is_unit(&singular(u.as_str())) {
            out.push(Raw {
                span: f.start()..u.start() - 1,
                value: part(f.as_str()),
            });
        }
    }
    for c in BARE.captures_iter(text) {
        let (a, unit) = match (c.name("a"), c.name("d"), c.name("b")) {
            (Some(a), Some(d), _) if is(DURATION_UNITS, d.as_str()) => (a, d),
            (_, _, Some(b)) => (b, c.name("l").expect("group")),
            _ => continue,
        };
        if !out
            .iter()
            .any(|r: &Raw| crate::span::ranges_overlap(&r.span, &(a.start()..unit.end())))
        {
            // "for an hour and a half": the fraction follows the unit.
            let and_part = AND_PART
                .captures(after_window(text, unit.end()))
                .map_or(0.0, |c| part(&c["f"]));
            out.push(Raw {
                span: a.range(),
                value: 1.0 + and_part,
            });
        }
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// Adds the spoken numbers to those read from digits and number words, dropping
/// any number word inside one (`three` in `three quarters of a mile`).
pub(super) fn with_spoken(raws: Vec<Raw>, spoken: Vec<Raw>) -> Vec<Raw> {
    if spoken.is_empty() {
        return raws;
    }
    let mut out: Vec<Raw> = raws
        .into_iter()
        .filter(|r| {
            !spoken
                .iter()
                .any(|s| crate::span::ranges_overlap(&s.span, &r.span))
        })
        .collect();
    out.extend(spoken);
    out.sort_by_key(|r| r.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, number: &str, digits: bool) -> Option<(f64, String)> {
        let end = text.find(number).expect("number") + number.len();
        fraction_after(text, end, digits).map(|(v, e)| (v, text[end..e].to_string()))
    }

    fn spoken(text: &str) -> Vec<(f64, &str)> {
        spoken_numbers(text)
            .into_iter()
            .map(|r| (r.value, &text[r.span]))
            .collect()
    }

    #[test]
    fn fractions_after_a_whole_number() {
        assert_eq!(after("5 1/2 in", "5", true), Some((0.5, " 1/2".into())));
        assert_eq!(after("5-3/4\"", "5", true), Some((0.75, "-3/4".into())));
        assert_eq!(after("5½ inches", "5", true), Some((0.5, "½".into())));
        assert_eq!(
            after("two and a half hours", "two", false),
            Some((0.5, " and a half".into()))
        );
        assert_eq!(
            after("3 and three quarters miles", "3", true),
            Some((0.75, " and three quarters".into()))
        );
    }

    #[test]
    fn dates_lists_and_improper_fractions_add_nothing() {
        assert_eq!(after("on 5 1/2/1903", "5", true), None);
        assert_eq!(after("3 12/10", "3", true), None);
        assert_eq!(after("3 0/4", "3", true), None);
        assert_eq!(after("3 1/24", "3", true), None);
        assert_eq!(after("two and a halfpenny", "two", false), None);
        assert_eq!(after("two and a man", "two", false), None);
        assert_eq!(after("five½", "five", false), None);
    }

    #[test]
    fn fractions_of_a_unit_in_words() {
        assert_eq!(spoken("in half an hour"), vec![(0.5, "half an")]);
        assert_eq!(
            spoken("a quarter of an hour"),
            vec![(0.25, "a quarter of an")]
        );
        assert_eq!(
            spoken("three quarters of a mile"),
            vec![(0.75, "three quarters of a")]
        );
        assert_eq!(spoken("half a chance"), vec![]);
        assert_eq!(spoken("a quarter of the town"), vec![]);
    }

    #[test]
    fn a_unit_with_no_number_states_one_only_after_a_cue() {
        assert_eq!(spoken("it lasted a fortnight"), vec![(1.0, "a")]);
        assert_eq!(spoken("for an hour"), vec![(1.0, "an")]);
        assert_eq!(spoken("in under a minute"), vec![(1.0, "a")]);
        assert_eq!(spoken("a mile away"), vec![(1.0, "a")]);
        assert_eq!(spoken("for an hour and a half"), vec![(1.5, "an")]);
        assert_eq!(spoken("for an hour and a man"), vec![(1.0, "an")]);
        assert_eq!(spoken("one day"), vec![]);
        assert_eq!(spoken("once a day"), vec![]);
        assert_eq!(spoken("a week of rain"), vec![]);
        assert_eq!(spoken("for a man"), vec![]);
        assert_eq!(spoken("a mile"), vec![]);
        // A fraction is read once, not again as a unit with no number.
        assert_eq!(spoken("for half an hour"), vec![(0.5, "half an")]);
    }
}

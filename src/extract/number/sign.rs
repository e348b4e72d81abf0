//! Units written as signs right after a number: feet and inches (`5'`, `6"`, folded
//! from `5′` and `6″`), degrees (`40°`, `100 °c`, `100°c`, `-40 °f`) and currency
//! signs before it (`$`, `€`, `£`, `¥`).
//!
//! A straight quote is also a quotation mark: after a number it is a unit only where
//! no quotation it could close was opened before the number (`a 5' 10" man`, but not
//! `the code '5' was` or `he said "6" twice`).

use std::ops::Range;

use super::{after_window, before_window};

/// A unit sign after a number: where it is written and its compared unit.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Sign {
    pub range: Range<usize>,
    pub unit: String,
}

/// The unit sign right after the number ending at `end` in the folded `text`, if any.
pub(super) fn sign_after(text: &str, start: usize, end: usize) -> Option<Sign> {
    let after = after_window(text, end);
    let mut chars = after.char_indices();
    let (_, first) = chars.next()?;
    let (at, sign) = match first {
        ' ' => chars.next().filter(|(_, c)| *c == '°')?,
        c => (0, c),
    };
    let rest = &after[at + sign.len_utf8()..];
    let next = rest.chars().next();
    let sign_end = end + at + sign.len_utf8();
    match sign {
        '°' => {
            let scale = next.filter(|c| matches!(c, 'c' | 'f'));
            let letter_after = scale.and_then(|_| rest[1..].chars().next());
            match scale {
                Some(s) if !letter_after.is_some_and(char::is_alphanumeric) => Some(Sign {
                    range: end + at..sign_end + 1,
                    unit: format!("°{s}"),
                }),
                _ if !next.is_some_and(char::is_alphanumeric) => Some(Sign {
                    range: end + at..sign_end,
                    unit: "degree".to_string(),
                }),
                _ => None,
            }
        }
        '\'' | '"' if at == 0 => {
            let unit = if sign == '\'' { "foot" } else { "inch" };
            let closes_quote = opens_before(before_window(text, start), sign)
                || (sign == '"' && open_double_quote(text, start));
            (!next.is_some_and(char::is_alphabetic) && !closes_quote).then(|| Sign {
                range: end..sign_end,
                unit: unit.to_string(),
            })
        }
        _ => None,
    }
}

/// Whether the last `quote` before a number opens a quotation (it stands at a
/// word's start: after the start, a space or a bracket, before a non-space), so
/// that the same mark after the number closes it.
fn opens_before(before: &str, quote: char) -> bool {
    let Some(i) = before.rfind(quote) else {
        return false;
    };
    let prev = before[..i].chars().next_back();
    let next = before[i + 1..].chars().next();
    prev.is_none_or(|c| matches!(c, ' ' | '(' | '[')) && next.is_none_or(|c| c != ' ')
}

/// How far back an open double quotation is looked for, in bytes.
const QUOTE_REACH: usize = 480;

/// Whether a double quotation is open at `at`: an odd number of `"` before it
/// that follow no digit (a `"` after a digit is an inch mark: `5' 10" and 6' 2"`).
fn open_double_quote(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(QUOTE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let bytes = &text.as_bytes()[from..at];
    let marks = (0..bytes.len())
        .filter(|&i| bytes[i] == b'"' && (i == 0 || !bytes[i - 1].is_ascii_digit()))
        .count();
    marks % 2 == 1
}

/// The currency a sign just before a number names (`$1,000`, `us$1.2 billion`,
/// `£400,000`, `€3 million`, `¥500`).
pub(super) fn currency_before(text: &str, start: usize) -> Option<&'static str> {
    match before_window(text, start).chars().next_back()? {
        '$' => Some("dollar"),
        '€' => Some("euro"),
        '£' => Some("pound sterling"),
        '¥' => Some("yen"),
        _ => None,
    }
}

/// Whether a unit is a temperature, whose number may be written below zero.
pub(super) fn temperature(unit: &str) -> bool {
    matches!(
        unit,
        "°c" | "°f" | "degree" | "degree celsius" | "degree fahrenheit" | "degree centigrade"
    )
}

/// Whether the number at `start` has a minus sign of its own (`-40 °f`, `at -5°`):
/// a dash glued to it that follows no word or number.
pub(super) fn minus_before(text: &str, start: usize) -> bool {
    let before = before_window(text, start);
    before
        .strip_suffix('-')
        .is_some_and(|b| b.chars().next_back().is_none_or(|c| matches!(c, ' ' | '(')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sign after the first digits of `text`: its text and unit.
    fn sign(text: &str) -> Option<(String, String)> {
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let end = start + text[start..].find(|c: char| !c.is_ascii_digit())?;
        sign_after(text, start, end).map(|s| (text[s.range].to_string(), s.unit))
    }

    fn some(written: &str, unit: &str) -> Option<(String, String)> {
        Some((written.to_string(), unit.to_string()))
    }

    #[test]
    fn feet_inches_and_degrees() {
        assert_eq!(sign("a 5' wall"), some("'", "foot"));
        assert_eq!(sign("he stood 5'10\""), some("'", "foot"));
        assert_eq!(sign("a 6\" pipe"), some("\"", "inch"));
        assert_eq!(sign("it was 6\"."), some("\"", "inch"));
        assert_eq!(sign("water boils at 100 °c."), some("°c", "°c"));
        assert_eq!(sign("at 100°c"), some("°c", "°c"));
        assert_eq!(sign("at 212°f, then"), some("°f", "°f"));
        assert_eq!(sign("an angle of 40°"), some("°", "degree"));
    }

    #[test]
    fn quotation_marks_are_not_units() {
        assert_eq!(sign("the code '5' was"), None);
        assert_eq!(sign("he said \"6\" twice"), None);
        assert_eq!(sign("the words 'only 6' here"), None);
        let far = format!("\"we {} lost 12\" he said", "went on ".repeat(20));
        assert_eq!(sign(&far), None);
        assert_eq!(sign("\"go\" and a 12\" pipe"), some("\"", "inch"));
        assert_eq!(sign("the '80s"), None);
        assert_eq!(sign("the 1980's"), None);
        assert_eq!(sign("at 100 °cat"), None);
        assert_eq!(sign("at 100 'c'"), None);
        assert_eq!(sign("it was 12"), None);
        // A closed quotation before the number opens nothing.
        assert_eq!(sign("'hi' and a 5' wall"), some("'", "foot"));
    }

    #[test]
    fn currency_signs_and_minus() {
        assert_eq!(currency_before("£400", 2), Some("pound sterling"));
        assert_eq!(currency_before("us$1", 3), Some("dollar"));
        assert_eq!(currency_before("¥500", 2), Some("yen"));
        assert_eq!(currency_before("a 500", 2), None);
        assert!(minus_before("at -40", 4));
        assert!(minus_before("-40", 1));
        assert!(!minus_before("12-40", 3));
        assert!(!minus_before("a-40", 2));
    }
}

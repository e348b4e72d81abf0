//! The values of `duration` claims: `3h25m`, `5d4h12m30s`, `12s`, `2w`, `1.5h`,
//! `6y`: numbers each followed by a unit letter (`y` years of 365.25 days, `w`
//! weeks, `d` days, `h` hours, `m` minutes, `s` seconds), largest first, each at
//! most once.

use crate::claims::model::format_number;

/// The seconds of a year, as the table of units counts one (365.25 days).
const YEAR: f64 = 31_557_600.0;

/// The unit letters of a duration, largest first, with their seconds.
const LETTERS: [(char, f64); 6] = [
    ('y', YEAR),
    ('w', 604_800.0),
    ('d', 86_400.0),
    ('h', 3_600.0),
    ('m', 60.0),
    ('s', 1.0),
];

/// How to write a duration, for error messages.
pub const FORM: &str = "write a duration as numbers with unit letters, largest first: \"3h25m\", \"5d4h12m30s\", \"12s\", \"2w\", \"6y\" (y years, w weeks, d days, h hours, m minutes, s seconds)";

/// A duration claim's value read: its length in seconds and the seconds of its
/// smallest unit (`3h25m`: 12,300 and 60), which says how it was rounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub seconds: f64,
    pub step: f64,
}

/// Reads a duration string (`3h25m`); `None` where it is not one.
pub fn parse(s: &str) -> Option<Duration> {
    let s = s.trim();
    let mut seconds = 0.0;
    let mut next = 0;
    let mut step = None;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number: f64 = rest[..digits].parse().ok()?;
        let letter = rest[digits..].chars().next()?;
        let k = LETTERS[next..].iter().position(|(l, _)| *l == letter)? + next;
        seconds += number * LETTERS[k].1;
        step = Some(LETTERS[k].1);
        next = k + 1;
        rest = &rest[digits + 1..];
    }
    Some(Duration {
        seconds,
        step: step?,
    })
}

/// A length in seconds written as a claim writes it (`12300` → `3h25m`); in
/// years only where it is a whole number of them (a year is no whole number of
/// days: 400 days are `57w1d`, not `1y…`).
pub fn format(seconds: f64) -> String {
    if seconds == 0.0 {
        return "0s".to_string();
    }
    let mut left = seconds.abs();
    let mut out = String::new();
    if seconds < 0.0 {
        out.push('-');
    }
    let years = left / YEAR;
    let in_years = years >= 1.0 && (years - years.round()).abs() < 1e-9;
    for (letter, size) in LETTERS {
        if letter == 'y' && !in_years {
            continue;
        }
        let whole = if size == 1.0 {
            left
        } else {
            (left / size + 1e-9).floor()
        };
        if whole > 0.0 {
            let shown = format_number((whole * 1e6).round() / 1e6);
            out.push_str(&format!("{shown}{letter}"));
            left -= whole * size;
        }
        if left < 1e-6 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_seconds_with_their_step() {
        for (s, seconds, step) in [
            ("3h25m", 12_300.0, 60.0),
            ("5d4h12m30s", 447_150.0, 1.0),
            ("12s", 12.0, 1.0),
            ("2w", 1_209_600.0, 604_800.0),
            ("6y", 6.0 * YEAR, YEAR),
            ("1y2w", YEAR + 1_209_600.0, 604_800.0),
            ("1.5h", 5_400.0, 3_600.0),
            (" 90m ", 5_400.0, 60.0),
        ] {
            assert_eq!(parse(s), Some(Duration { seconds, step }), "{s}");
        }
    }

    #[test]
    fn other_forms_are_no_durations() {
        for s in [
            "", "3", "h", "3x", "25m3h", "3h3h", "3 hours", "3h 25m", "3:25", "PT3H", "1..5h",
            "-3h", "3H", "2w1y", "3Y",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn durations_are_written_largest_unit_first() {
        for (seconds, s) in [
            (12_300.0, "3h25m"),
            (447_150.0, "5d4h12m30s"),
            (12.0, "12s"),
            (1_209_600.0, "2w"),
            (6.0 * YEAR, "6y"),
            (400.0 * 86_400.0, "57w1d"),
            (5_400.0, "1h30m"),
            (0.5, "0.5s"),
            (0.0, "0s"),
        ] {
            assert_eq!(format(seconds), s, "{seconds}");
            if seconds > 0.0 {
                assert_eq!(parse(s).map(|d| d.seconds), Some(seconds));
            }
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_reads_without_panic(s in "[0-9.wdhms éx]{0,12}") {
            let _ = parse(&s);
        }

        #[test]
        fn a_written_duration_reads_back(w in 0u32..5, d in 0u32..7, h in 0u32..24, m in 0u32..60, s in 0u32..60) {
            let seconds = f64::from(w * 604_800 + d * 86_400 + h * 3_600 + m * 60 + s);
            prop_assert_eq!(parse(&format(seconds)).map(|d| d.seconds).unwrap_or(0.0), seconds);
        }
    }
}

//! Times of day (`1:23:59`, `1:23 a.m.`, `10h35`, `9 PM`, `5 o'clock`, `at 10.35`,
//! `10.35 p.m.`, `at 5 in the morning`): read apart so that their digits are never
//! taken for counts.
//!
//! An hour and minutes written with a period (`10.35`) read as a decimal unless
//! a meridian follows, or a word that places things in time stands before and no
//! unit after (`at 10.35 the reactor`, not `at 10.35 metres`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::after_window;
use super::phrase::{is_unit, plural_ish, read_phrase, singular};
use super::value::small_word_value;

/// A time of day found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte span of the time, its `a.m.`/`PM`/`o'clock` included.
    pub span: Range<usize>,
    /// 0–24, on the 24-hour clock where `a.m.`, `PM`, `in the afternoon` or `in the
    /// evening` says which half of the day; as written otherwise.
    pub hour: u32,
    /// 0 where only the hour is given.
    pub minute: u32,
    pub second: Option<u32>,
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    Regex::new(&format!(
        r"(?x)
        \b(?P<h>\d{{1,2}})
        (?: :(?P<m>\d{{2}})(?: :(?P<s>\d{{2}}) )?\b | h(?P<hm>\d{{2}})\b )
        (?: \ ?(?P<mer>[ap]m\b|[ap]\.m\b\.?) )?
      | \b(?P<h2>\d{{1,2}}|{words})\ ?(?: (?P<mer2>[ap]m\b|[ap]\.m\b\.?) | o'?\ ?clock\b )"
    ))
    .expect("the time regex is valid")
});

/// The part of the day named after a time: `in the afternoon` makes `3:15` 15:15.
static PART_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ in the (?P<part>morning|afternoon|evening)\b").expect("valid regex")
});

/// An hour, alone or with minutes after a period (`10.35`), maybe after a word
/// that places it in time (`at`, `by`, `until`) and maybe before a meridian;
/// [`dotted_times`] tells which are times.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cue>\b(?:at|by|until|till|from|around|before|after|since)\ )?
        \b(?P<h>[0-9]{1,2})(?:\.(?P<m>[0-9]{2}))?\b
        (?:\ ?(?P<mer>[ap]m\b|[ap]\.m\b\.?))?",
    )
    .expect("the dotted time regex is valid")
});

fn number(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    let s = c.name(name)?.as_str();
    s.parse().ok().or_else(|| small_word_value(s))
}

/// Every time of day in the folded `text`, in order.
pub fn extract_times(text: &str) -> Vec<TimeMention> {
    let mut out = clock_times(text);
    let dotted = dotted_times(text);
    // "10.05 pm": the hour with its minutes, not "05 pm".
    out.retain(|t| {
        !dotted
            .iter()
            .any(|d| d.span.start < t.span.end && t.span.start < d.span.end)
    });
    out.extend(dotted);
    out.sort_by_key(|t| t.span.start);
    out
}

/// Whether the time after `end` is in the afternoon or evening (`Some(true)`), in
/// the morning (`Some(false)`), or not said.
fn part_of_day(text: &str, end: usize) -> Option<bool> {
    PART_OF_DAY
        .captures(after_window(text, end))
        .map(|p| &p["part"] != "morning")
}

/// The times written `10.35` (with a meridian, or after a cue word and before no
/// unit) and `at 5 in the morning`.
fn dotted_times(text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in DOTTED.captures_iter(text) {
        let h = c.name("h").expect("group");
        let m = c.name("m");
        let mer = c.name("mer").map(|m| m.as_str().starts_with('p'));
        let end = c.get(0).expect("match").end();
        let part = part_of_day(text, end);
        let cued = c.name("cue").is_some() && (m.is_some() || part.is_some());
        let glued = text[..h.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            || (text[end..].starts_with(['.', ',', ':'])
                && text[end + 1..].starts_with(|c: char| c.is_ascii_digit()));
        let read = match mer {
            Some(_) => m.is_some(),
            None => cued && (part.is_some() || unitless(text, end)),
        };
        if glued || !read {
            continue;
        }
        let Ok(mut hour) = h.as_str().parse::<u32>() else {
            continue;
        };
        let minute = m.and_then(|m| m.as_str().parse::<u32>().ok()).unwrap_or(0);
        if (mer.is_some() && !(1..=12).contains(&hour)) || hour > 24 || minute > 59 {
            continue;
        }
        match mer.or(part) {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 && mer.is_some() => hour = 0,
            _ => {}
        }
        out.push(TimeMention {
            span: h.start()..end,
            hour,
            minute,
            second: None,
        });
    }
    out
}

/// Whether no unit or counted noun follows a number ending at `end` (`at 10.35
/// the reactor`, not `at 10.35 metres` or `at 10.50 dollars`).
fn unitless(text: &str, end: usize) -> bool {
    read_phrase(text, end, false).head.is_none_or(|h| {
        let word = &text[h];
        !is_unit(&singular(word)) && !plural_ish(word)
    })
}

/// The times written with a colon, an `h`, a meridian or `o'clock`.
fn clock_times(text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in TIME.captures_iter(text) {
        let m = c.get(0).expect("match");
        let Some(mut hour) = number(&c, "h").or_else(|| number(&c, "h2")) else {
            continue;
        };
        let minute = number(&c, "m").or_else(|| number(&c, "hm")).unwrap_or(0);
        let second = number(&c, "s");
        let meridian = c
            .name("mer")
            .or_else(|| c.name("mer2"))
            .map(|m| m.as_str().starts_with('p'));
        let pm = meridian.or_else(|| part_of_day(text, m.end()));
        if meridian.is_some() && !(1..=12).contains(&hour) {
            continue;
        }
        match pm {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 && meridian.is_some() => hour = 0,
            _ => {}
        }
        if hour > 24 || minute > 59 || second.is_some_and(|s| s > 59) {
            continue;
        }
        out.push(TimeMention {
            span: m.range(),
            hour,
            minute,
            second,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    fn times(text: &str) -> Vec<(String, u32, u32, Option<u32>)> {
        let folded = fold(text).text;
        extract_times(&folded)
            .into_iter()
            .map(|t| (folded[t.span].to_string(), t.hour, t.minute, t.second))
            .collect()
    }

    fn t(s: &str, h: u32, m: u32, sec: Option<u32>) -> (String, u32, u32, Option<u32>) {
        (s.to_string(), h, m, sec)
    }

    #[test]
    fn clock_times_with_seconds_and_meridians() {
        assert_eq!(
            times("at 1:23:59 the test"),
            vec![t("1:23:59", 1, 23, Some(59))]
        );
        assert_eq!(times("at 1:23 a.m. on"), vec![t("1:23 a.m.", 1, 23, None)]);
        assert_eq!(
            times("around 1:23 AM, reactor"),
            vec![t("1:23 am", 1, 23, None)]
        );
        assert_eq!(times("at 10:35 she left"), vec![t("10:35", 10, 35, None)]);
        assert_eq!(times("at 10h35 Orville"), vec![t("10h35", 10, 35, None)]);
        assert_eq!(times("18:09 UTC"), vec![t("18:09", 18, 9, None)]);
        assert_eq!(times("at 12:30 a.m."), vec![t("12:30 a.m.", 0, 30, None)]);
    }

    #[test]
    fn hours_with_meridian_or_o_clock_and_part_of_day() {
        assert_eq!(
            times("between 2 PM and 5 PM"),
            vec![t("2 pm", 14, 0, None), t("5 pm", 17, 0, None)]
        );
        assert_eq!(times("By 9 PM on 26 April"), vec![t("9 pm", 21, 0, None)]);
        assert_eq!(times("out by 5 o'clock"), vec![t("5 o'clock", 5, 0, None)]);
        assert_eq!(
            times("at five o'clock"),
            vec![t("five o'clock", 5, 0, None)]
        );
        assert_eq!(
            times("He died at 3:15 in the morning."),
            vec![t("3:15", 3, 15, None)]
        );
        assert_eq!(
            times("It began at 3:15 in the afternoon."),
            vec![t("3:15", 15, 15, None)]
        );
        assert_eq!(times("at 9pm"), vec![t("9pm", 21, 0, None)]);
    }

    #[test]
    fn an_hour_and_minutes_after_a_period() {
        assert_eq!(
            times("The reactor exploded at 10.35 that night."),
            vec![t("10.35", 10, 35, None)]
        );
        assert_eq!(times("by 22.15, the crew"), vec![t("22.15", 22, 15, None)]);
        assert_eq!(
            times("They took off at 10.35 in the morning."),
            vec![t("10.35", 10, 35, None)]
        );
        assert_eq!(times("at 5 in the afternoon"), vec![t("5", 17, 0, None)]);
        assert_eq!(
            times("It ended 10.05 pm."),
            vec![t("10.05 pm", 22, 5, None)]
        );
        assert_eq!(
            times("from 9.30 a.m. until 11.45."),
            vec![t("9.30 a.m.", 9, 30, None), t("11.45", 11, 45, None)]
        );
        assert_eq!(times("at 10.35"), vec![t("10.35", 10, 35, None)]);
    }

    #[test]
    fn decimals_after_at_are_not_times() {
        assert!(times("It rose at 10.35 metres a second.").is_empty());
        assert!(times("shares sold at 10.50 dollars").is_empty());
        assert!(times("at 12.50 per cent").is_empty());
        assert!(times("the ratio was 10.35 in the end").is_empty());
        assert!(times("at 10.75 the line").is_empty());
        assert!(times("at 31.20 the line").is_empty());
        assert!(times("at 3.5 seconds").is_empty());
        assert!(times("at 10.12.1934").is_empty());
        assert!(times("By 12 people had died.").is_empty());
        assert!(times("She died at 67.").is_empty());
        assert!(times("died at 67 in the evening of her life").is_empty());
        assert!(times("section 1.10.35 pm").is_empty());
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert!(times("12 seconds and 3 amps").is_empty());
        assert!(times("a 3:1 ratio").is_empty());
        assert!(times("at 25:10").is_empty());
        assert!(times("at 10:75").is_empty());
        assert!(times("at 14 pm").is_empty());
        assert!(times("I am 30 am I not").is_empty());
        assert!(times("1,350 buses").is_empty());
        assert!(times("in 1986").is_empty());
    }
}

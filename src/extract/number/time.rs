//! Times of day (`1:23:59`, `1:23 a.m.`, `10h35`, `9 PM`, `5 o'clock`): read apart so
//! that their digits are never taken for counts.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::after_window;
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

fn number(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    let s = c.name(name)?.as_str();
    s.parse().ok().or_else(|| small_word_value(s))
}

/// Every time of day in the folded `text`, in order.
pub fn extract_times(text: &str) -> Vec<TimeMention> {
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
        let pm = meridian.or_else(|| {
            PART_OF_DAY
                .captures(after_window(text, m.end()))
                .map(|p| &p["part"] != "morning")
        });
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

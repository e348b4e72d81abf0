//! Times of day (`1:23:59`, `1:23 a.m.`, `10h35`, `9 PM`, `5 o'clock`, `at 10.35`,
//! `10.35 p.m.`, `at 5 in the morning`): read apart so that their digits are never
//! taken for counts.
//!
//! An hour and minutes written with a period (`10.35`) read as a decimal unless
//! a meridian follows, or a word that places things in time stands before and no
//! unit after (`at 10.35 the reactor`, not `at 10.35 metres`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::after_window;
use super::phrase::{is_unit, plural_ish, read_phrase, singular};
use super::value::small_word_value;

/// How finely a time is stated: `1 a.m.` names an hour, `1:23` a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimePrecision {
    Hour,
    Minute,
    Second,
}

impl TimePrecision {
    /// The seconds a time at this precision covers (`1 a.m.`: 01:00:00–01:59:59).
    pub fn span_seconds(self) -> u32 {
        match self {
            TimePrecision::Hour => 3600,
            TimePrecision::Minute => 60,
            TimePrecision::Second => 1,
        }
    }
}

/// A time of day found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte span of the time, its `a.m.`/`PM`/`o'clock` included, its zone not.
    pub span: Range<usize>,
    /// 0–24, on the 24-hour clock where `a.m.`, `PM`, `in the afternoon` or `in the
    /// evening` says which half of the day; as written otherwise.
    pub hour: u32,
    /// 0 where only the hour is given.
    pub minute: u32,
    pub second: Option<u32>,
    /// What the words state: an hour (`1 a.m.`), a minute (`1:23`), a second.
    pub precision: TimePrecision,
    /// A 12-hour time with nothing to say which half of the day (`at 10:50`,
    /// `half past ten`): it is `hour` or `hour + 12`.
    pub either_half: bool,
    /// Written with `a.m.` or `p.m.` (a correction is shown the same way).
    pub meridian: bool,
    /// Seconds before and after the time that vague words allow (`around
    /// midnight`, `shortly after 1 a.m.`, `just before 10:30`).
    pub window: (u32, u32),
    /// The zone written after the time (`UTC`, `+04:00`, `Moscow time`).
    pub zone: Option<ZoneMention>,
}

impl TimeMention {
    /// A time as written, at `precision`, with no window and no zone yet.
    fn new(span: Range<usize>, hour: u32, minute: u32, second: Option<u32>) -> TimeMention {
        let precision = match (second, minute) {
            (Some(_), _) => TimePrecision::Second,
            _ => TimePrecision::Minute,
        };
        TimeMention {
            span,
            hour,
            minute,
            second,
            precision,
            either_half: false,
            meridian: false,
            window: (0, 0),
            zone: None,
        }
    }

    /// The seconds after midnight of the time as read (the first half of the day
    /// where it may be either).
    pub fn seconds(&self) -> u32 {
        (self.hour * 3600 + self.minute * 60 + self.second.unwrap_or(0)) % 86_400
    }

    /// The span of the time with its zone.
    pub fn full_span(&self) -> Range<usize> {
        let end = self.zone.as_ref().map_or(self.span.end, |z| z.span.end);
        self.span.start..end
    }
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let words = words::HOURS;
    Regex::new(&format!(
        r"(?x)
        \b(?P<h>\d{{1,2}})
        (?: :(?P<m>\d{{2}})(?: :(?P<s>\d{{2}}) )? | h(?P<hm>\d{{2}}) )
        (?: (?P<zulu>z)\b | \ ?(?P<mer>[ap]m\b|[ap]\.m\b\.?) | \b )
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
/// [`dotted_times`] tells which are times. (Read only in a text with an ASCII
/// digit.)
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cue>\b(?:at|by|until|till|from|around|before|after|since)\ )?
        \b(?P<h>[0-9]{1,2})(?:\.(?P<m>[0-9]{2}))?
        (?:\ ?(?P<mer>[ap]m\b|[ap]\.m\b\.?)|\b)",
    )
    .expect("the dotted time regex is valid")
});

fn number(c: &crate::re::Captures<'_>, name: &str) -> Option<u32> {
    let s = c.name(name)?.as_str();
    s.parse().ok().or_else(|| small_word_value(s))
}

/// Every time of day in the folded `text`, in order, each with the vague words
/// before it and the zone after it.
pub fn extract_times(text: &str) -> Vec<TimeMention> {
    // Most texts hold no time, and most of those no digit: such a text is
    // answered by a look for the words a time in words needs, not by the
    // searches of every form. The forms written in ASCII digits alone are
    // searched only where one is.
    let ascii_digits = text.bytes().any(|b| b.is_ascii_digit());
    let digits = ascii_digits || (!text.is_ascii() && text.chars().any(char::is_numeric));
    if !digits && !words::SPELLED.is_match(text) {
        return Vec::new();
    }
    let mut out = clock_times(text);
    let mut firmer = Vec::new();
    if ascii_digits {
        firmer.extend(dotted_times(text));
    }
    firmer.extend(words::word_times(text));
    if ascii_digits {
        firmer.extend(words::military_times(text));
        firmer.extend(words::iso_times(text));
    }
    // "10.05 pm": the hour with its minutes, not "05 pm"; "half past ten
    // o'clock", not "ten o'clock".
    out.retain(|t| {
        !firmer
            .iter()
            .any(|d| d.span.start < t.span.end && t.span.start < d.span.end)
    });
    out.extend(firmer);
    out.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    out.dedup_by(|b, a| b.span.start < a.span.end);
    for t in &mut out {
        t.window = words::window(text, t);
        t.zone = zone::zone_after(text, t.span.end);
        if t.zone.is_some() && !t.meridian && t.either_half && !words::is_word_time(text, t) {
            // "10:50 UTC": a zone is given on the 24-hour clock.
            t.either_half = false;
        }
    }
    // "01:23 +04:00": the offset is no time of its own.
    let zones: Vec<Range<usize>> = out
        .iter()
        .filter_map(|t| t.zone.as_ref().map(|z| z.span.clone()))
        .collect();
    out.retain(|t| {
        !zones
            .iter()
            .any(|z| z.start <= t.span.start && t.span.end <= z.end)
    });
    out
}

/// Whether the word before `start` may lead a bare `h:mm` time (`at 10:35`, `the
/// 10:35 flight`, `1986, 01:23`), or nothing but punctuation or digits stand there.
fn led(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = crate::extract::trailing_ascii_word(before);
    word.is_empty() || crate::lexicon::is(crate::lexicon::TIME_LEADS, word)
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
        let mut t = TimeMention::new(h.start()..end, hour, minute, None);
        if m.is_none() {
            t.precision = TimePrecision::Hour;
        }
        t.meridian = mer.is_some();
        t.either_half =
            mer.or(part).is_none() && !h.as_str().starts_with('0') && (1..=12).contains(&hour);
        out.push(t);
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
        // "01:23z": the zone is read after the time.
        let end = c.name("zulu").map_or(m.end(), |z| z.start());
        let mut t = TimeMention::new(m.start()..end, hour, minute, second);
        if c.name("m").is_none() && c.name("hm").is_none() {
            t.precision = TimePrecision::Hour;
        }
        t.meridian = meridian.is_some();
        let padded = c.name("h").is_some_and(|h| h.as_str().starts_with('0'));
        t.either_half = pm.is_none() && !padded && (1..=12).contains(&hour);
        if t.either_half && second.is_none() && c.name("hm").is_none() && !led(text, m.start()) {
            // "John 3:16", "chapter 10:35": a bare pair after a word that does not
            // lead a time is a reference.
            continue;
        }
        out.push(t);
    }
    out
}

mod words;
mod zone;

pub use zone::{Zone, ZoneMention, parse_offset};

#[cfg(test)]
mod tests;

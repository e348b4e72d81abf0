//! Times written in words (`noon`, `midnight`, `quarter to midnight`, `half past
//! ten`, `ten past eleven`), on the military clock (`2250 hours`, `at 1830
//! hours`, `1830h`), inside ISO date-times (`1986-04-26T01:23:40+04:00`), and the
//! vague words before a time (`around`, `shortly after`, `just before`).

use std::sync::LazyLock;

use crate::re::Regex;
use aho_corasick::AhoCorasick;

use crate::extract::gated::Gated;

use super::zone::{Zone, ZoneMention, parse_offset};
use super::{TimeMention, TimePrecision, part_of_day};
use crate::extract::number::value::small_word_value;

/// The hours in words, as a regex's alternatives.
pub(super) const HOURS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

/// The minutes before `past` or `to`: `quarter`, `half`, `ten`, `twenty five`, `5`.
const MINUTES: &str = r"a\ quarter|quarter|half|twenty\ (?:one|two|three|four|five|six|seven|eight|nine)|twenty|[a-z]+|[0-9]{1,2}";

/// Every match names noon or midnight, or says `past` or `to` between spaces.
pub(super) static WORD_TIME: Gated =
    Gated::new(&["noon", "midday", "midnight", " past ", " to "], || {
        Regex::new(&format!(
            r"(?x)
        \b(?:(?P<n>{MINUTES})(?P<mins>\ minutes?)?\ (?P<dir>past|to|after|before)\ )?
        (?:12\ )?(?P<base>noon|midday|midnight)\b
      | \b(?P<n2>{MINUTES})(?P<mins2>\ minutes?)?\ (?P<dir2>past|to)\ (?P<h>{HOURS}|[0-9]{{1,2}})\b
        (?:\ o'?\ ?clock\b)?"
        ))
        .expect("the word time regex is valid")
    });

/// `2250 hours`, `1830 hrs`, `1830h`: an hour and minutes in four digits (read
/// only in a text with an ASCII digit).
static MILITARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cue>\b(?:at|by|until|till|from|around|about|before|after|since)\ )?
        \b(?P<h>[01][0-9]|2[0-3])(?P<m>[0-5][0-9])(?P<unit>\ ?(?:hours|hrs|hr)|h)\b",
    )
    .expect("the military time regex is valid")
});

/// The time of an ISO date-time (`1986-04-26t01:23:40+04:00`; folded lowercase;
/// read only in a text with an ASCII digit).
pub(super) static ISO: Gated = Gated::new(&[":"], || {
    Regex::new(
        r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}t(?P<h>[0-9]{2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?P<zone>z|[+-][0-9]{2}:?[0-9]{2})?\b",
    )
    .expect("the ISO time regex is valid")
});

/// Words after four digits and `hours` that make them a duration (`1830 hours of
/// flying`, `2000 hours later`).
const DURATION_AFTER: &[&str] = &[
    " ago",
    " aloft",
    " earlier",
    " flying",
    " in the air",
    " later",
    " long",
    " of",
];

fn minutes_of(s: &str) -> Option<u32> {
    match s {
        "quarter" | "a quarter" => Some(15),
        "half" => Some(30),
        _ => s.parse().ok().or_else(|| {
            let (tens, unit) = s.split_once(' ').unwrap_or((s, ""));
            let tens = if tens == "twenty" {
                20
            } else {
                return small_word_value(s);
            };
            Some(
                tens + if unit.is_empty() {
                    0
                } else {
                    small_word_value(unit)?
                },
            )
        }),
    }
    .filter(|m| (1..60).contains(m))
}

/// What a time written without a digit holds one of: `noon`, `midday`,
/// `midnight`, `clock` (`five o'clock`), an hour's word before a meridian
/// (`five pm`, `fivepm`, `five a.m.`), `past` or `to` before an hour's word (`half
/// past ten`). A text with no digit and none of them holds no time.
pub(super) fn spelled_words() -> Vec<String> {
    let mut out: Vec<String> = ["noon", "midday", "midnight", "clock"]
        .map(String::from)
        .to_vec();
    for h in HOURS.split('|') {
        for mer in ["am", "pm", "a.m", "p.m"] {
            out.push(format!("{h}{mer}"));
            out.push(format!("{h} {mer}"));
        }
        out.push(format!("past {h}"));
        out.push(format!("to {h}"));
    }
    out
}

/// [`spelled_words`] as one automaton.
pub(super) static SPELLED: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(spelled_words()).expect("a few words make an automaton"));

/// The times in words.
pub(super) fn word_times(text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in WORD_TIME
        .for_text(text)
        .into_iter()
        .flat_map(|re| re.captures_iter(text))
    {
        let whole = c.get(0).expect("match");
        let (base, n, dir, mins) = match c.name("base") {
            Some(b) => {
                let base = if b.as_str() == "midnight" { 0 } else { 720 };
                (base, c.name("n"), c.name("dir"), c.name("mins"))
            }
            None => {
                let h = c.name("h").expect("group").as_str();
                let Some(h) = h.parse().ok().or_else(|| small_word_value(h)) else {
                    continue;
                };
                if !(1..=12).contains(&h) {
                    continue;
                }
                (h * 60, c.name("n2"), c.name("dir2"), c.name("mins2"))
            }
        };
        let count = n.zip(dir).and_then(|(n, d)| {
            let m = minutes_of(n.as_str()).filter(|_| counted(text, n, mins.is_some()))?;
            Some(if matches!(d.as_str(), "to" | "before") {
                -(m as i32)
            } else {
                m as i32
            })
        });
        // "just before midnight": no count, the base alone.
        let (shift, span) = match (count, c.name("base")) {
            (Some(shift), _) => (shift, whole.range()),
            (None, Some(b)) if n.is_some() => (0, b.start()..whole.end()),
            (None, _) if n.is_some() => continue,
            (None, _) => (0, whole.range()),
        };
        let minutes = (base as i32 + shift).rem_euclid(1440) as u32;
        let mut t = TimeMention::new(span, minutes / 60, minutes % 60, None);
        if c.name("base").is_none() {
            match part_of_day(text, whole.end()) {
                Some(true) if t.hour < 12 => t.hour += 12,
                Some(_) => {}
                None => t.either_half = t.hour != 0,
            }
        }
        out.push(t);
    }
    out
}

/// Whether the minutes before `past` or `to` count minutes: with `minutes`, or a
/// round count of a clock face (`quarter`, `half`, `five`, `ten`, `twenty`,
/// `twenty five`) not after `from` or `between` (`from five to ten` is a range).
fn counted(text: &str, n: crate::re::Match<'_>, minutes: bool) -> bool {
    let before = text[..n.start()].trim_end();
    let range = before.ends_with("from")
        || before.ends_with("between")
        || before.ends_with(|c: char| c.is_ascii_digit());
    let round = matches!(
        n.as_str(),
        "quarter" | "a quarter" | "half" | "five" | "ten" | "twenty" | "twenty five"
    );
    !range && (minutes || round)
}

/// Whether a time was written in words (`noon`, `half past ten`).
pub(super) fn is_word_time(text: &str, t: &TimeMention) -> bool {
    text[t.span.clone()].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The times written in four digits with `hours` or `h`.
pub(super) fn military_times(text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in MILITARY.captures_iter(text) {
        let (h, m) = (c.name("h").expect("group"), c.name("m").expect("group"));
        let end = c.get(0).expect("match").end();
        let glued = c.name("unit").is_some_and(|u| u.as_str() == "h");
        let duration = DURATION_AFTER.iter().any(|w| text[end..].starts_with(w));
        let digits_before = text[..h.start()].ends_with(|c: char| c.is_ascii_digit() || c == ',');
        if duration || digits_before {
            continue;
        }
        let padded = h.as_str().starts_with('0');
        let before = text[..h.start()].trim_end();
        let quantified = ["than", "for", "over", "logged", "some"]
            .iter()
            .any(|w| before.ends_with(w));
        if quantified && !(padded || glued) {
            continue;
        }
        let (Ok(hour), Ok(minute)) = (h.as_str().parse(), m.as_str().parse()) else {
            continue;
        };
        out.push(TimeMention::new(h.start()..end, hour, minute, None));
    }
    out
}

/// The time part of each ISO date-time, with its zone.
pub(super) fn iso_times(text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in ISO
        .for_text(text)
        .into_iter()
        .flat_map(|re| re.captures_iter(text))
    {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(hour), Some(minute)) = (num("h"), num("m")) else {
            continue;
        };
        let second = num("s");
        if hour > 24 || minute > 59 || second.is_some_and(|s| s > 59) {
            continue;
        }
        let h = c.name("h").expect("group");
        let end = c.name("s").or(c.name("m")).expect("group").end();
        let mut t = TimeMention::new(h.start()..end, hour, minute, second);
        t.zone = c.name("zone").and_then(|z| {
            let offset = match z.as_str() {
                "z" => 0,
                o => parse_offset(o)?,
            };
            Some(ZoneMention {
                span: z.range(),
                zone: Zone::Offsets(vec![offset]),
            })
        });
        out.push(t);
    }
    out
}

/// The seconds before and after a time that the words before it allow: `around`
/// (half an hour for a round time, ten minutes otherwise), `shortly after`,
/// `just before` (half an hour on one side).
pub(super) fn window(text: &str, t: &TimeMention) -> (u32, u32) {
    let before = text[..t.span.start].trim_end();
    let ends = |list: &[&str]| {
        list.iter().any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    };
    const HALF_HOUR: u32 = 1800;
    if ends(crate::lexicon::TIME_AFTER) {
        (0, HALF_HOUR)
    } else if ends(crate::lexicon::TIME_BEFORE) {
        (HALF_HOUR, 0)
    } else if ends(crate::lexicon::TIME_ABOUT) {
        let round = t.precision == TimePrecision::Hour || t.minute.is_multiple_of(15);
        let w = if round { HALF_HOUR } else { 600 };
        (w, w)
    } else {
        (0, 0)
    }
}

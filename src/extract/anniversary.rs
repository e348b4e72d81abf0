//! Distances from an event: `100 years since her death`, `two days later`, `36
//! hours after the explosion`, `five days into the march`, `the 30th anniversary
//! of the disaster`, `the centenary of the opening`, `39 years ago`, `within a mere
//! 66 years`.
//!
//! A distance is not the event. The number in it is no quantity of the event, and
//! a date written beside it is the event's date moved by the distance: `the
//! centenary of the opening, on 3 may 2021` dates the opening to 3 May 1921
//! ([`event_date`], [`shift_years`]). Runs on folded text.

use std::ops::Range;

use crate::re::{Captures, Regex};

use crate::extract::gated::Gated;
use crate::extract::number::Approx;
use crate::lexicon;

mod shift;

pub use shift::{event_date, shift_years};

/// The unit a distance counts in; decades, centuries and millennia count as years,
/// a fortnight as two weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Which way a distance runs from its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `100 years since her death`: the event is the amount earlier.
    Since,
    /// `two hours after the launch`, `two days later`: the event is earlier.
    After,
    /// `two days before the launch`, `a year earlier`: the event is later.
    Before,
    /// `five days into the march`: the event began the amount earlier.
    Into,
    /// `the 30th anniversary of the disaster`, `the centenary of the opening`: the
    /// event is the amount of years earlier, to the day where a day is given.
    Anniversary,
    /// `39 years ago`: counted from the time of writing, unknown here.
    Ago,
    /// `within a mere 66 years`, `within days of the disaster`: at most the amount.
    Within,
}

/// A distance from an event, found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Distance {
    /// The whole phrase, the event's words included: `100 years since her death`.
    pub span: Range<usize>,
    /// The words that state the distance: `100 years since`, `the 30th anniversary
    /// of`, `two days later`. A number or a date here is never the event's.
    pub measure: Range<usize>,
    /// The amount in `unit`s, where written (`100`, `two`, `a`, `half a` → 0.5;
    /// `the centenary` → 100); `None` for `years since`, `a few days later`.
    pub amount: Option<f64>,
    pub unit: TimeUnit,
    /// The amount is approximate (`about`, `nearly`, `more than`, `some`).
    pub approx: bool,
    /// How its words bound the amount: `about` ([`Approx::About`]), `more than`
    /// ([`Approx::AtLeast`]), `less than`, `up to` ([`Approx::AtMost`]), or not at
    /// all (`exactly`, `a mere`, no word).
    pub bound: Approx,
    pub direction: Direction,
    /// The words naming the event (`her death`, `the explosion`, `the opening`),
    /// where written: after `since`, `after`, `before`, `into`, `of`. A date in them
    /// is the event's own (`since the 1986 disaster`).
    pub event: Option<Range<usize>>,
}

const UNITS_1: &str = "one|two|three|four|five|six|seven|eight|nine";
const TEENS: &str =
    "nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten";
const TENS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const MODIFIERS: &str = "approximately|about|around|roughly|nearly|almost|just over|just under|well over|over|under|more than|less than|fewer than|close to|up to|at least|at most|some|a mere|mere|only|just|exactly|precisely|barely|a full|another|a further";
/// Modifiers that make the amount a lower bound.
const AT_LEAST: [&str; 5] = ["just over", "more than", "over", "well over", "at least"];
/// Modifiers that make the amount an upper bound.
const AT_MOST: [&str; 6] = [
    "just under",
    "under",
    "less than",
    "fewer than",
    "up to",
    "at most",
];
/// Modifiers that leave the amount exact.
const EXACT: [&str; 9] = [
    "a mere",
    "mere",
    "only",
    "just",
    "exactly",
    "precisely",
    "a full",
    "another",
    "a further",
];
const ORDINAL_UNITS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const ORDINAL_TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
const TIME_UNITS: &str = "seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|millennia|millennium";
const ANNIVERSARIES: &str = "anniversary|bicentenary|bicentennial|centenary|centennial|tercentenary|tercentennial|tricentennial|quatercentenary|quincentenary|quincentennial|sesquicentenary|sesquicentennial|semicentennial|jubilee";

/// Every distance names a unit of time or an anniversary.
static DISTANCE: Gated = Gated::new(
    &[
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "centur",
        "millenni",
        "anniversary",
        "centenary",
        "centennial",
        "jubilee",
    ],
    distance_regex,
);

fn distance_regex() -> Regex {
    let number = format!(
        r"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:(?:a|{UNITS_1}) )?hundred|(?:a|one) thousand|(?:{TENS})(?: (?:{UNITS_1}))?|{TEENS}|{UNITS_1}"
    );
    let amount = |n: &str| {
        format!(
            r"(?P<{n}>{number}|half a|a few|a couple of|a couple|several|many|some|hundreds of|thousands of|dozens of|a|an|the)"
        )
    };
    let ordinal = format!(
        r"\d{{1,4}}(?:st|nd|rd|th)|(?:(?:{TENS}) )?(?:{})|{}|{}|hundredth",
        ORDINAL_UNITS.join("|"),
        ORDINAL_TEENS.join("|"),
        ORDINAL_TENS.join("|"),
    );
    Regex::new(&format!(
        r"\b(?:(?P<counted>(?:(?P<mod>{MODIFIERS}) )?(?:{a} )?(?P<unit>{TIME_UNITS}) (?P<dir>since|after|before|into|prior to|later|earlier|afterwards|afterward|ago|previously))|(?P<within>within (?:(?P<wmod>{MODIFIERS}) )?(?:{wa} )?(?P<wunit>{TIME_UNITS})(?P<wof> of)?)|(?P<anniv>(?:(?:the|its|his|her|their|this|a|an) )?(?:(?P<ord>{ordinal}|(?P<metal>silver|golden|ruby|diamond|platinum)) )?(?P<kind>{ANNIVERSARIES})(?P<aof> of)?))\b",
        a = amount("amount"),
        wa = amount("wamount"),
    ))
    .expect("the distance regex is valid")
}

/// Every distance from an event in the folded `text`, in order.
pub fn extract_distances(text: &str) -> Vec<Distance> {
    let Some(re) = DISTANCE.for_text(text) else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| distance(text, &c))
        .collect()
}

fn distance(text: &str, c: &Captures<'_>) -> Option<Distance> {
    let measure = c.get(0).expect("group 0").range();
    let (amount, unit, bound, direction, has_event) = if c.name("counted").is_some() {
        let (amount, unit) = amount_in_unit(
            c.name("amount").map(|m| m.as_str()),
            c.name("unit")?.as_str(),
        )?;
        let dir = c.name("dir")?.as_str();
        let direction = match dir {
            "since" => Direction::Since,
            "after" | "later" | "afterwards" | "afterward" => Direction::After,
            "into" => Direction::Into,
            "ago" => Direction::Ago,
            _ => Direction::Before,
        };
        let has_event = matches!(dir, "since" | "after" | "before" | "prior to" | "into");
        (amount, unit, bound(c.name("mod")), direction, has_event)
    } else if c.name("within").is_some() {
        let (amount, unit) = amount_in_unit(
            c.name("wamount").map(|m| m.as_str()),
            c.name("wunit")?.as_str(),
        )?;
        let bound = bound(c.name("wmod"));
        (
            amount,
            unit,
            bound,
            Direction::Within,
            c.name("wof").is_some(),
        )
    } else {
        let amount = anniversary_years(c.name("kind")?.as_str(), c.name("ord").map(|m| m.as_str()));
        (
            amount,
            TimeUnit::Year,
            Approx::Exact,
            Direction::Anniversary,
            c.name("aof").is_some(),
        )
    };
    let event = if has_event {
        event_words(text, measure.end)
    } else {
        None
    };
    Some(Distance {
        span: measure.start..event.as_ref().map_or(measure.end, |e| e.end),
        measure,
        amount,
        unit,
        approx: bound != Approx::Exact,
        bound,
        direction,
        event,
    })
}

/// How a modifier bounds the amount after it.
fn bound(modifier: Option<crate::re::Match<'_>>) -> Approx {
    match modifier.map(|m| m.as_str()) {
        None => Approx::Exact,
        Some(m) if EXACT.contains(&m) => Approx::Exact,
        Some(m) if AT_LEAST.contains(&m) => Approx::AtLeast,
        Some(m) if AT_MOST.contains(&m) => Approx::AtMost,
        Some(_) => Approx::About,
    }
}

/// The amount and unit of `two decades`, `a century`, `half a day`, `the year`.
fn amount_in_unit(amount: Option<&str>, unit: &str) -> Option<(Option<f64>, TimeUnit)> {
    let plural = unit.ends_with('s') || unit == "millennia";
    let (unit, scale) = match unit.trim_end_matches('s') {
        "second" => (TimeUnit::Second, 1.0),
        "minute" => (TimeUnit::Minute, 1.0),
        "hour" => (TimeUnit::Hour, 1.0),
        "day" => (TimeUnit::Day, 1.0),
        "week" => (TimeUnit::Week, 1.0),
        "fortnight" => (TimeUnit::Week, 2.0),
        "month" => (TimeUnit::Month, 1.0),
        "year" => (TimeUnit::Year, 1.0),
        "decade" => (TimeUnit::Year, 10.0),
        "centurie" | "century" => (TimeUnit::Year, 100.0),
        _ => (TimeUnit::Year, 1000.0), // millennium, millennia
    };
    let n = match amount {
        None => None,
        // "the year after" is one year; "the years after", no amount.
        Some("the") => (!plural).then_some(1.0),
        Some(a) => number_value(a),
    };
    Some((n.map(|n| n * scale), unit))
}

/// The value of a written amount: `36`, `1,000`, `2.5`, `a`, `thirty six`, `a
/// hundred`, `half a`; `None` for `a few`, `several`, `many`.
fn number_value(words: &str) -> Option<f64> {
    if words.starts_with(|c: char| c.is_ascii_digit()) {
        return words.replace(',', "").parse().ok();
    }
    match words {
        "a" | "an" => return Some(1.0),
        "half a" => return Some(0.5),
        "a couple" | "a couple of" => return Some(2.0),
        _ => {}
    }
    let small = |w: &str| -> Option<f64> {
        let units = UNITS_1
            .split('|')
            .position(|u| u == w)
            .map(|i| i as f64 + 1.0);
        let teens = TEENS
            .split('|')
            .position(|u| u == w)
            .map(|i| 19.0 - i as f64);
        let tens = TENS
            .split('|')
            .position(|u| u == w)
            .map(|i| 20.0 + 10.0 * i as f64);
        units.or(teens).or(tens)
    };
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    for w in words.split(' ') {
        match w {
            "a" => current = current.max(1.0),
            "hundred" => current = current.max(1.0) * 100.0,
            "thousand" => {
                total += current.max(1.0) * 1000.0;
                current = 0.0;
            }
            _ => current += small(w)?,
        }
    }
    Some(total + current)
}

/// The years an anniversary word counts: `30th anniversary` → 30, `centenary` →
/// 100, `golden jubilee` → 50; `None` for a bare `anniversary`.
fn anniversary_years(kind: &str, ordinal: Option<&str>) -> Option<f64> {
    let years = match kind {
        "bicentenary" | "bicentennial" => 200,
        "centenary" | "centennial" => 100,
        "tercentenary" | "tercentennial" | "tricentennial" => 300,
        "quatercentenary" => 400,
        "quincentenary" | "quincentennial" => 500,
        "sesquicentenary" | "sesquicentennial" => 150,
        "semicentennial" => 50,
        _ => return ordinal.and_then(ordinal_value).map(f64::from),
    };
    Some(f64::from(years))
}

/// `30th` → 30, `thirtieth` → 30, `twenty fifth` → 25, `hundredth` → 100, `golden`
/// → 50.
fn ordinal_value(word: &str) -> Option<u32> {
    if let Some(digits) = word.get(..word.len().saturating_sub(2))
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return digits.parse().ok();
    }
    let position = |list: &[&str], w: &str| list.iter().position(|o| *o == w).map(|i| i as u32);
    let (tens, unit) = match word.split_once(' ') {
        Some((t, u)) => (TENS.split('|').position(|x| x == t)? as u32 * 10 + 20, u),
        None => (0, word),
    };
    let value = if let Some(i) = position(&ORDINAL_UNITS, unit) {
        i + 1
    } else if tens > 0 {
        return None;
    } else if let Some(i) = position(&ORDINAL_TEENS, unit) {
        i + 10
    } else if let Some(i) = position(&ORDINAL_TENS, unit) {
        i * 10 + 20
    } else {
        match unit {
            "hundredth" => 100,
            "silver" => 25,
            "ruby" => 40,
            "golden" => 50,
            "diamond" => 60,
            "platinum" => 70,
            _ => return None,
        }
    };
    Some(tens + value)
}

/// The words naming the event from `at` (the end of `since`, `after`, `of`): up to
/// six words, ending before punctuation or before a word that cannot continue a
/// noun phrase ([`ends_event`]).
fn event_words(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = text[at..].strip_prefix(' ')?;
    let start = at + 1;
    let mut end = start;
    let mut offset = start;
    let mut previous = "";
    for (count, word) in rest.split(' ').enumerate() {
        let clean_len = word
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .unwrap_or(word.len());
        let clean = &word[..clean_len];
        if clean.is_empty() || count == 6 || ends_event(clean, previous, count == 0) {
            break;
        }
        end = offset + clean_len;
        if clean_len < word.len() {
            break;
        }
        offset += word.len() + 1;
        previous = clean;
    }
    (end > start).then_some(start..end)
}

/// Whether `word`, after `previous`, ends an event's words: a word of
/// [`lexicon::EVENT_ENDS`]; and, past the first word, a subject pronoun (`the
/// march they`), a determiner not after `of` (`her death the museum`), a number
/// not after a determiner (`the disaster 32 people`), or a past verb not after a
/// subject pronoun (`the disaster fell`, `the flight ended`; but `they moved`).
fn ends_event(word: &str, previous: &str, first: bool) -> bool {
    if lexicon::is(lexicon::EVENT_ENDS, word) {
        return true;
    }
    if first {
        return false;
    }
    let after_determiner = lexicon::is(lexicon::EVENT_DETERMINERS, previous);
    // "after they moved": a clause, its verb included.
    let after_subject = lexicon::is(lexicon::SUBJECT_PRONOUNS, previous);
    lexicon::is(lexicon::SUBJECT_PRONOUNS, word)
        || (lexicon::is(lexicon::EVENT_DETERMINERS, word) && previous != "of")
        || (word.starts_with(|c: char| c.is_ascii_digit()) && !after_determiner)
        || (!after_determiner
            && !after_subject
            && (lexicon::is(lexicon::IRREGULAR_PAST, word)
                || (word.len() > 4 && word.ends_with("ed"))))
}

#[cfg(test)]
mod tests;

//! Quantities in English prose: a number, the noun it counts or measures, and what
//! the words around it say about it.
//!
//! Runs on folded text (see [`super::normalize`]). Finds `1,517`, `1 517`, `3.5`,
//! `255,6` (a decimal comma), `600 thousand`, `twenty`, `twenty-five` (folded to
//! `twenty five`), glued forms (`20years`) and ranges (`12-15`, `from 4,000 to
//! 200,000`). Each number gets the noun phrase after it (`300 cabin berths`), so that
//! a claim's quantity is compared only with numbers of its own noun
//! ([`unit_matches`]); the noun an attributive measure describes (`a 1,200 ton lid`);
//! the owner or measure noun before `of` (`a legacy of five Nobel Prizes`, `a
//! distance of 852 feet`); ages (`aged 26`, `a 25-year-old`, `died at 67`); the
//! approximation before it (`about`, `more than`); and whether it is a part (`one
//! of them`), an increment (`three more flights`) or a label (`reactor No. 4`).
//! Times of day are read apart ([`extract_times`]) and are never numbers; neither
//! are codes (`iodine-131`) or ordinals (`the 96th`).
//!
//! Modules: `value` reads numbers as written, `time` times of day, `range` joins
//! ranges, `phrase` the noun after a number, `context` the words around it, `name`
//! the digits of a name (`Apollo 11`), which the caller tells by the writer's case,
//! `clue` the unit a clue names for a bare number (`the distance, in metres,
//! was 260`), and `topic` the noun a sentence names for it (`the population of the
//! town is 148,000`).

mod clue;
mod compound;
mod context;
mod fraction;
mod name;
mod phrase;
mod range;
mod sign;
mod time;
mod topic;
mod value;

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::span::Span;
use crate::span::reach::Reach;

pub use clue::{clue_noun, counts_things, unit_names};
pub use name::{LabelIndex, Written, in_name, labels};
pub use phrase::singular;
pub use time::{TimeMention, TimePrecision, Zone, ZoneMention, extract_times, parse_offset};
pub use topic::lender_topic;

/// How exactly a number is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// `20 years`.
    Exact,
    /// `about 20`, `nearly 20`, `some 20`.
    About,
    /// `more than 20`, `over 20`, `at least 20`.
    AtLeast,
    /// `less than 20`, `under 20`, `up to 20`.
    AtMost,
}

/// A number found in a text, with what it counts or measures.
///
/// Every range is a byte span in the text searched.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Span of the number itself (digits or words; both ends of a range).
    pub span: Range<usize>,
    /// The number, or the lower end of a range.
    pub value: f64,
    /// The upper end of a range (`12-15`, `from 4,000 to 200,000`, `between 180 and
    /// 320`, `three or four`): the statement is any value in `value..=range_to`.
    pub range_to: Option<f64>,
    /// The compared form of the head of [`Self::noun`]: singular, compounds joined
    /// (`berth`, `prize`, `horsepower`, `square km`, `percent`); `year` for an age.
    pub unit: Option<String>,
    /// The noun phrase the number counts or measures: the words after it up to its
    /// head (`cabin berths` in `300 cabin berths`, `square km`, `ton` in `a 1,200 ton
    /// lid`). `more` in `three more flights` is not part of it (see `increment`).
    pub noun: Option<Range<usize>>,
    /// The head word of `noun` (`berths`).
    pub head: Option<Range<usize>>,
    /// For a number with no noun of its own, the noun a clue before it names
    /// (`metres` in `the distance, in metres, was 260`, `climbers` in `number of
    /// climbers on the summit, 3`): what the number counts or measures.
    pub clue: Option<Range<usize>>,
    pub approx: Approx,
    /// Whether the words state someone's age (`aged 26`, `a 25-year-old`).
    pub age: bool,
    /// A measure used as an adjective (`a 1,200 ton lid`, `a 12-horsepower engine`,
    /// `his 25-year-old assistant`): the quantity of the noun in `describes`.
    pub attributive: bool,
    /// The head of the noun an attributive measure describes (`lid`, `engine`,
    /// `assistant`).
    pub describes: Option<Range<usize>>,
    /// The noun before `of` whose quantity this is (`legacy` in `a legacy of five
    /// Nobel Prizes`, `capacity` in `the capacity of 4,000 megawatts`).
    pub of_noun: Option<Range<usize>>,
    /// The measure or aggregate noun before `of` that this number is the value of
    /// (`distance` in `a distance of 852 feet`, `total`, `population`, `crowd`).
    pub measure: Option<Range<usize>>,
    /// For a number with no noun of its own, the noun the sentence names for it:
    /// what it is the quantity of (`population` in `a population of 148,000`, `the
    /// population of the town is 148,000`, `population: 148,000`, `sources put the
    /// losses at 6,000`). Never set for a year, an age or a number with a noun.
    pub topic: Option<Range<usize>>,
    /// A part of a total, not the total (`one of them`, `two of the four`, `one person
    /// died, another …`, `including 17,000 children`).
    pub partial: bool,
    /// An increment on a total given elsewhere, not the total (`three more flights`,
    /// `another 220,000`, `an additional 220,000`).
    pub increment: bool,
    /// A duration counted from another event (`three years later`, `two days after`,
    /// `three years on,`): only a number of a unit of time is one.
    pub relative: bool,
    /// A number that labels a thing rather than counting (`reactor no. 4`, `unit
    /// number 4`, `#4`, `chapter 3`, `p. 45`): it states no quantity.
    pub label: bool,
    /// An age reached that day (`turned 38`): the birthday falls on the date.
    pub birthday: bool,
    /// An age given in apposition (`Trotsky, then 23,`): the word before it names
    /// whose age it is.
    pub appositive: bool,
    /// The further pieces of a compound value after the first, each (value, compared
    /// unit), in lesser units: `40 ft 4 in` → `value` 40, `unit` `foot`, parts `[(4,
    /// "inch")]`; `5 ft 10` → `[(10, "inch")]` (the lesser unit implied); `5 days, 4
    /// hours and 12 minutes` → `[(4, "hour"), (12, "minute")]`. Empty for a simple
    /// value. Where there are parts, `unit` is the full name of the first unit
    /// (`foot`, `hour`, `pound`) and `span` covers the whole compound.
    pub parts: Vec<(f64, String)>,
    /// This number restates the number just before it in another unit of the same
    /// kind (`8,840` in `29,002 ft (8,840 m)`, `274` in `605 lb or 274 kg`, `29,029`
    /// in `8,848 m/29,029 ft`): the two are one statement with two readings.
    pub converted: bool,
    /// A total the scanner made by adding the counts a list gives of a claim's
    /// parts ("310 passengers and 12 crew": 322, its span covering the list);
    /// never set by the reader.
    pub summed: bool,
}

impl NumberMention {
    /// The values the statement allows: one value, or both ends of a range.
    pub fn interval(&self) -> (f64, f64) {
        (self.value, self.range_to.unwrap_or(self.value))
    }

    /// Whether the statement's values meet the interval `lo..=hi` (a claim's value
    /// with its tolerance, or its `min`/`max`).
    pub fn overlaps(&self, lo: f64, hi: f64) -> bool {
        let (a, b) = self.interval();
        a <= hi && lo <= b
    }
}

/// How far before or after a number its context is read, in bytes.
const WINDOW: usize = 96;

/// The text before `at`, at most [`WINDOW`] bytes, cut on a char boundary.
fn before_window(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// The text after `at`, at most [`WINDOW`] bytes, cut on a char boundary.
fn after_window(text: &str, at: usize) -> &str {
    let mut end = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// The last word of `t` (plain lowercase letters, maybe none) and where it starts.
fn last_word(t: &str) -> (usize, &str) {
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_lowercase())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, &t[start..])
}

/// Finds every number in the folded `text`, sorted by position. Times of day are
/// not numbers (see [`extract_times`]).
pub fn extract_numbers(text: &str) -> Vec<NumberMention> {
    extract_numbers_beside(text, &extract_times(text))
}

/// [`extract_numbers`] for a caller that has read the times of `text` already.
pub fn extract_numbers_beside(text: &str, times: &[TimeMention]) -> Vec<NumberMention> {
    let times = Reach::new(times.iter().map(|t| Span::from(t.span.clone())));
    let outside_times = |r: &value::Raw| !times.overlaps(Span::from(r.span.clone()));
    let raws: Vec<value::Raw> = fraction::with_spoken(
        value::raw_numbers(text)
            .into_iter()
            .filter(outside_times)
            .collect(),
        fraction::spoken_numbers(text)
            .into_iter()
            .filter(outside_times)
            .collect(),
    );
    if raws.is_empty() {
        return Vec::new();
    }
    // The nouns a bare number may count, read where the first one needs them.
    let mut clues: Option<(Vec<_>, bool)> = None;
    let mut out: Vec<NumberMention> = Vec::new();
    for r in range::merge_ranges(text, raws) {
        let p = read_unit(text, &r);
        if clock_hours(text, &r.span, &p) {
            // "at 1830 hours": a time of day, never a count of hours.
            continue;
        }
        let a = context::read_around(text, &r.span, r.value);
        let age = a.age
            || (p.unit.as_deref() == Some("year") && year_old(text, &p))
            || (a.died_at && lifetime(r.value) && matches!(p.unit.as_deref(), None | Some("year")));
        let clue = (p.noun.is_none() && !age)
            .then(|| {
                let (clues, by_end) = clues.get_or_insert_with(|| {
                    let clues = clue::clue_nouns(text);
                    let by_end = clues.is_sorted_by_key(|c| c.end);
                    (clues, by_end)
                });
                clue::last_before(clues, *by_end, r.span.start).cloned()
            })
            .flatten();
        let topic = (p.noun.is_none() && !age && !year_like(text, &r.span))
            .then(|| a.measure.clone().or(a.of_noun.clone()).or(a.topic.clone()))
            .flatten();
        let listed_part = out
            .last()
            .is_some_and(|prev| shares_part(text, prev, &r.span));
        let (span, value) = signed(text, &r, p.unit.as_deref());
        out.push(NumberMention {
            span,
            value,
            range_to: r.range_to,
            unit: if age {
                Some("year".to_string())
            } else {
                p.unit
            },
            noun: p.noun,
            head: p.head,
            clue,
            approx: a.approx,
            age,
            attributive: p.attributive,
            describes: p.describes,
            of_noun: a.of_noun,
            measure: a.measure,
            topic,
            partial: a.partial || listed_part,
            increment: a.increment || p.increment,
            relative: a.relative,
            label: a.label,
            birthday: a.birthday,
            appositive: a.appositive,
            parts: Vec::new(),
            converted: false,
            summed: false,
        });
    }
    let mut out = compound::join_compounds(text, out);
    share_nouns(text, &mut out);
    compound::mark_conversions(text, &mut out);
    out
}

/// "including about 17,000 children and 80 patients": a number listed after a
/// part shares the part.
fn shares_part(text: &str, prev: &NumberMention, span: &Range<usize>) -> bool {
    let from = prev.noun.as_ref().map_or(prev.span.end, |n| n.end);
    prev.partial
        && from <= span.start
        && matches!(&text[from..span.start], " and " | ", " | ", and ")
}

/// The phrase after a number, with its unit: the noun it counts, a unit sign after
/// it (`5'`, `100 °c`) or a currency sign before it (`£400,000`).
fn read_unit(text: &str, r: &range::Ranged) -> phrase::Phrase {
    let singular_count = r.value == 1.0 && r.range_to.is_none();
    let mut p = phrase::read_phrase(text, r.span.end, singular_count);
    if year_like(text, &r.span) && !counts_after_year(text, &p) {
        // "In 1904 Pierre Curie …", "the 1903 Nobel Prize": a year, not a count.
        p = phrase::Phrase::default();
    }
    if p.noun.is_none()
        && let Some(s) = sign::sign_after(text, r.span.start, r.span.end)
    {
        (p.noun, p.head, p.unit) = (Some(s.range.clone()), Some(s.range), Some(s.unit));
    }
    if p.noun.is_none()
        && let Some((range, unit)) = compound::inch_after(text, r.span.end, r.value)
    {
        (p.noun, p.head, p.unit) = (Some(range.clone()), Some(range), Some(unit.to_string()));
    }
    if let Some(currency) = sign::currency_before(text, r.span.start)
        && p.unit.as_deref().is_none_or(|u| !phrase::is_unit(u))
    {
        // "a $1.5bn deal": the sum is of money, and describes the deal.
        if p.noun.is_some() {
            (p.attributive, p.describes) = (true, p.head.take());
            p.noun = None;
        }
        p.unit = Some(currency.to_string());
    }
    p
}

/// The span and value of a number with its minus sign, where it has one and
/// measures a temperature (`-40 °f`).
fn signed(text: &str, r: &range::Ranged, unit: Option<&str>) -> (Range<usize>, f64) {
    if r.range_to.is_none()
        && unit.is_some_and(sign::temperature)
        && sign::minus_before(text, r.span.start)
    {
        return (r.span.start - 1..r.span.end, -r.value);
    }
    (r.span.clone(), r.value)
}

/// A time of day written as four digits and `hours` after a word of time (`at
/// 1830 hours`, `until 0600 hours`).
static CLOCK_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:at|by|until|till|from|before|after|around|about|since|to|and|between) $")
        .expect("valid regex")
});

/// Whether the number at `span` is a time of day in hours and minutes before
/// `hours` (`at 1830 hours`), which the reader of times reads.
fn clock_hours(text: &str, span: &Range<usize>, p: &phrase::Phrase) -> bool {
    let s = &text[span.clone()];
    let hhmm = s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s[..2].parse::<u32>().is_ok_and(|h| h <= 24)
        && s[2..].parse::<u32>().is_ok_and(|m| m <= 59);
    hhmm && p.unit.as_deref() == Some("hour")
        && CLOCK_BEFORE.is_match(before_window(text, span.start))
}

/// "49,360 and 254 people": a bare number joined to the next by `and` or `or`
/// counts the same noun; a bare number after `N nouns to` counts them too.
fn share_nouns(text: &str, out: &mut [NumberMention]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[i], &out[i + 1]);
        if a.noun.is_none()
            && a.unit.is_none()
            && b.noun.is_some()
            && a.span.end <= b.span.start
            && matches!(&text[a.span.end..b.span.start], " and " | " or ")
        {
            let (noun, head, unit) = (b.noun.clone(), b.head.clone(), b.unit.clone());
            let a = &mut out[i];
            (a.noun, a.head, a.unit) = (noun, head, unit);
        }
    }
    // "1,904 votes to 1,200": a tally's second count is of the same thing.
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let counted = a.noun.is_some() && a.unit.as_deref().is_some_and(|u| !phrase::is_unit(u));
        if counted
            && b.noun.is_none()
            && b.unit.is_none()
            && !b.label
            && text.get(compound::reading_end(a)..b.span.start) == Some(" to ")
        {
            out[i].unit = out[i - 1].unit.clone();
        }
    }
}

/// Whether the number at `span` is written like a year: four plain digits from
/// 1000 to 2100 (counts that large are mostly written `1,200`).
fn year_like(text: &str, span: &Range<usize>) -> bool {
    let s = &text[span.clone()];
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Whether the phrase after a year-like number still reads as a count: a plural
/// head (`1500 people`) or a unit right after it (`1200 km`).
fn counts_after_year(text: &str, p: &phrase::Phrase) -> bool {
    let (Some(noun), Some(head)) = (&p.noun, &p.head) else {
        return false;
    };
    phrase::plural_ish(&text[head.clone()])
        || (noun.start == head.start && p.unit.as_deref().is_some_and(phrase::is_unit))
}

/// Whether a number may be someone's age in years: a whole number of a human
/// lifetime (`died at 67`, not `died at 1,200` or `at 2.5`).
fn lifetime(value: f64) -> bool {
    value.fract() == 0.0 && (1.0..=130.0).contains(&value)
}

/// Whether the head `year` is followed by `old` (`60 years old`, `a 25-year-old`).
fn year_old(text: &str, p: &phrase::Phrase) -> bool {
    p.head
        .as_ref()
        .is_some_and(|h| after_window(text, h.end).starts_with(" old"))
}

/// Whether a claim's unit is the noun of the number `n` found in `text`: the unit's
/// words (folded, each singular: `Nobel Prizes` → `nobel prize`) must be the end of
/// the number's noun phrase, its head included. `prizes` and `Nobel Prizes` match
/// `five Nobel Prizes`; `cabins` does not match `300 cabin berths`; `km` matches `30
/// km` and `30-km` but not `2,600 square km`. An age matches `years`.
pub fn unit_matches(claim_unit: &str, n: &NumberMention, text: &str) -> bool {
    let want = phrase::compared_words(&super::normalize::fold_pattern(claim_unit));
    if want.is_empty() {
        return false;
    }
    let have = match (&n.noun, &n.clue) {
        // A sign (`5'`, `40°`) is compared by the unit it stands for.
        (Some(noun), _) if text[noun.clone()].starts_with(['\'', '"', '°']) => {
            n.unit.iter().cloned().collect()
        }
        (Some(noun), _) | (None, Some(noun)) => phrase::compared_words(&text[noun.clone()]),
        (None, None) => n.unit.iter().cloned().collect(),
    };
    have.ends_with(&want) || (n.age && want == ["year"])
}

/// The scanner's test of a claim's unit: a claim without one takes any number; a
/// claim with one takes only numbers whose noun it names ([`unit_matches`]).
pub fn unit_fits(claim_unit: Option<&str>, n: &NumberMention, text: &str) -> bool {
    claim_unit.is_none_or(|u| unit_matches(u, n, text))
}

/// Whether any number in prose can ever carry `unit` (as `5 <unit>` or `1 <unit>`
/// does): a claim whose unit no number can match never fires, and its claims file
/// deserves a warning (`°C`, `people died`, `the km`).
pub fn unit_readable(unit: &str) -> bool {
    ["5", "1"].iter().any(|count| {
        let folded = super::normalize::fold(&format!("{count} {unit}")).text;
        extract_numbers(&folded)
            .first()
            .is_some_and(|n| n.span == (0..1) && unit_matches(unit, n, &folded))
    })
}

#[cfg(test)]
mod quantity_tests;
#[cfg(test)]
mod tests;

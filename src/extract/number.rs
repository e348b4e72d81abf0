//! Numbers in English prose: digits, number words, their unit and how exact they are.
//!
//! Runs on folded text (see [`super::normalize`]). Finds `1,517`, `1 517`, `3.5`,
//! `twenty`, `twenty-five` (folded to `twenty five`), `sixty`, glued forms (`20years`),
//! ages (`aged 26`, `at the age of 60`, `a 25-year-old`, `60 years old`), and the
//! approximation before a number (`about`, `more than`, `nearly`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

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

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte span of the number itself (digits or words) in the text searched.
    pub span: Range<usize>,
    pub value: f64,
    /// The unit word after it, singular (`year`, `copy`…), if any.
    pub unit: Option<String>,
    pub approx: Approx,
    /// Whether the words state someone's age (`aged 26`, `a 25-year-old`).
    pub age: bool,
    /// An age used as an adjective (`his 25-year-old assistant`): the age of the
    /// noun after it.
    pub attributive: bool,
    /// A duration counted from another event (`three years later`, `two days after`).
    pub relative: bool,
    /// An age reached that day (`turned 38`): the birthday falls on the date.
    pub birthday: bool,
    /// An age given in apposition (`Trotsky, then 23,`): the word before it names
    /// whose age it is.
    pub appositive: bool,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let small = UNITS.iter().rev().copied().collect::<Vec<_>>().join("|");
    let tens = TENS[2..].join("|");
    let word = format!(
        r"(?:(?:{tens})(?: (?:one|two|three|four|five|six|seven|eight|nine))?|{small}|a dozen|dozen|a hundred|hundred)(?: (?:hundred|thousand|million)(?: and (?:(?:{tens})(?: (?:one|two|three|four|five|six|seven|eight|nine))?|{small}))?)?"
    );
    Regex::new(&format!(
        r"(?P<digits>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\b|\b\d{{1,3}}(?: \d{{3}})+\b|\b\d+(?:\.\d+)?)|\b(?P<words>{word})\b"
    ))
    .expect("the number regex is valid")
});

static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-| )?(?P<unit>[a-z]+)(?P<old>(?: |-)old)?").expect("valid regex")
});
static RELATIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-| )?[a-z]+ (?:later|earlier|after|before|ago|afterwards|on)\b")
        .expect("valid regex")
});
static ATTRIBUTIVE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[- ]years?[- ]old [a-z]").expect("valid regex"));
static TURNED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:turned|turning) $").expect("valid regex"));
static THEN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\w, (?:then|now|still|only|just) (?:aged )?$").expect("valid regex")
});
static AGE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\baged|\bage of|\bage|\bages of) $").expect("valid regex"));
static APPROX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<about>about|around|approximately|roughly|nearly|almost|some|close to|circa|c\.|an estimated|estimated)|(?P<least>more than|over|at least|upwards of|in excess of)|(?P<most>less than|fewer than|under|up to|at most|no more than)) $",
    )
    .expect("valid regex")
});

fn word_value(words: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut current = 0.0;
    for w in words.split(' ') {
        match w {
            "and" | "a" => {}
            "dozen" => current = if current == 0.0 { 12.0 } else { current * 12.0 },
            "hundred" => {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                }
            }
            "thousand" | "million" => {
                let scale = if w == "thousand" { 1e3 } else { 1e6 };
                total += if current == 0.0 { 1.0 } else { current } * scale;
                current = 0.0;
            }
            _ => {
                if let Some(i) = UNITS.iter().position(|u| *u == w) {
                    current += i as f64;
                } else if let Some(i) = TENS.iter().position(|t| *t == w) {
                    current += (i * 10) as f64;
                } else {
                    return None;
                }
            }
        }
    }
    Some(total + current)
}

/// The singular of a unit word (`years` → `year`, `copies` → `copy`).
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") {
        word.to_string()
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word.to_string()
    }
}

/// Finds every number in the folded `text`, sorted by position.
pub fn extract_numbers(text: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(text) {
        let (m, value) = if let Some(d) = c.name("digits") {
            let clean: String = d
                .as_str()
                .chars()
                .filter(|c| *c != ',' && *c != ' ')
                .collect();
            match clean.parse::<f64>() {
                Ok(v) => (d, v),
                Err(_) => continue,
            }
        } else if let Some(w) = c.name("words") {
            match word_value(w.as_str()) {
                Some(v) => (w, v),
                None => continue,
            }
        } else {
            continue;
        };
        // A digit glued to letters on its left is part of a word or code (`b52`).
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let before = &text[..m.start()];
        let after = &text[m.end()..];
        let mut unit = None;
        let birthday = TURNED_BEFORE.is_match(before);
        let appositive = THEN_BEFORE.is_match(before) && after.starts_with([',', ')']);
        let mut age = AGE_BEFORE.is_match(before) || birthday || appositive;
        if let Some(u) = UNIT_AFTER.captures(after) {
            let word = u.name("unit").map_or("", |w| w.as_str());
            let one = singular(word);
            if one == "year" && u.name("old").is_some() {
                age = true;
            }
            if !matches!(
                word,
                "and" | "or" | "of" | "to" | "in" | "on" | "at" | "the" | "a"
            ) {
                unit = Some(one);
            }
        }
        if age {
            unit = Some("year".to_string());
        }
        let approx = match APPROX_BEFORE.captures(before) {
            Some(a) if a.name("about").is_some() => Approx::About,
            Some(a) if a.name("least").is_some() => Approx::AtLeast,
            Some(_) => Approx::AtMost,
            None => Approx::Exact,
        };
        out.push(NumberMention {
            span: m.range(),
            value,
            unit,
            approx,
            age,
            attributive: ATTRIBUTIVE_AFTER.is_match(after),
            relative: RELATIVE_AFTER.is_match(after),
            birthday,
            appositive,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    fn nums(text: &str) -> Vec<(f64, Option<String>, Approx, bool)> {
        extract_numbers(&fold(text).text)
            .into_iter()
            .map(|n| (n.value, n.unit, n.approx, n.age))
            .collect()
    }

    fn unit(u: &str) -> Option<String> {
        Some(u.to_string())
    }

    #[test]
    fn digits_words_and_units() {
        assert_eq!(
            nums("1,517 delegates"),
            vec![(1517.0, unit("delegate"), Approx::Exact, false)]
        );
        assert_eq!(nums("1 517 delegates")[0].0, 1517.0);
        assert_eq!(nums("3.5 km")[0].0, 3.5);
        assert_eq!(
            nums("twenty years in prison"),
            vec![(20.0, unit("year"), Approx::Exact, false)]
        );
        assert_eq!(nums("twenty-five years")[0].0, 25.0);
        assert_eq!(nums("sixty")[0].0, 60.0);
        assert_eq!(nums("three hundred and twelve men")[0].0, 312.0);
        assert_eq!(
            nums("he served 20years")[0],
            (20.0, unit("year"), Approx::Exact, false)
        );
    }

    #[test]
    fn ages_and_approximations() {
        assert_eq!(
            nums("died aged 60")[0],
            (60.0, unit("year"), Approx::Exact, true)
        );
        assert!(nums("at the age of 60")[0].3);
        assert_eq!(
            nums("his 25-year-old assistant")[0],
            (25.0, unit("year"), Approx::Exact, true)
        );
        assert!(nums("he was 60 years old")[0].3);
        assert_eq!(nums("about 20 years")[0].2, Approx::About);
        assert_eq!(nums("more than 20 years")[0].2, Approx::AtLeast);
        assert_eq!(nums("nearly twenty years")[0].2, Approx::About);
        assert_eq!(nums("less than 20 years")[0].2, Approx::AtMost);
    }

    #[test]
    fn relative_durations_and_attributive_ages_are_marked() {
        let n = &extract_numbers(&fold("was murdered three years later").text)[0];
        assert!(n.relative && !n.attributive);
        let n = &extract_numbers(&fold("his 25-year-old assistant").text)[0];
        assert!(n.attributive && n.age);
        let n = &extract_numbers(&fold("he died aged 60.").text)[0];
        assert!(!n.attributive && !n.relative);
    }

    #[test]
    fn ages_in_apposition_and_birthdays() {
        let n = &extract_numbers(&fold("expected Trotsky, then 23, to side").text)[0];
        assert!(n.age && n.appositive && !n.birthday);
        let n = &extract_numbers(&fold("Trotsky turned 38 the day of the revolution").text)[0];
        assert!(n.age && n.birthday);
        let n = &extract_numbers(&fold("and then 23 more came").text)[0];
        assert!(!n.age);
    }

    #[test]
    fn letters_glued_before_digits_are_not_numbers() {
        assert!(nums("the b52 bomber").is_empty());
    }
}

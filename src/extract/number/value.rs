//! Numbers as written: digits with thousands separators or a decimal comma, scale
//! words (`600 thousand`), number words (`twenty-five`), and the digits that count
//! nothing (codes, isotopes, ordinals, citation marks, addresses).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::{after_window, before_window};
use crate::lexicon::{NUMBER_ABBREVIATIONS, is};

/// A number as written, before its context is read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Raw {
    pub span: Range<usize>,
    pub value: f64,
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

/// The value of a number word below twenty (`one` → 1), for other readers.
pub(super) fn small_word_value(word: &str) -> Option<u32> {
    UNITS.iter().position(|u| *u == word).map(|i| i as u32)
}

/// Whether a word is part of a number written in words (`four`, `forty`, `hundred`).
pub(super) fn is_number_word(word: &str) -> bool {
    UNITS.contains(&word)
        || TENS[2..].contains(&word)
        || matches!(
            word,
            "dozen" | "hundred" | "thousand" | "million" | "billion"
        )
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let small = UNITS.iter().rev().copied().collect::<Vec<_>>().join("|");
    let tens = TENS[2..].join("|");
    let word = format!(
        r"(?:(?:{tens})(?: (?:one|two|three|four|five|six|seven|eight|nine))?|{small}|a dozen|dozen|a hundred|hundred)(?: (?:hundred|thousand|million|billion)(?: and (?:(?:{tens})(?: (?:one|two|three|four|five|six|seven|eight|nine))?|{small}))?)?"
    );
    Regex::new(&format!(
        r"(?P<grouped>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\b|\b\d{{1,3}}(?: \d{{3}})+\b)|(?P<plain>\b\d+(?:\.\d+)?)|\b(?P<words>{word})\b"
    ))
    .expect("the number regex is valid")
});

/// Which alternative of [`NUMBER`] a match is, told by its text: the words
/// start with a letter, the digits with a digit, and only grouped digits hold
/// a comma or a space. A search for the groups on each match would try every
/// alternative there again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberKind {
    Grouped,
    Plain,
    Words,
}

impl NumberKind {
    fn of(found: &str) -> NumberKind {
        if found.starts_with(|c: char| c.is_ascii_alphabetic()) {
            NumberKind::Words
        } else if found.contains([',', ' ']) {
            NumberKind::Grouped
        } else {
            NumberKind::Plain
        }
    }
}

/// A comma and one or two digits after plain digits: a decimal comma (`255,6 m`).
static DECIMAL_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,(?P<dec>\d{1,2})(?:[^\d,]|$)").expect("valid regex"));
/// What makes `1,2` part of a list rather than a decimal: more numbers after it.
static LIST_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\d{1,2}(?:, ?\d| (?:and|or|to) \d)").expect("valid regex"));
static LIST_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d, ?$").expect("valid regex"));
static SCALE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?P<scale>thousand|million|billion)\b").expect("valid regex"));
/// An abbreviated scale after a sum of money (`$1.5bn`, `$2.3m`, `£40k`).
static MONEY_SCALE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?P<scale>bn|mn|m|k)\b").expect("valid regex"));
/// A number, a unit and a slash before digits: a second reading (`8,848 m/29,029
/// ft`), not an address.
static READING_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d ?[a-z]{1,3}/$").expect("valid regex"));
static ORDINAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:st|nd|rd|th)\b").expect("valid regex"));
/// A letter and a hyphen glued before digits: a code or an isotope (`iodine-131`,
/// `RBMK-1000`, `B-52`).
static CODE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z]-$").expect("valid regex"));
/// Digits glued into an address or a dotted code: `embed=1`, `book_20`, `%20`,
/// `org/1881`, `down.52072`, `7.11.1867` (but not `no.4`, whose word stands before
/// numbers).
static GLUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[=_%@\\]|[a-z0-9][/.]|(?:^|[^a-z])(?P<abbr>[a-z]+)\.)$").expect("valid regex")
});
/// A decade (`the 1970s`, `1970's`) or a dotted code going on (`7.11.1867`).
static GLUED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:'?s\b|[./]\d)").expect("valid regex"));

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
            "thousand" | "million" | "billion" => {
                total += if current == 0.0 { 1.0 } else { current } * scale(w);
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

fn scale(word: &str) -> f64 {
    match word {
        "thousand" => 1e3,
        "million" => 1e6,
        _ => 1e9,
    }
}

fn money_scale(abbreviation: &str) -> f64 {
    match abbreviation {
        "k" => 1e3,
        "bn" => 1e9,
        _ => 1e6,
    }
}

/// Whether the digits at `span` are part of something that is not a number of
/// anything: a word or code (`b52`, `iodine-131`), an ordinal (`the 96th`), a
/// citation mark (`[4]`) or an address.
fn not_a_count(text: &str, span: &Range<usize>, digits: bool) -> bool {
    let before = before_window(text, span.start);
    let after = after_window(text, span.end);
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    if !digits {
        // "no one knew", "they helped one another": pronouns, not counts.
        let word = &text[span.clone()];
        return word == "one" && (before.ends_with("no ") || after.starts_with(" another"));
    }
    let glued = GLUED_BEFORE.captures(before).is_some_and(|c| {
        c.name("abbr")
            .is_none_or(|a| !is(NUMBER_ABBREVIATIONS, a.as_str()))
    });
    (glued && !READING_BEFORE.is_match(before))
        || GLUED_AFTER.is_match(after)
        || CODE_BEFORE.is_match(before)
        || ORDINAL_AFTER.is_match(after)
        || (before.ends_with('[') && after.starts_with(']'))
        || in_address(before, after)
}

/// Whether the digits lie inside a web address (`http://…/110-chnpp.html`).
fn in_address(before: &str, after: &str) -> bool {
    let start = before
        .rfind(char::is_whitespace)
        .map_or(before, |i| &before[i..]);
    let end = after
        .find(char::is_whitespace)
        .map_or(after, |i| &after[..i]);
    [start, end]
        .iter()
        .any(|s| s.contains("://") || s.contains("www."))
}

/// A decimal comma after the plain digits ending at `end`: the value's fraction and
/// the new end. Only where a thousands reading is impossible (one or two digits
/// after the comma) and the digits are not a list (`1,2,3`, `1,2 and 3`).
fn decimal_comma(text: &str, start: usize, end: usize) -> Option<(f64, usize)> {
    let after = after_window(text, end);
    let c = DECIMAL_COMMA.captures(after)?;
    if LIST_AFTER.is_match(after) || LIST_BEFORE.is_match(before_window(text, start)) {
        return None;
    }
    let dec = c.name("dec").expect("group");
    let value = format!("{}.{}", &text[start..end], dec.as_str())
        .parse()
        .ok()?;
    Some((value, end + dec.end()))
}

/// Every number written in the folded `text`, in order, with its value.
pub(super) fn raw_numbers(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut consumed = 0;
    for m in NUMBER.find_iter(text) {
        let kind = NumberKind::of(m.as_str());
        let digits = kind != NumberKind::Words;
        if m.start() < consumed || not_a_count(text, &m.range(), digits) {
            continue;
        }
        let mut end = m.end();
        let mut value = if digits {
            let clean: String = m
                .as_str()
                .chars()
                .filter(|c| *c != ',' && *c != ' ')
                .collect();
            match clean.parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else {
            match word_value(m.as_str()) {
                Some(v) => v,
                None => continue,
            }
        };
        if kind == NumberKind::Plain
            && !m.as_str().contains('.')
            && let Some((v, e)) = decimal_comma(text, m.start(), end)
        {
            value = v;
            end = e;
        }
        if let Some((part, e)) = super::fraction::fraction_after(text, end, digits) {
            value += part;
            end = e;
        }
        if digits && let Some(s) = SCALE_AFTER.captures(after_window(text, end)) {
            value *= scale(s.name("scale").expect("group").as_str());
            end += s.get(0).expect("match").end();
        } else if digits
            && super::sign::currency_before(text, m.start()).is_some()
            && let Some(s) = MONEY_SCALE_AFTER.captures(after_window(text, end))
        {
            value *= money_scale(s.name("scale").expect("group").as_str());
            end += s.get(0).expect("match").end();
        }
        consumed = end;
        out.push(Raw {
            span: m.start()..end,
            value,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(f64, &str)> {
        raw_numbers(text)
            .into_iter()
            .map(|r| (r.value, &text[r.span]))
            .collect()
    }

    proptest::proptest! {
        /// The kind told by a match's text is the group the regex matched.
        #[test]
        fn a_match_s_kind_is_its_group(
            s in "([0-9]{1,3}|[0-9]{3}|,| |\\.|one|twenty|hundred|and|\u{663}|\u{e9}){0,12}"
        ) {
            kinds_are_groups(&s)?;
        }
    }

    /// Asserts that each match's kind told by its text is its group.
    fn kinds_are_groups(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        for c in NUMBER.captures_iter(s) {
            let m = c.get(0).expect("a match");
            let kind = match (c.name("grouped"), c.name("plain"), c.name("words")) {
                (Some(_), _, _) => NumberKind::Grouped,
                (_, Some(_), _) => NumberKind::Plain,
                _ => NumberKind::Words,
            };
            proptest::prop_assert_eq!(NumberKind::of(m.as_str()), kind, "{:?}", m.as_str());
        }
        Ok(())
    }

    #[test]
    fn kinds_of_matches() {
        for s in [
            "1 517 men",
            "1,517,000.5 and 12,5",
            "3.5 km",
            "٣ ٣٣٣ or ٣,٣٣٣",
            "twenty one, a dozen",
        ] {
            kinds_are_groups(s).unwrap();
        }
        let kinds: Vec<NumberKind> = NUMBER
            .find_iter("1 517, 3.5 and twenty")
            .map(|m| NumberKind::of(m.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [NumberKind::Grouped, NumberKind::Plain, NumberKind::Words]
        );
    }

    #[test]
    fn digits_with_separators_and_words() {
        assert_eq!(values("1,517 delegates"), vec![(1517.0, "1,517")]);
        assert_eq!(values("1 517 delegates"), vec![(1517.0, "1 517")]);
        assert_eq!(values("a 3.5 km walk"), vec![(3.5, "3.5")]);
        assert_eq!(values("twenty five men"), vec![(25.0, "twenty five")]);
        assert_eq!(
            values("three hundred and twelve"),
            vec![(312.0, "three hundred and twelve")]
        );
        assert_eq!(values("two billion"), vec![(2e9, "two billion")]);
    }

    #[test]
    fn scale_words_after_digits_multiply() {
        assert_eq!(
            values("600 thousand people"),
            vec![(600_000.0, "600 thousand")]
        );
        assert_eq!(
            values("2.5 million users"),
            vec![(2_500_000.0, "2.5 million")]
        );
        assert_eq!(values("8 million"), vec![(8e6, "8 million")]);
        // Not a scale word: the number stands alone.
        assert_eq!(values("8 millionaires"), vec![(8.0, "8")]);
        assert_eq!(values("hundreds of thousands"), vec![]);
    }

    #[test]
    fn a_decimal_comma_is_read_only_where_thousands_are_impossible() {
        assert_eq!(values("covered 255,6 meters"), vec![(255.6, "255,6")]);
        assert_eq!(values("a mass of 12,75 kg."), vec![(12.75, "12,75")]);
        assert_eq!(values("it was 3,5"), vec![(3.5, "3,5")]);
        // Three digits after the comma: thousands.
        assert_eq!(values("1,200 tons"), vec![(1200.0, "1,200")]);
        // Lists of small numbers keep each number.
        assert_eq!(
            values("chapters 1,2,3"),
            vec![(1.0, "1"), (2.0, "2"), (3.0, "3")]
        );
        assert_eq!(
            values("items 1,2 and 3"),
            vec![(1.0, "1"), (2.0, "2"), (3.0, "3")]
        );
        assert_eq!(
            values("in 1903, 12 flights"),
            vec![(1903.0, "1903"), (12.0, "12")]
        );
        assert_eq!(values("3.5,6 and"), vec![(3.5, "3.5"), (6.0, "6")]);
    }

    #[test]
    fn codes_isotopes_ordinals_citations_and_addresses_are_not_numbers() {
        assert_eq!(values("iodine-131 and cesium-137"), vec![]);
        assert_eq!(values("rbmk-1000 reactors"), vec![]);
        assert_eq!(values("the b52 and the b-52"), vec![]);
        assert_eq!(values("the 96th element"), vec![]);
        assert_eq!(values("the 1st, 2nd and 3rd"), vec![]);
        assert_eq!(values("its zone[4] was"), vec![]);
        assert_eq!(values("see http://example.org/110-page.html now"), vec![]);
        assert_eq!(values("see www.example.org/a/7 now"), vec![]);
        // Kept: a digit after a hyphen after a digit, a number before a unit.
        assert_eq!(values("12-15 km"), vec![(12.0, "12"), (15.0, "15")]);
        assert_eq!(values("reactor #4"), vec![(4.0, "4")]);
        assert_eq!(values("[4 of them]"), vec![(4.0, "4")]);
    }

    #[test]
    fn digits_glued_into_addresses_dates_and_decades_are_not_numbers() {
        assert_eq!(values("play?embed=1 now"), vec![]);
        assert_eq!(values("book_20554 and a%20history"), vec![]);
        assert_eq!(values("example.org/1881 page"), vec![]);
        assert_eq!(values("shut down.52072/post"), vec![]);
        assert_eq!(values("born 7.11.1867 in"), vec![]);
        assert_eq!(values("built in the 1970s and 1980's"), vec![]);
        // Kept: a number after an abbreviation that stands before numbers, after a
        // sentence's end, or after a slash between spaces.
        assert_eq!(values("reactor no.4"), vec![(4.0, "4")]);
        assert_eq!(values("it ended. 5 men"), vec![(5.0, "5")]);
        assert_eq!(values("3 km / 2 mi"), vec![(3.0, "3"), (2.0, "2")]);
        assert_eq!(values("1.5 seconds"), vec![(1.5, "1.5")]);
    }

    #[test]
    fn abbreviated_scales_only_after_money() {
        assert_eq!(values("$1.5bn"), vec![(1.5e9, "1.5bn")]);
        assert_eq!(values("$2.3m in aid"), vec![(2.3e6, "2.3m")]);
        assert_eq!(values("£40k a year"), vec![(40_000.0, "40k")]);
        assert_eq!(values("us$4 mn"), vec![(4e6, "4 mn")]);
        // Not after a sign of money: metres and the like stay units.
        assert_eq!(values("2.3m tall"), vec![(2.3, "2.3")]);
        assert_eq!(values("$2 more"), vec![(2.0, "2")]);
    }

    #[test]
    fn fractions_join_their_whole_number() {
        assert_eq!(values("5 1/2 in"), vec![(5.5, "5 1/2")]);
        assert_eq!(values("5-1/2\""), vec![(5.5, "5-1/2")]);
        assert_eq!(values("a 3½ hour march"), vec![(3.5, "3½")]);
        assert_eq!(
            values("two and a half hours"),
            vec![(2.5, "two and a half")]
        );
        assert_eq!(values("on 5 1/2/1903"), vec![(5.0, "5")]);
    }

    #[test]
    fn a_second_reading_after_a_slash_is_a_number() {
        assert_eq!(
            values("8,848 m/29,029 ft"),
            vec![(8848.0, "8,848"), (29029.0, "29,029")]
        );
        assert_eq!(values("example.org/1881 page"), vec![]);
    }

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert_eq!(values("no one knew"), vec![]);
        assert_eq!(values("they helped one another"), vec![]);
        assert_eq!(values("one person died"), vec![(1.0, "one")]);
        assert_eq!(values("one of them"), vec![(1.0, "one")]);
    }
}

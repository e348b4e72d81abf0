//! What the words around a number say about it: how exact it is, whether it is an
//! age, what it is the measure of (`a distance of 852 feet`), whose quantity it is
//! (`a legacy of five Nobel Prizes`), and whether it is a part of a total (`one of
//! them`) or an increment on one (`another 220,000`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::extract::gated::Gated;

use super::{Approx, after_window, before_window};
use crate::lexicon::{
    DEATH_WORDS, DURATION_UNITS, MEASURE_NOUNS, NOT_NOUNS, NUMBER_ABBREVIATIONS, NUMBERING_NOUNS,
    NUMERO_WORDS, ORDINALS, TIME_NOUNS, is,
};

/// The context of one number.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Around {
    pub approx: Approx,
    pub age: bool,
    pub birthday: bool,
    pub appositive: bool,
    pub relative: bool,
    pub label: bool,
    /// After a word of dying and `at` (`died at 67`): an age where no noun follows.
    pub died_at: bool,
    pub of_noun: Option<Range<usize>>,
    pub measure: Option<Range<usize>>,
    /// The noun the words before name for the number (`population` in `the
    /// population of the town is 148,000`); see [`super::topic`].
    pub topic: Option<Range<usize>>,
    pub partial: bool,
    pub increment: bool,
}

/// A unit and a word that count it from another event (`3 days later`, `two
/// years on`); what follows `on` tells a distance (`two years on, the town`) from
/// a place (`three days on the ice`).
static RELATIVE_AFTER: Gated = Gated::new(
    &["later", "earlier", "after", "before", "ago", "on"],
    || {
        Regex::new(
        r"^(?:-| )?(?P<unit>[a-z]+) (?:(?:later|earlier|after|before|ago|afterwards)\b|on(?:$|[^ a-z]| from\b))",
    )
    .expect("valid regex")
    },
);
static TURNED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:turned|turning) $").expect("valid regex"));
static THEN_BEFORE: Gated = Gated::new(
    &[", then ", ", now ", ", still ", ", only ", ", just "],
    || Regex::new(r"\w, (?:then|now|still|only|just) (?:aged )?$").expect("valid regex"),
);
static AGE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\baged|\bage of|\bage|\bages of) $").expect("valid regex"));
static APPROX_BEFORE: Gated = Gated::new(
    &[
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "close to",
        "circa",
        "c.",
        "estimated",
        "more than",
        "over",
        "at least",
        "upwards of",
        "in excess of",
        "less than",
        "fewer than",
        "under",
        "up to",
        "at most",
        "no more than",
    ],
    || {
        Regex::new(
        r"\b(?:(?P<about>about|around|approximately|roughly|nearly|almost|some|close to|circa|c\.|an estimated|estimated)|(?P<least>more than|over|at least|upwards of|in excess of)|(?P<most>less than|fewer than|under|up to|at most|no more than)) $",
    )
    .expect("valid regex")
    },
);
/// `X of` just before a number (an approximation word may stand between).
static OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<noun>[a-z]+) of (?:(?:only|just|exactly|precisely) )?$")
        .expect("valid regex")
});
/// `of the`, `of them`, `of seven` right after a number: a part of a group.
static PART_OF_AFTER: Gated = Gated::new(&[" of "], || {
    Regex::new(
        r"^ of (?:the|them|us|you|these|those|his|her|their|its|our|my|whom|which|all|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b",
    )
    .expect("valid regex")
});
/// Words before a number that make it a part of a total given before
/// (`including 17,000 children`, `of whom 28`).
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:including|included|includes|of whom|of which|among them|among whom|among which) $",
    )
    .expect("valid regex")
});
/// `Of the 134 people diagnosed, 28 died`: a part of the group named first.
static OF_GROUP_BEFORE: Gated = Gated::new(
    &["of the ", "of these ", "of those ", "of all the "],
    || {
        Regex::new(r"(?:^|[,;:] )of (?:the|these|those|all the) [^,;:]{1,60}, $")
            .expect("valid regex")
    },
);
/// `one in ten`, `3 out of 10`: a ratio, whose first number is a part.
static RATIO_AFTER: Gated = Gated::new(&[" in ", " out of "], || {
    Regex::new(r"^ (?:in|out of) (?:every )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|a thousand)")
        .expect("valid regex")
});
/// `one …, another …`, `one in physics and one in chemistry`: each one is a part.
static ANOTHER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:another|the other|and one|, one)\b").expect("valid regex"));
static ONE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bone\b.*\b(?:and|,) $").expect("valid regex"));
/// `one person died, another died later, 28 firemen died`: a count after the
/// two first parts of a list of parts is a part too, where it is told with a
/// word of the first (see [`list_of_parts`]).
static ONE_ANOTHER_BEFORE: Gated = Gated::new(&["another"], || {
    Regex::new(r"\bone (?P<first>[^,;]{1,48}), another\b[^;]*(?:,| and) $").expect("valid regex")
});
static INCREMENT_BEFORE: Gated = Gated::new(&["another", "additional", "extra", "further"], || {
    Regex::new(r"\b(?:another|an additional|an extra|a further|additional|extra|further) $")
        .expect("valid regex")
});

/// Whether the number after `lead` continues a list of parts opened by "one
/// …, another …" with a word of the first part ("one person died, another
/// …, 28 people died"): not "one reactor exploded, another burned, and 31
/// people died", where the parts are of something else.
fn list_of_parts(lead: &str, after: &str) -> bool {
    let Some(c) = ONE_ANOTHER_BEFORE.captures(lead) else {
        return false;
    };
    let told = after.split([',', ';', '.']).next().unwrap_or("");
    let words = |t: &str| -> Vec<String> {
        t.split(|ch: char| !ch.is_alphabetic())
            .filter(|w| w.chars().count() > 3)
            .map(str::to_string)
            .collect()
    };
    let told = words(told);
    words(&c["first"]).iter().any(|w| told.contains(w))
}

/// A participle or an adverb is no owner (`consisting of 5`, `composed of 3`,
/// `immediately of three`).
fn participle(word: &str) -> bool {
    word.ends_with("ing")
        || super::phrase::adverb(word)
        || (word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed"))
}

/// Whether the words after a number count it from another event: only a unit of
/// time is (`three years later`, `3 days on`); `320 cabins on board` and `2,200
/// passengers before the war` are counts.
fn relative_after(after: &str) -> bool {
    RELATIVE_AFTER
        .captures(after)
        .is_some_and(|c| is(DURATION_UNITS, &c["unit"]))
}

/// Whether the words before a number make it a label, not a count: an
/// abbreviation that stands before numbers (`reactor no. 4`, `p. 45`), `#`, a
/// reference noun (`chapter 3`, `on page 45`), or `number`/`no` after a noun
/// (`reactor number 4`, `unit no 4`; not `the number 31`, `with no 2 alike`).
fn label_before(before: &str) -> bool {
    if before.ends_with('#') {
        return true;
    }
    if let Some(t) = before
        .strip_suffix(". ")
        .or_else(|| before.strip_suffix('.'))
    {
        return is(NUMBER_ABBREVIATIONS, super::last_word(t).1);
    }
    let Some(t) = before.strip_suffix(' ') else {
        return false;
    };
    let (start, word) = super::last_word(t);
    if is(NUMBERING_NOUNS, word) {
        return true;
    }
    if !is(NUMERO_WORDS, word) {
        return false;
    }
    let Some(t) = t[..start].strip_suffix(' ') else {
        return false;
    };
    let (_, noun) = super::last_word(t);
    !noun.is_empty()
        && !is(NOT_NOUNS, noun)
        && !is(NUMERO_WORDS, noun)
        && super::value::small_word_value(noun).is_none()
}

/// How many words may stand between a word of dying and `at` (`died in Paris
/// in 1934 at 66`).
const DIED_AT_GAP: usize = 4;

/// Whether the words before a number are a word of dying and `at`, in one
/// phrase (`she died at`, `died in 1934 at`, `passed away at`; not `died, and
/// at`).
fn died_at(before: &str) -> bool {
    let Some(t) = before.strip_suffix(" at ") else {
        return false;
    };
    t.rsplit(' ')
        .take(DIED_AT_GAP + 1)
        .take_while(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()))
        .any(|w| is(DEATH_WORDS, w))
}

/// Reads the context of the number at `span` in the folded `text`.
pub(super) fn read_around(text: &str, span: &Range<usize>, value: f64) -> Around {
    let before = before_window(text, span.start);
    let offset = span.start - before.len();
    // A currency sign stands between the words and the number (`less than $1,000`).
    let before = before.strip_suffix(['$', '€', '£', '¥']).unwrap_or(before);
    let after = after_window(text, span.end);
    let birthday = TURNED_BEFORE.is_match(before);
    let appositive = THEN_BEFORE.is_match(before) && after.starts_with([',', ')']);
    let cue = APPROX_BEFORE.captures(before);
    let approx = match &cue {
        Some(a) if a.name("about").is_some() => Approx::About,
        Some(a) if a.name("least").is_some() => Approx::AtLeast,
        Some(_) => Approx::AtMost,
        None => Approx::Exact,
    };
    // What stands before the approximation word, if any.
    let lead = &before[..cue.map_or(before.len(), |c| c.get(0).expect("match").start())];
    let (mut of_noun, mut measure) = (None, None);
    if let Some(c) = OF_BEFORE.captures(lead) {
        let noun = c.name("noun").expect("group");
        let range = offset + noun.start()..offset + noun.end();
        if is(MEASURE_NOUNS, noun.as_str()) {
            measure = Some(range);
        } else if !is(NOT_NOUNS, noun.as_str())
            && !is(ORDINALS, noun.as_str())
            && !is(TIME_NOUNS, noun.as_str())
            && !super::phrase::is_month(noun.as_str())
            && !participle(noun.as_str())
            && super::value::small_word_value(noun.as_str()).is_none()
        {
            of_noun = Some(range);
        }
    }
    let topic = super::topic::topic_before(lead).map(|r| offset + r.start..offset + r.end);
    let one = value == 1.0 && matches!(&text[span.clone()], "one" | "1");
    Around {
        approx,
        age: AGE_BEFORE.is_match(before) || birthday || appositive,
        birthday,
        appositive,
        relative: relative_after(after),
        label: label_before(before),
        died_at: died_at(before),
        of_noun,
        measure,
        topic,
        partial: PART_OF_AFTER.is_match(after)
            || PART_BEFORE.is_match(lead)
            || OF_GROUP_BEFORE.is_match(lead)
            || RATIO_AFTER.is_match(after)
            || (one && (ANOTHER_AFTER.is_match(after) || ONE_BEFORE.is_match(lead)))
            || list_of_parts(lead, after),
        increment: INCREMENT_BEFORE.is_match(lead),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    #[test]
    fn every_cue_holds_one_of_the_words_it_is_looked_for_by() {
        for gated in [
            &RELATIVE_AFTER,
            &THEN_BEFORE,
            &APPROX_BEFORE,
            &PART_OF_AFTER,
            &OF_GROUP_BEFORE,
            &RATIO_AFTER,
            &INCREMENT_BEFORE,
        ] {
            gated.check_words();
        }
    }

    /// The context of the first number (digits or a number word) in `text`.
    fn around(text: &str, number: &str) -> (String, Around) {
        let folded = fold(text).text;
        // "and one": the number is the last word of the words searched for.
        let word = number.rsplit(' ').next().unwrap_or(number);
        let at =
            folded.find(number).expect("the number is in the sentence") + number.len() - word.len();
        let span = at..at + word.len();
        let number = word;
        let value = if number == "one" {
            1.0
        } else {
            number.replace(',', "").parse().unwrap_or(0.0)
        };
        let a = read_around(&folded, &span, value);
        (folded, a)
    }

    fn of_noun(text: &str, number: &str) -> (Option<String>, Option<String>) {
        let (folded, a) = around(text, number);
        let s = |r: Option<Range<usize>>| r.map(|r| folded[r].to_string());
        (s(a.of_noun), s(a.measure))
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn the_owner_of_a_quantity_after_of() {
        assert_eq!(
            of_noun("a legacy of 5 Nobel Prizes", "5"),
            (some("legacy"), None)
        );
        assert_eq!(of_noun("a share of 30%", "30"), (some("share"), None));
        assert_eq!(
            of_noun("with total capacity of 4,000 megawatts", "4,000"),
            (some("capacity"), None)
        );
        assert_eq!(
            of_noun("the deaths of about 31 people", "31"),
            (some("deaths"), None)
        );
        assert_eq!(
            of_noun("a family of 7 children", "7"),
            (some("family"), None)
        );
        assert_eq!(
            of_noun("a supply of 500 tons", "500"),
            (some("supply"), None)
        );
    }

    #[test]
    fn a_measure_or_aggregate_noun_is_the_measure_itself() {
        assert_eq!(
            of_noun("a distance of 852 feet", "852"),
            (None, some("distance"))
        );
        assert_eq!(of_noun("a total of 31", "31"), (None, some("total")));
        assert_eq!(of_noun("a radius of 30 km", "30"), (None, some("radius")));
        assert_eq!(
            of_noun("a population of about 49,000", "49,000"),
            (None, some("population"))
        );
        assert_eq!(
            of_noun("a height of only 10 feet", "10"),
            (None, some("height"))
        );
        assert_eq!(of_noun("a crowd of 5,000", "5,000"), (None, some("crowd")));
        assert_eq!(
            of_noun("at a cost of $1,000", "1,000"),
            (None, some("cost"))
        );
    }

    #[test]
    fn of_that_names_no_owner() {
        assert_eq!(of_noun("3 out of 10", "10"), (None, None));
        assert_eq!(of_noun("instead of 12", "12"), (None, None));
        assert_eq!(of_noun("a team consisting of 5 men", "5"), (None, None));
        assert_eq!(of_noun("in excess of 300", "300"), (None, None));
        assert_eq!(
            of_noun("taking lives immediately of 3 people", "3"),
            (None, None)
        );
        assert_eq!(of_noun("the second of 5 children", "5"), (None, None));
        assert_eq!(of_noun("the eldest of 7 children", "7"), (None, None));
        // A time noun or a month before "of" makes a date.
        assert_eq!(of_noun("in the summer of 1898", "1898"), (None, None));
        assert_eq!(of_noun("married in July of 1895", "1895"), (None, None));
        assert_eq!(of_noun("two of 7 children", "7"), (None, None));
        assert_eq!(of_noun("he won 5 prizes", "5"), (None, None));
        assert_eq!(of_noun("the legacy: 5 prizes", "5"), (None, None));
    }

    #[test]
    fn parts_of_a_total() {
        for (text, number) in [
            ("one of the most devastating accidents", "one"),
            ("two of them were firemen", "two"),
            ("80,000 of them receive a pension", "80,000"),
            ("the brothers were 2 of seven children", "2"),
            ("one person died, another died later", "one"),
            ("including about 17,000 children", "17,000"),
            ("the crew, of whom 28 died", "28"),
            ("Of the 134 people diagnosed, 28 died", "28"),
            ("only about one in ten survived", "one"),
            ("3 out of 10 flights failed", "3"),
            ("two prizes, one in physics and one in chemistry", "one"),
            ("one in physics and one in chemistry", "and one"),
            (
                "one guard drowned, another was never found and 14 passengers drowned",
                "14",
            ),
            (
                "one man was hurt at the mill, another at home, 12 workers hurt later",
                "12",
            ),
        ] {
            assert!(around(text, number).1.partial, "{text}");
        }
        for (text, number) in [
            ("one person died in the blast", "one"),
            ("31 people died", "31"),
            ("a legacy of 5 prizes", "5"),
            ("3 flights of the day", "3"),
            ("two died, and another 40 were hurt", "two"),
            (
                "one reactor exploded, another burned, and 31 people died",
                "31",
            ),
            ("Of the 134 people diagnosed, 28 died", "134"),
            ("The death of the 3 men, 5 years later", "5"),
            ("one day in 1903", "one"),
            ("10 in a row", "10"),
        ] {
            assert!(!around(text, number).1.partial, "{text}");
        }
    }

    #[test]
    fn increments_before_a_number() {
        assert!(around("another 220,000 were moved", "220,000").1.increment);
        assert!(
            around("An additional 220,000 individuals", "220,000")
                .1
                .increment
        );
        assert!(around("a further 3 flights", "3").1.increment);
        assert!(!around("a total of 220,000", "220,000").1.increment);
        assert!(!around("the other 3 reactors", "3").1.increment);
    }

    #[test]
    fn approximations_ages_and_relative_durations() {
        assert_eq!(around("about 20 years", "20").1.approx, Approx::About);
        assert_eq!(around("at least 20 years", "20").1.approx, Approx::AtLeast);
        assert_eq!(around("fewer than 20 years", "20").1.approx, Approx::AtMost);
        assert!(around("died aged 60", "60").1.age);
        assert!(around("was murdered 3 years later", "3").1.relative);
        let a = around("Trotsky, then 23, sided", "23").1;
        assert!(a.age && a.appositive && !a.birthday);
    }

    #[test]
    fn only_a_unit_of_time_is_counted_from_another_event() {
        for (text, number) in [
            ("was murdered 3 years later", "3"),
            ("3 days on, the fire was out", "3"),
            ("Two years on from the blast", "two"),
            ("She left 20 minutes before the end", "20"),
            ("36 hours after the explosion", "36"),
            ("five decades ago", "five"),
            ("and 2 months on.", "2"),
        ] {
            assert!(around(text, number).1.relative, "{text}");
        }
        for (text, number) in [
            ("The liner carried 320 cabins on board", "320"),
            ("There were 2,200 people on board", "2,200"),
            ("2,200 passengers on the ship", "2,200"),
            ("it carried 900 people on the first day", "900"),
            ("2,200 passengers before the war", "2,200"),
            ("300 men after the refit", "300"),
            ("it had 40 cabins later", "40"),
            ("they spent 3 days on the ice", "3"),
            ("3 days on board", "3"),
        ] {
            assert!(!around(text, number).1.relative, "{text}");
        }
    }

    #[test]
    fn at_after_a_word_of_dying_may_state_an_age() {
        for (text, number) in [
            ("She died at 67.", "67"),
            ("he died in Paris in 1934 at 66", "66"),
            ("Harrow passed away at 80", "80"),
            ("his death at 53 shocked", "53"),
            ("killed in action at 19", "19"),
        ] {
            assert!(around(text, number).1.died_at, "{text}");
        }
        for (text, number) in [
            ("She arrived at 67 Rue Lepic", "67"),
            ("She died, and at 67 her son", "67"),
            ("He died. He lived at 20 Elm Row", "20"),
            ("40 died at 3", "40"),
            ("died at the age of 66", "66"),
            ("aged 66", "66"),
        ] {
            assert!(!around(text, number).1.died_at, "{text}");
        }
    }

    #[test]
    fn labels_name_a_thing_rather_than_count() {
        for (text, number) in [
            ("Reactor No. 4 exploded", "4"),
            ("the reactor no.4 building", "4"),
            ("No. 4 reactor", "4"),
            ("reactors nos. 3 and 4", "3"),
            ("see p. 45", "45"),
            ("reactor #4", "4"),
            ("in chapter 3 people die", "3"),
            ("on page 45", "45"),
            ("reactor number 4", "4"),
            ("Unit No 4 blew up", "4"),
        ] {
            assert!(around(text, number).1.label, "{text}");
        }
        for (text, number) in [
            ("Chapter: 3 people", "3"),
            ("In 1986 4 people died", "4"),
            ("the number 31 is disputed", "31"),
            ("with no 2 days alike", "2"),
            ("a number of 300 people", "300"),
            ("approx. 300 people", "300"),
            ("c. 300 people", "300"),
            ("it ended. 5 men died", "5"),
            ("about 300 people", "300"),
            ("two number 4", "4"),
        ] {
            assert!(!around(text, number).1.label, "{text}");
        }
    }
}

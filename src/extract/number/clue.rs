//! The noun a clue names for the bare numbers that answer it: "The distance, in
//! metres, was 260", "What was its height in feet?" / "10", "How many people
//! died?" / "31", "Number of climbers on the summit, 3", "Height (m): 8,849".
//!
//! A unit after `in` is a clue only where it is set off (a comma, a parenthesis,
//! a question mark or a colon after it, or `was`/`is`): "in minutes 40 men
//! arrived" and "in Paris" name nothing. After `how many` and `number of` any
//! counted noun is the clue.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::phrase::{compared_words, is_unit, read_phrase};

/// Where a clue's noun may start: after `in`, `how many`, `number of` or an
/// opening parenthesis.
static CLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<unit>\bin\b|\((?:in\b)?)|(?P<count>\bhow many\b|\bnumber of\b)")
        .expect("valid regex")
});

/// What may follow a unit after `in` for it to be set off as a clue.
static SET_OFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:$|[,)?:]|\.$| (?:was|were|is|are)\b)").expect("valid regex"));

/// The nouns the clues of the folded `text` name, in order, as ranges of it.
pub(super) fn clue_nouns(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for c in CLUE.captures_iter(text) {
        let m = c.get(0).expect("match");
        let p = read_phrase(text, m.end(), false);
        let (Some(noun), Some(unit)) = (p.noun, p.unit) else {
            continue;
        };
        if c.name("unit").is_some() {
            // "in metres,", "(m)": one unit word, set off.
            let one_word = p.head.is_some_and(|h| h.start == noun.start);
            if !one_word || !is_unit(&unit) || !SET_OFF.is_match(&text[noun.end..]) {
                continue;
            }
        }
        out.push(noun);
    }
    out
}

/// The last of `clues` (as [`clue_nouns`] gives them) that ends at or before
/// `at`: found by a binary search where they come in order of their ends
/// (`by_end`), as they do but where a clue's phrase runs past the next clue.
pub(super) fn last_before(
    clues: &[Range<usize>],
    by_end: bool,
    at: usize,
) -> Option<&Range<usize>> {
    if !by_end {
        return clues.iter().rfind(|c| c.end <= at);
    }
    let k = clues.partition_point(|c| c.end <= at);
    k.checked_sub(1).map(|k| &clues[k])
}

/// The noun named by the last clue of the folded `text` (a question, a label).
pub fn clue_noun(text: &str) -> Option<Range<usize>> {
    clue_nouns(text).pop()
}

/// Whether the claim's unit names the clue's noun `clue` (folded words): its
/// compared words end the clue's (`people` names `people`, `prizes` names `Nobel
/// Prizes`, `metres` names `metres`).
pub fn unit_names(claim_unit: &str, clue: &str) -> bool {
    let want = compared_words(&crate::extract::normalize::fold_pattern(claim_unit));
    !want.is_empty() && compared_words(clue).ends_with(&want)
}

/// Whether a claim's unit counts things (`people`, `casualties`, `Nobel Prizes`)
/// rather than measuring (`metres`, `days`, `square km`, `%`): a bare number
/// whose noun the sentence names ("a population of 148,000") is a count of that
/// noun, but a bare measure ("a distance of 400") leaves its unit unsaid.
pub fn counts_things(claim_unit: &str) -> bool {
    compared_words(&crate::extract::normalize::fold_pattern(claim_unit))
        .last()
        .is_some_and(|w| !is_unit(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    fn clue(text: &str) -> Option<String> {
        let folded = fold(text).text;
        clue_noun(&folded).map(|r| folded[r].to_string())
    }

    #[test]
    fn the_last_clue_before_a_number_is_found_as_by_reading_back() {
        let sorted: Vec<Range<usize>> = (0..50).map(|i| i * 10..i * 10 + 4).collect();
        let unsorted = vec![5..30, 10..12, 40..44, 41..43];
        for (clues, by_end) in [(&sorted, true), (&unsorted, false)] {
            assert_eq!(clues.is_sorted_by_key(|c| c.end), by_end);
            for at in 0..520 {
                let back = clues.iter().rfind(|c| c.end <= at);
                assert_eq!(last_before(clues, by_end, at), back, "{at}");
            }
        }
    }

    #[test]
    fn a_unit_set_off_after_in_or_in_parentheses() {
        for (text, unit) in [
            ("The distance, in metres, was", "metres"),
            ("The distance (in feet) was", "feet"),
            ("What was its height in feet?", "feet"),
            ("Height (m):", "m"),
            ("The area in square km:", "square km"),
            ("The delay in hours was", "hours"),
            ("How long, in seconds, did it last?", "seconds"),
        ] {
            assert_eq!(clue(text), Some(unit.to_string()), "{text}");
        }
    }

    #[test]
    fn the_noun_after_how_many_or_number_of() {
        for (text, noun) in [
            ("How many people died?", "people"),
            ("How many cabin berths did she have?", "cabin berths"),
            ("Number of climbers on the summit,", "climbers"),
            ("The number of Nobel Prizes she won was", "nobel prizes"),
        ] {
            assert_eq!(clue(text), Some(noun.to_string()), "{text}");
        }
    }

    #[test]
    fn words_after_in_that_name_no_unit_set_off() {
        for text in [
            "In minutes 40",
            "She lived in Paris, and",
            "In 1903, the brothers",
            "in the air for",
            "The flight lasted in total",
            "In metres of cable they",
            "They flew in feet and inches of",
            "How many?",
            "The number of",
        ] {
            assert_eq!(clue(text), None, "{text}");
        }
    }

    #[test]
    fn the_last_clue_counts() {
        assert_eq!(
            clue("How many feet, in metres, was"),
            Some("metres".to_string())
        );
    }

    #[test]
    fn claim_units_name_the_end_of_the_clue() {
        assert!(unit_names("metres", "metres"));
        assert!(unit_names("prizes", "nobel prizes"));
        assert!(unit_names("Nobel Prizes", "nobel prizes"));
        assert!(unit_names("people", "people"));
        assert!(!unit_names("cabins", "cabin berths"));
        assert!(!unit_names("feet", "metres"));
        assert!(!unit_names("", "metres"));
    }

    #[test]
    fn units_that_count_things_and_units_of_measure() {
        for unit in ["people", "inhabitants", "casualties", "Nobel Prizes", "men"] {
            assert!(counts_things(unit), "{unit}");
        }
        for unit in [
            "metres",
            "days",
            "square km",
            "km²",
            "%",
            "per cent",
            "dollars",
            "",
        ] {
            assert!(!counts_things(unit), "{unit}");
        }
    }
}

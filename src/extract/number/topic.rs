//! The noun a sentence names for a number that has no noun of its own: what the
//! number is the quantity of. "The population of the town is 148,000", "French
//! losses were 6,000", "Population: 148,000", "sources put the losses at 6,000",
//! and, for the answer under it, a question "What is the population of the town?"
//! or a label or column header "Population".
//!
//! Only the head of the noun is returned: the word before the verb, before the
//! colon, or before the `of`/`in` phrase that says whose it is. Whether that noun
//! is a claim's is the scanner's call (its trigger or its unit).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

/// `the X (of Y) is`, `X were`, `X stood at` just before a number: the subject
/// of a verb that gives its value. The `of`/`in` phrase holds at most four words.
static COPULA_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<noun>[a-z]+)(?: (?:of|in|at|for)(?: [a-z'.]+){1,4})? (?:is|was|were|are|stood at|stands at|totalled|totaled|totals|numbered|numbers|came to|comes to|amounted to|amounts to|reached|reaches) $",
    )
    .expect("valid regex")
});

/// `X: ` just before a number (`Population: 148,000`).
static LABEL_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<noun>[a-z]+) ?: $").expect("valid regex"));

/// `put X at`, `estimated X at` just before a number: an estimate of X.
static ESTIMATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:put|puts|putting|place|placed|places|placing|estimate|estimated|estimates|estimating|reckon|reckoned|reckons) (?:[a-z'.]+ ){0,3}?(?P<noun>[a-z]+) at $",
    )
    .expect("valid regex")
});

/// A question that asks for the value of a noun: `what is the X (of Y)?`.
static WHAT_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bwhat (?:is|was|are|were) (?:the |its |their |his |her |this |that )?(?:[a-z'.]+ ){0,2}?(?P<noun>[a-z]+)(?: (?:of|in|at|for|on|during) [^?]*)?\? ?$",
    )
    .expect("valid regex")
});

/// A label or a column header that is a noun alone, maybe with a unit in
/// parentheses and a colon: `Population`, `French casualties:`, `Area (km2)`.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?(?:[a-z]+ ){0,3}(?P<noun>[a-z]+)(?: ?\([^()]*\))? ?:? ?$").expect("valid regex")
});

/// The noun the words `before` a number (with any approximation word taken off
/// their end) name for it, as a range of `before`.
pub(super) fn topic_before(before: &str) -> Option<Range<usize>> {
    [&*COPULA_BEFORE, &*LABEL_BEFORE, &*ESTIMATE_BEFORE]
        .iter()
        .find_map(|re| re.captures(before))
        .map(|c| c.name("noun").expect("group").range())
}

/// The noun a question, label or column header (the folded `text` of the unit
/// that lends its event to the answer under it) names for that answer:
/// `population` in "What is the population of the town?", in "Population:" and in
/// a header "Population".
pub fn lender_topic(text: &str) -> Option<Range<usize>> {
    [&*WHAT_IS, &*HEADING]
        .iter()
        .find_map(|re| re.captures(text))
        .map(|c| c.name("noun").expect("group").range())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> Option<&str> {
        topic_before(text).map(|r| &text[r])
    }

    fn lender(text: &str) -> Option<&str> {
        lender_topic(text).map(|r| &text[r])
    }

    #[test]
    fn the_subject_of_a_verb_that_gives_the_value() {
        for (text, noun) in [
            ("the population of marrowgate is ", "population"),
            ("in 1851 its population was ", "population"),
            ("french losses were ", "losses"),
            ("the death toll in the valley stood at ", "toll"),
            ("the final toll came to ", "toll"),
            ("the crowd at the gates numbered ", "crowd"),
        ] {
            assert_eq!(before(text), Some(noun), "{text}");
        }
    }

    #[test]
    fn a_label_and_an_estimate() {
        assert_eq!(before("population: "), Some("population"));
        assert_eq!(before("key facts - losses : "), Some("losses"));
        assert_eq!(
            before("later writers put french losses at "),
            Some("losses")
        );
        assert_eq!(before("they estimated the crowd at "), Some("crowd"));
    }

    #[test]
    fn words_that_name_nothing_for_the_number() {
        for text in [
            "",
            "the town grew to ",
            "the population grew by ",
            "he arrived at ",
            "it was built in ",
            "of the ",
            "the losses were, he said, ",
            "population ",
            "the town has a population growth of ",
        ] {
            assert_eq!(before(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_noun_a_question_or_heading_asks_for() {
        for (text, noun) in [
            ("q: what is the population of marrowgate?", "population"),
            ("what was the total french loss?", "loss"),
            ("what were its losses during the siege?", "losses"),
            ("population", "population"),
            ("french casualties:", "casualties"),
            ("area (km2)", "area"),
        ] {
            assert_eq!(lender(text), Some(noun), "{text}");
        }
    }

    #[test]
    fn questions_and_headings_that_ask_for_no_noun() {
        for text in [
            "when was the town founded?",
            "who is the mayor?",
            "how did the siege end?",
            "what happened next?",
            "the town was founded in 1287.",
            "the mayor of the town is a keen sailor and",
        ] {
            assert_eq!(lender(text), None, "{text}");
        }
    }
}

//! The lexicon: every cue word factlint reads prose by, in one place.
//!
//! Each list is lowercase, sorted and free of duplicates (a test keeps them so), so
//! that a word is looked up by binary search ([`is`]) and a reviewer sees at once
//! whether a word is there. Ordered tables whose position is their meaning (month
//! names, number words) live beside their extractor instead.
//!
//! Why not a dictionary crate: harper-core's curated dictionary gives word classes
//! for the whole language, but loading it took about 540 ms on the project's
//! machines and it brings some 540 crates into the build; the cues factlint needs
//! are closed classes (pronouns, prepositions, auxiliaries) plus short lists of
//! nouns and verbs, which stay small and reviewable here.

mod grammar;
mod layout;
mod modes;
mod people;
mod quantities;
mod time;
mod units;

pub use grammar::*;
pub use layout::*;
pub use modes::*;
pub use people::*;
pub use quantities::*;
pub use time::*;
pub use units::{Dimension, UNITS, Unit};

/// Whether the lowercase `word` is in the sorted `list`.
pub fn is(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|w| word_order(w, word)).is_ok()
}

/// The order of `str`'s `Ord` (byte by byte, then the shorter first), compared
/// in place: the words of a list are short and most differ at their first
/// byte, where `Ord` calls `memcmp` for each comparison of a binary search.
pub fn word_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list of the lexicon, by name.
    pub(crate) const LISTS: &[(&str, &[&str])] = &[
        ("CLAUSE_OPENERS", CLAUSE_OPENERS),
        ("ACTOR_GAP_WORDS", ACTOR_GAP_WORDS),
        ("AGENT_ADVERBS", AGENT_ADVERBS),
        ("SUBJECT_PRONOUNS", SUBJECT_PRONOUNS),
        ("POSSESSIVE_PRONOUNS", POSSESSIVE_PRONOUNS),
        ("RELATIVES", RELATIVES),
        ("DETERMINERS", DETERMINERS),
        ("NAME_PARTICLES", NAME_PARTICLES),
        ("COMMON_HEADS", COMMON_HEADS),
        ("CAPITALISED_NON_NAMES", CAPITALISED_NON_NAMES),
        ("PHRASE_OPENERS", PHRASE_OPENERS),
        ("DEGREE_WORDS", DEGREE_WORDS),
        ("NOT_YEAR_NOUNS", NOT_YEAR_NOUNS),
        ("TIME_NOUNS", TIME_NOUNS),
        ("ABBREVIATIONS", ABBREVIATIONS),
        ("NUMBER_ABBREVIATIONS", NUMBER_ABBREVIATIONS),
        ("QUANTIFIERS", QUANTIFIERS),
        ("SET_QUANTIFIERS", SET_QUANTIFIERS),
        ("OBJECT_PRONOUNS", OBJECT_PRONOUNS),
        ("RELATIVE_PRONOUNS", RELATIVE_PRONOUNS),
        ("AUXILIARIES", AUXILIARIES),
        ("COORDINATORS", COORDINATORS),
        ("SUBORDINATORS", SUBORDINATORS),
        ("PREPOSITIONS", PREPOSITIONS),
        ("IRREGULAR_VERBS", IRREGULAR_VERBS),
        ("NOT_VERBS_IN_ED", NOT_VERBS_IN_ED),
        ("PARTICIPLES", PARTICIPLES),
        ("CLAUSE_ADVERBS", CLAUSE_ADVERBS),
        ("APPROXIMATIONS", APPROXIMATIONS),
        ("TITLES", TITLES),
        ("ORDINALS", ORDINALS),
        ("INSTANCE_MARKS", INSTANCE_MARKS),
        ("REPETITION_NOUNS", REPETITION_NOUNS),
        ("PROPERTY_NOUNS", PROPERTY_NOUNS),
        ("CORRECTION_CUES", CORRECTION_CUES),
        ("NOT_NOUNS", NOT_NOUNS),
        ("COUNT_VERBS", COUNT_VERBS),
        ("MEASURE_UNITS", MEASURE_UNITS),
        ("DIMENSION_WORDS", DIMENSION_WORDS),
        ("COMPOUND_UNITS", COMPOUND_UNITS),
        ("PLURALS_WITHOUT_S", PLURALS_WITHOUT_S),
        ("INCREMENT_WORDS", INCREMENT_WORDS),
        ("MEASURE_NOUNS", MEASURE_NOUNS),
        ("MEASURE_COMPLEMENTS", MEASURE_COMPLEMENTS),
        ("DURATION_UNITS", DURATION_UNITS),
        ("NUMBERING_NOUNS", NUMBERING_NOUNS),
        ("NUMERO_WORDS", NUMERO_WORDS),
        ("DEATH_WORDS", DEATH_WORDS),
        ("ANIMAL_NOUNS", ANIMAL_NOUNS),
        ("NEGATION_CUES", NEGATION_CUES),
        ("NEGATION_NON_DENIALS", NEGATION_NON_DENIALS),
        ("DENIAL_CUES", DENIAL_CUES),
        ("VALUE_LEADS", VALUE_LEADS),
        ("UNTIL_WORDS", UNTIL_WORDS),
        ("CONTRAST_OPENERS", CONTRAST_OPENERS),
        ("PROPOSITION_VERBS", PROPOSITION_VERBS),
        ("HEDGE_WORDS", HEDGE_WORDS),
        ("DOUBT_CUES", DOUBT_CUES),
        ("DOUBT_DISMISSALS", DOUBT_DISMISSALS),
        ("FIRST_TIME_WORDS", FIRST_TIME_WORDS),
        ("HEDGING_MODALS", HEDGING_MODALS),
        ("COUNTERFACTUAL_CUES", COUNTERFACTUAL_CUES),
        ("COUNTERFACTUAL_TOUCHING", COUNTERFACTUAL_TOUCHING),
        ("COUNTERFACTUAL_GAPS", COUNTERFACTUAL_GAPS),
        ("CONDITION_OPENERS", CONDITION_OPENERS),
        ("REPORT_NOUNS", REPORT_NOUNS),
        ("REPORT_VERDICT_VERBS", REPORT_VERDICT_VERBS),
        ("REPORT_VERDICT_GAPS", REPORT_VERDICT_GAPS),
        ("FALSITY_WORDS", FALSITY_WORDS),
        ("CORRECTION_CONTRASTS", CORRECTION_CONTRASTS),
        ("TRUTH_WORDS", TRUTH_WORDS),
        ("CONCESSIONS", CONCESSIONS),
        ("CONDITION_LEADS", CONDITION_LEADS),
        ("SPEECH_VERBS", SPEECH_VERBS),
        ("REPORT_PARTICIPLES", REPORT_PARTICIPLES),
        ("ATTRIBUTION_VERBS", ATTRIBUTION_VERBS),
        ("SAYING_VERBS", SAYING_VERBS),
        ("CLAIMING_VERBS", CLAIMING_VERBS),
        ("HEDGE_SOURCES", HEDGE_SOURCES),
        ("DENIAL_PREPOSITIONS", DENIAL_PREPOSITIONS),
        ("NONFINITE_AUXILIARIES", NONFINITE_AUXILIARIES),
        ("ESTIMATING_VERBS", ESTIMATING_VERBS),
        ("SOURCE_PREPOSITIONS", SOURCE_PREPOSITIONS),
        ("HEDGE_QUANTIFIERS", HEDGE_QUANTIFIERS),
        ("EVENT_ENDS", EVENT_ENDS),
        ("EVENT_DETERMINERS", EVENT_DETERMINERS),
        ("IRREGULAR_PAST", IRREGULAR_PAST),
        ("LINE_CONTINUERS", LINE_CONTINUERS),
        ("QUESTION_WORDS", QUESTION_WORDS),
        ("QUIZ_ANSWER_OPENERS", QUIZ_ANSWER_OPENERS),
        ("COPULAS", COPULAS),
        ("ROLE_LABELS", ROLE_LABELS),
        ("QUESTION_LABELS", QUESTION_LABELS),
        ("ANSWER_LABELS", ANSWER_LABELS),
        ("BARE_ANSWERS", BARE_ANSWERS),
        ("PRESENT_VERBS", PRESENT_VERBS),
        ("PEOPLE_NOUNS", PEOPLE_NOUNS),
        ("PERSON_NOUNS", PERSON_NOUNS),
        ("TIME_LEADS", TIME_LEADS),
        ("TIME_ABOUT", TIME_ABOUT),
        ("TIME_AFTER", TIME_AFTER),
        ("TIME_BEFORE", TIME_BEFORE),
        ("COMPARISON_WORDS", COMPARISON_WORDS),
        ("LATER_INSTANCE_MARKS", LATER_INSTANCE_MARKS),
        ("STANDALONE_POSSESSIVES", STANDALONE_POSSESSIVES),
    ];

    #[test]
    fn every_list_is_lowercase_sorted_and_free_of_duplicates() {
        for (name, list) in LISTS {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} must come after {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in *list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
                assert_eq!(*w, w.trim(), "{name}: {w:?} has surrounding space");
            }
        }
    }

    #[test]
    fn words_are_ordered_as_strings_are() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "ba",
            "born",
            "borne",
            "z",
            "zz",
            "é",
            "éa",
            "e",
            "\u{10348}",
            "a b",
            "a-b",
        ];
        for a in words {
            for b in words {
                assert_eq!(word_order(a, b), a.cmp(b), "{a:?} against {b:?}");
            }
        }
        for (name, list) in LISTS {
            for w in *list {
                assert!(is(list, w), "{name}: {w:?} not found");
                assert!(
                    !is(list, &format!("{w}\u{0}")),
                    "{name}: {w:?} plus NUL found"
                );
            }
        }
    }

    #[test]
    fn time_zones_are_sorted_lowercase_and_resolved() {
        for pair in TIME_ZONES.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} before {:?}",
                pair[0].0,
                pair[1].0
            );
        }
        assert!(TIME_ZONES.iter().all(|(n, _)| *n == n.to_lowercase()));
        assert_eq!(zone_offsets("msk"), Some(&[180][..]));
        assert_eq!(zone_offsets("eastern time"), Some(&[-300, -240][..]));
        assert_eq!(zone_offsets("ist"), None);
    }

    #[test]
    fn lookup_is_by_whole_word() {
        assert!(abstract_noun("membership") && abstract_noun("attendance"));
        assert!(!abstract_noun("florence") && !abstract_noun("clement") && !abstract_noun("sion"));
        assert!(is(PHRASE_OPENERS, "during"));
        assert!(!is(PHRASE_OPENERS, "dur"));
    }
}

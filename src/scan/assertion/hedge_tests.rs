//! Tests of hedges and attributions.

use super::super::AssertionMode::*;
use super::super::tests::{mode, mode_at};

#[test]
fn every_cue_holds_a_word_of_its_gate() {
    for (gate, _) in super::CUES.iter() {
        gate.check_words();
    }
}

#[test]
fn hedges_and_attribution() {
    assert_eq!(
        mode("He was reportedly killed with an ice pick.", "ice pick"),
        (Hedged, Some("reportedly".into()))
    );
    assert_eq!(
        mode(
            "Some accounts say he was killed with an ice pick.",
            "ice pick"
        ),
        (Hedged, Some("some accounts".into()))
    );
    assert_eq!(
        mode(
            "According to the police, he was killed with an ice pick.",
            "ice pick"
        ),
        (Hedged, Some("according to the police".into()))
    );
    assert_eq!(
        mode("Mercader claimed that he used an ice pick.", "ice pick"),
        (Hedged, Some("claimed that".into()))
    );
    assert_eq!(
        mode("It is said that he used an ice pick.", "ice pick").0,
        Hedged
    );
    assert_eq!(
        mode("He was killed with an ice pick.", "ice pick"),
        (Asserted, None)
    );
}

#[test]
fn a_quantified_source_with_a_word_before_it_hedges() {
    // (sentence, value, the cue that hedges it; `None`: the writer's own).
    for (sentence, value, cue) in [
        (
            "A few early biographies have Pembury born in 1852.",
            "1852",
            Some("a few early biographies"),
        ),
        (
            "Some local newspapers had the mill burning in 1907.",
            "1907",
            Some("some local newspapers"),
        ),
        (
            "Several later memoirs put the crowd at 300.",
            "300",
            Some("several later memoirs"),
        ),
        ("A few early settlers arrived in 1852.", "1852", None),
        ("Some of the accounts were burned in 1907.", "1907", None),
    ] {
        let want = match cue {
            Some(cue) => (Hedged, Some(cue.to_string())),
            None => (Asserted, None),
        };
        assert_eq!(mode(sentence, value), want, "{sentence}");
    }
}

#[test]
fn a_source_that_puts_a_figure_at_a_value() {
    assert_eq!(
        mode("Russian sources put the losses at 9,000.", "9,000"),
        (Hedged, Some("sources put".into()))
    );
    assert_eq!(
        mode("Later estimates placed the toll at 120.", "120").0,
        Hedged
    );
    // Not after a mere quantifier, and not alone.
    assert_eq!(
        mode("In most places the crowd was 300 strong.", "300"),
        (Asserted, None)
    );
    assert_eq!(
        mode("The officers put the losses at 9,000.", "9,000"),
        (Asserted, None)
    );
}

#[test]
fn a_hedge_in_a_later_clause_does_not_hedge_an_earlier_one() {
    assert_eq!(
        mode(
            "She died of leukemia, probably caused by radiation.",
            "leukemia"
        ),
        (Asserted, None)
    );
    assert_eq!(
        mode(
            "She died of leukemia, thought to have been caused by radiation.",
            "leukemia"
        ),
        (Asserted, None)
    );
    assert_eq!(
        mode_at(
            "She was born in 1867, and her sister reportedly in 1865.",
            "1867",
            Some("born")
        ),
        (Asserted, None)
    );
    // The cause itself is hedged.
    assert_eq!(
        mode(
            "She died of leukemia, probably caused by radiation.",
            "radiation"
        ),
        (Hedged, Some("probably".into()))
    );
}

#[test]
fn a_hedge_governs_what_follows_it_in_its_clause() {
    assert_eq!(
        mode_at("He was probably born in 1871.", "1871", Some("born")),
        (Hedged, Some("probably".into()))
    );
    assert_eq!(
        mode_at(
            "She was born in Warsaw, probably in 1867.",
            "1867",
            Some("born")
        ),
        (Hedged, Some("probably".into()))
    );
    assert_eq!(
        mode_at("He may have died in Mexico, in 1940.", "1940", Some("died")),
        (Hedged, Some("may have".into()))
    );
    // The hedge comes after the statement in its clause.
    assert_eq!(
        mode_at(
            "He died in 1940 and was probably buried in Mexico.",
            "1940",
            Some("died")
        ),
        (Asserted, None)
    );
}

#[test]
fn a_hedge_in_a_relative_clause_stays_there() {
    let s = "The flyer, which some accounts say weighed 605 pounds, flew in 1903.";
    assert_eq!(mode_at(s, "1903", Some("flew")), (Asserted, None));
    assert_eq!(
        mode_at(s, "605", Some("weighed")),
        (Hedged, Some("some accounts".into()))
    );
}

#[test]
fn an_attribution_with_that_governs_the_rest_of_the_sentence() {
    assert_eq!(
        mode_at("Historians say that he died in 1941.", "1941", Some("died")).0,
        Hedged
    );
    assert_eq!(
        mode_at(
            "It is thought that, after a long illness, he died in 1941.",
            "1941",
            Some("died")
        )
        .0,
        Hedged
    );
    assert_eq!(
        mode_at(
            "Studies have suggested that anywhere from 2,000 to 9,000 people died.",
            "2,000",
            Some("died")
        ),
        (Hedged, Some("studies have suggested".into()))
    );
    assert_eq!(
        mode_at(
            "Researchers say that in 1986 the toll reached 4,000.",
            "4,000",
            Some("toll")
        ),
        (Hedged, Some("researchers say".into()))
    );
    assert_eq!(
        mode_at(
            "Researchers say the toll reached 4,000.",
            "4,000",
            Some("toll")
        ),
        (Hedged, Some("researchers say".into()))
    );
    // A contrasting clause after it is the document's own again.
    assert_eq!(
        mode_at(
            "It is often said that he died in 1941, but in fact he perished in 1940.",
            "1940",
            Some("perished")
        ),
        (Asserted, None)
    );
    // And the report it corrects is set aside (see `corrected`).
    assert_eq!(
        mode_at(
            "It is often said that he died in 1941, but in fact he perished in 1940.",
            "1941",
            Some("died")
        )
        .0,
        Negated
    );
    // Before the attribution, the sentence is the document's own.
    assert_eq!(
        mode_at(
            "He died in 1941, and later his son wrote that the date was wrong.",
            "1941",
            Some("died")
        ),
        (Asserted, None)
    );
}

#[test]
fn a_source_standing_alone_governs_the_sentence() {
    assert_eq!(
        mode_at("He died in 1941, historians say.", "1941", Some("died")),
        (Hedged, Some("historians say".into()))
    );
    assert_eq!(
        mode_at(
            "He was born in 1867 and died in 1912, she wrote.",
            "1867",
            Some("born")
        ),
        (Hedged, Some("she wrote".into()))
    );
    assert_eq!(
        mode_at(
            "According to the family, he died in 1941.",
            "1941",
            Some("died")
        )
        .0,
        Hedged
    );
    assert_eq!(
        mode_at(
            "He died in 1941 according to the family.",
            "1941",
            Some("died")
        )
        .0,
        Hedged
    );
    assert_eq!(
        mode_at("Reportedly, he died in 1941.", "1941", Some("died")),
        (Hedged, Some("reportedly".into()))
    );
    // A source named at some length is still a source.
    for text in [
        "He died in 1941, according to a stone in the old churchyard.",
        "According to the register of the parish church, he died in 1941.",
    ] {
        assert_eq!(mode_at(text, "1941", Some("died")).0, Hedged, "{text}");
    }
    assert_eq!(
        mode_at(
            "He was, it is believed, born in 1871.",
            "1871",
            Some("born")
        ),
        (Hedged, Some("it is believed".into()))
    );
    assert_eq!(
        mode_at(
            "He died in 1941, says his biographer.",
            "1941",
            Some("died")
        ),
        (Hedged, Some("says his biographer".into()))
    );
    assert_eq!(
        mode_at(
            "He died in 1941, as reported by the local paper.",
            "1941",
            Some("died")
        ),
        (Hedged, Some("as reported by the local paper".into()))
    );
    // A clause that ends with such a verb is not a source.
    assert_eq!(
        mode_at("He flew in 1903, and wrote.", "1903", Some("flew")),
        (Asserted, None)
    );
    assert_eq!(
        mode_at(
            "He flew in 1903, which he often said.",
            "1903",
            Some("flew")
        ),
        (Asserted, None)
    );
}

#[test]
fn estimates_and_claims() {
    assert_eq!(
        mode_at(
            "Some estimates put the toll at 4,000.",
            "4,000",
            Some("toll")
        ),
        (Hedged, Some("some estimates".into()))
    );
    assert_eq!(
        mode_at(
            "Since then, estimates vary from 4,000 to 200,000 deaths.",
            "4,000",
            Some("deaths")
        )
        .0,
        Hedged
    );
    assert_eq!(
        mode_at("He claimed he was born in 1871.", "1871", Some("born")),
        (Hedged, Some("claimed".into()))
    );
    // "Claimed" with an object attributes nothing.
    assert_eq!(
        mode_at("The disease claimed 31 lives in 1934.", "31", Some("lives")),
        (Asserted, None)
    );
    assert_eq!(
        mode_at(
            "He wrote a book about the flight in 1903.",
            "1903",
            Some("flight")
        ),
        (Asserted, None)
    );
}

//! Tests of the assertion modes as a whole: quotation marks, questions, the
//! clause a cue governs, the cue lists' regexes and the window read around a
//! statement; `mode` and `mode_at` serve the tests of the cue modules too.

use super::*;
use crate::extract::normalize::fold;

/// The mode of `value` in `sentence`, paired with the trigger `trigger` (the
/// first occurrence of each, or of `nth` for the value).
pub(super) fn mode_at(
    sentence: &str,
    value: &str,
    trigger: Option<&str>,
) -> (AssertionMode, Option<String>) {
    let f = fold(sentence).text;
    let v = fold(value).text;
    let at = f.find(&v).expect("value in sentence");
    let trig = trigger.map(|t| {
        let t = fold(t).text;
        let s = f.find(&t).expect("trigger in sentence");
        s..s + t.len()
    });
    let quoted = quoted_ranges(&f)
        .iter()
        .any(|q| q.start <= at && at < q.end);
    classify(&f, at..at + v.len(), trig, quoted)
}

pub(super) fn mode(sentence: &str, value: &str) -> (AssertionMode, Option<String>) {
    mode_at(sentence, value, None)
}

#[test]
fn quotation_marks_of_every_kind() {
    use AssertionMode::*;
    for (sentence, value, expected) in [
        (
            "described as getting \"an ice-pick that made his ears burn\"",
            "ice-pick",
            Quoted,
        ),
        (
            "the song’s line “an ice pick that made his ears burn” is famous",
            "ice pick",
            Quoted,
        ),
        ("the song says «an ice pick» here", "ice pick", Quoted),
        ("he wrote ‘an ice pick’ in his notes", "ice pick", Quoted),
        // Apostrophes are not quotation marks.
        ("Trotsky’s killer used an ice pick", "ice pick", Asserted),
        (
            "the Bolsheviks' enemies used an ice pick",
            "ice pick",
            Asserted,
        ),
        ("in '29 he used an ice pick", "ice pick", Asserted),
    ] {
        assert_eq!(mode(sentence, value).0, expected, "{sentence}");
    }
}

#[test]
fn questions() {
    assert!(is_question(
        "Did Stalin have full control of the government in 1936?"
    ));
    assert!(is_question("Was it an ice pick?\""));
    assert!(is_question("what is 31?"));
    assert!(!is_question("He asked nothing."));
    assert!(!is_question("He asked why? Nobody knew."));
    assert!(!is_question(""));
}

#[test]
fn a_value_in_a_clause_of_its_own_is_read_at_the_trigger() {
    use AssertionMode::*;
    let s = "The kingdom did not exist in 1871, when she was born.";
    // The value's clause is negated, the birth is not.
    assert_eq!(mode_at(s, "1871", Some("born")), (Asserted, None));
    // Without a trigger the value stands for the existence, which is denied.
    assert_eq!(mode_at(s, "1871", None).0, Negated);
    let s = "The kingdom probably did not exist in 1871, when she was born.";
    assert_eq!(mode_at(s, "1871", Some("born")), (Asserted, None));
}

#[test]
fn the_mode_follows_the_event_verb() {
    use AssertionMode::*;
    assert_eq!(
        mode_at("He was not born in 1871.", "1871", Some("born")),
        (Negated, Some("not".into()))
    );
    assert_eq!(
        mode_at("She never remarried after 1906.", "1906", Some("remarried")),
        (Negated, Some("never".into()))
    );
    // A hedge is read the same way: see the hedge tests.
    assert_eq!(
        mode_at("In 1929, he was not exiled.", "1929", Some("exiled")).0,
        Negated
    );
    assert_eq!(
        mode_at("He was born in 1871.", "1871", Some("born")),
        (Asserted, None)
    );
}

#[test]
fn the_cue_lists_build_whole_word_regexes() {
    let re = cue_regex(&[lexicon::NEGATION_CUES]);
    let found: Vec<&str> = re
        .find_iter("no one knew it; he didn't go, nor did anyone notice")
        .map(|m| m.as_str())
        .collect();
    assert_eq!(found, ["no one", "n't", "nor"]);
    assert!(!re.is_match("nothingness knotted the notion"));
}

/// Pieces of sentences dense in cues and marks.
const PIECES: &[&str] = &[
    "not",
    "never",
    "no one",
    "n't",
    "not only",
    "until",
    "probably",
    "historians say",
    "according to the family",
    "that",
    "he",
    "was",
    "born",
    "in 1871",
    ", ",
    "; ",
    " and ",
    " but ",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "s' ",
    ".\n",
    "?\nA",
    "«",
    "»",
    "„",
    "é",
];

proptest::proptest! {
    #[test]
    fn nothing_panics_and_ranges_stay_inside(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        v in 0usize..200,
        w in 0usize..20,
        t in proptest::option::of((0usize..200, 0usize..20)),
    ) {
        let s: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        for q in quoted_ranges(&s) {
            proptest::prop_assert!(q.start <= q.end && q.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
        }
        let f = fold(&s).text;
        let _ = classify(&f, v..v + w, t.map(|(a, b)| a..a + b), false);
    }
}

/// Long inputs read as their short counterparts do. (Their time is measured by
/// the benchmarks, never by a test.)
#[test]
fn long_inputs_read_as_short_ones() {
    let unit = "“a ‘b \" s' c. ";
    let shifted = |n: usize| -> Vec<Range<usize>> {
        (0..n)
            .flat_map(|k| {
                quoted_ranges(unit)
                    .into_iter()
                    .map(move |r| r.start + k * unit.len()..r.end + k * unit.len())
            })
            .collect()
    };
    let marks = unit.repeat(20_000);
    let long = quoted_ranges(&marks);
    assert_eq!(long, shifted(20_000));
    let cues = |n: usize| {
        let text = "not probably, historians say, ".repeat(n);
        let end = text.len();
        classify(&text, end - 10..end - 5, Some(end - 20..end - 15), false)
    };
    // A sentence longer than the window is read in the window around its
    // statement: the same mode, its cue one of the sentence's hedges.
    let (long, short) = (cues(20_000), cues(2));
    assert_eq!(long.0, short.0);
    assert!(
        matches!(long.1.as_deref(), Some("say" | "probably")),
        "{long:?}"
    );
}

#[test]
fn a_sentence_past_the_window_is_read_around_its_statement() {
    let filler = "the weather was fine and the roads were long and ".repeat(200);
    let text = format!("{filler}she did not die in 1934 and {filler}");
    let at = text.find("1934").unwrap();
    let trig = text.find("die").unwrap();
    let (mode, cue) = classify(&text, at..at + 4, Some(trig..trig + 3), false);
    assert_eq!(
        (mode, cue.as_deref()),
        (AssertionMode::Negated, Some("not"))
    );
    let (w, v, t) = window(&text, at..at + 4, Some(trig..trig + 3));
    assert!(w.len() < text.len() && w.len() <= 2 * WINDOW + 40);
    assert_eq!(&w[v], "1934");
    assert_eq!(&w[t.unwrap()], "die");
}

#[test]
fn odd_ranges_do_not_panic() {
    let s = "né en 1871, il n’était pas là";
    let f = fold(s).text;
    for a in 0..f.len() + 3 {
        for b in [a, a + 1, a + 4, f.len() + 9] {
            let _ = classify(&f, a..b, Some(b..a), false);
            let _ = classify(&f, b..a, None, false);
        }
    }
}

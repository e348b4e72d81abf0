//! Tests of splitting text into units: sentence ends, abbreviations and
//! addresses, layout lines, labels, cards and table cells.

use super::*;
use proptest::prelude::*;

fn texts(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|s| text[trimmed(text, s.range)].trim())
        .collect()
}

#[test]
fn splits_at_terminal_punctuation() {
    assert_eq!(
        texts("He died in 1940. Stalin lived on! Did he? Yes."),
        vec!["He died in 1940.", "Stalin lived on!", "Did he?", "Yes."]
    );
}

#[test]
fn a_control_character_after_a_full_stop_stands_as_a_space() {
    assert_eq!(
        texts("She did not sing in 1901.\0\u{2}\nShe sang in 1902.\u{c}Then she left."),
        vec![
            "She did not sing in 1901.\0\u{2}",
            "She sang in 1902.",
            "Then she left."
        ]
    );
}

#[test]
fn keeps_abbreviations_and_initials_inside() {
    assert_eq!(
        texts("He reached St. Petersburg on Nov. 7. L. Martov agreed."),
        vec!["He reached St. Petersburg on Nov. 7.", "L. Martov agreed."]
    );
    assert_eq!(
        texts("born c. 1900 in Odessa."),
        vec!["born c. 1900 in Odessa."]
    );
}

#[test]
fn a_zone_after_a_meridian_and_a_year_after_born_or_died_stay_inside() {
    assert_eq!(
        texts("It sank at 3:15 a.m. Moscow time. Boats came at 9 p.m. EST the next day."),
        vec![
            "It sank at 3:15 a.m. Moscow time.",
            "Boats came at 9 p.m. EST the next day."
        ]
    );
    assert_eq!(
        texts("Ada Lind (b. 1911, d. 1962) wrote it."),
        vec!["Ada Lind (b. 1911, d. 1962) wrote it."]
    );
    // A meridian before another word still ends the sentence.
    assert_eq!(
        texts("It sank at 3:15 a.m. Boats came later."),
        vec!["It sank at 3:15 a.m.", "Boats came later."]
    );
}

#[test]
fn a_short_weekday_before_its_date_stays_inside() {
    assert_eq!(
        texts("The ferry left on Thu. 10 April 1912 at dawn. It came back on Sat. May 3."),
        vec![
            "The ferry left on Thu. 10 April 1912 at dawn.",
            "It came back on Sat. May 3."
        ]
    );
    assert_eq!(
        texts("We met on Tues. 4 June and again on Wed., 5 June."),
        vec!["We met on Tues. 4 June and again on Wed., 5 June."]
    );
    // A whole name, a short one before other words, and a verb in lowercase
    // still end their sentences.
    assert_eq!(
        texts("They met on a Thursday. 12 people came. The class met each Thu. Most stayed."),
        vec![
            "They met on a Thursday.",
            "12 people came.",
            "The class met each Thu.",
            "Most stayed."
        ]
    );
    assert_eq!(
        texts("The old man sat. 10 minutes passed."),
        vec!["The old man sat.", "10 minutes passed."]
    );
}

#[test]
fn blank_lines_end_paragraphs_but_single_breaks_do_not() {
    let text = "Trotsky was killed\nwith an ice axe.\n\nA new paragraph";
    let s = split_sentences(text);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].paragraph, 0);
    assert_eq!(s[1].paragraph, 1);
    assert_eq!(texts(text)[0], "Trotsky was killed\nwith an ice axe.");
}

#[test]
fn quotes_and_brackets_close_the_sentence() {
    assert_eq!(
        texts("He said \"no.\" Then he left. (It rained.) The end"),
        vec![
            "He said \"no.\"",
            "Then he left.",
            "(It rained.)",
            "The end"
        ]
    );
}

#[test]
fn a_full_stop_glued_to_the_next_sentence_still_ends_it() {
    assert_eq!(
        texts("He was killed in the Great Purges.Sedov was an engineer. See www.example.com now."),
        vec![
            "He was killed in the Great Purges.",
            "Sedov was an engineer.",
            "See www.example.com now."
        ]
    );
}

#[test]
fn a_card_inserted_after_a_link_is_a_paragraph_and_the_text_after_it_resumes() {
    let text = "His son, Sergei Sedov\nSergei Sedov\nSergei Lvovich Sedov was an engineer...\n\n, killed in 1937, was rehabilitated.";
    let s = split_sentences(text);
    let t: Vec<&str> = s
        .iter()
        .map(|x| text[trimmed(text, x.range.clone())].trim())
        .collect();
    assert_eq!(
        t,
        vec![
            "His son, Sergei Sedov",
            "Sergei Sedov\nSergei Lvovich Sedov was an engineer...",
            ", killed in 1937, was rehabilitated."
        ]
    );
    assert_eq!(
        s.iter().map(|x| x.paragraph).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    assert_eq!(s[2].continues, Some(0));
    assert_eq!(s[1].continues, None);
    assert_eq!(
        s.iter().map(|x| x.card).collect::<Vec<_>>(),
        vec![false, true, false]
    );
}

#[test]
fn a_card_whose_title_is_not_repeated_is_known_by_its_shape() {
    // The title names neither the end of the cut line nor the start of the
    // summary; the summary's `...`, the blank line and the lowercase resumption
    // give the card away.
    let text = "The mill was sold in 1911 to a firm from Leeds\nHarrow Bank, Leeds\nThe Harrow Bank was a lender in the county of Yorkshire...\n\n\u{a0}for a sum nobody disclosed.";
    let s = split_sentences(text);
    assert_eq!(s.len(), 3);
    assert!(s[1].card);
    assert_eq!(s[2].continues, Some(0));
    // A heading over a paragraph is no card: nothing resumes after it.
    let text = "Early years\nMill towns\nThe mills of the valley grew fast...\n\nIn 1911 the mill was sold.";
    let s = split_sentences(text);
    assert!(s.iter().all(|x| x.continues.is_none() && !x.card), "{s:?}");
}

#[test]
fn bullets_start_sentences() {
    assert_eq!(
        texts("Items\n• March 13, 2017\n• later"),
        vec!["Items", "• March 13, 2017", "• later"]
    );
}

#[test]
fn a_hard_wrapped_paragraph_stays_one_sentence() {
    let text = "The glider they flew that autumn was larger than the one of\n\
                the year before, and it weighed close to\n\
                98 lbs. It was launched from the top of the big dune near\n\
                Kitty Hawk by two helpers who ran with the wing tips.";
    assert_eq!(
        texts(text),
        vec![
            "The glider they flew that autumn was larger than the one of\nthe year before, and it weighed close to\n98 lbs.",
            "It was launched from the top of the big dune near\nKitty Hawk by two helpers who ran with the wing tips."
        ]
    );
}

#[test]
fn a_heading_line_does_not_merge_with_the_line_under_it() {
    assert_eq!(
        texts("Early Years\nShe was born in Warsaw in 1867.\n1891\nShe moved to Paris"),
        vec![
            "Early Years",
            "She was born in Warsaw in 1867.",
            "1891",
            "She moved to Paris"
        ]
    );
    let s = split_sentences("Early Years\nShe was born in Warsaw in 1867.");
    assert_eq!(s[0].kind, UnitKind::Heading);
    assert_eq!(s[1].kind, UnitKind::Prose);
    // Lines end units, paragraphs still end at blank lines only.
    assert_eq!(s[0].paragraph, s[1].paragraph);
}

#[test]
fn list_items_questions_and_choices_are_units_of_their_own() {
    assert_eq!(
        texts(
            "Quick facts\n- The reactor had four units\n- Two were being built\nWhich unit exploded\n(a) Unit 2\n(b) Unit 4"
        ),
        vec![
            "Quick facts",
            "- The reactor had four units",
            "- Two were being built",
            "Which unit exploded",
            "(a) Unit 2",
            "(b) Unit 4"
        ]
    );
}

#[test]
fn a_list_number_does_not_end_a_sentence() {
    assert_eq!(
        texts("1. They built a glider. It flew.\n  \u{2022} 2. In which year did it fly?"),
        vec![
            "1. They built a glider.",
            "It flew.",
            "\u{2022} 2. In which year did it fly?"
        ]
    );
    // A year opening a wrapped line is no list number.
    assert_eq!(
        texts("It first flew in the winter of\n1903. It was damaged."),
        vec!["It first flew in the winter of\n1903.", "It was damaged."]
    );
}

#[test]
fn no_sentence_ends_inside_an_address() {
    assert_eq!(
        texts("Read http://x.org/a.html?b=1. Next we go. Visit www.site.org/Home.Page now."),
        vec![
            "Read http://x.org/a.html?b=1.",
            "Next we go.",
            "Visit www.site.org/Home.Page now."
        ]
    );
    // Without the address the glued full stop would end a sentence.
    assert_eq!(
        texts("Visit the Home.Page now."),
        vec!["Visit the Home.", "Page now."]
    );
}

#[test]
fn a_pipe_row_is_a_unit_per_cell() {
    let text = "Key facts\n| Height | 12 m |\n| Weight | 600 lb |\nThat is all";
    assert_eq!(
        texts(text),
        vec![
            "Key facts",
            "| Height |",
            "12 m |",
            "| Weight |",
            "600 lb |",
            "That is all"
        ]
    );
    let s = split_sentences(text);
    assert_eq!(s[2].kind, UnitKind::TableCell);
    assert_eq!(s[2].lent_from, vec![1]);
    assert_eq!(s[4].lent_from, vec![3]);
    assert_eq!(s[5].kind, UnitKind::Heading);
}

proptest! {
    #[test]
    fn sentences_are_sorted_disjoint_and_cover_the_text(s in "[a-zA-Z .!?\n\"•é]{0,80}") {
        let sents = split_sentences(&s);
        let mut at = 0;
        for x in &sents {
            prop_assert_eq!(x.range.start, at);
            prop_assert!(x.range.end > x.range.start || s.is_empty());
            at = x.range.end;
        }
        prop_assert_eq!(at, s.len());
    }

    #[test]
    fn units_lend_only_from_earlier_units(s in "([A-Za-z0-9 ,.:?()|\n-]|What is|Answer: |Height: |http://a.org/1. ){0,40}") {
        let units = split_sentences(&s);
        let mut at = 0;
        for (i, u) in units.iter().enumerate() {
            prop_assert_eq!(u.range.start, at);
            at = u.range.end;
            prop_assert!(u.lent_from.iter().all(|&j| j < i));
            prop_assert!(u.lent_from.windows(2).all(|w| w[0] < w[1]));
        }
        prop_assert_eq!(at, s.len());
    }
}

/// [`title_lines`] as it was first written: every test evaluated for every line.
fn title_lines_by_every_test(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = crate::document::lines::lines_inclusive(text).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim();
        let start = at + (line.len() - line.trim_start().len());
        at += line.len();
        let (Some(prev), Some(next)) =
            (k.checked_sub(1).map(|j| lines[j].trim()), lines.get(k + 1))
        else {
            continue;
        };
        if t.is_empty() || t.chars().count() > 60 || prev.is_empty() || !is_capitalised(t) {
            continue;
        }
        let repeats_end = prev.len() > t.len()
            && prev.ends_with(t)
            && prev[..prev.len() - t.len()].ends_with(|c: char| c.is_whitespace() || c == ',');
        let head: String = next.chars().take(t.chars().count() + 40).collect();
        let named_after = !prev.ends_with(['.', '!', '?', ':', ';'])
            && !t.ends_with(['.', '!', '?', ':', ';', ','])
            && head.to_lowercase().contains(&t.to_lowercase());
        if repeats_end || named_after || card_shape(prev, t, &lines[k + 1..]) {
            out.push(start);
        }
    }
    out
}

/// Lines that make title lines and cards, and lines that make neither.
const TITLE_TEST_LINES: [&str; 14] = [
    "Ada Marten",
    "the choir sang under Ada Marten",
    "Ada Marten led the choir.",
    " ada marten came back",
    "",
    "Vienna Choir Hall",
    "The hall is the choir's home and seats nine hundred people...",
    " with a new organ",
    "Ärztekammer Wien",
    "A line of prose that runs on past sixty characters, as most of them do here.",
    "\u{c9}cole Normale Sup\u{e9}rieure de Paris et de Lyon et de Rennes, \u{e9}tablissement",
    "Vienna Choir Hall, ",
    "then the choir met in",
    "Vienna Choir Hall is old",
];

proptest! {
    #[test]
    fn title_lines_are_those_every_test_finds(
        picks in proptest::collection::vec(0usize..TITLE_TEST_LINES.len(), 0..14),
    ) {
        let text: String = picks.iter().map(|&k| format!("{}\n", TITLE_TEST_LINES[k])).collect();
        prop_assert_eq!(title_lines(&text), title_lines_by_every_test(&text));
    }
}

#[test]
fn the_test_lines_make_title_lines() {
    // A line that repeats the end of the one before, and one named after it.
    let text = "the choir sang under Ada Marten\nAda Marten\nthen the choir met in\nVienna Choir Hall\nVienna Choir Hall is old\n";
    assert_eq!(title_lines(text), vec![32, 65]);
    assert_eq!(title_lines_by_every_test(text), vec![32, 65]);
}

#[test]
fn a_line_is_longer_than_a_count_of_chars_by_its_chars() {
    assert!(!longer_than("abc", 3));
    assert!(longer_than("abcd", 3));
    // Three chars of two bytes each: six bytes, not longer than three chars.
    assert!(!longer_than("\u{e9}\u{e9}\u{e9}", 3));
    assert!(longer_than("\u{e9}\u{e9}\u{e9}\u{e9}", 3));
}

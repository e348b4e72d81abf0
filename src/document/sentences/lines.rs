//! Line breaks: which single line breaks end a unit.
//!
//! Pages put one thing on a line (a title, a list item, a quiz question, a label)
//! or wrap prose at a width, cutting sentences anywhere. Between a line `A` and the
//! next line `B` of a paragraph, in this order:
//!
//! 1. `A` is the title of an inserted card, or only a list marker ("●", "1."):
//!    `B` goes on with it.
//! 2. `B` opens a list item, a label ("Fact 2: …"), a table row or an address, or
//!    is a choice ("A) …") under a question or beside another choice, or `A` is a
//!    table row or ends with an address: a new unit.
//! 3. `A` ends with final punctuation: the sentence rules decide.
//! 4. `A` ends with a comma, a dash, an opening bracket or a function word ("of",
//!    "and", "the"), or `B` starts in lowercase or with a bracket: `B` goes on.
//! 5. `A` ends with a colon, `B` opens with a question word ("What is …?"), `A`
//!    opens a unit and most of its words are capitalised (a title), or `B` is such
//!    a title line: a new unit.
//! 6. Inside a sentence, `A` ends with a capitalised word and `B` opens with a
//!    name ("… and Susan" / "Catherine Koerner"): `B` goes on.
//! 7. `A` is as full as the lines around it (the first word of `B` would not have
//!    fitted on it, and a neighbour is about as long): hard-wrapped prose, `B` goes
//!    on. Otherwise `A` was a line of its own.

use std::ops::Range;

use super::{is_bullet, is_closer, labels};
use crate::document::{addresses, tables};
use crate::lexicon;

/// One non-blank line: where its text starts, the text without surrounding space,
/// and its length in chars.
struct Line<'a> {
    start: usize,
    text: &'a str,
    chars: usize,
}

/// What the break between two lines does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// The next line starts a unit.
    Break,
    /// The next line goes on with this one.
    Continue,
    /// The line ends with final punctuation: the sentence rules decide.
    Punctuation,
}

/// Widest line that a hard-wrapped text is taken to be cut at.
const MAX_WRAP: usize = 100;

/// The starts of the lines of `text` that begin a unit because of the line break
/// before them. `titles` are the starts of card title lines (sorted).
pub(super) fn line_starts(text: &str, titles: &[usize], addresses: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut at = 0;
    for raw in crate::document::lines::lines_inclusive(text) {
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        let start = at + lead;
        at += raw.len();
        if t.is_empty() {
            decide(&block, titles, addresses, &mut out);
            block.clear();
        } else {
            block.push(Line {
                start,
                text: t,
                chars: t.chars().count(),
            });
        }
    }
    decide(&block, titles, addresses, &mut out);
    out
}

/// Decides each line break of one paragraph.
fn decide(block: &[Line], titles: &[usize], addresses: &[Range<usize>], out: &mut Vec<usize>) {
    let mut started = true;
    for k in 0..block.len().saturating_sub(1) {
        let (a, b) = (&block[k], &block[k + 1]);
        let join = if titles.binary_search(&a.start).is_ok() {
            Join::Continue
        } else {
            join(block, k, started, addresses)
        };
        started = match join {
            Join::Break => {
                out.push(b.start);
                true
            }
            Join::Continue => false,
            Join::Punctuation => !starts_lowercase(b.text),
        };
    }
}

fn join(block: &[Line], k: usize, started: bool, addresses: &[Range<usize>]) -> Join {
    let (a, b) = (&block[k], &block[k + 1]);
    if is_marker_only(a.text) {
        return Join::Continue;
    }
    let a_end = a.start + a.text.len();
    // A suppression directive on a line of its own is no words of a sentence.
    if crate::suppress::is_directive_line(a.text) || crate::suppress::is_directive_line(b.text) {
        return Join::Break;
    }
    if opens_unit(b.text)
        || choice_in_run(block, k + 1)
        || tables::is_pipe_row(a.text)
        || addresses::overlaps(addresses, &(b.start..b.start + 1))
        || addresses::overlaps(addresses, &(a_end - 1..a_end))
    {
        return Join::Break;
    }
    if ends_terminal(a.text) {
        return Join::Punctuation;
    }
    if a.text.ends_with([
        ',', ';', '-', '\u{2013}', '\u{2014}', '(', '[', '\u{201c}', '\u{2018}', '&', '/',
    ]) || b
        .text
        .starts_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';' | '(' | ')' | ']' | '%'))
        || ends_with_continuer(a.text)
    {
        return Join::Continue;
    }
    if a.text.ends_with(':')
        || opens_question(b.text)
        || (started && title_case(a.text))
        || is_heading(block, k + 1)
    {
        return Join::Break;
    }
    // A name cut in two inside a sentence ("… and Susan" / "Catherine Koerner …").
    if !started && ends_capitalised(a.text) && starts_name(b.text) {
        return Join::Continue;
    }
    if wraps(block, k) {
        Join::Continue
    } else {
        Join::Break
    }
}

/// Whether a line opens a unit whatever comes before it: a list item, a label, a
/// table row.
fn opens_unit(line: &str) -> bool {
    is_bullet(line) || labels::label_at(line).is_some() || tables::is_pipe_row(line)
}

/// Whether line `k` is a choice ("A) France") in a run of choices or under a
/// question; a lone "s) argued …" is the rest of a cut word.
fn choice_in_run(block: &[Line], k: usize) -> bool {
    let choice = |j: usize| block.get(j).is_some_and(|l| labels::is_choice(l.text));
    choice(k)
        && ((k > 0
            && (choice(k - 1) || block[k - 1].text.trim_end_matches(is_closer).ends_with('?')))
            || choice(k + 1))
}

/// A line holding only a list marker: the item's text is on the next line.
fn is_marker_only(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    if chars.next().is_none() {
        return first.is_some_and(|c| {
            matches!(
                c,
                '\u{2022}'
                    | '\u{b7}'
                    | '\u{25aa}'
                    | '\u{25cf}'
                    | '*'
                    | '-'
                    | '+'
                    | '\u{2013}'
                    | '\u{2014}'
            )
        });
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&line[digits..], "." | ")")
}

/// Whether a line ends with final punctuation, closing quotes and brackets aside.
fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '\u{2026}'])
}

fn starts_lowercase(line: &str) -> bool {
    line.starts_with(char::is_lowercase)
}

/// Whether the last word of a line is a function word no sentence ends with,
/// written in lowercase (or alone on its line: "The" / "Wright Brothers").
fn ends_with_continuer(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_matches(|c: char| !c.is_alphabetic());
    let alone = last.len() == line.len();
    !word.is_empty()
        && (alone || !word.starts_with(char::is_uppercase))
        && lexicon::is(lexicon::LINE_CONTINUERS, &word.to_lowercase())
}

/// Whether a line opens with a question word ("What is 31?", "How many …").
fn opens_question(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let word = first.trim_matches(|c: char| !c.is_alphabetic());
    lexicon::is(lexicon::QUESTION_WORDS, &word.to_lowercase())
}

/// Whether at least half the words of a line are capitalised, as in a title.
fn title_case(line: &str) -> bool {
    let (words, capitalised) = if line.is_ascii() {
        ascii_title_words(line.as_bytes())
    } else {
        title_words(line)
    };
    words > 0 && 2 * capitalised >= words
}

/// The words of a line and how many of them are capitalised, counted in one
/// pass without a list of words: each run between whitespace, past the chars
/// before its first letter or digit, that starts with a letter.
fn title_words(line: &str) -> (usize, usize) {
    line.split_whitespace()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .fold((0usize, 0usize), |(n, up), w| {
            (n + 1, up + usize::from(w.starts_with(char::is_uppercase)))
        })
}

/// [`title_words`] of a line of ASCII bytes, read a byte at a time: a line
/// long enough to be asked of is most often prose.
fn ascii_title_words(line: &[u8]) -> (usize, usize) {
    let (mut words, mut capitalised) = (0, 0);
    // Whether the run being read has had its first letter or digit yet.
    let mut seen = false;
    for &b in line {
        // The ASCII chars `char::is_whitespace` takes (a vertical tab too).
        if matches!(b, b' ' | b'\t'..=b'\r') {
            seen = false;
        } else if !seen && b.is_ascii_alphanumeric() {
            seen = true;
            if b.is_ascii_alphabetic() {
                words += 1;
                capitalised += usize::from(b.is_ascii_uppercase());
            }
        }
    }
    (words, capitalised)
}

/// Whether line `k` of a paragraph stands alone as a title: capitalised like one,
/// without final punctuation, and followed by nothing or by a capitalised line.
fn is_heading(block: &[Line], k: usize) -> bool {
    let line = block[k].text;
    // The ends of the lines first: counting capitalised words reads the whole
    // line.
    !line
        .trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '\u{2026}', ',', ';', ':'])
        && block.get(k + 1).is_none_or(|next| {
            next.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || opens_unit(next.text)
        })
        && title_case(line)
}

/// Whether a line ends with a capitalised word (a name, or part of one).
fn ends_capitalised(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    last.len() < line.len()
        && last
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .starts_with(char::is_uppercase)
}

/// Whether a line starts with a capitalised word that is no sentence opener (an
/// article, a pronoun, a preposition, a question word…), so likely a name.
fn starts_name(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches(|c: char| !c.is_alphabetic());
    if !word.starts_with(char::is_uppercase) || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let w = word.to_lowercase();
    ![
        lexicon::LINE_CONTINUERS,
        lexicon::SUBJECT_PRONOUNS,
        lexicon::POSSESSIVE_PRONOUNS,
        lexicon::DETERMINERS,
        lexicon::CLAUSE_OPENERS,
        lexicon::CAPITALISED_NON_NAMES,
        lexicon::QUESTION_WORDS,
    ]
    .iter()
    .any(|list| lexicon::is(list, &w))
}

/// Whether line `k` was cut by a wrap: the first word of the next line would not
/// have fitted on it within the width the lines around it show, and a neighbour is
/// about as long (prose wrapped at a width, not a short line above a long one).
fn wraps(block: &[Line], k: usize) -> bool {
    let a = block[k].chars;
    if a > MAX_WRAP {
        return false;
    }
    let prev = k.checked_sub(1).map(|j| block[j].chars);
    let next = block[k + 1].chars;
    let width = prev.unwrap_or(0).max(a).max(next);
    let first_word = block[k + 1]
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let full = a + 1 + first_word > width;
    let similar = |n: usize| 4 * n.abs_diff(a) <= a.max(12);
    full && (prev.is_some_and(similar) || similar(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`title_case`] as it was, over a list of the words.
    fn title_case_by_list(line: &str) -> bool {
        let words: Vec<&str> = line
            .split_whitespace()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.starts_with(char::is_alphabetic))
            .collect();
        !words.is_empty()
            && 2 * words
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .count()
                >= words.len()
    }

    proptest! {
        #[test]
        fn title_case_counts_as_the_list_did(line in "[aAbZ1 (\"\u{c9}\u{e9}-]{0,30}") {
            prop_assert_eq!(title_case(&line), title_case_by_list(&line));
        }

        /// The byte count of an ASCII line is the char count.
        #[test]
        fn an_ascii_line_counts_as_its_chars_do(line in "[aAzZ09 \t\u{b}\u{c}\r\n(\"'.,-]{0,40}") {
            prop_assert_eq!(ascii_title_words(line.as_bytes()), title_words(&line));
        }
    }

    /// The lines of `text` that start a unit, as text.
    fn starts(text: &str) -> Vec<&str> {
        let addresses = addresses::find_addresses(text);
        line_starts(text, &[], &addresses)
            .into_iter()
            .map(|p| text[p..].lines().next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn a_line_ending_with_a_function_word_or_comma_goes_on() {
        let text = "The glider they built weighed about\n52 pounds, and its wings spanned\nTwenty-two feet,\nBut the engine came later.";
        assert_eq!(starts(text), Vec::<&str>::new());
        assert_eq!(
            starts("She was born in\nWarsaw and studied in\nParis."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_line_goes_on_when_the_next_starts_in_lowercase() {
        assert_eq!(
            starts("Marie Curie\nwas born in Warsaw."),
            Vec::<&str>::new()
        );
        assert_eq!(
            starts("The plant at Prypiat\n(in Ukraine) exploded."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn hard_wrapped_prose_stays_whole() {
        let text = "In the spring they left their shop in Dayton and went south to a\n\
                    beach where the winds were steady and strong, and where Orville\n\
                    Wright could test the new rudder with his brother on the dunes of\n\
                    North Carolina for many weeks before the cold came back again to\n\
                    Kitty Hawk that year.";
        assert_eq!(starts(text), Vec::<&str>::new());
    }

    #[test]
    fn a_narrow_column_wrapped_at_its_own_width_stays_whole() {
        let text = "Their workshop stood on a street\n\
                    that ran past the old Dayton\n\
                    Courthouse and the river bank\n\
                    where the floods came in spring.";
        assert_eq!(starts(text), Vec::<&str>::new());
    }

    #[test]
    fn headings_and_short_lines_stand_alone() {
        let text = "Chronology\n1867\nShe is born in Warsaw.\nEarly Life and Family\nHer father taught physics at a school for boys in the city.";
        assert_eq!(
            starts(text),
            // The line after "Warsaw." is left to the sentence rules.
            vec![
                "1867",
                "She is born in Warsaw.",
                "Her father taught physics at a school for boys in the city."
            ]
        );
    }

    #[test]
    fn a_title_case_line_as_long_as_the_next_is_still_a_title() {
        let text = "Fast Facts About the Flying Machine and Its Makers\nThe brothers first tested gliders near the sea";
        assert_eq!(
            starts(text),
            vec!["The brothers first tested gliders near the sea"]
        );
    }

    #[test]
    fn lists_labels_choices_and_questions_start_units() {
        let text = "Facts for kids\n● The brothers had a shop\n● They built gliders\nFact 3: Orville was born in\nDayton\nWhich river flows there\nA) The Miami\nB) The Ohio";
        assert_eq!(
            starts(text),
            vec![
                "● The brothers had a shop",
                "● They built gliders",
                "Fact 3: Orville was born in",
                "Which river flows there",
                "A) The Miami",
                "B) The Ohio"
            ]
        );
    }

    #[test]
    fn a_lone_marker_joins_its_text() {
        assert_eq!(starts("●\nThey built gliders\n2.\nThey flew"), vec!["2."]);
    }

    #[test]
    fn a_colon_line_ends_before_a_capitalised_line_but_not_before_lowercase() {
        assert_eq!(
            starts("Introduction:\nIn the spring of 1986 the plant"),
            vec!["In the spring of 1986 the plant"]
        );
        assert_eq!(
            starts("They brought three things:\nfood, water and tools."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn address_lines_and_table_rows_are_lines_of_their_own() {
        assert_eq!(
            starts(
                "Exclusion zone\nhttp://example.org/wiki/Zone\nhttps://example.org/2012/a\nRadiation remains high."
            ),
            vec![
                "http://example.org/wiki/Zone",
                "https://example.org/2012/a",
                "Radiation remains high."
            ]
        );
        assert_eq!(
            starts("Key facts\n| Height | 12 m |\n| Weight | 600 lb |\nThat is all"),
            vec!["| Height | 12 m |", "| Weight | 600 lb |", "That is all"]
        );
    }

    #[test]
    fn a_line_with_final_punctuation_is_left_to_the_sentence_rules() {
        assert_eq!(
            starts("It flew.\nThen it fell.\nand rose"),
            Vec::<&str>::new()
        );
    }
}

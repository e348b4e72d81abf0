//! Numbers that are part of a name (`Apollo 11`, `Flight 93`, `Boeing 747`,
//! `Reactor 4`, `Route 66`): plain digits right after a capitalised word name a
//! thing and count nothing.
//!
//! The folded text has lost its case, so the caller says how the word before
//! the number was written ([`Written`]). A capitalised word opening a sentence is
//! a name only where it reads like one: not a function word (`About 300`, `In
//! 1986`), an adverb (`Nearly 300`), a verb form (`Carrying 300`) or a plural
//! that is the number's own noun in a label (`Passengers 40`). Digits that
//! measure (`the Flyer 120 feet above`) name nothing.
//!
//! A name's number still answers a claim about which thing it is: [`labels`]
//! tells the words that a name's or a label's number belongs to (`Reactor 3`,
//! `reactor No. 3`, `No. 3 reactor`), so that a claim triggered by `reactor` is
//! compared with it while a count is not.

use std::ops::Range;

use super::NumberMention;
use super::phrase::{adverb, is_month, is_unit, plural_ish};
use super::value::is_number_word;
use crate::lexicon::{
    APPROXIMATIONS, AUXILIARIES, CAPITALISED_NON_NAMES, COUNT_VERBS, DETERMINERS, IRREGULAR_VERBS,
    NOT_NOUNS, NOT_VERBS_IN_ED, NUMERO_WORDS, ORDINALS, PREPOSITIONS, QUANTIFIERS, is,
};

/// How the writer wrote a word of the folded text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Its first letter is a capital.
    pub capitalised: bool,
    /// It opens its sentence (or follows a colon): a capital there says little.
    pub opens: bool,
    /// The document capitalises it where no sentence starts: a proper noun.
    pub proper: bool,
    /// It is a person's name: people are not numbered (`gave Curie 2 prizes`).
    pub person: bool,
}

/// The most digits a number in a name has (`Boeing 747`, `Expo 1967`).
const MAX_DIGITS: usize = 4;

/// Whether the number `n` of the folded `text` is part of a name written before
/// it: plain digits (no separator, no decimal, no range) right after a
/// capitalised word that reads as a name. `written(range)` says how the word at
/// `range` of `text` was written.
pub fn in_name(text: &str, n: &NumberMention, written: impl Fn(Range<usize>) -> Written) -> bool {
    let digits = &text[n.span.clone()];
    if n.range_to.is_some()
        || n.unit.as_deref().is_some_and(is_unit)
        || digits.len() > MAX_DIGITS
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let Some(lead) = text[..n.span.start].strip_suffix(' ') else {
        return false;
    };
    let (start, word) = super::last_word(lead);
    if word.is_empty() || lead[..start].ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let w = written(start..lead.len());
    w.capitalised && !w.person && names(word, w)
}

/// Whether the words at `head` of the folded `text` are what the number `n`
/// names or labels: right before it, or before a `No.`, `number` or `#` that
/// stands before it (`Reactor 4`, `reactor no. 4`, `unit #4`), or right after a
/// label (`No. 4 reactor`).
pub fn labels(text: &str, head: &Range<usize>, n: &NumberMention) -> bool {
    if head.end > n.span.start {
        return n.label && n.noun.as_ref().is_some_and(|noun| noun.start == head.start);
    }
    let gap = &text[head.end..n.span.start];
    if matches!(gap, " " | " #") {
        return true;
    }
    let Some(rest) = gap.strip_prefix(' ') else {
        return false;
    };
    let end = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    is(NUMERO_WORDS, &rest[..end]) && matches!(&rest[end..], " " | ". " | ".")
}

/// Where [`labels`] may hold in a sentence's numbers, found without asking each
/// number: a number right after the head (across a space, `#`, or a `No.` word),
/// or a label whose noun is the head. Built once per sentence.
#[derive(Debug)]
pub struct LabelIndex {
    /// (start, index) of every number, sorted.
    by_start: Vec<(usize, usize)>,
    /// For each noun start, the labels (`No. 4 reactor`) whose noun starts there.
    by_noun: std::collections::HashMap<usize, Vec<usize>>,
}

impl LabelIndex {
    pub fn new(numbers: &[NumberMention]) -> LabelIndex {
        let mut by_start: Vec<(usize, usize)> = numbers
            .iter()
            .enumerate()
            .map(|(i, n)| (n.span.start, i))
            .collect();
        by_start.sort_unstable();
        let mut by_noun: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for (i, n) in numbers.iter().enumerate() {
            if let Some(noun) = n.noun.as_ref().filter(|_| n.label) {
                by_noun.entry(noun.start).or_default().push(i);
            }
        }
        LabelIndex { by_start, by_noun }
    }

    /// The indices (ascending) of the numbers that [`labels`] may hold for
    /// `head`: a superset, so that the first one `labels` holds for is the same.
    pub fn candidates(&self, numbers: &[NumberMention], head: &Range<usize>) -> Vec<usize> {
        // The longest gap `labels` reads: a space, a `No.` word, a period, a space.
        let widest = 1 + NUMERO_WORDS.iter().map(|w| w.len()).max().unwrap_or(0) + 2;
        let from = self.by_start.partition_point(|&(s, _)| s < head.end);
        let mut out: Vec<usize> = self.by_start[from..]
            .iter()
            .take_while(|&&(s, _)| s <= head.end + widest)
            .map(|&(_, i)| i)
            .collect();
        if let Some(labels) = self.by_noun.get(&head.start) {
            out.extend(labels.iter().filter(|&&i| numbers[i].span.start < head.end));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether a capitalised word before a number reads as a name.
fn names(word: &str, w: Written) -> bool {
    if function_word(word)
        || adverb(word)
        || is_number_word(word)
        || is_month(word)
        || crate::extract::calendar::WEEKDAY_NAMES
            .iter()
            .any(|n| n.eq_ignore_ascii_case(word))
        || is(ORDINALS, word)
        || verb_form(word)
    {
        return false;
    }
    // "Carrying 2,200 people", "Passengers 40": an opening word names only where
    // the document writes it as a name elsewhere.
    !w.opens || w.proper || !(word.ends_with("ing") || plural_ish(word))
}

/// Articles, pronouns, prepositions, auxiliaries, quantifiers and the other
/// words that stand before a count (`The 26`, `Over 300`, `All 300`).
fn function_word(word: &str) -> bool {
    [
        NOT_NOUNS,
        CAPITALISED_NON_NAMES,
        APPROXIMATIONS,
        QUANTIFIERS,
        DETERMINERS,
        PREPOSITIONS,
        AUXILIARIES,
    ]
    .iter()
    .any(|list| is(list, word))
}

/// A verb, which a count may follow in a title (`Ship Carried 300`, `Curie Won 2
/// Prizes`): a listed form or a regular past.
fn verb_form(word: &str) -> bool {
    is(COUNT_VERBS, word)
        || is(IRREGULAR_VERBS, word)
        || (word.len() >= 4
            && word.ends_with("ed")
            && !word.ends_with("eed")
            && !is(NOT_VERBS_IN_ED, word))
}

#[cfg(test)]
mod tests {
    use super::super::extract_numbers;
    use super::*;
    use crate::extract::normalize::fold;

    #[test]
    fn the_label_index_holds_every_number_a_head_labels() {
        for text in [
            "reactor no. 4 and reactor 3 exploded, then unit #4, no. 5 reactor and 6 units",
            "the level 7 event, level number 6 and apollo 11 left, with 3 crew and number 9",
        ] {
            let numbers = extract_numbers(text);
            let index = LabelIndex::new(&numbers);
            let mut asked = 0;
            let mut at = 0;
            for word in text.split(' ') {
                let head = at..at + word.len();
                at += word.len() + 1;
                let candidates = index.candidates(&numbers, &head);
                for (i, n) in numbers.iter().enumerate() {
                    if labels(text, &head, n) {
                        asked += 1;
                        assert!(candidates.contains(&i), "{word} {:?}", n.span);
                    }
                }
            }
            assert!(asked >= 3, "{text}");
        }
    }

    /// The numbers of `prose` that are part of a name, as written; a word is
    /// capitalised as the prose writes it, opens the sentence where nothing but
    /// punctuation stands before it, and is proper where `proper` lists it.
    fn named_with(prose: &str, proper: &[&str], people: &[&str]) -> Vec<String> {
        // Folding keeps these plain sentences' byte offsets.
        let text = fold(prose).text;
        assert_eq!(text.len(), prose.len());
        let written = |r: Range<usize>| Written {
            capitalised: prose[r.clone()].starts_with(char::is_uppercase),
            opens: !prose[..r.start].contains(char::is_alphanumeric)
                || prose[..r.start].trim_end().ends_with(':'),
            proper: proper.contains(&&text[r.clone()]),
            person: people.contains(&&text[r]),
        };
        extract_numbers(&text)
            .iter()
            .filter(|n| in_name(&text, n, written))
            .map(|n| text[n.span.clone()].to_string())
            .collect()
    }

    fn named(prose: &str) -> Vec<String> {
        named_with(prose, &[], &[])
    }

    #[test]
    fn digits_after_a_capitalised_name_are_part_of_it() {
        for (prose, number) in [
            ("Apollo 11 landed on the Moon.", "11"),
            ("The passengers of Flight 93 fought back.", "93"),
            ("A Boeing 747 carried 400 people.", "747"),
            ("Reactor 4 exploded at night.", "4"),
            ("They drove Route 66 to the coast.", "66"),
            ("The staff of Unit 4 were evacuated.", "4"),
            ("The Apollo 11 astronauts returned.", "11"),
            ("Chapter 3 tells of the war.", "3"),
            ("It was rated Level 7 on the scale.", "7"),
            ("He was at Expo 1967 in Montreal.", "1967"),
        ] {
            assert_eq!(named(prose), vec![number.to_string()], "{prose}");
        }
    }

    #[test]
    fn counts_after_capitalised_words_that_name_nothing() {
        for prose in [
            "In 1986 4 people died.",
            "Chapter: 3 people died.",
            "About 300 people died.",
            "The 26 men were hurt.",
            "Over 300 people died.",
            "Some 40 cabins were lost.",
            "Nearly 300 men left.",
            "All 300 passengers survived.",
            "Its 260 cabins were small.",
            "By January 1000 people had left.",
            "On Monday 300 people left.",
            "Carrying 300 people, the ship sank.",
            "Passengers 40",
            "The Ship Carried 300 People",
            "Curie Won 2 Nobel Prizes",
            "The committee gave Curie 2 medals.",
            "In Pripyat, 300 people lived.",
            "Apollo carried 2,200 kg and 3.5 tons.",
            "Apollo flew 12-15 times.",
            "the apollo 11 crew",
            "Flight 1000000 was late.",
        ] {
            assert_eq!(
                named_with(prose, &[], &["curie"]),
                Vec::<String>::new(),
                "{prose}"
            );
        }
    }

    #[test]
    fn an_opening_word_the_document_writes_as_a_name() {
        assert_eq!(named("Boeing 747 jets flew."), Vec::<String>::new());
        assert_eq!(
            named_with("Boeing 747 jets flew.", &["boeing"], &[]),
            vec!["747".to_string()]
        );
        assert_eq!(
            named_with("Apollo 11 flew.", &["apollo"], &[]),
            vec!["11".to_string()]
        );
    }
}

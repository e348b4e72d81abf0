//! The kind of a piece of a sentence: a clause of its own, one that coordinates
//! or subordinates, a relative clause, a participial phrase or a phrase.

use std::ops::Range;

use super::ClauseKind;
use super::cut::{Read, after_noun};
use crate::lexicon;
use crate::scan::tokens::{Token, TokenKind, WordClass, is_participle};

/// The kind of the piece `range` of `tokens`, `opened_by` the punctuation before it.
pub(super) fn kind_of(
    read: &Read<'_>,
    range: Range<usize>,
    opened_by: Option<char>,
    has_previous: bool,
) -> ClauseKind {
    let (text, tokens, classes, values) = (read.text, read.tokens, read.classes, read.values);
    if opened_by == Some('(') {
        return ClauseKind::Parenthesis;
    }
    // The words of values (dates, times: spans with digits) are not the clause's
    // own ("on 26 April, 1989 around 1:23 AM" has no verb "am").
    let in_value = |t: &Token| values.covers(t.span);
    let words: Vec<(&str, WordClass)> = range
        .clone()
        .filter(|&j| tokens[j].is_word() && !in_value(&tokens[j]))
        .map(|j| (tokens[j].text(text), classes[j]))
        .collect();
    let Some(&(first, first_class)) = words.first() else {
        return ClauseKind::Phrase;
    };
    match first_class {
        WordClass::RelativePronoun => return ClauseKind::Relative,
        // "and at 10h35": a conjunction before a phrase without a verb.
        WordClass::Conjunction if has_previous && !has_verb(&words[1..]) && words.len() > 1 => {
            return if gapped(read, range) {
                ClauseKind::Coordinate
            } else {
                ClauseKind::Phrase
            };
        }
        WordClass::Conjunction if has_previous => return ClauseKind::Coordinate,
        _ => {}
    }
    if has_previous && (first == "where" || (first == "that" && !has_verb(&words[1..]))) {
        return ClauseKind::Relative;
    }
    if has_previous && first == "that" {
        let k = range.start;
        return if k > 0 && after_noun(text, tokens, classes, k) {
            ClauseKind::Relative
        } else {
            ClauseKind::Subordinate
        };
    }
    if first_class == WordClass::Subordinator && has_verb(&words[1..]) {
        return ClauseKind::Subordinate;
    }
    // "…, the reception five hours": no conjunction, so only a piece that ends
    // with its value (an apposition goes on).
    if has_previous
        && matches!(opened_by, Some(',' | ';'))
        && !has_verb(&words)
        && gapped(read, range.clone())
        && ends_soon(read, range.clone())
    {
        return ClauseKind::Coordinate;
    }
    if lexicon::is(lexicon::PHRASE_OPENERS, first) && !has_actor_and_verb(&words[1..]) {
        return ClauseKind::Phrase;
    }
    // "…, with 240 lives lost", "Without a shot fired, …": an absolute phrase,
    // whose participle has no actor of its own; it tells of its host.
    let no_auxiliary = !words[1..]
        .iter()
        .any(|&(w, c)| c == WordClass::Auxiliary || lexicon::is(lexicon::SUBJECT_PRONOUNS, w));
    let alone = !has_previous && !tokens[range.end..].iter().any(Token::is_word);
    if matches!(first, "with" | "without") && !alone && no_auxiliary {
        return ClauseKind::Phrase;
    }
    if is_participle(first)
        || matches!(first, "having" | "being")
        || (first.ends_with("ing") && first.len() > 5 && !has_finite_verb(&words[1..]))
    {
        return ClauseKind::Participial;
    }
    if !has_verb(&words) || phrase_opener(first) && !has_actor_and_verb(&words[1..]) {
        return ClauseKind::Phrase;
    }
    ClauseKind::Main
}

pub(super) fn phrase_opener(first: &str) -> bool {
    lexicon::is(lexicon::PHRASE_OPENERS, first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || crate::extract::calendar::MONTH_NAMES
            .iter()
            .any(|m| m.eq_ignore_ascii_case(first))
}

fn has_verb(words: &[(&str, WordClass)]) -> bool {
    words.iter().any(|&(w, c)| {
        matches!(c, WordClass::Verb | WordClass::Auxiliary)
            || lexicon::is(lexicon::SUBJECT_PRONOUNS, w) && w != "it"
    })
}

fn has_finite_verb(words: &[(&str, WordClass)]) -> bool {
    words
        .iter()
        .any(|&(w, c)| c == WordClass::Auxiliary || lexicon::is(lexicon::IRREGULAR_VERBS, w))
}

/// A subject pronoun, an auxiliary or a verb after the first word: a clause of
/// its own ("In 1929 he was exiled", "On 20 August the agent struck him"), not a
/// phrase.
fn has_actor_and_verb(words: &[(&str, WordClass)]) -> bool {
    words.iter().any(|&(w, c)| {
        lexicon::is(lexicon::SUBJECT_PRONOUNS, w)
            || matches!(c, WordClass::Auxiliary | WordClass::Verb)
    })
}

/// "…, and the reception five hours": a clause whose verb is left out, lent by
/// the clause before it. After a conjunction, if one opens it, a determiner or
/// a possessive opens a noun phrase with no word of time in it, and a value
/// follows the noun right away. Its actor is that noun phrase, not the one
/// before: the value is not told of the earlier clause's trigger. Not a phrase
/// with a preposition ("and a group of 200"), nor a time ("and the next year
/// 5,200", which goes on with the same actor).
fn gapped(read: &Read<'_>, range: Range<usize>) -> bool {
    let (text, tokens, classes) = (read.text, read.tokens, read.classes);
    let mut j = range.start;
    if tokens[j].is_word() && classes[j] == WordClass::Conjunction {
        j += 1;
    }
    let opens = tokens.get(j).is_some_and(|t| {
        j < range.end
            && t.is_word()
            && (lexicon::is(lexicon::DETERMINERS, t.text(text))
                || classes[j] == WordClass::PossessivePronoun)
    });
    if !opens {
        return false;
    }
    let mut nouns = 0;
    for (t, &class) in tokens[j + 1..range.end]
        .iter()
        .zip(&classes[j + 1..range.end])
    {
        if read.protected.overlaps(t.span) || t.kind == TokenKind::Number {
            return nouns > 0;
        }
        match t.kind {
            TokenKind::Possessive => {}
            TokenKind::Word if class == WordClass::Other && !timely(t.text(text)) => nouns += 1,
            _ => return false,
        }
    }
    false
}

/// Whether a word tells a time: a month, a noun of time or a unit of duration.
pub(super) fn timely(w: &str) -> bool {
    lexicon::is(lexicon::TIME_NOUNS, w)
        || lexicon::is(lexicon::DURATION_UNITS, w)
        || crate::extract::calendar::MONTH_NAMES
            .iter()
            .any(|m| m.eq_ignore_ascii_case(w))
}

/// Whether the piece `range` ends at most a word after its last value: "the
/// reception five hours" or "the Vienna choir 5,200 members", where a comma
/// alone opens it; an apposition goes on ("the choir, the 3,400 singers of
/// the city").
fn ends_soon(read: &Read<'_>, range: Range<usize>) -> bool {
    let last_value = range.clone().rev().find(|&j| {
        read.protected.overlaps(read.tokens[j].span) || read.tokens[j].kind == TokenKind::Number
    });
    last_value.is_some_and(|v| {
        read.tokens[v + 1..range.end]
            .iter()
            .filter(|t| t.is_word())
            .count()
            <= 1
    })
}

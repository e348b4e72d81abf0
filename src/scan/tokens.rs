//! Tokens of one sentence: the words of its folded text, each knowing whether the
//! writer capitalised it and what kind of word it is.
//!
//! The folded text is lowercase, so capitalisation is read once from the prose
//! and kept on the token; everything after this (clauses, actors, noun phrases,
//! role fillers) reads tokens, never raw offsets.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon;
use crate::span::{LocalSpan, Span};

/// What a token is, as far as its letters tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits glued to them: "b52", "20years").
    Word,
    /// Digits, with their separators ("1,517", "3.5", "1:23").
    Number,
    /// The possessive ending "'s" (or a lone "'" after a plural).
    Possessive,
    /// Any other character that is not a space.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: LocalSpan,
    pub kind: TokenKind,
    /// The writer capitalised its first letter.
    pub cap: bool,
}

impl Token {
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.span.range()]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, sentence: &str, chars: &[char]) -> bool {
        self.kind == TokenKind::Punct
            && sentence[self.span.range()]
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }
}

/// The tokens of a folded sentence. `cap(span)` tells whether the prose behind a
/// local span starts with a capital letter.
pub fn tokenize(text: &str, cap: impl Fn(LocalSpan) -> bool) -> Vec<Token> {
    // Folded text is most often ASCII: then the k-th char is the k-th byte, and no
    // table of char offsets is needed.
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let at = |k: usize| bytes.get(k).map(|&b| char::from(b));
        return tokens_by_char(text, bytes.len(), at, |k| k.min(bytes.len()), cap);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    tokens_by_char(text, chars.len(), at, pos, cap)
}

/// The tokens of `text`, which holds `n` chars: `at(k)` is its k-th char, `pos(k)`
/// the byte offset where it starts (the text's length from `n` on).
fn tokens_by_char(
    text: &str,
    n: usize,
    at: impl Fn(usize) -> Option<char>,
    pos: impl Fn(usize) -> usize,
    cap: impl Fn(LocalSpan) -> bool,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let Some(c) = at(k) else { break };
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let start = k;
        if c.is_ascii_digit() {
            let glued;
            (k, glued) = number_end(&at, k);
            let span = Span::new(pos(start), pos(k));
            let kind = if glued {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            out.push(Token {
                span,
                kind,
                cap: false,
            });
            continue;
        }
        if c.is_alphanumeric() {
            k = word_end(&at, k);
            let span = Span::new(pos(start), pos(k));
            out.push(Token {
                span,
                kind: TokenKind::Word,
                cap: cap(span),
            });
            continue;
        }
        if c == '\'' {
            let after_word = out
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Word && t.span.end == pos(start));
            if after_word && at(k + 1) == Some('s') && !at(k + 2).is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    span: Span::new(pos(k), pos(k + 2)),
                    kind: TokenKind::Possessive,
                    cap: false,
                });
                k += 2;
                continue;
            }
            // "the brothers' father": a lone apostrophe after a plural.
            if after_word
                && !at(k + 1).is_some_and(char::is_alphanumeric)
                && text[..pos(start)].ends_with('s')
            {
                out.push(Token {
                    span: Span::new(pos(k), pos(k + 1)),
                    kind: TokenKind::Possessive,
                    cap: false,
                });
                k += 1;
                continue;
            }
        }
        k += 1;
        out.push(Token {
            span: Span::new(pos(start), pos(k)),
            kind: TokenKind::Punct,
            cap: false,
        });
    }
    out
}

/// Where the number that starts at char `k` ends: digits, with separators that
/// have a digit on both sides; and whether letters glued to it ("20years",
/// "b52") make it one word, which then ends after them.
fn number_end(at: &impl Fn(usize) -> Option<char>, mut k: usize) -> (usize, bool) {
    k += 1;
    while let Some(d) = at(k) {
        if d.is_ascii_digit() {
            k += 1;
        } else if matches!(d, ',' | '.' | ':') && at(k + 1).is_some_and(|e| e.is_ascii_digit()) {
            k += 2;
        } else {
            break;
        }
    }
    let glued = at(k).is_some_and(char::is_alphabetic);
    if glued {
        while at(k).is_some_and(char::is_alphanumeric) {
            k += 1;
        }
    }
    (k, glued)
}

/// Where the word that starts at char `k` ends: letters and digits, and an
/// apostrophe inside a word ("o'clock", "didn't"), but not the possessive "'s"
/// ending a word.
fn word_end(at: &impl Fn(usize) -> Option<char>, mut k: usize) -> usize {
    k += 1;
    loop {
        match at(k) {
            Some(d) if d.is_alphanumeric() => k += 1,
            Some('\'')
                if at(k + 1).is_some_and(char::is_alphabetic)
                    && (at(k + 1) != Some('s') || at(k + 2).is_some_and(char::is_alphanumeric)) =>
            {
                k += 1
            }
            _ => return k,
        }
    }
}

/// The word classes factlint reads a sentence by, from the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Determiner,
    SubjectPronoun,
    ObjectPronoun,
    PossessivePronoun,
    Preposition,
    Auxiliary,
    Conjunction,
    Subordinator,
    RelativePronoun,
    /// A verb by its form or the list of irregular verbs ("won", "exploded").
    Verb,
    /// Anything else: a noun, an adjective, an adverb, a name.
    Other,
}

/// The listed words with their class, the first list that holds a word deciding
/// it (as the order of [`word_class`]'s tests): one look-up per word instead of a
/// search of every list.
static LISTED: LazyLock<HashMap<&'static str, WordClass, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| {
        use WordClass::*;
        let lists: [(&[&'static str], WordClass); 11] = [
            (lexicon::DETERMINERS, Determiner),
            (lexicon::QUANTIFIERS, Determiner),
            (lexicon::SUBJECT_PRONOUNS, SubjectPronoun),
            (lexicon::OBJECT_PRONOUNS, ObjectPronoun),
            (lexicon::POSSESSIVE_PRONOUNS, PossessivePronoun),
            (lexicon::RELATIVE_PRONOUNS, RelativePronoun),
            (lexicon::AUXILIARIES, Auxiliary),
            (lexicon::COORDINATORS, Conjunction),
            (lexicon::SUBORDINATORS, Subordinator),
            (lexicon::PREPOSITIONS, Preposition),
            (lexicon::IRREGULAR_VERBS, Verb),
        ];
        let mut map = HashMap::default();
        for (list, class) in lists
            .into_iter()
            .chain([(lexicon::PRESENT_VERBS, WordClass::Verb)])
        {
            for w in list {
                map.entry(*w).or_insert(class);
            }
        }
        map
    });

/// FNV-1a: the words looked up are short and the table is fixed, so a plain
/// multiply-and-xor hash does; SipHash's resistance to chosen keys buys nothing here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The class of a folded word.
pub fn word_class(word: &str) -> WordClass {
    match LISTED.get(word) {
        Some(&class) => class,
        None if is_regular_past(word) => WordClass::Verb,
        None => WordClass::Other,
    }
}

/// The class of each token of `text` (a word's by [`word_class`], any other's
/// [`WordClass::Other`]).
///
/// A participle between a word of degree and a noun is part of a compound
/// adjective ("their best known work"), not a verb.
pub fn word_classes(text: &str, tokens: &[Token]) -> Vec<WordClass> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if !t.is_word() {
                return WordClass::Other;
            }
            let class = word_class(t.text(text));
            if class == WordClass::Verb && compounded(text, tokens, i) {
                WordClass::Other
            } else {
                class
            }
        })
        .collect()
}

/// Whether word `i`, a verb form, is the participle of a compound adjective
/// between a determiner and its noun: "their best known work", "a well known
/// engineer", "the newly built bridge" (a folded text has lost the hyphens of
/// "best-known"). A determiner or a possessive, a word of degree or one in
/// "-ly", the participle, then a word of no other class.
fn compounded(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.is_word()).map(|t| t.text(text));
    let (Some(det), Some(degree), Some(noun)) = (
        i.checked_sub(2).and_then(word),
        i.checked_sub(1).and_then(word),
        word(i + 1),
    ) else {
        return false;
    };
    is_participle(tokens[i].text(text))
        && matches!(
            word_class(det),
            WordClass::Determiner | WordClass::PossessivePronoun
        )
        && (lexicon::is(lexicon::DEGREE_WORDS, degree) || degree.ends_with("ly"))
        && word_class(noun) == WordClass::Other
}

/// A regular past in "-ed" that is not a listed non-verb ("exploded", not "red").
fn is_regular_past(word: &str) -> bool {
    word.len() >= 4 && word.ends_with("ed") && !lexicon::is(lexicon::NOT_VERBS_IN_ED, word)
}

/// Whether a folded word looks like a finite or participle verb: a listed
/// irregular form, or a regular past in "-ed" that is not a listed non-verb.
pub fn is_verb_form(word: &str) -> bool {
    lexicon::is(lexicon::IRREGULAR_VERBS, word)
        || lexicon::is(lexicon::PRESENT_VERBS, word)
        || is_regular_past(word)
}

/// Whether a folded word is a past participle that opens a phrase of its own
/// ("born in 1871", "arrested in 1898", "killed in 1937").
pub fn is_participle(word: &str) -> bool {
    lexicon::is(lexicon::PARTICIPLES, word) || is_regular_past(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// On ASCII text the byte-indexed walk gives the tokens that the walk over
        /// a table of char offsets (the only walk there was) gives.
        #[test]
        fn ascii_walk_matches_char_table(text in "[a-zA-Z0-9 ,.:'\\-\n]{0,60}") {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let at = |k: usize| chars.get(k).map(|&(_, c)| c);
            let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
            let cap = |s: LocalSpan| s.start.is_multiple_of(3);
            let by_table = tokens_by_char(&text, chars.len(), at, pos, cap);
            prop_assert_eq!(tokenize(&text, cap), by_table);
        }
    }

    fn toks(text: &str) -> Vec<(String, TokenKind)> {
        tokenize(text, |_| false)
            .into_iter()
            .map(|t| (t.text(text).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_possessives_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            toks("orville's 1,517 men, at 1:23 o'clock; the brothers' b52"),
            vec![
                ("orville".into(), Word),
                ("'s".into(), Possessive),
                ("1,517".into(), Number),
                ("men".into(), Word),
                (",".into(), Punct),
                ("at".into(), Word),
                ("1:23".into(), Number),
                ("o'clock".into(), Word),
                (";".into(), Punct),
                ("the".into(), Word),
                ("brothers".into(), Word),
                ("'".into(), Possessive),
                ("b52".into(), Word),
            ]
        );
        assert_eq!(toks("20years")[0], ("20years".into(), Word));
        assert_eq!(toks("in 1903.")[1], ("1903".into(), Number));
        assert_eq!(toks("didn't go")[0], ("didn't".into(), Word));
    }

    #[test]
    fn capitalisation_comes_from_the_prose() {
        let text = "orville won";
        let t = tokenize(text, |s| s.start == 0);
        assert!(t[0].cap && !t[1].cap);
    }

    #[test]
    fn word_classes() {
        assert_eq!(word_class("the"), WordClass::Determiner);
        assert_eq!(word_class("won"), WordClass::Verb);
        assert_eq!(word_class("exploded"), WordClass::Verb);
        assert_eq!(word_class("hundred"), WordClass::Other);
        assert_eq!(word_class("which"), WordClass::RelativePronoun);
        assert_eq!(word_class("was"), WordClass::Auxiliary);
        assert_eq!(word_class("red"), WordClass::Other);
        assert_eq!(word_class("speed"), WordClass::Other);
    }

    #[test]
    fn a_participle_of_a_compound_adjective_is_no_verb() {
        let of = |text: &str, w: &str| {
            let t = tokenize(text, |_| false);
            let classes = super::word_classes(text, &t);
            t.iter()
                .zip(classes)
                .find(|(t, _)| t.text(text) == w)
                .map(|(_, c)| c)
        };
        assert_eq!(of("their best known work", "known"), Some(WordClass::Other));
        assert_eq!(of("a so called pact", "called"), Some(WordClass::Other));
        assert_eq!(
            of("the newly built bridge", "built"),
            Some(WordClass::Other)
        );
        // A verb with its object or its phrase, or with no determiner before.
        assert_eq!(
            of("the bridge was well built in 1889", "built"),
            Some(WordClass::Verb)
        );
        assert_eq!(
            of("he quickly built bridges", "built"),
            Some(WordClass::Verb)
        );
        assert_eq!(
            of("the engineer designed bridges", "designed"),
            Some(WordClass::Verb)
        );
    }

    /// The class a search of every list in order gives: what the map must answer.
    fn by_lists(word: &str) -> WordClass {
        use WordClass::*;
        let is = |l: &[&str]| lexicon::is(l, word);
        if is(lexicon::DETERMINERS) || is(lexicon::QUANTIFIERS) {
            Determiner
        } else if is(lexicon::SUBJECT_PRONOUNS) {
            SubjectPronoun
        } else if is(lexicon::OBJECT_PRONOUNS) {
            ObjectPronoun
        } else if is(lexicon::POSSESSIVE_PRONOUNS) {
            PossessivePronoun
        } else if is(lexicon::RELATIVE_PRONOUNS) {
            RelativePronoun
        } else if is(lexicon::AUXILIARIES) {
            Auxiliary
        } else if is(lexicon::COORDINATORS) {
            Conjunction
        } else if is(lexicon::SUBORDINATORS) {
            Subordinator
        } else if is(lexicon::PREPOSITIONS) {
            Preposition
        } else if is_verb_form(word) {
            Verb
        } else {
            Other
        }
    }

    #[test]
    fn the_class_map_answers_as_the_lists_in_order() {
        let lists = [
            lexicon::DETERMINERS,
            lexicon::QUANTIFIERS,
            lexicon::SUBJECT_PRONOUNS,
            lexicon::OBJECT_PRONOUNS,
            lexicon::POSSESSIVE_PRONOUNS,
            lexicon::RELATIVE_PRONOUNS,
            lexicon::AUXILIARIES,
            lexicon::COORDINATORS,
            lexicon::SUBORDINATORS,
            lexicon::PREPOSITIONS,
            lexicon::IRREGULAR_VERBS,
            lexicon::PRESENT_VERBS,
            lexicon::NOT_VERBS_IN_ED,
            lexicon::PARTICIPLES,
        ];
        let others = [
            "orville", "exploded", "red", "speed", "ed", "fled", "", "1903",
        ];
        for w in lists.iter().flat_map(|l| l.iter()).chain(others.iter()) {
            assert_eq!(word_class(w), by_lists(w), "{w}");
        }
    }
}

//! Reading noun phrases as actors: a name, a pronoun, something owned, a common
//! noun with what tells it from others of its kind.

use super::{Actor, ActorReader, Owner};
use crate::lexicon;
use crate::scan::tokens::{TokenKind, WordClass, word_class};
use crate::span::Span;

impl ActorReader<'_> {
    /// The noun phrase starting at token `i`, as an actor.
    pub(super) fn noun_phrase_at(&self, i: usize, to: usize, sentence_start: usize) -> Actor {
        // "There were 320 cabins": no actor.
        if self.word(i) == Some("there")
            && self
                .word(i + 1)
                .is_some_and(|w| word_class(w) == WordClass::Auxiliary)
        {
            return Actor::None;
        }
        if self
            .word(i)
            .is_some_and(|w| lexicon::is(lexicon::APPROXIMATIONS, w))
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            return self.common_noun(i + 1, to, false);
        }
        if let Some(part) = self.partitive(i, to, sentence_start) {
            return part;
        }
        let Some(w) = self.word(i) else {
            if self.tokens[i].kind == TokenKind::Number {
                return self.common_noun(i, to, false);
            }
            return Actor::None;
        };
        match word_class(w) {
            WordClass::SubjectPronoun | WordClass::ObjectPronoun if w != "her" => {
                return Actor::Pronoun(w.to_string());
            }
            WordClass::PossessivePronoun | WordClass::ObjectPronoun => {
                return self.possessed(Owner::Pronoun(w.to_string()), i + 1, to, i);
            }
            WordClass::Determiner => return self.common_noun(i, to, true),
            WordClass::Verb | WordClass::Auxiliary => return Actor::None,
            _ => {}
        }
        if self.is_name_token(i, sentence_start) {
            let mut end = i + 1;
            while end < to
                && (self.is_name_token(end, sentence_start)
                    || (self
                        .word(end)
                        .is_some_and(|w| lexicon::is(lexicon::NAME_PARTICLES, w))
                        && self.is_name_token(end + 1, sentence_start)))
            {
                end += 1;
            }
            let span = Span::new(self.tokens[i].span.start, self.tokens[end - 1].span.end);
            if self
                .tokens
                .get(end)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
            {
                return self.possessed(Owner::Name(span), end + 1, to, i);
            }
            // "Reactor 3", "Unit 4": a capitalised noun with a number names a
            // thing, not a person.
            if end == i + 1
                && self
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                && !self.proper.contains(w)
            {
                return self.common_noun(i, to, false);
            }
            return Actor::Name { span };
        }
        self.common_noun(i, to, false)
    }

    /// "three of the workers", "many of his followers", "14 of the crew": a part
    /// of a set, read as the set's noun marked by the quantity.
    fn partitive(&self, i: usize, to: usize, sentence_start: usize) -> Option<Actor> {
        let t = self.tokens.get(i)?;
        let quantity = t.text(self.text);
        let counts = t.kind == TokenKind::Number
            || lexicon::is(lexicon::QUANTIFIERS, quantity)
            || crate::extract::number::extract_numbers(quantity)
                .first()
                .is_some_and(|n| n.span == (0..quantity.len()));
        if !counts || self.word(i + 1) != Some("of") || i + 2 >= to {
            return None;
        }
        let (head, end) = match self.noun_phrase_at(i + 2, to, sentence_start) {
            Actor::Noun { head, span, .. } => (head, span.end),
            Actor::Possessed { noun, span, .. } => (noun, span.end),
            _ => return None,
        };
        Some(Actor::Noun {
            span: Span::new(t.span.start, end),
            head,
            definite: false,
            marks: vec![quantity.to_string()],
        })
    }

    fn possessed(&self, owner: Owner, from: usize, to: usize, start: usize) -> Actor {
        // The head noun: the last word before a verb, a preposition or the end.
        let mut head = None;
        let mut i = from;
        while i < to {
            let Some(w) = self.word(i) else { break };
            if word_class(w) != WordClass::Other || self.tokens[i].cap && i > from {
                break;
            }
            head = Some((i, w));
            i += 1;
            if lexicon::is(lexicon::RELATIVES, w) {
                break;
            }
        }
        match head {
            Some((h, noun)) => Actor::Possessed {
                owner,
                noun: noun.to_string(),
                span: Span::new(self.tokens[start].span.start, self.tokens[h].span.end),
            },
            None => match owner {
                Owner::Pronoun(p) => Actor::Pronoun(p),
                Owner::Name(span) => Actor::Name { span },
            },
        }
    }

    /// Whether the adjective at token `k` opens a comparison with "to" ("similar
    /// to", "akin to"; see [`lexicon::COMPARISON_WORDS`]).
    fn opens_comparison(&self, k: usize) -> bool {
        let (Some(w), Some("to")) = (self.word(k), self.word(k + 1)) else {
            return false;
        };
        lexicon::COMPARISON_WORDS
            .iter()
            .any(|c| c.strip_suffix(" to") == Some(w))
    }

    /// A common noun phrase from token `i`: determiners, marks, adjectives, head.
    fn common_noun(&self, i: usize, to: usize, determined: bool) -> Actor {
        let mut definite = false;
        // (token index, word) of the words that tell one of its kind from another.
        let mut marks: Vec<(usize, String)> = Vec::new();
        let mut head: Option<(usize, &str)> = None;
        let mut k = i;
        while k < to {
            let t = &self.tokens[k];
            match t.kind {
                TokenKind::Number => {
                    marks.push((k, t.text(self.text).to_string()));
                    k += 1;
                    continue;
                }
                TokenKind::Word => {}
                // "the choir's rival": a relative or a rival of the noun
                // before is the phrase's head, with marks of its own.
                TokenKind::Possessive
                    if head.is_some()
                        && self
                            .word(k + 1)
                            .is_some_and(|w| lexicon::is(lexicon::RELATIVES, w)) =>
                {
                    marks.clear();
                    k += 1;
                    continue;
                }
                _ => break,
            }
            let w = t.text(self.text);
            let c = word_class(w);
            if k == i && determined && c == WordClass::Determiner {
                definite = matches!(w, "the" | "this" | "that" | "these" | "those");
                if matches!(w, "another" | "other") {
                    marks.push((k, w.to_string()));
                }
                k += 1;
                continue;
            }
            // "the other choir": "other" after the determiner marks another
            // of its kind.
            if k == i + 1 && definite && w == "other" {
                marks.push((k, w.to_string()));
                k += 1;
                continue;
            }
            if c != WordClass::Other || (head.is_some() && t.cap && !self.tokens[k - 1].cap) {
                break;
            }
            // "a choir similar to hers": the comparison follows the head.
            if head.is_some() && self.opens_comparison(k) {
                break;
            }
            // Ordinals, superlatives, comparatives and names ("the fourth
            // flight", "an earlier accident", "a smaller flood", "the Aberfan
            // disaster").
            if lexicon::is(lexicon::ORDINALS, w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || lexicon::is(lexicon::INSTANCE_MARKS, w)
                || (w.ends_with("est") && w.len() > 4)
                || w == "no"
                || (t.cap && k > i)
            {
                marks.push((k, w.to_string()));
            }
            head = Some((k, w));
            k += 1;
            // "the weight of the engine": the head is before "of".
        }
        match head {
            Some((h, w)) => Actor::Noun {
                span: Span::new(self.tokens[i].span.start, self.tokens[h].span.end),
                head: w.to_string(),
                definite,
                marks: marks
                    .into_iter()
                    .filter(|(at, _)| *at != h)
                    .map(|(_, m)| m)
                    .collect(),
            },
            None => Actor::None,
        }
    }

    /// The last noun phrase of the tokens `range` (the antecedent of a relative
    /// clause or parenthesis after them).
    pub(super) fn last_noun_phrase(&self, range: std::ops::Range<usize>) -> Actor {
        let sentence_start = self.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
        // Walk back over the last run of noun-phrase words.
        let mut start = range.end;
        while start > range.start {
            let t = &self.tokens[start - 1];
            let ok = match t.kind {
                TokenKind::Word => {
                    let c = word_class(t.text(self.text));
                    matches!(c, WordClass::Other | WordClass::Determiner)
                        || lexicon::is(lexicon::NAME_PARTICLES, t.text(self.text))
                }
                TokenKind::Number | TokenKind::Possessive => true,
                TokenKind::Punct => false,
            };
            if !ok {
                break;
            }
            start -= 1;
        }
        if start >= range.end {
            return Actor::None;
        }
        // Within the run, a name ends it ("near Millville, Indiana").
        let last = range.end - 1;
        if self.is_name_token(last, sentence_start) {
            let mut s = last;
            while s > start && self.is_name_token(s - 1, sentence_start) {
                s -= 1;
            }
            return Actor::Name {
                span: Span::new(self.tokens[s].span.start, self.tokens[last].span.end),
            };
        }
        // Skip to the phrase's own start (after "of": "the weight of the engine"
        // is about the engine's weight; the antecedent is the whole phrase).
        let first_det = (start..range.end).find(|&k| {
            self.word(k)
                .is_some_and(|w| word_class(w) == WordClass::Determiner)
        });
        let from = first_det.unwrap_or(start);
        self.noun_phrase_at(from, range.end, sentence_start)
    }
}

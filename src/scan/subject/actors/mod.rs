//! The actor of each clause: the name, pronoun or noun phrase a clause is about.
//!
//! A main, coordinate or subordinate clause names its actor at its head, after
//! its opening words and any leading prepositional phrase ("In 1929 he …", "On
//! 20 August the agent …"). The others borrow one: a verb coordinated without a
//! subject ("… and became chairman"), an adverbial phrase and a participle ("born
//! in 1871", "having won the toss") tell of the name just before them or of their
//! clause's actor; a relative clause and a parenthesis tell of the noun before
//! them, unless they name an actor of their own ("where they were born").

mod phrases;

use std::collections::HashSet;

use crate::lexicon;
use crate::scan::clauses::{ClauseKind, Clauses};
use crate::scan::tokens::{Token, TokenKind, WordClass, word_class};
use crate::span::LocalSpan;
use crate::span::reach::Reach;

/// What a clause is about, as its words say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A run of capitalised words ("Ramón Mercader", "Reactor" is not one).
    Name { span: LocalSpan },
    /// A personal pronoun ("he", "they").
    Pronoun(String),
    /// Something owned: "his life", "its engine", "Trotsky's death", "Marie's
    /// husband"; `owner` is the possessor (a pronoun or a name span's text).
    Possessed {
        owner: Owner,
        /// The head noun owned, folded.
        noun: String,
        span: LocalSpan,
    },
    /// A common noun phrase: "the engine", "Reactor 3", "the fourth flight",
    /// "three workers".
    Noun {
        span: LocalSpan,
        /// The head noun, folded.
        head: String,
        /// Articles or demonstratives that make it definite ("the", "this").
        definite: bool,
        /// Words that tell one of its kind from another: numbers, ordinals,
        /// "another", "other", superlatives, years.
        marks: Vec<String>,
    },
    /// No actor can be read.
    None,
}

/// The possessor in a possessed noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Pronoun(String),
    Name(LocalSpan),
}

/// Reads the actors of a sentence's clauses.
pub struct ActorReader<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub clauses: &'a Clauses,
    /// The words the document capitalises where no sentence starts.
    pub proper: &'a HashSet<String>,
    /// The sentence's dates and times: a clause's actor comes after one that
    /// opens it ("Three days later the ship sank"). Asked of each opening
    /// token of each clause, by binary search.
    pub(crate) values: &'a Reach,
}

impl ActorReader<'_> {
    /// The actor of every clause. A fragment with no verb at all (a caption:
    /// "Warsaw 7.11.1867 – Sancellemoz (Switzerland) 4.7.1934") has none: its
    /// names are places and dates, not actors.
    pub fn read(&self) -> Vec<Actor> {
        let n = self.clauses.list.len();
        let fragment = !self.tokens.iter().any(|t| {
            t.is_word() && {
                let w = t.text(self.text);
                matches!(word_class(w), WordClass::Verb | WordClass::Auxiliary)
                    || crate::scan::tokens::is_participle(w)
            }
        });
        if fragment {
            return vec![Actor::None; n];
        }
        let mut out: Vec<Option<Actor>> = vec![None; n];
        for k in 0..n {
            let a = self.actor_of(k, &mut out, 0);
            out[k] = Some(a);
        }
        out.into_iter().map(|a| a.unwrap_or(Actor::None)).collect()
    }

    fn actor_of(&self, k: usize, memo: &mut [Option<Actor>], depth: usize) -> Actor {
        if let Some(a) = &memo[k] {
            return a.clone();
        }
        if depth > 8 {
            return Actor::None;
        }
        let c = &self.clauses.list[k];
        let own = || self.head_actor(c.tokens.start, c.tokens.end);
        let borrowed = |memo: &mut [Option<Actor>]| match c.host {
            Some(h) => {
                let host = &self.clauses.list[h];
                // Told of the bare name before it ("Orville, born in 1871").
                if h < k && !self.has_verb(host.tokens.start, host.tokens.end) {
                    self.head_actor(host.tokens.start, host.tokens.end)
                } else {
                    self.actor_of(h, memo, depth + 1)
                }
            }
            None => Actor::None,
        };
        match c.kind {
            ClauseKind::Main | ClauseKind::Subordinate => own(),
            ClauseKind::Coordinate if c.shares_actor => borrowed(memo),
            ClauseKind::Coordinate => own(),
            ClauseKind::Participial => borrowed(memo),
            // A phrase opening with an article names its own noun ("A permanent
            // zone of 30 km"); one opening with a preposition modifies its host.
            ClauseKind::Phrase
                if c.adverbial
                    && !self
                        .tokens
                        .get(c.tokens.start)
                        .and_then(|t| t.is_word().then(|| t.text(self.text)))
                        .is_some_and(|w| word_class(w) == WordClass::Determiner) =>
            {
                borrowed(memo)
            }
            ClauseKind::Phrase => own(),
            // "Sancellemoz (Switzerland)": a parenthesis that is a bare noun
            // phrase goes with its host's actor.
            ClauseKind::Parenthesis
                if !self.has_verb(c.tokens.start, c.tokens.end)
                    && !self.opens_with_participle(c.tokens.start, c.tokens.end) =>
            {
                borrowed(memo)
            }
            ClauseKind::Relative | ClauseKind::Parenthesis => {
                let own = own();
                if own != Actor::None && self.names_own_actor(c.tokens.start, c.tokens.end) {
                    return self.owned_by_antecedent(k, own);
                }
                match c.host {
                    Some(h) if h < k => self.last_noun_phrase(self.clauses.list[h].tokens.clone()),
                    _ => own,
                }
            }
        }
    }

    /// "Marten, whose son was born in Vienna": the actor of a relative clause
    /// opened by "whose" is owned by the name before it, as in "Marten's son".
    /// Any other actor (`own`) is returned as it is.
    fn owned_by_antecedent(&self, k: usize, own: Actor) -> Actor {
        let c = &self.clauses.list[k];
        let opens_whose = (c.tokens.start..c.tokens.end)
            .find_map(|i| self.word(i))
            .is_some_and(|w| w == "whose");
        let (Actor::Noun { head, span, .. }, Some(h), true) = (&own, c.host, opens_whose) else {
            return own;
        };
        if h >= k {
            return own;
        }
        match self.last_noun_phrase(self.clauses.list[h].tokens.clone()) {
            Actor::Name { span: name } => Actor::Possessed {
                owner: Owner::Name(name),
                noun: head.clone(),
                span: *span,
            },
            _ => own,
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
    }

    fn opens_with_participle(&self, from: usize, to: usize) -> bool {
        (from..to)
            .find_map(|i| self.word(i))
            .is_some_and(crate::scan::tokens::is_participle)
    }

    fn has_verb(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            self.word(i)
                .is_some_and(|w| matches!(word_class(w), WordClass::Verb | WordClass::Auxiliary))
        })
    }

    /// A relative clause or parenthesis with an actor of its own ("where they
    /// were born", "whom she married"): its first word is a relative word and a
    /// pronoun, name or noun phrase follows before the verb.
    fn names_own_actor(&self, from: usize, to: usize) -> bool {
        let first = (from..to).find(|&i| self.word(i).is_some());
        let Some(first) = first else { return false };
        let w = self.word(first).unwrap_or("");
        if !(word_class(w) == WordClass::RelativePronoun || matches!(w, "where" | "when" | "that"))
        {
            return false;
        }
        match self.word(first + 1) {
            Some(next) => {
                !matches!(word_class(next), WordClass::Verb | WordClass::Auxiliary)
                    && !self.is_adverb(next)
            }
            None => false,
        }
    }

    fn is_adverb(&self, w: &str) -> bool {
        w.ends_with("ly") || lexicon::is(lexicon::CLAUSE_ADVERBS, w)
    }

    fn is_name_token(&self, i: usize, sentence_start: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Word || !t.cap {
            return false;
        }
        let w = t.text(self.text);
        if word_class(w) != WordClass::Other
            || crate::scan::subject::is_month(w)
            || lexicon::is(lexicon::CAPITALISED_NON_NAMES, w)
        {
            return false;
        }
        // A capitalised word opening the sentence is a name only where the
        // document capitalises it elsewhere too ("Reactor 3", "Historians"), or
        // where another capitalised word goes on with it ("Wilbur Wright").
        i != sentence_start
            || self.proper.contains(w)
            || self.tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.cap
                    && word_class(n.text(self.text)) == WordClass::Other
            })
    }

    /// Past a leading prepositional phrase from token `i`: up to a pronoun, a
    /// name or a determiner that opens the actor ("On 20 August the agent
    /// struck"). Where a verb follows the phrase's own noun, that noun acts
    /// ("With Orville being the youngest"): `Err` with that actor.
    fn past_leading_phrase(
        &self,
        mut i: usize,
        from: usize,
        to: usize,
        sentence_start: usize,
    ) -> Result<usize, Actor> {
        // "about 116,000 people": a word of approximation before a number opens
        // the actor, not a prepositional phrase.
        let approximates = self
            .word(i)
            .is_some_and(|w| lexicon::is(lexicon::APPROXIMATIONS, w))
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if approximates
            || !self
                .word(i)
                .is_some_and(|w| word_class(w) == WordClass::Preposition)
        {
            return Ok(i);
        }
        i += 1;
        let object = i;
        let mut seen_object = false;
        while i < to {
            let Some(w) = self.word(i) else {
                i += 1;
                seen_object = true;
                continue;
            };
            let c = word_class(w);
            if matches!(c, WordClass::SubjectPronoun)
                || (seen_object && self.is_name_token(i, sentence_start))
                || (seen_object && matches!(c, WordClass::Determiner) && i > from + 1)
            {
                // "In 1899 three of the workers died": a part of a set opens
                // the actor, where it is not the phrase's own object.
                if i >= object + 3 && self.word(i - 1) == Some("of") {
                    i -= 2;
                }
                break;
            }
            if matches!(c, WordClass::Verb | WordClass::Auxiliary) {
                return Err(if seen_object {
                    self.noun_phrase_at(object, i, sentence_start)
                } else {
                    Actor::None
                });
            }
            seen_object = true;
            i += 1;
        }
        Ok(i)
    }

    /// The actor named at the head of the tokens `from..to`.
    fn head_actor(&self, from: usize, to: usize) -> Actor {
        let sentence_start = self.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
        let mut i = from;
        // Opening words: conjunctions, relative words, adverbs, bullets, and a
        // date or time ("Three days later", "That night").
        while i < to {
            if self.values.covers(self.tokens[i].span) {
                i += 1;
                continue;
            }
            match self.tokens[i].kind {
                TokenKind::Punct => i += 1,
                TokenKind::Word => {
                    let w = self.word(i).unwrap_or("");
                    let c = word_class(w);
                    if matches!(
                        c,
                        WordClass::Conjunction
                            | WordClass::Subordinator
                            | WordClass::RelativePronoun
                    ) || self.is_adverb(w)
                        || (w == "that" && i == from)
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let i = match self.past_leading_phrase(i, from, to, sentence_start) {
            Ok(i) => i,
            Err(actor) => return actor,
        };
        if i >= to {
            return Actor::None;
        }
        self.noun_phrase_at(i, to, sentence_start)
    }
}

#[cfg(test)]
mod tests;

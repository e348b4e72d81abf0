//! The actor of each clause: the name, pronoun or noun phrase a clause is about.
//!
//! A main, coordinate or subordinate clause names its actor at its head, after
//! its opening words and any leading prepositional phrase ("In 1929 he …", "On
//! 20 August the agent …"). The others borrow one: a verb coordinated without a
//! subject ("… and became chairman"), an adverbial phrase and a participle ("born
//! in 1871", "having won the toss") tell of the name just before them or of their
//! clause's actor; a relative clause and a parenthesis tell of the noun before
//! them, unless they name an actor of their own ("where they were born").

use std::collections::HashSet;

use crate::lexicon;
use crate::scan::clauses::{ClauseKind, Clauses};
use crate::scan::tokens::{Token, TokenKind, WordClass, word_class};
use crate::span::{LocalSpan, Span};

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
                    return own;
                }
                match c.host {
                    Some(h) if h < k => self.last_noun_phrase(self.clauses.list[h].tokens.clone()),
                    _ => own,
                }
            }
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

    /// The actor named at the head of the tokens `from..to`.
    fn head_actor(&self, from: usize, to: usize) -> Actor {
        let sentence_start = self.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
        let mut i = from;
        // Opening words: conjunctions, relative words, adverbs, bullets.
        while i < to {
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
        // A leading prepositional phrase: up to a pronoun, a name or a
        // determiner that opens the actor ("On 20 August the agent struck"). Where
        // a verb follows the phrase's own noun, that noun acts ("With Orville
        // being the youngest").
        // "about 116,000 people": a word of approximation before a number opens
        // the actor, not a prepositional phrase.
        let approximates = self
            .word(i)
            .is_some_and(|w| lexicon::is(lexicon::APPROXIMATIONS, w))
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if !approximates
            && self
                .word(i)
                .is_some_and(|w| word_class(w) == WordClass::Preposition)
        {
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
                    break;
                }
                if matches!(c, WordClass::Verb | WordClass::Auxiliary) {
                    return if seen_object {
                        self.noun_phrase_at(object, i, sentence_start)
                    } else {
                        Actor::None
                    };
                }
                seen_object = true;
                i += 1;
            }
        }
        if i >= to {
            return Actor::None;
        }
        self.noun_phrase_at(i, to, sentence_start)
    }

    /// The noun phrase starting at token `i`, as an actor.
    fn noun_phrase_at(&self, i: usize, to: usize, sentence_start: usize) -> Actor {
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

    /// A common noun phrase from token `i`: determiners, marks, adjectives, head.
    fn common_noun(&self, i: usize, to: usize, determined: bool) -> Actor {
        let mut definite = false;
        let mut marks = Vec::new();
        let mut head: Option<(usize, &str)> = None;
        let mut k = i;
        while k < to {
            let t = &self.tokens[k];
            match t.kind {
                TokenKind::Number => {
                    marks.push(t.text(self.text).to_string());
                    k += 1;
                    continue;
                }
                TokenKind::Word => {}
                _ => break,
            }
            let w = t.text(self.text);
            let c = word_class(w);
            if k == i && determined && c == WordClass::Determiner {
                definite = matches!(w, "the" | "this" | "that" | "these" | "those");
                if matches!(w, "another" | "other") {
                    marks.push(w.to_string());
                }
                k += 1;
                continue;
            }
            if c != WordClass::Other || (head.is_some() && t.cap && !self.tokens[k - 1].cap) {
                break;
            }
            if lexicon::is(lexicon::ORDINALS, w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "another" | "other" | "next" | "last" | "previous" | "same"
                )
                || (w.ends_with("est") && w.len() > 4)
                || w == "no"
            {
                marks.push(w.to_string());
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
                marks,
            },
            None => Actor::None,
        }
    }

    /// The last noun phrase of the tokens `range` (the antecedent of a relative
    /// clause or parenthesis after them).
    fn last_noun_phrase(&self, range: std::ops::Range<usize>) -> Actor {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::clauses::Clauses;
    use crate::scan::tokens::tokenize;

    /// Each clause's text and its actor's words.
    fn actors(prose: &str, proper: &[&str]) -> Vec<(String, String)> {
        let folded = crate::extract::normalize::fold(prose);
        let text = folded.text.as_str();
        let tokens = tokenize(text, |s| {
            prose[folded.orig_range(s.range())].starts_with(char::is_uppercase)
        });
        let clauses = Clauses::cut(text, &tokens, &[]);
        let proper: HashSet<String> = proper.iter().map(|s| s.to_lowercase()).collect();
        let reader = ActorReader {
            text,
            tokens: &tokens,
            clauses: &clauses,
            proper: &proper,
        };
        reader
            .read()
            .into_iter()
            .zip(&clauses.list)
            .map(|(a, c)| {
                let who = match a {
                    Actor::Name { span } => format!("name {}", &text[span.range()]),
                    Actor::Pronoun(p) => format!("pronoun {p}"),
                    Actor::Possessed { noun, owner, .. } => match owner {
                        Owner::Pronoun(p) => format!("{p} {noun}"),
                        Owner::Name(s) => format!("{}'s {noun}", &text[s.range()]),
                    },
                    Actor::Noun { head, marks, .. } => {
                        format!(
                            "noun {head}{}",
                            if marks.is_empty() {
                                String::new()
                            } else {
                                format!(" {}", marks.join(" "))
                            }
                        )
                    }
                    Actor::None => "none".into(),
                };
                (text[c.span.range()].to_string(), who)
            })
            .collect()
    }

    #[test]
    fn each_clause_has_its_own_actor() {
        let a = actors(
            "Orville was 32 and Wilbur was 36 when the first flight occurred.",
            &["Orville", "Wilbur"],
        );
        assert_eq!(
            a.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["name orville", "name wilbur", "noun flight first"]
        );
    }

    #[test]
    fn participles_and_parentheses_tell_of_the_name_before_them() {
        let a = actors(
            "Orville, born in 1871, and Wilbur, born in 1867, were brothers.",
            &["Orville", "Wilbur"],
        );
        assert_eq!(a[1].1, "name orville");
        assert_eq!(a[3].1, "name wilbur");
        let a = actors(
            "She left two daughters, Irene (born 1898) and Eve.",
            &["Irene", "Eve"],
        );
        assert_eq!(a[2], ("born 1898".into(), "name irene".into()));
        let a = actors(
            "Both Ohio (where they were born) and the coast claim them.",
            &["Ohio"],
        );
        assert_eq!(a[1].1, "pronoun they");
        let a = actors(
            "Orville piloted the plane, having won the toss.",
            &["Orville"],
        );
        assert_eq!(a[1].1, "name orville");
    }

    #[test]
    fn relatives_possessors_and_nouns() {
        let a = actors("It had an engine that weighed 170 pounds.", &[]);
        assert_eq!(a[1].1, "noun engine");
        let a = actors(
            "Marie's husband Pierre was killed in 1906.",
            &["Marie", "Pierre"],
        );
        assert_eq!(a[0].1, "marie's husband");
        let a = actors("Reactor 3 exploded in the night.", &[]);
        assert_eq!(a[0].1, "noun reactor 3");
        let a = actors("In 1929 he was exiled.", &[]);
        assert_eq!(a[0].1, "pronoun he");
        let a = actors(
            "On 20 August the NKVD agent Mercader struck him.",
            &["NKVD", "Mercader"],
        );
        assert!(
            a[0].1.starts_with("name") || a[0].1.starts_with("noun"),
            "{a:?}"
        );
        let a = actors("The engine weighed 82kg.", &[]);
        assert_eq!(a[0].1, "noun engine");
        let a = actors("Its engine weighed 82kg.", &[]);
        assert_eq!(a[0].1, "its engine");
        let a = actors("Wilbur made the fourth flight.", &["Wilbur"]);
        assert_eq!(a[0].1, "name wilbur");
    }
}

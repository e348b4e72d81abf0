//! Clauses: a sentence cut once into the clauses and phrases it is made of.
//!
//! A sentence is cut at commas, semicolons, colons, parentheses and spaced dashes,
//! and before the words that open a new clause: a coordinator followed by a clause
//! ("and later exiled", "and Wilbur was 36"), a subordinator ("when", "while",
//! "because"), a relative pronoun ("which", "who", "that" after a noun, "where").
//! Values (dates, numbers) are never cut. Each piece gets a kind and the clause it
//! belongs to (its host):
//!
//! - a **phrase** without a verb ("In 1902,", "a Gestapo agent") modifies its host:
//!   an opening phrase the clauses after it, a closing one the clause before;
//! - a **relative** clause and a **parenthesis** tell of the noun before them;
//! - a **participial** phrase ("born in 1871", "having won the toss") has no actor
//!   of its own: it tells of the name before it or of its host's actor;
//! - a **subordinate** or **coordinate** clause, like a **main** one, may have an
//!   actor of its own.
//!
//! A value pairs with the nearest trigger of its own clause; a value in a phrase
//! with no trigger pairs with the clauses the phrase modifies; a bare value after
//! a label ("Height: 8,840 m", "the toll, 31.") or in a parenthesis of its own
//! ("30 km (19 miles)") pairs with the clause before it. Never a farther one.

use std::ops::Range;

use super::tokens::{
    Token, TokenKind, WordClass, is_participle, is_verb_form, tokenize, word_class,
};
use crate::lexicon;
use crate::span::{LocalSpan, Span};

/// What a piece of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// A clause of its own.
    Main,
    /// Opened by "and", "but", "or": may share its actor with the clause before.
    Coordinate,
    /// Opened by a subordinator ("when", "while", "because") or a complementiser
    /// ("announced that …").
    Subordinate,
    /// Opened by a relative pronoun: about the noun before it.
    Relative,
    /// A participle with no subject ("born in 1871", "having won the toss").
    Participial,
    /// No verb: an adverbial phrase, an apposition, a label, a bare value.
    Phrase,
    /// Inside parentheses.
    Parenthesis,
}

/// One clause or phrase of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// From its first token to its last (local offsets).
    pub span: LocalSpan,
    /// Its tokens (indices into the sentence's tokens).
    pub tokens: Range<usize>,
    pub kind: ClauseKind,
    /// The clause it modifies or tells of, where it is not a clause of its own.
    pub host: Option<usize>,
    /// Followed by a comma (not a conjunction, a colon or a parenthesis).
    pub comma_after: bool,
    /// Followed by a colon: a label for what comes after it.
    pub colon_after: bool,
    /// A coordinate clause with no actor of its own ("and later exiled", "and
    /// became chairman"): the same statement's actor goes on.
    pub shares_actor: bool,
    /// A phrase that opens with a preposition, an article, a number or a month
    /// ("In 1902,", "a Gestapo agent"): it lends its words to its host.
    pub adverbial: bool,
    /// The rest of a clause that a parenthesis interrupted: positions in it
    /// belong to that clause.
    pub resumes: Option<usize>,
    /// The punctuation that opened it, where punctuation did.
    pub opened_by: Option<char>,
    /// A predicate whose actor the phrases before it name (their first clause).
    pub predicate_of: Option<usize>,
}

/// The clauses of one sentence, in order.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    pub list: Vec<Clause>,
}

/// Why a new piece starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// After punctuation (the punctuation belongs to neither piece).
    Punct(char),
    /// At a word that opens a clause (the word belongs to the new piece).
    Word,
}

fn inside(protected: &[LocalSpan], at: LocalSpan) -> bool {
    protected.iter().any(|p| p.overlaps(at))
}

/// Whether the words from `i` look like the start of a clause: an actor (a
/// pronoun, a name, a determiner and noun) followed by a verb within a few words.
fn starts_clause(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(first) = tokens.get(i) else {
        return false;
    };
    if !first.is_word() {
        return false;
    }
    let w = first.text(text);
    match word_class(w) {
        WordClass::SubjectPronoun => return true,
        WordClass::Verb | WordClass::Auxiliary => return true,
        _ => {}
    }
    if lexicon::is(lexicon::CLAUSE_ADVERBS, w) {
        return true;
    }
    // A name or a noun phrase, then a verb before any punctuation.
    for t in tokens.iter().skip(i + 1).take(4) {
        if t.kind == TokenKind::Punct {
            return false;
        }
        if t.is_word() {
            let c = word_class(t.text(text));
            if matches!(c, WordClass::Verb | WordClass::Auxiliary) {
                return true;
            }
            if matches!(
                c,
                WordClass::Conjunction | WordClass::Preposition | WordClass::Subordinator
            ) {
                return false;
            }
        }
    }
    false
}

/// Whether the tokens `from..to` hold a verb.
fn piece_has_verb(text: &str, tokens: &[Token], from: usize, to: usize) -> bool {
    tokens[from.min(to)..to].iter().any(|t| {
        t.is_word()
            && matches!(
                word_class(t.text(text)),
                WordClass::Verb | WordClass::Auxiliary
            )
    })
}

/// Whether the token before `i` ends a noun phrase (so that "that" or "where"
/// after it opens a relative clause).
fn after_noun(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return false;
    };
    match prev.kind {
        TokenKind::Word => {
            let w = prev.text(text);
            word_class(w) == WordClass::Other && !w.ends_with("ly")
        }
        TokenKind::Number | TokenKind::Possessive => true,
        TokenKind::Punct => prev.is_punct(text, &['"', ')', '(']),
    }
}

impl Clauses {
    /// Cuts the folded sentence `text` (with its `tokens`); `protected` spans (the
    /// values) are never cut.
    pub fn cut(text: &str, tokens: &[Token], protected: &[LocalSpan]) -> Clauses {
        // (token index where a piece starts, why, punctuation before it)
        let mut starts: Vec<(usize, Cut)> = vec![(0, Cut::Word)];
        let mut depth = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            if inside(protected, t.span) {
                continue;
            }
            match t.kind {
                TokenKind::Punct => {
                    let c = t.text(text).chars().next().unwrap_or(' ');
                    let spaced_dash = c == '-'
                        && text[..t.span.start].ends_with(' ')
                        && text[t.span.end..].starts_with(' ');
                    if c == '(' {
                        depth += 1;
                    } else if c == ')' {
                        depth = depth.saturating_sub(1);
                    }
                    if matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']') || spaced_dash {
                        starts.push((i + 1, Cut::Punct(c)));
                    }
                }
                TokenKind::Word if i > 0 => {
                    let w = t.text(text);
                    let opens = match word_class(w) {
                        WordClass::RelativePronoun => true,
                        // "and" joins two clauses only once the first has its verb
                        // ("Orville and Wilbur were" joins two names).
                        WordClass::Conjunction => {
                            w == "but"
                                || w == "yet"
                                || (piece_has_verb(
                                    text,
                                    tokens,
                                    starts.last().map_or(0, |s| s.0),
                                    i,
                                ) && starts_clause(text, tokens, i + 1))
                        }
                        WordClass::Subordinator => match w {
                            "after" | "before" | "since" | "until" | "till" | "as" | "once" => {
                                starts_clause(text, tokens, i + 1)
                            }
                            "where" | "when" => true,
                            _ => true,
                        },
                        // "that" opens a clause after a verb ("announced that …") or
                        // a noun followed by a clause ("an engine that weighed"),
                        // not in "that day".
                        _ if w == "that" => {
                            let prev = tokens[i - 1];
                            (prev.is_word() && is_verb_form(prev.text(text)))
                                || (after_noun(text, tokens, i)
                                    && (starts_clause(text, tokens, i + 1)
                                        || tokens.get(i + 1).is_some_and(|t| {
                                            t.is_word()
                                                && matches!(
                                                    word_class(t.text(text)),
                                                    WordClass::Verb | WordClass::Auxiliary
                                                )
                                        })))
                        }
                        _ => false,
                    };
                    // Never cut a piece down to nothing ("and" right after a comma
                    // belongs to the piece the comma opened).
                    let just_opened = starts.last().is_some_and(|&(s, _)| s == i);
                    if opens && !just_opened {
                        starts.push((i, Cut::Word));
                    }
                }
                _ => {}
            }
        }
        let _ = depth;
        starts.dedup_by_key(|s| s.0);
        let mut list: Vec<Clause> = Vec::with_capacity(starts.len());
        // The clause before each open parenthesis.
        let mut before_paren: Vec<usize> = Vec::new();
        for (k, &(s, _)) in starts.iter().enumerate() {
            let (e, next_cut) = match starts.get(k + 1) {
                Some(&(n, Cut::Punct(c))) => (n - 1, Some(c)),
                Some(&(n, Cut::Word)) => (n, None),
                None => (tokens.len(), None),
            };
            if s >= e {
                continue;
            }
            let opened_by = if k == 0 {
                None
            } else {
                match starts[k].1 {
                    Cut::Punct(c) => Some(c),
                    Cut::Word => None,
                }
            };
            let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
            let kind = kind_of(text, tokens, s..e, opened_by, !list.is_empty(), protected);
            let first_word = tokens[s..e]
                .iter()
                .find(|t| t.is_word())
                .map(|t| t.text(text));
            let resumes = match opened_by {
                Some(')') => before_paren.pop().filter(|_| {
                    first_word.is_none_or(|w| {
                        !matches!(
                            word_class(w),
                            WordClass::Conjunction
                                | WordClass::Subordinator
                                | WordClass::RelativePronoun
                        )
                    })
                }),
                _ => None,
            };
            if next_cut == Some('(') {
                before_paren.push(resumes.unwrap_or(list.len()));
            }
            let shares_actor = kind == ClauseKind::Coordinate
                && tokens[s..e]
                    .iter()
                    .filter(|t| t.is_word())
                    .nth(1)
                    .is_some_and(|t| {
                        let w = t.text(text);
                        matches!(word_class(w), WordClass::Verb | WordClass::Auxiliary)
                            || lexicon::is(lexicon::CLAUSE_ADVERBS, w)
                    });
            list.push(Clause {
                span,
                tokens: s..e,
                kind,
                host: None,
                comma_after: next_cut == Some(','),
                colon_after: next_cut == Some(':'),
                shares_actor,
                adverbial: kind == ClauseKind::Phrase && {
                    // "and at 10h35": the phrase after a conjunction.
                    let mut words = tokens[s..e]
                        .iter()
                        .filter(|t| t.is_word())
                        .map(|t| t.text(text));
                    let first = words.next();
                    let opener = match first {
                        Some(w) if word_class(w) == WordClass::Conjunction => words.next(),
                        other => other,
                    };
                    opener.is_some_and(phrase_opener)
                },
                resumes,
                opened_by,
                predicate_of: None,
            });
        }
        // "Trotsky's assassin, Ramón Mercader, was sentenced": a predicate after
        // the phrases that name its actor goes on from the first of them.
        for k in 1..list.len() {
            let first = tokens[list[k].tokens.clone()]
                .iter()
                .find(|t| t.is_word())
                .map(|t| t.text(text));
            let predicate = first.is_some_and(|w| {
                word_class(w) == WordClass::Auxiliary || (is_verb_form(w) && !is_participle(w))
            });
            let all_phrases = list[..k].iter().all(|c| {
                matches!(
                    c.kind,
                    ClauseKind::Phrase | ClauseKind::Participial | ClauseKind::Parenthesis
                )
            });
            // Its actor is the first phrase that is no adverbial ("The 6th of
            // December, her second daughter, Eve, is born").
            let subject = list[..k].iter().position(|c| !c.adverbial);
            if predicate && list[k].opened_by == Some(',') && all_phrases && subject.is_some() {
                list[k].kind = ClauseKind::Coordinate;
                list[k].shares_actor = true;
                list[k].predicate_of = subject;
            }
        }
        // "…, and at 10h35, Orville flew": the clause after a phrase opened by a
        // conjunction is coordinated with the clauses before.
        for k in 1..list.len() {
            let opened_by_conj = list[k - 1].kind == ClauseKind::Phrase
                && tokens[list[k - 1].tokens.clone()]
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| word_class(t.text(text)) == WordClass::Conjunction);
            if opened_by_conj && list[k].kind == ClauseKind::Main {
                list[k].kind = ClauseKind::Coordinate;
            }
        }
        if list.is_empty() {
            list.push(Clause {
                span: Span::new(0, text.len()),
                tokens: 0..tokens.len(),
                kind: ClauseKind::Main,
                host: None,
                comma_after: false,
                colon_after: false,
                shares_actor: false,
                adverbial: false,
                resumes: None,
                opened_by: None,
                predicate_of: None,
            });
        }
        let n = list.len();
        let hosts: Vec<Option<usize>> = list
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let has_next = k + 1 < n;
                match c.kind {
                    ClauseKind::Main => None,
                    ClauseKind::Relative | ClauseKind::Parenthesis => k.checked_sub(1),
                    ClauseKind::Coordinate | ClauseKind::Subordinate => {
                        k.checked_sub(1).or(has_next.then_some(k + 1))
                    }
                    ClauseKind::Participial => k.checked_sub(1).or(has_next.then_some(k + 1)),
                    ClauseKind::Phrase => {
                        if k == 0 || (has_next && c.comma_after) {
                            has_next.then_some(k + 1).or(k.checked_sub(1))
                        } else {
                            k.checked_sub(1)
                        }
                    }
                }
            })
            .collect();
        for (c, h) in list.iter_mut().zip(hosts) {
            c.host = c.predicate_of.or(h);
        }
        Clauses { list }
    }

    /// The clause holding local offset `pos` (a position between two clauses
    /// belongs to the one before it).
    pub fn at(&self, pos: usize) -> usize {
        let k = self
            .list
            .partition_point(|c| c.span.start <= pos)
            .saturating_sub(1);
        self.list.get(k).and_then(|c| c.resumes).unwrap_or(k)
    }

    /// For each value, the indices of the triggers it pairs with: the nearest of
    /// its own clause; else, for a phrase, those of the clauses it modifies; for a
    /// bare value after a label or in a parenthesis, the nearest of the clause
    /// before. Empty where none qualifies.
    pub fn pair(
        &self,
        text: &str,
        tokens: &[Token],
        values: &[LocalSpan],
        triggers: &[LocalSpan],
    ) -> Vec<Vec<usize>> {
        let mut by_clause: Vec<Vec<usize>> = vec![Vec::new(); self.list.len()];
        for (t, span) in triggers.iter().enumerate() {
            by_clause[self.at(span.start)].push(t);
        }
        let value_clauses: Vec<usize> = values.iter().map(|v| self.at(v.start)).collect();
        values
            .iter()
            .enumerate()
            .map(|(vi, v)| {
                let own = value_clauses[vi];
                let nearest = |candidates: &[usize]| -> Vec<usize> {
                    let Some(best) = candidates.iter().map(|&t| v.distance(triggers[t])).min()
                    else {
                        return Vec::new();
                    };
                    candidates
                        .iter()
                        .copied()
                        .filter(|&t| v.distance(triggers[t]) == best)
                        .collect()
                };
                if !by_clause[own].is_empty() {
                    let best = nearest(&by_clause[own]);
                    return self.prefer_verb(text, tokens, *v, best, &by_clause[own], triggers);
                }
                let clause = &self.list[own];
                // "In 1905 he returned to Russia and became chairman": the verbs
                // coordinated after a clause share its dates.
                if matches!(clause.kind, ClauseKind::Main | ClauseKind::Coordinate) {
                    let mut shared = Vec::new();
                    for (k, c) in self.list.iter().enumerate().skip(own + 1) {
                        if !c.shares_actor || value_clauses.contains(&k) {
                            break;
                        }
                        shared.extend(by_clause[k].iter().copied());
                    }
                    if !shared.is_empty() {
                        return nearest(&shared);
                    }
                }
                if own > 0 {
                    let prev = &self.list[own - 1];
                    let labelled = (prev.colon_after || clause.kind == ClauseKind::Parenthesis)
                        && self.is_bare_value(text, tokens, own, *v, 3);
                    let listed = prev.comma_after
                        && own + 1 == self.list.len()
                        && self.is_bare_value(text, tokens, own, *v, 1);
                    if labelled || listed {
                        return nearest(&by_clause[own - 1]);
                    }
                }
                if !clause.adverbial {
                    return Vec::new();
                }
                let Some(host) = clause.host else {
                    return Vec::new();
                };
                if host < own {
                    // A closing phrase modifies the clause just before it.
                    if !self.list[host].comma_after {
                        return Vec::new();
                    }
                    return nearest(&by_clause[host]);
                }
                // An opening phrase dates every clause after it that is of the
                // same sentence level, up to one with a value of its own.
                let mut out = Vec::new();
                for (k, c) in self.list.iter().enumerate().skip(host) {
                    // Up to a clause with a value of its own, or one that stands
                    // apart (after a semicolon, a colon or a dash; a main clause;
                    // a parenthesis). A phrase between them ("…, and at 10h35,
                    // Orville flew") is passed over.
                    if k > host
                        && (value_clauses.contains(&k)
                            || c.resumes.is_some()
                            || matches!(c.opened_by, Some(';' | ':' | '-'))
                            || matches!(c.kind, ClauseKind::Parenthesis | ClauseKind::Main))
                    {
                        break;
                    }
                    if matches!(c.kind, ClauseKind::Relative) {
                        continue;
                    }
                    if k == host {
                        out.extend(nearest(&by_clause[k]));
                    } else {
                        out.extend(by_clause[k].iter().copied());
                    }
                }
                out
            })
            .collect()
    }

    /// "Moscow announced the accident on 2 May": a value after an event noun that
    /// is the object of an event verb belongs to the verb.
    fn prefer_verb(
        &self,
        text: &str,
        tokens: &[Token],
        v: LocalSpan,
        best: Vec<usize>,
        candidates: &[usize],
        triggers: &[LocalSpan],
    ) -> Vec<usize> {
        // The whole first word of a trigger ("announc" matches "announced").
        let verbal = |t: LocalSpan| {
            tokens
                .iter()
                .find(|k| k.span.contains_pos(t.start))
                .map(|k| k.text(text))
                .is_some_and(|w| is_verb_form(w) || w.ends_with("ing"))
        };
        let [noun] = best.as_slice() else {
            return best;
        };
        let noun_span = triggers[*noun];
        if verbal(noun_span) || v.start < noun_span.end {
            return best;
        }
        let verb = candidates.iter().copied().filter(|&t| {
            let ts = triggers[t];
            if !verbal(ts) || ts.end > noun_span.start {
                return false;
            }
            // Only articles and adjectives between the verb and its object.
            let between: Vec<&Token> = tokens
                .iter()
                .filter(|k| k.span.start >= ts.end && k.span.end <= noun_span.start)
                .collect();
            between.len() <= 3
                && between.iter().all(|k| {
                    k.is_word()
                        && !matches!(
                            word_class(k.text(text)),
                            WordClass::Verb | WordClass::Auxiliary | WordClass::Preposition
                        )
                })
        });
        match verb.max_by_key(|&t| triggers[t].start) {
            Some(t) => vec![t],
            None => best,
        }
    }

    /// The clauses whose words count as the context of clause `k`: itself, the
    /// clause its verb is coordinated with ("… and became chairman"), and the
    /// phrases modifying either.
    pub fn related(&self, k: usize) -> Vec<usize> {
        let mut out = vec![k];
        let mut at = k;
        // A phrase, a parenthesis and a relative clause are read with the clause
        // they modify.
        if (self.list[k].adverbial
            || matches!(
                self.list[k].kind,
                ClauseKind::Parenthesis | ClauseKind::Relative
            ))
            && let Some(h) = self.list[k].host
        {
            out.push(h);
            at = h;
        }
        while self.list[at].shares_actor
            && let Some(h) = self.list[at].host
            && h < at
        {
            out.push(h);
            at = h;
        }
        // The phrases, participles and parentheses that go with them ("Orville
        // flew, having won the toss").
        for (j, c) in self.list.iter().enumerate() {
            let attached =
                c.adverbial || matches!(c.kind, ClauseKind::Participial | ClauseKind::Parenthesis);
            if attached && c.host.is_some_and(|h| out.contains(&h)) && !out.contains(&j) {
                out.push(j);
            }
        }
        out
    }

    /// Whether clause `k` is little but the value `v`: a label's value, a
    /// conversion in parentheses ("(19 miles)", "(approximately 19 miles)"). It
    /// starts with the value or a word of approximation, and has at most three
    /// other words (a unit).
    fn is_bare_value(
        &self,
        text: &str,
        tokens: &[Token],
        k: usize,
        v: LocalSpan,
        others: usize,
    ) -> bool {
        let c = &self.list[k];
        let words: Vec<&Token> = tokens[c.tokens.clone()]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        let starts = v.contains(first.span)
            || first.span.start >= v.start
            || lexicon::is(lexicon::APPROXIMATIONS, first.text(text));
        starts && words.iter().filter(|t| !v.contains(t.span)).count() <= others
    }
}

/// The kind of the piece `range` of `tokens`, `opened_by` the punctuation before it.
fn kind_of(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    opened_by: Option<char>,
    has_previous: bool,
    protected: &[LocalSpan],
) -> ClauseKind {
    if opened_by == Some('(') {
        return ClauseKind::Parenthesis;
    }
    // The words of values (dates, times: spans with digits) are not the clause's
    // own ("on 26 April, 1989 around 1:23 AM" has no verb "am").
    let in_value = |t: &Token| {
        protected.iter().any(|p| {
            p.contains(t.span)
                && text
                    .get(p.range())
                    .is_some_and(|s| s.contains(|c: char| c.is_ascii_digit()))
        })
    };
    let words: Vec<&str> = tokens[range.clone()]
        .iter()
        .filter(|t| t.is_word() && !in_value(t))
        .map(|t| t.text(text))
        .collect();
    let Some(&first) = words.first() else {
        return ClauseKind::Phrase;
    };
    match word_class(first) {
        WordClass::RelativePronoun => return ClauseKind::Relative,
        // "and at 10h35": a conjunction before a phrase without a verb.
        WordClass::Conjunction if has_previous && !has_verb(&words[1..]) && words.len() > 1 => {
            return ClauseKind::Phrase;
        }
        WordClass::Conjunction if has_previous => return ClauseKind::Coordinate,
        _ => {}
    }
    if has_previous && (first == "where" || (first == "that" && !has_verb(&words[1..]))) {
        return ClauseKind::Relative;
    }
    if has_previous && first == "that" {
        let k = range.start;
        return if k > 0 && after_noun(text, tokens, k) {
            ClauseKind::Relative
        } else {
            ClauseKind::Subordinate
        };
    }
    if word_class(first) == WordClass::Subordinator && has_verb(&words[1..]) {
        return ClauseKind::Subordinate;
    }
    if lexicon::is(lexicon::PHRASE_OPENERS, first) && !has_actor_and_verb(&words[1..]) {
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

fn phrase_opener(first: &str) -> bool {
    lexicon::is(lexicon::PHRASE_OPENERS, first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || crate::extract::calendar::MONTH_NAMES
            .iter()
            .any(|m| m.eq_ignore_ascii_case(first))
}

fn has_verb(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(word_class(w), WordClass::Verb | WordClass::Auxiliary)
            || lexicon::is(lexicon::SUBJECT_PRONOUNS, w) && *w != "it"
    })
}

fn has_finite_verb(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| word_class(w) == WordClass::Auxiliary || lexicon::is(lexicon::IRREGULAR_VERBS, w))
}

/// A subject pronoun, an auxiliary or a verb after the first word: a clause of
/// its own ("In 1929 he was exiled", "On 20 August the agent struck him"), not a
/// phrase.
fn has_actor_and_verb(words: &[&str]) -> bool {
    words.iter().any(|w| {
        lexicon::is(lexicon::SUBJECT_PRONOUNS, w)
            || matches!(word_class(w), WordClass::Auxiliary | WordClass::Verb)
    })
}

/// A piece of a sentence between clause boundaries (folded offsets), for callers
/// that read plain folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    /// It modifies a neighbouring clause (a phrase without a verb).
    pub adverbial: bool,
    /// Separated from the next segment by a comma only.
    pub comma_after: bool,
}

/// The clauses of a plain folded text (no capitalisation known).
pub fn cut_plain(text: &str, protected: &[Range<usize>]) -> (Vec<Token>, Clauses) {
    let tokens = tokenize(text, |_| false);
    let protected: Vec<LocalSpan> = protected.iter().cloned().map(Span::from).collect();
    let clauses = Clauses::cut(text, &tokens, &protected);
    (tokens, clauses)
}

/// Cuts the folded sentence `text` into segments; `protected` ranges are never cut.
pub fn segments(text: &str, protected: &[Range<usize>]) -> Vec<Segment> {
    let (_, clauses) = cut_plain(text, protected);
    clauses
        .list
        .iter()
        .map(|c| Segment {
            range: c.span.range(),
            adverbial: c.adverbial,
            comma_after: c.comma_after,
        })
        .collect()
}

/// For each value, the indices of the triggers it pairs with, in a plain folded text.
pub fn pair(text: &str, values: &[Range<usize>], triggers: &[Range<usize>]) -> Vec<Vec<usize>> {
    let (tokens, clauses) = cut_plain(text, values);
    let values: Vec<LocalSpan> = values.iter().cloned().map(Span::from).collect();
    let triggers: Vec<LocalSpan> = triggers.iter().cloned().map(Span::from).collect();
    clauses.pair(text, &tokens, &values, &triggers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, w: &str) -> Range<usize> {
        let s = text.find(w).unwrap();
        s..s + w.len()
    }

    fn kinds(text: &str) -> Vec<(String, ClauseKind)> {
        let (_, c) = cut_plain(text, &[]);
        c.list
            .iter()
            .map(|c| (text[c.span.range()].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn each_value_pairs_with_the_trigger_of_its_own_clause() {
        let t = "he was removed from power in 1927 and later exiled to turkey in 1929.";
        let values = [find(t, "1927"), find(t, "1929")];
        let triggers = [find(t, "removed from power"), find(t, "exiled")];
        assert_eq!(pair(t, &values, &triggers), vec![vec![0], vec![1]]);
        // Without the first trigger, 1927 stays unpaired rather than take a farther one.
        assert_eq!(pair(t, &values, &triggers[1..]), vec![vec![], vec![0]]);
    }

    #[test]
    fn an_adverbial_phrase_lends_its_date_to_the_next_clause() {
        let t = "in 1902, he escaped exile using a forged passport.";
        assert_eq!(
            pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
            vec![vec![0]]
        );
    }

    #[test]
    fn an_opening_phrase_dates_the_clauses_coordinated_after_it() {
        let t =
            "on april 26th, officials announced the news and ordered buses to evacuate the town.";
        assert_eq!(
            pair(t, &[find(t, "april 26th")], &[find(t, "evacuate")]),
            vec![vec![0]]
        );
        // Not a clause with a date of its own.
        let t = "in 1902, he escaped and in 1905 he returned.";
        assert_eq!(
            pair(
                t,
                &[find(t, "1902"), find(t, "1905")],
                &[find(t, "returned")]
            ),
            vec![vec![], vec![0]]
        );
    }

    #[test]
    fn an_adverbial_phrase_between_clauses_belongs_to_the_next() {
        let t = "he became foreign commissar and, in march 1918, war commissar.";
        assert_eq!(
            pair(t, &[find(t, "march 1918")], &[find(t, "foreign commissar")]),
            vec![Vec::<usize>::new()]
        );
        let t = "he escaped from exile, in 1902.";
        assert_eq!(
            pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
            vec![vec![0]]
        );
    }

    #[test]
    fn a_participle_phrase_keeps_its_date() {
        let t = "arrested in 1898, trotsky was exiled to siberia.";
        assert_eq!(
            pair(t, &[find(t, "1898")], &[find(t, "exiled to siberia")]),
            vec![Vec::<usize>::new()]
        );
    }

    #[test]
    fn values_are_never_cut() {
        let t = "he was murdered in mexico on august 21, 1940.";
        let v = find(t, "august 21, 1940");
        let segs = segments(t, std::slice::from_ref(&v));
        assert_eq!(segs.len(), 1);
        assert_eq!(pair(t, &[v], &[find(t, "murdered")]), vec![vec![0]]);
    }

    #[test]
    fn a_bare_value_after_a_label_or_in_parentheses_pairs_with_the_clause_before() {
        let t = "height of the tower: 324 m.";
        assert_eq!(
            pair(t, &[find(t, "324")], &[find(t, "height")]),
            vec![vec![0]]
        );
        let t = "number of climbers on the summit, 3.";
        assert_eq!(
            pair(t, &[find(t, "3")], &[find(t, "climbers")]),
            vec![vec![0]]
        );
        let t = "the zone has a radius of 30 km (19 miles).";
        assert_eq!(
            pair(t, &[find(t, "19")], &[find(t, "radius")]),
            vec![vec![0]]
        );
        // Not a clause of its own after a comma.
        let t = "the tower is tall, and 300 people climbed it.";
        assert_eq!(
            pair(t, &[find(t, "300")], &[find(t, "tall")]),
            vec![Vec::<usize>::new()]
        );
    }

    #[test]
    fn clauses_are_told_apart_by_their_opening_words() {
        use ClauseKind::*;
        assert_eq!(
            kinds("orville, born in 1871, and wilbur, born in 1867, were brothers"),
            vec![
                ("orville".into(), Phrase),
                ("born in 1871".into(), Participial),
                ("and wilbur".into(), Phrase),
                ("born in 1867".into(), Participial),
                ("were brothers".into(), Coordinate),
            ]
        );
        assert_eq!(
            kinds("it ran an engine that weighed 170 pounds"),
            vec![
                ("it ran an engine".into(), Main),
                ("that weighed 170 pounds".into(), Relative),
            ]
        );
        assert_eq!(
            kinds("orville was 32 and wilbur was 36 when the flight occurred"),
            vec![
                ("orville was 32".into(), Main),
                ("and wilbur was 36".into(), Coordinate),
                ("when the flight occurred".into(), Subordinate),
            ]
        );
        assert_eq!(
            kinds("both ohio (where they were born) and the coast claimed them"),
            vec![
                ("both ohio".into(), Phrase),
                ("where they were born".into(), Parenthesis),
                ("and the coast claimed them".into(), Coordinate),
            ]
        );
        assert_eq!(
            kinds("he piloted the plane, having won the toss"),
            vec![
                ("he piloted the plane".into(), Main),
                ("having won the toss".into(), Participial),
            ]
        );
        // "and" between two nouns joins them.
        assert_eq!(kinds("polonium and radium were found").len(), 1);
    }
}

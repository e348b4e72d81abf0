//! Cutting a sentence into clauses: where pieces start, what kind each is, and
//! the clause each belongs to.

use std::ops::Range;

use super::{Clause, ClauseKind, Clauses};
use crate::lexicon;
use crate::scan::tokens::{Token, TokenKind, WordClass, is_participle, is_verb_form, word_classes};
use crate::span::reach::Reach;
use crate::span::{LocalSpan, Span};

/// Why a new piece starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cut {
    /// After punctuation (the punctuation belongs to neither piece).
    Punct(char),
    /// At a word that opens a clause (the word belongs to the new piece).
    Word,
}

/// Whether the words from `i` look like the start of a clause: an actor (a
/// pronoun, a name, a determiner and noun, a count: "and 200 were injured")
/// followed by a verb within a few words.
fn starts_clause(text: &str, tokens: &[Token], classes: &[WordClass], i: usize) -> bool {
    let Some(first) = tokens.get(i) else {
        return false;
    };
    if first.kind == TokenKind::Number {
        // A count, at most two nouns, then the verb ("200 were injured", "140
        // firemen died"), not "until 1935 that she died".
        for (t, &c) in tokens.iter().zip(classes).skip(i + 1).take(3) {
            match c {
                _ if !t.is_word() => return false,
                WordClass::Verb | WordClass::Auxiliary => return true,
                WordClass::Other => {}
                _ => return false,
            }
        }
        return false;
    }
    if !first.is_word() {
        return false;
    }
    let w = first.text(text);
    match classes[i] {
        WordClass::SubjectPronoun => return true,
        WordClass::Verb | WordClass::Auxiliary => return true,
        _ => {}
    }
    if lexicon::is(lexicon::CLAUSE_ADVERBS, w) {
        return true;
    }
    // A name or a noun phrase, then a verb before any punctuation.
    for (t, &c) in tokens.iter().zip(classes).skip(i + 1).take(4) {
        if t.kind == TokenKind::Punct {
            return false;
        }
        if t.is_word() {
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

/// For each `i`, how many of the tokens before `i` are verbs: whether a run of
/// tokens holds a verb is then one subtraction, not a rescan of the piece at
/// every conjunction of a long one.
fn verbs_before(tokens: &[Token], classes: &[WordClass]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    let mut n = 0;
    out.push(0);
    for (t, c) in tokens.iter().zip(classes) {
        if t.is_word() && matches!(c, WordClass::Verb | WordClass::Auxiliary) {
            n += 1;
        }
        out.push(n);
    }
    out
}

/// Whether the tokens `from..to` hold a verb, by [`verbs_before`].
fn piece_has_verb(verbs: &[usize], from: usize, to: usize) -> bool {
    verbs[to] > verbs[from.min(to)]
}

/// Whether the token before `i` ends a noun phrase (so that "that" or "where"
/// after it opens a relative clause).
pub(super) fn after_noun(text: &str, tokens: &[Token], classes: &[WordClass], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return false;
    };
    match prev.kind {
        TokenKind::Word => {
            let w = prev.text(text);
            classes[i - 1] == WordClass::Other && !w.ends_with("ly")
        }
        TokenKind::Number | TokenKind::Possessive => true,
        TokenKind::Punct => prev.is_punct(text, &['"', ')', '(']),
    }
}

impl Clauses {
    /// Cuts the folded sentence `text` (with its `tokens`); `protected` spans (the
    /// values) are never cut.
    pub fn cut(text: &str, tokens: &[Token], protected: &[LocalSpan]) -> Clauses {
        Clauses::cut_classed(text, tokens, &word_classes(text, tokens), protected)
    }

    /// As [`Clauses::cut`], with the class of each token (by [`word_classes`])
    /// already known.
    pub fn cut_classed(
        text: &str,
        tokens: &[Token],
        classes: &[WordClass],
        protected: &[LocalSpan],
    ) -> Clauses {
        // Each word's class is looked up once for every rule that reads it.
        let mut list = cut_range(
            text,
            tokens,
            classes,
            protected,
            0..tokens.len(),
            Cut::Word,
            false,
        );
        mark_predicates(text, tokens, classes, &mut list);
        mark_coordinated(tokens, classes, &mut list);
        if list.is_empty() {
            list.push(whole(text, tokens.len()));
        }
        set_hosts(&mut list);
        Clauses {
            list,
            ..Clauses::default()
        }
    }
}

/// The one piece of a text with no piece of its own: all of it, a main clause.
pub(super) fn whole(text: &str, tokens: usize) -> Clause {
    Clause {
        span: Span::new(0, text.len()),
        tokens: 0..tokens,
        kind: ClauseKind::Main,
        host: None,
        comma_after: false,
        colon_after: false,
        shares_actor: false,
        adverbial: false,
        resumes: None,
        opened_by: None,
        predicate_of: None,
    }
}

/// The pieces of `tokens[range]`, each with its kind (not yet its host), as a cut
/// of all the tokens makes them where a piece starts at `range.start` (opened by
/// `first`) and `range` ends with the tokens or right after punctuation that
/// cuts: a cut point is found by reading at most up to the next punctuation, so
/// the pieces between two cutting punctuation marks depend on nothing outside
/// them but whether a piece comes before (`has_previous`). (A piece's `resumes`
/// is only right where `range` starts with the tokens.)
pub(super) fn cut_range(
    text: &str,
    tokens: &[Token],
    classes: &[WordClass],
    protected: &[LocalSpan],
    range: Range<usize>,
    first: Cut,
    has_previous: bool,
) -> Vec<Clause> {
    let reach = Reach::new(protected.iter().copied());
    // The values with digits (dates, times): their words are not a clause's own.
    let values = Reach::new(protected.iter().copied().filter(|p| {
        text.get(p.range())
            .is_some_and(|s| s.contains(|c: char| c.is_ascii_digit()))
    }));
    let end = range.end;
    let starts = cut_points(text, tokens, classes, &reach, range, first);
    let read = Read {
        text,
        tokens,
        classes,
        protected: &reach,
        values: &values,
    };
    pieces(&read, &starts, end, has_previous)
}

/// A sentence being cut: its folded text, tokens and their classes, the
/// values never cut (`protected`) and those of them with digits (`values`:
/// dates, times), whose words are not a clause's own.
pub(super) struct Read<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub classes: &'a [WordClass],
    pub protected: &'a Reach,
    pub values: &'a Reach,
}

/// The punctuation `t` is, where it cuts the sentence `text`: a comma, a
/// semicolon, a colon, a parenthesis or bracket, a dash with a space each side.
pub(super) fn cutting_punct(text: &str, t: &Token) -> Option<char> {
    if t.kind != TokenKind::Punct {
        return None;
    }
    let c = t.text(text).chars().next().unwrap_or(' ');
    let spaced_dash =
        c == '-' && text[..t.span.start].ends_with(' ') && text[t.span.end..].starts_with(' ');
    (matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']') || spaced_dash).then_some(c)
}

/// Where pieces start among `tokens[range]`: after punctuation, and at the words
/// that open a clause; the first at `range.start`, opened by `first`.
fn cut_points(
    text: &str,
    tokens: &[Token],
    classes: &[WordClass],
    protected: &Reach,
    range: Range<usize>,
    first: Cut,
) -> Vec<(usize, Cut)> {
    // (token index where a piece starts, why)
    let base = range.start;
    let mut starts: Vec<(usize, Cut)> = vec![(base, first)];
    let verbs = verbs_before(&tokens[range.clone()], &classes[range.clone()]);
    for i in range {
        let t = &tokens[i];
        if protected.overlaps(t.span) {
            continue;
        }
        match t.kind {
            TokenKind::Punct => {
                if let Some(c) = cutting_punct(text, t) {
                    starts.push((i + 1, Cut::Punct(c)));
                }
            }
            TokenKind::Word if i > 0 => {
                let w = t.text(text);
                let opens = match classes[i] {
                    WordClass::RelativePronoun => true,
                    // "and" joins two clauses only once the first has its verb
                    // ("Orville and Wilbur were" joins two names).
                    WordClass::Conjunction => {
                        w == "but"
                            || w == "yet"
                            || (piece_has_verb(
                                &verbs,
                                starts.last().map_or(base, |s| s.0) - base,
                                i - base,
                            ) && starts_clause(text, tokens, classes, i + 1))
                    }
                    WordClass::Subordinator => match w {
                        "after" | "before" | "since" | "until" | "till" | "as" | "once" => {
                            starts_clause(text, tokens, classes, i + 1)
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
                            || (after_noun(text, tokens, classes, i)
                                && (starts_clause(text, tokens, classes, i + 1)
                                    || tokens.get(i + 1).is_some_and(|t| {
                                        t.is_word()
                                            && matches!(
                                                classes[i + 1],
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
    starts.dedup_by_key(|s| s.0);
    starts
}

/// The pieces between the cut points, the last ending at token `end`, each with
/// its kind; `has_previous` whether a piece comes before the first.
fn pieces(read: &Read<'_>, starts: &[(usize, Cut)], end: usize, has_previous: bool) -> Vec<Clause> {
    let (text, tokens, classes) = (read.text, read.tokens, read.classes);
    let mut list: Vec<Clause> = Vec::with_capacity(starts.len());
    // The clause before each open parenthesis.
    let mut before_paren: Vec<usize> = Vec::new();
    for (k, &(s, cut)) in starts.iter().enumerate() {
        let (e, next_cut) = match starts.get(k + 1) {
            Some(&(n, Cut::Punct(c))) => (n - 1, Some(c)),
            Some(&(n, Cut::Word)) => (n, None),
            None => (end, None),
        };
        if s >= e {
            continue;
        }
        // The first piece of all starts at a word (token 0), with no punctuation.
        let opened_by = match cut {
            Cut::Punct(c) => Some(c),
            Cut::Word => None,
        };
        let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
        let kind = super::kind::kind_of(read, s..e, opened_by, has_previous || !list.is_empty());
        let first_word = (s..e).find(|&j| tokens[j].is_word()).map(|j| classes[j]);
        let resumes = match opened_by {
            Some(')') => before_paren.pop().filter(|_| {
                first_word.is_none_or(|c| {
                    !matches!(
                        c,
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
        list.push(Clause {
            span,
            tokens: s..e,
            kind,
            host: None,
            comma_after: next_cut == Some(','),
            colon_after: next_cut == Some(':'),
            shares_actor: kind == ClauseKind::Coordinate
                && shares_actor(text, tokens, classes, s..e),
            adverbial: kind == ClauseKind::Phrase && adverbial(text, tokens, classes, s..e),
            resumes,
            opened_by,
            predicate_of: None,
        });
    }
    list
}

/// Whether the coordinate clause of tokens `r` goes on with the actor before it:
/// its second word is a verb or a clause adverb ("and then fled").
fn shares_actor(text: &str, tokens: &[Token], classes: &[WordClass], r: Range<usize>) -> bool {
    r.filter(|&j| tokens[j].is_word()).nth(1).is_some_and(|j| {
        let w = tokens[j].text(text);
        matches!(classes[j], WordClass::Verb | WordClass::Auxiliary)
            || lexicon::is(lexicon::CLAUSE_ADVERBS, w)
    })
}

/// Whether the phrase of tokens `r` is adverbial: it opens with a phrase
/// opener, after a conjunction where one comes first ("and at 10h35").
fn adverbial(text: &str, tokens: &[Token], classes: &[WordClass], r: Range<usize>) -> bool {
    let mut words = r.filter(|&j| tokens[j].is_word());
    let opener = match words.next() {
        Some(j) if classes[j] == WordClass::Conjunction => words.next(),
        other => other,
    };
    opener.is_some_and(|j| super::kind::phrase_opener(tokens[j].text(text)))
}

/// "Trotsky's assassin, Ramón Mercader, was sentenced": a predicate after the
/// phrases that name its actor goes on from the first of them that is no
/// adverbial.
fn mark_predicates(text: &str, tokens: &[Token], classes: &[WordClass], list: &mut [Clause]) {
    let no_clause = |c: &Clause| {
        matches!(
            c.kind,
            ClauseKind::Phrase
                | ClauseKind::Participial
                | ClauseKind::Parenthesis
                | ClauseKind::Relative
        )
    };
    // Read once for the whole sentence: `only_phrases_from[k]` tells whether every
    // piece from `k` on is a phrase or a parenthesis (as cut, before this marks
    // any), `all_phrases` whether every piece before the one read is no clause
    // (as marked so far), and the first piece that is no adverbial.
    let mut only_phrases_from = vec![true; list.len() + 1];
    for k in (0..list.len()).rev() {
        only_phrases_from[k] = only_phrases_from[k + 1]
            && matches!(list[k].kind, ClauseKind::Phrase | ClauseKind::Parenthesis);
    }
    // Where that is no phrase, the first phrase before it that an article
    // opens and no time is in ("The concert, on 1 October 1920, lasted five
    // hours", "The concert, held in Linz, lasted").
    let first_named = match list.iter().position(|c| !c.adverbial) {
        Some(k) if list[k].kind == ClauseKind::Phrase => Some(k),
        first => list[..first.unwrap_or(list.len())]
            .iter()
            .position(|c| c.kind == ClauseKind::Phrase && names_a_thing(text, tokens, classes, c))
            .or(first),
    };
    let mut all_phrases = list.first().is_none_or(no_clause);
    for k in 1..list.len() {
        let first = list[k]
            .tokens
            .clone()
            .find(|&j| tokens[j].is_word())
            .map(|j| (tokens[j].text(text), classes[j]));
        // A past form that may be a participle ("died", "opened") is the
        // predicate where no clause of the sentence has a verb of its own:
        // "Crane, who was born in Leeds, died in 1880".
        let last_verb = only_phrases_from[k + 1];
        let predicate = first.is_some_and(|(w, c)| {
            c == WordClass::Auxiliary
                || (is_verb_form(w) && !is_participle(w))
                || (w.ends_with("ed") && is_verb_form(w) && last_verb)
        });
        // A relative clause may interrupt the actor and its predicate; its actor
        // is the first phrase that is no adverbial ("The 6th of December, her
        // second daughter, Eve, is born").
        let subject = first_named.filter(|&p| p < k);
        if predicate && list[k].opened_by == Some(',') && all_phrases && subject.is_some() {
            list[k].kind = ClauseKind::Coordinate;
            list[k].shares_actor = true;
            list[k].predicate_of = subject;
        }
        all_phrases = all_phrases && no_clause(&list[k]);
    }
}

/// Whether phrase `c` is a noun phrase an article opens, with no number,
/// month or word of time in it ("the concert", not "the 6th of December" or
/// "the next year").
fn names_a_thing(text: &str, tokens: &[Token], classes: &[WordClass], c: &Clause) -> bool {
    let mut words = c.tokens.clone().filter(|&j| tokens[j].is_word());
    words
        .next()
        .is_some_and(|j| classes[j] == WordClass::Determiner)
        && c.tokens.clone().all(|j| {
            let w = tokens[j].text(text);
            !w.starts_with(|ch: char| ch.is_ascii_digit()) && !super::kind::timely(w)
        })
}

/// "…, and at 10h35, Orville flew": the clause after a phrase opened by a
/// conjunction is coordinated with the clauses before.
fn mark_coordinated(tokens: &[Token], classes: &[WordClass], list: &mut [Clause]) {
    for k in 1..list.len() {
        let opened_by_conj = list[k - 1].kind == ClauseKind::Phrase
            && list[k - 1]
                .tokens
                .clone()
                .find(|&j| tokens[j].is_word())
                .is_some_and(|j| classes[j] == WordClass::Conjunction);
        if opened_by_conj && list[k].kind == ClauseKind::Main {
            list[k].kind = ClauseKind::Coordinate;
        }
    }
}

/// The clause each piece modifies or tells of.
fn set_hosts(list: &mut [Clause]) {
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
}

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

mod cut;
mod kind;
mod pair;
mod window;

pub use pair::Pairing;
pub use window::SentenceCut;

use std::cell::{OnceCell, RefCell};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::rc::Rc;

use super::tokens::{Token, WordClass, tokenize, word_classes};
use crate::span::{LocalSpan, Span};

/// How many clauses back a verb's coordination is followed for its context.
/// Real sentences coordinate a handful; the bounds keep a run of thousands
/// ("… and moved to Oslo in 1935 and moved …") linear.
const COORDINATED_REACH: usize = 16;

/// The most clauses read as one clause's context, for the same reason.
const RELATED_MOST: usize = 64;

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
    /// For each clause, the phrases, participles and parentheses that have it
    /// as their host, in order; made on first use.
    attached: OnceCell<Vec<Vec<usize>>>,
    /// For each list of context patterns asked about (by their sources), which
    /// clauses hold a match of one of them; found once per sentence.
    contexts: RefCell<Vec<ContextMatches>>,
}

/// The sources of a list of context patterns, and which clauses hold a match.
type ContextMatches = (Vec<String>, Rc<[bool]>);

impl Clauses {
    /// The clause holding local offset `pos` (a position between two clauses
    /// belongs to the one before it).
    pub fn at(&self, pos: usize) -> usize {
        let k = self
            .list
            .partition_point(|c| c.span.start <= pos)
            .saturating_sub(1);
        self.list.get(k).and_then(|c| c.resumes).unwrap_or(k)
    }

    /// The clauses whose words count as the context of clause `k`: itself, the
    /// clause its verb is coordinated with ("… and became chairman"), up to
    /// [`COORDINATED_REACH`] back, and the phrases modifying either.
    pub fn related(&self, k: usize) -> Vec<usize> {
        let attached = self.attached.get_or_init(|| {
            let mut by_host = vec![Vec::new(); self.list.len()];
            for (j, c) in self.list.iter().enumerate() {
                let attached = c.adverbial
                    || matches!(c.kind, ClauseKind::Participial | ClauseKind::Parenthesis);
                if let Some(h) = c.host.filter(|_| attached) {
                    by_host[h].push(j);
                }
            }
            by_host
        });
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
        let mut steps = 0;
        while self.list[at].shares_actor
            && let Some(h) = self.list[at].host
            && h < at
            && steps < COORDINATED_REACH
        {
            out.push(h);
            at = h;
            steps += 1;
        }
        // The phrases, participles and parentheses that go with them ("Orville
        // flew, having won the toss"), in order: one attached to a piece taken
        // here goes with it where it comes after that piece.
        let mut next: BinaryHeap<Reverse<usize>> = out
            .iter()
            .flat_map(|&h| attached[h].iter().map(|&j| Reverse(j)))
            .collect();
        // (`out` holds at most `RELATED_MOST`: asking it is bounded.)
        while let Some(Reverse(j)) = next.pop() {
            if out.len() >= RELATED_MOST {
                break;
            }
            if out.contains(&j) {
                continue;
            }
            out.push(j);
            next.extend(attached[j].iter().filter(|&&i| i > j).map(|&i| Reverse(i)));
        }
        out
    }

    /// Whether one of the `context` patterns matches (anywhere in the sentence
    /// `text`, as a search of the whole sentence finds them) in a clause of
    /// `clauses`. The clauses holding a match are found once per list of
    /// patterns: `text` must be the text these clauses were cut from.
    pub fn context_in(
        &self,
        text: &str,
        context: &[crate::claims::pattern::ClaimRegex],
        clauses: &[usize],
    ) -> bool {
        let same = |k: &[String]| {
            k.len() == context.len() && k.iter().zip(context).all(|(a, b)| a == b.as_str())
        };
        let known = self
            .contexts
            .borrow()
            .iter()
            .find(|(k, _)| same(k))
            .map(|(_, m)| Rc::clone(m));
        let matched = known.unwrap_or_else(|| {
            let mut m = vec![false; self.list.len().max(1)];
            for r in context {
                for found in r.find_iter(text) {
                    m[self.at(found.start())] = true;
                }
            }
            let m: Rc<[bool]> = m.into();
            let key = context.iter().map(|r| r.as_str().to_string()).collect();
            self.contexts.borrow_mut().push((key, Rc::clone(&m)));
            m
        });
        clauses
            .iter()
            .any(|&k| matched.get(k).copied().unwrap_or(false))
    }
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
    let tokens = tokenize(text, |_| false);
    segments_of(text, &tokens, &word_classes(text, &tokens), protected)
}

/// As [`segments`], with the plain tokens of `text` and their classes (by
/// [`word_classes`]) already known.
pub fn segments_of(
    text: &str,
    tokens: &[Token],
    classes: &[WordClass],
    protected: &[Range<usize>],
) -> Vec<Segment> {
    let protected: Vec<LocalSpan> = protected.iter().cloned().map(Span::from).collect();
    // A segment is where a piece lies and how it ends: what the cut marks after
    // (hosts, predicates, coordination) does not change it.
    let mut list = cut::cut_range(
        text,
        tokens,
        classes,
        &protected,
        0..tokens.len(),
        cut::Cut::Word,
        false,
    );
    if list.is_empty() {
        list.push(cut::whole(text, tokens.len()));
    }
    list.iter().map(Segment::of).collect()
}

impl Segment {
    fn of(c: &Clause) -> Segment {
        Segment {
            range: c.span.range(),
            adverbial: c.adverbial,
            comma_after: c.comma_after,
        }
    }
}

/// For each value, the indices of the triggers it pairs with, in a plain folded text.
pub fn pair(text: &str, values: &[Range<usize>], triggers: &[Range<usize>]) -> Vec<Vec<usize>> {
    let (tokens, clauses) = cut_plain(text, values);
    let values: Vec<LocalSpan> = values.iter().cloned().map(Span::from).collect();
    let triggers: Vec<LocalSpan> = triggers.iter().cloned().map(Span::from).collect();
    clauses.pair(text, &tokens, &values, &triggers)
}

#[cfg(test)]
mod tests;

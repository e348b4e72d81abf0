//! Pairing values with triggers through the clauses of their sentence.

use super::{ClauseKind, Clauses};
use crate::lexicon;
use crate::scan::tokens::{Token, TokenKind, WordClass, is_verb_form, word_class};
use crate::span::LocalSpan;

/// What pairing the values of one sentence needs to know, read once for all of
/// them: [`Pairing::pair_value`] pairs one value.
pub struct Pairing<'a> {
    clauses: &'a Clauses,
    text: &'a str,
    tokens: &'a [Token],
    triggers: &'a [LocalSpan],
    /// The triggers of each clause, in order.
    by_clause: Vec<Vec<usize>>,
    /// The same, by where they start, for clauses of more than [`OFFERED`].
    by_start: Vec<Vec<usize>>,
    /// The clause of each value.
    value_clauses: Vec<usize>,
    /// Whether each clause holds a value.
    valued: Vec<bool>,
    /// The values, by where they start, and the length of the longest.
    values: Vec<LocalSpan>,
    longest_value: usize,
}

/// The most tokens of a clause read for its actor's words, before its verb:
/// an actor is a few words, and the bound keeps a clause of thousands of
/// tokens from being read once for each of its values.
const ACTOR_TOKENS: usize = 32;

/// The most triggers of one clause that one value is offered: those nearest
/// to it. No clause a person writes holds so many; the bound keeps a clause of
/// thousands of values and triggers ("3,000 were killed and 3,000 were killed
/// and …") from asking of every value whether it fits every trigger.
const OFFERED: usize = 32;

/// The triggers of one clause that one value may take.
struct Offer<'p, 'a> {
    p: &'p Pairing<'a>,
    /// The value.
    v: LocalSpan,
    /// The value's clause.
    own: usize,
    /// Whether the value is paired as the only one of its sentence.
    alone: bool,
    keep: &'p dyn Fn(usize) -> bool,
}

impl Offer<'_, '_> {
    /// Whether clause `k` holds a value.
    fn valued(&self, k: usize) -> bool {
        if self.alone {
            k == self.own
        } else {
            self.p.valued[k]
        }
    }

    /// Whether a value other than this one lies in `span` (none where the
    /// value is paired as the only one).
    fn other_value_in(&self, span: LocalSpan) -> bool {
        if self.alone {
            return false;
        }
        // None that starts further before the span than the longest value
        // can reach it.
        let values = &self.p.values;
        let longest = self.p.longest_value;
        let at = values.partition_point(|w| w.start + longest <= span.start);
        values[at..]
            .iter()
            .take_while(|w| w.start < span.end)
            .any(|&w| w != self.v && span.overlaps(w))
    }

    /// The triggers of clause `k` that the value may take, in order: of a
    /// clause with more than [`OFFERED`], only the nearest to the value are
    /// asked about.
    fn of(&self, k: usize) -> Vec<usize> {
        let all = &self.p.by_clause[k];
        if all.len() <= OFFERED {
            return all.iter().copied().filter(|&t| (self.keep)(t)).collect();
        }
        // The triggers around the value in the order they start, then the
        // nearest of those, back in the clause's order.
        let by_start = &self.p.by_start[k];
        let triggers = self.p.triggers;
        let at = by_start.partition_point(|&t| triggers[t].start < self.v.start);
        let around = &by_start[at.saturating_sub(OFFERED)..(at + OFFERED).min(by_start.len())];
        let mut near: Vec<usize> = around.to_vec();
        near.sort_by_key(|&t| (self.v.distance(triggers[t]), t));
        near.truncate(OFFERED);
        near.sort_unstable();
        near.into_iter().filter(|&t| (self.keep)(t)).collect()
    }
}

impl<'a> Pairing<'a> {
    /// Reads the values and triggers of the sentence `text` (with its `tokens`)
    /// cut into `clauses`.
    pub fn new(
        clauses: &'a Clauses,
        text: &'a str,
        tokens: &'a [Token],
        values: &[LocalSpan],
        triggers: &'a [LocalSpan],
    ) -> Pairing<'a> {
        let mut by_clause: Vec<Vec<usize>> = vec![Vec::new(); clauses.list.len()];
        for (t, span) in triggers.iter().enumerate() {
            by_clause[clauses.at(span.start)].push(t);
        }
        let by_start = by_clause
            .iter()
            .map(|ts| {
                let mut sorted = Vec::new();
                if ts.len() > OFFERED {
                    sorted.clone_from(ts);
                    sorted.sort_by_key(|&t| (triggers[t].start, t));
                }
                sorted
            })
            .collect();
        let value_clauses: Vec<usize> = values.iter().map(|v| clauses.at(v.start)).collect();
        let mut valued = vec![false; clauses.list.len()];
        for &k in &value_clauses {
            valued[k] = true;
        }
        Pairing {
            clauses,
            text,
            tokens,
            triggers,
            by_clause,
            by_start,
            value_clauses,
            valued,
            values: {
                let mut sorted = values.to_vec();
                sorted.sort_by_key(|w| (w.start, w.end));
                sorted
            },
            longest_value: values.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// The triggers value `vi` (at `v`) pairs with, among those `keep` lets it
    /// take: as [`Clauses::pair`] would answer with only those triggers, each
    /// asked about only where a clause the value may pair in holds it.
    pub fn pair_value(&self, vi: usize, v: LocalSpan, keep: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let own = self.value_clauses[vi];
        let offer = Offer {
            p: self,
            v,
            own,
            alone: false,
            keep,
        };
        self.clauses.pair_one(&offer, v)
    }

    /// The triggers `v` pairs with, as [`Clauses::pair`] answers for `v` alone
    /// with these triggers: a sentence's values paired one at a time (each as
    /// though the only one) share one reading of its triggers.
    pub fn pair_alone(&self, v: LocalSpan) -> Vec<usize> {
        let offer = Offer {
            p: self,
            v,
            own: self.clauses.at(v.start),
            alone: true,
            keep: &|_| true,
        };
        self.clauses.pair_one(&offer, v)
    }

    /// The candidates nearest to `v` (all of them at the least distance, and
    /// those that overlap one of them: two claims' words for one event, such as
    /// "attacked" and "attacked Trotsky").
    fn nearest(&self, v: LocalSpan, candidates: &[usize]) -> Vec<usize> {
        let Some(best) = candidates
            .iter()
            .map(|&t| v.distance(self.triggers[t]))
            .min()
        else {
            return Vec::new();
        };
        let closest: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&t| v.distance(self.triggers[t]) == best)
            .collect();
        candidates
            .iter()
            .copied()
            .filter(|&t| {
                closest
                    .iter()
                    .any(|&c| c == t || self.triggers[c].overlaps(self.triggers[t]))
            })
            .collect()
    }
}

impl Clauses {
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
        let ctx = Pairing::new(self, text, tokens, values, triggers);
        values
            .iter()
            .enumerate()
            .map(|(vi, v)| ctx.pair_value(vi, *v, &|_| true))
            .collect()
    }

    /// The triggers one value pairs with.
    fn pair_one(&self, o: &Offer<'_, '_>, v: LocalSpan) -> Vec<usize> {
        let p = o.p;
        let own = o.own;
        let in_own = o.of(own);
        if !in_own.is_empty() {
            let best = p.nearest(v, &in_own);
            return self.prefer_verb(p.text, p.tokens, v, best, &in_own, p.triggers);
        }
        let clause = &self.list[own];
        // "In 1905 he returned to Russia and became chairman": the verbs
        // coordinated after a clause share its dates.
        if matches!(clause.kind, ClauseKind::Main | ClauseKind::Coordinate) {
            let mut shared = Vec::new();
            for (k, c) in self.list.iter().enumerate().skip(own + 1) {
                if !c.shares_actor || o.valued(k) {
                    break;
                }
                shared.extend(o.of(k));
            }
            if !shared.is_empty() {
                return p.nearest(v, &shared);
            }
        }
        // "The concert, held in Linz, lasted five hours": a predicate set
        // apart from its actor by the pieces between tells of the actor, whose
        // words name what it measures, unless the actor holds a value of its own.
        let actor = clause
            .predicate_of
            .filter(|&a| self.list[a].kind == ClauseKind::Phrase && !o.valued(a));
        if let Some(actor) = actor {
            let named = o.of(actor);
            if !named.is_empty() {
                return p.nearest(v, &named);
            }
        }
        // "Construction began in 1883 and took eight years": a verb that goes
        // on with the actor of the clause before tells of that actor, whose
        // words name what it measures.
        let named = self.actor_words(o, own);
        if !named.is_empty() {
            return p.nearest(v, &named);
        }
        if own > 0 {
            let prev = &self.list[own - 1];
            let labelled = (prev.colon_after || clause.kind == ClauseKind::Parenthesis)
                && self.is_bare_value(p.text, p.tokens, own, v, 3);
            let listed = prev.comma_after
                && own + 1 == self.list.len()
                && self.is_bare_value(p.text, p.tokens, own, v, 1);
            if labelled || listed {
                return p.nearest(v, &o.of(own - 1));
            }
        }
        // "It was (not until) 1935 that she died": a cleft's value is the time
        // of the clause it puts in focus.
        if let Some(focus) = self.cleft_focus(p.text, p.tokens, own) {
            return p.nearest(v, &o.of(focus));
        }
        if !clause.adverbial {
            return Vec::new();
        }
        match clause.host {
            // A closing phrase modifies the clause just before it.
            Some(host) if host < own => {
                if self.list[host].comma_after {
                    p.nearest(v, &o.of(host))
                } else {
                    Vec::new()
                }
            }
            Some(host) => self.lend_forward(o, v, host),
            None => Vec::new(),
        }
    }

    /// The triggers among the actor's words of the clause whose actor clause
    /// `own` goes on with (a coordinate clause that shares its actor, after
    /// any others that do, or participles after a comma): the triggers of that clause before its first
    /// verb, where no other value stands among them ("the 1920 concert began
    /// at eight and lasted …" tells of the 1920 concert).
    fn actor_words(&self, o: &Offer<'_, '_>, own: usize) -> Vec<usize> {
        let p = o.p;
        let mut k = own;
        // A list of verbs may run through a participle ("began in May, lasted
        // through the summer and ended after 140 days").
        let goes_on = |c: &super::Clause| {
            (c.kind == ClauseKind::Coordinate && c.shares_actor)
                || (c.kind == ClauseKind::Participial && c.opened_by == Some(','))
        };
        while k > 0 && own - k < super::COORDINATED_REACH && goes_on(&self.list[k]) {
            k -= 1;
        }
        let clause = &self.list[k];
        if k == own
            || goes_on(clause)
            || !matches!(clause.kind, ClauseKind::Main | ClauseKind::Coordinate)
        {
            return Vec::new();
        }
        let reach = clause.tokens.start..clause.tokens.end.min(clause.tokens.start + ACTOR_TOKENS);
        let Some(verb) = p.tokens[reach].iter().find(|t| {
            t.is_word()
                && matches!(
                    word_class(t.text(p.text)),
                    WordClass::Verb | WordClass::Auxiliary
                )
        }) else {
            return Vec::new();
        };
        let actor = LocalSpan::new(clause.span.start, verb.span.start);
        if actor.is_empty() || o.other_value_in(actor) {
            return Vec::new();
        }
        o.of(k)
            .into_iter()
            .filter(|&t| p.triggers[t].end <= verb.span.start)
            .collect()
    }

    /// An opening phrase dates every clause after it of the same sentence level:
    /// the nearest trigger of the clause it opens, and every trigger of the
    /// clauses coordinated after it, up to one with a value of its own or one
    /// that stands apart (after a semicolon, a colon or a dash; a main clause; a
    /// parenthesis). A phrase between them ("…, and at 10h35, Orville flew") is
    /// passed over, and a relative clause tells of its own noun.
    fn lend_forward(&self, o: &Offer<'_, '_>, v: LocalSpan, host: usize) -> Vec<usize> {
        let p = o.p;
        let mut out = Vec::new();
        for (k, c) in self.list.iter().enumerate().skip(host) {
            if k > host
                && (o.valued(k)
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
                out.extend(p.nearest(v, &o.of(k)));
            } else {
                out.extend(o.of(k));
            }
        }
        out
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
        // Tokens are in order and apart: the one holding a position is the
        // first that ends after it, found by binary search.
        let verbal = |t: LocalSpan| {
            tokens
                .get(tokens.partition_point(|k| k.span.end <= t.start))
                .filter(|k| k.span.contains_pos(t.start))
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
            let from = tokens.partition_point(|k| k.span.start < ts.end);
            let to = tokens.partition_point(|k| k.span.end <= noun_span.start);
            let between = tokens.get(from..to.max(from)).unwrap_or_default();
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

    /// The clause that clause `k` puts in focus, where `k` is the head of a cleft:
    /// it opens with "it" and a form of "be" ("it was in 1935", "it was not until
    /// 1935", "it is only in 1935"), and the "that" clause right after it tells of
    /// it ("… that she died"). A head with a verb of its own ("it was said in 1935
    /// that …") is no cleft.
    fn cleft_focus(&self, text: &str, tokens: &[Token], k: usize) -> Option<usize> {
        let words = |c: &super::Clause| {
            tokens[c.tokens.clone()]
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .map(|t| t.text(text))
        };
        let focus = self.list.get(k + 1)?;
        if focus.host != Some(k)
            || !matches!(focus.kind, ClauseKind::Relative | ClauseKind::Subordinate)
            || words(focus).next() != Some("that")
        {
            return None;
        }
        // "It was said in 1935 that she died" dates the saying: no verb in the head.
        let mut head = words(&self.list[k]);
        let opens = head.next() == Some("it")
            && head
                .next()
                .is_some_and(|be| lexicon::is(lexicon::COPULAS, be));
        let mut rest = head.peekable();
        let cleft = opens && rest.peek().is_some() && !rest.any(is_verb_form);
        cleft.then_some(k + 1)
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
        let words = tokens[c.tokens.clone()]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct);
        let Some(first) = words.clone().next() else {
            return false;
        };
        let starts = v.contains(first.span)
            || first.span.start >= v.start
            || lexicon::is(lexicon::APPROXIMATIONS, first.text(text));
        // Counted only as far as `others` and one more: a long clause is no
        // bare value, whatever else it holds.
        starts
            && words
                .filter(|t| !v.contains(t.span))
                .take(others + 1)
                .count()
                <= others
    }
}

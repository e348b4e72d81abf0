//! Whom a clause of an analysed sentence is about, for one subject: the clause's
//! actor read by the subject's kind (see `subject::clause_who`), with the
//! readings that need the sentence's tokens, values and other clauses.

use super::analysis::Analysis;
use super::clauses::ClauseKind;
use super::subject::actors::Actor;
use super::subject::names::mentions_within;
use super::subject::{self, DocFacts, Mention, SubjectMatcher, Who};
use crate::claims::SubjectKind;
use crate::lexicon;
use crate::span::LocalSpan;

/// What an answer of [`Analysis::who_with`] depends on besides the clause: the
/// subject (by its address), whether the position asked about lies in the
/// clause's actor, the sentence's flow and whether the actor is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WhoKey {
    subject: usize,
    in_actor: bool,
    flow: Who,
    ignore_actor: bool,
}

/// What deciding whom a clause is about reads, whichever clause it reads.
struct WhoReading<'a> {
    m: &'a SubjectMatcher,
    mentions: &'a [Mention],
    facts: &'a DocFacts,
    flow: Who,
    ignore_actor: bool,
}

impl Analysis<'_> {
    /// Whom the clause holding local position `at` is about, for subject `m`,
    /// given whom the sentence is about (`flow`). With `ignore_actor` the
    /// clause's actor does not count: a role read before its trigger is that
    /// actor ("Hunt led the expedition"), whoever it is.
    pub fn who_with(
        &self,
        at: usize,
        m: &SubjectMatcher,
        facts: &DocFacts,
        flow: Who,
        ignore_actor: bool,
    ) -> Who {
        let key = std::ptr::from_ref(m) as usize;
        let known = self
            .mentions
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, list)| list.clone());
        let mentions = known.unwrap_or_else(|| {
            let proper = |w: &str| facts.proper.contains(w);
            let list: std::rc::Rc<[Mention]> =
                m.mentions_in(self.text, &self.tokens, &proper).into();
            self.mentions.borrow_mut().push((key, list.clone()));
            list
        });
        let reading = WhoReading {
            m,
            mentions: &mentions,
            facts,
            flow,
            ignore_actor,
        };
        let c = self.clauses().at(at);
        // The answer reads `at` only to ask whether it lies in the clause's
        // actor, so it is worked out once per clause and answer to that: a
        // clause with thousands of triggers is read once, not once for each.
        let key = WhoKey {
            subject: key,
            in_actor: self.in_actor(c, at),
            flow,
            ignore_actor,
        };
        let known = self
            .whos
            .borrow()
            .get(c)
            .and_then(|asked| asked.iter().find(|(k, _)| *k == key).map(|&(_, who)| who));
        if let Some(who) = known {
            return who;
        }
        let who = self.who_in(c, Some(at), &reading, 0);
        let mut whos = self.whos.borrow_mut();
        if whos.len() <= c {
            whos.resize_with(self.clauses().list.len().max(c + 1), Vec::new);
        }
        whos[c].push((key, who));
        who
    }

    /// Whether local position `at` lies in the span of clause `c`'s actor: all
    /// that [`Self::who_in`] asks of the position.
    fn in_actor(&self, c: usize, at: usize) -> bool {
        match &self.actors()[c] {
            Actor::Noun { span, .. } | Actor::Possessed { span, .. } => span.contains_pos(at),
            _ => false,
        }
    }

    /// Whether the clause holding local position `at`, or the clause a phrase
    /// of it modifies, has a repetition or a copy as its actor ("the
    /// re-enactment in 2003 was flown in 7 knots of wind"): it tells of another
    /// instance than the one any claim is about, whoever the claim's subject.
    pub fn of_a_repetition(&self, at: usize) -> bool {
        // An actor's head is a word of the sentence.
        if !self.names_repetition() {
            return false;
        }
        let mut c = self.clauses().at(at);
        for _ in 0..4 {
            if let Actor::Noun { head, .. } = &self.actors()[c] {
                return lexicon::is(lexicon::REPETITION_NOUNS, head);
            }
            let clause = &self.clauses().list[c];
            match clause.host {
                Some(host)
                    if host != c
                        && matches!(clause.kind, ClauseKind::Phrase | ClauseKind::Participial) =>
                {
                    c = host;
                }
                _ => return false,
            }
        }
        false
    }

    /// Whom clause `c` is about, reading at local position `at` where one is
    /// given. A phrase or participle with no actor of its own, that does not name
    /// the subject, tells of the clause it modifies ("…, with 240 lives lost",
    /// "With 96 lives lost, the Corwen sank").
    fn who_in(&self, c: usize, at: Option<usize>, r: &WhoReading<'_>, depth: usize) -> Who {
        let clause = &self.clauses().list[c];
        let actor = self.acting(c, at, r);
        if !r.ignore_actor
            && let Some(who) = self.told(c, at, r)
        {
            return who;
        }
        let names_it = mentions_within(r.mentions, clause.span).next().is_some()
            || self.text[clause.span.range()]
                .split(' ')
                .any(|w| r.m.is_noun(w));
        if let (Actor::None, Some(host)) = (actor, clause.host)
            && matches!(clause.kind, ClauseKind::Phrase | ClauseKind::Participial)
            && !r.ignore_actor
            && !names_it
            && host != c
            && depth < 4
        {
            return self.who_in(host, None, r, depth + 1);
        }
        subject::clause_who(self.text, clause.span, actor, r.mentions, r.m, r.flow)
    }

    /// The actor of clause `c` that counts for the subject. The event a trigger
    /// names acts in its own clause and is no other thing ("The first flight
    /// lasted 12 seconds", of an aircraft), unless it is of the subject's own
    /// kind ("another collapse"), where its marks decide. A counted noun ("240
    /// lives were lost") is the quantity stated of a thing, not another thing
    /// acting (of a place, a count may still be of another place's people).
    fn acting(&self, c: usize, at: Option<usize>, r: &WhoReading<'_>) -> &Actor {
        let inside = |span: &LocalSpan| at.is_some_and(|p| span.contains_pos(p));
        let counted = |span: &LocalSpan| r.m.kind == SubjectKind::Thing && self.counts(*span, 0.0);
        match &self.actors()[c] {
            _ if r.ignore_actor => &Actor::None,
            Actor::Noun { span, head, .. }
                if (inside(span) || counted(span)) && !r.m.is_noun(head) =>
            {
                &Actor::None
            }
            Actor::Possessed { span, noun, .. } if inside(span) && !r.m.is_noun(noun) => {
                &Actor::None
            }
            actor => actor,
        }
    }

    /// Whom the words of clause `c` tell it is about, beyond its actor's kind:
    /// - "Harrow, one of the founders, died in 1899": a predicate tells of the
    ///   name that opens the phrases before it;
    /// - "14 workers died", "one worker died", "many of his followers were
    ///   shot": counted or quantified people are others than the one person;
    /// - "the Battle of Ostrau" (where "battle" names the subject): a noun of
    ///   the subject's kind with another name after "of" is another of its kind;
    /// - "the re-enactment was held in 2003", "a replica weighs 700 lb": a
    ///   repetition or a copy of the subject is another of its kind;
    /// - "Dunholm has 95,000 residents", "York was founded in 1102": a name the
    ///   document capitalises, told of with "be" or "have", is another place or
    ///   thing.
    fn told(&self, c: usize, at: Option<usize>, r: &WhoReading<'_>) -> Option<Who> {
        let clause = &self.clauses().list[c];
        // The actor, or a phrase that renames it before the predicate ("Their
        // best-known work, the Skarv Bridge, spans 412 metres").
        let list = &self.clauses().list;
        let renamed = clause.predicate_of.is_some_and(|p| {
            (!list[p].adverbial || self.opens_as_noun(list[p].tokens.clone()))
                && (p..c.min(list.len())).any(|k| {
                    let piece = &list[k];
                    (k == p
                        || (matches!(piece.kind, ClauseKind::Phrase | ClauseKind::Parenthesis)
                            && self.opens_as_noun(piece.tokens.clone())))
                        && mentions_within(r.mentions, piece.span).any(|x| !x.possessive)
                })
        });
        if renamed {
            return Some(Who::Subject);
        }
        let names_it = mentions_within(r.mentions, clause.span).next().is_some();
        let inside = |span: &LocalSpan| at.is_some_and(|p| span.contains_pos(p));
        let Actor::Noun {
            span, head, marks, ..
        } = &self.actors()[c]
        else {
            return None;
        };
        // "A choir like Marten's had 5,200 members": a noun compared with the
        // subject's is another of its kind, whatever the clause names.
        if clause.span.contains(*span) && subject::compared(self.text, span.end, r.mentions) {
            return Some(Who::Other);
        }
        // "The siege of Tollin, a smaller town, lasted 30 days": a predicate's
        // actor stands before it, and may be another of the subject's kind.
        if clause.predicate_of.is_some() && !clause.span.contains(*span) && !names_it {
            return (r.m.is_noun(head) && self.of_another_name(*span, r)).then_some(Who::Other);
        }
        if names_it || !clause.span.contains(*span) {
            return None;
        }
        // "The rival choir had 5,200 members", "the choir's rival": for a
        // person, a thing told from another of its kind, or a relative, is
        // not the one the claims tell of, even where it holds the trigger.
        if subject::another_of_a_person(r.m, head, marks) {
            return Some(Who::Other);
        }
        if inside(span) {
            return None;
        }
        if r.m.is_noun(head) {
            return self.of_another_name(*span, r).then_some(Who::Other);
        }
        // "The re-enactment in 2003 had only 7 knots of wind", "a replica
        // weighs 700 lb": a repetition or a copy is another of its kind.
        if lexicon::is(lexicon::REPETITION_NOUNS, head) {
            return Some(Who::Other);
        }
        let quantified = marks
            .iter()
            .any(|m| lexicon::is(lexicon::SET_QUANTIFIERS, m));
        if r.m.kind == SubjectKind::Person && (quantified || self.counts(*span, 1.0)) {
            return Some(Who::Other);
        }
        if matches!(r.m.kind, SubjectKind::Place | SubjectKind::Thing)
            && self.described_name(*span, r)
        {
            return Some(Who::Other);
        }
        None
    }

    /// Whether the piece of tokens `range` opens as a noun phrase does: with
    /// a determiner, a possessive or a word of no other class ("the Skarv
    /// Bridge", "Skarv Bridge"), not a preposition ("near the Skarv Bridge").
    fn opens_as_noun(&self, range: std::ops::Range<usize>) -> bool {
        use crate::scan::tokens::{WordClass, word_class};
        let first = self.tokens[range].iter().find(|t| t.is_word());
        first.is_some_and(|t| {
            let w = t.text(self.text);
            match word_class(w) {
                WordClass::Determiner | WordClass::PossessivePronoun => true,
                WordClass::Other => !lexicon::is(lexicon::PHRASE_OPENERS, w),
                _ => false,
            }
        })
    }

    /// Whether a number of at least `least` stands inside `span`.
    fn counts(&self, span: LocalSpan, least: f64) -> bool {
        let numbers = self.numbers();
        self.numbers_from(span.start)
            .iter()
            .map(|&i| &numbers[i])
            .take_while(|n| n.span.start < span.end)
            .any(|n| n.span.end <= span.end && n.interval().0 >= least)
    }

    /// "the Battle of Ostrau": `of`, perhaps a determiner, then a capitalised
    /// word that does not name the subject.
    fn of_another_name(&self, span: LocalSpan, r: &WhoReading<'_>) -> bool {
        let i = self.tokens.partition_point(|t| t.span.start < span.end);
        let mut rest = self.tokens[i..].iter().filter(|t| t.is_word());
        if rest.next().map(|t| t.text(self.text)) != Some("of") {
            return false;
        }
        let Some(mut name) = rest.next() else {
            return false;
        };
        if lexicon::is(lexicon::DETERMINERS, name.text(self.text)) {
            let Some(next) = rest.next() else {
                return false;
            };
            name = next;
        }
        name.cap && !r.mentions.iter().any(|x| x.span.contains(name.span))
    }

    /// A lone capitalised word the document uses as a name ("Dunholm"), followed
    /// by a form of "be" or "have".
    fn described_name(&self, span: LocalSpan, r: &WhoReading<'_>) -> bool {
        // The tokens come in order: those inside the span follow its start.
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let words: Vec<_> = self.tokens[from..]
            .iter()
            .take_while(|t| t.span.start < span.end)
            .filter(|t| t.is_word() && span.contains(t.span))
            .take(2)
            .collect();
        let [word] = words.as_slice() else {
            return false;
        };
        let w = word.text(self.text);
        let next = self.tokens[self.tokens.partition_point(|t| t.span.start < span.end)..]
            .iter()
            .find(|t| t.is_word())
            .map(|t| t.text(self.text));
        word.cap
            && r.facts.proper.contains(w)
            && !lexicon::is(lexicon::PROPERTY_NOUNS, w)
            && matches!(
                next,
                Some("is" | "was" | "are" | "were" | "has" | "had" | "have")
            )
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::rc::Rc;

    use super::*;
    use crate::claims::Subject;
    use crate::document::Document;
    use crate::scan::subject::LazyFacts;
    use crate::span::Span;

    /// An analysis of the first sentence of `text`.
    fn analysis(doc: &Document) -> Analysis<'_> {
        let range = doc.folded.folded_range(doc.sentences[0].range.clone());
        let facts = Rc::new(LazyFacts::new(HashSet::new()));
        Analysis::new(doc, 0, Span::from(range), Vec::new(), &[], facts)
    }

    #[test]
    fn a_clause_is_answered_once_as_for_each_position_alone() {
        let m = SubjectMatcher::new(Some(&Subject {
            name: "Leon Trotsky".into(),
            aliases: vec!["Trotsky".into()],
            pronouns: vec!["he".into(), "his".into()],
            ..Subject::default()
        }))
        .unwrap();
        for text in [
            "Trotsky died in 1940, and Lenin's death came in 1924, when his son was born.",
            "The death of Lenin, who died in 1924, left Trotsky alone in 1925.",
            "In 1905, 14 workers died and the Soviet, with 240 lives lost, was crushed.",
        ] {
            let doc = Document::new("t", text.to_string());
            let facts = LazyFacts::new(HashSet::new());
            let facts = facts.get(&doc);
            let asked = analysis(&doc);
            for at in 0..asked.text.len() {
                for (flow, ignore) in [
                    (Who::Subject, false),
                    (Who::Other, false),
                    (Who::Subject, true),
                ] {
                    let alone = analysis(&doc).who_with(at, &m, facts, flow, ignore);
                    assert_eq!(
                        asked.who_with(at, &m, facts, flow, ignore),
                        alone,
                        "{text} at {at}"
                    );
                }
            }
        }
    }
}

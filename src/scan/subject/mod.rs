//! Subject scope: which sentences, clauses and events are about a claim's subject.
//!
//! A claim applies where the document speaks of its subject. Without a parser,
//! the scope is read from cues that English prose gives reliably: the names in a
//! clause (whole names, so that "Pierre Curie" is not Marie), the actor at its
//! head (a name, a pronoun of the right person and number, a relative such as
//! "his son", a noun), the clause it belongs to (a relative clause tells of the
//! noun before it, "born in 1871" of the name before it), and the paragraph's
//! flow from sentence to sentence. What counts as someone else depends on the
//! subject's kind: another person for a person, another thing of its kind or one
//! of its parts for a thing, another event of its kind for an event.

pub mod actors;
pub mod all_names;
pub mod events;
pub mod flow;
pub mod names;

pub use all_names::{AllNames, holds_name};
pub use events::event_of_other;
pub use flow::{DocFacts, LazyFacts, sentence_scopes};
pub use names::{Mention, SubjectMatcher};

use crate::extract::calendar::MONTH_NAMES;
use crate::extract::normalize;

/// Whom a sentence or an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Subject,
    Other,
}

/// A word or name folded like the document: a fast path for plain ASCII words,
/// which most names are.
pub(crate) fn fold_pattern(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'.' || b == b'\'')
        && !s.contains("  ")
    {
        s.trim().to_ascii_lowercase()
    } else {
        normalize::fold_pattern(s)
    }
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}' && c != '.')
}

pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(w) = word.strip_suffix(suffix) {
            return (w, true);
        }
    }
    (word, false)
}

/// Whether folded text holds a verb (a finite form, an auxiliary or a
/// participle): a sentence without one is a fragment (a caption, a heading).
pub(crate) fn has_verb_words(text: &str) -> bool {
    use crate::scan::tokens::{WordClass, is_participle, word_class};
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        .any(|w| {
            matches!(word_class(w), WordClass::Verb | WordClass::Auxiliary) || is_participle(w)
        })
}

pub(crate) fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Whether the noun phrase ending at `end` of the folded sentence `text` is
/// compared with the subject's or someone's ("a choir like Marten's", "a
/// choir, much like hers,"), or, with no comma between, with the subject ("a
/// singer like Marten"): it is then another of its kind. Set off by commas,
/// a comparison with the subject compares no two of a kind ("the choir, like
/// Marten herself, …"), and one with anything else ("a choir like that")
/// tells nothing.
pub(crate) fn compared(text: &str, end: usize, mentions: &[Mention]) -> bool {
    use crate::lexicon::{COMPARISON_WORDS, STANDALONE_POSSESSIVES, is};
    let after = &text[end..];
    let rest = after.trim_start_matches([',', ' ']);
    let set_off = after[..after.len() - rest.len()].contains(',');
    let rest = ["much ", "just ", "very much "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let Some(object) = COMPARISON_WORDS
        .iter()
        .find_map(|c| rest.strip_prefix(c)?.strip_prefix(' '))
    else {
        return false;
    };
    let object = ["that of ", "those of "]
        .iter()
        .find_map(|w| object.strip_prefix(w))
        .unwrap_or(object);
    let at = text.len() - object.len();
    let first = object.split(' ').next().map(clean).unwrap_or_default();
    is(STANDALONE_POSSESSIVES, first)
        || mentions
            .iter()
            .any(|x| x.span.start == at && (x.possessive || !set_off))
}

/// For a person subject, whether a noun phrase (its head and marks) tells of
/// someone or something else: a relative or a rival ("the sister was born in
/// 1903", "the rival of her choir"), or one told from another of its kind by
/// a mark ("the rival choir", "the other choir", "a larger choir"; not "the
/// same choir"), unless the claims name the subject by that noun.
pub(crate) fn another_of_a_person(m: &SubjectMatcher, head: &str, marks: &[String]) -> bool {
    use crate::lexicon::{INSTANCE_MARKS, RELATIVES, is};
    m.kind == crate::claims::SubjectKind::Person
        && !m.is_noun(head)
        && (is(RELATIVES, head) || marks.iter().any(|w| w != "same" && is(INSTANCE_MARKS, w)))
}

/// Whom one clause is about, for one subject: the subject named in the clause
/// (not only as a possessor); else its actor, read by the subject's kind; else
/// the paragraph's flow (`flow`: whom the sentence is about).
pub fn clause_who(
    text: &str,
    clause: crate::span::LocalSpan,
    actor: &actors::Actor,
    mentions: &[Mention],
    m: &SubjectMatcher,
    flow: Who,
) -> Who {
    use actors::Actor;
    let group = m.kind == crate::claims::SubjectKind::Group;
    if names::mentions_within(mentions, clause).any(|x| !x.possessive && (!x.member || group)) {
        return Who::Subject;
    }
    let reading = ClauseReading {
        text,
        mentions,
        m,
        flow,
    };
    match actor {
        Actor::Name { span } => reading.name(*span),
        Actor::Pronoun(p) => reading.pronoun(p),
        Actor::Possessed { owner, noun, .. } => reading.possessed(owner, noun),
        Actor::Noun {
            head, marks, span, ..
        } => reading.noun(head, marks, *span),
        Actor::None => reading.no_actor(clause),
    }
}

/// What deciding whom a clause is about reads: the sentence, the subject's
/// mentions in it, the subject, and whom the sentence is about.
struct ClauseReading<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    m: &'a SubjectMatcher,
    flow: Who,
}

impl ClauseReading<'_> {
    fn names_it(&self, span: crate::span::LocalSpan) -> bool {
        let group = self.m.kind == crate::claims::SubjectKind::Group;
        names::mentions_within(self.mentions, span).any(|x| !x.member || group)
    }

    fn person(&self) -> bool {
        use crate::claims::SubjectKind::*;
        matches!(self.m.kind, Person | Group)
    }

    /// "he", "she": a person, someone else than a thing or than a person of the
    /// other gender.
    fn personal(p: &str) -> bool {
        matches!(p, "he" | "she" | "him" | "his" | "her" | "hers")
    }

    fn name(&self, span: crate::span::LocalSpan) -> Who {
        use crate::claims::SubjectKind::{Place, Thing};
        if self.names_it(span) {
            return Who::Subject;
        }
        if self.person() || self.m.names_other(&self.text[span.range()]) {
            return Who::Other;
        }
        // Another name takes part in an event or stands near a place; only a
        // name of another of its kind ("the Fukushima disaster") is something
        // else, or a name a place's or thing's attributes are told of ("Dunholm
        // has 95,000 residents", "York was founded in 1102").
        let next = self.text[span.end..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let described = matches!(self.m.kind, Place | Thing)
            && matches!(next, "is" | "was" | "are" | "were" | "has" | "had" | "have");
        if self.m.is_noun(next) || described {
            Who::Other
        } else {
            self.flow
        }
    }

    fn pronoun(&self, p: &str) -> Who {
        let group = self.m.kind == crate::claims::SubjectKind::Group;
        if !self.m.is_pronoun(p) && Self::personal(p) && !group {
            Who::Other
        } else {
            self.flow
        }
    }

    fn possessed(&self, owner: &actors::Owner, noun: &str) -> Who {
        use crate::lexicon::{PERSON_NOUNS, PROPERTY_NOUNS, RELATIVES, is};
        // "Trotsky's assassin" is the assassin where the subject is named by that
        // noun.
        if self.m.is_noun(noun) {
            return Who::Subject;
        }
        let group = self.m.kind == crate::claims::SubjectKind::Group;
        let owner_is_subject = match owner {
            actors::Owner::Pronoun(p) => {
                (group || !Self::personal(p) || self.m.is_pronoun(p)) && self.flow == Who::Subject
            }
            actors::Owner::Name(span) => self.names_it(*span),
        };
        if !owner_is_subject || is(RELATIVES, noun) || is(PERSON_NOUNS, noun) {
            Who::Other
        } else if self.m.kind == crate::claims::SubjectKind::Thing
            && !self.m.is_noun(noun)
            && !is(PROPERTY_NOUNS, noun)
        {
            // "its engine": a part of the thing, not the thing.
            Who::Other
        } else {
            Who::Subject
        }
    }

    fn noun(&self, head: &str, marks: &[String], span: crate::span::LocalSpan) -> Who {
        use crate::claims::SubjectKind::*;
        if compared(self.text, span.end, self.mentions) {
            return Who::Other;
        }
        // "the citizens of Chernobyl", "116,000 people from 118 settlements":
        // people of another place than the subject's.
        if self.m.kind == Place && events::of_another_place(&self.text[span.end..], self.m) {
            return Who::Other;
        }
        if another_of_a_person(self.m, head, marks) {
            return Who::Other;
        }
        if self.m.is_noun(head) {
            if marks.iter().any(|w| !self.m.identifiers.contains(w)) {
                Who::Other
            } else {
                Who::Subject
            }
        } else if self.m.kind == Thing && !crate::lexicon::is(crate::lexicon::PROPERTY_NOUNS, head)
        {
            // "The engine weighed 82 kg", "an engine that weighed 170 pounds":
            // another thing than the aircraft.
            Who::Other
        } else {
            self.flow
        }
    }

    /// "A permanent zone of 30 km": a fragment naming the subject by its noun,
    /// with nothing to tell it from another of its kind.
    fn no_actor(&self, clause: crate::span::LocalSpan) -> Who {
        let words = || self.text[clause.range()].split(' ');
        let names_by_noun = !self.person()
            && words().any(|w| self.m.is_noun(w))
            && !words().any(|w| {
                crate::lexicon::is(crate::lexicon::ORDINALS, w) || matches!(w, "another" | "other")
            });
        if names_by_noun {
            Who::Subject
        } else {
            self.flow
        }
    }
}

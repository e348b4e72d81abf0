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
pub mod events;
pub mod flow;
pub mod names;

pub use events::event_of_other;
pub use flow::{DocFacts, sentence_scopes};
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
    use crate::claims::SubjectKind::*;
    use actors::{Actor, Owner};
    let group = m.kind == Group;
    let names_it = |span: crate::span::LocalSpan| {
        mentions
            .iter()
            .any(|x| span.contains(x.span) && (!x.member || group))
    };
    if mentions
        .iter()
        .any(|x| clause.contains(x.span) && !x.possessive && (!x.member || group))
    {
        return Who::Subject;
    }
    let own_pronoun = |p: &str| m.is_pronoun(p);
    let personal = |p: &str| matches!(p, "he" | "she" | "him" | "his" | "her" | "hers");
    match actor {
        Actor::Name { span } => {
            if names_it(*span) {
                Who::Subject
            } else if matches!(m.kind, Person | Group) {
                Who::Other
            } else {
                // Another name takes part in an event or stands near a place; only
                // a name of another of its kind ("the Fukushima disaster") is
                // something else.
                let next = text[span.end..].split_whitespace().next().unwrap_or("");
                if m.is_noun(next) { Who::Other } else { flow }
            }
        }
        Actor::Pronoun(p) => {
            if own_pronoun(p) {
                flow
            } else if personal(p) && (m.kind != Group) {
                Who::Other
            } else {
                flow
            }
        }
        Actor::Possessed { owner, noun, .. } => {
            let owner_is_subject = match owner {
                Owner::Pronoun(p) => {
                    if own_pronoun(p) {
                        flow == Who::Subject
                    } else {
                        !(personal(p) && m.kind != Group) && flow == Who::Subject
                    }
                }
                Owner::Name(span) => names_it(*span),
            };
            if !owner_is_subject || crate::lexicon::is(crate::lexicon::RELATIVES, noun) {
                Who::Other
            } else if m.kind == Thing
                && !m.is_noun(noun)
                && !crate::lexicon::is(crate::lexicon::PROPERTY_NOUNS, noun)
            {
                // "its engine": a part of the thing, not the thing.
                Who::Other
            } else {
                Who::Subject
            }
        }
        Actor::Noun {
            head,
            definite,
            marks,
            span,
        } => {
            // "the citizens of Chernobyl", "116,000 people from 118 settlements":
            // people of another place than the subject's.
            if m.kind == Place && events::of_another_place(&text[span.end..], m) {
                return Who::Other;
            }
            if m.is_noun(head) {
                let other = marks.iter().any(|w| !m.identifiers.contains(w));
                if other { Who::Other } else { Who::Subject }
            } else if m.kind == Thing && !crate::lexicon::is(crate::lexicon::PROPERTY_NOUNS, head) {
                // "The engine weighed 82 kg", "an engine that weighed 170 pounds":
                // another thing than the aircraft.
                let _ = definite;
                Who::Other
            } else {
                flow
            }
        }
        Actor::None => {
            // "A permanent zone of 30 km": a fragment naming the subject by its
            // noun, with nothing to tell it from another of its kind.
            let names_by_noun = !matches!(m.kind, Person | Group)
                && text[clause.range()].split(' ').any(|w| m.is_noun(w))
                && !text[clause.range()].split(' ').any(|w| {
                    crate::lexicon::is(crate::lexicon::ORDINALS, w)
                        || matches!(w, "another" | "other")
                });
            if names_by_noun { Who::Subject } else { flow }
        }
    }
}

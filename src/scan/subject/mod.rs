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

pub(crate) fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(w))
}

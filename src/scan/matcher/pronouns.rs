//! A person's pronouns read from the page, where the claims give none.
//!
//! A person subject declared without `pronouns` is "he, him, his" by default, and
//! "she" then names someone else: a new claims file about a woman that leaves
//! them out would lose every sentence that goes on with "she". Each document
//! votes instead: after each plain naming of the subject (not a possessive:
//! "Marten's husband … he" speaks of the husband), the first personal pronoun
//! within a few words is "he" or "she"; where "she" wins, the document is read
//! with the subject's pronouns "she, her, hers, herself".

use crate::claims::{ClaimScope, ClaimSet, Subject, SubjectKind};
use crate::extract::normalize::fold_pattern;

/// How many words after a naming the pronoun that refers back to it is looked
/// for: the rest of a sentence and the start of the next.
const VOTE_REACH: usize = 40;

/// How many namings vote at most: a page speaks of one person the same way
/// throughout, and a long page is not read to its end for it.
const VOTES: usize = 15;

/// The gender a personal pronoun tells: `Some(true)` for "she", "her", "hers",
/// "herself", `Some(false)` for "he", "him", "his", "himself".
fn feminine_word(w: &str) -> Option<bool> {
    match w {
        "she" | "her" | "hers" | "herself" => Some(true),
        "he" | "him" | "his" | "himself" => Some(false),
        _ => None,
    }
}

/// Whether folded `text` holds "she", "her", "hers" or "herself" as a word:
/// most pages do not, and need no vote.
pub(super) fn says_she(text: &str) -> bool {
    let bytes = text.as_bytes();
    let word_edge = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    ["she", "her"].iter().any(|w| {
        memchr::memmem::find_iter(bytes, w.as_bytes()).any(|at| {
            let end = at + w.len();
            (at == 0 || word_edge(at - 1))
                && (word_edge(end)
                    || (*w == "her"
                        && (text[end..].starts_with("s") && word_edge(end + 1)
                            || text[end..].starts_with("self") && word_edge(end + 4))))
        })
    })
}

/// Whether folded `text` speaks of a subject as "she": after more of its plain
/// namings (at `places`, as [`super::Matcher::subject_names_of`] finds them)
/// the first personal pronoun is feminine than masculine.
pub(super) fn feminine_in(text: &str, places: &[std::ops::Range<usize>]) -> bool {
    let bytes = text.as_bytes();
    let (mut she, mut he) = (0usize, 0usize);
    let mut after = 0;
    for r in places {
        // A name inside another word, a possessive ("Marten's husband … he"
        // speaks of the husband), or one inside the words already read.
        let inside_word = (r.start > 0 && bytes[r.start - 1].is_ascii_alphanumeric())
            || bytes.get(r.end).is_some_and(u8::is_ascii_alphanumeric);
        if inside_word || r.start < after || text[r.end..].starts_with("'s") {
            continue;
        }
        let mut read = r.end;
        let vote = text.as_bytes()[r.end..]
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| {
                read += w.len() + 1;
                !w.is_empty()
            })
            .take(VOTE_REACH)
            .find_map(|w| std::str::from_utf8(w).ok().and_then(feminine_word));
        after = read;
        match vote {
            Some(true) => she += 1,
            Some(false) => he += 1,
            None => {}
        }
        if she.max(he) > VOTES / 2 {
            break;
        }
    }
    she > he
}

/// Whether a subject's pronouns may be read from a page.
pub(super) fn inferable(subject: &Subject) -> bool {
    subject.pronouns_inferred && subject.kind == SubjectKind::Person
}

/// The claims with the pronouns of the subjects `feminine` marks (by their place
/// in `declared`, the matcher's subjects) made "she, her, hers, herself".
pub(super) fn with_feminine(
    claims: &ClaimSet,
    declared: &[Subject],
    feminine: &[bool],
) -> ClaimSet {
    let key = |s: &Subject| s.id.clone().unwrap_or_else(|| fold_pattern(&s.name));
    let keys: Vec<String> = declared
        .iter()
        .zip(feminine)
        .filter(|(_, f)| **f)
        .map(|(s, _)| key(s))
        .collect();
    let change = |s: &mut Subject| {
        if inferable(s) && keys.contains(&key(s)) {
            s.pronouns = SubjectKind::FEMININE
                .iter()
                .map(|p| p.to_string())
                .collect();
        }
    };
    let mut out = claims.clone();
    if let Some(s) = out.subject.as_mut() {
        change(s);
    }
    out.subjects.iter_mut().for_each(change);
    for c in &mut out.claims {
        if let ClaimScope::Own(s) = &mut c.scope {
            change(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where "marten" stands in `text`, as the names automaton finds it.
    fn votes(text: &str) -> bool {
        let places: Vec<_> = text
            .match_indices("marten")
            .map(|(i, w)| i..i + w.len())
            .collect();
        says_she(text) && feminine_in(text, &places)
    }

    #[test]
    fn the_pronoun_after_each_naming_votes() {
        assert!(votes(
            "ada marten was born in graz. she moved to linz in 1905."
        ));
        assert!(!votes(
            "ada marten was born in graz. he moved to linz in 1905."
        ));
        // No "she" at all ("there", "other" are no pronouns): no vote.
        assert!(!votes("marten was born there, among others."));
        assert!(says_she("it was hers.") && says_she("she") && !says_she("shed herb"));
        // A possessive names someone else's relative.
        assert!(!votes(
            "marten's wife was born in graz; she sang. marten moved to linz, where he taught."
        ));
        // More namings followed by "he" than by "she".
        assert!(!votes(
            "marten met kessler and admired her. marten taught; he sang. marten wrote; his books sold."
        ));
    }
}

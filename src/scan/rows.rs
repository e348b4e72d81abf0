//! Whose row a table cell is in.
//!
//! A row's first cell lends its subject to the row's other cells: in
//!
//! ```text
//! | Engineer       | Born | Died |
//! | Josiah Pembury | 1818 | 1894 |
//! ```
//!
//! the dates are Pembury's, whatever the column headers name. A first cell that
//! holds a trigger gives an attribute ("| Born | 1821 |") and leaves the row to
//! the subject the table is about; one that names the claim's subject (a name,
//! an alias, its noun: "the bridge") keeps it; one that names another declared
//! subject, or reads as a name of its own (every word capitalised: "Kelso
//! Bridge", "Dunholm"), makes the row someone else's. A value ("1821") or a
//! phrase in lowercase names no one, and a table without such a naming column
//! (a single thing's "| Born | Died |") stays the subject's.

use super::checkers::Scan;
use super::subject::SubjectMatcher;
use crate::document::sentences::UnitKind;
use crate::extract::normalize::fold_pattern;
use crate::lexicon;

/// Drops the assertions of a table cell from `from` on whose row's first cell
/// (unit `head`) names someone other than their claim's subject.
pub(super) fn keep_own(
    scan: &mut Scan<'_>,
    candidates: &[(usize, usize)],
    head: usize,
    from: usize,
) {
    if scan.out.len() <= from || !super::sentence_triggers(scan, candidates, head).is_empty() {
        return;
    }
    let doc = scan.doc;
    let head_text = &doc.text[doc.sentences[head].range.clone()];
    let matcher = scan.matcher;
    let mut k = from;
    while k < scan.out.len() {
        let other = matcher
            .claim_subject(scan.out[k].claim)
            .is_some_and(|s| names_other(matcher.subjects(), s, head_text));
        if other {
            scan.out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Whether a row's first cell (its prose text, pipes and all) names someone or
/// something other than subject `k` of `subjects`.
pub fn names_other(subjects: &[SubjectMatcher], k: usize, cell: &str) -> bool {
    let words = head_words(cell);
    if !words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
        return false;
    }
    let folded = fold_pattern(&words.join(" "));
    if subjects
        .iter()
        .enumerate()
        .any(|(j, m)| j != k && m.is_whole_name(&folded) && !subjects[k].is_whole_name(&folded))
    {
        return true;
    }
    !names_own(&subjects[k], cell) && is_name(&words)
}

/// Whether a row's first cell names the subject: by a whole name ("the Hallam
/// Bridge") or its noun alone ("the bridge").
pub fn names_own(subject: &SubjectMatcher, cell: &str) -> bool {
    let words = head_words(cell);
    let folded = fold_pattern(&words.join(" "));
    !words.is_empty()
        && (subject.is_whole_name(&folded) || (words.len() == 1 && subject.is_noun(&folded)))
}

/// The words of a cell, past an opening determiner ("the Hallam Bridge", "this
/// city") and without punctuation around them.
fn head_words(cell: &str) -> Vec<&str> {
    let mut words: Vec<&str> = cell
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| lexicon::is(lexicon::DETERMINERS, &w.to_lowercase()))
    {
        words.remove(0);
    }
    words
}

/// The role claims among `lent` that a table cell may fill: a role changes
/// hands, so a table lists its holders row by row, and a cell fills the role
/// only in a row named for the subject or one whose first cell gives the role
/// ("| Mayor | Helen Tarrow |"). Units that are no table cells keep them all.
pub(super) fn role_lent(
    scan: &mut Scan<'_>,
    candidates: &[(usize, usize)],
    si: usize,
    lent: &[usize],
) -> Vec<usize> {
    let unit = &scan.doc.sentences[si];
    if unit.kind != UnitKind::TableCell {
        return lent.to_vec();
    }
    let Some(head) = unit.row_head else {
        return Vec::new();
    };
    let given = super::sentence_triggers(scan, candidates, head);
    let text = &scan.doc.text[scan.doc.sentences[head].range.clone()];
    let matcher = scan.matcher;
    lent.iter()
        .copied()
        .filter(|&c| {
            given.iter().any(|t| t.claim == c)
                || matcher
                    .claim_subject(c)
                    .is_some_and(|k| names_own(&matcher.subjects()[k], text))
        })
        .collect()
}

/// Whether words read as a name: each capitalised (name particles aside) and
/// none a number.
fn is_name(words: &[&str]) -> bool {
    words.iter().all(|w| {
        w.starts_with(char::is_uppercase) || lexicon::is(lexicon::NAME_PARTICLES, &w.to_lowercase())
    }) && words
        .iter()
        .all(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Subject, SubjectKind};

    fn subject(name: &str, aliases: &[&str], kind: SubjectKind, nouns: &[&str]) -> Subject {
        Subject {
            name: name.to_string(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind,
            nouns: nouns.iter().map(|s| s.to_string()).collect(),
            ..Subject::default()
        }
    }

    fn people() -> Vec<SubjectMatcher> {
        [
            subject("Ada Thorne", &["Thorne"], SubjectKind::Person, &[]),
            subject("Walter Thorne", &["Walter"], SubjectKind::Person, &[]),
        ]
        .iter()
        .map(|s| SubjectMatcher::new(Some(s)).expect("a subject"))
        .collect()
    }

    fn ferries() -> Vec<SubjectMatcher> {
        [
            subject(
                "Gullstone Ferry",
                &[],
                SubjectKind::Thing,
                &["ferry", "boat"],
            ),
            subject("Tarn Ferry", &[], SubjectKind::Thing, &["ferry"]),
        ]
        .iter()
        .map(|s| SubjectMatcher::new(Some(s)).expect("a subject"))
        .collect()
    }

    #[test]
    fn a_row_named_for_the_subject_is_its_own() {
        let p = people();
        assert!(!names_other(&p, 0, "| Ada Thorne "));
        assert!(!names_other(&p, 0, "Thorne"));
        assert!(!names_other(&p, 1, "| Walter Thorne |"));
        let f = ferries();
        assert!(!names_other(&f, 0, "| the Gullstone Ferry |"));
        assert!(!names_other(&f, 0, "The ferry"));
        assert!(!names_other(&f, 0, "Boat"));
    }

    #[test]
    fn a_row_named_for_another_is_theirs() {
        let p = people();
        // Another declared subject, though it shares a name word.
        assert!(names_other(&p, 0, "| Walter Thorne |"));
        assert!(names_other(&p, 1, "Ada Thorne"));
        // A name of its own, undeclared.
        assert!(names_other(&p, 0, "| Lucas Brandt "));
        assert!(names_other(&p, 0, "Brandt"));
        assert!(names_other(&p, 0, "Hugo van der Berg"));
        let f = ferries();
        assert!(names_other(&f, 0, "| Tarn Ferry |"));
        assert!(names_other(&f, 1, "the Gullstone Ferry"));
        assert!(names_other(&f, 0, "Orkney Ferry"));
    }

    #[test]
    fn a_row_names_its_own_subject_by_a_whole_name_or_its_noun() {
        let p = people();
        assert!(names_own(&p[0], "| Ada Thorne |"));
        assert!(!names_own(&p[0], "| Walter Thorne |"));
        assert!(!names_own(&p[0], "| 1840 |"));
        let f = ferries();
        assert!(names_own(&f[0], "The ferry"));
        assert!(names_own(&f[0], "| the Gullstone Ferry"));
        assert!(!names_own(&f[0], "Orkney Ferry"));
        assert!(!names_own(&f[0], "| Born |"));
    }

    #[test]
    fn values_and_lowercase_phrases_name_no_one() {
        let p = people();
        assert!(!names_other(&p, 0, "| 1840 |"));
        assert!(!names_other(&p, 0, "| 12 May 1840 |"));
        assert!(!names_other(&p, 0, "Second marriage"));
        assert!(!names_other(&p, 0, "| |"));
        let f = ferries();
        assert!(!names_other(&f, 0, "| the old boat |"));
    }
}

//! Term claims: a rejected variant stated where the claim's context holds.
//!
//! A term is read where its clause is about the claim's subject and the claim's
//! `context` holds in its clause (or the clause its verb is coordinated with, or
//! a phrase modifying either). A rejected form is excused only where the
//! document corrects it: the canonical form stands beside it with a correction
//! cue between them ("an ice axe, not an ice pick", "Wilbur rather than
//! Orville"); the canonical word elsewhere in the sentence is not enough
//! ("Orville won the toss with Wilbur" still says Orville won).

use super::Scan;
use crate::lexicon;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::{TermHit, TermRole};
use crate::scan::{Observed, clauses};
use crate::span::{LocalSpan, Span};

/// Checks the term hits of one analysed sentence
/// (`hits` in local offsets, sorted by start).
/// `contexts` holds what [`may_meet_context`] answered for this sentence.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, hits: &[TermHit], contexts: &mut MayMeet) {
    let longest = hits.iter().map(|h| h.range.len()).max().unwrap_or(0);
    for hit in hits {
        let span: LocalSpan = Span::from(hit.range.clone());
        // The cheap test of the context first: the scope reads the sentence's
        // clauses, numbers, dates and actors, the context's regexes compile.
        if !contexts.ask(scan, a.index, hit.claim, a.text)
            || !scan.in_scope(a, hit.claim, span.start)
            || !context_ok(scan, a, hit)
        {
            continue;
        }
        if hit.role == TermRole::Reject && corrected(a.text, hit, hits, longest) {
            continue;
        }
        // "Wladyslaw Sklodowski", "Pierre Curie": a form inside someone else's
        // name is that person's, not a statement about the subject.
        if hit.role == TermRole::Reject && in_other_name(scan, a, hit) {
            continue;
        }
        scan.assert(a, hit.claim, span, Observed::Term(hit.role));
    }
}

/// Whether a term stands inside the name of someone other than its claim's
/// subject (a person or a group).
fn in_other_name(scan: &Scan<'_>, a: &Analysis<'_>, hit: &TermHit) -> bool {
    let Some(k) = scan.matcher.claim_subject(hit.claim) else {
        return false;
    };
    let m = &scan.matcher.subjects()[k];
    if !matches!(
        m.kind,
        crate::claims::SubjectKind::Person | crate::claims::SubjectKind::Group
    ) {
        return false;
    }
    let proper = |w: &str| scan.facts().proper.contains(w);
    m.in_other_name(a.text, &a.tokens, Span::from(hit.range.clone()), &proper)
}

/// Whether a term of claim `claim` in sentence `si` (its folded `text`) may
/// meet the claim's (not empty) context, asked before the sentence is analysed:
/// the context may match somewhere in the sentence (a regex compiled already is
/// asked, any other by its word or the literals each match needs: nothing is
/// compiled), or may be read in a unit the sentence takes its event from. Where
/// not, [`context_ok`] says no.
fn may_meet_context(scan: &Scan<'_>, si: usize, claim: usize, text: &str) -> bool {
    let ctx = &scan.claims.claims[claim].context;
    let sentence = &scan.doc.sentences[si];
    !sentence.lent_from.is_empty()
        || sentence.continues.is_some()
        || ctx.iter().any(|r| r.may_match_compiled(text))
}

/// [`may_meet_context`] for one sentence, asked once a claim with a context:
/// a long sentence holds many hits of the same claims, and each question reads
/// the whole sentence.
#[derive(Default)]
pub struct MayMeet(Vec<(usize, bool)>);

impl MayMeet {
    /// [`may_meet_context`] of claim `claim` in sentence `si` (folded `text`,
    /// the same sentence at every call).
    pub fn ask(&mut self, scan: &Scan<'_>, si: usize, claim: usize, text: &str) -> bool {
        if scan.claims.claims[claim].context.is_empty() {
            return true;
        }
        if let Some(&(_, ok)) = self.0.iter().find(|(c, _)| *c == claim) {
            return ok;
        }
        let ok = may_meet_context(scan, si, claim, text);
        self.0.push((claim, ok));
        ok
    }
}

/// Whether a term's claim context holds in the term's own clause, the clause its
/// verb is coordinated with, or a phrase modifying either.
fn context_ok(scan: &Scan<'_>, a: &Analysis<'_>, hit: &TermHit) -> bool {
    let ctx = &scan.claims.claims[hit.claim].context;
    if ctx.is_empty() || context_in_clause(a.clauses(), a.text, ctx, hit.range.start) {
        return true;
    }
    // An answer or a value may find its context in the question or label above;
    // the first clause of a sentence resumed after an inserted card ("…was
    // attacked in his home" / card / "with an ice axe") in the sentence it resumes.
    let sentence = &a.doc.sentences[a.index];
    let resumed = sentence
        .continues
        .filter(|_| a.clauses().at(hit.range.start) == a.clauses().at(0));
    sentence.lent_from.iter().chain(resumed.iter()).any(|&li| {
        let text = &a.doc.folded.text[scan.ranges[li].clone()];
        ctx.iter().any(|r| r.is_match(text))
    })
}

/// Whether one of the `context` regexes matches in the clauses related to the
/// one holding local position `at`.
pub fn context_in_clause(
    clauses: &clauses::Clauses,
    text: &str,
    context: &[crate::claims::pattern::ClaimRegex],
    at: usize,
) -> bool {
    let related = clauses.related(clauses.at(at));
    clauses.context_in(text, context, &related)
}

/// Whether a rejected form is corrected in its sentence: a canonical or accepted
/// form of the same claim stands near it with a correction cue between them.
/// Only the hits that may stand within 8 words of it are read (`hits` sorted by
/// start, none longer than `longest` bytes), so that a long sentence is not
/// read again for each of its terms.
fn corrected(text: &str, wrong: &TermHit, hits: &[TermHit], longest: usize) -> bool {
    // A hit before `wrong` ends after the end of the 9th word before it; one
    // after starts at or before the start of the 9th word after it.
    // A form may run past the sentence's end ("ice-\npick" joined across a
    // heading's line break): the words are counted within the sentence.
    let (start, end) = (
        wrong.range.start.min(text.len()),
        wrong.range.end.min(text.len()),
    );
    let lo = word_end_back(text, start, MAX_BETWEEN + 1).saturating_sub(longest);
    let hi = word_start_ahead(text, end, MAX_BETWEEN + 1);
    let from = hits.partition_point(|h| h.range.start < lo);
    let to = hits.partition_point(|h| h.range.start <= hi).max(from);
    hits[from..to]
        .iter()
        .any(|right| corrects(text, wrong, right))
}

/// The most words between a rejected form and the form that corrects it.
const MAX_BETWEEN: usize = 8;

/// Whether `right`, a form of the same claim as `wrong` that is not rejected,
/// stands within [`MAX_BETWEEN`] words of it with a correction cue between them.
fn corrects(text: &str, wrong: &TermHit, right: &TermHit) -> bool {
    if right.claim != wrong.claim || right.role == TermRole::Reject {
        return false;
    }
    let (lo, hi) = if right.range.start < wrong.range.start {
        (right.range.end, wrong.range.start)
    } else {
        (wrong.range.end, right.range.start)
    };
    let between = &text[lo.min(hi)..hi.max(lo)];
    between.split_whitespace().nth(MAX_BETWEEN).is_none()
        && between
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| lexicon::is(lexicon::CORRECTION_CUES, w) || w.ends_with("n't"))
}

/// Where the `n`-th word (a run of non-whitespace) of `text[..at]`, counted
/// from its end, ends; 0 where there are fewer.
fn word_end_back(text: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[..at].char_indices().rev() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words == n {
                return i + c.len_utf8();
            }
        }
        in_word = !space;
    }
    0
}

/// Where the `n`-th word (a run of non-whitespace) of `text[at..]` starts; the
/// end of `text` where there are fewer.
fn word_start_ahead(text: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words == n {
                return at + i;
            }
        }
        in_word = !space;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward reading: every hit of the sentence, wherever it is.
    fn corrected_anywhere(text: &str, wrong: &TermHit, hits: &[TermHit]) -> bool {
        hits.iter().any(|right| corrects(text, wrong, right))
    }

    fn hit(text: &str, claim: usize, role: TermRole, form: &str) -> TermHit {
        let at = text.find(form).unwrap();
        TermHit {
            claim,
            role,
            range: at..at + form.len(),
        }
    }

    fn check(text: &str, wrong: &str, right: &str) -> bool {
        let w = hit(text, 0, TermRole::Reject, wrong);
        let r = hit(text, 0, TermRole::Value, right);
        let mut hits = vec![w.clone(), r];
        hits.sort_by_key(|h| h.range.start);
        let longest = hits.iter().map(|h| h.range.len()).max().unwrap();
        corrected(text, &w, &hits, longest)
    }

    #[test]
    fn a_correction_cue_between_near_forms_corrects() {
        assert!(check("an ice axe, not an ice pick", "ice pick", "ice axe"));
        assert!(check(
            "wilbur rather than orville flew",
            "orville",
            "wilbur"
        ));
        assert!(check(
            "it wasn't an ice pick but an ice axe",
            "ice pick",
            "ice axe"
        ));
        assert!(check("an ice pick, no, an ice axe", "ice pick", "ice axe"));
    }

    #[test]
    fn no_cue_or_too_many_words_between_does_not_correct() {
        assert!(!check(
            "orville won the toss with wilbur",
            "orville",
            "wilbur"
        ));
        assert!(!check(
            "an ice axe was found, one two three four five not an ice pick",
            "ice pick",
            "ice axe"
        ));
        assert!(check(
            "an ice axe was found, one two three four not an ice pick",
            "ice pick",
            "ice axe"
        ));
    }

    #[test]
    fn a_form_that_runs_past_the_sentence_is_read_within_it() {
        // "ice-\npick" under a heading: the sentence ends before the form does.
        let text = "the next day he bought an ice ";
        let w = TermHit {
            claim: 0,
            role: TermRole::Reject,
            range: 25..33,
        };
        assert!(!corrected(text, &w, std::slice::from_ref(&w), 8));
        let r = hit(text, 0, TermRole::Value, "next day");
        assert!(!corrected(text, &w, &[r, w.clone()], 8));
    }

    #[test]
    fn a_form_of_another_claim_does_not_correct() {
        let text = "an ice axe, not an ice pick";
        let w = hit(text, 0, TermRole::Reject, "ice pick");
        let r = hit(text, 1, TermRole::Value, "ice axe");
        assert!(!corrected(text, &w, &[r, w.clone()], 8));
    }

    #[test]
    fn words_are_counted_from_either_side() {
        let text = "a  bb c\u{2003}dd ";
        assert_eq!(word_end_back(text, text.len(), 1), 12);
        assert_eq!(word_end_back(text, 6, 2), 1);
        assert_eq!(word_end_back(text, 6, 3), 0);
        assert_eq!(word_start_ahead(text, 0, 3), 6);
        assert_eq!(word_start_ahead(text, 4, 1), 4);
        assert_eq!(word_start_ahead(text, 4, 3), 10);
        assert_eq!(word_start_ahead(text, 4, 4), text.len());
    }

    const WORDS: &[&str] = &[
        "ice",
        "pick",
        "axe",
        "not",
        "rather",
        "isn't",
        "the",
        "a",
        "x",
        "\u{e9}t\u{e9}",
    ];
    const GAPS: &[&str] = &[" ", "  ", ", ", "\u{a0}", "\n", "", "-"];

    /// A text of words and gaps, and hits at char boundaries of it.
    fn sentence() -> impl Strategy<Value = (String, Vec<TermHit>)> {
        let pieces = prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 0..40);
        pieces.prop_flat_map(|p| {
            let text: String = p
                .iter()
                .map(|&(w, g)| [WORDS[w], GAPS[g]].concat())
                .collect();
            let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            bounds.push(text.len());
            let hit = (0..bounds.len(), 0..6usize, 0..2usize, 0..3usize);
            let hits = prop::collection::vec(hit, 0..12).prop_map(move |hs| {
                let mut out: Vec<TermHit> = hs
                    .into_iter()
                    .map(|(s, len, claim, role)| {
                        let e = (s + len).min(bounds.len() - 1);
                        let role = [TermRole::Reject, TermRole::Value, TermRole::Accept][role];
                        TermHit {
                            claim,
                            role,
                            range: bounds[s]..bounds[e],
                        }
                    })
                    .collect();
                out.sort_by_key(|h| h.range.start);
                out
            });
            (Just(text), hits)
        })
    }

    proptest! {
        #[test]
        fn the_window_finds_what_every_hit_finds((text, hits) in sentence()) {
            let longest = hits.iter().map(|h| h.range.len()).max().unwrap_or(0);
            for wrong in hits.iter().filter(|h| h.role == TermRole::Reject) {
                prop_assert_eq!(
                    corrected(&text, wrong, &hits, longest),
                    corrected_anywhere(&text, wrong, &hits)
                );
            }
        }
    }
}

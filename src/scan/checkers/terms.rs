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

/// Checks the term hits of one analysed sentence (`hits` in local offsets).
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, hits: &[TermHit]) {
    for hit in hits {
        let span: LocalSpan = Span::from(hit.range.clone());
        if !scan.in_scope(a, hit.claim, span.start) || !context_ok(scan, a, hit) {
            continue;
        }
        if hit.role == TermRole::Reject && corrected(a, hit, hits) {
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
    let proper = |w: &str| scan.facts_ref().is_some_and(|f| f.proper.contains(w));
    m.in_other_name(a.text, &a.tokens, Span::from(hit.range.clone()), &proper)
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
fn corrected(a: &Analysis<'_>, wrong: &TermHit, hits: &[TermHit]) -> bool {
    hits.iter()
        .filter(|h| h.claim == wrong.claim && h.role != TermRole::Reject)
        .any(|right| {
            let (lo, hi) = if right.range.start < wrong.range.start {
                (right.range.end, wrong.range.start)
            } else {
                (wrong.range.end, right.range.start)
            };
            let between = &a.text[lo.min(hi)..hi.max(lo)];
            between.split_whitespace().count() <= 8
                && between
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .any(|w| lexicon::is(lexicon::CORRECTION_CUES, w) || w.ends_with("n't"))
        })
}

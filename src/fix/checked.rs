//! Fixes checked by reading the fixed text again. A fix replaces a few words, but
//! how a text reads can turn on more than the words: whether a wrapped line goes on
//! with the next depends on the lines' lengths, and a shorter replacement can join
//! a denial's cue on the line above to the sentence below. A fix after which the
//! same claim finds its replacement again (now denied, say) would trade one
//! finding for another, so it is withheld and its finding stays in the report.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Edit, EditOutcome, Rejection, plan_edits};

/// How many times the edits are planned and the result read again. Each round
/// withholds at least one edit; in the last, every edit it applied is withheld
/// too, and nothing is applied.
const ROUNDS: usize = 3;

/// Plans `edits` (each with the index of the claim its finding is of) as
/// [`plan_edits`] does, then reads the fixed text with `reread`, which gives the
/// claim and span of each finding it makes. An applied edit whose replacement
/// holds a finding of its own claim is withheld ([`Rejection::Rereads`]) and the
/// rest planned again.
pub fn plan_checked(
    source: &str,
    mut edits: Vec<(usize, Edit)>,
    mut reread: impl FnMut(&str) -> Vec<(usize, Range<usize>)>,
) -> EditOutcome {
    let mut withheld: Vec<(Edit, Rejection)> = Vec::new();
    for round in 1.. {
        let mut plan = plan_edits(source, edits.iter().map(|(_, e)| e.clone()).collect());
        let wanting: HashSet<Edit> = match plan.applied.is_empty() {
            true => HashSet::new(),
            false => wanting(&edits, &plan.applied, &reread(&plan.text)),
        };
        if wanting.is_empty() {
            plan.rejected.extend(withheld);
            return plan;
        }
        if round == ROUNDS {
            // Nothing applied: the edits applied here are withheld, the others
            // keep the reason this plan gave.
            let applied = std::mem::take(&mut plan.applied);
            plan.rejected
                .extend(applied.into_iter().map(|e| (e, Rejection::Rereads)));
            plan.rejected.extend(withheld);
            plan.text = source.to_string();
            return plan;
        }
        let (out, kept): (Vec<_>, Vec<_>) =
            edits.into_iter().partition(|(_, e)| wanting.contains(e));
        withheld.extend(out.into_iter().map(|(_, e)| (e, Rejection::Rereads)));
        edits = kept;
    }
    unreachable!("the rounds end with a return")
}

/// Each applied edit with the range its replacement takes in the fixed text.
fn placed(applied: &[Edit]) -> impl Iterator<Item = (&Edit, Range<usize>)> {
    let mut shift: isize = 0;
    applied.iter().map(move |e| {
        let start = e.span.start.strict_add_signed(shift);
        shift += e.replacement.len() as isize - e.span.len() as isize;
        (e, start..start + e.replacement.len())
    })
}

/// The `applied` edits whose replacement holds a finding (of `found`) of a claim
/// that asked for the edit. The applied edits' ranges in the fixed text are
/// sorted and disjoint, so each finding looks up the few it meets by a binary
/// search: linear in the findings, whatever the number of fixes.
fn wanting(
    edits: &[(usize, Edit)],
    applied: &[Edit],
    found: &[(usize, Range<usize>)],
) -> HashSet<Edit> {
    let mut asked: HashMap<&Edit, Vec<usize>> = HashMap::new();
    for (claim, e) in edits {
        asked.entry(e).or_default().push(*claim);
    }
    let ranges: Vec<(&Edit, Range<usize>)> = placed(applied).collect();
    let mut out = HashSet::new();
    for (claim, f) in found {
        let first = ranges.partition_point(|(_, r)| r.end <= f.start);
        for (e, r) in ranges[first..].iter().take_while(|(_, r)| r.start < f.end) {
            let meets = f.start < r.end && r.start < f.end;
            if meets && asked.get(e).is_some_and(|claims| claims.contains(claim)) {
                out.insert((*e).clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(s: Range<usize>, expect: &str, by: &str) -> Edit {
        Edit {
            span: s,
            expect: expect.into(),
            replacement: by.into(),
        }
    }

    /// Finds claim 0 wherever `word` stands in the text, and claim 1 at "axe".
    fn finds(word: &'static str) -> impl FnMut(&str) -> Vec<(usize, Range<usize>)> {
        move |text: &str| {
            let mut out: Vec<(usize, Range<usize>)> = text
                .match_indices(word)
                .map(|(i, w)| (0, i..i + w.len()))
                .collect();
            out.extend(text.match_indices("axe").map(|(i, w)| (1, i..i + w.len())));
            out
        }
    }

    #[test]
    fn a_fix_read_again_as_its_own_claims_finding_is_withheld() {
        let src = "an ice pick, not a pick, and one pick";
        let edits = vec![
            (0, edit(7..11, "pick", "axe")),
            (1, edit(19..23, "pick", "adze")),
            (0, edit(33..37, "pick", "hoe")),
        ];
        // Claim 0 finds "axe" in the fixed text only through claim 1's reading:
        // its own edit to "axe" is kept; claim 1's "adze" is found by no one.
        let out = plan_checked(src, edits.clone(), finds("hoe"));
        assert_eq!(out.text, "an ice axe, not a adze, and one pick");
        assert_eq!(out.rejected, vec![(edits[2].1.clone(), Rejection::Rereads)]);
        assert_eq!(out.applied, vec![edits[0].1.clone(), edits[1].1.clone()]);
    }

    #[test]
    fn only_the_claim_that_asked_is_found_wanting() {
        let src = "one pick";
        let edits = vec![(0, edit(4..8, "pick", "axe"))];
        let out = plan_checked(src, edits.clone(), finds("xyz"));
        assert_eq!(out.text, "one axe", "claim 1's finding is not claim 0's");
        let edits = vec![(1, edit(4..8, "pick", "axe"))];
        let out = plan_checked(src, edits.clone(), finds("xyz"));
        assert_eq!(out.text, src);
        assert_eq!(out.rejected, vec![(edits[0].1.clone(), Rejection::Rereads)]);
    }

    #[test]
    fn edits_found_wanting_round_after_round_are_all_withheld() {
        // Every round finds the first applied edit again: after the last round
        // nothing is applied, and every edit is withheld, none lost.
        let src = "a b c d e";
        let edits: Vec<_> = [0, 2, 4, 6, 8]
            .into_iter()
            .map(|i| (0, edit(i..i + 1, &src[i..i + 1], "x")))
            .collect();
        let mut rounds = 0;
        let out = plan_checked(src, edits.clone(), |text| {
            rounds += 1;
            let first = text.find('x').unwrap();
            vec![(0, first..first + 1)]
        });
        assert_eq!(rounds, ROUNDS);
        assert_eq!(out.text, src);
        assert!(out.applied.is_empty());
        assert_eq!(out.rejected.len(), edits.len());
        assert!(out.rejected.iter().all(|(_, r)| *r == Rejection::Rereads));
    }
}

//! Hedges and attributions: which statements a sentence weakens.
//!
//! A hedge ("reportedly", "probably", "may have", "some accounts", "historians
//! say", "is thought to have") governs the rest of its clause, and the phrases that
//! complete that clause ("…, in 1867"); "according to X" governs its whole clause.
//! A cue followed by "that" or "whether" ("studies have suggested that", "it is
//! thought that", "it is doubtful whether") governs everything after it in the
//! sentence, up to a clause that contrasts with it ("…, but in fact …"). A segment
//! that is nothing but a hedge or a source ("Reportedly, …", "According to the
//! family, …", "…, historians say.") governs the sentence after it when it opens
//! it, before it when it closes it, and its two neighbours in between. A hedge of
//! doubt ("doubtful", "unlikely") is read in [`super::doubt`].

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::{Frame, alternation, cue_regex, is_clause, words};
use crate::extract::gated::{GateSet, Gated};
use crate::lexicon;

/// How far a cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// From the cue to the end of its clause.
    Clause,
    /// The whole clause the cue stands in.
    Segment,
    /// From the cue to the end of the sentence.
    Sentence,
}

/// Cue regexes with their reach, each compiled when a sentence first holds one
/// of the words every match of it holds. A regex with a `cue` group names the
/// cue by it.
pub(super) static CUES: [(Gated, Reach); 6] = [
    (
        Gated::of_lists(
            &[
                lexicon::HEDGE_WORDS,
                lexicon::SAYING_VERBS,
                lexicon::DOUBT_CUES,
            ],
            || {
                cue_regex(&[
                    lexicon::HEDGE_WORDS,
                    lexicon::SAYING_VERBS,
                    lexicon::DOUBT_CUES,
                ])
            },
        ),
        Reach::Clause,
    ),
    (
        Gated::new(lexicon::REPORT_PARTICIPLES, || {
            let part = alternation(&[lexicon::REPORT_PARTICIPLES]);
            cue(format!(
                r"\b(?:{part}) to (?:be|have)\b|\bit (?:is|was|has been|had been)(?: [a-z]+ly)? (?:{part})\b"
            ))
        }),
        Reach::Clause,
    ),
    (
        Gated::of_lists(
            &[lexicon::HEDGE_QUANTIFIERS, lexicon::HEDGE_SOURCES],
            || {
                let quant = alternation(&[lexicon::HEDGE_QUANTIFIERS]);
                let source = alternation(&[lexicon::HEDGE_SOURCES]);
                let verb = alternation(&[lexicon::ATTRIBUTION_VERBS]);
                let estimate = alternation(&[lexicon::ESTIMATING_VERBS]);
                cue(format!(
                    r"\b(?:by )?(?:{quant})(?: [a-z]+)? (?:{source})\b|\b(?:{source}|{quant}) (?:have |had )?(?:{verb})\b|\b(?:{source}) (?:have |had )?(?:{estimate})\b"
                ))
            },
        ),
        Reach::Clause,
    ),
    (
        Gated::new(lexicon::CLAIMING_VERBS, || {
            let claim = alternation(&[lexicon::CLAIMING_VERBS]);
            let pron = alternation(&[lexicon::SUBJECT_PRONOUNS]);
            cue(format!(
                r"\b(?P<cue>{claim}) (?:(?:{pron})\b|to be\b|to have\b)"
            ))
        }),
        Reach::Clause,
    ),
    (
        Gated::new(&[" that"], || {
            let verb = alternation(&[lexicon::ATTRIBUTION_VERBS]);
            cue(format!(r"\b(?:{verb}) that\b"))
        }),
        Reach::Sentence,
    ),
    (
        Gated::new(lexicon::SOURCE_PREPOSITIONS, || {
            let prep = alternation(&[lexicon::SOURCE_PREPOSITIONS]);
            cue(format!(r"\b(?:{prep})(?: [a-z]+){{1,3}}"))
        }),
        Reach::Segment,
    ),
];

/// The words of the cue regexes' gates, looked for in one pass (once for all
/// the windows of a long sentence): a text without a gate's words has no match
/// of its regex, which is then neither compiled nor searched.
pub(super) static CUE_GATES: LazyLock<GateSet> =
    LazyLock::new(|| GateSet::new(CUES.iter().map(|(g, _)| g)));

fn cue(pattern: String) -> Regex {
    Regex::new(&pattern).expect("cue lists make a valid regex")
}

/// One hedge cue found in a sentence.
struct Cue {
    range: Range<usize>,
    name: Range<usize>,
    reach: Reach,
}

/// A hedge that governs a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hedge {
    /// The cue as written ("reportedly", "historians say").
    pub name: String,
    /// Where the cue stands in the sentence.
    pub at: Range<usize>,
}

/// The cue that hedges the statement of `f`, if one does.
pub(super) fn hedge(f: &Frame) -> Option<Hedge> {
    let targets = f.targets();
    let governs = |region: &[Range<usize>]| {
        targets
            .iter()
            .any(|t| region.iter().any(|r| r.start <= t.start && t.start < r.end))
    };
    let mut cues = find_cues(f);
    cues.sort_by_key(|c| c.range.start);
    let runs = runs(f);
    for cue in &cues {
        if governs(&[region(f, &runs, cue)]) {
            return Some(Hedge {
                name: f.text[cue.name.clone()].to_string(),
                at: cue.name.clone(),
            });
        }
    }
    // Where a segment would govern is cheap to tell; whether it is a hedge is not.
    (0..f.segs.len())
        .filter(|&i| governs(&around(f, i)))
        .find_map(|i| parenthetical(f, i, cues_in(&cues, &f.segs[i].range)))
}

/// Every cue of the sentence, except those inside the statement's own words.
fn find_cues(f: &Frame) -> Vec<Cue> {
    let own = |r: &Range<usize>| {
        let overlaps = |o: &Range<usize>| r.start < o.end && o.start < r.end;
        overlaps(&f.value) || f.trigger.as_ref().is_some_and(overlaps)
    };
    let mut out = Vec::new();
    let open = f.open_gates(&CUE_GATES);
    for ((gate, reach), _) in CUES.iter().zip(open).filter(|(_, open)| *open) {
        for (m, name) in f.matches(gate.regex()) {
            if own(&m) || super::doubt::dismissed(f.text, &name) {
                continue;
            }
            // A cue followed by "that" or "whether" governs the clause it introduces.
            let rest = &f.text[m.end..];
            let reach = if rest.starts_with(" that ") || rest.starts_with(" whether ") {
                Reach::Sentence
            } else {
                *reach
            };
            out.push(Cue {
                range: m,
                name,
                reach,
            });
        }
    }
    out
}

/// Where the reach of a cue in segment `s` ends, found from `s` on (only the
/// segments that hold a cue are asked about, so the sentence is not read whole).
struct Runs<'f, 'a> {
    f: &'f Frame<'a>,
}

impl Runs<'_, '_> {
    /// Whether segment `i` contrasts with the one before it ("…, but in fact …").
    fn contrast(&self, i: usize) -> bool {
        opens_with(
            &self.f.text[self.f.segs[i].range.clone()],
            lexicon::CONTRAST_OPENERS,
        )
    }

    /// The end of segment `s`'s clause, the phrases after it that complete it
    /// counted ("she was born in Warsaw, in 1867").
    fn clause(&self, s: usize) -> usize {
        let f = self.f;
        let mut i = s;
        // A relative or subordinate clause ends at its own boundary ("the flyer,
        // which some accounts say weighed 605 pounds, flew in 1903").
        while i + 1 < f.segs.len()
            && !self.contrast(i + 1)
            && !opens_with(&f.text[f.segs[i].range.clone()], lexicon::SUBORDINATORS)
            && !is_clause(&f.text[f.segs[i + 1].range.clone()])
        {
            i += 1;
        }
        f.segs[i].range.end
    }

    /// The start of the first segment after `s` that contrasts with it, or the
    /// end of the sentence.
    fn sentence(&self, s: usize) -> usize {
        let f = self.f;
        (s + 1..f.segs.len())
            .find(|&j| self.contrast(j))
            .map_or(f.text.len(), |j| f.segs[j].range.start)
    }
}

fn runs<'f, 'a>(f: &'f Frame<'a>) -> Runs<'f, 'a> {
    Runs { f }
}

/// What a cue governs where it stands.
fn region(f: &Frame, runs: &Runs, cue: &Cue) -> Range<usize> {
    let s = f.seg_of(cue.range.start);
    let from = match cue.reach {
        Reach::Sentence => return cue.range.end..runs.sentence(s).max(cue.range.end),
        Reach::Clause => cue.range.end,
        Reach::Segment => f.segs[s].range.start,
    };
    from..runs.clause(s)
}

/// The cues (sorted by start) that lie within `seg`.
fn cues_in<'c>(cues: &'c [Cue], seg: &Range<usize>) -> impl Iterator<Item = &'c Cue> {
    let first = cues.partition_point(|c| c.range.start < seg.start);
    let end = seg.end;
    cues[first..]
        .iter()
        .take_while(move |c| c.range.start < end)
        .filter(move |c| c.range.end <= end)
}

/// The name of the hedge that segment `i` consists of, if it is one: a cue and
/// nothing else ("reportedly"), a source ("according to the family"), or a short
/// clause of attribution ("historians say", "it is believed").
fn parenthetical<'c>(f: &Frame, i: usize, cues: impl Iterator<Item = &'c Cue>) -> Option<Hedge> {
    let seg = f.segs[i].range.clone();
    let raw = &f.text[seg.clone()];
    let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let content = raw
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    // "it is often said | that …": a clause of attribution that goes on into
    // what it reports is not a parenthesis.
    let goes_on = f
        .segs
        .get(i + 1)
        .is_some_and(|n| f.text[seg.end..n.range.start].trim().is_empty());
    if content.is_empty() || goes_on {
        return None;
    }
    let start = seg.start + lead;
    let end = start + content.len();
    let hedge = || Hedge {
        name: content.to_string(),
        at: start..end,
    };
    let count = words(content).count();
    for c in cues {
        let whole = c.range.start <= start && end <= c.range.end;
        let source = c.reach == Reach::Segment && c.range.start == start && count <= 10;
        if whole || source {
            return Some(hedge());
        }
    }
    // "…, historians say." / "…, she wrote." / "as it is believed" / "…, says
    // his biographer."
    let mut w = words(content);
    let (first, second) = (w.next().unwrap_or(""), w.next().unwrap_or(""));
    let last = words(content).last().unwrap_or("");
    let attributes = lexicon::is(lexicon::ATTRIBUTION_VERBS, last)
        || lexicon::is(lexicon::REPORT_PARTICIPLES, last)
        || (lexicon::is(lexicon::ATTRIBUTION_VERBS, first) && !matches!(second, "to" | "that"));
    let opens_clause =
        opens_with(content, lexicon::SUBORDINATORS) || opens_with(content, lexicon::COORDINATORS);
    ((2..=4).contains(&count) && attributes && !opens_clause).then(hedge)
}

/// What a parenthetical segment `i` governs: the sentence after it when it opens
/// the sentence, before it when it closes it, its neighbours in between.
fn around(f: &Frame, i: usize) -> [Range<usize>; 2] {
    let n = f.segs.len();
    if n == 1 {
        return [0..0, 0..0];
    }
    if i == 0 {
        [f.segs[1].range.start..f.text.len(), 0..0]
    } else if i == n - 1 {
        [0..f.segs[i].range.start, 0..0]
    } else {
        [f.segs[i - 1].range.clone(), f.segs[i + 1].range.clone()]
    }
}

/// Whether the first word of `text` is in `list`.
fn opens_with(text: &str, list: &[&str]) -> bool {
    words(text).next().is_some_and(|w| lexicon::is(list, w))
}

#[cfg(test)]
#[path = "hedge_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "hedge_runs.rs"]
mod runs_tests;

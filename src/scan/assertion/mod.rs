//! Assertion modes: how a document stands behind the words it contains.
//!
//! A document asserts what its own sentences state. Words inside quotation marks
//! (or a block quote) are someone else's; a question asserts nothing; a negation
//! inverts what it governs ("he was not killed with an ice pick"); a hedge or an
//! attribution ("reportedly", "according to X", "X claimed that") weakens it, and
//! a hedged negation ("she may not have died", "he probably did not die", "it is
//! unlikely that she died") is a weaker denial. An event that nearly happened ("she
//! almost died", "the reactor came close to exploding") did not happen, and the
//! sentence states nothing about it.
//!
//! A cue governs its own clause, not a clause before it nor a separate one after
//! it: in "she died of leukemia, probably caused by radiation" the hedge is on the
//! cause, and the leukemia stays asserted. A statement is read where it is made: at
//! the verb of its event (the trigger the value was paired with) and at the value
//! itself when the value belongs to that verb's clause. All cues are read in the
//! folded text of the sentence; the cue words are lists of [`crate::lexicon`].

mod corrected;
mod counterfactual;
mod dismissed;
mod doubt;
mod hedge;
mod matches;
mod negation;
mod quotes;
mod shared;

use std::ops::Range;

use crate::re::Regex;

use super::clauses::{self, Segment};
use crate::lexicon;

pub use quotes::{Quotation, quotations, quoted_ranges};

/// How the document stands behind a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssertionMode {
    /// The document's own statement.
    Asserted,
    /// Inside quotation marks or a block quote: someone else's words.
    Quoted,
    /// Reported or hedged ("reportedly", "some say"): a weaker statement.
    Hedged,
    /// Denied ("not", "never", "wrongly said to be").
    Negated,
    /// Denied with a hedge ("may not have", "probably did not", "it is unlikely
    /// that"): a weaker denial.
    HedgedDenial,
    /// Denied inside quotation marks: someone else's denial.
    QuotedDenial,
    /// An event that nearly happened and did not ("almost died", "came close to
    /// exploding", "tried to remarry"), or one a condition supposes ("if the choir
    /// had 5,200 members, …"): the sentence neither states nor denies a value.
    Counterfactual,
}

impl AssertionMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AssertionMode::Asserted => "asserted",
            AssertionMode::Quoted => "quoted",
            AssertionMode::Hedged => "hedged",
            AssertionMode::Negated => "negated",
            AssertionMode::HedgedDenial => "hedged-denial",
            AssertionMode::QuotedDenial => "quoted-denial",
            AssertionMode::Counterfactual => "counterfactual",
        }
    }

    /// Whether the statement denies its value rather than stating it.
    pub fn denies(self) -> bool {
        matches!(
            self,
            AssertionMode::Negated | AssertionMode::HedgedDenial | AssertionMode::QuotedDenial
        )
    }
}

/// Whether a folded sentence is a question.
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '*', '_'])
        .ends_with('?')
}

/// The mode of a statement in the folded `sentence` (offsets relative to it), with
/// the cue words that decided it. `value` is the date, number or term stated;
/// `trigger` the event word the value was paired with (`None` for a term, which
/// stands for its own event); `quoted` whether the statement lies inside quotation
/// marks (its value, or the event word it was paired with).
pub fn classify(
    sentence: &str,
    value: Range<usize>,
    trigger: Option<Range<usize>>,
    quoted: bool,
) -> (AssertionMode, Option<String>) {
    use AssertionMode::*;
    let whole = sentence;
    let (sentence, value, trigger) = window(sentence, value, trigger);
    let frame = Frame::in_sentence(whole, sentence, value, trigger);
    if let Some(cue) =
        counterfactual::near_miss(&frame).or_else(|| counterfactual::condition(&frame))
    {
        return (Counterfactual, Some(cue));
    }
    let hedge = hedge::hedge(&frame);
    // A denial inside the hedge's own words ("no evidence") is the hedge.
    let denial = negation::denial(&frame).filter(|d| {
        hedge
            .as_ref()
            .is_none_or(|h| !(h.at.start <= d.at.start && d.at.end <= h.at.end))
    });
    let doubt = hedge.as_ref().is_some_and(|h| h.doubts(sentence));
    // "Some say she moved in 1907, but letters show 1905": a report the
    // sentence corrects is set aside.
    if denial.is_none()
        && hedge.is_some()
        && !quoted
        && !doubt
        && let Some(d) = corrected::corrected(&frame)
    {
        return (Negated, Some(d.cue));
    }
    // "Reports that the fire killed 31 people were confirmed": the document
    // states what it reports.
    let hedge = hedge.filter(|_| denial.is_some() || !dismissed::confirmed(&frame));
    match (denial, hedge) {
        (Some(d), _) if quoted => (QuotedDenial, Some(d.cue)),
        (None, _) if quoted => (Quoted, None),
        (Some(d), _) if d.firm => (Negated, Some(d.cue)),
        // "It is unlikely that she did not die": a doubted denial is a hedged statement.
        (Some(_), Some(h)) if doubt => (Hedged, Some(h.name)),
        (Some(d), h) => match d.hedge.or(h.map(|h| h.name)) {
            Some(cue) => (HedgedDenial, Some(cue)),
            None => (Negated, Some(d.cue)),
        },
        (None, Some(h)) if doubt => (HedgedDenial, Some(h.name)),
        (None, Some(h)) => (Hedged, Some(h.name)),
        (None, None) => (Asserted, None),
    }
}

/// Whether an open date ("until 1935", "before 1935") is the time its event
/// happened, not the bound of a period: "it was not until 1935 that she died",
/// "not before 1935 did she die", "she did not die until 1935" all date the death
/// to 1935, where "she lived there until 1935" and "she was not born before 1869"
/// bound a period. Offsets as for [`classify`].
pub fn open_date_is_the_time(
    sentence: &str,
    value: Range<usize>,
    trigger: Option<Range<usize>>,
) -> bool {
    let whole = sentence;
    let (sentence, value, trigger) = window(sentence, value, trigger);
    negation::open_date_is_the_time(&Frame::in_sentence(whole, sentence, value, trigger))
}

/// How many bytes of a sentence, each side of a statement's words, its mode is
/// read in. Cues stand within a clause or two of the words they govern; a
/// sentence longer than this (a page with no full stop) is read in a window, so
/// that classifying each of its statements does not cost the whole sentence.
const WINDOW: usize = 4096;

/// The part of `sentence` within [`WINDOW`] bytes of the value and the trigger
/// (cut at spaces), with their offsets moved into it.
fn window(
    sentence: &str,
    value: Range<usize>,
    trigger: Option<Range<usize>>,
) -> (&str, Range<usize>, Option<Range<usize>>) {
    let lo = trigger
        .as_ref()
        .map_or(value.start, |t| t.start.min(value.start));
    let hi = trigger.as_ref().map_or(value.end, |t| t.end.max(value.end));
    if lo <= WINDOW && sentence.len().saturating_sub(hi) <= WINDOW {
        return (sentence, value, trigger);
    }
    let mut a = lo.saturating_sub(WINDOW).min(sentence.len());
    while !sentence.is_char_boundary(a) {
        a -= 1;
    }
    if a > 0
        && let Some(sp) = sentence[a..lo.min(sentence.len()).max(a)].find(' ')
    {
        a += sp + 1;
    }
    let mut b = hi.saturating_add(WINDOW).min(sentence.len()).max(a);
    while !sentence.is_char_boundary(b) {
        b += 1;
    }
    if b < sentence.len()
        && let Some(sp) = sentence[hi.min(b).max(a)..b].rfind(' ')
    {
        b = hi.min(b).max(a) + sp;
    }
    let shift = |r: Range<usize>| r.start.saturating_sub(a)..r.end.saturating_sub(a);
    (&sentence[a..b], shift(value), trigger.map(shift))
}

/// How the value's segment stands to the trigger's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// No trigger: the value (a term) stands for its own event.
    Alone,
    /// Value and trigger in one segment.
    Same,
    /// The value is in a phrase that completes the trigger's clause ("…, probably in 1867").
    Attached,
    /// The value is in a phrase that contrasts with the clause before ("…, but in 1872").
    Contrast,
    /// The value is in a clause of its own, with another verb ("…did not exist in 1871, when …").
    Separate,
}

/// A sentence cut into segments, with the statement's value and trigger placed in them.
struct Frame<'a> {
    text: &'a str,
    /// The sentence `text` is a window of (or `text` itself).
    sentence: &'a str,
    segs: Vec<Segment>,
    value: Range<usize>,
    trigger: Option<Range<usize>>,
    vseg: usize,
    link: Link,
}

impl<'a> Frame<'a> {
    #[cfg(test)]
    fn new(text: &'a str, value: Range<usize>, trigger: Option<Range<usize>>) -> Frame<'a> {
        Frame::in_sentence(text, text, value, trigger)
    }

    /// The frame of `text`, a window of `sentence` (a slice of it, by [`window`]).
    fn in_sentence(
        sentence: &'a str,
        text: &'a str,
        value: Range<usize>,
        trigger: Option<Range<usize>>,
    ) -> Frame<'a> {
        let value = within(text, value);
        let trigger = trigger.map(|t| within(text, t));
        let mut protected = vec![value.clone()];
        protected.extend(trigger.clone());
        let segs = if text.len() == sentence.len() {
            clauses::segments(text, &protected)
        } else {
            let a = text.as_ptr() as usize - sentence.as_ptr() as usize;
            shared::window_segments(sentence, a..a + text.len(), &protected)
        };
        let seg_of = |pos: usize| {
            segs.partition_point(|s| s.range.start <= pos)
                .saturating_sub(1)
        };
        let vseg = seg_of(value.start);
        let link = match &trigger {
            None => Link::Alone,
            Some(t) if seg_of(t.start) == vseg => Link::Same,
            Some(_) => {
                let phrase = &text[segs[vseg].range.clone()];
                if words(phrase)
                    .next()
                    .is_some_and(|w| lexicon::is(lexicon::CONTRAST_OPENERS, w))
                {
                    Link::Contrast
                } else if is_clause(phrase) {
                    Link::Separate
                } else {
                    Link::Attached
                }
            }
        };
        Frame {
            text,
            sentence,
            segs,
            value,
            trigger,
            vseg,
            link,
        }
    }

    /// Where the statement's words lie in `text`: from the first of its trigger
    /// and value to the end of the last.
    fn statement(&self) -> Range<usize> {
        match &self.trigger {
            Some(t) => t.start.min(self.value.start)..t.end.max(self.value.end),
            None => self.value.clone(),
        }
    }

    /// The offset in `text` of `word`, a slice of it (as [`words`] gives).
    fn offset(&self, word: &str) -> usize {
        word.as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// The index of the segment holding byte `pos` (the last one starting at or before it).
    fn seg_of(&self, pos: usize) -> usize {
        self.segs
            .partition_point(|s| s.range.start <= pos)
            .saturating_sub(1)
    }

    /// The matches of `re` (a regex without anchors) in the text, as
    /// `re.captures_iter` finds them: the whole match and its `cue` group.
    fn matches(&self, re: &'static Regex) -> Vec<matches::Found> {
        if self.text.len() == self.sentence.len() {
            return matches::all(re, self.text);
        }
        let a = self.text.as_ptr() as usize - self.sentence.as_ptr() as usize;
        shared::window_matches(self.sentence, a..a + self.text.len(), re)
    }

    /// For each gate of `gates`, whether its regex may match in the text (see
    /// [`shared::window_gates`]).
    fn open_gates(&self, gates: &'static crate::extract::gated::GateSet) -> Vec<bool> {
        if self.text.len() == self.sentence.len() {
            return gates.open(self.text);
        }
        let a = self.text.as_ptr() as usize - self.sentence.as_ptr() as usize;
        shared::window_gates(self.sentence, a..a + self.text.len(), gates)
    }

    /// Where the statement is made: the trigger's verb, the value, or both.
    fn targets(&self) -> Vec<Range<usize>> {
        let t = self.trigger.clone();
        let v = self.value.clone();
        match self.link {
            Link::Alone | Link::Contrast => vec![v],
            Link::Same | Link::Attached => t.into_iter().chain([v]).collect(),
            Link::Separate => t.into_iter().collect(),
        }
    }
}

/// `r` clamped to `text` and to its char boundaries.
fn within(text: &str, r: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(r.start);
    start..floor(r.end.max(start))
}

/// The words of a folded text, without the punctuation around them.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
}

/// Whether a piece of a sentence is a clause (it has a subject pronoun, an auxiliary
/// or a past-tense verb) rather than a phrase ("probably in 1867").
fn is_clause(text: &str) -> bool {
    words(text).any(|w| {
        lexicon::is(lexicon::SUBJECT_PRONOUNS, w)
            || lexicon::is(lexicon::AUXILIARIES, w)
            || (w.len() > 4 && w.ends_with("ed"))
    })
}

/// The regex alternation of the cue phrases of `lists`, longest first so that "no
/// one" wins over "no".
fn alternation(lists: &[&[&str]]) -> String {
    let mut cues: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
    cues.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    cues.dedup();
    cues.iter()
        .map(|c| regex::escape(c))
        .collect::<Vec<_>>()
        .join("|")
}

/// A regex matching any cue of `lists` as whole words; a clitic ("n't") matches at
/// the end of its word.
fn cue_regex(lists: &[&[&str]]) -> Regex {
    let (clitics, whole): (Vec<&str>, Vec<&str>) = lists
        .iter()
        .flat_map(|l| l.iter().copied())
        .partition(|c| c.starts_with(|ch: char| ch.is_alphabetic()) && c.contains('\''));
    let mut pattern = format!(r"\b(?:{})\b", alternation(&[&whole]));
    if !clitics.is_empty() {
        pattern.push_str(&format!(r"|(?:{})\b", alternation(&[&clitics])));
    }
    Regex::new(&pattern).expect("cue lists make a valid regex")
}

#[cfg(test)]
mod tests;

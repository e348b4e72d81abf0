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

mod counterfactual;
mod doubt;
mod hedge;
mod matches;
mod negation;
mod quotes;
mod shared;

use std::ops::Range;

use regex::Regex;

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
    /// exploding", "tried to remarry"): the sentence neither states nor denies a value.
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
    if let Some(cue) = counterfactual::near_miss(&frame) {
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
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    /// The mode of `value` in `sentence`, paired with the trigger `trigger` (the
    /// first occurrence of each, or of `nth` for the value).
    pub(super) fn mode_at(
        sentence: &str,
        value: &str,
        trigger: Option<&str>,
    ) -> (AssertionMode, Option<String>) {
        let f = fold(sentence).text;
        let v = fold(value).text;
        let at = f.find(&v).expect("value in sentence");
        let trig = trigger.map(|t| {
            let t = fold(t).text;
            let s = f.find(&t).expect("trigger in sentence");
            s..s + t.len()
        });
        let quoted = quoted_ranges(&f)
            .iter()
            .any(|q| q.start <= at && at < q.end);
        classify(&f, at..at + v.len(), trig, quoted)
    }

    pub(super) fn mode(sentence: &str, value: &str) -> (AssertionMode, Option<String>) {
        mode_at(sentence, value, None)
    }

    #[test]
    fn quotation_marks_of_every_kind() {
        use AssertionMode::*;
        assert_eq!(
            mode(
                "described as getting \"an ice-pick that made his ears burn\"",
                "ice-pick"
            )
            .0,
            Quoted
        );
        assert_eq!(
            mode(
                "the song’s line “an ice pick that made his ears burn” is famous",
                "ice pick"
            )
            .0,
            Quoted
        );
        assert_eq!(
            mode("the song says «an ice pick» here", "ice pick").0,
            Quoted
        );
        assert_eq!(
            mode("he wrote ‘an ice pick’ in his notes", "ice pick").0,
            Quoted
        );
        // Apostrophes are not quotation marks.
        assert_eq!(
            mode("Trotsky’s killer used an ice pick", "ice pick").0,
            Asserted
        );
        assert_eq!(
            mode("the Bolsheviks' enemies used an ice pick", "ice pick").0,
            Asserted
        );
        assert_eq!(mode("in '29 he used an ice pick", "ice pick").0, Asserted);
    }

    #[test]
    fn questions() {
        assert!(is_question(
            "Did Stalin have full control of the government in 1936?"
        ));
        assert!(is_question("Was it an ice pick?\""));
        assert!(is_question("what is 31?"));
        assert!(!is_question("He asked nothing."));
        assert!(!is_question("He asked why? Nobody knew."));
        assert!(!is_question(""));
    }

    #[test]
    fn a_value_in_a_clause_of_its_own_is_read_at_the_trigger() {
        use AssertionMode::*;
        let s = "The kingdom did not exist in 1871, when she was born.";
        // The value's clause is negated, the birth is not.
        assert_eq!(mode_at(s, "1871", Some("born")), (Asserted, None));
        // Without a trigger the value stands for the existence, which is denied.
        assert_eq!(mode_at(s, "1871", None).0, Negated);
        let s = "The kingdom probably did not exist in 1871, when she was born.";
        assert_eq!(mode_at(s, "1871", Some("born")), (Asserted, None));
    }

    #[test]
    fn the_mode_follows_the_event_verb() {
        use AssertionMode::*;
        assert_eq!(
            mode_at("He was not born in 1871.", "1871", Some("born")),
            (Negated, Some("not".into()))
        );
        assert_eq!(
            mode_at("She never remarried after 1906.", "1906", Some("remarried")),
            (Negated, Some("never".into()))
        );
        assert_eq!(
            mode_at("He was probably born in 1871.", "1871", Some("born")),
            (Hedged, Some("probably".into()))
        );
        assert_eq!(
            mode_at(
                "She was born in Warsaw, probably in 1867.",
                "1867",
                Some("born")
            ),
            (Hedged, Some("probably".into()))
        );
        assert_eq!(
            mode_at("In 1929, he was not exiled.", "1929", Some("exiled")).0,
            Negated
        );
        assert_eq!(
            mode_at("He was born in 1871.", "1871", Some("born")),
            (Asserted, None)
        );
    }

    #[test]
    fn the_cue_lists_build_whole_word_regexes() {
        let re = cue_regex(&[lexicon::NEGATION_CUES]);
        let found: Vec<&str> = re
            .find_iter("no one knew it; he didn't go, nor did anyone notice")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["no one", "n't", "nor"]);
        assert!(!re.is_match("nothingness knotted the notion"));
    }

    /// Pieces of sentences dense in cues and marks.
    const PIECES: &[&str] = &[
        "not",
        "never",
        "no one",
        "n't",
        "not only",
        "until",
        "probably",
        "historians say",
        "according to the family",
        "that",
        "he",
        "was",
        "born",
        "in 1871",
        ", ",
        "; ",
        " and ",
        " but ",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "s' ",
        ".\n",
        "?\nA",
        "«",
        "»",
        "„",
        "é",
    ];

    proptest::proptest! {
        #[test]
        fn nothing_panics_and_ranges_stay_inside(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
            v in 0usize..200,
            w in 0usize..20,
            t in proptest::option::of((0usize..200, 0usize..20)),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            for q in quoted_ranges(&s) {
                proptest::prop_assert!(q.start <= q.end && q.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
            }
            let f = fold(&s).text;
            let _ = classify(&f, v..v + w, t.map(|(a, b)| a..a + b), false);
        }
    }

    /// Long inputs read as their short counterparts do. (Their time is measured by
    /// the benchmarks, never by a test.)
    #[test]
    fn long_inputs_read_as_short_ones() {
        let unit = "“a ‘b \" s' c. ";
        let shifted = |n: usize| -> Vec<Range<usize>> {
            (0..n)
                .flat_map(|k| {
                    quoted_ranges(unit)
                        .into_iter()
                        .map(move |r| r.start + k * unit.len()..r.end + k * unit.len())
                })
                .collect()
        };
        let marks = unit.repeat(20_000);
        let long = quoted_ranges(&marks);
        assert_eq!(long, shifted(20_000));
        let cues = |n: usize| {
            let text = "not probably, historians say, ".repeat(n);
            let end = text.len();
            classify(&text, end - 10..end - 5, Some(end - 20..end - 15), false)
        };
        // A sentence longer than the window is read in the window around its
        // statement: the same mode, its cue one of the sentence's hedges.
        let (long, short) = (cues(20_000), cues(2));
        assert_eq!(long.0, short.0);
        assert!(
            matches!(long.1.as_deref(), Some("say" | "probably")),
            "{long:?}"
        );
    }

    #[test]
    fn a_sentence_past_the_window_is_read_around_its_statement() {
        let filler = "the weather was fine and the roads were long and ".repeat(200);
        let text = format!("{filler}she did not die in 1934 and {filler}");
        let at = text.find("1934").unwrap();
        let trig = text.find("die").unwrap();
        let (mode, cue) = classify(&text, at..at + 4, Some(trig..trig + 3), false);
        assert_eq!(
            (mode, cue.as_deref()),
            (AssertionMode::Negated, Some("not"))
        );
        let (w, v, t) = window(&text, at..at + 4, Some(trig..trig + 3));
        assert!(w.len() < text.len() && w.len() <= 2 * WINDOW + 40);
        assert_eq!(&w[v], "1934");
        assert_eq!(&w[t.unwrap()], "die");
    }

    #[test]
    fn odd_ranges_do_not_panic() {
        let s = "né en 1871, il n’était pas là";
        let f = fold(s).text;
        for a in 0..f.len() + 3 {
            for b in [a, a + 1, a + 4, f.len() + 9] {
                let _ = classify(&f, a..b, Some(b..a), false);
                let _ = classify(&f, b..a, None, false);
            }
        }
    }
}

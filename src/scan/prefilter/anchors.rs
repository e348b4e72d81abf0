//! The first step's anchors, each checked where it stands: an anchor found in
//! prose admits it only where one of its forms may stand around it.
//!
//! Around an anchor, prose of plain ASCII folds to itself but for case, a run
//! of spaces (line breaks included) to one space. So where the bytes around an
//! anchor are plain ASCII, they tell whether folding makes the whole form
//! there, and whether it stands as whole words (a term's form) as the exact
//! step asks. Where they hold anything folding may change otherwise (a dash, a
//! backtick, a byte of a non-ASCII char), the anchor admits the prose, as
//! before: the check only ever turns an anchor away where the folded text
//! surely lacks its forms.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

/// A form that an anchor is found for.
#[derive(Debug)]
struct Form {
    /// The folded form.
    text: String,
    /// Where the anchor starts in it.
    at: usize,
    /// It must stand as whole words (a term's form), not anywhere (a
    /// trigger's literal, the directive).
    whole: bool,
}

/// The anchors of some forms: one automaton of them (leftmost longest, of
/// lowercase patterns, searched for in prose with its ASCII letters
/// lowercased), and for each anchor its forms and the other anchors it starts
/// with (every anchor that matches where another one starts is a prefix of the
/// longest that does).
#[derive(Debug)]
pub(super) struct Anchors {
    automaton: AhoCorasick,
    lens: Vec<usize>,
    forms: Vec<Vec<Form>>,
    prefixes: Vec<Vec<usize>>,
}

/// How far a form's bytes are read in prose: they stand there, surely not, or
/// maybe (folding may change what is there).
enum Reading {
    At(usize),
    Not,
    Maybe,
}

impl Anchors {
    /// The anchors of `forms` (each folded, with whether it must stand as whole
    /// words): `anchor` gives a form's anchor, `kind` the automaton's kind for
    /// the lowercase anchors; `None` where a form has no anchor.
    pub(super) fn new(
        forms: impl IntoIterator<Item = (String, bool)>,
        anchor: impl Fn(&str) -> Option<&str>,
        kind: impl Fn(&[String]) -> Option<aho_corasick::AhoCorasickKind>,
    ) -> Option<Anchors> {
        let mut patterns: Vec<String> = Vec::new();
        let mut of: Vec<Vec<Form>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (text, whole) in forms {
            let run = anchor(&text)?;
            let at = run.as_ptr() as usize - text.as_ptr() as usize;
            let lower = run.to_ascii_lowercase();
            let text = text.to_ascii_lowercase();
            let form = Form { text, at, whole };
            match index.get(&lower) {
                Some(&k) => of[k].push(form),
                None => {
                    index.insert(lower.clone(), patterns.len());
                    patterns.push(lower);
                    of.push(vec![form]);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind(&patterns))
            .build(&patterns)
            .expect("anchors within the automaton's limits");
        // An anchor's proper prefixes that are anchors too (ASCII: every byte
        // ends a prefix).
        let prefixes = patterns
            .iter()
            .map(|p| {
                (1..p.len())
                    .filter_map(|n| index.get(&p[..n]).copied())
                    .collect()
            })
            .collect();
        Some(Anchors {
            automaton,
            lens: patterns.iter().map(String::len).collect(),
            forms: of,
            prefixes,
        })
    }

    /// The first anchor at or after `from` in `lower` (prose with its ASCII
    /// letters lowercased) where one of its forms may stand.
    pub(super) fn find(&self, lower: &str, from: usize) -> Option<Range<usize>> {
        self.find_within(lower, from..lower.len())
    }

    /// The first anchor that lies whole in `range` of `lower` (prose with its
    /// ASCII letters lowercased) where one of its forms may stand (the form
    /// may reach past the range).
    pub(super) fn find_within(&self, lower: &str, range: Range<usize>) -> Option<Range<usize>> {
        let bytes = lower.as_bytes();
        let mut at = range.start;
        while at < range.end {
            let m = self
                .automaton
                .find(Input::new(bytes).range(at..range.end))?;
            let (s, p) = (m.start(), m.pattern().as_usize());
            for q in std::iter::once(p).chain(self.prefixes[p].iter().copied()) {
                let e = s + self.lens[q];
                if self.forms[q].iter().any(|f| f.may_stand(bytes, s..e)) {
                    return Some(s..e);
                }
            }
            at = s + 1;
        }
        None
    }

    /// Whether an anchor stands in `lower` with room for one of its forms.
    pub(super) fn is_match(&self, lower: &str) -> bool {
        self.find(lower, 0).is_some()
    }

    /// Whether an anchor occurs in folded `text` at all (a word folded alone,
    /// whose neighbours are not at hand).
    pub(super) fn occurs_in(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }
}

impl Form {
    /// Whether folding may make this form, standing as it must, of the prose
    /// `bytes` around its anchor at `anchor`.
    fn may_stand(&self, bytes: &[u8], anchor: Range<usize>) -> bool {
        let form = self.text.as_bytes();
        let after = &form[self.at + anchor.len()..];
        let end = match read_forward(after, bytes, anchor.end) {
            Reading::At(end) => end,
            Reading::Not => return false,
            Reading::Maybe => return true,
        };
        let start = match read_backward(&form[..self.at], bytes, anchor.start) {
            Reading::At(start) => start,
            Reading::Not => return false,
            Reading::Maybe => return true,
        };
        !self.whole || (may_start_word(bytes, start) && may_end_word(bytes, end))
    }
}

/// An ASCII space: folding writes a run of them as one space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// A byte folding may change into something else than itself: a dash (it may
/// become a space, or join a word across a line break), a backtick (an
/// apostrophe), any byte of a non-ASCII char.
fn may_change(b: u8) -> bool {
    !b.is_ascii() || b == b'-' || b == b'`'
}

/// How `form` (the form's bytes after its anchor) reads in `bytes` from `at`
/// on: where it ends there.
fn read_forward(form: &[u8], bytes: &[u8], mut at: usize) -> Reading {
    for &f in form {
        if f == b' ' {
            let run = bytes[at..]
                .iter()
                .take_while(|&&b| is_ascii_space(b))
                .count();
            if run == 0 {
                return next_reading(bytes.get(at).copied());
            }
            at += run;
        } else if !f.is_ascii() {
            return Reading::Maybe;
        } else {
            match bytes.get(at) {
                Some(&b) if b == f => at += 1,
                b => return next_reading(b.copied()),
            }
        }
    }
    Reading::At(at)
}

/// How `form` (the form's bytes before its anchor) reads in `bytes` back from
/// `at`: where it starts there.
fn read_backward(form: &[u8], bytes: &[u8], mut at: usize) -> Reading {
    for &f in form.iter().rev() {
        if f == b' ' {
            let run = bytes[..at]
                .iter()
                .rev()
                .take_while(|&&b| is_ascii_space(b))
                .count();
            if run == 0 {
                return next_reading(at.checked_sub(1).map(|i| bytes[i]));
            }
            at -= run;
        } else if !f.is_ascii() {
            return Reading::Maybe;
        } else {
            match at.checked_sub(1).map(|i| bytes[i]) {
                Some(b) if b == f => at -= 1,
                b => return next_reading(b),
            }
        }
    }
    Reading::At(at)
}

/// The reading where a form's byte differs from the prose's `b` (none: the
/// prose ends): maybe where folding may change `b`, else surely not.
fn next_reading(b: Option<u8>) -> Reading {
    match b {
        Some(b) if may_change(b) => Reading::Maybe,
        _ => Reading::Not,
    }
}

/// Whether no word char may stand just before `start` once folded: an ASCII
/// letter or digit there stays one, anything else may fold to no word char.
fn may_start_word(bytes: &[u8], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_none_or(|i| !bytes[i].is_ascii_alphanumeric())
}

/// Whether no word char may stand just after `end` once folded, but a plural
/// ending ("s", "es") that a term's form may take: an ASCII letter or digit
/// there stays one.
fn may_end_word(bytes: &[u8], end: usize) -> bool {
    let ends = |rest: &[u8]| rest.first().is_none_or(|b| !b.is_ascii_alphanumeric());
    let rest = &bytes[end..];
    ends(rest)
        || rest.strip_prefix(b"s").is_some_and(ends)
        || rest.strip_prefix(b"es").is_some_and(ends)
}

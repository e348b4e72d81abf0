//! The prefilter's first step for a whole plain text at once: where its anchors
//! are, so that each paragraph is judged by the marks that fall in it, and the
//! text is searched once rather than once whole and again paragraph by
//! paragraph. The anchors of the forms that only a denial makes a finding of
//! are the exception: they matter only beside a denial's cue in a paragraph
//! with no other mark, and are looked for in such a paragraph alone.

use std::borrow::Cow;
use std::ops::Range;

use super::{Anchors, Prefilter, ascii_lower, changed_words, denials, line_joins};
use crate::extract::normalize::fold;

/// Where the first step ([`Prefilter::on_prose`]) finds something in a plain
/// text: each place that admits any part of the text holding it whole.
#[derive(Debug, Clone)]
pub struct Marks<'t> {
    /// The text the marks are in.
    text: &'t str,
    /// Every part is admitted (some claim has no anchor).
    all: bool,
    /// The marks, sorted by start: an anchor, a weekday's name, a word that
    /// folds to one of those, a dash that joins a word across a line break (to
    /// the line break, included).
    spans: Vec<Range<usize>>,
    /// The anchors of the forms that only a denial makes a finding of, with
    /// the text its ASCII letters lowercased: they admit a part only beside a
    /// denial's cue, so they are looked for only in a part with such a cue and
    /// no other mark, not in the whole text.
    weak_anchors: Option<(&'t Anchors, Cow<'t, str>)>,
    /// The words that fold to such a form, sorted by start.
    weak: Vec<Range<usize>>,
    /// The words that fold to a denial's cue, sorted by start (the cues the
    /// text holds as it is are looked for in a part when it is asked about).
    cues: Vec<Range<usize>>,
}

impl Marks<'_> {
    /// Whether the first step admits the part `range` of the text: wherever
    /// `on_prose` asked of that part alone would, for a part that starts and
    /// ends at an end of the text or just after a line break (a paragraph), as
    /// no mark runs across a line start. It may admit more: an anchor is
    /// checked against the text around it, which may run past the part.
    pub fn admits(&self, range: Range<usize>) -> bool {
        self.all || within(&self.spans, &range) || self.denied(range)
    }

    /// Whether a block of `range` (see [`block_around`]) holds a form that only
    /// a denial makes a finding of and a denial's cue. The forms are found in
    /// order, and the block around each searched for a cue once: a block with
    /// no such form is never read but by the anchors' search.
    fn denied(&self, range: Range<usize>) -> bool {
        let Some((anchors, lower)) = &self.weak_anchors else {
            return false;
        };
        let mut words = self.weak[self.weak.partition_point(|w| w.start < range.start)..]
            .iter()
            .take_while(|w| w.start < range.end)
            .filter(|w| w.end <= range.end)
            .peekable();
        let mut anchor: Option<Range<usize>> = None;
        let mut at = range.start;
        while at < range.end {
            while words.next_if(|w| w.start < at).is_some() {}
            if anchor.as_ref().is_none_or(|a| a.start < at) {
                anchor = anchors.find_within(lower, at..range.end);
            }
            // The next form; either lies on one line (a word folding changes
            // holds no ASCII space, an anchor only letters and digits), and
            // so whole in its block.
            let form = match (words.peek(), &anchor) {
                (Some(w), Some(a)) if a.start < w.start => a.start,
                (Some(w), _) => w.start,
                (None, Some(a)) => a.start,
                (None, None) => return false,
            };
            let b = block_around(self.text, &range, form);
            if self.cued(&b) {
                return true;
            }
            at = b.end;
        }
        false
    }

    /// Whether a denial's cue stands in the block `b`: a word that folds to
    /// one, or one as the text holds it.
    fn cued(&self, b: &Range<usize>) -> bool {
        within(&self.cues, b) || denials::has_cue(&self.text[b.clone()])
    }

    /// Where the last thing in `range` that may make a finding ends: a mark,
    /// or a form only a denial makes a finding of (with or without a cue
    /// beside it). Past it, the range holds nothing the first step looks for.
    /// `None` where every part is admitted (some claim has no anchor).
    pub fn reach(&self, range: Range<usize>) -> Option<usize> {
        if self.all {
            return None;
        }
        let ends_within = |spans: &[Range<usize>]| {
            let first = spans.partition_point(|s| s.start < range.start);
            spans[first..]
                .iter()
                .take_while(|s| s.start < range.end)
                .map(|s| s.end)
                .max()
        };
        let from = ends_within(&self.spans).unwrap_or(range.start);
        let mut reach = from;
        // A form only a denial makes a finding of reaches as far as its block
        // where a denial's cue is in it, and no further where none is.
        let denied = |form: usize| {
            let b = block_around(self.text, &range, form);
            (b.end, self.cued(&b))
        };
        // Each block is read once: a word in a block already read is passed.
        let mut read = from;
        let weak = self.weak.partition_point(|w| w.start < from);
        for w in self.weak[weak..].iter().take_while(|w| w.start < range.end) {
            if w.start >= read {
                let (end, cued) = denied(w.start);
                if cued {
                    reach = end;
                }
                read = end.max(w.end);
            }
        }
        if let Some((anchors, lower)) = &self.weak_anchors {
            let mut at = from;
            while let Some(a) = anchors.find_within(lower, at..range.end) {
                let (end, cued) = denied(a.start);
                if cued {
                    reach = end;
                }
                at = end.max(a.end);
            }
        }
        Some(reach)
    }

    /// Whether surely no part of the text is admitted (a form that needs a
    /// denial's cue leaves the answer to [`Marks::admits`]).
    pub fn is_empty(&self) -> bool {
        !self.all
            && self.spans.is_empty()
            && self.weak.is_empty()
            && self
                .weak_anchors
                .as_ref()
                .is_none_or(|(w, lower)| !w.is_match(lower))
    }
}

/// The block of `range` of `text` (a range that starts and ends at the start
/// of a line or the end of the text) that holds the byte `at`, on a line with
/// words: its run of lines between lines of nothing but whitespace, to the
/// start of the blank line after it or the range's end. Such a line ends a
/// paragraph and every unit in it (see [`crate::document::sentences`]), so the
/// words of one sentence lie in one block, and a denial needs its cue in the
/// block of the form it denies.
fn block_around(text: &str, range: &Range<usize>, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let blank = |line: Range<usize>| text[line].trim().is_empty();
    let line_start = |end: usize| {
        memchr::memrchr(b'\n', &bytes[range.start..end])
            .map_or(range.start, |p| range.start + p + 1)
    };
    let line_end = |start: usize| {
        memchr::memchr(b'\n', &bytes[start..range.end]).map_or(range.end, |p| start + p + 1)
    };
    let mut start = line_start(at);
    while start > range.start {
        let before = line_start(start - 1);
        if blank(before..start) {
            break;
        }
        start = before;
    }
    let mut end = line_end(at);
    while end < range.end {
        let next = line_end(end);
        if blank(end..next) {
            break;
        }
        end = next;
    }
    start..end
}

/// Whether one of `spans` (sorted by start) lies whole in `range`.
fn within(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let first = spans.partition_point(|s| s.start < range.start);
    spans[first..]
        .iter()
        .take_while(|s| s.start < range.end)
        .any(|s| s.end <= range.end)
}

impl Prefilter {
    /// The marks of the plain text `text` (its prose as it is), found in one
    /// pass of each search.
    pub fn marks<'t>(&'t self, text: &'t str) -> Marks<'t> {
        let Some(anchors) = &self.anchors else {
            return Marks {
                text,
                all: true,
                spans: Vec::new(),
                weak_anchors: None,
                weak: Vec::new(),
                cues: Vec::new(),
            };
        };
        let mut spans: Vec<Range<usize>> = line_joins(text).collect();
        let lower = ascii_lower(text);
        first_of_lines(text, |at| anchors.find(&lower, at), &mut spans);
        self.weekday_words(&lower, false, &mut spans);
        // The words folding changes, each folded once for all three lists.
        let (mut weak, mut cues) = (Vec::new(), Vec::new());
        let mut seen = Vec::new();
        for word in changed_words(text, &mut seen) {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            let folded = fold(word).text;
            if self.anchored_folded(anchors, &folded) {
                spans.push(start..start + word.len());
            }
            self.denial_words(&folded, start..start + word.len(), &mut weak, &mut cues);
        }
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        Marks {
            text,
            all: false,
            spans,
            weak_anchors: self.weak.as_ref().map(|w| (w, lower)),
            weak,
            cues,
        }
    }

    /// The marks of `text` (whose ASCII letters `lower` has in lowercase) that
    /// only the forms a denial makes a finding of and the cues of denials make:
    /// what [`Prefilter::on_prose`] asks once no other mark admits the text.
    pub(super) fn denial_marks<'t>(&'t self, text: &'t str, lower: Cow<'t, str>) -> Marks<'t> {
        let (mut weak, mut cues) = (Vec::new(), Vec::new());
        if self.weak.is_some() {
            let mut seen = Vec::new();
            for word in changed_words(text, &mut seen) {
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                let range = start..start + word.len();
                self.denial_words(&fold(word).text, range, &mut weak, &mut cues);
            }
        }
        Marks {
            text,
            all: false,
            spans: Vec::new(),
            weak_anchors: self.weak.as_ref().map(|w| (w, lower)),
            weak,
            cues,
        }
    }

    /// Pushes `word` (the range of a word folding changes, `folded` once
    /// folded) to `weak` where it holds a form only a denial makes a finding
    /// of, and to `cues` where a denial's cue: only where there are such forms.
    /// Words come in order, and so the lists stay sorted by start.
    fn denial_words(
        &self,
        folded: &str,
        word: Range<usize>,
        weak: &mut Vec<Range<usize>>,
        cues: &mut Vec<Range<usize>>,
    ) {
        let Some(forms) = &self.weak else {
            return;
        };
        if forms.occurs_in(folded) {
            weak.push(word.clone());
        }
        if denials::has_cue(folded) {
            cues.push(word);
        }
    }
}

/// Pushes to `out` the first match of each line of `text` that holds one, as
/// `find` from a line's start finds it. A paragraph holds whole lines, and no
/// match holds a line break: the first of a line is enough.
fn first_of_lines(
    text: &str,
    find: impl Fn(usize) -> Option<Range<usize>>,
    out: &mut Vec<Range<usize>>,
) {
    let mut at = 0;
    while let Some(m) = find(at) {
        let end = m.end;
        out.push(m);
        match text[end..].find('\n') {
            Some(p) => at = end + p + 1,
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Needs;
    use super::*;
    use crate::document::chunks::paragraph_parts;
    use proptest::prelude::*;

    /// A prefilter for term forms and, ending in a space as a term's form
    /// never does, trigger literals ("was born ").
    fn prefilter(parts: &[&str], weekdays: bool) -> Prefilter {
        let (literals, parts) = parts.iter().partition(|p| p.ends_with(' '));
        Prefilter::new(&Needs {
            parts,
            literals,
            weekdays,
            ..Needs::default()
        })
    }

    /// Whether the marks admit each paragraph where the first step asked of
    /// the paragraph alone does (they may admit more: a form read across a
    /// blank line), and surely nothing where it turns the whole text away.
    fn agrees(p: &Prefilter, text: &str) -> Result<(), String> {
        let marks = p.marks(text);
        for r in paragraph_parts(text, 1) {
            let alone = p.on_prose(&text[r.clone()], &text[r.clone()]);
            if alone && !marks.admits(r.clone()) {
                return Err(format!("{:?} alone {alone}", &text[r]));
            }
        }
        if marks.is_empty() && p.on_prose(text, text) {
            return Err(format!("{text:?} whole"));
        }
        Ok(())
    }

    /// The paragraphs of `text` that its marks admit, trimmed.
    fn admitted<'t>(p: &Prefilter, text: &'t str) -> Vec<&'t str> {
        let marks = p.marks(text);
        paragraph_parts(text, 1)
            .filter(|r| marks.admits(r.clone()))
            .map(|r| text[r].trim_end())
            .collect()
    }

    /// A prefilter for a rejected form and a form only a denial makes a
    /// finding of.
    fn with_denied_form() -> Prefilter {
        Prefilter::new(&Needs {
            parts: vec!["ice pick"],
            weak: vec!["ice axe"],
            ..Needs::default()
        })
    }

    #[test]
    fn a_paragraph_is_admitted_by_the_marks_in_it() {
        let p = prefilter(&["ice pick", "was born "], true);
        let text = "An ICE.\n\nHe was Born there.\n\nNothing here.\n\nOn Sunday.\n\nA pickaxe.\n\nAn ice pick.\n";
        assert_eq!(
            admitted(&p, text),
            ["He was Born there.", "On Sunday.", "An ice pick."]
        );
        assert!(agrees(&p, text).is_ok());
    }

    #[test]
    fn a_mark_must_lie_whole_in_the_part() {
        let p = prefilter(&["ice pick"], false);
        let text = "an ice pick";
        let marks = p.marks(text);
        assert!(marks.admits(0..11));
        assert!(marks.admits(7..11));
        assert!(!marks.admits(0..10));
        assert!(!marks.admits(8..11));
        assert!(!marks.is_empty());
        assert!(p.marks("nothing at all").is_empty());
    }

    #[test]
    fn line_joins_run_from_the_dash_to_the_line_break() {
        let text = "the ice pi-\nck and pi\u{2013} \nck, not\n- this";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            line_joins(text).collect::<Vec<_>>(),
            vec![
                at("-\nck")..at("-\nck") + 2,
                at("\u{2013}")..at(" \nck,") + 2
            ]
        );
        // A dash on the last line joins nothing, nor does a rule of dashes.
        assert_eq!(line_joins("a-").next(), None);
        assert_eq!(
            line_joins("--- Copy 2 of a page ---\n\nQuiet.").next(),
            None
        );
    }

    #[test]
    fn words_that_fold_to_anchors_and_joins_are_marks() {
        let p = prefilter(&["ice pick"], true);
        for text in [
            "A rope.\n\nAn íce píck.\n\nA rópe.\n",
            "Quiet.\n\nThe ice pi-\nck.\n\nQuiet.\n",
            "Quiet.\n\nThe ice pi\u{ad}ck.\n\nQuiet.\n",
            "It\u{2019}s quiet.\n\nSUNDAY.\n\nSunlight.\n",
            "Frida painted.\n\nOn Sat. 3 May 1913.\n\nSatire.\n",
        ] {
            assert_eq!(admitted(&p, text).len(), 1, "{text:?}");
            assert!(agrees(&p, text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn a_denied_form_admits_only_a_paragraph_that_holds_it_and_a_cue() {
        let p = with_denied_form();
        let text = "It was not here.\n\nAn Ice Axe.\n\nIt was not an ice axe.\n\nNo.\n";
        assert_eq!(admitted(&p, text), ["It was not an ice axe."]);
        assert!(!p.marks(text).is_empty());
        assert!(agrees(&p, text).is_ok());
        // A cue without the form, and the form without a cue.
        assert!(p.marks("It was not here, no.").is_empty());
        assert!(!p.marks("An ice axe.").admits(0..11));
    }

    #[test]
    fn without_anchors_every_part_is_admitted() {
        let p = Prefilter::new(&Needs {
            parts: vec!["x"],
            ages: true,
            ..Needs::default()
        });
        let marks = p.marks("Nothing.");
        assert!(marks.admits(0..0));
        assert!(!marks.is_empty());
    }

    proptest! {
        /// The marks admit a paragraph exactly where the first step asked of it
        /// alone does.
        #[test]
        fn marks_agree_with_the_first_step(
            s in "(Sun|SUNDAY|day|T\u{fa}e|wed|ice|pick|PICK|\u{ed}ce|p\u{ed}ck|pi\u{ad}ck|factlint|\u{2019}|\u{2013}|-|\\.|[A-Z]| |\t|\n|\n\n|\u{a0}|a|\u{e9}|\u{301}){0,40}"
        ) {
            let p = prefilter(&["ice pick", "factlint"], true);
            prop_assert!(agrees(&p, &s).is_ok(), "{:?}", agrees(&p, &s));
            let p = prefilter(&["ice pick"], false);
            prop_assert!(agrees(&p, &s).is_ok(), "{:?}", agrees(&p, &s));
        }

        /// So do they where a form admits a paragraph only beside a denial's cue.
        #[test]
        fn marks_agree_with_the_first_step_on_denials(
            s in "(ice|axe|pick|AXE|\u{ed}ce|not|n\u{f3}t|no|NOT|n't|n\u{2019}t|wasn|rather|doubt|an|a|\\.|,| |\t|\n|\n\n|\u{a0}|\u{ad}|\u{e9}|-|2){0,40}"
        ) {
            let p = with_denied_form();
            prop_assert!(agrees(&p, &s).is_ok(), "{:?}", agrees(&p, &s));
        }

        /// The blocks around the denied forms admit what every block of a part,
        /// each searched for the forms and a cue, admits.
        #[test]
        fn the_blocks_around_denied_forms_admit_what_every_block_does(
            s in "(ice|axe|AXE|\u{ed}ce|not|n\u{f3}t|no|NOT|n't|n\u{2019}t|rather|an|a|\\.|,| |\t|\n|\n\n|\n \n|\n\u{a0}\n|\u{e9}|-){0,50}"
        ) {
            let p = with_denied_form();
            let marks = p.marks(&s);
            for r in paragraph_parts(&s, 1).chain(std::iter::once(0..s.len())) {
                prop_assert_eq!(marks.admits(r.clone()), admits_by_every_block(&marks, r.clone()), "{:?}", &s[r]);
            }
        }
    }

    /// The blocks of `range` of `text` (a range that starts and ends at the start
    /// of a line or the end of the text): its runs of lines between lines of
    /// nothing but whitespace. Such a line ends a paragraph and every unit in it
    /// (see [`crate::document::sentences`]), so the words of one sentence lie in
    /// one block, and a denial needs its cue in the sentence of the form it
    /// denies.
    fn blocks(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        let end = range.end;
        let mut at = range.start;
        std::iter::from_fn(move || {
            let mut start = None;
            while at < end {
                let line = at;
                at = memchr::memchr(b'\n', &text.as_bytes()[at..end]).map_or(end, |p| at + p + 1);
                if !text[line..at].trim().is_empty() {
                    start.get_or_insert(line);
                } else if let Some(start) = start {
                    return Some(start..line);
                }
            }
            start.map(|start| start..end)
        })
    }

    /// [`Marks::admits`] as every block of the part, searched for a denied form
    /// and a cue, tells it.
    fn admits_by_every_block(m: &Marks<'_>, range: Range<usize>) -> bool {
        let denied_in = |b: Range<usize>| {
            (within(&m.weak, &b)
                || m.weak_anchors
                    .as_ref()
                    .is_some_and(|(w, lower)| w.find_within(lower, b.clone()).is_some()))
                && (within(&m.cues, &b) || denials::has_cue(&m.text[b]))
        };
        m.all || within(&m.spans, &range) || blocks(m.text, range).any(denied_in)
    }
}

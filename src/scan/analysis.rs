//! The analysis of one sentence, built once and only for sentences that a
//! claim's terms or triggers hit, and read by every checker.
//!
//! It holds the sentence's folded text and its place in the document, its tokens
//! (with the writer's capitalisation), its dates and numbers, its clauses (cut
//! once, values never cut) and the actor of each clause; the subject of each
//! clause is worked out from these per subject, when a checker asks.

use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use super::clauses::Clauses;
use super::subject::LazyFacts;
use super::subject::actors::{Actor, ActorReader};
use super::tokens::{Token, TokenKind, tokenize};
use crate::document::Document;
use crate::extract::anniversary::Distance;
use crate::extract::date::DateMention;
use crate::extract::number::{NumberMention, TimeMention, extract_numbers_beside};
use crate::span::reach::Reach;
use crate::span::{FoldedSpan, LocalSpan, ProseSpan, SentenceFrame, Span, folded_to_prose};

/// One analysed sentence. Its tokens and dates are read at once; its times,
/// numbers, clauses, actors and distances when a checker first asks, so a
/// sentence whose hits need none of them (a term of a claim about no subject and
/// with no context) costs no more than its tokens.
pub struct Analysis<'a> {
    /// Index of the sentence in the document.
    pub index: usize,
    pub doc: &'a Document,
    /// Where its folded text starts.
    pub frame: SentenceFrame,
    /// Its folded text.
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Its dates, relative ones resolved against the paragraph.
    pub dates: Vec<DateMention>,
    /// Spans (terms, triggers) that clauses must not cut, besides values.
    protected: Vec<LocalSpan>,
    /// The document's facts, for the actors (their proper nouns).
    facts: Rc<LazyFacts>,
    times: OnceCell<Vec<TimeMention>>,
    numbers: OnceCell<Vec<NumberMention>>,
    numbers_by_start: OnceCell<Vec<usize>>,
    clauses: OnceCell<Clauses>,
    actors: OnceCell<Vec<Actor>>,
    distances: OnceCell<Vec<Distance>>,
    /// Whether a word of the sentence names a repetition or a copy.
    repetition: OnceCell<bool>,
    /// The namings of each subject asked about (by the subject's address), found
    /// once per sentence however many statements ask whom a clause is about.
    pub(super) mentions:
        std::cell::RefCell<Vec<(usize, std::rc::Rc<[crate::scan::subject::Mention]>)>>,
    /// Each subject's whole-word matches in the text (any capitalisation), in
    /// order, found once per sentence however many numbers ask.
    subject_matches: OnceCell<Vec<Vec<Range<usize>>>>,
    /// Whom each clause is about, by clause, as asked ([`Analysis::who_with`]):
    /// a few answers a clause, one for each subject and reading asked.
    pub(super) whos: std::cell::RefCell<Vec<Vec<(super::who::WhoKey, crate::scan::subject::Who)>>>,
}

impl<'a> Analysis<'a> {
    /// Analyses sentence `index`, whose folded range is `folded`; `protected` are
    /// local spans (terms, triggers) that clauses must not cut, besides values.
    pub fn new(
        doc: &'a Document,
        index: usize,
        folded: FoldedSpan,
        mut dates: Vec<DateMention>,
        protected: &[LocalSpan],
        facts: Rc<LazyFacts>,
    ) -> Analysis<'a> {
        let frame = SentenceFrame {
            start: folded.start,
        };
        let text = &doc.folded.text[folded.range()];
        let mut a = Analysis {
            index,
            doc,
            frame,
            text,
            tokens: Vec::new(),
            dates: Vec::new(),
            protected: protected.to_vec(),
            facts,
            times: OnceCell::new(),
            numbers: OnceCell::new(),
            numbers_by_start: OnceCell::new(),
            clauses: OnceCell::new(),
            actors: OnceCell::new(),
            distances: OnceCell::new(),
            repetition: OnceCell::new(),
            mentions: Default::default(),
            subject_matches: OnceCell::new(),
            whos: Default::default(),
        };
        dates.retain(|d| !a.in_address(&d.span));
        a.dates = dates;
        a.tokens = tokenize(text, |s| {
            // The word's prose starts where its first folded byte came from:
            // one lookup tells most words (lowercase) from the rest, which
            // are asked of their whole prose span.
            let folded = frame.to_folded(s);
            doc.text[doc.folded.orig_pos(folded.start)..].starts_with(char::is_uppercase)
                && doc.text[folded_to_prose(&doc.folded, folded).range()]
                    .starts_with(char::is_uppercase)
        });
        a
    }

    /// Whether a local range lies in an address: no date or number of one is
    /// read.
    fn in_address(&self, r: &Range<usize>) -> bool {
        !self.doc.addresses.is_empty()
            && self.doc.in_address(
                &folded_to_prose(
                    &self.doc.folded,
                    self.frame.to_folded(Span::from(r.clone())),
                )
                .range(),
            )
    }

    /// The times of day of the sentence, read once for the numbers, the clauses
    /// and the checkers.
    pub fn times(&self) -> &[TimeMention] {
        self.times
            .get_or_init(|| crate::extract::number::extract_times(self.text))
    }

    /// The numbers of the sentence, outside addresses, times of day not read as
    /// numbers.
    /// The indices of the numbers (as [`Self::numbers`] lists them) that start
    /// at or after `at`, in order of their starts.
    pub fn numbers_from(&self, at: usize) -> &[usize] {
        let order = self.numbers_by_start.get_or_init(|| {
            let numbers = self.numbers();
            let mut order: Vec<usize> = (0..numbers.len()).collect();
            order.sort_by_key(|&i| (numbers[i].span.start, i));
            order
        });
        let numbers = self.numbers();
        &order[order.partition_point(|&i| numbers[i].span.start < at)..]
    }

    pub fn numbers(&self) -> &[NumberMention] {
        self.numbers.get_or_init(|| {
            let mut nums = extract_numbers_beside(self.text, self.times());
            nums.retain(|n| !self.in_address(&n.span));
            nums
        })
    }

    /// The clauses of the sentence, cut once; no date, number, time, term or
    /// trigger is cut.
    pub fn clauses(&self) -> &Clauses {
        self.clauses.get_or_init(|| {
            let mut values: Vec<LocalSpan> =
                self.dates.iter().map(|d| d.span.clone().into()).collect();
            values.extend(self.numbers().iter().map(|n| Span::from(n.span.clone())));
            values.extend(self.protected.iter().copied());
            values.extend(self.times().iter().map(|t| Span::from(t.span.clone())));
            Clauses::cut(self.text, &self.tokens, &values)
        })
    }

    /// The actor of each clause.
    pub fn actors(&self) -> &[Actor] {
        self.actors.get_or_init(|| {
            let mut times: Vec<LocalSpan> = self
                .dates
                .iter()
                .map(|d| Span::from(d.span.clone()))
                .collect();
            times.extend(self.times().iter().map(|t| Span::from(t.span.clone())));
            ActorReader {
                text: self.text,
                tokens: &self.tokens,
                clauses: self.clauses(),
                proper: &self.facts.get(self.doc).proper,
                values: &Reach::new(times.into_iter()),
            }
            .read()
        })
    }

    /// Whether a word of the sentence names a repetition or a copy ("replica",
    /// "re-enactment"): only then may a clause's actor be one.
    pub fn names_repetition(&self) -> bool {
        *self.repetition.get_or_init(|| {
            self.tokens.iter().any(|t| {
                t.kind == TokenKind::Word
                    && crate::lexicon::is(crate::lexicon::REPETITION_NOUNS, t.text(self.text))
            })
        })
    }

    /// Distances from an event ("100 years since her death", "36 hours after
    /// the explosion"): their dates and numbers are not the event's own.
    pub fn distances(&self) -> &[Distance] {
        self.distances
            .get_or_init(|| crate::extract::anniversary::extract_distances(self.text))
    }

    /// Whether one of `subjects` names the subject (by any whole-word match, as
    /// [`SubjectMatcher::mentions`](crate::scan::subject::SubjectMatcher::mentions))
    /// over all of local range `r`. `subjects` must be the same on every call.
    pub fn in_subject_match(
        &self,
        subjects: &[crate::scan::subject::SubjectMatcher],
        r: Range<usize>,
    ) -> bool {
        let all = self.subject_matches.get_or_init(|| {
            subjects
                .iter()
                .map(|m| m.mentions(self.text).into_iter().map(|(s, _)| s).collect())
                .collect()
        });
        // The matches of one subject are in order and apart: only the last that
        // starts at or before `r` may hold it.
        all.iter().any(|spans| {
            let k = spans.partition_point(|s| s.start <= r.start);
            k > 0 && r.end <= spans[k - 1].end
        })
    }

    /// The prose span of a local one.
    pub fn prose(&self, s: LocalSpan) -> ProseSpan {
        folded_to_prose(&self.doc.folded, self.frame.to_folded(s))
    }

    /// The prose span of the whole sentence.
    pub fn sentence_prose(&self) -> Range<usize> {
        self.doc.sentences[self.index].range.clone()
    }
}

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
use crate::extract::date::{DateMention, extract_dates};
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

/// The dates of sentences, relative ones resolved, each computed once, in order:
/// a sentence's relative dates count from the last date before them in its
/// paragraph, and a day written without a year ("On April 26th") takes the year
/// of the last date before it in the document in the same month where its
/// paragraph has none (a page about 26 April 1986 dates its "April 26th"); where
/// another year was written since, the day may be of that year too.
/// Bare lists of dates ("in 1903, 1904 or 1905") are one statement, and an
/// ambiguous numeric date ("4.7.1934") takes the order the page writes others in.
#[derive(Default)]
pub struct DatesCache {
    by_sentence: Vec<Vec<DateMention>>,
    /// The last date of the current paragraph, and of each month in the document.
    in_paragraph: Option<DateMention>,
    by_month: [Option<DateMention>; 12],
    /// The year of the last date in the document.
    year: Option<i32>,
    /// The order of the page's numeric dates, once read.
    order: Option<Option<crate::extract::date::NumericOrder>>,
}

impl DatesCache {
    pub fn get(&mut self, doc: &Document, ranges: &[Range<usize>], si: usize) -> &[DateMention] {
        let order = *self
            .order
            .get_or_insert_with(|| crate::extract::date::numeric_order(&doc.folded.text));
        while self.by_sentence.len() <= si {
            let k = self.by_sentence.len();
            if k == 0 || doc.sentences[k - 1].paragraph != doc.sentences[k].paragraph {
                self.in_paragraph = None;
            }
            let text = &doc.folded.text[ranges[k].clone()];
            let months = Months {
                by_month: &self.by_month,
                year: self.year,
            };
            let mut dates = sentence_dates(text, self.in_paragraph.clone(), months);
            if let Some(order) = order {
                crate::extract::date::prefer_numeric_order(text, &mut dates, order);
            }
            let dates = crate::extract::date::group_lists(text, &dates);
            if let Some(d) = last_anchor(&dates) {
                self.in_paragraph = Some(d.clone());
                self.year = Some(d.value.year);
            }
            for d in &dates {
                if let Some(m) = d.value.month
                    && d.shape == crate::extract::date::Shape::Point
                {
                    self.by_month[(m - 1) as usize % 12] = Some(d.clone());
                }
            }
            self.by_sentence.push(dates);
        }
        &self.by_sentence[si]
    }
}

/// The last date of a sentence that later relative dates count from.
pub fn last_anchor(dates: &[DateMention]) -> Option<&DateMention> {
    use crate::extract::date::Shape;
    dates
        .iter()
        .rev()
        .find(|d| matches!(d.shape, Shape::Point | Shape::Period))
}

/// The last date of each month in the document, and the year of its last date.
#[derive(Clone, Copy)]
struct Months<'a> {
    by_month: &'a [Option<DateMention>; 12],
    year: Option<i32>,
}

impl Months<'_> {
    /// A day of a month without a year, in a paragraph with no date before it:
    /// in the year of the document's last date of that month, or in the year of
    /// its last date where another year was written since (either reading).
    fn resolve(&self, p: &crate::extract::relative::Partial) -> Option<DateMention> {
        use crate::extract::relative::resolve_partial;
        let anchor = self.by_month[(p.month.max(1) - 1) as usize % 12].as_ref()?;
        let mut d = resolve_partial(p, anchor)?;
        if let Some(year) = self.year.filter(|&y| y != anchor.value.year) {
            let mut later = anchor.clone();
            later.value.year = year;
            if let Some(other) = resolve_partial(p, &later) {
                d.readings.extend(other.readings);
            }
        }
        Some(d)
    }
}

/// The dates of one folded sentence: absolute ones, days without a year and
/// relative phrases, the last two resolved against the date before them.
fn sentence_dates(
    text: &str,
    mut anchor: Option<DateMention>,
    months: Months<'_>,
) -> Vec<DateMention> {
    use crate::extract::relative::{
        extract_partial, extract_relative, resolve_partial, resolve_relative,
    };
    let full = extract_dates(text);
    let partial = extract_partial(text, &full);
    let relative: Vec<_> = extract_relative(text)
        .into_iter()
        .filter(|r| {
            !full
                .iter()
                .any(|d| d.span.start < r.span.end && r.span.start < d.span.end)
        })
        .collect();
    if partial.is_empty() && relative.is_empty() {
        return full;
    }
    enum Item<'a> {
        Full(&'a DateMention),
        Partial(&'a crate::extract::relative::Partial),
        Relative(&'a crate::extract::relative::Relative),
    }
    let mut items: Vec<(usize, Item<'_>)> =
        full.iter().map(|d| (d.span.start, Item::Full(d))).collect();
    items.extend(partial.iter().map(|p| (p.span.start, Item::Partial(p))));
    items.extend(relative.iter().map(|r| (r.span.start, Item::Relative(r))));
    items.sort_by_key(|(at, _)| *at);
    let mut out = Vec::with_capacity(items.len());
    for (_, item) in items {
        let resolved = match item {
            Item::Full(d) => Some(d.clone()),
            Item::Partial(p) => match &anchor {
                Some(a) => resolve_partial(p, a),
                None => months.resolve(p),
            },
            Item::Relative(r) => anchor.as_ref().and_then(|a| resolve_relative(r, a)),
        };
        if let Some(d) = resolved {
            if last_anchor(std::slice::from_ref(&d)).is_some() {
                anchor = Some(d.clone());
            }
            out.push(d);
        }
    }
    out
}

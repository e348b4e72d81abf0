//! The dates of a document's sentences, relative ones resolved: each
//! sentence read once, and those before it only where its dates count from
//! them.

use std::ops::Range;

use crate::document::Document;
use crate::extract::date::{DateMention, extract_dates};

/// The dates of sentences, relative ones resolved, each computed once: a
/// sentence's relative dates count from the last date before them in its
/// paragraph, and a day written without a year ("On April 26th") takes the year
/// of the last date before it in the document in the same month where its
/// paragraph has none (a page about 26 April 1986 dates its "April 26th"); where
/// another year was written since, the day may be of that year too.
/// Bare lists of dates ("in 1903, 1904 or 1905") are one statement, and an
/// ambiguous numeric date ("4.7.1934") takes the order the page writes others in.
///
/// A sentence with neither a relative date nor a day without a year has the
/// dates it holds whatever comes before it: it is read alone, and the sentences
/// before it only once a later sentence needs the dates before it.
#[derive(Default)]
pub struct DatesCache {
    /// The dates of each sentence read: in order before `ordered`, and past it
    /// those of sentences read alone.
    by_sentence: Vec<Option<Vec<DateMention>>>,
    /// How many sentences, from the first, have been read in order.
    ordered: usize,
    /// The last date of the current paragraph, and of each month in the document.
    in_paragraph: Option<DateMention>,
    by_month: [Option<DateMention>; 12],
    /// The year of the last date in the document.
    year: Option<i32>,
    /// The order of the page's numeric dates, once read.
    order: Option<Option<crate::extract::date::NumericOrder>>,
    /// Where the last paragraph read on its own stands: its first sentence,
    /// the sentence after the last read, and the last date before that.
    in_own_paragraph: Option<(usize, usize, Option<DateMention>)>,
}

impl DatesCache {
    /// The dates of sentence `si` of `doc` (`ranges`: its sentences' folded
    /// ranges), as reading the document's sentences in order gives them.
    pub fn get(&mut self, doc: &Document, ranges: &[Range<usize>], si: usize) -> &[DateMention] {
        let order = *self
            .order
            .get_or_insert_with(|| crate::extract::date::numeric_order(&doc.folded.text));
        if self.by_sentence.len() <= si {
            self.by_sentence.resize_with(si + 1, || None);
        }
        if self.by_sentence[si].is_none() {
            let text = &doc.folded.text[ranges[si].clone()];
            let found = SentenceDates::of(text);
            if found.stand_alone() {
                self.by_sentence[si] = Some(finish(text, found.full, order));
            } else if !self.read_paragraph(doc, ranges, si, &found, order) {
                self.read_in_order(doc, ranges, si, order);
                self.read(doc, ranges, si, Some(found), order);
            }
        }
        self.by_sentence[si].as_deref().expect("read above")
    }

    /// Reads sentence `si` (holding `found`) and those before it in its
    /// paragraph, counting from no date before the paragraph: they have the
    /// dates reading in order gives them where none of them holds a day
    /// without a year before any date of the paragraph (whose year is the
    /// document's). Whether it read them all: not where one does (those
    /// before it are kept), nor where the reading in order has reached the
    /// paragraph already.
    fn read_paragraph(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        si: usize,
        found: &SentenceDates,
        order: Option<crate::extract::date::NumericOrder>,
    ) -> bool {
        let paragraph = doc.sentences[si].paragraph;
        // Go on from where the paragraph was left: each of its sentences is
        // read once, however many of them ask.
        let left = self
            .in_own_paragraph
            .take()
            .filter(|(first, next, _)| doc.sentences[*first].paragraph == paragraph && *next <= si);
        let (first, from, mut anchor) = match left {
            Some((first, next, anchor)) => (first, next, anchor),
            None => {
                let mut first = si;
                while first > 0 && doc.sentences[first - 1].paragraph == paragraph {
                    first -= 1;
                }
                (first, first, None)
            }
        };
        if first < self.ordered {
            return false;
        }
        let mut read: Vec<(usize, Vec<DateMention>)> = Vec::new();
        let mut complete = true;
        for (k, range) in ranges.iter().enumerate().take(si + 1).skip(from) {
            let dates = match &self.by_sentence[k] {
                Some(dates) => dates,
                None => {
                    let text = &doc.folded.text[range.clone()];
                    let resolved = if k == si {
                        found.resolve(anchor.clone(), None)
                    } else {
                        SentenceDates::of(text).resolve(anchor.clone(), None)
                    };
                    let Some(resolved) = resolved else {
                        complete = false;
                        break;
                    };
                    read.push((k, finish(text, resolved, order)));
                    &read[read.len() - 1].1
                }
            };
            if let Some(d) = last_anchor(dates) {
                anchor = Some(d.clone());
            }
        }
        // The sentences read before one that needs the document have their
        // dates too: the reading in order takes them as they are.
        for (k, dates) in read {
            self.by_sentence[k] = Some(dates);
        }
        if complete {
            self.in_own_paragraph = Some((first, si + 1, anchor));
        }
        complete
    }

    /// Reads the sentences before `si` that are not read in order yet.
    fn read_in_order(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        si: usize,
        order: Option<crate::extract::date::NumericOrder>,
    ) {
        while self.ordered < si {
            self.read(doc, ranges, self.ordered, None, order);
        }
    }

    /// Reads sentence `k`, the next in order (`found`: what it holds, where
    /// already read), keeping what later sentences count from.
    fn read(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        k: usize,
        found: Option<SentenceDates>,
        order: Option<crate::extract::date::NumericOrder>,
    ) {
        if k == 0 || doc.sentences[k - 1].paragraph != doc.sentences[k].paragraph {
            self.in_paragraph = None;
        }
        // A sentence read alone has the dates it would have in order.
        let dates = match self.by_sentence[k].take() {
            Some(dates) => dates,
            None => {
                let text = &doc.folded.text[ranges[k].clone()];
                let months = Months {
                    by_month: &self.by_month,
                    year: self.year,
                };
                let found = found.unwrap_or_else(|| SentenceDates::of(text));
                let resolved = found
                    .resolve(self.in_paragraph.clone(), Some(months))
                    .expect("the document's months at hand");
                finish(text, resolved, order)
            }
        };
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
        self.by_sentence[k] = Some(dates);
        self.ordered = k + 1;
    }
}

/// The dates of a sentence once read: ambiguous numeric dates in the page's
/// order, and bare lists of dates grouped.
fn finish(
    text: &str,
    mut dates: Vec<DateMention>,
    order: Option<crate::extract::date::NumericOrder>,
) -> Vec<DateMention> {
    if let Some(order) = order {
        crate::extract::date::prefer_numeric_order(text, &mut dates, order);
    }
    crate::extract::date::group_lists(text, &dates)
}

/// The last date of a sentence that later relative dates count from.
fn last_anchor(dates: &[DateMention]) -> Option<&DateMention> {
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

/// What one folded sentence holds: absolute dates, days without a year and
/// relative phrases, the last two still to be resolved against the date
/// before them.
struct SentenceDates {
    full: Vec<DateMention>,
    partial: Vec<crate::extract::relative::Partial>,
    relative: Vec<crate::extract::relative::Relative>,
}

impl SentenceDates {
    fn of(text: &str) -> SentenceDates {
        use crate::extract::relative::{extract_partial, extract_relative};
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
        SentenceDates {
            full,
            partial,
            relative,
        }
    }

    /// Whether the sentence's dates are its absolute ones, whatever comes
    /// before it.
    fn stand_alone(&self) -> bool {
        self.partial.is_empty() && self.relative.is_empty()
    }

    /// The dates of the sentence, days without a year and relative phrases
    /// resolved against `anchor` (the last date before them in the paragraph)
    /// or the document's `months`; `None` where a day without a year has no
    /// date before it in the paragraph and `months` are not at hand.
    fn resolve(
        &self,
        mut anchor: Option<DateMention>,
        months: Option<Months<'_>>,
    ) -> Option<Vec<DateMention>> {
        use crate::extract::relative::{resolve_partial, resolve_relative};
        let SentenceDates {
            full,
            partial,
            relative,
        } = self;
        if self.stand_alone() {
            return Some(full.clone());
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
                    None => months?.resolve(p),
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
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document and its sentences' folded ranges.
    fn doc(text: &str) -> (Document, Vec<Range<usize>>) {
        let doc = Document::new("t.txt", text.to_string());
        let ranges = doc
            .sentences
            .iter()
            .map(|s| doc.folded.folded_range(s.range.clone()))
            .collect();
        (doc, ranges)
    }

    /// A date as its sentence writes it, with its value and its shape.
    type Read = (String, String, String);

    /// The dates of each sentence as `order` asks for them of one cache.
    fn read(text: &str, order: &[usize]) -> Vec<(usize, Vec<Read>)> {
        let (doc, ranges) = doc(text);
        let mut cache = DatesCache::default();
        order
            .iter()
            .map(|&si| {
                let dates = cache
                    .get(&doc, &ranges, si)
                    .iter()
                    .map(|d| {
                        (
                            doc.folded.text[ranges[si].clone()][d.span.clone()].to_string(),
                            format!("{:?}", d.value),
                            format!("{:?}", d.shape),
                        )
                    })
                    .collect();
                (si, dates)
            })
            .collect()
    }

    /// Asked in any order, each sentence has the dates that reading the
    /// document in order gives it: a relative date counts from the last date
    /// before it in its paragraph, and a day without a year takes the year of
    /// the last date of its month before it, however late the sentences before
    /// them are read.
    #[test]
    fn a_sentence_has_its_dates_in_whatever_order_they_are_asked_for() {
        let text = "The bridge opened on 3 May 1931.\n\n\
                    Work began in 1929. Two years later the deck was laid. \
                    The towers rose in 1930.\n\n\
                    On May 3rd the first car crossed. It closed in 1990. \
                    Two years later it was sold.\n\n\
                    In 1995 it reopened. On June 5th a fair was held there. \
                    A week later it closed again.";
        let n = doc(text).0.sentences.len();
        assert_eq!(n, 10, "{:?}", doc(text).0.sentences);
        let in_order: Vec<usize> = (0..n).collect();
        let expected = read(text, &in_order);
        // "two years later" counts from 1929; "May 3rd" is of 1931 (its
        // paragraph has no date before it, and the document's last of May is
        // of 1931), "two years later" in
        // its last sentence from 1990.
        assert_eq!(expected[2].1[0].0, "two years later");
        assert!(expected[2].1[0].1.contains("1931"), "{:?}", expected[2]);
        assert_eq!(expected[4].1[0].0, "may 3rd");
        assert!(expected[4].1[0].1.contains("1931"), "{:?}", expected[4]);
        assert!(expected[6].1[0].1.contains("1992"), "{:?}", expected[6]);
        // In the last paragraph both count from its own dates: "june 5th" of
        // 1995, "a week later" from it.
        assert!(expected[8].1[0].1.contains("1995"), "{:?}", expected[8]);
        assert!(
            expected[9].1[0].1.contains("day: Some(12)"),
            "{:?}",
            expected[9]
        );
        for order in [
            vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
            vec![3, 5, 9, 2, 6, 0, 1, 8, 4, 7],
            vec![1, 3, 8, 4, 0, 2, 6, 5, 9, 7],
            vec![4, 2, 9, 6, 1, 0, 3, 5, 7, 8],
        ] {
            let mut got = read(text, &order);
            got.sort_by_key(|(si, _)| *si);
            assert_eq!(got, expected, "{order:?}");
        }
    }
}

//! Scanning: a document and the compiled claims to the assertions it makes.
//!
//! One pass of the term automaton over the whole folded text, then, sentence by
//! sentence, one test of the trigger set; dates and numbers are extracted only in
//! sentences where a trigger fired, and paired with the trigger of their clause.

pub mod assertion;
pub mod clauses;
pub mod matcher;
pub mod scope;

use crate::lexicon;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::claims::{ClaimKind, ClaimSet};
use crate::document::Document;
use crate::extract::date::{DateMention, extract_dates};
use crate::extract::number::{NumberMention, extract_numbers, singular};
pub use matcher::{Matcher, TermRole, TriggerHit};

/// What the document says about a claim at one place.
#[derive(Debug, Clone, PartialEq)]
pub enum Observed {
    /// A form of a term claim (its value, an accepted or a rejected form).
    Term(TermRole),
    /// A date paired with a date claim's trigger.
    Date(DateMention),
    /// A number paired with a number claim's trigger.
    Number(NumberMention),
    /// The subject's age at a date (`aged 26` in 1905), checked against the birth date.
    Age {
        years: f64,
        /// "turned 38": the birthday falls on the date.
        birthday: bool,
        on: DateMention,
    },
}

pub use assertion::AssertionMode;

/// One statement of a document about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Assertion {
    /// Index of the claim in the claim set.
    pub claim: usize,
    /// Byte span of the value in the original text.
    pub span: Range<usize>,
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub observed: Observed,
    pub mode: AssertionMode,
    /// The word that made the mode ("reportedly", "not").
    pub cue: Option<String>,
}

/// Words that state an age: only sentences holding one are searched for ages.
static AGE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:aged?|ages of|years? old|then (?:aged )?(?:\d|twenty|thirty|forty|fifty|sixty|seventy|eighty)|turned|turning)\b")
        .expect("valid regex")
});

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a stated age is the subject's: "Trotsky, then 23," names its owner just
/// before it; otherwise no other name may act right before it.
fn age_is_subjects(
    doc: &Document,
    sentence: Range<usize>,
    age: Range<usize>,
    n: &NumberMention,
    matcher: &Matcher,
) -> bool {
    let Some(sm) = matcher.subject() else {
        return true;
    };
    if n.appositive {
        let before = doc.text[sentence.start..age.start].trim_end();
        let before = before.rsplit_once(',').map_or("", |(b, _)| b);
        let owner = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let owner = crate::extract::normalize::fold_pattern(owner);
        return sm.is_subject(&owner) || sm.is_pronoun(&owner);
    }
    !scope::event_of_other(doc, sentence, age, sm)
}

/// The date a stated age refers to: a date of its own clause, else the date of an
/// event named in the sentence (the claim whose trigger fired there), else the last
/// date before it in the paragraph.
fn age_date(
    text: &str,
    n: &NumberMention,
    dates: &[DateMention],
    date_triggers: &[&TriggerHit],
    claims: &ClaimSet,
    anchor: Option<&DateMention>,
) -> Option<DateMention> {
    use crate::extract::date::Shape;
    let usable: Vec<&DateMention> = dates.iter().filter(|d| d.shape != Shape::Open).collect();
    let spans: Vec<Range<usize>> = usable.iter().map(|d| d.span.clone()).collect();
    if let Some(&i) = clauses::pair(text, std::slice::from_ref(&n.span), &spans)[0].first() {
        return Some(usable[i].clone());
    }
    // Else the nearest date of the sentence ("In December 1905, aged 25, he …").
    if let Some(d) = usable.iter().min_by_key(|d| {
        if d.span.end <= n.span.start {
            n.span.start - d.span.end
        } else {
            d.span.start.saturating_sub(n.span.end)
        }
    }) {
        return Some((*d).clone());
    }
    let nearest = date_triggers.iter().min_by_key(|t| {
        if t.range.end <= n.span.start {
            n.span.start - t.range.end
        } else {
            t.range.start.saturating_sub(n.span.end)
        }
    });
    if let Some(t) = nearest
        && let crate::claims::Expected::Date { value, .. } = &claims.claims[t.claim].expected
    {
        return Some(DateMention {
            span: t.range.clone(),
            value: *value,
            readings: claims.claims[t.claim].expected.date_intervals(),
            shape: Shape::Point,
            weekday: None,
        });
    }
    anchor.cloned()
}

/// The dates of sentences, relative ones resolved, computed only where needed and
/// at most once: a sentence's relative dates are anchored on the last date before
/// them in its paragraph.
#[derive(Default)]
struct DatesCache {
    by_sentence: std::collections::HashMap<usize, Vec<DateMention>>,
}

impl DatesCache {
    fn get(&mut self, doc: &Document, ranges: &[Range<usize>], si: usize) -> &[DateMention] {
        let paragraph = doc.sentences[si].paragraph;
        // The first sentence of the paragraph not yet computed, up to `si`.
        let mut first = si;
        while first > 0
            && doc.sentences[first - 1].paragraph == paragraph
            && !self.by_sentence.contains_key(&(first - 1))
        {
            first -= 1;
        }
        for (k, range) in ranges.iter().enumerate().take(si + 1).skip(first) {
            if self.by_sentence.contains_key(&k) {
                continue;
            }
            let anchor = (k > 0 && doc.sentences[k - 1].paragraph == paragraph)
                .then(|| self.by_sentence.get(&(k - 1)).and_then(|d| last_anchor(d)))
                .flatten()
                .cloned();
            let dates = sentence_dates(&doc.folded.text[range.clone()], anchor);
            self.by_sentence.insert(k, dates);
        }
        &self.by_sentence[&si]
    }
}

fn last_anchor(dates: &[DateMention]) -> Option<&DateMention> {
    use crate::extract::date::Shape;
    dates
        .iter()
        .rev()
        .find(|d| matches!(d.shape, Shape::Point | Shape::Period))
}

/// The dates of one folded sentence: absolute ones, days without a year and
/// relative phrases, the last two resolved against the date before them.
fn sentence_dates(text: &str, mut anchor: Option<DateMention>) -> Vec<DateMention> {
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
            Item::Partial(p) => anchor.as_ref().and_then(|a| resolve_partial(p, a)),
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

/// A trigger followed by "of his …" names someone else's event ("the death of his
/// father"), not the subject's.
static OTHERS_EVENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ of (?:his|her|their|its) ").expect("valid regex"));

/// Every assertion that `doc` makes about the claims, in document order.
pub fn scan_document(doc: &Document, claims: &ClaimSet, matcher: &Matcher) -> Vec<Assertion> {
    let folded = &doc.folded;
    let sentence_ranges: Vec<Range<usize>> = doc
        .sentences
        .iter()
        .map(|s| folded.folded_range(s.range.clone()))
        .collect();
    let terms = matcher.find_terms(&folded.text);
    let candidates = matcher.trigger_candidates(&folded.text);
    let mut candidate_at = 0;
    // Whom each sentence is about, per subject, computed when first needed.
    let mut scopes: Vec<Option<Vec<scope::Who>>> = vec![None; matcher.subjects().len()];
    // What heads each sentence, read once for every subject.
    let mut facts: Option<scope::DocFacts> = None;
    let mut about_other = |claim: usize, si: usize| -> bool {
        matcher.claim_subject(claim).is_some_and(|k| {
            scopes[k].get_or_insert_with(|| {
                let facts = facts.get_or_insert_with(|| scope::DocFacts::new(doc));
                scope::sentence_scopes(
                    doc,
                    &matcher.subjects()[k],
                    matcher.is_file_subject(k),
                    facts,
                )
            })[si]
                == scope::Who::Other
        })
    };
    let mut term_at = 0;
    let mut out = Vec::new();
    let mut dates_cache = DatesCache::default();
    let mut trigger_quotes = QuoteCache::default();
    for (si, fr) in sentence_ranges.iter().enumerate() {
        if fr.is_empty() {
            continue;
        }
        let text = &folded.text[fr.clone()];
        let context_ok = |claim: usize| {
            let ctx = &claims.claims[claim].context;
            ctx.is_empty() || ctx.iter().any(|r| r.is_match(text))
        };
        // Terms of this sentence (the hits are sorted by position).
        let first = term_at;
        while term_at < terms.len() && terms[term_at].range.start < fr.end {
            term_at += 1;
        }
        let here = &terms[first..term_at];
        for hit in here {
            // A sentence about someone else asserts nothing about the claim's subject.
            if hit.range.start < fr.start
                || about_other(hit.claim, si)
                || !term_context_ok(text, hit, fr.start, claims)
            {
                continue;
            }
            // A sentence that names the right form beside the wrong one compares or
            // corrects ("an ice axe, not an ice pick"): it does not assert the wrong one.
            if hit.role == TermRole::Reject
                && here
                    .iter()
                    .any(|h| h.claim == hit.claim && h.role != TermRole::Reject)
            {
                continue;
            }
            out.push(Assertion {
                claim: hit.claim,
                span: folded.orig_range(hit.range.clone()),
                sentence: si,
                observed: Observed::Term(hit.role),
                mode: AssertionMode::Asserted,
                cue: None,
            });
        }
        let sentence_orig = doc.sentences[si].range.clone();
        // The triggers whose literal starts inside this sentence.
        while candidate_at < candidates.len() && candidates[candidate_at].0 < fr.start {
            candidate_at += 1;
        }
        let first_candidate = candidate_at;
        while candidate_at < candidates.len() && candidates[candidate_at].0 < fr.end {
            candidate_at += 1;
        }
        let sentence_candidates: Vec<usize> = candidates[first_candidate..candidate_at]
            .iter()
            .map(|&(_, t)| t)
            .collect();
        let triggers: Vec<TriggerHit> = matcher
            .find_triggers(text, &sentence_candidates, claims)
            .into_iter()
            .filter(|t| !OTHERS_EVENT.is_match(&text[t.range.end..]) && context_ok(t.claim))
            .filter(|t| !ENDPOINT_BEFORE.is_match(&text[..t.range.start]))
            .filter(|t| {
                !in_title(
                    &doc.text,
                    folded.orig_range(fr.start + t.range.start..fr.start + t.range.end),
                    sentence_orig.start,
                )
            })
            .filter(|t| !about_other(t.claim, si))
            // An event named inside quotation marks is a title or someone's words.
            .filter(|t| {
                let at = fr.start + t.range.start..fr.start + t.range.end;
                !trigger_quotes.contains(doc, &sentence_ranges, doc.sentences[si].paragraph, &at)
            })
            .filter(|t| {
                matcher.claim_subject(t.claim).is_none_or(|k| {
                    let orig = folded.orig_range(fr.start + t.range.start..fr.start + t.range.end);
                    !scope::event_of_other(doc, sentence_orig.clone(), orig, &matcher.subjects()[k])
                })
            })
            .collect();
        let age_cue = claims.age_claim.is_some_and(|c| claims.claims[c].enabled)
            && AGE_CUE.is_match(text)
            && !claims.age_claim.is_some_and(|c| about_other(c, si));
        if triggers.is_empty() && !age_cue {
            continue;
        }
        let of_kind = |kind: ClaimKind| -> Vec<&TriggerHit> {
            triggers
                .iter()
                .filter(|t| claims.claims[t.claim].kind == kind)
                .collect()
        };
        let date_triggers = of_kind(ClaimKind::Date);
        let number_triggers = of_kind(ClaimKind::Number);
        let mut dates = Vec::new();
        if !date_triggers.is_empty() || !number_triggers.is_empty() || age_cue {
            dates = dates_cache.get(doc, &sentence_ranges, si).to_vec();
        }
        if let (true, Some(age_claim)) = (age_cue, claims.age_claim) {
            let anchor = (si > 0 && doc.sentences[si - 1].paragraph == doc.sentences[si].paragraph)
                .then(|| last_anchor(dates_cache.get(doc, &sentence_ranges, si - 1)).cloned())
                .flatten();
            for n in extract_numbers(text) {
                // "the 60-year-old Trotsky" is the subject's age; "his 25-year-old
                // assistant" is not.
                let of_subject = n.attributive
                    && matcher.subject().is_some_and(|sm| {
                        let rest = text[n.span.end..]
                            .split_once(" old ")
                            .map_or("", |(_, r)| r);
                        let noun = rest.split(' ').next().unwrap_or("");
                        sm.is_subject(noun.trim_matches(|c: char| !c.is_alphanumeric()))
                    });
                if !n.age
                    || (n.attributive && !of_subject)
                    || n.relative
                    || dates.iter().any(|d| overlaps(&d.span, &n.span))
                {
                    continue;
                }
                let orig = folded.orig_range(fr.start + n.span.start..fr.start + n.span.end);
                if !age_is_subjects(doc, sentence_orig.clone(), orig.clone(), &n, matcher) {
                    continue;
                }
                let Some(on) = age_date(text, &n, &dates, &date_triggers, claims, anchor.as_ref())
                else {
                    continue;
                };
                out.push(Assertion {
                    claim: age_claim,
                    span: orig,
                    sentence: si,
                    observed: Observed::Age {
                        years: n.value,
                        birthday: n.birthday,
                        on,
                    },
                    mode: AssertionMode::Asserted,
                    cue: None,
                });
            }
        }
        if !date_triggers.is_empty() {
            let spans: Vec<Range<usize>> = dates.iter().map(|d| d.span.clone()).collect();
            let trig: Vec<Range<usize>> = date_triggers.iter().map(|t| t.range.clone()).collect();
            let mut prev: Option<(Range<usize>, Option<Range<usize>>)> = None;
            for (d, paired) in dates.iter().zip(clauses::pair(text, &spans, &trig)) {
                let mut seen = Vec::new();
                // "the 1972 film", "the revolution of 1917": a year that names
                // another thing dates only that thing; so does one listed with it
                // ("the upheavals of 1830 and 1848").
                let listed = prev.as_ref().and_then(|(span, bound)| {
                    let gap = &text[span.end.min(d.span.start)..d.span.start];
                    matches!(gap, " and " | " or " | ", " | ", and ")
                        .then(|| bound.clone())
                        .flatten()
                });
                let bound = listed
                    .or_else(|| bound_noun(text, d))
                    .or_else(|| paren_name(doc, si, fr.start, text, d, matcher.subject()));
                prev = Some((d.span.clone(), bound.clone()));
                for t in paired {
                    if let Some(b) = &bound
                        && !(trig[t].start < b.end && b.start < trig[t].end)
                    {
                        continue;
                    }
                    let claim = date_triggers[t].claim;
                    if seen.contains(&claim) {
                        continue;
                    }
                    seen.push(claim);
                    out.push(Assertion {
                        claim,
                        span: folded.orig_range(fr.start + d.span.start..fr.start + d.span.end),
                        sentence: si,
                        observed: Observed::Date(d.clone()),
                        mode: AssertionMode::Asserted,
                        cue: None,
                    });
                }
            }
        }
        if !number_triggers.is_empty() {
            // A duration after another event and an age of someone else ("his
            // 25-year-old assistant") state nothing about the claim's own quantity.
            let numbers: Vec<NumberMention> = extract_numbers(text)
                .into_iter()
                .filter(|n| !n.relative && !n.attributive)
                .filter(|n| {
                    !dates
                        .iter()
                        .any(|d| d.span.start < n.span.end && n.span.start < d.span.end)
                })
                .collect();
            let spans: Vec<Range<usize>> = numbers.iter().map(|n| n.span.clone()).collect();
            let trig: Vec<Range<usize>> = number_triggers.iter().map(|t| t.range.clone()).collect();
            for (n, paired) in numbers.iter().zip(clauses::pair(text, &spans, &trig)) {
                let mut seen = Vec::new();
                for t in paired {
                    let claim = number_triggers[t].claim;
                    let c = &claims.claims[claim];
                    if seen.contains(&claim) || !unit_fits(c.unit.as_deref(), n) {
                        continue;
                    }
                    seen.push(claim);
                    out.push(Assertion {
                        claim,
                        span: folded.orig_range(fr.start + n.span.start..fr.start + n.span.end),
                        sentence: si,
                        observed: Observed::Number(n.clone()),
                        mode: AssertionMode::Asserted,
                        cue: None,
                    });
                }
            }
        }
    }
    classify_assertions(doc, &sentence_ranges, &mut out);
    out.sort_by_key(|a| (a.span.start, a.claim));
    out
}

/// The quoted ranges (folded, absolute) of each paragraph, computed when first needed.
#[derive(Default)]
struct QuoteCache {
    by_paragraph: std::collections::HashMap<usize, Vec<Range<usize>>>,
}

impl QuoteCache {
    fn get(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        paragraph: usize,
    ) -> &[Range<usize>] {
        self.by_paragraph.entry(paragraph).or_insert_with(|| {
            let first = doc.sentences.partition_point(|s| s.paragraph < paragraph);
            let last = doc.sentences.partition_point(|s| s.paragraph <= paragraph);
            let range = ranges[first].start..ranges[last - 1].end;
            assertion::quoted_ranges(&doc.folded.text[range.clone()])
                .into_iter()
                .map(|q| q.start + range.start..q.end + range.start)
                .collect()
        })
    }

    /// Whether the folded range `at` lies inside quotation marks.
    fn contains(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        paragraph: usize,
        at: &Range<usize>,
    ) -> bool {
        self.get(doc, ranges, paragraph)
            .iter()
            .any(|q| q.start <= at.start && at.end <= q.end)
    }
}

/// Sets the mode of every assertion (quoted, negated, hedged or asserted) and drops
/// those made in questions, which assert nothing.
fn classify_assertions(doc: &Document, sentence_ranges: &[Range<usize>], out: &mut Vec<Assertion>) {
    let folded = &doc.folded;
    let mut quotes = QuoteCache::default();
    out.retain_mut(|a| {
        let fr = &sentence_ranges[a.sentence];
        let text = &folded.text[fr.clone()];
        if assertion::is_question(text) {
            return false;
        }
        let paragraph = doc.sentences[a.sentence].paragraph;
        let at = folded.folded_range(a.span.clone());
        let quoted =
            quotes.contains(doc, sentence_ranges, paragraph, &at) || doc.quoted(a.span.start);
        let rel =
            at.start.saturating_sub(fr.start)..at.end.saturating_sub(fr.start).min(text.len());
        let (mode, cue) = assertion::classify(text, rel, quoted);
        a.mode = mode;
        a.cue = cue;
        true
    });
}

/// Whether a term's claim context holds in the term's own clause (or in the clause
/// an adverbial phrase around it modifies): "killed … with an ice pick" counts,
/// "an ice pick …, and he was killed" does not.
fn term_context_ok(text: &str, hit: &matcher::TermHit, offset: usize, claims: &ClaimSet) -> bool {
    let ctx = &claims.claims[hit.claim].context;
    if ctx.is_empty() {
        return true;
    }
    let found: Vec<Range<usize>> = ctx
        .iter()
        .flat_map(|r| r.find_iter(text).map(|m| m.range()))
        .collect();
    if found.is_empty() {
        return false;
    }
    let at = hit.range.start - offset..hit.range.end - offset;
    !clauses::pair(text, &[at], &found)[0].is_empty()
}

/// "until his death", "until the day he died": the event ends a period; the date
/// near it is the period's start, not the event's.
static ENDPOINT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:until|till|up to|up until|to) (?:(?:his|her|their) |the (?:day|time|year|moment|hour) (?:of (?:his |her |their )?|(?:he|she|they) )?)?$")
        .expect("valid regex")
});

/// Whether the trigger's words are part of a title ("Since Lenin Died", "The Death
/// of Stalin"): every word capitalised, one of them a word prose writes in
/// lowercase, and not at the start of the sentence.
fn in_title(text: &str, orig: Range<usize>, sentence_start: usize) -> bool {
    if text[sentence_start..orig.start].trim().is_empty() {
        return false;
    }
    let words: Vec<&str> = text[orig]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.iter().any(|w| {
            let l = w.to_lowercase();
            l.ends_with("ed") || matches!(l.as_str(), "died" | "death" | "born" | "birth" | "dies")
        })
}

/// A date in parentheses right after another person's name ("Nina Nevelson (1902 –
/// 9 June 1928)", "Volkov (born 1926)") is that person's: the name's folded range.
fn paren_name(
    doc: &Document,
    sentence: usize,
    offset: usize,
    text: &str,
    d: &DateMention,
    subject: Option<&scope::SubjectMatcher>,
) -> Option<Range<usize>> {
    // Resuming after an inserted card: the name ended the sentence the card cut.
    if let Some(k) = doc.sentences[sentence].continues
        && text[..d.span.start].trim() == "("
    {
        let cut = doc.text[doc.sentences[k].range.clone()].trim_end();
        let last = cut.rsplit(char::is_whitespace).next().unwrap_or("");
        let is_subject =
            subject.is_some_and(|sm| sm.is_subject(&crate::extract::normalize::fold_pattern(last)));
        return (last.starts_with(char::is_uppercase) && !is_subject).then_some(0..0);
    }
    let before = PAREN_LEAD.find(&text[..d.span.start])?;
    let name_end = before.start();
    let name_start = text[..name_end].rfind(' ').map_or(0, |i| i + 1);
    let orig = doc
        .folded
        .orig_range(offset + name_start..offset + name_end);
    let word = doc.text[orig].trim_matches(|c: char| !c.is_alphanumeric());
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    if subject.is_some_and(|sm| sm.is_subject(&text[name_start..name_end])) {
        return None;
    }
    Some(name_start..name_end)
}

static PAREN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[a-z"'] ?\((?:born |b\. |died |d\. |nee |c\. )?$"#).expect("valid regex")
});

static ATTRIBUTIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\b(?:the|a|an|his|her|its|their|this|that)) $").expect("valid regex")
});
static NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?P<noun>[a-z]+(?: [a-z]+)?)").expect("valid regex"));
static NOUN_OF_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<noun>[a-z]+) of (?:the )?$").expect("valid regex"));

/// The noun a bare year names when it is used as part of a name ("the 1972 film",
/// "the revolution of 1917"), as a range in `text`.
fn bound_noun(text: &str, d: &DateMention) -> Option<Range<usize>> {
    use crate::extract::calendar::Precision;
    if d.shape != crate::extract::date::Shape::Point || d.precision() == Precision::Day {
        return None;
    }
    let before = &text[..d.span.start];
    if d.precision() == Precision::Year
        && ATTRIBUTIVE_YEAR.is_match(before)
        && let Some(c) = NOUN_AFTER.captures(&text[d.span.end..])
    {
        let noun = c.name("noun").expect("group");
        let first = noun.as_str().split(' ').next().unwrap_or("");
        if !lexicon::NOT_YEAR_NOUNS.contains(&first)
            && !first.starts_with(|c: char| c.is_ascii_digit())
        {
            let at = d.span.end + noun.start();
            return Some(at..at + noun.len());
        }
    }
    if let Some(c) = NOUN_OF_BEFORE.captures(before) {
        let noun = c.name("noun").expect("group");
        if !lexicon::TIME_NOUNS.contains(&noun.as_str()) {
            return Some(noun.range());
        }
    }
    None
}

/// Whether a number's unit is the claim's (a claim without a unit takes any number;
/// a claim with one takes only numbers stated in it, ages counting as years).
fn unit_fits(unit: Option<&str>, n: &NumberMention) -> bool {
    match unit {
        None => true,
        Some(u) => n.unit.as_deref() == Some(singular(u).as_str()),
    }
}

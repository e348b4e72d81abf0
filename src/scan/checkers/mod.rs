//! One small checker per claim kind, each reading the same sentence analysis.
//!
//! The driver ([`super::scan_document`]) finds a sentence's term and trigger hits,
//! builds its [`Analysis`] once, and hands both to each checker; a checker turns
//! what it reads into [`Assertion`]s. What every checker needs of the document
//! as a whole (whom each sentence is about, the dates of the paragraph, the
//! quoted ranges) is kept in [`Scan`] and computed at most once.

pub mod ages;
pub mod between;
pub mod dates;
pub mod events;
pub mod lifespans;
pub mod numbers;
mod quote_cache;
pub mod roles;
pub mod terms;
pub mod times;
pub mod totals;
pub mod weekdays;

use std::ops::Range;

use super::analysis::Analysis;
use super::dates::DatesCache;
use super::matcher::{Matcher, TriggerHit};
use super::subject::{DocFacts, LazyFacts, Who, sentence_scopes};
use super::{Assertion, AssertionMode, Observed};
use crate::claims::ClaimSet;
use crate::document::Document;
use crate::span::{LocalSpan, Span};
pub use quote_cache::QuoteCache;

/// What the checkers of one document share.
pub struct Scan<'a> {
    pub doc: &'a Document,
    pub claims: &'a ClaimSet,
    pub matcher: &'a Matcher,
    /// The folded range of each sentence.
    pub ranges: Vec<Range<usize>>,
    /// The document's facts, shared with its analyses.
    facts: std::rc::Rc<LazyFacts>,
    /// Whom each sentence is about, per subject, computed when first needed.
    flows: Vec<Option<Vec<Who>>>,
    /// Where each subject's names stand in the folded text, found when a flow
    /// is first needed.
    names: Option<std::borrow::Cow<'a, [Vec<Range<usize>>]>>,
    pub dates: DatesCache,
    /// The last event of the sentence checked last, for the next one's "two
    /// days later".
    pub recent: between::Recent,
    quotes: QuoteCache,
    pub out: Vec<Assertion>,
}

impl<'a> Scan<'a> {
    pub fn new(doc: &'a Document, claims: &'a ClaimSet, matcher: &'a Matcher) -> Scan<'a> {
        let ranges = doc
            .sentences
            .iter()
            .map(|s| doc.folded.folded_range(s.range.clone()))
            .collect();
        Scan {
            doc,
            claims,
            matcher,
            ranges,
            facts: std::rc::Rc::new(LazyFacts::new(
                matcher
                    .subjects()
                    .iter()
                    .flat_map(|m| m.name_words())
                    .collect(),
            )),
            flows: (0..matcher.subjects().len()).map(|_| None).collect(),
            names: None,
            dates: DatesCache::default(),
            recent: between::Recent::default(),
            quotes: QuoteCache::default(),
            out: Vec::new(),
        }
    }

    /// The document's proper nouns and sentence heads.
    pub fn facts(&self) -> &DocFacts {
        self.facts.get(self.doc)
    }

    /// Whether the scan has read the document as a whole: its facts (the words
    /// it capitalises anywhere), which a part of it cannot stand in for.
    pub fn read_whole(&self) -> bool {
        self.facts.is_built()
    }

    /// The document's facts, shared with an analysis that may read them.
    pub fn shared_facts(&self) -> std::rc::Rc<LazyFacts> {
        std::rc::Rc::clone(&self.facts)
    }

    /// Whom sentence `si` is about, for subject `k`.
    fn flow(&mut self, k: usize, si: usize) -> Who {
        if self.flows[k].is_none() {
            let (matcher, claims) = (self.matcher, self.claims);
            let is_event = |w: &str| matcher.names_event(w, claims);
            let names = self
                .names
                .get_or_insert_with(|| matcher.subject_names_of(self.doc));
            self.flows[k] = Some(sentence_scopes(
                self.doc,
                &self.ranges,
                &matcher.subjects()[k],
                matcher.is_assumed(k),
                self.facts.get(self.doc),
                &names[k],
                &is_event,
            ));
        }
        self.flows[k].as_ref().expect("computed")[si]
    }

    /// Whether sentence `si` as a whole is about someone other than claim
    /// `claim`'s subject (before any analysis: for sentences with no hit worth
    /// analysing).
    pub fn sentence_about_other(&mut self, claim: usize, si: usize) -> bool {
        match self.matcher.claim_subject(claim) {
            Some(k) => self.flow(k, si) == Who::Other,
            None => false,
        }
    }

    /// Whether what stands at local position `at` of the analysed sentence is
    /// about claim `claim`'s subject: its clause names the subject, or its actor
    /// or the paragraph's flow make it so.
    pub fn in_scope(&mut self, a: &Analysis<'_>, claim: usize, at: usize) -> bool {
        self.scoped(a, claim, at, false)
    }

    /// Whether a trigger is about its claim's subject. A role read before its
    /// trigger is the clause's actor: whoever it is, the clause tells of the
    /// role ("Hunt led the expedition"); a role read after it is not.
    pub fn trigger_in_scope(&mut self, a: &Analysis<'_>, t: &TriggerHit) -> bool {
        let claim = &self.claims.claims[t.claim];
        let role_actor = claim.kind == crate::claims::ClaimKind::Role
            && roles::filler_at(a, claim.filler, local(t)) == roles::FillerAt::Before;
        self.scoped(a, t.claim, t.range.start, role_actor)
    }

    /// Whether a role's filler at local position `at` stands in a unit about
    /// claim `claim`'s subject; the filler itself, someone else, does not make
    /// the unit theirs.
    pub fn filler_in_scope(&mut self, a: &Analysis<'_>, claim: usize, at: usize) -> bool {
        self.scoped(a, claim, at, true)
    }

    fn scoped(&mut self, a: &Analysis<'_>, claim: usize, at: usize, ignore_actor: bool) -> bool {
        let Some(k) = self.matcher.claim_subject(claim) else {
            // A claim about no one in particular still speaks of the event, not
            // of a re-enactment or a replica of it.
            return ignore_actor || !a.of_a_repetition(at);
        };
        if self.lent_from_other(a, k) {
            return false;
        }
        // A table cell is in the row its first cell names.
        if let Some(head) = self.doc.sentences[a.index].row_head {
            let cell = &self.doc.text[self.doc.sentences[head].range.clone()];
            if crate::scan::rows::names_own(&self.matcher.subjects()[k], cell) {
                return true;
            }
        }
        let flow = self.flow(k, a.index);
        let facts = self.facts.get(self.doc);
        a.who_with(at, &self.matcher.subjects()[k], facts, flow, ignore_actor) != Who::Other
    }

    /// Whether a unit that lends its event to the analysed sentence (a table
    /// row's first cell, a question, a label) names another subject and not
    /// subject `k`: the value under it is the other's ("| Battle of Ostrau | 9,000
    /// |").
    fn lent_from_other(&self, a: &Analysis<'_>, k: usize) -> bool {
        let subjects = self.matcher.subjects();
        a.doc.sentences[a.index].lent_from.iter().any(|&li| {
            let text = &a.doc.folded.text[self.ranges[li].clone()];
            !subjects[k].is_subject(text)
                && subjects
                    .iter()
                    .enumerate()
                    .any(|(j, m)| j != k && m.is_subject(text))
        })
    }

    /// Whether the folded range `at` lies inside quotation marks of its paragraph.
    pub fn quoted(&mut self, si: usize, at: &Range<usize>) -> bool {
        let paragraph = self.doc.sentences[si].paragraph;
        self.quotes
            .contains(self.doc, &self.ranges, paragraph, at, |_| true)
    }

    /// Whether the folded range `at` lies inside quoted words of its paragraph (a
    /// title, a phrase), rather than only in a quoted statement.
    pub fn quoted_words(&mut self, si: usize, at: &Range<usize>) -> bool {
        let paragraph = self.doc.sentences[si].paragraph;
        self.quotes
            .contains(self.doc, &self.ranges, paragraph, at, |q| !q.statement)
    }

    /// Records an assertion of the document (its mode is set later).
    pub fn assert(&mut self, a: &Analysis<'_>, claim: usize, span: LocalSpan, observed: Observed) {
        self.out.push(Assertion {
            claim,
            span: a.prose(span),
            sentence: a.index,
            observed,
            mode: AssertionMode::Asserted,
            cue: None,
            trigger: None,
        });
    }

    /// Records an assertion paired with the trigger that names its event.
    pub fn assert_with(
        &mut self,
        a: &Analysis<'_>,
        claim: usize,
        span: LocalSpan,
        trigger: LocalSpan,
        observed: Observed,
    ) {
        self.assert(a, claim, span, observed);
        if let Some(last) = self.out.last_mut() {
            last.trigger = Some(a.frame.to_folded(trigger));
        }
    }
}

/// The triggers of one kind of claim among a sentence's hits.
pub fn of_kind<'t>(
    claims: &ClaimSet,
    triggers: &'t [TriggerHit],
    kind: crate::claims::ClaimKind,
) -> Vec<&'t TriggerHit> {
    triggers
        .iter()
        .filter(|t| claims.claims[t.claim].kind.checked_as() == kind)
        .collect()
}

/// A trigger's local span.
pub fn local(t: &TriggerHit) -> LocalSpan {
    Span::from(t.range.clone())
}

/// (claim id, found) of each finding of `text` under the claims file `claims`:
/// the checkers' tests read whole documents through the linter.
#[cfg(test)]
pub(crate) fn findings_under(claims: &str, text: &str) -> Vec<(String, String)> {
    let claims =
        crate::claims::parse_claims(vec![("c.toml".into(), claims.into())]).expect("claims parse");
    let matcher = crate::scan::matcher::Matcher::new(&claims).expect("matcher builds");
    let doc = crate::document::Document::new("a.md", text.to_string());
    crate::lint::lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| (claims.claims[f.claim].id.to_string(), f.found))
        .collect()
}

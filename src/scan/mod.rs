//! Scanning: a document and the compiled claims to the assertions it makes.
//!
//! One pass of the term automaton and one of the trigger literals over the whole
//! folded text; then, for each sentence that something hit, one analysis
//! ([`analysis::Analysis`]: tokens, clauses, actors, dates, numbers), read by one
//! small checker per claim kind ([`checkers`]). Last, each assertion gets its
//! mode (asserted, quoted, hedged, negated) and questions drop out.

pub mod analysis;
pub mod assertion;
pub mod checkers;
pub mod clauses;
mod dates;
pub mod matcher;
pub mod prefilter;
pub mod rows;
pub mod subject;
pub mod tokens;
mod who;

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::claims::{ClaimKind, ClaimSet};
use crate::document::Document;
use crate::extract::date::{DateMention, Shape};
use crate::extract::number::NumberMention;
use crate::span::{FoldedSpan, LocalSpan, ProseSpan, Span};
use analysis::Analysis;
use checkers::{Scan, of_kind};
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
    /// The filler of a role claim's role (folded words), and whether the writer
    /// capitalised it (a name).
    Role { filler: String, proper: bool },
    /// A mention of an event claim's event.
    Event,
    /// A date written with a weekday, for factlint's own weekday claim: the
    /// assertion's span is the weekday's.
    Weekday(DateMention),
    /// A time of day paired with a time claim's trigger, with the date of its
    /// clause where one is written (`at 01:23 on 26 April 1986`).
    Time {
        time: crate::extract::number::TimeMention,
        on: Option<crate::extract::calendar::DateValue>,
    },
    /// The time between another claim's event and this claim's (`three hours
    /// after the start`), checked by arithmetic on both claims.
    Between(Box<checkers::between::Between>),
}

pub use assertion::AssertionMode;

/// One statement of a document about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Assertion {
    /// Index of the claim in the claim set.
    pub claim: usize,
    /// The value's span in the prose.
    pub span: ProseSpan,
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub observed: Observed,
    pub mode: AssertionMode,
    /// The word that made the mode ("reportedly", "not").
    pub cue: Option<String>,
    /// The trigger the value was paired with, where there is one.
    pub trigger: Option<FoldedSpan>,
}

/// A trigger followed by "of his …" names someone else's event ("the death of his
/// father"), not the subject's.
static OTHERS_EVENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ of (?:his|her|their|its) ").expect("valid regex"));

/// Whether a trigger's noun is someone else's event by the "of his …" after it
/// ("the death of his father"); a verb's "of" is its cause ("died of her
/// illness").
fn others_event(trigger: &str, after: &str) -> bool {
    let last = trigger.rsplit(' ').next().unwrap_or(trigger);
    OTHERS_EVENT.is_match(after) && tokens::word_class(last) != tokens::WordClass::Verb
}

/// "until his death", "until the day he died": the event ends a period; the date
/// near it is the period's start, not the event's.
static ENDPOINT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:until|till|up until) (?:(?:his|her|their) |the (?:day|time|year|moment|hour) (?:of (?:his |her |their )?|(?:he|she|they) )?)?$|\b(?:up to|to) (?:(?:his|her|their) |the (?:day|time|year|moment|hour) (?:of (?:his |her |their )?|(?:he|she|they) )?)$")
        .expect("valid regex")
});

/// Every assertion that `doc` makes about the claims, in document order.
pub fn scan_document(doc: &Document, claims: &ClaimSet, matcher: &Matcher) -> Vec<Assertion> {
    scan_with(doc, claims, matcher, false).0
}

/// The assertions of `doc` that may contradict a claim, in document order:
/// [`scan_document`]'s, but for those of a sentence where nothing else is read
/// and each term form is one no claim rejects, with no cue of a denial
/// ([`prefilter::has_denial_cue`]): stated, such a form agrees with its claims,
/// and a denial takes a cue. The findings are [`scan_document`]'s.
pub fn scan_for_findings(doc: &Document, claims: &ClaimSet, matcher: &Matcher) -> Vec<Assertion> {
    scan_with(doc, claims, matcher, true).0
}

/// [`scan_for_findings`] of a document made of the start of a text, for the
/// assertions of its first units (those the rest of the text cannot change):
/// `None` where the scan read the document as a whole (the words it
/// capitalises anywhere, for the actors of a sentence), which the start of the
/// text cannot stand in for.
pub fn scan_start_for_findings(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
) -> Option<Vec<Assertion>> {
    let (assertions, read_whole) = scan_with(doc, claims, matcher, true);
    (!read_whole).then_some(assertions)
}

fn scan_with(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    findings_only: bool,
) -> (Vec<Assertion>, bool) {
    let terms = matcher.document_terms(doc);
    let candidates = matcher.trigger_candidates(&doc.folded.text);
    let mut scan = Scan::new(doc, claims, matcher);
    let ages_on = claims.age_claim.is_some_and(|c| claims.claims[c].enabled);
    let lives_on = matcher.life_claims().any();
    let weekdays = prefilter::weekday_starts(&doc.folded.text);
    let mut term_at = 0;
    for si in 0..doc.sentences.len() {
        let fr = scan.ranges[si].clone();
        if fr.is_empty() {
            continue;
        }
        let text = &doc.folded.text[fr.clone()];
        // The terms of this sentence (sorted by position), outside addresses. A
        // form that runs on past the sentence's end (joined across the line break
        // between a heading and the paragraph under it) is in neither.
        let first = term_at;
        while term_at < terms.len() && terms[term_at].range.start < fr.end {
            term_at += 1;
        }
        let here: Vec<matcher::TermHit> = terms[first..term_at]
            .iter()
            .filter(|h| h.range.start >= fr.start && h.range.end <= fr.end)
            .filter(|h| !in_address(doc, &h.range))
            .map(|h| matcher::TermHit {
                claim: h.claim,
                role: h.role,
                range: h.range.start - fr.start..h.range.end - fr.start,
            })
            .collect();
        // A question, a quiz choice, a label and an address assert nothing; a
        // label or question lends its event to the value or answer under it.
        if !doc.sentences[si].kind.asserts() {
            continue;
        }
        let triggers = sentence_triggers(&mut scan, &candidates, si);
        let lent = lent_claims(&mut scan, &candidates, si);
        // A name of a weekday starts a word of the sentence: at its start, or
        // after a char that is no letter.
        let from = weekdays.partition_point(|&at| at < fr.start);
        if weekdays.get(from).is_some_and(|&at| at < fr.end) || starts_weekday(text) {
            checkers::weekdays::check(&mut scan, si);
        }
        let age_cue = ages_on && checkers::ages::has_cue(text);
        let life_cue = lives_on && checkers::lifespans::has_cue(text);
        // No term to read: none here, or (for findings) only forms no claim
        // rejects, with no cue of a denial (asked only where there are some).
        let agreeing = |h: &matcher::TermHit| h.role != TermRole::Reject;
        // A term whose claim's context the sentence lacks makes no assertion.
        let mut contexts = checkers::terms::MayMeet::default();
        let no_terms = here.is_empty()
            || (findings_only && here.iter().all(agreeing) && !prefilter::has_denial_cue(text))
            || here.iter().all(|h| !contexts.ask(&scan, si, h.claim, text));
        if no_terms && triggers.is_empty() && lent.is_empty() && !age_cue && !life_cue {
            continue;
        }
        let dates = if !triggers.is_empty() || !lent.is_empty() || age_cue || life_cue {
            scan.dates.get(doc, &scan.ranges, si).to_vec()
        } else {
            Vec::new()
        };
        let protected: Vec<LocalSpan> = here
            .iter()
            .map(|h| Span::from(h.range.clone()))
            .chain(triggers.iter().map(|t| Span::from(t.range.clone())))
            .collect();
        let facts = scan.shared_facts();
        let a = Analysis::new(doc, si, Span::from(fr.clone()), dates, &protected, facts);
        let before = scan.out.len();
        checkers::terms::check(&mut scan, &a, &here, &mut contexts);
        let reading = Reading {
            candidates: &candidates,
            si,
            lent: &lent,
            age_cue,
            life_cue,
        };
        run_checkers(&mut scan, &a, triggers, &reading);
        // A cell of a row named for someone else is theirs.
        if let Some(head) = doc.sentences[si].row_head {
            rows::keep_own(&mut scan, &candidates, head, before);
        }
    }
    let mut out = std::mem::take(&mut scan.out);
    classify_assertions(&mut scan, &mut out);
    checkers::weekdays::drop_claimed(&mut out);
    out.sort_by_key(|a| (a.span.start, a.claim));
    (out, scan.read_whole())
}

/// Whether `text` starts with the first three letters of a weekday's name, in
/// any case (the sentence's first word, cut from a longer one).
fn starts_weekday(text: &str) -> bool {
    text.get(..3).is_some_and(|w| {
        prefilter::WEEKDAY_PREFIXES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// What the checkers of one sentence read besides its analysis: the document's
/// trigger candidates, the sentence's index, the claims lent to it, and whether
/// it has words that state an age.
struct Reading<'r> {
    candidates: &'r [(usize, usize)],
    si: usize,
    lent: &'r [usize],
    age_cue: bool,
    /// It has a parenthesis with a year, maybe a life span.
    life_cue: bool,
}

/// Runs every checker but the terms' on an analysed sentence, with the triggers
/// that are about their claims' subjects and meet their context.
fn run_checkers(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: Vec<TriggerHit>, r: &Reading<'_>) {
    let claims = scan.claims;
    let triggers: Vec<TriggerHit> = triggers
        .into_iter()
        // The context first: it reads the clauses alone, where the scope
        // reads the sentence's numbers, dates and actors too.
        .filter(|t| {
            let ctx = &claims.claims[t.claim].context;
            ctx.is_empty()
                || checkers::terms::context_in_clause(a.clauses(), a.text, ctx, t.range.start)
        })
        .filter(|t| scan.trigger_in_scope(a, t))
        .collect();
    let date_triggers = of_kind(claims, &triggers, ClaimKind::Date);
    if r.age_cue {
        checkers::ages::check(scan, a, &date_triggers);
    }
    checkers::dates::check(scan, a, &date_triggers, r.lent);
    if r.life_cue {
        checkers::lifespans::check(scan, a, scan.matcher.life_claims());
    }
    checkers::numbers::check(
        scan,
        a,
        &of_kind(claims, &triggers, ClaimKind::Number),
        r.lent,
    );
    checkers::roles::check(scan, a, &of_kind(claims, &triggers, ClaimKind::Role));
    let role_lent = rows::role_lent(scan, r.candidates, r.si, r.lent);
    checkers::roles::check_lent(scan, a, &triggers, &role_lent);
    checkers::events::check(scan, a, &of_kind(claims, &triggers, ClaimKind::Event));
    checkers::times::check(
        scan,
        a,
        &of_kind(claims, &triggers, ClaimKind::Time),
        r.lent,
    );
    let events: Vec<&TriggerHit> = triggers
        .iter()
        .filter(|t| {
            matches!(
                claims.claims[t.claim].kind,
                ClaimKind::Date | ClaimKind::Time
            )
        })
        .collect();
    checkers::between::check(scan, a, &events);
}

/// Whether a folded range lies in an address (a URL, an e-mail, a path).
fn in_address(doc: &Document, folded: &Range<usize>) -> bool {
    !doc.addresses.is_empty() && doc.in_address(&doc.folded.orig_range(folded.clone()))
}

/// The triggers of sentence `si` (local ranges) that can name an event of their
/// claim's subject, outside addresses.
fn sentence_triggers(
    scan: &mut Scan<'_>,
    candidates: &[(usize, usize)],
    si: usize,
) -> Vec<TriggerHit> {
    let fr = scan.ranges[si].clone();
    let from = candidates.partition_point(|&(at, _)| at < fr.start);
    let to = candidates.partition_point(|&(at, _)| at < fr.end);
    let here: Vec<usize> = candidates[from..to].iter().map(|&(_, t)| t).collect();
    let doc = scan.doc;
    let text = &doc.folded.text[fr.clone()];
    early_triggers(scan, si, text, &here)
        .into_iter()
        .filter(|t| !in_address(doc, &(fr.start + t.range.start..fr.start + t.range.end)))
        .filter(|t| !repeated(text, t.range.start))
        .collect()
}

/// "re-opened", "re-elected": folding turns the hyphen into a space, but the
/// event is a repetition, not the one a trigger for "opened" names. "The
/// eventual relocation", "a later evacuation": a mark of a later instance
/// before a trigger's noun names another instance of the event (a verb keeps
/// its event: "were later relocated").
fn repeated(text: &str, at: usize) -> bool {
    let before = text[..at].strip_suffix(' ').unwrap_or("");
    let re = before
        .strip_suffix("re")
        .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()));
    re || later_instance(before, &text[at..])
}

/// Whether the word that opens `rest` is a noun (not a verb or participle)
/// right after a mark of a later instance that ends `before`.
fn later_instance(before: &str, rest: &str) -> bool {
    use crate::lexicon::{LATER_INSTANCE_MARKS, is};
    use crate::scan::tokens::{WordClass, is_participle, word_class};
    let mark = before.rsplit(|c: char| !c.is_alphanumeric()).next();
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    mark.is_some_and(|m| is(LATER_INSTANCE_MARKS, m))
        && word_class(word) == WordClass::Other
        && !is_participle(word)
}

/// The claims whose triggers fired in the units that lend their event to unit
/// `si` (its question, its label, its column's header), where that unit is about
/// the claim's subject.
fn lent_claims(scan: &mut Scan<'_>, candidates: &[(usize, usize)], si: usize) -> Vec<usize> {
    let lenders = scan.doc.sentences[si].lent_from.clone();
    let mut out = Vec::new();
    for li in lenders {
        for t in sentence_triggers(scan, candidates, li) {
            // "Who is the mayor of Dunholm?" lends Dunholm's mayor, not the subject's.
            if !names_only_other(scan, t.claim, li) {
                out.push(t.claim);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether unit `li` names another declared subject and not claim `claim`'s own
/// (by its whole name: "Margaret Crane" is not Edmund Crane).
fn names_only_other(scan: &mut Scan<'_>, claim: usize, li: usize) -> bool {
    let Some(k) = scan.matcher.claim_subject(claim) else {
        return false;
    };
    let doc = scan.doc;
    let subjects = scan.matcher.subjects();
    if subjects.len() < 2 {
        return false;
    }
    let fr = scan.ranges[li].clone();
    let start = doc.sentences[li].range.start;
    let proper = &scan.facts().proper;
    let names = |m: &subject::SubjectMatcher| {
        m.mentions(&doc.folded.text[fr.clone()])
            .into_iter()
            .any(|(r, possessive)| {
                let orig = doc.folded.orig_range(fr.start + r.start..fr.start + r.end);
                !possessive && m.whole_name_in(&doc.text, start, orig, proper)
            })
    };
    !names(&subjects[k]) && subjects.iter().enumerate().any(|(j, m)| j != k && names(m))
}

/// The triggers of sentence `si` (local ranges) that can name the subject's
/// event, before any analysis: not "the death of his father", not "until his
/// death", not a title, not inside quotation marks, not an event a name right
/// before it acts in ("when Lenin died").
fn early_triggers(
    scan: &mut Scan<'_>,
    si: usize,
    text: &str,
    candidates: &[usize],
) -> Vec<TriggerHit> {
    let doc = scan.doc;
    let claims = scan.claims;
    let matcher = scan.matcher;
    let fr = scan.ranges[si].clone();
    let sentence_orig = doc.sentences[si].range.clone();
    // Asked once a claim: a long sentence holds many hits of the same claims.
    let mut context_of: Vec<(usize, bool)> = Vec::new();
    let mut context_ok = |claim: usize| {
        if let Some(&(_, ok)) = context_of.iter().find(|(c, _)| *c == claim) {
            return ok;
        }
        let ctx = &claims.claims[claim].context;
        let ok = ctx.is_empty() || ctx.iter().any(|r| r.is_match(text));
        context_of.push((claim, ok));
        ok
    };
    matcher
        .find_triggers(text, candidates, claims)
        .into_iter()
        .filter(|t| !others_event(&text[t.range.clone()], &text[t.range.end..]))
        .filter(|t| context_ok(t.claim))
        .filter(|t| !ENDPOINT_BEFORE.is_match(&text[..t.range.start]))
        .filter(|t| {
            !in_title(
                &doc.text,
                doc.folded
                    .orig_range(fr.start + t.range.start..fr.start + t.range.end),
                sentence_orig.start,
            )
        })
        .filter(|t| {
            let at = fr.start + t.range.start..fr.start + t.range.end;
            !scan.quoted_words(si, &at)
        })
        .filter(|t| {
            matcher.claim_subject(t.claim).is_none_or(|k| {
                let orig = doc
                    .folded
                    .orig_range(fr.start + t.range.start..fr.start + t.range.end);
                !subject::event_of_other(doc, sentence_orig.clone(), orig, &matcher.subjects()[k])
            })
        })
        .collect()
}

/// Sets the mode of every assertion (quoted, negated, hedged or asserted) and drops
/// those made in questions, which assert nothing.
fn classify_assertions(scan: &mut Scan<'_>, out: &mut Vec<Assertion>) {
    type Key = (usize, (usize, usize), Option<(usize, usize)>, bool);
    let doc = scan.doc;
    // Many claims may share one statement's words (a term of a thousand claims):
    // each span is classified once.
    let mut known: std::collections::HashMap<Key, (AssertionMode, Option<String>)> =
        std::collections::HashMap::new();
    out.retain_mut(|a| {
        let fr = scan.ranges[a.sentence].clone();
        let text = &doc.folded.text[fr.clone()];
        // A quiz answer phrased as a question ("What is 31?") answers its clue.
        let answer = doc.sentences[a.sentence].kind == crate::document::sentences::UnitKind::Answer;
        if assertion::is_question(text) && !answer {
            return false;
        }
        let at = doc.folded.folded_range(a.span.range());
        // A statement is quoted where its value or the event word it was paired
        // with is: "“She died,” the paper wrote in 1932" is the paper's.
        let quoted = scan.quoted(a.sentence, &at)
            || a.trigger
                .is_some_and(|t| scan.quoted(a.sentence, &t.range()))
            || doc.quoted(a.span.start);
        let rel =
            at.start.saturating_sub(fr.start)..at.end.saturating_sub(fr.start).min(text.len());
        let trigger = a.trigger.map(|t| {
            t.start.saturating_sub(fr.start)..t.end.saturating_sub(fr.start).min(text.len())
        });
        // "Not until 1935 did she die": the date is when it happened, no bound.
        if let Observed::Date(d) = &mut a.observed
            && d.shape == Shape::Open
            && assertion::open_date_is_the_time(text, rel.clone(), trigger.clone())
        {
            d.readings = vec![d.value.interval()];
            d.shape = Shape::Point;
        }
        let key = (
            a.sentence,
            (rel.start, rel.end),
            trigger.as_ref().map(|t| (t.start, t.end)),
            quoted,
        );
        let (mode, cue) = known
            .entry(key)
            .or_insert_with(|| assertion::classify(text, rel, trigger, quoted))
            .clone();
        a.mode = mode;
        a.cue = cue;
        true
    });
}

/// Whether the trigger's words are part of a title ("Since Lenin Died", "The Death
/// of Stalin"): every word capitalised, one of them a word prose writes in
/// lowercase, and not at the start of the sentence (past a bullet: "- Died in …").
fn in_title(text: &str, orig: Range<usize>, sentence_start: usize) -> bool {
    // Only a bullet or punctuation before the words: they open the sentence.
    if !text[sentence_start..orig.start]
        .chars()
        .any(char::is_alphanumeric)
    {
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

#[cfg(test)]
mod tests {
    use super::{in_title, repeated, starts_weekday};

    #[test]
    fn a_sentence_cut_from_a_word_may_start_with_a_weekday() {
        assert!(starts_weekday("sat. 3 may"));
        assert!(starts_weekday("Thursday"));
        assert!(!starts_weekday("sa"));
        assert!(!starts_weekday("a sat"));
    }

    /// Whether the trigger word `w` of `text` reads as part of a title.
    fn title(text: &str, w: &str) -> bool {
        let at = text.find(w).expect("the word is in the text");
        in_title(text, at..at + w.len(), 0)
    }

    #[test]
    fn a_capitalised_event_word_inside_a_sentence_is_a_title() {
        assert!(title("He wrote Since Lenin Died in exile.", "Died"));
        assert!(title("She read The Death of Kings.", "Death"));
    }

    #[test]
    fn an_event_word_opening_its_sentence_or_list_item_is_no_title() {
        assert!(!title("Died in 1880.", "Died"));
        assert!(!title("- Died in 1880.", "Died"));
        assert!(!title("\u{2022} Born in 1822.", "Born"));
        assert!(!title("* \"Founded\" in 1290.", "Founded"));
        // Lowercase words are no title.
        assert!(!title("She died in 1880.", "died"));
    }

    #[test]
    fn a_repetition_or_a_later_instance_is_another_event() {
        for (text, word, another) in [
            // "re-" before the trigger: a repetition.
            ("it was re opened in 1883", "opened", true),
            ("re elected in 1936", "elected", true),
            ("it opened in 1883", "opened", false),
            ("the fare opened", "opened", false),
            ("they were opened", "opened", false),
            // A mark of a later instance before the trigger's noun.
            ("the eventual relocation of 220,000", "relocation", true),
            ("a subsequent evacuation in 1990", "evacuation", true),
            // A verb keeps its event; an unmarked noun is the event.
            ("they were later relocated", "relocated", false),
            ("the relocation of 116,000 people", "relocation", false),
            ("the first relocation", "relocation", false),
        ] {
            let at = text.find(word).expect("in the text");
            assert_eq!(repeated(text, at), another, "{text}");
        }
    }
}

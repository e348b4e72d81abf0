//! The matcher: every claim compiled once into two automata.
//!
//! Terms (the canonical value, accepted and rejected variants of every term claim)
//! go into one Aho-Corasick automaton over folded text, whole words kept
//! leftmost-longest per claim: a document is searched once whatever the number of
//! claims, and a longer accepted phrase wins over a shorter rejected one inside
//! it. The literal prefixes of the triggers of every date and number claim go into
//! a second automaton, searched once per document; a trigger's regex runs only in
//! the sentences where one of its literals occurs (the few triggers without a
//! usable literal share one `RegexSet`). Nothing is compiled for a trigger
//! before a document needs it: a trigger's regex on the first sentence holding
//! one of its literals, the shared set on the first sentence searched.

mod automaton;
mod found;
mod pronouns;
mod subjects;
mod terms;

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use regex::RegexSet;

use crate::claims::ClaimSet;
use terms::term_automaton;

pub(crate) use found::Found;
pub use found::TermMatches;

/// Whether some claim rejects a form (`patterns`: the claims that list it).
fn rejected(patterns: &[TermPattern]) -> bool {
    patterns.iter().any(|t| t.role == TermRole::Reject)
}

/// What a term pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermRole {
    /// The canonical value.
    Value,
    /// An accepted form.
    Accept,
    /// A known wrong variant.
    Reject,
}

#[derive(Debug, Clone, Copy)]
struct TermPattern {
    claim: usize,
    role: TermRole,
}

/// A term found in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    pub claim: usize,
    pub role: TermRole,
    /// Folded byte range.
    pub range: Range<usize>,
}

/// A trigger found in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerHit {
    pub claim: usize,
    /// Folded byte range.
    pub range: Range<usize>,
}

/// Every claim of a run, compiled; immutable and shared by the scanning threads.
#[derive(Debug)]
pub struct Matcher {
    /// Tells this matcher from every other of the process (see
    /// [`TermMatches`]).
    id: u64,
    terms: Option<automaton::Staged>,
    /// For each automaton pattern, the claims it belongs to (a form may be shared).
    term_patterns: Vec<Vec<TermPattern>>,
    /// For each automaton pattern, whether a plural ending may follow it: only
    /// where some claim writes it as a common noun (its last word in lowercase),
    /// so that "Americans" is not read as the plural of "American".
    term_plural: Vec<bool>,
    /// Literals that every match of a trigger starts with, in one automaton: a
    /// document is searched once for all of them, and a trigger's regex runs only
    /// in the sentences where one of its literals occurs.
    trigger_literals: Option<automaton::Staged>,
    /// For each literal of `trigger_literals`, the triggers it stands for.
    literal_owner: Vec<Vec<usize>>,
    /// The triggers with no usable literal, tested on every sentence at once;
    /// built on first use.
    unprefixed: OnceLock<UnprefixedSet>,
    /// For each pattern of `unprefixed`, the trigger it is.
    unprefixed_owner: Vec<usize>,
    /// For each trigger: (claim index, trigger index in the claim).
    trigger_owner: Vec<(usize, usize)>,
    /// The file's subject, then every claim's own subject.
    subjects: Vec<super::subject::SubjectMatcher>,
    /// Their names, found in one pass over a document.
    all_names: super::subject::AllNames,
    /// For each claim, the index in `subjects` of whom it is about (`None`: anyone).
    claim_subject: Vec<Option<usize>>,
    /// Whether `subjects[0]` is the file's subject.
    has_file_subject: bool,
    /// For each subject, whether a paragraph starts about it: the file's
    /// subject, and the members of a group that is the file's subject.
    assumed: Vec<bool>,
    /// Whether a document can say anything about the claims, before it is built.
    prefilter: super::prefilter::Prefilter,
    /// The claims a life span after a name is checked against.
    life: super::checkers::lifespans::LifeClaims,
    /// The declared subjects, in the order of `subjects`.
    declared: Vec<crate::claims::Subject>,
    /// The matchers of the same claims with some people's pronouns read from a
    /// page as "she" (see [`Matcher::for_document`]), each built on first use.
    variants: Mutex<Vec<(Vec<bool>, Arc<Matcher>)>>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Matcher {
    /// Compiles the claims' terms and indexes their triggers; a trigger's regex is
    /// compiled when a document first needs it. It does not fail: the triggers
    /// were checked when the claims were loaded.
    pub fn new(claims: &ClaimSet) -> Result<Matcher, regex::Error> {
        let terms = term_automaton(claims);
        let triggers = trigger_index(claims);
        let (declared, claim_subject, assumed) = subjects::declared_subjects(claims);
        let has_file_subject = claims.subject.is_some();
        let rejected = |k: &usize| rejected(&terms.patterns[*k]);
        let forms = |strong: bool| {
            (0..terms.forms.len())
                .filter(move |k| rejected(k) == strong)
                .map(|k| terms.forms[k].as_str())
        };
        let life = super::checkers::lifespans::LifeClaims::new(claims, |c, t, word| {
            triggers.may_match_in(claims, c, t, word)
        });
        let prefilter = super::prefilter::Prefilter::new(&super::prefilter::Needs {
            parts: forms(true).collect(),
            literals: triggers.literal_forms.iter().map(String::as_str).collect(),
            weak: forms(false).collect(),
            unanchored: !triggers.unprefixed_owner.is_empty(),
            ages: claims.age_claim.is_some_and(|c| claims.claims[c].enabled),
            lifespans: life.any(),
            weekdays: claims
                .weekday_claim
                .is_some_and(|c| claims.claims[c].enabled),
        });
        let subjects = subjects::with_others(
            subjects::with_groups(&declared)
                .iter()
                .map(|s| super::subject::SubjectMatcher::new(Some(s)).expect("a subject"))
                .collect(),
            &declared,
        );
        let all_names = super::subject::AllNames::new(&subjects);
        Ok(Matcher {
            id: found::next_id(),
            terms: terms.automaton,
            term_patterns: terms.patterns,
            term_plural: terms.plural,
            trigger_literals: triggers.literals,
            literal_owner: triggers.literal_owner,
            unprefixed: OnceLock::new(),
            unprefixed_owner: triggers.unprefixed_owner,
            trigger_owner: triggers.owner,
            subjects,
            all_names,
            assumed,
            life,
            claim_subject,
            has_file_subject,
            prefilter,
            declared,
            variants: Mutex::new(Vec::new()),
        })
    }

    /// The matcher a document is read with: where the claims give a person no
    /// pronouns and the document speaks of the person as "she", the same claims
    /// with that person's pronouns "she, her, hers, herself" (built once per
    /// run and such choice); `None` where this matcher reads it.
    pub fn for_document(
        &self,
        doc: &crate::document::Document,
        claims: &ClaimSet,
    ) -> Option<Arc<Matcher>> {
        let text = &doc.folded.text;
        if !self.declared.iter().any(pronouns::inferable) || !pronouns::says_she(text) {
            return None;
        }
        let places = self.subject_names_of(doc);
        let feminine: Vec<bool> = self
            .declared
            .iter()
            .zip(places.iter())
            .map(|(s, p)| pronouns::inferable(s) && pronouns::feminine_in(text, p))
            .collect();
        if !feminine.contains(&true) {
            return None;
        }
        let mut variants = self.variants.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, known)) = variants.iter().find(|(k, _)| *k == feminine) {
            return Some(known.clone());
        }
        let changed = pronouns::with_feminine(claims, &self.declared, &feminine);
        let mut variant = Matcher::new(&changed).ok()?;
        // The same terms: what this matcher found in a document stands.
        variant.id = self.id;
        let variant = Arc::new(variant);
        variants.push((feminine, variant.clone()));
        Some(variant)
    }

    /// Whether a document may say anything about the claims, asked before it is
    /// built (see [`super::prefilter`]).
    pub fn prefilter(&self) -> &super::prefilter::Prefilter {
        &self.prefilter
    }

    /// The claims a life span after a name is checked against.
    pub fn life_claims(&self) -> &super::checkers::lifespans::LifeClaims {
        &self.life
    }

    /// The file subject's names, where the claims declare a subject.
    pub fn subject(&self) -> Option<&super::subject::SubjectMatcher> {
        self.has_file_subject.then(|| &self.subjects[0])
    }

    /// Every subject the claims are about (the file's first, where there is one).
    pub fn subjects(&self) -> &[super::subject::SubjectMatcher] {
        &self.subjects
    }

    /// For each subject, where its names stand in `doc`'s folded prose, found
    /// once per document by this matcher (or a variant of it that shares its
    /// names: [`Matcher::for_document`]).
    pub fn subject_names_of<'d>(
        &self,
        doc: &'d crate::document::Document,
    ) -> std::borrow::Cow<'d, [Vec<Range<usize>>]> {
        let (id, names) = doc
            .subject_names
            .get_or_init(|| (self.id, self.all_names.find(&doc.folded.text)));
        if *id == self.id {
            std::borrow::Cow::Borrowed(names)
        } else {
            std::borrow::Cow::Owned(self.all_names.find(&doc.folded.text))
        }
    }

    /// Whether subject `k` is the file's `[subject]`, whom a document is assumed to
    /// be about.
    pub fn is_file_subject(&self, k: usize) -> bool {
        self.has_file_subject && k == 0
    }

    /// Whether a paragraph starts about subject `k`: the file's subject, or a
    /// member of the group that is the file's subject.
    pub fn is_assumed(&self, k: usize) -> bool {
        self.assumed.get(k).copied().unwrap_or(false)
    }

    /// The index in [`Matcher::subjects`] of whom claim `claim` is about.
    pub fn claim_subject(&self, claim: usize) -> Option<usize> {
        self.claim_subject[claim]
    }

    /// Where each trigger may match in the whole folded `text`: (position,
    /// trigger), sorted by position. One pass of the literal automaton.
    pub fn trigger_candidates(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(literals) = &self.trigger_literals else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize)> = Vec::new();
        literals.each_overlapping(text, |m| {
            let owners = &self.literal_owner[m.pattern().as_usize()];
            out.extend(owners.iter().map(|&t| (m.start(), t)));
        });
        out.sort_unstable();
        out
    }

    /// Whether a folded word is one that a claim's trigger matches whole ("death"
    /// for `\bdeath\b`): an event word, not a name.
    pub fn names_event(&self, word: &str, claims: &ClaimSet) -> bool {
        let candidates: Vec<usize> = self
            .trigger_candidates(word)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        self.find_triggers(word, &candidates, claims)
            .iter()
            .any(|t| t.range.start == 0)
    }

    /// Every trigger that matches in the folded sentence `text`, with its position
    /// (offsets relative to `text`): the `candidates` (triggers whose literal occurs
    /// in the sentence) and those without a literal.
    pub fn find_triggers(
        &self,
        text: &str,
        candidates: &[usize],
        claims: &ClaimSet,
    ) -> Vec<TriggerHit> {
        let mut to_run: Vec<usize> = candidates.to_vec();
        if !self.unprefixed_owner.is_empty() {
            let set = self.unprefixed.get_or_init(|| self.unprefixed_set(claims));
            to_run.extend(
                set.matches(text, claims)
                    .into_iter()
                    .map(|i| self.unprefixed_owner[i]),
            );
        }
        to_run.sort_unstable();
        to_run.dedup();
        let mut out = Vec::new();
        for t in to_run {
            let (ci, ti) = self.trigger_owner[t];
            for m in claims.claims[ci].triggers[ti].find_iter(text) {
                out.push(TriggerHit {
                    claim: ci,
                    range: m.range(),
                });
            }
        }
        out.sort_by_key(|h| (h.range.start, h.claim));
        out.dedup();
        out
    }
}

/// The triggers without a usable literal, as one regex set; or, should the set
/// pass its size limit, each trigger on its own.
#[derive(Debug)]
enum UnprefixedSet {
    Set(RegexSet),
    Each(Vec<(usize, usize)>),
}

impl UnprefixedSet {
    /// The indexes (among the unprefixed triggers) of those that match `text`.
    fn matches(&self, text: &str, claims: &ClaimSet) -> Vec<usize> {
        match self {
            UnprefixedSet::Set(set) => set.matches(text).iter().collect(),
            UnprefixedSet::Each(owners) => owners
                .iter()
                .enumerate()
                .filter(|(_, (ci, ti))| claims.claims[*ci].triggers[*ti].is_match(text))
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

impl Matcher {
    /// The unprefixed triggers, compiled into one set.
    fn unprefixed_set(&self, claims: &ClaimSet) -> UnprefixedSet {
        let owners: Vec<(usize, usize)> = self
            .unprefixed_owner
            .iter()
            .map(|&t| self.trigger_owner[t])
            .collect();
        let patterns = owners
            .iter()
            .map(|&(ci, ti)| claims.claims[ci].triggers[ti].as_str());
        match regex::RegexSetBuilder::new(patterns)
            .case_insensitive(true)
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
        {
            Ok(set) => UnprefixedSet::Set(set),
            Err(_) => UnprefixedSet::Each(owners),
        }
    }
}

/// The enabled claims' triggers, found by the literal prefixes each needs.
struct TriggerIndex {
    /// The literal prefixes, one automaton.
    literals: Option<automaton::Staged>,
    /// For each literal, the triggers that need it.
    literal_owner: Vec<Vec<usize>>,
    /// The literals.
    literal_forms: Vec<String>,
    /// For each trigger without a required literal, its trigger number.
    unprefixed_owner: Vec<usize>,
    /// For each trigger number, its claim and its index among the claim's triggers.
    owner: Vec<(usize, usize)>,
    /// For each trigger number, the literals (by index) one of which starts
    /// every match; empty for a trigger without them.
    prefixes: Vec<Vec<usize>>,
}

impl TriggerIndex {
    /// Whether trigger `t` of claim `c` may match in the folded `text`: `false`
    /// only where it cannot. A trigger with literal prefixes is answered by
    /// them (a match starts with one, so holds it whole), compiling nothing
    /// and reading no tree; another by
    /// [`crate::claims::pattern::ClaimRegex::may_match_in`].
    fn may_match_in(&self, claims: &ClaimSet, c: usize, t: usize, text: &str) -> bool {
        let prefixes = self
            .owner
            .binary_search(&(c, t))
            .ok()
            .map_or(&[][..], |k| &self.prefixes[k]);
        if prefixes.is_empty() {
            return claims.claims[c].triggers[t].may_match_in(text);
        }
        prefixes
            .iter()
            .any(|&k| text.contains(self.literal_forms[k].as_str()))
    }
}

/// The enabled claims' triggers, indexed by the literal prefixes they need.
fn trigger_index(claims: &ClaimSet) -> TriggerIndex {
    let mut triggers = Vec::new();
    let mut trigger_owner = Vec::new();
    for (i, claim) in claims.claims.iter().enumerate().filter(|(_, c)| c.enabled) {
        for (j, t) in claim.triggers.iter().enumerate() {
            triggers.push(t);
            trigger_owner.push((i, j));
        }
    }
    let mut literals: Vec<String> = Vec::new();
    let mut literal_index: std::collections::HashMap<String, usize> = Default::default();
    let mut literal_owner: Vec<Vec<usize>> = Vec::new();
    let mut unprefixed_owner = Vec::new();
    let mut trigger_prefixes = vec![Vec::new(); triggers.len()];
    // A pattern that several claims write is read once.
    let mut read: std::collections::HashMap<&str, Option<Vec<String>>> = Default::default();
    for (t, trigger) in triggers.iter().enumerate() {
        let prefixes = read
            .entry(trigger.as_str())
            .or_insert_with(|| required_prefixes(&trigger.case_sensitive_hir()?))
            .clone();
        match prefixes {
            Some(prefixes) => {
                for l in prefixes {
                    let k = *literal_index.entry(l.clone()).or_insert_with(|| {
                        literals.push(l);
                        literal_owner.push(Vec::new());
                        literals.len() - 1
                    });
                    literal_owner[k].push(t);
                    trigger_prefixes[t].push(k);
                }
            }
            None => unprefixed_owner.push(t),
        }
    }
    let trigger_literals = (!literals.is_empty())
        .then(|| automaton::Staged::new(literals.clone(), Some(automaton_kind(&literals))));
    TriggerIndex {
        literals: trigger_literals,
        literal_owner,
        literal_forms: literals,
        unprefixed_owner,
        owner: trigger_owner,
        prefixes: trigger_prefixes,
    }
}

/// The lowercase literals that every match of a pattern (case-insensitive) starts
/// with, where there is a small set of them of three characters or more; `None`
/// where a match may start anywhere. `hir` is the pattern's case-sensitive tree,
/// whose literals are lowercased: the folded text is lowercase, so the lowercase
/// literal is what a case-insensitive match must start with (and case variants
/// would only shorten the literals).
fn required_prefixes(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(literals.len());
    for l in literals {
        let s = std::str::from_utf8(l.as_bytes()).ok()?.to_lowercase();
        if s.chars().count() < 3 {
            return None;
        }
        out.push(s);
    }
    out.sort();
    out.dedup();
    Some(out)
}

impl Matcher {
    /// Whether the folded `text` holds a literal of some trigger.
    fn has_trigger_literal(&self, folded: &str) -> bool {
        self.trigger_literals
            .as_ref()
            .is_some_and(|literals| literals.for_text(folded).is_match(folded))
    }
}

impl super::prefilter::Search for Matcher {
    fn has_term(&self, folded: &str, denied: &dyn Fn() -> bool) -> bool {
        self.any_term_in(&self.term_matches(folded), denied)
    }

    fn has_trigger_literal(&self, folded: &str) -> bool {
        Matcher::has_trigger_literal(self, folded)
    }
}

/// The kind of the term automaton, and of the triggers' literals, for a long
/// run: every page is searched with it, overlapping matches and all, so a DFA (a table lookup a byte) pays for its
/// build and its memory up to some thousands of forms; past that, a contiguous
/// NFA keeps memory bounded.
pub(crate) fn automaton_kind(patterns: &[impl AsRef<str>]) -> aho_corasick::AhoCorasickKind {
    let bytes: usize = patterns.iter().map(|p| p.as_ref().len()).sum();
    if bytes <= 64 << 10 {
        aho_corasick::AhoCorasickKind::DFA
    } else {
        aho_corasick::AhoCorasickKind::ContiguousNFA
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_common_nouns_take_a_plural_ending() {
        let claims = crate::claims::parse_claims(vec![(
            "c.toml".into(),
            "[[claim]]\nid = \"n\"\nkind = \"term\"\nvalue = \"Polish\"\nreject = [\"Russian\", \"ice pick\"]\nscope = \"any\"\n".into(),
        )])
        .unwrap();
        let m = Matcher::new(&claims).unwrap();
        let found = |t: &str| -> Vec<String> {
            m.find_terms(t)
                .into_iter()
                .map(|h| t[h.range].to_string())
                .collect()
        };
        // A people's name is not the plural of its adjective.
        assert!(found("the russians came").is_empty());
        assert_eq!(found("a russian poet"), vec!["russian"]);
        assert_eq!(found("two ice picks"), vec!["ice pick"]);
    }

    #[test]
    fn whether_a_trigger_may_match_a_word_is_told_by_its_prefixes() {
        let claims = crate::claims::parse_claims(vec![(
            "c.toml".into(),
            "[[claim]]\nid = \"d\"\nkind = \"date\"\nvalue = \"1940-08-21\"\ntriggers = ['\\bDied\\b', '\\bborn\\w+', '\\w+ed\\b']\n".into(),
        )])
        .unwrap();
        let index = trigger_index(&claims);
        let may = |t: usize, word: &str| index.may_match_in(&claims, 0, t, word);
        assert!(may(0, "died"));
        assert!(!may(0, "death"));
        // The prefix stands in the word though no match does: only `false` is sure.
        assert!(may(1, "born"));
        // No prefix: the regex's own literals answer.
        assert!(!may(2, "born"));
        assert!(may(2, "died"));
        // Nothing was compiled to tell.
        assert!(!claims.claims[0].triggers.iter().any(|t| t.is_compiled()));
    }

    #[test]
    fn triggers_are_found_through_their_literal_prefixes() {
        let required_prefixes =
            |p: &str| required_prefixes(&regex_syntax::Parser::new().parse(p).unwrap());
        assert_eq!(
            required_prefixes(r"\bDied\b"),
            Some(vec!["died".to_string()])
        );
        assert_eq!(
            required_prefixes(r"\b(?:arrested|exiled)\b.*\bsiberia"),
            Some(vec!["arrested".to_string(), "exiled".to_string()])
        );
        // No usable literal: a match may start anywhere.
        assert_eq!(required_prefixes(r"\w+ed\b"), None);
        assert_eq!(required_prefixes(r"\bin\b"), None);
    }
}

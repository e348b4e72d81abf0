//! The term forms of the enabled term claims, indexed for one automaton.

use super::{TermPattern, TermRole, automaton, automaton_kind};
use crate::claims::{ClaimSet, Expected};
use crate::extract::normalize::fold_pattern;

/// The term forms of the enabled term claims (values, accepted and rejected
/// variants), found by one automaton.
pub(super) struct TermIndex {
    pub(super) automaton: Option<automaton::Staged>,
    /// For each form, the claims that list it and in which role.
    pub(super) patterns: Vec<Vec<TermPattern>>,
    /// For each form, whether it is a common noun that may be read in the plural.
    pub(super) plural: Vec<bool>,
    /// The forms, folded.
    pub(super) forms: Vec<String>,
}

/// Every term form of the enabled term claims, in one automaton.
pub(super) fn term_automaton(claims: &ClaimSet) -> TermIndex {
    let mut patterns: Vec<String> = Vec::new();
    let mut term_patterns: Vec<Vec<TermPattern>> = Vec::new();
    let mut term_plural: Vec<bool> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (i, claim) in claims.claims.iter().enumerate().filter(|(_, c)| c.enabled) {
        if let Expected::Term {
            value,
            accept,
            reject,
        } = &claim.expected
        {
            let all = std::iter::once((value, TermRole::Value))
                .chain(accept.iter().map(|a| (a, TermRole::Accept)))
                .chain(reject.iter().map(|r| (r, TermRole::Reject)));
            for (p, role) in all {
                let folded = fold_pattern(p);
                if folded.is_empty() {
                    continue;
                }
                let k = *index.entry(folded.clone()).or_insert_with(|| {
                    patterns.push(folded);
                    term_patterns.push(Vec::new());
                    term_plural.push(false);
                    patterns.len() - 1
                });
                let noun = p
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| !w.starts_with(char::is_uppercase));
                term_plural[k] |= noun;
                // A claim lists a form once, in its strongest role.
                if !term_patterns[k].iter().any(|t| t.claim == i) {
                    term_patterns[k].push(TermPattern { claim: i, role });
                }
            }
        }
    }
    let terms = (!patterns.is_empty())
        .then(|| automaton::Staged::new(patterns.clone(), Some(automaton_kind(&patterns))));
    TermIndex {
        automaton: terms,
        patterns: term_patterns,
        plural: term_plural,
        forms: patterns,
    }
}

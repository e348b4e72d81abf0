//! Event claims: whether something happened at all ("she never remarried", "the
//! tower was never completed", "he did finish his degree").
//!
//! Each trigger of the claim in a clause about its subject is a statement that
//! the event happened; its assertion mode (negated, hedged, quoted) says how the
//! document stands behind it, so "she never remarried" agrees with a claim that
//! she did not and "she remarried in 1920" contradicts it, whatever the wording.

use super::{Scan, local};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;

/// Records every mention of an event claim's event in one analysed sentence.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit]) {
    let mut seen = Vec::new();
    for t in triggers {
        let claim = &scan.claims.claims[t.claim];
        if seen.contains(&t.claim)
            || (!claim.context.is_empty()
                && !super::terms::context_in_clause(
                    a.clauses(),
                    a.text,
                    &claim.context,
                    t.range.start,
                ))
        {
            continue;
        }
        seen.push(t.claim);
        let span = local(t);
        scan.assert_with(a, t.claim, span, span, Observed::Event);
    }
}

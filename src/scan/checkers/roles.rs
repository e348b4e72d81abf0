//! Role claims: who or what fills a role, read where a trigger names the role.
//!
//! The filler stands after a trigger that ends in a preposition or a form of
//! "be" ("led by Hillary", "killed with an ice pick", "the weapon was an axe"),
//! else before it, as the actor of the trigger's clause ("Orville won the toss",
//! "Orville piloted the plane, having won the toss"). A pronoun filler is the
//! actor of the clause before it in the sentence ("Orville won the toss, which is
//! why he flew first"). The filler is compared with the claim's value by words
//! (see `check.rs`): any other name or noun phrase contradicts.

use super::{Scan, local};
use crate::claims::FillerSide;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::scan::subject::actors::Actor;
use crate::scan::tokens::{TokenKind, WordClass, word_class};
use crate::span::{LocalSpan, Span};

/// Reads the filler of every role trigger of one analysed sentence.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit]) {
    let mut seen: Vec<(usize, LocalSpan)> = Vec::new();
    for t in triggers {
        let claim = &scan.claims.claims[t.claim];
        if !claim.context.is_empty()
            && !super::terms::context_in_clause(&a.clauses, a.text, &claim.context, t.range.start)
        {
            continue;
        }
        let trigger = local(t);
        let side = match claim.filler {
            FillerSide::Auto => auto_side(a.text, trigger),
            side => side,
        };
        let filler = match side {
            FillerSide::After => after(a, trigger.end),
            _ => before(a, trigger.start),
        };
        let Some(filler) = filler else { continue };
        if seen.contains(&(t.claim, filler)) {
            continue;
        }
        seen.push((t.claim, filler));
        let proper = a
            .tokens
            .iter()
            .any(|tok| filler.contains(tok.span) && tok.cap);
        scan.assert_with(
            a,
            t.claim,
            filler,
            trigger,
            Observed::Role {
                filler: a.text[filler.range()].to_string(),
                proper,
            },
        );
    }
}

/// After a trigger ending in a preposition or a form of "be", the filler follows.
fn auto_side(text: &str, trigger: LocalSpan) -> FillerSide {
    let last = text[trigger.range()]
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let ends_open = text[trigger.range()].trim_end().ends_with(':');
    if ends_open
        || matches!(word_class(last), WordClass::Preposition)
        || matches!(last, "was" | "is" | "were" | "are" | "be" | "been" | "by")
    {
        FillerSide::After
    } else {
        FillerSide::Before
    }
}

/// The noun phrase right after local position `at`: a name, or the words of a
/// common noun phrase up to a preposition, a verb or punctuation.
fn after(a: &Analysis<'_>, at: usize) -> Option<LocalSpan> {
    let mut i = a.tokens.partition_point(|t| t.span.start < at);
    // Articles and possessives open the phrase without being its words.
    while let Some(t) = a.tokens.get(i) {
        let w = t.text(a.text);
        if t.is_word()
            && (matches!(
                word_class(w),
                WordClass::Determiner | WordClass::PossessivePronoun
            ) || matches!(w, "her"))
        {
            i += 1;
        } else {
            break;
        }
    }
    let start = i;
    let first = a.tokens.get(start)?;
    if first.kind != TokenKind::Word {
        return None;
    }
    let proper = first.cap;
    while let Some(t) = a.tokens.get(i) {
        if t.kind != TokenKind::Word {
            break;
        }
        let w = t.text(a.text);
        if proper {
            if !t.cap && !crate::lexicon::is(crate::lexicon::NAME_PARTICLES, w) {
                break;
            }
        } else if word_class(w) != WordClass::Other || t.cap {
            break;
        }
        i += 1;
    }
    (i > start).then(|| Span::new(a.tokens[start].span.start, a.tokens[i - 1].span.end))
}

/// The actor of the clause holding local position `at`, a pronoun resolved to
/// the actor of the clause before it.
fn before(a: &Analysis<'_>, at: usize) -> Option<LocalSpan> {
    let k = a.clauses.at(at);
    match &a.actors[k] {
        Actor::Name { span } => Some(*span),
        Actor::Noun { span, .. } => Some(*span),
        Actor::Pronoun(_) => (0..k).rev().find_map(|j| match &a.actors[j] {
            Actor::Name { span } => Some(*span),
            _ => None,
        }),
        _ => None,
    }
}

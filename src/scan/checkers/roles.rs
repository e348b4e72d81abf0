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
        // Capitals that only open the sentence do not make a name.
        let first_word = a.tokens.iter().position(|t| t.is_word());
        let proper = a
            .tokens
            .iter()
            .enumerate()
            .any(|(i, tok)| filler.contains(tok.span) && tok.cap && Some(i) != first_word)
            || first_word.is_some_and(|i| {
                let tok = &a.tokens[i];
                let w = tok.text(a.text);
                filler.contains(tok.span)
                    && tok.cap
                    && (scan.facts_ref().is_some_and(|f| f.proper.contains(w))
                        || scan.matcher.subjects().iter().any(|m| m.is_own(w)))
            });
        // A group holding the claimed filler ("the Wright brothers" for Orville)
        // is no other filler.
        if group_holds(scan, &a.text[filler.range()], t.claim) {
            continue;
        }
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
/// the actor of the clause before it that names its own ("Orville won the toss
/// with Wilbur, which is why he flew first": he is Orville), and names joined by
/// "and" taken together ("Wilbur and Orville Wright").
fn before(a: &Analysis<'_>, at: usize) -> Option<LocalSpan> {
    use crate::scan::clauses::ClauseKind;
    let k = a.clauses.at(at);
    // "Ohio (where they were born)": the role's filler is the place the clause
    // is about, named before it.
    let clause = &a.clauses.list[k];
    let opener = a.tokens[clause.tokens.clone()]
        .iter()
        .find(|t| t.is_word())
        .map(|t| t.text(a.text));
    if matches!(clause.kind, ClauseKind::Relative | ClauseKind::Parenthesis)
        && opener == Some("where")
        && let Some(h) = clause.host.filter(|&h| h < k)
    {
        let host = &a.tokens[a.clauses.list[h].tokens.clone()];
        let names: Vec<&crate::scan::tokens::Token> = host
            .iter()
            .rev()
            .take_while(|t| t.is_word() && t.cap)
            .collect();
        if let (Some(last), Some(first)) = (names.first(), names.last()) {
            return Some(Span::new(first.span.start, last.span.end));
        }
    }
    let span = match &a.actors[k] {
        Actor::Name { span } => *span,
        Actor::Noun { span, .. } => *span,
        Actor::Pronoun(_) => (0..k).rev().find_map(|j| {
            let own = matches!(
                a.clauses.list[j].kind,
                ClauseKind::Main | ClauseKind::Coordinate | ClauseKind::Subordinate
            );
            match &a.actors[j] {
                Actor::Name { span } if own => Some(*span),
                _ => None,
            }
        })?,
        _ => return None,
    };
    Some(coordinated(a, span))
}

/// A name with the names joined to it by "and" ("Wilbur and Orville Wright").
fn coordinated(a: &Analysis<'_>, span: LocalSpan) -> LocalSpan {
    let mut end = span.end;
    loop {
        let rest = &a.text[end..];
        let Some(after) = rest.strip_prefix(" and ") else {
            break;
        };
        let next = a.tokens.partition_point(|t| t.span.start < end + 5);
        let mut last = None;
        for t in &a.tokens[next..] {
            if t.kind == TokenKind::Word && t.cap {
                last = Some(t.span.end);
            } else {
                break;
            }
        }
        match last {
            Some(e) if !after.is_empty() => end = e,
            _ => break,
        }
    }
    Span::new(span.start, end)
}

/// Whether the filler names a group whose members include the claim's value.
fn group_holds(scan: &Scan<'_>, filler: &str, claim: usize) -> bool {
    use crate::claims::{Expected, SubjectKind};
    let Expected::Role { value, accept, .. } = &scan.claims.claims[claim].expected else {
        return false;
    };
    let forms: Vec<String> = std::iter::once(value)
        .chain(accept)
        .map(|f| crate::extract::normalize::fold_pattern(f))
        .collect();
    scan.matcher.subjects().iter().any(|m| {
        m.kind == SubjectKind::Group
            && m.is_subject(filler)
            && m.member_names
                .iter()
                .any(|name| forms.iter().any(|f| name.contains(f.as_str())))
    })
}

//! Role claims: who or what fills a role, read where a trigger names the role.
//!
//! The filler stands after a trigger that ends in a preposition or a form of
//! "be" ("led by Hillary", "killed with an ice pick", "the weapon was an axe"),
//! else before it, as the actor of the trigger's clause ("Orville won the toss",
//! "Orville piloted the plane, having won the toss"). A pronoun filler is the
//! actor of the clause before it in the sentence ("Orville won the toss, which is
//! why he flew first"). A role noun followed by "be" or a name in apposition is
//! filled after it ("the leader was Hunt"). Coordinated fillers are read together
//! ("led by Hunt and Evans"). The filler is compared with the claim's value by words
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
            && !super::terms::context_in_clause(a.clauses(), a.text, &claim.context, t.range.start)
        {
            continue;
        }
        let trigger = local(t);
        let filler = match filler_at(a, claim.filler, trigger) {
            FillerAt::After(at) => after(a, at),
            // The actor is no filler where it is the subject itself: the role
            // is then told of it, not by it ("Halvorsen moved its headquarters
            // to Bergholm").
            FillerAt::Before => before(a, trigger.start)
                .filter(|f| !names_subject(scan, &a.text[f.range()], t.claim)),
            FillerAt::Absent => None,
        };
        let Some(filler) = filler else { continue };
        if seen.contains(&(t.claim, filler)) {
            continue;
        }
        seen.push((t.claim, filler));
        let proper = is_proper(scan, a, filler);
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

/// Whether the writer capitalised the filler as a name. Capitals that only open
/// the sentence do not make one, unless the document writes the word as a name.
fn is_proper(scan: &Scan<'_>, a: &Analysis<'_>, filler: LocalSpan) -> bool {
    let first_word = a.tokens.iter().position(|t| t.is_word());
    a.tokens
        .iter()
        .enumerate()
        .any(|(i, tok)| filler.contains(tok.span) && tok.cap && Some(i) != first_word)
        || first_word.is_some_and(|i| {
            let tok = &a.tokens[i];
            let w = tok.text(a.text);
            filler.contains(tok.span)
                && tok.cap
                && (scan.facts().proper.contains(w)
                    || scan.matcher.subjects().iter().any(|m| m.is_own(w)))
        })
}

/// A unit that answers a role named above it (its question, label or column
/// header lends the claim) with a name or noun phrase alone fills that role:
/// "A: Robert Dance.", "Mayor: Helen Tarrow", a cell under "Mayor". A number, a
/// date, a pronoun, "yes" or a sentence that goes on past the phrase fills
/// nothing; a claim whose trigger the unit holds itself is read by [`check`].
pub fn check_lent(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    triggers: &[crate::scan::TriggerHit],
    lent: &[usize],
) {
    let claims: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == crate::claims::ClaimKind::Role)
        .filter(|&c| !triggers.iter().any(|t| t.claim == c))
        .collect();
    if claims.is_empty() {
        return;
    }
    let Some(filler) = whole_phrase(a) else {
        return;
    };
    let proper = is_proper(scan, a, filler);
    let words = &a.text[filler.range()];
    for claim in claims {
        if group_holds(scan, words, claim) || !scan.filler_in_scope(a, claim, filler.start) {
            continue;
        }
        scan.assert(
            a,
            claim,
            filler,
            Observed::Role {
                filler: words.to_string(),
                proper,
            },
        );
    }
}

/// The noun phrase (or coordinated phrases) that is the whole unit, past an
/// opening article and before closing punctuation ("Robert Dance.", "the town
/// council", "Marshal Lenoir (retired)"): not a number, a pronoun or a bare
/// "yes".
fn whole_phrase(a: &Analysis<'_>) -> Option<LocalSpan> {
    let filler = after(a, 0)?;
    let lead_ok = a
        .tokens
        .iter()
        .take_while(|t| t.span.start < filler.start)
        .all(|t| {
            !t.is_word()
                || matches!(
                    word_class(t.text(a.text)),
                    WordClass::Determiner | WordClass::PossessivePronoun
                )
        });
    let next = a.tokens.iter().find(|t| t.span.start >= filler.end);
    let closes = next.is_none_or(|t| {
        t.kind == TokenKind::Punct && !matches!(t.text(a.text), "'" | "-" | "&" | "/")
    });
    let first = a.text[filler.range()].split(' ').next().unwrap_or("");
    let bare = crate::lexicon::is(crate::lexicon::BARE_ANSWERS, first)
        || matches!(
            word_class(first),
            WordClass::SubjectPronoun | WordClass::ObjectPronoun | WordClass::RelativePronoun
        );
    (lead_ok && closes && !bare).then_some(filler)
}

/// Where a role trigger's filler is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillerAt {
    /// The phrase after this local position.
    After(usize),
    /// The actor of the trigger's clause (or the clause before it).
    Before,
    /// Nowhere: a passive without its agent ("Halvorsen was founded in 1962",
    /// "Halvorsen, founded in 1962,"), whose actor is the thing acted on.
    Absent,
}

/// Where the filler of a role trigger stands, by the claim's `filler` setting and
/// the words around the trigger: after a trigger ending in a preposition or "be",
/// after a passive's "by" ("captained by Rostron"), after a role noun followed by
/// "be" or a name in apposition ("the leader was Hunt", "its leader, John Hunt,");
/// else before it.
pub fn filler_at(a: &Analysis<'_>, side: FillerSide, trigger: LocalSpan) -> FillerAt {
    let auto = side == FillerSide::Auto;
    let side = match side {
        FillerSide::Auto => auto_side(a.text, trigger),
        side => side,
    };
    match side {
        FillerSide::After => FillerAt::After(trigger.end),
        _ => match agent_after(a, trigger).or_else(|| noun_told(a, trigger)) {
            Some(at) => FillerAt::After(at),
            None if auto && passive(a, trigger) => FillerAt::Absent,
            None => FillerAt::Before,
        },
    }
}

/// Whether the trigger's verb is a passive: a past form after a form of "be"
/// ("was founded"), or a past participle opening its phrase ("Halvorsen,
/// founded in 1962,").
fn passive(a: &Analysis<'_>, trigger: LocalSpan) -> bool {
    let first = a.tokens.partition_point(|t| t.span.start < trigger.start);
    let Some(word) = a.tokens.get(first).filter(|t| t.is_word()) else {
        return false;
    };
    let w = word.text(a.text);
    if !w.ends_with("ed") && !crate::scan::tokens::is_participle(w) {
        return false;
    }
    let before = a.tokens[..first].iter().rev().find(|t| t.is_word());
    let after_be = before.is_some_and(|t| {
        matches!(
            t.text(a.text),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
    });
    let c = a.clauses().at(trigger.start);
    let opens_participle = a.clauses().list[c].kind
        == crate::scan::clauses::ClauseKind::Participial
        && a.clauses().list[c].tokens.start == first;
    after_be || opens_participle
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

/// Where a passive's agent follows the trigger: "captained by Rostron", "a ship
/// built by Harland and Wolff" (the filler is after "by", not the clause's
/// actor, which is the thing acted on).
fn agent_after(a: &Analysis<'_>, trigger: LocalSpan) -> Option<usize> {
    let mut i = a.tokens.partition_point(|t| t.span.start < trigger.end);
    // "designed not by Brunel but by Avery", "built jointly by": a negation or
    // an adverb may stand before "by".
    while a.tokens.get(i).is_some_and(|t| {
        let w = t.text(a.text);
        w == "not" || crate::lexicon::is(crate::lexicon::AGENT_ADVERBS, w)
    }) {
        i += 1;
    }
    let by = a.tokens.get(i)?;
    let next = a.tokens.get(i + 1)?;
    (by.text(a.text) == "by" && next.is_word()).then_some(by.span.end)
}

/// Where a role noun's filler is told after it: past a form of "be" right after
/// the noun ("the leader was Hunt"), or past the comma of a name in apposition
/// ("its leader, John Hunt, ...").
fn noun_told(a: &Analysis<'_>, trigger: LocalSpan) -> Option<usize> {
    let last = a.tokens.iter().rev().find(|t| t.span.end <= trigger.end)?;
    if !last.is_word() || word_class(last.text(a.text)) != WordClass::Other {
        return None;
    }
    let mut i = a.tokens.partition_point(|t| t.span.start < trigger.end);
    // "the mayor of Marrowgate, Helen Tarrow,": past the noun's "of" phrase.
    if a.tokens.get(i).is_some_and(|t| t.text(a.text) == "of") {
        i += a.tokens[i..]
            .iter()
            .take(6)
            .position(|t| matches!(t.text(a.text), "," | "was" | "is" | "were" | "are"))?;
    }
    let next = a.tokens.get(i)?;
    match next.text(a.text) {
        "was" | "is" | "were" | "are" => Some(next.span.end),
        "," if a.tokens.get(i + 1).is_some_and(|t| t.is_word() && t.cap) => Some(next.span.end),
        _ => None,
    }
}

/// The noun phrase right after local position `at`: a name, or the words of a
/// common noun phrase up to a preposition, a verb or punctuation; with the
/// phrases coordinated with it ("led by Pike and Marsh", "aboard the Gannet, the
/// Skua or the Tern"), any of which may be the claim's filler.
fn after(a: &Analysis<'_>, at: usize) -> Option<LocalSpan> {
    let first = a.tokens.partition_point(|t| t.span.start < at);
    let (start, mut end, proper) = phrase(a, first)?;
    let mut commas = Vec::new();
    loop {
        let next = a.tokens.get(end);
        let joined = |i: usize| {
            a.tokens
                .get(i)
                .is_some_and(|t| t.is_word() && matches!(t.text(a.text), "and" | "or"))
        };
        let (comma, from) = match next {
            Some(t) if t.kind == TokenKind::Punct && t.text(a.text) == "," => {
                (true, if joined(end + 1) { end + 2 } else { end + 1 })
            }
            Some(_) if joined(end) => (false, end + 1),
            _ => break,
        };
        let bare_comma = comma && !joined(end + 1);
        let Some((_, e, p)) = phrase(a, from) else {
            break;
        };
        if p != proper {
            break;
        }
        if bare_comma {
            // "the Tern, a converted whaler": a comma joins a list only where an
            // "and" or "or" closes it.
            commas.push(end);
        } else {
            commas.clear();
        }
        end = e;
    }
    // Phrases joined by commas alone, with no "and" after them, were appositions.
    if let Some(&first_comma) = commas.first() {
        end = first_comma;
    }
    Some(Span::new(
        a.tokens[start].span.start,
        a.tokens[end - 1].span.end,
    ))
}

/// The noun phrase from token `i`: (first token, end token, whether a name),
/// past articles and possessives that open it without being its words.
fn phrase(a: &Analysis<'_>, mut i: usize) -> Option<(usize, usize, bool)> {
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
    (i > start).then_some((start, i, proper))
}

/// The actor of the clause holding local position `at`, a pronoun resolved to
/// the actor of the clause before it that names its own ("Orville won the toss
/// with Wilbur, which is why he flew first": he is Orville), and names joined by
/// "and" taken together ("Wilbur and Orville Wright").
fn before(a: &Analysis<'_>, at: usize) -> Option<LocalSpan> {
    use crate::scan::clauses::ClauseKind;
    let k = a.clauses().at(at);
    // "Ohio (where they were born)": the role's filler is the place the clause
    // is about, named before it.
    let clause = &a.clauses().list[k];
    let opener = a.tokens[clause.tokens.clone()]
        .iter()
        .find(|t| t.is_word())
        .map(|t| t.text(a.text));
    if matches!(clause.kind, ClauseKind::Relative | ClauseKind::Parenthesis)
        && opener == Some("where")
        && let Some(h) = clause.host.filter(|&h| h < k)
    {
        let host = &a.tokens[a.clauses().list[h].tokens.clone()];
        let names: Vec<&crate::scan::tokens::Token> = host
            .iter()
            .rev()
            .take_while(|t| t.is_word() && t.cap)
            .collect();
        if let (Some(last), Some(first)) = (names.first(), names.last()) {
            return Some(Span::new(first.span.start, last.span.end));
        }
    }
    let span = match &a.actors()[k] {
        Actor::Name { span } => *span,
        Actor::Noun { span, .. } => *span,
        Actor::Pronoun(_) => (0..k).rev().find_map(|j| {
            let own = matches!(
                a.clauses().list[j].kind,
                ClauseKind::Main | ClauseKind::Coordinate | ClauseKind::Subordinate
            );
            match &a.actors()[j] {
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
        .filter(|f| !f.is_empty())
        .collect();
    scan.matcher.subjects().iter().any(|m| {
        m.kind == SubjectKind::Group
            && m.is_subject(filler)
            && m.member_names
                .iter()
                .any(|name| forms.iter().any(|f| name.contains(f.as_str())))
    })
}

/// Whether a filler names the claim's subject itself (its own name, not a
/// member's, or its noun alone).
fn names_subject(scan: &Scan<'_>, filler: &str, claim: usize) -> bool {
    let Some(k) = scan.matcher.claim_subject(claim) else {
        return false;
    };
    let m = &scan.matcher.subjects()[k];
    let words: Vec<&str> = filler
        .split(' ')
        .filter(|w| !crate::lexicon::is(crate::lexicon::DETERMINERS, w))
        .collect();
    let name = words.join(" ");
    (m.is_subject(&name) && !m.is_member(&name) && m.is_whole_name(&name))
        || (words.len() == 1 && m.is_noun(words[0]))
}

#[cfg(test)]
mod tests;

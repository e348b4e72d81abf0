//! What each unit is, and which earlier units lend it their event.
//!
//! - A label at the start of a line (see `labels`) is a unit apart from its value.
//!   A role label ("Question:", "Answer:", "Fact 2:", "Source:") says what the text
//!   after it is; any other label names the event of the value after it, which
//!   lends from it.
//! - A question that ends its line is answered by the line after it.
//! - A quiz answer phrased as a question ("What is 31?") under a clue statement is
//!   that clue's answer, on a board of such pairs or when the clue holds the blank
//!   ("this many people …").
//! - Choices ("A) France") lend from the question above them.
//! - A heading or label line lends to a bare value on the line under it ("Died" /
//!   "1934"); to nothing else: a heading's date anchors its paragraph already.
//! - A table cell lends from its column's header and its row's first cell, which
//!   is its `row_head`: whose row it is.

use std::collections::HashMap;
use std::ops::Range;

use super::labels::{Label, Role, is_choice};
use super::{Layout, Sentence, UnitKind, is_bullet, is_closer, trimmed};
use crate::document::tables::{self, Cell};
use crate::lexicon;

/// Where a unit lies on its lines.
struct Info {
    /// The unit without surrounding space.
    range: Range<usize>,
    /// Only space lies between the line's start and the unit.
    starts_line: bool,
    /// Only space lies between the unit and the line's end.
    ends_line: bool,
    /// The unit was cut by an inserted card, or resumes after one.
    cut: bool,
}

impl Info {
    fn new(text: &str, r: &Range<usize>, cut: bool) -> Info {
        let range = trimmed(text, r.clone());
        let before = text[..range.start].trim_end_matches([' ', '\t', '\u{a0}']);
        let after = text[range.end..].trim_start_matches([' ', '\t', '\u{a0}', '\r']);
        Info {
            starts_line: before.is_empty() || before.ends_with('\n'),
            ends_line: after.is_empty() || after.starts_with('\n'),
            cut,
            range,
        }
    }
}

/// Sets the kind and `lent_from` of every unit.
pub(super) fn assign(text: &str, units: &mut [Sentence], layout: &Layout, labels: &[Label]) {
    let info: Vec<Info> = units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let cut = u.continues.is_some() || units.get(k + 1).is_some_and(|n| n.card);
            Info::new(text, &u.range, cut)
        })
        .collect();
    let mut roles: Vec<Option<Role>> = vec![None; units.len()];
    base_kinds(text, units, &info, layout, labels, &mut roles);
    quiz_answers(text, units, &info);
    choices(text, units, &info);
    label_values(units, &roles);
    answers(units, &info);
    heading_values(text, units, &info);
    definitions(units);
    cells(units, layout.cells);
}

/// The kind each unit has by itself: from the markup, its label, its first and last
/// characters and its place on its line. `roles` gets the role of each label's value.
fn base_kinds(
    text: &str,
    units: &mut [Sentence],
    info: &[Info],
    layout: &Layout,
    labels: &[Label],
    roles: &mut [Option<Role>],
) {
    let mut at_label: HashMap<usize, (Role, bool)> = HashMap::new();
    for l in labels {
        at_label.insert(l.range.start, (l.role, false));
        if let Some(v) = l.value {
            at_label.insert(v, (l.role, true));
        }
    }
    let mut blocks = Blocks::default();
    for (r, kind) in layout.blocks {
        let r = trimmed(text, r.clone());
        match kind {
            UnitKind::ListItem => {
                blocks.items.insert(r.start);
            }
            _ => blocks.spans.push((r, *kind)),
        }
    }
    blocks.spans.sort_by_key(|(r, _)| r.start);
    for (k, u) in units.iter_mut().enumerate() {
        let r = &info[k].range;
        let t = &text[r.clone()];
        if t.is_empty() {
            continue;
        }
        if within_address(layout.addresses, r) {
            u.kind = UnitKind::Address;
            continue;
        }
        let question = t.trim_end_matches(is_closer).ends_with('?');
        u.kind = match at_label.get(&r.start) {
            Some((_, false)) => UnitKind::Label,
            Some((role, true)) => {
                roles[k] = Some(*role);
                match role {
                    _ if question => UnitKind::Question,
                    Role::Question => UnitKind::Question,
                    Role::Answer => UnitKind::Answer,
                    Role::Value => UnitKind::Value,
                    Role::Other => content_kind(t, question, &info[k], &blocks, r.start),
                }
            }
            None => content_kind(t, question, &info[k], &blocks, r.start),
        };
    }
}

/// The blocks the markup marks, for lookup by a unit's start.
#[derive(Default)]
struct Blocks {
    /// Where list items start.
    items: std::collections::HashSet<usize>,
    /// Headings, terms and definitions, sorted by start.
    spans: Vec<(Range<usize>, UnitKind)>,
}

impl Blocks {
    /// The kind of block a unit starting at `start` is in: a list item starting
    /// there, or the last span starting before it that still holds it.
    fn kind_at(&self, start: usize) -> Option<UnitKind> {
        if self.items.contains(&start) {
            return Some(UnitKind::ListItem);
        }
        let k = self.spans.partition_point(|(r, _)| r.start <= start);
        k.checked_sub(1)
            .map(|k| &self.spans[k])
            .filter(|(r, _)| r.contains(&start))
            .map(|(_, kind)| *kind)
    }
}

/// Whether `r` lies wholly inside one of the sorted `addresses`.
fn within_address(addresses: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = addresses.partition_point(|a| a.end <= r.start);
    addresses
        .get(k)
        .is_some_and(|a| a.start <= r.start && r.end <= a.end)
}

/// The kind a unit's own text and place give it.
fn content_kind(t: &str, question: bool, info: &Info, blocks: &Blocks, start: usize) -> UnitKind {
    if question {
        return UnitKind::Question;
    }
    if let Some(k) = blocks.kind_at(start) {
        return k;
    }
    if info.starts_line && is_bullet(t) {
        return UnitKind::ListItem;
    }
    let punctuated = t
        .trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '\u{2026}']);
    // A fragment that starts in lowercase or with a comma is the rest of a cut
    // sentence, not a title.
    let opens = t.starts_with(|c: char| !c.is_lowercase() && !matches!(c, ',' | ';' | ':' | ')'));
    if info.starts_line
        && info.ends_line
        && !info.cut
        && opens
        && !punctuated
        && t.chars().any(char::is_alphanumeric)
    {
        UnitKind::Heading
    } else {
        UnitKind::Prose
    }
}

/// A quiz board's answers phrased as questions ("What is 31?") under their clues.
fn quiz_answers(text: &str, units: &mut [Sentence], info: &[Info]) {
    let pairs: Vec<usize> = (1..units.len())
        .filter(|&i| {
            units[i].kind == UnitKind::Question
                && info[i].starts_line
                && info[i].ends_line
                && quiz_answer_form(&text[info[i].range.clone()])
                && units[i - 1].kind == UnitKind::Prose
                && info[i - 1].starts_line
                && info[i - 1].ends_line
                && is_statement(&text[info[i - 1].range.clone()])
        })
        .collect();
    let board = pairs.len() >= 2;
    for i in pairs {
        let clue = &text[info[i - 1].range.clone()];
        let blank = clue
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("this") || w.eq_ignore_ascii_case("these"));
        if board || blank {
            units[i].kind = UnitKind::Answer;
            units[i].lent_from = vec![i - 1];
        }
    }
}

/// A clue: a statement of three words or more ending with a full stop or "!".
fn is_statement(t: &str) -> bool {
    t.trim_end_matches(is_closer).ends_with(['.', '!']) && t.split_whitespace().nth(2).is_some()
}

/// "What is 31?", "Who was Orville Wright?": a question word, a form of "be", a
/// short answer.
pub(crate) fn quiz_answer_form(t: &str) -> bool {
    let words: Vec<String> = t
        .split_whitespace()
        .take(17)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.len() >= 3
        && words.len() <= 16
        && lexicon::is(lexicon::QUIZ_ANSWER_OPENERS, &words[0])
        && lexicon::is(lexicon::COPULAS, &words[1])
}

/// Choices come in runs or under a question ("A) France" / "B) Russia"), and lend
/// from the question right above their run; a lone "s) argued …" is no choice.
fn choices(text: &str, units: &mut [Sentence], info: &[Info]) {
    let is_choice_line: Vec<bool> = (0..units.len())
        .map(|k| {
            info[k].starts_line
                && matches!(units[k].kind, UnitKind::Prose | UnitKind::Heading)
                && is_choice(&text[info[k].range.clone()])
        })
        .collect();
    for k in 0..units.len() {
        let in_run = (k > 0 && (is_choice_line[k - 1] || units[k - 1].kind == UnitKind::Question))
            || is_choice_line.get(k + 1) == Some(&true);
        if is_choice_line[k] && in_run {
            units[k].kind = UnitKind::Choice;
        }
    }
    let mut question = None;
    for (i, u) in units.iter_mut().enumerate() {
        match u.kind {
            UnitKind::Choice => {
                if let Some(q) = question {
                    u.lent_from = vec![q];
                }
            }
            UnitKind::Question => question = Some(i),
            _ => question = None,
        }
    }
}

/// The value after a label lends from it; an answer after "Answer:" lends from the
/// question a few units above.
fn label_values(units: &mut [Sentence], roles: &[Option<Role>]) {
    for i in 1..units.len() {
        match (roles[i], units[i].kind) {
            // The label ends the unit before (a label line, or a card's title
            // line that runs into it).
            (Some(Role::Value), UnitKind::Value) => units[i].lent_from = vec![i - 1],
            (Some(Role::Answer), UnitKind::Answer) => {
                let question = (i.saturating_sub(4)..i)
                    .rev()
                    .take_while(|&j| units[j].kind != UnitKind::Answer)
                    .find(|&j| units[j].kind == UnitKind::Question);
                units[i].lent_from = question.into_iter().collect();
            }
            _ => {}
        }
    }
}

/// The line under a line of questions answers the last of them.
fn answers(units: &mut [Sentence], info: &[Info]) {
    for i in 1..units.len() {
        let q = i - 1;
        if units[q].kind == UnitKind::Question
            && info[q].ends_line
            && line_of_questions(units, info, q)
            && info[i].starts_line
            && matches!(
                units[i].kind,
                UnitKind::Prose | UnitKind::Heading | UnitKind::Value
            )
            && units[i].lent_from.is_empty()
        {
            units[i].kind = UnitKind::Answer;
            units[i].lent_from = vec![q];
        }
    }
}

/// Whether the line that unit `q` ends holds only questions (and their labels).
fn line_of_questions(units: &[Sentence], info: &[Info], q: usize) -> bool {
    let mut j = q;
    loop {
        if !matches!(units[j].kind, UnitKind::Question | UnitKind::Label) {
            return false;
        }
        if info[j].starts_line || j == 0 {
            return info[j].starts_line;
        }
        j -= 1;
    }
}

/// A bare value on the line under a heading or a label line lends from it.
fn heading_values(text: &str, units: &mut [Sentence], info: &[Info]) {
    for i in 1..units.len() {
        let h = i - 1;
        if matches!(units[h].kind, UnitKind::Heading | UnitKind::Label)
            && info[h].starts_line
            && info[h].ends_line
            && units[h].paragraph == units[i].paragraph
            && info[i].starts_line
            && matches!(units[i].kind, UnitKind::Heading | UnitKind::Prose)
            && is_bare_value(&text[info[i].range.clone()])
        {
            units[i].kind = UnitKind::Value;
            units[i].lent_from = vec![h];
        }
    }
}

/// A number or date and at most two more words: "1934", "8,840 m", "4 July 1934".
fn is_bare_value(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',', ';']);
    t.trim_start_matches(['~', '$', '€', '£', '+'])
        .starts_with(|c: char| c.is_ascii_digit())
        && t.split_whitespace().count() <= 3
}

/// A definition (a markup `Value` block) lends from the term just above it.
fn definitions(units: &mut [Sentence]) {
    for i in 1..units.len() {
        if units[i].kind == UnitKind::Value && units[i].lent_from.is_empty() {
            let term = (i.saturating_sub(3)..i)
                .rev()
                .find(|&j| units[j].kind == UnitKind::Label);
            units[i].lent_from = term.into_iter().collect();
        }
    }
}

/// Table cells: their units, and what they lend from.
fn cells(units: &mut [Sentence], cells: &[Cell]) {
    if cells.is_empty() {
        return;
    }
    let lenders = tables::lenders(cells);
    let heads = tables::row_heads(cells);
    let unit_at = |p: usize| units.partition_point(|u| u.range.end <= p);
    let firsts: Vec<usize> = cells.iter().map(|c| unit_at(c.range.start)).collect();
    for (ci, c) in cells.iter().enumerate() {
        let first = firsts[ci];
        let mut lent: Vec<usize> = lenders[ci]
            .iter()
            .map(|&l| firsts[l])
            .filter(|&u| u < first)
            .collect();
        lent.sort_unstable();
        lent.dedup();
        let head = heads[ci].map(|h| firsts[h]).filter(|&h| h < first);
        let mut u = first;
        while u < units.len() && units[u].range.start < c.range.end {
            units[u].kind = UnitKind::TableCell;
            units[u].lent_from = lent.clone();
            units[u].row_head = head;
            u += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{split_sentences, trimmed};
    use super::*;

    /// (text, kind, lent_from) of each unit.
    fn units(text: &str) -> Vec<(&str, UnitKind, Vec<usize>)> {
        split_sentences(text)
            .into_iter()
            .map(|u| (text[trimmed(text, u.range)].trim(), u.kind, u.lent_from))
            .collect()
    }

    use UnitKind::*;

    #[test]
    fn labelled_questions_and_answers() {
        let text = "Question: Where did the flight take place?\nAnswer: It took place near Kitty Hawk. The wind was strong.\nQ: How long did it last?\nA: 12 seconds";
        assert_eq!(
            units(text),
            vec![
                ("Question:", Label, vec![]),
                ("Where did the flight take place?", Question, vec![]),
                ("Answer:", Label, vec![]),
                ("It took place near Kitty Hawk.", Answer, vec![1]),
                ("The wind was strong.", Prose, vec![]),
                ("Q:", Label, vec![]),
                ("How long did it last?", Question, vec![]),
                ("A:", Label, vec![]),
                ("12 seconds", Answer, vec![6]),
            ]
        );
    }

    #[test]
    fn a_flashcard_answer_under_its_question() {
        let text = "3\n\nHow many engines did the plane have?\n\nOne engine of 12 horsepower.\n\n4\n\nWho flew first?\n\nOrville";
        assert_eq!(
            units(text),
            vec![
                ("3", Heading, vec![]),
                ("How many engines did the plane have?", Question, vec![]),
                ("One engine of 12 horsepower.", Answer, vec![1]),
                ("4", Heading, vec![]),
                ("Who flew first?", Question, vec![]),
                ("Orville", Answer, vec![4]),
            ]
        );
    }

    #[test]
    fn a_question_inside_prose_or_above_a_list_item_is_answered_by_nothing() {
        // The question does not fill its line.
        assert_eq!(
            units("He asked me why he had left? I did not know.\nThey flew on.")
                .iter()
                .map(|u| u.1)
                .collect::<Vec<_>>(),
            vec![Question, Prose, Prose]
        );
        // A list item under a question is no answer.
        assert_eq!(
            units("Was the visit useful?\n\u{2022} March 3, 2017 at 10:15 am")[1],
            ("\u{2022} March 3, 2017 at 10:15 am", ListItem, vec![])
        );
    }

    #[test]
    fn a_quiz_board_answers_its_clues_with_questions() {
        let text = "The plant had this many reactors.\nWhat is 4?\nThe city was evacuated in this year.\nWhat is 1986?\nA river runs past the plant.\nWhat is the Pripyat?";
        assert_eq!(
            units(text),
            vec![
                ("The plant had this many reactors.", Prose, vec![]),
                ("What is 4?", Answer, vec![0]),
                ("The city was evacuated in this year.", Prose, vec![]),
                ("What is 1986?", Answer, vec![2]),
                ("A river runs past the plant.", Prose, vec![]),
                ("What is the Pripyat?", Answer, vec![4]),
            ]
        );
    }

    #[test]
    fn one_clue_needs_its_blank_to_be_answered() {
        assert_eq!(
            units("This many people died in the flood.\nWhat is 12?")[1],
            ("What is 12?", Answer, vec![0])
        );
        // A statement and a real question: no board, no blank.
        assert_eq!(
            units("The reactor exploded at night.\nWhat was the cause?")[1],
            ("What was the cause?", Question, vec![])
        );
    }

    #[test]
    fn choices_lend_from_their_question() {
        let text = "In which city was she born?\nA) Paris\nB) Warsaw\nShe went to the Bolshevik(\n\ns) meeting.";
        assert_eq!(
            units(text),
            vec![
                ("In which city was she born?", Question, vec![]),
                ("A) Paris", Choice, vec![0]),
                ("B) Warsaw", Choice, vec![0]),
                ("She went to the Bolshevik(", Heading, vec![]),
                // A lone "s)" away from a question and other choices is no choice.
                ("s) meeting.", Prose, vec![]),
            ]
        );
        // A run of choices without a question: choices lending from nothing.
        assert_eq!(
            units("Pick one\na) Lyon\nb) Nice"),
            vec![
                ("Pick one", Heading, vec![]),
                ("a) Lyon", Choice, vec![]),
                ("b) Nice", Choice, vec![]),
            ]
        );
    }

    #[test]
    fn a_heading_lends_only_to_a_bare_value_under_it() {
        assert_eq!(
            units("Date of death\n4 July 1934\n1898\nIn July they found polonium."),
            vec![
                ("Date of death", Heading, vec![]),
                ("4 July 1934", Value, vec![0]),
                ("1898", Heading, vec![]),
                ("In July they found polonium.", Prose, vec![]),
            ]
        );
    }

    #[test]
    fn an_address_line_is_one_unit_of_its_own() {
        assert_eq!(
            units("Source: http://example.org/2019/11/story\n\nText here.\nhttp://example.org/a"),
            vec![
                ("Source: http://example.org/2019/11/story", Address, vec![]),
                ("Text here.", Prose, vec![]),
                ("http://example.org/a", Address, vec![]),
            ]
        );
    }
}

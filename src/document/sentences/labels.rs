//! Labels at the starts of lines: "Height: 8,840 m", "Fact 2: …", "Question: …",
//! "Number of climbers on the summit, 3.", and choices under a quiz question ("A)
//! France"). A label is a unit apart from the value after it on its line.

use crate::extract::classes;
use crate::extract::gated::Gated;
use std::ops::Range;

use crate::re::Regex;

use super::is_closer;
use crate::extract::calendar::MONTH_NAMES;
use crate::lexicon;

/// A label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Label {
    /// The label, with its colon or comma.
    pub(super) range: Range<usize>,
    /// Where the value after it starts, when the line goes on after the label.
    pub(super) value: Option<usize>,
    pub(super) role: Role,
}

/// What a label says of the text after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// "Question:", "Q:": a question follows.
    Question,
    /// "Answer:", "A:": the answer to the question above follows.
    Answer,
    /// "Fact 2:", "Note:", "Source:": the text stands on its own.
    Other,
    /// "Height:", "Date of death:": a value of what the label names follows.
    Value,
}

/// "Label: value": one to four words (the first capitalised) and an optional
/// number, a colon, then the value or the end of the line: where the line
/// (trimmed) opens with one, the end of what
/// `^\p{Lu}[\p{L}'’-]*(?:[ \t][\p{L}'’-]+){0,3}(?:[ \t]\d{1,3})?:(?:[ \t]+\S|[ \t]*$)`
/// matches there. Read by hand, as compiling that regex (its classes of every
/// script's letters, repeated) cost a short run more than all its lines: no
/// char of the words is a colon, so the colon is the line's first; the words are
/// the tokens between single blanks, the last of them maybe a number.
fn colon_label_end(line: &str) -> Option<usize> {
    let colon = line.find(':')?;
    if !label_words(&line[..colon]) {
        return None;
    }
    let after = &line[colon + 1..];
    let rest = after.trim_start_matches([' ', '\t']);
    let blanks = after.len() - rest.len();
    match rest.chars().next() {
        // `[ \t]*$`
        None => Some(line.len()),
        // `[ \t]+\S`, which the regex tries first.
        Some(c) if blanks > 0 && !c.is_whitespace() => Some(colon + 1 + blanks + c.len_utf8()),
        Some(_) => None,
    }
}

/// Whether `words` is a label's words: a capitalised word, up to three more,
/// and maybe a number of one to three digits, each after one space or tab.
fn label_words(words: &str) -> bool {
    let word_char = |c: char| classes::is_letter(c) || matches!(c, '\'' | '’' | '-');
    let mut tokens = words.split([' ', '\t']).peekable();
    let mut first = tokens.next().unwrap_or_default().chars();
    if !first.next().is_some_and(classes::is_uppercase_letter) || !first.all(word_char) {
        return false;
    }
    let mut more = 0;
    while let Some(token) = tokens.next() {
        let last = tokens.peek().is_none();
        if last && (1..=3).contains(&token.chars().count()) && token.chars().all(classes::is_digit)
        {
            return true;
        }
        more += 1;
        if token.is_empty() || more > 3 || !token.chars().all(word_char) {
            return false;
        }
    }
    true
}

/// "Label, number.": a line whose comma is followed only by a number and a
/// unit, where `^\p{Lu}[^,.;:!?\n]{1,60},[ \t]+\d[\d,.]*(?:[ \t]+\p{L}+){0,2}\.?[ \t]*$`
/// matches. Read by hand, as the colon label is: no char before the comma is
/// one, so it is the line's first; after it, a number and up to two words, each
/// after blanks, then maybe a full stop and blanks.
fn is_comma_label(line: &str) -> bool {
    let Some(comma) = line.find(',') else {
        return false;
    };
    let mut label = line[..comma].chars();
    if !label.next().is_some_and(classes::is_uppercase_letter) {
        return false;
    }
    let mut between = 0;
    for c in label {
        if matches!(c, '.' | ';' | ':' | '!' | '?' | '\n') {
            return false;
        }
        between += 1;
    }
    if !(1..=60).contains(&between) {
        return false;
    }
    let blanks = |s: &str| s.len() - s.trim_start_matches([' ', '\t']).len();
    let mut rest = &line[comma + 1..];
    let number = &rest[blanks(rest)..];
    if blanks(rest) == 0 || !number.chars().next().is_some_and(classes::is_digit) {
        return false;
    }
    rest = number.trim_start_matches(|c: char| classes::is_digit(c) || c == ',' || c == '.');
    for _ in 0..2 {
        let word = &rest[blanks(rest)..];
        if blanks(rest) == 0 || !word.chars().next().is_some_and(classes::is_letter) {
            break;
        }
        rest = word.trim_start_matches(classes::is_letter);
    }
    rest.strip_prefix('.')
        .unwrap_or(rest)
        .trim_start_matches([' ', '\t'])
        .is_empty()
}

/// "A) France", "(b) Russia".
static CHOICE: Gated = Gated::new(&[")"], || {
    Regex::new(r"^(?:\([A-Za-z]\)|[A-Za-z]\))[ \t]+\S").expect("the choice pattern compiles")
});

/// Whether a line (trimmed) is a choice under a quiz question.
pub(super) fn is_choice(line: &str) -> bool {
    CHOICE.is_match(line)
}

/// The colon label opening a line (trimmed): the label's length with its colon,
/// and where its value starts, if the line goes on.
pub(super) fn label_at(line: &str) -> Option<(usize, Option<usize>)> {
    let end = colon_label_end(line)?;
    let colon = line[..end].rfind(':').expect("the pattern holds a colon");
    let after = &line[colon + 1..];
    let value =
        (!after.trim().is_empty()).then(|| colon + 1 + (after.len() - after.trim_start().len()));
    Some((colon + 1, value))
}

/// The labels at the starts of the lines of `text`. A comma label counts only on a
/// line that starts a unit (`line_starts`, a paragraph's first line, or a line
/// after final punctuation), so that a wrapped line ("Dayton, 12 miles away") is
/// not one.
pub(super) fn labels(text: &str, line_starts: &[usize]) -> Vec<Label> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev = "";
    for raw in crate::document::lines::lines_inclusive(text) {
        let start = at + (raw.len() - raw.trim_start().len());
        at += raw.len();
        let line = raw.trim();
        let prev_line = std::mem::replace(&mut prev, line);
        if line.is_empty() {
            continue;
        }
        // A bullet before the label is the list's ("- Born: 1822"): the label
        // starts the line with it.
        let bullet = bullet_len(line);
        if let Some((len, value)) = label_at(&line[bullet..]) {
            out.push(Label {
                range: start..start + bullet + len,
                value: value.map(|v| start + bullet + v),
                role: role(&line[bullet..bullet + len - 1]),
            });
            continue;
        }
        let own_line = prev_line.is_empty()
            || line_starts.binary_search(&start).is_ok()
            || prev_line
                .trim_end_matches(is_closer)
                .ends_with(['.', '!', '?']);
        if own_line && is_comma_label(line) {
            let comma = line.rfind(',').expect("the pattern holds a comma");
            if ends_date(&line[..comma]) || !comma_label_words(&line[..comma], &line[comma + 1..]) {
                continue;
            }
            let value =
                comma + 1 + (line[comma + 1..].len() - line[comma + 1..].trim_start().len());
            out.push(Label {
                range: start..start + comma + 1,
                value: Some(start + value),
                role: Role::Value,
            });
        }
    }
    out
}

/// The length of a bullet and the space after it opening a line ("- ", "• "), or 0.
fn bullet_len(line: &str) -> usize {
    let Some(c) = line.chars().next() else {
        return 0;
    };
    if !matches!(
        c,
        '-' | '*' | '+' | '\u{2022}' | '\u{b7}' | '\u{25aa}' | '\u{25cf}' | '\u{2013}' | '\u{2014}'
    ) {
        return 0;
    }
    let rest = &line[c.len_utf8()..];
    let body = rest.trim_start_matches([' ', '\t']);
    if body.len() == rest.len() {
        0
    } else {
        line.len() - body.len()
    }
}

/// Whether a comma line reads as a label and its value: the label does not open
/// with a preposition ("According to the toll, 45 people died" is a sentence), and
/// no verb follows the number ("…, 45 people died").
fn comma_label_words(label: &str, value: &str) -> bool {
    use crate::lexicon::{AUXILIARIES, CLAUSE_OPENERS, IRREGULAR_VERBS, PREPOSITIONS, is};
    let first = label.split_whitespace().next().unwrap_or("").to_lowercase();
    let opens_phrase =
        is(PREPOSITIONS, &first) || is(CLAUSE_OPENERS, &first) || first == "according";
    let verb_after = value.split_whitespace().skip(1).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is(AUXILIARIES, &w) || is(IRREGULAR_VERBS, &w) || (w.len() > 3 && w.ends_with("ed"))
    });
    !opens_phrase && !verb_after
}

/// Whether text ends with a day or a month, so that the comma after it leads to a
/// year ("… on August 21st, 1941."), not to a label's value.
fn ends_date(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    last.starts_with(|c: char| c.is_ascii_digit())
        || MONTH_NAMES.iter().any(|m| {
            m.eq_ignore_ascii_case(last)
                || (last.len() >= 3 && m.to_lowercase().starts_with(&last.to_lowercase()))
        })
}

/// The role of a label's words (without the colon).
fn role(label: &str) -> Role {
    let mut words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    let numbered = words
        .last()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    if numbered {
        words.pop();
    }
    match words.as_slice() {
        [w] if lexicon::is(lexicon::QUESTION_LABELS, w) => Role::Question,
        [w] if lexicon::is(lexicon::ANSWER_LABELS, w) => Role::Answer,
        [w] if lexicon::is(lexicon::ROLE_LABELS, w) => Role::Other,
        _ if numbered => Role::Other,
        _ => Role::Value,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_label_pattern_holds_its_gate_word() {
        super::CHOICE.check_words();
    }

    /// The comma label's pattern, which [`super::is_comma_label`] reads by hand.
    const COMMA_LABEL: &str =
        r"^\p{Lu}[^,.;:!?\n]{1,60},[ \t]+\d[\d,.]*(?:[ \t]+\p{L}+){0,2}\.?[ \t]*$";

    #[test]
    fn comma_labels_read_by_hand() {
        let long = "x".repeat(60);
        let cases = [
            ("Number of climbers on the summit, 3.".to_string(), true),
            ("Height, 8,840.5 m".to_string(), true),
            ("Height, 8,840 square metres. ".to_string(), true),
            ("Height, 8 m m m".to_string(), false),
            ("Height, 8 m .".to_string(), false),
            ("Height,8 m".to_string(), false),
            ("Height, 8m".to_string(), false),
            ("Height, m 8".to_string(), false),
            ("height, 8".to_string(), false),
            ("Mr. Holm, 8".to_string(), false),
            ("H, 8".to_string(), false),
            (format!("H{}, 8", &long[..60]), true),
            (format!("H{}x, 8", &long[..60]), false),
            ("Ölçü, \u{663}\u{663} ölçü".to_string(), true),
        ];
        let re = regex::Regex::new(COMMA_LABEL).expect("valid");
        for (line, label) in cases {
            assert_eq!(super::is_comma_label(&line), label, "{line:?}");
            assert_eq!(re.is_match(&line), label, "the regex on {line:?}");
        }
    }

    use proptest::prelude::*;

    /// The colon label's pattern, which [`super::colon_label_end`] reads by hand.
    const COLON_LABEL: &str =
        r"^\p{Lu}[\p{L}'’-]*(?:[ \t][\p{L}'’-]+){0,3}(?:[ \t]\d{1,3})?:(?:[ \t]+\S|[ \t]*$)";

    #[test]
    fn colon_labels_read_by_hand() {
        let cases = [
            ("Height: 8,840 m", Some(9)),
            ("Fact 2: x", Some(9)),
            ("Date of death:", Some(14)),
            ("Date of death:  \t", Some(17)),
            ("Note: :", Some(7)),
            ("Ölçü: 3", Some(10)),
            ("A B C D E: x", None),
            ("A B C D: x", Some(10)),
            ("Fact 1234: x", None),
            ("Fact 2 3: x", None),
            ("Fact  two: x", None),
            ("fact: x", None),
            ("Fact:x", None),
            ("Fact:\u{a0}x", None),
            ("Fact ٣: x", Some(10)),
            ("ǅemal: x", None),
            ("O’Neill-Smith's: x", Some(20)),
        ];
        let re = regex::Regex::new(COLON_LABEL).expect("valid");
        for (line, end) in cases {
            assert_eq!(super::colon_label_end(line), end, "{line:?}");
            assert_eq!(re.find(line).map(|m| m.end()), end, "the regex on {line:?}");
        }
    }

    /// Lines that open as labels do, or almost: words of letters, digits or
    /// other chars, joined by one blank or by none or two, a colon or not, and
    /// what may follow it.
    fn label_lines() -> impl Strategy<Value = String> {
        let letters = |chars: Vec<&'static str>| {
            proptest::collection::vec(proptest::sample::select(chars), 1..5)
                .prop_map(|chars| chars.concat())
        };
        let word = prop_oneof![
            6 => letters(vec!["b", "é", "ß", "ǅ", "'", "’", "-"]),
            3 => letters(vec!["A", "É", "Ω"]),
            2 => letters(vec!["1", "٣"]),
            1 => letters(vec!["_", ".", "x", "A", "2"]),
        ];
        let blank = prop_oneof![
            6 => Just(" "),
            2 => Just("\t"),
            1 => proptest::sample::select(vec!["", "  ", "\u{a0}"]),
        ];
        let tail = proptest::sample::select(vec![
            "", " x", "  ", ":", " :", "\u{a0}x", "x", " \t", "\t.",
        ]);
        (
            proptest::collection::vec((word, blank), 1..7),
            proptest::bool::weighted(0.9),
            tail,
        )
            .prop_map(|(words, colon, tail)| {
                let mut line: String = words.iter().map(|(w, b)| format!("{b}{w}")).collect();
                line = line.trim_start_matches([' ', '\t']).to_string();
                if colon {
                    line.push(':');
                }
                line + tail
            })
    }

    /// Lines that are comma labels, or almost: a label of some length, a comma
    /// or not, then numbers, words and marks joined by blanks or not.
    fn comma_lines() -> impl Strategy<Value = String> {
        let label = (
            proptest::sample::select(vec!["H", "h", "É", "1"]),
            prop_oneof![0..4_usize, 58..62_usize],
            proptest::sample::select(vec!["x", " ", "é", "."]),
        )
            .prop_map(|(first, n, c)| format!("{first}{}", c.repeat(n)));
        let sep = proptest::sample::select(vec![" ", " ", " ", "\t", "", "  "]);
        let token = proptest::sample::select(vec![
            "8", "12", "\u{663}", "8,840", "3.5", "m", "m", "ölçü", "x1", ".", ",",
        ]);
        let end = proptest::sample::select(vec!["", "", ".", " ", ". ", " .", "\t"]);
        (
            label,
            proptest::bool::weighted(0.9),
            proptest::collection::vec((sep, token), 0..5),
            end,
        )
            .prop_map(|(label, comma, parts, end)| {
                let tail: String = parts.iter().map(|(s, t)| format!("{s}{t}")).collect();
                format!("{label}{}{tail}{end}", if comma { "," } else { "" })
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn colon_labels_are_what_the_pattern_matches(line in label_lines()) {
            let re = regex::Regex::new(COLON_LABEL).expect("valid");
            prop_assert_eq!(super::colon_label_end(&line), re.find(&line).map(|m| m.end()), "{:?}", line);
        }

        #[test]
        fn comma_labels_are_what_the_pattern_matches(line in comma_lines()) {
            let re = regex::Regex::new(COMMA_LABEL).expect("valid");
            prop_assert_eq!(super::is_comma_label(&line), re.is_match(&line), "{:?}", line);
        }
    }

    use super::super::{UnitKind, split_sentences, trimmed};
    use UnitKind::*;

    /// (text, kind, lent_from) of each unit.
    fn units(text: &str) -> Vec<(&str, UnitKind, Vec<usize>)> {
        split_sentences(text)
            .into_iter()
            .map(|u| (text[trimmed(text, u.range)].trim(), u.kind, u.lent_from))
            .collect()
    }

    #[test]
    fn a_value_label_lends_to_its_value_and_a_role_label_does_not() {
        assert_eq!(
            units(
                "Height: 8,840 m\nFact 2: Wilbur was born in 1867.\nNumber of climbers on the summit, 3."
            ),
            vec![
                ("Height:", Label, vec![]),
                ("8,840 m", Value, vec![0]),
                ("Fact 2:", Label, vec![]),
                ("Wilbur was born in 1867.", Prose, vec![]),
                ("Number of climbers on the summit,", Label, vec![]),
                ("3.", Value, vec![4]),
            ]
        );
    }

    #[test]
    fn a_bullet_does_not_hide_a_label() {
        assert_eq!(
            units("- Founded: 1412\n\u{2022} Mayor: Ines Vale\n* Note: rebuilt twice\n-Rank: 4"),
            vec![
                ("- Founded:", Label, vec![]),
                ("1412", Value, vec![0]),
                ("\u{2022} Mayor:", Label, vec![]),
                ("Ines Vale", Value, vec![2]),
                ("* Note:", Label, vec![]),
                ("rebuilt twice", Prose, vec![]),
                // No space after the dash: no bullet, no label.
                ("-Rank: 4", Heading, vec![]),
            ]
        );
    }

    #[test]
    fn a_comma_before_a_year_is_no_label() {
        assert_eq!(
            units("Orville died on January 30th, 1948.\nShe was born in November, 1867."),
            vec![
                ("Orville died on January 30th, 1948.", Prose, vec![]),
                ("She was born in November, 1867.", Prose, vec![]),
            ]
        );
        // Inside a wrapped sentence a comma and a number make no label either.
        assert_eq!(
            units("The shop stood near\nDayton, 12 miles away.").len(),
            1
        );
    }

    #[test]
    fn the_role_of_a_label() {
        use super::{Role, role};
        assert_eq!(role("Question"), Role::Question);
        assert_eq!(role("A"), Role::Answer);
        assert_eq!(role("Fact 12"), Role::Other);
        assert_eq!(role("Source"), Role::Other);
        assert_eq!(role("Date of death"), Role::Value);
        assert_eq!(role("Height"), Role::Value);
    }
}

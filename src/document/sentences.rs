//! Sentences and paragraphs, as byte ranges of the original text.
//!
//! A blank line ends a paragraph (and its sentence). Inside a paragraph a sentence
//! ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by
//! space and a word that may start a sentence, except after an abbreviation ("St.",
//! "Nov.", "c.") or an initial ("L. Martov"). A bullet at the start of a line also
//! starts a sentence. A single line break does not end anything: hard-wrapped prose
//! and phrases split across lines stay whole.
//!
//! The sentences are contiguous and cover the text: each runs to the start of the
//! next, trailing space included.

use crate::lexicon;
use std::ops::Range;

/// One sentence: its byte range and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// 0-based paragraph number.
    pub paragraph: usize,
    /// For the first sentence of a paragraph that resumes a sentence cut by an
    /// inserted title and its paragraph (a link card in a scraped page: "…his son,
    /// Sergei Sedov" / card / ", killed in 1937, …"), the sentence it resumes.
    pub continues: Option<usize>,
    /// Whether the sentence starts at the title line of an inserted card.
    pub card: bool,
}

/// What starts a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    Sentence,
    Paragraph,
    /// A line repeating the words that end the line before it: the title of an
    /// inserted card; it starts a paragraph.
    Title,
}

/// The starts of title lines: a short line inside a paragraph that repeats the end
/// of the line before it ("… President Lázaro Cárdenas" / "Lázaro Cárdenas"), or
/// that cuts an unfinished line and is named again at the start of the line after
/// it ("… led by GPU" / "State Political Directorate" / "The State Political
/// Directorate was …").
fn title_lines(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim();
        let start = at + (line.len() - line.trim_start().len());
        at += line.len();
        let (Some(prev), Some(next)) =
            (k.checked_sub(1).map(|j| lines[j].trim()), lines.get(k + 1))
        else {
            continue;
        };
        if t.is_empty() || t.chars().count() > 60 || prev.is_empty() || !is_capitalised(t) {
            continue;
        }
        let repeats_end = prev.len() > t.len()
            && prev.ends_with(t)
            && prev[..prev.len() - t.len()].ends_with(|c: char| c.is_whitespace() || c == ',');
        let head: String = next.chars().take(t.chars().count() + 40).collect();
        let named_after = !prev.ends_with(['.', '!', '?', ':', ';'])
            && !t.ends_with(['.', '!', '?', ':', ';', ','])
            && head.to_lowercase().contains(&t.to_lowercase());
        if repeats_end || named_after {
            out.push(start);
        }
    }
    out
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}' | '*' | '_'
    )
}

fn may_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\''
                | '\u{201c}'
                | '\u{2018}'
                | '('
                | '['
                | '\u{ab}'
                | '\u{2022}'
                | '*'
                | '-'
                | '#'
                | '>'
        )
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    let mut chars = t.chars();
    match chars.next() {
        Some('\u{2022}' | '\u{b7}' | '\u{25aa}' | '\u{25cf}' | '\u{2013}' | '\u{2014}') => true,
        Some('*' | '-' | '+') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            t[digits..].starts_with(". ") || t[digits..].starts_with(") ")
        }
        _ => false,
    }
}

/// Whether the word ending just before a period at `dot` is an abbreviation or an
/// initial, so that the period does not end the sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().expect("word is not empty");
    // An initial: one capital letter ("L. Martov").
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_is_digit = text[dot + 1..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    lexicon::ABBREVIATIONS.contains(&lower.as_str())
        || (next_is_digit && lexicon::NUMBER_ABBREVIATIONS.contains(&lower.as_str()))
}

/// A full stop with no space after it that still ends a sentence: a lowercase word
/// of two letters or more before it, a capitalised word after it ("Purges.Sedov").
fn glued_sentence(text: &str, dot: usize) -> bool {
    let before: Vec<char> = text[..dot].chars().rev().take(2).collect();
    let mut after = text[dot + 1..].chars();
    before.len() == 2
        && before.iter().all(|c| c.is_lowercase())
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

/// Splits `text` into sentences (see the module docs).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    // (start of a new sentence, what starts it)
    let mut starts: Vec<(usize, Break)> = title_lines(text)
        .into_iter()
        .map(|p| (p, Break::Title))
        .collect();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < text.len() {
        let c = text[i..].chars().next().expect("i is a char boundary");
        let len = c.len_utf8();
        if c == '\n' {
            // A blank line (only spaces between two line breaks) ends the paragraph.
            let mut j = i + 1;
            let mut breaks = 1;
            while j < text.len() {
                let d = text[j..].chars().next().expect("char boundary");
                if d == '\n' {
                    breaks += 1;
                } else if !d.is_whitespace() {
                    break;
                }
                j += d.len_utf8();
            }
            if breaks >= 2 {
                if j < text.len() {
                    starts.push((j, Break::Paragraph));
                }
                i = j;
                line_start = true;
                continue;
            }
            i += 1;
            line_start = true;
            // A bullet line starts a sentence.
            let line_end = text[i..].find('\n').map_or(text.len(), |e| i + e);
            if is_bullet(&text[i..line_end]) {
                let first = i + (text[i..line_end].len() - text[i..line_end].trim_start().len());
                starts.push((first, Break::Sentence));
            }
            continue;
        }
        if line_start && !c.is_whitespace() {
            line_start = false;
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut j = i + len;
            while j < text.len() {
                let d = text[j..].chars().next().expect("char boundary");
                if !(is_closer(d) || d == '.' || d == '!' || d == '?') {
                    break;
                }
                j += d.len_utf8();
            }
            // "Purges.Sedov": a scraped page lost the space after a full stop.
            if c == '.' && j == i + 1 && glued_sentence(text, i) {
                starts.push((j, Break::Sentence));
                i = j;
                continue;
            }
            let ws_end = j
                + (text[j..].len()
                    - text[j..]
                        .trim_start_matches([' ', '\t', '\u{a0}', '\n', '\r'])
                        .len());
            if ws_end > j && ws_end < text.len() && !text[j..ws_end].contains("\n\n") {
                let next = text[ws_end..].chars().next().expect("not at end");
                let ends = match c {
                    '.' => may_start_sentence(next) && !is_abbreviation(text, i),
                    _ => !next.is_lowercase(),
                };
                if ends && bytes.get(i + 1) != Some(&b'.') {
                    starts.push((ws_end, Break::Sentence));
                }
            }
            i = j;
            continue;
        }
        i += len;
    }
    // The strongest break wins where two fall on one place.
    starts.sort_by_key(|&(p, b)| (p, std::cmp::Reverse(b)));
    starts.dedup_by_key(|s| s.0);
    let mut out: Vec<Sentence> = Vec::with_capacity(starts.len() + 1);
    let mut cur = 0;
    let mut paragraph = 0;
    let mut continues = None;
    let mut card = false;
    // The sentence cut by the last title, while its card lasts.
    let mut cut_by_title: Option<usize> = None;
    for (s, brk) in starts {
        if s <= cur {
            continue;
        }
        out.push(Sentence {
            range: cur..s,
            paragraph,
            continues: continues.take(),
            card: std::mem::replace(&mut card, brk == Break::Title),
        });
        match brk {
            Break::Sentence => {}
            Break::Title => {
                paragraph += 1;
                cut_by_title = Some(cut_by_title.unwrap_or(out.len() - 1));
            }
            Break::Paragraph => {
                paragraph += 1;
                let resumes = text[s..].chars().next().is_some_and(|c| {
                    c.is_lowercase() || matches!(c, ',' | ';' | ':' | '(' | ')' | '.')
                });
                if resumes {
                    continues = cut_by_title.take();
                } else if !text[cur..s].trim_end().ends_with("...") {
                    cut_by_title = None;
                }
            }
        }
        cur = s;
    }
    if cur < text.len() || out.is_empty() {
        out.push(Sentence {
            range: cur..text.len(),
            paragraph,
            continues,
            card,
        });
    }
    out
}

/// The range without leading and trailing whitespace.
pub fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| text[trimmed(text, s.range)].trim())
            .collect()
    }

    #[test]
    fn splits_at_terminal_punctuation() {
        assert_eq!(
            texts("He died in 1940. Stalin lived on! Did he? Yes."),
            vec!["He died in 1940.", "Stalin lived on!", "Did he?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        assert_eq!(
            texts("He reached St. Petersburg on Nov. 7. L. Martov agreed."),
            vec!["He reached St. Petersburg on Nov. 7.", "L. Martov agreed."]
        );
        assert_eq!(
            texts("born c. 1900 in Odessa."),
            vec!["born c. 1900 in Odessa."]
        );
    }

    #[test]
    fn blank_lines_end_paragraphs_but_single_breaks_do_not() {
        let text = "Trotsky was killed\nwith an ice axe.\n\nA new paragraph";
        let s = split_sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
        assert_eq!(texts(text)[0], "Trotsky was killed\nwith an ice axe.");
    }

    #[test]
    fn quotes_and_brackets_close_the_sentence() {
        assert_eq!(
            texts("He said \"no.\" Then he left. (It rained.) The end"),
            vec![
                "He said \"no.\"",
                "Then he left.",
                "(It rained.)",
                "The end"
            ]
        );
    }

    #[test]
    fn a_full_stop_glued_to_the_next_sentence_still_ends_it() {
        assert_eq!(
            texts(
                "He was killed in the Great Purges.Sedov was an engineer. See www.example.com now."
            ),
            vec![
                "He was killed in the Great Purges.",
                "Sedov was an engineer.",
                "See www.example.com now."
            ]
        );
    }

    #[test]
    fn a_card_inserted_after_a_link_is_a_paragraph_and_the_text_after_it_resumes() {
        let text = "His son, Sergei Sedov\nSergei Sedov\nSergei Lvovich Sedov was an engineer...\n\n, killed in 1937, was rehabilitated.";
        let s = split_sentences(text);
        let t: Vec<&str> = s
            .iter()
            .map(|x| text[trimmed(text, x.range.clone())].trim())
            .collect();
        assert_eq!(
            t,
            vec![
                "His son, Sergei Sedov",
                "Sergei Sedov\nSergei Lvovich Sedov was an engineer...",
                ", killed in 1937, was rehabilitated."
            ]
        );
        assert_eq!(
            s.iter().map(|x| x.paragraph).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        assert_eq!(s[2].continues, Some(0));
        assert_eq!(s[1].continues, None);
        assert_eq!(
            s.iter().map(|x| x.card).collect::<Vec<_>>(),
            vec![false, true, false]
        );
    }

    #[test]
    fn bullets_start_sentences() {
        assert_eq!(
            texts("Items\n• March 13, 2017\n• later"),
            vec!["Items", "• March 13, 2017", "• later"]
        );
    }

    proptest! {
        #[test]
        fn sentences_are_sorted_disjoint_and_cover_the_text(s in "[a-zA-Z .!?\n\"•é]{0,80}") {
            let sents = split_sentences(&s);
            let mut at = 0;
            for x in &sents {
                prop_assert_eq!(x.range.start, at);
                prop_assert!(x.range.end > x.range.start || s.is_empty());
                at = x.range.end;
            }
            prop_assert_eq!(at, s.len());
        }
    }
}

//! Quotation marks: the stretches of a paragraph that are someone else's words.
//!
//! Reads the prose as written (curly marks, line breaks) or its folded form
//! (straight marks, one line); what the text keeps, the rules use. A quotation
//! opens at an opening mark and closes at the next closing mark of its kind (a curly
//! or a straight one). A mark's side is its own where it has one (“ ”, ‘ ’, « »),
//! else its neighbours tell: a straight mark after a space and before a word opens,
//! one after a word and before a space or punctuation closes, and one between two
//! words or two spaces closes an open quotation or else opens one.
//!
//! An opening mark left unclosed quotes nothing: a quotation ends, unclosed, where
//! another opening mark of its kind appears, and where a line ends a sentence and
//! the next line starts with a capital (a new line unit of a page). A single mark
//! between two letters or before a digit is an apostrophe ("Trotsky's", "'29"); a
//! plural possessive ("the brothers' father") closes a single quotation only where
//! no other mark closes it.
//!
//! A quotation is a **statement** where it is a clause of someone's that the text
//! reports ("“She died in 1932,” the paper wrote", "he said: “…”"): its words hold
//! a verb, and it is attributed (a comma, colon or final mark inside it or right
//! after it, and a verb of saying within a few words after it; or a verb of saying
//! and a comma or colon right before it) or it is a sentence of its own (it opens
//! a sentence and ends with its own final mark). Any other quotation is **words**:
//! a title ("the film “Death in Venice” (1971)"), a name, a phrase. An event named
//! in quoted words is no event of the text; one in a quoted statement is someone
//! else's statement of it.

use std::ops::Range;

use super::words;
use crate::lexicon;

/// A quotation of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted text, marks excluded.
    pub range: Range<usize>,
    /// A clause someone said or wrote, rather than quoted words (a title, a phrase).
    pub statement: bool,
}

/// How many words a verb of saying may stand from the quotation it attributes.
const ATTRIBUTION_REACH: usize = 5;

/// How many bytes before a quotation the verb of saying is looked for in: far
/// more than [`ATTRIBUTION_REACH`] words take.
const READ_BACK: usize = 256;

/// The side of a quotation a mark stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
    /// A straight mark that may be either: it closes an open quotation, else opens.
    Either,
}

/// The quoted ranges of a paragraph: the text between matching quotation marks,
/// marks excluded, sorted by start.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    pair_marks(text)
}

/// The quotations of a paragraph, sorted by start, each a statement or words.
pub fn quotations(text: &str) -> Vec<Quotation> {
    pair_marks(text)
        .into_iter()
        .map(|range| Quotation {
            statement: is_statement(text, &range),
            range,
        })
        .collect()
}

/// Whether the quotation of `text` at `range` (marks excluded) is a statement.
fn is_statement(text: &str, range: &Range<usize>) -> bool {
    let inside = &text[range.clone()];
    if !has_verb(inside) {
        return false;
    }
    let before = text[..range.start]
        .trim_end_matches(|c: char| double_side(c, None, None).is_some() || is_single(c))
        .trim_end();
    let close_len = text[range.end..].chars().next().map_or(0, char::len_utf8);
    let after = text[range.end + close_len..].trim_start();
    let ends = inside.trim_end().chars().last();
    let final_mark = ends.is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'));
    let closed = final_mark || ends == Some(',') || after.starts_with(',');
    // "“…,” the paper wrote" / "“…,” wrote the paper"
    let attributed_after = closed
        && words(until_sentence_end(after))
            .take(ATTRIBUTION_REACH)
            .any(is_speech_verb);
    // "the paper wrote: “…”" / "he said, “…”": the words read are the last
    // few before the quotation, so the sentence's start is looked for only
    // among the bytes just before it, not back through a paragraph of quotes.
    let near = &before[before.ceil_char_boundary(before.len().saturating_sub(READ_BACK))..];
    let this_sentence = near.rfind(['.', '!', '?']).map_or(near, |i| &near[i + 1..]);
    let attributed_before = before.ends_with([',', ':'])
        && words(this_sentence)
            .rev()
            .take(ATTRIBUTION_REACH)
            .any(is_speech_verb);
    // "“She died in 1932.” That is what …": a sentence of its own.
    let own_sentence =
        final_mark && (before.is_empty() || before.ends_with(['.', '!', '?', ':', '\u{2026}']));
    attributed_after || attributed_before || own_sentence
}

/// The text up to the end of its first sentence.
fn until_sentence_end(text: &str) -> &str {
    text.find(['.', '!', '?', ';', '"', '\u{201c}'])
        .map_or(text, |i| &text[..i])
}

fn is_speech_verb(w: &str) -> bool {
    lexicon::is(lexicon::SPEECH_VERBS, &w.to_lowercase())
}

/// Whether quoted words hold a verb: a subject pronoun, an auxiliary, a past tense.
fn has_verb(text: &str) -> bool {
    words(text).any(|w| {
        let w = w.to_lowercase();
        lexicon::is(lexicon::SUBJECT_PRONOUNS, &w)
            || lexicon::is(lexicon::AUXILIARIES, &w)
            || lexicon::is(lexicon::IRREGULAR_PAST, &w)
            || lexicon::is(lexicon::PRESENT_VERBS, &w)
            || (w.len() >= 4 && w.ends_with("ed") && !lexicon::is(lexicon::NOT_VERBS_IN_ED, &w))
    })
}

/// The text between matching quotation marks, marks excluded, sorted by start.
fn pair_marks(text: &str) -> Vec<Range<usize>> {
    // Folded text is most often ASCII: then the k-th char is the k-th byte, no
    // table of char offsets is needed, and runs of plain bytes are passed at once.
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let at = |k: usize| bytes.get(k).map(|&b| char::from(b));
        return pair_by_char(bytes.len(), at, |k| k, |k| plain_ascii_run(bytes, k));
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|x| x.1);
    pair_by_char(chars.len(), at, |k| chars[k].0, |k| (k, None))
}

/// The end of the run of ASCII bytes from `k` that neither are a mark, a closing
/// bracket nor break a line, and the last of them that is no space: all such a
/// run does to the pairing (out of a line break) is to set the last char.
fn plain_ascii_run(bytes: &[u8], k: usize) -> (usize, Option<char>) {
    let len = bytes[k..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b'`' | b')' | b']' | b'\n' | b'\r'))
        .unwrap_or(bytes.len() - k);
    let last = bytes[k..k + len]
        .iter()
        .map(|&b| char::from(b))
        .rfind(|c| !c.is_whitespace());
    (k + len, last)
}

/// [`pair_marks`] on a text of `n` chars: `at(k)` is its k-th char, `pos(k)` the
/// byte offset where it starts (`k < n`), and `plain(k)` the end of a run of plain
/// chars from `k` with the last that is no space (see [`plain_ascii_run`]; `k`
/// itself, none, where it tells no runs).
fn pair_by_char(
    n: usize,
    at: impl Fn(usize) -> Option<char>,
    pos: impl Fn(usize) -> usize,
    plain: impl Fn(usize) -> (usize, Option<char>),
) -> Vec<Range<usize>> {
    let mut p = Pairing::default();
    // The last character that can end a sentence, past closing marks and brackets.
    let mut last: Option<char> = None;
    let mut line_break = false;
    let mut next_k = 0;
    while next_k < n {
        if !line_break {
            let (end, plain_last) = plain(next_k);
            if end > next_k {
                last = plain_last.or(last);
                next_k = end;
                continue;
            }
        }
        let k = next_k;
        next_k += 1;
        let (i, Some(c)) = (pos(k), at(k)) else {
            break;
        };
        if c.is_whitespace() {
            line_break |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            continue;
        }
        if line_break {
            line_break = false;
            if last.is_some_and(|l| matches!(l, '.' | '?' | '!' | '…')) && !c.is_lowercase() {
                p.end_unit();
            }
        }
        let prev = k.checked_sub(1).and_then(&at);
        let next = at(k + 1);
        let after = i + c.len_utf8();
        // After a low opening mark („), a high one (“) closes.
        let side = if c == '\u{201c}' && p.low && p.double.is_some() {
            Some(Side::Close)
        } else {
            double_side(c, prev, next)
        };
        if let Some(side) = side {
            p.double(side, i, after, c == '\u{201e}');
        } else if is_single(c) {
            let possessive = matches!(prev, Some('s' | 'S'))
                && next.is_some_and(char::is_whitespace)
                && at(k + 2).is_some_and(char::is_lowercase);
            p.single(c, i, after, prev, next, possessive);
        }
        if !is_single(c) && double_side(c, None, None).is_none() && !matches!(c, ')' | ']') {
            last = Some(c);
        }
    }
    p.end_unit();
    p.out.sort_by_key(|r| r.start);
    p.out
}

/// The side of a double quotation mark, `None` for any other character.
fn double_side(c: char, prev: Option<char>, next: Option<char>) -> Option<Side> {
    match c {
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => Some(Side::Open),
        '\u{201d}' | '\u{bb}' => Some(Side::Close),
        '"' => {
            let open_side = prev.is_none_or(|p| {
                p.is_whitespace() || "([{<-/\u{2013}\u{2014}\u{201c}\u{2018}\u{ab}".contains(p)
            });
            let close_side = next.is_none_or(|n| {
                n.is_whitespace()
                    || ".,;:!?)]}>-\u{2013}\u{2014}\u{2026}\u{201d}\u{2019}\u{bb}".contains(n)
            });
            Some(match (open_side, close_side) {
                (true, false) => Side::Open,
                (false, true) => Side::Close,
                _ => Side::Either,
            })
        }
        _ => None,
    }
}

fn is_single(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{b4}' | '\u{2018}' | '\u{201a}' | '\u{2039}' | '\u{2019}' | '\u{203a}'
    )
}

/// The marks met so far and the quotations they left open.
#[derive(Default)]
struct Pairing {
    out: Vec<Range<usize>>,
    /// Where the text of the open double quotation starts.
    double: Option<usize>,
    /// The open double quotation opened with a low mark („).
    low: bool,
    /// Where the text of the open single quotation starts.
    single: Option<usize>,
    /// A plural possessive that closes the single quotation if nothing else does.
    tentative: Option<usize>,
}

impl Pairing {
    fn double(&mut self, side: Side, i: usize, after: usize, low: bool) {
        match (side, self.double) {
            (Side::Open, Some(_)) => {
                self.drop_double();
                self.double = Some(after);
                self.low = low;
            }
            (Side::Open | Side::Either, None) => {
                self.double = Some(after);
                self.low = low;
            }
            (Side::Close | Side::Either, Some(start)) => {
                self.out.push(start..i);
                self.double = None;
                self.settle_single_after(start);
            }
            (Side::Close, None) => {}
        }
    }

    fn single(
        &mut self,
        c: char,
        i: usize,
        after: usize,
        prev: Option<char>,
        next: Option<char>,
        possessive: bool,
    ) {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if word(prev) && word(next) {
            return; // an apostrophe inside a word
        }
        let opening_mark = matches!(c, '\u{2018}' | '\u{201a}' | '\u{2039}');
        let closing_mark = matches!(c, '\u{2019}' | '\u{203a}');
        let can_open =
            !closing_mark && !word(prev) && word(next) && !next.is_some_and(|n| n.is_ascii_digit());
        let can_close = !opening_mark && prev.is_some_and(|p| !p.is_whitespace()) && !word(next);
        match self.single {
            Some(start) if can_close => {
                if possessive {
                    self.tentative.get_or_insert(i);
                } else {
                    self.out.push(start..i);
                    self.single = None;
                    self.tentative = None;
                }
            }
            _ if can_open => {
                self.settle_single();
                self.single = Some(after);
            }
            _ => {}
        }
    }

    /// The open double quotation quotes nothing.
    fn drop_double(&mut self) {
        if let Some(start) = self.double.take() {
            self.settle_single_after(start);
        }
    }

    /// A single quotation opened at or after `start` ends with the double one.
    fn settle_single_after(&mut self, start: usize) {
        if self.single.is_some_and(|s| s >= start) {
            self.settle_single();
        }
    }

    /// The open single quotation ends: at its possessive close if it had one, else
    /// it quotes nothing.
    fn settle_single(&mut self) {
        if let (Some(start), Some(end)) = (self.single, self.tentative) {
            self.out.push(start..end);
        }
        self.single = None;
        self.tentative = None;
    }

    /// A line unit ends: what is still open quotes nothing.
    fn end_unit(&mut self) {
        self.drop_double();
        self.settle_single();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use proptest::prelude::*;

    proptest! {
        /// On ASCII text the byte-indexed walk pairs the marks that the walk over a
        /// table of char offsets (the only walk there was) pairs.
        #[test]
        fn ascii_walk_matches_char_table(text in "[a-sA-S0-9 ,.!?:()\\[\\]'`\"\n\r\t\x0b]{0,60}") {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let at = |k: usize| chars.get(k).map(|x| x.1);
            let by_table = pair_by_char(chars.len(), at, |k| chars[k].0, |k| (k, None));
            prop_assert_eq!(pair_marks(&text), by_table);
        }
    }

    /// The quoted stretches of `text`, as text.
    fn quoted(text: &str) -> Vec<&str> {
        quoted_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    /// The same, on the folded text.
    fn quoted_folded(text: &str) -> Vec<String> {
        let f = fold(text).text;
        quoted_ranges(&f)
            .into_iter()
            .map(|r| f[r].to_string())
            .collect()
    }

    #[test]
    fn a_verb_of_saying_is_read_just_before_a_quotation_after_a_long_run() {
        let run = "word ".repeat(400);
        let said = format!("{run}and he said, \"she died in 1932\" again");
        let quotes = quotations(&said);
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0].statement, "{said}");
        let far = format!("he said {run}, \"she died in 1932\" again");
        assert!(!quotations(&far)[0].statement);
    }

    #[test]
    fn marks_of_every_kind_pair() {
        assert_eq!(quoted("he said \"no\" twice"), ["no"]);
        assert_eq!(quoted("he said “no” and “yes”"), ["no", "yes"]);
        assert_eq!(quoted("the song says «an ice pick» here"), ["an ice pick"]);
        assert_eq!(quoted("German „ja“ and „nein” pair"), ["ja", "nein"]);
        assert_eq!(quoted("and “this“ is two openings"), Vec::<&str>::new());
        assert_eq!(quoted("he wrote ‘an ice pick’ down"), ["an ice pick"]);
        assert_eq!(
            quoted("she said, \"it was 'done' twice\" then"),
            ["it was 'done' twice", "done"]
        );
        // Mixed curly and straight marks still pair.
        assert_eq!(quoted("he said “no\" then"), ["no"]);
        assert_eq!(quoted("He said,\"Yes,\"and left"), ["Yes,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quoted("Trotsky’s killer and the Bolsheviks’ victory").is_empty());
        assert!(quoted("in '29 and ’30 the men’s union grew").is_empty());
        assert!(quoted("the Wright brother’s team and the brothers’ father").is_empty());
        assert_eq!(
            quoted("he called it ‘the brothers’ father’ then"),
            ["the brothers’ father"]
        );
        // With no other close, the possessive closes the quotation.
        assert_eq!(
            quoted("it was ‘a gift of the brothers’ father to them"),
            ["a gift of the brothers"]
        );
        assert_eq!(
            quoted_folded("he called it ‘the brothers’ father’ then"),
            ["the brothers' father"]
        );
    }

    #[test]
    fn an_unclosed_mark_quotes_nothing_before_the_next_opening() {
        // The first opening is never closed; the second quotation stands alone.
        let t = "“Those were her last words— 'Was it done with radium?\nShe was praised: “a delicate blonde,” said one profile. She died of leukemia.";
        assert_eq!(quoted(t), ["a delicate blonde,"]);
        assert_eq!(quoted_folded(t), ["a delicate blonde,"]);
        assert_eq!(
            quoted("He called it \"the best. Later he said \"no\" to it."),
            ["no"]
        );
    }

    #[test]
    fn an_unclosed_mark_ends_with_its_line_unit() {
        // A sentence ends the line and the next line starts with a capital.
        let t = "Her last words were “Was it done with radium?\nShe died in 1934 of leukemia, wrote one paper.”";
        assert!(quoted(t).is_empty());
        // A quotation wrapped across lines inside a sentence still pairs.
        let t = "He said “we will\nfly in 1903 or later” and left.";
        assert_eq!(quoted(t), ["we will\nfly in 1903 or later"]);
        let t = "He said “we will fly. Then\nwe will rest.” He left.";
        assert_eq!(quoted(t), ["we will fly. Then\nwe will rest."]);
        // A lowercase line continues the sentence.
        let t = "He said “we will fly.\nand then rest” and left.";
        assert_eq!(quoted(t), ["we will fly.\nand then rest"]);
    }

    #[test]
    fn a_closing_mark_with_nothing_open_is_ignored() {
        assert!(quoted("he was 5'10\" tall and 12\" wide").is_empty());
        assert_eq!(quoted("it ended.” Then “a new one” began"), ["a new one"]);
    }

    #[test]
    fn a_single_quotation_opened_inside_a_double_one_ends_with_it() {
        assert_eq!(quoted("“one 'two” and 'three' here"), ["one 'two", "three"]);
        assert_eq!(quoted("“one 'two\n'three' here"), ["three"]);
    }

    /// Whether each quotation of the folded `text` is a statement.
    fn statements(text: &str) -> Vec<bool> {
        quotations(&fold(text).text)
            .into_iter()
            .map(|q| q.statement)
            .collect()
    }

    #[test]
    fn an_attributed_clause_is_a_quoted_statement() {
        for t in [
            "“She died in 1932,” the newspaper wrote.",
            "\"He was born in 1870,\" she said.",
            "“She died in 1932”, wrote the paper.",
            "The paper wrote: “She died in 1932.”",
            "He said, \"She died in 1932.\"",
            "Nobody doubted it. “She died in 1932.” That was all.",
        ] {
            assert_eq!(statements(t), [true], "{t}");
        }
    }

    #[test]
    fn titles_names_and_phrases_are_quoted_words() {
        for t in [
            // No verb.
            "the film “Death in Venice” (1971) was shown",
            "“The Death of Stalin,” the paper wrote, is a comedy.",
            // A verb, but neither attributed nor a sentence of its own.
            "the song “She Died Young” was sung in 1932",
            "he called it “the day she died” in his notes",
            // A verb of saying too far after it.
            "“She died in 1932,” and the family moved to a farm near the river they said.",
        ] {
            assert_eq!(statements(t), [false], "{t}");
        }
    }
}

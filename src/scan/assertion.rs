//! Assertion modes: how a document stands behind the words it contains.
//!
//! A document asserts what its own sentences state. Words inside quotation marks
//! (or a block quote) are someone else's; a question asserts nothing; a negation
//! inverts what it governs ("he was not killed with an ice pick"); a hedge or an
//! attribution ("reportedly", "according to X", "X claimed that") weakens it.
//! All cues are read in the folded text of the sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::clauses;

/// How the document stands behind a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssertionMode {
    /// The document's own statement.
    Asserted,
    /// Inside quotation marks or a block quote: someone else's words.
    Quoted,
    /// Reported or hedged ("reportedly", "some say"): a weaker statement.
    Hedged,
    /// Denied ("not", "never", "wrongly said to be").
    Negated,
}

impl AssertionMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AssertionMode::Asserted => "asserted",
            AssertionMode::Quoted => "quoted",
            AssertionMode::Hedged => "hedged",
            AssertionMode::Negated => "negated",
        }
    }
}

/// Words that deny what follows them in their clause.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:not|never|no|nor|n't|neither|rather than|instead of|contrary to|wrongly|falsely|mistakenly|erroneously|incorrectly|inaccurately|myth|misconception|misattributed|disproved|refuted|not true|untrue|far from)\b|n't\b",
    )
    .expect("valid regex")
});

/// Words that report or hedge a statement.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:some (?:accounts|sources|historians|writers|reports|say|claim|believe|have claimed|have said)|reportedly|allegedly|supposedly|purportedly|apparently|according to(?: [a-z]+){1,3}|it is (?:said|claimed|believed|thought|alleged|rumou?red)|it was (?:said|claimed|believed|thought|alleged|rumou?red)|is said to|was said to|are said to|is believed to|was believed to|is thought to|was thought to|rumou?red|legend has it|(?:claimed|claims|claim|alleged|alleges|asserted|asserts|insisted|insists|maintained|maintains) that|claimed|may have|might have|could have|possibly|perhaps|probably|presumably|it seems|seems to|is rumou?red)\b",
    )
    .expect("valid regex")
});

/// Whether a folded sentence is a question.
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '*', '_'])
        .ends_with('?')
}

/// The quoted ranges of a folded paragraph: text between matching quotation marks.
/// A single quote counts as a quotation mark only where it cannot be an apostrophe
/// ("Trotsky's", "Bolsheviks' victory" outside a quote, "'29"); an unclosed mark
/// quotes nothing.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        match c {
            '"' => match open_double {
                Some(start) => {
                    out.push(start..i);
                    open_double = None;
                    open_single = open_single.filter(|&s| s < start);
                }
                None => open_double = Some(i + 1),
            },
            '\'' => {
                let opens = !word(prev) && word(next);
                let closes = open_single.is_some()
                    && !word(next)
                    && prev.is_some_and(|p| !p.is_whitespace());
                if closes {
                    let start = open_single.take().expect("checked");
                    out.push(start..i);
                } else if opens
                    && open_single.is_none()
                    && !next.is_some_and(|n| n.is_ascii_digit())
                {
                    open_single = Some(i + 1);
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The mode of a statement whose value is at `value` in the folded `sentence`
/// (offsets relative to it), with the cue word that decided it; `quoted` tells
/// whether the value lies inside quotation marks.
pub fn classify(
    sentence: &str,
    value: Range<usize>,
    quoted: bool,
) -> (AssertionMode, Option<String>) {
    if quoted {
        return (AssertionMode::Quoted, None);
    }
    // A negation governs its own clause, before the value and close to it.
    let segs = clauses::segments(sentence, std::slice::from_ref(&value));
    let seg = segs
        .iter()
        .find(|s| value.start >= s.range.start && value.start < s.range.end.max(s.range.start + 1))
        .map_or(0..value.start, |s| s.range.start..value.start);
    let before = &sentence[seg.start.min(value.start)..value.start];
    if let Some(m) = NEGATION.find_iter(before).last() {
        // "not only" and "no longer" do not deny; nor does a negation far before.
        let after = &before[m.end()..];
        let words_between = after.split_whitespace().count();
        if !after.starts_with(" only") && !after.starts_with(" longer") && words_between <= 8 {
            return (AssertionMode::Negated, Some(m.as_str().trim().to_string()));
        }
    }
    if let Some(m) = HEDGE.find(sentence) {
        return (AssertionMode::Hedged, Some(m.as_str().to_string()));
    }
    (AssertionMode::Asserted, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    fn mode(sentence: &str, value: &str) -> (AssertionMode, Option<String>) {
        let f = fold(sentence).text;
        let v = fold(value).text;
        let at = f.find(&v).unwrap();
        let quoted = quoted_ranges(&f)
            .iter()
            .any(|q| q.start <= at && at < q.end);
        classify(&f, at..at + v.len(), quoted)
    }

    #[test]
    fn quotation_marks_of_every_kind() {
        use AssertionMode::*;
        assert_eq!(
            mode(
                "described as getting \"an ice-pick that made his ears burn\"",
                "ice-pick"
            )
            .0,
            Quoted
        );
        assert_eq!(
            mode(
                "the song’s line “an ice pick that made his ears burn” is famous",
                "ice pick"
            )
            .0,
            Quoted
        );
        assert_eq!(
            mode("the song says «an ice pick» here", "ice pick").0,
            Quoted
        );
        assert_eq!(
            mode("he wrote ‘an ice pick’ in his notes", "ice pick").0,
            Quoted
        );
        // Apostrophes are not quotation marks.
        assert_eq!(
            mode("Trotsky’s killer used an ice pick", "ice pick").0,
            Asserted
        );
        assert_eq!(
            mode("the Bolsheviks' enemies used an ice pick", "ice pick").0,
            Asserted
        );
        assert_eq!(mode("in '29 he used an ice pick", "ice pick").0, Asserted);
    }

    #[test]
    fn questions() {
        assert!(is_question(
            "Did Stalin have full control of the government in 1936?"
        ));
        assert!(is_question("Was it an ice pick?\""));
        assert!(!is_question("He asked nothing."));
    }

    #[test]
    fn negation_governs_its_own_clause() {
        use AssertionMode::*;
        assert_eq!(
            mode("He was not killed with an ice pick.", "ice pick").0,
            Negated
        );
        assert_eq!(
            mode("It was an ice axe, not an ice pick.", "ice pick").0,
            Negated
        );
        assert_eq!(
            mode(
                "The weapon is often wrongly said to be an ice pick.",
                "ice pick"
            )
            .0,
            Negated
        );
        assert_eq!(
            mode(
                "Contrary to the common story of an ice pick, it was an ice axe.",
                "ice pick"
            )
            .0,
            Negated
        );
        assert_eq!(mode("He did not die in 1940.", "1940").0, Negated);
        assert_eq!(
            mode(
                "He was not only exiled but killed with an ice pick.",
                "ice pick"
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode(
                "He could not escape, and he was killed with an ice pick.",
                "ice pick"
            )
            .0,
            Asserted
        );
    }

    #[test]
    fn hedges_and_attribution() {
        use AssertionMode::*;
        assert_eq!(
            mode("He was reportedly killed with an ice pick.", "ice pick"),
            (Hedged, Some("reportedly".into()))
        );
        assert_eq!(
            mode(
                "Some accounts say he was killed with an ice pick.",
                "ice pick"
            ),
            (Hedged, Some("some accounts".into()))
        );
        assert_eq!(
            mode(
                "According to the police, he was killed with an ice pick.",
                "ice pick"
            )
            .0,
            Hedged
        );
        assert_eq!(
            mode("Mercader claimed that he used an ice pick.", "ice pick").0,
            Hedged
        );
        assert_eq!(
            mode("It is said that he used an ice pick.", "ice pick").0,
            Hedged
        );
        assert_eq!(
            mode("He was killed with an ice pick.", "ice pick"),
            (Asserted, None)
        );
    }
}

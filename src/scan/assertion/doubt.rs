//! Doubt: hedges that lean towards denial.
//!
//! "It is doubtful that she died in 1932", "some doubt that he was born in 1870",
//! "it is unlikely that …", "there is no evidence that …" doubt the statement they
//! govern rather than report it: a hedged denial, as "she may not have died" is. A
//! doubt that is itself denied ("it is not unlikely", "never doubted") hedges the
//! statement, and one that is dismissed ("no doubt", "without a doubt", "beyond
//! any doubt", "little doubt") states it: it is no hedge at all.

use std::ops::Range;

use super::hedge::Hedge;
use super::words;
use crate::lexicon;

impl Hedge {
    /// Whether the hedge doubts what it governs ("it is unlikely that …") rather than
    /// reporting it, and is not itself denied ("it is not unlikely", "never doubted").
    pub(super) fn doubts(&self, text: &str) -> bool {
        let denied = words(&text[..self.at.start])
            .rev()
            .take(2)
            .any(|w| lexicon::is(lexicon::NEGATION_CUES, w) || w.ends_with("n't"));
        holds_doubt(&self.name) && !denied
    }
}

/// Whether a hedge's words hold a word of doubt ("doubtful", "some doubt").
fn holds_doubt(name: &str) -> bool {
    let padded = format!(" {name} ");
    lexicon::DOUBT_CUES
        .iter()
        .any(|d| padded.contains(&format!(" {d} ")))
}

/// Whether the doubt cue at `at` is dismissed by a word or two before it ("no
/// doubt", "without a doubt", "beyond any doubt"): then it hedges nothing.
pub(super) fn dismissed(text: &str, at: &Range<usize>) -> bool {
    holds_doubt(&text[at.clone()])
        && words(&text[..at.start])
            .rev()
            .take(2)
            .any(|w| lexicon::is(lexicon::DOUBT_DISMISSALS, w))
}

#[cfg(test)]
mod tests {
    use super::super::AssertionMode::*;
    use super::super::tests::mode_at;
    use super::*;

    #[test]
    fn a_doubt_word_is_read_whole_and_dismissed_by_the_words_before_it() {
        assert!(holds_doubt("doubtful"));
        assert!(holds_doubt("some doubt"));
        assert!(!holds_doubt("undoubtedly"));
        assert!(!holds_doubt("reportedly"));
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            s..s + w.len()
        };
        let t = "there is no doubt that she died";
        assert!(dismissed(t, &at(t, "doubt")));
        let t = "beyond any doubt she died";
        assert!(dismissed(t, &at(t, "doubt")));
        let t = "some doubt that she died";
        assert!(!dismissed(t, &at(t, "doubt")));
        // Only a doubt is dismissed: "no" before "reportedly" is no dismissal.
        let t = "no one reportedly died";
        assert!(!dismissed(t, &at(t, "reportedly")));
    }

    #[test]
    fn a_hedge_of_doubt_is_a_hedged_denial() {
        let doubted = |s: &str, v: &str, t: &str| mode_at(s, v, Some(t));
        assert_eq!(
            doubted("It is doubtful that she died in 1932.", "1932", "died"),
            (HedgedDenial, Some("doubtful".into()))
        );
        assert_eq!(
            doubted("Some doubt that he was born in 1870.", "1870", "born"),
            (HedgedDenial, Some("doubt".into()))
        );
        assert_eq!(
            doubted(
                "It is unlikely that he was exiled in 1929.",
                "1929",
                "exiled"
            ),
            (HedgedDenial, Some("unlikely".into()))
        );
        assert_eq!(
            doubted("It is doubtful whether she died in 1932.", "1932", "died"),
            (HedgedDenial, Some("doubtful".into()))
        );
        assert_eq!(
            doubted("There is no evidence that he died in 1940.", "1940", "died"),
            (HedgedDenial, Some("no evidence".into()))
        );
    }

    #[test]
    fn a_doubt_denied_or_dismissed_is_no_denial() {
        // A doubted denial: a hedged statement.
        assert_eq!(
            mode_at(
                "It is unlikely that she did not die in 1932.",
                "1932",
                Some("die")
            ),
            (Hedged, Some("unlikely".into()))
        );
        // A denied doubt: likely.
        assert_eq!(
            mode_at(
                "It is not unlikely that she died in 1932.",
                "1932",
                Some("died")
            ),
            (Hedged, Some("unlikely".into()))
        );
        // A dismissed doubt: certain.
        for s in [
            "There is little doubt that she died in 1932.",
            "Without a doubt she died in 1932.",
            "It is beyond doubt that she died in 1932.",
        ] {
            assert_eq!(mode_at(s, "1932", Some("died")), (Asserted, None), "{s}");
        }
        // The doubt is in another clause.
        assert_eq!(
            mode_at(
                "She died in 1932, and the cause is doubtful.",
                "1932",
                Some("died")
            ),
            (Asserted, None)
        );
    }
}

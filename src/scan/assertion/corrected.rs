//! Reports the sentence corrects: "Some say Marten moved to Linz in 1907, but
//! letters show it was 1905", "It is often said that the choir had 5,200
//! members; in fact it had 3,400", "Although some claim it had 5,200 members, it
//! had 3,400". A hedged or reported statement followed, past a contrast, by
//! another value of its kind is one the document sets aside: it denies what the
//! report says, as "wrongly" before a value does.

use super::negation::Denial;
use super::{Frame, words};
use crate::lexicon;

/// The most words between the statement and the contrast ("… in 1907, as many
/// biographies repeat, but …").
const REACH: usize = 8;

/// The most words between the contrast and the value that corrects the report
/// ("but letters in the city archive show it was 1905").
const CORRECTION_REACH: usize = 10;

/// The contrast that sets aside the hedged statement of `f`, if one does: the
/// statement holds a number (a date's or a count's) and, after it, a
/// contrast ("but", "in fact", a semicolon) or, where a concession opens the
/// sentence ("although some claim …"), a comma, is followed by another number
/// of its kind (a year after a year, a count after a count).
pub(super) fn corrected(f: &Frame) -> Option<Denial> {
    let stated = &f.text[f.value.clone()];
    if !stated.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let last = f.statement().end;
    let conceded = words(&f.text[..f.value.start.min(last)])
        .next()
        .is_some_and(|w| lexicon::is(lexicon::CONCESSIONS, w));
    let rest = &f.text[last..];
    // The contrast: a word of the list, "in fact", or a semicolon (or, after a
    // concession, a comma) between two words.
    let mut seen = 0;
    let mut contrast = None;
    for (at, piece) in rest.split_inclusive([' ', ';', ',']).scan(0, |pos, p| {
        let at = *pos;
        *pos += p.len();
        Some((at, p))
    }) {
        let w = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let mark = piece.ends_with(';') || (conceded && piece.ends_with(','));
        let phrase =
            matches!(w, "fact" | "reality" | "truth") && rest[..at].trim_end().ends_with(" in");
        if lexicon::is(lexicon::CORRECTION_CONTRASTS, w) || phrase {
            contrast = Some(last + at..last + at + piece.trim_end().len());
            break;
        }
        if mark {
            let end = last + at + piece.len();
            contrast = Some(end - 1..end);
            break;
        }
        if !w.is_empty() {
            seen += 1;
        }
        if seen > REACH {
            return None;
        }
    }
    let contrast = contrast?;
    // A year corrects a year, a count a count: "the choir had 5,200 members,
    // but in 1912 it was smaller" corrects nothing.
    let digits = |w: &&str| w.contains(|c: char| c.is_ascii_digit());
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let stated_year = words(stated).rfind(digits).is_some_and(year);
    let correction = words(&f.text[contrast.end..])
        .take(CORRECTION_REACH)
        .filter(digits)
        .find(|w| year(w) == stated_year)?;
    let cue = contrast.start..contrast.end.max(f.offset(correction) + correction.len());
    Some(Denial::firm(f.text, cue))
}

#[cfg(test)]
mod tests {
    use super::super::AssertionMode::*;
    use super::super::tests::mode_at;

    #[test]
    fn a_report_the_sentence_corrects_is_denied() {
        for (s, value, trigger) in [
            (
                "Some say Marten moved to Linz in 1907, but letters show it was 1905.",
                "1907",
                "moved to",
            ),
            (
                "It is often said that Marten moved to Linz in 1907; in fact she moved there in 1905.",
                "1907",
                "moved to",
            ),
            (
                "Although some claim the choir had 5,200 members, it had 3,400.",
                "5,200",
                "members",
            ),
            (
                "Marten is said to have moved to Linz in 1907, though records show 1905.",
                "1907",
                "moved to",
            ),
        ] {
            assert_eq!(mode_at(s, value, Some(trigger)).0, Negated, "{s}");
        }
    }

    #[test]
    fn a_report_not_corrected_stays_hedged() {
        for (s, value, trigger) in [
            // No other value after the contrast.
            (
                "Some say Marten moved to Linz in 1907, but nobody knows.",
                "1907",
                "moved to",
            ),
            // A concession with no report: the statement is the document's.
            (
                "Some say Marten moved to Linz in 1907, and she stayed until 1930.",
                "1907",
                "moved to",
            ),
            // A year does not correct a count.
            (
                "Critics claim the choir had 5,200 members, but in 1912 it was smaller.",
                "5,200",
                "members",
            ),
        ] {
            assert_eq!(mode_at(s, value, Some(trigger)).0, Hedged, "{s}");
        }
        // Stated, not reported: a contrast after it corrects nothing.
        assert_eq!(
            mode_at(
                "Marten moved to Linz in 1907, but her sister came in 1910.",
                "1907",
                Some("moved to")
            )
            .0,
            Asserted
        );
    }
}

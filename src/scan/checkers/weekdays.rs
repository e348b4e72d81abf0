//! Weekdays the calendar contradicts ("Wednesday, 30 May 1912", a Thursday),
//! under factlint's own claim `factlint.weekday`: no claim of a claims file is
//! needed, as a spelling checker needs none to flag a doubled word.
//!
//! Only a weekday written with a single day of a known year counts (see
//! [`crate::extract::date::DateMention::weekday_agrees`]): a day without a year, a
//! range, a day before the Gregorian calendar, and an Old Style day whose weekday
//! fits either calendar say nothing. Where a date claim's assertion covers the
//! same words, that claim alone reports the weekday.

use super::Scan;
use crate::extract::date::extract_dates;
use crate::scan::{Assertion, AssertionMode, Observed};
use crate::span::{Span, folded_to_prose};

/// Records every date of sentence `si` written with a weekday the calendar
/// contradicts, the assertion on the weekday's words.
pub fn check(scan: &mut Scan<'_>, si: usize) {
    let Some(claim) = scan.claims.weekday_claim else {
        return;
    };
    if !scan.claims.claims[claim].enabled {
        return;
    }
    let fr = scan.ranges[si].clone();
    let text = &scan.doc.folded.text[fr.clone()];
    if !may_date_a_weekday(text) {
        return;
    }
    for d in extract_dates(text) {
        let Some((_, w)) = &d.weekday else {
            continue;
        };
        if d.weekday_agrees() != Some(false) {
            continue;
        }
        let at = Span::from(fr.start + w.start..fr.start + w.end);
        scan.out.push(Assertion {
            claim,
            span: folded_to_prose(&scan.doc.folded, at),
            sentence: si,
            observed: Observed::Weekday(d.clone()),
            mode: AssertionMode::Asserted,
            cue: None,
            trigger: None,
        });
    }
}

/// Whether the folded sentence may write a weekday with a day it can
/// contradict: a word that may be a weekday, and a digit, as a day of a known
/// year has its year in figures. Most sentences lack one or the other, and need
/// no date extraction.
fn may_date_a_weekday(text: &str) -> bool {
    has_weekday_word(text) && text.contains(char::is_numeric)
}

/// Whether the folded sentence holds a word the date reader may take for a
/// weekday.
fn has_weekday_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(crate::extract::calendar::is_weekday_word)
}

/// Drops the weekday assertions whose words a date claim's assertion covers:
/// that claim reports the weekday, or the date, itself.
pub fn drop_claimed(out: &mut Vec<Assertion>) {
    let claimed: Vec<Span<crate::span::Prose>> = out
        .iter()
        .filter(|a| matches!(a.observed, Observed::Date(_)))
        .map(|a| a.span)
        .collect();
    out.retain(|a| {
        !matches!(a.observed, Observed::Weekday(_)) || !claimed.iter().any(|c| c.overlaps(a.span))
    });
}

#[cfg(test)]
mod tests {
    use super::{has_weekday_word, may_date_a_weekday};
    use crate::extract::date::extract_dates;

    #[test]
    fn only_weekday_words_call_for_dates() {
        for s in [
            "on wednesday, 30 may 1912",
            "wed. 30 may",
            "sat 1 june",
            "(thurs) 3 may",
        ] {
            assert!(has_weekday_word(s), "{s}");
        }
        for s in [
            "a friend came in the month of may 1912",
            "sunlight and thunder",
            // Words that only start like a name the date reader does not take.
            "frida painted on 3 may 1938",
            "a satur 3 may 1938, wednes 4 may",
            "",
        ] {
            assert!(!has_weekday_word(s), "{s}");
        }
    }

    proptest::proptest! {
        /// Every weekday the date reader writes with a date stands in a
        /// sentence that the word test lets through.
        #[test]
        fn every_dated_weekday_is_a_weekday_word(
            s in "(on |the |, |\\(|\\)|\\. |a |which was a |sat|sun|mon|wed|thu|thurs|tues|frida|friday|saturday|satur|wednes|wednesday| 3 may 1913| may 29, 1912| 17 december 1903){0,8}"
        ) {
            let dated = extract_dates(&s).iter().any(|d| d.weekday.is_some());
            proptest::prop_assert!(!dated || has_weekday_word(&s), "{}", s);
        }
    }

    #[test]
    fn a_weekday_is_dated_only_where_a_year_is_in_figures() {
        for s in [
            "on wednesday, 30 may 1912",
            "on wednesday, the thirtieth of may, 1912",
            "mittwoch, 30. mai \u{967}\u{96f}\u{967}\u{968}, a wednesday",
        ] {
            assert!(may_date_a_weekday(s), "{s}");
        }
        // Without a figure no date is read to the day, so none can contradict.
        for s in [
            "on wednesday, the thirtieth of may",
            "on wednesday, the thirtieth of may in nineteen twelve",
            "wednesday came",
        ] {
            assert!(!may_date_a_weekday(s), "{s}");
            assert!(
                extract_dates(s)
                    .iter()
                    .all(|d| d.weekday_agrees().is_none()),
                "{s}"
            );
        }
    }
}

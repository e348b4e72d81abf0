//! A weekday written with a single day: `friday 17 december 1903`, `wednesday, may
//! 29, 1912`, `on tuesday the 3rd of march 1908`, `mon. 14 dec. 1903`, `thursday
//! (17 december 1903)`, `17 december 1903 (thursday)`, `17 december 1903 (a
//! thursday)`, `may 29, 1912, a wednesday`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::DateMention;
use crate::extract::calendar::{Precision, WEEKDAY_WORDS, Weekday};

/// A weekday just before a date, with the words that may join them, or with the
/// date in brackets after it. `mon`, `wed`, `sat` and `sun` are words of their
/// own, and count only with a period or a comma (`sun. 14 dec.`, `sat, 3 may`).
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<wd>{})(?P<dot>\.)?(?P<comma>,)?(?:(?: the)? | (?P<open>\())$",
        WEEKDAY_WORDS.join("|")
    ))
    .expect("valid regex")
});

/// A weekday just after a date, in brackets (`(thursday)`, `(a thursday)`) or in
/// apposition.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let names = WEEKDAY_WORDS[..7].join("|");
    Regex::new(&format!(
        r"^(?:,? \((?:a |which was a )?(?P<p>{names})\)|, (?:a|which was a) (?P<a>{names})\b)",
    ))
    .expect("valid regex")
});

/// The longest text a weekday and its joining words take before a date.
const WINDOW: usize = 24;

/// The weekday written just before `start` in the folded `text`, with its span,
/// and whether the date after it opens with a bracket.
pub(crate) fn weekday_before(text: &str, start: usize) -> Option<(Weekday, Range<usize>, bool)> {
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let c = BEFORE.captures(&text[from..start])?;
    let wd = c.name("wd")?;
    let span = from + wd.start()..from + wd.end() + c.name("dot").map_or(0, |d| d.len());
    // The window may cut a word: the weekday must start one.
    if text[..span.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let bare = c.name("dot").is_none() && c.name("comma").is_none();
    if bare && matches!(wd.as_str(), "mon" | "wed" | "sat" | "sun") && !opens(&text[..span.start]) {
        return None;
    }
    Some((
        Weekday::from_name(wd.as_str())?,
        span,
        c.name("open").is_some(),
    ))
}

/// Whether the words before a bare `wed`, `sat`, `sun` or `mon` leave it a
/// weekday: the start of the text, `on`, or a mark that opens a phrase (`on wed 30
/// may 1912`, `(sat 3 may 1913)`); after other words it is a verb or a noun ("they
/// wed 14 december").
fn opens(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty()
        || before.ends_with(['(', '[', ':', ';', ',', '-', '"'])
        || before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w == "on")
}

/// The weekday written just after `end` in the folded `text`, with the span that
/// ends the mention (the closing bracket included).
fn weekday_after(text: &str, end: usize) -> Option<(Weekday, Range<usize>, usize)> {
    let c = AFTER.captures(&text[end..])?;
    let (wd, close) = match (c.name("p"), c.name("a")) {
        (Some(p), _) => (p, 1),
        (None, Some(a)) => (a, 0),
        (None, None) => return None,
    };
    let span = end + wd.start()..end + wd.end();
    let mention_end = span.end + close;
    Some((Weekday::from_name(wd.as_str())?, span, mention_end))
}

/// Joins the weekday written with a single day to its mention: the span grows to
/// cover it. Coarser mentions and ranges take none, and a weekday before the
/// mention is taken only from `taken` on (where the mention before it ends).
pub(super) fn attach_weekday(text: &str, m: &mut DateMention, taken: usize) {
    if m.precision() != Precision::Day || m.readings.iter().any(|r| r.start != r.end) {
        return;
    }
    let before = weekday_before(text, m.span.start).filter(|(_, span, open)| {
        span.start >= taken
            && (
                // A bracket opened before the date closes right after it: "friday (17
                // december 1903)", not "friday (17 december 1903 was a thursday)".
                !open || text[m.span.end..].starts_with(')')
            )
    });
    if let Some((wd, span, open)) = before {
        m.span.start = span.start;
        m.span.end += usize::from(open);
        m.weekday = Some((wd, span));
    } else if let Some((wd, span, end)) = weekday_after(text, m.span.end) {
        m.span.end = end;
        m.weekday = Some((wd, span));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::calendar::Weekday;
    use crate::extract::date::extract_dates;
    use crate::extract::normalize::fold;

    /// (the mention as written, its weekday's words, whether the weekday agrees)
    fn weekday(text: &str) -> Option<(String, String, Option<bool>)> {
        let folded = fold(text);
        let all = extract_dates(&folded.text);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        let m = &all[0];
        let (_, span) = m.weekday.clone()?;
        Some((
            text[folded.orig_range(m.span.clone())].to_string(),
            text[folded.orig_range(span)].to_string(),
            m.weekday_agrees(),
        ))
    }

    fn w(mention: &str, day: &str, agrees: bool) -> Option<(String, String, Option<bool>)> {
        Some((mention.into(), day.into(), Some(agrees)))
    }

    #[test]
    fn a_weekday_before_a_day_joins_the_mention() {
        assert_eq!(
            weekday("On Thursday 17 December 1903, the Flyer flew"),
            w("Thursday 17 December 1903", "Thursday", true)
        );
        assert_eq!(
            weekday("By Friday 17 December 1903, the Flyer was fixed"),
            w("Friday 17 December 1903", "Friday", false)
        );
        assert_eq!(
            weekday("He died on Wednesday, May 29, 1912 at home."),
            w("Wednesday, May 29, 1912", "Wednesday", true)
        );
        assert_eq!(
            weekday("Thursday, 30 May 1912: the funeral"),
            w("Thursday, 30 May 1912", "Thursday", true)
        );
        assert_eq!(
            weekday("on Tuesday the 3rd of March 1908 it rained"),
            w("Tuesday the 3rd of March 1908", "Tuesday", true)
        );
        assert_eq!(
            weekday("Mon. 14 Dec. 1903 — first try"),
            w("Mon. 14 Dec. 1903", "Mon.", true)
        );
        // "by" makes the date open; the weekday is judged by the day written.
        assert_eq!(
            weekday("By Thursday 17 December 1903, it was fixed"),
            w("Thursday 17 December 1903", "Thursday", true)
        );
        assert_eq!(
            weekday("Sun, 13 Dec 1903"),
            w("Sun, 13 Dec 1903", "Sun", true)
        );
        // A bare abbreviation after "on", a bracket or at the start.
        assert_eq!(
            weekday("it sailed on Wed 30 May 1912 from"),
            w("Wed 30 May 1912", "Wed", false)
        );
        assert_eq!(
            weekday("Sat 1 June 1912: calm"),
            w("Sat 1 June 1912", "Sat", true)
        );
        assert_eq!(
            weekday("the log (Mon 3 June 1912) says"),
            w("Mon 3 June 1912", "Mon", true)
        );
        assert_eq!(
            weekday("Mon, Feb. 3, 1958 was cold"),
            w("Mon, Feb. 3, 1958", "Mon", true)
        );
        // The date in brackets after its weekday.
        assert_eq!(
            weekday("it flew on Friday (17 December 1903) at last"),
            w("Friday (17 December 1903)", "Friday", false)
        );
        assert_eq!(
            weekday("the log, Wed. (3 June 1912), says"),
            w("Wed. (3 June 1912)", "Wed.", false)
        );
    }

    #[test]
    fn a_weekday_after_a_day_joins_the_mention() {
        assert_eq!(
            weekday("it flew on 17 December 1903 (Thursday) at last"),
            w("17 December 1903 (Thursday)", "Thursday", true)
        );
        assert_eq!(
            weekday("it flew on 17 December 1903 (a Friday) at last"),
            w("17 December 1903 (a Friday)", "Friday", false)
        );
        assert_eq!(
            weekday("he died on May 29, 1912, a Tuesday, at dawn"),
            w("May 29, 1912, a Tuesday", "Tuesday", false)
        );
    }

    #[test]
    fn a_weekday_between_two_dates_is_the_first_ones() {
        let text = "on 30 may 1912, a friday, 25 october 1917 came";
        let all = extract_dates(text);
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].span.end <= all[1].span.start, "{all:?}");
        assert_eq!(&text[all[0].span.clone()], "30 may 1912, a friday");
        assert_eq!(all[0].weekday.as_ref().map(|w| w.0), Some(Weekday::Friday));
        assert_eq!(&text[all[1].span.clone()], "25 october 1917");
        assert_eq!(all[1].weekday, None);
    }

    #[test]
    fn words_that_are_not_a_weekday_of_the_date() {
        // Bare "sun", "sat", "wed", "mon" are words of their own.
        for s in [
            "they wed 14 December 1903",
            "the sun 14 December 1903",
            "he sat 14 December 1903",
            "the couple wed 14 December 1903",
            "it rained on the sun 14 December 1903",
            "in 1903 on a Friday",
            "on Friday, in December 1903",
            "Friday's paper, 17 December 1903",
            "by unsat 17 December 1903",
            "they sat (14 December 1903)",
            "the sun (14 December 1903) rose",
            "on a Friday (17 December 1903 was a Thursday)",
        ] {
            assert_eq!(weekday(s), None, "{s}");
        }
        // A month or a year takes no weekday, and keeps its span.
        let folded = fold("on Friday December 1903 it");
        let all = extract_dates(&folded.text);
        assert_eq!(all[0].weekday, None);
        assert_eq!(&folded.text[all[0].span.clone()], "december 1903");
    }

    #[test]
    fn weekdays_agree_with_either_reading_and_not_before_the_gregorian_calendar() {
        // 08/07/1940 is 8 July (a Monday) or 7 August (a Wednesday).
        let (_, _, agrees) = weekday("Wednesday 08/07/1940").unwrap();
        assert_eq!(agrees, Some(true));
        let (_, _, agrees) = weekday("Friday 08/07/1940").unwrap();
        assert_eq!(agrees, Some(false));
        let (_, _, agrees) = weekday("Friday, 12 October 1492").unwrap();
        assert_eq!(agrees, None);
        let m = extract_dates("in 1903");
        assert_eq!(m[0].weekday_agrees(), None);
        assert_eq!(
            extract_dates("thursday, 30 may 1912")[0].weekday,
            Some((Weekday::Thursday, 0..8))
        );
    }
}

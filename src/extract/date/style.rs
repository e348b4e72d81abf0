//! Old and New Style marks on a single date: `25 october 1917 (o.s.)`, `25
//! october 1917 o.s.`, `25 october 1917, old style`, `[n.s.]`. (Dual dates, `7
//! november [o.s. 26 october] 1879`, are atoms of their own.)
//!
//! A date marked Old Style is a day of the Julian calendar: it reads as written
//! and as the Gregorian day it was (`25 october 1917 (o.s.)` is also 7 November
//! 1917), since a claim may give either. A New Style mark changes nothing but the
//! span.

use std::sync::LazyLock;

use crate::re::Regex;

use super::{DateMention, Shape};
use crate::extract::calendar::{Interval, Precision, julian_day};

/// A style mark just after a date, bare, after a comma or in brackets.
static MARK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,? ?[(\[] ?(?P<b>o\.? ?s\.?|n\.? ?s\.?|old style|new style) ?[)\]]|,? (?P<w>o\. ?s\.|n\. ?s\.|old style|new style)(?:\b|$|[^a-z]))",
    )
    .expect("valid regex")
});

/// Extends a single day (or month) marked Old or New Style over its mark, and
/// gives an Old Style day its Gregorian reading.
pub(super) fn attach_style(text: &str, m: &mut DateMention) {
    if m.shape != Shape::Point || m.readings.len() != 1 || m.precision() == Precision::Year {
        return;
    }
    let Some(c) = MARK_AFTER.captures(&text[m.span.end..]) else {
        return;
    };
    let Some(mark) = c.name("b").or_else(|| c.name("w")) else {
        return;
    };
    let end = m.span.end
        + c.name("b")
            .map_or(mark.end(), |_| c.get(0).expect("whole").end());
    m.span.end = end;
    if mark.as_str().starts_with('o') {
        let v = m.value;
        let (start, last) = match (v.month, v.day) {
            (Some(mo), Some(d)) => (julian_day(v.year, mo, d), julian_day(v.year, mo, d)),
            (Some(mo), None) => {
                let days = crate::extract::calendar::days_in_month(v.year, mo);
                let leap = u32::from(mo == 2 && v.year.rem_euclid(4) == 0 && days == 28);
                (
                    julian_day(v.year, mo, 1),
                    julian_day(v.year, mo, days + leap),
                )
            }
            _ => return,
        };
        m.readings.push(Interval { start, end: last });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::calendar::{Interval, day_number};
    use crate::extract::date::extract_dates;

    fn day(y: i32, m: u32, d: u32) -> Interval {
        let n = day_number(y, m, d);
        Interval { start: n, end: n }
    }

    #[test]
    fn an_old_style_day_reads_in_both_calendars() {
        for s in [
            "on 25 october 1917 (o.s.) the",
            "on 25 october 1917 o.s. the",
            "on 25 october 1917 [o.s.] the",
            "on 25 october 1917, old style, the",
            "on october 25, 1917 (old style) the",
            "on 25 october 1917 (os) the",
        ] {
            let all = extract_dates(s);
            assert_eq!(all.len(), 1, "{s}");
            assert_eq!(
                all[0].readings,
                vec![day(1917, 10, 25), day(1917, 11, 7)],
                "{s}"
            );
            assert!(
                s[all[0].span.clone()].starts_with("25 october 1917")
                    || s[all[0].span.clone()].starts_with("october 25"),
                "{s}"
            );
        }
        let s = "on 25 october 1917 (o.s.) the";
        assert_eq!(
            &s[extract_dates(s)[0].span.clone()],
            "25 october 1917 (o.s.)"
        );
        let s = "in february 1917 (o.s.) the";
        assert_eq!(
            extract_dates(s)[0].readings,
            vec![
                Interval::months((1917, 2), (1917, 2)),
                Interval {
                    start: day_number(1917, 2, 14),
                    end: day_number(1917, 3, 13),
                }
            ]
        );
    }

    #[test]
    fn a_new_style_mark_only_widens_the_span() {
        let s = "on 7 november 1917 (n.s.) the";
        let all = extract_dates(s);
        assert_eq!(all[0].readings, vec![day(1917, 11, 7)]);
        assert_eq!(&s[all[0].span.clone()], "7 november 1917 (n.s.)");
        let s = "on 7 november 1917, new style, the";
        assert_eq!(
            &s[extract_dates(s)[0].span.clone()],
            "7 november 1917, new style"
        );
    }

    #[test]
    fn words_that_are_not_style_marks() {
        for s in [
            "on 25 october 1917 os lights",
            "on 25 october 1917 nostalgia",
            "in 1917 (o.s.) the",
            "on 25 october 1917 (os x) the",
        ] {
            let all = extract_dates(s);
            assert_eq!(all[0].readings.len(), 1, "{s}");
        }
    }
}

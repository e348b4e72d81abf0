//! Dates against date claims: intervals that overlap, open dates against a
//! period's bounds, and a weekday against the calendar.

use super::{Comparison, one_line};
use crate::claims::{Claim, Expected};
use crate::extract::date::{DateMention, Shape};
use crate::fix::Applicability;

/// Whether a date mention agrees with a date claim: one of its readings overlaps the
/// claimed value or an accepted one.
pub fn date_agrees(d: &DateMention, claim: &Claim) -> bool {
    if d.shape == Shape::Open
        && let Some(agrees) = open_against_periods(d, &claim.expected)
    {
        return agrees;
    }
    let claimed = claim.expected.date_intervals();
    d.readings
        .iter()
        .any(|r| claimed.iter().any(|c| c.overlaps(r)))
}

/// An open date against a claim's periods: `until 1990` (`till`, `by`) states
/// the end, and agrees where a period ended in 1990; `since 1921` states the
/// start, and agrees where a period began in 1921. `None` where the claim gives
/// no period, or the date bounds no end (`after 1960`, `before 1980`: some time
/// then, which agrees where it meets a period, as any date does).
fn open_against_periods(d: &DateMention, expected: &Expected) -> Option<bool> {
    use crate::extract::calendar::{MAX_DAY, MIN_DAY};
    let periods = expected.periods();
    let written = d.value.interval();
    let r = d.readings.first()?;
    let in_written = |day| written.start <= day && day <= written.end;
    if periods.is_empty() || r.end == MAX_DAY {
        return None;
    }
    if r.start == MIN_DAY {
        // until X; before X ends the reading a day before X.
        return (r.end == written.end).then(|| periods.iter().any(|p| in_written(p.end)));
    }
    Some(periods.iter().any(|p| in_written(p.start)))
}

/// A weekday written with a date against the calendar: the calendar's weekday
/// for the day as written, in the written weekday's form (`Thursday`, `Thu.`,
/// `THU`).
pub(super) fn weekday_comparison(d: &DateMention, found: &str) -> Option<Comparison> {
    let agrees = d.weekday_agrees()?;
    let name = d.calendar_weekday()?.name();
    let letters = found.trim_end_matches('.').to_lowercase();
    let short = !crate::extract::calendar::WEEKDAY_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&letters));
    let written = match (short, found.ends_with('.')) {
        (false, _) => name.to_string(),
        (true, dot) => format!("{}{}", &name[..3], if dot { "." } else { "" }),
    };
    let expected = crate::fix::match_case(found, &written);
    Some(Comparison {
        agrees,
        expected: expected.clone(),
        applicability: Applicability::MachineApplicable,
        age: Some((
            format!("\"{}\" ({})", one_line(found), d.value),
            format!("{} was a {name}", d.value),
        )),
        shown: None,
        fixable: true,
    })
}

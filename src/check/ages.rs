//! Ages: the ages a subject can have had on a date, given its birth date.

use crate::claims::Expected;
use crate::extract::date::DateMention;

/// The youngest and oldest the subject can have been on the date (or, for
/// "turned N", the ages whose birthday falls on it), given every accepted birth date.
pub(super) fn possible_ages(
    born: &Expected,
    on: &DateMention,
    birthday: bool,
) -> Option<(i32, i32)> {
    use crate::extract::calendar::civil;
    let age_at = |b: i64, d: i64| -> i32 {
        let (by, bm, bd) = civil(b);
        let (dy, dm, dd) = civil(d);
        dy - by - i32::from((dm, dd) < (bm, bd))
    };
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for b in born.date_intervals() {
        for d in &on.readings {
            if d.start < crate::extract::calendar::MIN_DAY / 2
                || d.end > crate::extract::calendar::MAX_DAY / 2
            {
                return None;
            }
            let (young, old) = (age_at(b.end, d.start), age_at(b.start, d.end));
            if birthday {
                let young = age_at(b.end, d.start - 1);
                // The age reached within the period: at its start one was `young`,
                // so the birthdays inside it give young + 1 ..= old.
                if old > young {
                    lo = lo.min(young + 1);
                    hi = hi.max(old);
                }
            } else {
                lo = lo.min(young);
                hi = hi.max(old);
            }
        }
    }
    (lo <= hi).then_some((lo, hi))
}

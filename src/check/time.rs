//! Comparing a stated time of day with a `time` claim: the statement's zone is
//! converted to the claim's, its precision and vague words widen it to an
//! interval (`1 a.m.` is 01:00–01:59, `shortly after 1 a.m.` to 02:29), a
//! 12-hour time with no `a.m.`/`p.m.` may be either half of the day, and a date
//! written with it is checked with it where a zone's conversion may move it across
//! midnight (a date wrong by itself is for the date claims).

use crate::claims::model::{ClockValue, TimeClaim};
use crate::extract::calendar::{DateValue, day_number};
use crate::extract::number::{TimeMention, TimePrecision, Zone};

const DAY: i64 = 86_400;
const HALF_DAY: i64 = 43_200;

/// Whether the time agrees with the claim, and the claim's time in the
/// statement's zone and form; `None` where they cannot be compared (a zone the
/// claims do not name, or a zone where the claim gives none).
pub(super) fn compare_time(
    t: &TimeMention,
    on: Option<DateValue>,
    claim: &TimeClaim,
    found: &str,
) -> Option<(bool, String)> {
    let claim_offsets: Vec<i64> = if claim.zone.is_empty() {
        vec![0]
    } else {
        claim.zone.iter().map(|&o| i64::from(o) * 60).collect()
    };
    // Each reading of the statement's zone, as seconds to add to reach the
    // claim's zone.
    let shifts: Vec<i64> = match t.zone.as_ref().map(|z| &z.zone) {
        None | Some(Zone::Local) => vec![0],
        Some(zone) => {
            let offsets = match zone {
                Zone::Offsets(o) => o.as_slice(),
                Zone::Named(n) => claim.named_zone(n)?,
                Zone::Local => unreachable!("matched above"),
            };
            if claim.zone.is_empty() {
                return None;
            }
            offsets
                .iter()
                .flat_map(|&o| claim_offsets.iter().map(move |c| c - i64::from(o) * 60))
                .collect()
        }
    };
    // The date is checked with the time only where a zone's conversion may move
    // it across midnight, and it is near the claim's: any other wrong date is
    // the date claims' business.
    let dated = on.filter(|d| {
        let near = claim
            .value
            .date
            .is_some_and(|c| (at(0, Some(*d)) - at(0, Some(c))).abs() <= DAY);
        near && shifts.iter().any(|&s| s != 0)
    });
    let halves: &[i64] = if t.either_half { &[0, HALF_DAY] } else { &[0] };
    let claimed = claimed_intervals(claim, dated.is_some());
    let agrees = shifts.iter().any(|shift| {
        halves.iter().any(|half| {
            let (lo, hi) = stated_interval(t, dated, half + shift);
            claimed
                .iter()
                .any(|&(clo, chi)| overlaps((lo, hi), (clo, chi), dated.is_some()))
        })
    });
    Some((agrees, shown(t, dated, claim, shifts[0], found)))
}

/// The seconds of a time on a day: since the epoch where it has a date, else of
/// the day.
fn at(seconds: i64, date: Option<DateValue>) -> i64 {
    match date {
        Some(d) => day_number(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)) * DAY + seconds,
        None => seconds,
    }
}

/// The seconds the statement covers, moved by `shift` into the claim's zone.
fn stated_interval(t: &TimeMention, on: Option<DateValue>, shift: i64) -> (i64, i64) {
    let start = at(i64::from(t.seconds()), on) + shift;
    let span = i64::from(t.precision.span_seconds()) - 1;
    (
        start - i64::from(t.window.0),
        start + span + i64::from(t.window.1),
    )
}

/// The seconds each value of the claim covers, with its tolerance, and its range:
/// on its date where `dated`, else of the day.
fn claimed_intervals(claim: &TimeClaim, dated: bool) -> Vec<(i64, i64)> {
    let tol = i64::from(claim.tolerance);
    let date = claim.value.date.filter(|_| dated);
    let one = |v: &ClockValue| {
        let start = at(i64::from(v.seconds), v.date.filter(|_| dated).or(date));
        (
            start - tol,
            start + i64::from(v.precision.span_seconds()) - 1 + tol,
        )
    };
    let mut out: Vec<(i64, i64)> = std::iter::once(&claim.value)
        .chain(&claim.accept)
        .map(one)
        .collect();
    if claim.min.is_some() || claim.max.is_some() {
        let lo = one(claim.min.as_ref().unwrap_or(&claim.value)).0;
        let mut hi = one(claim.max.as_ref().unwrap_or(&claim.value)).1;
        if hi < lo {
            hi += DAY;
        }
        out.push((lo, hi));
    }
    out
}

/// Whether two intervals meet; times of day without dates meet across midnight.
fn overlaps(a: (i64, i64), b: (i64, i64), dated: bool) -> bool {
    let days: &[i64] = if dated { &[0] } else { &[-DAY, 0, DAY] };
    days.iter().any(|d| a.0 <= b.1 + d && b.0 + d <= a.1)
}

/// The claim's time in the statement's zone and form (`10:50 p.m.`, `22:50
/// GMT`, `21:23 UTC on 25 April 1986`), at the statement's precision.
fn shown(
    t: &TimeMention,
    on: Option<DateValue>,
    claim: &TimeClaim,
    shift: i64,
    found: &str,
) -> String {
    let v = &claim.value;
    let total = at(i64::from(v.seconds), on.and(v.date)) - shift;
    let seconds = total.rem_euclid(DAY);
    let precision = match t.precision.min(v.precision) {
        TimePrecision::Hour if seconds % 3600 != 0 => TimePrecision::Minute,
        p => p,
    };
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    // "10.50pm", "10h35": the hour and minutes parted as written.
    let sep = Some(found)
        .filter(|f| f.starts_with(|c: char| c.is_ascii_digit()))
        .map_or("", |f| f)
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | 'h'))
        .unwrap_or(':');
    let mut out = if t.meridian {
        let hour12 = if h % 12 == 0 { 12 } else { h % 12 };
        let pm = h >= 12;
        let clock = match precision {
            TimePrecision::Hour => format!("{hour12}"),
            TimePrecision::Minute => format!("{hour12}{sep}{m:02}"),
            TimePrecision::Second => format!("{hour12}{sep}{m:02}:{s:02}"),
        };
        format!("{clock}{}", meridian(found, pm))
    } else {
        match precision {
            TimePrecision::Second => format!("{h:02}{sep}{m:02}:{s:02}"),
            _ => format!("{h:02}{sep}{m:02}"),
        }
    };
    if let Some(z) = &t.zone {
        let len = z.span.len();
        let glued = z.span.start == t.span.end;
        if let Some(words) = found.get(found.len().saturating_sub(len)..) {
            out.push_str(if glued { "" } else { " " });
            out.push_str(words);
        }
    }
    if let (Some(_), Some(_)) = (on, v.date) {
        let (y, mo, d) = crate::extract::calendar::civil(total.div_euclid(DAY));
        if let Some(day) = DateValue::new(y, Some(mo), Some(d)) {
            out.push_str(&format!(" on {day}"));
        }
    }
    out
}

/// `a.m.`/`p.m.` as the statement writes it (`p.m.`, `PM`, `pm`, glued or not).
fn meridian(found: &str, pm: bool) -> String {
    let letter = if pm { "p" } else { "a" };
    let lower = found.to_ascii_lowercase();
    let at = lower
        .rfind(['a', 'p'])
        .filter(|&i| lower[i + 1..].starts_with(['m', '.']));
    let Some(i) = at else {
        return format!(" {letter}.m.");
    };
    let space = if lower[..i].ends_with(' ') { " " } else { "" };
    let dotted = lower[i + 1..].starts_with(".m");
    let upper = found[i..].starts_with(|c: char| c.is_ascii_uppercase());
    let word = match (dotted, upper) {
        (true, true) => format!("{}.M.", letter.to_uppercase()),
        (true, false) => format!("{letter}.m."),
        (false, true) => format!("{}M", letter.to_uppercase()),
        (false, false) => format!("{letter}m"),
    };
    format!("{space}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use crate::extract::number::extract_times;

    fn claim(value: &str, zone: &[i32]) -> TimeClaim {
        let (date, time) = match value.split_once('T') {
            Some((d, t)) => (DateValue::parse_iso(d), t),
            None => (None, value),
        };
        let parts: Vec<u32> = time.split(':').map(|p| p.parse().unwrap()).collect();
        let seconds = parts[0] * 3600 + parts[1] * 60 + parts.get(2).copied().unwrap_or(0);
        let precision = if parts.len() == 3 {
            TimePrecision::Second
        } else {
            TimePrecision::Minute
        };
        TimeClaim {
            value: ClockValue {
                seconds,
                precision,
                date,
            },
            accept: Vec::new(),
            zone: zone.to_vec(),
            zone_name: None,
            tolerance: 0,
            min: None,
            max: None,
            zones: vec![("ship's time".into(), vec![-300])],
        }
    }

    /// The verdict on the first time of `text`, dated `on`.
    fn judge(text: &str, on: Option<DateValue>, c: &TimeClaim) -> Option<(bool, String)> {
        let folded = fold(text).text;
        let t = extract_times(&folded).into_iter().next().expect(text);
        let found = &text[t.full_span()];
        compare_time(&t, on, c, found)
    }

    fn yes(text: &str, c: &TimeClaim) {
        assert_eq!(judge(text, None, c).map(|r| r.0), Some(true), "{text}");
    }

    fn no(text: &str, c: &TimeClaim, shown: &str) {
        assert_eq!(
            judge(text, None, c),
            Some((false, shown.to_string())),
            "{text}"
        );
    }

    #[test]
    fn zones_are_converted_before_comparing() {
        let c = claim("13:00", &[0]);
        yes("at 13:00 UTC", &c);
        yes("at 8:00 a.m. EST", &c);
        yes("at 14:00 CET", &c);
        no("at 09:00 GMT", &c, "13:00 GMT");
        no("at 9:00 a.m. EST", &c, "8:00 a.m. EST");
        yes("at 13:00", &c);
        yes("at 1 p.m.", &c);
        yes("at 8:00 ship's time", &c);
        no("at 9:00 ship's time", &c, "08:00 ship's time");
    }

    #[test]
    fn precision_halves_of_the_day_and_vague_words() {
        let c = claim("01:23", &[240]);
        yes("at 1 a.m.", &c);
        yes("at 1:23 a.m.", &c);
        yes("at 01:23:40", &c);
        no("at 1:23 p.m.", &c, "1:23 a.m.");
        no("at 2 a.m.", &c, "1:23 a.m.");
        yes("shortly after 1 a.m.", &c);
        yes("at 1:23", &c);
        no("at 1:25", &c, "01:23");
        yes("at about 1:30", &c);
        yes("at 21:23 UTC", &c);
        yes("at 1:23 a.m. Moscow time", &c);
        yes("at 1:23 local time", &c);
        let c = claim("22:50", &[]);
        yes("at 10:50", &c);
        yes("at 10:50 p.m.", &c);
        no("at 10:50 a.m.", &c, "10:50 p.m.");
        no("at 10.40pm", &c, "10.50pm");
        yes("around midnight", &claim("23:40", &[]));
        no("just before midnight", &claim("01:00", &[]), "01:00");
    }

    #[test]
    fn a_zone_the_claim_cannot_convert_is_not_compared() {
        assert_eq!(judge("at 09:00 GMT", None, &claim("13:00", &[])), None);
        assert_eq!(
            judge("at 9:00 Kabul time", None, &claim("13:00", &[0])),
            None
        );
    }

    #[test]
    fn a_date_is_checked_with_the_time_and_moved_across_midnight() {
        let c = claim("1986-04-26T01:23", &[240]);
        let d = |s: &str| DateValue::parse_iso(s);
        assert_eq!(
            judge("at 21:23 UTC", d("1986-04-25"), &c).map(|r| r.0),
            Some(true)
        );
        assert_eq!(
            judge("at 21:23 UTC", d("1986-04-26"), &c),
            Some((false, "21:23 UTC on 25 April 1986".to_string()))
        );
        assert_eq!(
            judge("at 01:23", d("1986-04-26"), &c).map(|r| r.0),
            Some(true)
        );
        // A wrong date with no conversion, or far from the claim's, is the date
        // claims' to report.
        assert_eq!(
            judge("at 01:23", d("1986-04-25"), &c).map(|r| r.0),
            Some(true)
        );
        assert_eq!(
            judge("at 21:23 UTC", d("1989-04-25"), &c).map(|r| r.0),
            Some(true)
        );
        assert_eq!(
            judge("at 21:23 GMT", d("1986-04-24"), &c).map(|r| r.0),
            Some(true)
        );
        assert_eq!(judge("at 01:23", None, &c).map(|r| r.0), Some(true));
        assert_eq!(judge("at 21:23 UTC", None, &c).map(|r| r.0), Some(true));
    }

    #[test]
    fn meridians_as_written() {
        assert_eq!(meridian("10:50 p.m.", false), " a.m.");
        assert_eq!(meridian("10:50PM", true), "PM");
        assert_eq!(meridian("10:50 am", true), " pm");
        assert_eq!(meridian("10:50 A.M.", true), " P.M.");
    }
}

//! The order of all-numeric dates (`4/7/1934`, `4.7.1934`, `4-7-1934`): a page
//! that writes `17.12.1903` writes day first, one that writes `12/17/1903` writes
//! month first, and its ambiguous dates follow the same order.

use std::sync::LazyLock;

use crate::re::Regex;

use super::DateMention;
use crate::extract::calendar::DateValue;

/// The order a page writes its all-numeric dates in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// `17.12.1903`: day, month, year.
    DayFirst,
    /// `12/17/1903`: month, day, year.
    MonthFirst,
}

/// An all-numeric date anywhere in a text, in ASCII digits between ASCII word
/// boundaries: the DFA finds it in a whole page, where Unicode boundaries would
/// need a slower engine over any non-ASCII text (only ASCII digits are read as a
/// day or a month).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})[/.-](?P<y>[0-9]{4})(?-u:\b)")
        .expect("valid regex")
});
static NUMERIC_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})$").expect("valid regex")
});

/// The order of the folded `text`'s all-numeric dates, where one of them can only
/// be read one way (`17.12.1903`, `12/17/1903`) and none says the other; `None`
/// where none tells, or they disagree.
pub fn numeric_order(text: &str) -> Option<NumericOrder> {
    let mut day_first = false;
    let mut month_first = false;
    for c in NUMERIC.captures_iter(text) {
        let part = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(a), Some(b)) = (part("a"), part("b")) else {
            continue;
        };
        day_first |= a > 12 && (1..=12).contains(&b);
        month_first |= b > 12 && (1..=12).contains(&a);
    }
    match (day_first, month_first) {
        (true, false) => Some(NumericOrder::DayFirst),
        (false, true) => Some(NumericOrder::MonthFirst),
        _ => None,
    }
}

/// Keeps, for every ambiguous all-numeric date of `dates` (`4.7.1934`, both
/// readings), the one reading of `order`. `text` is the folded text the mentions
/// were found in.
pub fn prefer_numeric_order(text: &str, dates: &mut [DateMention], order: NumericOrder) {
    for m in dates.iter_mut() {
        if m.readings.len() != 2 {
            continue;
        }
        let Some(c) = text
            .get(m.span.clone())
            .and_then(|s| NUMERIC_AT_END.captures(s))
        else {
            continue;
        };
        let part = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(a), Some(b), Some(y)) = (part("a"), part("b"), part("y")) else {
            continue;
        };
        let (day, month) = match order {
            NumericOrder::DayFirst => (a, b),
            NumericOrder::MonthFirst => (b, a),
        };
        if let Some(v) = DateValue::new(y as i32, Some(month), Some(day)) {
            m.value = v;
            m.readings = vec![v.interval()];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::extract_dates;

    #[test]
    fn a_page_tells_its_order_by_a_date_read_one_way() {
        assert_eq!(
            numeric_order("born 7.11.1867, died 17.12.1934"),
            Some(NumericOrder::DayFirst)
        );
        assert_eq!(
            numeric_order("on 12/17/1903 and 5/4/1904"),
            Some(NumericOrder::MonthFirst)
        );
        assert_eq!(numeric_order("on 4.7.1934"), None);
        assert_eq!(numeric_order("17/12/1903 or 12/17/1903"), None);
        assert_eq!(numeric_order("no dates at all, 1903"), None);
        assert_eq!(numeric_order("version 31.40.2000"), None);
    }

    #[test]
    fn ambiguous_dates_follow_the_page_order() {
        let text = "warsaw 7.11.1867 - passy 4.7.1934.";
        let mut dates = extract_dates(text);
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].readings.len(), 2);
        prefer_numeric_order(text, &mut dates, NumericOrder::DayFirst);
        assert_eq!(dates[0].value.to_string(), "7 November 1867");
        assert_eq!(dates[1].value.to_string(), "4 July 1934");
        assert_eq!(dates[1].readings, vec![dates[1].value.interval()]);
        let mut dates = extract_dates(text);
        prefer_numeric_order(text, &mut dates, NumericOrder::MonthFirst);
        assert_eq!(dates[1].value.to_string(), "7 April 1934");
        // Dates that are not numeric, or read one way only, are left alone.
        let text = "on 26 october (7 november n.s.) 1879 and 17.12.1903";
        let before = extract_dates(text);
        let mut after = before.clone();
        prefer_numeric_order(text, &mut after, NumericOrder::MonthFirst);
        assert_eq!(before, after);
    }
}

//! The values the sources give for a claim, equal ones grouped: terms after
//! folding and the claim's answers, dates at their shared precision, numbers and
//! times within the claim's tolerance.

use super::{Cell, SourceInfo, Status, Value};
use crate::claims::{Claim, Expected};
use crate::extract::calendar::DateValue;

/// Sources that give one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The value, at the finest precision a member gives it.
    pub value: Value,
    /// The value as shown.
    pub shown: String,
    /// The documents that give it (indices, ascending).
    pub documents: Vec<usize>,
    /// The sum of those documents' trust.
    pub weight: f64,
    /// Whether the value agrees with a closed claim's.
    pub claimed: bool,
    /// The statements that give it: (cell, evidence) indices of the row.
    pub members: Vec<(usize, usize)>,
}

/// A statement that gives a value: its place in the row, its document, its value
/// and whether it agrees with the claim.
struct Item {
    at: (usize, usize),
    document: usize,
    value: Value,
    agrees: bool,
}

/// Groups the values of the documents' own statements (not the quoted, hedged or
/// denied ones), the weightiest first.
pub fn group(claim: &Claim, cells: &[Cell], documents: &[SourceInfo]) -> Vec<Group> {
    let mut items = Vec::new();
    for (c, cell) in cells.iter().enumerate() {
        for (e, ev) in cell.evidence.iter().enumerate() {
            let own = matches!(
                ev.status,
                Status::Agrees | Status::Contradicts | Status::States
            );
            if let (true, Some(value)) = (own, &ev.value) {
                items.push(Item {
                    at: (c, e),
                    document: cell.document,
                    value: value.clone(),
                    agrees: ev.agrees == Some(true),
                });
            }
        }
    }
    let tolerance = tolerance(claim);
    let mut groups: Vec<Vec<Item>> = Vec::new();
    // Dates: the finest first, so that a coarser date can join the one finer
    // group it covers.
    items.sort_by(|a, b| order(&a.value, &b.value));
    for item in items {
        let home = groups
            .iter()
            .position(|g| same(&g[0].value, &item.value, tolerance));
        match home {
            Some(k) => groups[k].push(item),
            None => groups.push(vec![item]),
        }
    }
    merge_coarse_dates(&mut groups);
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|items| finish(claim, items, documents))
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(b.documents.len().cmp(&a.documents.len()))
            .then(b.claimed.cmp(&a.claimed))
            .then(a.shown.cmp(&b.shown))
    });
    out
}

/// The tolerance of a number or time claim, in its unit (seconds for a time).
fn tolerance(claim: &Claim) -> f64 {
    match &claim.expected {
        Expected::Number { tolerance, .. } | Expected::Duration { tolerance, .. } => *tolerance,
        Expected::Time(t) => f64::from(t.tolerance),
        _ => 0.0,
    }
}

/// The order items are grouped in: dates finest first, numbers ascending.
fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Date(x), Value::Date(y)) => precision(y)
            .cmp(&precision(x))
            .then((x.year, x.month, x.day).cmp(&(y.year, y.month, y.day))),
        (Value::Number { value: x, .. }, Value::Number { value: y, .. }) => x.total_cmp(y),
        (Value::Time(x), Value::Time(y)) => x.cmp(y),
        _ => std::cmp::Ordering::Equal,
    }
}

/// 2 for a day, 1 for a month, 0 for a year.
fn precision(d: &DateValue) -> u8 {
    u8::from(d.month.is_some()) + u8::from(d.day.is_some())
}

/// Whether a value joins the group that `first` opened.
fn same(first: &Value, v: &Value, tolerance: f64) -> bool {
    match (first, v) {
        (Value::Text(a), Value::Text(b)) => super::read::key(a) == super::read::key(b),
        (Value::Date(a), Value::Date(b)) => a == b,
        (Value::Number { value: a, to: ta }, Value::Number { value: b, to: tb }) => {
            (a - b).abs() <= tolerance.max(a.abs() * 1e-9)
                && ta.zip(*tb).is_none_or(|(x, y)| (x - y).abs() <= tolerance)
                && ta.is_some() == tb.is_some()
        }
        (Value::Time(a), Value::Time(b)) => f64::from(a.abs_diff(*b)) <= tolerance,
        _ => false,
    }
}

/// A date group coarser than others joins the one finer group it covers
/// ("1937" joins "January 1937" where no source gives another date in 1937); one
/// that covers several stays apart, undecided between them.
fn merge_coarse_dates(groups: &mut Vec<Vec<Item>>) {
    let date = |g: &[Item]| match &g[0].value {
        Value::Date(d) => Some(*d),
        _ => None,
    };
    let mut k = 0;
    while k < groups.len() {
        let Some(coarse) = date(&groups[k]) else {
            k += 1;
            continue;
        };
        let covered: Vec<usize> = (0..groups.len())
            .filter(|&j| {
                j != k
                    && date(&groups[j]).is_some_and(|fine| {
                        precision(&fine) > precision(&coarse) && {
                            let (c, f) = (coarse.interval(), fine.interval());
                            c.start <= f.start && f.end <= c.end
                        }
                    })
            })
            .collect();
        if let [only] = covered[..] {
            let moved = std::mem::take(&mut groups[k]);
            groups[only].extend(moved);
            groups.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A group from its items.
fn finish(claim: &Claim, items: Vec<Item>, documents: &[SourceInfo]) -> Group {
    let mut docs: Vec<usize> = items.iter().map(|i| i.document).collect();
    docs.sort_unstable();
    docs.dedup();
    // The finest value its members give, the most often given at that precision.
    let value = items
        .iter()
        .map(|i| &i.value)
        .max_by_key(|v| match v {
            Value::Date(d) => (
                precision(d),
                items.iter().filter(|i| &i.value == *v).count(),
            ),
            _ => (0, items.iter().filter(|i| &i.value == *v).count()),
        })
        .cloned()
        .unwrap_or(Value::Text(String::new()));
    Group {
        shown: value.shown(claim),
        value,
        weight: docs.iter().map(|&d| documents[d].trust).sum(),
        documents: docs,
        claimed: items.iter().any(|i| i.agrees),
        members: items.iter().map(|i| i.at).collect(),
    }
}

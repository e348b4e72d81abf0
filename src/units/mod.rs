//! Units of measure: the table's readings of a written unit, conversion between
//! units of one dimension, and which numbers of a text are in a claim's dimension.
//!
//! A claim's `unit` that names a unit of the table ([`crate::lexicon::UNITS`]) takes
//! a number written in any unit of its dimension ("29,029 feet" for a claim in
//! metres); a unit the table does not know (`people`, `Nobel Prizes`) is matched by
//! its words, as before ([`crate::extract::number::unit_matches`]). Submodules:
//! `measure` compares and shows a value stated in another unit, `duration` reads
//! and writes the values of `duration` claims (`3h25m`).

pub mod compare;
pub mod duration;
pub mod measure;
pub mod statement;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::normalize::fold_pattern;
use crate::extract::number::{NumberMention, singular};
pub use crate::lexicon::{Dimension, UNITS, Unit};

/// Every spelling of the table, with its readings in table order.
static BY_SPELLING: LazyLock<HashMap<&'static str, Vec<&'static Unit>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static Unit>> = HashMap::new();
    for u in UNITS {
        for s in u.spellings {
            map.entry(*s).or_default().push(u);
        }
    }
    map
});

/// The readings of a compared unit form (`foot`, `square km`, `°c`): one unit, two
/// for `ton` (short, long), `gallon` and `pound` (a weight, a currency), none for a
/// word the table does not know (`people`).
pub fn lookup(compared: &str) -> &'static [&'static Unit] {
    BY_SPELLING.get(compared).map_or(&[], Vec::as_slice)
}

/// `value` in unit `from`, converted into unit `to` of the same dimension.
pub fn convert(value: f64, from: &Unit, to: &Unit) -> f64 {
    (value * from.factor + from.offset - to.offset) / to.factor
}

/// Whether two compared forms can name the same unit (`ft` and `foot`, `ton` and
/// `short ton`).
pub fn same_unit(a: &str, b: &str) -> bool {
    let (a, b) = (lookup(a), lookup(b));
    a.iter().any(|x| b.iter().any(|y| std::ptr::eq(*x, *y)))
}

/// The compared form of a unit as a claims file writes it: folded, each word
/// singular (`Nautical Miles` → `nautical mile`, `km²` → `km²`).
pub fn compared(written: &str) -> String {
    fold_pattern(written)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The readings of a claim's unit, where the table knows it.
pub fn claim_readings(unit: &str) -> Vec<&'static Unit> {
    lookup(&compared(unit)).to_vec()
}

/// The readings of a claim's list of units: those of the first unit the table
/// knows, kept to the dimensions every other known unit of the list shares
/// (`["pounds", "lbs"]` is a weight). Empty where no unit of the list is known.
pub fn claim_units(units: &[String]) -> Vec<&'static Unit> {
    let known: Vec<Vec<&'static Unit>> = units
        .iter()
        .map(|u| claim_readings(u))
        .filter(|r| !r.is_empty())
        .collect();
    let Some(first) = known.first() else {
        return Vec::new();
    };
    let shared: Vec<&'static Unit> = first
        .iter()
        .copied()
        .filter(|u| {
            known
                .iter()
                .all(|r| r.iter().any(|v| v.dimension == u.dimension))
        })
        .collect();
    if shared.is_empty() {
        first.clone()
    } else {
        shared
    }
}

/// The readings of the unit a number of `text` is written in: the longest end of
/// its noun phrase (or of the clue that names its unit) that the table knows
/// (`metric tons`, `nautical miles`, `feet`), else its compared unit (`dollar` for
/// `$12`). Ages are not measures.
pub fn stated_units(n: &NumberMention, text: &str) -> Vec<&'static Unit> {
    if n.age {
        return Vec::new();
    }
    let phrase = n
        .noun
        .as_ref()
        .or(n.clue.as_ref())
        .and_then(|r| text.get(r.clone()));
    let words: Vec<String> = phrase
        .map(|p| {
            p.split(' ')
                .filter(|w| !w.is_empty())
                .map(singular)
                .collect()
        })
        .unwrap_or_default();
    for k in (2..=3.min(words.len())).rev() {
        let found = lookup(&words[words.len() - k..].join(" "));
        if !found.is_empty() {
            return found.to_vec();
        }
    }
    if let Some(found) = n.unit.as_deref().map(lookup).filter(|f| !f.is_empty()) {
        return found.to_vec();
    }
    words.last().map(|w| lookup(w).to_vec()).unwrap_or_default()
}

/// Whether number `n` of `text` is written in a unit of the dimension of the
/// claim's unit `claim_unit` (`29,029 feet` for a claim in `m`).
pub fn in_dimension(claim_unit: &str, n: &NumberMention, text: &str) -> bool {
    let claim = claim_readings(claim_unit);
    !claim.is_empty()
        && stated_units(n, text)
            .iter()
            .any(|s| claim.iter().any(|c| c.dimension == s.dimension))
}

/// Whether number `n` of `text` is written in the very unit of the claim's unit
/// `claim_unit`, in any of its spellings (`ft` for a claim in `feet`).
pub fn names_unit(claim_unit: &str, n: &NumberMention, text: &str) -> bool {
    let claim = claim_readings(claim_unit);
    stated_units(n, text)
        .iter()
        .any(|s| claim.iter().any(|c| std::ptr::eq(*c, *s)))
}

/// Whether a claim's unit is one the table knows, written as people write it.
pub fn known(unit: &str) -> bool {
    !claim_readings(unit).is_empty()
}

#[cfg(test)]
mod tests;

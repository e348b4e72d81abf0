//! The zone written after a time of day: `UTC`, `GMT`, `Z`, `+04:00`, `UTC+4`,
//! an abbreviation (`EST`, `MSK`), a name (`Moscow time`, `Eastern standard
//! time`), `local time`, or another name a claims file may define (`ship's
//! time`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

/// What a zone after a time says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// Offsets from UTC in minutes: one, or two where the name covers standard
    /// and summer time (`Eastern time`, `Moscow time`).
    Offsets(Vec<i32>),
    /// `local time`: the zone of the place, which is the claim's.
    Local,
    /// A name factlint does not know (`ship's time`, `Kabul time`), folded, with
    /// `time`: the claims may define it.
    Named(String),
}

/// A zone found after a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneMention {
    /// Byte span of the zone's words (not the space before them).
    pub span: Range<usize>,
    pub zone: Zone,
}

/// `Z` or a positive offset glued to the time (`01:23z`, `01:23+04:00`; a glued
/// `-` is a range, `10:00-11:00`), `UTC+4`,
/// `GMT-5`, an abbreviation, or up to four words ending in `time`.
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^(?:
            (?P<z>z)\b
          | \ ?(?P<glued>\+[0-9]{2}:?[0-9]{2})\b
          | \ ?\(?(?P<utc>utc|gmt|ut)\ ?(?P<off>[+-][0-9]{1,2}(?::?[0-9]{2})?)\b\)?
          | \ (?P<name>(?:[a-z']+\ ){1,3}?time)\b
          | \ \(?(?P<abbr>[a-z]{2,4})\b\)?
        )",
    )
    .expect("the zone regex is valid")
});

/// Words before `time` that name no zone (`at 10:50 that time`).
const NOT_ZONES: &[&str] = &[
    "a", "all", "any", "each", "every", "first", "flight", "flying", "last", "next", "no", "one",
    "record", "same", "some", "that", "the", "this", "what", "which",
];

/// The zone written right after a time ending at `end`.
pub(super) fn zone_after(text: &str, end: usize) -> Option<ZoneMention> {
    let rest = &text[end..];
    let c = ZONE.captures(rest)?;
    let whole = c.get(0).expect("match");
    let lead = whole.as_str().len() - whole.as_str().trim_start_matches([' ', '(']).len();
    let span = end + lead..end + whole.end() - usize::from(whole.as_str().ends_with(')'));
    let zone = if c.name("z").is_some() {
        Zone::Offsets(vec![0])
    } else if let Some(g) = c.name("glued") {
        Zone::Offsets(vec![parse_offset(g.as_str())?])
    } else if let Some(off) = c.name("off") {
        Zone::Offsets(vec![parse_offset(off.as_str())?])
    } else if let Some(a) = c.name("abbr") {
        Zone::Offsets(crate::lexicon::zone_offsets(a.as_str())?.to_vec())
    } else {
        let name = c.name("name")?.as_str();
        named(name)?
    };
    Some(ZoneMention { span, zone })
}

/// The zone of words ending in `time`: a known name, `local time`, or a name for
/// the claims.
fn named(name: &str) -> Option<Zone> {
    if name == "local time" {
        return Some(Zone::Local);
    }
    // "the next time": the longest known name at the end, else a one-word name.
    let words: Vec<&str> = name.split(' ').collect();
    for k in 0..words.len() {
        let tail = words[k..].join(" ");
        if let Some(offsets) = crate::lexicon::zone_offsets(&tail) {
            return (k == 0).then(|| Zone::Offsets(offsets.to_vec()));
        }
    }
    let first = words.first()?.trim_end_matches("'s");
    let ok = words.len() == 2 && !first.is_empty() && !NOT_ZONES.contains(&first);
    ok.then(|| Zone::Named(name.to_string()))
}

/// Minutes east of UTC in `+4`, `+04`, `-0500`, `+04:00`, `+5:30`.
pub fn parse_offset(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = &s[1..];
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() > 2 => digits.split_at(digits.len() - 2),
        None => (digits, "0"),
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Option<(String, Zone)> {
        zone_after(text, 0).map(|z| (text[z.span].to_string(), z.zone))
    }

    fn offsets(v: &[i32]) -> Zone {
        Zone::Offsets(v.to_vec())
    }

    #[test]
    fn utc_offsets_and_glued_forms() {
        assert_eq!(zone(" utc on"), Some(("utc".into(), offsets(&[0]))));
        assert_eq!(zone(" gmt."), Some(("gmt".into(), offsets(&[0]))));
        assert_eq!(zone("z,"), Some(("z".into(), offsets(&[0]))));
        assert_eq!(zone("+04:00 the"), Some(("+04:00".into(), offsets(&[240]))));
        assert_eq!(zone(" utc+4 on"), Some(("utc+4".into(), offsets(&[240]))));
        assert_eq!(zone(" (utc-5)"), Some(("utc-5".into(), offsets(&[-300]))));
        assert_eq!(
            zone(" gmt+5:30"),
            Some(("gmt+5:30".into(), offsets(&[330])))
        );
        assert_eq!(zone("-11:00"), None);
    }

    #[test]
    fn an_offset_is_signed_ascii_digits() {
        assert_eq!(parse_offset("+0530"), Some(330));
        assert_eq!(parse_offset("-5"), Some(-300));
        assert_eq!(parse_offset("+1\u{e9}"), None);
        assert_eq!(parse_offset("+\u{fffd}4"), None);
        assert_eq!(parse_offset("+"), None);
    }

    #[test]
    fn abbreviations_and_names() {
        assert_eq!(zone(" est"), Some(("est".into(), offsets(&[-300]))));
        assert_eq!(zone(" msk,"), Some(("msk".into(), offsets(&[180]))));
        assert_eq!(zone(" et"), Some(("et".into(), offsets(&[-300, -240]))));
        assert_eq!(
            zone(" moscow time on"),
            Some(("moscow time".into(), offsets(&[180, 240])))
        );
        assert_eq!(
            zone(" eastern standard time"),
            Some(("eastern standard time".into(), offsets(&[-300])))
        );
        assert_eq!(
            zone(" local time"),
            Some(("local time".into(), Zone::Local))
        );
        assert_eq!(
            zone(" ship's time"),
            Some(("ship's time".into(), Zone::Named("ship's time".into())))
        );
    }

    #[test]
    fn words_that_are_no_zone() {
        assert_eq!(zone(" the reactor"), None);
        assert_eq!(zone(" ist"), None);
        assert_eq!(zone(" at that time"), None);
        assert_eq!(zone(" the next time"), None);
        assert_eq!(zone(" in"), None);
        assert_eq!(zone(" on"), None);
        assert_eq!(zone(" - 11:00"), None);
        assert_eq!(zone(" utc+99"), None);
    }

    #[test]
    fn offsets_in_every_form() {
        assert_eq!(parse_offset("+4"), Some(240));
        assert_eq!(parse_offset("-05"), Some(-300));
        assert_eq!(parse_offset("+0530"), Some(330));
        assert_eq!(parse_offset("+05:45"), Some(345));
        assert_eq!(parse_offset("4"), None);
        assert_eq!(parse_offset("+15"), None);
    }
}

//! Life spans: the dates in parentheses right after a person's name are their
//! birth and death ("Ada Marten (1880–1950)", "Marten (3 May 1880 – 1950)",
//! "Marten (née Holm; 3 May 1880 – 9 June 1950)", "Marten (b. 1880)",
//! "Marten (d. 1950)"). The birth is checked against the
//! date claims about that person whose triggers read "born" or "birth" (else
//! against the subject's `born`), the death against those whose triggers read
//! "died" or "death". The name must be the claim's subject's whole name, and
//! no preposition's object: "Pierre Curie (1859–1906)" is no life span of Marie
//! Curie's, and "the split with Lenin (1903–1904)" dates the split. A span of
//! years is a life only where it lasts as long as one can ([`LIFETIME`]).

use std::sync::OnceLock;

use super::Scan;
use crate::claims::pattern::ClaimRegex;
use crate::claims::{ClaimKind, ClaimSet};
use crate::extract::classes;
use crate::extract::date::{DateMention, Shape, extract_dates};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::tokens::{WordClass, word_class};
use crate::span::Span;

/// The years a life span may last, from its first year to its last: "(1903–1904)"
/// after a name dates something else the name took part in.
const LIFETIME: std::ops::RangeInclusive<i32> = 10..=125;

/// Whether the folded sentence `text` may hold a life span: a parenthesis
/// holding a year, where `\([^()]{0,80}\b\d{3,4}\b[^()]{0,60}\)` matches. Read
/// by hand, as compiling that regex (its classes of every char but two,
/// repeated 140 times) cost a short run more than all its sentences: a pair of
/// parentheses with none between them, holding a word of three or four digits
/// with at most 80 chars before it and 60 after.
pub fn has_cue(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'(', &bytes[from..]).map(|p| from + p) {
        let inside = open + 1;
        let Some(close) = memchr::memchr2(b'(', b')', &bytes[inside..]).map(|p| inside + p) else {
            return false;
        };
        if bytes[close] == b')' && holds_year(&text[inside..close]) {
            return true;
        }
        from = close;
    }
    false
}

/// Whether `inside` holds a word (a run of word chars, as a Unicode word
/// boundary reads them) of three or four digits, with at most 80 chars before
/// it and 60 after.
fn holds_year(inside: &str) -> bool {
    let total = inside.chars().count();
    // The word being read: where it starts (in chars) and whether it is all digits.
    let mut word: Option<(usize, bool)> = None;
    let ends_year = |word: Option<(usize, bool)>, end: usize| {
        word.is_some_and(|(start, digits)| {
            digits && (3..=4).contains(&(end - start)) && start <= 80 && total - end <= 60
        })
    };
    for (i, c) in inside.chars().enumerate() {
        if classes::is_word(c) {
            let (start, digits) = word.unwrap_or((i, true));
            word = Some((start, digits && classes::is_digit(c)));
        } else if ends_year(word.take(), i) {
            return true;
        }
    }
    ends_year(word, total)
}

/// The claims a life span is checked against: the date claims whose triggers
/// read "born" or "birth" (else the age claim), and those whose triggers read
/// "died" or "death". Which triggers read the words is known without compiling
/// a regex where they are words or lack the words' letters; the others are
/// compiled the first time a sentence holds a life span, not at start-up.
#[derive(Debug, Default)]
pub struct LifeClaims {
    /// The claims whose triggers may read the birth words, and the death words.
    may_birth: Vec<(usize, Vec<ClaimRegex>)>,
    may_death: Vec<(usize, Vec<ClaimRegex>)>,
    age: Option<usize>,
    read: OnceLock<Read>,
}

/// The claims that read a birth and a death.
#[derive(Debug)]
struct Read {
    birth: Vec<usize>,
    death: Vec<usize>,
}

const BIRTH_WORDS: [&str; 2] = ["born", "birth"];
const DEATH_WORDS: [&str; 2] = ["died", "death"];

impl LifeClaims {
    /// The claims that may read a life span, where `may_match_in(c, t, word)`
    /// tells whether trigger `t` of claim `c` may match in `word` (`false` only
    /// where it cannot).
    pub fn new(claims: &ClaimSet, may_match_in: impl Fn(usize, usize, &str) -> bool) -> LifeClaims {
        let may_read = |words: &[&str]| -> Vec<(usize, Vec<ClaimRegex>)> {
            claims
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.enabled && c.kind == ClaimKind::Date)
                .filter_map(|(i, c)| {
                    let triggers: Vec<ClaimRegex> = c
                        .triggers
                        .iter()
                        .enumerate()
                        .filter(|&(j, _)| words.iter().any(|w| may_match_in(i, j, w)))
                        .map(|(_, t)| t.clone())
                        .collect();
                    (!triggers.is_empty()).then_some((i, triggers))
                })
                .collect()
        };
        LifeClaims {
            may_birth: may_read(&BIRTH_WORDS),
            may_death: may_read(&DEATH_WORDS),
            age: claims.age_claim.filter(|&a| claims.claims[a].enabled),
            read: OnceLock::new(),
        }
    }

    /// Whether any claim may read a life span.
    pub fn any(&self) -> bool {
        !self.may_birth.is_empty() || self.age.is_some() || !self.may_death.is_empty()
    }

    /// The claims that read a birth and a death, found on first need.
    fn read(&self) -> &Read {
        self.read.get_or_init(|| {
            let reading = |may: &[(usize, Vec<ClaimRegex>)], words: &[&str]| -> Vec<usize> {
                may.iter()
                    .filter(|(_, triggers)| {
                        triggers.iter().any(|t| words.iter().any(|w| t.is_match(w)))
                    })
                    .map(|&(i, _)| i)
                    .collect()
            };
            let mut birth = reading(&self.may_birth, &BIRTH_WORDS);
            if birth.is_empty() {
                birth.extend(self.age);
            }
            Read {
                birth,
                death: reading(&self.may_death, &DEATH_WORDS),
            }
        })
    }
}

/// What a date in parentheses after a name stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    /// "(1880–1950)": both.
    Span,
    /// "(b. 1880)".
    Birth,
    /// "(d. 1950)".
    Death,
}

/// Checks each life span of the analysed sentence against `life`.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, life: &LifeClaims) {
    for d in &a.dates {
        let Some((paren, mark)) = opened(a.text, d) else {
            continue;
        };
        let (birth, death) = match mark {
            Mark::Span => match split(a.text, d) {
                Some((b, e)) if LIFETIME.contains(&(e.value.year - b.value.year)) => {
                    (Some(b), Some(e))
                }
                _ => continue,
            },
            Mark::Birth => (Some(d.clone()), None),
            Mark::Death => (None, Some(d.clone())),
        };
        let read = life.read();
        let parts = [(birth, &read.birth), (death, &read.death)];
        for (part, claims) in parts {
            let Some(part) = part else { continue };
            for &claim in claims {
                if names_subject(scan, a, claim, paren) && scan.in_scope(a, claim, part.span.start)
                {
                    let span = Span::from(part.span.clone());
                    scan.assert(a, claim, span, Observed::Date(part.clone()));
                }
            }
        }
    }
}

/// Where the parenthesis around date `d` opens, and what the date stands for:
/// the date fills the parenthesis, after "b." or "d." where it is one date.
fn opened(text: &str, d: &DateMention) -> Option<(usize, Mark)> {
    if !text[d.span.end..].trim_start().starts_with(')') {
        return None;
    }
    let mut before = text[..d.span.start].trim_end();
    // "(née Skłodowska; 7 November 1867 – 4 July 1934)": the dates last, after
    // a semicolon, with no other number in the parenthesis.
    if let Some(head) = before.strip_suffix(';') {
        let open = head.rfind('(')?;
        let inside = &head[open + 1..];
        if inside.contains([')', '(']) || inside.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        before = &head[..=open];
    }
    let (rest, mark) = if let Some(r) = before.strip_suffix("(b.") {
        (r, Mark::Birth)
    } else if let Some(r) = before.strip_suffix("(d.") {
        (r, Mark::Death)
    } else {
        (before.strip_suffix('(')?, Mark::Span)
    };
    let one = !matches!(d.shape, Shape::Range | Shape::List);
    match mark {
        Mark::Span if d.shape != Shape::Range => None,
        Mark::Birth | Mark::Death if !one => None,
        _ => Some((rest.len(), mark)),
    }
}

/// The two dates of the range `d`, each with its span in `text`: the range cut
/// at a dash or "to" where each side reads as one date.
fn split(text: &str, d: &DateMention) -> Option<(DateMention, DateMention)> {
    let inner = &text[d.span.clone()];
    let one = |from: usize, to: usize| -> Option<DateMention> {
        let side = &inner[from..to];
        let lead = side.len() - side.trim_start().len();
        let side = side.trim();
        let mut found = extract_dates(side);
        let m = found
            .pop()
            .filter(|m| found.is_empty() && m.span == (0..side.len()))?;
        let at = d.span.start + from + lead;
        Some(DateMention {
            span: at..at + side.len(),
            ..m
        })
    };
    inner
        .match_indices('-')
        .map(|(i, s)| (i, i + s.len()))
        .chain(inner.match_indices(" to ").map(|(i, s)| (i, i + s.len())))
        .find_map(|(cut, resume)| Some((one(0, cut)?, one(resume, inner.len())?)))
}

/// Whether the words before the parenthesis opening at `paren` end with the whole
/// name of claim `claim`'s subject.
fn names_subject(scan: &Scan<'_>, a: &Analysis<'_>, claim: usize, paren: usize) -> bool {
    let Some(k) = scan.matcher.claim_subject(claim) else {
        return false;
    };
    let subject = &scan.matcher.subjects()[k];
    let lead = a.text[..paren].trim_end();
    subject.mentions(lead).into_iter().any(|(r, possessive)| {
        let orig = a.prose(Span::from(r.clone()));
        let word_before = lead[..r.start].split_whitespace().next_back().unwrap_or("");
        r.end == lead.len()
            && !possessive
            && word_class(word_before) != WordClass::Preposition
            && subject.whole_name_in(
                &a.doc.text,
                a.sentence_prose().start,
                orig.range(),
                &scan.facts().proper,
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use proptest::prelude::*;
    use regex::Regex;

    /// The pattern [`has_cue`] reads by hand.
    const CUE: &str = r"\([^()]{0,80}\b\d{3,4}\b[^()]{0,60}\)";

    #[test]
    fn a_cue_is_a_year_in_parentheses() {
        let re = Regex::new(CUE).expect("valid");
        let long = "x".repeat(80);
        let cases = [
            ("ada marten (1880–1950) wrote", true),
            ("marten (b. 1880)", true),
            ("in (12) or (12345) or (a1880)", false),
            ("(1880_)", false),
            ("(x (1880) y", true),
            ("(1880", false),
            ("1880)", false),
            ("(\u{663}\u{663}\u{663})", true),
            ("(é1880)", false),
        ];
        for (text, cue) in cases {
            assert_eq!(has_cue(text), cue, "{text:?}");
            assert_eq!(re.is_match(text), cue, "the regex on {text:?}");
        }
        // 80 chars before the year and 60 after, and no more.
        let before = |n: usize| format!("({} 1880)", &long[..n - 1]);
        let after = |n: usize| format!("(1880 {})", &long[..n - 1]);
        assert!(has_cue(&before(80)) && !has_cue(&before(81)));
        assert!(has_cue(&after(60)) && !has_cue(&after(61)));
    }

    /// Texts of parentheses, words of digits and letters, and runs of filler
    /// around the lengths the pattern bounds.
    fn cue_texts() -> impl Strategy<Value = String> {
        let digits =
            proptest::collection::vec(proptest::sample::select(vec!["1", "9", "\u{663}"]), 1..6)
                .prop_map(|d| d.concat());
        // Runs as long as the bounds, or a char or two short or past them.
        let filler = (
            prop_oneof![0..8_usize, 57..62_usize, 77..82_usize],
            proptest::sample::select(vec![" ", " ", "–", "x", "é"]),
        )
            .prop_map(|(n, c)| c.repeat(n));
        let part = prop_oneof![
            2 => Just("(".to_string()),
            2 => Just(")".to_string()),
            3 => digits,
            2 => filler,
            1 => proptest::sample::select(vec!["_", "a", " ", ".", "\n"]).prop_map(str::to_string),
        ];
        proptest::collection::vec(part, 0..12).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn a_cue_is_what_the_pattern_matches(text in cue_texts()) {
            let re = Regex::new(CUE).expect("valid");
            prop_assert_eq!(has_cue(&text), re.is_match(&text), "{:?}", text);
        }
    }

    const CLAIMS: &str = r#"
[subject]
name = "Ada Marten"
kind = "person"
aliases = ["Marten"]

[subjects.otto]
name = "Otto Marten"
kind = "person"

[[claim]]
id = "born"
kind = "date"
value = "1880-05-03"
triggers = ['\bborn\b']

[[claim]]
id = "died"
kind = "date"
value = "1950-06-09"
triggers = ['\bdied\b', '\bdeath\b']

[[claim]]
id = "otto.born"
subject = "otto"
kind = "date"
value = "1884"
triggers = ['\bborn\b']
"#;

    /// (claim, found) of each finding of `text`.
    fn found(text: &str) -> Vec<(String, String)> {
        super::super::findings_under(CLAIMS, text)
    }

    fn life_claims(claims: &str) -> (ClaimSet, LifeClaims) {
        let set = crate::claims::parse_claims(vec![("c.toml".into(), claims.into())])
            .expect("valid claims");
        let life = LifeClaims::new(&set, |c, t, w| set.claims[c].triggers[t].may_match_in(w));
        (set, life)
    }

    #[test]
    fn the_claims_that_read_a_life_are_found_without_compiling_at_start_up() {
        let (set, life) = life_claims(CLAIMS);
        assert!(life.any());
        assert!(life.read.get().is_none());
        let ids = |k: &[usize]| {
            k.iter()
                .map(|&i| set.claims[i].id.0.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&life.read().birth), ["born", "otto.born"]);
        assert_eq!(ids(&life.read().death), ["died"]);
        // A trigger whose literals hold a word but whose matches do not read it.
        let (set, life) = life_claims(
            r#"
[subject]
name = "Ada Marten"
kind = "person"
born = "1880-05-03"

[[claim]]
id = "reborn"
kind = "date"
value = "1901"
triggers = ['\breborn\b', '\bborn\w+']
"#,
        );
        assert!(life.any());
        assert_eq!(life.may_birth.len(), 1);
        let age = set.claims.iter().position(|c| c.id.0 == "subject.born");
        let age = age.expect("the claim made from the subject's birth date");
        assert_eq!(life.read().birth, [age]);
        assert!(life.read().death.is_empty());
    }

    #[test]
    fn a_life_span_is_checked_against_the_birth_and_death_of_the_name_before_it() {
        assert_eq!(
            found("The singer Ada Marten (1882–1951) taught in Linz."),
            vec![
                ("born".to_string(), "1882".to_string()),
                ("died".to_string(), "1951".to_string())
            ]
        );
        assert_eq!(
            found("Her son, Otto Marten (1882 - 1950), sang."),
            vec![("otto.born".to_string(), "1882".to_string())]
        );
        assert_eq!(
            found("Ada Marten (/ˈmɑːrtən/; née Ada Holm; 3 May 1880 – 9 June 1949) sang."),
            vec![("died".to_string(), "9 June 1949".to_string())]
        );
        assert_eq!(
            found("Ada Marten (d. 1949) taught in Linz."),
            vec![("died".to_string(), "1949".to_string())]
        );
        for text in [
            "Ada Marten (3 May 1880 – 9 June 1950) taught in Linz.",
            "Her son, Otto Marten (1884–1950), sang.",
            "She broke with Ada Marten (1882–1951) in Linz.",
            "The feud with Marten (1903–1904) ended.",
            "Ada Marten's school (1882–1951) stood in Linz.",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    fn read(text: &str) -> Vec<(Mark, Vec<String>)> {
        let folded = fold(text).text;
        extract_dates(&folded)
            .iter()
            .filter_map(|d| {
                let (_, mark) = opened(&folded, d)?;
                let parts = match mark {
                    Mark::Span => {
                        let (b, e) = split(&folded, d)?;
                        vec![folded[b.span].to_string(), folded[e.span].to_string()]
                    }
                    _ => vec![folded[d.span.clone()].to_string()],
                };
                Some((mark, parts))
            })
            .collect()
    }

    #[test]
    fn a_parenthesis_of_dates_after_a_name_is_a_life_span() {
        let span = |b: &str, e: &str| vec![(Mark::Span, vec![b.to_string(), e.to_string()])];
        assert_eq!(read("Ada Marten (1880–1950) sang."), span("1880", "1950"));
        assert_eq!(read("Ada Marten (1880 - 1950) sang."), span("1880", "1950"));
        assert_eq!(
            read("Ada Marten (3 May 1880 – 9 June 1950) sang."),
            span("3 may 1880", "9 june 1950")
        );
        assert_eq!(
            read("Ada Marten (May 3, 1880 to June 9, 1950) sang."),
            span("may 3, 1880", "june 9, 1950")
        );
        assert_eq!(
            read("Ada Marten (née Holm; 3 May 1880 – 9 June 1950) sang."),
            span("3 may 1880", "9 june 1950")
        );
        assert_eq!(
            read("Ada Marten (/ˈmɑːrtən/; née Holm; 1880–1950) sang."),
            span("1880", "1950")
        );
        assert_eq!(
            read("Ada Marten (b. 1880) sang."),
            vec![(Mark::Birth, vec!["1880".to_string()])]
        );
        assert_eq!(
            read("Ada Marten (d. 9 June 1950) sang."),
            vec![(Mark::Death, vec!["9 june 1950".to_string()])]
        );
        // Not a parenthesis the dates fill, or one date with no mark.
        for text in [
            "Ada Marten (from 1880 to 1950) sang.",
            "Ada Marten (1950) sang.",
            "Ada Marten (1880–1950, Linz) sang.",
            "Ada Marten (opus 4; 1880–1950) sang.",
            "Ada Marten sang from 1880 to 1950.",
        ] {
            assert_eq!(read(text), vec![], "{text}");
        }
    }
}

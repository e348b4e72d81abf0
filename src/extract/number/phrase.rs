//! The noun a quantity counts or measures: the words after a number up to the head
//! noun of their phrase (`300 cabin berths` → `cabin berths`, head `berths`), and
//! the noun an attributive measure describes (`a 1,200 ton lid` → `lid`).
//!
//! Without a part-of-speech dictionary the head is found by the shape of English
//! counts: after a number other than one, the head is the first plural or unit
//! word (`five Nobel Prizes`, `2,600 square km`); after one, the last word before a
//! verb or a function word (`one person died`). A unit left singular before a noun
//! (`a 1,200 ton lid`, `a 12-horsepower engine`, `a 45 mph wind`) makes the measure
//! an adjective of that noun.

use std::ops::Range;

use super::value::is_number_word;
use crate::extract::calendar::MONTH_NAMES;
use crate::lexicon::{
    COMPOUND_UNITS, COUNT_VERBS, DIMENSION_WORDS, INCREMENT_WORDS, MEASURE_COMPLEMENTS,
    MEASURE_UNITS, NOT_NOUNS, PLURALS_WITHOUT_S, is,
};

/// How many words a counted noun phrase may have (`two heavy water reactors`).
const MAX_WORDS: usize = 4;
/// How many words after a number are read at all.
const MAX_TOKENS: usize = 9;

/// Irregular plurals and their singulars.
const IRREGULAR: [(&str, &str); 8] = [
    ("buses", "bus"),
    ("children", "child"),
    ("feet", "foot"),
    ("geese", "goose"),
    ("men", "man"),
    ("mice", "mouse"),
    ("teeth", "tooth"),
    ("women", "woman"),
];

/// The singular of a word (`years` → `year`, `copies` → `copy`, `inches` → `inch`,
/// `feet` → `foot`); `people` and `persons` stay as they are.
pub fn singular(word: &str) -> String {
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == word) {
        return (*one).to_string();
    }
    // A unit in the lexicon keeps its own ending: `curies` → `curie`.
    if let Some(stem) = word.strip_suffix('s')
        && is(MEASURE_UNITS, stem)
    {
        return stem.to_string();
    }
    if word.len() > 4
        && let Some(stem) = word.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    for ending in ["sses", "ches", "shes", "xes", "zzes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    if ["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word.to_string();
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => word.to_string(),
    }
}

/// One word after a number, as read for matching.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Span of the word in the text (two words where a compound was joined).
    pub range: Range<usize>,
    /// The word as written, lowercase, compounds joined (`horsepower`).
    pub surface: String,
    /// The word as compared: singular, `%` as `percent`, `square km` as one word.
    pub word: String,
    /// Joined to the number by a hyphen (`30-km`, `1,000-ton`).
    pub hyphen: bool,
}

/// The separator and the word that open `s`, as byte lengths: a hyphen, a space
/// or nothing, then `%` or a run of ASCII lowercase letters, with an optional
/// `/` and more of them (a rate, `m/s`) and an optional power (`km2`, `m³`).
/// What `^(-| |)(%|[a-z]+(?:/[a-z]+)?[23²³]?)` matches, read without a regex: it
/// is asked once for each word after every number.
fn token_at(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let sep = usize::from(matches!(b.first(), Some(b'-' | b' ')));
    let letters = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count()
    };
    let start = sep;
    if b.get(start) == Some(&b'%') {
        return Some((sep, 1));
    }
    let mut end = start + letters(start);
    if end == start {
        return None;
    }
    if b.get(end) == Some(&b'/') {
        let rate = letters(end + 1);
        if rate > 0 {
            end += 1 + rate;
        }
    }
    let rest = &s[end..];
    if let Some(power) = ['2', '3', '\u{b2}', '\u{b3}']
        .into_iter()
        .find(|&p| rest.starts_with(p))
    {
        end += power.len_utf8();
    }
    Some((sep, end - start))
}

/// The compared form of one written word.
fn normal(surface: &str) -> String {
    if surface == "%" {
        return "percent".to_string();
    }
    if surface.contains('/') {
        // A rate keeps its letters: `m/s` is no plural of `m/`.
        return surface.to_string();
    }
    singular(surface)
}

/// Whether a compared word is a unit of measure (`km`, `square km`, `km2`, `km/h`).
pub(super) fn is_unit(word: &str) -> bool {
    let base = word.trim_end_matches(['2', '3', '²', '³']);
    word.contains(' ') || word.contains('/') || is(MEASURE_UNITS, base)
}

/// Whether a written word is a plural noun form (`berths`, `people`, `lbs`).
pub(super) fn plural_ish(surface: &str) -> bool {
    is(PLURALS_WITHOUT_S, surface)
        || (surface.len() > 2 && surface.ends_with('s') && singular(surface) != surface)
}

/// A past participle or an adverb (`exploded`, `immediately`): never a head.
fn verbal(surface: &str) -> bool {
    (surface.len() >= 4 && surface.ends_with("ed") && !surface.ends_with("eed")) || adverb(surface)
}

/// An adverb in `-ly` (`directly`, `nearly`), told from nouns in `-ly` by their
/// endings (`family`, `supply`, `assembly`, `monopoly`, `anomaly`, `butterfly`, `tally`).
pub(super) fn adverb(word: &str) -> bool {
    word.len() >= 6
        && word.ends_with("ly")
        && !["ily", "ply", "bly", "oly", "aly", "fly", "lly"]
            .iter()
            .any(|e| word.ends_with(e))
}

/// Whether a word cannot be in the noun phrase of a count: a function word, a verb,
/// a number word (`1986 operated four units`) or a month (`7 November`: a date).
fn ends_phrase(s: &str) -> bool {
    is(NOT_NOUNS, s) || is(COUNT_VERBS, s) || is_number_word(s) || is_month(s)
}

/// Whether a lowercase word names a month (`november`, `nov`, `sept`).
pub(super) fn is_month(s: &str) -> bool {
    MONTH_NAMES.iter().any(|m| {
        m.eq_ignore_ascii_case(s)
            || (matches!(s.len(), 3 | 4) && m.to_ascii_lowercase().starts_with(s) && s != "mar")
    })
}

/// The words after `from`, up to the first that is not a plain word, with compound
/// units joined (`horse power`, `per cent`, `square km`).
pub(super) fn tokens(text: &str, from: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut at = from;
    while out.len() < MAX_TOKENS {
        let Some((sep, len)) = token_at(&text[at..]) else {
            break;
        };
        let sep = &text[at..at + sep];
        let range = at + sep.len()..at + sep.len() + len;
        let end = range.end;
        let glued_on = text[end..].chars().next();
        if (!out.is_empty() && sep != " ") || glued_on.is_some_and(|ch| ch.is_alphanumeric()) {
            break;
        }
        let w = &text[range.clone()];
        out.push(Token {
            range,
            surface: w.to_string(),
            word: normal(w),
            hyphen: out.is_empty() && sep == "-",
        });
        at = end;
    }
    join_compounds(out)
}

/// Joins a unit written in two words into one token: `horse power`, `per cent`
/// (`horsepower`, `percent`) and `square km` (an area, not a length).
fn join_compounds(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens {
        if let Some(prev) = out.last_mut() {
            let joined = format!("{}{}", prev.surface, t.surface);
            let dimension = is(DIMENSION_WORDS, &prev.surface) && is_unit(&t.word);
            let pair = format!("{} {}", prev.word, t.word);
            if is(COMPOUND_UNITS, &pair) {
                // "nautical miles", "pounds sterling"; a `us` dollar is the dollar.
                prev.word = pair.strip_prefix("us ").unwrap_or(&pair).to_string();
                prev.surface = format!("{} {}", prev.surface, t.surface);
                prev.range.end = t.range.end;
                continue;
            }
            if dimension || is(MEASURE_UNITS, &singular(&joined)) {
                prev.word = if dimension {
                    let dim = match prev.surface.as_str() {
                        "sq" => "square",
                        "cu" => "cubic",
                        d => d,
                    };
                    format!("{dim} {}", t.word)
                } else {
                    normal(&joined)
                };
                prev.surface = if dimension {
                    format!("{} {}", prev.surface, t.surface)
                } else {
                    joined
                };
                prev.range.end = t.range.end;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// The compared words of a unit or of a phrase as written (`Nobel Prizes` →
/// `nobel prize`, `horse power` → `horsepower`, `sq km` → `square km`).
pub(super) fn compared_words(folded: &str) -> Vec<String> {
    let text = folded.trim();
    let mut words = Vec::new();
    let mut at = 0;
    // Each word in turn, read as a token is read after a number.
    while at < text.len() {
        let rest = &text[at..];
        let skip = rest.len() - rest.trim_start().len();
        at += skip;
        if at >= text.len() {
            break;
        }
        let end = text[at..].find(' ').map_or(text.len(), |i| at + i);
        words.push(Token {
            range: at..end,
            surface: text[at..end].to_string(),
            word: normal(&text[at..end]),
            hyphen: false,
        });
        at = end;
    }
    join_compounds(words).into_iter().map(|t| t.word).collect()
}

/// Where the head of a phrase lies among `toks`: its index, and how many words the
/// phrase runs to (more than `head + 1` for a run of singular nouns after a count
/// other than one: `four seat plane`, whose count is of the first).
struct Run {
    head: usize,
    len: usize,
}

fn head_of(toks: &[Token], singular_count: bool) -> Option<Run> {
    let mut len = 0;
    for (k, t) in toks.iter().enumerate().take(MAX_WORDS) {
        let s = t.surface.as_str();
        if ends_phrase(s) || (k > 0 && (verbal(s) || s.ends_with("ing"))) {
            break;
        }
        let unit = is_unit(&t.word);
        if singular_count && plural_ish(s) && !unit {
            break;
        }
        len = k + 1;
        if unit || (!singular_count && plural_ish(s)) {
            return Some(Run { head: k, len });
        }
    }
    // A participle, an adverb or (after a count other than one) a gerund is no head.
    while len > 0
        && (verbal(&toks[len - 1].surface)
            || (!singular_count && toks[len - 1].surface.ends_with("ing")))
    {
        len -= 1;
    }
    match len {
        0 => None,
        1 => Some(Run { head: 0, len }),
        _ if singular_count => Some(Run { head: len - 1, len }),
        _ => Some(Run { head: 0, len }),
    }
}

/// The noun phrase after a number, read from the folded `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Phrase {
    pub noun: Option<Range<usize>>,
    pub head: Option<Range<usize>>,
    pub unit: Option<String>,
    pub increment: bool,
    pub attributive: bool,
    pub describes: Option<Range<usize>>,
}

/// Reads the phrase after the number ending at `from`; `singular_count` where the
/// number is exactly one.
pub(super) fn read_phrase(text: &str, from: usize, singular_count: bool) -> Phrase {
    let toks = tokens(text, from);
    let mut p = Phrase::default();
    let mut i = 0;
    if toks
        .first()
        .is_some_and(|t| !t.hyphen && is(INCREMENT_WORDS, &t.surface))
    {
        p.increment = true;
        i = 1;
    }
    let Some(run) = head_of(&toks[i..], singular_count) else {
        return p;
    };
    let head = i + run.head;
    let t = &toks[head];
    p.noun = Some(toks[i].range.start..t.range.end);
    p.head = Some(t.range.clone());
    p.unit = Some(t.word.clone());
    if run.len > run.head + 1 {
        // "four seat plane": the count is of seats, on a plane.
        p.attributive = true;
        p.describes = Some(toks[i + run.len - 1].range.clone());
    } else if !plural_ish(&t.surface) && (is_unit(&t.word) || toks[i].hyphen) {
        // "a 1,200 ton lid", "a 12-horsepower engine", "a 25-year-old assistant".
        let mut j = head + 1;
        if toks.get(j).is_some_and(|t| t.surface == "old") {
            j += 1;
        }
        if let Some(d) = described(&toks[j.min(toks.len())..]) {
            p.attributive = true;
            p.describes = Some(d);
        }
    }
    p
}

/// The head of the noun an attributive measure stands before, if one follows.
fn described(toks: &[Token]) -> Option<Range<usize>> {
    if toks
        .first()
        .is_none_or(|t| is(MEASURE_COMPLEMENTS, &t.surface))
    {
        return None;
    }
    let run = head_of(toks, false)?;
    Some(toks[run.len.max(run.head + 1) - 1].range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;

    proptest::proptest! {
        /// The token reader finds what the regex it stands for matches.
        #[test]
        fn a_token_is_what_its_regex_matches(
            s in "(-| |-- )?(%|[a-z]{1,2}|A|\u{e9}|1)?(/|/[a-z]|/A)?(2|3|\u{b2}|\u{b3}|\u{b9}|x)?(-|%| )?"
        ) {
            let re = regex::Regex::new(r"^(?P<sep>-| |)(?P<w>%|[a-z]+(?:/[a-z]+)?[23²³]?)").unwrap();
            let expected = re.captures(&s).map(|c| {
                let w = c.name("w").unwrap();
                (c.name("sep").unwrap().len(), w.len())
            });
            proptest::prop_assert_eq!(token_at(&s), expected, "{:?}", s);
        }
    }

    /// (phrase, head, unit, attributive, described noun) of the first number's phrase.
    fn phrase(
        text: &str,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        bool,
        Option<String>,
    ) {
        let folded = fold(text).text;
        let at = folded
            .find(|c: char| c.is_ascii_digit())
            .expect("a digit in the test sentence");
        let end = at
            + folded[at..]
                .find(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')
                .unwrap_or(folded.len() - at);
        let value: f64 = folded[at..end].replace(',', "").parse().expect("digits");
        let p = read_phrase(&folded, end, value == 1.0);
        let s = |r: Option<Range<usize>>| r.map(|r| folded[r].to_string());
        (s(p.noun), s(p.head), p.unit, p.attributive, s(p.describes))
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn singulars() {
        for (many, one) in [
            ("years", "year"),
            ("copies", "copy"),
            ("feet", "foot"),
            ("men", "man"),
            ("inches", "inch"),
            ("people", "people"),
            ("persons", "person"),
            ("radius", "radius"),
            ("lbs", "lb"),
            ("km", "km"),
            ("classes", "class"),
            ("curies", "curie"),
            ("calories", "calorie"),
            ("buses", "bus"),
            ("s", "s"),
        ] {
            assert_eq!(singular(many), one, "{many}");
        }
    }

    #[test]
    fn the_head_is_the_first_plural_or_unit() {
        let p = phrase("300 cabin berths were booked");
        assert_eq!(
            (p.0, p.1, p.2),
            (some("cabin berths"), some("berths"), some("berth"))
        );
        let p = phrase("She won 5 Nobel Prizes in all");
        assert_eq!((p.0, p.2), (some("nobel prizes"), some("prize")));
        let p = phrase("an area of 2,600 square km (1,000");
        assert_eq!(
            (p.0, p.1, p.2),
            (some("square km"), some("square km"), some("square km"))
        );
        assert_eq!(phrase("it lasted 12 seconds.").0, some("seconds"));
        assert_eq!(phrase("49,360 people from the town").0, some("people"));
        assert_eq!(phrase("the 57 people immediately killed").0, some("people"));
        assert_eq!(phrase("115,000 people relocated").0, some("people"));
        assert_eq!(phrase("3 motor ships were").0, some("motor ships"));
        assert_eq!(
            phrase("80 bed-bound patients").0,
            some("bed bound patients")
        );
        assert_eq!(phrase("300 armed men").2, some("man"));
        assert_eq!(phrase("60,000 cattle and other animals").0, some("cattle"));
        assert_eq!(phrase("it weighed 82kg.").0, some("kg"));
        assert_eq!(phrase("he served 20years").2, some("year"));
        assert_eq!(phrase("a share of 30%").2, some("percent"));
        assert_eq!(phrase("a share of 30 per cent").2, some("percent"));
        assert_eq!(phrase("8 horse-power but").0, some("horse power"));
        assert_eq!(phrase("8 horse-power but").2, some("horsepower"));
        assert_eq!(phrase("2,600 km2 of land").2, some("km2"));
        assert_eq!(phrase("at 30 km/h").2, some("km/h"));
    }

    #[test]
    fn no_head_where_no_noun_follows() {
        assert_eq!(phrase("31 died").0, None);
        assert_eq!(phrase("Reactor 4 exploded").0, None);
        assert_eq!(phrase("he was 32 and his brother").0, None);
        assert_eq!(phrase("What is 31?").0, None);
        assert_eq!(phrase("only 7 of them").0, None);
        assert_eq!(phrase("Reactor 4 took the blow").0, None);
    }

    #[test]
    fn months_number_words_and_gerunds_end_the_phrase() {
        assert_eq!(phrase("born on 7 November 1867").0, None);
        assert_eq!(phrase("on 13 dec. 1903").0, None);
        assert_eq!(phrase("by 1986 operated four units").0, None);
        assert_eq!(phrase("in 1986 following the blast").0, None);
        assert_eq!(phrase("5 remaining").0, None);
        assert_eq!(
            phrase("the 5 remaining reactors").0,
            some("remaining reactors")
        );
        assert_eq!(phrase("1 building").0, some("building"));
        assert_eq!(phrase("3 family members").0, some("family members"));
        assert_eq!(phrase("1 family").0, some("family"));
        assert_eq!(phrase("28 people directly").0, some("people"));
    }

    #[test]
    fn one_takes_a_singular_head_and_stops_before_a_verb() {
        assert_eq!(phrase("1 person died, another").0, some("person"));
        assert_eq!(phrase("1 Nobel Prize").0, some("nobel prize"));
        assert_eq!(phrase("1 person dies every").0, some("person"));
        assert_eq!(phrase("1 km from the plant").0, some("km"));
    }

    #[test]
    fn increments_are_noted_and_skipped() {
        let folded = fold("three more flights that day").text;
        let p = read_phrase(&folded, 5, false);
        assert!(p.increment);
        assert_eq!(p.noun.map(|r| &folded[r]), Some("flights"));
        let folded = fold("20 more").text;
        let p = read_phrase(&folded, 2, false);
        assert!(p.increment && p.noun.is_none());
        assert!(!read_phrase("3 flights more", 1, false).increment);
    }

    #[test]
    fn attributive_measures_describe_the_noun_after_them() {
        let p = phrase("flipped the 1,200 ton lid of the reactor");
        assert_eq!((p.0, p.3, p.4), (some("ton"), true, some("lid")));
        let p = phrase("blew off the 1,000-ton steel top shield, exposing");
        assert_eq!((p.0, p.3, p.4), (some("ton"), true, some("shield")));
        let p = phrase("a custom-built 12-horsepower engine that");
        assert_eq!((p.0, p.3, p.4), (some("horsepower"), true, some("engine")));
        let p = phrase("his 25-year-old assistant");
        assert_eq!((p.0, p.3, p.4), (some("year"), true, some("assistant")));
        let p = phrase("into a 20-mile wind.");
        assert_eq!((p.3, p.4), (true, some("wind")));
        let p = phrase("they flew into a 45 mph wind");
        assert_eq!((p.0, p.3, p.4), (some("mph"), true, some("wind")));
        let p = phrase("an area of 30 kilometer radius from the plant");
        assert_eq!((p.3, p.4), (true, some("radius")));
        let p = phrase("the 30 km exclusion zone");
        assert_eq!((p.3, p.4), (true, some("zone")));
        let p = phrase("a 4 seat plane");
        assert_eq!((p.0, p.3, p.4), (some("seat"), true, some("plane")));
    }

    #[test]
    fn measures_that_describe_nothing() {
        for text in [
            "200 tons of uranium",
            "120 feet above the sand",
            "less than 3 km from the town",
            "a radius of 30-km.",
            "he was 60 years old",
            "the 25-year-old, who",
            "a 25-year-old was arrested",
            "30 km across",
            "300 cabin berths",
            "12 seconds flat",
        ] {
            let p = phrase(text);
            assert!(!p.3 && p.4.is_none(), "{text}: {p:?}");
        }
    }

    #[test]
    fn compared_words_of_units() {
        assert_eq!(compared_words("nobel prizes"), vec!["nobel", "prize"]);
        assert_eq!(compared_words("horse power"), vec!["horsepower"]);
        assert_eq!(compared_words(" sq  miles "), vec!["square mile"]);
        assert_eq!(compared_words("%"), vec!["percent"]);
        assert_eq!(compared_words(""), Vec::<String>::new());
    }
}

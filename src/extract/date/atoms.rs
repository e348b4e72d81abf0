//! The atoms of dates: one regex for every complete date form, and the mention
//! each match stands for (or none, where the words are not a date: an impossible
//! day, a street number, a price, a version number).

use std::sync::LazyLock;

use crate::re::Regex;

use super::groups::{Group, GroupRegex, Groups};
use super::list::{DAYS, DIGIT_DAYS, day_sequence};
use super::years::plausible_year;
use super::{DateMention, Shape};
use crate::extract::calendar::{DateValue, Interval};

pub(crate) const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept\.?|sep\.|oct\.?|nov\.?|dec\.?)";
pub(crate) const ORDINAL_WORDS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty first",
    "twenty second",
    "twenty third",
    "twenty fourth",
    "twenty fifth",
    "twenty sixth",
    "twenty seventh",
    "twenty eighth",
    "twenty ninth",
    "thirtieth",
    "thirty first",
];
/// The words of [`ORDINAL_WORDS`] as one alternation, with their shared parts
/// written once: the date regexes write it many times, and parsing it was a
/// tenth of compiling them. No word is the start of another, so the order of
/// the alternatives changes no match (a test checks that it matches the
/// words and nothing else).
pub(crate) const ORDINAL_PATTERN: &str = "thirty first|thirtieth|twentieth|(?:nine|eigh|seven|six|fif|four|thir)teenth|twelfth|eleventh|tenth|(?:twenty )?(?:ninth|eighth|seventh|sixth|fifth|fourth|third|second|first)";
const STYLE: &str = r"(?:o\. ?s\.|n\. ?s\.|os|ns|old style|new style)";

/// Every form of a date atom, as one regex: built for text whose digits are all
/// ASCII (nearly all), and, where some other decimal digit is written, with
/// Unicode's digits as well (see [`atoms_for`]).
static ATOMS: LazyLock<GroupRegex> = LazyLock::new(|| {
    GroupRegex::new(&ascii_alternatives(), bare_year).expect("the date regex is valid")
});
static ATOMS_UNICODE: LazyLock<GroupRegex> =
    LazyLock::new(|| GroupRegex::new(&ATOMS_PATTERN, bare_year).expect("the date regex is valid"));

/// The groups of a match of four ASCII digits and nothing else: only the bare
/// year's alternative matches that (every other one needs a letter, a sign or
/// fewer digits), and its two groups span it whole. Most date matches are such
/// years; the tests compare these groups with those searched for.
fn bare_year(found: &str) -> Option<&'static [&'static str]> {
    (found.len() == 4 && found.bytes().all(|b| b.is_ascii_digit())).then_some(&["year", "yy"])
}

/// The regex for `text`: where it writes only ASCII digits, `\d` and `[0-9]`
/// match the same characters, and the ASCII regex is many times smaller to build.
fn atoms_for(text: &str) -> &'static GroupRegex {
    let other_digits =
        !text.is_ascii() && text.chars().any(|c| c.is_numeric() && !c.is_ascii_digit());
    if other_digits { &ATOMS_UNICODE } else { &ATOMS }
}

/// The alternatives of the date regex with ASCII digits.
fn ascii_alternatives() -> Vec<String> {
    ATOMS_PATTERN.iter().map(|a| ascii_digits(a)).collect()
}

/// `pattern` with every `\d` (Unicode's decimal digits) as `[0-9]`.
fn ascii_digits(pattern: &str) -> String {
    pattern.replace(r"\d", "[0-9]")
}

/// The alternatives of the date regex, in the order they are tried.
static ATOMS_PATTERN: LazyLock<Vec<String>> = LazyLock::new(|| {
    let ord = ORDINAL_PATTERN;
    let day = |n: &str| format!(r"(?:(?P<{n}>\d{{1,2}})(?:st|nd|rd|th)?|(?P<{n}w>{ord}))");
    let year = |n: &str| format!(r"(?P<{n}>\d{{4}})");
    let m = |n: &str| format!("(?P<{n}>{MONTH})");
    // Two or more days of one month: 20-21, 2 and 7, the 1st, 2nd or 3rd.
    let days = |n: &str| format!("(?P<{n}>{})", *DAYS);
    let digit_days = |n: &str| format!("(?P<{n}>{})", *DIGIT_DAYS);
    [
        // Dual dates: 7 november [o.s. 26 october] 1879; 26 october (7 november n.s.) 1879.
        format!(
            r"\b(?P<dual>{d1} (?:of )?{m1} ?[\[(] ?(?:{STYLE}:? )?{d2} (?:of )?{m2}(?: {STYLE})? ?[\])],? {y1})\b",
            d1 = day("dd1"),
            m1 = m("dm1"),
            d2 = day("dd2"),
            m2 = m("dm2"),
            y1 = year("dy"),
        ),
        // Days of one month: 20-21 august 1940, 2 and 7 may 1986.
        format!(
            r"\b(?:the )?(?P<dseq>{ds} (?:of )?{m1},? {y1})\b",
            ds = days("sd"),
            m1 = m("sm"),
            y1 = year("sy1"),
        ),
        // 7 november 1879, the 20th of august, 1940, 7th nov. 1879, 17 december in 1903.
        format!(
            r"\b(?:the )?(?P<dmy>{d},?(?: of)? {m},?(?: in)? {y})\b",
            d = day("d1"),
            m = m("m1"),
            y = year("y1"),
        ),
        // Days of one month, month first: may 2 and 7, 1986; august 20-21, 1940.
        format!(
            r"\b(?P<mseq>{m1} (?:the )?{ds},? {y1})\b",
            m1 = m("qm"),
            ds = digit_days("qd"),
            y1 = year("qy"),
        ),
        // november 7, 1879; nov. 7, 1879; august 21st, 1940; august, 20, 1936;
        // december 17th in 1903.
        format!(
            r"\b(?P<mdy>{m},? (?:the )?{d},?(?: in)? {y})\b",
            m = m("m2"),
            d = day("d2"),
            y = year("y2"),
        ),
    ]
    .into_iter()
    .chain(super::forms::patterns())
    .chain([
        // ISO 1940-08-20.
        r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b".to_string(),
        // Numeric 20/08/1940, 08/20/1940, 4.7.1934, 22-7-2019.
        r"\b(?P<num>(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4})|(?P<da>\d{1,2})-(?P<db>\d{1,2})-(?P<dy2>\d{4}))\b".to_string(),
        // january 1928, jan. 1928, october of 1915.
        format!(r"\b(?P<my>{m},?(?: of)? {y})\b", m = m("m3"), y = year("y3")),
        // Named days: christmas day 1914.
        r"\b(?P<named>(?P<nname>christmas day|christmas eve|christmas|new year's day|new year's eve|boxing day|may day|bastille day|armistice day),? (?:of )?(?P<nyear>\d{4}))\b".to_string(),
        // 1936-38 (a year range written short).
        r"\b(?P<short>(?P<sy>\d{4}) ?- ?(?P<sz>\d{2}))\b".to_string(),
        // Decades: the 1920s, 1930s, mid-1930s.
        r"\b(?P<decade>(?P<dec>\d{3}0)'?s)\b".to_string(),
        // Centuries: the 19th century.
        r"\b(?P<century>(?P<cn>\d{1,2})(?:st|nd|rd|th) century(?: (?P<cbc>bc|bce))?)\b".to_string(),
        // Years with an era: 44 bc, ad 1066, 1066 ad.
        r"\b(?P<era>(?:(?P<ey>\d{1,4}) ?(?P<ee>bc|bce|b\.c\.|ad|ce|a\.d\.)|(?:ad|a\.d\.) (?P<ey2>\d{1,4})))(?:\b|$|\W)".to_string(),
        // Two-digit years: in '29.
        r"(?P<apos>\b(?:in|of|since|until|by) '(?P<ay>\d{2}))\b".to_string(),
        // A bare year.
        r"\b(?P<year>(?P<yy>\d{4}))\b".to_string(),
    ])
    .collect()
});

/// A whole month name or abbreviation.
pub(super) static MONTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{MONTH}$")).expect("valid regex"));

/// A month name next: the digits before it are a day.
static MONTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^ (?:of )?{MONTH}")).expect("valid regex"));

/// Around an all-numeric date, the marks of a longer number (`1.2.3.1940`, a
/// version or an address).
static NUMERIC_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[\d.,/-]|[$£€#])$").expect("valid regex"));
static NUMERIC_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[./,-]\d").expect("valid regex"));

/// The month (1-12) a folded month name or abbreviation names.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let m = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn day_of(c: &Groups<'_>, name: &str) -> Option<u32> {
    if let Some(d) = c.name(name) {
        return d.as_str().parse().ok();
    }
    let w = c.name(&format!("{name}w"))?.as_str();
    ORDINAL_WORDS
        .iter()
        .position(|o| *o == w)
        .map(|i| i as u32 + 1)
}

pub(super) fn num(c: &Groups<'_>, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

pub(super) fn month_of(c: &Groups<'_>, name: &str) -> Option<u32> {
    month_number(c.name(name)?.as_str())
}

/// Every date atom of the folded `text`, in order.
pub(super) fn find_atoms(text: &str) -> Vec<DateMention> {
    let atoms_regex = atoms_for(text).searcher(text);
    let mut atoms: Vec<DateMention> = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(c) = atoms_regex.captures_at(pos) else {
            break;
        };
        let whole = c.whole().range();
        // "1906 - 16 february 1938" is a year and a day, not the range 1906-16.
        if let (Some(sy), Some(g)) = (c.name("sy"), c.name("short"))
            && MONTH_AFTER.is_match(&text[g.end()..])
        {
            if let Some(y) = sy.as_str().parse().ok().filter(|y| plausible_year(*y)) {
                atoms.push(DateMention::point(
                    sy.range(),
                    DateValue::new(y, None, None).expect("a year is valid"),
                ));
            }
            pos = sy.end();
            continue;
        }
        atoms.extend(atom(text, &c));
        pos = whole.end.max(whole.start + 1);
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    atoms
}

/// Builds the mention for one regex match, or `None` where the words are not a date.
fn atom(text: &str, c: &Groups<'_>) -> Option<DateMention> {
    if let Some(g) = c.name("dual") {
        let y = num(c, "dy")?;
        let a = DateValue::new(y, Some(month_of(c, "dm1")?), Some(day_of(c, "dd1")?))?;
        let b = DateValue::new(y, Some(month_of(c, "dm2")?), Some(day_of(c, "dd2")?))?;
        return Some(DateMention {
            readings: vec![a.interval(), b.interval()],
            ..DateMention::point(g.range(), a)
        });
    }
    if let Some(g) = c.name("dseq") {
        return days_of_month(text, c, g, ("sd", "sm", "sy1"));
    }
    if let Some(g) = c.name("mseq") {
        return days_of_month(text, c, g, ("qd", "qm", "qy"));
    }
    for (g, d, m, y) in [("dmy", "d1", "m1", "y1"), ("mdy", "d2", "m2", "y2")] {
        if let Some(g) = c.name(g) {
            let v = DateValue::new(num(c, y)?, Some(month_of(c, m)?), Some(day_of(c, d)?))?;
            return Some(DateMention::point(g.range(), v));
        }
    }
    if let Some(found) = super::forms::atom(text, c) {
        return found;
    }
    if let Some(g) = c.name("iso") {
        let v = DateValue::new(
            num(c, "iy")?,
            Some(num(c, "im")? as u32),
            Some(num(c, "id")? as u32),
        )?;
        return Some(DateMention::point(g.range(), v));
    }
    if let Some(g) = c.name("num") {
        return numeric(text, c, g);
    }
    if let Some(g) = c.name("my") {
        let v = DateValue::new(num(c, "y3")?, Some(month_of(c, "m3")?), None)?;
        return Some(DateMention::point(g.range(), v));
    }
    if let Some(g) = c.name("named") {
        return named_day(c, g);
    }
    super::years::coarse(text, c)
}

/// `20-21 august 1940` (a range), `2 and 7 may 1986` (a list), and the same with
/// the month first; `between 20 and 21 august 1940` is a range.
fn days_of_month(
    text: &str,
    c: &Groups<'_>,
    g: Group<'_>,
    (days, month, year): (&str, &str, &str),
) -> Option<DateMention> {
    let y = num(c, year)?;
    let m = month_of(c, month)?;
    let seq = day_sequence(c.name(days)?.as_str())?;
    let whole = c.whole();
    let between = text[..whole.start()].ends_with("between ") && seq.days.len() == 2;
    let values = seq
        .days
        .iter()
        .map(|&d| DateValue::new(y, Some(m), Some(d)))
        .collect::<Option<Vec<_>>>()?;
    let first = values[0];
    if seq.range || between {
        let last = values[values.len() - 1];
        if last.interval().start < first.interval().start {
            return None;
        }
        return Some(DateMention {
            readings: vec![Interval {
                start: first.interval().start,
                end: last.interval().end,
            }],
            shape: Shape::Range,
            ..DateMention::point(g.range(), first)
        });
    }
    Some(DateMention {
        readings: values.iter().map(DateValue::interval).collect(),
        shape: Shape::List,
        ..DateMention::point(g.range(), first)
    })
}

/// `20/08/1940`, `4.7.1934`, `22-7-2019`: day first or month first, both readings
/// where both are dates.
fn numeric(text: &str, c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    if NUMERIC_BEFORE.is_match(&text[..g.start()]) || NUMERIC_AFTER.is_match(&text[g.end()..]) {
        return None;
    }
    let (a, b, y) = match num(c, "na") {
        Some(a) => (a as u32, num(c, "nb")? as u32, num(c, "ny")?),
        None => (num(c, "da")? as u32, num(c, "db")? as u32, num(c, "dy2")?),
    };
    let dm = DateValue::new(y, Some(b), Some(a));
    let md = DateValue::new(y, Some(a), Some(b));
    match (dm, md) {
        (Some(x), Some(y)) if x != y => Some(DateMention {
            readings: vec![x.interval(), y.interval()],
            ..DateMention::point(g.range(), x)
        }),
        (Some(x), _) | (None, Some(x)) => Some(DateMention::point(g.range(), x)),
        (None, None) => None,
    }
}

fn named_day(c: &Groups<'_>, g: Group<'_>) -> Option<DateMention> {
    let y = num(c, "nyear")?;
    let (m, d) = match c.name("nname")?.as_str() {
        "christmas day" | "christmas" => (12, 25),
        "christmas eve" => (12, 24),
        "boxing day" => (12, 26),
        "new year's day" => (1, 1),
        "new year's eve" => (12, 31),
        "may day" => (5, 1),
        "bastille day" => (7, 14),
        _ => (11, 11), // armistice day
    };
    Some(DateMention::point(
        g.range(),
        DateValue::new(y, Some(m), Some(d))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::groups::Searcher;
    use super::*;
    use proptest::prelude::*;
    use std::ops::Range;

    #[test]
    fn the_ordinal_pattern_finds_what_the_list_of_words_finds() {
        let plain = ORDINAL_WORDS
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join("|");
        let plain = regex::Regex::new(&plain).unwrap();
        let ours = regex::Regex::new(ORDINAL_PATTERN).unwrap();
        let whole = regex::Regex::new(&format!("^(?:{ORDINAL_PATTERN})$")).unwrap();
        for w in ORDINAL_WORDS {
            assert!(whole.is_match(w), "{w}");
        }
        let texts = [
            "the twenty first and the first, the thirty first",
            "twentyfirst twenty  first twenty-first thirty second",
            "sixteenth seventeenth eighteenth nineteenth teenth sixtieth",
            "the fifteenth of may, the twentieth, the ninth, thirtieth",
            "secondly, firstly, fourthly; eleventh twelfth tenth",
        ];
        for t in texts {
            let a: Vec<_> = plain.find_iter(t).map(|m| m.range()).collect();
            let b: Vec<_> = ours.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(a, b, "{t}");
        }
        for miss in ["twenty", "teenth", "thirty", "fiveteenth", "twenty tenth"] {
            assert!(!whole.is_match(miss), "{miss}");
        }
    }

    /// Every match of `regex` over `text`, as `captures_at` walks it: the whole
    /// match and the first group that took part.
    fn walk(regex: &GroupRegex, text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let Some(c) = regex.searcher(text).captures_at(pos) else {
                break;
            };
            let whole = c.whole().range();
            out.push((whole.clone(), text[whole.clone()].to_string()));
            pos = whole.end.max(whole.start + 1);
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    #[test]
    fn the_ascii_regex_is_the_unicode_one_with_ascii_digits() {
        // No escaped backslash stands before a `d` that the rewrite would break.
        assert!(!ATOMS_PATTERN.iter().any(|a| a.contains(r"\\d")));
        for text in [
            "on 7 november [o.s. 26 october] 1879 and 20-21 august 1940",
            "may 2 and 7, 1986; the 1920s, mid-1930s, 1936-38, 44 bc, ad 1066",
            "in '29, christmas day 1914, 20/08/1940, 1940-08-20 and 4.7.1934",
            "the 19th century, november 7, 1879, january 1928, 17 december in 1903",
        ] {
            assert_eq!(walk(&ATOMS, text), walk(&ATOMS_UNICODE, text), "{text}");
        }
    }

    #[test]
    fn other_digits_take_the_unicode_regex() {
        assert!(std::ptr::eq(atoms_for("in 1986"), &*ATOMS));
        assert!(std::ptr::eq(atoms_for("in é 1986"), &*ATOMS));
        assert!(std::ptr::eq(
            atoms_for("in \u{661}\u{669}\u{668}\u{666}"),
            &*ATOMS_UNICODE
        ));
    }

    /// Every match, with every group's range.
    type Matches = Vec<Vec<Option<Range<usize>>>>;

    /// Every match `searcher` finds over `text` with every group's range, the
    /// groups read as `captures_at` reads them, or always searched for.
    fn walk_groups(searcher: &Searcher<'_, '_>, text: &str, searched: bool) -> Matches {
        let names = searcher.group_names();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let found = if searched {
                searcher.searched_at(pos)
            } else {
                searcher.captures_at(pos)
            };
            let Some(c) = found else { break };
            let whole = c.whole().range();
            let mut row = vec![Some(whole.clone())];
            row.extend(names.iter().map(|n| c.name(n).map(|g| g.range())));
            out.push(row);
            pos = whole.end.max(whole.start + 1);
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    fn all_groups(regex: &GroupRegex, text: &str, searched: bool) -> Matches {
        walk_groups(&regex.searcher(text), text, searched)
    }

    /// The matches over `text` as the searcher chosen for it reads them, and
    /// as the pattern as it is reads the text.
    fn masked_and_not(text: &str) -> (Matches, Matches) {
        (
            walk_groups(&ATOMS.searcher(text), text, true),
            walk_groups(&ATOMS.unmasked(text), text, true),
        )
    }

    #[test]
    fn a_masked_text_has_the_matches_of_the_text() {
        assert!(ATOMS.is_maskable());
        assert!(
            !ATOMS_UNICODE.is_maskable(),
            "Unicode's digits are word chars"
        );
        for text in [
            "ramón mercader, 20 august 1940; é1917 and 1917é, but ó 1917 ó",
            "skłodowska won in 1903 and 1911 (7 november 1867 – 4 july 1934)",
            "в 1917 году, 25 october 1917г, the 1920s’ end, in ’29",
            "_1917_ and 1917_ë, then 1918",
        ] {
            let (masked, not) = masked_and_not(text);
            assert_eq!(masked, not, "{text}");
            assert!(!masked.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bare_year_has_the_groups_a_search_finds() {
        for text in [
            "in 1917 and 1918, 1920s, 1936-38, 1066 ad, ad 1066, 44 bc",
            "7 may 1921; may 1921; 1921-05-07; 7/5/1921; christmas 1914; '29",
            "1917г, é1917, 1917é, x1917, 12345, 0000 and 9999.",
        ] {
            for regex in [&*ATOMS, &*ATOMS_UNICODE] {
                assert_eq!(
                    all_groups(regex, text, false),
                    all_groups(regex, text, true),
                    "{text}"
                );
            }
        }
        let text = "in 1917 they";
        let c = ATOMS.searcher(text).captures_at(0).expect("a year");
        assert_eq!(c.name("yy").map(|g| g.range()), Some(3..7));
        assert_eq!(c.name("decade").map(|g| g.range()), None);
    }

    /// The alternatives joined into one regex: with ASCII digits, and as written.
    static JOINED: LazyLock<[regex::Regex; 2]> = LazyLock::new(|| {
        [&ascii_alternatives(), &*ATOMS_PATTERN]
            .map(|a| regex::Regex::new(&a.join("|")).expect("valid"))
    });

    /// Every match of `joined` over `text`, with the range of each group of
    /// `names`.
    fn joined_groups(joined: &regex::Regex, names: &[&str], text: &str) -> Matches {
        joined
            .captures_iter(text)
            .map(|c| {
                let mut row = vec![c.get(0).map(|g| g.range())];
                row.extend(names.iter().map(|n| c.name(n).map(|g| g.range())));
                row
            })
            .collect()
    }

    /// The alternatives as patterns of one regex read what they read joined.
    fn alternatives_read_as_joined(text: &str) {
        for (regex, joined) in [&*ATOMS, &*ATOMS_UNICODE].into_iter().zip(&*JOINED) {
            let searcher = regex.searcher(text);
            let names = searcher.group_names();
            assert_eq!(
                walk_groups(&searcher, text, true),
                joined_groups(joined, &names, text),
                "{text}"
            );
        }
    }

    #[test]
    fn the_alternatives_read_what_the_pattern_reads() {
        for text in [
            "on 7 november [o.s. 26 october] 1879 and 20-21 august 1940",
            "may 2 and 7, 1986; the 1920s, mid-1930s, 1936-38, 44 bc, ad 1066",
            "in '29, christmas day 1914, 20/08/1940, 1940-08-20 and 4.7.1934",
            "the 19th century, november 7, 1879, january 1928, 17 december in 1903",
            "1906 - 16 february 1938, the 20th of august, 1940; may 1921 é1917",
        ] {
            alternatives_read_as_joined(text);
        }
    }

    proptest! {
        #[test]
        fn alternatives_match_as_joined(
            s in "([0-9]{1,4}|may|november|the|of|in|bc|ad|st|th|century|s|'|-|/|\\.|,| |é|x|christmas){0,14}"
        ) {
            alternatives_read_as_joined(&s);
        }

        #[test]
        fn ascii_digits_match_alike(
            s in "([0-9]{1,4}|may|november|the|of|bc|ad|st|th|century|s|'|-|/|\\.|,| |é|x){0,14}"
        ) {
            prop_assert_eq!(walk(&ATOMS, &s), walk(&ATOMS_UNICODE, &s));
        }

        #[test]
        fn masked_texts_match_alike(
            s in "([0-9]{1,4}|may|november|the|of|in|bc|ad|st|th|s|'|’|-|–|/|\\.|,| |é|ł|г|_|x){0,14}"
        ) {
            let (masked, not) = masked_and_not(&s);
            prop_assert_eq!(masked, not);
        }

        #[test]
        fn known_groups_are_those_searched_for(
            s in "([0-9]{1,5}|may|november|the|of|in|bc|ad|st|th|century|christmas|s|'|-|/|\\.|,| |é|г|x){0,14}"
        ) {
            prop_assert_eq!(all_groups(&ATOMS, &s, false), all_groups(&ATOMS, &s, true));
        }
    }
}

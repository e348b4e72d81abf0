//! The prefilter: whether a document can make a finding at all, answered before
//! it is cut into sentences or analysed.
//!
//! Every finding starts from a term form (a rejected one, or any one denied), a
//! trigger's literal, a weekday name, an age word or a life span found in the
//! folded text, or from a suppression comment. A claim's own value or accepted form counts only
//! beside a cue that a denial needs, in one block of lines ([`denials`]). The
//! first step reads the prose before it is folded: each of those holds a run of
//! ASCII letters and digits (its *anchor*, the longest such run) that folding
//! keeps as it is but for case, so one automaton of anchors (over the prose with its ASCII letters
//! lowercased) says whether the document is worth folding; each anchor found is
//! checked against the plain ASCII around it ([`anchors`]), so an anchor inside
//! another word, or without the rest of its form beside it, is turned away. It
//! may say yes for nothing, never no for something: where folding could make ASCII letters the prose does
//! not have (an accented letter, a soft hyphen, a hyphen that joins a word across
//! a line break), and where some claim has no anchor, it says yes. The second step
//! asks the folded text with the scanner's own automata. `check` builds only the
//! documents both admit; the cross-check builds every one.

mod anchors;
mod denials;
mod marks;
mod weekdays;

use anchors::Anchors;
pub use denials::has_cue as has_denial_cue;
pub use marks::Marks;
pub use weekdays::weekday_starts;
#[cfg(test)]
use weekdays::weekday_word_at;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::extract::normalize::{fold, is_dash, is_space};

/// Whether a document can hold an assertion or a directive, asked in two steps:
/// of its prose by anchors ([`Prefilter::on_prose`]), then of its folded text by
/// the scanner's own automata ([`Prefilter::on_folded`]). Each automaton is
/// asked only whether something occurs (or, for weekdays, where a word starts
/// like one), so it runs at the speed of its fastest search.
#[derive(Debug)]
pub struct Prefilter {
    /// The anchors of the parts and the directive; `None`: every document
    /// passes.
    anchors: Option<Anchors>,
    /// The anchors of the forms that admit a document only beside a denial's
    /// cue; `None` where there are none.
    weak: Option<Anchors>,
    /// Whether the weekday claim is on: a weekday's name admits a document.
    weekdays: bool,
    /// The directive alone, for the folded text and the markup.
    directive: AhoCorasick,
}

/// What the prefilter is built from: the folded forms and literals the scanner
/// searches for, and the claims' needs besides.
#[derive(Debug, Default)]
pub struct Needs<'a> {
    /// The rejected term forms, folded: each stands as whole words.
    pub parts: Vec<&'a str>,
    /// The trigger literals, folded: each may stand anywhere.
    pub literals: Vec<&'a str>,
    /// The term forms no claim rejects (values and accepted forms), folded: a
    /// finding of one is a denial of it.
    pub weak: Vec<&'a str>,
    /// Some trigger has no literal: the scanner tries it on every sentence.
    pub unanchored: bool,
    /// The age claim is on: an age is read from words as common as "at".
    pub ages: bool,
    /// Some claim reads a life span, which needs no word but a name and dates
    /// ("Ada Marten (1880–1950)").
    pub lifespans: bool,
    /// The weekday claim is on.
    pub weekdays: bool,
}

/// The first three letters of each weekday's name, as folded text has them: the
/// start of every word the weekday check reads as one.
pub const WEEKDAY_PREFIXES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The word that opens a suppression comment (see `crate::suppress`).
const DIRECTIVE: &str = "factlint";

/// The automata over folded text that the exact step asks: whether it holds a
/// whole term form that can make a finding (a rejected one; any one, where
/// `denied` says a denial's cue may stand in it), and whether a trigger's
/// literal.
pub trait Search {
    fn has_term(&self, folded: &str, denied: &dyn Fn() -> bool) -> bool;
    fn has_trigger_literal(&self, folded: &str) -> bool;
}

impl Prefilter {
    /// The prefilter for what the scanner searches for.
    pub fn new(needs: &Needs<'_>) -> Prefilter {
        // A DFA: every file's prose goes through these, and a table lookup a
        // byte is the quickest walk. Past the size where a DFA's build grows
        // out of bounds (tens of thousands of claims), an NFA. The patterns are
        // searched for in text with its ASCII letters lowercased, leftmost
        // first: only whether (and on which line) one occurs matters, and so a
        // few dozen of them are found by a packed (SIMD) search, which an ASCII
        // case-insensitive automaton cannot use.
        let build = |patterns: &[&str]| {
            let lower: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .kind(Some(super::matcher::automaton_kind(&lower)))
                .build(&lower)
                .expect("anchors within the automaton's limits")
        };
        let directive = build(&[DIRECTIVE]);
        let kind = |patterns: &[String]| Some(super::matcher::automaton_kind(patterns));
        let owned = |forms: &[&str], whole: bool| {
            forms
                .iter()
                .map(move |f| (f.to_string(), whole))
                .collect::<Vec<_>>()
        };
        // Where some claim has no anchor, or an age, a life span or an
        // unanchored trigger may stand anywhere, every document passes: nothing
        // is built.
        let anchored = !(needs.unanchored || needs.ages || needs.lifespans)
            && needs
                .parts
                .iter()
                .chain(&needs.literals)
                .chain(&needs.weak)
                .all(|f| anchor(f).is_some());
        let anchors = anchored
            .then(|| {
                Anchors::new(
                    std::iter::once((DIRECTIVE.to_string(), false))
                        .chain(owned(&needs.parts, true))
                        .chain(owned(&needs.literals, false)),
                    anchor,
                    kind,
                )
            })
            .flatten();
        let weak = (anchored && !needs.weak.is_empty())
            .then(|| Anchors::new(owned(&needs.weak, true), anchor, kind))
            .flatten();
        Prefilter {
            weak,
            anchors,
            weekdays: needs.weekdays,
            directive,
        }
    }

    /// The first step: whether a document may hold an assertion or a directive
    /// by its prose, before it is folded. `source` is the file as read, `prose`
    /// what is scanned of it (the same for plain text). `false` is sure; `true`
    /// asks for the second step.
    pub fn on_prose(&self, source: &str, prose: &str) -> bool {
        let Some(anchors) = &self.anchors else {
            return true;
        };
        if joins_across_lines(prose) || self.directive_in_markup(source, prose) {
            return true;
        }
        let lower = ascii_lower(prose);
        if self.anchored(anchors, &lower) {
            return true;
        }
        // Elsewhere folding keeps ASCII letters as they are but for case; a word
        // with a char that folds to letters, or vanishes, is folded alone.
        let mut seen = Vec::new();
        if changed_words(prose, &mut seen)
            .any(|word| self.anchored_folded(anchors, &fold(word).text))
        {
            return true;
        }
        // A form and a cue in one block of lines, as the marks of a whole text
        // find them.
        self.weak.is_some() && self.denial_marks(prose, lower).admits(0..prose.len())
    }

    /// Whether a text (whose ASCII letters `lower` has in lowercase) holds an
    /// anchor where one of its forms may stand, or a weekday's name as a whole
    /// word.
    fn anchored(&self, anchors: &Anchors, lower: &str) -> bool {
        anchors.is_match(lower) || self.names_weekday(lower)
    }

    /// [`Prefilter::anchored`] for a word folded alone, which is lowercase: its
    /// neighbours are not at hand, so an anchor anywhere in it counts.
    fn anchored_folded(&self, anchors: &Anchors, folded: &str) -> bool {
        anchors.occurs_in(folded) || self.names_weekday(folded)
    }

    /// The second step, exact: whether the folded prose holds a whole term form,
    /// a trigger's literal, a weekday's name or a directive, or `source` a
    /// directive.
    pub fn on_folded(&self, source: &str, prose: &str, folded: &str, search: &dyn Search) -> bool {
        if self.anchors.is_none() || self.directive_in_markup(source, prose) {
            return true;
        }
        self.directive.is_match(folded)
            || self.names_weekday(folded)
            || search.has_trigger_literal(folded)
            || search.has_term(folded, &|| denials::has_cue(folded))
    }

    /// Whether the markup around the prose holds a directive (an HTML comment).
    fn directive_in_markup(&self, source: &str, prose: &str) -> bool {
        !std::ptr::eq(source, prose) && self.directive.is_match(&*ascii_lower(source))
    }
}

/// `text` with its ASCII letters in lowercase, at the same offsets (borrowed
/// where it has no capital).
fn ascii_lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The longest run of ASCII letters and digits of a folded form.
fn anchor(part: &str) -> Option<&str> {
    part.split(|c: char| !c.is_ascii_alphanumeric())
        .max_by_key(|run| run.len())
        .filter(|run| !run.is_empty())
}

/// Whether a dash before a line break (spaces between them allowed) may join a
/// word across it: folding then makes letters meet that the prose keeps apart.
fn joins_across_lines(text: &str) -> bool {
    line_joins(text).next().is_some()
}

/// Each dash before a line break (spaces between them allowed) that may join a
/// word across it ([`line_join`]), to the line break included, in order.
pub(super) fn line_joins(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).filter_map(move |end| {
        let line = start;
        start = end + 1;
        line_join(&text[line..end], &text[end + 1..]).map(|at| line + at..end + 1)
    })
}

/// Where the dash that ends `line` (a line without its line break; spaces
/// after the dash allowed) starts, where folding may join a word across the
/// line break at it, `rest` being the text after the break. Folding joins the
/// halves of a word ("Bron-\nstein") only where the char before the dash folds
/// to a letter and the first char after the spaces is a lowercase letter (see
/// `fold_dash`), so an ASCII char that is neither on either side (the dashes of
/// a rule, "---"; a capital or a digit on the next line) leaves the dash a dash
/// or a space, which the anchors read as a char folding may change.
fn line_join(line: &str, rest: &str) -> Option<usize> {
    let line = line.trim_end_matches(is_space);
    let dash = line.chars().next_back().filter(|&c| is_dash(c))?;
    let at = line.len() - dash.len_utf8();
    let ascii_not =
        |c: Option<char>, letter: fn(&char) -> bool| c.is_none_or(|c| c.is_ascii() && !letter(&c));
    if ascii_not(line[..at].chars().next_back(), char::is_ascii_alphabetic)
        || ascii_not(
            rest.trim_start_matches(is_space).chars().next(),
            char::is_ascii_lowercase,
        )
    {
        return None;
    }
    Some(at)
}

/// The words of `text` (runs without ASCII whitespace) where folding may make
/// letters or digits the prose does not have: those with a char that folds to
/// one, or to nothing. Folding makes no letter across ASCII whitespace but at a
/// line-end hyphen (see [`joins_across_lines`]), so any letter it makes lies in
/// one of these words, folded alone. `seen` remembers chars already judged.
fn changed_words<'t>(
    text: &'t str,
    seen: &'t mut Vec<(char, bool)>,
) -> impl Iterator<Item = &'t str> + 't {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            // The next non-ASCII byte, and the word around it.
            let i = next_non_ascii(bytes, at)?;
            let start = bytes[at..i]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(at, |p| at + p + 1);
            let end = bytes[i..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |p| i + p);
            at = end;
            let word = &text[start..end];
            if !word.chars().all(|c| keeps_letters(c, seen)) {
                return Some(word);
            }
        }
    })
}

/// The first byte at or after `from` that is not ASCII: a block of bytes at a
/// time (most text is ASCII), then the byte in its block.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut start = from;
    while let Some(block) = bytes.get(start..start + BLOCK) {
        if !block.is_ascii() {
            break;
        }
        start += BLOCK;
    }
    bytes[start..]
        .iter()
        .position(|&b| !b.is_ascii())
        .map(|p| start + p)
}

/// Whether the char `c` folds to something that holds no ASCII letter or
/// digit (a quote, a dash, a space), so the letters around it stay as they are.
fn keeps_letters(c: char, seen: &mut Vec<(char, bool)>) -> bool {
    if c.is_ascii() || is_space(c) || is_dash(c) {
        return true;
    }
    if let Some(&(_, k)) = seen.iter().find(|(s, _)| *s == c) {
        return k;
    }
    let folded = fold(c.encode_utf8(&mut [0; 4])).text;
    let k = !folded.is_empty() && !folded.bytes().any(|b| b.is_ascii_alphanumeric());
    if seen.len() < 64 {
        seen.push((c, k));
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Matcher;
    use proptest::prelude::*;

    /// Term forms found by substring, no trigger: enough for these tests.
    struct Forms<'a>(&'a [&'a str]);

    impl Search for Forms<'_> {
        fn has_term(&self, folded: &str, _: &dyn Fn() -> bool) -> bool {
            self.0.iter().any(|f| folded.contains(f))
        }
        fn has_trigger_literal(&self, _: &str) -> bool {
            false
        }
    }

    /// A prefilter for term forms and, ending in a space as a term's form
    /// never does, trigger literals ("was born ").
    fn prefilter(parts: &[&str], weekdays: bool) -> Prefilter {
        let (literals, parts) = parts.iter().partition(|p| p.ends_with(' '));
        Prefilter::new(&Needs {
            parts,
            literals,
            weekdays,
            ..Needs::default()
        })
    }

    /// Whether `form` stands in `folded` as whole words, a plural ending
    /// allowed, as the scanner finds a term's form.
    fn stands_whole(folded: &str, form: &str) -> bool {
        let word = |c: char| c.is_alphanumeric();
        folded.match_indices(form).any(|(at, _)| {
            let rest = &folded[at + form.len()..];
            let rest = ["es", "s", ""]
                .iter()
                .find_map(|e| rest.strip_prefix(e).filter(|r| !r.starts_with(word)))
                .unwrap_or(rest);
            !folded[..at].ends_with(word) && !rest.starts_with(word)
        })
    }

    /// Both steps, as a document is built.
    fn admits(p: &Prefilter, forms: &[&str], source: &str, prose: &str) -> bool {
        p.on_prose(source, prose) && p.on_folded(source, prose, &fold(prose).text, &Forms(forms))
    }

    #[test]
    fn the_first_step_turns_away_prose_without_an_anchor() {
        let p = prefilter(&["ice pick", "was born "], false);
        assert!(p.on_prose("An ICE\n  PICK.", "An ICE\n  PICK."));
        // The anchor is the longest run: "pick", not "ice".
        assert!(!p.on_prose("An ICE.", "An ICE."));
        assert!(p.on_prose("He was Born there.", "He was Born there."));
        // An anchor admits only where its form may stand around it, as
        // whole words: plain ASCII around it says where it surely does not.
        for text in [
            "A PICK.",
            "a pickaxe",
            "an ice-cold pick",
            "nice pick",
            "ice picked",
        ] {
            assert!(!p.on_prose(text, text), "{text}");
        }
        // Where folding may change what is around it, it admits.
        for text in [
            "an ice-pick",
            "an \u{ed}ce pick",
            "an ice\u{a0}pick",
            "ice picks",
            "ice pi-\nck",
        ] {
            assert!(p.on_prose(text, text), "{text}");
        }
        assert!(!p.on_prose("Nothing of the sort.", "Nothing of the sort."));
    }

    #[test]
    fn the_second_step_needs_the_scanners_own_forms() {
        let p = prefilter(&["ice pick"], false);
        let forms = ["ice pick"];
        assert!(admits(&p, &forms, "An ICE\n  pick.", "An ICE\n  pick."));
        assert!(admits(&p, &forms, "An ice-pick.", "An ice-pick."));
        assert!(!admits(
            &p,
            &forms,
            "The ice melts, pick one.",
            "The ice melts, pick one."
        ));
    }

    #[test]
    fn weekdays_are_whole_words() {
        let p = prefilter(&["ice pick"], true);
        for text in [
            "On Sat. 3 May",
            "thurs 1 June",
            "SUNDAY",
            "(Wed)",
            "He sat down.",
            "friday",
            "MON 2 May",
            "a Tues.",
        ] {
            assert!(p.on_prose(text, text), "{text}");
            assert!(admits(&p, &[], text, text), "{text}");
        }
        for text in ["a monument", "sunlight", "frisky", "Wedding", "Tu 1 May"] {
            assert!(!p.on_prose(text, text), "{text}");
            assert!(!admits(&p, &[], text, text), "{text}");
        }
        // Without the weekday claim, weekdays are nothing.
        let p = prefilter(&["ice pick"], false);
        assert!(!p.on_prose("Sunday", "Sunday"));
    }

    #[test]
    fn words_that_fold_to_letters_are_folded_alone() {
        let p = prefilter(&["ice pick"], false);
        let forms = ["ice pick"];
        // An accented letter folds to an ASCII one: its word is folded.
        assert!(!p.on_prose("a rópe", "a rópe"));
        assert!(p.on_prose("a rópe, a píck", "a rópe, a píck"));
        assert!(p.on_prose("a pi\u{301}ck", "a pi\u{301}ck"));
        assert!(admits(&p, &forms, "an íce píck", "an íce píck"));
        // Quotes and dashes make no letter.
        let text = "it\u{2019}s \u{201c}a\u{201d} p\u{2013}ck";
        assert!(!p.on_prose(text, text));
        // A soft hyphen vanishes inside a word; a hyphen at the end of a line
        // joins a word.
        for text in [
            "the ice pi\u{ad}ck",
            "the ice pi-\nck",
            "the ice pi\u{2013} \nck",
        ] {
            assert!(p.on_prose(text, text), "{text:?}");
            assert!(admits(&p, &forms, text, text), "{text:?}");
        }
        // Any space between the hyphen and the line break.
        for text in [
            "the ice pi-\u{b}\nck",
            "the ice pi- \t\r\nck",
            "pi-\u{a0}\nck",
        ] {
            assert!(joins_across_lines(text), "{text:?}");
        }
        assert!(!joins_across_lines("a list:\n- one\n- two"));
        // Folding joins a word only between a char that folds to a letter and
        // a lowercase one: the dashes of a rule, a dash after a space or before
        // a capital, a digit or a blank line stay dashes or spaces.
        for text in [
            "--- Part 2 ---\n\nThe ice pick",
            "the ice -\nck",
            "the ice pi-\nCk",
            "the ice pi-\n7k",
            "pi-\n  (ck)",
            "pi-\n",
        ] {
            assert!(!joins_across_lines(text), "{text:?}");
        }
        // Where either side is not ASCII, folding may join.
        for text in [
            "the ice p\u{ed}-\nck",
            "pi-\n\u{e9}ck",
            "pi-\u{a0}\n\u{2003}ck",
        ] {
            assert!(joins_across_lines(text), "{text:?}");
        }
        // Typography that folds to punctuation or space changes no letter.
        let text = "It\u{2019}s \u{201c}quiet\u{201d}\u{a0}\u{2014} no axe.\n- a list";
        assert!(!p.on_prose(text, text));
    }

    #[test]
    fn a_directive_admits_the_document_in_prose_or_markup() {
        let p = prefilter(&["ice pick"], false);
        let source = "<p>Quiet.</p><!-- factlint: ignore[x] reason -->";
        assert!(admits(&p, &[], source, "Quiet."));
        assert!(admits(&p, &[], "Quiet. factlint: x", "Quiet. factlint: x"));
        assert!(!admits(&p, &[], "<p>Quiet.</p>", "Quiet."));
    }

    #[test]
    fn a_form_without_an_anchor_admits_every_document() {
        let p = prefilter(&["ice pick", "\u{43b}\u{435}\u{432}"], false);
        assert!(admits(&p, &[], "Nothing.", "Nothing."));
        let p = Prefilter::new(&Needs {
            parts: vec!["x"],
            ages: true,
            ..Needs::default()
        });
        assert!(admits(&p, &[], "Nothing.", "Nothing."));
    }

    #[test]
    fn the_matcher_admits_what_its_claims_search_for() {
        let toml = r#"
[[claim]]
id = "tool"
kind = "term"
value = "ice axe"
reject = ["ice pick"]

[[claim]]
id = "opened"
kind = "date"
value = "1932-03-19"
triggers = ['\bopened\b']
"#;
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), toml.into())])
            .unwrap_or_else(|f| panic!("claims parse: {:?}", f.errors));
        let m = Matcher::new(&claims).unwrap();
        let p = m.prefilter();
        let admits = |t: &str| p.on_prose(t, t) && p.on_folded(t, t, &fold(t).text, &m);
        assert!(admits("An Ice-Pick."));
        assert!(admits("It was reopened."));
        // A value may be denied.
        assert!(admits("Not an ice axe."));
        assert!(admits("It wasn\u{2019}t an ice axe."));
        assert!(admits("An ice axe, they say, is a myth."));
        assert!(admits("It is doubtful that it was an ice axe."));
        // Stated, it agrees with its claim.
        assert!(!admits("An ice axe."));
        assert!(!admits("Another ice axe, noted."));
        // The weekday claim is on by default.
        assert!(admits("On Monday."));
        assert!(!admits("A rope."));
        assert!(!admits("An icepick."));
    }

    #[test]
    fn a_form_no_claim_rejects_admits_only_beside_a_denials_cue() {
        let p = Prefilter::new(&Needs {
            parts: vec!["ice pick"],
            weak: vec!["ice axe"],
            ..Needs::default()
        });
        for (text, admitted) in [
            ("an ice axe", false),
            ("an ice axe, not a rope", true),
            ("NEVER an ICE AXE", true),
            ("an ice axe rather than a rope", true),
            ("an ice axe is unlikely", true),
            ("an ice axe wasn\u{b4}t", true),
            ("an \u{ed}ce axe, n\u{f3}t a rope", true),
            ("an ice axe, nothing2 else", false),
            ("an ice pick", true),
            // The cue must stand in the same block of lines as the form: a line
            // of nothing but whitespace ends every sentence.
            ("an ice axe.\n\nNot a rope.", false),
            ("an ice axe.\n \u{a0}\t\r\nNo.", false),
            ("an ice axe,\nnot a rope", true),
            ("No.\n\nAn ice axe\nrather than a rope.", true),
            ("an \u{ed}ce axe.\n\nn\u{f3}t a rope", false),
        ] {
            assert_eq!(p.on_prose(text, text), admitted, "{text:?}");
            let marks = p.marks(text);
            assert_eq!(marks.admits(0..text.len()), admitted, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// What either step turns away, a text or a paragraph of it, holds no
        /// finding: a form no claim rejects makes one only where its own
        /// sentence holds a denial's cue.
        #[test]
        fn what_the_prefilter_turns_away_holds_no_finding(
            s in "(an|ice axe|\u{ed}ce axe|Ice axe|ice pick|not|n\u{f3}t|No|no|rather than|it was|It was|\\.|\\. |e\\.g\\. |Mr\\. |,|\\?|!|\u{2026}| |\n|\n\n|\n\u{a0}\n|\n- |\"|\\(|\\)|x\\.Ice|http://a\\.b/ |1\\. ){0,16}"
        ) {
            let toml = "[[claim]]\nid = \"tool\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n";
            let claims = crate::claims::parse_claims(vec![("c.toml".into(), toml.into())]).unwrap();
            let m = Matcher::new(&claims).unwrap();
            let findings = |text: &str| {
                let doc = crate::document::Document::new("t.txt", text.to_string());
                crate::lint::lint_document(&doc, &claims, &m)
            };
            let whole = crate::document::Document::admitted("t.txt", s.clone(), crate::document::markup::Markup::Text, Some(&m));
            if whole.is_none() {
                prop_assert!(findings(&s).is_empty(), "{:?}", s);
            }
            let marks = m.prefilter().marks(&s);
            for r in crate::document::chunks::paragraph_parts(&s, 1) {
                if !marks.admits(r.clone()) {
                    prop_assert!(findings(&s[r.clone()]).is_empty(), "{:?}", &s[r]);
                }
            }
        }
    }

    #[test]
    fn the_next_non_ascii_byte_is_found_in_and_across_blocks() {
        let mut text = "a".repeat(70);
        text.push('é');
        text.push_str("bc");
        assert_eq!(next_non_ascii(text.as_bytes(), 0), Some(70));
        assert_eq!(next_non_ascii(text.as_bytes(), 71), Some(71));
        assert_eq!(next_non_ascii(text.as_bytes(), 72), None);
        assert_eq!(next_non_ascii(b"plain", 0), None);
        assert_eq!(next_non_ascii(b"", 0), None);
    }

    proptest! {
        /// Wherever the first step turns a document away, the folded text holds
        /// none of the anchors' forms as whole words (a plural ending allowed).
        #[test]
        fn a_document_turned_away_folds_to_no_form(
            s in "(ice|pick|PICK|strasse|fine|s|es|[a-zA-Z]|[0-9]| |  |í|é|Í|\u{ad}|\u{2019}|\u{2013}|\u{a0}|\u{301}|\u{fb01}|ß|\\.|`|'|\t|\n|\n\n|-){0,30}"
        ) {
            let forms = ["ice", "pick", "ice pick", "fine", "strasse"];
            let p = prefilter(&forms, false);
            if !p.on_prose(&s, &s) {
                let folded = fold(&s).text;
                for f in forms {
                    prop_assert!(!stands_whole(&folded, f), "{s:?} folds to {folded:?}");
                }
            }
        }

        /// Nor does it hold a weekday's name as a whole word, nor a weekday the
        /// date reader writes with a date: a word that only starts like a
        /// weekday's name ("Frida", "Satire") admits nothing.
        #[test]
        fn a_document_turned_away_names_and_dates_no_weekday(
            s in "(Sun|SUNDAY|d[aá]y|T\u{fa}e|sd\u{301}ay|On |Sat|S\u{e1}t|Frida|FRIDAY|Satire|Wed|\u{ad}|\u{2019}|\u{2013}|-|-\n| |\t|\n|\u{a0}|a|\u{e9}|\\.|,| 3 May 1913| 17 December 1903|\\(|\\)){0,12}"
        ) {
            let p = prefilter(&["ice pick"], true);
            if !p.on_prose(&s, &s) {
                let folded = fold(&s).text;
                let named = weekday_starts(&folded)
                    .into_iter()
                    .any(|at| weekday_word_at(folded.as_bytes(), at).is_some());
                let dated = crate::extract::date::extract_dates(&folded)
                    .iter()
                    .any(|d| d.weekday.is_some());
                prop_assert!(!named && !dated, "{s:?} folds to {folded:?}");
            }
        }
    }
}

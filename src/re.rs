//! The built-in regexes (dates, numbers, cues): the `regex` crate's `Regex`
//! API, compiled in two steps.
//!
//! `regex::Regex::new` compiles every engine of the regex crate at once: a
//! forward and a reverse automaton, a lazy DFA, a one-pass DFA for groups and a
//! literal prefilter. Compiling the few dozen regexes a first document reaches
//! was a third of a short run (a pre-commit hook's few files), and most of them
//! then read a few sentences. A [`Regex`] is compiled first with the forward
//! automaton alone (searched by the bounded backtracker or the PikeVM), and
//! again with every engine, as `regex::Regex` has them, once it has read
//! [`FIRST_BYTES`] of text. Every engine finds the same matches with the same
//! groups, so the step a search takes changes nothing it finds.
//!
//! The first step compiles the pattern with its classes cut to ASCII (and its
//! word boundaries ASCII ones) for the texts that are ASCII around the search,
//! most sentences: there a class matches no other char and a Unicode word
//! boundary marks the places an ASCII one does, so both find the same matches.
//! `\d`, `\w`, `.` and a negated class are hundreds of ranges of every script,
//! most of what compiling a built-in regex costs; cut to ASCII they are a few.
//! A text with other chars is searched with the pattern as written, its first
//! step compiled on need.

use std::ops::{Index, Range};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use regex_automata::meta;
use regex_automata::util::captures;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// The text a regex reads with the forward automaton alone before it is
/// compiled with every engine: more than the sentences of a short document,
/// which a built-in regex may read each in turn. A long run compiles the
/// regexes it reaches twice and reads their first bytes with the slower
/// engines: measured with `claims/trotsky.toml` on one part of the benchmark
/// corpus (10 MB), 4 KiB cost 3.0% more (16 KiB, 7.7%); the 2 KB file of the
/// start-up figure needs no regex past 4 KiB.
pub const FIRST_BYTES: usize = 4 << 10;

/// A compiled regex with the `regex` crate's API (the part factlint uses).
pub struct Regex {
    pattern: String,
    /// The regexes of the first step, while the regex has read less than
    /// [`FIRST_BYTES`]; dropped, with their automata and caches, once every
    /// engine is compiled. Searched under the lock: a search of one reads a
    /// sentence or two, and an iterator's matches are collected at once.
    first: Mutex<Option<First>>,
    all: OnceLock<meta::Regex>,
    read: AtomicUsize,
}

/// The forward automata of the first step.
struct First {
    /// The pattern with its classes cut to ASCII, for ASCII text.
    ascii: meta::Regex,
    /// The pattern as written, for other text: compiled on need.
    unicode: Option<meta::Regex>,
}

/// The compiled regex a search takes.
enum Engines<'r> {
    /// Every engine.
    All(&'r meta::Regex),
    /// The forward automaton alone, locked for the search: the ASCII one or
    /// the one as written.
    First(MutexGuard<'r, Option<First>>, bool),
}

impl Engines<'_> {
    fn regex(&self) -> &meta::Regex {
        match self {
            Engines::All(all) => all,
            Engines::First(first, ascii) => {
                let first = first.as_ref().expect("a regex not yet dropped");
                match ascii {
                    true => &first.ascii,
                    false => first.unicode.as_ref().expect("compiled for the search"),
                }
            }
        }
    }
}

impl Regex {
    /// Compiles `pattern` as `regex::Regex::new` does (the same syntax, limits
    /// and errors), with the forward automaton alone.
    pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
        let hir = parse(pattern)?;
        // The automaton as written is compiled now where it might pass the
        // size limit, for `regex::Regex::new`'s error; the ASCII one is
        // smaller.
        let unicode = match crate::claims::pattern::nfa_bound(&hir) > NFA_SIZE_LIMIT {
            true => Some(build(&hir, false)?),
            false => None,
        };
        let ascii = build(&ascii_hir(hir), false)?;
        Ok(Regex {
            pattern: pattern.to_string(),
            first: Mutex::new(Some(First { ascii, unicode })),
            all: OnceLock::new(),
            read: AtomicUsize::new(0),
        })
    }

    /// The pattern it was compiled from.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled regex for a search of `text` from `start` (see the module
    /// docs).
    fn engines(&self, text: &str, start: usize) -> Engines<'_> {
        if let Some(all) = self.all.get() {
            return Engines::All(all);
        }
        let bytes = text.len().saturating_sub(start);
        let read = self.read.fetch_add(bytes, Ordering::Relaxed);
        if read.saturating_add(bytes) <= FIRST_BYTES {
            let mut first = self.first.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(steps) = first.as_mut() {
                // The byte before the start too: look-around reads the char
                // before it, whose last byte tells whether it is ASCII.
                let ascii = text.as_bytes()[start.saturating_sub(1).min(text.len())..].is_ascii();
                if !ascii && steps.unicode.is_none() {
                    steps.unicode = Some(self.as_written(false));
                }
                return Engines::First(first, ascii);
            }
        }
        let all = self.all.get_or_init(|| self.as_written(true));
        drop(
            self.first
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take(),
        );
        Engines::All(all)
    }

    /// The pattern as written compiled again, with every engine or the
    /// forward automaton alone. Parsed again rather than kept: the tree of a
    /// class of every script's letters is kilobytes, and few runs compile a
    /// regex twice.
    fn as_written(&self, every_engine: bool) -> meta::Regex {
        parse(&self.pattern)
            .and_then(|hir| build(&hir, every_engine))
            .expect("a regex that compiled compiles again")
    }

    /// Whether the regex matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.engines(text, 0).regex().is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.find_at(text, 0)
    }

    /// The first match in `text` that starts at or after `start` (the text
    /// before it still seen by look-around, as `\b`).
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        let input = regex_automata::Input::new(text).range(start..);
        self.engines(text, start)
            .regex()
            .search(&input)
            .map(|m| Match::new(text, m.range()))
    }

    /// Every match in `text`, each after the end of the one before.
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        let found = move |m: regex_automata::Match| Match::new(text, m.range());
        match self.engines(text, 0) {
            Engines::All(all) => Either::Lazy(all.find_iter(text).map(found)),
            first => Either::Read(
                first
                    .regex()
                    .find_iter(text)
                    .map(found)
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
        }
    }

    /// The first match in `text`, with its groups.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_at(text, 0)
    }

    /// The first match in `text` that starts at or after `start`, with its
    /// groups.
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let engines = self.engines(text, start);
        let re = engines.regex();
        let mut caps = re.create_captures();
        re.search_captures(&regex_automata::Input::new(text).range(start..), &mut caps);
        caps.is_match().then_some(Captures { text, caps })
    }

    /// Every match in `text` with its groups, each after the end of the one
    /// before.
    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        let found = move |caps| Captures { text, caps };
        match self.engines(text, 0) {
            Engines::All(all) => Either::Lazy(all.captures_iter(text).map(found)),
            first => Either::Read(
                first
                    .regex()
                    .captures_iter(text)
                    .map(found)
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
        }
    }
}

/// The matches of a search: found as they are asked for, or found already.
enum Either<L, R> {
    Lazy(L),
    Read(R),
}

impl<T, L: Iterator<Item = T>, R: Iterator<Item = T>> Iterator for Either<L, R> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Lazy(l) => l.next(),
            Either::Read(r) => r.next(),
        }
    }
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Regex").field(&self.pattern).finish()
    }
}

/// The pattern, as `regex::Regex` writes itself.
impl std::fmt::Display for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pattern)
    }
}

/// Parses `pattern` as `regex::Regex::new` does.
pub(crate) fn parse(pattern: &str) -> Result<Hir, regex::Error> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| regex::Error::Syntax(e.to_string()))
}

/// Compiles `hir` with `regex::Regex`'s settings: with every engine, or with
/// the forward automaton alone.
fn build(hir: &Hir, every_engine: bool) -> Result<meta::Regex, regex::Error> {
    let config = regex_crate_config()
        .hybrid(every_engine)
        .onepass(every_engine)
        .auto_prefilter(every_engine);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => regex::Error::CompiledTooBig(limit),
            None => regex::Error::Syntax(e.to_string()),
        })
}

/// The settings `regex::Regex` compiles with: its size limits, and the meta
/// regex's defaults (leftmost-first, no empty match inside a char).
pub(crate) fn regex_crate_config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .hybrid_cache_capacity(2 * (1 << 20))
}

/// `regex::Regex`'s limit on the memory of building an automaton.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// `hir` for ASCII text: each class cut to its ASCII chars, each Unicode word
/// boundary an ASCII one. On a text whose chars are all ASCII it matches where
/// `hir` does, with the same groups.
pub(crate) fn ascii_hir(hir: Hir) -> Hir {
    let cut = |class: ClassUnicode| {
        // The ranges are in order: the ASCII ones come first.
        let ascii = class
            .ranges()
            .iter()
            .take_while(|r| r.start().is_ascii())
            .map(|r| ClassUnicodeRange::new(r.start(), r.end().min('\x7f')));
        ClassUnicode::new(ascii)
    };
    rewrite_wide(hir, &cut, &ascii_look)
}

/// `hir` with each class that holds a non-ASCII char rewritten by `class`, and
/// each look-around by `look`; a part with neither is kept as it is, not built
/// again.
pub(crate) fn rewrite_wide(
    hir: Hir,
    class: &impl Fn(ClassUnicode) -> ClassUnicode,
    look: &impl Fn(Look) -> Look,
) -> Hir {
    if !has_wide(&hir, look) {
        return hir;
    }
    let again = |h: Hir| rewrite_wide(h, class, look);
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(c)) => Hir::class(Class::Unicode(class(c))),
        HirKind::Look(l) => Hir::look(look(l)),
        HirKind::Repetition(mut rep) => {
            rep.sub = Box::new(again(*rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(mut cap) => {
            cap.sub = Box::new(again(*cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(again).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(again).collect()),
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Literal(_) => {
            unreachable!("a part with nothing to rewrite is kept")
        }
    }
}

/// Whether `hir` holds a class with a non-ASCII char, or a look-around that
/// `look` changes.
fn has_wide(hir: &Hir, look: &impl Fn(Look) -> Look) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => !c.is_ascii(),
        HirKind::Look(l) => look(*l) != *l,
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Literal(_) => false,
        HirKind::Repetition(rep) => has_wide(&rep.sub, look),
        HirKind::Capture(cap) => has_wide(&cap.sub, look),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(|h| has_wide(h, look))
        }
    }
}

/// A word boundary's ASCII form; any other look-around as it is.
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// One match: where it is in the text searched, and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(text: &'h str, range: Range<usize>) -> Match<'h> {
        Match {
            text,
            start: range.start,
            end: range.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.range()]
    }
}

/// A match's groups.
pub struct Captures<'h> {
    text: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), where it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps
            .get_group(i)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// The group named `name`, where it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// How many groups the regex has, the whole match's included.
    pub fn len(&self) -> usize {
        self.caps.group_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

impl Index<&str> for Captures<'_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Patterns of the kinds the built-in regexes write: groups, named groups,
    /// alternations, word boundaries, classes of every script, repetitions that
    /// may match nothing.
    const PATTERNS: [&str; 12] = [
        r"\b(?P<n>\d{1,3}) (?P<u>days?|weeks?)\b",
        r"(?:about|around) (\d+)",
        r"\b\w+ed\b",
        r"(?i)\bsaint\b|\bst\.?",
        r"a*",
        r"(?P<x>[^\s]+)?\s*(?P<y>\p{Lu}\w*)",
        r"^\s*-|—$",
        r"(?m)^(?P<head>[a-z]+):",
        r"(?i)\b[ks]\w\B",
        r"[^,;:]{1,5}\b\.",
        r"\p{Cyrillic}|\p{Greek}+|x",
        r"(?-u:\b)\d+(?-u:\B)",
    ];

    /// What `re` finds in `text` (each match, with its groups), as
    /// `regex::Regex` finds it.
    fn found_by_regex_crate(re: &regex::Regex, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        re.captures_iter(text)
            .map(|c| (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect()
    }

    fn found(re: &Regex, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        re.captures_iter(text)
            .map(|c| (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect()
    }

    /// Every search of `ours` and `theirs` on `text` agrees.
    fn agree(ours: &Regex, theirs: &regex::Regex, text: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(found(ours, text), found_by_regex_crate(theirs, text));
        prop_assert_eq!(ours.is_match(text), theirs.is_match(text));
        let mine: Vec<Range<usize>> = ours.find_iter(text).map(|m| m.range()).collect();
        let crate_: Vec<Range<usize>> = theirs.find_iter(text).map(|m| m.range()).collect();
        prop_assert_eq!(mine, crate_);
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            prop_assert_eq!(
                ours.find_at(text, start).map(|m| m.range()),
                theirs.find_at(text, start).map(|m| m.range())
            );
            prop_assert_eq!(
                ours.captures_at(text, start)
                    .map(|c| c.get(0).map(|m| m.range())),
                theirs
                    .captures_at(text, start)
                    .map(|c| c.get(0).map(|m| m.range()))
            );
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn both_steps_find_what_the_regex_crate_finds(
            k in 0..PATTERNS.len(),
            text in "[a-zA-Z0-9 .:—\u{e9}\u{416}\n-]{0,40}",
        ) {
            let theirs = regex::Regex::new(PATTERNS[k]).unwrap();
            let ours = Regex::new(PATTERNS[k]).unwrap();
            agree(&ours, &theirs, &text)?;
            prop_assert!(ours.all.get().is_none());
            ours.is_match(&" ".repeat(FIRST_BYTES + 1));
            prop_assert!(ours.all.get().is_some());
            prop_assert!(ours.first.lock().unwrap().is_none());
            agree(&ours, &theirs, &text)?;
        }
    }

    proptest! {
        #[test]
        fn the_ascii_first_step_finds_on_ascii_text_what_the_regex_crate_finds(
            k in 0..PATTERNS.len(),
            text in "[a-zA-Z0-9 .,:;\n-]{0,40}",
        ) {
            let theirs = regex::Regex::new(PATTERNS[k]).unwrap();
            let ours = Regex::new(PATTERNS[k]).unwrap();
            agree(&ours, &theirs, &text)?;
            let first = ours.first.lock().unwrap();
            prop_assert!(first.as_ref().unwrap().unicode.is_none());
        }
    }

    #[test]
    fn a_search_after_other_chars_reads_them_as_written() {
        // The char before the start is a letter to a Unicode word boundary.
        let re = Regex::new(r"\bx").unwrap();
        assert_eq!(re.find_at("éx x", 2).map(|m| m.range()), Some(4..5));
        assert!(re.first.lock().unwrap().as_ref().unwrap().unicode.is_some());
        let re = Regex::new(r"\bx").unwrap();
        assert_eq!(re.find_at("éx x", 3).map(|m| m.range()), Some(4..5));
        assert!(re.first.lock().unwrap().as_ref().unwrap().unicode.is_none());
        assert_eq!(re.find("ñx x").map(|m| m.range()), Some(4..5));
    }

    #[test]
    fn classes_cut_to_ascii_keep_their_ascii_chars() {
        let cut = |p: &str| ascii_hir(parse(p).unwrap());
        let hir = |p: &str| parse(p).unwrap();
        assert_eq!(cut(r"\d"), hir("[0-9]"));
        assert_eq!(cut(r"(?i)k"), hir("[Kk]"));
        assert_eq!(cut(r"[^a-y]"), hir(r"[\x00-`z-\x7F]"));
        assert_eq!(cut(r"\p{Greek}"), Hir::fail());
        assert_eq!(cut(r"(?P<w>\bé\b)+"), hir(r"(?P<w>(?-u:\b)é(?-u:\b))+"));
    }

    #[test]
    fn groups_read_by_name_and_index() {
        let re = Regex::new(r"(?P<n>\d+) (?P<u>days?)|(?P<w>weeks?)").unwrap();
        let c = re.captures("in 3 days").unwrap();
        assert_eq!(&c["n"], "3");
        assert_eq!(&c[2], "days");
        assert_eq!(c.name("w"), None);
        assert_eq!(
            c.get(0).map(|m| (m.start(), m.end(), m.as_str())),
            Some((3, 9, "3 days"))
        );
        assert_eq!(c.len(), 4);
        assert_eq!(re.as_str(), r"(?P<n>\d+) (?P<u>days?)|(?P<w>weeks?)");
    }

    #[test]
    fn errors_read_as_the_regex_crates() {
        for p in [r"(unclosed", r"\p{NoSuchClass}", r"a{2,1}", r"\w{100000}"] {
            let ours = Regex::new(p).expect_err("an error").to_string();
            let theirs = regex::Regex::new(p).expect_err("an error").to_string();
            assert_eq!(ours, theirs, "{p}");
        }
    }
}

//! Claim regexes (`triggers`, `context`): checked when the claims are loaded,
//! compiled the first time a document needs them.
//!
//! Loading parses each regex (in the folded form documents are matched in) with the
//! settings it is compiled with, so a syntax error is reported at its span as
//! before. Compiling waits until a trigger's literal occurs in a document, or a
//! claim's context is asked about: a run compiles only the regexes its documents
//! reach. The size limit is checked at load without compiling, by a bound on the
//! automaton's size; a regex whose bound passes the limit is compiled at load, so
//! a regex too big is still an error of the claims file.
//!
//! Most regexes are not even translated at load (the syntax tree made into the
//! tree the compiler reads, with every char's case variants): where the syntax
//! tree holds nothing that translating may refuse (a Unicode class, which may
//! name no class, or Unicode turned off), and its own bound is within the
//! limit ([`bound::ast_bound`]), the tree is kept and translated on first need.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

use super::required::Required;
use super::word::Word;
use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition, translate,
};

mod bound;
pub(crate) use bound::nfa_bound;

/// Regexes are compiled with a size limit so that a claims file cannot make a run
/// use unbounded memory.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Compiles a folded trigger or context regex, as a claim's regexes are compiled.
pub(crate) fn compile_folded(folded: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(folded)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// A folded regex that compiles: its pattern, its syntax tree and, where
/// loading needed it, its case-insensitive tree.
pub(crate) struct Checked {
    pattern: String,
    ast: Ast,
    hir: OnceLock<Hir>,
}

/// Checks a folded regex as [`compile_folded`] would, compiling it only where its
/// size cannot be bounded below the limit. The error is the compiler's.
pub(crate) fn check_folded(folded: &str) -> Result<Checked, regex::Error> {
    let ast = ast::parse::Parser::new()
        .parse(folded)
        .map_err(|e| regex::Error::Syntax(regex_syntax::Error::from(e).to_string()))?;
    let hir = OnceLock::new();
    if bound::ast_bound(&ast).is_none_or(|b| b > REGEX_SIZE_LIMIT) {
        let tree = translated(folded, &ast, true).map_err(regex::Error::Syntax)?;
        if bound::nfa_bound(&tree) > REGEX_SIZE_LIMIT {
            compile_folded(folded)?;
        }
        let _ = hir.set(tree);
    }
    Ok(Checked {
        pattern: folded.to_string(),
        ast,
        hir,
    })
}

/// The tree of `ast` (parsed from `pattern`), case-insensitive or not, as the
/// regex crate's parser makes it; the error as the parser writes it.
fn translated(pattern: &str, ast: &Ast, case_insensitive: bool) -> Result<Hir, String> {
    translate::TranslatorBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .translate(pattern, ast)
        .map_err(|e| regex_syntax::Error::from(e).to_string())
}

/// One trigger or context regex of a claim: its folded pattern, compiled on
/// first use for the folded text it is matched in.
///
/// Folded text holds no character that lowercasing changes and no space but the
/// plain one, so the compiled regex is the case-insensitive one with its classes
/// narrowed (or widened) by such characters: "Died" is the literal `died`,
/// searched for as such; `[a-z]` keeps the long `ſ` that matches `s` but loses
/// `K`, the Kelvin sign; `\s` is a space, `\S` anything but a space. On folded
/// text it finds exactly what the case-insensitive regex finds.
///
/// Before it is compiled, a search first asks whether the text holds the
/// literals every match needs ([`Required`]): where it lacks them the answer is
/// no match, and a regex no text of a run can match is never compiled.
///
/// It is compiled in two steps: first without the lazy DFA ([`Engines::Nfa`]:
/// one automaton, searched by backtracking), which is half the compiling and
/// none of the DFA's states to build, and read a sentence at a time quickly
/// enough; once it has read [`NFA_BYTES`] of text, with the lazy DFA as well
/// ([`Engines::All`]), which reads each byte once. The first step compiles the
/// regex for ASCII text with its classes cut to ASCII ([`Engines::NfaAscii`],
/// see [`crate::re`]), and as written for a text with other chars, each on
/// need. Every one finds the same matches; a short run (a pre-commit hook's
/// few files) pays only for the first step.
///
/// Clones share one compiled regex: a pattern that several claims write is
/// compiled once.
#[derive(Clone)]
pub struct ClaimRegex {
    inner: Arc<Inner>,
}

struct Inner {
    pattern: String,
    ast: Ast,
    /// The case-insensitive tree, translated on first need.
    hir: OnceLock<Hir>,
    /// The word it is, where it is one literal between word boundaries: found
    /// by a substring search, never compiled (read on first use).
    word: OnceLock<Option<Word>>,
    required: OnceLock<Required>,
    /// The regex without the lazy DFA, while it has read little text: for
    /// ASCII text with its classes cut to ASCII (see [`crate::re`]), and as
    /// written for other text.
    nfa_ascii: OnceLock<meta::Regex>,
    nfa: OnceLock<meta::Regex>,
    /// The regex with every engine, once it has read [`NFA_BYTES`].
    compiled: OnceLock<meta::Regex>,
    /// Bytes of text searched without the lazy DFA.
    read: AtomicUsize,
}

/// The text a claim regex reads without the lazy DFA before it is compiled
/// with it: a sentence or two. Most regexes a short run reaches read less; a
/// long run compiles the regexes it reaches twice and backtracks through their
/// first bytes (measured with `claims/trotsky.toml`: 256 bytes cost a part of
/// the benchmark corpus 0.6% more and save the 2 KB file 9%; 16 KiB cost 2.6%).
pub(crate) const NFA_BYTES: usize = 256;

impl ClaimRegex {
    pub(crate) fn new(checked: Checked) -> ClaimRegex {
        ClaimRegex {
            inner: Arc::new(Inner {
                pattern: checked.pattern,
                ast: checked.ast,
                hir: checked.hir,
                word: OnceLock::new(),
                required: OnceLock::new(),
                nfa_ascii: OnceLock::new(),
                nfa: OnceLock::new(),
                compiled: OnceLock::new(),
                read: AtomicUsize::new(0),
            }),
        }
    }

    /// Whether the regex matches somewhere in the folded `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.word_answer(text)
            .unwrap_or_else(|| self.may_match(text) && self.regex(text).is_match(text))
    }

    /// Whether the regex matches in `text`, where the search for its word
    /// answers that; `None` where the regex is no word or must read `text`.
    fn word_answer(&self, text: &str) -> Option<bool> {
        self.word()
            .and_then(|w| w.find_iter(text))
            .map(|mut found| found.next().is_some())
    }

    /// Every match in the folded `text`, as the compiled regex finds them.
    pub fn find_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = regex_automata::Match> + use<'r, 'h> {
        let by_word = self.word().and_then(|w| w.find_iter(text));
        let by_regex =
            (by_word.is_none() && self.may_match(text)).then(|| self.regex(text).find_iter(text));
        by_word
            .into_iter()
            .flatten()
            .chain(by_regex.into_iter().flatten())
    }

    /// The word the regex is, where it is one literal between word boundaries.
    fn word(&self) -> Option<&Word> {
        let inner = &*self.inner;
        inner
            .word
            .get_or_init(|| Word::of(self.hir(), |h| for_folded(h.clone())))
            .as_ref()
    }

    /// Whether the regex has been compiled, with or without the lazy DFA.
    #[cfg(test)]
    pub(crate) fn is_compiled(&self) -> bool {
        self.inner.nfa_ascii.get().is_some()
            || self.inner.nfa.get().is_some()
            || self.inner.compiled.get().is_some()
    }

    /// Whether `self` and `other` are one regex, compiled once.
    #[cfg(test)]
    pub(crate) fn shares(&self, other: &ClaimRegex) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// Whether the regex may match in the folded `text`: `false` only where no
    /// match can be there. Compiles nothing: a word is looked for, any other
    /// regex answers by the literals every match needs.
    pub fn may_match_in(&self, text: &str) -> bool {
        self.word_answer(text)
            .unwrap_or_else(|| self.may_match(text))
    }

    /// Whether the regex may match in the folded `text`, as
    /// [`ClaimRegex::may_match_in`] answers, but exactly where the regex is
    /// compiled already for such a text. Compiles nothing.
    pub fn may_match_compiled(&self, text: &str) -> bool {
        if let Some(answer) = self.word_answer(text) {
            return answer;
        }
        if !self.may_match(text) {
            return false;
        }
        let compiled = self.inner.compiled.get();
        compiled
            .or_else(|| self.first_step(text).0.get())
            .is_none_or(|r| r.is_match(text))
    }

    /// Whether `text` holds the literals every match needs.
    fn may_match(&self, text: &str) -> bool {
        let inner = &*self.inner;
        inner
            .required
            .get_or_init(|| Required::of(self.hir(), foldable))
            .admits(text)
    }

    /// The case-insensitive tree, translated now if this is its first need. A
    /// tree that loading checked translates; should it not, the regex matches
    /// nothing rather than stopping the run.
    fn hir(&self) -> &Hir {
        let inner = &*self.inner;
        inner.hir.get_or_init(|| {
            translated(&inner.pattern, &inner.ast, true).unwrap_or_else(|_| Hir::fail())
        })
    }

    /// The case-sensitive tree of the folded pattern (the trigger index reads
    /// its literal prefixes), translated from the syntax tree loading kept.
    pub(crate) fn case_sensitive_hir(&self) -> Option<Hir> {
        translated(&self.inner.pattern, &self.inner.ast, false).ok()
    }

    /// The folded pattern as the claims file gives it; compiles nothing.
    pub fn as_str(&self) -> &str {
        &self.inner.pattern
    }

    /// The compiled regex to search `text` with, compiled now if this is its
    /// first use: without the lazy DFA until [`NFA_BYTES`] of text have been
    /// searched, then with it.
    fn regex(&self, text: &str) -> &meta::Regex {
        let inner = &*self.inner;
        if let Some(all) = inner.compiled.get() {
            return all;
        }
        let read = inner.read.fetch_add(text.len(), Ordering::Relaxed);
        if read.saturating_add(text.len()) > NFA_BYTES {
            inner
                .compiled
                .get_or_init(|| compile_for_folded(self.hir(), Engines::All))
        } else {
            let (step, engines) = self.first_step(text);
            step.get_or_init(|| compile_for_folded(self.hir(), engines))
        }
    }

    /// The first step (without the lazy DFA) that searches `text`, and its
    /// engines: the one of ASCII classes for ASCII text.
    fn first_step(&self, text: &str) -> (&OnceLock<meta::Regex>, Engines) {
        if text.is_ascii() {
            (&self.inner.nfa_ascii, Engines::NfaAscii)
        } else {
            (&self.inner.nfa, Engines::Nfa)
        }
    }
}

/// The regex of a case-insensitive tree, for folded text: its classes without
/// the characters folded text cannot hold, and the regex crate's settings for a
/// search that reads no groups. A tree whose case-insensitive regex compiled
/// compiles (it only loses characters); should it not, the regex matches nothing
/// rather than stopping the run.
///
/// Without the regex crate's prefilter (a literal searcher built from the
/// regex's prefixes, often an automaton): a claim regex is searched only in a
/// sentence that holds its literals already ([`Required`], the trigger index),
/// where the prefilter skips little, and building it was a third of compiling.
fn compile_for_folded(hir: &Hir, engines: Engines) -> meta::Regex {
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(2 * (1 << 20))
        .which_captures(WhichCaptures::Implicit)
        .auto_prefilter(false)
        .dfa(false)
        .hybrid(engines == Engines::All)
        .onepass(false);
    let build = |h: &Hir| {
        meta::Builder::new()
            .configure(config.clone())
            .build_from_hir(h)
            .ok()
    };
    let folded = for_folded(hir.clone());
    match engines {
        Engines::NfaAscii => build(&crate::re::ascii_hir(folded)),
        Engines::Nfa | Engines::All => build(&folded),
    }
    .or_else(|| build(&Hir::fail()))
    .expect("a regex that matches nothing compiles")
}

/// Which of the regex crate's engines a claim regex is compiled with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Engines {
    /// The automaton alone, searched by the bounded backtracker (or the
    /// PikeVM on a long text): no reverse automaton, no lazy DFA.
    Nfa,
    /// The same, with the classes cut to ASCII, for ASCII text.
    NfaAscii,
    /// The lazy DFA as well, forward and reverse.
    All,
}

/// Whether folded text may hold `c`: lowercasing leaves it as it is, and it is
/// no space but the plain one (folding writes every run of spaces as one).
fn foldable(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none() && (c == ' ' || !c.is_whitespace())
}

/// Classes of at most this many characters lose those that folded text cannot
/// hold; a larger one (`\w`, `\S`) keeps them or gains the spaces it lacks,
/// whichever compiles smaller.
const SMALL_CLASS: u32 = 64;

/// The spaces folded text cannot hold: every white space but the plain space.
static OTHER_SPACES: LazyLock<ClassUnicode> = LazyLock::new(|| {
    ClassUnicode::new(
        (0..=0x3000_u32)
            .filter_map(char::from_u32)
            .filter(|&c| c.is_whitespace() && c != ' ')
            .map(|c| ClassUnicodeRange::new(c, c)),
    )
});

/// `hir` with its classes narrowed or widened by characters folded text cannot
/// hold, which changes nothing it finds there; a class left with one character
/// becomes a literal.
pub(super) fn for_folded(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(c)) => Hir::class(Class::Unicode(folded_class(c))),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(for_folded(*rep.sub)),
            ..rep
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(for_folded(*cap.sub)),
            ..cap
        }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(for_folded).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(for_folded).collect()),
    }
}

/// A class that matches in folded text what `class` matches: a small one
/// without the characters folded text cannot hold, a large one with or without
/// the spaces folded text cannot hold, whichever has fewer ranges (`\S` becomes
/// "anything but a space").
fn folded_class(class: ClassUnicode) -> ClassUnicode {
    let size: u32 = class
        .iter()
        .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
        .sum();
    if size <= SMALL_CLASS {
        return ClassUnicode::new(
            class
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .filter(|&c| foldable(c))
                .map(|c| ClassUnicodeRange::new(c, c)),
        );
    }
    let mut with = class.clone();
    with.union(&OTHER_SPACES);
    let mut without = class.clone();
    without.difference(&OTHER_SPACES);
    [with, without]
        .into_iter()
        .min_by_key(|c| c.ranges().len())
        .filter(|c| c.ranges().len() < class.ranges().len())
        .unwrap_or(class)
}

impl fmt::Debug for ClaimRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ClaimRegex")
            .field(&self.inner.pattern)
            .finish()
    }
}

/// The case-insensitive tree of `pattern`, as loading translates it (for tests).
#[cfg(test)]
pub(crate) fn case_insensitive_hir(pattern: &str) -> Hir {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::case_insensitive_hir as hir;

    #[test]
    fn a_regex_is_translated_at_load_only_where_its_syntax_tree_cannot_tell() {
        let kept = check_folded(r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?siberia").unwrap();
        assert!(kept.hir.get().is_none());
        for p in [r"\blicen[cs]e\b", r"\p{Greek}", r"(?-u:a)b"] {
            assert!(check_folded(p).unwrap().hir.get().is_some(), "{p}");
        }
        // Translated on first need, as loading would have.
        let r = ClaimRegex::new(kept);
        assert!(r.is_match("she escaped from siberia"));
        assert_eq!(
            r.hir().to_string(),
            hir(r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?siberia").to_string()
        );
    }

    #[test]
    fn a_regex_too_big_is_an_error_at_load() {
        let e = check_folded(r"\w{1000}").err().expect("too big");
        assert!(matches!(e, regex::Error::CompiledTooBig(_)), "{e}");
        assert_eq!(
            e.to_string(),
            compile_folded(r"\w{1000}").unwrap_err().to_string()
        );
        // Big, but within the limit.
        let r = ClaimRegex::new(check_folded(r"\w{12}").expect("fits"));
        assert!(r.is_match(&"x".repeat(12)));
        assert!(!r.is_match(&"x".repeat(11)));
    }

    #[test]
    fn repetitions_nested_past_any_bound_are_measured_without_overflow() {
        // Each level doubles the bound until it saturates; the compiler then
        // decides, as for any regex whose bound passes the limit.
        let nested = format!("berg{}en", "+".repeat(80));
        assert!(check_folded(&nested).is_ok());
        let e = check_folded(r"(?:(?:(?:a{50}){50}){50}){50}")
            .err()
            .expect("too big");
        assert!(matches!(e, regex::Error::CompiledTooBig(_)), "{e}");
    }

    #[test]
    fn a_syntax_error_reads_as_the_compilers() {
        for p in [
            r"(unclosed",
            r"a{2,1}",
            r"\p{NoSuchClass}",
            r"[z-a]",
            r"a{1000000}",
            r"(?P<n>a)(?P<n>b)",
            &"(".repeat(300),
        ] {
            let checked = check_folded(p).err().expect("invalid").to_string();
            assert_eq!(checked, compile_folded(p).unwrap_err().to_string(), "{p}");
        }
    }

    fn trigger(p: &str) -> ClaimRegex {
        ClaimRegex::new(check_folded(p).expect("valid"))
    }

    #[test]
    fn triggers_compile_on_first_use() {
        let r = trigger(r"\bDied\b(?: in)?");
        assert!(!r.is_compiled());
        assert_eq!(r.as_str(), r"\bDied\b(?: in)?");
        assert!(r.is_match("he died in 1940"));
        assert!(!r.is_match("he studied"));
        assert!(r.is_compiled());
    }

    #[test]
    fn whether_a_regex_may_match_is_told_without_compiling_it() {
        let word = trigger(r"\bBorn\b");
        assert!(word.may_match_in("born"));
        assert!(!word.may_match_in("reborn"));
        let alternatives = trigger(r"\b(?:died|death)\b");
        assert!(alternatives.may_match_in("died"));
        assert!(!alternatives.may_match_in("birth"));
        // Where the literals stand, a match may still fail: only `false` is sure.
        assert!(alternatives.may_match_in("deaths"));
        assert!(!alternatives.is_match("deaths"));
        assert!(!trigger(r"\w+ed\b").may_match_in("born"));
        let anything = trigger(r"\w{4}\b");
        assert!(anything.may_match_in("born"));
        for r in [&word, &anything] {
            assert!(!r.is_compiled());
        }
        assert!(alternatives.is_compiled());
    }

    #[test]
    fn a_compiled_regex_tells_exactly_whether_it_may_match() {
        let r = trigger(r"\b(?:died|death)\b");
        // Not compiled: the literals answer, and nothing is compiled.
        assert!(r.may_match_compiled("deaths"));
        assert!(!r.may_match_compiled("birth"));
        assert!(!r.is_compiled());
        // Compiled (for ASCII text here), the regex itself answers.
        assert!(r.is_match("she died"));
        assert!(!r.may_match_compiled("deaths"));
        assert!(r.may_match_compiled("her death"));
        // Text of another alphabet has its own step, not compiled yet.
        assert!(r.may_match_compiled("deaths \u{e9}"));
        assert!(!r.may_match_compiled("birth \u{e9}"));
    }

    #[test]
    fn a_word_between_boundaries_is_never_compiled() {
        let r = trigger(r"\bSoviet\b");
        assert!(r.is_match("the soviet met"));
        assert!(!r.is_match("the soviets met"));
        let found: Vec<_> = r
            .find_iter("soviet, soviet_ soviet")
            .map(|m| m.range())
            .collect();
        assert_eq!(found, vec![0..6, 16..22]);
        assert!(!r.is_compiled());
        // Compiled, the regex finds the same.
        let compiled = compile_for_folded(r.hir(), Engines::All);
        let by_regex: Vec<_> = compiled
            .find_iter("soviet, soviet_ soviet")
            .map(|m| m.range())
            .collect();
        assert_eq!(by_regex, found);
    }

    #[test]
    fn a_regex_gains_the_lazy_dfa_once_it_has_read_enough_text() {
        let r = trigger(r"\bdied\b(?: in \w+)?");
        let text = "she died in exile; he died, and they studied. ";
        let searches = NFA_BYTES / text.len();
        for _ in 0..searches {
            let found: Vec<_> = r.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, vec![4..17, 22..26]);
        }
        // Read as ASCII text: the regex as written is not compiled.
        assert!(r.inner.nfa_ascii.get().is_some());
        assert!(r.inner.nfa.get().is_none());
        assert!(r.inner.compiled.get().is_none());
        assert!(r.is_match(text));
        assert!(r.inner.compiled.get().is_some());
        let found: Vec<_> = r.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(found, vec![4..17, 22..26]);
    }

    #[test]
    fn a_text_without_a_needed_word_compiles_nothing() {
        let r = trigger(r"\bSoviet\b.*\b(?:arrested|dispersed)\b");
        assert!(!r.is_match("the soviet met"));
        assert_eq!(r.find_iter("the soviet met, arrest").count(), 0);
        assert!(!r.is_compiled());
        assert!(r.is_match("the soviet was dispersed"));
        assert!(!r.is_match("the dispersed soviet"));
        assert!(r.is_compiled());
    }

    #[test]
    fn a_trigger_finds_in_folded_text_what_the_case_insensitive_regex_finds() {
        let patterns = [
            r"\bDied\b",
            r"\bKS\b",
            r"\b1940\b",
            r"\bin siberia\b",
            r"\bs\b",
            r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?(?:Siberia|exile)",
            r"\bkrasnoyarsk\b|\bKS\b",
            r"[a-z]+sk\b",
            r"(?-i:Moscow)|(?-i:moscow)",
            r"\bσ\w+",
            r"[^a-k]{3}",
            r"\bnee\b|ß|ẞ",
            r".{0,3}\bwar\b",
            r"[^\s]+ [^a-z]+",
            r"\S+\s\S+",
        ];
        let texts = [
            "he died in 1940 in mexico",
            "trotsky escaped from siberia in a sledge",
            "he escaped\u{a0}from\tsiberia,\u{2003}in 1907",
            "escaped by night out of exile",
            "the krasnoyarsk ks office, ks",
            "ſk and ks and kelvin k",
            "the moscow trials",
            "σοφια σοφιας and ςa",
            "née nee strasse straße",
            "the civil war began",
        ];
        for p in patterns {
            let trig = trigger(p);
            let ci = compile_folded(p).unwrap();
            for t in texts {
                let folded = crate::extract::normalize::fold(t).text;
                let a: Vec<_> = trig.find_iter(folded.as_str()).map(|m| m.range()).collect();
                let b: Vec<_> = ci.find_iter(&folded).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {folded:?}");
                // Each first step, where it may read the text.
                let mut steps = vec![Engines::Nfa];
                if folded.is_ascii() {
                    steps.push(Engines::NfaAscii);
                }
                for step in steps {
                    let first = compile_for_folded(trig.hir(), step);
                    let d: Vec<_> = first.find_iter(&folded).map(|m| m.range()).collect();
                    assert_eq!(d, b, "{p} by {step:?} on {folded:?}");
                }
                // With the lazy DFA, as a regex that has read enough text is.
                let all = compile_for_folded(trig.hir(), Engines::All);
                let c: Vec<_> = all.find_iter(&folded).map(|m| m.range()).collect();
                assert_eq!(c, b, "{p} with the lazy DFA on {folded:?}");
            }
        }
    }

    #[test]
    fn small_classes_lose_what_folded_text_cannot_hold() {
        let lowered = |p: &str| for_folded(hir(p)).to_string();
        assert_eq!(lowered("Died"), hir("(?-i:died)").to_string());
        // The long s matches an s; the Kelvin sign cannot be in folded text.
        assert_eq!(lowered("k"), hir("(?-i:k)").to_string());
        assert_eq!(lowered("s"), hir("(?-i:[sſ])").to_string());
        // A large class is kept whole, or gains the spaces it lacks.
        assert_eq!(lowered(r"\w"), hir(r"\w").to_string());
        assert_eq!(lowered(r"\s"), hir("(?-i: )").to_string());
        assert_eq!(lowered(r"\S"), hir(r"(?-i:[^ ])").to_string());
        // The case-insensitive negation leaves out the letters of either case
        // (and the long s, the Kelvin sign); every space but the plain one is
        // added back.
        assert_eq!(
            lowered(r"[^a-z\s]"),
            hir(r"(?-i:[^ a-zA-Zſ\x{212A}])").to_string()
        );
    }

    #[test]
    fn folded_text_holds_no_character_that_lowercasing_changes() {
        let all: String = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, ' '])
            .collect();
        let folded = crate::extract::normalize::fold(&all).text;
        let bad: Vec<char> = folded.chars().filter(|&c| !foldable(c)).collect();
        assert!(bad.is_empty(), "{bad:?}");
    }
}

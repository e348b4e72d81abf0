//! The literals a claim regex cannot match without: a test of a few substring
//! searches that tells, before the regex is compiled, that it cannot match a
//! folded text.
//!
//! Most claim regexes are phrases (`\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?siberia`)
//! and most sentences that hold one word of a phrase lack another: such a
//! sentence is turned away by the literals alone, and a regex that no sentence
//! of a run can match is never compiled.

use memchr::memmem;
use regex_syntax::hir::{Class, Hir, HirKind};

/// At most this many strings stand for one part of a regex; a part that could
/// be more is left out of the test (which stays true, only weaker).
const MAX_STRINGS: usize = 16;

/// A class of at most this many characters is read as its characters.
const MAX_CLASS: usize = 4;

/// Sets of strings that every match holds one of, each set: a text that lacks
/// every string of one set holds no match. Empty: no such set is known.
#[derive(Debug, Clone, Default)]
pub(crate) struct Required {
    /// A searcher for each string of each set, built once: a claim's test is
    /// asked of every sentence that holds one of its trigger's literals, and
    /// `str::contains` builds its searcher anew on each call.
    sets: Vec<Vec<memmem::Finder<'static>>>,
}

impl Required {
    /// The sets of a case-insensitive regex tree, for the folded text it is
    /// matched in: `foldable` says which characters folded text may hold.
    pub(crate) fn of(hir: &Hir, foldable: fn(char) -> bool) -> Required {
        let reader = Reader {
            foldable,
            max: MAX_STRINGS,
        };
        let mut sets = reader.required(hir);
        for set in &mut sets {
            set.sort();
            set.dedup();
            // A string that holds another of its set adds nothing to the test.
            let all = set.clone();
            set.retain(|s| !all.iter().any(|t| t != s && s.contains(t.as_str())));
        }
        sets.sort();
        sets.dedup();
        let sets = sets
            .iter()
            .map(|set| {
                set.iter()
                    .map(|s| memmem::Finder::new(s.as_bytes()).into_owned())
                    .collect()
            })
            .collect();
        Required { sets }
    }

    /// Whether `text` holds one string of every set: `false` means no match.
    pub(crate) fn admits(&self, text: &str) -> bool {
        let text = text.as_bytes();
        self.sets
            .iter()
            .all(|set| set.iter().any(|f| f.find(text).is_some()))
    }

    /// The strings of each set.
    #[cfg(test)]
    pub(crate) fn sets(&self) -> Vec<Vec<String>> {
        let string = |f: &memmem::Finder<'_>| String::from_utf8_lossy(f.needle()).into_owned();
        self.sets
            .iter()
            .map(|set| set.iter().map(string).collect())
            .collect()
    }
}

/// Whether every match of the case-sensitive `pattern` holds one of `words`, as
/// far as its literals tell (`false` where they do not).
#[cfg(test)]
pub(crate) fn every_match_holds_one_of(pattern: &str, words: &[&str]) -> bool {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .expect("a valid regex");
    let reader = Reader {
        foldable: |_| true,
        max: 1 << 12,
    };
    reader.holds_one_of(&hir, words)
}

struct Reader {
    foldable: fn(char) -> bool,
    /// The most strings that stand for one part.
    max: usize,
}

impl Reader {
    /// Every string `hir` matches in folded text, where they are few and known.
    fn exact(&self, hir: &Hir) -> Option<Vec<String>> {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => Some(vec![String::new()]),
            HirKind::Literal(lit) => Some(vec![std::str::from_utf8(&lit.0).ok()?.to_string()]),
            HirKind::Class(class) => self.class_chars(class),
            HirKind::Capture(cap) => self.exact(&cap.sub),
            HirKind::Repetition(rep) => match (rep.min, rep.max) {
                (_, Some(0)) => Some(vec![String::new()]),
                (1, Some(1)) => self.exact(&rep.sub),
                (0, Some(1)) => {
                    let mut all = self.exact(&rep.sub)?;
                    all.push(String::new());
                    Some(all)
                }
                _ => None,
            },
            HirKind::Concat(subs) => {
                let mut run = Run::new();
                for sub in subs {
                    run.push(self.exact(sub)?, self.max).ok()?;
                }
                Some(run.strings())
            }
            HirKind::Alternation(subs) => {
                let mut all = Vec::new();
                for sub in subs {
                    all.extend(self.exact(sub)?);
                }
                (all.len() <= self.max).then_some(all)
            }
        }
    }

    /// [`Reader::exact`], where a look at the tree (making no string) does not
    /// already tell that some part is not exactly known.
    fn known(&self, hir: &Hir) -> Option<Vec<String>> {
        may_be_exact(hir).then(|| self.exact(hir)).flatten()
    }

    /// Whether every match of `hir` holds one of `words`.
    #[cfg(test)]
    fn holds_one_of(&self, hir: &Hir, words: &[&str]) -> bool {
        if let Some(all) = self.known(hir) {
            return all.iter().all(|s| words.iter().any(|w| s.contains(w)));
        }
        match hir.kind() {
            HirKind::Capture(cap) => self.holds_one_of(&cap.sub, words),
            HirKind::Repetition(rep) if rep.min >= 1 => self.holds_one_of(&rep.sub, words),
            HirKind::Concat(subs) => {
                let holds =
                    |all: &[String]| all.iter().all(|s| words.iter().any(|w| s.contains(w)));
                let mut run = Run::new();
                for sub in subs {
                    match self.known(sub) {
                        Some(all) => {
                            if let Err(all) = run.push(all, self.max) {
                                if holds(&run.strings()) {
                                    return true;
                                }
                                run = Run::of(all);
                            }
                        }
                        None if holds(&run.strings()) || self.holds_one_of(sub, words) => {
                            return true;
                        }
                        None => run = Run::new(),
                    }
                }
                holds(&run.strings())
            }
            HirKind::Alternation(subs) => subs.iter().all(|sub| self.holds_one_of(sub, words)),
            _ => false,
        }
    }

    /// The characters of a small class that folded text may hold, each a string.
    fn class_chars(&self, class: &Class) -> Option<Vec<String>> {
        let keep = |c: char| (self.foldable)(c).then(|| String::from(c));
        let kept: Vec<String> = match class {
            Class::Unicode(c) => {
                let size: u32 = c
                    .iter()
                    .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                    .sum();
                if size as usize > MAX_CLASS {
                    return None;
                }
                c.iter()
                    .flat_map(|r| r.start()..=r.end())
                    .filter_map(keep)
                    .collect()
            }
            Class::Bytes(c) => {
                let size: usize = c.iter().map(|r| usize::from(r.end() - r.start()) + 1).sum();
                if size > MAX_CLASS || !c.is_ascii() {
                    return None;
                }
                c.iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(char::from)
                    .filter_map(keep)
                    .collect()
            }
        };
        (!kept.is_empty()).then_some(kept)
    }

    /// The sets every match of `hir` holds one string of.
    fn required(&self, hir: &Hir) -> Vec<Vec<String>> {
        if let Some(all) = self.known(hir) {
            return usable(all).into_iter().collect();
        }
        match hir.kind() {
            HirKind::Capture(cap) => self.required(&cap.sub),
            HirKind::Repetition(rep) if rep.min >= 1 => self.required(&rep.sub),
            HirKind::Concat(subs) => self.concat(subs),
            HirKind::Alternation(subs) => self.alternation(subs).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// A concatenation: the strings of each run of exactly known parts, joined,
    /// and the sets of every other part.
    fn concat(&self, subs: &[Hir]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut run = Run::new();
        for sub in subs {
            match self.known(sub) {
                Some(all) => {
                    if let Err(all) = run.push(all, self.max) {
                        out.extend(usable(run.strings()));
                        run = Run::of(all);
                    }
                }
                None => {
                    out.extend(usable(std::mem::replace(&mut run, Run::new()).strings()));
                    out.extend(self.required(sub));
                }
            }
        }
        out.extend(usable(run.strings()));
        out
    }

    /// An alternation: one set of each branch (its longest shortest string), all
    /// in one; none where a branch has none.
    fn alternation(&self, subs: &[Hir]) -> Option<Vec<String>> {
        let mut all = Vec::new();
        for sub in subs {
            let best = self
                .required(sub)
                .into_iter()
                .max_by_key(|set| set.iter().map(String::len).min().unwrap_or(0))?;
            all.extend(best);
        }
        (all.len() <= self.max).then_some(all)
    }
}

/// The strings of consecutive parts of a concatenation, each string of one part
/// followed by each of the next: kept as the parts, and joined when read, so that
/// a long run makes each of its strings once rather than once a part.
struct Run {
    parts: Vec<Vec<String>>,
    /// How many strings the run stands for.
    count: usize,
}

impl Run {
    /// The run of no parts: the empty string.
    fn new() -> Run {
        Run {
            parts: Vec::new(),
            count: 1,
        }
    }

    /// The run of one part.
    fn of(all: Vec<String>) -> Run {
        Run {
            count: all.len(),
            parts: vec![all],
        }
    }

    /// Appends a part where the run stays within `max` strings; gives the part
    /// back where it would not.
    fn push(&mut self, all: Vec<String>, max: usize) -> Result<(), Vec<String>> {
        // One string after a part of one string: the two as one part (most
        // parts are a char of a word).
        if let ([one], Some([last])) =
            (all.as_slice(), self.parts.last_mut().map(Vec::as_mut_slice))
        {
            last.push_str(one);
            return Ok(());
        }
        match self.count.checked_mul(all.len()) {
            Some(count) if count <= max => {
                self.count = count;
                self.parts.push(all);
                Ok(())
            }
            _ => Err(all),
        }
    }

    /// The strings, the first part's varying slowest.
    fn strings(&self) -> Vec<String> {
        if self.parts.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let len: usize = self
            .parts
            .iter()
            .map(|p| p.iter().map(String::len).max().unwrap_or(0))
            .sum();
        let mut out = Vec::with_capacity(self.count);
        let mut at = vec![0; self.parts.len()];
        loop {
            let mut s = String::with_capacity(len);
            for (part, &i) in self.parts.iter().zip(&at) {
                s.push_str(&part[i]);
            }
            out.push(s);
            // The next choice: the last part that has one more, the parts after
            // it back to their first.
            let mut k = at.len();
            loop {
                if k == 0 {
                    return out;
                }
                k -= 1;
                at[k] += 1;
                if at[k] < self.parts[k].len() {
                    break;
                }
                at[k] = 0;
            }
        }
    }
}

/// Whether [`Reader::exact`] may know the strings of `hir`: `false` where a part
/// is a class too large or a repetition it does not read (where it gives `None`).
fn may_be_exact(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) => true,
        HirKind::Class(Class::Unicode(c)) => {
            let size: u32 = c
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            size as usize <= MAX_CLASS
        }
        HirKind::Class(Class::Bytes(c)) => {
            let size: usize = c.iter().map(|r| usize::from(r.end() - r.start()) + 1).sum();
            size <= MAX_CLASS && c.is_ascii()
        }
        HirKind::Capture(cap) => may_be_exact(&cap.sub),
        HirKind::Repetition(rep) => match (rep.min, rep.max) {
            (_, Some(0)) => true,
            (0 | 1, Some(1)) => may_be_exact(&rep.sub),
            _ => false,
        },
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(may_be_exact),
    }
}

/// A set that says something: none of its strings is empty.
fn usable(all: Vec<String>) -> Option<Vec<String>> {
    (!all.is_empty() && all.iter().all(|s| !s.is_empty())).then_some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foldable(c: char) -> bool {
        !c.is_uppercase()
    }

    fn required(pattern: &str) -> Vec<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .unwrap();
        Required::of(&hir, foldable).sets()
    }

    fn sets(sets: &[&[&str]]) -> Vec<Vec<String>> {
        sets.iter()
            .map(|s| s.iter().map(|x| x.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_phrase_needs_each_of_its_words() {
        assert_eq!(required(r"\bDied\b"), sets(&[&["died"]]));
        assert_eq!(
            required(r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?(?:siberia|exile)"),
            sets(&[&["escape", "eſcape"], &["exile", "siberia", "ſiberia"]])
        );
        assert_eq!(
            required(r"\bsoviet\b.*\b(?:surrounded|arrested)\b"),
            sets(&[
                &["arrested", "arreſted", "surrounded", "ſurrounded"],
                &["soviet", "ſoviet"]
            ])
        );
    }

    #[test]
    fn an_alternation_needs_one_word_of_any_branch() {
        assert_eq!(
            required(r"\b(?:died \w+|was (?:killed|shot))\b"),
            sets(&[&[
                "died ",
                "was killed",
                "was shot",
                "was ſhot",
                "waſ killed",
                "waſ shot",
                "waſ ſhot"
            ]])
        );
        // A branch that needs nothing leaves the whole alternation needing nothing.
        assert_eq!(required(r"(?:died|\w+)"), sets(&[]));
        // A string that holds another of its set is left out.
        assert_eq!(required(r"(?:died|\w+ed)"), sets(&[&["ed"]]));
        assert_eq!(required(r"(?:war)?\d+"), sets(&[]));
    }

    #[test]
    fn small_classes_are_their_characters_that_folded_text_may_hold() {
        // The upper case letters cannot be in folded text; the long s can.
        assert_eq!(required(r"s[ai]d"), sets(&[&["sad", "sid", "ſad", "ſid"]]));
        assert_eq!(required(r"\d{4} war"), sets(&[&[" war"]]));
        // Too many strings for one set: a run of known parts is cut in two.
        let sizes = |p: &str| -> Vec<usize> { required(p).iter().map(Vec::len).collect() };
        assert_eq!(sizes(r"sessions \w+ passes"), vec![8, 16]);
        assert_eq!(required(r"(?:died|death)s?"), sets(&[&["death", "died"]]));
        assert_eq!(required(r"sessions \w+ passes")[0][0], " passes");
        assert_eq!(required(r"sessions \w+ passes")[1][0], "sessions ");
        assert_eq!(sizes("sessions sessions"), vec![16, 16]);
    }

    #[test]
    fn a_tree_that_may_be_exact_is_one_whose_strings_may_be_known() {
        let reader = Reader {
            foldable,
            max: MAX_STRINGS,
        };
        for p in [
            r"\bdied\b",
            r"(?:died|was shot)s?",
            r"s[ai]d",
            r"\w+",
            r"died.*",
            r"(?:a|\d)",
            r"x{0}",
            r"x{2}",
            r"(?:ab){0,1}c",
            r"[a-e]",
            r"(?-u:[\x00-\x02])",
        ] {
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p)
                .unwrap();
            if !may_be_exact(&hir) {
                assert_eq!(reader.exact(&hir), None, "{p}");
            }
            assert_eq!(reader.known(&hir), reader.exact(&hir), "{p}");
        }
        let hir = |p: &str| regex_syntax::Parser::new().parse(p).unwrap();
        assert!(may_be_exact(&hir(r"\bdied (?:in|at)\b")));
        assert!(!may_be_exact(&hir(r"\bdied \w+")));
        assert!(!may_be_exact(&hir(r"x{2}")));
    }

    #[test]
    fn a_run_joins_its_parts_in_order_within_its_limit() {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut run = Run::new();
        assert_eq!(run.strings(), strings(&[""]));
        run.push(strings(&["a", "b"]), 4).unwrap();
        run.push(strings(&["x", "y"]), 4).unwrap();
        assert_eq!(run.strings(), strings(&["ax", "ay", "bx", "by"]));
        // A part that would pass the limit is given back; the run is unchanged.
        assert_eq!(run.push(strings(&["1", "2"]), 4), Err(strings(&["1", "2"])));
        run.push(strings(&["!"]), 4).unwrap();
        assert_eq!(run.strings(), strings(&["ax!", "ay!", "bx!", "by!"]));
        assert_eq!(
            Run::of(strings(&["p", "q"])).strings(),
            strings(&["p", "q"])
        );
    }

    #[test]
    fn a_word_list_is_checked_against_every_branch() {
        let holds = every_match_holds_one_of;
        assert!(holds(
            r"\b(?:the next|a) (?:days?|weeks?)\b",
            &["day", "week"]
        ));
        assert!(!holds(
            r"\b(?:the next|a) (?:days?|weeks?|nights?)\b",
            &["day", "week"]
        ));
        assert!(holds(
            r"(?:\d+ (?:years?|months?)|overnight)",
            &["year", "month", "night"]
        ));
        assert!(!holds(
            r"(?:\d+ (?:years?|months?)|\w+)",
            &["year", "month"]
        ));
        assert!(!holds(r"(?:years?)?", &["year"]));
        // Words across the parts of a concatenation.
        assert!(holds(
            r"\w, (?:then|now) (?:aged )?$",
            &[", then ", ", now "]
        ));
        assert!(!holds(
            r"\w, (?:then|now) (?:aged )?$",
            &[", then ", ", now aged"]
        ));
    }

    #[test]
    fn the_test_never_turns_away_a_text_that_matches() {
        let patterns = [
            r"\bDied\b",
            r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?(?:siberia|exile)",
            r"(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)",
            r"\b(?:left|expelled from)\s(?:norway)\b",
            r"x*yz?",
            r"(?:ab){2}c",
            r"\w+ing\b",
        ];
        let texts = [
            "he died",
            "he escaped from exile",
            "he escape siberia",
            "acegi bdfhj",
            "expelled from norway",
            "left  norway",
            "y",
            "ababc",
            "walking",
            "",
        ];
        for p in patterns {
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p)
                .unwrap();
            let req = Required::of(&hir, foldable);
            let re = regex::RegexBuilder::new(p)
                .case_insensitive(true)
                .build()
                .unwrap();
            for t in texts {
                if re.is_match(t) {
                    assert!(req.admits(t), "{p} on {t:?}: {req:?}");
                }
            }
        }
    }
}

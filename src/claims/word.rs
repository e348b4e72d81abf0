//! A claim regex that is one literal between word boundaries (`\bborn\b`, once
//! folded), found without compiling it: a substring search whose ends are tested
//! as the regex tests `\b`. Most context regexes of a claims file are such words,
//! and compiling one costs as much as searching many pages for it.

use regex_automata::Match;
use regex_automata::util::look::LookMatcher;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A literal that matches only between Unicode word boundaries.
#[derive(Debug)]
pub(crate) struct Word {
    word: String,
    /// Characters that a class of the regex allows beside a letter of `word`
    /// (the long s beside `s`): a text that holds one is left to the regex.
    others: Vec<char>,
}

/// A class of at most this many characters may stand for a letter.
const SMALL_CLASS: u32 = 4;

impl Word {
    /// The word of a case-insensitive tree that is a word boundary, letters and
    /// a word boundary, once `fold` has made it the tree for folded text (where
    /// each letter is itself, or itself and characters not ASCII); `None` for
    /// any other tree. `fold` runs only for a tree of that shape.
    pub(crate) fn of(hir: &Hir, fold: impl FnOnce(&Hir) -> Hir) -> Option<Word> {
        let letters = |h: &Hir| matches!(h.kind(), HirKind::Literal(_) | HirKind::Class(_));
        let (_, middle) = bounded(hir)?;
        if !middle.iter().all(letters) {
            return None;
        }
        let folded = fold(hir);
        let (_, middle) = bounded(&folded)?;
        let mut word = String::new();
        let mut others = Vec::new();
        for part in middle {
            match part.kind() {
                HirKind::Literal(lit) => word.push_str(std::str::from_utf8(&lit.0).ok()?),
                HirKind::Class(Class::Unicode(class)) => {
                    let size: u32 = class
                        .iter()
                        .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                        .sum();
                    if size > SMALL_CLASS {
                        return None;
                    }
                    let (ascii, other): (Vec<char>, Vec<char>) = class
                        .iter()
                        .flat_map(|r| r.start()..=r.end())
                        .partition(char::is_ascii);
                    let [letter] = ascii.as_slice() else {
                        return None;
                    };
                    word.push(*letter);
                    others.extend(other);
                }
                _ => return None,
            }
        }
        others.sort_unstable();
        others.dedup();
        (!word.is_empty()).then_some(Word { word, others })
    }

    /// Every match in `text`, as the regex finds them: the leftmost first, each
    /// after the end of the one before; `None` where `text` holds a character
    /// the regex allows beside a letter (the regex must read it).
    pub(crate) fn find_iter<'w, 'h>(
        &'w self,
        text: &'h str,
    ) -> Option<impl Iterator<Item = Match> + use<'w, 'h>> {
        if self.others.iter().any(|&c| text.contains(c)) {
            return None;
        }
        let look = LookMatcher::new();
        let word = self.word.as_str();
        // Past an occurrence whose ends are not boundaries, the next search
        // starts at its second character.
        let step = word.chars().next().map_or(1, char::len_utf8);
        let mut from = 0;
        Some(std::iter::from_fn(move || {
            let bound = |i: usize| {
                look.is_word_unicode(text.as_bytes(), i)
                    .expect("the Unicode word tables are built in")
            };
            while from <= text.len() {
                let at = from + text[from..].find(word)?;
                let end = at + word.len();
                if bound(at) && bound(end) {
                    from = end;
                    return Some(Match::must(0, at..end));
                }
                from = at + step;
            }
            None
        }))
    }
}

/// The parts between the word boundaries that open and close a concatenation.
fn bounded(hir: &Hir) -> Option<(&Hir, &[Hir])> {
    let HirKind::Concat(subs) = hir.kind() else {
        return None;
    };
    let [first, middle @ .., last] = subs.as_slice() else {
        return None;
    };
    (boundary(first) && boundary(last)).then_some((first, middle))
}

fn boundary(h: &Hir) -> bool {
    matches!(h.kind(), HirKind::Look(Look::WordUnicode))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::claims::pattern::case_insensitive_hir as hir;

    fn word(p: &str) -> Option<String> {
        Word::of(&hir(p), |h| super::super::pattern::for_folded(h.clone())).map(|w| w.word)
    }

    #[test]
    fn only_a_literal_between_boundaries_is_a_word() {
        assert_eq!(word(r"\bborn\b").as_deref(), Some("born"));
        assert_eq!(word(r"\b1905\b").as_deref(), Some("1905"));
        assert_eq!(word(r"\bbirth name\b").as_deref(), Some("birth name"));
        assert_eq!(word(r"\bSoviet\b").as_deref(), Some("soviet"));
        assert_eq!(word(r"born"), None);
        assert_eq!(word(r"\bborn"), None);
        assert_eq!(word(r"\bborn\B"), None);
        assert_eq!(word(r"\b(?:born|died)\b"), None);
        assert_eq!(word(r"\bborn\b.*\bdied\b"), None);
        assert_eq!(word(r"\bborns?\b"), None);
        assert_eq!(word(r"(?-u:\b)born(?-u:\b)"), None);
        assert_eq!(word(r"\b[a-z]orn\b"), None);
        // The long s matches an s: a text that holds one is left to the regex.
        assert_eq!(word(r"\bSoviets\b").as_deref(), Some("soviets"));
        let w = Word::of(&hir(r"\bsoviet\b"), |h| {
            super::super::pattern::for_folded(h.clone())
        })
        .unwrap();
        assert_eq!(w.others, vec!['\u{17f}']);
        assert!(w.find_iter("the \u{17f}oviet").is_none());
        assert_eq!(w.find_iter("the soviet").unwrap().count(), 1);
    }

    #[test]
    fn a_word_is_found_where_the_regex_finds_it() {
        let texts = [
            "he was born in 1905",
            "born, reborn, newborn; born_x born9 born",
            "bornborn born",
            "1905s, x1905, 1905, 19051905 (1905)",
            "née born: élan bornécrit born",
            "aaa aa aaaa aa",
            "",
        ];
        for p in [r"\bborn\b", r"\b1905\b", r"\baa\b", r"\bn\b"] {
            let w = Word {
                word: p
                    .trim_start_matches(r"\b")
                    .trim_end_matches(r"\b")
                    .to_string(),
                others: Vec::new(),
            };
            let re = regex::Regex::new(p).unwrap();
            for t in texts {
                let ours: Vec<_> = w.find_iter(t).unwrap().map(|m| m.range()).collect();
                let theirs: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(ours, theirs, "{p} on {t:?}");
            }
        }
    }
}

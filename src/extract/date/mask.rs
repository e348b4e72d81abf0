//! Masking a text's non-ASCII word chars, so that a regex with ASCII word
//! boundaries reads the text as the same regex with Unicode ones does.
//!
//! The lazy DFA that finds matches gives up on a Unicode word boundary at the
//! first non-ASCII byte, and a slower engine then searches the whole text: half
//! a million instructions for a sentence that names "Ramón" or "Skłodowska".
//! Where no match of a pattern can hold `_` or a non-ASCII word char
//! ([`maskable`]), a copy of the text with each such char written as `_` (one
//! for each of its bytes, so that offsets stay) has the same matches with ASCII
//! boundaries: `_` is a word char to an ASCII boundary as the char it stands
//! for is to a Unicode one, every other char is the same to both, and no match
//! reads the masked chars themselves.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// `_` and every non-ASCII word char: what a match of a maskable pattern never
/// holds.
static MASKED: LazyLock<ClassUnicode> = LazyLock::new(|| {
    let hir = regex_syntax::parse(r"[_[\w&&[^\x00-\x7F]]]").expect("a valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class.clone(),
        _ => unreachable!("a Unicode class parses as one"),
    }
});

/// Whether `hir` finds in a masked text what it finds in the text: no match of
/// it is empty (which might lie inside a masked char) or holds `_` or a
/// non-ASCII word char.
pub(super) fn maskable(hir: &Hir) -> bool {
    hir.properties().minimum_len().is_some_and(|n| n > 0) && reads_no_masked(hir)
}

/// Whether no literal or class of `hir` reads `_` or a non-ASCII word char.
fn reads_no_masked(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).is_ok_and(|s| {
            s.chars()
                .all(|c| c != '_' && (c.is_ascii() || !regex_syntax::is_word_character(c)))
        }),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| r.end() < 0x80 && !(r.start()..=r.end()).contains(&b'_')),
        HirKind::Class(Class::Unicode(class)) => {
            let mut both = class.clone();
            both.intersect(&MASKED);
            both.ranges().is_empty()
        }
        HirKind::Repetition(rep) => reads_no_masked(&rep.sub),
        HirKind::Capture(cap) => reads_no_masked(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(reads_no_masked),
    }
}

/// Every non-ASCII char that is no word char: the only non-ASCII chars of a
/// text whose word chars are all ASCII, or of a masked text.
static OTHER_NON_ASCII: LazyLock<ClassUnicode> = LazyLock::new(|| {
    let mut other = non_ascii();
    other.difference(&MASKED);
    other
});

fn non_ascii() -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)])
}

/// `hir` for a text whose word chars are all ASCII, or a masked one: such a
/// text holds no non-ASCII char but those of [`OTHER_NON_ASCII`], so a class
/// that holds all of them matches in it what it would holding every non-ASCII
/// char, and one that holds none of them what its ASCII chars match. `\W` or
/// `[^,]` is then a few ranges to compile rather than hundreds; any other
/// class stays as it is.
pub(super) fn for_ascii_words(hir: Hir) -> Hir {
    let class = |class: ClassUnicode| {
        let mut outside = OTHER_NON_ASCII.clone();
        outside.difference(&class);
        let mut inside = OTHER_NON_ASCII.clone();
        inside.intersect(&class);
        if !outside.ranges().is_empty() && !inside.ranges().is_empty() {
            return class;
        }
        let mut cut = class;
        cut.difference(&non_ascii());
        if outside.ranges().is_empty() {
            cut.union(&non_ascii());
        }
        cut
    };
    crate::re::rewrite_wide(hir, &class, &|look| look)
}

/// `text` with each non-ASCII word char written as `_`, once for each of its
/// bytes.
pub(super) fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii() && regex_syntax::is_word_character(c) {
            out.extend(std::iter::repeat_n('_', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pattern: &str) -> Hir {
        regex_syntax::parse(pattern).expect("valid")
    }

    #[test]
    fn patterns_that_read_no_word_char_beyond_ascii_are_maskable() {
        for p in [
            r"\b[0-9]{4}\b",
            r"\b(?:may|june) [0-9]{1,2}\b",
            r"x(?:\b|$|\W)",
            r"[/.–’]",
        ] {
            assert!(maskable(&parse(p)), "{p}");
        }
        for p in [
            r"\w", ".", r"\S", "[^x]", "é", "a_b", r"[\p{L}]", r"\d", r"\b|x", "x?",
        ] {
            assert!(!maskable(&parse(p)), "{p}");
        }
    }

    #[test]
    fn classes_for_ascii_words_match_the_chars_such_a_text_holds() {
        let cut = |p: &str| for_ascii_words(parse(p));
        assert_eq!(cut(r"\W"), parse(r"[\x00-/:-@\[-\^`{-\x{10FFFF}]"));
        assert_eq!(cut(r"[^,]"), parse(r"[^,]"));
        assert_eq!(cut(r"(?P<w>\w+)"), parse(r"(?P<w>[0-9A-Z_a-z]+)"));
        assert_eq!(cut(r"[–—\w]"), parse(r"[–—\w]"));
        let texts = ["1066 ad — «x» ’s", "a_b, c.d!", "Ram__n 1940•", ""];
        for p in [r"\W+", r"\w\W", r"[^a]\S", r"\d\D", r"[\p{L}–]\s"] {
            let (theirs, ours) = (
                regex::Regex::new(p).unwrap(),
                regex_automata::meta::Regex::builder()
                    .build_from_hir(&cut(p))
                    .unwrap(),
            );
            for t in texts {
                let a: Vec<_> = theirs.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = ours.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn masking_keeps_offsets_and_other_chars() {
        assert_eq!(mask("Ramón, 1940 – «x»"), "Ram__n, 1940 – «x»");
        assert_eq!(mask("при 1917"), "______ 1917");
        let text = "Skłodowska 1891’s";
        assert_eq!(mask(text).len(), text.len());
    }
}

//! Unicode classes as the regex crate reads them, for the few matchers written
//! by hand where a regex would cost more to compile than a short run reads:
//! `\p{Lu}`, `\p{L}` and `\d` (`\p{Nd}`), each a sorted list of ranges, and
//! `\w` as `regex_syntax::is_word_character`. The standard library's
//! `char::is_uppercase`, `is_alphabetic` and `is_numeric` read wider Unicode
//! properties, so they would not match what the regexes matched.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, ClassUnicode, HirKind};

/// A class's ranges, parsed once from its regex syntax (a small part of
/// compiling a regex that holds it).
pub(crate) struct CharClass(LazyLock<ClassUnicode>);

impl CharClass {
    const fn new(init: fn() -> ClassUnicode) -> CharClass {
        CharClass(LazyLock::new(init))
    }

    /// Whether `c` is in the class: an ASCII char by `ascii`, which says the
    /// same for ASCII, any other by a binary search of the ranges.
    fn holds(&self, c: char, ascii: fn(&char) -> bool) -> bool {
        if c.is_ascii() {
            return ascii(&c);
        }
        let ranges = self.0.ranges();
        let at = ranges.partition_point(|r| r.end() < c);
        ranges.get(at).is_some_and(|r| r.start() <= c)
    }
}

fn parse(class: &str) -> ClassUnicode {
    let hir = regex_syntax::parse(class).expect("a valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c.clone(),
        _ => unreachable!("a Unicode class parses as one"),
    }
}

static UPPERCASE_LETTER: CharClass = CharClass::new(|| parse(r"\p{Lu}"));
static LETTER: CharClass = CharClass::new(|| parse(r"\p{L}"));
static DIGIT: CharClass = CharClass::new(|| parse(r"\d"));

/// `\p{Lu}`.
pub(crate) fn is_uppercase_letter(c: char) -> bool {
    UPPERCASE_LETTER.holds(c, char::is_ascii_uppercase)
}

/// `\p{L}`.
pub(crate) fn is_letter(c: char) -> bool {
    LETTER.holds(c, char::is_ascii_alphabetic)
}

/// `\d`: a decimal digit of any script.
pub(crate) fn is_digit(c: char) -> bool {
    DIGIT.holds(c, char::is_ascii_digit)
}

/// `\w`: a word char, as a Unicode word boundary reads it.
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn each_class_holds_what_its_regex_matches() {
        type Test = fn(char) -> bool;
        let classes: [(&str, Test); 4] = [
            (r"\p{Lu}", is_uppercase_letter),
            (r"\p{L}", is_letter),
            (r"\d", is_digit),
            (r"\w", is_word),
        ];
        for (pattern, test) in classes {
            let re = Regex::new(&format!("^{pattern}$")).expect("valid");
            let mut buf = [0; 4];
            for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
                assert_eq!(
                    test(c),
                    re.is_match(c.encode_utf8(&mut buf)),
                    "{pattern} {c:?}"
                );
            }
        }
    }
}

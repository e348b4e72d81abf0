//! Claim regexes, matched against folded text: written as a user writes them,
//! compiled in the folded form documents are matched in.

use regex::Regex;

use crate::claims::pattern::{self, Checked};
use crate::extract::normalize::fold;

/// Converts a trigger or context regex to the folded form documents are matched in:
/// non-ASCII letters lose their diacritics, curly quotes and dashes become straight,
/// and a `-` between two letters (outside a character class) also matches the space
/// that folding puts there ("ice-pick" is folded to "ice pick").
pub fn fold_regex(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let chars: Vec<char> = pattern.chars().collect();
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.push(c);
            if let Some(&n) = chars.get(i + 1) {
                out.push(n);
            }
            i += 2;
            continue;
        }
        match c {
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
        let letter = |j: Option<&char>| j.is_some_and(|c| c.is_alphabetic());
        if c == '-'
            && !in_class
            && letter(i.checked_sub(1).and_then(|j| chars.get(j)))
            && letter(chars.get(i + 1))
        {
            out.push_str("[- ]");
        } else if c.is_ascii() {
            out.push(c);
        } else {
            let f = fold(&c.to_string()).text;
            if f == "-" || f == " " {
                out.push_str("[- ]");
            } else {
                out.push_str(&regex::escape(&f));
            }
        }
        i += 1;
    }
    out
}

/// Compiles a trigger or context regex for folded text.
pub fn compile_pattern(pattern: &str) -> Result<Regex, regex::Error> {
    pattern::compile_folded(&fold_regex(pattern))
}

/// Checks a trigger or context regex for folded text, compiling it on first use;
/// the error is the one [`compile_pattern`] gives.
pub(crate) fn check_pattern(pattern: &str) -> Result<Checked, regex::Error> {
    pattern::check_folded(&fold_regex(pattern))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_regex_literals_like_documents() {
        assert_eq!(fold_regex(r"\bice-pick\b"), r"\bice[- ]pick\b");
        assert_eq!(fold_regex(r"[a-z]+"), r"[a-z]+");
        assert_eq!(fold_regex("Coyoacán"), "Coyoacan");
        let r = compile_pattern(r"\bRamón\b").unwrap();
        assert!(r.is_match("ramon mercader"));
    }
}

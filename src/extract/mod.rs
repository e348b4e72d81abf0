//! Value extraction: folding text for matching, and finding dates, numbers and
//! distances from events in it.

pub mod anniversary;
pub mod calendar;
pub(crate) mod classes;
pub mod date;
pub(crate) mod gated;
pub mod normalize;
pub mod number;
pub mod relative;

/// The ASCII letters that end `text` (maybe none): the word before a number, cut
/// on a character boundary whatever stands before it.
pub(crate) fn trailing_ascii_word(text: &str) -> &str {
    let letters = text
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    &text[text.len() - letters..]
}

#[cfg(test)]
mod tests {
    use super::trailing_ascii_word;

    #[test]
    fn the_trailing_word_stops_at_any_other_character() {
        assert_eq!(trailing_ascii_word("met at"), "at");
        assert_eq!(trailing_ascii_word("at"), "at");
        assert_eq!(trailing_ascii_word("rbmk"), "rbmk");
        assert_eq!(trailing_ascii_word("東京"), "");
        assert_eq!(trailing_ascii_word("東京at"), "at");
        assert_eq!(trailing_ascii_word("ok\u{fffd}"), "");
        assert_eq!(trailing_ascii_word(""), "");
        assert_eq!(trailing_ascii_word("12"), "");
    }
}

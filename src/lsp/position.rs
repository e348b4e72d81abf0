//! Positions: byte offsets into a text to LSP positions and back, in the
//! encoding the client and the server agreed on (UTF-16 code units unless the
//! client offers UTF-8).

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind};

use crate::document::lines::LineIndex;

/// What a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default.
    Utf16,
    /// Bytes of UTF-8, where the client offers them.
    Utf8,
}

impl Encoding {
    /// UTF-8 where the client lists it among its `general.positionEncodings`,
    /// else the protocol's default.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }

    /// The width of `s` in this encoding's units.
    fn width(self, s: &str) -> usize {
        match self {
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
            Encoding::Utf8 => s.len(),
        }
    }
}

/// A text with its line index, to convert positions in it.
#[derive(Debug, Clone, Copy)]
pub struct Positions<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl Positions<'_> {
    /// The position of byte `offset` (clamped to the text, and back to a char
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0);
        let character = self.encoding.width(&self.text[start..offset]);
        Position::new(narrow(line), narrow(character))
    }

    pub fn range(&self, span: Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `p`: a line past the last is the text's end, a
    /// character past its line's end is the line's end, and one inside a
    /// character is that character's start.
    pub fn offset(&self, p: Position) -> usize {
        let Some(start) = self.lines.line_start(p.line as usize) else {
            return self.text.len();
        };
        let end = self.line_end(p.line as usize);
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            let w = match self.encoding {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf8 => c.len_utf8(),
            };
            if counted + w > p.character as usize {
                return start + i;
            }
            counted += w;
        }
        end
    }

    /// The end of line `line`'s text, before its line break (`\n`, `\r\n` or
    /// `\r`); the text's end for the last line.
    fn line_end(&self, line: usize) -> usize {
        self.lines
            .line_break(self.text, line)
            .map_or(self.text.len(), |b| b.start)
    }
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, encoding: Encoding, offset: usize) -> (u32, u32) {
        let lines = LineIndex::new(text);
        let p = Positions {
            text,
            lines: &lines,
            encoding,
        }
        .position(offset);
        (p.line, p.character)
    }

    fn back(text: &str, encoding: Encoding, line: u32, character: u32) -> usize {
        let lines = LineIndex::new(text);
        Positions {
            text,
            lines: &lines,
            encoding,
        }
        .offset(Position::new(line, character))
    }

    #[test]
    fn columns_count_utf16_units_or_bytes() {
        // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        let text = "first line\nCafé 😀 ice pick\n";
        let pick = text.find("ice").unwrap();
        assert_eq!(at(text, Encoding::Utf16, pick), (1, 8));
        assert_eq!(at(text, Encoding::Utf8, pick), (1, 11));
        assert_eq!(back(text, Encoding::Utf16, 1, 8), pick);
        assert_eq!(back(text, Encoding::Utf8, 1, 11), pick);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        assert_eq!(back(text, Encoding::Utf16, 0, 99), 2);
        assert_eq!(back(text, Encoding::Utf16, 7, 0), text.len());
        assert_eq!(at(text, Encoding::Utf16, 99), (1, 2));
        // Inside a surrogate pair: the character's start.
        assert_eq!(back("😀x", Encoding::Utf16, 0, 1), 0);
        assert_eq!(at("😀x", Encoding::Utf8, 2), (0, 0));
    }

    #[test]
    fn a_character_past_the_end_stops_before_any_line_break() {
        for text in ["ab\ncd", "ab\r\ncd", "ab\rcd"] {
            assert_eq!(back(text, Encoding::Utf16, 0, 99), 2, "{text:?}");
            assert_eq!(back(text, Encoding::Utf8, 0, 2), 2, "{text:?}");
            let cd = text.find('c').unwrap();
            assert_eq!(back(text, Encoding::Utf16, 1, 0), cd, "{text:?}");
            assert_eq!(back(text, Encoding::Utf16, 1, 99), text.len(), "{text:?}");
        }
        // An empty line between two breaks.
        assert_eq!(back("a\r\n\r\nb", Encoding::Utf16, 1, 5), 3);
        assert_eq!(back("a\r\rb", Encoding::Utf16, 1, 5), 2);
    }

    #[test]
    fn utf8_is_chosen_only_where_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let one = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&one)), Encoding::Utf16);
    }
}

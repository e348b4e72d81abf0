//! Decoding: the bytes of a file to text, or the reason they are not text.
//!
//! Text is UTF-8, with or without a byte-order mark, or UTF-16 (little- or
//! big-endian) where a byte-order mark says so, as Windows tools write it. A
//! UTF-8 file keeps its bytes: spans are byte offsets into the file as read. A
//! UTF-16 file is decoded to UTF-8, and its spans are offsets into that text. A
//! byte-order mark stays in the text as U+FEFF (columns and snippets skip it;
//! the folder treats it as space). Other encodings (Latin-1, Windows-1252) are
//! refused with the offset of the first byte that is not UTF-8, never guessed.

use std::fmt;

/// Which UTF-16 a byte-order mark announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf16 {
    /// `FF FE`: little-endian.
    Le,
    /// `FE FF`: big-endian.
    Be,
}

impl fmt::Display for Utf16 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        })
    }
}

/// Why a file's bytes are not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte (a NUL code unit in UTF-16) in the first 8 KiB: the file is binary.
    Binary,
    /// Not valid UTF-8; the offset of the first bad byte.
    NotUtf8 { offset: usize },
    /// Not valid UTF-16 after its byte-order mark; the offset of the first bad
    /// code unit (a surrogate without its pair, or a lone byte at the end).
    NotUtf16 { encoding: Utf16, offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file, skipped"),
            DecodeError::NotUtf8 { offset } => {
                write!(
                    f,
                    "not valid UTF-8 (first bad byte at offset {offset}), skipped"
                )
            }
            DecodeError::NotUtf16 { encoding, offset } => write!(
                f,
                "not valid {encoding} (first bad code unit at offset {offset}), skipped"
            ),
        }
    }
}

/// How far into a file to look for a NUL byte.
const BINARY_SNIFF: usize = 8 * 1024;

/// Whether the bytes look binary (ripgrep's and git's test: a NUL byte near the start).
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0)
}

/// The encoding the first two bytes of a file announce.
fn sniff(first: [u8; 2]) -> Encoding {
    match first {
        [0xFF, 0xFE] => Encoding::Utf16(Utf16::Le),
        [0xFE, 0xFF] => Encoding::Utf16(Utf16::Be),
        _ => Encoding::Utf8,
    }
}

/// The UTF-16 a file's first bytes announce by their byte-order mark, if any.
pub fn utf16_of(bytes: &[u8]) -> Option<Utf16> {
    match sniff([*bytes.first()?, *bytes.get(1)?]) {
        Encoding::Utf16(e) => Some(e),
        Encoding::Utf8 => None,
    }
}

/// The bytes of `text` in `encoding`: the inverse of [`decode`] for a UTF-16
/// file, whose text keeps its byte-order mark as U+FEFF.
pub fn encode_utf16(text: &str, encoding: Utf16) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for unit in text.encode_utf16() {
        out.extend_from_slice(&match encoding {
            Utf16::Le => unit.to_le_bytes(),
            Utf16::Be => unit.to_be_bytes(),
        });
    }
    out
}

/// The bytes as text (see the module's header for what is text).
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.len() >= 2 && sniff([bytes[0], bytes[1]]) != Encoding::Utf8 {
        let mut decoder = Decoder::new();
        let mut text = String::with_capacity(bytes.len());
        decoder.feed(&bytes, |t| text.push_str(t))?;
        return decoder.finish().map(|()| text);
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// How a file's bytes are read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16(Utf16),
}

/// A file's bytes decoded as they are read, a block at a time, to the outcome
/// [`decode`] gives for all of them at once: the same text, or the same error.
/// A character cut between two blocks is completed by the next; a bad byte is
/// reported once the first 8 KiB are known not to hold a NUL
/// (a binary file is reported as binary wherever its first bad byte lies).
#[derive(Debug, Default)]
pub struct Decoder {
    /// How many bytes have been fed.
    fed: usize,
    /// The encoding, once the first bytes tell it.
    encoding: Option<Encoding>,
    /// The first byte, while it may begin a UTF-16 byte-order mark.
    head: Option<u8>,
    /// The start of a character (UTF-8) or code unit (UTF-16) cut off at the
    /// end of the last block.
    carry: Vec<u8>,
    /// UTF-16: a high surrogate waiting for its pair, and its offset.
    high: Option<(u16, usize)>,
    /// The first bad byte, once met.
    bad: Option<usize>,
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decodes the next block of the file, handing its text to `text` (possibly
    /// in several calls). An error is answered where the outcome is known to be
    /// one; after a bad byte no more text is handed on.
    pub fn feed(&mut self, block: &[u8], mut text: impl FnMut(&str)) -> Result<(), DecodeError> {
        let at = self.fed;
        self.fed += block.len();
        let encoding = match (self.encoding, self.head) {
            (Some(e), _) => e,
            (None, None) if block.len() >= 2 => sniff([block[0], block[1]]),
            (None, None) => match block.first() {
                Some(&b @ (0xFF | 0xFE)) => {
                    self.head = Some(b);
                    return Ok(());
                }
                Some(_) => Encoding::Utf8,
                None => return Ok(()),
            },
            (None, Some(head)) => {
                // The first byte was held: decode it with this block.
                let Some(&second) = block.first() else {
                    return Ok(());
                };
                let encoding = sniff([head, second]);
                self.encoding = Some(encoding);
                self.head = None;
                self.decode(encoding, 0, &[head], &mut text)?;
                return self.decode(encoding, 1, block, &mut text);
            }
        };
        self.encoding = Some(encoding);
        self.decode(encoding, at, block, &mut text)
    }

    /// The outcome at the end of the file: a character cut off there, or a bad
    /// byte in a file shorter than 8 KiB, is an error.
    pub fn finish(&self) -> Result<(), DecodeError> {
        if self.head.is_some() {
            // A file of one byte, `FF` or `FE`: not UTF-8.
            return Err(DecodeError::NotUtf8 { offset: 0 });
        }
        let cut = self
            .high
            .map(|(_, at)| at)
            .or_else(|| (!self.carry.is_empty()).then(|| self.fed - self.carry.len()));
        match self.bad.or(cut) {
            Some(offset) => Err(self.error(offset)),
            None => Ok(()),
        }
    }

    /// The error of a bad byte at `offset`.
    fn error(&self, offset: usize) -> DecodeError {
        match self.encoding {
            Some(Encoding::Utf16(encoding)) => DecodeError::NotUtf16 { encoding, offset },
            _ => DecodeError::NotUtf8 { offset },
        }
    }

    /// Decodes `block`, which starts at byte `at` of the file.
    fn decode(
        &mut self,
        encoding: Encoding,
        at: usize,
        block: &[u8],
        text: &mut impl FnMut(&str),
    ) -> Result<(), DecodeError> {
        match encoding {
            Encoding::Utf8 => {
                let sniffed = block.len().min(BINARY_SNIFF.saturating_sub(at));
                if looks_binary(&block[..sniffed]) {
                    return Err(DecodeError::Binary);
                }
                if self.bad.is_none() {
                    self.bad = self.utf8(at, block, text);
                }
            }
            Encoding::Utf16(order) => {
                if self.bad.is_none() {
                    self.bad = self.utf16(order, at, block, text)?;
                }
            }
        }
        match self.bad {
            Some(offset) if self.fed >= BINARY_SNIFF => Err(self.error(offset)),
            _ => Ok(()),
        }
    }

    /// Hands on the UTF-8 text of `block`, which starts at byte `at` of the
    /// file, and keeps a character cut off at its end; answers the first bad byte.
    fn utf8(&mut self, at: usize, block: &[u8], text: &mut impl FnMut(&str)) -> Option<usize> {
        let mut block = block;
        let mut at = at;
        if !self.carry.is_empty() {
            let start = at - self.carry.len();
            let need = utf8_width(self.carry[0]).saturating_sub(self.carry.len());
            let take = need.min(block.len());
            self.carry.extend_from_slice(&block[..take]);
            (block, at) = (&block[take..], at + take);
            match std::str::from_utf8(&self.carry) {
                Ok(c) => text(c),
                Err(e) if e.error_len().is_none() => return None,
                Err(_) => return Some(start),
            }
            self.carry.clear();
        }
        match std::str::from_utf8(block) {
            Ok(t) => text(t),
            Err(e) => {
                let valid = e.valid_up_to();
                let good = std::str::from_utf8(&block[..valid]).unwrap_or_default();
                text(good);
                if e.error_len().is_some() {
                    return Some(at + valid);
                }
                self.carry.extend_from_slice(&block[valid..]);
            }
        }
        None
    }

    /// Hands on the UTF-16 text of `block`, which starts at byte `at` of the
    /// file, and keeps a code unit cut off at its end (or a high surrogate
    /// waiting for its pair); answers the first bad code unit, or that the file
    /// is binary (a NUL code unit in its first [`BINARY_SNIFF`] bytes).
    fn utf16(
        &mut self,
        order: Utf16,
        at: usize,
        block: &[u8],
        text: &mut impl FnMut(&str),
    ) -> Result<Option<usize>, DecodeError> {
        let unit = |pair: [u8; 2]| match order {
            Utf16::Le => u16::from_le_bytes(pair),
            Utf16::Be => u16::from_be_bytes(pair),
        };
        let mut out = String::with_capacity(block.len() + 2);
        let mut units = Vec::with_capacity(block.len() / 2 + 1);
        let mut rest = block;
        let mut pos = at;
        if let (Some(&first), Some(&second)) = (self.carry.first(), rest.first()) {
            units.push((unit([first, second]), at - 1));
            self.carry.clear();
            (rest, pos) = (&rest[1..], at + 1);
        }
        let pairs = rest.chunks_exact(2);
        self.carry.extend_from_slice(pairs.remainder());
        units.extend(
            pairs
                .enumerate()
                .map(|(i, p)| (unit([p[0], p[1]]), pos + 2 * i)),
        );
        for (u, p) in units {
            let c = match (self.high.take(), u) {
                (Some((high, _)), 0xDC00..=0xDFFF) => {
                    let code =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                    char::from_u32(code)
                }
                (Some((_, hp)), _) => {
                    text(&out);
                    return Ok(Some(hp));
                }
                (None, 0xD800..=0xDBFF) => {
                    self.high = Some((u, p));
                    continue;
                }
                (None, 0) if p < BINARY_SNIFF => return Err(DecodeError::Binary),
                (None, _) => char::from_u32(u32::from(u)),
            };
            match c {
                Some(c) => out.push(c),
                None => {
                    text(&out);
                    return Ok(Some(p));
                }
            }
        }
        text(&out);
        Ok(None)
    }
}

/// How many bytes the UTF-8 character that starts with `first` has (1 for a
/// byte no character starts with: it is then bad on its own).
fn utf8_width(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` in UTF-16 of the byte order, with its byte-order mark.
    fn utf16(text: &str, order: Utf16) -> Vec<u8> {
        let mut bytes = Vec::new();
        for u in "\u{feff}".encode_utf16().chain(text.encode_utf16()) {
            bytes.extend(match order {
                Utf16::Le => u.to_le_bytes(),
                Utf16::Be => u.to_be_bytes(),
            });
        }
        bytes
    }

    #[test]
    fn tells_binary_and_latin1_from_text() {
        assert_eq!(decode(b"ok \xe2\x80\x99".to_vec()).unwrap(), "ok \u{2019}");
        assert_eq!(decode(b"a\0b".to_vec()), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"caf\xe9".to_vec()),
            Err(DecodeError::NotUtf8 { offset: 3 })
        );
        // A UTF-8 byte-order mark stays, as bytes of the file.
        assert_eq!(decode(b"\xef\xbb\xbfok".to_vec()).unwrap(), "\u{feff}ok");
        // A byte that could begin a UTF-16 mark, alone or not followed by one.
        assert_eq!(decode(vec![0xFF]), Err(DecodeError::NotUtf8 { offset: 0 }));
        assert_eq!(
            decode(b"\xfeok".to_vec()),
            Err(DecodeError::NotUtf8 { offset: 0 })
        );
    }

    #[test]
    fn a_utf16_text_is_encoded_back_to_its_bytes() {
        let text = "Ramón died in 1940 \u{1F600}.\r\n";
        for order in [Utf16::Le, Utf16::Be] {
            let bytes = utf16(text, order);
            assert_eq!(utf16_of(&bytes), Some(order));
            let decoded = decode(bytes.clone()).unwrap();
            assert_eq!(encode_utf16(&decoded, order), bytes);
        }
        assert_eq!(utf16_of(b"\xef\xbb\xbfok"), None);
        assert_eq!(utf16_of(b"\xff"), None);
        assert_eq!(utf16_of(b""), None);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_in_either_order() {
        let text = "Ramón died in 1940 \u{1F600}.\r\n";
        for order in [Utf16::Le, Utf16::Be] {
            let bytes = utf16(text, order);
            assert_eq!(decode(bytes).unwrap(), format!("\u{feff}{text}"));
        }
        // Without a mark, UTF-16 is binary (its ASCII has NUL bytes).
        let bare: Vec<u8> = "ab".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(bare), Err(DecodeError::Binary));
    }

    #[test]
    fn bad_utf16_is_refused_with_its_order_and_offset() {
        let le = |units: &[u16]| -> Vec<u8> {
            let mut b = vec![0xFF, 0xFE];
            b.extend(units.iter().flat_map(|u| u.to_le_bytes()));
            b
        };
        let bad = |offset| {
            Err(DecodeError::NotUtf16 {
                encoding: Utf16::Le,
                offset,
            })
        };
        // A low surrogate alone; a high one followed by a letter; one at the end.
        assert_eq!(decode(le(&[0x61, 0xDC00, 0x61])), bad(4));
        assert_eq!(decode(le(&[0x61, 0xD83D, 0x61])), bad(4));
        assert_eq!(decode(le(&[0x61, 0xD83D])), bad(4));
        // A lone byte at the end.
        let mut odd = le(&[0x61]);
        odd.push(0x62);
        assert_eq!(decode(odd), bad(4));
        // A NUL code unit: binary.
        assert_eq!(decode(le(&[0x61, 0, 0x61])), Err(DecodeError::Binary));
        let shown = DecodeError::NotUtf16 {
            encoding: Utf16::Be,
            offset: 6,
        };
        assert_eq!(
            shown.to_string(),
            "not valid UTF-16BE (first bad code unit at offset 6), skipped"
        );
    }

    /// Feeds `bytes` to a decoder `step` bytes at a time.
    fn fed(bytes: &[u8], step: usize) -> Result<String, DecodeError> {
        let mut d = Decoder::new();
        let mut out = String::new();
        for block in bytes.chunks(step) {
            d.feed(block, |t| out.push_str(t))?;
        }
        d.finish().map(|()| out)
    }

    #[test]
    fn a_file_decoded_a_block_at_a_time_decodes_as_it_does_whole() {
        let text = "Ramón é\u{2019} Zoë \u{1F600} \u{feff}ü.\n".repeat(700);
        let mut cases: Vec<Vec<u8>> = vec![
            text.as_bytes().to_vec(),
            b"caf\xe9 au lait".to_vec(),
            b"ends cut \xe2\x80".to_vec(),
            b"bad \xe2\x80 inside".to_vec(),
            b"\xf0\x9f\x98".to_vec(),
            b"stray \x80 byte".to_vec(),
            b"\xef\xbb\xbfmarked".to_vec(),
            vec![0xFF],
            vec![0xFE, b'x'],
            Vec::new(),
        ];
        // A bad byte far in, a cut character there, a NUL past the first 8 KiB.
        for tail in [&b"\xff."[..], b"\xc3", b"\0."] {
            let mut bytes = text.as_bytes().to_vec();
            bytes.extend_from_slice(tail);
            cases.push(bytes);
        }
        // A bad byte early, and a NUL after it within the first 8 KiB: binary.
        let mut early = b"caf\xe9 ".to_vec();
        early.extend(std::iter::repeat_n(b'x', 5000));
        early.push(0);
        early.extend(std::iter::repeat_n(b'y', 9000));
        cases.push(early);
        // UTF-16 in both orders: whole, with a lone surrogate far in, cut short.
        for order in [Utf16::Le, Utf16::Be] {
            let whole = utf16(&text, order);
            cases.push(whole.clone());
            let mut bad = whole.clone();
            bad.extend_from_slice(&[0xDC, 0xDC]);
            bad.extend_from_slice(&whole[2..40]);
            cases.push(bad);
            cases.push(whole[..whole.len() - 1].to_vec());
            cases.push(whole[..whole.len() - 3].to_vec());
            let mut nul = whole[..100].to_vec();
            nul.extend_from_slice(&[0, 0]);
            cases.push(nul);
        }
        for bytes in &cases {
            let whole = decode(bytes.clone());
            for step in [1, 2, 3, 5, 4096, 8192, 10_000, bytes.len().max(1)] {
                assert_eq!(
                    fed(bytes, step),
                    whole,
                    "step {step}: {:?}",
                    &bytes[..bytes.len().min(20)]
                );
            }
        }
        // The UTF-16 cases decode to the text, or fail where they were cut.
        assert_eq!(
            decode(utf16(&text, Utf16::Be)).unwrap(),
            format!("\u{feff}{text}")
        );
    }
}

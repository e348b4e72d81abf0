//! Decoding: the bytes of a file to text, or the reason they are not text.

use std::fmt;

/// Why a file's bytes are not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte in the first 8 KiB: the file is binary.
    Binary,
    /// Not valid UTF-8; the offset of the first bad byte.
    NotUtf8 { offset: usize },
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
        }
    }
}

/// How far into a file to look for a NUL byte.
const BINARY_SNIFF: usize = 8 * 1024;

/// Whether the bytes look binary (ripgrep's and git's test: a NUL byte near the start).
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0)
}

/// The bytes as text. Spans are kept in bytes of the file as read, so a byte-order
/// mark stays in the text (the folder treats it as space).
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A file's bytes decoded as they are read, a block at a time, to the outcome
/// [`decode`] gives for all of them at once: the same text, or the same error.
/// A character cut between two blocks is completed by the next; a bad byte is
/// reported once the first [`BINARY_SNIFF`] bytes are known not to hold a NUL
/// (a binary file is reported as binary wherever its first bad byte lies).
#[derive(Debug, Default)]
pub struct Decoder {
    /// How many bytes have been fed.
    fed: usize,
    /// The start of a character cut off at the end of the last block.
    carry: Vec<u8>,
    /// The first bad byte, once met.
    bad: Option<usize>,
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decodes the next block of the file, handing its text to `text` (possibly
    /// in two calls). An error is answered where the outcome is known to be one;
    /// after a bad byte no more text is handed on.
    pub fn feed(&mut self, block: &[u8], mut text: impl FnMut(&str)) -> Result<(), DecodeError> {
        let at = self.fed;
        self.fed += block.len();
        if at < BINARY_SNIFF && looks_binary(&block[..block.len().min(BINARY_SNIFF - at)]) {
            return Err(DecodeError::Binary);
        }
        if self.bad.is_none() {
            self.bad = self.decode(at, block, &mut text);
        }
        match self.bad {
            Some(offset) if self.fed >= BINARY_SNIFF => Err(DecodeError::NotUtf8 { offset }),
            _ => Ok(()),
        }
    }

    /// The outcome at the end of the file: a character cut off there, or a bad
    /// byte in a file shorter than [`BINARY_SNIFF`], is an error.
    pub fn finish(&self) -> Result<(), DecodeError> {
        match (self.bad, self.carry.is_empty()) {
            (Some(offset), _) => Err(DecodeError::NotUtf8 { offset }),
            (None, false) => Err(DecodeError::NotUtf8 {
                offset: self.fed - self.carry.len(),
            }),
            (None, true) => Ok(()),
        }
    }

    /// Hands on the text of `block`, which starts at byte `at` of the file, and
    /// keeps a character cut off at its end; answers the first bad byte.
    fn decode(&mut self, at: usize, block: &[u8], text: &mut impl FnMut(&str)) -> Option<usize> {
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

    #[test]
    fn tells_binary_and_latin1_from_text() {
        assert_eq!(decode(b"ok \xe2\x80\x99".to_vec()).unwrap(), "ok \u{2019}");
        assert_eq!(decode(b"a\0b".to_vec()), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"caf\xe9".to_vec()),
            Err(DecodeError::NotUtf8 { offset: 3 })
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
    }
}

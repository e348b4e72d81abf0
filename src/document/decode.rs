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
}

//! Reading one file, or standard input, as text within the size limit.
//!
//! A file is read to its end, a block at a time, and decoded as it comes
//! ([`Decoder`]): its length from the file system only refuses a file already
//! over the limit without reading it, and reserves room; it is never trusted
//! for where the file ends, so a file that shrinks or grows while it is read is
//! read as it is then, and one that grows past the limit is refused, never cut.
//! Only regular files are opened: a named pipe would block, a device may never
//! end (issue 12).

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::str::FromStr;

use super::FileError;
use crate::document::decode::{DecodeError, Decoder, decode};
use crate::walk::{display_path, special_kind};

/// Files larger than this cannot be checked at all: spans are kept as 32-bit
/// offsets.
pub const MAX_FILE_SIZE: u64 = u32::MAX as u64;

/// How many bytes are read at a time.
const BLOCK: usize = 64 << 10;

const KIB: u64 = 1 << 10;
const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// The largest document a run reads (`--max-file-size`): a file, standard
/// input, or one line of `--input jsonl`. Larger ones are refused, never cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxFileSize(u64);

impl MaxFileSize {
    /// The most that can be asked for: 4 GiB (files must be shorter than
    /// that, as spans are 32-bit offsets).
    pub const MOST: MaxFileSize = MaxFileSize(4 * GIB);

    /// A limit of `bytes`, at most [`MaxFileSize::MOST`].
    pub fn new(bytes: u64) -> Result<MaxFileSize, String> {
        if bytes > Self::MOST.0 {
            return Err(format!(
                "{} is over the most factlint can read, {} (spans are 32-bit offsets)",
                MaxFileSize(bytes),
                Self::MOST
            ));
        }
        Ok(MaxFileSize(bytes))
    }

    /// The most bytes a document may have.
    pub fn bytes(self) -> u64 {
        self.0.min(MAX_FILE_SIZE)
    }

    /// The error of a document of `size` bytes (unknown where it was being
    /// read when it passed the limit) that is over this limit.
    pub fn refusal(self, size: Option<u64>) -> String {
        let size = size.map(|s| format!("{s} bytes, ")).unwrap_or_default();
        if self.bytes() == MAX_FILE_SIZE {
            return format!("too large ({size}over {self}, the most factlint can read), skipped");
        }
        format!(
            "too large ({size}over the limit of {self}), skipped; raise the limit with --max-file-size (at most {})",
            Self::MOST
        )
    }
}

impl Default for MaxFileSize {
    /// 2 GiB.
    fn default() -> MaxFileSize {
        MaxFileSize(2 * GIB)
    }
}

impl fmt::Display for MaxFileSize {
    /// The shortest way to write it: `2G`, `10M`, `500K` or bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        match [(GIB, 'G'), (MIB, 'M'), (KIB, 'K')]
            .into_iter()
            .find(|&(unit, _)| n >= unit && n.is_multiple_of(unit))
        {
            Some((unit, suffix)) => write!(f, "{}{suffix}", n / unit),
            None => write!(f, "{n}"),
        }
    }
}

impl FromStr for MaxFileSize {
    type Err = String;

    /// A number of bytes, or of KiB, MiB or GiB with a suffix `K`, `M` or `G`
    /// (either case, optionally followed by `B` or `iB`): `500K`, `10M`, `2G`.
    fn from_str(s: &str) -> Result<MaxFileSize, String> {
        let expected = || {
            format!(
                "`{s}` is not a size: write bytes, or a number with K, M or G, as in 500K, 10M or 2G"
            )
        };
        let t = s.trim();
        let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (number, suffix) = t.split_at(digits);
        let number: u64 = number.parse().map_err(|_| expected())?;
        let suffix = suffix.to_ascii_uppercase();
        let suffix = suffix
            .strip_suffix("IB")
            .or_else(|| suffix.strip_suffix('B'))
            .unwrap_or(&suffix);
        let unit = match suffix {
            "" => 1,
            "K" => KIB,
            "M" => MIB,
            "G" => GIB,
            _ => return Err(expected()),
        };
        let bytes = number.saturating_mul(unit);
        MaxFileSize::new(bytes)
    }
}

/// Why a source could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Over the limit; its size where known.
    TooLarge(Option<u64>),
    Decode(DecodeError),
}

/// Reads `source` to its end as text, refusing it once it passes `limit`.
/// `expected` is how long it is thought to be (a file's length): room for that
/// much is reserved, and nothing more is assumed.
///
/// The bytes are read whole and decoded in place: UTF-8 (nearly every file)
/// becomes the text without a copy. A source that passes the limit gives what
/// reading and decoding it a block at a time gives (a bad byte in the blocks
/// before the limit is reported as such).
pub fn read_source(
    source: impl Read,
    expected: u64,
    limit: MaxFileSize,
) -> Result<String, ReadError> {
    let most = limit.bytes();
    // The text is kept for the report where it has findings: no spare room
    // but the byte that shows the end.
    let room = usize::try_from(expected.min(most).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    source
        .take(most.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > most {
        return Err(past_the_limit(&bytes, most));
    }
    // A source of unknown length (standard input) grew its buffer by halves.
    if bytes.capacity() - bytes.len() > bytes.len() / 8 {
        bytes.shrink_to_fit();
    }
    decode(bytes).map_err(ReadError::Decode)
}

/// Why a source of `bytes`, more than `most` of them, is refused: as read a
/// block at a time, the blocks within the limit are decoded first, and a bad
/// byte among them is the error; else the source is too large.
fn past_the_limit(bytes: &[u8], most: u64) -> ReadError {
    let within = usize::try_from(most - most % BLOCK as u64).unwrap_or(usize::MAX);
    let mut decoder = Decoder::new();
    match decoder.feed(&bytes[..within.min(bytes.len())], |_| {}) {
        Err(e) => ReadError::Decode(e),
        Ok(()) => ReadError::TooLarge(None),
    }
}

/// Reads one file (or standard input for `-`) as text, within `limit`. A
/// binary file is quiet unless `named` (by the user).
pub fn read_text(path: &Path, named: bool, limit: MaxFileSize) -> Result<String, FileError> {
    let shown = display_path(path);
    let read = if path == Path::new("-") {
        read_source(io::stdin().lock(), 0, limit)
    } else {
        read_file(path, limit)
    };
    read.map_err(|e| FileError {
        quiet: matches!(e, ReadError::Decode(DecodeError::Binary)) && !named,
        message: match e {
            ReadError::Io(e) => e.to_string(),
            ReadError::TooLarge(size) => limit.refusal(size),
            ReadError::Decode(e) => e.to_string(),
        },
        path: shown,
    })
}

/// Reads a regular file: one over the limit is refused from its length, before
/// it is read; anything else (a pipe, a socket, a device) is not opened.
fn read_file(path: &Path, limit: MaxFileSize) -> Result<String, ReadError> {
    let not_regular = |m: &fs::Metadata| {
        special_kind(&m.file_type()).map(|kind| {
            ReadError::Io(io::Error::other(format!(
                "{kind}, not a regular file: skipped"
            )))
        })
    };
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(e) = not_regular(&meta) {
        return Err(e);
    }
    let file = open(path).map_err(ReadError::Io)?;
    // What was opened may not be what was asked about a moment before.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(e) = not_regular(&meta) {
        return Err(e);
    }
    if meta.is_dir() {
        return Err(ReadError::Io(io::Error::other("is a directory")));
    }
    if meta.len() > limit.bytes() {
        return Err(ReadError::TooLarge(Some(meta.len())));
    }
    read_source(file, meta.len(), limit)
}

/// Opens a file for reading without waiting: a named pipe swapped in after it
/// was looked at does not block the open (and is then refused).
fn open(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_with_binary_units_and_written_short() {
        let size = |s: &str| s.parse::<MaxFileSize>().map(MaxFileSize::bytes);
        assert_eq!(size("500K"), Ok(500 * 1024));
        assert_eq!(size("10m"), Ok(10 << 20));
        assert_eq!(size("2G"), Ok(2 << 30));
        assert_eq!(size("2GiB"), Ok(2 << 30));
        assert_eq!(size("64kb"), Ok(64 << 10));
        assert_eq!(size("1234"), Ok(1234));
        // 4G is allowed, and means files shorter than 4 GiB.
        assert_eq!(size("4G"), Ok(MAX_FILE_SIZE));
        assert_eq!(
            size("5G"),
            Err("5G is over the most factlint can read, 4G (spans are 32-bit offsets)".to_string())
        );
        assert_eq!(
            size("99999999999999999999G").map_err(|e| e.contains("not a size")),
            Err(true)
        );
        for bad in ["", "G", "10X", "1.5G", "-1K", "10 G"] {
            assert!(size(bad).is_err(), "{bad}");
        }
        let shown: Vec<String> = ["2G", "1536M", "500K", "1000", "1025"]
            .iter()
            .map(|s| s.parse::<MaxFileSize>().expect("a size").to_string())
            .collect();
        assert_eq!(shown, ["2G", "1536M", "500K", "1000", "1025"]);
        assert_eq!(MaxFileSize::default().to_string(), "2G");
    }

    /// A source that gives `bytes` in reads of at most `step` bytes, then
    /// `more` (a file that grows while it is read).
    struct Changing {
        bytes: Vec<u8>,
        step: usize,
        more: Vec<u8>,
    }

    impl Read for Changing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.bytes.is_empty() {
                std::mem::swap(&mut self.bytes, &mut self.more);
            }
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes.drain(..n);
            Ok(n)
        }
    }

    fn source(bytes: &str, more: &str) -> Changing {
        Changing {
            bytes: bytes.as_bytes().to_vec(),
            step: 3,
            more: more.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_source_is_read_to_its_end_whatever_length_was_expected() {
        let limit = MaxFileSize::default();
        // Shrunk: shorter than its length said.
        let text = read_source(source("Ramón left.", ""), 1000, limit).expect("read");
        assert_eq!(text, "Ramón left.");
        // Grown: longer than its length said, and longer again while read.
        let text = read_source(source("Zoë stayed.", " Then more."), 4, limit).expect("read");
        assert_eq!(text, "Zoë stayed. Then more.");
    }

    #[test]
    fn a_source_that_grows_past_the_limit_is_refused_not_cut() {
        let limit = MaxFileSize::new(12).expect("a limit");
        let got = read_source(source("Twelve bytes", ""), 12, limit).expect("at the limit");
        assert_eq!(got, "Twelve bytes");
        let got = read_source(source("Twelve bytes", "!"), 12, limit);
        assert!(matches!(got, Err(ReadError::TooLarge(None))), "{got:?}");
        assert_eq!(
            limit.refusal(None),
            "too large (over the limit of 12), skipped; raise the limit with --max-file-size (at most 4G)"
        );
    }

    #[test]
    fn a_source_that_does_not_decode_is_refused_with_the_decoders_error() {
        let limit = MaxFileSize::default();
        let got = read_source(&b"caf\xe9"[..], 4, limit);
        assert!(
            matches!(
                got,
                Err(ReadError::Decode(DecodeError::NotUtf8 { offset: 3 }))
            ),
            "{got:?}"
        );
        let got = read_source(&b"\0\0\0"[..], 3, limit);
        assert!(matches!(got, Err(ReadError::Decode(DecodeError::Binary))));
    }

    /// Past the limit, a bad byte in the blocks read before it is the error, as
    /// reading a block at a time finds it; one in the block that passes the
    /// limit is not read.
    #[test]
    fn a_source_past_the_limit_reports_a_bad_byte_before_it() {
        let mut bytes = b"caf".to_vec();
        bytes.push(0xe9);
        bytes.resize(BLOCK + 100, b'a');
        let limit = MaxFileSize::new(BLOCK as u64 + 50).expect("a limit");
        let got = read_source(&bytes[..], 0, limit);
        assert!(
            matches!(
                got,
                Err(ReadError::Decode(DecodeError::NotUtf8 { offset: 3 }))
            ),
            "{got:?}"
        );
        let limit = MaxFileSize::new(BLOCK as u64 - 1).expect("a limit");
        let got = read_source(&bytes[..], 0, limit);
        assert!(matches!(got, Err(ReadError::TooLarge(None))), "{got:?}");
    }
}

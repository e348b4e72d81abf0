//! A big plain-text file read a piece at a time: its bytes come in blocks, are
//! decoded as they come ([`Decoder`]), and a piece ends where checking the whole
//! text in parts would end a part ([`Cut`]). Each piece knows where it starts in
//! the file (its byte offset and the lines before it), so the spans, lines and
//! columns of its findings are the file's. Only the piece being read is held
//! here; the pieces read before it belong to whoever checks them.
//!
//! A file's findings are written as its pieces are checked, so what could stop
//! it from being checked must be known before its first piece: the file is first
//! read through once, decoded and dropped ([`validate`]). A file that is binary,
//! not UTF-8 or unreadable is refused whole, with the message that reading it
//! whole gives, and nothing of it is checked. (A file changed between the two
//! readings so that it no longer decodes is refused when the change is met,
//! after the findings of the pieces before it.)

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::{FileError, MaxFileSize};
use crate::document::chunks::Cut;
use crate::document::decode::{DecodeError, Decoder};
use crate::document::lines::line_starts_after;
use crate::report::Origin;

/// How many bytes are read at a time.
const BLOCK: usize = 64 << 10;

/// A piece of a big file's text, cut at a paragraph break.
#[derive(Debug)]
pub struct Piece {
    /// The file's path as reports show it.
    pub path: String,
    pub text: String,
    /// Where the piece starts in the file.
    pub origin: Origin,
    /// Whether it is the file's last piece.
    pub last: bool,
}

/// The pieces of one file, in order; after an error, none.
#[derive(Debug)]
pub struct PieceReader<R> {
    source: R,
    path: String,
    /// Where problems are quiet (a binary file met in a walk).
    named: bool,
    size: usize,
    decoder: Decoder,
    /// The most bytes the source may hold, and how many were read.
    limit: MaxFileSize,
    read: u64,
    block: Vec<u8>,
    /// The text of the piece being read, so far.
    text: String,
    cut: Cut,
    origin: Origin,
    /// Whether the last piece handed on ended with a carriage return.
    ended_cr: bool,
    /// Whether the source is read to its end.
    read_all: bool,
    /// Whether the last piece (or an error) was handed on.
    done: bool,
}

impl PieceReader<io::Take<fs::File>> {
    /// The pieces of the file at `path` (shown as `shown`), of at least `size`
    /// bytes each where the file allows; a file that grows past `limit` is
    /// refused when it does, never cut.
    pub fn open(
        path: &Path,
        shown: String,
        named: bool,
        size: usize,
        limit: MaxFileSize,
    ) -> Result<Self, FileError> {
        match fs::File::open(path) {
            Ok(f) => {
                let mut reader = PieceReader::new(f.take(limit.bytes() + 1), shown, named, size);
                reader.limit = limit;
                Ok(reader)
            }
            Err(e) => Err(io_error(shown, &e)),
        }
    }
}

impl<R: Read> PieceReader<R> {
    /// The pieces of the text that `source` holds, for the file shown as `path`.
    pub fn new(source: R, path: String, named: bool, size: usize) -> Self {
        PieceReader {
            source,
            path,
            named,
            size,
            decoder: Decoder::new(),
            limit: MaxFileSize::MOST,
            read: 0,
            block: vec![0; BLOCK],
            text: String::new(),
            cut: Cut::new(size),
            origin: Origin::default(),
            ended_cr: false,
            read_all: false,
            done: false,
        }
    }

    /// Reads and decodes the next block into the piece's text.
    fn read_block(&mut self) -> Result<(), FileError> {
        let n = loop {
            match self.source.read(&mut self.block) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io_error(self.path.clone(), &e)),
            }
        };
        self.read += n as u64;
        if self.read > self.limit.bytes() {
            return Err(too_large(self.path.clone(), self.limit));
        }
        let text = &mut self.text;
        let decoded = match n {
            0 => {
                self.read_all = true;
                self.decoder.finish()
            }
            n => self.decoder.feed(&self.block[..n], |t| text.push_str(t)),
        };
        decoded.map_err(|e| decode_error(self.path.clone(), self.named, &e))
    }

    /// The piece of the text's first `end` bytes; the rest begins the next.
    fn take(&mut self, end: usize, last: bool) -> Piece {
        let mut rest = String::with_capacity(self.size + BLOCK);
        rest.push_str(&self.text[end..]);
        self.text.truncate(end);
        let text = std::mem::replace(&mut self.text, rest);
        let origin = self.origin;
        self.origin.offset += text.len();
        // Lines end at LF, CRLF or a lone CR; a CR that ended the piece before
        // and the LF that starts this one are one line end, counted there.
        let split_crlf = self.ended_cr && text.starts_with('\n');
        self.origin.line += line_starts_after(&text).count() - usize::from(split_crlf);
        self.ended_cr = text.ends_with('\r');
        self.cut = Cut::new(self.size);
        Piece {
            path: self.path.clone(),
            text,
            origin,
            last,
        }
    }
}

impl<R: Read> Iterator for PieceReader<R> {
    type Item = Result<Piece, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            if let Some(end) = self.cut.find(&self.text, self.read_all) {
                return Some(Ok(self.take(end, false)));
            }
            if self.read_all {
                self.done = true;
                let end = self.text.len();
                return Some(Ok(self.take(end, true)));
            }
            if let Err(e) = self.read_block() {
                self.done = true;
                return Some(Err(e));
            }
        }
    }
}

/// Reads the file at `path` (shown as `shown`) through, decoding it and keeping
/// nothing: the error that reading it whole would give, if any.
pub fn validate(
    path: &Path,
    shown: &str,
    named: bool,
    limit: MaxFileSize,
) -> Result<(), FileError> {
    let mut source = fs::File::open(path)
        .map_err(|e| io_error(shown.to_string(), &e))?
        .take(limit.bytes() + 1);
    let mut decoder = Decoder::new();
    let mut block = vec![0; BLOCK];
    let mut read = 0;
    loop {
        let n = match source.read(&mut block) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(shown.to_string(), &e)),
        };
        read += n as u64;
        if read > limit.bytes() {
            return Err(too_large(shown.to_string(), limit));
        }
        let decoded = match n {
            0 => decoder.finish(),
            n => decoder.feed(&block[..n], |_| {}),
        };
        decoded.map_err(|e| decode_error(shown.to_string(), named, &e))?;
        if n == 0 {
            return Ok(());
        }
    }
}

fn io_error(path: String, e: &io::Error) -> FileError {
    FileError {
        path,
        message: e.to_string(),
        quiet: false,
    }
}

/// The error of a file that grew past the limit while it was read.
fn too_large(path: String, limit: MaxFileSize) -> FileError {
    FileError {
        path,
        message: limit.refusal(None),
        quiet: false,
    }
}

/// The error of a file that does not decode, as [`super::read_text`] gives it.
fn decode_error(path: String, named: bool, e: &DecodeError) -> FileError {
    FileError {
        path,
        quiet: *e == DecodeError::Binary && !named,
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::chunks::paragraph_parts;

    /// The pieces of `bytes` read `step` bytes at a time.
    fn pieces(bytes: &[u8], size: usize, step: usize) -> Vec<Result<Piece, FileError>> {
        let source = Trickle { bytes, step };
        PieceReader::new(source, "a.txt".into(), true, size).collect()
    }

    /// A source that gives at most `step` bytes a read.
    struct Trickle<'b> {
        bytes: &'b [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn pieces_are_the_parts_with_their_offsets_and_lines() {
        let lf = "Ramón left.\nZoë stayed.\n\nThen 1917.\n\n\"Quoted,\" she said.\n\nÅ end.\n";
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        let mixed = "A.\r\nB.\r\rC.\n\nD.\r\n\r\nE.\rF.\n";
        for text in [lf, crlf.as_str(), cr.as_str(), mixed] {
            pieces_of(text);
        }
    }

    /// The pieces of `text` in parts of several sizes, read in blocks of several
    /// sizes: the parts of the whole, each at its offset and line.
    fn pieces_of(text: &str) {
        let index = crate::document::lines::LineIndex::new(text);
        for size in [1, 5, 20, 40, 1000] {
            for step in [1, 3, 64, 1000] {
                let got: Vec<Piece> = pieces(text.as_bytes(), size, step)
                    .into_iter()
                    .map(|p| p.expect("a piece"))
                    .collect();
                let want: Vec<&str> = paragraph_parts(text, size).map(|r| &text[r]).collect();
                let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
                assert_eq!(texts, want, "size {size}, step {step}");
                for p in &got {
                    assert_eq!(
                        p.origin.line,
                        index.line_of(p.origin.offset),
                        "{text:?} size {size}, step {step}, at {}",
                        p.origin.offset
                    );
                    assert_eq!(p.last, p.origin.offset + p.text.len() == text.len());
                }
            }
        }
    }

    #[test]
    fn a_file_that_does_not_decode_ends_with_the_error_of_reading_it_whole() {
        let mut bytes = "One.\n\nTwo.\n\nThree.\n".repeat(1000).into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"Bad \xff.\n");
        let got = pieces(&bytes, 100, 333);
        let (last, before) = got.split_last().expect("pieces");
        let e = last.as_ref().expect_err("an error");
        assert_eq!(
            e.message,
            format!("{}", DecodeError::NotUtf8 { offset: at + 4 })
        );
        let read: usize = before
            .iter()
            .map(|p| p.as_ref().expect("a piece").text.len())
            .sum();
        assert!(read < at && read > at / 2, "{read}");
        // A NUL at the start: binary, before any piece.
        let got = pieces(b"\0One.\n\nTwo.\n", 1, 1);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].as_ref().expect_err("binary").message,
            "binary file, skipped"
        );
    }

    #[test]
    fn a_long_line_read_in_small_blocks_is_one_piece_read_in_linear_time() {
        // Searched again from its start with every block, this line would take
        // some hundred million steps.
        let text = format!("{}\n\nNext.\n", "Word and more words. ".repeat(25_000));
        let got = pieces(text.as_bytes(), 100, 64);
        let texts: Vec<&str> = got
            .iter()
            .map(|p| p.as_ref().expect("a piece").text.as_str())
            .collect();
        let cut = text.len() - "Next.\n".len();
        assert_eq!(texts, [&text[..cut], &text[cut..]]);
    }

    #[test]
    fn a_source_that_grows_past_the_limit_ends_with_an_error_not_a_cut() {
        let text = "One.\n\nTwo.\n\nThree.\n";
        for (most, fits) in [(text.len(), true), (text.len() - 1, false)] {
            let source = Trickle {
                bytes: text.as_bytes(),
                step: 4,
            };
            let mut reader = PieceReader::new(source, "a.txt".into(), true, 5);
            reader.limit = MaxFileSize::new(most as u64).expect("a limit");
            let got: Vec<_> = reader.collect();
            let last = got.last().expect("an outcome");
            match fits {
                true => assert!(last.as_ref().is_ok_and(|p| p.last), "{got:?}"),
                false => assert_eq!(
                    last.as_ref().expect_err("too large").message,
                    format!(
                        "too large (over the limit of {most}), skipped; raise the limit with --max-file-size (at most 4G)"
                    )
                ),
            }
        }
    }

    #[test]
    fn an_empty_source_is_one_empty_last_piece() {
        let got = pieces(b"", 10, 10);
        assert_eq!(got.len(), 1);
        let p = got[0].as_ref().expect("a piece");
        assert!(p.text.is_empty() && p.last && p.origin == Origin::default());
    }
}

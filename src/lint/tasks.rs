//! A run over files as a stream of tasks: most files are a task each, read and
//! checked whole by the worker that takes it; a big plain-text file checked
//! against claims that allow it ([`super::parts::in_parts`]) is read a piece at
//! a time by the stream itself ([`super::pieces`]), each piece a task, so that
//! the pieces are checked in parallel and written in order while the file is
//! still being read, and the run holds a few pieces of it, never all of it.

use std::path::Path;

use super::parts::{PART_SIZE, PARTS_FROM, safe_in_parts};
use super::pieces::{Piece, PieceReader, validate};
use super::{File, FileError, MaxFileSize, check_file, kept};
use crate::check::CheckOptions;
use crate::claims::ClaimSet;
use crate::document::markup::Markup;
use crate::report::FileResult;
use crate::scan::Matcher;

/// One task of a run over files.
#[derive(Debug)]
pub enum Task<'a> {
    /// A file to read and check whole.
    Whole(File<'a>),
    /// A piece of a big file, read, to check.
    Piece(Piece),
    /// A big file that cannot be checked.
    Failed(FileError),
}

/// A task checked: its findings, and whether it ends its file (a file is counted
/// once, with its last piece).
pub type Checked = (FileResult, bool);

/// Which files are read in pieces, and how big the pieces are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pieces {
    /// Files of at least this many bytes are.
    pub from: usize,
    /// About how many bytes a piece holds.
    pub size: usize,
}

impl Default for Pieces {
    /// A run's: the files and the parts' sizes of [`super::parts`].
    fn default() -> Pieces {
        Pieces {
            from: PARTS_FROM,
            size: PART_SIZE,
        }
    }
}

/// The tasks of the files, in order.
pub fn tasks<'a, I: Iterator<Item = File<'a>>>(
    files: I,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
    pieces: Pieces,
) -> Tasks<I> {
    Tasks {
        files,
        allowed: safe_in_parts(claims, matcher),
        markup: options.markup,
        limit: options.max_file_size,
        pieces,
        reading: None,
    }
}

/// The iterator of [`tasks`].
#[derive(Debug)]
pub struct Tasks<I> {
    files: I,
    /// Whether the claims allow a file to be checked in pieces.
    allowed: bool,
    /// The run's markup, where it sets one.
    markup: Option<Markup>,
    /// The largest file read.
    limit: MaxFileSize,
    pieces: Pieces,
    /// The big file being read.
    reading: Option<PieceReader<std::io::Take<std::fs::File>>>,
}

impl<'a, I: Iterator<Item = File<'a>>> Iterator for Tasks<I> {
    type Item = Task<'a>;

    fn next(&mut self) -> Option<Task<'a>> {
        loop {
            if let Some(reader) = &mut self.reading {
                match reader.next() {
                    Some(Ok(piece)) => {
                        if piece.last {
                            self.reading = None;
                        }
                        return Some(Task::Piece(piece));
                    }
                    Some(Err(e)) => {
                        self.reading = None;
                        return Some(Task::Failed(e));
                    }
                    None => self.reading = None,
                }
            }
            let file = self.files.next()?;
            if !self.in_pieces(&file) {
                return Some(Task::Whole(file));
            }
            let shown = file.shown();
            let (size, limit) = (self.pieces.size, self.limit);
            let opened = validate(file.path, &shown, file.named, limit)
                .and_then(|()| PieceReader::open(file.path, shown, file.named, size, limit));
            match opened {
                Ok(reader) => self.reading = Some(reader),
                Err(e) => return Some(Task::Failed(e)),
            }
        }
    }
}

impl<I> Tasks<I> {
    /// Whether `file` is read in pieces: a plain-text file (not standard input)
    /// that [`super::parts::in_parts`] would check in parts, where the pieces
    /// start at the run's size. Any other file, and one whose size cannot be
    /// known, is read whole.
    fn in_pieces(&self, file: &File<'_>) -> bool {
        if !self.allowed || file.path == Path::new("-") {
            return false;
        }
        if self
            .markup
            .unwrap_or_else(|| Markup::from_path(&file.shown()))
            != Markup::Text
        {
            return false;
        }
        std::fs::metadata(file.path).is_ok_and(|m| {
            m.is_file() && m.len() >= self.pieces.from as u64 && m.len() <= self.limit.bytes()
        })
    }
}

/// Checks one task: a whole file as [`check_file`] does, a piece as
/// [`super::parts`] checks a part, its findings with spans in the piece and its
/// text kept where it has any.
pub fn check_task(
    task: Task<'_>,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Result<Checked, FileError> {
    match task {
        Task::Whole(file) => super::contained(&file.shown(), || {
            check_file(&file, claims, matcher, options).map(|r| (r, true))
        }),
        Task::Piece(piece) => {
            let path = piece.path.clone();
            super::contained(&path, || {
                let whole = 0..piece.text.len();
                let findings = super::parts::lint_part(
                    &piece.path,
                    &piece.text,
                    whole,
                    claims,
                    matcher,
                    options,
                );
                let mut result = kept(piece.path, false, piece.text, None, findings);
                result.origin = piece.origin;
                Ok((result, piece.last))
            })
        }
        Task::Failed(e) => Err(e),
    }
}

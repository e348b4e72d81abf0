//! Snippets: the files codespan-reporting renders, with long lines cut to a window.
//!
//! A document line can be thousands of characters long (a scraped page on one
//! line). Each finding gets its own excerpt: the words around its span, cut at word
//! boundaries and marked with `…`, while line and column numbers stay those of the
//! real file (codespan's `Files` trait lets us report them).

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::document::lines::LineIndex;

/// How many characters of context to keep on each side of a span.
const WINDOW: usize = 60;
const ELLIPSIS: &str = "…";

#[derive(Debug)]
struct Snippet {
    name: String,
    source: String,
    /// 0-based line of the real file where the excerpt starts.
    first_line: usize,
    line_starts: Vec<usize>,
    /// Characters of the real first line before the excerpt.
    first_col_offset: usize,
    /// Bytes of the leading ellipsis in `source`, if any.
    prefix: usize,
}

/// The files of one rendering: whole claims files and document excerpts.
#[derive(Debug, Default)]
pub struct Snippets {
    files: Vec<Snippet>,
}

fn line_starts(s: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(crate::document::lines::line_starts_after(s))
        .collect()
}

impl Snippets {
    /// Adds a whole file (a claims file): no cutting.
    pub fn add_full(&mut self, name: &str, text: &str) -> usize {
        self.files.push(Snippet {
            name: name.to_string(),
            source: text.to_string(),
            first_line: 0,
            line_starts: line_starts(text),
            first_col_offset: 0,
            prefix: 0,
        });
        self.files.len() - 1
    }

    /// Adds the excerpt of `text` around `span`, kept inside `bounds` (the sentence)
    /// where the line is longer; returns its id and the span in it. `text` starts
    /// a line of its file, after `lines_before` others.
    pub fn add_excerpt(
        &mut self,
        name: &str,
        (text, lines_before): (&str, usize),
        span: Range<usize>,
        bounds: Range<usize>,
        lines: &LineIndex,
    ) -> (usize, Range<usize>) {
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        // The lines' ends from the index: never a scan of a long line.
        let real_line0 = lines.line_start(lines.line_of(start)).unwrap_or(0);
        let real_end = lines
            .line_start(lines.line_of(end) + 1)
            .map_or(text.len(), |s| s - 1);
        let line0 = real_line0.max(bounds.start.min(start));
        let line1_end = real_end;
        let line1_end = line1_end.min(bounds.end.max(end));
        let line1_end = if text[..line1_end].ends_with('\r') {
            line1_end - 1
        } else {
            line1_end
        };
        // Back WINDOW characters, then forward to a word start.
        let mut a = start;
        for (n, (i, _)) in text[line0..start].char_indices().rev().enumerate() {
            a = line0 + i;
            if n + 1 >= WINDOW {
                break;
            }
        }
        if a > line0
            && let Some(sp) = text[a..start].find(' ')
        {
            a += sp + 1;
        }
        // Forward WINDOW characters, then back to a word end.
        let mut b = end;
        for (n, (i, c)) in text[end..line1_end.max(end)].char_indices().enumerate() {
            b = end + i + c.len_utf8();
            if n + 1 >= WINDOW {
                break;
            }
        }
        if b < line1_end
            && let Some(sp) = text[end..b].rfind(' ')
        {
            b = end + sp;
        }
        // A byte-order mark is neither shown nor counted as a column: the line
        // is shown from after it, and whole.
        let shown_from = if real_line0 == 0 && start >= 3 && text.starts_with('\u{feff}') {
            3
        } else {
            real_line0
        };
        a = a.max(shown_from);
        let (prefix, lead) = if a > shown_from {
            (ELLIPSIS.len(), ELLIPSIS)
        } else {
            (0, "")
        };
        let tail = if text[b..real_end].trim().is_empty() {
            ""
        } else {
            ELLIPSIS
        };
        let source = format!("{lead}{}{tail}", &text[a..b]);
        self.files.push(Snippet {
            name: name.to_string(),
            line_starts: line_starts(&source),
            source,
            first_line: lines_before + lines.line_of(real_line0),
            first_col_offset: lines.position(text, a).1.0 - 1,
            prefix,
        });
        let shift = |x: usize| x - a + prefix;
        (self.files.len() - 1, shift(start)..shift(end))
    }

    /// How many files are held.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Drops every file after the first `len` (their ids are then unused).
    pub fn truncate(&mut self, len: usize) {
        self.files.truncate(len);
    }

    fn get(&self, id: usize) -> Result<&Snippet, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Snippets {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.source)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let f = self.get(id)?;
        Ok(f.line_starts.partition_point(|&s| s <= byte_index) - 1)
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        Ok(self.get(id)?.first_line + line_index + 1)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let f = self.get(id)?;
        let range = self.line_range(id, line_index)?;
        let byte_index = byte_index.clamp(range.start, range.end);
        if line_index == 0 {
            let from = f.prefix.min(byte_index);
            Ok(f.first_col_offset + f.source[from..byte_index].chars().count() + 1)
        } else {
            Ok(f.source[range.start..byte_index].chars().count() + 1)
        }
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let f = self.get(id)?;
        let start = *f.line_starts.get(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: f.line_starts.len() - 1,
        })?;
        let end = f
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(f.source.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_long_lines_at_words_and_keeps_real_positions() {
        let text = format!(
            "first line\n{} the ice pick {}\n",
            "word ".repeat(40),
            "tail ".repeat(40)
        );
        let at = text.find("ice pick").unwrap();
        let mut s = Snippets::default();
        let (id, span) = s.add_excerpt(
            "doc.txt",
            (&text, 0),
            at..at + 8,
            0..text.len(),
            &LineIndex::new(&text),
        );
        let src = s.source(id).unwrap();
        assert_eq!(&src[span.clone()], "ice pick");
        assert!(src.starts_with("…word") && src.ends_with("tail…"), "{src}");
        let loc = s.location(id, span.start).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (2, 206));
    }

    #[test]
    fn short_lines_are_whole() {
        let text = "Trotsky died in 1941.\n";
        let mut s = Snippets::default();
        let (id, span) =
            s.add_excerpt("d", (text, 0), 16..20, 0..text.len(), &LineIndex::new(text));
        assert_eq!(s.source(id).unwrap(), "Trotsky died in 1941.");
        assert_eq!(s.location(id, span.start).unwrap().column_number, 17);
    }

    #[test]
    fn a_byte_order_mark_is_not_shown_and_cuts_nothing() {
        let text = "\u{feff}Trotsky died in 1941.\n";
        let mut s = Snippets::default();
        let at = text.find("1941").unwrap();
        let (id, span) = s.add_excerpt(
            "d",
            (text, 0),
            at..at + 4,
            0..text.len(),
            &LineIndex::new(text),
        );
        assert_eq!(s.source(id).unwrap(), "Trotsky died in 1941.");
        assert_eq!(s.location(id, span.start).unwrap().column_number, 17);
        // A long first line is still cut, after the mark.
        let text = format!("\u{feff}{} Trotsky died in 1941.", "word ".repeat(30));
        let at = text.find("1941").unwrap();
        let (id, span) = s.add_excerpt(
            "d",
            (&text, 0),
            at..at + 4,
            0..text.len(),
            &LineIndex::new(&text),
        );
        assert!(s.source(id).unwrap().starts_with("…word"));
        assert_eq!(s.location(id, span.start).unwrap().column_number, 168);
    }

    #[test]
    fn a_long_line_is_cut_to_the_sentence() {
        let text = "One sentence here. Trotsky died in 1941. Another one follows it.";
        let at = text.find("1941").unwrap();
        let mut s = Snippets::default();
        let (id, span) = s.add_excerpt("d", (text, 0), at..at + 4, 19..40, &LineIndex::new(text));
        assert_eq!(s.source(id).unwrap(), "…Trotsky died in 1941.…");
        assert_eq!(s.location(id, span.start).unwrap().column_number, 36);
    }
}

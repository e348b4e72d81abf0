//! Documents: decoded text with its line index, prose, folded form, units
//! (sentences, lines, cells) and addresses.

pub mod addresses;
pub mod chunks;
pub mod decode;
pub mod lines;
pub mod markup;
pub mod sentences;
pub mod tables;

use std::ops::Range;

use crate::extract::normalize::{Folded, fold};
use crate::scan::Matcher;
use crate::scan::matcher::{Found, TermMatches};
use lines::LineIndex;
use markup::{Markup, Prose};
use sentences::{Layout, Sentence, split_units};

/// A document ready to scan. Built once per file; every later stage reads it.
///
/// Scanning works on `text`, the prose: the file itself for plain text, or what
/// Markdown and HTML say once their markup is set aside. Spans found there map back
/// to bytes of the file with [`Document::source_range`].
#[derive(Debug)]
pub struct Document {
    /// The path as the user named it (forward slashes), for reports.
    pub path: String,
    /// The prose that is scanned.
    pub text: String,
    /// For Markdown and HTML: the file as read and the map from the prose to it (its
    /// text taken into `text`).
    marked_up: Option<(String, Prose)>,
    /// Line index of the file as read, built when first asked for: a document
    /// made of a paragraph of a bigger file (see `crate::lint::parts`) never
    /// needs one.
    lines: std::cell::OnceCell<LineIndex>,
    /// The folded prose that matchers run on, with its map back to `text`.
    pub folded: Folded,
    /// The units of the prose, in order, covering it: sentences, and the lines and
    /// table cells that stand alone (see [`sentences`]).
    pub sentences: Vec<Sentence>,
    /// Prose ranges of URLs, e-mail addresses and file paths, sorted and disjoint:
    /// no term, trigger, date or number inside one is prose.
    pub addresses: Vec<Range<usize>>,
    /// The term matches the prefilter found in the folded prose, kept for the
    /// scan; `None` where no prefilter asked.
    term_matches: Option<TermMatches>,
    /// Where each subject's names stand in the folded prose, with the id of the
    /// matcher that found them (see [`Matcher::subject_names_of`]): found once,
    /// for the pronouns a page uses and for the scan.
    ///
    /// [`Matcher::subject_names_of`]: crate::scan::Matcher::subject_names_of
    pub(crate) subject_names: std::cell::OnceCell<(u64, Vec<Vec<Range<usize>>>)>,
}

impl Document {
    /// A document whose markup follows from its path's extension.
    pub fn new(path: impl Into<String>, text: String) -> Document {
        let path = path.into();
        let markup = Markup::from_path(&path);
        Document::with_markup(path, text, markup)
    }

    /// A document written in `markup`.
    pub fn with_markup(path: impl Into<String>, source: String, markup: Markup) -> Document {
        Document::admitted(path, source, markup, None).expect("every document admitted")
    }

    /// A document written in `markup`, unless the matcher's prefilter turns it
    /// away (see [`crate::scan::prefilter`]): then nothing more than its prose and
    /// its folded prose is made.
    pub fn admitted(
        path: impl Into<String>,
        source: String,
        markup: Markup,
        matcher: Option<&Matcher>,
    ) -> Option<Document> {
        let (text, marked_up) = match markup::prose(&source, markup) {
            Some(mut prose) => (std::mem::take(&mut prose.text), Some((source, prose))),
            None => (source, None),
        };
        let source = marked_up.as_ref().map_or(&text, |(s, _)| s);
        if matcher.is_some_and(|m| !m.prefilter().on_prose(source, &text)) {
            return None;
        }
        Document::past_first_step(path.into(), text, marked_up, matcher)
    }

    /// A plain text that the prefilter's first step has already admitted (by its
    /// marks, [`crate::scan::prefilter::Marks`]), unless its second step turns it
    /// away: the text is not searched for anchors again.
    pub fn admitted_text(
        path: impl Into<String>,
        text: String,
        matcher: &Matcher,
    ) -> Option<Document> {
        Document::past_first_step(path.into(), text, None, Some(matcher))
    }

    /// The rest of [`Document::admitted`], from the folding of the prose on.
    fn past_first_step(
        path: String,
        text: String,
        marked_up: Option<(String, Prose)>,
        matcher: Option<&Matcher>,
    ) -> Option<Document> {
        let source = marked_up.as_ref().map_or(&text, |(s, _)| s);
        let folded = fold(&text);
        // The term matches are found whatever the prefilter's answer: the scan
        // reads them all, and the prefilter turns a text away only once it has
        // read them all too.
        let term_matches = matcher.map(|m| m.term_matches(&folded.text));
        if let (Some(matcher), Some(matches)) = (matcher, &term_matches) {
            let found = Found { matcher, matches };
            if !matcher
                .prefilter()
                .on_folded(source, &text, &folded.text, &found)
            {
                return None;
            }
        }

        let addresses = addresses::find_addresses(&text);
        let pipe_cells;
        let layout = match &marked_up {
            Some((_, prose)) => Layout {
                blocks: &prose.blocks,
                cells: &prose.cells,
                addresses: &addresses,
            },
            None => {
                pipe_cells = tables::pipe_cells(&text);
                Layout {
                    blocks: &[],
                    cells: &pipe_cells,
                    addresses: &addresses,
                }
            }
        };
        let sentences = split_units(&text, &layout);
        Some(Document {
            path,
            text,
            marked_up,
            lines: std::cell::OnceCell::new(),
            folded,
            sentences,
            addresses,
            term_matches,
            subject_names: std::cell::OnceCell::new(),
        })
    }

    /// The term matches its prefilter found in the folded prose (see
    /// [`Matcher::document_terms`]).
    pub fn term_matches(&self) -> Option<&TermMatches> {
        self.term_matches.as_ref()
    }

    /// Whether the prose range `r` overlaps an address (an empty range: whether its
    /// offset lies in one). The scanner skips what does.
    pub fn in_address(&self, r: &Range<usize>) -> bool {
        addresses::overlaps(&self.addresses, r)
    }

    /// The file as read.
    pub fn source(&self) -> &str {
        self.marked_up.as_ref().map_or(&self.text, |(s, _)| s)
    }

    /// The bytes of the file that a range of the prose came from.
    pub fn source_range(&self, prose: Range<usize>) -> Range<usize> {
        match &self.marked_up {
            Some((_, p)) => p.source_range(&self.text, prose),
            None => prose,
        }
    }

    /// Whether prose offset `offset` lies in a block quotation of the markup (a
    /// Markdown `>` quote, an HTML `<blockquote>` or `<q>`).
    pub fn quoted(&self, offset: usize) -> bool {
        self.marked_up
            .as_ref()
            .is_some_and(|(_, p)| p.quoted.iter().any(|q| q.contains(&offset)))
    }

    /// The line index of the file as read.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.source()))
    }

    /// Takes the file as read and its line index, for reports.
    pub fn into_source(self) -> (String, LineIndex) {
        let lines = self.lines.into_inner();
        let source = match self.marked_up {
            Some((s, _)) => s,
            None => self.text,
        };
        let lines = lines.unwrap_or_else(|| LineIndex::new(&source));
        (source, lines)
    }
}

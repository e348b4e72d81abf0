//! Markup: the prose of a Markdown or HTML document, mapped back to its bytes.
//!
//! Markdown is read with pulldown-cmark and its source offsets: code blocks, inline
//! code, HTML, link destinations and front matter are not prose. HTML is read with
//! a small scanner: tags, attributes, comments, `<script>` and `<style>` are not
//! prose, and entities are decoded. Block boundaries become blank lines, so
//! sentences and paragraphs end there. Every byte of the prose remembers the
//! source bytes it came from, so spans point at the original file; text inside a
//! block quote (`>`, `<blockquote>`, `<q>`) is marked as quoted. Headings, list
//! items, definition lists and table cells are recorded as prose ranges, so that
//! the units of the prose know what they are.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::extract::normalize::{OffsetMap, Record};

use super::sentences::{UnitKind, trimmed};
use super::tables::Cell;

mod html;

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Text,
    Markdown,
    Html,
}

impl Markup {
    /// The markup a file name implies (`.md`, `.markdown`, `.html`, `.htm`…).
    pub fn from_path(path: &str) -> Markup {
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdx" => Markup::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Markup::Html,
            _ => Markup::Text,
        }
    }
}

/// The prose of a document and its map to the source bytes.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// The prose. A document takes it (see [`Prose::source_range`]).
    pub text: String,
    /// For each byte of the prose, the source bytes it came from.
    map: OffsetMap,
    /// The dense map the sparse one replaces, for tests to compare.
    #[cfg(test)]
    dense: crate::extract::normalize::DenseMap,
    /// Prose ranges inside block quotations.
    pub quoted: Vec<Range<usize>>,
    /// Prose ranges of the blocks the markup marks: `Heading`, `ListItem`, `Label`
    /// (an HTML `<dt>`) and `Value` (a `<dd>`).
    pub blocks: Vec<(Range<usize>, UnitKind)>,
    /// Table cells, sorted by table, row and column.
    pub cells: Vec<Cell>,
}

impl Prose {
    /// The source range a prose range came from; `text` is the prose (`self.text`
    /// unless a document has taken it).
    pub fn source_range(&self, text: &str, r: Range<usize>) -> Range<usize> {
        if r.start >= self.map.len() {
            let end = self.map.last_end(text).unwrap_or(0);
            return end..end;
        }
        let start = self.map.start(text, r.start);
        let end = if r.end > r.start {
            self.map.end(text, r.end.min(self.map.len()) - 1)
        } else {
            start
        };
        start..end.max(start)
    }

    fn push_mapped(&mut self, s: &str, source_start: usize) {
        self.text.push_str(s);
        for (i, c) in s.char_indices() {
            let at = source_start + i;
            self.map.record_char(c.len_utf8(), at..at + c.len_utf8());
            #[cfg(test)]
            self.dense.record_char(c.len_utf8(), at..at + c.len_utf8());
        }
    }

    fn push_coarse(&mut self, s: &str, source: Range<usize>) {
        self.text.push_str(s);
        #[cfg(test)]
        self.dense.record_span(s.len(), source.clone());
        self.map.record_span(s.len(), source);
    }

    /// Frees the spare capacity once the prose is complete.
    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.map.shrink_to_fit();
    }

    /// A blank line at source position `at`, unless the prose already ends in one.
    fn push_break(&mut self, at: usize) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let s = if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.push_coarse(s, at..at);
    }

    /// Records a block that started at prose offset `start` and ends here.
    fn close_block(&mut self, start: usize, kind: UnitKind) {
        let r = trimmed(&self.text, start..self.text.len());
        if !r.is_empty() {
            self.blocks.push((r, kind));
        }
    }

    /// Records a cell whose text started at prose offset `cell.range.start` and
    /// ends here, unless it is empty.
    fn close_cell(&mut self, mut cell: Cell) {
        cell.range = trimmed(&self.text, cell.range.start..self.text.len());
        if !cell.range.is_empty() {
            self.cells.push(cell);
        }
    }

    fn push_space(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.push_coarse(" ", at..at);
        }
    }
}

/// The prose of `source` written in `markup`; `None` for plain text (the source is
/// its own prose).
pub fn prose(source: &str, markup: Markup) -> Option<Prose> {
    let mut p = match markup {
        Markup::Text => return None,
        Markup::Markdown => markdown(source),
        Markup::Html => html::html(source),
    };
    p.shrink_to_fit();
    Some(p)
}

fn markdown(source: &str) -> Prose {
    let mut p = Prose::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut state = MarkdownState::default();
    // pulldown-cmark reads a lone CR as a line end, except where an HTML block
    // ends (a comment hid the rest of a CR-only file): it reads a copy with a LF
    // for each lone CR, whose offsets are the source's.
    let parsed = lone_cr_as_lf(source);
    for (event, range) in Parser::new_ext(&parsed, options).into_offset_iter() {
        match event {
            Event::Start(tag) => state.start(&tag, range, &mut p),
            Event::End(tag) => state.end(tag, range, &mut p),
            Event::Text(text) if state.skip == 0 => {
                if parsed.get(range.clone()) == Some(&*text) {
                    p.push_mapped(&source[range.clone()], range.start);
                } else {
                    p.push_coarse(&text, range);
                }
            }
            // Inline code is not prose, but it separates the words around it.
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                p.push_space(range.start)
            }
            Event::SoftBreak | Event::HardBreak if state.skip == 0 => p.push_coarse("\n", range),
            _ => {}
        }
    }
    p
}

/// `source` with a LF for each CR that no LF follows: the same bytes but those.
fn lone_cr_as_lf(source: &str) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !source.match_indices('\r').any(|(i, _)| lone(i)) {
        return std::borrow::Cow::Borrowed(source);
    }
    let lf: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| if b == b'\r' && lone(i) { b'\n' } else { b })
        .collect();
    // One ASCII byte for another: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(lf).unwrap_or_else(|_| source.to_string()))
}

/// Where the Markdown reader is: skipped blocks, quotes, open blocks and tables.
#[derive(Default)]
struct MarkdownState {
    /// Inside code blocks, metadata, HTML blocks.
    skip: usize,
    quote_depth: usize,
    quote_start: usize,
    /// Open headings and list items: where their prose starts.
    open: Vec<(usize, UnitKind)>,
    /// Tables seen so far, and the place in the current one.
    tables: usize,
    row: usize,
    col: usize,
    head: bool,
    cell: Option<Cell>,
}

impl MarkdownState {
    fn start(&mut self, tag: &Tag, range: Range<usize>, p: &mut Prose) {
        match tag {
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                p.push_break(range.start);
                self.skip += 1;
            }
            Tag::BlockQuote(_) => {
                p.push_break(range.start);
                if self.quote_depth == 0 {
                    self.quote_start = p.text.len();
                }
                self.quote_depth += 1;
            }
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::TableCell
            | Tag::TableRow
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => p.push_break(range.start),
            _ => {}
        }
        let at = p.text.len();
        match tag {
            Tag::Heading { .. } => self.open.push((at, UnitKind::Heading)),
            Tag::Item => self.open.push((at, UnitKind::ListItem)),
            Tag::Table(_) => self.row = 0,
            Tag::TableHead => {
                self.head = true;
                self.col = 0;
            }
            Tag::TableRow => self.col = 0,
            Tag::TableCell => {
                self.cell = Some(Cell {
                    range: at..at,
                    table: self.tables,
                    row: self.row,
                    col: self.col,
                    header: self.head,
                })
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>, p: &mut Prose) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Item => {
                if let Some((start, kind)) = self.open.pop() {
                    p.close_block(start, kind);
                }
            }
            TagEnd::TableCell => {
                if let Some(c) = self.cell.take() {
                    p.close_cell(c);
                }
                self.col += 1;
            }
            TagEnd::TableHead => {
                self.head = false;
                self.row += 1;
            }
            TagEnd::TableRow => self.row += 1,
            TagEnd::Table => self.tables += 1,
            _ => {}
        }
        match tag {
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                self.skip = self.skip.saturating_sub(1);
                p.push_break(range.end);
            }
            TagEnd::BlockQuote(_) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    p.quoted.push(self.quote_start..p.text.len());
                }
                p.push_break(range.end);
            }
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition => p.push_break(range.end),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_ends_at_any_line_break() {
        for nl in ["\n", "\r\n", "\r"] {
            let src = format!(
                "Intro.{nl}{nl}<!-- a note -->{nl}He used an ice pick.{nl}{nl}More words.{nl}"
            );
            let p = prose_of(&src, Markup::Markdown);
            let words: Vec<&str> = p.text.split_whitespace().collect();
            assert_eq!(
                words,
                [
                    "Intro.", "He", "used", "an", "ice", "pick.", "More", "words."
                ],
                "{nl:?}"
            );
            assert_eq!(source_of(&src, &p, "ice pick"), "ice pick");
        }
        assert_eq!(lone_cr_as_lf("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(
            lone_cr_as_lf("a\r\nb"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    fn prose_of(source: &str, markup: Markup) -> Prose {
        prose(source, markup).unwrap()
    }

    fn source_of<'a>(source: &'a str, p: &Prose, word: &str) -> &'a str {
        let at = p
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {:?}", p.text));
        &source[p.source_range(&p.text, at..at + word.len())]
    }

    #[test]
    fn markdown_prose_skips_code_links_html_and_front_matter() {
        let src = "---\ntitle: ice pick\n---\n\n# Death\n\nHe was killed with an *ice pick* in [Mexico](https://ice-pick.example).\n\n```\nice pick\n```\n\nUse `ice pick` here. <!-- ice pick -->\n\n> They said ice pick.\n";
        let p = prose_of(src, Markup::Markdown);
        assert_eq!(p.text.matches("ice pick").count(), 2, "{:?}", p.text);
        assert!(!p.text.contains("example") && !p.text.contains("title"));
        assert_eq!(source_of(src, &p, "ice pick"), "ice pick");
        let at = p.text.rfind("ice pick").unwrap();
        assert!(p.quoted.iter().any(|q| q.contains(&at)));
        assert!(p.text.contains("Death\n\nHe was"));
    }

    #[test]
    fn html_prose_skips_tags_scripts_and_decodes_entities() {
        let src = "<html><head><title>x</title><script>var a = 'ice pick';</script></head><body><p class=\"ice pick\">Ram&oacute;n used an <b>ice&nbsp;pick</b>.</p><blockquote>an ice pick</blockquote></body></html>";
        let p = prose_of(src, Markup::Html);
        assert!(
            p.text.contains("Ramón used an ice\u{a0}pick."),
            "{:?}",
            p.text
        );
        assert!(!p.text.contains("var a"));
        assert_eq!(source_of(src, &p, "Ramón"), "Ram&oacute;n");
        assert_eq!(source_of(src, &p, "ice\u{a0}pick"), "ice&nbsp;pick");
        let at = p.text.rfind("an ice pick").unwrap();
        assert!(p.quoted.iter().any(|q| q.contains(&at)));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_maps_into_the_source(s in "[<>&;#a-z/!\\-\\[\\]()*`>\n é’]{0,80}") {
            for markup in [Markup::Markdown, Markup::Html] {
                let p = prose_of(&s, markup);
                for (i, _) in p.text.char_indices() {
                    let r = p.source_range(&p.text, i..p.text.len());
                    proptest::prop_assert!(r.start <= r.end && r.end <= s.len());
                    proptest::prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                }
            }
        }
    }

    /// `Prose::source_range` as it was on the dense map.
    fn dense_source_range(p: &Prose, r: Range<usize>) -> Range<usize> {
        let (starts, ends) = (&p.dense.starts, &p.dense.ends);
        if r.start >= starts.len() {
            let end = ends.last().map_or(0, |&e| e as usize);
            return end..end;
        }
        let start = starts[r.start] as usize;
        let end = if r.end > r.start {
            ends[r.end.min(ends.len()) - 1] as usize
        } else {
            start
        };
        start..end.max(start)
    }

    proptest::proptest! {
        #[test]
        fn the_sparse_map_agrees_with_the_dense_one(s in "[<>&;#a-zA-Z/!\\-\\[\\]()*`>\n é’Жн]{0,60}|<p>[a-z &;é’]{0,20}</p>") {
            for markup in [Markup::Markdown, Markup::Html] {
                let p = prose_of(&s, markup);
                proptest::prop_assert_eq!(p.dense.starts.len(), p.text.len());
                for a in 0..=p.text.len() + 1 {
                    for b in 0..=p.text.len() + 1 {
                        proptest::prop_assert_eq!(
                            p.source_range(&p.text, a..b),
                            dense_source_range(&p, a..b)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn mapped_prose_needs_few_breakpoints() {
        let p = prose_of("Some *plain* words and &amp; an entity.", Markup::Html);
        assert_eq!(p.text, "Some *plain* words and & an entity.");
        // Aligned up to the entity, the entity, aligned after it.
        assert_eq!(p.map.breaks(), 3);
        assert_eq!(dense_source_range(&p, 23..24), 23..28);
        assert_eq!(p.source_range(&p.text, 23..24), 23..28);
    }

    /// (cell text, table, row, col, header) of each cell.
    fn cells_of(p: &Prose) -> Vec<(&str, usize, usize, usize, bool)> {
        p.cells
            .iter()
            .map(|c| (&p.text[c.range.clone()], c.table, c.row, c.col, c.header))
            .collect()
    }

    #[test]
    fn markdown_tables_give_their_cells() {
        let src = "Facts\n\n| Event | Year |\n|---|---|\n| Born | 1867 |\n|  | 1934 |\n";
        let p = prose_of(src, Markup::Markdown);
        assert_eq!(
            cells_of(&p),
            vec![
                ("Event", 0, 0, 0, true),
                ("Year", 0, 0, 1, true),
                ("Born", 0, 1, 0, false),
                ("1867", 0, 1, 1, false),
                ("1934", 0, 2, 1, false),
            ]
        );
        // Each cell is a paragraph of the prose, and maps back to its bytes.
        assert!(
            p.text.contains("Event\n\nYear\n\nBorn\n\n1867"),
            "{:?}",
            p.text
        );
        assert_eq!(source_of(src, &p, "1867"), "1867");
    }

    #[test]
    fn html_tables_give_their_cells_and_headers() {
        let src = "<table><thead><tr><th>Event</th><th>Year</th></tr></thead><tr><td>Born<td>1867</tr><tr><th>Died</th><td> 1934 </td></tr></table>";
        let p = prose_of(src, Markup::Html);
        assert_eq!(
            cells_of(&p),
            vec![
                ("Event", 0, 0, 0, true),
                ("Year", 0, 0, 1, true),
                ("Born", 0, 1, 0, false),
                ("1867", 0, 1, 1, false),
                ("Died", 0, 2, 0, true),
                ("1934", 0, 2, 1, false),
            ]
        );
        assert_eq!(source_of(src, &p, "1934"), "1934");
    }

    #[test]
    fn headings_items_and_definitions_are_blocks() {
        let blocks = |p: &Prose| -> Vec<(String, UnitKind)> {
            p.blocks
                .iter()
                .map(|(r, k)| (p.text[r.clone()].to_string(), *k))
                .collect()
        };
        let md = prose_of(
            "# Early life\n\n- Born in 1867\n- Moved in 1891\n",
            Markup::Markdown,
        );
        let mut got = blocks(&md);
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            got,
            vec![
                ("Born in 1867".to_string(), UnitKind::ListItem),
                ("Early life".to_string(), UnitKind::Heading),
                ("Moved in 1891".to_string(), UnitKind::ListItem),
            ]
        );
        let html = prose_of(
            "<h2>Facts</h2><ul><li>Born 1867<li>Died 1934</ul><dl><dt>Height</dt><dd>8 m</dd></dl>",
            Markup::Html,
        );
        assert_eq!(
            blocks(&html),
            vec![
                ("Facts".to_string(), UnitKind::Heading),
                ("Born 1867".to_string(), UnitKind::ListItem),
                ("Died 1934".to_string(), UnitKind::ListItem),
                ("Height".to_string(), UnitKind::Label),
                ("8 m".to_string(), UnitKind::Value),
            ]
        );
    }

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(Markup::from_path("a/b.md"), Markup::Markdown);
        assert_eq!(Markup::from_path("index.HTML"), Markup::Html);
        assert_eq!(Markup::from_path("notes.txt"), Markup::Text);
        assert_eq!(Markup::from_path("README"), Markup::Text);
    }
}

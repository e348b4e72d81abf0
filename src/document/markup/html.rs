//! The HTML reader: a small scanner for which tags, attributes, comments,
//! `<script>` and `<style>` are not prose and entities are decoded. Block tags end
//! paragraphs; headings, list items, definition lists and table cells are recorded.

use super::Prose;
use crate::document::sentences::UnitKind;
use crate::document::tables::Cell;

/// Tags that end a block of prose.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "title",
    "dt",
    "dd",
    "dl",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "body",
    "html",
    "head",
    "form",
    "option",
    "caption",
];

/// Elements whose content is not prose.
const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "template", "noscript", "svg", "head",
];

pub(super) fn html(source: &str) -> Prose {
    let mut p = Prose::default();
    let mut i = 0;
    let bytes = source.as_bytes();
    let mut skip: Option<String> = None;
    let mut quote_starts: Vec<usize> = Vec::new();
    let mut layout = HtmlLayout::default();
    while i < source.len() {
        // A tag starts with `<` and a letter, `/`, `!` or `?`; any other `<` is text.
        let tag_next = bytes
            .get(i + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if bytes[i] == b'<' && tag_next {
            if source[i..].starts_with("<!--") {
                i = source[i..].find("-->").map_or(source.len(), |e| i + e + 3);
                continue;
            }
            let end = tag_end(source, i);
            let inner_end = if source[..end].ends_with('>') {
                end - 1
            } else {
                end
            };
            let tag = &source[i + 1..inner_end.max(i + 1)];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(s) = &skip {
                if closing && *s == name {
                    skip = None;
                    p.push_break(end);
                }
                i = end;
                continue;
            }
            if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
                skip = Some(name.clone());
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                p.push_break(i);
            }
            layout.tag(&name, closing, &mut p);
            if name == "blockquote" || name == "q" {
                if closing {
                    if let Some(s) = quote_starts.pop() {
                        p.quoted.push(s..p.text.len());
                    }
                } else {
                    quote_starts.push(p.text.len());
                }
            }
            i = end;
            continue;
        }
        if skip.is_some() {
            i += source[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if bytes[i] == b'&'
            && let Some((decoded, len)) = entity(&source[i..])
        {
            p.push_coarse(&decoded, i..i + len);
            i += len;
            continue;
        }
        let step = source[i..].chars().next().map_or(1, char::len_utf8);
        let next = source[i + step..]
            .find(['<', '&'])
            .map_or(source.len(), |n| i + step + n);
        p.push_mapped(&source[i..next], i);
        i = next;
    }
    layout.finish(&mut p);
    p
}

/// The HTML reader's open headings, list items, definitions and tables.
#[derive(Default)]
struct HtmlLayout {
    /// Open blocks: tag name, where their prose starts, their kind.
    open: Vec<(String, usize, UnitKind)>,
    /// Open tables, innermost last.
    tables: Vec<HtmlTable>,
    next_table: usize,
    cell: Option<Cell>,
}

/// Where the reader is in one HTML table.
struct HtmlTable {
    id: usize,
    row: Option<usize>,
    col: usize,
    head: bool,
}

impl HtmlLayout {
    fn tag(&mut self, name: &str, closing: bool, p: &mut Prose) {
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(UnitKind::Heading),
            "li" => Some(UnitKind::ListItem),
            "dt" => Some(UnitKind::Label),
            "dd" => Some(UnitKind::Value),
            _ => None,
        };
        // An item, term or definition left open ends at the next one or its list.
        let ends_open = match name {
            "li" => !closing,
            "dt" | "dd" => !closing,
            "ul" | "ol" | "dl" => closing,
            _ => false,
        };
        if ends_open
            && self
                .open
                .last()
                .is_some_and(|(n, _, _)| matches!(n.as_str(), "li" | "dt" | "dd"))
        {
            let (_, start, kind) = self.open.pop().expect("checked");
            p.close_block(start, kind);
        }
        match (kind, closing) {
            (Some(kind), false) => self.open.push((name.to_string(), p.text.len(), kind)),
            (Some(_), true) => {
                if self.open.last().is_some_and(|(n, _, _)| n == name) {
                    let (_, start, kind) = self.open.pop().expect("checked");
                    p.close_block(start, kind);
                }
            }
            (None, _) => self.table_tag(name, closing, p),
        }
    }

    fn table_tag(&mut self, name: &str, closing: bool, p: &mut Prose) {
        if matches!(name, "table" | "tr" | "td" | "th")
            && let Some(c) = self.cell.take()
        {
            p.close_cell(c);
        }
        match (name, closing) {
            ("table", false) => {
                self.tables.push(HtmlTable {
                    id: self.next_table,
                    row: None,
                    col: 0,
                    head: false,
                });
                self.next_table += 1;
            }
            ("table", true) => {
                self.tables.pop();
            }
            ("thead", _) | ("tbody" | "tfoot", false) => {
                if let Some(t) = self.tables.last_mut() {
                    t.head = name == "thead" && !closing;
                }
            }
            ("tr", false) => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(t.row.map_or(0, |r| r + 1));
                    t.col = 0;
                }
            }
            ("td" | "th", false) => {
                if let Some(t) = self.tables.last_mut() {
                    let row = *t.row.get_or_insert(0);
                    let at = p.text.len();
                    self.cell = Some(Cell {
                        range: at..at,
                        table: t.id,
                        row,
                        col: t.col,
                        header: name == "th" || t.head,
                    });
                    t.col += 1;
                }
            }
            _ => {}
        }
    }

    /// Closes what the document left open, and puts the cells in table order.
    fn finish(&mut self, p: &mut Prose) {
        if let Some(c) = self.cell.take() {
            p.close_cell(c);
        }
        while let Some((_, start, kind)) = self.open.pop() {
            p.close_block(start, kind);
        }
        p.cells.sort_by_key(|c| (c.table, c.row, c.col));
        p.blocks.sort_by_key(|(r, _)| r.start);
    }
}

/// The end of the tag starting at `start` (after its `>`), quotes respected.
fn tag_end(source: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in source.as_bytes()[start + 1..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return start + 1 + k + 1,
            _ => {}
        }
    }
    source.len()
}

/// The character an HTML entity at the start of `s` stands for, and its length.
fn entity(s: &str) -> Option<(String, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "lsquo" => '\u{2018}',
            "rsquo" => '\u{2019}',
            "ldquo" => '\u{201c}',
            "rdquo" => '\u{201d}',
            "laquo" => '\u{ab}',
            "raquo" => '\u{bb}',
            "hellip" => '\u{2026}',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "oacute" => 'ó',
            "iacute" => 'í',
            "uacute" => 'ú',
            "ntilde" => 'ñ',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            "ccedil" => 'ç',
            "shy" => '\u{ad}',
            _ => return None,
        }
    };
    Some((c.to_string(), end + 1))
}

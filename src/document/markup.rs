//! Markup: the prose of a Markdown or HTML document, mapped back to its bytes.
//!
//! Markdown is read with pulldown-cmark and its source offsets: code blocks, inline
//! code, HTML, link destinations and front matter are not prose. HTML is read with
//! a small scanner: tags, attributes, comments, `<script>` and `<style>` are not
//! prose, and entities are decoded. Block boundaries become blank lines, so
//! sentences and paragraphs end there. Every byte of the prose remembers the
//! source bytes it came from, so spans point at the original file; text inside a
//! block quote (`>`, `<blockquote>`, `<q>`) is marked as quoted.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

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
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Prose ranges inside block quotations.
    pub quoted: Vec<Range<usize>>,
}

impl Prose {
    /// The source range a prose range came from.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= self.starts.len() {
            let end = self.ends.last().map_or(0, |&e| e as usize);
            return end..end;
        }
        let start = self.starts[r.start] as usize;
        let end = if r.end > r.start {
            self.ends[r.end.min(self.ends.len()) - 1] as usize
        } else {
            start
        };
        start..end.max(start)
    }

    fn push_mapped(&mut self, s: &str, source_start: usize) {
        self.text.push_str(s);
        for (i, c) in s.char_indices() {
            for _ in 0..c.len_utf8() {
                self.starts.push((source_start + i) as u32);
                self.ends.push((source_start + i + c.len_utf8()) as u32);
            }
        }
    }

    fn push_coarse(&mut self, s: &str, source: Range<usize>) {
        self.text.push_str(s);
        for _ in 0..s.len() {
            self.starts.push(source.start as u32);
            self.ends.push(source.end as u32);
        }
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

    fn push_space(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.push_coarse(" ", at..at);
        }
    }
}

/// The prose of `source` written in `markup`; `None` for plain text (the source is
/// its own prose).
pub fn prose(source: &str, markup: Markup) -> Option<Prose> {
    match markup {
        Markup::Text => None,
        Markup::Markdown => Some(markdown(source)),
        Markup::Html => Some(html(source)),
    }
}

fn markdown(source: &str) -> Prose {
    let mut p = Prose::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut skip = 0usize; // inside code blocks, metadata, HTML blocks
    let mut quote_depth = 0usize;
    let mut quote_start = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                    p.push_break(range.start);
                    skip += 1;
                }
                Tag::BlockQuote(_) => {
                    p.push_break(range.start);
                    if quote_depth == 0 {
                        quote_start = p.text.len();
                    }
                    quote_depth += 1;
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
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                    skip = skip.saturating_sub(1);
                    p.push_break(range.end);
                }
                TagEnd::BlockQuote(_) => {
                    quote_depth = quote_depth.saturating_sub(1);
                    if quote_depth == 0 {
                        p.quoted.push(quote_start..p.text.len());
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
            },
            Event::Text(text) if skip == 0 => {
                if source.get(range.clone()) == Some(&*text) {
                    p.push_mapped(&text, range.start);
                } else {
                    p.push_coarse(&text, range);
                }
            }
            // Inline code is not prose, but it separates the words around it.
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                p.push_space(range.start)
            }
            Event::SoftBreak | Event::HardBreak if skip == 0 => p.push_coarse("\n", range),
            _ => {}
        }
    }
    p
}

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

fn html(source: &str) -> Prose {
    let mut p = Prose::default();
    let mut i = 0;
    let bytes = source.as_bytes();
    let mut skip: Option<String> = None;
    let mut quote_starts: Vec<usize> = Vec::new();
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
    p
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(source: &str, markup: Markup) -> Prose {
        prose(source, markup).unwrap()
    }

    fn source_of<'a>(source: &'a str, p: &Prose, word: &str) -> &'a str {
        let at = p
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {:?}", p.text));
        &source[p.source_range(at..at + word.len())]
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
                    let r = p.source_range(i..p.text.len());
                    proptest::prop_assert!(r.start <= r.end && r.end <= s.len());
                    proptest::prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                }
            }
        }
    }

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(Markup::from_path("a/b.md"), Markup::Markdown);
        assert_eq!(Markup::from_path("index.HTML"), Markup::Html);
        assert_eq!(Markup::from_path("notes.txt"), Markup::Text);
        assert_eq!(Markup::from_path("README"), Markup::Text);
    }
}

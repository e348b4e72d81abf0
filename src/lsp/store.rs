//! The documents the editor has open: their latest text and version, whether
//! they wait to be checked, and what their last check found.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

use lsp_types::Uri;

use super::project::Project;
use super::uri::to_path;
use crate::check::Finding;
use crate::document::lines::LineIndex;
use crate::document::markup::Markup;

/// One open document.
#[derive(Debug)]
pub struct OpenDocument {
    pub uri: Uri,
    /// The local file, for a `file:` URI.
    pub path: Option<PathBuf>,
    pub version: i32,
    /// The client's language id (`markdown`, `html`, `plaintext`).
    pub language: String,
    pub text: String,
    pub lines: LineIndex,
    /// Changed since its last check.
    pub dirty: bool,
    /// The last check: its project (the findings' claim indices are into its
    /// claims) and findings.
    pub checked: Option<Checked>,
}

/// What a check of a document found.
#[derive(Debug)]
pub struct Checked {
    pub project: Rc<Project>,
    pub findings: Vec<Finding>,
}

impl OpenDocument {
    /// How the document is written: the configuration's markup where it sets
    /// one, else its file's extension, as `check` reads it; a buffer with no
    /// file follows its language id.
    pub fn markup(&self, configured: Option<Markup>) -> Markup {
        if let Some(m) = configured {
            return m;
        }
        match &self.path {
            Some(p) => Markup::from_path(&p.to_string_lossy()),
            None => match self.language.as_str() {
                "markdown" => Markup::Markdown,
                "html" => Markup::Html,
                _ => Markup::Text,
            },
        }
    }

    /// The findings of the last check whose span meets the bytes `span` (a
    /// cursor at either end of the wrong words meets them), with their project.
    pub fn findings_at(&self, span: std::ops::Range<usize>) -> Vec<(&Finding, &Rc<Project>)> {
        let Some(checked) = &self.checked else {
            return Vec::new();
        };
        checked
            .findings
            .iter()
            .filter(|f| f.span.start <= span.end && span.start <= f.span.end)
            .map(|f| (f, &checked.project))
            .collect()
    }
}

/// The open documents, by URI, in the URIs' order.
#[derive(Debug, Default)]
pub struct Store {
    docs: BTreeMap<String, OpenDocument>,
}

impl Store {
    /// Opens (or reopens) a document; it waits to be checked.
    pub fn open(&mut self, uri: Uri, language: String, version: i32, text: String) {
        let doc = OpenDocument {
            path: to_path(&uri),
            language,
            lines: LineIndex::new(&text),
            uri: uri.clone(),
            version,
            text,
            dirty: true,
            checked: None,
        };
        self.docs.insert(uri.as_str().to_string(), doc);
    }

    /// Replaces a document's text with a newer version's; an older version than
    /// the one held, or an unknown document, is ignored.
    pub fn change(&mut self, uri: &Uri, version: i32, text: String) -> bool {
        match self.docs.get_mut(uri.as_str()) {
            Some(doc) if version >= doc.version => {
                doc.lines = LineIndex::new(&text);
                doc.text = text;
                doc.version = version;
                doc.dirty = true;
                true
            }
            _ => false,
        }
    }

    pub fn close(&mut self, uri: &Uri) -> Option<OpenDocument> {
        self.docs.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.docs.get(uri.as_str())
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut OpenDocument> {
        self.docs.get_mut(uri.as_str())
    }

    /// The URIs of the documents waiting to be checked.
    pub fn dirty(&self) -> Vec<Uri> {
        self.docs
            .values()
            .filter(|d| d.dirty)
            .map(|d| d.uri.clone())
            .collect()
    }

    /// Marks every document to be checked again.
    pub fn mark_all_dirty(&mut self) {
        for d in self.docs.values_mut() {
            d.dirty = true;
        }
    }

    /// The open document whose file is `path`, if any: an editor's buffer is
    /// newer than the disk.
    pub fn text_of(&self, path: &std::path::Path) -> Option<&str> {
        self.docs
            .values()
            .find(|d| d.path.as_deref() == Some(path))
            .map(|d| d.text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn only_a_newer_version_replaces_the_text() {
        let uri = Uri::from_str("file:///tmp/a.md").unwrap();
        let mut store = Store::default();
        store.open(uri.clone(), "markdown".into(), 3, "one".into());
        assert_eq!(store.dirty(), vec![uri.clone()]);
        store.get_mut(&uri).unwrap().dirty = false;
        assert!(!store.change(&uri, 2, "old".into()));
        assert_eq!(store.get(&uri).unwrap().text, "one");
        assert!(store.dirty().is_empty());
        assert!(store.change(&uri, 4, "two\nlines".into()));
        let doc = store.get(&uri).unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.version, doc.dirty),
            ("two\nlines", 4, true)
        );
        assert_eq!(doc.lines.line_start(1), Some(4));
        assert_eq!(
            store.text_of(std::path::Path::new("/tmp/a.md")),
            Some("two\nlines")
        );
        assert_eq!(doc.markup(None), Markup::Markdown);
        assert_eq!(doc.markup(Some(Markup::Text)), Markup::Text);
        assert!(store.close(&uri).is_some());
        assert!(store.get(&uri).is_none());
    }
}

#[cfg(test)]
mod markup_tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_buffer_without_a_file_follows_its_language() {
        let mut store = Store::default();
        for (uri, language, markup) in [
            ("untitled:a", "markdown", Markup::Markdown),
            ("untitled:b", "html", Markup::Html),
            ("untitled:c", "plaintext", Markup::Text),
            // A file follows its extension, whatever the language id.
            ("file:///tmp/c.html", "markdown", Markup::Html),
        ] {
            let uri = Uri::from_str(uri).unwrap();
            store.open(uri.clone(), language.into(), 1, String::new());
            assert_eq!(store.get(&uri).unwrap().markup(None), markup, "{uri:?}");
        }
    }
}

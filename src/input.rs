//! Documents read as JSON lines: `{"id": …, "text": …, …}` a line, each checked
//! like a file named `id`; the line's other fields travel with its findings.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use crate::document::Document;
use crate::document::markup::Markup;
use crate::lint::MaxFileSize;

/// One document of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct InputDocument {
    /// The line's `id`: the document's name, reported as its path.
    pub id: String,
    pub text: String,
    /// Every other field of the line, as given.
    pub extra: Map<String, Value>,
}

impl InputDocument {
    /// The document to check, with the run's markup, or else the one the id's
    /// extension implies (plain text without one).
    /// The prefilter of `matcher` may turn the document away, as it can make no
    /// finding (see [`crate::scan::prefilter`]): then the document's id comes back
    /// instead.
    pub fn into_document(
        self,
        markup: Option<Markup>,
        matcher: &crate::scan::Matcher,
    ) -> (Result<Document, String>, Map<String, Value>) {
        let markup = self.markup(markup);
        let id = self.id.clone();
        let doc = Document::admitted(self.id, self.text, markup, Some(matcher));
        (doc.ok_or(id), self.extra)
    }

    /// The run's markup, or else the one the id's extension implies.
    pub fn markup(&self, run: Option<Markup>) -> Markup {
        run.unwrap_or_else(|| Markup::from_path(&self.id))
    }
}

/// Why a line holds no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// Parses one line: a JSON object with a string `id` and a string `text`.
pub fn parse_line(line: &str) -> Result<InputDocument, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(mut extra) = value else {
        return Err("not a JSON object".to_string());
    };
    let mut field = |name: &str| match extra.remove(name) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("`{name}` is not a string")),
        None => Err(format!("no `{name}` field")),
    };
    let id = field("id")?;
    let text = field("text")?;
    Ok(InputDocument { id, text, extra })
}

/// The documents of a JSON-lines stream, one line at a time; blank lines are
/// skipped. A line that cannot be read or parsed is an error naming its number,
/// and the lines after it are still read; a read error of the stream ends it.
/// A line longer than the limit is an error: it is read through but not kept.
pub struct JsonLines<R> {
    reader: R,
    limit: MaxFileSize,
    line: usize,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// The documents of `reader`, each line at most `limit` bytes long (its
    /// line ending aside).
    pub fn new(reader: R, limit: MaxFileSize) -> JsonLines<R> {
        JsonLines {
            reader,
            limit,
            line: 0,
            done: false,
        }
    }
}

/// Reads one line, its `\n` included, into `bytes` where it has at most `most`
/// bytes before it; a longer one is read through and dropped. Answers how many
/// bytes the line has, and whether it was dropped.
fn read_line(reader: &mut impl BufRead, bytes: &mut Vec<u8>, most: u64) -> io::Result<(u64, bool)> {
    let (mut total, mut over) = (0u64, false);
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((total, over));
        }
        let (end, ends_line) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let content = total + end as u64 - u64::from(ends_line);
        if content > most && !over {
            over = true;
            *bytes = Vec::new();
        }
        if !over {
            bytes.extend_from_slice(&buf[..end]);
        }
        reader.consume(end);
        total += end as u64;
        if ends_line {
            return Ok((total - 1, over));
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<InputDocument, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        loop {
            if self.done {
                return None;
            }
            bytes.clear();
            self.line += 1;
            let error = |message: String| LineError {
                line: self.line,
                message,
            };
            match read_line(&mut self.reader, &mut bytes, self.limit.bytes()) {
                Ok((0, _)) if bytes.is_empty() => {
                    self.done = true;
                    return None;
                }
                Ok((size, true)) => return Some(Err(error(self.limit.refusal(Some(size))))),
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(error(e.to_string())));
                }
            }
            let Ok(text) = std::str::from_utf8(&bytes) else {
                return Some(Err(error("not valid UTF-8".to_string())));
            };
            if text.trim().is_empty() {
                continue;
            }
            let text = text.strip_suffix('\n').unwrap_or(text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            return Some(parse_line(text).map_err(error));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<InputDocument, LineError>> {
        JsonLines::new(input.as_bytes(), MaxFileSize::default()).collect()
    }

    #[test]
    fn a_line_gives_its_id_text_and_other_fields() {
        let docs = read(
            "{\"id\": \"a.md\", \"text\": \"The mill burned.\", \"lang\": \"en\", \"n\": 3}\n",
        );
        let doc = docs[0].clone().expect("parsed");
        assert_eq!(doc.id, "a.md");
        assert_eq!(doc.text, "The mill burned.");
        let keys: Vec<&String> = doc.extra.keys().collect();
        assert_eq!(keys, ["lang", "n"]);
        assert_eq!(doc.extra["n"], 3);
    }

    #[test]
    fn bad_lines_are_errors_with_their_numbers_and_reading_goes_on() {
        let input = "{\"id\": \"a\", \"text\": \"One.\"}\r\n\
                     not json\n\
                     \n\
                     {\"text\": \"No id.\"}\n\
                     {\"id\": \"b\", \"text\": 7}\n\
                     [1, 2]\n\
                     {\"id\": \"c\", \"text\": \"Last, without a newline.\"}";
        let got: Vec<Result<String, (usize, String)>> = read(input)
            .into_iter()
            .map(|r| r.map(|d| d.id).map_err(|e| (e.line, e.message)))
            .collect();
        assert_eq!(got.len(), 6);
        assert_eq!(got[0], Ok("a".to_string()));
        assert_eq!(
            got[1],
            Err((
                2,
                "not valid JSON: expected ident at line 1 column 2".to_string()
            ))
        );
        assert_eq!(got[2], Err((4, "no `id` field".to_string())));
        assert_eq!(got[3], Err((5, "`text` is not a string".to_string())));
        assert_eq!(got[4], Err((6, "not a JSON object".to_string())));
        assert_eq!(got[5], Ok("c".to_string()));
    }

    #[test]
    fn invalid_utf8_is_an_error_of_its_line() {
        let input: &[u8] =
            b"{\"id\": \"a\", \"text\": \"\xff\"}\n{\"id\": \"b\", \"text\": \"\"}\n";
        let got: Vec<_> = JsonLines::new(input, MaxFileSize::default()).collect();
        assert_eq!(
            got[0],
            Err(LineError {
                line: 1,
                message: "not valid UTF-8".to_string()
            })
        );
        assert_eq!(got[1].as_ref().map(|d| d.id.as_str()), Ok("b"));
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_and_the_next_lines_are_read() {
        let long = format!("{{\"id\": \"a\", \"text\": \"{}\"}}", "x".repeat(200));
        let short = "{\"id\": \"b\", \"text\": \"Ok.\"}";
        let input = format!("{long}\r\n{short}\n{long}");
        let limit: MaxFileSize = "100".parse().expect("a size");
        let got: Vec<_> = JsonLines::new(input.as_bytes(), limit).collect();
        let refusal = |line| LineError {
            line,
            message: format!(
                "too large ({} bytes, over the limit of 100), skipped; raise the limit with --max-file-size (at most 4G)",
                long.len() + 1
            ),
        };
        assert_eq!(got[0], Err(refusal(1)));
        assert_eq!(got[1].as_ref().map(|d| d.text.as_str()), Ok("Ok."));
        let last = LineError {
            message: refusal(3).message.replace(
                &format!("{} bytes", long.len() + 1),
                &format!("{} bytes", long.len()),
            ),
            line: 3,
        };
        assert_eq!(got[2], Err(last));
        assert_eq!(got.len(), 3);
        // A line just at the limit is read.
        let limit = MaxFileSize::new(short.len() as u64).expect("a size");
        let got: Vec<_> = JsonLines::new(format!("{short}\n").as_bytes(), limit).collect();
        assert!(got[0].is_ok(), "{got:?}");
    }

    #[test]
    fn the_id_sets_the_markup_unless_the_run_names_one() {
        let doc = |id: &str, markup| {
            let d = InputDocument {
                id: id.to_string(),
                text: "# Title\n\nThe *mill* burned.\n".to_string(),
                extra: Map::new(),
            };
            d.markup(markup)
        };
        assert_eq!(doc("page.md", None), Markup::Markdown);
        assert_eq!(doc("page.html", None), Markup::Html);
        assert_eq!(doc("page", None), Markup::Text);
        assert_eq!(doc("page.md", Some(Markup::Text)), Markup::Text);
    }
}

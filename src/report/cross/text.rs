//! Text on a terminal: widths in columns, text cut to a width, a sentence
//! shortened around its marked words, and lines of coloured pieces.

use std::io;
use std::ops::Range;

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns a text takes on a terminal.
pub(super) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The text cut to `max` columns, with `…` where cut.
pub(super) fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The text padded with spaces to `columns`.
pub(super) fn pad(s: &str, columns: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(width(s))));
    out
}

/// The longest start of `s` within `max` columns, ending at a word's end where
/// it has one.
fn head(s: &str, max: usize) -> &str {
    let mut end = 0;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += char_width(c);
        if used > max {
            break;
        }
        end = i + c.len_utf8();
    }
    let cut = &s[..end];
    let mid_word = s[end..].starts_with(|c: char| !c.is_whitespace()) && end > 0;
    match cut.rfind(char::is_whitespace) {
        Some(space) if mid_word => cut[..space].trim_end(),
        _ => cut.trim_end(),
    }
}

/// The longest end of `s` within `max` columns, starting at a word's start where
/// it has one.
fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len();
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        used += char_width(c);
        if used > max {
            break;
        }
        start = i;
    }
    let cut = &s[start..];
    let mid_word = s[..start].ends_with(|c: char| !c.is_whitespace()) && start < s.len();
    match cut.find(char::is_whitespace) {
        Some(space) if mid_word => cut[space..].trim_start(),
        _ => cut.trim_start(),
    }
}

/// A sentence shortened to `budget` columns around its marked words, which stay
/// whole: (before, marked, after), with `…` where text was cut.
pub(super) fn excerpt(text: &str, mark: Range<usize>, budget: usize) -> (String, String, String) {
    let (before, marked, after) = match (
        text.get(..mark.start),
        text.get(mark.clone()),
        text.get(mark.end..),
    ) {
        (Some(b), Some(m), Some(a)) => (b, m, a),
        _ => ("", "", text),
    };
    let (bw, mw, aw) = (width(before), width(marked), width(after));
    if bw + mw + aw <= budget {
        return (before.to_string(), marked.to_string(), after.to_string());
    }
    let room = budget.saturating_sub(mw);
    let half = room / 2;
    let (left, right) = if bw <= half {
        (bw, room - bw)
    } else if aw <= room - half {
        (room - aw, aw)
    } else {
        (half, room - half)
    };
    let before = if bw <= left {
        before.to_string()
    } else {
        let kept = tail(before, left.saturating_sub(1));
        let gap = if before.ends_with(' ') && !kept.is_empty() {
            " "
        } else {
            ""
        };
        format!("…{}{gap}", kept.trim_end())
    };
    let after = if aw <= right {
        after.to_string()
    } else {
        let kept = head(after, right.saturating_sub(1));
        let gap = if after.starts_with(' ') && !kept.is_empty() {
            " "
        } else {
            ""
        };
        format!("{gap}{}…", kept.trim_start())
    };
    (before, marked.to_string(), after)
}

/// Text wrapped at spaces to `total` columns: the first line indented by
/// `indent` spaces, the others by `hanging`. A word longer than a line has a
/// line of its own.
pub(super) fn wrap(text: &str, total: usize, indent: usize, hanging: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !empty && width(&line) + 1 + width(word) > total {
            lines.push(std::mem::replace(&mut line, " ".repeat(hanging)));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

/// One line of output: pieces of text, each in its colour or none.
#[derive(Default)]
pub(super) struct Line {
    pieces: Vec<(String, Option<ColorSpec>)>,
}

impl Line {
    /// Adds plain text.
    pub(super) fn text(&mut self, s: impl Into<String>) -> &mut Line {
        self.pieces.push((s.into(), None));
        self
    }

    /// Adds text in a colour.
    pub(super) fn paint(&mut self, s: impl Into<String>, spec: ColorSpec) -> &mut Line {
        self.pieces.push((s.into(), Some(spec)));
        self
    }

    /// The columns the line takes so far.
    pub(super) fn width(&self) -> usize {
        self.pieces.iter().map(|(s, _)| width(s)).sum()
    }

    /// Writes the line with no trailing spaces, and a newline.
    pub(super) fn write(&mut self, out: &mut dyn WriteColor) -> io::Result<()> {
        while let Some((last, _)) = self.pieces.last_mut() {
            let trimmed = last.trim_end().len();
            last.truncate(trimmed);
            if !last.is_empty() {
                break;
            }
            self.pieces.pop();
        }
        for (s, spec) in &self.pieces {
            match spec {
                Some(spec) => {
                    out.set_color(spec)?;
                    write!(out, "{s}")?;
                    out.reset()?;
                }
                None => write!(out, "{s}")?,
            }
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, words: &str, budget: usize) -> String {
        let at = text.find(words).unwrap();
        let (b, m, a) = excerpt(text, at..at + words.len(), budget);
        format!("{b}[{m}]{a}")
    }

    #[test]
    fn a_sentence_that_fits_is_whole() {
        assert_eq!(cut("The lamp is red.", "red", 40), "The lamp is [red].");
    }

    #[test]
    fn a_long_sentence_is_cut_at_words_around_the_mark() {
        let s = "Long before the harbour was dredged the keepers said the lamp burned green on every winter night.";
        let out = cut(s, "green", 40);
        assert_eq!(out, "…the lamp burned [green] on every winter…");
        assert!(width(&out) - 2 <= 40, "{out}");
        assert_eq!(cut(s, "Long", 30), "[Long] before the harbour was…");
        assert_eq!(cut(s, "night.", 30), "…green on every winter [night.]");
    }

    #[test]
    fn the_marked_words_stay_whole_when_they_alone_overflow() {
        let s = "They named it the northern lighthouse of the seven rocks in the end.";
        assert_eq!(
            cut(s, "the northern lighthouse of the seven rocks", 20),
            "…[the northern lighthouse of the seven rocks]…"
        );
    }

    #[test]
    fn prose_wraps_at_spaces_with_a_hanging_indent() {
        assert_eq!(
            wrap("2 sources say green: D1, D3 (weight 3)", 20, 2, 4),
            ["  2 sources say", "    green: D1, D3", "    (weight 3)"]
        );
        assert_eq!(wrap("short", 20, 0, 4), ["short"]);
        assert_eq!(
            wrap("a verylongwordindeed b", 10, 0, 2),
            ["a", "  verylongwordindeed", "  b"]
        );
        assert_eq!(wrap("", 10, 2, 4), ["  "]);
    }

    #[test]
    fn wide_characters_count_their_columns() {
        assert_eq!(width("灯台"), 4);
        assert_eq!(fit("灯台の光", 5), "灯台…");
        assert_eq!(fit("beam.range", 10), "beam.range");
        assert_eq!(fit("beam.range.night", 10), "beam.rang…");
        assert_eq!(pad("灯", 4), "灯  ");
    }

    #[test]
    fn a_mark_off_a_char_boundary_shows_the_text_unmarked() {
        let (b, m, a) = excerpt("Ümlaut lamp", 1..3, 80);
        assert_eq!(
            (b.as_str(), m.as_str(), a.as_str()),
            ("", "", "Ümlaut lamp")
        );
    }
}

//! The cross-check on a terminal: the documents numbered, the matrix of claims ×
//! documents, a section for each claim the documents split on with every
//! statement's sentence, and a summary line.

use std::io;

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};

use super::table::write_table;
use super::text::{Line, excerpt, pad, width, wrap};
use super::view;
use crate::claims::ClaimSet;
use crate::crosscheck::{Evidence, Matrix, Row, Status};

/// The narrowest width the report lays itself out for.
const NARROWEST: usize = 40;

/// The least room for a sentence on its statement's line; with less, and a
/// sentence of the section that would not fit, the sentences go on lines of
/// their own.
const SENTENCE_ROOM: usize = 50;

/// Writes the report for a terminal `total` columns wide. Without colour, the
/// marked words of a sentence are set off with `*`.
pub fn write_human(
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    m: &Matrix,
    total: usize,
) -> io::Result<()> {
    let total = total.max(NARROWEST);
    legend(out, m)?;
    if m.rows.iter().any(view::mentioned) {
        writeln!(out)?;
        write_table(out, claims, m, total)?;
        marks(out, total)?;
    }
    if let Some(line) = view::left_out(m) {
        writeln!(out)?;
        prose(out, &line, total, 0)?;
    }
    for row in m.rows.iter().filter(|r| view::split(claims, r)) {
        writeln!(out)?;
        section(out, claims, m, row, total)?;
    }
    writeln!(out)?;
    for text in wrap(&view::summary(m), total, 0, 2) {
        Line::default().paint(text, bold()).write(out)?;
    }
    Ok(())
}

/// Plain text wrapped to the width, indented.
fn prose(out: &mut dyn WriteColor, text: &str, total: usize, indent: usize) -> io::Result<()> {
    for line in wrap(text, total, indent, indent + 2) {
        Line::default().text(line).write(out)?;
    }
    Ok(())
}

fn bold() -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_bold(true);
    spec
}

/// The documents, numbered, with what the configuration says of them.
fn legend(out: &mut dyn WriteColor, m: &Matrix) -> io::Result<()> {
    let labels = width(&view::label(m.documents.len().saturating_sub(1)));
    for (d, doc) in m.documents.iter().enumerate() {
        let mut line = Line::default();
        line.paint(pad(&view::label(d), labels), bold());
        line.text(format!("  {}", doc.path));
        if let Some(about) = view::describe(doc) {
            line.text(format!("  ({about})"));
        }
        line.write(out)?;
    }
    Ok(())
}

/// What the marks mean, wrapped to the width.
fn marks(out: &mut dyn WriteColor, total: usize) -> io::Result<()> {
    writeln!(out)?;
    let mut line = Line::default();
    for status in Status::ALL {
        let item = 2 + width(status.as_str());
        if line.width() > 0 && line.width() + 2 + item > total {
            line.write(out)?;
            line = Line::default();
        }
        if line.width() > 0 {
            line.text("  ");
        }
        line.paint(view::mark(status), view::color(status));
        line.text(format!(" {}", status.as_str()));
    }
    line.write(out)
}

/// A claim the documents split on: what the claims say, the values the
/// documents give, the consensus, and every statement with its sentence.
fn section(
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    m: &Matrix,
    row: &Row,
    total: usize,
) -> io::Result<()> {
    let id = &view::claim(claims, row).id.0;
    let heading = format!("{id} — {}", view::stance(claims, row));
    for (k, text) in wrap(&heading, total, 0, 2).into_iter().enumerate() {
        let mut line = Line::default();
        match text.strip_prefix(id.as_str()) {
            Some(rest) if k == 0 => line.paint(id.clone(), bold()).text(rest),
            _ => line.text(text),
        };
        line.write(out)?;
    }
    for group in &row.groups {
        let text = view::group_line(group, row.consensus.is_some());
        prose(out, &text, total, 2)?;
    }
    if let Some(verdict) = &row.consensus {
        prose(out, &view::verdict_line(verdict, row), total, 2)?;
    }
    let statements: Vec<(usize, &Evidence)> = row
        .cells
        .iter()
        .flat_map(|c| c.evidence.iter().map(move |e| (c.document, e)))
        .collect();
    let mut widths = Widths {
        inline: true,
        label: width(&view::label(m.documents.len().saturating_sub(1))),
        place: statements
            .iter()
            .map(|(d, e)| width(&place(m, *d, e)))
            .max()
            .unwrap_or(0),
        words: statements
            .iter()
            .map(|(_, e)| width(&view::status_words(e.status, e.cue.as_deref())))
            .max()
            .unwrap_or(0),
    };
    let room = total.saturating_sub(widths.prefix() + frame(out));
    widths.inline = room >= SENTENCE_ROOM
        || statements
            .iter()
            .all(|(_, e)| width(&e.sentence_text) <= room);
    for (d, e) in statements {
        statement(out, m, d, e, &widths, total)?;
    }
    Ok(())
}

/// The widths of a section's columns of statements, and whether its sentences
/// fit on the statements' lines.
struct Widths {
    inline: bool,
    label: usize,
    place: usize,
    words: usize,
}

impl Widths {
    /// The columns before a sentence on a statement's line.
    fn prefix(&self) -> usize {
        2 + 1 + 1 + self.label + 1 + self.place + 2 + self.words + 2
    }
}

/// The columns around a sentence: its quotes, and the stars that set off its
/// words where there is no colour.
fn frame(out: &dyn WriteColor) -> usize {
    if out.supports_color() { 2 } else { 4 }
}

/// Where a statement is: `path:line:column`.
fn place(m: &Matrix, document: usize, e: &Evidence) -> String {
    format!("{}:{}:{}", m.documents[document].path, e.line, e.column)
}

/// One statement: its mark, document, place and status, and its sentence cut
/// to the width around the marked words.
fn statement(
    out: &mut dyn WriteColor,
    m: &Matrix,
    document: usize,
    e: &Evidence,
    widths: &Widths,
    total: usize,
) -> io::Result<()> {
    let mut line = Line::default();
    line.text("  ");
    line.paint(view::mark(e.status), view::color(e.status));
    line.text(format!(
        " {} {}  ",
        pad(&view::label(document), widths.label),
        pad(&place(m, document, e), widths.place)
    ));
    line.paint(
        pad(
            &view::status_words(e.status, e.cue.as_deref()),
            widths.words,
        ),
        view::color(e.status),
    );
    line.text("  ");
    if !widths.inline {
        line.write(out)?;
        line = Line::default();
        line.text("      ");
    }
    let budget = total.saturating_sub(line.width() + frame(out));
    let (before, words, after) = excerpt(&e.sentence_text, e.mark.clone(), budget);
    line.text(format!("\"{before}"));
    if out.supports_color() {
        let mut spec = view::color(e.status);
        spec.set_bold(true).set_dimmed(false);
        line.paint(words, spec);
    } else {
        line.text(format!("*{words}*"));
    }
    line.text(format!("{after}\""));
    line.write(out)
}

#[cfg(test)]
mod tests {
    use codespan_reporting::term::termcolor::Buffer;

    use super::super::fixture;
    use super::*;

    fn report(mut out: Buffer, total: usize) -> String {
        let (claims, m) = fixture::matrix();
        write_human(&mut out, &claims, &m, total).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn the_report_without_colour_puts_sentences_on_their_own_lines_where_room_is_short() {
        assert_eq!(
            report(Buffer::no_color(), 100),
            r#"D1  docs/log.txt
D2  docs/guide.txt
D3  docs/gazette.txt  (Harbour Gazette, newspaper, trust 2)

claim         value  D1 D2 D3  counts
lamp.color    red    ✗  ✓  ✗   ✗2 ✓1
tower.height  30 m   ·  ✓  ·   ✓1 ·2
beam.range    ?      •  •  ·   •2 ·1

✗ contradicts  ✓ agrees  • states  ¬ negated  ~ hedged  " quoted  · silent

1 claim that no document mentions is left out.

lamp.color — the claims say: red
  2 sources say green: D1, D3 (weight 3)
  1 source says red (the claim's value): D2
  ✗ D1 docs/log.txt:3:33     contradicts
      "The Skerry Light shone a steady *green* over the rocks."
  ✓ D2 docs/guide.txt:1:13   agrees
      "Its lamp is *red*."
  ~ D2 docs/guide.txt:9:25   hedged (reportedly)
      "The lamp was reportedly *red* from the first night on."
  ✗ D3 docs/gazette.txt:2:3  contradicts
      "A *green* lamp | *burned* on the <tower> in `fog`."

beam.range — open question
  1 source says 30 km: D1 (weight 1)
  1 source says 40 km: D2 (weight 1)
  disputed: a tie: 30 km and 40 km weigh 1 each
  • D1 docs/log.txt:5:19    states  "The beam was seen *30 km* out."
  • D2 docs/guide.txt:6:21  states  "Sailors saw it from *40 km* away."

3 documents, 4 claims: 2 contradictions, 1 disputed
"#
        );
    }

    #[test]
    fn a_narrow_report_cuts_sentences_and_wraps_the_legend() {
        let out = report(Buffer::no_color(), 60);
        assert!(
            out.contains(
                "  ✗ D1 docs/log.txt:3:33     contradicts\n      \"…Skerry Light shone a steady *green* over the rocks.\"\n"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "✗ contradicts  ✓ agrees  • states  ¬ negated  ~ hedged\n\" quoted  · silent\n"
            ),
            "{out}"
        );
        for line in out.lines() {
            assert!(width(line) <= 60, "{line:?} is wider than 60 columns");
        }
    }

    #[test]
    fn colours_mark_the_statuses_and_the_words() {
        let out = report(Buffer::ansi(), 100);
        // Red for a contradiction, green for agreement, dim for silence.
        assert!(out.contains("\u{1b}[0m\u{1b}[31m✗\u{1b}[0m"), "{out}");
        assert!(out.contains("\u{1b}[0m\u{1b}[32m✓\u{1b}[0m"), "{out}");
        assert!(out.contains("\u{1b}[0m\u{1b}[2m·\u{1b}[0m"), "{out}");
        assert!(out.contains("\u{1b}[0m\u{1b}[33m~\u{1b}[0m"), "{out}");
        // The marked words in bold red, without stars.
        assert!(
            out.contains("steady \u{1b}[0m\u{1b}[1m\u{1b}[31mgreen\u{1b}[0m over"),
            "{out}"
        );
        assert!(!out.contains("*green*"), "{out}");
        let plain = report(Buffer::no_color(), 100);
        assert!(!plain.contains('\u{1b}'), "{plain}");
    }
}

//! The matrix on a terminal: a line per claim that some document mentions, a
//! column per document; where the documents do not fit the width, their columns
//! go in blocks, each repeating the claim and its value.

use std::io;

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};

use super::text::{Line, fit, pad, width};
use super::view;
use crate::claims::ClaimSet;
use crate::crosscheck::{Matrix, Row, Status};

/// A column after the claim's: a document's, or the counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Document(usize),
    Counts,
}

/// The widths of the table's columns.
struct Layout {
    id: usize,
    value: usize,
    /// A document's column, without the space after it.
    document: usize,
    counts: usize,
}

impl Layout {
    fn new(claims: &ClaimSet, m: &Matrix, rows: &[&Row], total: usize) -> Layout {
        let widest = |f: &dyn Fn(&Row) -> usize| rows.iter().map(|r| f(r)).max().unwrap_or(0);
        let id = widest(&|r| width(&view::claim(claims, r).id.0));
        let value = widest(&|r| width(&view::value(claims, r)));
        Layout {
            id: id.clamp(width("claim"), (total * 2 / 5).max(12)),
            value: value.clamp(width("value"), (total / 4).max(8)),
            document: width(&view::label(m.documents.len().saturating_sub(1))),
            counts: widest(&|r| width(&counts_text(r))).max(width("counts")),
        }
    }

    fn prefix(&self) -> usize {
        self.id + 2 + self.value + 2
    }

    fn columns(&self, column: Column) -> usize {
        match column {
            Column::Document(_) => self.document + 1,
            Column::Counts => self.counts + 1,
        }
    }
}

fn counts_text(row: &Row) -> String {
    view::counts(row)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The columns in blocks that each fit `room` columns (a column wider than the
/// room has a block of its own).
fn blocks(layout: &Layout, documents: usize, room: usize) -> Vec<Vec<Column>> {
    let mut out: Vec<Vec<Column>> = vec![Vec::new()];
    let mut used = 0;
    let all = (0..documents)
        .map(Column::Document)
        .chain(std::iter::once(Column::Counts));
    for column in all {
        let w = layout.columns(column);
        let block = out.last_mut().expect("a block");
        if used + w > room && !block.is_empty() {
            out.push(vec![column]);
            used = w;
        } else {
            block.push(column);
            used += w;
        }
    }
    out
}

fn bold() -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_bold(true);
    spec
}

/// Writes the table of the claims some document mentions, wrapped to `total`
/// columns.
pub(super) fn write_table(
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    m: &Matrix,
    total: usize,
) -> io::Result<()> {
    let rows: Vec<&Row> = m.rows.iter().filter(|r| view::mentioned(r)).collect();
    if rows.is_empty() {
        return Ok(());
    }
    let layout = Layout::new(claims, m, &rows, total);
    let blocks = blocks(
        &layout,
        m.documents.len(),
        total.saturating_sub(layout.prefix()),
    );
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        header(&layout, block).write(out)?;
        for row in &rows {
            line(claims, &layout, block, row).write(out)?;
        }
    }
    Ok(())
}

fn header(layout: &Layout, block: &[Column]) -> Line {
    let mut line = Line::default();
    let mut text = format!(
        "{}  {}  ",
        pad("claim", layout.id),
        pad("value", layout.value)
    );
    for column in block {
        match column {
            Column::Document(d) => text.push_str(&pad(&view::label(*d), layout.document + 1)),
            Column::Counts => text.push_str(" counts"),
        }
    }
    line.paint(text, bold());
    line
}

fn line(claims: &ClaimSet, layout: &Layout, block: &[Column], row: &Row) -> Line {
    let mut line = Line::default();
    line.text(pad(
        &fit(&view::claim(claims, row).id.0, layout.id),
        layout.id + 2,
    ));
    let value = view::value(claims, row);
    line.text(pad(&fit(&value, layout.value), layout.value + 2));
    for column in block {
        match column {
            Column::Document(d) => {
                let status = row.cell(*d).map_or(Status::Silent, |c| c.status);
                line.paint(view::mark(status), view::color(status));
                line.text(" ".repeat(layout.document));
            }
            Column::Counts => {
                line.text(" ");
                for (k, (status, text)) in view::counts(row).into_iter().enumerate() {
                    if k > 0 {
                        line.text(" ");
                    }
                    line.paint(text, view::color(status));
                }
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use codespan_reporting::term::termcolor::Buffer;

    use super::super::fixture;
    use super::*;

    fn table(total: usize) -> String {
        let (claims, m) = fixture::matrix();
        let mut out = Buffer::no_color();
        write_table(&mut out, &claims, &m, total).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn a_wide_terminal_has_one_block() {
        assert_eq!(
            table(100),
            "\
claim         value  D1 D2 D3  counts
lamp.color    red    ✗  ✓  ✗   ✗2 ✓1
tower.height  30 m   ·  ✓  ·   ✓1 ·2
beam.range    ?      •  •  ·   •2 ·1
"
        );
    }

    #[test]
    fn a_narrow_terminal_splits_the_documents_into_blocks() {
        let out = table(28);
        assert_eq!(
            out,
            "\
claim         value  D1 D2
lamp.color    red    ✗  ✓
tower.height  30 m   ·  ✓
beam.range    ?      •  •

claim         value  D3
lamp.color    red    ✗
tower.height  30 m   ·
beam.range    ?      ·

claim         value   counts
lamp.color    red     ✗2 ✓1
tower.height  30 m    ✓1 ·2
beam.range    ?       •2 ·1
"
        );
        for line in out.lines() {
            assert!(width(line) <= 28, "{line:?} is wider than 28 columns");
        }
    }

    #[test]
    fn columns_go_in_blocks_that_fit_the_room() {
        let layout = Layout {
            id: 10,
            value: 5,
            document: 2,
            counts: 8,
        };
        let b = blocks(&layout, 4, 9);
        assert_eq!(
            b,
            vec![
                vec![
                    Column::Document(0),
                    Column::Document(1),
                    Column::Document(2)
                ],
                vec![Column::Document(3)],
                vec![Column::Counts],
            ]
        );
        assert_eq!(blocks(&layout, 4, 0).len(), 5);
    }
}

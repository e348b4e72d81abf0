//! Tables: their cells as prose ranges, and which cells a cell lends its event from.
//!
//! A cell is a unit of its own. Its value belongs to the event its column's header
//! names ("Died" above "1934") and to the thing its row's first cell names ("Height"
//! before "8,840 m"). Markdown and HTML tables come from the markup; in plain text a
//! table is a run of pipe rows ("| Height | 8,840 m |"), whose first row is a header
//! when a separator line ("|---|---|") follows it.

use std::collections::HashMap;
use std::ops::Range;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text in the prose, without surrounding space; never empty.
    pub range: Range<usize>,
    /// The table, numbered from 0 in the document.
    pub table: usize,
    /// The row, numbered from 0 in the table (a separator line is no row).
    pub row: usize,
    /// The column, numbered from 0 in the row (empty cells are counted).
    pub col: usize,
    /// Whether the cell heads its column: in a header row (before a separator
    /// line, in `<thead>`, a Markdown table's head), or an HTML `<th>`.
    pub header: bool,
}

/// For each cell, the cells it lends its event from: the header of its column
/// and the first cell of its row (unless it is that cell); a cell of the header
/// row lends from nothing. `cells` are sorted by table, row and column.
pub fn lenders(cells: &[Cell]) -> Vec<Vec<usize>> {
    let mut out = Vec::with_capacity(cells.len());
    for range in tables(cells) {
        let start = range.start;
        let table = &cells[range];
        let head_row = header_row(table);
        let mut heads: HashMap<usize, usize> = HashMap::new();
        let mut firsts: HashMap<usize, usize> = HashMap::new();
        for (k, c) in table.iter().enumerate() {
            if Some(c.row) == head_row {
                heads.entry(c.col).or_insert(start + k);
            }
            if c.col == 0 {
                firsts.entry(c.row).or_insert(start + k);
            }
        }
        for c in table {
            let mut lend = Vec::new();
            if head_row.is_some_and(|r| r < c.row)
                && let Some(&h) = heads.get(&c.col)
            {
                lend.push(h);
            }
            if c.col > 0
                && Some(c.row) != head_row
                && let Some(&f) = firsts.get(&c.row)
                && !lend.contains(&f)
            {
                lend.push(f);
            }
            lend.sort_unstable();
            out.push(lend);
        }
    }
    out
}

/// For each cell, the first cell of its row (column 0), where the cell lies in a
/// body row past that column: the cell that names whose row it is. `cells` are
/// sorted by table, row and column.
pub fn row_heads(cells: &[Cell]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(cells.len());
    for range in tables(cells) {
        let start = range.start;
        let table = &cells[range];
        let head_row = header_row(table);
        let mut first: Option<(usize, usize)> = None;
        for (k, c) in table.iter().enumerate() {
            if c.col == 0 {
                first = Some((c.row, start + k));
            }
            let head = first
                .filter(|&(row, _)| row == c.row && c.col > 0 && Some(c.row) != head_row)
                .map(|(_, h)| h);
            out.push(head);
        }
    }
    out
}

/// The range of each table's cells in `cells` (sorted by table).
fn tables(cells: &[Cell]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < cells.len() {
        let id = cells[start].table;
        let end = start + cells[start..].iter().take_while(|x| x.table == id).count();
        out.push(start..end);
        start = end;
    }
    out
}

/// The first row of a table whose cells are all headers.
fn header_row(table: &[Cell]) -> Option<usize> {
    let first = table.first()?.row;
    table
        .iter()
        .filter(|c| c.row == first)
        .all(|c| c.header)
        .then_some(first)
}

/// Whether a line (trimmed) is a pipe row: it opens with `|` and holds another.
pub fn is_pipe_row(line: &str) -> bool {
    line.starts_with('|') && line.matches('|').count() >= 2 && !is_separator(line)
}

/// Whether a line (trimmed) is the separator under a header row ("|---|:--:|").
fn is_separator(line: &str) -> bool {
    line.contains('|')
        && line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of the pipe tables of plain `text`.
pub fn pipe_cells(text: &str) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    // A row starts with a pipe: a text without one (most prose) has no table,
    // and its lines are not read.
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return out;
    }
    let mut table = 0;
    // (rows so far in the current table, whether it is open)
    let mut row = 0;
    let mut open = false;
    let mut header_start: Option<usize> = None;
    let mut at = 0;
    for raw in crate::document::lines::lines_inclusive(text) {
        let line_start = at;
        at += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if open && row == 1 && is_separator(line) {
            // The row above was the header.
            if let Some(h) = header_start {
                for c in &mut out[h..] {
                    c.header = true;
                }
            }
            continue;
        }
        if !is_pipe_row(line) {
            if open {
                table += 1;
                open = false;
            }
            continue;
        }
        if !open {
            open = true;
            row = 0;
        }
        if row == 0 {
            header_start = Some(out.len());
        }
        row_cells(line, line_start + lead, table, row, &mut out);
        row += 1;
    }
    out
}

/// Pushes the cells of one pipe row starting at byte `start`.
fn row_cells(line: &str, start: usize, table: usize, row: usize, out: &mut Vec<Cell>) {
    let bytes = line.as_bytes();
    let pipes: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .collect();
    let mut bounds: Vec<(usize, usize)> = pipes.windows(2).map(|w| (w[0] + 1, w[1])).collect();
    if let Some(&last) = pipes.last()
        && last + 1 < line.len()
    {
        bounds.push((last + 1, line.len()));
    }
    for (col, (a, b)) in bounds.into_iter().enumerate() {
        let cell = &line[a..b];
        let lead = cell.len() - cell.trim_start().len();
        let t = cell.trim();
        if !t.is_empty() {
            out.push(Cell {
                range: start + a + lead..start + a + lead + t.len(),
                table,
                row,
                col,
                header: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, usize, usize, usize, bool)> {
        pipe_cells(text)
            .into_iter()
            .map(|c| (&text[c.range], c.table, c.row, c.col, c.header))
            .collect()
    }

    #[test]
    fn pipe_rows_with_a_separator_have_a_header() {
        let text = "Facts\n| Name | Born | Died |\n|---|:--:|---|\n| Marie | 1867 | 1934 |\n| Pierre | 1859 | 1906 |\n";
        assert_eq!(
            shown(text),
            vec![
                ("Name", 0, 0, 0, true),
                ("Born", 0, 0, 1, true),
                ("Died", 0, 0, 2, true),
                ("Marie", 0, 1, 0, false),
                ("1867", 0, 1, 1, false),
                ("1934", 0, 1, 2, false),
                ("Pierre", 0, 2, 0, false),
                ("1859", 0, 2, 1, false),
                ("1906", 0, 2, 2, false),
            ]
        );
        let lend = lenders(&pipe_cells(text));
        // "1934" lends from "Died" and "Marie"; "Marie" from "Name"; headers from nothing.
        assert_eq!(lend[5], vec![2, 3]);
        assert_eq!(lend[3], vec![0]);
        assert_eq!(lend[1], Vec::<usize>::new());
    }

    #[test]
    fn a_body_cell_past_the_first_column_has_its_rows_head() {
        let text = "| Name | Born |\n|---|---|\n| Ada | 1815 |\n| | 1820 |\n";
        // Header cells, first cells and a row without a first cell have none.
        assert_eq!(
            row_heads(&pipe_cells(text)),
            vec![None, None, None, Some(2), None]
        );
        // Without a header row, every row past its first cell has one.
        let text = "| Height | 8,840 m | est. |\n| Climbers | 3 |\n";
        assert_eq!(
            row_heads(&pipe_cells(text)),
            vec![None, Some(0), Some(0), None, Some(3)]
        );
    }

    #[test]
    fn pipe_rows_without_a_separator_lend_from_the_first_cell_only() {
        let text = "| Height | 8,840 m |\n| Summit climbers | 3\nA line after.\n\n| One | Two |\n";
        assert_eq!(
            shown(text),
            vec![
                ("Height", 0, 0, 0, false),
                ("8,840 m", 0, 0, 1, false),
                ("Summit climbers", 0, 1, 0, false),
                ("3", 0, 1, 1, false),
                ("One", 1, 0, 0, false),
                ("Two", 1, 0, 1, false),
            ]
        );
        let lend = lenders(&pipe_cells(text));
        assert_eq!(
            lend,
            vec![vec![], vec![0], vec![], vec![2], vec![], vec![4]]
        );
    }

    #[test]
    fn empty_and_escaped_cells() {
        let text = "| a \\| b | | c |";
        assert_eq!(
            shown(text),
            vec![("a \\| b", 0, 0, 0, false), ("c", 0, 0, 2, false)]
        );
    }

    #[test]
    fn prose_with_a_pipe_is_no_table() {
        assert!(pipe_cells("Wright in 1910\n|\nFast facts | here\n").is_empty());
        assert!(!is_pipe_row("|"));
        assert!(!is_pipe_row("|---|---|"));
        assert!(is_pipe_row("| a |"));
    }
}

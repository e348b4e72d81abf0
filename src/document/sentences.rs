//! Units: sentences, lines and cells, as byte ranges of the original text.
//!
//! A blank line ends a paragraph (and its unit). Inside a paragraph a sentence
//! ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by
//! space and a word that may start a sentence, except after an abbreviation ("St.",
//! "Nov.", "c."), an initial ("L. Martov") or inside an address (a URL, an e-mail
//! address, a path).
//!
//! A line is a unit of its own when it ends without final punctuation and the
//! page's layout says that the next line starts something new: a heading, a list
//! item, a quiz question, a choice ("A) France"), a label ("Fact 2:"), a table row,
//! an address (see `lines` for the rules). Hard-wrapped prose, whose lines are cut
//! anywhere inside a sentence, stays whole: a line runs on into the next when it
//! ends with a comma or a function word, when the next line starts in lowercase, or
//! when it is as full as the lines around it. A label at the start of a line
//! ("Height: 8,840 m", "Answer: …") is a unit apart from its value, and so is each
//! table cell.
//!
//! Each unit has a [`UnitKind`], and `lent_from` names the earlier units whose
//! words name the event it gives a value for: the question an answer answers, the
//! label of a value, the header and first cell of a table cell.
//!
//! The units are contiguous and cover the text: each runs to the start of the
//! next, trailing space included.

mod labels;
mod lines;
mod punctuation;
mod roles;

pub(crate) use roles::quiz_answer_form;

use crate::document::addresses;
use crate::document::tables::Cell;
use std::ops::Range;

/// One unit: its byte range, the paragraph it belongs to, what it is, and the units
/// it borrows its event from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// 0-based paragraph number: paragraphs end at blank lines (and at the title
    /// of an inserted card), not at the line breaks that end units.
    pub paragraph: usize,
    /// For the first sentence of a paragraph that resumes a sentence cut by an
    /// inserted title and its paragraph (a link card in a scraped page: "…his son,
    /// Sergei Sedov" / card / ", killed in 1937, …"), the sentence it resumes.
    pub continues: Option<usize>,
    /// Whether the sentence starts at the title line of an inserted card.
    pub card: bool,
    /// What the unit is on the page.
    pub kind: UnitKind,
    /// Indices of earlier units whose words name the event this unit gives a value
    /// for, in increasing order; empty when the unit names its own. An answer lends
    /// from its question or quiz clue, a choice from its question, a value from its
    /// label or heading, a table cell from its column's header and its row's first
    /// cell.
    pub lent_from: Vec<usize>,
    /// For a table cell of a body row past the first column, the unit of the
    /// row's first cell: it names the row's thing ("Josiah Pembury") or the
    /// attribute the row gives ("Born").
    pub row_head: Option<usize>,
}

/// What a unit is on the page: whether it asserts, and where its event is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitKind {
    /// A sentence of running text. Asserts what it says.
    #[default]
    Prose,
    /// A line standing alone without final punctuation (a title, a caption, a
    /// timeline year, a Markdown or HTML heading). It may state a fact ("Wright in
    /// 1910") but lends its event to nothing under it except a bare value (see
    /// [`UnitKind::Value`]); dates under it are anchored through the paragraph.
    Heading,
    /// The first unit of a list item: a line opened by a bullet or a number ("•
    /// …", "- …", "1. …"), or a Markdown or HTML list item. Asserts what it says.
    ListItem,
    /// A question (it ends with "?"). It asks and asserts nothing; an answer may
    /// lend its event from it.
    Question,
    /// The answer to the question or quiz clue in `lent_from`: the line under a
    /// question, the text after an "Answer:" or "A:" label, or a quiz answer
    /// phrased as a question under its clue ("This many people died." / "What is
    /// 31?"). It asserts its value for the event its question or clue names.
    Answer,
    /// A candidate answer under a quiz question ("A) France", "(b) Russia"). It
    /// asserts nothing; `lent_from` holds its question when there is one.
    Choice,
    /// A label naming what follows it: "Height:" in "Height: 8,840 m", "Number of
    /// climbers on the summit," in "…, 3.", a role label ("Question:", "Fact 2:",
    /// "Source:"), a label line of its own ("Introduction:"), an HTML `<dt>`.
    Label,
    /// A value for the label or heading in `lent_from`: "8,840 m" after "Height:",
    /// a bare number or date on the line under a heading ("Died" / "1934"), an HTML
    /// `<dd>`. It asserts its value for the event the label names.
    Value,
    /// A table cell. `lent_from` holds its column's header cell and its row's first
    /// cell (the first unit of each).
    TableCell,
    /// A unit wholly inside an address: a URL on its own line, a "Source: http://…"
    /// line. It states nothing.
    Address,
}

impl UnitKind {
    /// Whether the unit states anything of its own: a question, a quiz choice, a
    /// label and an address do not (a label or a question may still lend its
    /// event to the unit under it).
    pub fn asserts(self) -> bool {
        !matches!(
            self,
            UnitKind::Question | UnitKind::Choice | UnitKind::Label | UnitKind::Address
        )
    }
}

/// What the markup and the scan for addresses tell about the prose's layout.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout<'a> {
    /// Prose ranges of blocks the markup marks: `Heading`, `ListItem`, `Label` (a
    /// definition term) and `Value` (its definition).
    pub blocks: &'a [(Range<usize>, UnitKind)],
    /// Table cells, sorted by table, row and column.
    pub cells: &'a [Cell],
    /// Addresses, sorted and disjoint: no unit ends inside one.
    pub addresses: &'a [Range<usize>],
}

/// What starts a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    Sentence,
    Paragraph,
    /// A line repeating the words that end the line before it: the title of an
    /// inserted card; it starts a paragraph.
    Title,
}

/// The starts of title lines: a short line inside a paragraph that repeats the end
/// of the line before it ("… President Lázaro Cárdenas" / "Lázaro Cárdenas"), or
/// that cuts an unfinished line and is named again at the start of the line after
/// it ("… led by GPU" / "State Political Directorate" / "The State Political
/// Directorate was …").
fn title_lines(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = crate::document::lines::lines_inclusive(text).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (k, line) in lines.iter().enumerate() {
        let line_at = at;
        at += line.len();
        let (Some(prev), Some(next)) =
            (k.checked_sub(1).map(|j| lines[j].trim()), lines.get(k + 1))
        else {
            continue;
        };
        let t = line.trim();
        // The cheap tests first: most lines are long, or start in lowercase.
        if t.is_empty() || longer_than(t, 60) || prev.is_empty() || !is_capitalised(t) {
            continue;
        }
        let start = line_at + (line.len() - line.trim_start().len());
        let repeats_end = prev.len() > t.len()
            && prev.ends_with(t)
            && prev[..prev.len() - t.len()].ends_with(|c: char| c.is_whitespace() || c == ',');
        let named_after = || {
            !prev.ends_with(['.', '!', '?', ':', ';'])
                && !t.ends_with(['.', '!', '?', ':', ';', ','])
                && {
                    let head: String = next.chars().take(t.chars().count() + 40).collect();
                    head.to_lowercase().contains(&t.to_lowercase())
                }
        };
        if repeats_end || named_after() || card_shape(prev, t, &lines[k + 1..]) {
            out.push(start);
        }
    }
    out
}

/// Whether `s` has more than `n` chars, read no further than that.
fn longer_than(s: &str, n: usize) -> bool {
    s.len() > n && s.chars().nth(n).is_some()
}

/// A title line `t` cutting an unfinished line `prev`, with the shape of an
/// inserted link card after it: one paragraph of summary ending in `...`, a blank
/// line, and the cut sentence resuming in lowercase ("… attacked in his home in
/// Mexico" / "Leon Trotsky Museum" / "The museum is …..." / "" / " with an ice
/// axe").
fn card_shape(prev: &str, t: &str, after: &[&str]) -> bool {
    let [summary, blank, resumed, ..] = after else {
        return false;
    };
    let resumed = resumed.trim_start();
    !prev.ends_with(['.', '!', '?', ':', ';', ','])
        && !t.ends_with(['.', '!', '?', ':', ';', ','])
        && summary.trim_end().ends_with("...")
        && blank.trim().is_empty()
        && resumed
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')'))
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}' | '*' | '_'
    )
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    let mut chars = t.chars();
    match chars.next() {
        Some('\u{2022}' | '\u{b7}' | '\u{25aa}' | '\u{25cf}' | '\u{2013}' | '\u{2014}') => true,
        Some('*' | '-' | '+') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            // A list number, not a year at the start of a wrapped line ("1903. It …").
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 3 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
        }
        _ => false,
    }
}

/// Splits plain `text` into units (see the module docs), finding its addresses
/// and pipe tables itself.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let addresses = addresses::find_addresses(text);
    let cells = crate::document::tables::pipe_cells(text);
    split_units(
        text,
        &Layout {
            blocks: &[],
            cells: &cells,
            addresses: &addresses,
        },
    )
}

/// Splits `text` into units (see the module docs) following its `layout`.
pub fn split_units(text: &str, layout: &Layout) -> Vec<Sentence> {
    let titles = title_lines(text);
    let line_starts = lines::line_starts(text, &titles, layout.addresses);
    let mut labels = labels::labels(text, &line_starts);
    // "Source: http://…" is an address as a whole, not a label and its value.
    labels.retain(|l| !addresses::overlaps(layout.addresses, &l.range));
    // (start of a new unit, what starts it)
    let mut starts: Vec<(usize, Break)> = titles.iter().map(|&p| (p, Break::Title)).collect();
    punctuation::punctuation_breaks(text, layout.addresses, &mut starts);
    starts.extend(line_starts.into_iter().map(|p| (p, Break::Sentence)));
    starts.extend(
        labels
            .iter()
            .filter_map(|l| l.value)
            .map(|p| (p, Break::Sentence)),
    );
    starts.extend(
        layout
            .cells
            .iter()
            .map(|c| (cell_unit_start(text, c), Break::Sentence)),
    );
    let mut units = assemble(text, starts);
    roles::assign(text, &mut units, layout, &labels);
    units
}

/// Where the unit of a cell starts: at its row's line start when it is the row's
/// first cell (the pipe before it belongs to it), else at its text.
fn cell_unit_start(text: &str, c: &Cell) -> usize {
    // Back over the pipes and spaces before the cell only: linear in all cells.
    let gap = text[..c.range.start]
        .trim_end_matches(|ch: char| (ch.is_whitespace() && ch != '\n') || ch == '|');
    if gap.is_empty() || gap.ends_with('\n') {
        let head = &text[gap.len()..c.range.start];
        gap.len() + (head.len() - head.trim_start().len())
    } else {
        c.range.start
    }
}

/// The units that start at `starts`: paragraphs, cards and resumed sentences.
fn assemble(text: &str, mut starts: Vec<(usize, Break)>) -> Vec<Sentence> {
    // The strongest break wins where two fall on one place.
    starts.sort_by_key(|&(p, b)| (p, std::cmp::Reverse(b)));
    starts.dedup_by_key(|s| s.0);
    let mut out: Vec<Sentence> = Vec::with_capacity(starts.len() + 1);
    let mut cur = 0;
    let mut paragraph = 0;
    let mut continues = None;
    let mut card = false;
    // The sentence cut by the last title, while its card lasts.
    let mut cut_by_title: Option<usize> = None;
    for (s, brk) in starts {
        if s <= cur || s >= text.len() {
            continue;
        }
        out.push(unit(
            cur..s,
            paragraph,
            continues.take(),
            std::mem::replace(&mut card, brk == Break::Title),
        ));
        match brk {
            Break::Sentence => {}
            Break::Title => {
                paragraph += 1;
                cut_by_title = Some(cut_by_title.unwrap_or(out.len() - 1));
            }
            Break::Paragraph => {
                paragraph += 1;
                let resumes = text[s..].chars().next().is_some_and(|c| {
                    c.is_lowercase() || matches!(c, ',' | ';' | ':' | '(' | ')' | '.')
                });
                if resumes {
                    continues = cut_by_title.take();
                } else if !text[cur..s].trim_end().ends_with("...") {
                    cut_by_title = None;
                }
            }
        }
        cur = s;
    }
    if cur < text.len() || out.is_empty() {
        out.push(unit(cur..text.len(), paragraph, continues, card));
    }
    out
}

fn unit(range: Range<usize>, paragraph: usize, continues: Option<usize>, card: bool) -> Sentence {
    Sentence {
        range,
        paragraph,
        continues,
        card,
        kind: UnitKind::Prose,
        lent_from: Vec::new(),
        row_head: None,
    }
}

/// The range without leading and trailing whitespace.
pub fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}

#[cfg(test)]
mod tests;

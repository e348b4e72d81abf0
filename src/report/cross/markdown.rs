//! The cross-check as GitHub-flavoured Markdown: the documents listed, a table of
//! claims × documents, and a section for each claim the documents split on with
//! every statement's sentence, its words in bold.

use std::io;

use super::view;
use crate::claims::ClaimSet;
use crate::crosscheck::{Matrix, Row, Status};

/// Text with every character Markdown would read as markup escaped, on one line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '|' | '<' | '>' | '[' | ']' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the report.
pub fn write_markdown(out: &mut dyn io::Write, claims: &ClaimSet, m: &Matrix) -> io::Result<()> {
    writeln!(out, "# Cross-check\n")?;
    writeln!(out, "## Documents\n")?;
    for (d, doc) in m.documents.iter().enumerate() {
        write!(out, "- **{}** {}", view::label(d), escape(&doc.path))?;
        match view::describe(doc) {
            Some(about) => writeln!(out, " ({})", escape(&about))?,
            None => writeln!(out)?,
        }
    }
    if m.rows.iter().any(view::mentioned) {
        writeln!(out, "\n## Claims\n")?;
        table(out, claims, m)?;
        let marks: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{} {}", escape(view::mark(*s)), s.as_str()))
            .collect();
        writeln!(out, "\nMarks: {}.", marks.join(", "))?;
    }
    if let Some(line) = view::left_out(m) {
        writeln!(out, "\n{line}")?;
    }
    let split: Vec<&Row> = m.rows.iter().filter(|r| view::split(claims, r)).collect();
    if !split.is_empty() {
        writeln!(out, "\n## Where the documents split")?;
    }
    for row in split {
        section(out, claims, m, row)?;
    }
    writeln!(out, "\n{}.", view::summary(m))
}

/// The table of the claims some document mentions.
fn table(out: &mut dyn io::Write, claims: &ClaimSet, m: &Matrix) -> io::Result<()> {
    let labels: Vec<String> = (0..m.documents.len()).map(view::label).collect();
    writeln!(out, "| claim | value | {} | counts |", labels.join(" | "))?;
    writeln!(out, "|---|---|{}---|", ":-:|".repeat(m.documents.len()))?;
    for row in m.rows.iter().filter(|r| view::mentioned(r)) {
        let marks: Vec<String> = (0..m.documents.len())
            .map(|d| {
                let status = row.cell(d).map_or(Status::Silent, |c| c.status);
                escape(view::mark(status))
            })
            .collect();
        let counts: Vec<String> = view::counts(row)
            .into_iter()
            .map(|(_, t)| escape(&t))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&view::claim(claims, row).id.0),
            escape(&view::value(claims, row)),
            marks.join(" | "),
            counts.join(" ")
        )?;
    }
    Ok(())
}

/// A claim the documents split on.
fn section(out: &mut dyn io::Write, claims: &ClaimSet, m: &Matrix, row: &Row) -> io::Result<()> {
    writeln!(
        out,
        "\n### {} — {}\n",
        escape(&view::claim(claims, row).id.0),
        escape(&view::stance(claims, row))
    )?;
    for group in &row.groups {
        writeln!(
            out,
            "- {}",
            escape(&view::group_line(group, row.consensus.is_some()))
        )?;
    }
    if let Some(verdict) = &row.consensus {
        writeln!(out, "- {}", escape(&view::verdict_line(verdict, row)))?;
    }
    writeln!(out, "\nWhat they say:\n")?;
    for cell in &row.cells {
        for e in &cell.evidence {
            let doc = &m.documents[cell.document];
            writeln!(
                out,
                "- {} **{}** {}:{}:{}, {}: “{}”",
                escape(view::mark(e.status)),
                view::label(cell.document),
                escape(&doc.path),
                e.line,
                e.column,
                escape(&view::status_words(e.status, e.cue.as_deref())),
                emphasised(&e.sentence_text, e.mark.clone())
            )?;
        }
    }
    Ok(())
}

/// The sentence escaped, its marked words in bold (their spaces outside it).
fn emphasised(text: &str, mark: std::ops::Range<usize>) -> String {
    let (Some(before), Some(words), Some(after)) = (
        text.get(..mark.start),
        text.get(mark.clone()),
        text.get(mark.end..),
    ) else {
        return escape(text);
    };
    let trimmed = words.trim();
    if trimmed.is_empty() {
        return escape(text);
    }
    let lead = &words[..words.len() - words.trim_start().len()];
    let trail = &words[words.trim_end().len()..];
    format!(
        "{}{lead}**{}**{trail}{}",
        escape(before),
        escape(trimmed),
        escape(after)
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("a | *b* _c_ `d` <e> [f] ~g \\ #h & i"),
            r"a \| \*b\* \_c\_ \`d\` \<e\> \[f\] \~g \\ \#h &amp; i"
        );
        assert_eq!(escape("two\nlines"), "two lines");
    }

    #[test]
    fn the_marked_words_are_bold_without_their_spaces() {
        assert_eq!(
            emphasised("Its lamp is red.", 12..15),
            "Its lamp is **red**."
        );
        assert_eq!(emphasised("a b_c d", 1..6), "a **b\\_c** d");
        assert_eq!(emphasised("Ümlaut", 1..3), "Ümlaut");
    }

    #[test]
    fn the_report() {
        let (claims, m) = fixture::matrix();
        let mut out = Vec::new();
        write_markdown(&mut out, &claims, &m).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"# Cross-check

## Documents

- **D1** docs/log.txt
- **D2** docs/guide.txt
- **D3** docs/gazette.txt (Harbour Gazette, newspaper, trust 2)

## Claims

| claim | value | D1 | D2 | D3 | counts |
|---|---|:-:|:-:|:-:|---|
| lamp.color | red | ✗ | ✓ | ✗ | ✗2 ✓1 |
| tower.height | 30 m | · | ✓ | · | ✓1 ·2 |
| beam.range | ? | • | • | · | •2 ·1 |

Marks: ✗ contradicts, ✓ agrees, • states, ¬ negated, \~ hedged, " quoted, · silent.

1 claim that no document mentions is left out.

## Where the documents split

### lamp.color — the claims say: red

- 2 sources say green: D1, D3 (weight 3)
- 1 source says red (the claim's value): D2

What they say:

- ✗ **D1** docs/log.txt:3:33, contradicts: “The Skerry Light shone a steady **green** over the rocks.”
- ✓ **D2** docs/guide.txt:1:13, agrees: “Its lamp is **red**.”
- \~ **D2** docs/guide.txt:9:25, hedged (reportedly): “The lamp was reportedly **red** from the first night on.”
- ✗ **D3** docs/gazette.txt:2:3, contradicts: “A **green** lamp \| \*burned\* on the \<tower\> in \`fog\`.”

### beam.range — open question

- 1 source says 30 km: D1 (weight 1)
- 1 source says 40 km: D2 (weight 1)
- disputed: a tie: 30 km and 40 km weigh 1 each

What they say:

- • **D1** docs/log.txt:5:19, states: “The beam was seen **30 km** out.”
- • **D2** docs/guide.txt:6:21, states: “Sailors saw it from **40 km** away.”

3 documents, 4 claims: 2 contradictions, 1 disputed.
"#
        );
    }
}

//! Checkstyle XML, which Jenkins and many CI dashboards read.

use std::io;

use super::FileResult;
use crate::claims::{ClaimSet, Severity};

fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a checkstyle document: one `<file>` per file with findings.
pub fn write_checkstyle(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<checkstyle version=\"4.3\">")?;
    for r in results.iter().filter(|r| !r.findings.is_empty()) {
        writeln!(out, "  <file name=\"{}\">", escape_xml(&r.path))?;
        for f in &r.findings {
            let (line, col) = r.position(f.span.start);
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "info",
            };
            writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"factlint.{}\"/>",
                line.0,
                col.0,
                escape_xml(&f.message),
                escape_xml(&claims.claims[f.claim].id.0),
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(
            escape_xml("\"a\" < b & 'c'\n"),
            "&quot;a&quot; &lt; b &amp; &apos;c&apos;&#10;"
        );
    }
}

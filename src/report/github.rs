//! GitHub Actions workflow commands: one annotation per finding.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, with the
//! escaping GitHub's runner requires: `%`, CR and LF in the message; also `:` and
//! `,` in property values.

use std::io;

use super::FileResult;
use crate::claims::{ClaimSet, Severity};

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one workflow command per finding.
pub fn write_github(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
) -> io::Result<()> {
    for r in results {
        for f in &r.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let (line, col) = r.position(f.span.start);
            let (end_line, end_col) = r.position(f.span.end);
            let claim = &claims.claims[f.claim];
            let mut message = f.message.clone();
            if let Some(fix) = &f.fix {
                message.push_str(&format!("\nhelp: replace with \"{}\"", fix.replacement));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&r.path),
                line.0,
                col.0,
                end_line.0,
                end_col.0,
                escape_property(&format!("factlint {}", claim.id)),
                escape_data(&message),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_reads() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}

//! The shell of factlint's HTML pages: one self-contained file that loads nothing
//! (a Content-Security-Policy forbids it), its style inline; the escaping of text,
//! attributes and embedded data; and links from a page to the files it cites.

use std::io;
use std::path::{Component, Path, PathBuf};

/// The style of every page (the cross-check report and `check --format html`).
pub const STYLE: &str = include_str!("report.css");

/// Nothing from the network, no script or style but the page's own, images only
/// as `data:` URLs: a strict policy the pages keep to (no inline handlers, no `eval`).
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// Text escaped for an HTML element or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON for a `<script type="application/json">` element: `<`, `>` and `&` as
/// `\u` escapes, so no `</script>` or `<!--` can end the element early, and U+2028
/// and U+2029 escaped for older JavaScript parsers. They can only occur inside
/// JSON strings, where the escapes read back as the same characters.
pub fn script_json(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the page's head and opens its body.
pub fn open_page(out: &mut dyn io::Write, title: &str) -> io::Result<()> {
    writeln!(out, "<!doctype html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(title))?;
    writeln!(out, "<style>\n{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

/// Closes what [`open_page`] opened.
pub fn close_page(out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The link to a file from a page in `dir`: a relative URL where both are on the
/// same root, else an absolute `file:` URL (also where the page's place is
/// unknown, `None`: a page written to standard output). `path` is as factlint
/// shows it, relative to the working directory or absolute.
pub fn file_href(path: &str, dir: Option<&Path>) -> String {
    let target = resolved(Path::new(path));
    dir.map(resolved)
        .and_then(|dir| relative(&target, &dir))
        .map(|rel| encode_path(&rel))
        .unwrap_or_else(|| file_url(&target))
}

/// A path made absolute, through its links where it exists.
fn resolved(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// `target` seen from `dir`, both absolute; `None` on different roots.
fn relative(target: &Path, dir: &Path) -> Option<String> {
    let t: Vec<Component> = target.components().collect();
    let d: Vec<Component> = dir.components().collect();
    if t.first() != d.first() || !target.is_absolute() {
        return None;
    }
    let common = t.iter().zip(&d).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); d.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let slash = if text.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}", encode_path(&text))
}

/// Percent-encodes all but the unreserved characters of a URL and `/`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escape(r#"<b title="x">Tom & 'Jerry'</b>"#),
            "&lt;b title=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("Ramón, 1940"), "Ramón, 1940");
    }

    #[test]
    fn embedded_json_cannot_close_its_script_and_reads_back_the_same() {
        let value = serde_json::json!({
            "text": "a </script><script>alert(1)</script> & <!-- \u{2028}\u{2029} é"
        });
        let text = script_json(&value);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!text.contains(bad), "{bad:?} in {text}");
        }
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    /// `#rgb` or `#rrggbb` as `#rrggbb`.
    fn full_hex(colour: &str) -> String {
        let colour = colour.trim_end_matches("!important").trim();
        if colour.len() == 4 {
            colour.chars().flat_map(|c| [c, c]).skip(1).collect()
        } else {
            colour.to_string()
        }
    }

    /// WCAG's relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn contrast_is_computed_as_wcag_does() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!(
            contrast("#777777", "#ffffff") < 4.5,
            "grey on white fails AA"
        );
        assert_eq!(full_hex("#fff !important"), "#ffffff");
    }

    /// Every rule of the style that sets both a background and a colour.
    fn colour_pairs() -> Vec<(String, String, String)> {
        let value = |rule: &str, key: &str| {
            rule.split(';')
                .find_map(|d| d.trim().strip_prefix(key).map(|v| v.trim().to_string()))
        };
        STYLE
            .lines()
            .filter_map(|line| {
                let (selector, rule) = line.split_once('{')?;
                let bg = value(rule, "background:")?;
                let fg = value(rule, "color:")?;
                (bg.starts_with('#') && fg.starts_with('#'))
                    .then(|| (selector.trim().to_string(), full_hex(&fg), full_hex(&bg)))
            })
            .collect()
    }

    #[test]
    fn every_status_colour_reads_at_wcag_aa() {
        let pairs = colour_pairs();
        for status in [
            "contradicts",
            "agrees",
            "states",
            "negated",
            "hedged",
            "quoted",
        ] {
            let class = format!(".s-{status}");
            assert!(
                pairs
                    .iter()
                    .any(|(s, _, _)| s.split(", ").any(|c| c == class)),
                "no colours for {class}"
            );
        }
        for (selector, fg, bg) in pairs {
            let ratio = contrast(&fg, &bg);
            assert!(ratio >= 4.5, "{selector}: {fg} on {bg} is {ratio:.2}:1");
        }
    }

    #[test]
    fn a_file_below_the_page_is_linked_relatively() {
        assert_eq!(
            relative(Path::new("/a/b/docs/x.txt"), Path::new("/a/b")),
            Some("docs/x.txt".to_string())
        );
        assert_eq!(
            relative(Path::new("/a/docs/x.txt"), Path::new("/a/b/out")),
            Some("../../docs/x.txt".to_string())
        );
        assert_eq!(relative(Path::new("/a"), Path::new("/a")), None);
    }

    #[test]
    fn a_page_of_unknown_place_links_by_absolute_file_url() {
        let href = file_href("/no/such dir/é #1.txt", None);
        assert_eq!(href, "file:///no/such%20dir/%C3%A9%20%231.txt");
    }

    #[test]
    fn relative_links_escape_what_a_url_path_cannot_hold() {
        assert_eq!(encode_path("docs/a b#1.md"), "docs/a%20b%231.md");
        assert_eq!(encode_path("café.txt"), "caf%C3%A9.txt");
    }

    #[test]
    fn links_are_percent_encoded() {
        let dir = std::env::temp_dir().canonicalize().unwrap();
        let href = file_href(&dir.join("a b/c?.md").to_string_lossy(), Some(&dir));
        assert_eq!(href, "a%20b/c%3F.md");
    }
}

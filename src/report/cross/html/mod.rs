//! The cross-check as one self-contained HTML file for editors: a summary, the
//! matrix of claims × documents with filters kept in the URL's fragment, and for
//! each claim the sentences of every source, with the value's words marked.
//!
//! The page embeds the cross-check's JSON (schema version 1) and renders from it
//! on demand: one page of documents at a time, a claim's sentences only when it
//! is opened, so that thousands of documents open without building every cell.

pub mod page;

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde_json::Value;

use crate::claims::ClaimSet;
use crate::crosscheck::{Matrix, Status};
use page::{close_page, escape, file_href, open_page, script_json};

const SCRIPT: &str = include_str!("report.js");

/// Writes the report of `matrix`; `page_dir` is the directory the file will be
/// in, for links to the documents relative to it (`None`: absolute links).
pub fn write_html(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    matrix: &Matrix,
    page_dir: Option<&Path>,
) -> io::Result<()> {
    let data = super::json::to_value(claims, matrix).map_err(io::Error::other)?;
    write_report(out, &data, &links(&data, page_dir))
}

/// The links of a report from `page_dir` to its documents (`documents`, in
/// their order) and claims files (`files`, by path).
pub fn links(data: &Value, page_dir: Option<&Path>) -> Value {
    let paths = |list: &str, field: &str| -> Vec<String> {
        data[list]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|item| item[field].as_str().map(str::to_string))
            .collect()
    };
    let documents: Vec<String> = paths("documents", "path")
        .iter()
        .map(|p| file_href(p, page_dir))
        .collect();
    let files: BTreeMap<String, String> = paths("claims", "file")
        .into_iter()
        .map(|p| {
            let href = file_href(&p, page_dir);
            (p, href)
        })
        .collect();
    serde_json::json!({ "documents": documents, "files": files })
}

/// Writes the report of a cross-check's JSON value (schema version 1) with its
/// [`links`].
pub fn write_report(out: &mut dyn io::Write, data: &Value, links: &Value) -> io::Result<()> {
    open_page(out, "factlint report")?;
    write_header(out, &data["summary"])?;
    writeln!(out, "<main>")?;
    writeln!(
        out,
        "<noscript><p class=\"note\">The matrix and the sentences need JavaScript; \
         <code>factlint cross-check</code> prints them on a terminal.</p></noscript>"
    )?;
    write_filters(out)?;
    write_matrix_shell(out)?;
    writeln!(out, "</main>")?;
    writeln!(
        out,
        "<script type=\"application/json\" id=\"data\">{}</script>",
        script_json(data)
    )?;
    writeln!(
        out,
        "<script type=\"application/json\" id=\"links\">{}</script>",
        script_json(links)
    )?;
    writeln!(out, "<script>\n{SCRIPT}</script>")?;
    close_page(out)
}

fn write_header(out: &mut dyn io::Write, summary: &Value) -> io::Result<()> {
    let count = |field: &str| summary[field].as_u64().unwrap_or(0);
    writeln!(out, "<header class=\"top\">")?;
    writeln!(out, "<h1>factlint report</h1>")?;
    writeln!(out, "<dl class=\"summary\">")?;
    for (label, field) in [
        ("Documents", "documents"),
        ("Claims", "claims"),
        ("Contradictions", "contradictions"),
        ("Disputed", "disputed"),
    ] {
        writeln!(
            out,
            "<div class=\"stat stat-{field}\"><dt>{label}</dt><dd>{}</dd></div>",
            count(field)
        )?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "</header>")
}

/// The filters: by claim, by document, by status (each status with its symbol,
/// which the script reads back from `data-symbol`).
fn write_filters(out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filters\">"
    )?;
    for (id, label, hint) in [
        ("f-claim", "Claim", "id or statement"),
        ("f-doc", "Document", "path or name"),
    ] {
        writeln!(
            out,
            "<div class=\"field\"><label for=\"{id}\">{label}</label>\
             <input id=\"{id}\" type=\"search\" placeholder=\"{hint}\" autocomplete=\"off\"></div>"
        )?;
    }
    writeln!(out, "<fieldset class=\"statuses\"><legend>Status</legend>")?;
    for status in Status::ALL {
        let (name, symbol) = (status.as_str(), symbol(status));
        writeln!(
            out,
            "<label class=\"status\"><input type=\"checkbox\" name=\"status\" value=\"{name}\" \
             data-symbol=\"{}\"> <span class=\"badge s-{name}\" aria-hidden=\"true\">{}</span> \
             {name}</label>",
            escape(symbol),
            escape(symbol)
        )?;
    }
    writeln!(out, "</fieldset>")?;
    writeln!(
        out,
        "<button type=\"button\" id=\"f-clear\">Clear filters</button>"
    )?;
    writeln!(out, "</form>")
}

fn write_matrix_shell(out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "<p id=\"shown\" class=\"shown\" aria-live=\"polite\"></p>"
    )?;
    writeln!(
        out,
        "<nav id=\"pager\" class=\"pager\" aria-label=\"Pages of the matrix\"></nav>"
    )?;
    writeln!(
        out,
        "<div class=\"matrix-wrap\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">"
    )?;
    writeln!(
        out,
        "<table id=\"matrix\" class=\"matrix\"><caption id=\"matrix-caption\">\
         What each document says about each claim</caption><thead></thead><tbody></tbody></table>"
    )?;
    writeln!(out, "</div>")?;
    writeln!(
        out,
        "<section id=\"claim\" class=\"claim\" hidden aria-labelledby=\"claim-title\"></section>"
    )
}

/// The symbol of a status in the matrix; a label or an `aria-label` always goes
/// with it, and its colour is never the only sign.
fn symbol(status: Status) -> &'static str {
    match status {
        Status::Contradicts => "✗",
        Status::Agrees => "✓",
        Status::States => "◆",
        Status::Negated => "¬",
        Status::Hedged => "~",
        Status::Quoted => "❝",
        Status::Silent => "·",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(data: &Value) -> String {
        let mut out = Vec::new();
        write_report(&mut out, data, &links(data, None)).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn data() -> Value {
        serde_json::json!({
            "version": 1,
            "documents": [{"path": "/docs/a </script> b.txt", "name": null, "kind": null, "trust": 1.0}],
            "claims": [{"id": "x", "file": "/claims/c.toml", "cells": []}],
            "summary": {"documents": 1, "claims": 1, "contradictions": 3, "disputed": 2}
        })
    }

    #[test]
    fn the_header_sums_up_the_matrix() {
        let html = render(&data());
        assert!(html.contains("<dt>Documents</dt><dd>1</dd>"), "{html}");
        assert!(html.contains("<dt>Contradictions</dt><dd>3</dd>"));
        assert!(html.contains("<dt>Disputed</dt><dd>2</dd>"));
    }

    #[test]
    fn the_page_loads_nothing_and_no_data_ends_its_script() {
        let html = render(&data());
        assert_eq!(html.matches("</script>").count(), 3, "{html}");
        assert!(html.contains("Content-Security-Policy"));
        for bad in ["http://", "https://", " src=", "onclick", "eval("] {
            assert!(!html.contains(bad), "{bad}");
        }
    }

    #[test]
    fn links_name_every_document_and_claims_file() {
        let links = links(&data(), None);
        assert_eq!(
            links,
            serde_json::json!({
                "documents": ["file:///docs/a%20%3C/script%3E%20b.txt"],
                "files": {"/claims/c.toml": "file:///claims/c.toml"}
            })
        );
    }

    #[test]
    fn print_leaves_out_the_controls() {
        let print = page::STYLE
            .split("@media print {")
            .nth(1)
            .expect("a print style");
        let hidden = print.lines().nth(1).unwrap();
        for class in [".filters", ".pager", ".close", ".more"] {
            assert!(hidden.contains(class), "{class} in {hidden}");
        }
        assert!(
            hidden.ends_with("{ display: none !important; }"),
            "{hidden}"
        );
    }

    #[test]
    fn every_status_has_a_filter_with_its_symbol() {
        let html = render(&data());
        for status in Status::ALL {
            let input = format!(
                "value=\"{}\" data-symbol=\"{}\"",
                status.as_str(),
                symbol(status)
            );
            assert!(html.contains(&input), "{input}");
        }
    }
}

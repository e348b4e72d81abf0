//! The report in a real browser. Chromium loads it from disk with the network
//! off; a driver script (`tests/browser/driver.js`), injected before the report's
//! own script, records every error, uses the page as a user would and writes what
//! it saw into the DOM, which chromium dumps. Ignored by default; run with
//!
//! ```text
//! FACTLINT_CHROMIUM=/usr/bin/chromium cargo test --test browser -- --ignored
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const DRIVER: &str = include_str!("browser/driver.js");
/// How long chromium may take before the test gives up on it (a hang, not a
/// measure of speed).
const PATIENCE: Duration = Duration::from_secs(120);

fn chromium() -> PathBuf {
    std::env::var_os("FACTLINT_CHROMIUM")
        .map(PathBuf::from)
        .expect("FACTLINT_CHROMIUM must name the chromium binary")
}

/// Chromium, headless, with no network: names resolve nowhere and every
/// connection goes to a closed port.
fn chromium_command(dir: &Path) -> Command {
    let mut command = Command::new(chromium());
    command
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--hide-scrollbars",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .stdin(Stdio::null());
    command
}

/// Runs a command to its end, killing it if it hangs; its stdout.
fn run(mut command: Command) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("stdout");
    command.stdout(std::fs::File::create(&out_path).unwrap());
    command.stderr(Stdio::null());
    let mut child = command.spawn().expect("start chromium");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("chromium did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::read(out_path).unwrap()
}

fn file_url(path: &Path, fragment: &str) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url + fragment
}

/// The report of the seeds with the repository's claims, written in `dir`.
fn seeds_report(dir: &Path) -> String {
    let path = dir.join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "seeds/", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    std::fs::read_to_string(path).unwrap()
}

/// Where the page would fetch something over the network: a `src`, `href`,
/// `url(…)`, `@import` or `action` naming an http(s) or protocol-relative URL.
fn network_references(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut found = Vec::new();
    for key in ["src=", "href=", "srcset=", "action=", "url(", "@import"] {
        for (at, _) in lower.match_indices(key) {
            let rest = lower[at + key.len()..].trim_start_matches([' ', '"', '\'']);
            if ["http:", "https:", "//"]
                .iter()
                .any(|p| rest.starts_with(p))
            {
                found.push(lower[at..(at + 60).min(lower.len())].to_string());
            }
        }
    }
    found
}

/// The report with the driver before its own script, run in chromium at
/// `fragment`; what the driver saw.
fn drive(dir: &Path, html: &str, scenario: &str, fragment: &str, args: &[&str]) -> Value {
    let at = html.rfind("<script>\n").expect("the report's script");
    let page = format!(
        "{}<script data-scenario=\"{scenario}\">\n{DRIVER}</script>\n{}",
        &html[..at],
        &html[at..]
    );
    let path = dir.join(format!("{scenario}.html"));
    std::fs::write(&path, page).unwrap();
    let mut command = chromium_command(dir);
    command
        .args(args)
        .arg("--dump-dom")
        .arg(file_url(&path, fragment));
    let dom = String::from_utf8(run(command)).unwrap();
    let open = "<pre id=\"test-results\">";
    let start = dom
        .rfind(open)
        .unwrap_or_else(|| panic!("no results in {dom}"))
        + open.len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let results: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(results["errors"], json!([]), "errors in the page");
    results
}

fn row<'a>(matrix: &'a Value, claim: &str) -> &'a Value {
    matrix
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["claim"] == claim)
        .unwrap_or_else(|| panic!("no row {claim} in {matrix}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

#[test]
#[ignore = "needs chromium: FACTLINT_CHROMIUM=/usr/bin/chromium"]
fn the_seeds_report_works_in_a_browser_with_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let html = seeds_report(dir.path());
    assert_eq!(network_references(&html), Vec::<String>::new());
    let r = drive(dir.path(), &html, "seeds", "", &[]);
    check_initial_view(&r["initial"]);
    check_contradicts_filter(&r["contradicts"]);
    check_opened_claim(dir.path(), &r["opened"]);
    check_closed_searched_cleared(&r);
}

/// The page as it loads: every claim, every document, no sentence yet.
fn check_initial_view(initial: &Value) {
    assert_eq!(initial["matrix"].as_array().unwrap().len(), 65);
    assert_eq!(initial["columns"][0], "seeds/000_b3d46aad436df1fe.txt");
    assert_eq!(
        initial["sizes"]["sentences"], 0,
        "no sentence before a claim opens"
    );
    let weapon = row(&initial["matrix"], "death.weapon");
    assert_eq!(
        strings(&weapon["cells"]),
        [
            "s-contradicts",
            "s-agrees",
            "s-contradicts",
            "s-contradicts",
            "s-silent"
        ]
    );
    assert_eq!(
        strings(&weapon["labels"]),
        [
            "death.weapon in 000_b3d46aad436df1fe: contradicts",
            "death.weapon in 001_3dac57ab0d302d73: agrees",
            "death.weapon in 002_d16469059f50c2e4: contradicts",
            "death.weapon in 003_1d8253ec5883a8d2: contradicts",
        ]
    );
    assert_eq!(weapon["counts"], "✗3 contradicts ✓1 agrees ·1 silent");
}

/// The status filter: only contradicting cells, rows and documents.
fn check_contradicts_filter(filtered: &Value) {
    assert_eq!(filtered["hash"], "#status=contradicts");
    let rows = filtered["matrix"].as_array().unwrap();
    assert!(rows.len() > 1 && rows.len() < 65, "{rows:?}");
    let mut contradictions = 0;
    for row in rows {
        let cells = strings(&row["cells"]);
        assert!(cells.contains(&"s-contradicts"), "{row}");
        assert!(
            cells.iter().all(|c| ["s-contradicts", "off"].contains(c)),
            "{row}"
        );
        contradictions += cells.iter().filter(|c| **c == "s-contradicts").count();
    }
    assert_eq!(contradictions, 9, "the summary's count");
    assert_eq!(
        strings(&filtered["columns"]),
        [
            "seeds/000_b3d46aad436df1fe.txt",
            "seeds/002_d16469059f50c2e4.txt",
            "seeds/003_1d8253ec5883a8d2.txt",
            "seeds/004_a819697382dc0f45.txt"
        ],
        "only the documents with a contradiction"
    );
    assert_eq!(
        strings(&row(&filtered["matrix"], "death.weapon")["cells"]),
        ["s-contradicts", "s-contradicts", "s-contradicts", "off"]
    );
}

/// A claim opened from its first cell: its section, sentences and places, the
/// place linking to the document in `dir`'s report.
fn check_opened_claim(dir: &Path, opened: &Value) {
    assert_eq!(opened["hash"], "#status=contradicts&open=death.weapon&at=0");
    let section = &opened["section"];
    assert_eq!(section["hidden"], false);
    assert_eq!(section["title"], "death.weapon");
    assert_eq!(section["target"], "✗ contradicts 000_b3d46aad436df1fe");
    assert_eq!(section["focused"], "ev-0");
    assert_eq!(
        section["groups"],
        "3 sources say ice pick, 2 say ice axe (the claim’s value)."
    );
    assert_eq!(
        section["verdict"],
        "Verdict: the claims file gives ice axe; 3 of 5 documents contradict it."
    );
    assert_eq!(
        strings(&section["marks"]),
        [
            "ice pick",
            "ice axe",
            "ice-pick",
            "ice pick",
            "ice pick",
            "mountaineering ice axe"
        ]
    );
    assert!(
        section["sentences"][0]
            .as_str()
            .unwrap()
            .ends_with("assassinated Trotsky with an <mark>ice pick</mark> in 1940."),
        "{section}"
    );
    let place = &section["places"][0];
    assert_eq!(place["text"], "seeds/000_b3d46aad436df1fe.txt:7:534");
    let linked = dir.join(place["href"].as_str().unwrap());
    assert_eq!(
        linked.canonicalize().unwrap(),
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds/000_b3d46aad436df1fe.txt")
            .canonicalize()
            .unwrap()
    );
    assert_eq!(opened["sizes"]["sentences"], 6);
}

/// Closing the section, searching the claims, and clearing every control.
fn check_closed_searched_cleared(r: &Value) {
    let closed = &r["closed"];
    assert_eq!(closed["section"]["hidden"], true);
    assert_eq!(closed["hash"], "#status=contradicts");
    assert_eq!(
        closed["focused"], "death.weapon in 000_b3d46aad436df1fe: contradicts",
        "the focus goes back to the cell"
    );

    let searched = &r["searched"];
    assert_eq!(searched["hash"], "#claim=killed%20with&status=contradicts");
    let claims: Vec<&Value> = searched["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["claim"])
        .collect();
    assert_eq!(claims, [&json!("death.weapon")]);

    let cleared = &r["cleared"];
    assert_eq!(cleared["rows"], 65);
    assert_eq!(cleared["hash"], "", "an empty fragment");
    assert_eq!(
        cleared["controls"],
        json!({"claim": "", "doc": "", "checked": []})
    );
}

#[test]
#[ignore = "needs chromium: FACTLINT_CHROMIUM=/usr/bin/chromium"]
fn a_link_with_a_fragment_opens_the_filtered_view() {
    let dir = tempfile::tempdir().unwrap();
    let html = seeds_report(dir.path());
    let fragment = "#status=contradicts&claim=death.weapon&open=death.weapon&at=2";
    let r = drive(dir.path(), &html, "fragment", fragment, &[]);
    let view = &r["view"];
    assert_eq!(
        view["controls"],
        json!({"claim": "death.weapon", "doc": "", "checked": ["contradicts"]})
    );
    assert_eq!(view["matrix"].as_array().unwrap().len(), 1);
    assert_eq!(
        strings(&row(&view["matrix"], "death.weapon")["cells"]),
        ["s-contradicts", "s-contradicts", "s-contradicts"]
    );
    assert_eq!(
        strings(&view["columns"]),
        [
            "seeds/000_b3d46aad436df1fe.txt",
            "seeds/002_d16469059f50c2e4.txt",
            "seeds/003_1d8253ec5883a8d2.txt"
        ]
    );
    assert_eq!(
        view["section"]["target"],
        "✗ contradicts 002_d16469059f50c2e4"
    );
    assert_eq!(view["section"]["focused"], "ev-2");
}

#[test]
#[ignore = "needs chromium: FACTLINT_CHROMIUM=/usr/bin/chromium"]
fn on_a_phone_the_matrix_scrolls_in_its_box_with_the_claims_kept() {
    let dir = tempfile::tempdir().unwrap();
    let html = big_report(dir.path());
    // Headless chromium's narrowest window.
    let r = drive(dir.path(), &html, "phone", "", &["--window-size=500,800"]);
    let layout = &r["layout"];
    assert!(
        layout["page"].as_u64() <= layout["viewport"].as_u64(),
        "the page itself does not scroll sideways: {layout}"
    );
    assert_eq!(layout["matrixScrolls"], true, "{layout}");
    assert_eq!(layout["scrolled"], 120, "{layout}");
    assert!(
        layout["claimsColumnLeft"].as_i64().unwrap().abs() <= 2,
        "the claims column stays: {layout}"
    );
}

/// PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
#[ignore = "needs chromium: FACTLINT_CHROMIUM=/usr/bin/chromium"]
fn the_report_renders_a_screenful() {
    let dir = tempfile::tempdir().unwrap();
    seeds_report(dir.path());
    let shot = dir.path().join("shot.png");
    let mut command = chromium_command(dir.path());
    command
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,900")
        .arg(file_url(&dir.path().join("report.html"), ""));
    run(command);
    let bytes = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(png_size(&bytes), (1280, 900));
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| &p[..3.min(channels)])
        .collect();
    let colours: std::collections::BTreeSet<&[u8]> = pixels.iter().copied().collect();
    let inked = pixels.iter().filter(|p| p.iter().any(|&c| c < 240)).count();
    println!(
        "{} colours, {inked} of {} pixels inked",
        colours.len(),
        pixels.len()
    );
    assert!(colours.len() >= 50, "{} colours", colours.len());
    assert!(inked * 50 > pixels.len(), "{inked} inked pixels");
}

/// A cross-check of 2,000 documents and 100 claims, one cell in ten said.
fn big_matrix() -> Value {
    const STATUSES: [&str; 6] = [
        "contradicts",
        "agrees",
        "states",
        "negated",
        "hedged",
        "quoted",
    ];
    let documents: Vec<Value> = (0..2000)
        .map(|d| json!({"path": format!("docs/doc-{d:04}.txt"), "name": null, "kind": null, "trust": 1.0}))
        .collect();
    let claims: Vec<Value> = (0..100)
        .map(|c| {
            let cells: Vec<Value> = (0..2000)
                .filter(|d| (d * 7 + c * 13) % 10 == 0)
                .map(|d| big_cell(d, STATUSES[(d + c) % 6]))
                .collect();
            json!({
                "id": format!("claim.{c:03}"), "kind": "term", "open": false,
                "value": format!("value {c}"), "statement": format!("statement {c}"),
                "source": null, "severity": "error", "file": "claims/big.toml", "line": c + 1,
                "counts": {}, "values": [], "consensus": null, "cells": cells,
            })
        })
        .collect();
    let mut claims = claims;
    // The first claim is open, and its sources dispute it.
    claims[0]["open"] = json!(true);
    claims[0]["value"] = json!(null);
    claims[0]["values"] = json!([
        {"value": "north", "documents": [10, 20], "weight": 2.5, "claimed": false},
        {"value": "south", "documents": [30], "weight": 1.0, "claimed": false},
    ]);
    claims[0]["consensus"] = json!({
        "status": "disputed", "value": "north", "share": 0.714,
        "reason": "no value has 75% of the weight",
    });
    json!({"version": 1, "documents": documents, "claims": claims,
           "summary": {"documents": 2000, "claims": 100, "contradictions": 3333, "disputed": 0}})
}

fn big_cell(d: usize, status: &str) -> Value {
    let text = format!("Document {d} says the answer is the value {d}, plainly.");
    let start = text.find("the value").unwrap();
    json!({"document": d, "status": status, "evidence": [{
        "status": status, "assertion": "asserted", "cue": null, "found": "the value",
        "value": "the value", "span": {"start": 0, "end": 9}, "line": 1, "column": 1,
        "sentence": {"span": {"start": 0, "end": text.len()}, "text": text,
                     "mark": {"start": start, "end": start + 9}},
        "severity": null}]})
}

/// The report of [`big_matrix`], linking from `dir`.
fn big_report(dir: &Path) -> String {
    use factlint::report::cross::html::{links, write_report};
    let data = big_matrix();
    let mut page = Vec::new();
    write_report(&mut page, &data, &links(&data, Some(dir))).unwrap();
    String::from_utf8(page).unwrap()
}

#[test]
#[ignore = "needs chromium: FACTLINT_CHROMIUM=/usr/bin/chromium"]
fn a_large_matrix_renders_one_window_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let html = big_report(dir.path());
    println!("report of 2,000 × 100: {} bytes", html.len());
    let r = drive(dir.path(), &html, "big", "", &[]);
    println!("{r:#}");

    let initial = &r["initial"];
    let cells = initial["cells"].as_u64().unwrap();
    assert!(
        cells <= 100 * 42 + 42,
        "{cells} table cells: not one window"
    );
    assert_eq!(initial["sentences"], 0);
    assert_eq!(initial["marks"], 0);
    assert!(
        initial["pager"]
            .as_str()
            .unwrap()
            .contains("Documents 1–40 of 2000"),
        "{initial}"
    );
    assert_eq!(
        r["firstColumns"],
        json!(["docs/doc-0000.txt", "docs/doc-0001.txt"])
    );
    assert_eq!(r["nextPage"]["hash"], "#page=2");
    assert_eq!(
        r["nextPage"]["columns"],
        json!(["docs/doc-0040.txt", "docs/doc-0041.txt"])
    );
    let filtered = &r["filtered"];
    assert!(filtered["columns"].as_u64().unwrap() <= 40, "{filtered}");
    assert!(filtered["rows"].as_u64().unwrap() >= 1, "{filtered}");
    let opened = &r["opened"];
    assert_eq!(opened["title"], "claim.000");
    assert_eq!(
        opened["groups"],
        "2 sources say north (weight 2.5), 1 says south."
    );
    assert_eq!(
        opened["verdict"],
        "Verdict: disputed; north leads with 71% of the weight: no value has 75% of the weight."
    );
    assert!(opened["evidence"].as_u64().unwrap() <= 100, "{opened}");
    assert_eq!(opened["sizes"]["sentences"], opened["evidence"]);
    assert_eq!(r["more"]["evidence"], 200, "the second hundred, on demand");
}

//! The demo corpus: factlint run on `seeds/` with `claims/`, as a user runs it.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

fn run_on_seeds() -> (Value, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "seeds/", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factlint");
    let v = serde_json::from_slice(&out.stdout).expect("JSON output");
    (v, out.status.code())
}

fn term_claim_ids() -> BTreeSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/claims/trotsky.toml");
    let claims: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    claims["claim"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"].as_str() == Some("term"))
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seeds_term_findings_are_exactly_these() {
    let (v, code) = run_on_seeds();
    assert_eq!(code, Some(1));
    let terms = term_claim_ids();
    let got: BTreeSet<(String, u64, String, String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| terms.contains(d["claim"].as_str().unwrap()))
        .filter(|d| d["severity"] != "note")
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["claim"].as_str().unwrap().to_string(),
                d["found"].as_str().unwrap().to_string(),
                d["expected"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, u64, String, String, String)> = [
        // The transposed abbreviation next to the name written out is not a
        // correction of it (gray in the gold: reported as the claim's warning).
        (
            "seeds/000_b3d46aad436df1fe.txt",
            3,
            "icl.name",
            "ILC",
            "ICL",
        ),
        (
            "seeds/000_b3d46aad436df1fe.txt",
            5,
            "icl.name",
            "ILC",
            "ICL",
        ),
        (
            "seeds/000_b3d46aad436df1fe.txt",
            7,
            "death.weapon",
            "ice pick",
            "ice axe",
        ),
        (
            "seeds/002_d16469059f50c2e4.txt",
            25,
            "death.weapon",
            "ice pick",
            "ice axe",
        ),
        (
            "seeds/003_1d8253ec5883a8d2.txt",
            1,
            "death.weapon",
            "ice pick",
            "ice axe",
        ),
        (
            "seeds/004_a819697382dc0f45.txt",
            17,
            "soviet1905.city",
            "Petrograd",
            "St Petersburg",
        ),
    ]
    .into_iter()
    .map(|(p, l, c, f, e)| (p.into(), l, c.into(), f.into(), e.into()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn seeds_json_output_points_at_the_found_words() {
    let (v, _) = run_on_seeds();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["files"], 5);
    for d in v["diagnostics"].as_array().unwrap() {
        let text = std::fs::read(
            concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + d["path"].as_str().unwrap(),
        )
        .unwrap();
        let s = d["span"]["start"].as_u64().unwrap() as usize;
        let e = d["span"]["end"].as_u64().unwrap() as usize;
        assert_eq!(&text[s..e], d["found"].as_str().unwrap().as_bytes(), "{d}");
    }
}

/// One gold entry located in its document: the byte range of its context and of
/// its quote.
struct Gold {
    doc: String,
    fact: String,
    context: std::ops::Range<usize>,
    quote: Option<std::ops::Range<usize>>,
}

fn gold(kind: &str) -> Vec<Gold> {
    let root = env!("CARGO_MANIFEST_DIR");
    let table: toml::Table = toml::from_str(
        &std::fs::read_to_string(format!("{root}/tests/fixtures/seeds_gold.toml")).unwrap(),
    )
    .unwrap();
    table
        .get(kind)
        .and_then(|v| v.as_array())
        .map_or(&[][..], |v| v)
        .iter()
        .map(|g| {
            let doc = g["doc"].as_str().unwrap().to_string();
            let text = std::fs::read(format!("{root}/seeds/{doc}")).unwrap();
            let context = g["context"].as_str().unwrap().as_bytes();
            let at = text
                .windows(context.len())
                .position(|w| w == context)
                .expect("context located");
            let quote = g.get("quote").and_then(|q| q.as_str()).map(|q| {
                let q = q.as_bytes();
                let rel = text[at..at + context.len()]
                    .windows(q.len())
                    .position(|w| w == q)
                    .expect("quote located");
                at + rel..at + rel + q.len()
            });
            Gold {
                doc,
                fact: g
                    .get("fact")
                    .and_then(|f| f.as_str())
                    .unwrap_or("")
                    .to_string(),
                context: at..at + context.len(),
                quote,
            }
        })
        .collect()
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn reported(v: &Value) -> Vec<(String, std::ops::Range<usize>, String, String)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" || d["severity"] == "warning")
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                d["span"]["start"].as_u64().unwrap() as usize
                    ..d["span"]["end"].as_u64().unwrap() as usize,
                d["claim"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_gold_finding_is_reported_and_no_trap_is() {
    let (v, _) = run_on_seeds();
    let got = reported(&v);
    let mut problems = Vec::new();
    for g in gold("finding") {
        let q = g.quote.clone().unwrap();
        if !got
            .iter()
            .any(|(doc, span, claim, _)| *doc == g.doc && *claim == g.fact && overlaps(span, &q))
        {
            problems.push(format!("missed: {} [{}] at {:?}", g.doc, g.fact, q));
        }
    }
    let root = env!("CARGO_MANIFEST_DIR");
    for g in gold("trap") {
        let text = std::fs::read_to_string(format!("{root}/seeds/{}", g.doc)).unwrap();
        let context = &text[g.context.clone()];
        for (doc, span, claim, severity) in &got {
            if *doc == g.doc && overlaps(span, &g.context) {
                problems.push(format!(
                    "trap reported: {doc} [{claim}] {severity} in {context:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A false alarm on the demo corpus: every error and warning lies on a gold
/// finding's context or on a gray one (where flagging is neither right nor wrong).
#[test]
fn nothing_outside_the_gold_is_reported() {
    let (v, _) = run_on_seeds();
    let allowed: Vec<Gold> = gold("finding").into_iter().chain(gold("gray")).collect();
    let stray: Vec<String> = reported(&v)
        .into_iter()
        .filter(|(doc, span, _, _)| {
            !allowed
                .iter()
                .any(|g| g.doc == *doc && overlaps(span, &g.context))
        })
        .map(|(doc, span, claim, severity)| format!("{doc} [{claim}] {severity} at {span:?}"))
        .collect();
    assert!(stray.is_empty(), "{}", stray.join("\n"));
}

#[test]
fn the_quoted_song_lyric_is_a_note() {
    let (v, _) = run_on_seeds();
    let lyric: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["found"] == "ice-pick")
        .collect();
    assert_eq!(lyric.len(), 1);
    assert_eq!(lyric[0]["severity"], "note");
    assert_eq!(lyric[0]["assertion"], "quoted");
    assert_eq!(lyric[0]["path"], "seeds/001_3dac57ab0d302d73.txt");
}

#[test]
fn the_dated_gold_findings_underline_the_wrong_date() {
    let (v, _) = run_on_seeds();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["claim"] == "return.russia")
        .expect("return.russia reported");
    assert_eq!(d["found"], "March 1917");
    assert_eq!(d["expected"], "May 1917");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "seeds/002_d16469059f50c2e4.txt");
}

#[test]
fn a_baseline_of_the_seeds_silences_a_second_run() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["check", "seeds/", "--no-config"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let write = run(&["--write-baseline", baseline.to_str().unwrap()]);
    assert_eq!(write.status.code(), Some(0));
    let again = run(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        "checked 5 files: 0 errors, 0 warnings, 0 notes\n"
    );
}

/// `factlint cross-check seeds/ --format json` with `args` added.
fn cross_check_seeds(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["cross-check", "seeds/", "--format", "json"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factlint");
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// A claim's row: each document's status, and what the contradicting ones say.
fn row(v: &Value, id: &str) -> (Vec<String>, Vec<String>) {
    let claim = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no row for {id}"));
    let cells = claim["cells"].as_array().unwrap();
    let statuses = (0..5)
        .map(|d| {
            cells
                .iter()
                .find(|c| c["document"] == d)
                .map_or("silent", |c| c["status"].as_str().unwrap())
                .to_string()
        })
        .collect();
    let said = cells
        .iter()
        .flat_map(|c| c["evidence"].as_array().unwrap())
        .filter(|e| e["status"] == "contradicts")
        .map(|e| e["found"].as_str().unwrap().to_string())
        .collect();
    (statuses, said)
}

#[test]
fn the_cross_check_shows_where_the_seeds_split() {
    let v = cross_check_seeds(&[]);
    let strings = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        row(&v, "death.weapon"),
        (
            strings(&[
                "contradicts",
                "agrees",
                "contradicts",
                "contradicts",
                "silent"
            ]),
            strings(&["ice pick", "ice pick", "ice pick"])
        )
    );
    assert_eq!(row(&v, "mexico.arrival").1, strings(&["1936"]));
    assert_eq!(row(&v, "return.russia").1, strings(&["March 1917"]));
    assert_eq!(
        row(&v, "soviet1905.city"),
        (
            strings(&["silent", "agrees", "agrees", "silent", "contradicts"]),
            strings(&["Petrograd"])
        )
    );
}

#[test]
fn weighed_by_their_sources_the_seeds_leave_the_weapon_disputed() {
    let v = cross_check_seeds(&[
        "--config",
        "examples/cross-check/factlint.toml",
        "--consensus",
    ]);
    let weapon = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "open.weapon")
        .expect("the open question");
    assert_eq!(weapon["consensus"]["status"], "disputed");
    assert_eq!(
        weapon["consensus"]["reason"],
        "a tie: ice pick and ice axe weigh 3.5 each"
    );
    let values: Vec<(&str, f64)> = weapon["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["value"].as_str().unwrap(), g["weight"].as_f64().unwrap()))
        .collect();
    assert_eq!(values, vec![("ice pick", 3.5), ("ice axe", 3.5)]);
    assert_eq!(v["documents"][1]["kind"], "encyclopedia");
}

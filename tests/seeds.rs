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
        (
            "seeds/000_b3d46aad436df1fe.txt",
            7,
            "death.weapon",
            "ice pick",
            "ice axe",
        ),
        (
            "seeds/001_3dac57ab0d302d73.txt",
            1407,
            "death.weapon",
            "ice-pick",
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

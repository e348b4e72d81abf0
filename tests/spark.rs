//! The Spark example (`examples/spark/factlint_spark.py`) in Spark local mode: its
//! findings are those of `factlint check --format jsonl` on the same documents,
//! one for one, on the seeds and on each development set.
//!
//! It needs a Python with pyspark (and Java), named by `FACTLINT_SPARK_PYTHON`;
//! `.ci/run` installs pyspark into `.ci/venv` and runs it with `--ignored`. The
//! development sets are those of `../shared/eval/dev/` (or of the folder named by
//! `FACTLINT_DEV_SETS`); without them, their test says so and passes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs the job with the arguments after the script's name, then prints each
/// finding row of its output as a JSON line.
const DRIVER: &str = r#"
import json, runpy, sys
args = sys.argv[1:]
sys.argv = ["factlint_spark.py"] + args
# As a script, so that its functions travel to the workers by value.
runpy.run_path("examples/spark/factlint_spark.py", run_name="__main__")
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").getOrCreate()
out = args[args.index("--output") + 1]
for row in spark.read.parquet(out).collect():
    print(json.dumps(row.asDict(recursive=True)))
spark.stop()
"#;

/// Writes the JSON lines into a Parquet file with the same columns.
const TO_PARQUET: &str = r#"
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").getOrCreate()
spark.read.json(sys.argv[1]).write.parquet(sys.argv[2])
spark.stop()
"#;

/// One finding, as compared: the document, the claim, the span, the severity.
type Key = (String, String, u64, u64, String);

fn python() -> PathBuf {
    let python = std::env::var_os("FACTLINT_SPARK_PYTHON").map(PathBuf::from);
    let python = python.expect("FACTLINT_SPARK_PYTHON must name a python with pyspark");
    assert!(python.exists(), "no python at {}", python.display());
    python
}

fn key(v: &Value) -> Key {
    let s = |k: &str| v[k].as_str().expect("a string field").to_string();
    let n = |k: &str| v["span"][k].as_u64().expect("a span offset");
    (s("path"), s("claim"), n("start"), n("end"), s("severity"))
}

/// How many of each finding.
fn counted(keys: impl IntoIterator<Item = Key>) -> BTreeMap<Key, usize> {
    let mut out = BTreeMap::new();
    for k in keys {
        *out.entry(k).or_default() += 1;
    }
    out
}

/// The `*.txt` documents of a folder, by name.
fn documents(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("folder readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// What `factlint check --format jsonl` finds in the documents.
fn factlint_findings(dir: &Path, names: &[String], claims: &Path) -> BTreeMap<Key, usize> {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "jsonl", "--no-config", "--claims"])
        .arg(claims)
        .args(names)
        .current_dir(dir)
        .output()
        .expect("factlint runs");
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    counted(
        text.lines()
            .map(|l| key(&serde_json::from_str(l).expect("json"))),
    )
}

/// What the Spark job finds, its input given by `input` and `format`.
fn spark_findings(input: &Path, format: &str, claims: &Path, work: &Path) -> BTreeMap<Key, usize> {
    let python = python();
    let output = work.join(format!("findings-{format}.parquet"));
    let out = Command::new(&python)
        .args(["-c", DRIVER])
        .args(["--master", "local[2]", "--input-format", format, "--input"])
        .arg(input)
        .arg("--claims")
        .arg(claims)
        .args(["--factlint", env!("CARGO_BIN_EXE_factlint"), "--output"])
        .arg(&output)
        .current_dir(ROOT)
        .env("PYSPARK_PYTHON", &python)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        out.status.success(),
        "the Spark job failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    counted(
        stdout
            .lines()
            .map(|l| key(&serde_json::from_str(l).expect("json"))),
    )
}

/// The documents as JSON lines, `{"id": name, "text": …, "set": …}` each.
fn json_lines(dir: &Path, names: &[String], path: &Path) {
    let mut text = String::new();
    for name in names {
        let doc = fs::read_to_string(dir.join(name)).expect("document readable");
        let line = serde_json::json!({"id": name, "text": doc, "set": "seeds"});
        text.push_str(&line.to_string());
        text.push('\n');
    }
    fs::write(path, text).expect("written");
}

fn compare(dir: &Path, claims: &Path, all_inputs: bool) {
    let work = tempfile::tempdir().expect("temp dir");
    let names = documents(dir);
    let expected = factlint_findings(dir, &names, claims);
    assert!(!expected.is_empty(), "no findings in {}", dir.display());
    let text = spark_findings(&dir.join("*.txt"), "text", claims, work.path());
    assert_eq!(text, expected, "text files of {}", dir.display());
    if !all_inputs {
        return;
    }
    let lines = work.path().join("docs.jsonl");
    json_lines(dir, &names, &lines);
    let jsonl = spark_findings(&lines, "jsonl", claims, work.path());
    assert_eq!(jsonl, expected, "JSON lines of {}", dir.display());
    let parquet = work.path().join("docs.parquet");
    let out = Command::new(python())
        .args(["-c", TO_PARQUET])
        .arg(&lines)
        .arg(&parquet)
        .env("PYSPARK_PYTHON", python())
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = spark_findings(&parquet, "parquet", claims, work.path());
    assert_eq!(rows, expected, "Parquet of {}", dir.display());
}

#[test]
#[ignore = "needs pyspark and Java; .ci/run installs pyspark and runs this"]
fn the_spark_job_finds_what_check_finds_on_the_seeds() {
    let root = Path::new(ROOT);
    compare(&root.join("seeds"), &root.join("claims/trotsky.toml"), true);
}

#[test]
#[ignore = "needs pyspark and Java; .ci/run installs pyspark and runs this"]
fn the_spark_job_finds_what_check_finds_on_the_development_sets() {
    let dev = std::env::var_os("FACTLINT_DEV_SETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("../shared/eval/dev"));
    if !dev.is_dir() {
        eprintln!("skipped: no development sets at {}", dev.display());
        return;
    }
    let mut sets: Vec<PathBuf> = fs::read_dir(&dev)
        .expect("dev sets readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("claims.toml").is_file())
        .collect();
    sets.sort();
    assert!(!sets.is_empty(), "no development set in {}", dev.display());
    for set in sets {
        compare(&set, &set.join("claims.toml"), false);
    }
}

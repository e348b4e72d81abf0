//! Pathological inputs, start-up and peak memory of `factlint check` run as a
//! child process with `claims/trotsky.toml`. Run with `cargo bench --bench
//! pathological`. Each pathological input stands beside its plain counterpart
//! (the same words cut into ordinary sentences, lines or paragraphs); each run has
//! a time limit and prints `> LIMIT s` when it runs past it. Throughput is input
//! bytes per CPU second (user + system) of the child; compare the ratios.
//!
//! Settings (environment), with their defaults: `FACTLINT_BENCH_LIMIT` (30, the
//! seconds a run may take), `FACTLINT_BENCH_SENTENCE_MIB` (1),
//! `FACTLINT_BENCH_LINE_MIB` (4), `FACTLINT_BENCH_YEARS` (200000),
//! `FACTLINT_BENCH_PRONOUNS` (5000, pronoun sentences and relative dates),
//! `FACTLINT_BENCH_DEPTH` (5000),
//! `FACTLINT_BENCH_RUNS` (21, start-up runs), `FACTLINT_BENCH_FILES` (200, small
//! files for the memory figure), `FACTLINT_BENCH_BIG_MIB` (1, the big file);
//! the memory runs may take three times the limit.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FACTLINT: &str = env!("CARGO_BIN_EXE_factlint");
const CLAIMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/claims/trotsky.toml");

/// Clauses of our own, about the claims' subject, with a trigger and a value in
/// most: what a long sentence or a long line is made of.
const CLAUSES: [&str; 6] = [
    "Trotsky was born in Odessa in 1880",
    "he was first arrested in 1897 with the members of the union",
    "the Red Army was founded by him in the spring of 1918",
    "he was expelled from the party in 1927 and exiled to Alma-Ata",
    "he died at the age of 62 in Mexico City",
    "his killer used an ice pick",
];

fn env_or(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// How one child run ended: CPU seconds, wall seconds, peak resident MiB, or a
/// run past the limit.
enum Outcome {
    Done { cpu: f64, wall: f64, peak_mib: f64 },
    PastLimit,
}

/// Runs `factlint check` on `paths` with the shipped claims, killing it past
/// `limit`; the CPU time and peak memory come from the child's rusage.
fn check(paths: &[&Path], limit: Duration) -> Outcome {
    let mut cmd = Command::new(FACTLINT);
    cmd.args([
        "check",
        "--no-config",
        "-q",
        "--format",
        "short",
        "--claims",
        CLAIMS,
    ]);
    cmd.args(paths);
    run(cmd, limit)
}

// The child is reaped by `wait4` below (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run(mut cmd: Command, limit: Duration) -> Outcome {
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the command starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain old data, all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, not yet reaped; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if start.elapsed() > limit {
            // SAFETY: as above; the child is killed, then reaped.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            return Outcome::PastLimit;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Outcome::Done {
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        wall: start.elapsed().as_secs_f64(),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the temp dir is writable");
    path
}

/// The clauses repeated until `bytes`, each followed by `sep`.
fn clauses(bytes: usize, sep: &str) -> String {
    let mut s = String::with_capacity(bytes + 128);
    for c in CLAUSES.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        s.push_str(c);
        s.push_str(sep);
    }
    s
}

/// One pathological input and its plain counterpart: (name, file name, text).
type Pair = (String, [(String, String); 2]);

/// Statements of the claims' events run into one sentence, thousands of
/// triggers in one clause, in one run of letters and hyphens, among quotations,
/// beside the same statements each a sentence of its own.
fn statements() -> Pair {
    let n = env_or("FACTLINT_BENCH_STATEMENTS", 20_000.0) as usize;
    let kinds = [
        "3,000 people were killed",
        "he said \"died\"",
        "moved to Norway in 1935",
        "died-died-died-died",
        "Lenin's death",
    ];
    let mut long = String::from("Leon Trotsky");
    let mut plain = String::new();
    for i in 0..n {
        let s = kinds[i % kinds.len()];
        let _ = write!(long, " {s} and");
        let _ = writeln!(plain, "Leon Trotsky {s}.");
    }
    long.push_str(" so on.\n");
    (
        format!("{n} statements in one sentence"),
        [
            ("statements.txt-long".to_string(), long),
            ("statements.txt-plain".to_string(), plain),
        ],
    )
}

fn pairs() -> Vec<Pair> {
    let mib = |name, default| (env_or(name, default) * (1 << 20) as f64) as usize;
    let sentence = mib("FACTLINT_BENCH_SENTENCE_MIB", 1.0);
    let line = mib("FACTLINT_BENCH_LINE_MIB", 4.0);
    let years = env_or("FACTLINT_BENCH_YEARS", 200_000.0) as usize;
    let pronouns = env_or("FACTLINT_BENCH_PRONOUNS", 5_000.0) as usize;
    let depth = env_or("FACTLINT_BENCH_DEPTH", 5_000.0) as usize;

    let mut one = clauses(sentence, ", ");
    one.push_str("the end.\n");
    let mut list = String::from("Trotsky was born in ");
    let mut lines = String::new();
    for i in 0..years {
        let y = 1000 + i % 1000;
        let _ = write!(list, "{y}, ");
        let _ = writeln!(lines, "Trotsky was born in {y}.");
    }
    list.push_str("or later.\n");
    let he = [
        "He was born in Odessa in 1880.",
        "He was first arrested in 1897.",
        "He founded the Red Army in 1918.",
        "He died at the age of 62.",
    ];
    let mut run_on = String::from("Trotsky wrote many books. ");
    let mut paragraphs = String::new();
    for i in 0..pronouns {
        run_on.push_str(he[i % he.len()]);
        run_on.push(' ');
        if i % he.len() == 0 {
            paragraphs.push_str("\nTrotsky wrote many books. ");
        }
        paragraphs.push_str(he[i % he.len()]);
        paragraphs.push(if i % he.len() == he.len() - 1 {
            '\n'
        } else {
            ' '
        });
    }
    // Relative dates count from the date before them in their paragraph.
    let later = "Two years later he was first arrested.";
    let mut relative = String::from("Trotsky was born in Odessa in 1880.");
    let mut relative_apart = String::new();
    for _ in 0..pronouns {
        relative.push(' ');
        relative.push_str(later);
        relative_apart.push_str("Trotsky was born in Odessa in 1880. ");
        relative_apart.push_str(later);
        relative_apart.push_str("\n\n");
    }
    relative.push('\n');
    let text = "Trotsky was born in Odessa in 1880.";
    let quotes = format!("{}{text}\n", "> ".repeat(depth));
    let items: String = (0..depth)
        .map(|i| format!("{}- {text}\n", "  ".repeat(i)))
        .collect();
    let plain_md = format!("{text}\n").repeat(depth);
    let html = format!(
        "{}<p>{text}</p>{}\n",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let plain_html = format!("<p>{text}</p>\n").repeat(depth);
    let p = |name: &str, file: &str, text: String| (format!("{file}-{name}"), text);
    vec![
        (
            format!("{:.1} MiB sentence", sentence as f64 / (1 << 20) as f64),
            [
                p("long", "sentence.txt", one),
                p("plain", "sentence.txt", clauses(sentence, ".\n")),
            ],
        ),
        (
            format!("{:.1} MiB line", line as f64 / (1 << 20) as f64),
            [
                p("long", "line.txt", clauses(line, ". ")),
                p("plain", "line.txt", clauses(line, ".\n")),
            ],
        ),
        (
            format!("{years} years in one sentence"),
            [p("long", "years.txt", list), p("plain", "years.txt", lines)],
        ),
        (
            format!("{pronouns} pronoun sentences"),
            [
                p("long", "he.txt", run_on),
                p("plain", "he.txt", paragraphs),
            ],
        ),
        (
            format!("{pronouns} relative dates"),
            [
                p("long", "later.txt", relative),
                p("plain", "later.txt", relative_apart),
            ],
        ),
        (
            format!("Markdown quotes {depth} deep"),
            [
                p("long", "quotes.md", quotes),
                p("plain", "quotes.md", plain_md.clone()),
            ],
        ),
        (
            format!("Markdown list {depth} deep"),
            [p("long", "list.md", items), p("plain", "list.md", plain_md)],
        ),
        (
            format!("HTML divs {depth} deep"),
            [
                p("long", "divs.html", html),
                p("plain", "divs.html", plain_html),
            ],
        ),
        statements(),
    ]
}

/// "12.3 MB/s (0.45 cpu s)" or "> LIMIT s"; the CPU seconds when done.
fn describe(bytes: usize, outcome: &Outcome, limit: Duration) -> (String, Option<f64>) {
    match outcome {
        Outcome::Done { cpu, .. } => (
            format!(
                "{:8.2} MB/s ({cpu:.2} cpu s)",
                bytes as f64 / 1e6 / cpu.max(1e-3)
            ),
            Some(*cpu),
        ),
        Outcome::PastLimit => (format!("> {} s", limit.as_secs()), None),
    }
}

fn pathological(dir: &Path, limit: Duration) {
    println!(
        "pathological inputs, each beside its plain counterpart (limit {} s):",
        limit.as_secs()
    );
    for (name, [(long_file, long), (plain_file, plain)]) in pairs() {
        let long_path = write(dir, &long_file, &long);
        let plain_path = write(dir, &plain_file, &plain);
        let (l, lc) = describe(long.len(), &check(&[&long_path], limit), limit);
        let (p, pc) = describe(plain.len(), &check(&[&plain_path], limit), limit);
        let ratio = match (lc, pc) {
            (Some(l), Some(p)) => format!("{:.1}", l / p.max(1e-3)),
            (None, Some(p)) => format!("> {:.0}", limit.as_secs_f64() / p.max(1e-3)),
            _ => "n/a".to_string(),
        };
        println!("  {name:<32} {l}  plain {p}  ratio cpu {ratio}");
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The first sentences of the first seed, to about 2 KB.
fn small_file() -> String {
    let seed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("the seeds directory")
        .map(|e| e.expect("a seed entry").path())
        .min()
        .expect("a seed");
    let text = std::fs::read_to_string(seed).expect("a seed");
    let mut out = String::new();
    for s in text.split_inclusive(". ") {
        if out.len() + s.len() > 2048 {
            break;
        }
        out.push_str(s);
    }
    out
}

fn walls(make: impl Fn() -> Command, runs: usize) -> Option<f64> {
    let mut xs = Vec::new();
    for _ in 0..runs {
        match run(make(), Duration::from_secs(10)) {
            Outcome::Done { wall, .. } => xs.push(wall),
            Outcome::PastLimit => return None,
        }
    }
    Some(median(xs))
}

fn start_up(dir: &Path) {
    let runs = env_or("FACTLINT_BENCH_RUNS", 21.0).max(1.0) as usize;
    let small = write(dir, "small.txt", &small_file());
    let factlint = walls(
        || {
            let mut c = Command::new(FACTLINT);
            c.args([
                "check",
                "--no-config",
                "-q",
                "--format",
                "short",
                "--claims",
                CLAIMS,
            ]);
            c.arg(&small);
            c
        },
        runs,
    );
    let rg = walls(
        || {
            let mut c = Command::new("rg");
            c.args([
                "--no-unicode",
                "-i",
                "-w",
                "-c",
                "-F",
                "-e",
                "ice pick",
                "-e",
                "Odessa",
            ]);
            c.arg(&small);
            c
        },
        runs,
    )
    .filter(|_| Command::new("rg").arg("--version").output().is_ok());
    let ms = |x: Option<f64>| x.map_or("n/a".to_string(), |x| format!("{:.1} ms", x * 1e3));
    print!(
        "start-up (2 KB file, claims/trotsky.toml, median of {runs}): factlint {}",
        ms(factlint)
    );
    match (factlint, rg) {
        (Some(f), Some(r)) => println!(", rg {}, ratio factlint/rg {:.1}", ms(rg), f / r),
        _ => println!(", rg not on PATH"),
    }
}

fn memory(dir: &Path, limit: Duration) {
    let files = env_or("FACTLINT_BENCH_FILES", 200.0) as usize;
    let big = (env_or("FACTLINT_BENCH_BIG_MIB", 1.0) * (1 << 20) as f64) as usize;
    let small_dir = dir.join("small");
    std::fs::create_dir_all(&small_dir).expect("the temp dir is writable");
    let text = clauses(8 << 10, ".\n");
    for i in 0..files {
        write(&small_dir, &format!("{i:05}.txt"), &text);
    }
    let big_text = clauses(big, ".\n");
    let big_path = write(dir, "big.txt", &big_text);
    for (name, path, bytes) in [
        (
            format!("{files} files of 8 KiB"),
            small_dir.as_path(),
            files * text.len(),
        ),
        (
            format!("one file of {:.1} MiB", big as f64 / (1 << 20) as f64),
            big_path.as_path(),
            big_text.len(),
        ),
    ] {
        match check(&[path], limit * 3) {
            Outcome::Done { peak_mib, cpu, .. } => println!(
                "peak memory, {name:<22}: {peak_mib:7.1} MiB, {:.2} x the input ({:.2} MB/s per cpu s)",
                peak_mib * (1 << 20) as f64 / bytes as f64,
                bytes as f64 / 1e6 / cpu.max(1e-3)
            ),
            Outcome::PastLimit => {
                println!("peak memory, {name:<22}: > {} s", (limit * 3).as_secs())
            }
        }
    }
}

fn main() {
    let limit = Duration::from_secs_f64(env_or("FACTLINT_BENCH_LIMIT", 30.0));
    let dir = tempfile::tempdir().expect("a temp dir");
    start_up(dir.path());
    memory(dir.path(), limit);
    pathological(dir.path(), limit);
}

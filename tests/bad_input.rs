//! The bad-input matrix (issue 12): every kind of bad input a file system or a
//! user can hand over, each with the exact message, the exit status, and the
//! findings of the good file checked beside it, which must not change.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;

mod common;

/// The finding of `docs/a.txt`, the good file every case is checked beside.
const GOOD: &str = "docs/a.txt:1:28: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n";

/// A finding of the weapon claim in `path`, at `line:column`.
fn weapon(path: &str, line: usize, column: usize) -> String {
    format!(
        "{path}:{line}:{column}: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n"
    )
}

/// A finding of the date claim in `path`, at `line:column`.
fn died(path: &str, line: usize, column: usize) -> String {
    format!(
        "{path}:{line}:{column}: error[death.date]: \"1941\" contradicts claim `death.date` (21 August 1940)\n"
    )
}

/// A directory with the claims and the good file.
fn corpus() -> tempfile::TempDir {
    common::project(&[("docs/a.txt", b"Trotsky was killed with an ice pick.\n")])
}

/// What a run printed, and how it exited.
#[derive(Debug, PartialEq)]
struct Ran {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn ran(out: std::process::Output) -> Ran {
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

fn expect(stdout: &str, stderr: &str, code: i32) -> Ran {
    Ran {
        stdout: stdout.to_string(),
        stderr: stderr.to_string(),
        code: Some(code),
    }
}

/// `factlint check` in `dir` with the corpus's claims, no configuration and
/// the short format, on `args`; never longer than a minute.
fn command(dir: &Path) -> Command {
    let mut cmd = bare(dir);
    cmd.args(["--claims", "claims/facts.toml", "--format", "short"]);
    cmd
}

/// `factlint check` in `dir` with no configuration, and nothing else.
fn bare(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factlint").expect("binary built");
    cmd.current_dir(dir)
        .timeout(Duration::from_secs(120))
        .args(["check", "--no-config"]);
    cmd
}

fn check(dir: &Path, args: &[&str]) -> Ran {
    ran(command(dir).args(args).output().expect("ran"))
}

fn check_os(dir: &Path, args: &[&OsStr]) -> Ran {
    ran(command(dir).args(args).output().expect("ran"))
}

/// Byte-order marks, UTF-16, invalid UTF-8 and NUL bytes.
#[path = "bad_input/encodings.rs"]
mod encodings;

/// Running as a user the file modes bind.
#[path = "common/users.rs"]
mod users;

#[test]
fn empty_and_whitespace_only_files_are_checked_and_clean() {
    let dir = corpus();
    let p = dir.path();
    fs::write(p.join("docs/empty.txt"), "").unwrap();
    fs::write(p.join("docs/blank.md"), " \n\t\r\n\u{a0}\n  ").unwrap();
    assert_eq!(
        check(p, &["docs/empty.txt", "docs/blank.md", "docs/a.txt"]),
        expect(GOOD, "", 1)
    );
    assert_eq!(
        check(p, &["docs/empty.txt", "docs/blank.md"]),
        expect("", "", 0)
    );
    // Empty standard input is an empty document.
    let out = command(p).arg("-").write_stdin("").output().expect("ran");
    assert_eq!(ran(out), expect("", "", 0));
}

const TOO_BIG: &str = "too large (2147483649 bytes, over the limit of 2G), skipped; raise the limit with --max-file-size (at most 4G)";

#[test]
fn a_file_over_the_size_limit_is_refused_from_its_length_unread() {
    let dir = corpus();
    let p = dir.path();
    // Sparse: 2 GiB and a byte of zeros that take no room. Were it read, its
    // NUL bytes would make it binary: the message shows it was not.
    let big = fs::File::create(p.join("docs/big.txt")).unwrap();
    big.set_len((2 << 30) + 1).unwrap();
    drop(big);
    let want = format!("factlint: docs/big.txt: {TOO_BIG}\n");
    assert_eq!(check(p, &["docs"]), expect(GOOD, &want, 2));
    assert_eq!(
        check(p, &["docs/big.txt", "docs/a.txt"]),
        expect(GOOD, &want, 2)
    );
    // Raised, the file is read (and, all zeros, found binary at its start).
    assert_eq!(
        check(p, &["docs/big.txt", "--max-file-size", "4G"]),
        expect("", "factlint: docs/big.txt: binary file, skipped\n", 2)
    );
    // Lowered, a small file is refused.
    assert_eq!(
        check(p, &["docs", "--max-file-size", "36"]),
        expect(
            "",
            "factlint: docs/a.txt: too large (37 bytes, over the limit of 36), skipped; raise the limit with --max-file-size (at most 4G)\n\
             factlint: docs/big.txt: too large (2147483649 bytes, over the limit of 36), skipped; raise the limit with --max-file-size (at most 4G)\n",
            2
        )
    );
}

#[test]
fn max_file_size_takes_sizes_with_units_up_to_4g() {
    let dir = corpus();
    let p = dir.path();
    for ok in ["37", "1K", "10M", "2G", "4G", "500k"] {
        assert_eq!(
            check(p, &["docs/a.txt", "--max-file-size", ok]),
            expect(GOOD, "", 1),
            "{ok}"
        );
    }
    let refused = |size: &str, why: &str| {
        expect(
            "",
            &format!(
                "error: invalid value '{size}' for '--max-file-size <SIZE>': {why}\n\nFor more information, try '--help'.\n"
            ),
            2,
        )
    };
    assert_eq!(
        check(p, &["docs/a.txt", "--max-file-size", "5G"]),
        refused(
            "5G",
            "5G is over the most factlint can read, 4G (spans are 32-bit offsets)"
        )
    );
    assert_eq!(
        check(p, &["docs/a.txt", "--max-file-size", "2T"]),
        refused(
            "2T",
            "`2T` is not a size: write bytes, or a number with K, M or G, as in 500K, 10M or 2G"
        )
    );
}

#[test]
fn cross_check_keeps_the_size_limit_too() {
    let dir = corpus();
    let p = dir.path();
    let out = Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(p)
        .timeout(Duration::from_secs(120))
        .args([
            "cross-check",
            "--no-config",
            "--claims",
            "claims/facts.toml",
        ])
        .args(["docs/a.txt", "--max-file-size", "36"])
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            "\n2 claims that no document mentions are left out.\n\n0 documents, 2 claims: 0 contradictions, 0 disputed\n",
            "factlint: docs/a.txt: too large (37 bytes, over the limit of 36), skipped; raise the limit with --max-file-size (at most 4G)\n",
            2
        )
    );
}

#[test]
fn standard_input_and_json_lines_over_the_limit_are_refused_not_cut() {
    let dir = corpus();
    let p = dir.path();
    let out = command(p)
        .args(["-", "--max-file-size", "20"])
        .write_stdin("Trotsky was killed with an ice pick.\n")
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            "",
            "factlint: -: too large (over the limit of 20), skipped; raise the limit with --max-file-size (at most 4G)\n",
            2
        )
    );
    let long = r#"{"id": "long.txt", "text": "Trotsky was killed with an ice pick, and more."}"#;
    let short = r#"{"id": "short.txt", "text": "Killed with an ice pick."}"#;
    let out = command(p)
        .args(["--input", "jsonl", "-", "--max-file-size", "60"])
        .write_stdin(format!("{long}\n{short}\n"))
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            &weapon("short.txt", 1, 16),
            &format!(
                "factlint: standard input, line 1: too large ({} bytes, over the limit of 60), skipped; raise the limit with --max-file-size (at most 4G)\n",
                long.len()
            ),
            2
        )
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_is_read_to_its_end_whatever_length_it_claims() {
    // A /proc file says it is empty and is not: it is read to its end.
    let dir = corpus();
    let p = dir.path();
    fs::write(
        p.join("claims/facts.toml"),
        "[[claim]]\nid = \"kernel\"\nkind = \"term\"\nvalue = \"edition\"\nreject = [\"version\"]\n",
    )
    .unwrap();
    assert_eq!(fs::metadata("/proc/version").unwrap().len(), 0);
    assert_eq!(
        check(p, &["/proc/version"]),
        expect(
            "/proc/version:1:7: error[kernel]: \"version\" contradicts claim `kernel` (edition)\n",
            "",
            1
        )
    );
}

/// `check` on `args` as a user the file modes bind ([`users::bound_by_modes`]).
fn check_unprivileged(dir: &Path, args: &[&str]) -> Ran {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(dir)
        .args(["check", "--no-config", "--claims", "claims/facts.toml"])
        .args(["--format", "short"])
        .args(args)
        .stdin(Stdio::null());
    users::bound_by_modes(&mut cmd, dir, &[]);
    ran(cmd.output().expect("ran"))
}

#[test]
fn an_unreadable_file_or_directory_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus();
    let p = dir.path();
    fs::write(p.join("docs/secret.txt"), "An ice pick.\n").unwrap();
    fs::create_dir(p.join("docs/locked")).unwrap();
    fs::write(p.join("docs/locked/c.txt"), "An ice pick.\n").unwrap();
    let mode = |path: &str, m: u32| {
        fs::set_permissions(p.join(path), fs::Permissions::from_mode(m)).unwrap();
    };
    mode("docs/secret.txt", 0o000);
    mode("docs/locked", 0o000);
    let walked = check_unprivileged(p, &["docs"]);
    let named = check_unprivileged(p, &["docs/secret.txt", "docs/locked/c.txt", "docs/a.txt"]);
    mode("docs/locked", 0o755);
    assert_eq!(
        walked,
        expect(
            GOOD,
            "factlint: docs/locked: Permission denied (os error 13)\n\
             factlint: docs/secret.txt: Permission denied (os error 13)\n",
            2
        )
    );
    // Named, each is reported in the order of the report, the good file checked.
    assert_eq!(
        named,
        expect(
            GOOD,
            "factlint: docs/locked/c.txt: Permission denied (os error 13)\n\
             factlint: docs/secret.txt: Permission denied (os error 13)\n",
            2
        )
    );
}

#[test]
fn pipes_sockets_and_devices_are_never_opened() {
    let dir = corpus();
    let p = dir.path();
    let fifo = p.join("docs/pipe.txt");
    let path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    let _socket = std::os::unix::net::UnixListener::bind(p.join("docs/sock.txt")).unwrap();
    // Walked: skipped with a note; the run's status is its findings'.
    assert_eq!(
        check(p, &["docs"]),
        expect(
            GOOD,
            "factlint: docs/pipe.txt: named pipe (FIFO), skipped\n\
             factlint: docs/sock.txt: socket, skipped\n",
            1
        )
    );
    // Named: not read (a pipe with no writer would wait forever), an error.
    assert_eq!(
        check(
            p,
            &["docs/pipe.txt", "docs/sock.txt", "/dev/null", "docs/a.txt"]
        ),
        expect(
            GOOD,
            "factlint: docs/pipe.txt: named pipe (FIFO), not read: to check what it carries, redirect it to standard input (factlint check - < docs/pipe.txt)\n\
             factlint: docs/sock.txt: socket, not a regular file: skipped\n\
             factlint: /dev/null: character device, not a regular file: skipped\n",
            2
        )
    );
    // Nor as a claims file.
    assert_eq!(
        ran(bare(p)
            .args(["--claims", "docs/pipe.txt", "docs/a.txt"])
            .output()
            .expect("ran")),
        expect(
            "",
            "factlint: docs/pipe.txt: named pipe (FIFO), not a regular file: a claims file must be one\n",
            2
        )
    );
}

#[test]
fn symbolic_link_loops_and_broken_links_are_not_followed_in_a_walk() {
    use std::os::unix::fs::symlink;
    let dir = corpus();
    let p = dir.path();
    symlink("loop.txt", p.join("docs/loop.txt")).unwrap();
    symlink("gone.txt", p.join("docs/broken.txt")).unwrap();
    // A walk follows no link (as ripgrep's).
    assert_eq!(check(p, &["docs"]), expect(GOOD, "", 1));
    // Named, they are errors.
    assert_eq!(
        check(p, &["docs/loop.txt", "docs/broken.txt", "docs/a.txt"]),
        expect(
            GOOD,
            "factlint: docs/loop.txt: symbolic link loop\n\
             factlint: docs/broken.txt: broken symbolic link: its target, gone.txt, does not exist\n",
            2
        )
    );
}

#[test]
fn a_path_that_is_not_utf8_is_checked_and_shown_with_a_replacement_character() {
    use std::os::unix::ffi::OsStrExt;
    let dir = corpus();
    let p = dir.path();
    let name = OsStr::from_bytes(b"docs/caf\xe9.txt");
    fs::write(p.join(name), "He died in 1941.\n").unwrap();
    let want = format!("{GOOD}{}", died("docs/caf\u{fffd}.txt", 1, 12));
    assert_eq!(check(p, &["docs"]), expect(&want, "", 1));
    assert_eq!(
        check_os(p, &[name, OsStr::new("docs/a.txt")]),
        expect(&want, "", 1)
    );
}

#[test]
fn crlf_cr_and_mixed_line_endings_give_exact_lines_and_columns() {
    let dir = corpus();
    let p = dir.path();
    fs::write(
        p.join("docs/crlf.txt"),
        "Intro.\r\nTrotsky was killed with an ice pick.\r\nHe died in 1941.\r\n",
    )
    .unwrap();
    // A lone CR (classic Mac OS) ends a line, as it does in editors, the
    // Language Server Protocol and SARIF; a CR before an LF is one line break.
    fs::write(
        p.join("docs/cr.txt"),
        "Intro.\rTrotsky was killed with an ice pick.\rHe died in 1941.\r",
    )
    .unwrap();
    fs::write(
        p.join("docs/mixed.txt"),
        "Intro.\r\nTrotsky was killed with an ice pick.\rHe died in 1941.\nÉmile: an ice pick.\n",
    )
    .unwrap();
    let want = [
        GOOD.to_string(),
        weapon("docs/cr.txt", 2, 28),
        died("docs/cr.txt", 3, 12),
        weapon("docs/crlf.txt", 2, 28),
        died("docs/crlf.txt", 3, 12),
        weapon("docs/mixed.txt", 2, 28),
        died("docs/mixed.txt", 3, 12),
        weapon("docs/mixed.txt", 4, 11),
    ]
    .concat();
    assert_eq!(check(p, &["docs"]), expect(&want, "", 1));
}

#[test]
fn a_claims_file_of_100000_claims_loads_and_checks() {
    let dir = corpus();
    let p = dir.path();
    let mut toml = String::new();
    for i in 0..100_000 {
        toml.push_str(&format!(
            "[[claim]]\nid = \"c{i}\"\nkind = \"term\"\nvalue = \"alpha{i} axe\"\nreject = [\"beta{i} pick\"]\n\n"
        ));
    }
    fs::write(p.join("claims/many.toml"), toml).unwrap();
    fs::write(
        p.join("docs/many.txt"),
        "The beta77 pick was there, and the alpha99999 axe.\n",
    )
    .unwrap();
    let out = bare(p)
        .timeout(Duration::from_secs(1200))
        .args(["--claims", "claims/many.toml"])
        .args(["docs/many.txt", "--format", "short"])
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            "docs/many.txt:1:5: error[c77]: \"beta77 pick\" contradicts claim `c77` (alpha77 axe)\n",
            "",
            1
        )
    );
}

#[test]
fn a_trigger_regex_over_the_size_limit_is_an_error_at_its_span() {
    let dir = corpus();
    let p = dir.path();
    fs::write(
        p.join("claims/facts.toml"),
        "[[claim]]\nid = \"death.date\"\nkind = \"date\"\nvalue = \"1940-08-21\"\ntriggers = ['\\w{1000}\\w{1000}died']\n",
    )
    .unwrap();
    let out = command(p)
        .args(["docs/a.txt", "--color", "never"])
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            "",
            "error[invalid-regex]: regex in `triggers` too large: compiled, it passes the size limit of 1 MiB (1048576 bytes), which is fixed; bound its repetitions or split it into shorter regexes\n  \
             ┌─ claims/facts.toml:5:13\n  \
             │\n\
             5 │ triggers = ['\\w{1000}\\w{1000}died']\n  \
             │             ^^^^^^^^^^^^^^^^^^^^^^\n\n\
             factlint: 1 error in the claims; nothing was checked\n",
            2
        )
    );
}

#[test]
fn a_claims_path_that_is_a_directory_is_read_as_a_directory_of_claims() {
    let dir = corpus();
    let p = dir.path();
    // A directory named like a claims file, inside a claims directory, is no
    // claims file; alone, it holds none.
    fs::create_dir(p.join("claims/sub.toml")).unwrap();
    let out = bare(p)
        .args(["--claims", "claims", "docs/a.txt", "--format", "short"])
        .output()
        .expect("ran");
    assert_eq!(ran(out), expect(GOOD, "", 1));
    let out = bare(p)
        .args(["--claims", "claims/sub.toml", "docs/a.txt"])
        .output()
        .expect("ran");
    assert_eq!(
        ran(out),
        expect(
            "",
            "factlint: no claims file in the paths given to --claims\n",
            2
        )
    );
}

#[test]
fn a_reader_that_stops_early_leaves_the_run_quiet_in_every_format() {
    let dir = corpus();
    let p = dir.path();
    // Enough findings that a pipe's buffer could not hold them all.
    let many = "Trotsky was killed with an ice pick.\n".repeat(3000);
    fs::write(p.join("docs/many.txt"), many).unwrap();
    let formats = [
        "human",
        "short",
        "json",
        "jsonl",
        "sarif",
        "github",
        "gitlab",
        "checkstyle",
        "markdown",
        "html",
    ];
    for format in formats {
        for extra in [&[][..], &["--diff"], &["--quiet"]] {
            // The reading end is closed before factlint writes a byte.
            let (reader, writer) = std::io::pipe().expect("a pipe");
            drop(reader);
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
                .current_dir(p)
                .args(["check", "--no-config", "--claims", "claims/facts.toml"])
                .args(["docs", "--format", format])
                .args(extra)
                .stdout(Stdio::from(writer))
                .output()
                .expect("ran");
            let status = if extra == ["--diff"] { 0 } else { 1 };
            assert_eq!(
                (String::from_utf8_lossy(&out.stderr), out.status.code()),
                ("".into(), Some(status)),
                "{format} {extra:?}"
            );
        }
    }
}

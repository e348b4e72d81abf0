//! `fix` never loses a byte (issue 12): every failed write leaves the file
//! byte-identical with no temporary file beside it, says why, and exits 2; a
//! file changed under the fix is refused; permissions, owner and symbolic links
//! are kept. The steps the machine cannot make fail are failed through
//! [`WriteOps`]; the real cases (a read-only directory or file system, a full
//! disk) run where the machine allows them and say why where it does not.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use clap::Parser;
use factlint::cli::{Args, ExitStatus, run_with};
use factlint::fix::{Trees, WriteError, WriteOps, fix_in_place};

mod common;

const DOC: &str = "Trotsky was killed with an ice pick.\r\nHe wrote on.\r\n";
const FIXED: &str = "Trotsky was killed with an ice axe.\r\nHe wrote on.\r\n";

/// A project: `claims/facts.toml` and `docs/a.txt` holding [`DOC`], with its
/// root's canonical path.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = common::project(&[("docs/a.txt", DOC.as_bytes())]);
    let root = dir.path().canonicalize().unwrap();
    (dir, root)
}

/// `factlint fix ARGS` in `root`, with its claims and no configuration.
fn fix(root: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(root)
        .args(["fix", "--no-config", "--claims", "claims"])
        .args(args)
        .assert()
}

/// The names in a directory, sorted: a temporary file left there shows.
fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

/// Running as a user the file modes bind.
#[path = "common/users.rs"]
mod users;
use users::is_root;

/// Says, in the test's output, why an assertion the machine cannot make was skipped.
#[allow(clippy::print_stderr)]
fn skip(why: &str) {
    eprintln!("skipped: {why}");
}

/// `factlint fix ARGS` in `root` as a user the file modes bind
/// ([`users::bound_by_modes`]), who owns `docs/` and `docs/a.txt`.
fn fix_bound_by_modes(root: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(root)
        .args(["fix", "--no-config", "--claims", "claims"])
        .args(args);
    users::bound_by_modes(&mut cmd, root, &["docs", "docs/a.txt"]);
    Command::from_std(cmd).assert()
}

/// The fix of `docs/a.txt`, run by a user the modes bind, is refused with
/// `message`: exit 2, the file as it was, nothing new beside it.
fn assert_refused(root: &Path, args: &[&str], message: &str) {
    let args: Vec<&str> = ["--format", "short"].iter().chain(args).copied().collect();
    fix_bound_by_modes(root, &args).code(2).stderr(format!(
        "{message}\nfactlint: fixed 0 findings in 0 files\n"
    ));
    assert_eq!(fs::read(root.join("docs/a.txt")).unwrap(), DOC.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt"]);
}

// ---- steps made to fail ----

/// Which step fails, and how.
#[derive(Default)]
struct Failing {
    write: bool,
    sync: Option<i32>,
    owner: Option<i32>,
    rename: Option<i32>,
    /// What is done to the file just before its last check.
    meddle: Option<fn(&Path)>,
}

impl WriteOps for Failing {
    fn write(&mut self, file: &mut File, text: &[u8]) -> io::Result<()> {
        if self.write {
            // A real "no space" device: the kernel's own ENOSPC.
            let mut full = fs::OpenOptions::new().write(true).open("/dev/full")?;
            return io::Write::write_all(&mut full, text);
        }
        io::Write::write_all(file, text)
    }
    fn sync(&mut self, file: &File) -> io::Result<()> {
        match self.sync {
            Some(errno) => Err(io::Error::from_raw_os_error(errno)),
            None => file.sync_all(),
        }
    }
    fn set_owner(&mut self, file: &File, uid: u32, gid: u32) -> io::Result<()> {
        match self.owner {
            Some(errno) => Err(io::Error::from_raw_os_error(errno)),
            None => std::os::unix::fs::fchown(file, Some(uid), Some(gid)),
        }
    }
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        match self.rename {
            Some(errno) => Err(io::Error::from_raw_os_error(errno)),
            None => fs::rename(from, to),
        }
    }
    fn before_last_check(&mut self, file: &Path) {
        if let Some(meddle) = self.meddle {
            meddle(file);
        }
    }
}

/// Fixes `docs/a.txt` through `ops` twice, in the library and through the
/// command line: each time refused with `message` and exit 2, the file as it
/// was (or as `ops` changed it), nothing new beside it.
fn assert_fails(mut ops: impl FnMut() -> Failing, message: &str, left: &str) {
    let (_dir, root) = project();
    let doc = root.join("docs/a.txt");
    let trees = Trees::new(&[root.join("docs")]);
    let err = fix_in_place(&doc, DOC, FIXED, &trees, &mut ops()).unwrap_err();
    assert_eq!(err.to_string(), message);
    assert_eq!(fs::read(&doc).unwrap(), left.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt"]);

    let (_dir, root) = project();
    let claims = root.join("claims");
    let doc = root.join("docs/a.txt");
    let words = [
        "factlint",
        "fix",
        "--no-config",
        "--quiet",
        "--format",
        "short",
    ];
    let mut argv: Vec<OsString> = words.iter().map(OsString::from).collect();
    argv.extend([
        OsString::from("--claims"),
        claims.into(),
        doc.clone().into(),
    ]);
    let args = Args::parse_from(argv);
    assert_eq!(run_with(args, &mut ops()), ExitStatus::Error);
    assert_eq!(fs::read(&doc).unwrap(), left.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt"]);
}

#[test]
fn a_full_disk_at_the_write_leaves_the_file_as_it_was() {
    assert_fails(
        || Failing {
            write: true,
            ..Failing::default()
        },
        "cannot write the fixed text: No space left on device (os error 28); left as it was",
        DOC,
    );
}

#[test]
fn a_failed_flush_leaves_the_file_as_it_was() {
    assert_fails(
        || Failing {
            sync: Some(libc::EIO),
            ..Failing::default()
        },
        "cannot flush the fixed text to disk: Input/output error (os error 5); left as it was",
        DOC,
    );
}

#[test]
fn a_failed_rename_leaves_the_file_as_it_was() {
    assert_fails(
        || Failing {
            rename: Some(libc::EACCES),
            ..Failing::default()
        },
        "cannot rename the fixed text over it: Permission denied (os error 13); left as it was",
        DOC,
    );
}

#[test]
fn a_file_rewritten_under_the_fix_is_refused() {
    // The same length, other bytes: only the content tells.
    const OTHER: &str = "Trotsky was killed with an ICE PICK.\r\nHe wrote on.\r\n";
    assert_fails(
        || Failing {
            meddle: Some(|p| fs::write(p, OTHER).unwrap()),
            ..Failing::default()
        },
        "changed since it was read; not fixed",
        OTHER,
    );
}

#[test]
fn a_file_touched_under_the_fix_is_refused_though_its_bytes_are_the_same() {
    // The same bytes, another modification time: only the metadata tells.
    fn touch(p: &Path) {
        let f = fs::OpenOptions::new().write(true).open(p).unwrap();
        let then = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400);
        f.set_modified(then).unwrap();
    }
    assert_fails(
        || Failing {
            meddle: Some(touch),
            ..Failing::default()
        },
        "changed since it was read; not fixed",
        DOC,
    );
}

#[test]
fn a_file_that_changed_since_the_check_read_it_is_refused() {
    let (_dir, root) = project();
    let doc = root.join("docs/a.txt");
    let now = DOC.replace("He wrote on.", "He wrote more.");
    fs::write(&doc, &now).unwrap();
    let trees = Trees::new(&[root.join("docs")]);
    let err = fix_in_place(&doc, DOC, FIXED, &trees, &mut Failing::default()).unwrap_err();
    assert!(matches!(err, WriteError::Changed), "{err:?}");
    assert_eq!(err.to_string(), "changed since it was read; not fixed");
    assert_eq!(fs::read_to_string(&doc).unwrap(), now);
    assert_eq!(names(&root.join("docs")), ["a.txt"]);
}

#[test]
fn an_owner_the_fixed_file_cannot_keep_leaves_the_file_as_it_was() {
    if !is_root() {
        skip("only root can give a file another owner to keep");
        return;
    }
    let (_dir, root) = project();
    let doc = root.join("docs/a.txt");
    std::os::unix::fs::chown(&doc, Some(4242), Some(4343)).unwrap();
    let trees = Trees::new(&[root.join("docs")]);
    let mut ops = Failing {
        owner: Some(libc::EPERM),
        ..Failing::default()
    };
    let err = fix_in_place(&doc, DOC, FIXED, &trees, &mut ops).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the fixed text cannot keep its owner 4242:4343 (Operation not permitted (os error 1)); not fixed"
    );
    assert_eq!(fs::read(&doc).unwrap(), DOC.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt"]);
}

// ---- the real cases ----

#[test]
fn a_read_only_directory_leaves_the_file_as_it_was() {
    let (_dir, root) = project();
    fs::set_permissions(root.join("docs"), fs::Permissions::from_mode(0o555)).unwrap();
    assert_refused(
        &root,
        &["docs/a.txt"],
        "factlint: docs/a.txt: cannot create a temporary file beside it: Permission denied (os error 13); left as it was",
    );
    fs::set_permissions(root.join("docs"), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let (_dir, root) = project();
    fs::set_permissions(root.join("docs/a.txt"), fs::Permissions::from_mode(0o444)).unwrap();
    assert_refused(
        &root,
        &["docs/a.txt"],
        "factlint: docs/a.txt: cannot open it for writing: Permission denied (os error 13); left as it was",
    );
}

/// Runs `script` in a mount namespace of its own with `$D` a fresh tmpfs of
/// 64 KiB over `dir` and `$BIN`, `$CLAIMS` set; its standard output, or `None`
/// where this machine cannot make one (not root, or no mount namespaces).
fn in_tmpfs(dir: &Path, claims: &Path, script: &str) -> Option<String> {
    let full = format!("mount -t tmpfs -o size=64k tmpfs \"$D\" || exit 97\n{script}");
    let out = Process::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &full])
        .env("D", dir)
        .env("BIN", env!("CARGO_BIN_EXE_factlint"))
        .env("CLAIMS", claims)
        .output();
    let out = out.ok()?;
    let unshare_refused = out.stdout.is_empty() && out.stderr.starts_with(b"unshare:");
    if out.status.code() == Some(97) || unshare_refused {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The part of each script that runs the fix: its exit status, whether the file
/// is byte-identical to the copy kept outside the tmpfs, and the tmpfs's names.
const RUN_FIX: &str = r#"
"$BIN" fix --no-config --claims "$CLAIMS" --format short "$D/a.txt" >/dev/null 2>"$ERR"
echo "exit $?"
cmp -s "$D/a.txt" "$COPY" && echo identical
ls -A "$D"
"#;

fn tmpfs_case(prepare: &str, expected_stdout: &str, expected_error: &str) {
    let (_dir, root) = project();
    let mnt = root.join("mnt");
    fs::create_dir(&mnt).unwrap();
    let copy = root.join("docs/a.txt");
    let err = root.join("stderr");
    let script = format!(
        "cp \"$COPY\" \"$D/a.txt\"\n{prepare}\nERR={err:?} {RUN_FIX}",
        err = err.to_str().unwrap()
    );
    let script = script.replace("$COPY", copy.to_str().unwrap());
    let Some(stdout) = in_tmpfs(&mnt, &root.join("claims"), &script) else {
        skip("no tmpfs can be mounted here (needs root and mount namespaces)");
        return;
    };
    assert_eq!(stdout, expected_stdout);
    let message = expected_error.replace("$D", mnt.to_str().unwrap());
    assert_eq!(
        fs::read_to_string(&err).unwrap(),
        format!("{message}\nfactlint: fixed 0 findings in 0 files\n")
    );
}

#[test]
fn a_full_file_system_leaves_the_file_as_it_was() {
    tmpfs_case(
        "dd if=/dev/zero of=\"$D/fill\" bs=4096 2>/dev/null",
        "exit 2\nidentical\na.txt\nfill\n",
        "factlint: $D/a.txt: cannot write the fixed text: No space left on device (os error 28); left as it was",
    );
}

#[test]
fn a_read_only_file_system_leaves_the_file_as_it_was() {
    tmpfs_case(
        "mount -o remount,ro \"$D\" || exit 97",
        "exit 2\nidentical\na.txt\n",
        "factlint: $D/a.txt: cannot open it for writing: Read-only file system (os error 30); left as it was",
    );
}

// ---- what a fix keeps ----

#[test]
fn the_fixed_file_keeps_its_permissions() {
    for mode in [0o640, 0o600, 0o755] {
        let (_dir, root) = project();
        let doc = root.join("docs/a.txt");
        fs::set_permissions(&doc, fs::Permissions::from_mode(mode)).unwrap();
        fix(&root, &["docs/a.txt"])
            .code(0)
            .stderr("factlint: fixed 1 finding in 1 file\n");
        assert_eq!(fs::read_to_string(&doc).unwrap(), FIXED);
        assert_eq!(
            fs::metadata(&doc).unwrap().mode() & 0o7777,
            mode,
            "{mode:o}"
        );
        assert_eq!(names(&root.join("docs")), ["a.txt"]);
    }
}

#[test]
fn the_fixed_file_keeps_its_owner() {
    if !is_root() {
        skip("only root can give a file another owner to keep");
        return;
    }
    let (_dir, root) = project();
    let doc = root.join("docs/a.txt");
    std::os::unix::fs::chown(&doc, Some(4242), Some(4343)).unwrap();
    fix(&root, &["docs/a.txt"]).code(0);
    assert_eq!(fs::read_to_string(&doc).unwrap(), FIXED);
    let meta = fs::metadata(&doc).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
}

#[test]
fn a_fix_that_would_change_how_its_sentence_reads_is_not_applied() {
    // With "ice axe", a character shorter, the second line is as long as the
    // first and reads as a wrapped line going on from it, where "myth" would
    // deny the replacement: that fix is left out and its finding stays. The
    // same statement standing alone is fixed.
    let wrapped = "A widely repeated myth holds\nTrotsky was killed with an ice pick.\n\n";
    let doc = format!("{wrapped}Trotsky was killed with an ice pick.\n");
    let dir = common::project(&[("docs/a.txt", doc.as_bytes())]);
    fix(dir.path(), &["--format", "short", "docs/a.txt"])
        .code(1)
        .stdout(
            "docs/a.txt:2:28: error[death.weapon]: \"ice pick\" contradicts the claim that \
             Trotsky was killed with an ice axe\n",
        )
        .stderr(
            "factlint: docs/a.txt: 1 fix not applied: with it, its sentence would read \
             differently\nfactlint: fixed 1 finding in 1 file\n",
        );
    assert_eq!(
        fs::read_to_string(dir.path().join("docs/a.txt")).unwrap(),
        format!("{wrapped}Trotsky was killed with an ice axe.\n")
    );
}

#[test]
fn a_link_inside_the_tree_fixes_its_target_and_stays_a_link() {
    let (_dir, root) = project();
    std::os::unix::fs::symlink("a.txt", root.join("docs/link.txt")).unwrap();
    fix(&root, &["docs/link.txt"])
        .code(0)
        .stderr("factlint: fixed 1 finding in 1 file\n");
    assert_eq!(fs::read_to_string(root.join("docs/a.txt")).unwrap(), FIXED);
    let link = root.join("docs/link.txt");
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("a.txt"));
    assert_eq!(names(&root.join("docs")), ["a.txt", "link.txt"]);
}

#[test]
fn a_file_named_twice_through_a_link_is_fixed_once() {
    let (_dir, root) = project();
    std::os::unix::fs::symlink("a.txt", root.join("docs/link.txt")).unwrap();
    fix(&root, &["docs/a.txt", "docs/link.txt"])
        .code(0)
        .stderr("factlint: fixed 1 finding in 1 file\n");
    assert_eq!(fs::read_to_string(root.join("docs/a.txt")).unwrap(), FIXED);
    assert!(
        fs::symlink_metadata(root.join("docs/link.txt"))
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn a_link_out_of_the_tree_is_refused_and_its_target_left_alone() {
    let (_dir, root) = project();
    fs::create_dir(root.join("elsewhere")).unwrap();
    fs::write(root.join("elsewhere/b.txt"), DOC).unwrap();
    std::os::unix::fs::symlink("../elsewhere/b.txt", root.join("docs/b.txt")).unwrap();
    let target = root.join("elsewhere/b.txt");
    fix(&root, &["--format", "short", "docs/b.txt"])
        .code(2)
        .stderr(format!(
            "factlint: docs/b.txt: leads through a symbolic link to {}, outside the checked paths; not fixed\nfactlint: fixed 0 findings in 0 files\n",
            target.display()
        ));
    assert_eq!(fs::read(&target).unwrap(), DOC.as_bytes());
    assert_eq!(
        fs::read_link(root.join("docs/b.txt")).unwrap(),
        Path::new("../elsewhere/b.txt")
    );
    assert_eq!(names(&root.join("elsewhere")), ["b.txt"]);
    assert_eq!(names(&root.join("docs")), ["a.txt", "b.txt"]);
}

#[test]
fn a_file_with_another_name_is_not_parted_from_it() {
    let (_dir, root) = project();
    fs::hard_link(root.join("docs/a.txt"), root.join("docs/same.txt")).unwrap();
    fix(&root, &["--format", "short", "docs/a.txt"])
        .code(2)
        .stderr(
            "factlint: docs/a.txt: has 2 hard links, which a fixed copy would part; not fixed\nfactlint: fixed 0 findings in 0 files\n",
        );
    assert_eq!(fs::read(root.join("docs/a.txt")).unwrap(), DOC.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt", "same.txt"]);
}

#[test]
fn a_file_whose_name_is_not_utf8_is_fixed_under_its_own_name() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, root) = project();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let file = root.join("docs").join(name);
    fs::write(&file, DOC).unwrap();
    // Walked, and named on the command line.
    fix(&root, &["--format", "short", "docs"])
        .code(0)
        .stderr("factlint: fixed 2 findings in 2 files\n");
    assert_eq!(fs::read(&file).unwrap(), FIXED.as_bytes());
    fs::write(&file, DOC).unwrap();
    Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(&root)
        .args([
            "fix",
            "--no-config",
            "--claims",
            "claims",
            "--format",
            "short",
        ])
        .arg(Path::new("docs").join(name))
        .assert()
        .code(0)
        .stderr("factlint: fixed 1 finding in 1 file\n");
    assert_eq!(fs::read(&file).unwrap(), FIXED.as_bytes());
    assert_eq!(names(&root.join("docs")), ["a.txt", "caf\u{fffd}.txt"]);
}

//! Running factlint as a user that file modes bind, for the tests of unreadable
//! and read-only files: the tests' own user, or `nobody` where they run as root
//! (as in CI), whom modes do not keep out.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// The uid and gid of `nobody`.
const NOBODY: u32 = 65534;

pub(crate) fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Makes `cmd`, run in the project `root`, run as a user the file modes bind:
/// as root, `root` is opened to every user, each of `owned` (paths in it) is
/// given to `nobody`, and `cmd` runs as `nobody` (std drops root's
/// supplementary groups with its uid).
pub(crate) fn bound_by_modes(cmd: &mut Command, root: &Path, owned: &[&str]) {
    if !is_root() {
        return;
    }
    fs::set_permissions(root, fs::Permissions::from_mode(0o755)).unwrap();
    for path in owned {
        std::os::unix::fs::lchown(root.join(path), Some(NOBODY), Some(NOBODY)).unwrap();
    }
    cmd.uid(NOBODY).gid(NOBODY);
}

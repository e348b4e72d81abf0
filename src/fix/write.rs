//! Writing a fixed file without putting it at risk (issue 12).
//!
//! The fixed text goes to a temporary file in the file's own directory, which is
//! given the file's owner and permissions, flushed to disk, and renamed over the
//! file only while the file still holds the text that was checked: the same bytes,
//! and the same length, modification time, inode, owner and mode as when the write
//! began. Any failure (the disk full, the directory read-only, a write, flush or
//! rename refused) leaves the file as it was and removes the temporary file.
//!
//! A symbolic link is never replaced: its target is written, and only where the
//! target lies inside the paths the run checked ([`Trees`]). A file with other
//! names (hard links), a file that is not a regular one, a file its user may not
//! write and a file whose owner the fixed file could not keep are left alone, each
//! with its reason. Extended attributes and ACLs are not carried over. A UTF-16
//! file (checked decoded) is written back in its own byte order, with its mark.

use std::borrow::Cow;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::document::decode::{Utf16, encode_utf16, utf16_of};

/// The directories a fix may write in: those of the paths a run checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trees {
    roots: Vec<PathBuf>,
}

impl Trees {
    /// A named directory's tree is the directory; a named file's is the directory
    /// that holds the name as given (a link in the name's last part is not followed
    /// for it). Paths that do not resolve, and `-` (standard input), give none.
    pub fn new(paths: &[PathBuf]) -> Trees {
        let roots = paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .filter_map(|p| {
                let dir = if p.is_dir() { p.as_path() } else { parent(p) };
                dir.canonicalize().ok()
            })
            .collect();
        Trees { roots }
    }

    /// Whether the resolved path `real` lies in one of the trees.
    pub fn contains(&self, real: &Path) -> bool {
        self.roots.iter().any(|r| real.starts_with(r))
    }
}

/// The directory that holds `path` (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The steps of a write that can fail on their own, so that a test can make each
/// one fail: every failure must leave the file as it was.
pub trait WriteOps {
    /// Writes the fixed text to the temporary file.
    fn write(&mut self, file: &mut File, text: &[u8]) -> io::Result<()> {
        file.write_all(text)
    }

    /// Flushes the temporary file to disk.
    fn sync(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    /// Gives the temporary file the original's owner and group.
    fn set_owner(&mut self, file: &File, uid: u32, gid: u32) -> io::Result<()> {
        #[cfg(unix)]
        return std::os::unix::fs::fchown(file, Some(uid), Some(gid));
        #[cfg(not(unix))]
        {
            let _ = (file, uid, gid);
            Ok(())
        }
    }

    /// Renames the temporary file over the file.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Called after the temporary file is written and before the file is checked
    /// for the last time: where a test changes the file under the write.
    fn before_last_check(&mut self, _file: &Path) {}
}

/// The real file system's steps.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealOps;

impl WriteOps for RealOps {}

/// A step of the write that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Resolving the path's links.
    Resolve,
    /// Reading the file again, to compare it with the text that was checked.
    Read,
    /// Opening the file for writing, to learn whether its user may write it.
    Open,
    /// Creating the temporary file beside it.
    Create,
    /// Writing the fixed text to the temporary file.
    Write,
    /// Giving the temporary file the file's permissions.
    Permissions,
    /// Flushing the temporary file to disk.
    Sync,
    /// Renaming the temporary file over the file.
    Rename,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Resolve => "cannot resolve its path",
            Step::Read => "cannot read it again",
            Step::Open => "cannot open it for writing",
            Step::Create => "cannot create a temporary file beside it",
            Step::Write => "cannot write the fixed text",
            Step::Permissions => "cannot give the fixed text its permissions",
            Step::Sync => "cannot flush the fixed text to disk",
            Step::Rename => "cannot rename the fixed text over it",
        })
    }
}

/// Why a file was not fixed. In every case it is left as it was.
#[derive(Debug)]
#[non_exhaustive]
pub enum WriteError {
    /// It leads through a symbolic link to `target`, outside the checked paths.
    Outside { target: PathBuf },
    /// It is not a regular file (a directory, a device, a FIFO, a socket).
    NotRegular,
    /// It has other names (hard links), which a new file would part from it.
    HardLinks { links: u64 },
    /// It no longer holds the text that was checked.
    Changed,
    /// The fixed file could not be given the file's owner and group.
    Owner {
        uid: u32,
        gid: u32,
        source: io::Error,
    },
    /// A step of the write failed.
    Io { step: Step, source: io::Error },
}

impl WriteError {
    fn io(step: Step) -> impl FnOnce(io::Error) -> WriteError {
        move |source| WriteError::Io { step, source }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Outside { target } => write!(
                f,
                "leads through a symbolic link to {}, outside the checked paths; not fixed",
                target.display()
            ),
            WriteError::NotRegular => f.write_str("not a regular file; not fixed"),
            WriteError::HardLinks { links } => write!(
                f,
                "has {links} hard links, which a fixed copy would part; not fixed"
            ),
            WriteError::Changed => f.write_str("changed since it was read; not fixed"),
            WriteError::Owner { uid, gid, source } => write!(
                f,
                "the fixed text cannot keep its owner {uid}:{gid} ({source}); not fixed"
            ),
            WriteError::Io { step, source } => write!(f, "{step}: {source}; left as it was"),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Owner { source, .. } | WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Replaces the text `checked` of the file at `path` by `fixed`, as the module
/// says, where `path` resolves inside `trees`. Returns the file written (`path`
/// with its links resolved).
pub fn fix_in_place(
    path: &Path,
    checked: &str,
    fixed: &str,
    trees: &Trees,
    ops: &mut dyn WriteOps,
) -> Result<PathBuf, WriteError> {
    let real = resolve(path, trees)?;
    write_fixed(&real, checked, fixed, ops)?;
    Ok(real)
}

/// [`fix_in_place`] on the real file system, for a file named on its own.
pub fn write_atomically(path: &Path, checked: &str, fixed: &str) -> Result<(), WriteError> {
    let trees = Trees::new(&[path.to_path_buf()]);
    fix_in_place(path, checked, fixed, &trees, &mut RealOps).map(|_| ())
}

/// `path` with every link resolved, where that lies inside `trees`.
pub fn resolve(path: &Path, trees: &Trees) -> Result<PathBuf, WriteError> {
    let real = path.canonicalize().map_err(WriteError::io(Step::Resolve))?;
    if !trees.contains(&real) {
        return Err(WriteError::Outside { target: real });
    }
    Ok(real)
}

/// Writes `fixed` over the file at `real` (a path [`resolve`]d), which must still
/// hold `checked`.
pub fn write_fixed(
    real: &Path,
    checked: &str,
    fixed: &str,
    ops: &mut dyn WriteOps,
) -> Result<(), WriteError> {
    let before = read_checked(real, checked)?;
    // A file its user may not write is not replaced by one that can be renamed
    // over it: opened for writing, neither truncated nor changed.
    fs::OpenOptions::new()
        .write(true)
        .open(real)
        .map_err(WriteError::io(Step::Open))?;
    let dir = parent(real);
    let (mut file, temp) = create_temp(dir).map_err(WriteError::io(Step::Create))?;
    // From here `temp` removes the temporary file when it is dropped, on every
    // early return.
    ops.write(&mut file, &encoded(fixed, before.utf16))
        .map_err(WriteError::io(Step::Write))?;
    keep_owner(&file, &before, ops)?;
    // After the owner: changing the owner clears the set-user-id bits.
    file.set_permissions(before.permissions.clone())
        .map_err(WriteError::io(Step::Permissions))?;
    ops.sync(&file).map_err(WriteError::io(Step::Sync))?;
    drop(file);
    ops.before_last_check(real);
    // The last look, as close to the rename as it can be: the same file, with the
    // same metadata and the same bytes.
    if read_checked(real, checked)? != before {
        return Err(WriteError::Changed);
    }
    ops.rename(&temp.path, real)
        .map_err(WriteError::io(Step::Rename))?;
    temp.renamed();
    sync_dir(dir);
    Ok(())
}

/// A temporary file, removed when dropped unless it was renamed.
#[derive(Debug)]
struct Temp {
    path: PathBuf,
    renamed: bool,
}

impl Temp {
    /// It is the file now: nothing to remove.
    fn renamed(mut self) {
        self.renamed = true;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates a new temporary file in `dir`, readable by its owner only until it
/// is given the file's permissions. Its name is new (`create_new`: a file or a
/// link already there under that name is never opened).
fn create_temp(dir: &Path) -> io::Result<(File, Temp)> {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for _ in 0..64 {
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let name = format!(".factlint-{}-{nanos:x}-{n}.tmp", std::process::id());
        let path = dir.join(name);
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(file) => {
                let temp = Temp {
                    path,
                    renamed: false,
                };
                return Ok((file, temp));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many temporary files of the same name",
    ))
}

/// What is known of the file when it is read: a change to any of it between the
/// first reading and the rename means someone else wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    len: u64,
    modified: Option<std::time::SystemTime>,
    permissions: fs::Permissions,
    #[cfg(unix)]
    identity: (u64, u64, u32, u32),
    /// The UTF-16 its byte-order mark announces; `None` for UTF-8.
    utf16: Option<Utf16>,
}

impl Snapshot {
    fn of(meta: &fs::Metadata, utf16: Option<Utf16>) -> Snapshot {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Snapshot {
            len: meta.len(),
            modified: meta.modified().ok(),
            permissions: meta.permissions(),
            #[cfg(unix)]
            identity: (meta.dev(), meta.ino(), meta.uid(), meta.gid()),
            utf16,
        }
    }
}

/// Reads the file at `real` again: it must be a regular file of one name that
/// still holds exactly `checked`.
fn read_checked(real: &Path, checked: &str) -> Result<Snapshot, WriteError> {
    // Asked of the name before it is opened: opening a FIFO would wait for a writer.
    let meta = fs::symlink_metadata(real).map_err(WriteError::io(Step::Read))?;
    if !meta.is_file() {
        return Err(WriteError::NotRegular);
    }
    let file = File::open(real).map_err(WriteError::io(Step::Read))?;
    let meta = file.metadata().map_err(WriteError::io(Step::Read))?;
    if !meta.is_file() {
        return Err(WriteError::NotRegular);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::HardLinks {
                links: meta.nlink(),
            });
        }
    }
    // A UTF-16 file (its byte-order mark says so) was checked decoded: it must
    // hold the text encoded back.
    let mut first = Vec::with_capacity(2);
    (&file)
        .take(2)
        .read_to_end(&mut first)
        .map_err(WriteError::io(Step::Read))?;
    let utf16 = utf16_of(&first);
    let expected = encoded(checked, utf16);
    if meta.len() != expected.len() as u64 {
        return Err(WriteError::Changed);
    }
    let rest = (expected.len() as u64).saturating_sub(first.len() as u64);
    let mut bytes = first;
    bytes.reserve(expected.len());
    // One byte more than expected is enough to see that it grew.
    file.take(rest + 1)
        .read_to_end(&mut bytes)
        .map_err(WriteError::io(Step::Read))?;
    if bytes != *expected {
        return Err(WriteError::Changed);
    }
    Ok(Snapshot::of(&meta, utf16))
}

/// The bytes a file of `utf16` (or of UTF-8, `None`) holds for `text`.
fn encoded(text: &str, utf16: Option<Utf16>) -> Cow<'_, [u8]> {
    match utf16 {
        Some(e) => Cow::Owned(encode_utf16(text, e)),
        None => Cow::Borrowed(text.as_bytes()),
    }
}

/// Gives the temporary file the owner and group of the file, where they differ.
fn keep_owner(file: &File, before: &Snapshot, ops: &mut dyn WriteOps) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (_, _, uid, gid) = before.identity;
        let now = file.metadata().map_err(WriteError::io(Step::Write))?;
        if (now.uid(), now.gid()) != (uid, gid) {
            ops.set_owner(file, uid, gid)
                .map_err(|source| WriteError::Owner { uid, gid, source })?;
        }
    }
    #[cfg(not(unix))]
    let _ = (file, before, ops);
    Ok(())
}

/// Flushes the directory, so that the rename survives a crash. The file is
/// already replaced: where the file system refuses, there is nothing to undo, and
/// nothing the user could do about it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests;

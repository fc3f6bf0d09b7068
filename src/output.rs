//! The output folder is bantin's own, and nothing else: before a build (or
//! `watch --output`) writes, [`claim`] makes sure of that.
//!
//! - bantin marks its output with a [`MARKER`] file. A non-empty folder
//!   without it is refused (exit 2): replacing it would delete what it holds.
//! - A file at the output path, or a symbolic link to nothing, is refused; a
//!   link to a folder is published through (the folder it names is replaced,
//!   the link is kept).
//! - A lock file beside the output (`.NAME.bantin-lock`) is held while a
//!   build writes, so two builds into one folder cannot mix; under it, every
//!   temporary sibling (`.NAME.bantin-new-PID`, `-old-`, `-stage-`) is left
//!   over from an interrupted run: the newest old site is put back if the
//!   output is missing (a kill between the two renames of a swap), the rest
//!   is removed.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::error::{Diagnostic, Error, Result};

/// The file that marks a folder as bantin's output. It is written into each
/// new site before it is swapped in, is not part of the site, and holds only
/// this note.
pub const MARKER: &str = ".bantin-output";

const MARKER_TEXT: &str = "This folder is published by bantin: each build replaces it whole.\n\
Do not keep your own files here. (This file tells bantin the folder is its own.)\n";

/// The temporary siblings a run makes beside the output: the new site being
/// written (`new`), the old one during a swap (`old`), `watch`'s pages
/// waiting to be moved in (`stage`).
const TAGS: [&str; 3] = ["new", "old", "stage"];

/// Write the marker into `dir` unless it is there.
pub fn mark(dir: &Path) -> std::io::Result<()> {
    let path = dir.join(MARKER);
    if path.is_file() {
        return Ok(());
    }
    fs::write(path, MARKER_TEXT)
}

/// The output folder, checked, cleared of what interrupted runs left, and
/// locked against other runs until dropped.
#[derive(Debug)]
pub struct Claim {
    target: PathBuf,
    /// Where the site a build replaces is kept for the next build to
    /// write into (see [`spare`]); `None` for a folder claimed without its
    /// site (`watch`'s preview).
    spare: Option<PathBuf>,
    _lock: Lock,
}

impl Claim {
    /// The folder to replace: the output path, or the folder its link names.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// This output's spare tree, if it has one (see [`spare`]).
    pub fn spare(&self) -> Option<&Path> {
        self.spare.as_deref()
    }

    /// This output's page memo (see `write::memo`), kept beside its spare
    /// tree in bantin's own folder of the site (`.bantin/pages`).
    pub fn memo(&self) -> Option<PathBuf> {
        self.spare.as_ref().map(|s| s.with_file_name("pages"))
    }
}

/// The site `root`'s spare tree: the site its last build replaced, kept in
/// bantin's own folder in the site (`.bantin/spare`, beside the photo
/// cache) for the next build to write into. Only one output of a site has
/// it at a time; it is never beside the output, where a web server
/// publishing the output's parent folder would serve it.
pub fn spare(root: &Path) -> PathBuf {
    root.join(OWN_FOLDER).join("spare")
}

/// bantin's own folder in a site (its caches and the spare tree): never an
/// output.
const OWN_FOLDER: &str = ".bantin";

/// `out` itself, or the folder it links to. A file there, or a link to
/// nothing or to a file, is refused.
pub fn resolve(out: &Path) -> Result<PathBuf> {
    let Ok(meta) = fs::symlink_metadata(out) else {
        return Ok(out.to_path_buf());
    };
    if meta.is_dir() {
        return Ok(out.to_path_buf());
    }
    if !meta.file_type().is_symlink() {
        return Err(refusal(
            crate::t!("output-is-file", path = out),
            crate::t!("output-is-file.hint"),
        ));
    }
    let named = fs::read_link(out).unwrap_or_default();
    match fs::canonicalize(out) {
        Ok(real) if real.is_dir() => Ok(real),
        Ok(real) => Err(refusal(
            crate::t!("output-link-to-file", path = out, target = &real),
            crate::t!("output-link-to-file.hint"),
        )),
        Err(_) => Err(refusal(
            crate::t!("output-link-to-nothing", path = out, target = &named),
            crate::t!("output-link-to-nothing.hint"),
        )),
    }
}

/// The output folder `out` of the site at `root`, claimed (see [`claim`]);
/// a folder over the site's own sources, directly or through a link, is
/// refused.
pub fn guard(root: &Path, out: &Path) -> Result<Claim> {
    let target = resolve(out)?;
    // The output as written, and the folder a link there names.
    let roots = [lexical(root), root.canonicalize().unwrap_or_default()];
    for (root, out) in roots.iter().zip([lexical(out), lexical(&target)]) {
        let protected = [
            "content",
            "themes",
            "templates",
            "static",
            "site.yaml",
            OWN_FOLDER,
        ]
        .map(|d| root.join(d));
        if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(p)) {
            return Err(Error::Usage(crate::t!("output-over-site", path = &out)));
        }
    }
    let mut claim = claim(&target)?;
    claim.spare = Some(spare(root));
    Ok(claim)
}

/// `p` made absolute against the working folder (an empty `p` is the
/// working folder itself).
pub(crate) fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p)
        .or_else(|_| std::env::current_dir())
        .unwrap_or_default()
}

/// `p` made absolute, with `.` and `..` resolved without the file system.
fn lexical(p: &Path) -> PathBuf {
    let p = absolute(p);
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Lock `target` (a folder path, see [`resolve`]) for this run, clear what
/// interrupted runs left beside it, and refuse it if it holds files that
/// are not bantin's.
pub fn claim(target: &Path) -> Result<Claim> {
    let (parent, name) = parent_and_name(target);
    fs::create_dir_all(&parent)
        .map_err(|e| Error::output(&parent, &crate::t!("output-cannot-create-folder"), &e))?;
    let lock = Lock::acquire(target, &parent.join(format!(".{name}.bantin-lock")))?;
    if let Some(from) = clear_leftovers(target)? {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "bantin: {}",
                crate::t!("output-put-back", path = target, from = &from)
            );
        }
    }
    refuse_foreign(target)?;
    Ok(Claim {
        target: target.to_path_buf(),
        spare: None,
        _lock: lock,
    })
}

/// Remove the preview folders (`PREFIX<pid>` in `parent`) that `watch`
/// runs killed without a chance to clean up (`kill -9`, a power cut) left:
/// those whose lock file is there and free. A folder without a lock file
/// (an older bantin, or another program's) is left alone, and so is one
/// whose run still holds its lock. Returns the folders removed.
pub fn sweep_previews(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = fs::read_dir(parent) else {
        return removed;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        let own = pid == std::process::id().to_string();
        if own || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let dir = entry.path();
        let lock = parent.join(format!(".{}.bantin-lock", name.to_string_lossy()));
        if !entry.file_type().is_ok_and(|t| t.is_dir()) || !lock.is_file() {
            continue;
        }
        // Free: its run is gone. Removed while held, then the lock goes.
        if let Ok(held) = Lock::acquire(&dir, &lock)
            && remove(&dir).is_ok()
        {
            drop(held);
            removed.push(dir);
        }
    }
    removed
}

/// A non-empty folder without the marker is not bantin's to replace.
fn refuse_foreign(target: &Path) -> Result<()> {
    let mut entries = match fs::read_dir(target) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()), // A first build.
        Err(e) => {
            return Err(Error::output(target, &crate::t!("output-cannot-look"), &e));
        }
    };
    if entries.next().is_none() || target.join(MARKER).is_file() {
        return Ok(());
    }
    Err(refusal(
        crate::t!("output-not-ours", path = target, marker = MARKER),
        crate::t!("output-not-ours.hint", marker = &target.join(MARKER)),
    ))
}

/// `.NAME.bantin-TAG-PID` beside `target`, for this process.
pub fn sibling(target: &Path, tag: &str) -> PathBuf {
    let (parent, name) = parent_and_name(target);
    parent.join(format!(".{name}.bantin-{tag}-{}", std::process::id()))
}

/// The folder holding `target` (`.` for a bare name) and its file name.
fn parent_and_name(target: &Path) -> (PathBuf, String) {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    (parent, name)
}

/// Under the lock, every temporary sibling of `target` is an interrupted
/// run's. If `target` is missing, the newest old site (a marked one first)
/// goes back in its place; the rest is removed. Returns the sibling put
/// back.
fn clear_leftovers(target: &Path) -> Result<Option<PathBuf>> {
    let (parent, name) = parent_and_name(target);
    let prefix = format!(".{name}.bantin-");
    let mut old = Vec::new();
    let mut stale = Vec::new();
    let entries = fs::read_dir(&parent)
        .map_err(|e| Error::output(&parent, &crate::t!("output-cannot-list"), &e))?;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some((tag, pid)) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.rsplit_once('-'))
        else {
            continue;
        };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) || !TAGS.contains(&tag) {
            continue;
        }
        if tag == "old" && entry.file_type().is_ok_and(|t| t.is_dir()) {
            old.push(entry.path());
        } else {
            stale.push(entry.path());
        }
    }
    let mut recovered = None;
    if fs::symlink_metadata(target).is_err() && !old.is_empty() {
        // A swap removes an old site's marker before the rest of it.
        old.sort_by_key(|p| {
            let modified = fs::metadata(p).and_then(|m| m.modified()).ok();
            (p.join(MARKER).is_file(), modified)
        });
        let newest = old.pop().expect("not empty");
        fs::rename(&newest, target)
            .map_err(|e| Error::output(target, &crate::t!("output-cannot-put-back"), &e))?;
        mark(target).map_err(|e| Error::output(target, &crate::t!("output-cannot-mark"), &e))?;
        recovered = Some(newest);
    }
    for path in stale.into_iter().chain(old) {
        remove(&path)
            .map_err(|e| Error::output(&path, &crate::t!("output-cannot-remove-leftover"), &e))?;
    }
    Ok(recovered)
}

/// Remove a folder or a file.
pub(crate) fn remove(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn refusal(message: String, hint: String) -> Error {
    Error::Usage(format!("{message}\n  {}: {hint}", crate::t!("label-help")))
}

/// An exclusive lock on a file beside the output, removed when dropped (on
/// Unix; elsewhere the empty file stays). A killed run's lock file is
/// reused: the lock itself dies with the process.
#[derive(Debug)]
struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    fn acquire(target: &Path, path: &Path) -> Result<Lock> {
        let busy = || {
            Error::Env(
                Diagnostic::new(target, crate::t!("output-busy"))
                    .hint(crate::t!("output-busy.hint")),
            )
        };
        // The file may be removed by the run that held it just before this
        // one locked it: then lock the file now at that path.
        for _ in 0..10 {
            let file = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(|e| Error::output(path, &crate::t!("output-cannot-create-lock"), &e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Err(busy()),
                Err(fs::TryLockError::Error(e)) => {
                    return Err(Error::output(path, &crate::t!("output-cannot-lock"), &e));
                }
            }
            if is_at(&file, path) {
                remove_on_interrupt(path);
                return Ok(Lock {
                    _file: file,
                    path: path.to_path_buf(),
                });
            }
        }
        Err(busy())
    }
}

/// Is `file` still the file at `path`?
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at(_: &File, _: &Path) -> bool {
    true
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked: a run that opened it meanwhile sees
        // that it is no longer the file at the path and opens a new one.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        keep_on_interrupt(&self.path);
    }
}

/// What the interrupt handler removes: this process's temporary folders
/// and lock files.
static LEFTOVERS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub(crate) fn remove_on_interrupt(path: &Path) {
    let mut list = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
    list.push(path.to_path_buf());
}

pub(crate) fn keep_on_interrupt(path: &Path) {
    let mut list = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
    list.retain(|p| p != path);
}

/// Remove every leftover, newest first (the interrupt handler of
/// `write::clean_up_on_interrupt`, once no write is in progress).
pub(crate) fn remove_leftovers() {
    let list = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
    for path in list.iter().rev() {
        let _ = remove(path);
    }
}

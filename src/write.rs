//! Writing the site atomically: everything goes into a fresh folder beside
//! `output/`, which takes `output/`'s place only once the whole build
//! succeeded (see [`crate::output`] for what is checked before).
//!
//! On Linux the swap is one atomic exchange of the two folders, so there is
//! no moment without an output; elsewhere (or on a file system without it)
//! it is two renames, and a run killed between them leaves the old site
//! beside the output, where the next run finds it. A `bantin build`
//! stopped by Ctrl-C or SIGTERM ([`clean_up_on_interrupt`]) removes its
//! temporary folder before it exits.
//!
//! The site a swap replaced is kept as the site's spare tree, and the next
//! build's fresh folder is that spare, moved beside the output (see
//! `spare`): the build then only changes what changed. What each page was
//! rendered from and to is kept in the page memo (`memo`), so that a page
//! whose inputs did not change is not even rendered.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use crate::error::{Error, Result};
use crate::output::{self, MARKER};

pub mod memo;
mod previous;
mod remove;
mod spare;

use previous::Previous;

/// Held (shared) by every write into a staging folder and (exclusive) by a
/// swap and by the interrupt handler, which therefore never removes a
/// folder while it is being written or swapped in.
static GATE: RwLock<()> = RwLock::new(());

fn writing() -> RwLockReadGuard<'static, ()> {
    GATE.read().unwrap_or_else(PoisonError::into_inner)
}

/// For `bantin build`: on Ctrl-C or SIGTERM, wait for the writes (or the
/// swap) in progress, remove this run's temporary folders and lock file,
/// and exit with code 130. The output is then either the old site or,
/// when the swap was done, the new one: never a mix.
pub fn clean_up_on_interrupt() {
    // Only one handler per process: `watch` sets its own.
    let _ = ctrlc::set_handler(|| {
        let _held = GATE.write().unwrap_or_else(PoisonError::into_inner);
        output::remove_leftovers();
        #[allow(clippy::print_stderr)]
        {
            eprintln!("bantin: {}", crate::t!("write-interrupted"));
        }
        std::process::exit(130);
    });
}

/// A build's output in progress. Dropped without `commit`, it leaves the
/// previous `output/` as it was, and its own temporary folder becomes the
/// spare tree or is removed.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// The site being replaced, whose unchanged pages are linked, not
    /// written again (see `previous`).
    previous: Option<Previous>,
    /// Where the replaced site is kept after the swap (see `spare`).
    spare: Option<PathBuf>,
    /// `dir` is the spare tree, pruned by `make_dirs`.
    reused: bool,
}

impl Staging {
    /// Start a build whose result will replace `target` (a folder path
    /// claimed with [`output::claim`]), in its `spare` tree if it has one
    /// (see [`output::Claim::spare`]). The new site is marked as bantin's.
    pub fn begin(target: &Path, spare: Option<&Path>) -> Result<Staging> {
        // Known to the interrupt handler before it exists.
        let sibling = output::sibling(target, "new");
        output::remove_on_interrupt(&sibling);
        let reused = {
            let _w = writing();
            spare.is_some_and(|s| spare::take(s, target, &sibling))
        };
        let dir = match reused {
            true => sibling,
            false => fresh_sibling(target, "new")?,
        };
        let staging = Staging {
            previous: Previous::open(target, &dir, reused),
            dir,
            target: target.to_path_buf(),
            committed: false,
            spare: spare.map(Path::to_path_buf),
            reused,
        };
        output::mark(&staging.dir).map_err(|e| staging.failed(MARKER, &e))?;
        Ok(staging)
    }

    /// The folder being written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The error for a write of `rel` that failed, named by its place in
    /// the output (where the user looks), not in the staging folder.
    fn failed(&self, rel: &str, e: &std::io::Error) -> Error {
        Error::output(&self.target.join(rel), &crate::t!("write-cannot-write"), e)
    }

    /// Create the shared folders of many site paths (see `make_dirs`): the
    /// site's pages, which a spare tree is first pruned to (see `spare`).
    pub fn make_dirs(&self, files: &[&str]) -> Result<Vec<bool>> {
        let _w = writing();
        let there = match self.reused {
            true => spare::prune(&self.dir, files).map_err(|e| self.failed("", &e))?,
            false => HashSet::new(),
        };
        make_dirs_beside(&self.dir, files, &there).map_err(|e| match e {
            Error::Io { path, source } => {
                let rel = path.strip_prefix(&self.dir).unwrap_or(&path);
                self.failed(&rel.to_string_lossy(), &source)
            }
            other => other,
        })
    }

    /// Keep the live site's page at `rel` (a site path whose folder
    /// `make_dirs` created, or left to this call: `own_dir`) if it holds
    /// `len` bytes of `digest`: it is linked, as an unchanged page is (see
    /// `previous`). `false`: nothing was made, the page must be rendered.
    pub fn keep_page(&self, rel: &str, len: u64, digest: u128, own_dir: bool) -> Result<bool> {
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        let _w = writing();
        if own_dir {
            self.own_dir(rel)?;
        }
        Ok(previous.link_if_digest(rel, len, digest))
    }

    /// Create the folder of `rel`, which `make_dirs` left to its writer.
    fn own_dir(&self, rel: &str) -> Result<()> {
        if let Some(parent) = self.dir.join(rel).parent() {
            match fs::create_dir(parent) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    return Err(self.failed(rel, &e));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Write one page at a site path whose folder `make_dirs` created, or
    /// left to this call (`own_dir`).
    /// A page the site being replaced holds byte for byte is linked to
    /// instead (see `previous`).
    pub fn write_page(&self, rel: &str, bytes: &[u8], own_dir: bool) -> Result<()> {
        let _w = writing();
        if own_dir {
            self.own_dir(rel)?;
        }
        let path = self.dir.join(rel);
        if self
            .previous
            .as_ref()
            .is_some_and(|p| p.link_if_same(rel, bytes))
        {
            return Ok(());
        }
        write_new(&path, bytes).map_err(|e| self.failed(rel, &e))
    }

    /// Write one file at a site path (`a/b/index.html`), creating its
    /// folder unless `make_dirs` did.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let _w = writing();
        let path = self.dir.join(rel);
        match write_new(&path, bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(|e| self.failed(rel, &e))?;
                }
                write_new(&path, bytes)
            }
            other => other,
        }
        .map_err(|e| self.failed(rel, &e))
    }

    /// Copy a file to a site path. A source that cannot be read is named
    /// as such; a failed write names the output path.
    pub fn copy(&self, from: &Path, rel: &str) -> Result<()> {
        let _w = writing();
        let mut source = fs::File::open(from).map_err(|e| Error::io(from, e))?;
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.failed(rel, &e))?;
        }
        let mut dest = create_new(&path).map_err(|e| self.failed(rel, &e))?;
        std::io::copy(&mut source, &mut dest)
            .map(|_| ())
            .map_err(|e| self.failed(rel, &e))
    }

    /// Put `from`, a file of bantin's own cache (written once, never changed
    /// in place), at `rel`: a hard link when both are on one file system
    /// (no bytes copied), else a copy.
    pub fn link(&self, from: &Path, rel: &str) -> Result<()> {
        let path = self.dir.join(rel);
        {
            let _w = writing();
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| self.failed(rel, &e))?;
            }
            if fs::hard_link(from, &path).is_ok() {
                return Ok(());
            }
        }
        self.copy(from, rel)
    }

    /// Swap the new site in place of the old one, then keep the old one as
    /// the spare tree, or remove it.
    pub fn commit(mut self) -> Result<()> {
        let old = {
            let _swapping = GATE.write().unwrap_or_else(PoisonError::into_inner);
            let old = swap(&self.dir, &self.target)
                .map_err(|e| Error::output(&self.target, &crate::t!("write-cannot-swap"), &e))?;
            self.committed = true;
            output::keep_on_interrupt(&self.dir);
            if let Some(old) = &old {
                output::remove_on_interrupt(old);
            }
            old
        };
        if let Some(old) = old {
            self.keep_or_remove(&old);
        }
        Ok(())
    }

    /// Keep `dir`, a site no longer wanted (the one a swap replaced, or a
    /// failed build's), as the spare tree (nothing in a spare is trusted),
    /// or remove it.
    fn keep_or_remove(&self, dir: &Path) {
        let kept = (self.spare.as_ref()).is_some_and(|s| spare::keep(dir, &self.target, s));
        if !kept {
            // The marker first: a half-removed old site is never put back.
            let _ = fs::remove_file(dir.join(MARKER));
            remove::remove_all(dir);
        }
        output::keep_on_interrupt(dir);
    }
}

/// Put the folder `new` in `target`'s place. Returns where the old site is
/// now (to be removed), if there was one.
fn swap(new: &Path, target: &Path) -> std::io::Result<Option<PathBuf>> {
    if fs::symlink_metadata(target).is_err() {
        fs::rename(new, target)?;
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        use rustix::io::Errno;
        match renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(Some(new.to_path_buf())),
            // Not on this file system or kernel: two renames below.
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {}
            Err(e) => return Err(e.into()),
        }
    }
    swap_by_renames(new, target).map(Some)
}

/// The portable swap: `target` → its `old` sibling, `new` → `target`.
/// Killed between the two, it leaves the old site for the next run to put
/// back (see `output::claim`).
fn swap_by_renames(new: &Path, target: &Path) -> std::io::Result<PathBuf> {
    let old = output::sibling(target, "old");
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(new, target) {
        let _ = fs::rename(&old, target);
        return Err(e);
    }
    Ok(old)
}

/// An empty folder `.<name>.bantin-<tag>-<pid>` beside `target` (created,
/// or emptied if a crashed run left it), where `target` can be swapped in
/// by renaming.
pub fn fresh_sibling(target: &Path, tag: &str) -> Result<PathBuf> {
    let dir = output::sibling(target, tag);
    let failed = |e| Error::output(&dir, &crate::t!("write-cannot-create-temporary"), &e);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(failed)?;
    }
    fs::create_dir_all(&dir).map_err(failed)?;
    Ok(dir)
}

/// Create, under `root`, the folders of many site paths (`a/b/index.html`),
/// each once. Folders that are shared (they hold other folders, or several
/// of the files) are created now; a folder that holds one file and nothing
/// else is left to that file's writer (`write_file` with `own_dir`), so
/// that most folders are made by the parallel writers instead of here, one
/// after another. Returns, per file, whether its writer makes its folder.
pub fn make_dirs(root: &Path, files: &[&str]) -> Result<Vec<bool>> {
    make_dirs_beside(root, files, &HashSet::new())
}

/// `make_dirs`, where the folders `there` (site paths) exist already.
fn make_dirs_beside(root: &Path, files: &[&str], there: &HashSet<&str>) -> Result<Vec<bool>> {
    use std::collections::{BTreeSet, HashMap};
    fn dir_of(f: &str) -> Option<&str> {
        f.rsplit_once('/').map(|(d, _)| d)
    }
    let mut files_in: HashMap<&str, usize> = HashMap::new();
    let mut shared: BTreeSet<&str> = BTreeSet::new();
    for d in files.iter().filter_map(|f| dir_of(f)) {
        *files_in.entry(d).or_default() += 1;
        let mut rest = d;
        while let Some((parent, _)) = rest.rsplit_once('/') {
            if !shared.insert(parent) {
                break;
            }
            rest = parent;
        }
    }
    shared.extend(files_in.iter().filter(|(_, n)| **n > 1).map(|(d, _)| *d));
    for d in shared.iter().filter(|d| !there.contains(*d)) {
        let path = root.join(d);
        fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(files
        .iter()
        .map(|f| dir_of(f).is_some_and(|d| !shared.contains(d) && !there.contains(d)))
        .collect())
}

/// Write a file whose folder exists, or is its own to create (`own_dir`,
/// see `make_dirs`).
pub fn write_file(path: &Path, bytes: &[u8], own_dir: bool) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|_| own_dir) {
        match fs::create_dir(parent) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
    }
    fs::write(path, bytes)
}

/// A new file at `path` (in a staging folder). A file already there (a
/// path written twice) is replaced, not written into: it may be a link to
/// a page of the live site.
fn create_new(path: &Path) -> std::io::Result<fs::File> {
    let open = || fs::File::options().write(true).create_new(true).open(path);
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            open()
        }
        other => other,
    }
}

/// Write `bytes` to a new file at `path` (see [`create_new`]).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    create_new(path)?.write_all(bytes)
}

impl Drop for Staging {
    /// A build that failed leaves its folder as the spare tree, or removes
    /// it.
    fn drop(&mut self) {
        if !self.committed {
            self.keep_or_remove(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_old() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let s = Staging::begin(&out, None).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");

        let s = Staging::begin(&out, None).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s);
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only output/ remains");
    }

    #[test]
    fn both_swaps_put_the_new_site_in_place() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        for by_renames in [false, true] {
            fs::create_dir_all(&out).unwrap();
            fs::write(out.join("page"), "old").unwrap();
            let new = fresh_sibling(&out, "new").unwrap();
            fs::write(new.join("page"), "new").unwrap();
            let old = if by_renames {
                swap_by_renames(&new, &out).unwrap()
            } else {
                swap(&new, &out).unwrap().unwrap()
            };
            assert_eq!(fs::read_to_string(out.join("page")).unwrap(), "new");
            assert_eq!(fs::read_to_string(old.join("page")).unwrap(), "old");
            fs::remove_dir_all(&old).unwrap();
            fs::remove_dir_all(&out).unwrap();
        }
    }

    #[test]
    fn shared_folders_first_own_folders_by_their_writer() {
        let tmp = tempfile::tempdir().unwrap();
        let files = [
            "index.html",
            "a/index.html",
            "a/b/index.html",
            "a/c/d/index.html",
            "e/1.json",
            "e/2.json",
            "f/g/index.html",
        ];
        let own = make_dirs(tmp.path(), &files).unwrap();
        assert_eq!(own, [false, false, true, true, false, false, true]);
        for d in ["a", "a/c", "e", "f"] {
            assert!(tmp.path().join(d).is_dir(), "{d}");
        }
        for d in ["a/b", "a/c/d", "f/g"] {
            assert!(!tmp.path().join(d).exists(), "{d}");
        }
        for (f, own) in files.iter().zip(own) {
            write_file(&tmp.path().join(f), b"x", own).unwrap();
        }
        // Written twice (watch rewrites a page in place): still fine.
        write_file(&tmp.path().join("a/b/index.html"), b"y", true).unwrap();
    }
}

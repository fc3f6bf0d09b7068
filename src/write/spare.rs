//! The spare tree: the site a swap replaced is kept (in the site's
//! `.bantin/spare`, see [`crate::output::spare`]) instead of removed, and
//! the next build is written into it. Its folders and most of its pages are
//! already there, so a build that changes little makes and removes little:
//! no folder per article made and then removed again, no page linked and
//! then unlinked.
//!
//! Nothing in the spare is trusted but that it is bantin's (the marker,
//! and a record naming the output it was replaced from). Before the pages
//! are written, everything in it that the new site does not have is
//! removed ([`prune`]): an old page, a file a user dropped into the output,
//! a symbolic link, a folder where the new site has a file. A page that is
//! left is never written into (it may be the live site's file, linked):
//! it is replaced by a new file or a link, or kept when it already is the
//! live site's unchanged page (see `previous`).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use crate::output::{self, MARKER};

use super::remove;

/// The file in a spare naming (canonical path) the output it came from.
/// It is not part of any site: [`prune`] removes it.
const RECORD: &str = ".bantin-spare-of";

/// Move `spare` to `staging` (a free sibling of `target`) if it is the
/// spare of `target`: a real folder, marked, whose record names `target`.
/// A spare of another output of the site, or one that cannot be used, is
/// removed (it is in bantin's own folder). `false`: start from an empty
/// folder.
pub(super) fn take(spare: &Path, target: &Path, staging: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(spare) else {
        return false;
    };
    // Only Linux keeps and prunes spares (see `keep`).
    let ours = cfg!(target_os = "linux")
        && meta.is_dir()
        && spare.join(MARKER).is_file()
        && record_of(target).is_some_and(|r| fs::read(spare.join(RECORD)).ok() == Some(r));
    if ours && fs::rename(spare, staging).is_ok() {
        return true;
    }
    if meta.is_dir() {
        remove::remove_all(spare);
    } else {
        let _ = output::remove(spare);
    }
    false
}

/// After a swap, keep `old` (the site `target` held until now) as the
/// spare, on Linux. `false`: it could not be kept (another file system,
/// no room for the folder), and is still at `old`.
pub(super) fn keep(old: &Path, target: &Path, spare: &Path) -> bool {
    // Elsewhere unchanged pages are not linked (see `previous`): a spare
    // would save little.
    if !cfg!(target_os = "linux") {
        return false;
    }
    let Some(record) = record_of(target) else {
        return false;
    };
    let Some(parent) = spare.parent() else {
        return false;
    };
    // A new file: the old site's files are never written into.
    let path = old.join(RECORD);
    let _ = fs::remove_file(&path);
    if fs::create_dir_all(parent).is_err() || fs::write(&path, record).is_err() {
        return false;
    }
    // Whatever is still there (none is, unless it could not be removed).
    let _ = output::remove(spare);
    fs::rename(old, spare).is_ok()
}

/// What a spare's record holds for `target`: its canonical path.
fn record_of(target: &Path) -> Option<Vec<u8>> {
    let real = fs::canonicalize(target).ok()?;
    Some(real.into_os_string().into_encoded_bytes())
}

/// Remove from `root` (a spare being rebuilt) everything but the marker,
/// the files of `files` (site paths, `a/b/index.html`) that are plain
/// files, and their folders that are real folders. Returns the folders
/// (site paths) that are there, which need not be made.
#[cfg(target_os = "linux")]
pub(super) fn prune<'a>(root: &Path, files: &[&'a str]) -> std::io::Result<HashSet<&'a str>> {
    linux::prune(root, files)
}

/// Elsewhere no spare is kept (see [`keep`]): there is none to prune.
#[cfg(not(target_os = "linux"))]
pub(super) fn prune<'a>(_: &Path, _: &[&'a str]) -> std::io::Result<HashSet<&'a str>> {
    Ok(HashSet::new())
}

/// The folder walk, by open folders and their entries' own types, so that
/// each folder costs one open and one listing.
#[cfg(target_os = "linux")]
mod linux {
    use std::collections::HashSet;
    use std::ffi::CStr;
    use std::mem::MaybeUninit;
    use std::os::fd::OwnedFd;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicBool, Ordering};

    use rayon::prelude::*;
    use rustc_hash::{FxHashMap, FxHashSet};
    use rustix::fs::{AtFlags, FileType, Mode, OFlags, RawDir};

    use super::super::remove;
    use crate::output::MARKER;

    /// The files and folders of the new site, by site path, and which of
    /// the folders (by number) the spare has.
    struct Plan<'a> {
        files: FxHashSet<&'a str>,
        folders: FxHashMap<&'a str, usize>,
        found: Vec<AtomicBool>,
        root: PathBuf,
    }

    pub(super) fn prune<'a>(root: &Path, files: &[&'a str]) -> std::io::Result<HashSet<&'a str>> {
        let mut folders: FxHashMap<&str, usize> = FxHashMap::default();
        for f in files {
            let mut rest = *f;
            while let Some((folder, _)) = rest.rsplit_once('/') {
                if folders.contains_key(folder) {
                    break;
                }
                folders.insert(folder, folders.len());
                rest = folder;
            }
        }
        let plan = Plan {
            files: files.iter().copied().collect(),
            found: (0..folders.len()).map(|_| AtomicBool::new(false)).collect(),
            folders,
            root: root.to_path_buf(),
        };
        let dir = rustix::fs::open(root, folder_flags(), Mode::empty())?;
        prune_folder(dir, "", &plan)?;
        Ok(plan
            .folders
            .iter()
            .filter(|(_, i)| plan.found[**i].load(Ordering::Relaxed))
            .map(|(f, _)| *f)
            .collect())
    }

    /// A folder opened to be listed, never through a symbolic link.
    fn folder_flags() -> OFlags {
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
    }

    /// Prune the open folder `dir`, at site path `rel` (`""` for the
    /// root): its entries one by one (listed into a buffer on the stack:
    /// most folders hold one page), then the folders it keeps in parallel.
    fn prune_folder(dir: OwnedFd, rel: &str, plan: &Plan<'_>) -> std::io::Result<()> {
        let mut buf = [MaybeUninit::<u8>::uninit(); 8192];
        let mut listing = RawDir::new(&dir, &mut buf);
        let (mut kept, mut gone) = (Vec::new(), Vec::new());
        let mut site_path = String::with_capacity(rel.len() + 64);
        while let Some(entry) = listing.next() {
            let entry = entry?;
            let name = entry.file_name();
            if [&b"."[..], b".."].contains(&name.to_bytes()) {
                continue;
            }
            let mut kind = entry.file_type();
            if kind == FileType::Unknown {
                kind = rustix::fs::statat(&dir, name, AtFlags::SYMLINK_NOFOLLOW)
                    .map(|s| FileType::from_raw_mode(s.st_mode))?;
            }
            let named = name.to_str().is_ok_and(|n| {
                site_path.clear();
                if !rel.is_empty() {
                    site_path.push_str(rel);
                    site_path.push('/');
                }
                site_path.push_str(n);
                true
            });
            let folder = if named {
                plan.folders.get(site_path.as_str())
            } else {
                None
            };
            match (kind, folder) {
                (FileType::Directory, Some(&i)) => {
                    plan.found[i].store(true, Ordering::Relaxed);
                    kept.push((name.to_owned(), site_path.clone()));
                }
                (FileType::RegularFile, _)
                    if named
                        && (plan.files.contains(site_path.as_str())
                            || rel.is_empty() && site_path == MARKER) => {}
                _ => gone.push((name.to_owned(), kind == FileType::Directory)),
            }
        }
        for (name, is_folder) in gone {
            if is_folder {
                // Rare (a folder the new site does not have): by path.
                remove::remove_tree(&plan.root.join(rel).join(name_path(&name)))?;
            } else {
                rustix::fs::unlinkat(&dir, &name, AtFlags::empty())?;
            }
        }
        kept.par_iter().try_for_each(|(name, rel)| {
            let folder = rustix::fs::openat(&dir, name.as_c_str(), folder_flags(), Mode::empty())?;
            prune_folder(folder, rel, plan)
        })
    }

    fn name_path(name: &CStr) -> &Path {
        use std::os::unix::ffi::OsStrExt;
        Path::new(std::ffi::OsStr::from_bytes(name.to_bytes()))
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn prune_keeps_the_new_sites_files_and_folders_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("spare");
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(elsewhere.join("x")).unwrap();
        fs::write(elsewhere.join("x/index.html"), "user's").unwrap();
        for d in ["a/b", "gone/deep", "c/index.html", "d"] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            MARKER,
            RECORD,
            "index.html",
            "a/index.html",
            "a/b/index.html",
            "a/b/old.json",
            "gone/deep/index.html",
            "c/index.html/x",
            "d/file-where-a-folder-goes",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        std::os::unix::fs::symlink(&elsewhere, root.join("a/x")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("x/index.html"), root.join("e.html")).unwrap();
        let files = [
            "index.html",
            "a/index.html",
            "a/b/index.html",
            "a/x/index.html",
            "c/index.html",
            "d/file-where-a-folder-goes/index.html",
            "e.html",
        ];
        let mut found: Vec<&str> = prune(&root, &files).unwrap().into_iter().collect();
        found.sort();
        assert_eq!(found, ["a", "a/b", "c", "d"]);
        let kept = [MARKER, "index.html", "a/index.html", "a/b/index.html"];
        for f in kept {
            assert!(fs::symlink_metadata(root.join(f)).unwrap().is_file(), "{f}");
        }
        for d in ["a", "a/b", "c", "d"] {
            assert!(fs::symlink_metadata(root.join(d)).unwrap().is_dir(), "{d}");
        }
        let count = walkdir::WalkDir::new(&root)
            .min_depth(1)
            .into_iter()
            .count();
        assert_eq!(count, kept.len() + 4, "nothing else is left");
        assert_eq!(fs::read(elsewhere.join("x/index.html")).unwrap(), b"user's");
    }

    #[test]
    fn a_spare_is_taken_only_by_its_own_output() {
        let tmp = tempfile::tempdir().unwrap();
        let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
        let spare = tmp.path().join("cache/spare");
        let staging = tmp.path().join(".one.bantin-new-1");
        for out in [&one, &two] {
            fs::create_dir_all(out).unwrap();
        }
        let old = tmp.path().join("old");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join(MARKER), "x").unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        assert!(keep(&old, &one, &spare));
        assert!(!old.exists());
        // Another output of the site: not taken, and removed.
        assert!(!take(&spare, &two, &staging));
        assert!(!spare.exists() && !staging.exists());

        fs::create_dir_all(&old).unwrap();
        fs::write(old.join(MARKER), "x").unwrap();
        assert!(keep(&old, &one, &spare));
        assert!(take(&spare, &one, &staging));
        assert!(!spare.exists());
        assert!(staging.join(MARKER).is_file());

        // Unmarked: not bantin's site, not taken.
        fs::rename(&staging, &spare).unwrap();
        fs::remove_file(spare.join(MARKER)).unwrap();
        assert!(!take(&spare, &one, &staging));
        assert!(!staging.exists());

        // Its output is gone: nothing to compare its record with.
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join(MARKER), "x").unwrap();
        assert!(keep(&old, &one, &spare));
        fs::remove_dir(&one).unwrap();
        assert!(!take(&spare, &one, &staging));
        assert!(!spare.exists() && !staging.exists());
    }
}

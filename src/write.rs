//! Writing the site atomically: everything goes into a fresh folder beside
//! `output/`, which replaces `output/` only once the whole build succeeded.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A build's output in progress. Dropped without `commit`, it leaves the
/// previous `output/` as it was and removes its own temporary folder.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Start a build whose result will replace `target`.
    pub fn begin(target: &Path) -> Result<Staging> {
        let dir = fresh_sibling(target, "new")?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// The folder being written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Create the shared folders of many site paths (see `make_dirs`).
    pub fn make_dirs(&self, files: &[&str]) -> Result<Vec<bool>> {
        make_dirs(&self.dir, files)
    }

    /// Write one page at a site path whose folder `make_dirs` created, or
    /// left to this call (`own_dir`).
    pub fn write_page(&self, rel: &str, bytes: &[u8], own_dir: bool) -> Result<()> {
        let path = self.dir.join(rel);
        write_file(&path, bytes, own_dir).map_err(|e| Error::io(&path, e))
    }

    /// Write one file at a site path (`a/b/index.html`), creating its
    /// folder unless `make_dirs` did.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(rel);
        match fs::write(&path, bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
            }
            other => other.map_err(|e| Error::io(&path, e)),
        }
    }

    /// Copy a file to a site path.
    pub fn copy(&self, from: &Path, rel: &str) -> Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::copy(from, &path)
            .map(|_| ())
            .map_err(|e| Error::io(from, e))
    }

    /// Swap the new site in place of the old one.
    pub fn commit(mut self) -> Result<()> {
        let old = self.dir.with_file_name(format!(
            ".{}.bantin-old-{}",
            self.target
                .file_name()
                .map_or("output".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

/// An empty folder `.<name>.bantin-<tag>-<pid>` beside `target` (created,
/// or emptied if a crashed run left it), where `target` can be swapped in
/// by renaming.
pub fn fresh_sibling(target: &Path, tag: &str) -> Result<PathBuf> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = target
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let dir = parent.join(format!(".{name}.bantin-{tag}-{}", std::process::id()));
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}

/// Create, under `root`, the folders of many site paths (`a/b/index.html`),
/// each once. Folders that are shared (they hold other folders, or several
/// of the files) are created now; a folder that holds one file and nothing
/// else is left to that file's writer (`write_file` with `own_dir`), so
/// that most folders are made by the parallel writers instead of here, one
/// after another. Returns, per file, whether its writer makes its folder.
pub fn make_dirs(root: &Path, files: &[&str]) -> Result<Vec<bool>> {
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
    for d in &shared {
        let path = root.join(d);
        fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(files
        .iter()
        .map(|f| dir_of(f).is_some_and(|d| !shared.contains(d)))
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

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
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
        let s = Staging::begin(&out).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");

        let s = Staging::begin(&out).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s);
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only output/ remains");
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

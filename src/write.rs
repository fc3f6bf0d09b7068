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

    /// Create the folders of many site paths at once, each only once.
    pub fn make_dirs<'a>(&self, files: impl Iterator<Item = &'a str>) -> Result<()> {
        make_dirs(&self.dir, files)
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
/// each only once.
pub fn make_dirs<'a>(root: &Path, files: impl Iterator<Item = &'a str>) -> Result<()> {
    let dirs: std::collections::BTreeSet<&str> = files
        .filter_map(|f| f.rsplit_once('/'))
        .map(|(d, _)| d)
        .collect();
    for d in dirs {
        let path = root.join(d);
        fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
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
}

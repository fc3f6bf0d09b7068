//! The staging folder a `watch` rebuild renders into, and moving its
//! files into the served folder (or deleting what is gone) one by one.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::write;

/// Move a staged file to `rel` under `out`, making its folder once.
pub(super) fn place(
    out: &Path,
    made: &mut BTreeSet<PathBuf>,
    slot: PathBuf,
    rel: &str,
) -> Result<()> {
    let target = out.join(rel);
    if let Some(parent) = target.parent()
        && made.insert(parent.to_path_buf())
    {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    fs::rename(&slot, &target).map_err(|e| Error::io(&target, e))
}

/// A staging folder beside the output, removed when dropped.
pub(super) struct Stage(PathBuf);

impl Stage {
    pub(super) fn new(out: &Path) -> Result<Stage> {
        write::fresh_sibling(out, "stage").map(Stage)
    }

    pub(super) fn slot(&self, n: usize) -> PathBuf {
        self.0.join(n.to_string())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Empty `out`, keeping the folder itself.
pub(super) fn clear(out: &Path) -> Result<()> {
    fs::remove_dir_all(out).map_err(|e| Error::io(out, e))?;
    fs::create_dir_all(out).map_err(|e| Error::io(out, e))
}

/// Delete `rel` under `out`, then its folders while they are empty.
pub(super) fn remove_with_empty_parents(out: &Path, rel: &str) {
    let path = out.join(rel);
    let _ = fs::remove_file(&path);
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

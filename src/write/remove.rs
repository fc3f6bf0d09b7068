//! Removing the site a swap replaced: a tree of some ten thousand folders
//! that each hold one `index.html`. The folders of each level are removed
//! in parallel, and a folder holding only `index.html` with two calls
//! (the file, then the folder) instead of opening and listing it. Symbolic
//! links are removed, never followed.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Remove the folder `root` and everything in it.
pub(super) fn remove_tree(root: &Path) -> std::io::Result<()> {
    remove_children(root)?;
    fs::remove_dir(root)
}

/// Remove the folder `root` with [`remove_tree`], and what it could not
/// remove as the standard library does; what neither can remove is left.
pub(super) fn remove_all(root: &Path) {
    if remove_tree(root).is_err() {
        let _ = fs::remove_dir_all(root);
    }
}

/// Remove what the folder `dir` holds: its files, then its folders in
/// parallel.
fn remove_children(dir: &Path) -> std::io::Result<()> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        // The entry's own type: a link to a folder is a link, removed as one.
        if entry.file_type()?.is_dir() {
            folders.push(entry.path());
        } else {
            remove_file(&entry.path())?;
        }
    }
    folders.par_iter().try_for_each(|f| remove_folder(f))
}

/// Remove a folder found in the tree: first as an article's folder (one
/// `index.html`), else by listing it.
fn remove_folder(dir: &Path) -> std::io::Result<()> {
    // `dir` was listed as a folder, not a link: the path below stays in it.
    // Whatever fails here is met again by the listing below.
    let _ = fs::remove_file(dir.join("index.html"));
    match fs::remove_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        // Not empty: it holds more than one page.
        Err(_) => remove_tree(dir),
    }
}

/// Remove a file; one already gone is fine.
fn remove_file(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_every_kind_of_folder_and_follows_no_link() {
        let tmp = tempfile::tempdir().unwrap();
        let keep = tmp.path().join("keep");
        fs::create_dir_all(keep.join("sub")).unwrap();
        fs::write(keep.join("index.html"), "user's").unwrap();
        fs::write(keep.join("sub/index.html"), "user's").unwrap();
        let root = tmp.path().join("old");
        for d in ["a/one", "a/two", "b/three/four", "empty"] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "index.html",
            "a/one/index.html",
            "a/two/index.html",
            "a/two/x.json",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        fs::write(root.join("b/three/four/index.html"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&keep, root.join("a/link")).unwrap();
            std::os::unix::fs::symlink(&keep, root.join("link")).unwrap();
        }
        remove_tree(&root).unwrap();
        assert!(!root.exists());
        assert_eq!(fs::read(keep.join("index.html")).unwrap(), b"user's");
        assert_eq!(fs::read(keep.join("sub/index.html")).unwrap(), b"user's");
    }
}

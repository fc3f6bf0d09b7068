//! The promise `watch`'s tests check: after an edit, the folder a
//! [`Session`](bantin::watch::session::Session) serves is byte-for-byte
//! what a clean `bantin build` writes; and how they edit a site and tell
//! the session which files changed, as `watch` is told.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bantin::Options;
use bantin::watch::session::Session;

/// Every file under `dir` with its bytes (see [`super::tree`]), and every
/// folder; not the marker that `build` (and `watch`, around the session)
/// keeps in its output.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = super::tree(dir);
    out.remove(bantin::output::MARKER);
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.file_type().is_dir() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            out.insert(format!("{rel}/"), Vec::new());
        }
    }
    out
}

/// A session serving `root` (with default options) into `served`, after
/// its first build: (session, its options).
pub fn open(root: &Path, served: &Path) -> (Session, Options) {
    let opts = Options {
        root: root.to_path_buf(),
        output: Some(served.to_path_buf()),
        ..Options::default()
    };
    let mut session = Session::new(opts.clone(), served.to_path_buf()).unwrap();
    session.rebuild().unwrap();
    (session, opts)
}

/// Check that `served` holds what a clean build of `opts` into
/// `clean_dir` writes, folders included; `step` names the edit.
pub fn assert_same(step: &str, served: &Path, opts: &Options, clean_dir: &Path) {
    let mut clean = opts.clone();
    clean.output = Some(clean_dir.to_path_buf());
    bantin::build(&clean).unwrap_or_else(|e| panic!("{step}: clean build failed: {e}"));
    let (a, b) = (tree(served), tree(clean_dir));
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "{step}: only in watch output: {only_a:?}; only in clean build: {only_b:?}"
    );
    let differ: Vec<_> = a
        .iter()
        .filter(|(k, v)| b[*k] != **v)
        .map(|(k, _)| k)
        .collect();
    assert!(
        differ.is_empty(),
        "{step}: files differ from a clean build: {differ:?}"
    );
}

/// Every file under `root` (not the outputs) with its length and time.
pub fn stamps(root: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            let rel = e.path().strip_prefix(root).unwrap().to_path_buf();
            (rel, (m.len(), m.modified().unwrap()))
        })
        .collect()
}

/// The files (under the root) added, removed or written between the two
/// listings: what `watch` is told of.
pub fn changed(
    before: &BTreeMap<PathBuf, (u64, SystemTime)>,
    after: &BTreeMap<PathBuf, (u64, SystemTime)>,
) -> Vec<PathBuf> {
    let gone = before.keys().filter(|k| !after.contains_key(*k));
    let new = after.iter().filter(|(k, v)| before.get(*k) != Some(v));
    gone.chain(new.map(|(k, _)| k)).cloned().collect()
}

/// Writes land with a new modification time even on coarse clocks.
pub fn write(path: &Path, text: &str) {
    let old = fs::metadata(path).ok().and_then(|m| m.modified().ok());
    fs::write(path, text).unwrap();
    if let Some(old) = old {
        let f = fs::File::options().write(true).open(path).unwrap();
        f.set_modified(old + std::time::Duration::from_secs(1))
            .unwrap();
    }
}

pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    write(path, &text.replacen(from, to, 1));
}

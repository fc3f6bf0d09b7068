//! The page memo: for each page of the last build, the fingerprint of what
//! it was rendered from (see `render::Renderer::memo_print`) and the length
//! and 128-bit digest of the bytes it rendered to. It is kept in the site's
//! own folder (`.bantin/pages`) and lets the next build keep a page without
//! rendering it: when the page's fingerprint is the one recorded *and* the
//! live site's file still holds bytes of that length and digest, the page
//! is linked from the live site (see `previous`).
//!
//! The memo is never trusted about the live site: each page it names is
//! read and digested before it is kept, so a page edited by hand, a memo
//! left from another output, or one older than the live site only costs a
//! render. What it is trusted with is only that equal fingerprints render
//! to equal bytes, and a fingerprint covers the bantin binary itself (its
//! `salt`, see [`salt`]). A memo that is damaged, truncated or of another
//! binary is ignored whole.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// The first bytes of a memo file (the format's version is in them).
const MAGIC: &[u8; 16] = b"bantin-pages v2\n";

/// What one page rendered to, and from what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The fingerprint of everything the page was rendered from.
    pub print: u64,
    /// The length and digest of the bytes written.
    pub len: u64,
    pub digest: u128,
}

impl Entry {
    /// The entry of `bytes` rendered from `print`.
    pub fn of(print: u64, bytes: &[u8]) -> Entry {
        Entry {
            print,
            len: bytes.len() as u64,
            digest: digest(bytes),
        }
    }
}

/// The digest pages are compared by (XXH3, 128 bits).
pub fn digest(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The pages of the last build by the digest of their site path
/// (`a/b/index.html`, see [`path_key`]). Two paths of one digest would
/// only cost a render: a page's fingerprint covers its path.
#[derive(Debug, Default)]
pub struct Memo {
    pages: HashMap<u64, Entry>,
}

/// The key a page's site path is kept under.
fn path_key(file: &str) -> u64 {
    xxh3_64(file.as_bytes())
}

impl Memo {
    /// The memo at `path` if it was written by a build with this `salt`;
    /// an empty one otherwise (none yet, damaged, another binary).
    pub fn load(path: &Path, salt: u64) -> Memo {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| parse(&bytes, salt))
            .unwrap_or_default()
    }

    /// What `file` rendered to, if it was rendered from `print`.
    pub fn get(&self, file: &str, print: u64) -> Option<Entry> {
        (self.pages.get(&path_key(file)).copied()).filter(|e| e.print == print)
    }

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

/// Write the memo of a build with `salt` to `path`, replacing the old one
/// whole (a new file, `path.new`, renamed over it). When it cannot be written, the old
/// one is removed: it described an older site (which is harmless, as every
/// page is checked, but useless).
pub fn save<'a>(path: &Path, salt: u64, pages: impl Iterator<Item = (&'a str, Entry)>) {
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&salt.to_le_bytes());
    for (file, e) in pages {
        out.extend_from_slice(&path_key(file).to_le_bytes());
        out.extend_from_slice(&e.print.to_le_bytes());
        out.extend_from_slice(&e.len.to_le_bytes());
        out.extend_from_slice(&e.digest.to_le_bytes());
    }
    let check = xxh3_64(&out);
    out.extend_from_slice(&check.to_le_bytes());
    // One name for every build: a run killed while writing leaves one file
    // at most, which the next replaces. Two builds writing at once (into
    // two outputs of the site) can only make a memo that fails its check.
    let temp = path.with_extension("new");
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&out))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(path);
    }
}

/// The pages of a memo file, `None` unless it is whole and of `salt`.
fn parse(bytes: &[u8], salt: u64) -> Option<Memo> {
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if xxh3_64(body).to_le_bytes() != check {
        return None;
    }
    let rest = body.strip_prefix(MAGIC)?;
    let (s, mut rest) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*s) != salt {
        return None;
    }
    let mut pages = HashMap::with_capacity(rest.len() / 40);
    while !rest.is_empty() {
        let (key, r) = rest.split_first_chunk::<8>()?;
        let (print, r) = r.split_first_chunk::<8>()?;
        let (len, r) = r.split_first_chunk::<8>()?;
        let (digest, r) = r.split_first_chunk::<16>()?;
        let entry = Entry {
            print: u64::from_le_bytes(*print),
            len: u64::from_le_bytes(*len),
            digest: u128::from_le_bytes(*digest),
        };
        pages.insert(u64::from_le_bytes(*key), entry);
        rest = r;
    }
    Some(Memo { pages })
}

/// What a page's fingerprint must cover beyond its inputs: the binary that
/// renders it (its version, and the executable's size, change time and
/// inode, so a rebuilt binary starts afresh) and `extra` (options that
/// change pages after rendering). `None` when the executable cannot be
/// found: no memo is then read or written.
pub fn salt(extra: impl Hash) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    MAGIC.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    meta.len().hash(&mut h);
    meta.modified().ok().hash(&mut h);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec()).hash(&mut h);
    }
    extra.hash(&mut h);
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(print: u64, bytes: &[u8]) -> Entry {
        Entry::of(print, bytes)
    }

    #[test]
    fn a_memo_is_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pages");
        let pages = [
            ("index.html", entry(1, b"<p>trang chu</p>")),
            ("tin-tuc/bài/index.html", entry(2, b"")),
        ];
        save(&path, 7, pages.iter().map(|(f, e)| (*f, *e)));
        let memo = Memo::load(&path, 7);
        assert_eq!(memo.len(), 2);
        assert_eq!(memo.get("index.html", 1), Some(pages[0].1));
        assert_eq!(memo.get("tin-tuc/bài/index.html", 2), Some(pages[1].1));
        // Another fingerprint, another page: nothing.
        assert_eq!(memo.get("index.html", 2), None);
        assert_eq!(memo.get("404.html", 1), None);
    }

    #[test]
    fn a_memo_of_another_binary_or_damaged_is_ignored_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pages");
        save(&path, 7, [("index.html", entry(1, b"x"))].into_iter());
        assert!(Memo::load(&path, 8).is_empty());
        let whole = std::fs::read(&path).unwrap();
        // Every shorter file, and every file with one byte changed.
        for cut in 0..whole.len() {
            std::fs::write(&path, &whole[..cut]).unwrap();
            assert!(Memo::load(&path, 7).is_empty(), "cut at {cut}");
        }
        for at in 0..whole.len() {
            let mut bad = whole.clone();
            bad[at] ^= 0x20;
            std::fs::write(&path, &bad).unwrap();
            assert!(Memo::load(&path, 7).is_empty(), "byte {at} changed");
        }
        std::fs::write(&path, &whole).unwrap();
        assert_eq!(Memo::load(&path, 7).len(), 1);
    }

    #[test]
    fn a_memo_that_cannot_be_written_leaves_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pages");
        save(&path, 7, [("index.html", entry(1, b"x"))].into_iter());
        // Its folder is made (a first build has none yet).
        let first = dir.path().join(".bantin").join("pages");
        save(&first, 7, [("index.html", entry(1, b"x"))].into_iter());
        assert_eq!(Memo::load(&first, 7).len(), 1);
        // A file where its folder goes: nothing is written.
        let blocked = dir.path().join("pages").join("pages");
        save(&blocked, 7, std::iter::empty());
        assert!(!blocked.exists());
        // A folder in the new file's place: the old memo is removed.
        std::fs::create_dir(path.with_extension("new")).unwrap();
        save(&path, 7, std::iter::empty());
        assert!(!path.exists());
    }

    #[test]
    fn digests_tell_pages_apart() {
        assert_eq!(digest(b"trang"), digest(b"trang"));
        assert_ne!(digest(b"trang"), digest(b"tr\xc3\xa1ng"));
        assert_ne!(entry(1, b"a"), entry(1, b"b"));
    }
}

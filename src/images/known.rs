//! What the last build learnt of each photo (`.bantin/cache/photos.tsv`),
//! so that a photo whose file is unchanged — same size, same modification
//! time, same inode — is not read again: a warm build with 200 phone photos
//! would otherwise read and hash 700 MB before it does anything else. A
//! photo whose file changed in any of these is read and hashed as new.
//! The file is a cache: when it is missing, damaged or from another
//! version, every photo is read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Kind, Photo};

/// The first line of the file: its format.
const HEADER: &str = "bantin photos 1";

/// A file's identity as the file system tells it cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileId {
    len: u64,
    modified_ns: i128,
    inode: u64,
}

impl FileId {
    pub(super) fn of(path: &Path) -> Option<FileId> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m.modified().ok()?;
        let modified_ns = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        Some(FileId {
            len: m.len(),
            modified_ns,
            inode: inode(&m),
        })
    }
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// Photos by path under `content/`, with the identity of the file each
/// was probed from.
#[derive(Debug, Default)]
pub(super) struct Known(HashMap<PathBuf, (FileId, Photo)>);

impl Known {
    /// Read `file`; anything unreadable is left out (those photos are read).
    pub(super) fn load(file: &Path) -> Known {
        let Ok(text) = std::fs::read_to_string(file) else {
            return Known::default();
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Known::default();
        }
        Known(lines.filter_map(parse).collect())
    }

    /// The photo at `source` as probed before, if its file is unchanged.
    pub(super) fn get(&self, source: &Path, id: FileId) -> Option<Photo> {
        self.0
            .get(source)
            .filter(|(known, _)| *known == id)
            .map(|(_, p)| p.clone())
    }

    pub(super) fn insert(&mut self, source: PathBuf, id: FileId, photo: Photo) {
        self.0.insert(source, (id, photo));
    }

    /// Write to `file` (through a temporary file, so a reader never sees
    /// half of it); best effort: failing costs only a read next time.
    pub(super) fn save(&self, file: &Path) {
        let mut rows: Vec<String> = self
            .0
            .iter()
            .filter_map(|(path, (id, p))| {
                let path = path.to_str().filter(|s| !s.contains(['\t', '\n', '\r']))?;
                let kind = match p.kind {
                    Kind::Jpeg => "jpeg",
                    Kind::Png => "png",
                    Kind::Webp => "webp",
                };
                Some(format!(
                    "{path}\t{}\t{}\t{}\t{:016x}\t{}\t{}\t{kind}\t{}\t{}",
                    id.len,
                    id.modified_ns,
                    id.inode,
                    p.hash,
                    p.width,
                    p.height,
                    p.orientation,
                    p.bytes
                ))
            })
            .collect();
        rows.sort();
        let text = format!("{HEADER}\n{}\n", rows.join("\n"));
        let Some(dir) = file.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

fn parse(line: &str) -> Option<(PathBuf, (FileId, Photo))> {
    let f: Vec<&str> = line.split('\t').collect();
    let [
        path,
        len,
        modified,
        inode,
        hash,
        width,
        height,
        kind,
        orientation,
        bytes,
    ] = f[..]
    else {
        return None;
    };
    let id = FileId {
        len: len.parse().ok()?,
        modified_ns: modified.parse().ok()?,
        inode: inode.parse().ok()?,
    };
    let photo = Photo {
        hash: u64::from_str_radix(hash, 16).ok()?,
        width: width.parse().ok()?,
        height: height.parse().ok()?,
        kind: match kind {
            "jpeg" => Kind::Jpeg,
            "png" => Kind::Png,
            "webp" => Kind::Webp,
            _ => return None,
        },
        orientation: orientation.parse().ok()?,
        bytes: bytes.parse().ok()?,
    };
    Some((PathBuf::from(path), (id, photo)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_table_reads_back_and_a_changed_file_is_not_known() {
        let dir = tempfile::tempdir().unwrap();
        let photo_file = dir.path().join("anh.jpg");
        std::fs::write(&photo_file, b"one").unwrap();
        let id = FileId::of(&photo_file).unwrap();
        let photo = Photo {
            hash: 0xfeed,
            width: 4000,
            height: 3000,
            kind: Kind::Jpeg,
            orientation: 6,
            bytes: 3,
        };
        let mut known = Known::default();
        known.insert(PathBuf::from("tin/Ảnh hội nghị.jpg"), id, photo.clone());
        known.insert(PathBuf::from("tin/tab\there.jpg"), id, photo.clone());
        let file = dir.path().join("cache/photos.tsv");
        known.save(&file);
        let back = Known::load(&file);
        assert_eq!(back.get(Path::new("tin/Ảnh hội nghị.jpg"), id), Some(photo));
        assert_eq!(
            back.get(Path::new("tin/tab\there.jpg"), id),
            None,
            "not saved"
        );
        std::fs::write(&photo_file, b"two!").unwrap();
        let changed = FileId::of(&photo_file).unwrap();
        assert_eq!(back.get(Path::new("tin/Ảnh hội nghị.jpg"), changed), None);
        std::fs::write(&file, "bantin photos 0\n").unwrap();
        assert!(Known::load(&file).0.is_empty(), "another format is ignored");
    }
}

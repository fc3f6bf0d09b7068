//! Cheap identities, shared by every stage that decides whether something
//! changed: a file's [`Stamp`] (size and modification time) and
//! [`hash_of`] a value. Depends on nothing else in the crate.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// Identity of a file's bytes as far as the file system tells cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path)
            .ok()
            .map(|m| Stamp::from_metadata(&m))
    }

    pub fn from_metadata(m: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        }
    }
}

/// A hash of `value`, for fingerprints compared within one process.
pub fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

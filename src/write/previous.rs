//! A page that is byte for byte the same as in the site being replaced is
//! not written again: the new site gets a hard link to the old file. The
//! old site stays whole until the swap (a link adds a name, it changes no
//! byte), no page is written twice, and removing the old site afterwards
//! only drops names instead of freeing every page. Linux only; anywhere a
//! link cannot be made (another file system, FAT, an old kernel) the page
//! is written as usual.
//!
//! A file is linked only if it is a plain file inside the old site
//! (reached without a symbolic link), with no other name anywhere
//! (`nlink == 1`: a user's `cp -al` backup keeps its own copy), of the same
//! length and bytes (for a page the page memo keeps without rendering it,
//! of the length and 128-bit digest the memo holds: see `memo`), and
//! already in memory: on a disk whose cache is cold
//! (`RWF_NOWAIT` says so) the page is written rather than read back.
//!
//! When the new site is written into the spare tree (see `spare`), the
//! spare's page may already be that very file: its second name is then the
//! spare's own, and nothing is done. Any other page the spare has at that
//! path is unlinked first, never written into.

#[cfg(target_os = "linux")]
pub(super) use linux::Previous;

#[cfg(not(target_os = "linux"))]
use std::path::Path;

#[cfg(not(target_os = "linux"))]
#[derive(Debug)]
pub(super) struct Previous;

#[cfg(not(target_os = "linux"))]
impl Previous {
    pub(super) fn open(_old: &Path, _new: &Path, _spare: bool) -> Option<Previous> {
        None
    }

    pub(super) fn link_if_same(&self, _rel: &str, _bytes: &[u8]) -> bool {
        false
    }

    pub(super) fn link_if_digest(&self, _rel: &str, _len: u64, _digest: u128) -> bool {
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::io::IoSliceMut;
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::fd::OwnedFd;
    use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags, Stat};
    use rustix::io::{Errno, ReadWriteFlags};

    /// The site being replaced and the new one, as open folders.
    #[derive(Debug)]
    pub(in crate::write) struct Previous {
        old: OwnedFd,
        new: OwnedFd,
        /// Cleared at the first sign that links cannot be made here.
        enabled: AtomicBool,
        /// Cleared when the file system has no `RWF_NOWAIT` reads (tmpfs):
        /// its files are in memory.
        nowait: AtomicBool,
        /// The new site is the spare tree: its pages may be there already.
        spare: bool,
    }

    impl Previous {
        /// `None` when there is no old site (a first build) or it cannot
        /// be opened: every page is then written.
        pub(in crate::write) fn open(old: &Path, new: &Path, spare: bool) -> Option<Previous> {
            let dir = |p: &Path| {
                let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                rustix::fs::open(p, flags, Mode::empty()).ok()
            };
            Some(Previous {
                old: dir(old)?,
                new: dir(new)?,
                enabled: AtomicBool::new(true),
                nowait: AtomicBool::new(true),
                spare,
            })
        }

        /// Link the old site's `rel` into the new site if it holds exactly
        /// `bytes`. `false`: nothing was made, write the page.
        pub(in crate::write) fn link_if_same(&self, rel: &str, bytes: &[u8]) -> bool {
            self.link_if(rel, Want::Bytes(bytes))
        }

        /// Link the old site's `rel` into the new site if it holds `len`
        /// bytes of this `digest` (see `memo`). `false`: nothing was made,
        /// render the page.
        pub(in crate::write) fn link_if_digest(&self, rel: &str, len: u64, digest: u128) -> bool {
            self.link_if(rel, Want::Digest(len, digest))
        }

        fn link_if(&self, rel: &str, want: Want<'_>) -> bool {
            if !self.enabled.load(Ordering::Relaxed) {
                return false;
            }
            let Some(old) = self.holds(rel, want) else {
                return false;
            };
            if self.spare {
                if old.st_nlink == 2 {
                    // Its other name must be the spare's page at `rel`.
                    return self.new_has(rel, &old);
                }
                // An older page the spare kept, or nothing.
                let _ = rustix::fs::unlinkat(&self.new, rel, AtFlags::empty());
            }
            match rustix::fs::linkat(&self.old, rel, &self.new, rel, AtFlags::empty()) {
                Ok(()) => true,
                Err(e) => {
                    // Not the place for links (FAT, another device …).
                    if [Errno::XDEV, Errno::PERM, Errno::OPNOTSUPP, Errno::MLINK].contains(&e) {
                        self.enabled.store(false, Ordering::Relaxed);
                    }
                    false
                }
            }
        }

        /// Is the new site's `rel` the file `old` (by device and inode)?
        fn new_has(&self, rel: &str, old: &Stat) -> bool {
            rustix::fs::statat(&self.new, rel, AtFlags::SYMLINK_NOFOLLOW)
                .is_ok_and(|s| (s.st_dev, s.st_ino) == (old.st_dev, old.st_ino))
        }

        /// The old site's `rel`, if it holds what is wanted and may be
        /// linked: one name, or two when the second may be the spare's.
        fn holds(&self, rel: &str, want: Want<'_>) -> Option<Stat> {
            let resolve =
                ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS;
            let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW | OFlags::NOCTTY;
            let file = match rustix::fs::openat2(&self.old, rel, flags, Mode::empty(), resolve) {
                Ok(file) => file,
                Err(Errno::NOSYS | Errno::PERM) => {
                    // No openat2 (before Linux 5.6, or filtered): no links.
                    self.enabled.store(false, Ordering::Relaxed);
                    return None;
                }
                Err(_) => return None, // A new page, or one that moved.
            };
            let stat = rustix::fs::fstat(&file).ok()?;
            let names = if self.spare { 1..=2 } else { 1..=1 };
            (FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile
                && names.contains(&stat.st_nlink)
                && u64::try_from(stat.st_size).ok() == Some(want.len())
                && want.is_held_by(&file, &self.nowait))
            .then_some(stat)
        }
    }

    /// What an old page must hold to be linked: these bytes, or bytes of
    /// this length and digest.
    #[derive(Clone, Copy)]
    enum Want<'a> {
        Bytes(&'a [u8]),
        Digest(u64, u128),
    }

    impl Want<'_> {
        fn len(&self) -> u64 {
            match self {
                Want::Bytes(b) => b.len() as u64,
                Want::Digest(len, _) => *len,
            }
        }

        /// `file` (of this length) holds what is wanted.
        fn is_held_by(&self, file: &OwnedFd, nowait: &AtomicBool) -> bool {
            match self {
                Want::Bytes(bytes) => read_all(file, bytes.len(), nowait, |at, chunk| {
                    chunk == &bytes[at..at + chunk.len()]
                }),
                Want::Digest(len, digest) => {
                    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
                    let Ok(len) = usize::try_from(*len) else {
                        return false;
                    };
                    read_all(file, len, nowait, |_, chunk| {
                        h.update(chunk);
                        true
                    }) && h.digest128() == *digest
                }
            }
        }
    }

    /// Read the first `len` bytes of `file` (which has that length) in
    /// chunks, each handed to `check` with its offset, until one fails;
    /// only from memory: a read that would wait for the disk answers
    /// `false`.
    fn read_all(
        file: &OwnedFd,
        len: usize,
        nowait: &AtomicBool,
        mut check: impl FnMut(usize, &[u8]) -> bool,
    ) -> bool {
        let mut buf = [0u8; 64 << 10];
        let mut at = 0;
        while at < len {
            let want = buf.len().min(len - at);
            let read = if nowait.load(Ordering::Relaxed) {
                let mut slices = [IoSliceMut::new(&mut buf[..want])];
                match rustix::io::preadv2(file, &mut slices, at as u64, ReadWriteFlags::NOWAIT) {
                    // tmpfs and others without it: their pages are in memory.
                    Err(Errno::OPNOTSUPP) => {
                        nowait.store(false, Ordering::Relaxed);
                        continue;
                    }
                    other => other,
                }
            } else {
                rustix::io::pread(file, &mut buf[..want], at as u64)
            };
            match read {
                Ok(n) if n > 0 && check(at, &buf[..n]) => at += n,
                _ => return false,
            }
        }
        true
    }
}

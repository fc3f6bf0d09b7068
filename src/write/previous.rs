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
//! length and bytes, and already in memory: on a disk whose cache is cold
//! (`RWF_NOWAIT` says so) the page is written rather than read back.

#[cfg(target_os = "linux")]
pub(super) use linux::Previous;

#[cfg(not(target_os = "linux"))]
use std::path::Path;

#[cfg(not(target_os = "linux"))]
#[derive(Debug)]
pub(super) struct Previous;

#[cfg(not(target_os = "linux"))]
impl Previous {
    pub(super) fn open(_old: &Path, _new: &Path) -> Option<Previous> {
        None
    }

    pub(super) fn link_if_same(&self, _rel: &str, _bytes: &[u8]) -> bool {
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::io::IoSliceMut;
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::fd::OwnedFd;
    use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags};
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
    }

    impl Previous {
        /// `None` when there is no old site (a first build) or it cannot
        /// be opened: every page is then written.
        pub(in crate::write) fn open(old: &Path, new: &Path) -> Option<Previous> {
            let dir = |p: &Path| {
                let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                rustix::fs::open(p, flags, Mode::empty()).ok()
            };
            Some(Previous {
                old: dir(old)?,
                new: dir(new)?,
                enabled: AtomicBool::new(true),
                nowait: AtomicBool::new(true),
            })
        }

        /// Link the old site's `rel` into the new site if it holds exactly
        /// `bytes`. `false`: nothing was made, write the page.
        pub(in crate::write) fn link_if_same(&self, rel: &str, bytes: &[u8]) -> bool {
            if !self.enabled.load(Ordering::Relaxed) || !self.holds(rel, bytes) {
                return false;
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

        /// Does the old site's `rel` hold `bytes`, and may it be linked?
        fn holds(&self, rel: &str, bytes: &[u8]) -> bool {
            let resolve =
                ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS;
            let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW | OFlags::NOCTTY;
            let file = match rustix::fs::openat2(&self.old, rel, flags, Mode::empty(), resolve) {
                Ok(file) => file,
                Err(Errno::NOSYS | Errno::PERM) => {
                    // No openat2 (before Linux 5.6, or filtered): no links.
                    self.enabled.store(false, Ordering::Relaxed);
                    return false;
                }
                Err(_) => return false, // A new page, or one that moved.
            };
            let Ok(stat) = rustix::fs::fstat(&file) else {
                return false;
            };
            FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile
                && stat.st_nlink == 1
                && u64::try_from(stat.st_size).ok() == Some(bytes.len() as u64)
                && same_bytes(&file, bytes, &self.nowait)
        }
    }

    /// The file's bytes equal `bytes` (whose length it has), read only
    /// from memory: a read that would wait for the disk answers `false`.
    fn same_bytes(file: &OwnedFd, bytes: &[u8], nowait: &AtomicBool) -> bool {
        let mut buf = [0u8; 64 << 10];
        let mut at = 0;
        while at < bytes.len() {
            let want = buf.len().min(bytes.len() - at);
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
                Ok(n) if n > 0 && buf[..n] == bytes[at..at + n] => at += n,
                _ => return false,
            }
        }
        true
    }
}

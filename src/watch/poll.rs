//! Polling for folders where the operating system's change events do not
//! arrive (network drives, some virtual machines). `notify`'s own poller
//! compares modification times in whole seconds, so a second save within
//! the same second goes unseen; this one compares size and the full
//! modification time of every file, which is what "never lies" needs.
//! It implements `notify::Watcher`, so the rest of `watch` does not care
//! which kind it has.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use notify::event::{Event, EventKind};
use notify::{Config, EventHandler, RecursiveMode, Watcher, WatcherKind};

type Snapshot = HashMap<PathBuf, (u64, Option<SystemTime>, bool)>;

struct Shared {
    roots: Vec<(PathBuf, RecursiveMode)>,
    snapshot: Snapshot,
}

pub struct Poller {
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

fn scan(roots: &[(PathBuf, RecursiveMode)]) -> Snapshot {
    let mut out = Snapshot::new();
    for (root, mode) in roots {
        let depth = match mode {
            RecursiveMode::Recursive => usize::MAX,
            RecursiveMode::NonRecursive => 1,
        };
        for entry in walkdir::WalkDir::new(root)
            .max_depth(depth)
            .into_iter()
            .flatten()
        {
            if let Ok(m) = entry.metadata() {
                let stamp = (m.len(), m.modified().ok(), m.is_dir());
                out.insert(entry.into_path(), stamp);
            }
        }
    }
    out
}

fn lock(m: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Watcher for Poller {
    fn new<F: EventHandler>(mut handler: F, config: Config) -> notify::Result<Self> {
        let interval = config.poll_interval().unwrap_or(Duration::from_millis(300));
        let shared = Arc::new(Mutex::new(Shared {
            roots: Vec::new(),
            snapshot: Snapshot::new(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (shared, stop) = (Arc::clone(&shared), Arc::clone(&stop));
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(interval);
                    let roots = lock(&shared).roots.clone();
                    let now = scan(&roots);
                    let changed: Vec<PathBuf> = {
                        let mut s = lock(&shared);
                        let old = std::mem::replace(&mut s.snapshot, now);
                        let now = &s.snapshot;
                        let mut changed: Vec<PathBuf> = now
                            .iter()
                            .filter(|(p, stamp)| old.get(*p) != Some(stamp))
                            .map(|(p, _)| p.clone())
                            .collect();
                        changed.extend(old.keys().filter(|p| !now.contains_key(*p)).cloned());
                        changed
                    };
                    if !changed.is_empty() {
                        let mut event = Event::new(EventKind::Any);
                        event.paths = changed;
                        handler.handle_event(Ok(event));
                    }
                }
            })
        };
        Ok(Poller {
            shared,
            stop,
            thread: Some(thread),
        })
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        let mut s = lock(&self.shared);
        s.roots.retain(|(p, _)| p != path);
        s.roots.push((path.to_path_buf(), mode));
        // The state now is the baseline: a change right after is seen.
        let fresh = scan(&[(path.to_path_buf(), mode)]);
        s.snapshot.extend(fresh);
        Ok(())
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        let mut s = lock(&self.shared);
        s.roots.retain(|(p, _)| p != path);
        s.snapshot.retain(|p, _| !p.starts_with(path));
        Ok(())
    }

    fn kind() -> WatcherKind {
        WatcherKind::PollWatcher
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn sees_two_saves_within_one_second() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bai.md");
        std::fs::write(&file, "một").unwrap();
        let (tx, rx) = mpsc::channel();
        let config = Config::default().with_poll_interval(Duration::from_millis(20));
        let mut p = Poller::new(move |e: notify::Result<Event>| drop(tx.send(e)), config).unwrap();
        p.watch(dir.path(), RecursiveMode::Recursive).unwrap();
        for text in ["hai", "ba!"] {
            std::fs::write(&file, text).unwrap();
            let ev = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
            assert!(ev.paths.contains(&file), "{ev:?}");
        }
    }
}

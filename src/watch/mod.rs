//! `bantin watch`: build, serve, and rebuild on every change. The loop is
//! classify → debounce → rebuild (incremental, see [`session`]) → tell the
//! server, which reloads open pages (following an article whose address
//! changed, see [`follow`]) and shows or clears the error overlay.

pub mod classify;
pub mod follow;
pub mod http;
pub mod message;
mod overlay;
pub mod poll;
pub mod server;
pub mod session;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant, SystemTime};

use notify::{RecursiveMode, Watcher};

use crate::build::{Options, guard_output};
use crate::error::{Error, Result};
use classify::{Change, classify};
use server::{Server, Shared};
use session::Session;

/// How long the tree must be quiet before a rebuild starts, and the most a
/// burst of changes (a `git checkout`) can hold it back.
const QUIET: Duration = Duration::from_millis(10);
const MAX_WAIT: Duration = Duration::from_millis(1000);
/// A rebuild that fails on a file changed less than this before (or
/// while) it ran reads the files again once they have been left alone
/// this long, before showing the error: it may have read a file half
/// written. Errors are held back at most ten times this long.
const SETTLE: Duration = Duration::from_millis(300);

pub struct WatchOptions {
    /// Root, drafts, future and (optionally) the folder to serve from.
    pub build: Options,
    pub bind: IpAddr,
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Poll the file system instead of native events (network drives).
    pub poll: bool,
}

/// What `watch` reports to the terminal.
pub enum Event<'a> {
    Serving {
        url: &'a str,
        output: &'a Path,
    },
    Built {
        what: &'a str,
        rebuilt: &'a session::Rebuilt,
    },
    Failed {
        what: &'a str,
        error: &'a Error,
    },
    Note(&'a str),
}

enum Message {
    Fs(notify::Result<notify::Event>),
    Stop,
}

/// Run until Ctrl-C. `report` prints what happens.
pub fn run(w: WatchOptions, report: &mut dyn FnMut(Event<'_>)) -> Result<()> {
    let mut opts = w.build;
    // `--output DIR` is claimed as `build` claims it (refused if it is not
    // bantin's; its link followed; locked while watch runs); the default
    // is a fresh folder of this process.
    let (output, temporary, _claim) = match &opts.output {
        Some(_) => {
            let claim = guard_output(&opts)?;
            (claim.target().to_path_buf(), false, Some(claim))
        }
        None => {
            let dir = preview_dir();
            if let Some(parent) = dir.parent() {
                crate::output::sweep_previews(parent, PREVIEW_PREFIX);
            }
            let claim = crate::output::claim(&dir)?;
            (dir, true, Some(claim))
        }
    };
    opts.output = Some(output.clone());
    let shared = Shared::new(output.clone());
    let (server, url) = listen(SocketAddr::new(w.bind, w.port), &shared)?;
    opts.base_url = Some(url.clone());
    opts.live_reload = Some(server::LIVE_SCRIPT.to_string());

    let (tx, rx) = mpsc::channel();
    let stop = stop_on_ctrl_c(tx.clone());
    let root = absolute(&opts.root);
    let out_abs = absolute(&output);
    let mut watcher = start_watcher(&root, w.poll, tx, report)?;
    let mut watched = Vec::new();
    watch_sources(&mut *watcher, &root, &mut watched)?;

    let mut session = Session::new(opts, output.clone())?;
    mark_output(&output)?;
    let first = rebuild(&mut session, &shared, &[]);
    announce(&shared, &crate::t!("watch-first-build"), first, report);
    report(Event::Serving {
        url: &url,
        output: &output,
    });
    if w.open {
        open_browser(&url);
    }

    let settle = settle_time();
    let mut changes: Vec<(Change, PathBuf)> = Vec::new();
    // A failed rebuild held back (see `unsettled`): since when, and when
    // to read the files again.
    let mut held: Option<(Instant, Instant)> = None;
    while !stop.load(Ordering::SeqCst) {
        let paths = (root.as_path(), out_abs.as_path());
        match next_changes(&rx, held, paths, &mut changes, report) {
            Next::Stop => break,
            Next::Wait => continue,
            Next::Rebuild => {}
        }
        // A source folder created since the start is watched from now on.
        if let Err(e) = watch_sources(&mut *watcher, &root, &mut watched) {
            report(Event::Note(&e.to_string()));
        }
        let what = describe(&root, &changes);
        let began = SystemTime::now();
        // Paths under the root (an edit of article bodies alone is quick);
        // one that is not stays whole, which the quick path never takes.
        let changed: Vec<PathBuf> = changes
            .iter()
            .map(|(_, p)| {
                let p = absolute(p);
                p.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(p)
            })
            .collect();
        let result = rebuild(&mut session, &shared, &changed);
        if let Err(e) = &result {
            held = hold_back(e, &root, &changes, held, began, settle);
            if held.is_some() {
                continue;
            }
        }
        held = None;
        changes.clear();
        announce(&shared, &what, result, report);
    }
    server.stop();
    if temporary {
        let _ = std::fs::remove_dir_all(&output);
    }
    Ok(())
}

/// On Ctrl-C, set the returned flag and tell the loop to stop. A second
/// handler cannot be set in one process (tests call `run` once per
/// process); then Ctrl-C simply ends the process.
fn stop_on_ctrl_c(tx: mpsc::Sender<Message>) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || {
        flag.store(true, Ordering::SeqCst);
        let _ = tx.send(Message::Stop);
    });
    stop
}

/// A failed rebuild is held back when a file it read (or one that changed)
/// was written during it or just before: it may have been read
/// half-written, so it is read again before the failure is told. Returns
/// (held since, retry at), or `None` to tell the failure now (also once it
/// has been held for ten settle times).
fn hold_back(
    e: &Error,
    root: &Path,
    changes: &[(Change, PathBuf)],
    held: Option<(Instant, Instant)>,
    began: SystemTime,
    settle: Duration,
) -> Option<(Instant, Instant)> {
    let since = held.map_or_else(Instant::now, |(since, _)| since);
    let files = e.diagnostics().into_iter().map(|d| root.join(d.file));
    let files = files.chain(changes.iter().map(|(_, p)| p.clone()));
    let wait = unsettled(files, began, settle)?;
    (since.elapsed() + wait < settle * 10).then(|| (since, Instant::now() + wait))
}

/// Start the server on the address asked for; its URL.
fn listen(addr: SocketAddr, shared: &Arc<Shared>) -> Result<(Server, String)> {
    let server = Server::start(addr, Arc::clone(shared)).map_err(|e| {
        Error::Usage(crate::t!(
            "watch-cannot-listen",
            address = addr.ip().to_string(),
            port = addr.port().to_string(),
            reason = &e
        ))
    })?;
    let host = match server.addr.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}/", server.addr.port());
    Ok((server, url))
}

/// What the watch loop does next.
enum Next {
    Stop,
    /// Nothing that matters changed.
    Wait,
    Rebuild,
}

/// Wait for changes (or, while a failed rebuild is held back, for the time
/// to retry it), then for a quiet moment, so that a save or a checkout
/// that touches many files gives one rebuild. `paths`: the site root and
/// the output, absolute.
fn next_changes(
    rx: &mpsc::Receiver<Message>,
    held: Option<(Instant, Instant)>,
    paths: (&Path, &Path),
    changes: &mut Vec<(Change, PathBuf)>,
    report: &mut dyn FnMut(Event<'_>),
) -> Next {
    let first = match held {
        None => match rx.recv() {
            Ok(m) => m,
            Err(_) => return Next::Stop,
        },
        Some((_, retry)) => {
            match rx.recv_timeout(retry.saturating_duration_since(Instant::now())) {
                Ok(m) => m,
                Err(mpsc::RecvTimeoutError::Timeout) => return Next::Rebuild,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Next::Stop,
            }
        }
    };
    if !take(first, paths, changes, report) {
        return Next::Stop;
    }
    if changes.is_empty() {
        return Next::Wait;
    }
    let started = Instant::now();
    while started.elapsed() < MAX_WAIT {
        match rx.recv_timeout(QUIET) {
            Ok(m) => {
                if !take(m, paths, changes, report) {
                    return Next::Stop;
                }
            }
            Err(_) => break,
        }
    }
    Next::Rebuild
}

/// Note the changes a message tells of; `false` when it asks to stop.
fn take(
    m: Message,
    (root, out_abs): (&Path, &Path),
    changes: &mut Vec<(Change, PathBuf)>,
    report: &mut dyn FnMut(Event<'_>),
) -> bool {
    match m {
        Message::Stop => false,
        Message::Fs(Ok(ev)) => {
            if changes_files(&ev.kind) {
                for p in ev.paths {
                    if let Some(c) = classify(root, out_abs, &absolute(&p)) {
                        changes.push((c, p));
                    }
                }
            }
            true
        }
        Message::Fs(Err(e)) => {
            report(Event::Note(&crate::t!(
                "watch-watcher-error",
                reason = e.to_string()
            )));
            true
        }
    }
}

/// Reads (including bantin's own) and access-time updates change nothing.
fn changes_files(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// Build again after `changed` (paths under the root; none: everything);
/// a success is published (see [`Shared::publish`]).
fn rebuild(
    session: &mut Session,
    shared: &Shared,
    changed: &[PathBuf],
) -> Result<session::Rebuilt> {
    // Open pages reload as soon as the pages are in place; the search
    // index's word buckets follow.
    let publish = &mut |moved: &[(String, String)], place: &mut dyn FnMut() -> Result<()>| {
        shared.publish(moved, place)
    };
    let result = session.rebuild_after_then(changed, publish);
    // A failed first build empties the folder, marker included.
    result.and_then(|r| mark_output(session.output()).map(|()| r))
}

/// Tell the terminal, and open pages about a failure.
fn announce(
    shared: &Shared,
    what: &str,
    result: Result<session::Rebuilt>,
    report: &mut dyn FnMut(Event<'_>),
) {
    match result {
        Ok(r) => {
            report(Event::Built { what, rebuilt: &r });
            // A category renamed moves all its articles: a few are named.
            for (old, new) in r.moved.iter().take(follow::NAMED) {
                report(Event::Note(&follow::note(old, new)));
            }
            if r.moved.len() > follow::NAMED {
                let more = r.moved.len() - follow::NAMED;
                report(Event::Note(&crate::t!("watch-moved-more", count = more)));
            }
        }
        Err(e) => {
            shared.rebuilt(e.diagnostics());
            report(Event::Failed { what, error: &e });
        }
    }
}

/// The served folder is bantin's: a later `build --output` may replace it.
fn mark_output(output: &Path) -> Result<()> {
    crate::output::mark(output)
        .map_err(|e| Error::output(output, &crate::t!("watch-cannot-mark"), &e))
}

/// How long after its last change a file may still be being written (an
/// editor or a `git checkout` that writes in several steps, slowed by a
/// busy machine): `BANTIN_WATCH_SETTLE_MS`, else [`SETTLE`].
fn settle_time() -> Duration {
    std::env::var("BANTIN_WATCH_SETTLE_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(SETTLE, Duration::from_millis)
}

/// If one of `files` changed later than `settle` before `began` (the start
/// of a rebuild that failed), how long to wait until the last of them has
/// been left alone for `settle`; `None` when all have been.
fn unsettled(
    files: impl Iterator<Item = PathBuf>,
    began: SystemTime,
    settle: Duration,
) -> Option<Duration> {
    let now = SystemTime::now();
    files
        .filter_map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
        .filter(|m| *m + settle > began)
        // A time in the future (another machine's clock) waits `settle`.
        .map(|m| {
            (m + settle)
                .duration_since(now)
                .unwrap_or_default()
                .min(settle)
        })
        .max()
}

/// `content/a.md changed`, `3 content files and the theme changed` …
fn describe(root: &Path, changes: &[(Change, PathBuf)]) -> String {
    let mut paths: Vec<&PathBuf> = changes.iter().map(|(_, p)| p).collect();
    paths.sort();
    paths.dedup();
    if let [one] = paths.as_slice() {
        let shown = one.strip_prefix(root).unwrap_or(one);
        return crate::t!("watch-changed", path = shown);
    }
    let mut kinds: Vec<Change> = changes.iter().map(|(c, _)| *c).collect();
    kinds.sort();
    kinds.dedup();
    let kinds: Vec<String> = kinds.iter().map(|k| k.label()).collect();
    crate::t!(
        "watch-files-changed",
        count = paths.len(),
        kinds = kinds.join(", ")
    )
}

/// The name of a preview folder, before the process id.
const PREVIEW_PREFIX: &str = "bantin-watch-";

/// Where the preview is written unless `--output` says: memory-backed
/// `/dev/shm` where there is one (fast, like Hugo's in-memory server),
/// else the system's temporary folder. Removed when `watch` stops.
pub fn preview_dir() -> PathBuf {
    let name = format!("{PREVIEW_PREFIX}{}", std::process::id());
    let shm = Path::new("/dev/shm");
    let writable =
        shm.is_dir() && std::fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly());
    if writable {
        shm.join(name)
    } else {
        std::env::temp_dir().join(name)
    }
}

/// `p` with links resolved, or only made absolute when it does not exist.
fn absolute(p: &Path) -> PathBuf {
    p.canonicalize()
        .unwrap_or_else(|_| crate::output::absolute(p))
}

/// Native events where they work, polling where asked or where they fail.
fn start_watcher(
    root: &Path,
    poll: bool,
    tx: mpsc::Sender<Message>,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<Box<dyn Watcher>> {
    let handler = move |ev| {
        let _ = tx.send(Message::Fs(ev));
    };
    let mut watcher: Box<dyn Watcher> = if poll {
        Box::new(poll_watcher(handler)?)
    } else {
        // Never through a link: a link to /usr in static/ would add a
        // watch for every folder of /usr (the build refuses such links).
        let config = notify::Config::default().with_follow_symlinks(false);
        match notify::RecommendedWatcher::new(handler.clone(), config) {
            Ok(w) => Box::new(w),
            Err(e) => {
                report(Event::Note(&crate::t!(
                    "watch-polling",
                    reason = e.to_string()
                )));
                Box::new(poll_watcher(handler)?)
            }
        }
    };
    // The root itself only for site.yaml and folders appearing; the source
    // folders recursively (`watch_sources`). `output/` and `target/` are
    // never watched.
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(root, e))?;
    Ok(watcher)
}

fn watch_error(p: &Path, e: notify::Error) -> Error {
    Error::Usage(crate::t!(
        "watch-cannot-watch",
        path = p,
        reason = e.to_string()
    ))
}

/// Watch each source folder that exists and is not watched yet. A folder
/// that a link takes outside the site is not watched (the build refuses
/// it, see `load::source_files`); links inside the folders are not
/// followed (see `start_watcher`).
fn watch_sources(watcher: &mut dyn Watcher, root: &Path, watched: &mut Vec<PathBuf>) -> Result<()> {
    watched.retain(|d| d.is_dir());
    for dir in ["content", "themes", "templates", "static"] {
        let d = root.join(dir);
        let inside = d.canonicalize().is_ok_and(|real| real.starts_with(root));
        if inside && d.is_dir() && !watched.contains(&d) {
            watcher
                .watch(&d, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&d, e))?;
            watched.push(d);
        }
    }
    Ok(())
}

fn poll_watcher<F: notify::EventHandler>(handler: F) -> Result<poll::Poller> {
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
    poll::Poller::new(handler, config)
        .map_err(|e| Error::Usage(crate::t!("watch-cannot-watch-site", reason = e.to_string())))
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(cmd)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

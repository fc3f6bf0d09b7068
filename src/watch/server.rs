//! The preview server of `bantin watch` (HTTP by [`super::http`]): serves
//! only files inside the watch output (no `..`, no encoded slashes, no
//! symlink escape), with content types, `ETag`/`Last-Modified`
//! revalidation, single byte ranges, HEAD, the site's own 404 page, the
//! live-reload script and its event stream, the error overlay injected
//! into every HTML page while the last rebuild failed, and a redirect from
//! the old address of an article that moved to its new one.

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use super::follow::Moved;
use super::http::{HttpServer, Limits, Reply};
use super::message::{Body, Request, Response, not_modified, wanted_range};
use super::overlay::{inject, lang_code, overlay};
use crate::error::{Diagnostic, Result};

/// The URL of the live-reload script; pages get it through the template
/// variable `live_reload`.
pub const LIVE_SCRIPT: &str = "/__bantin/live.js";
const EVENTS: &str = "/__bantin/events";
const SCRIPT: &str = include_str!("live.js");

/// What the builder tells the server.
#[derive(Debug, Default)]
struct Status {
    /// Changes on every rebuild, successful or not, and differs between
    /// server runs, so pages reload after a restart too.
    generation: u64,
    errors: Vec<Diagnostic>,
    stopping: bool,
}

/// State shared by the builder and the request threads.
pub struct Shared {
    root: PathBuf,
    status: Mutex<Status>,
    changed: Condvar,
    /// Held for reading while a request picks its file and the overlay,
    /// for writing while a rebuild moves pages into place and says so:
    /// a page is never served with the status of another build.
    gate: RwLock<()>,
    /// Articles that moved during this session (a title edited): an open
    /// tab reloading the old address is sent on to the new one.
    moved: Moved,
}

impl Shared {
    pub fn new(root: PathBuf) -> Arc<Shared> {
        let start = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Arc::new(Shared {
            root,
            status: Mutex::new(Status {
                generation: start,
                ..Status::default()
            }),
            changed: Condvar::new(),
            gate: RwLock::new(()),
            moved: Moved::default(),
        })
    }

    /// Record a rebuild: `errors` empty when it succeeded.
    pub fn rebuilt(&self, errors: Vec<Diagnostic>) {
        let mut s = self.lock();
        s.generation = s.generation.wrapping_add(1);
        s.errors = errors;
        self.changed.notify_all();
    }

    /// Run `place` (a successful rebuild moving its pages into place) and
    /// record the success and the addresses that `moved`, with no request
    /// served in between: the reload it triggers finds them.
    pub fn publish(
        &self,
        moved: &[(String, String)],
        place: &mut dyn FnMut() -> Result<()>,
    ) -> Result<()> {
        let _writing = self.gate.write().unwrap_or_else(|p| p.into_inner());
        place()?;
        self.moved.record(moved);
        self.rebuilt(Vec::new());
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub struct Server {
    http: HttpServer,
    shared: Arc<Shared>,
    pub addr: SocketAddr,
}

impl Server {
    /// Listen on `addr` (port 0 picks a free port) and serve `shared.root`,
    /// within [`Limits::from_env`].
    pub fn start(addr: SocketAddr, shared: Arc<Shared>) -> std::io::Result<Server> {
        let handler = {
            let shared = Arc::clone(&shared);
            Arc::new(move |req: &Request| handle(req, &shared))
        };
        let http = HttpServer::start(addr, Limits::from_env(), handler)?;
        Ok(Server {
            addr: http.addr,
            http,
            shared,
        })
    }

    /// Stop serving: open event streams end, connections close.
    pub fn stop(self) {
        self.shared.lock().stopping = true;
        self.shared.changed.notify_all();
        self.http.stop();
    }
}

/// Where a request path leads inside the served folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// A folder asked without its trailing slash.
    Redirect(String),
    NotFound,
    /// `..`, encoded separators, NUL, a symlink leading outside …
    Refused,
}

/// Map a URL path (query already removed) to a file under `root`.
pub fn resolve(root: &Path, url_path: &str) -> Target {
    let Some(rest) = url_path.strip_prefix('/') else {
        return Target::Refused;
    };
    let mut path = root.to_path_buf();
    for raw in rest.split('/') {
        let Some(seg) = decode_segment(raw) else {
            return Target::Refused;
        };
        if seg == ".." || seg == "." {
            return Target::Refused;
        }
        if !seg.is_empty() {
            path.push(seg);
        }
    }
    if path.is_dir() {
        if !url_path.ends_with('/') {
            return Target::Redirect(format!("{url_path}/"));
        }
        path.push(crate::routes::INDEX);
    }
    let (Ok(real), Ok(real_root)) = (path.canonicalize(), root.canonicalize()) else {
        return Target::NotFound;
    };
    if !real.starts_with(&real_root) {
        return Target::Refused;
    }
    if real.is_file() {
        Target::File(real)
    } else {
        Target::NotFound
    }
}

/// Percent-decode one path segment; `None` for anything that could name
/// another folder or is not text.
/// A `%` not followed by two hex digits is refused too.
fn decode_segment(raw: &str) -> Option<String> {
    let escapes_whole = raw.split('%').skip(1).all(|rest| {
        rest.as_bytes()
            .get(..2)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_whole {
        return None;
    }
    let s = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    (!s.contains(['/', '\\', '\0'])).then(|| s.into_owned())
}

/// The `Content-Type` of a file, by its extension (`mime_guess`'s table);
/// text is UTF-8, as bantin writes it, and XML (feeds, sitemaps) is
/// `application/xml`, which RFC 7303 prefers to the table's `text/xml`.
pub fn content_type(path: &Path) -> String {
    use mime_guess::mime;
    let guess = mime_guess::from_path(path).first_or_octet_stream();
    match (guess.type_(), guess.subtype()) {
        (mime::TEXT, mime::XML) => "application/xml; charset=utf-8".into(),
        (mime::TEXT, _) => format!("{guess}; charset=utf-8"),
        _ => guess.to_string(),
    }
}

fn handle(req: &Request, shared: &Arc<Shared>) -> Reply {
    if !matches!(req.method.as_str(), "GET" | "HEAD") {
        return Reply::Response(
            Response::text(405, "405 Method Not Allowed\n").header("Allow", "GET, HEAD"),
        );
    }
    let path = req.target.split(['?', '#']).next().unwrap_or("/");
    match path {
        LIVE_SCRIPT => Reply::Response(
            Response::new(200, Body::Bytes(SCRIPT.as_bytes().to_vec()))
                .header("Content-Type", "text/javascript; charset=utf-8")
                .header("Cache-Control", "no-cache"),
        ),
        EVENTS => {
            let shared = Arc::clone(shared);
            Reply::Stream(Box::new(move |s| events(s, &shared)))
        }
        _ => Reply::Response(serve(req, path, shared)),
    }
}

/// Server-sent events: the build generation now and after every rebuild.
fn events(w: &mut std::net::TcpStream, shared: &Shared) {
    use std::io::Write;
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut seen = None;
    let mut status = shared.lock();
    loop {
        if status.stopping {
            return;
        }
        let message = if seen != Some(status.generation) {
            seen = Some(status.generation);
            format!("event: build\ndata: {}\n\n", status.generation)
        } else {
            ": keep-alive\n\n".to_string()
        };
        drop(status);
        if w.write_all(message.as_bytes()).is_err() {
            return;
        }
        status = shared.lock();
        if seen == Some(status.generation) && !status.stopping {
            status = shared
                .changed
                .wait_timeout(status, Duration::from_secs(15))
                .map(|(g, _)| g)
                .unwrap_or_else(|p| p.into_inner().0);
        }
    }
}

/// The file a request gets, opened, with the state of the build it
/// belongs to.
struct Found {
    file: File,
    meta: std::fs::Metadata,
    path: PathBuf,
    status: u16,
    generation: u64,
    overlay: Option<String>,
}

/// Pick and open the file for `path` under the gate (see [`Shared`]);
/// `Err` is the whole answer.
fn find_file(path: &str, shared: &Shared) -> std::result::Result<Found, Response> {
    let _reading = shared.gate.read().unwrap_or_else(|p| p.into_inner());
    let (generation, overlay) = {
        let s = shared.lock();
        let overlay = (!s.errors.is_empty()).then(|| overlay(&s.errors));
        (s.generation, overlay)
    };
    let (file, status) = match resolve(&shared.root, path) {
        Target::File(f) => (f, 200),
        Target::Redirect(to) => return Err(Response::new(301, Body::Empty).header("Location", to)),
        Target::Refused => return Err(Response::text(403, "403 Forbidden\n")),
        Target::NotFound => match shared.moved.to(path) {
            // Not cached: the old address may be in use again later.
            Some(to) => {
                return Err(Response::new(302, Body::Empty)
                    .header("Location", to)
                    .header("Cache-Control", "no-store"));
            }
            None => (shared.root.join(crate::routes::NOT_FOUND), 404),
        },
    };
    let opened = File::open(&file).and_then(|f| Ok((f.metadata()?, f)));
    match opened {
        Ok((meta, f)) if meta.is_file() => Ok(Found {
            file: f,
            meta,
            path: file,
            status,
            generation,
            overlay,
        }),
        // Nothing built yet (the first build failed) or no 404 page.
        _ => {
            let body = format!(
                "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>bantin</title></head><body>{}<p>{}</p><script src=\"{LIVE_SCRIPT}\"></script></body></html>",
                lang_code(),
                overlay.unwrap_or_default(),
                crate::render::escape_text(&crate::t!("watch-not-found"))
            );
            Err(Response::new(404, Body::Bytes(body.into_bytes()))
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Cache-Control", "no-cache"))
        }
    }
}

fn serve(req: &Request, path: &str, shared: &Shared) -> Response {
    let found = match find_file(path, shared) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let ctype = content_type(&found.path);
    let html = ctype.starts_with("text/html");
    let modified = found.meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let nanos = modified
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let len = found.meta.len();
    let overlay = found.overlay.filter(|_| html);
    let etag = match &overlay {
        Some(_) => format!("\"{len:x}-{nanos:x}-e{:x}\"", found.generation),
        None => format!("\"{len:x}-{nanos:x}\""),
    };
    let last_modified = httpdate::fmt_http_date(modified);
    let common = |r: Response| {
        r.header("Content-Type", ctype.clone())
            .header("ETag", etag.clone())
            .header("Last-Modified", last_modified.clone())
            .header("Cache-Control", "no-cache")
            .header("X-Content-Type-Options", "nosniff")
    };
    if found.status == 200 && not_modified(req, &etag, modified, overlay.is_some()) {
        return common(Response::new(304, Body::Empty));
    }
    let body = match &overlay {
        Some(o) => {
            let mut page = Vec::with_capacity(len as usize);
            if std::io::Read::read_to_end(&mut &found.file, &mut page).is_err() {
                return Response::new(404, Body::Empty);
            }
            Body::Bytes(inject(&page, o))
        }
        None => Body::File {
            file: found.file,
            offset: 0,
            len,
        },
    };
    if found.status != 200 {
        return common(Response::new(found.status, body));
    }
    let total = match &body {
        Body::Bytes(b) => b.len() as u64,
        _ => len,
    };
    match wanted_range(req, total, &etag, &last_modified) {
        None => common(Response::new(200, body)).header("Accept-Ranges", "bytes"),
        Some(Err(())) => common(Response::new(416, Body::Empty))
            .header("Content-Range", format!("bytes */{total}")),
        Some(Ok((first, last))) => {
            let part = match body {
                Body::Bytes(b) => Body::Bytes(b[first as usize..=last as usize].to_vec()),
                Body::File { file, .. } => Body::File {
                    file,
                    offset: first,
                    len: last - first + 1,
                },
                Body::Empty => Body::Empty,
            };
            common(Response::new(206, part))
                .header("Accept-Ranges", "bytes")
                .header("Content-Range", format!("bytes {first}-{last}/{total}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_refuses_traversal_and_finds_files() {
        let dir = std::env::temp_dir().join(format!("bantin-resolve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("site/tin-tuc")).unwrap();
        std::fs::write(dir.join("site/tin-tuc/index.html"), "x").unwrap();
        std::fs::write(dir.join("secret.txt"), "s").unwrap();
        let root = dir.join("site");
        assert!(matches!(resolve(&root, "/tin-tuc/"), Target::File(_)));
        assert_eq!(
            resolve(&root, "/tin-tuc"),
            Target::Redirect("/tin-tuc/".into())
        );
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/tin-tuc%2f..%2f..%2fsecret.txt",
            "/a%5c..",
            "/%00",
            "/%zz",
            "relative",
        ] {
            assert_eq!(resolve(&root, bad), Target::Refused, "{bad}");
        }
        assert_eq!(resolve(&root, "/khong-co/"), Target::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("secret.txt"), root.join("link.txt")).unwrap();
            assert_eq!(resolve(&root, "/link.txt"), Target::Refused);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn segments_decode_whole_escapes_only() {
        assert_eq!(
            decode_segment("ph%E1%BB%A5-l%E1%BB%A5c").as_deref(),
            Some("phụ-lục")
        );
        assert_eq!(decode_segment("tin-tuc").as_deref(), Some("tin-tuc"));
        // A letter cut short, a sign read as a digit, a short or split
        // escape, another folder: refused, never a panic.
        for bad in [
            "%E1%BB", "%E1%BBx", "%é", "%Eé", "%+1", "%2", "%", "a%2fb", "%5c", "%00",
        ] {
            assert_eq!(decode_segment(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        let t = |name: &str| content_type(Path::new(name));
        assert_eq!(t("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(t("assets/style.CSS"), "text/css; charset=utf-8");
        assert_eq!(t("assets/bantin.js"), "text/javascript; charset=utf-8");
        assert_eq!(t("rss.xml"), "application/xml; charset=utf-8");
        assert_eq!(t("tim-kiem/index.json"), "application/json");
        assert_eq!(t("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(t("assets/emblem.svg"), "image/svg+xml");
        assert_eq!(t("anh.jpg"), "image/jpeg");
        assert_eq!(t("a.avif"), "image/avif");
        assert_eq!(
            t("bieu-mau.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(t("khong-ro"), "application/octet-stream");
        assert_eq!(t("a.khong-ro"), "application/octet-stream");
    }

    #[test]
    fn a_page_is_never_served_with_another_builds_errors() {
        let dir = tempfile::tempdir().unwrap();
        let shared = Shared::new(dir.path().to_path_buf());
        shared.rebuilt(vec![Diagnostic::new("content/a.md", "broken")]);
        let (placed, told) = std::sync::mpsc::channel();
        let publisher = {
            let shared = Arc::clone(&shared);
            let page = dir.path().join("new.html");
            std::thread::spawn(move || {
                shared.publish(&[], &mut || {
                    std::fs::write(&page, "<body>new</body>").unwrap();
                    placed.send(()).unwrap();
                    std::thread::sleep(Duration::from_millis(300));
                    Ok(())
                })
            })
        };
        told.recv().unwrap();
        // The new page is on disk, the failure not yet cleared: the
        // request waits for the rebuild to say it succeeded.
        let (req, _) = super::super::message::parse(b"GET /new.html HTTP/1.1\r\n\r\n")
            .unwrap()
            .unwrap();
        let r = serve(&req, "/new.html", &shared);
        assert_eq!(r.status, 200);
        assert!(
            matches!(r.body, Body::File { .. }),
            "the new page was served with the old build's error overlay"
        );
        publisher.join().unwrap().unwrap();
    }
}

//! The preview server of `bantin watch` (HTTP by `tiny_http`): serves only
//! files inside the watch output (no `..`, no encoded slashes, no symlink
//! escape), with content types, `ETag`/`Last-Modified` revalidation, HEAD,
//! the site's own 404 page, the live-reload script and its event stream,
//! and the error overlay injected into every HTML page while the last
//! rebuild failed.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::error::Diagnostic;

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
        })
    }

    /// Record a rebuild: `errors` empty when it succeeded.
    pub fn rebuilt(&self, errors: Vec<Diagnostic>) {
        let mut s = self.lock();
        s.generation = s.generation.wrapping_add(1);
        s.errors = errors;
        self.changed.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub struct Server {
    http: Arc<tiny_http::Server>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    pub addr: SocketAddr,
}

impl Server {
    /// Listen on `addr` (port 0 picks a free port) and serve `shared.root`.
    pub fn start(addr: SocketAddr, shared: Arc<Shared>) -> std::io::Result<Server> {
        let http = tiny_http::Server::http(addr).map_err(std::io::Error::other)?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not an IP listener"))?;
        let http = Arc::new(http);
        let workers = (0..4)
            .map(|_| {
                let (http, shared) = (Arc::clone(&http), Arc::clone(&shared));
                std::thread::spawn(move || {
                    while let Ok(req) = http.recv() {
                        handle(req, &shared);
                    }
                })
            })
            .collect();
        Ok(Server {
            http,
            shared,
            workers,
            addr,
        })
    }

    /// Stop serving: open event streams end, workers return.
    pub fn stop(self) {
        self.shared.lock().stopping = true;
        self.shared.changed.notify_all();
        for _ in &self.workers {
            self.http.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
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
        path.push("index.html");
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
fn decode_segment(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains(['/', '\\', '\0'])).then_some(s)
}

pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ours and ASCII; an invalid one is skipped.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Bantin"[..], &b"1"[..]).expect("valid header"))
}

fn handle(req: Request, shared: &Arc<Shared>) {
    if !matches!(req.method(), Method::Get | Method::Head) {
        let r = Response::from_string("405 Method Not Allowed")
            .with_status_code(405)
            .with_header(header("Allow", "GET, HEAD"));
        let _ = req.respond(r);
        return;
    }
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        LIVE_SCRIPT => {
            let r = Response::from_string(SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                .with_header(header("Cache-Control", "no-cache"));
            let _ = req.respond(r);
        }
        EVENTS => {
            let shared = Arc::clone(shared);
            std::thread::spawn(move || events(req, &shared));
        }
        _ => serve(req, path, shared),
    }
}

/// Server-sent events: the build generation now and after every rebuild.
fn events(req: Request, shared: &Shared) {
    let mut w = req.into_writer();
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
        if w.write_all(message.as_bytes())
            .and_then(|_| w.flush())
            .is_err()
        {
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

fn serve(req: Request, path: &str, shared: &Shared) {
    let (generation, overlay) = {
        let s = shared.lock();
        (
            s.generation,
            (!s.errors.is_empty()).then(|| overlay(&s.errors)),
        )
    };
    let (file, status) = match resolve(&shared.root, path) {
        Target::File(f) => (Some(f), 200),
        Target::Redirect(to) => {
            let r = Response::empty(301).with_header(header("Location", &to));
            let _ = req.respond(r);
            return;
        }
        Target::Refused => {
            let _ = req.respond(Response::from_string("403 Forbidden").with_status_code(403));
            return;
        }
        Target::NotFound => {
            let f = shared.root.join("404.html");
            (f.is_file().then_some(f), 404)
        }
    };
    let Some(file) = file else {
        // Nothing built yet (the first build failed) or no 404 page.
        let body = format!(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>bantin</title></head><body>{}<p>Không tìm thấy trang.</p><script src=\"{LIVE_SCRIPT}\"></script></body></html>",
            overlay.unwrap_or_default()
        );
        let r = Response::from_string(body)
            .with_status_code(404)
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .with_header(header("Cache-Control", "no-cache"));
        let _ = req.respond(r);
        return;
    };
    let Ok(meta) = std::fs::metadata(&file) else {
        let _ = req.respond(Response::empty(404));
        return;
    };
    let ctype = content_type(&file);
    let html = ctype.starts_with("text/html");
    let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let nanos = modified
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let etag = match (&overlay, html) {
        (Some(_), true) => format!("\"{:x}-{nanos:x}-e{generation:x}\"", meta.len()),
        _ => format!("\"{:x}-{nanos:x}\"", meta.len()),
    };
    let last_modified = httpdate::fmt_http_date(modified);
    let not_modified = status == 200 && {
        let get = |name: &'static str| {
            req.headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_string())
        };
        match get("If-None-Match") {
            Some(tags) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
            None => get("If-Modified-Since")
                .and_then(|d| httpdate::parse_http_date(&d).ok())
                .is_some_and(|since| {
                    overlay.is_none()
                        && modified
                            .duration_since(since)
                            .map_or(true, |d| d < Duration::from_secs(1))
                }),
        }
    };
    fn common<R: std::io::Read>(
        r: Response<R>,
        ctype: &str,
        etag: &str,
        modified: &str,
    ) -> Response<R> {
        r.with_header(header("Content-Type", ctype))
            .with_header(header("ETag", etag))
            .with_header(header("Last-Modified", modified))
            .with_header(header("Cache-Control", "no-cache"))
            .with_header(header("X-Content-Type-Options", "nosniff"))
    }
    if not_modified {
        let _ = req.respond(common(Response::empty(304), ctype, &etag, &last_modified));
        return;
    }
    let Ok(mut body) = std::fs::read(&file) else {
        let _ = req.respond(Response::empty(404));
        return;
    };
    if let (true, Some(o)) = (html, &overlay) {
        body = inject(&body, o);
    }
    let r = common(Response::from_data(body), ctype, &etag, &last_modified)
        .with_status_code(StatusCode(status));
    let _ = req.respond(r);
}

/// Put `overlay` right after the `<body …>` tag (or first, without one).
fn inject(page: &[u8], overlay: &str) -> Vec<u8> {
    let at = find(page, b"<body")
        .and_then(|i| page[i..].iter().position(|b| *b == b'>').map(|j| i + j + 1))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(page.len() + overlay.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(overlay.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The error overlay: every diagnostic in full, HTML-escaped.
fn overlay(errors: &[Diagnostic]) -> String {
    let text: String = errors
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n\n");
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<div id=\"bantin-error\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:16px 20px;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00000;box-shadow:0 4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif\"><strong>Bản dựng bị lỗi — trang đang hiển thị là bản tốt gần nhất. Sửa tệp dưới đây, trang sẽ tự tải lại.</strong><pre style=\"white-space:pre-wrap;font:14px/1.5 monospace;margin:8px 0 0\">{escaped}</pre></div>"
    )
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
    fn overlay_goes_after_body_and_is_escaped() {
        let d = Diagnostic::new("content/a.md", "bad <b>").at(3, Some(1));
        let o = overlay(&[d]);
        assert!(o.contains("content/a.md:3:1") && o.contains("bad &lt;b&gt;"));
        let page = inject(
            b"<html><body class=\"x\"><p>hi</p></body></html>",
            "<div>E</div>",
        );
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><body class=\"x\"><div>E</div><p>hi</p></body></html>"
        );
    }
}

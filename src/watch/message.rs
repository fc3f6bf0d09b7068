//! HTTP/1.1 messages for the preview server: the request head as parsed
//! by `httparse`, the response and how it is written (always with a
//! `Content-Length`), and the conditional and range rules of RFC 9110
//! (`If-None-Match`, `If-Modified-Since`, one byte range, `If-Range`).

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, SystemTime};

/// One request head: only what the preview server looks at.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The path and query, as sent (an absolute URL is cut to its path).
    pub target: String,
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub minor: u8,
    headers: Vec<(String, String)>,
}

impl Request {
    /// The first header called `name` (case-insensitive), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    fn has_token(&self, name: &str, token: &str) -> bool {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    }

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 only
    /// when told `keep-alive`.
    pub fn keep_alive(&self) -> bool {
        if self.minor == 0 {
            self.has_token("Connection", "keep-alive")
        } else {
            !self.has_token("Connection", "close")
        }
    }

    /// A body follows the head (which this server never reads).
    pub fn has_body(&self) -> bool {
        self.header("Transfer-Encoding").is_some()
            || self
                .header("Content-Length")
                .is_some_and(|n| n.parse::<u64>() != Ok(0))
    }
}

pub enum Body {
    Empty,
    Bytes(Vec<u8>),
    /// `len` bytes of `file` from `offset`.
    File {
        file: File,
        offset: u64,
        len: u64,
    },
}

impl Body {
    fn len(&self) -> u64 {
        match self {
            Body::Empty => 0,
            Body::Bytes(b) => b.len() as u64,
            Body::File { len, .. } => *len,
        }
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

impl Response {
    pub fn new(status: u16, body: Body) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body,
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response::new(status, Body::Bytes(text.as_bytes().to_vec()))
            .header("Content-Type", "text/plain; charset=utf-8")
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

/// `Ok(None)`: the head is not complete yet.
pub fn parse(buf: &[u8]) -> Result<Option<(Request, usize)>, httparse::Error> {
    let mut headers = [httparse::EMPTY_HEADER; 100];
    let mut req = httparse::Request::new(&mut headers);
    let httparse::Status::Complete(used) = req.parse(buf)? else {
        return Ok(None);
    };
    let (Some(method), Some(target), Some(minor)) = (req.method, req.path, req.version) else {
        return Err(httparse::Error::Token);
    };
    // An absolute URL (as sent to a proxy) names its path after the host.
    let target = match target.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".to_string(),
        },
        None => target.to_string(),
    };
    let headers = req
        .headers
        .iter()
        .map(|h| {
            let value = String::from_utf8_lossy(h.value).into_owned();
            (h.name.to_string(), value)
        })
        .collect();
    let request = Request {
        method: method.to_string(),
        target,
        minor,
        headers,
    };
    Ok(Some((request, used)))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Write `r` with its `Content-Length` (the body's, also for HEAD) and a
/// `Connection` header saying whether the connection stays open.
pub fn write_response(
    s: &mut TcpStream,
    r: &Response,
    head_only: bool,
    keep: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\n",
        r.status,
        reason(r.status),
        httpdate::fmt_http_date(SystemTime::now())
    );
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if r.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    head.push_str(if keep {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    let send_body = !head_only && r.status != 304;
    match &r.body {
        Body::Bytes(b) if send_body => {
            let mut all = head.into_bytes();
            all.extend_from_slice(b);
            s.write_all(&all)
        }
        Body::File { file, offset, len } if send_body => {
            s.write_all(head.as_bytes())?;
            let mut f = file;
            std::io::Seek::seek(&mut f, io::SeekFrom::Start(*offset))?;
            let sent = io::copy(&mut f.take(*len), s)?;
            if sent < *len {
                // The file shrank under us: the length sent is wrong, so
                // the connection cannot go on.
                return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
            }
            Ok(())
        }
        _ => s.write_all(head.as_bytes()),
    }
}

/// `If-None-Match` (or, without it, `If-Modified-Since`) says the client's
/// copy is current.
pub fn not_modified(req: &Request, etag: &str, modified: SystemTime, overlay: bool) -> bool {
    match req.header("If-None-Match") {
        Some(tags) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
        None => req
            .header("If-Modified-Since")
            .and_then(|d| httpdate::parse_http_date(d).ok())
            .is_some_and(|since| {
                !overlay
                    && modified
                        .duration_since(since)
                        .map_or(true, |d| d < Duration::from_secs(1))
            }),
    }
}

/// The one byte range asked (`bytes=a-b`, `a-`, `-n`) as first and last
/// byte; `None` to send the whole body (no range, several ranges, one not
/// understood, or an `If-Range` that no longer holds); `Err` when it lies
/// past the end.
pub fn wanted_range(
    req: &Request,
    total: u64,
    etag: &str,
    last_modified: &str,
) -> Option<std::result::Result<(u64, u64), ()>> {
    let spec = req.header("Range")?;
    if let Some(cond) = req.header("If-Range")
        && cond != etag
        && cond != last_modified
    {
        return None;
    }
    let (unit, set) = spec.split_once('=')?;
    if !unit.trim().eq_ignore_ascii_case("bytes") || set.contains(',') {
        return None;
    }
    let (a, b) = set.trim().split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        if n == 0 || total == 0 {
            return Some(Err(()));
        }
        return Some(Ok((total.saturating_sub(n), total - 1)));
    }
    let first: u64 = a.parse().ok()?;
    let last = match b {
        "" => u64::MAX,
        b => b.parse().ok()?,
    };
    if last < first {
        return None;
    }
    if first >= total {
        return Some(Err(()));
    }
    Some(Ok((first, last.min(total - 1))))
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_heads_and_keep_alive_rules() {
        let (r, used) = parse(b"GET /a?b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET")
            .unwrap()
            .unwrap();
        assert_eq!(
            (r.method.as_str(), r.target.as_str(), r.minor),
            ("GET", "/a?b", 0)
        );
        assert_eq!(used, 45);
        assert!(r.keep_alive());
        let (r, _) = parse(b"GET http://x:1/p/q HTTP/1.1\r\nConnection: te, close\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(r.target, "/p/q");
        assert!(!r.keep_alive());
        let (r, _) = parse(b"HEAD / HTTP/1.0\r\n\r\n").unwrap().unwrap();
        assert!(!r.keep_alive());
        let (r, _) = parse(b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
            .unwrap()
            .unwrap();
        assert!(r.keep_alive() && !r.has_body());
        assert!(parse(b"GET / HTTP/1.1\r\nHost: x").unwrap().is_none());
        assert!(parse(b"GET / HTTP/9.9\r\n\r\n").is_err());
    }
}

//! The preview server as a stranger on the office network meets it
//! (`watch --bind 0.0.0.0`): the real binary on a free port of 127.0.0.1,
//! raw sockets. Oversized heads, idle and slow connections, too many
//! connections, HTTP/1.0 and 1.1 persistent connections, ranges and
//! revalidation. Limits are made small through the environment so that
//! every test stays fast; every wait has a deadline.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use std::{fs, thread};

use common::watch::{DEADLINE, Watch, start_env};

/// `bantin watch` on a copy of the sample site, with `env` set.
fn start(env: &[(&str, &str)]) -> Watch {
    start_env(false, &[], env)
}

impl Watch {
    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        s
    }

    /// Resident memory of the server process, in KiB.
    fn rss_kib(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// Read one response from a persistent connection: the head, then
/// exactly `Content-Length` bytes (none for HEAD and 304).
fn read_reply(r: &mut BufReader<TcpStream>, head_only: bool) -> Reply {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        assert!(r.read_line(&mut line).unwrap() > 0, "closed before a reply");
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut reply = Reply {
        status,
        head,
        body: Vec::new(),
    };
    if !head_only && status != 304 {
        let len: usize = reply
            .header("content-length")
            .expect("a response without Content-Length")
            .parse()
            .unwrap();
        reply.body = vec![0; len];
        r.read_exact(&mut reply.body).unwrap();
    }
    reply
}

/// Whether the server closes `s` within `within` (reading nothing more).
fn closed_within(s: &mut impl Read, within: Duration) -> bool {
    let start = Instant::now();
    let mut byte = [0u8; 1];
    loop {
        match s.read(&mut byte) {
            Ok(0) => return true,
            Ok(_) => panic!("unexpected bytes from the server"),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) if start.elapsed() < within => continue,
            Err(_) => return false,
        }
    }
}

#[test]
fn an_oversized_head_gets_431_without_being_read() {
    let w = start(&[]);
    let before = w.rss_kib();
    let s = w.connect();
    let sent = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (mut s, sent) = (s.try_clone().unwrap(), Arc::clone(&sent));
        thread::spawn(move || {
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..1024 {
                if s.write_all(&chunk).is_err() {
                    return;
                }
                sent.fetch_add(chunk.len(), Ordering::SeqCst);
            }
            let _ = s.write_all(b"\r\n\r\n");
        })
    };
    let started = Instant::now();
    let mut r = BufReader::new(s);
    let mut status = String::new();
    r.read_line(&mut status).unwrap();
    assert!(
        status.starts_with("HTTP/1.1 431 "),
        "64 MB head answered {status:?} after {:?}",
        started.elapsed()
    );
    assert!(
        sent.load(Ordering::SeqCst) < 32 << 20,
        "the server read {} bytes of the head before answering",
        sent.load(Ordering::SeqCst)
    );
    drop(r);
    writer.join().unwrap();
    assert!(
        sent.load(Ordering::SeqCst) < 64 << 20,
        "the server read the whole head"
    );
    let grown = w.rss_kib().saturating_sub(before);
    assert!(grown < 16 * 1024, "server memory grew by {grown} KiB");
    // The server goes on serving.
    let mut r = BufReader::new(w.connect());
    write!(r.get_mut(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    assert_eq!(read_reply(&mut r, false).status, 200);
}

#[test]
fn idle_and_slow_connections_are_closed() {
    let w = start(&[("BANTIN_WATCH_IDLE_MS", "300")]);
    // Connected, nothing sent.
    let mut quiet = w.connect();
    assert!(
        closed_within(&mut quiet, Duration::from_secs(10)),
        "an idle connection stayed open"
    );
    // A persistent connection after its request.
    let mut r = BufReader::new(w.connect());
    write!(r.get_mut(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let reply = read_reply(&mut r, false);
    assert_eq!(reply.header("connection").as_deref(), Some("keep-alive"));
    let started = Instant::now();
    assert!(closed_within(&mut r, Duration::from_secs(10)));
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "closed too soon"
    );
    // A head begun and never finished gets 408, however slowly it trickles.
    let mut slow = w.connect();
    slow.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    for _ in 0..3 {
        thread::sleep(Duration::from_millis(150));
        let _ = slow.write_all(b"X-Slow: 1\r\n");
    }
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
}

#[test]
fn the_live_reload_stream_is_not_idle() {
    let w = start(&[("BANTIN_WATCH_IDLE_MS", "200")]);
    let mut s = w.connect();
    write!(s, "GET /__bantin/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    let mut line = String::new();
    while !line.starts_with("data: ") {
        line.clear();
        assert!(r.read_line(&mut line).unwrap() > 0, "stream closed");
    }
    line.clear();
    r.read_line(&mut line).unwrap();
    assert_eq!(line, "\n", "the event does not end");
    // Well past the idle limit, the stream is still open: nothing comes,
    // and the read times out rather than ending.
    r.get_ref()
        .set_read_timeout(Some(Duration::from_millis(1200)))
        .unwrap();
    line.clear();
    let err = r
        .read_line(&mut line)
        .expect_err("the stream sent or ended");
    assert!(
        matches!(
            err.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
        "{err}"
    );
}

#[test]
fn connections_past_the_cap_get_503() {
    let w = start(&[
        ("BANTIN_WATCH_MAX_CONNECTIONS", "3"),
        ("BANTIN_WATCH_IDLE_MS", "20000"),
    ]);
    let mut held: Vec<BufReader<TcpStream>> = (0..3)
        .map(|_| {
            let mut r = BufReader::new(w.connect());
            write!(r.get_mut(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            assert_eq!(read_reply(&mut r, false).status, 200);
            r
        })
        .collect();
    let mut extra = w.connect();
    write!(extra, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    let _ = extra.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
    assert!(answer.contains("Retry-After: 1"), "{answer}");
    // One leaves: a place is free again.
    drop(held.pop());
    let start = Instant::now();
    loop {
        let mut r = BufReader::new(w.connect());
        write!(r.get_mut(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        if read_reply(&mut r, false).status == 200 {
            break;
        }
        assert!(start.elapsed() < DEADLINE, "the freed place was not reused");
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn persistent_connections_as_http_1_0_and_1_1_define_them() {
    let w = start(&[]);
    // HTTP/1.0 asking to keep the connection (`ab -k`): a length, the
    // connection kept, a second request answered on it.
    let mut r = BufReader::new(w.connect());
    for _ in 0..2 {
        write!(
            r.get_mut(),
            "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"
        )
        .unwrap();
        let reply = read_reply(&mut r, false);
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("connection").as_deref(), Some("keep-alive"));
        assert!(String::from_utf8_lossy(&reply.body).contains("</html>"));
    }
    // HTTP/1.0 without it: the body, then the connection closes.
    let mut s = w.connect();
    write!(s, "GET / HTTP/1.0\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let all = String::from_utf8_lossy(&all);
    assert!(all.contains("Connection: close") && all.contains("</html>"));
    // HTTP/1.1 keeps it by default, pipelined requests included, HEAD too.
    let mut r = BufReader::new(w.connect());
    write!(
        r.get_mut(),
        "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /assets/style.css HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let head = read_reply(&mut r, true);
    assert_eq!(head.status, 200);
    let css = read_reply(&mut r, false);
    assert_eq!(
        css.header("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    let page = read_reply(&mut r, false);
    assert_eq!(
        page.body.len().to_string(),
        head.header("content-length").unwrap()
    );
    assert_eq!(page.header("connection").as_deref(), Some("close"));
    assert!(closed_within(&mut r, Duration::from_secs(5)));
    // A request with a body (never read) is answered, then closed.
    let mut s = w.connect();
    write!(
        s,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
    )
    .unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    assert!(String::from_utf8_lossy(&all).starts_with("HTTP/1.1 405 "));
}

#[test]
fn ranges_etags_and_not_modified() {
    let w = start(&[]);
    let mut r = BufReader::new(w.connect());
    let mut get = |headers: &str| {
        write!(
            r.get_mut(),
            "GET /assets/style.css HTTP/1.1\r\nHost: x\r\n{headers}\r\n"
        )
        .unwrap();
        read_reply(&mut r, false)
    };
    let full = get("");
    assert_eq!(full.status, 200);
    assert_eq!(full.header("accept-ranges").as_deref(), Some("bytes"));
    let n = full.body.len();
    let etag = full.header("etag").unwrap();
    let modified = full.header("last-modified").unwrap();
    for (range, from, to) in [
        ("bytes=0-9", 0, 9),
        ("bytes=10-", 10, n - 1),
        ("bytes=-5", n - 5, n - 1),
        ("bytes=3-100000000", 3, n - 1),
    ] {
        let part = get(&format!("Range: {range}\r\n"));
        assert_eq!(part.status, 206, "{range}");
        assert_eq!(
            part.header("content-range").unwrap(),
            format!("bytes {from}-{to}/{n}")
        );
        assert_eq!(part.body, full.body[from..=to], "{range}");
    }
    let past = get(&format!("Range: bytes={n}-\r\n"));
    assert_eq!(past.status, 416);
    assert_eq!(
        past.header("content-range").unwrap(),
        format!("bytes */{n}")
    );
    // Several ranges, or an If-Range that no longer holds: the whole file.
    assert_eq!(get("Range: bytes=0-1,4-5\r\n").body, full.body);
    let stale = get("Range: bytes=0-9\r\nIf-Range: \"old\"\r\n");
    assert_eq!((stale.status, stale.body.len()), (200, n));
    let fresh = get(&format!("Range: bytes=0-9\r\nIf-Range: {etag}\r\n"));
    assert_eq!(fresh.status, 206);
    // Revalidation.
    assert_eq!(get(&format!("If-None-Match: {etag}\r\n")).status, 304);
    assert_eq!(get("If-None-Match: \"other\"\r\n").status, 200);
    assert_eq!(
        get(&format!("If-Modified-Since: {modified}\r\n")).status,
        304
    );
    let not_modified = get(&format!("If-None-Match: {etag}\r\n"));
    assert_eq!(not_modified.header("etag").unwrap(), etag);
    // The connection is still good after all that.
    assert_eq!(get("").body, full.body);
}

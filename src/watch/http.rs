//! The HTTP/1.1 layer of the preview server, over `std::net` with the
//! `httparse` parser. It is written for a server that may face an office
//! network (`watch --bind 0.0.0.0`): a request head is read up to
//! [`Limits::max_head`] bytes (past it: 431, without reading the rest), an
//! idle connection is closed after [`Limits::idle`], a head must arrive
//! within the same time once it has begun (slow senders get 408), and at
//! most [`Limits::max_connections`] connections are served at once, one
//! thread each (past it: 503). Connections persist as HTTP/1.0 and 1.1
//! define it, every response has a `Content-Length`, and request bodies
//! are never read: a request with one is answered and its connection
//! closed.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::message::{Request, Response, find, parse, write_response};

/// What the server allows a client.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Request line and headers together, in bytes.
    pub max_head: usize,
    /// How long a connection may wait for its next request, and how long
    /// a request head may take to arrive once it has begun.
    pub idle: Duration,
    /// Connections served at once (live-reload streams included).
    pub max_connections: usize,
    /// How long one write may wait for a client that does not read.
    pub write: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_head: 32 * 1024,
            idle: Duration::from_secs(10),
            max_connections: 128,
            write: Duration::from_secs(30),
        }
    }
}

impl Limits {
    /// The defaults, with `BANTIN_WATCH_IDLE_MS` and
    /// `BANTIN_WATCH_MAX_CONNECTIONS` taken when set (tests use them).
    pub fn from_env() -> Limits {
        let num = |name: &str| std::env::var(name).ok()?.trim().parse::<u64>().ok();
        let mut l = Limits::default();
        if let Some(ms) = num("BANTIN_WATCH_IDLE_MS") {
            l.idle = Duration::from_millis(ms.max(1));
        }
        if let Some(n) = num("BANTIN_WATCH_MAX_CONNECTIONS") {
            l.max_connections = n.max(1) as usize;
        }
        l
    }
}

/// What a handler makes of a request.
pub enum Reply {
    Response(Response),
    /// Take the connection over (an event stream): the function writes
    /// its own response and the connection is closed when it returns.
    Stream(Box<dyn FnOnce(&mut TcpStream) + Send>),
}

pub type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// The connections being served, to count them and to end them on stop.
#[derive(Default)]
struct Live {
    streams: Mutex<HashMap<u64, TcpStream>>,
    gone: Condvar,
}

impl Live {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, TcpStream>> {
        self.streams.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub struct HttpServer {
    pub addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    live: Arc<Live>,
    accept: Option<JoinHandle<()>>,
}

impl HttpServer {
    /// Listen on `addr` (port 0 picks a free port) and answer with `handler`.
    pub fn start(addr: SocketAddr, limits: Limits, handler: Handler) -> io::Result<HttpServer> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let live = Arc::new(Live::default());
        let accept = {
            let (stopping, live) = (Arc::clone(&stopping), Arc::clone(&live));
            std::thread::Builder::new()
                .name("bantin-accept".into())
                .spawn(move || accept_loop(listener, limits, handler, &stopping, &live))?
        };
        Ok(HttpServer {
            addr,
            stopping,
            live,
            accept: Some(accept),
        })
    }

    /// Stop accepting, end every open connection, wait (briefly) for their
    /// threads.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own.
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        if TcpStream::connect_timeout(&wake, Duration::from_secs(1)).is_ok()
            && let Some(t) = self.accept.take()
        {
            let _ = t.join();
        }
        let mut streams = self.live.lock();
        for s in streams.values() {
            let _ = s.shutdown(Shutdown::Both);
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        while !streams.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            streams = match self.live.gone.wait_timeout(streams, left) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    limits: Limits,
    handler: Handler,
    stopping: &AtomicBool,
    live: &Arc<Live>,
) {
    // Connections past the cap are answered 503 by one thread, a few at a
    // time; past that they are closed unanswered.
    let (refuse, refused) = mpsc::sync_channel::<TcpStream>(16);
    let refuser = {
        let max_head = limits.max_head;
        std::thread::Builder::new()
            .name("bantin-503".into())
            .spawn(move || {
                for mut s in refused {
                    let _ = refuse_busy(&mut s, max_head);
                }
            })
            .ok()
    };
    let ids = AtomicU64::new(0);
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors and the like: let it pass.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        let id = ids.fetch_add(1, Ordering::Relaxed);
        {
            let mut streams = live.lock();
            let registered = streams.len() < limits.max_connections
                && stream
                    .try_clone()
                    .is_ok_and(|c| streams.insert(id, c).is_none());
            if !registered {
                drop(streams);
                let _ = refuse.try_send(stream);
                continue;
            }
        }
        let (limits, handler, live2) = (limits.clone(), Arc::clone(&handler), Arc::clone(live));
        let spawned = std::thread::Builder::new()
            .name("bantin-http".into())
            .spawn(move || {
                connection(stream, &limits, &*handler);
                let mut streams = live2.lock();
                streams.remove(&id);
                live2.gone.notify_all();
            });
        if spawned.is_err() {
            live.lock().remove(&id);
        }
    }
    drop(refuse);
    if let Some(t) = refuser {
        let _ = t.join();
    }
}

/// The 503 for a connection past the cap, after its request head (as far
/// as it comes within a moment), so the client reads the answer.
fn refuse_busy(s: &mut TcpStream, max_head: usize) -> io::Result<()> {
    // Short waits: one thread answers every refused connection, and a
    // silent one must not keep the next in the queue waiting long.
    s.set_read_timeout(Some(Duration::from_millis(50)))?;
    s.set_write_timeout(Some(Duration::from_millis(500)))?;
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_millis(150);
    while head.len() < max_head && find(&head, b"\r\n\r\n").is_none() && Instant::now() < deadline {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let r = Response::text(
        503,
        "503 Service Unavailable: too many connections; try again\n",
    )
    .header("Retry-After", "1");
    write_response(s, &r, false, false)?;
    linger(s, Duration::from_millis(50));
    Ok(())
}

/// How reading a request head ended.
enum Head {
    Request(Request),
    /// The client closed, or stayed idle past the limit: close quietly.
    Closed,
    TooLarge,
    Malformed,
    /// A head begun but not finished in time.
    Slow,
}

/// Serve one connection until it closes.
fn connection(mut s: TcpStream, limits: &Limits, handler: &(dyn Fn(&Request) -> Reply + Sync)) {
    let _ = s.set_nodelay(true);
    let _ = s.set_write_timeout(Some(limits.write));
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    loop {
        let req = match read_head(&mut s, &mut buf, limits) {
            Head::Request(r) => r,
            Head::Closed => return,
            Head::TooLarge => return fail(&mut s, 431, "431 Request Header Fields Too Large\n"),
            Head::Malformed => return fail(&mut s, 400, "400 Bad Request\n"),
            Head::Slow => return fail(&mut s, 408, "408 Request Timeout\n"),
        };
        let body_follows = req.has_body();
        let keep = req.keep_alive() && !body_follows;
        let head_only = req.method == "HEAD";
        let response = match handler(&req) {
            Reply::Response(r) => r,
            Reply::Stream(f) => {
                let _ = s.set_read_timeout(None);
                f(&mut s);
                let _ = s.shutdown(Shutdown::Both);
                return;
            }
        };
        let ok = write_response(&mut s, &response, head_only, keep).is_ok();
        if !ok || !keep {
            let _ = s.flush();
            if body_follows {
                linger(&mut s, LINGER);
            }
            return;
        }
    }
}

/// Answer an error and close, reading (a bounded amount of) what the
/// client still sends so that it gets the answer rather than a reset.
fn fail(s: &mut TcpStream, status: u16, text: &str) {
    if write_response(s, &Response::text(status, text), false, false).is_ok() {
        linger(s, LINGER);
    }
}

/// How long a closing connection's unread request is waited for.
const LINGER: Duration = Duration::from_millis(500);

fn linger(s: &mut TcpStream, wait: Duration) {
    let _ = s.shutdown(Shutdown::Write);
    let _ = s.set_read_timeout(Some(wait));
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut sink = [0u8; 16 * 1024];
    let mut total = 0usize;
    while total < (1 << 20) && Instant::now() < deadline {
        match s.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
}

/// Read one request head into `buf` (which may already hold the start of
/// it, or of a pipelined one) and take it out of `buf`.
fn read_head(s: &mut TcpStream, buf: &mut Vec<u8>, limits: &Limits) -> Head {
    let mut begun: Option<Instant> = (!buf.is_empty()).then(Instant::now);
    let waiting_since = Instant::now();
    let mut chunk = [0u8; 4096];
    loop {
        // A head may start with empty lines (RFC 9112, 2.2).
        let blank = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        buf.drain(..blank);
        if !buf.is_empty() {
            begun.get_or_insert_with(Instant::now);
            match parse(buf) {
                Ok(Some((req, used))) => {
                    buf.drain(..used);
                    return Head::Request(req);
                }
                Ok(None) if buf.len() > limits.max_head => return Head::TooLarge,
                Ok(None) => {}
                Err(httparse::Error::TooManyHeaders) => return Head::TooLarge,
                Err(_) => return Head::Malformed,
            }
        }
        let since = begun.unwrap_or(waiting_since);
        let left = limits.idle.saturating_sub(since.elapsed());
        if left.is_zero() {
            return if begun.is_some() {
                Head::Slow
            } else {
                Head::Closed
            };
        }
        let _ = s.set_read_timeout(Some(left));
        let room = (limits.max_head + 1)
            .saturating_sub(buf.len())
            .clamp(1, chunk.len());
        match s.read(&mut chunk[..room]) {
            Ok(0) => return Head::Closed,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return Head::Closed,
        }
    }
}

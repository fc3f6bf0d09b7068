//! `bantin watch` on a copy of the sample site, for the tests that talk
//! to it over HTTP: the real binary on a free port of 127.0.0.1, its
//! output read line by line.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use super::copy_dir;

pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Watch {
    pub child: Child,
    pub addr: String,
    /// The line naming the URL and the preview folder.
    pub serving: String,
    pub root: PathBuf,
    pub tmp: tempfile::TempDir,
    pub log: mpsc::Receiver<String>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `cmd` with its stdout and stderr on one pipe, as a terminal
/// shows them: its lines in the order they were written (two pipes read
/// by two threads would reorder a stderr note and a stdout line written
/// after it). The lines come through the returned channel.
pub fn spawn_terminal(mut cmd: Command) -> (Child, mpsc::Receiver<String>) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    let child = cmd
        .stdout(writer.try_clone().expect("a pipe"))
        .stderr(writer)
        .spawn()
        .expect("bantin starts");
    // The pipe's last writing end is the child's: its end is the end of
    // the lines.
    drop(cmd);
    let (tx, log) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(reader).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, log)
}

/// Start watch on a copy of the sample site; `own_output` leaves the
/// preview folder to watch's default.
pub fn start_with(own_output: bool) -> Watch {
    start_args(own_output, &[])
}

pub fn start_args(own_output: bool, extra: &[&str]) -> Watch {
    start_env(own_output, extra, &[])
}

pub fn start_env(own_output: bool, extra: &[&str], env: &[(&str, &str)]) -> Watch {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let output = tmp.path().join("preview");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &root.join("content"));
    fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bantin"));
    cmd.args(["watch", "--port", "0", "--root"])
        .arg(&root)
        .args(if own_output {
            vec![]
        } else {
            vec!["--output".into(), output.into_os_string()]
        })
        .args(extra)
        // English unless the caller says otherwise (see `super::command`).
        .env("BANTIN_LANG", "en")
        .envs(env.iter().copied());
    let (child, log) = spawn_terminal(cmd);
    let start = Instant::now();
    let (addr, serving) = loop {
        let line = log
            .recv_timeout(DEADLINE.saturating_sub(start.elapsed()))
            .expect("watch did not print its address");
        // "serving http://…" / "đang cho xem trước tại http://…"
        if let Some(rest) = line
            .strip_prefix("bantin: ")
            .and_then(|l| l.split("http://").nth(1))
        {
            break (rest.split('/').next().unwrap().to_string(), line.clone());
        }
    };
    Watch {
        child,
        addr,
        serving,
        root,
        tmp,
        log,
    }
}

pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One raw HTTP/1.1 exchange (the request line is sent as given).
pub fn raw(addr: &str, request: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no header end");
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = all[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    Reply { status, head, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
        b = &b[nl + 4 + size..];
    }
}

impl Watch {
    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, "")
    }
    pub fn request(&self, method: &str, path: &str, headers: &str) -> Reply {
        raw(
            &self.addr,
            &format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\n{headers}Connection: close\r\n\r\n",
                self.addr
            ),
        )
    }
    /// Poll `path` until `ok` holds.
    pub fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
        let start = Instant::now();
        loop {
            let r = self.get(path);
            if ok(&r) {
                return r;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what} at {path}; last status {}",
                r.status
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
    /// Wait for a terminal line containing every one of `needles`.
    pub fn expect_log(&self, needles: &[&str]) -> String {
        self.log_until(needles).pop().unwrap()
    }
    /// The terminal lines up to the first containing every one of
    /// `needles`, that one last.
    pub fn log_until(&self, needles: &[&str]) -> Vec<String> {
        let start = Instant::now();
        let mut lines = Vec::new();
        loop {
            let line = self
                .log
                .recv_timeout(DEADLINE.saturating_sub(start.elapsed()))
                .unwrap_or_else(|_| panic!("no terminal line with {needles:?} in {lines:#?}"));
            let found = needles.iter().all(|n| line.contains(n));
            lines.push(line);
            if found {
                return lines;
            }
        }
    }
}

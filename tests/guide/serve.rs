//! `bantin watch` as the guide runs it: the browser stand-ins on PATH, the
//! address it serves, the home page over HTTP, Ctrl-C.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Stand-ins for the programs `watch --open` starts: they write down the
/// address they were given. Nothing else is on PATH.
pub fn fake_browser(dir: &Path) {
    let script = format!(
        "#!/bin/sh\necho \"$1\" >> '{}'\n",
        dir.join("opened.txt").display()
    );
    for name in ["xdg-open", "open"] {
        let p = dir.join(name);
        fs::write(&p, &script).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

/// The `http://127.0.0.1:PORT/` watch prints once it serves (whatever the
/// words around it).
fn wait_for_url(log: &mpsc::Receiver<String>) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Ok(l) = log.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if let Some(i) = l.find("http://127.0.0.1:") {
            let url = l[i..].split_whitespace().next().unwrap();
            return Some(url.to_string());
        }
    }
    None
}

/// GET / must be the site's home page; `--open` must have asked for it.
fn check_served(url: &str, args: &[String], opened: &Path) -> Option<String> {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = match std::net::TcpStream::connect(addr) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot connect to {addr}: {e}")),
    };
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    if !body.starts_with("HTTP/1.1 200") || !body.contains("Bản tin phường Bồ Đề") {
        return Some(format!("GET / did not answer the home page:\n{body:.4000}"));
    }
    if cfg!(unix) && args.iter().any(|a| a == "--open") {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let asked = fs::read_to_string(opened).unwrap_or_default();
            if asked.lines().any(|l| l.trim() == url) {
                break;
            }
            if Instant::now() > deadline {
                return Some(format!("--open did not ask for {url} (asked: {asked:?})"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    None
}

/// Ctrl-C (SIGINT where there is one); the exit code, if it stopped.
fn stop(child: &mut Child) -> Option<i32> {
    if cfg!(unix) {
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(s) = child.try_wait().unwrap() {
                return s.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let _ = child.kill();
    child.wait().unwrap();
    None
}

/// `bantin ARGS --port 0` run in `site` with only `path` on PATH: its home
/// page fetched once it serves, then stopped with Ctrl-C (exit 0). With
/// `--open`, the stand-in in `path` (if any) must have been asked for it.
pub fn watch_once(site: &Path, path: &Path, args: &[String]) -> Result<(), String> {
    let opened = path.join("opened.txt");
    let _ = fs::remove_file(&opened);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bantin"));
    cmd.args(args)
        .args(["--port", "0"])
        .current_dir(site)
        .env_remove("BANTIN_LANG")
        .env("PATH", path);
    let (mut child, log) = crate::common::watch::spawn_terminal(cmd);
    let problem = match wait_for_url(&log) {
        None => Some("never said where it serves".to_string()),
        Some(url) if path.join("xdg-open").exists() => check_served(&url, args, &opened),
        Some(url) => check_served(&url, &[], &opened),
    };
    let code = stop(&mut child);
    let printed = log.try_iter().collect::<Vec<_>>().join("\n");
    match (problem, code) {
        (Some(p), _) => Err(format!("{p}\n{printed}")),
        (None, Some(0)) => Ok(()),
        (None, code) => Err(format!(
            "stopped by Ctrl-C, it exited {code:?}, not 0\n{printed}"
        )),
    }
}

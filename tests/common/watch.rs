//! `bantin watch` on a copy of the sample site, for the tests that talk
//! to it over HTTP: the real binary on a free port of 127.0.0.1, its
//! output read line by line.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["watch", "--port", "0", "--root"])
        .arg(&root)
        .args(if own_output {
            vec![]
        } else {
            vec!["--output".into(), output.into_os_string()]
        })
        .args(extra)
        // English unless the caller says otherwise (see `super::command`).
        .env("BANTIN_LANG", "en")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, log) = mpsc::channel();
    for pipe in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    let start = Instant::now();
    let (addr, serving) = loop {
        let line = log
            .recv_timeout(DEADLINE.saturating_sub(start.elapsed()))
            .expect("watch did not print its address");
        if let Some(rest) = line.split("serving http://").nth(1) {
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

//! Links (symlinks) in a site's source folders, through the real binary:
//! `content/`, `static/` and a theme's `static/` follow one rule (a link is
//! followed only to a file inside the site folder), and `watch` never adds
//! file watches through a link.

mod common;
use common::{Site, copy_dir};

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

/// The sample site with the default theme on disk, so that
/// `themes/default/static/` is a real folder of the site.
fn sample() -> Site {
    let site = Site::new("full");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("themes"), &site.root.join("themes"));
    fs::create_dir_all(site.root.join("static")).unwrap();
    site
}

/// A file outside the site that must never be published.
fn secret(site: &Site) -> PathBuf {
    let path = site.tmp.path().join("mat-khau.txt");
    fs::write(&path, "bí mật\n").unwrap();
    path
}

#[test]
fn links_leaving_the_site_in_static_folders_are_refused_by_name() {
    let site = sample();
    let secret = secret(&site);
    symlink(&secret, site.root.join("static/passwd.txt")).unwrap();
    symlink(
        &secret,
        site.root.join("themes/default/static/assets/passwd.txt"),
    )
    .unwrap();
    symlink("khong-co.css", site.root.join("static/mat.css")).unwrap();
    for cmd in ["build", "check"] {
        let r = site.run(&[cmd]);
        assert_eq!(r.code, 1, "{cmd}: {}{}", r.stdout, r.stderr);
        for (link, what) in [
            ("static/passwd.txt", "leads outside the site folder"),
            (
                "themes/default/static/assets/passwd.txt",
                "leads outside the site folder",
            ),
            ("static/mat.css", "leads nowhere"),
        ] {
            let want = format!("{link}: error: this link {what}");
            assert!(
                r.stderr.contains(&want),
                "{cmd}: no `{want}` in\n{}",
                r.stderr
            );
        }
        assert!(r.stderr.contains("help: copy the file"), "{}", r.stderr);
        assert!(!site.out().exists(), "{cmd} published something");
    }
    // The same rule as in content/, which refused such links already.
    fs::remove_file(site.root.join("static/passwd.txt")).unwrap();
    fs::remove_file(site.root.join("static/mat.css")).unwrap();
    fs::remove_file(site.root.join("themes/default/static/assets/passwd.txt")).unwrap();
    symlink(&secret, site.root.join("content/passwd.txt")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("content/passwd.txt: error: this link leads outside the site folder"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_static_folder_that_is_a_link_out_of_the_site_is_refused() {
    let site = Site::new("full");
    let outside = site.tmp.path().join("chung");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("passwd.txt"), "bí mật").unwrap();
    symlink(&outside, site.root.join("static")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("static: error: this folder is reached through a link that leads outside the site folder"),
        "{}",
        r.stderr
    );
    assert!(!site.out().exists());
}

#[test]
fn links_to_files_inside_the_site_are_published_with_the_files_bytes() {
    let site = sample();
    fs::write(site.root.join("chung.css"), "body{}").unwrap();
    symlink("../chung.css", site.root.join("static/chung.css")).unwrap();
    symlink(
        "../../../../chung.css",
        site.root.join("themes/default/static/assets/chung2.css"),
    )
    .unwrap();
    site.build(&[]);
    assert_eq!(fs::read(site.out().join("chung.css")).unwrap(), b"body{}");
    assert_eq!(
        fs::read(site.out().join("assets/chung2.css")).unwrap(),
        b"body{}"
    );
    assert!(!site.out().join("chung.css").is_symlink());
    // A link to a folder, even inside the site, is not followed.
    fs::create_dir_all(site.root.join("anh")).unwrap();
    fs::write(site.root.join("anh/a.png"), common::image_bytes("a.png")).unwrap();
    symlink("../anh", site.root.join("static/anh")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("static/anh: error: this link leads to a folder"),
        "{}",
        r.stderr
    );
}

/// `bantin watch` on `root`, stopped when dropped.
struct Watch(Child, String);

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn watch(root: &Path, output: &Path) -> Watch {
    let child = common::command()
        .args(["watch", "--port", "0", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed and waited for when dropped, even if the wait below fails.
    let mut w = Watch(child, String::new());
    let lines = BufReader::new(w.0.stdout.take().unwrap()).lines();
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let start = Instant::now();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60).saturating_sub(start.elapsed()))
            .expect("watch did not print its address");
        if let Some(rest) = line.split("serving http://").nth(1) {
            w.1 = rest.split('/').next().unwrap().to_string();
            return w;
        }
    }
}

/// How many inotify watches process `pid` holds, from the kernel's own
/// account (`/proc/<pid>/fdinfo` has one `inotify wd:` line per watch).
fn inotify_watches(pid: u32) -> usize {
    let mut n = 0;
    for fd in fs::read_dir(format!("/proc/{pid}/fd")).unwrap().flatten() {
        let is_inotify =
            fs::read_link(fd.path()).is_ok_and(|t| t.to_string_lossy().contains("inotify"));
        if is_inotify {
            let info = format!("/proc/{pid}/fdinfo/{}", fd.file_name().to_string_lossy());
            let info = fs::read_to_string(info).unwrap_or_default();
            n += info
                .lines()
                .filter(|l| l.starts_with("inotify wd:"))
                .count();
        }
    }
    n
}

/// The folders `watch` should watch: the root, and every folder of the
/// source folders reached without going through a link.
fn real_folders(root: &Path) -> usize {
    1 + ["content", "themes", "templates", "static"]
        .iter()
        .map(|d| {
            walkdir::WalkDir::new(root.join(d))
                .follow_root_links(false)
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_dir())
                .count()
        })
        .sum::<usize>()
}

fn get_status(addr: &str, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    String::from_utf8_lossy(&all)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn watch_adds_no_watches_through_a_linked_folder() {
    if !Path::new("/proc/self/fdinfo").is_dir() {
        eprintln!("no /proc: inotify watches cannot be counted here");
        return;
    }
    let site = sample();
    // A big folder outside the site, as /usr would be: 200 folders.
    let big = site.tmp.path().join("lon");
    for i in 0..20 {
        for j in 0..10 {
            fs::create_dir_all(big.join(format!("{i}/{j}"))).unwrap();
        }
    }
    symlink(&big, site.root.join("static/lon")).unwrap();
    symlink(&big, site.root.join("themes/default/static/lon")).unwrap();
    symlink(&big, site.root.join("content/lon")).unwrap();
    symlink(secret(&site), site.root.join("static/passwd.txt")).unwrap();
    let w = watch(&site.root, &site.tmp.path().join("xem-truoc"));
    let expected = real_folders(&site.root);
    assert!(expected < 100, "{expected}");
    assert_eq!(inotify_watches(w.0.id()), expected);
    // The build refused the links, so nothing of them is served.
    let status = get_status(&w.1, "/passwd.txt");
    assert!(!status.contains(" 200 "), "{status}");
}

#[test]
fn watch_does_not_watch_a_source_folder_that_links_out_of_the_site() {
    if !Path::new("/proc/self/fdinfo").is_dir() {
        eprintln!("no /proc: inotify watches cannot be counted here");
        return;
    }
    let site = Site::new("full");
    let big = site.tmp.path().join("lon");
    for i in 0..50 {
        fs::create_dir_all(big.join(format!("{i}"))).unwrap();
    }
    symlink(&big, site.root.join("static")).unwrap();
    let w = watch(&site.root, &site.tmp.path().join("xem-truoc"));
    assert_eq!(inotify_watches(w.0.id()), real_folders(&site.root));
}

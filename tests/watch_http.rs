//! `bantin watch` as an editor uses it: the real binary on a free port of
//! 127.0.0.1, files changed on disk, pages fetched over HTTP. Every wait is
//! a poll with a generous deadline, never a fixed sleep.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

use common::watch::{DEADLINE, Watch, start_args, start_env, start_with};

fn start() -> Watch {
    start_with(false)
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One raw HTTP/1.1 exchange (the request line is sent as given).
fn raw(addr: &str, request: &str) -> Reply {
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
    fn get(&self, path: &str) -> Reply {
        self.request("GET", path, "")
    }
    fn request(&self, method: &str, path: &str, headers: &str) -> Reply {
        raw(
            &self.addr,
            &format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\n{headers}Connection: close\r\n\r\n",
                self.addr
            ),
        )
    }
    /// Poll `path` until `ok` holds.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
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
    fn expect_log(&self, needles: &[&str]) -> String {
        self.log_until(needles).pop().unwrap()
    }
    /// The terminal lines up to the first containing every one of
    /// `needles`, that one last.
    fn log_until(&self, needles: &[&str]) -> Vec<String> {
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
    fn article(&self) -> PathBuf {
        self.root
            .join("content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md")
    }
}

const SEED_URL: &str = "/cong-tac-dang/ban-chi-dao-thuc-hien-quy-che-dan-chu-o-co-so-khoi-dan-van-dang-uy-phuong-bo-de-giao-ban-quy-i-nam-2020/";

fn append(path: &Path, text: &str) {
    let old = fs::read_to_string(path).unwrap();
    fs::write(path, format!("{old}\n{text}\n")).unwrap();
}

#[test]
fn edit_add_delete_break_and_fix() {
    let w = start();
    let home = w.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.text().contains("/__bantin/live.js"),
        "live reload script missing"
    );
    let seed = w.get(SEED_URL);
    assert_eq!(seed.status, 200, "the seed article is not at {SEED_URL}");

    // Edit in place.
    append(&w.article(), "Câu kiểm tra MARKER-SUA-1 của biên tập viên.");
    w.wait_for(SEED_URL, "the edit", |r| r.text().contains("MARKER-SUA-1"));
    w.expect_log(&[
        "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md changed",
        "rebuilt in",
        "pages written",
    ]);

    // Add an article.
    let new = w.root.join("content/chinh-quyen/tiep-cong-dan-thang-3.md");
    fs::write(&new, "---\ntitle: Tiếp công dân định kỳ tháng 3\ndate: 15/03/2024 08:00\ncategory: CHÍNH QUYỀN\n---\nNội dung MARKER-MOI.\n").unwrap();
    w.wait_for(
        "/chinh-quyen/tiep-cong-dan-dinh-ky-thang-3/",
        "the new article",
        |r| r.status == 200 && r.text().contains("MARKER-MOI"),
    );
    w.wait_for("/chinh-quyen/", "the category list", |r| {
        r.text().contains("Tiếp công dân định kỳ tháng 3")
    });

    // Delete it: the site's own 404 page answers.
    fs::remove_file(&new).unwrap();
    let gone = w.wait_for(
        "/chinh-quyen/tiep-cong-dan-dinh-ky-thang-3/",
        "the deletion",
        |r| r.status == 404,
    );
    assert!(
        gone.text().contains("/__bantin/live.js"),
        "404 page is not the site's"
    );

    // Break the article: the last good page stays, with the error on top.
    let good = fs::read_to_string(w.article()).unwrap();
    fs::write(
        w.article(),
        good.replacen("date: ", "date: 30/02/2020 #", 1),
    )
    .unwrap();
    let broken = w.wait_for(SEED_URL, "the error overlay", |r| {
        r.text().contains("bantin-error")
    });
    let text = broken.text();
    assert!(
        text.contains("content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md:3"),
        "{text}"
    );
    assert!(text.contains("30/02/2020") && text.contains("MARKER-SUA-1"));
    w.expect_log(&["the build failed"]);
    w.expect_log(&[
        "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md:3",
        "30/02/2020",
    ]);
    // On every page, even a fresh load of another one.
    assert!(w.get("/").text().contains("bantin-error"));
    // Fix it: the overlay goes.
    fs::write(w.article(), &good).unwrap();
    w.wait_for(SEED_URL, "the overlay to clear", |r| {
        !r.text().contains("bantin-error")
    });
}

#[test]
fn polling_sees_changes_too() {
    // For network drives, where file-system events do not arrive.
    let w = start_args(false, &["--poll"]);
    append(&w.article(), "Sửa qua ổ mạng MARKER-POLL.");
    w.wait_for(SEED_URL, "the polled edit", |r| {
        r.text().contains("MARKER-POLL")
    });
    fs::write(w.root.join("templates.txt"), "không liên quan").unwrap();
    fs::create_dir_all(w.root.join("templates")).unwrap();
    fs::write(
        w.root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>MARKER-TEMPLATE-MOI</p>{% endblock content %}",
    )
    .unwrap();
    w.wait_for(
        "/khong-co-trang-nay/",
        "a template folder created while watching",
        |r| r.status == 404 && r.text().contains("MARKER-TEMPLATE-MOI"),
    );
}

/// Long enough that a writer stalled by a busy machine between two steps
/// of one save is never reported as a broken file.
const SETTLE_MS: &str = "4000";

#[test]
fn editor_save_patterns_and_bursts() {
    let w = start_env(false, &[], &[("BANTIN_WATCH_SETTLE_MS", SETTLE_MS)]);
    let article = w.article();
    let good = fs::read_to_string(&article).unwrap();
    // Editor temp files with broken content never break the build.
    for junk in [
        "ban-chi-dao.md~",
        ".ban-chi-dao.md.swp",
        "4913",
        ".#ban-chi-dao.md",
        "#ban-chi-dao.md#",
    ] {
        fs::write(article.with_file_name(junk), "không phải bài viết --- : [").unwrap();
    }
    // Write to a temp file, then rename over the article (vim, gedit, VS Code).
    let tmp = article.with_file_name(".goutputstream-XYZ123");
    fs::write(&tmp, format!("{good}\nĐổi tên MARKER-RENAME.\n")).unwrap();
    fs::rename(&tmp, &article).unwrap();
    w.wait_for(SEED_URL, "the renamed save", |r| {
        r.text().contains("MARKER-RENAME")
    });
    // Delete, then create again.
    fs::remove_file(&article).unwrap();
    fs::write(&article, format!("{good}\nTạo lại MARKER-RECREATE.\n")).unwrap();
    w.wait_for(SEED_URL, "the recreated file", |r| {
        r.status == 200 && r.text().contains("MARKER-RECREATE")
    });
    // A burst, as from `git checkout`: twenty files at once.
    for i in 0..20 {
        fs::write(
            w.root.join(format!("content/chinh-quyen/dot-{i}.md")),
            format!("---\ntitle: Thông báo đợt {i}\ndate: 0{}/01/2024\ncategory: CHÍNH QUYỀN\n---\nĐợt {i} MARKER-BURST.\n", 1 + i % 9),
        )
        .unwrap();
    }
    w.wait_for(
        "/chinh-quyen/thong-bao-dot-19/",
        "the last file of the burst",
        |r| r.status == 200,
    );
    let page = w.wait_for(
        "/chinh-quyen/thong-bao-dot-0/",
        "the first file of the burst",
        |r| r.status == 200,
    );
    assert!(!page.text().contains("bantin-error"), "{}", page.text());
    // No file was ever reported broken on the way: not one written half
    // (`fs::write` creates the file empty, then fills it).
    let lines = w.log_until(&["36 articles"]);
    let failed: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("the build failed"))
        .collect();
    assert!(failed.is_empty(), "{lines:#?}");
}

#[test]
fn a_half_written_file_is_read_again_before_it_is_called_broken() {
    let w = start_env(false, &[], &[("BANTIN_WATCH_SETTLE_MS", SETTLE_MS)]);
    let file = w.root.join("content/chinh-quyen/thong-bao-nua-chung.md");
    let whole = "---\ntitle: Thông báo viết dở\ndate: 02/01/2024\ncategory: CHÍNH QUYỀN\n---\nNội dung MARKER-NUA-CHUNG.\n";
    // A save that stalls half-way: the front matter is not closed yet, for
    // longer than a rebuild takes to start.
    let half = whole.find("category").unwrap();
    let mut f = fs::File::create(&file).unwrap();
    f.write_all(&whole.as_bytes()[..half]).unwrap();
    f.sync_all().unwrap();
    thread::sleep(Duration::from_millis(400));
    f.write_all(&whole.as_bytes()[half..]).unwrap();
    drop(f);
    w.wait_for(
        "/chinh-quyen/thong-bao-viet-do/",
        "the finished file",
        |r| r.status == 200 && r.text().contains("MARKER-NUA-CHUNG"),
    );
    let lines = w.log_until(&["17 articles"]);
    assert!(
        !lines.iter().any(|l| l.contains("the build failed")),
        "{lines:#?}"
    );
    // A file that stays broken is reported once it has been left alone.
    let saved = Instant::now();
    fs::write(&file, &whole[..half]).unwrap();
    let lines = w.log_until(&["the build failed"]);
    assert!(
        saved.elapsed() >= Duration::from_millis(3500),
        "reported before the file settled: {lines:#?}"
    );
    w.expect_log(&["thong-bao-nua-chung.md:", "front matter"]);
    w.wait_for("/", "the error overlay", |r| {
        r.text().contains("bantin-error")
    });
}

#[test]
fn the_server_is_safe_and_speaks_http() {
    let w = start();
    // Traversal, encoded or not, never leaves the output.
    fs::write(w.root.parent().unwrap().join("secret.txt"), "MAT-KHAU").unwrap();
    for path in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/cong-tac-dang%2f..%2f..%2fsecret.txt",
        "/..%5c..%5csecret.txt",
        "/assets/%00",
        "/%ff%fe",
    ] {
        let r = w.get(path);
        assert!(
            r.status == 403 || r.status == 404 || r.status == 400,
            "{path}: {}",
            r.status
        );
        assert!(!r.text().contains("MAT-KHAU"), "{path} leaked a file");
    }
    // Content types.
    for (path, ctype) in [
        ("/", "text/html; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/bantin.js", "text/javascript; charset=utf-8"),
        ("/rss.xml", "application/xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/tim-kiem/index.json", "application/json"),
        ("/van-hoa-xa-hoi/le-hoi-anh.png", "image/png"),
        ("/kinh-te-do-thi/ke-hoach.pdf", "application/pdf"),
    ] {
        let r = w.get(path);
        assert_eq!(
            (r.status, r.header("content-type").as_deref()),
            (200, Some(ctype)),
            "{path}"
        );
    }
    // A folder without its slash is redirected.
    let r = w.get("/cong-tac-dang");
    assert_eq!(
        (r.status, r.header("location").as_deref()),
        (301, Some("/cong-tac-dang/"))
    );
    // HEAD: headers, no body.
    let head = w.request("HEAD", "/", "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    // Conditional requests.
    let etag = w.get("/").header("etag").expect("etag");
    assert_eq!(
        w.request("GET", "/", &format!("If-None-Match: {etag}\r\n"))
            .status,
        304
    );
    let modified = w.get("/").header("last-modified").expect("last-modified");
    assert_eq!(
        w.request("GET", "/", &format!("If-Modified-Since: {modified}\r\n"))
            .status,
        304
    );
    // Other methods are refused; malformed requests do not hurt the server.
    assert_eq!(w.request("POST", "/", "Content-Length: 0\r\n").status, 405);
    for junk in [
        "BLAH\r\n\r\n",
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "\0\0\0\r\n\r\n",
    ] {
        let mut s = TcpStream::connect(&w.addr).unwrap();
        let _ = s.write_all(junk.as_bytes());
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let _ = s.read_to_end(&mut Vec::new());
    }
    assert_eq!(
        w.get("/").status,
        200,
        "the server died on a malformed request"
    );
}

#[test]
fn reload_events_follow_rebuilds() {
    let w = start();
    let mut s = TcpStream::connect(&w.addr).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET /__bantin/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        w.addr
    )
    .unwrap();
    let mut reader = BufReader::new(s);
    let mut next_build = || -> String {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                reader.read_line(&mut line).unwrap() > 0,
                "event stream closed"
            );
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim().to_string();
            }
        }
    };
    let first = next_build();
    append(&w.article(), "MARKER-SSE");
    let second = next_build();
    assert_ne!(first, second, "no new build event after a rebuild");
    let script = w.get("/__bantin/live.js");
    assert!(script.text().contains("EventSource"));
}

#[test]
fn build_output_never_has_the_live_reload_script() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tmp.path().join("out");
    let status = common::command()
        .args(["build", "--root"])
        .arg(repo)
        .arg("--output")
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            let text = fs::read_to_string(e.path()).unwrap();
            assert!(
                !text.contains("__bantin"),
                "{} has the live reload script",
                e.path().display()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let mut w = start_with(true);
    assert_eq!(w.get("/").status, 200);
    let output = PathBuf::from(
        w.serving
            .split("pages in ")
            .nth(1)
            .unwrap()
            .trim_end_matches(')'),
    );
    assert!(
        output.join("index.html").is_file(),
        "watch output not in {}",
        output.display()
    );
    Command::new("kill")
        .args(["-INT", &w.child.id().to_string()])
        .status()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = w.child.try_wait().unwrap() {
            assert!(status.success(), "watch exited with {status}");
            break;
        }
        assert!(start.elapsed() < DEADLINE, "watch did not stop on Ctrl-C");
        thread::sleep(Duration::from_millis(20));
    }
    assert!(
        TcpStream::connect(&w.addr).is_err(),
        "still listening after Ctrl-C"
    );
    assert!(!output.exists(), "the temporary output was left behind");
}

/// The preview folder named in the `serving` line.
fn preview_folder(w: &Watch) -> PathBuf {
    PathBuf::from(
        w.serving
            .split("pages in ")
            .nth(1)
            .unwrap()
            .trim_end_matches(')'),
    )
}

#[cfg(unix)]
#[test]
fn a_killed_watchs_preview_is_removed_by_the_next_watch() {
    let mut killed = start_with(true);
    let left = preview_folder(&killed);
    assert!(left.join("index.html").is_file());
    killed.child.kill().unwrap(); // SIGKILL: no chance to clean up.
    killed.child.wait().unwrap();
    assert!(left.is_dir(), "a killed watch cannot remove its folder");
    // A folder of the same name's form without a lock file (an older
    // bantin's, or not bantin's at all) is never touched.
    let parent = left.parent().unwrap();
    let foreign = parent.join(format!("bantin-watch-{}9", u32::MAX));
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("note.txt"), "kept").unwrap();

    let next = start_with(true);
    assert_eq!(next.get("/").status, 200);
    let name = left.file_name().unwrap().to_string_lossy().into_owned();
    let lock = parent.join(format!(".{name}.bantin-lock"));
    let (gone, foreign_kept, lock_gone) = (
        !left.exists(),
        foreign.join("note.txt").is_file(),
        !lock.exists(),
    );
    let _ = fs::remove_dir_all(&foreign);
    assert!(gone, "{} was left behind", left.display());
    assert!(lock_gone, "{} was left behind", lock.display());
    assert!(
        foreign_kept,
        "a folder without bantin's lock file was removed"
    );
    // The running watch's own folder is locked: a third watch keeps it.
    let third = start_with(true);
    assert_eq!(third.get("/").status, 200);
    assert!(preview_folder(&next).join("index.html").is_file());
}

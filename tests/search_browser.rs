//! The search page in a real browser (issue 17): builds a made-up site of
//! 40 articles with the real binary and runs `tests/browser/search.mjs`,
//! which serves it on 127.0.0.1 and queries it in headless Chromium: a
//! phrase in a body ranks above its words scattered over a title and a
//! body ("DUC GIANG"), `duc` finds `Đức`, a query fetches only its words'
//! buckets and its results' record shards (no article page, no list of
//! every article), snippets come with the records, and the second page of
//! results loads on "Xem thêm".
//!
//! Needs Chromium, Node.js and playwright-core (`npm ci` in tests/browser);
//! reported as ignored when one is missing unless `BANTIN_REQUIRE_BROWSER=1`.

mod common;
use common::tools;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BANTIN_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn missing() -> Option<String> {
    let mut out = Vec::new();
    if chromium().is_none() {
        out.push("Chromium (apt-get install chromium)");
    }
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        out.push("Node.js");
    }
    let pw = root().join("tests/browser/node_modules/playwright-core/package.json");
    if !pw.is_file() {
        out.push("playwright-core (npm ci --ignore-scripts in tests/browser)");
    }
    (!out.is_empty()).then(|| out.join(", "))
}

fn main() {
    tools::run(vec![tools::needs(
        "search_in_a_real_browser",
        missing,
        Some("BANTIN_REQUIRE_BROWSER"),
        search_in_a_real_browser,
    )]);
}

/// The made-up site: 40 articles, newest first by day. Article 30 says
/// "Đức Giang" in its body; article 5 has "giảng" in its title and "Đức"
/// as its author; articles 0–24 are about "dân vận" (25 hits: two pages).
fn write_site(dir: &Path) {
    std::fs::write(
        dir.join("site.yaml"),
        "title: \"Bản tin phường Đồng Tâm\"\nbase_url: \"https://dongtam.example.vn/\"\n",
    )
    .unwrap();
    let content = dir.join("content");
    std::fs::create_dir_all(&content).unwrap();
    for i in 0..40 {
        let day = 28 - (i % 28);
        let month = 12 - i / 28;
        let (title, author, body) = match i {
            5 => (
                "Khai giảng năm học mới".to_string(),
                "Phạm Minh Đức",
                "Các trường tổ chức lễ chào năm học.".to_string(),
            ),
            30 => (
                "Hội nghị các phường lân cận".to_string(),
                "Lê Thị Hoa",
                "Dự hội nghị có đoàn đại biểu phường Đức Giang và các phường bạn.".to_string(),
            ),
            _ => (
                format!("Tin số {i} của phường"),
                "Lê Thị Hoa",
                format!("Bài số {i} kể việc của phường."),
            ),
        };
        let (body, about) = if i < 25 {
            (
                format!("{body}\n\nCông tác dân vận khéo được chú trọng."),
                "dân vận và ",
            )
        } else {
            (body, "")
        };
        std::fs::write(
            content.join(format!("bai-{i}.md")),
            format!(
                "---\ntitle: \"{title}\"\ndate: {day:02}/{month:02}/2025 08:00\ncategory: CÔNG TÁC ĐẢNG\nauthor: {author}\nsummary: \"Tóm tắt bài số {i}: {about}đời sống.\"\n---\n{body}\n"
            ),
        )
        .unwrap();
    }
}

fn search_in_a_real_browser() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    write_site(&site);
    let out = tmp.path().join("out");
    let build = common::command()
        .args(["build", "--root"])
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&build.stderr)
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = Command::new("node")
        .arg(root().join("tests/browser/search.mjs"))
        .arg("--site")
        .arg(&out)
        .args(["--port", &port.to_string()])
        .arg("--chromium")
        .arg(chromium().unwrap())
        .current_dir(root().join("tests/browser"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "search checks failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

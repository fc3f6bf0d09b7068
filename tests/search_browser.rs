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
use std::path::Path;

fn missing() -> Option<String> {
    common::browser::reason(common::browser::missing_for_node())
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
    common::browser::build_into(&site, &out, &[]);
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let port = port.to_string();
    common::browser::node(
        "search.mjs",
        &[
            "--site".as_ref(),
            out.as_os_str(),
            "--port".as_ref(),
            port.as_ref(),
        ],
        "search checks",
    );
}

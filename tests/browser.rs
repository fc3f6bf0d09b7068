//! The default theme in a real browser (issue 5): builds the sample site
//! (`content/` + `site.yaml`) with the real binary, then runs
//! `tests/browser/run.mjs`, which serves it on 127.0.0.1 and checks it in
//! headless Chromium (no horizontal scroll at 320, 360 and 1280 px, search,
//! text size, print, keyboard, no request leaving 127.0.0.1, cumulative
//! layout shift ≤ 0.05 on a phone with the scripts arriving late), with axe-core
//! in the page and the Nu HTML Checker on every page kind. Screenshots go to
//! `target/browser-screenshots/`.
//!
//! `a_relative_build_opens_from_the_disk` builds it with `--relative` and
//! opens it through `file://` (`tests/browser/file.mjs`), as from a USB stick.
//! `photos_pick_their_size_in_a_real_browser` adds an article with five
//! photos and checks which size Chromium downloads (`tests/browser/photos.mjs`).
//!
//! Needs Chromium, Node.js with `npm ci` run in `tests/browser/`, and Java.
//! When one is missing the test is reported as ignored, with what is missing
//! (`test default_theme_in_a_real_browser ... ignored (missing …)`, counted
//! in "N ignored"), unless `BANTIN_REQUIRE_BROWSER=1` (set by `.ci/run`):
//! then it fails (see `tests/common/tools.rs`).

mod common;
use common::browser::{build_into, chromium, missing_for_node, node, reason, runs, sample_site};
use common::tools;

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What is missing for the browser tests, if anything: what every script
/// needs, and axe-core and the Nu checker (Java).
fn missing() -> Vec<String> {
    let mut out = missing_for_node();
    let modules = root().join("tests/browser/node_modules");
    for m in ["axe-core", "vnu-jar"] {
        if !modules.join(m).join("package.json").is_file() {
            out.push(format!("{m} (npm ci --ignore-scripts in tests/browser)"));
        }
    }
    if !runs("java", "-version") {
        out.push("Java (apt-get install default-jre-headless)".to_string());
    }
    out
}

fn main() {
    tools::run(vec![
        tools::needs(
            "default_theme_in_a_real_browser",
            missing_tools,
            Some("BANTIN_REQUIRE_BROWSER"),
            default_theme_in_a_real_browser,
        ),
        tools::needs(
            "a_relative_build_opens_from_the_disk",
            missing_for_file,
            Some("BANTIN_REQUIRE_BROWSER"),
            a_relative_build_opens_from_the_disk,
        ),
        tools::needs(
            "photos_pick_their_size_in_a_real_browser",
            missing_for_file,
            Some("BANTIN_REQUIRE_BROWSER"),
            photos_pick_their_size_in_a_real_browser,
        ),
        tools::needs(
            "watch_takes_an_open_tab_to_the_moved_article",
            missing_for_file,
            Some("BANTIN_REQUIRE_BROWSER"),
            watch_takes_an_open_tab_to_the_moved_article,
        ),
    ]);
}

/// `bantin watch` on the sample site, the seed article open in Chromium;
/// its title edited in the file, the tab reloads onto the article's new
/// address (`tests/browser/follow.mjs`), not a 404.
fn watch_takes_an_open_tab_to_the_moved_article() {
    let w = common::watch::start_with(false);
    let old = "/cong-tac-dang/ban-chi-dao-thuc-hien-quy-che-dan-chu-o-co-so-khoi-dan-van-dang-uy-phuong-bo-de-giao-ban-quy-i-nam-2020/";
    let file = w
        .root
        .join("content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md");
    let run = Command::new("node")
        .arg(root().join("tests/browser/follow.mjs"))
        .args(["--url", &format!("http://{}{old}", w.addr)])
        .arg("--file")
        .arg(&file)
        .args(["--from", "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường Bồ Đề giao ban quý I năm 2020"])
        .args(["--to", "Giao ban quý I năm 2020 của khối Dân vận"])
        .args(["--expect", &format!("http://{}/cong-tac-dang/giao-ban-quy-i-nam-2020-cua-khoi-dan-van/", w.addr)])
        .arg("--chromium")
        .arg(chromium().unwrap())
        .current_dir(root().join("tests/browser"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// What the file:// and photo tests need: Chromium, Node.js and playwright-core.
fn missing_for_file() -> Option<String> {
    reason(missing_for_node())
}

/// `bantin build --relative` of the sample site, opened from the disk
/// (`file://`, as from a USB stick) by `tests/browser/file.mjs`: styles
/// applied, every link leads to a file that exists, images load, the
/// search page says it needs the site on the web.
fn a_relative_build_opens_from_the_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let site = sample_site(tmp.path());
    // A folder name with a space and a letter with an accent, as a USB
    // stick's folder may have.
    let out = tmp.path().join("USB của phường/ban tin");
    build_into(&site, &out, &["--relative"]);
    let article = std::fs::read_dir(out.join("cong-tac-dang"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n != "trang"
                && out
                    .join("cong-tac-dang")
                    .join(n)
                    .join("index.html")
                    .is_file()
        })
        .min()
        .expect("an article in cong-tac-dang/");
    let article = format!("cong-tac-dang/{article}/index.html");
    node(
        "file.mjs",
        &[
            "--site".as_ref(),
            out.as_os_str(),
            "--article".as_ref(),
            article.as_ref(),
        ],
        "file:// checks",
    );
}

fn missing_tools() -> Option<String> {
    reason(missing())
}

/// Ignored (with the reason) when a tool is missing, failed instead when
/// `BANTIN_REQUIRE_BROWSER=1`; a failed check panics, which fails the test.
fn default_theme_in_a_real_browser() {
    // The sample site, as the repository ships it.
    let tmp = tempfile::tempdir().unwrap();
    let site = sample_site(tmp.path());
    let out = tmp.path().join("out");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base_url = format!("http://127.0.0.1:{port}/");
    build_into(&site, &out, &["--base-url", &base_url]);

    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap_or(Path::new("target"))
        .join("browser-screenshots");
    let port = port.to_string();
    let report = node(
        "run.mjs",
        &[
            "--site".as_ref(),
            out.as_os_str(),
            "--port".as_ref(),
            port.as_ref(),
            "--shots".as_ref(),
            shots.as_os_str(),
        ],
        "browser checks",
    );
    let summary = report
        .lines()
        .filter(|l| l.starts_with("browser tests:") || l.starts_with("screenshots in"));
    for line in summary {
        let _ = writeln!(std::io::stderr(), "{line}");
    }
}

/// A photo as a phone stores it: `width`×`height` JPEG, a gradient with
/// some detail so that it compresses like a picture.
fn photo(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let t = ((x / 7 + y / 5 + seed * 31) % 40) as u8;
        image::Rgb([
            (x * 200 / width) as u8 + t,
            (y * 200 / height) as u8 + t / 2,
            (80 + seed * 40 % 120) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(&img, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// The sample site plus an article with five photos (one portrait), built
/// with the real binary; `tests/browser/photos.mjs` opens it at phone and
/// desktop sizes and checks the candidate Chromium takes from each
/// `srcset`, that shapes are kept, that nothing shifts as the lazy photos
/// load, and that the first photo is eager.
fn photos_pick_their_size_in_a_real_browser() {
    let tmp = tempfile::tempdir().unwrap();
    let site = sample_site(tmp.path());
    let dir = site.join("content/van-hoa-xa-hoi/hoi-thao-anh");
    std::fs::create_dir_all(&dir).unwrap();
    let mut body = String::from(
        "---\ntitle: \"Hội thao phường năm 2026\"\ndate: 01/03/2026 08:00\n\
         category: VĂN HÓA - XÃ HỘI\n---\nSáng 1/3, phường tổ chức hội thao.\n\n",
    );
    for i in 1..=5u32 {
        let (w, h) = if i == 3 { (1600, 2400) } else { (2400, 1600) };
        std::fs::write(dir.join(format!("anh-{i}.jpg")), photo(w, h, i)).unwrap();
        body.push_str(&format!(
            "Đoạn {i} của bài, kể về hội thao của phường.\n\n![Ảnh {i}: vận động viên thi đấu](anh-{i}.jpg)\n\n"
        ));
    }
    std::fs::write(dir.join("index.md"), body).unwrap();
    let out = tmp.path().join("out");
    build_into(&site, &out, &[]);
    let article = "van-hoa-xa-hoi/hoi-thao-phuong-nam-2026/";
    assert!(
        out.join(article).join("index.html").is_file(),
        "no {article}"
    );
    node(
        "photos.mjs",
        &[
            "--site".as_ref(),
            out.as_os_str(),
            "--article".as_ref(),
            article.as_ref(),
        ],
        "photo checks",
    );
}

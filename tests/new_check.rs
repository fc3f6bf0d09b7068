//! `bantin new` and `bantin check`, through the real binary: a new article
//! is published by the next build, and never over an existing one; a new
//! draft is listed by `check`; `check` passes on the sample site and writes
//! nothing. What `check` and `new` say about a broken site is in the cases
//! `tests/cases/check-*` and `tests/cases/new-*`.

mod common;
use common::{bantin, copy_dir};

use std::path::Path;
use std::process::Output;

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SITE: &str = "title: \"Bản tin thử\"\ncategories:\n  - name: CÔNG TÁC ĐẢNG\n    title: Công tác Đảng\n    slug: cong-tac-dang\n";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    dir
}

#[test]
fn new_then_build_publishes_the_article() {
    let dir = site();
    let before = chrono::Utc::now();
    let o = bantin(
        dir.path(),
        &[
            "new",
            "Hội nghị giao ban quý IV",
            "--category",
            "công tác  đảng",
            "--author",
            "Nguyễn Văn A",
            "--publish",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let printed = out(&o)
        .lines()
        .next()
        .and_then(|l| l.split_once(": "))
        .map(|(_, p)| p.to_string())
        .unwrap_or_default();
    let path = dir
        .path()
        .join("content/cong-tac-dang/hoi-nghi-giao-ban-quy-iv.md");
    assert_eq!(Path::new(&printed), path);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("title: \"Hội nghị giao ban quý IV\"\n"),
        "{text}"
    );
    assert!(text.contains("category: \"CÔNG TÁC ĐẢNG\"\n"), "{text}");
    assert!(text.contains("author: \"Nguyễn Văn A\"\n"), "{text}");
    // Now, in Vietnam time, to the minute.
    let date = text.lines().find_map(|l| l.strip_prefix("date: ")).unwrap();
    let parsed = bantin::date::parse(date).unwrap();
    let vn = before.with_timezone(&bantin::date::vietnam());
    assert!(date.len() == "19/02/2020 07:02".len(), "{date}");
    assert!(
        (parsed.timestamp() - vn.timestamp()).abs() < 120,
        "{date} vs {vn}"
    );

    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
    let page = dir
        .path()
        .join("output/cong-tac-dang/hoi-nghi-giao-ban-quy-iv/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Hội nghị giao ban quý IV"));
    assert!(html.contains("Nguyễn Văn A"));

    // Never over an existing article.
    std::fs::write(&path, "giữ nguyên").unwrap();
    let again = bantin(
        dir.path(),
        &[
            "new",
            "Hội nghị giao ban quý IV",
            "--category",
            "CÔNG TÁC ĐẢNG",
            "--lang",
            "en",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(err(&again).contains("already exists"), "{}", err(&again));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "giữ nguyên");
}

#[test]
fn a_new_draft_is_listed_by_check_and_not_published() {
    let dir = site();
    let o = bantin(dir.path(), &["new", "Bản nháp", "--category", "Thông báo"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(dir.path().join("content/thong-bao/ban-nhap.md").is_file());
    let c = bantin(dir.path(), &["check", "--lang", "en"]);
    assert!(c.status.success(), "{}{}", out(&c), err(&c));
    assert!(out(&c).contains("drafts (1)"), "{}", out(&c));
    assert!(
        out(&c).contains("content/thong-bao/ban-nhap.md"),
        "{}",
        out(&c)
    );
    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
    assert!(!dir.path().join("output/thong-bao/ban-nhap").exists());
}

#[test]
fn check_passes_on_the_sample_site_and_writes_nothing() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    copy_dir(&repo.join("content"), &dir.path().join("content"));
    if repo.join("themes").is_dir() {
        copy_dir(&repo.join("themes"), &dir.path().join("themes"));
    }
    let o = bantin(dir.path(), &["check", "--lang", "en"]);
    assert!(o.status.success(), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("no problems"), "{}", out(&o));
    assert!(!dir.path().join("output").exists(), "check wrote output/");
}

/// `bantin new` with `args`, in Vietnamese (the default) or with `--lang en`.
fn new_in(dir: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    if let Some(l) = lang {
        all.extend_from_slice(&["--lang", l]);
    }
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(&all)
        .arg("--root")
        .arg(dir)
        .env_remove("BANTIN_LANG")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    o
}

#[test]
fn new_writes_the_slug_and_draft_and_says_how_to_publish() {
    for (lang, said) in [
        (
            None,
            [
                "Đã tạo bài mới: ",
                "Địa chỉ bài trên trang: /cong-tac-dang/giao-ban-quy-iv/",
                "bản nháp",
                "xóa dòng `draft: true`",
            ],
        ),
        (
            Some("en"),
            [
                "New article written: ",
                "Its address on the site: /cong-tac-dang/giao-ban-quy-iv/",
                "It is a draft",
                "delete the line `draft: true`",
            ],
        ),
    ] {
        let dir = site();
        let o = new_in(
            dir.path(),
            lang,
            &["Giao ban quý IV", "--category", "Công tác Đảng"],
        );
        let path = dir.path().join("content/cong-tac-dang/giao-ban-quy-iv.md");
        let printed = out(&o);
        assert!(printed.contains(&path.display().to_string()), "{printed}");
        for s in said {
            assert!(printed.contains(s), "{lang:?}: `{s}` not in {printed}");
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nslug: \"giao-ban-quy-iv\"\n"), "{text}");
        assert!(text.contains("\ndraft: true\n"), "{text}");
        // A draft: built, it is not published.
        let b = bantin(dir.path(), &["build"]);
        assert!(b.status.success(), "{}", err(&b));
        assert!(
            !dir.path()
                .join("output/cong-tac-dang/giao-ban-quy-iv")
                .exists()
        );
    }
}

#[test]
fn publish_writes_no_draft_line_and_the_next_build_publishes_it() {
    for (lang, said) in [
        (
            None,
            "Bài sẽ được đăng ở lần chạy `bantin build` tiếp theo.",
        ),
        (
            Some("en"),
            "It will be published by the next `bantin build`.",
        ),
    ] {
        let dir = site();
        let o = new_in(
            dir.path(),
            lang,
            &[
                "Giao ban quý IV",
                "--category",
                "Công tác Đảng",
                "--publish",
            ],
        );
        assert!(out(&o).contains(said), "{}", out(&o));
        assert!(!out(&o).contains("draft: true"), "{}", out(&o));
        let path = dir.path().join("content/cong-tac-dang/giao-ban-quy-iv.md");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nslug: \"giao-ban-quy-iv\"\n"), "{text}");
        assert!(!text.contains("draft"), "{text}");
        let b = bantin(dir.path(), &["build"]);
        assert!(b.status.success(), "{}", err(&b));
        assert!(
            dir.path()
                .join("output/cong-tac-dang/giao-ban-quy-iv/index.html")
                .is_file()
        );
    }
}

#[test]
fn editing_the_title_after_new_keeps_the_address() {
    let dir = site();
    new_in(
        dir.path(),
        None,
        &[
            "Giao ban quý IV",
            "--category",
            "Công tác Đảng",
            "--publish",
        ],
    );
    let path = dir.path().join("content/cong-tac-dang/giao-ban-quy-iv.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        "title: \"Giao ban quý IV\"",
        "title: \"Hội nghị giao ban quý IV năm 2026 (đã sửa)\"",
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited + "Nội dung bài.\n").unwrap();
    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
    let page = dir
        .path()
        .join("output/cong-tac-dang/giao-ban-quy-iv/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("năm 2026 (đã sửa)"), "{html}");
    assert!(
        !dir.path()
            .join("output/cong-tac-dang/hoi-nghi-giao-ban-quy-iv-nam-2026-da-sua")
            .exists()
    );
}

#[test]
fn the_old_draft_flag_is_gone() {
    let dir = site();
    let o = bantin(
        dir.path(),
        &["new", "Bản nháp", "--category", "Thông báo", "--draft"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(!dir.path().join("content/thong-bao/ban-nhap.md").exists());
}

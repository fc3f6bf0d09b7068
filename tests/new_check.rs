//! `bantin new` and `bantin check`, through the real binary: a new article
//! is published by the next build; `check` passes on the sample site,
//! writes nothing, and names the file, line and link of every broken
//! internal link (and lists drafts and scheduled articles).

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

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
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
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let printed = out(&o).trim().to_string();
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
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(err(&again).contains("already exists"), "{}", err(&again));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "giữ nguyên");
}

#[test]
fn a_new_draft_is_listed_by_check_and_not_published() {
    let dir = site();
    let o = bantin(
        dir.path(),
        &["new", "Bản nháp", "--category", "Thông báo", "--draft"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(dir.path().join("content/thong-bao/ban-nhap.md").is_file());
    let c = bantin(dir.path(), &["check"]);
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
fn new_refuses_an_empty_title() {
    let dir = site();
    let o = bantin(dir.path(), &["new", "!!!", "--category", "CÔNG TÁC ĐẢNG"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no letter or digit"), "{}", err(&o));
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
    let o = bantin(dir.path(), &["check"]);
    assert!(o.status.success(), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("no problems"), "{}", out(&o));
    assert!(!dir.path().join("output").exists(), "check wrote output/");
}

const GOOD: &str =
    "---\ntitle: Bài đích\ndate: 2020-02-19 07:02\ncategory: CÔNG TÁC ĐẢNG\n---\nNội dung.\n";

#[test]
fn check_names_file_line_and_link_of_every_broken_link() {
    let dir = site();
    write(dir.path(), "content/a/dich.md", GOOD);
    write(dir.path(), "content/a/anh.png", "png");
    write(
        dir.path(),
        "content/a/nguon.md",
        "---\ntitle: Bài nguồn\ndate: 2020-02-20\ncategory: CÔNG TÁC ĐẢNG\nimage: bia-thieu.jpg\n---\n\
         Xem [bài đích](dich.md) và ![ảnh](anh.png).\n\
         \n\
         Xem [bài cũ](../khong-co.md) nữa.\n\
         \n\
         ![thiếu](anh%20thieu.png) [nháp](nhap.md#muc) [web](https://x.vn) [neo](#a)\n",
    );
    write(
        dir.path(),
        "content/a/nhap.md",
        "---\ntitle: Nháp\ndate: 2020-02-21\ncategory: CÔNG TÁC ĐẢNG\ndraft: true\n---\n## Mục\n",
    );
    write(
        dir.path(),
        "content/a/sau.md",
        "---\ntitle: Sắp đăng\ndate: 2099-01-01\ncategory: CÔNG TÁC ĐẢNG\n---\nx\n",
    );
    let o = bantin(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    let stderr = err(&o);
    let want = [
        "content/a/nguon.md:5:8: error: the cover image `bia-thieu.jpg`",
        "content/a/nguon.md:9:14: error: the link `../khong-co.md` leads to no published article",
        "content/a/nguon.md:11:10: error: the link `anh%20thieu.png` leads to no article or file",
        "content/a/nguon.md:11:34: error: the link `nhap.md#muc` leads to no published article: content/a/nhap.md is a draft",
        "content/a/nguon.md:11:73: error: the link `#a` leads to no heading `#a` in «Bài nguồn»",
    ];
    for w in want {
        assert!(stderr.contains(w), "missing `{w}` in:\n{stderr}");
    }
    assert_eq!(stderr.matches(": error: ").count(), 5, "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    let stdout = out(&o);
    assert!(stdout.contains("5 problems"), "{stdout}");
    assert!(
        stdout.contains("drafts (1)") && stdout.contains("content/a/nhap.md"),
        "{stdout}"
    );
    assert!(
        stdout.contains("scheduled (1)") && stdout.contains("content/a/sau.md"),
        "{stdout}"
    );
    assert!(!dir.path().join("output").exists(), "check wrote output/");

    // With --drafts the draft is published, and the link to it (and to
    // its heading) resolves.
    let o = bantin(dir.path(), &["check", "--drafts"]);
    assert_eq!(err(&o).matches(": error: ").count(), 4, "{}", err(&o));
    assert!(!err(&o).contains("nhap.md"), "{}", err(&o));
}

#[test]
fn check_reports_what_build_would_refuse() {
    let dir = site();
    write(dir.path(), "content/a/dich.md", GOOD);
    write(
        dir.path(),
        "content/a/sai.md",
        "---\ntitle: Sai ngày\ndate: 30/02/2020\ncategory: CÔNG TÁC ĐẢNG\n---\nx\n",
    );
    write(
        dir.path(),
        "content/a/sai2.md",
        "---\ntitle: Thiếu danh mục\ndate: 2020-02-19\n---\nx\n",
    );
    let o = bantin(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = err(&o);
    assert!(stderr.contains("content/a/sai.md:3"), "{stderr}");
    assert!(stderr.contains("not a real date"), "{stderr}");
    assert!(stderr.contains("content/a/sai2.md"), "{stderr}");
    assert!(!dir.path().join("output").exists());
}

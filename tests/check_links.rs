//! Links written as URLs of the site, through the real binary: `check`
//! checks site-absolute links (`/chinh-quyen/bai/`) and full URLs of the
//! site (`https://<base>/the/x/`) against every page and file the build
//! publishes, honouring the base URL's sub-path, and `#fragment`s against
//! the headings of the article they lead to; `build` warns about a link to
//! a draft or a scheduled article.

mod common;
use common::bantin;

use std::path::Path;

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A site at `base_url`: a target article with headings, tags and an
/// author, a file beside it, a static file, and `nguon.md`, whose body is
/// `body` (its first line is line 6 of the file).
fn site(base_url: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "site.yaml",
        format!(
            "title: \"Bản tin thử\"\nbase_url: \"{base_url}\"\ncategories:\n  - name: CÔNG TÁC ĐẢNG\n    title: Công tác Đảng\n    slug: cong-tac-dang\n"
        ),
    );
    write(
        root,
        "content/a/dich.md",
        "---\ntitle: Bài đích\ndate: 2020-02-19 07:02\ncategory: CÔNG TÁC ĐẢNG\nauthor: Nguyễn Văn A\ntags: [Dân vận]\n---\n## Giới thiệu\n\nx\n\n## Kết luận {#ket}\n\ny\n",
    );
    write(
        root,
        "content/a/anh hội nghị.png",
        common::image_bytes("a.png"),
    );
    write(root, "static/tai-lieu/quy-che.pdf", "pdf");
    write(
        root,
        "content/a/nguon.md",
        format!("---\ntitle: Bài nguồn\ndate: 2020-02-20\ncategory: CÔNG TÁC ĐẢNG\n---\n{body}"),
    );
    dir
}

fn check(dir: &tempfile::TempDir) -> (i32, String, String) {
    let o = bantin(dir.path(), &["check"]);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Links to every kind of page and file the build publishes.
const EVERY_KIND: &str = "\
[bài](/cong-tac-dang/bai-dich/) [trang](/cong-tac-dang/bai-dich/index.html) [không gạch](/cong-tac-dang/bai-dich)
[mục](/cong-tac-dang/) [trang 1](/) [lưu trữ](/luu-tru/) [năm](/luu-tru/2020/02/)
[thẻ](/the/dan-van/) [các thẻ](/the/) [tác giả](/tac-gia/nguyen-van-a/) [tìm](/tim-kiem/)
[rss](/rss.xml) [rss mục](/cong-tac-dang/rss.xml) [sitemap](/sitemap.xml)
[css](/assets/style.css) [pdf](/tai-lieu/quy-che.pdf) ![ảnh](/a/anh%20h%E1%BB%99i%20ngh%E1%BB%8B.png)
[nơi khác](https://baomoi.vn/x/) [thư](mailto:a@b.vn)
";

#[test]
fn site_absolute_links_to_every_published_kind_pass() {
    let dir = site("https://example.vn/", EVERY_KIND);
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // Every link of the site counted (the other site and mailto are not).
    assert!(stdout.contains("and 17 internal links"), "{stdout}");
}

#[test]
fn site_absolute_links_and_full_urls_that_lead_nowhere_are_named() {
    let body = "\
Xem [bài đã xóa](/chinh-quyen/bai-da-xoa/) và [thẻ](https://example.vn/the/dan-van/).

[cũ](https://EXAMPLE.vn/the/khong-co/?trang=2) [giao thức](//example.vn/luu-tru/1999/)
";
    let dir = site("https://example.vn/", body);
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for want in [
        "content/a/nguon.md:6:18: error: the link `/chinh-quyen/bai-da-xoa/` leads to no page or file of the site",
        "content/a/nguon.md:8:6: error: the link `https://EXAMPLE.vn/the/khong-co/?trang=2` leads to no page or file of the site",
        "content/a/nguon.md:8:60: error: the link `//example.vn/luu-tru/1999/` leads to no page or file of the site",
    ] {
        assert!(stderr.contains(want), "missing `{want}` in:\n{stderr}");
    }
    assert_eq!(stderr.matches(": error: ").count(), 3, "{stderr}");
    assert!(stdout.contains("4 internal links: 3 problems"), "{stdout}");
}

#[test]
fn a_sub_path_base_url_is_honoured() {
    let body = "\
[tốt](/ban-tin/cong-tac-dang/bai-dich/#ket) [đủ](https://example.vn/ban-tin/the/dan-van/) [gốc](https://example.vn/ban-tin)
[thiếu](https://example.vn/ban-tin/khong-co/) [quên đường dẫn](/cong-tac-dang/bai-dich/)
[cổng phường](/lien-he/) [cổng 2](https://example.vn/) [đã xóa](/cong-tac-dang/bai-da-xoa/)
";
    let dir = site("https://example.vn/ban-tin/", body);
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for want in [
        "content/a/nguon.md:7:9: error: the link `https://example.vn/ban-tin/khong-co/` leads to no page or file of the site",
        "content/a/nguon.md:7:64: error: the link `/cong-tac-dang/bai-dich/` leaves the site: its pages are under `/ban-tin/`",
        "help: write `/ban-tin/cong-tac-dang/bai-dich/`",
        "content/a/nguon.md:8:65: error: the link `/cong-tac-dang/bai-da-xoa/` leads to no page or file of the site (whose pages are under `/ban-tin/`)",
    ] {
        assert!(stderr.contains(want), "missing `{want}` in:\n{stderr}");
    }
    // `/lien-he/` and the host's home page are another site on the host.
    assert_eq!(stderr.matches(": error: ").count(), 3, "{stderr}");

    // The same links with the base URL at the root of the host.
    let dir = site("https://example.vn/", body);
    let (_, _, stderr) = check(&dir);
    assert!(
        stderr.contains("`/ban-tin/cong-tac-dang/bai-dich/#ket` leads to no page"),
        "{stderr}"
    );
    assert!(!stderr.contains("`/cong-tac-dang/bai-dich/`"), "{stderr}");
}

#[test]
fn fragments_are_checked_against_the_headings_of_the_target_article() {
    let body = "\
## Mở đầu

[tốt](dich.md#gioi-thieu) [tốt](/cong-tac-dang/bai-dich/#ket) [tốt](#mo-dau) [đầu](#top)
[sai](dich.md#khong-co) [sai](https://example.vn/cong-tac-dang/bai-dich/#gioi-thieu-2)
[sai](#ket-luan) [mục](/cong-tac-dang/#bat-ky)
";
    let dir = site("https://example.vn/", body);
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for want in [
        "content/a/nguon.md:9:7: error: the link `dich.md#khong-co` leads to no heading `#khong-co` in «Bài đích»",
        "help: link to one of the article's headings: #gioi-thieu, #ket",
        "content/a/nguon.md:9:31: error: the link `https://example.vn/cong-tac-dang/bai-dich/#gioi-thieu-2` leads to no heading `#gioi-thieu-2` in «Bài đích»",
        "content/a/nguon.md:10:7: error: the link `#ket-luan` leads to no heading `#ket-luan` in «Bài nguồn»",
    ] {
        assert!(stderr.contains(want), "missing `{want}` in:\n{stderr}");
    }
    // Fragments of pages other than articles are not checked.
    assert_eq!(stderr.matches(": error: ").count(), 3, "{stderr}");
}

#[test]
fn build_warns_about_links_to_drafts_and_scheduled_articles() {
    let body = "Xem [bài đích](dich.md) rồi [nháp](nhap.md) và\n[sắp đăng](../b/sau.md#muc).\n";
    let dir = site("https://example.vn/", body);
    write(
        dir.path(),
        "content/a/nhap.md",
        "---\ntitle: Nháp\ndate: 2020-02-21\ncategory: CÔNG TÁC ĐẢNG\ndraft: true\n---\nx\n",
    );
    write(
        dir.path(),
        "content/b/sau.md",
        "---\ntitle: Sắp đăng\ndate: 2099-01-01\ncategory: CÔNG TÁC ĐẢNG\n---\n## Mục\n",
    );
    let o = bantin(dir.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    for want in [
        "content/a/nguon.md:6:36: warning: the link `nhap.md` leads to a draft (content/a/nhap.md)",
        "content/a/nguon.md:7:12: warning: the link `../b/sau.md#muc` leads to an article scheduled for later (content/b/sau.md)",
    ] {
        assert!(stderr.contains(want), "missing `{want}` in:\n{stderr}");
    }
    assert_eq!(stderr.matches(": warning: ").count(), 2, "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let page =
        std::fs::read_to_string(dir.path().join("output/cong-tac-dang/bai-nguon/index.html"))
            .unwrap();
    assert!(
        page.contains(r#"href="/cong-tac-dang/bai-dich/""#),
        "{page}"
    );

    // Published with them, the links resolve and nothing is said.
    let o = bantin(dir.path(), &["build", "--drafts", "--future"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("warning"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_stray_percent_sign_before_a_vietnamese_letter_is_no_panic() {
    // `%a` + `é` once sliced `é` in half while decoding `%XX`.
    let dir = site("https://example.vn/", "[tệp](%aé.png) [trang](/%aé/)\n");
    // `build` refuses the relative link that leads nowhere, as `check` does.
    let o = bantin(dir.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("nguon.md:6:7: error: the link `%aé.png` leads to no file"),
        "{stderr}"
    );
    let (code, _, stderr) = check(&dir);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("nguon.md:6:7: error: the link `%aé.png` leads to no file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nguon.md:6:24: error: the link `/%aé/` leads to no page or file"),
        "{stderr}"
    );
}

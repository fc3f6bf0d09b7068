//! Issue 14, the ward clerk's links and photos, through the real binary, in
//! Vietnamese (the default) and English (`--lang en`): a target with spaces
//! or Vietnamese letters resolves to the file beside the article and is
//! published with a percent-encoded URL; a missing file, a name whose
//! capitals differ from the file's and a path on the editor's computer
//! (`C:\…`, `file:///…`, `/home/…`, `\\server\…`) refuse the build with
//! file:line:col and nothing published; a link to a draft is a warning; and
//! `check` reports links even when another article's front matter is wrong.

mod common;

use std::path::Path;

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A site with `content/tin/bai.md` (front matter `extra`, then `body`:
/// the body's first line is line 6 of the file) and the files `beside` it.
fn site(extra: &str, body: &str, beside: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", "title: \"Bản tin phường\"\n".as_bytes());
    write(
        root,
        "content/tin/bai.md",
        format!("---\ntitle: Hội nghị\ndate: 2024-01-15\ncategory: Tin tức{extra}\n---\n{body}")
            .as_bytes(),
    );
    for name in beside {
        write(
            root,
            &format!("content/tin/{name}"),
            &common::image_bytes(name),
        );
    }
    dir
}

/// `build` must fail with exit 1 in both languages, leave the last good
/// output as it was, and say each of `vi` / `en` (lists of fragments).
fn refused(root: &Path, vi: &[&str], en: &[&str]) {
    let good = root.join("output/index.html");
    assert!(good.exists(), "a last good output first");
    let before = common::tree(&root.join("output"));
    for (english, words) in [(false, vi), (true, en)] {
        for cmd in ["build", "check"] {
            let o = common::run_in_language(root, &[cmd], english);
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{cmd}: {stderr}");
            for w in words {
                assert!(stderr.contains(w), "{cmd} lacks {w:?}:\n{stderr}");
            }
        }
    }
    assert_eq!(
        common::tree(&root.join("output")),
        before,
        "a refused build changed the output"
    );
}

/// Build once with the article replaced by one that works, for a last
/// good output.
fn good_output(root: &Path) {
    let file = root.join("content/tin/bai.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let good = "---\ntitle: Hội nghị\ndate: 2024-01-15\ncategory: Tin tức\n---\nNội dung.\n";
    std::fs::write(&file, good).unwrap();
    let o = common::run_in_language(root, &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::write(&file, text).unwrap();
}

#[test]
fn a_photo_name_with_spaces_and_vietnamese_letters_resolves() {
    let dir = site(
        "",
        "Toàn cảnh:\n\n![Toàn cảnh](Ảnh hội nghị 01.png)\n",
        &["Ảnh hội nghị 01.png"],
    );
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page =
        std::fs::read_to_string(dir.path().join("output/tin-tuc/hoi-nghi/index.html")).unwrap();
    let src = page
        .split("<img src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no image in the page:\n{page}"));
    assert_eq!(
        src,
        // The photo as the page shows it: its size made from the file.
        "/tin/%E1%BA%A2nh%20h%E1%BB%99i%20ngh%E1%BB%8B%2001.16w.webp"
    );
    assert!(!page.contains("![Toàn cảnh]"), "the raw Markdown is shown");
    // The URL, decoded, is the file published beside the page.
    let decoded = percent_encoding::percent_decode_str(&src[1..])
        .decode_utf8()
        .unwrap();
    assert!(
        dir.path().join("output").join(&*decoded).is_file(),
        "{decoded}"
    );
    let o = common::run_in_language(dir.path(), &["check"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_missing_photo_refuses_the_build() {
    let dir = site(
        "",
        "![Toàn cảnh](Ảnh hội nghị 02.png)\n",
        &["Ảnh hội nghị 01.png"],
    );
    good_output(dir.path());
    refused(
        dir.path(),
        &[
            "content/tin/bai.md:6:14: lỗi: ảnh `Ảnh hội nghị 02.png` không dẫn tới tệp nào",
            "có phải bạn muốn viết `Ảnh hội nghị 01.png`?",
        ],
        &[
            "content/tin/bai.md:6:14: error: the image `Ảnh hội nghị 02.png` leads to no file",
            "did you mean `Ảnh hội nghị 01.png`?",
        ],
    );
}

#[test]
fn a_name_whose_capitals_differ_names_the_real_file() {
    let dir = site("", "Ảnh: ![Hội nghị](anh.JPG)\n", &["anh.jpg"]);
    good_output(dir.path());
    refused(
        dir.path(),
        &[
            "content/tin/bai.md:6:18: lỗi: ảnh `anh.JPG` không có: tên này chỉ khác tên tệp content/tin/anh.jpg ở chữ hoa, chữ thường",
            "viết đúng `anh.jpg`",
        ],
        &[
            "content/tin/bai.md:6:18: error: the image `anh.JPG` is not found: its name differs from the file content/tin/anh.jpg only in capital letters",
            "write `anh.jpg` exactly",
        ],
    );
}

#[test]
fn a_path_on_the_editors_computer_names_the_file_beside_the_article() {
    let body = "\
![a](C:\\Users\\Lan\\Desktop\\anh.jpg)
![b](file:///C:/Users/Lan/anh.jpg)
![c](/home/lan/anh.jpg)
![d](\\\\may-chung\\anh\\anh.jpg)
";
    let dir = site("", body, &["anh.jpg"]);
    good_output(dir.path());
    refused(
        dir.path(),
        &[
            "content/tin/bai.md:6:6: lỗi: ảnh `C:\\Users\\Lan\\Desktop\\anh.jpg` là đường dẫn tới một tệp trên máy tính của bạn: trang web không nhìn thấy máy tính của bạn",
            "content/tin/bai.md:7:6: lỗi: ảnh `file:///C:/Users/Lan/anh.jpg`",
            "content/tin/bai.md:8:6: lỗi: ảnh `/home/lan/anh.jpg`",
            // Markdown reads `\\` as `\`: the message shows what it read.
            "content/tin/bai.md:9:6: lỗi: ảnh `\\may-chung\\anh\\anh.jpg`",
            "tệp `anh.jpg` đã có trong thư mục của bài: chỉ cần viết `anh.jpg`",
        ],
        &[
            "content/tin/bai.md:6:6: error: the image `C:\\Users\\Lan\\Desktop\\anh.jpg` is a file on your computer: the web cannot see your computer",
            "content/tin/bai.md:9:6: error: the image `\\may-chung\\anh\\anh.jpg`",
            "the file `anh.jpg` is in the article's folder already: write just `anh.jpg`",
        ],
    );
    // Nothing of that name beside the article: copy it there.
    std::fs::remove_file(dir.path().join("content/tin/anh.jpg")).unwrap();
    refused(
        dir.path(),
        &[
            "chép tệp vào thư mục của bài (content",
            "rồi chỉ viết tên tệp, ví dụ `anh.jpg`",
        ],
        &[
            "copy the file into the article's folder (content",
            "and write just its name, e.g. `anh.jpg`",
        ],
    );
}

#[test]
fn a_cover_image_that_leads_nowhere_refuses_the_build() {
    let dir = site(
        "\nimage: C:\\Users\\Lan\\anh bia.jpg",
        "Nội dung.\n",
        &["anh bia.jpg"],
    );
    good_output(dir.path());
    refused(
        dir.path(),
        &[
            "content/tin/bai.md:5:8: lỗi: ảnh đại diện (dòng `image:`) `C:\\Users\\Lan\\anh bia.jpg`",
            "chỉ cần viết `anh bia.jpg`",
        ],
        &[
            "content/tin/bai.md:5:8: error: the cover image (`image:`) `C:\\Users\\Lan\\anh bia.jpg`",
        ],
    );
    // Written right, with its space, the cover is published.
    let file = dir.path().join("content/tin/bai.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("C:\\Users\\Lan\\anh bia.jpg", "anh bia.jpg"),
    )
    .unwrap();
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page =
        std::fs::read_to_string(dir.path().join("output/tin-tuc/hoi-nghi/index.html")).unwrap();
    assert!(page.contains("/tin/anh%20bia.16w.webp"), "cover URL");
}

#[test]
fn a_link_to_a_draft_is_a_warning_and_the_build_goes_on() {
    let dir = site("", "Xem [bài sắp đăng](nhap.md).\n", &[]);
    write(
        dir.path(),
        "content/tin/nhap.md",
        "---\ntitle: Nháp\ndate: 2024-01-10\ncategory: Tin tức\ndraft: true\n---\nx\n".as_bytes(),
    );
    for (english, words) in [
        (
            false,
            "content/tin/bai.md:6:20: cảnh báo: liên kết `nhap.md` dẫn tới một bài nháp (content/tin/nhap.md)",
        ),
        (
            true,
            "content/tin/bai.md:6:20: warning: the link `nhap.md` leads to a draft (content/tin/nhap.md)",
        ),
    ] {
        for cmd in ["build", "check"] {
            let o = common::run_in_language(dir.path(), &[cmd], english);
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{cmd}: {stderr}");
            assert!(stderr.contains(words), "{cmd}: {stderr}");
        }
    }
    assert!(
        dir.path()
            .join("output/tin-tuc/hoi-nghi/index.html")
            .is_file()
    );
}

#[test]
fn check_reports_links_even_when_another_article_has_errors() {
    let dir = site("", "![Ảnh](anh-thieu.jpg) [bài hỏng](hong.md)\n", &[]);
    write(
        dir.path(),
        "content/tin/hong.md",
        "---\ntitle: Hỏng\ndate: 30/02/2020\ncategory: Tin tức\n---\nx\n".as_bytes(),
    );
    for (english, words) in [
        (
            false,
            [
                "content/tin/hong.md:3:7: lỗi:",
                "content/tin/bai.md:6:8: lỗi: ảnh `anh-thieu.jpg` không dẫn tới tệp nào",
                "liên kết tới các trang khác và tới các đề mục sẽ được kiểm tra khi các lỗi trên đã được sửa",
            ],
        ),
        (
            true,
            [
                "content/tin/hong.md:3:7: error:",
                "content/tin/bai.md:6:8: error: the image `anh-thieu.jpg` leads to no file",
                "links to other pages and to headings are checked once the errors above are fixed",
            ],
        ),
    ] {
        let o = common::run_in_language(dir.path(), &["check"], english);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stderr),
            String::from_utf8_lossy(&o.stdout)
        );
        assert_eq!(o.status.code(), Some(1), "{all}");
        for w in words {
            assert!(all.contains(w), "lacks {w:?}:\n{all}");
        }
        // The link to the article that could not be read is not reported
        // again: its own error says what to fix.
        assert!(!all.contains("hong.md`"), "{all}");
    }
}

#[test]
fn a_photo_whose_accents_are_stored_apart_is_refused_in_plain_words() {
    // The file as a Mac or an unzip program may name it (NFD); the link as
    // typed (NFC): a web server would see two names.
    let nfd = "A\u{309}nh.png";
    let dir = site("", "![Ảnh](Ảnh.png)\n", &[nfd]);
    good_output(dir.path());
    refused(
        dir.path(),
        &[
            "content/tin/bai.md:6:8: lỗi: ảnh `Ảnh.png` không có: tệp cùng tên được lưu với dấu tách rời khỏi chữ",
            "đổi tên tệp content/tin/",
        ],
        &[
            "content/tin/bai.md:6:8: error: the image `Ảnh.png` is not found: the file of that name has its accents stored apart",
            "rename the file content/tin/",
        ],
    );
}

#[test]
fn check_reports_links_beside_two_articles_at_one_address() {
    let dir = site("", "![Ảnh](anh-thieu.jpg)\n", &[]);
    for name in ["mot", "hai"] {
        write(
            dir.path(),
            &format!("content/tin/{name}.md"),
            "---\ntitle: Trùng\ndate: 2024-01-10\ncategory: Tin tức\nslug: trung\n---\nx\n"
                .as_bytes(),
        );
    }
    for (english, words) in [
        // (The address clash is said by `site`, whichever words it uses.)
        (
            false,
            [
                "content/tin/mot.md:5:1: lỗi:",
                "content/tin/bai.md:6:8: lỗi: ảnh `anh-thieu.jpg`",
            ],
        ),
        (
            true,
            [
                "content/tin/mot.md:5:1: error:",
                "content/tin/bai.md:6:8: error: the image `anh-thieu.jpg`",
            ],
        ),
    ] {
        let o = common::run_in_language(dir.path(), &["check"], english);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        for w in words {
            assert!(stderr.contains(w), "lacks {w:?}:\n{stderr}");
        }
    }
}

//! `build`, `watch` and `check` say the same about links (issue 14, item 3):
//! a link written as a URL of the site (`/ban-tin/the/x/`, with the site's
//! base path) that leads to no page or file of the build refuses `build`
//! like a relative one, at file:line:col, in Vietnamese and English, and
//! leaves the output as it was; a good one builds (its `#fragment` is
//! `check`'s alone). `watch` refuses a broken link or image in its overlay
//! and terminal, and prints the warnings `build` prints (a link to a draft,
//! accents joined back after a PDF paste), as `check` does too.

mod common;

use std::path::Path;

use common::watch::start_env;

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A site published under `https://phuong.vn/ban-tin/` with two articles:
/// `content/tin/bai.md` (whose body, `body`, starts on line 6) and
/// `content/tin/khac.md` (at `/ban-tin/tin-tuc/khac/`, heading `#muc-mot`).
fn site(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "site.yaml",
        "title: \"Bản tin phường\"\nbase_url: \"https://phuong.vn/ban-tin/\"\n",
    );
    let front =
        |title: &str| format!("---\ntitle: {title}\ndate: 2024-01-15\ncategory: Tin tức\n---\n");
    write(
        root,
        "content/tin/bai.md",
        format!("{}{body}", front("Bài")),
    );
    write(
        root,
        "content/tin/khac.md",
        format!("{}## Mục một\n\nx\n", front("Khác")),
    );
    write(
        root,
        "content/tin/so-do.png",
        common::image_bytes("so-do.png"),
    );
    dir
}

fn set_body(root: &Path, body: &str) {
    let file = root.join("content/tin/bai.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let head = &text[..text.find("\n---\n").unwrap() + 5];
    std::fs::write(&file, format!("{head}{body}")).unwrap();
}

#[test]
fn build_refuses_a_link_of_the_site_to_no_page_and_keeps_the_output() {
    let dir = site("Nội dung.\n");
    let root = dir.path();
    let o = common::run_in_language(root, &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let before = common::tree(&root.join("output"));

    let cases = [
        // (line 6 of the file, what the Vietnamese and English errors say)
        (
            "Xem [bài](/ban-tin/tin-tuc/khong-co/).\n",
            "content/tin/bai.md:6:11: lỗi: liên kết `/ban-tin/tin-tuc/khong-co/` không dẫn tới trang hay tệp nào của bản tin",
            "content/tin/bai.md:6:11: error: the link `/ban-tin/tin-tuc/khong-co/` leads to no page or file of the site",
        ),
        (
            "![Ảnh](https://phuong.vn/ban-tin/tin/anh-khong-co.png)\n",
            "content/tin/bai.md:6:8: lỗi: liên kết `https://phuong.vn/ban-tin/tin/anh-khong-co.png` không dẫn tới trang hay tệp nào của bản tin",
            "content/tin/bai.md:6:8: error: the link `https://phuong.vn/ban-tin/tin/anh-khong-co.png` leads to no page or file of the site",
        ),
        (
            "Xem [bài](/tin-tuc/khac/).\n",
            "content/tin/bai.md:6:11: lỗi: liên kết `/tin-tuc/khac/` ra ngoài bản tin: các trang của bản tin nằm dưới `/ban-tin/`",
            "content/tin/bai.md:6:11: error: the link `/tin-tuc/khac/` leaves the site: its pages are under `/ban-tin/`",
        ),
    ];
    for (body, vi, en) in cases {
        set_body(root, body);
        for (english, said) in [(false, vi), (true, en)] {
            for cmd in ["build", "check"] {
                let o = common::run_in_language(root, &[cmd], english);
                let stderr = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(1), "{cmd} {body}: {stderr}");
                assert!(stderr.contains(said), "{cmd} lacks {said:?}:\n{stderr}");
            }
        }
        assert_eq!(
            common::tree(&root.join("output")),
            before,
            "a refused build changed the output ({body})"
        );
    }

    // Good links of the site build, a page, a file and the feed; a
    // heading that is not there is for `check` alone.
    set_body(
        root,
        "[a](/ban-tin/tin-tuc/khac/) [b](https://phuong.vn/ban-tin/rss.xml) \
         [c](/ban-tin/tin/so-do.png) [d](/ban-tin/tin-tuc/khac#khong-co) \
         [e](/dich-vu-cong/)\n",
    );
    let o = common::run_in_language(root, &["build"], true);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = std::fs::read_to_string(root.join("output/tin-tuc/bai/index.html")).unwrap();
    assert!(page.contains("href=\"/ban-tin/tin-tuc/khac/\""), "{page}");
    let o = common::run_in_language(root, &["check"], true);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let file = std::fs::read_to_string(root.join("content/tin/bai.md")).unwrap();
    let line = file.lines().nth(5).unwrap();
    let col = line[..line.find("/ban-tin/tin-tuc/khac#").unwrap()]
        .chars()
        .count()
        + 1;
    let said = format!(
        "content/tin/bai.md:6:{col}: error: the link `/ban-tin/tin-tuc/khac#khong-co` leads to no heading `#khong-co`"
    );
    assert!(stderr.contains(&said), "{said}\n{stderr}");
}

#[test]
fn check_prints_the_warnings_build_prints() {
    let dir = site("To \u{302} \u{301}i nga \u{300}y họp.\n");
    for (english, said) in [
        (
            false,
            "content/tin/bai.md:6:1: cảnh báo: có 2 chỗ dấu bị tách khỏi chữ",
        ),
        (
            true,
            "content/tin/bai.md:6:1: warning: accents separated from their letters",
        ),
    ] {
        for cmd in ["build", "check"] {
            let o = common::run_in_language(dir.path(), &[cmd], english);
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{cmd}: {stderr}");
            assert!(stderr.contains(said), "{cmd} lacks {said:?}:\n{stderr}");
        }
    }
}

const ARTICLE: &str = "content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md";

/// `(broken link, its error; the draft link's warning)` in each language.
struct Said {
    lang: &'static str,
    absolute: &'static str,
    image: &'static str,
    draft: &'static str,
    accents: &'static str,
}

const LANGS: [Said; 2] = [
    Said {
        lang: "vi",
        absolute: "lỗi: liên kết `/chinh-quyen/khong-co/` không dẫn tới trang hay tệp nào của bản tin",
        image: "lỗi: ảnh `anh-khong-co.png` không dẫn tới tệp nào",
        draft: "cảnh báo: liên kết `../mat-tran-doan-the/ke-hoach-ngay-hoi-dai-doan-ket-nam-2026.md` dẫn tới một bài nháp",
        accents: "cảnh báo: có 2 chỗ dấu bị tách khỏi chữ",
    },
    Said {
        lang: "en",
        absolute: "error: the link `/chinh-quyen/khong-co/` leads to no page or file of the site",
        image: "error: the image `anh-khong-co.png` leads to no file",
        draft: "warning: the link `../mat-tran-doan-the/ke-hoach-ngay-hoi-dai-doan-ket-nam-2026.md` leads to a draft",
        accents: "warning: accents separated from their letters",
    },
];

#[test]
fn watch_refuses_broken_links_and_prints_warnings_as_build_does() {
    for said in LANGS {
        let w = start_env(false, &[], &[("BANTIN_LANG", said.lang)]);
        let article = w.root.join(ARTICLE);
        let good = std::fs::read_to_string(&article).unwrap();
        let lines = good.lines().count();
        // A link of the site to no page, and a photo that is not there.
        let broken =
            format!("{good}\nXem [bài](/chinh-quyen/khong-co/).\n\n![Ảnh](anh-khong-co.png)\n");
        std::fs::write(&article, broken).unwrap();
        let page = w.wait_for("/", "the error overlay", |r| {
            r.text().contains("bantin-error")
        });
        let html = page.text();
        let at = |line: usize, col: usize| format!("{ARTICLE}:{line}:{col}: ");
        let absolute = format!("{}{}", at(lines + 2, 11), said.absolute);
        let image = format!("{}{}", at(lines + 4, 8), said.image);
        for want in [&absolute, &image] {
            let escaped = want.replace('`', "&#96;");
            assert!(
                html.contains(want.as_str()) || html.contains(&escaped),
                "{}: overlay lacks {want:?}:\n{html}",
                said.lang
            );
        }
        w.log_until(&[absolute.as_str()]);

        // Fixed, with a link to a draft and a PDF paste: built, and
        // the warnings printed as `build` prints them.
        let fixed = format!(
            "{good}\nXem [kế hoạch](../mat-tran-doan-the/ke-hoach-ngay-hoi-dai-doan-ket-nam-2026.md).\n\nTo \u{302} \u{301}i nga \u{300}y họp.\n"
        );
        std::fs::write(&article, fixed).unwrap();
        w.wait_for("/", "the overlay gone", |r| {
            r.status == 200 && !r.text().contains("bantin-error")
        });
        let draft = format!("{}{}", at(lines + 2, 16), said.draft);
        let accents = format!("{}{}", at(lines + 4, 1), said.accents);
        let printed = w.log_until(&[accents.as_str()]).join("\n");
        assert!(printed.contains(&draft), "{}: {printed}", said.lang);
    }
}

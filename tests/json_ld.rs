//! Structured data (issue 12 item 12): each article page's `NewsArticle`
//! JSON-LD parses and names the author's page (`author.url`), an image
//! (the cover, else the first image of the body) and the publisher's logo,
//! all as absolute URLs of files the build published.

mod common;

use common::{Site, json_lds};
use serde_json::Value;
use std::path::Path;

/// The published file an absolute URL of the site names.
fn published(out: &Path, base: &str, url: &str) -> bool {
    let Some(rel) = url.strip_prefix(base) else {
        return false;
    };
    let file = if rel.is_empty() || rel.ends_with('/') {
        out.join(rel).join("index.html")
    } else {
        out.join(rel)
    };
    file.is_file()
}

/// What every article's JSON-LD must hold; returns its image, if any.
fn check(out: &Path, base: &str, page: &str, v: &Value) -> Option<String> {
    assert_eq!(v["@type"], "NewsArticle", "{page}");
    let author = &v["author"];
    let url = author["url"]
        .as_str()
        .unwrap_or_else(|| panic!("{page}: no author.url in {v}"));
    assert!(
        published(out, base, url),
        "{page}: author.url {url} is not a page"
    );
    if author["@type"] == "Person" {
        assert!(url.starts_with(&format!("{base}tac-gia/")), "{page}: {url}");
    }
    let image = v["image"]
        .as_array()
        .map(|a| a[0].as_str().unwrap().to_string());
    if let Some(image) = image
        .as_deref()
        .filter(|i| !i.starts_with("https://anh.example.vn/"))
    {
        assert!(
            published(out, base, image),
            "{page}: image {image} is not published"
        );
    }
    image
}

#[test]
fn the_sample_site_names_author_pages_images_and_the_logo() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let base = "https://phuong.example.gov.vn/ban-tin/";
    let r = common::command()
        .args(["build", "--base-url", base, "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let mut all = json_lds(&out);
    // Document pages (issue 16) carry `Legislation`, checked in documents.rs.
    all.retain(|page, _| !page.starts_with("van-ban/"));
    assert!(all.len() > 10, "{} article pages", all.len());
    for (page, v) in &all {
        check(&out, base, page, v);
        let logo = v["publisher"]["logo"]["url"].as_str();
        assert_eq!(logo, Some(&*format!("{base}assets/emblem.svg")), "{page}");
        assert!(published(&out, base, logo.unwrap()));
    }
    let cover = &all["van-hoa-xa-hoi/am-ap-dem-hoi-trang-ram-cho-em-nam-2024/index.html"];
    assert_eq!(
        cover["image"][0],
        // The cover's 1200 px JPEG (or the photo's width when narrower).
        format!("{base}van-hoa-xa-hoi/le-hoi-anh.og.jpg"),
        "{cover}"
    );
}

#[test]
fn a_body_image_stands_in_for_a_missing_cover() {
    let site = Site::new("full");
    site.write(
        "content/cong-tac-dang/anh-trong-bai.md",
        "---\ntitle: Ảnh trong bài\ndate: 2024-05-02\ncategory: CÔNG TÁC ĐẢNG\n---\nMở đầu.\n\n![Hội nghị](anh-hoi-nghi.png \"Hội nghị\")\n\n![Ảnh khác](https://anh.example.vn/a.jpg?x=1&y=2)\n",
    );
    site.write(
        "content/cong-tac-dang/anh-ngoai.md",
        "---\ntitle: Ảnh ngoài\ndate: 2024-05-03\ncategory: CÔNG TÁC ĐẢNG\n---\n![Ảnh](https://anh.example.vn/a.jpg?x=1&y=2)\n",
    );
    site.build(&[]);
    let base = "https://example.gov.vn/ban-tin/";
    let all = json_lds(&site.out());
    for (page, v) in &all {
        check(&site.out(), base, page, v);
        // The fixture's site.yaml has no logo: none is made up.
        assert!(v["publisher"].get("logo").is_none(), "{v}");
    }
    let inner = &all["cong-tac-dang/anh-trong-bai/index.html"];
    assert_eq!(
        inner["image"][0],
        // The photo as the page shows it (the fixture's is 2 px wide).
        format!("{base}cong-tac-dang/anh-hoi-nghi.2w.webp")
    );
    let outer = &all["cong-tac-dang/anh-ngoai/index.html"];
    assert_eq!(outer["image"][0], "https://anh.example.vn/a.jpg?x=1&y=2");
    // An article without any image has no `image`.
    let none = &all["cong-tac-dang/dang-uy-phuong-so-ket-cong-tac-6-thang-dau-nam/index.html"];
    assert!(none.get("image").is_none(), "{none}");
}

//! Documents (văn bản, issue 16) through the real binary on the
//! `documents` fixture: the register newest issued first and paginated,
//! its filters by type, issuer and year, a document's page (fields, files
//! with type and size, status by the build time, replacements both ways,
//! the articles that link to it), the feed, sitemap, JSON-LD, the search
//! index, and a site without documents showing none of it.

mod common;

use common::{Site, bantin_env};

/// Build the fixture as of `now` (`BANTIN_NOW`).
fn built_at(now: &str) -> Site {
    let site = Site::new("documents");
    let r = bantin_env(&site.root, &["build"], &[("BANTIN_NOW", now)]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    site
}

/// The numbers of a register page's rows, in order.
fn numbers(html: &str) -> Vec<String> {
    html.split("<td class=\"doc-number\" data-label=\"Số hiệu\"><a href=\"")
        .skip(1)
        .map(|row| {
            row.split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn the_register_lists_newest_issued_first_in_pages() {
    let site = built_at("2026-05-01");
    // per_page: 3 in the fixture's site.yaml.
    assert_eq!(
        numbers(&site.page("van-ban/")),
        ["45/KH-UBND", "03-NQ/ĐU", "12/TB-UBND"]
    );
    let second = site.page("van-ban/trang/2/");
    assert_eq!(numbers(&second), ["7/QĐ-UBND", "30/KH-UBND"]);
    assert!(second.contains("(trang 2/2)"), "{second}");
    // The menu has "Văn bản" on every page, current on the register.
    assert!(site.page("").contains(">Văn bản</a>"));
    assert!(
        site.page("van-ban/")
            .contains("href=\"/van-ban/\" aria-current=\"page\">Văn bản")
    );
}

#[test]
fn filtered_registers_show_one_type_issuer_or_year() {
    let site = built_at("2026-05-01");
    assert_eq!(
        numbers(&site.page("van-ban/loai/ke-hoach/")),
        ["45/KH-UBND", "30/KH-UBND"]
    );
    assert_eq!(
        numbers(&site.page("van-ban/co-quan/dang-uy-phuong/")),
        ["03-NQ/ĐU"]
    );
    assert_eq!(
        numbers(&site.page("van-ban/nam/2025/")),
        ["7/QĐ-UBND", "30/KH-UBND"]
    );
    let by_type = site.page("van-ban/loai/ke-hoach/");
    assert!(by_type.contains("<h1 class=\"list-title\">Văn bản: Kế hoạch</h1>"));
    assert!(
        by_type.contains("href=\"/van-ban/loai/ke-hoach/\" aria-current=\"page\">Kế hoạch (2)")
    );
}

#[test]
fn a_document_page_shows_every_field_and_its_files_with_size() {
    let site = built_at("2026-05-01");
    let page = site.page("van-ban/45-kh-ubnd/");
    for field in [
        "<dt>Số hiệu</dt><dd>45/KH-UBND</dd>",
        "<dd><a href=\"/van-ban/loai/ke-hoach/\">Kế hoạch</a></dd>",
        "<dd><a href=\"/van-ban/co-quan/ubnd-phuong/\">UBND phường</a></dd>",
        "<time datetime=\"2026-03-12\">12/03/2026</time>",
        "<dt>Người ký</dt><dd>Nguyễn Văn An</dd>",
        "<dt>Hiệu lực từ</dt><dd>15/03/2026</dd>",
        "<h1 class=\"article-title\">Kế hoạch thực hiện công tác dân vận chính quyền năm 2026</h1>",
    ] {
        assert!(page.contains(field), "{field}");
    }
    let size = std::fs::metadata(site.root.join("content/van-ban/ke-hoach-45.pdf"))
        .unwrap()
        .len();
    // A small PDF: whole KB, at least 1 (text::file_label's rule).
    assert!(size < 1000 * 1024, "{size}");
    let kb = ((size as f64 / 1024.0).round() as u64).max(1);
    let label = format!("(PDF, {kb} KB)");
    assert!(
        page.contains(&format!(
            "<a href=\"/van-ban/ke-hoach-45.pdf\" download>ke-hoach-45.pdf</a> {label}"
        )),
        "{page}"
    );
    assert!(site.out().join("van-ban/ke-hoach-45.pdf").is_file());
    // Two files, the larger one in KB.
    let nq = site.page("van-ban/03-nq-du/");
    assert!(nq.contains("nghi-quyet-03.pdf</a> (PDF, "), "{nq}");
    // 2,254 bytes: 2.2 KB, shown as 2 KB.
    assert_eq!(
        std::fs::metadata(site.root.join("content/van-ban/phu-luc.pdf"))
            .unwrap()
            .len(),
        2254
    );
    assert!(nq.contains("phu-luc.pdf</a> (PDF, 2 KB)"), "{nq}");
}

#[test]
fn a_replacement_links_both_ways() {
    let site = built_at("2026-05-01");
    let old = site.page("van-ban/30-kh-ubnd/");
    assert!(
        old.contains("Đã được thay thế bởi <a href=\"/van-ban/45-kh-ubnd/\">45/KH-UBND</a>"),
        "{old}"
    );
    let new = site.page("van-ban/45-kh-ubnd/");
    assert!(
        new.contains("Thay thế <a href=\"/van-ban/30-kh-ubnd/\">30/KH-UBND</a>"),
        "{new}"
    );
    assert!(
        site.page("van-ban/trang/2/")
            .contains("Đã được thay thế bởi 45/KH-UBND")
    );
}

#[test]
fn a_document_expires_after_its_day_at_the_build_time() {
    let status = |now: &str| {
        let site = built_at(now);
        let page = site.page("van-ban/12-tb-ubnd/");
        page.split("<dt>Trạng thái</dt><dd>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    // expires: 31/03/2026 — in force through that day (Vietnam time).
    assert_eq!(status("2026-03-31 23:59"), "Còn hiệu lực");
    assert_eq!(status("2026-04-01 00:00"), "Hết hiệu lực");
    assert_eq!(status("2027-01-01"), "Hết hiệu lực");
}

#[test]
fn an_article_linking_to_a_document_reaches_its_page_and_is_listed_on_it() {
    let site = built_at("2026-05-01");
    let article = site.page("chinh-quyen/phuong-trien-khai-cong-tac-dan-van-nam-2026/");
    assert!(
        article.contains("<a href=\"/van-ban/45-kh-ubnd/\">Kế hoạch số 45/KH-UBND</a>"),
        "{article}"
    );
    let doc = site.page("van-ban/45-kh-ubnd/");
    let related = doc
        .split("Bài viết liên quan")
        .nth(1)
        .expect("related list");
    assert!(related.contains("Phường triển khai công tác dân vận năm 2026"));
    assert!(!related.contains("Tin khác không nhắc văn bản"));
    assert!(
        !site
            .page("van-ban/30-kh-ubnd/")
            .contains("Bài viết liên quan")
    );
}

#[test]
fn feed_sitemap_json_ld_and_search_index_know_documents() {
    let site = built_at("2026-05-01");
    let feed = std::fs::read_to_string(site.out().join("van-ban/rss.xml")).unwrap();
    assert!(feed.contains("<link>https://dongtam.example.vn/van-ban/45-kh-ubnd/</link>"));
    assert_eq!(feed.matches("<item>").count(), 5);
    let sitemap = std::fs::read_to_string(site.out().join("sitemap.xml")).unwrap();
    for loc in ["van-ban/", "van-ban/45-kh-ubnd/", "van-ban/7-qd-ubnd/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://dongtam.example.vn/{loc}</loc>")),
            "{loc}"
        );
    }
    let lds = common::json_lds(&site.out());
    let ld = lds
        .iter()
        .find(|(k, _)| k.contains("45-kh-ubnd"))
        .map(|(_, v)| v)
        .expect("JSON-LD on the document page");
    assert_eq!(ld["@type"], "Legislation");
    assert_eq!(ld["legislationIdentifier"], "45/KH-UBND");
    assert_eq!(
        ld["legislationChanges"]["legislationIdentifier"],
        "30/KH-UBND"
    );
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.out().join("tim-kiem/index.json")).unwrap())
            .unwrap();
    let docs = index["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0][0], "45/KH-UBND");
    assert_eq!(docs[0][2], "van-ban/45-kh-ubnd/");
    assert!(site.page("tim-kiem/").contains("id=\"doc-results\""));
}

#[test]
fn a_site_without_documents_has_no_register() {
    let site = Site::new("documents");
    std::fs::remove_dir_all(site.root.join("content/van-ban")).unwrap();
    // The article's link now leads nowhere: remove it.
    site.write(
        "content/chinh-quyen/trien-khai.md",
        "---\ntitle: \"Phường triển khai\"\ndate: 2026-03-20 08:00\ncategory: CHÍNH QUYỀN\n---\nKhông liên kết.\n",
    );
    site.build(&[]);
    assert!(!site.out().join("van-ban").exists());
    assert!(!site.page("").contains("Văn bản"));
    let index = std::fs::read_to_string(site.out().join("tim-kiem/index.json")).unwrap();
    assert!(!index.contains("documents"));
    assert!(!site.page("tim-kiem/").contains("doc-results"));
}

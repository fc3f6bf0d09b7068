//! `bantin build` on the full fixture site (`tests/fixtures/full/`): every
//! page kind and every front-matter form, checked in the written files.
//! The site has a base URL with a sub-path (`/ban-tin/`), an NFD file, a
//! UTF-8 BOM + CRLF file, every date form, grouped view counts, a draft, a
//! future article, raw HTML to sanitise, a `<b>` title to escape, a
//! co-located image and PDF, and an Đ-heavy title.

mod common;

use common::counts::{between, counts};
use common::{Site, links, tree};
use std::fs;

const GIAO_BAN: &str = "cong-tac-dang/ban-chi-dao-quy-che-dan-chu-phuong-giao-ban-quy-i-nam-2020/";
const SO_KET: &str = "cong-tac-dang/dang-uy-phuong-so-ket-cong-tac-6-thang-dau-nam/";
const DOI_THOAI: &str = "chinh-quyen/ubnd-phuong-to-chuc-doi-thoai-voi-nhan-dan-nam-2021/";
const TIEP_DAN: &str = "chinh-quyen/lanh-dao-phuong-tiep-cong-dan-dinh-ky-thang-1/";
const CAI_CACH: &str = "chinh-quyen/ket-qua-cai-cach-hanh-chinh-nam-2023/";
const QUOC_KHANH: &str = "chinh-quyen/phuong-to-chuc-le-chao-co-mung-quoc-khanh-2-9/";
const HOI_THI: &str = "van-hoa-xa-hoi/hoi-thi-b-van-nghe-b-quan-chung-nam-2024/";
const DEN_DO: &str = "van-hoa-xa-hoi/doan-dai-bieu-dang-uy-phuong-dong-tam-den-tham-den-do/";

fn built() -> Site {
    let site = Site::new("full");
    site.build(&[]);
    site
}

#[test]
fn summary_line_counts_articles_pages_and_skipped() {
    let site = Site::new("full");
    let r = site.build(&[]);
    let c = counts("full");
    assert!(c.published > 2 && c.drafts > 0 && c.scheduled > 0 && c.files > 0);
    assert_eq!(r.stdout.lines().count(), 1, "one line: {}", r.stdout);
    // bantin: published N articles: P pages and F files in T s (skipped D drafts, S scheduled)
    let line = r.stdout.trim_end();
    let articles = between(line, "bantin: published ", " articles: ");
    let pages = between(line, " articles: ", " pages and ");
    let files = between(line, " pages and ", " files in ");
    // English agrees in number: "1 draft", "2 drafts".
    let plural = if c.drafts == 1 {
        " draft, "
    } else {
        " drafts, "
    };
    let drafts = between(line, "(skipped ", plural);
    let scheduled = between(line, plural, " scheduled)");
    assert_eq!(
        (articles, drafts, scheduled),
        (c.published, c.drafts, c.scheduled),
        "{line}"
    );
    // The files copied: those of the fixture, the theme's assets and the
    // sizes made from the fixture's photos.
    let assets = fs::read_dir(site.out().join("assets")).unwrap().count();
    let sizes = tree(&site.out())
        .keys()
        .filter(|f| f.ends_with(".webp") || f.ends_with(".og.jpg"))
        .count();
    assert!(sizes > 0, "the fixture's photo has its sizes");
    assert_eq!(files, c.files + assets + sizes, "{line}");
    // Every other file written is a page (HTML, feeds, sitemap, index).
    let written = tree(&site.out()).len() - 1; // less `.bantin-output`
    assert_eq!(pages + files, written, "{line}");
}

#[test]
fn every_page_kind_is_written() {
    let site = built();
    for path in [
        "",
        "trang/2/",
        GIAO_BAN,
        "cong-tac-dang/",
        "chinh-quyen/",
        "chinh-quyen/trang/2/",
        "van-hoa-xa-hoi/",
        "luu-tru/",
        "luu-tru/2020/",
        "luu-tru/2020/02/",
        "tac-gia/",
        "tac-gia/nguyen-van-hung/",
        "tac-gia/nguyen-van-hung/trang/2/",
        "the/",
        "the/dan-van/",
        "the/quy-che-dan-chu/",
        "tim-kiem/",
        "404.html",
        "robots.txt",
        "rss.xml",
        "cong-tac-dang/rss.xml",
        "sitemap.xml",
        "tim-kiem/index.json",
    ] {
        assert!(!site.page(path).is_empty(), "{path} is empty");
    }
    // The home list runs to the last page its articles fill, no further.
    let c = counts("full");
    let last = c.published.div_ceil(c.per_page);
    assert!(!site.page(&format!("trang/{last}/")).is_empty());
    assert!(!site.out().join(format!("trang/{}", last + 1)).exists());
}

#[test]
fn article_page_is_like_the_portal() {
    let site = built();
    let page = site.page(GIAO_BAN);
    assert!(
        page.contains("Ngày đăng 19/02/2020 | 07:02 | Lượt xem: 290"),
        "{page}"
    );
    assert!(page.contains("CÔNG TÁC ĐẢNG"), "category in capitals");
    assert!(page.contains("<p class=\"signature\">Nguyễn Văn Hùng</p>"));
    assert!(page.contains("Tin liên quan"));
    assert!(
        page.contains(&format!("href=\"/ban-tin/{SO_KET}\"")),
        "related/next link"
    );
    assert!(page.contains("class=\"breadcrumb\""));
    // Markdown: table, footnote, strikethrough, heading id, numbered list.
    for part in [
        "<table>",
        "footnote-definition",
        "<del>đơn thư</del>",
        "id=\"nhiem-vu-quy-ii\"",
        "<ol>",
    ] {
        assert!(page.contains(part), "{part} missing");
    }
    // Every date form, shown in Vietnam time.
    for (path, line) in [
        (SO_KET, "Ngày đăng 05/03/2020 | 08:30 | Lượt xem: 1.204"),
        (DOI_THOAI, "Ngày đăng 01/06/2021 | 00:00 | Lượt xem: 12.345"),
        (TIEP_DAN, "Ngày đăng 10/01/2022 | 07:30 | Lượt xem: 12.345"),
        (CAI_CACH, "Ngày đăng 15/08/2023 | 00:00 | Lượt xem: 77"),
        (QUOC_KHANH, "Ngày đăng 02/09/2023 | 09:15 | Lượt xem: 530"),
        (DEN_DO, "Ngày đăng 12/05/2024 | 10:00 | Lượt xem: 45"),
    ] {
        assert!(site.page(path).contains(line), "{path}: {line}");
    }
}

#[test]
fn nfd_bom_and_crlf_input_come_out_clean() {
    let site = built();
    let nfc = "Đảng ủy phường sơ kết công tác 6 tháng đầu năm";
    let page = site.page(SO_KET);
    assert!(page.contains(nfc), "NFD title not normalised");
    assert!(page.contains("Đảng ủy phường đánh giá cao"));
    // NFD `Công tác Đảng` and `CÔNG TÁC ĐẢNG` are one category.
    let list = site.page("cong-tac-dang/");
    assert!(list.contains(nfc) && list.contains("giao ban quý I năm 2020"));
    let dirs: Vec<_> = fs::read_dir(site.out())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        dirs.iter()
            .filter(|d| d.to_string_lossy().starts_with("cong-tac"))
            .count(),
        1
    );
    // No file holds NFD text, a BOM or a carriage return.
    for (file, bytes) in tree(&site.out()) {
        if [".png", ".pdf", ".webp", ".jpg"]
            .iter()
            .any(|e| file.ends_with(e))
        {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains('\u{feff}') && !text.contains('\r'), "{file}");
        assert!(
            !text.contains("a\u{300}") && !text.contains("o\u{302}"),
            "{file} has NFD text"
        );
    }
    let bom_page = site.page(DOI_THOAI);
    assert!(bom_page.contains(
        "<h1 class=\"article-title\">UBND phường tổ chức đối thoại với nhân dân năm 2021</h1>"
    ));
}

#[test]
fn raw_html_is_sanitised_and_titles_escaped() {
    let site = built();
    let page = site.page(HOI_THI);
    let body = page.split("article-body").nth(1).unwrap();
    for bad in [
        "<script>alert",
        "onclick",
        "onerror",
        "onmouseover",
        "javascript:",
    ] {
        assert!(!body.contains(bad), "{bad} survived");
    }
    assert!(
        body.contains("<strong>15 đội</strong>"),
        "harmless HTML was dropped"
    );
    // The `<b>` in the title is text everywhere.
    assert!(page.contains("Hội thi &lt;b&gt;văn nghệ&lt;/b&gt; quần chúng"));
    // (The search index is JSON data: the title is a string there, and the
    // search script inserts it as text.)
    for (path, _) in tree(&site.out())
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".json"))
    {
        let text = String::from_utf8_lossy(&fs::read(site.out().join(&path)).unwrap()).into_owned();
        assert!(
            !text.contains("<b>văn nghệ"),
            "raw <b> from the title in {path}"
        );
    }
    // Feed readers decode a title as HTML after the XML: escaped twice.
    assert!(
        site.page("rss.xml")
            .contains("Hội thi &#x26;lt;b&#x26;gt;văn nghệ&#x26;lt;/b&#x26;gt;")
    );
    // With unsafe_html the editor's HTML is kept as written.
    let yaml = fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{yaml}unsafe_html: true\n"));
    site.build(&[]);
    assert!(site.page(HOI_THI).contains("onclick=\"alert(2)\""));
}

#[test]
fn colocated_files_are_published_and_linked() {
    let site = built();
    let page = site.page(GIAO_BAN);
    // The photo is shown at the sizes made from it (see tests/photos.rs).
    assert!(
        page.contains("srcset=\"/ban-tin/cong-tac-dang/anh-hoi-nghi."),
        "{page}"
    );
    assert!(page.contains("href=\"/ban-tin/cong-tac-dang/ke-hoach-2020.pdf\""));
    assert!(
        page.contains(&format!("href=\"/ban-tin/{SO_KET}#ket-qua\"")),
        "link to another article's .md"
    );
    let png = fs::read(site.out().join("cong-tac-dang/anh-hoi-nghi.png")).unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
    assert!(site.out().join("cong-tac-dang/ke-hoach-2020.pdf").is_file());
    // The cover image appears on lists (its thumbnail) and in Open Graph
    // (its 1200 px JPEG).
    assert!(
        site.page("cong-tac-dang/")
            .contains("/ban-tin/cong-tac-dang/anh-hoi-nghi.thumb.webp")
    );
    assert!(
        page.contains(
            "content=\"https://example.gov.vn/ban-tin/cong-tac-dang/anh-hoi-nghi.og.jpg\""
        )
    );
}

#[test]
fn slugs_drop_accents_and_map_d() {
    let site = built();
    assert!(
        site.page(DEN_DO)
            .contains("Đoàn Đại biểu Đảng ủy phường Đồng Tâm đến thăm Đền Đô")
    );
    assert!(
        site.out()
            .join("tac-gia/van-phong-hdnd-ubnd-phuong/index.html")
            .is_file()
    );
}

#[test]
fn drafts_and_future_articles_need_their_flags() {
    let site = built();
    let all = tree(&site.out());
    let has = |t: &std::collections::BTreeMap<String, Vec<u8>>, s: &str| {
        t.values().any(|b| String::from_utf8_lossy(b).contains(s))
    };
    assert!(!has(&all, "Bản nháp chưa duyệt") && !has(&all, "năm 2099"));
    site.build(&["--drafts"]);
    assert!(
        site.page("chinh-quyen/ban-nhap-chua-duyet/")
            .contains("Bản nháp chưa duyệt")
    );
    assert!(
        !site
            .out()
            .join("chinh-quyen/thong-bao-lich-tiep-dan-nam-2099")
            .exists()
    );
    site.build(&["--future"]);
    assert!(
        site.page("chinh-quyen/thong-bao-lich-tiep-dan-nam-2099/")
            .contains("năm 2099")
    );
    assert!(!site.out().join("chinh-quyen/ban-nhap-chua-duyet").exists());
}

#[test]
fn home_has_featured_latest_blocks_and_most_viewed() {
    let site = built();
    let home = site.page("");
    let featured = home.split("Tin nổi bật").nth(1).expect("no Tin nổi bật");
    assert!(
        featured
            .split("Tin mới")
            .next()
            .unwrap()
            .contains("giao ban quý I năm 2020")
    );
    let most = home
        .split("Tin đọc nhiều")
        .nth(1)
        .expect("no Tin đọc nhiều");
    let order: Vec<usize> = [
        "Lượt xem: 12.345",
        "Lượt xem: 1.204",
        "Lượt xem: 530",
        "Lượt xem: 290",
    ]
    .iter()
    .map(|s| {
        most.find(s)
            .unwrap_or_else(|| panic!("{s} not in Tin đọc nhiều"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "not by views: {order:?}"
    );
    for block in ["Công tác Đảng", "Chính quyền", "VĂN HÓA - XÃ HỘI"] {
        assert!(home.contains(block), "no block {block}");
    }
}

#[test]
fn every_internal_link_resolves_under_the_base_path() {
    let site = built();
    let out = site.out();
    let mut checked = 0;
    for (file, bytes) in tree(&out) {
        if !file.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for link in links(&html) {
            if link.starts_with("https://example.gov.vn/ban-tin/") {
                continue; // canonical and Open Graph: absolute by design
            }
            if link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            let path = link
                .strip_prefix("/ban-tin/")
                .unwrap_or_else(|| panic!("{file}: `{link}` is not under the base path"));
            let path = path.split(['#', '?']).next().unwrap();
            let target = if path.is_empty() || path.ends_with('/') {
                out.join(path).join("index.html")
            } else {
                out.join(path)
            };
            assert!(target.is_file(), "{file}: `{link}` leads nowhere");
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn feeds_sitemap_and_search_index_parse() {
    let site = built();
    for (file, bytes) in tree(&site.out()) {
        if !file.ends_with(".xml") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let root = doc.root_element();
        if file.ends_with("rss.xml") {
            assert_eq!(root.tag_name().name(), "rss", "{file}");
            assert_eq!(root.attribute("version"), Some("2.0"));
            let channel = root.children().find(|n| n.has_tag_name("channel")).unwrap();
            let items: Vec<_> = channel
                .children()
                .filter(|n| n.has_tag_name("item"))
                .collect();
            assert!(!items.is_empty(), "{file} has no items");
            for item in items {
                for tag in ["title", "link", "pubDate", "guid"] {
                    let node = item.children().find(|n| n.has_tag_name(tag));
                    assert!(
                        node.and_then(|n| n.text()).is_some(),
                        "{file}: item without {tag}"
                    );
                }
                let link = item
                    .children()
                    .find(|n| n.has_tag_name("link"))
                    .unwrap()
                    .text()
                    .unwrap();
                assert!(
                    link.starts_with("https://example.gov.vn/ban-tin/"),
                    "{link}"
                );
            }
        } else {
            assert_eq!(root.tag_name().name(), "urlset");
            let locs: Vec<_> = root
                .descendants()
                .filter(|n| n.has_tag_name("loc"))
                .filter_map(|n| n.text())
                .collect();
            assert!(locs.len() >= 9, "{locs:?}");
            assert!(
                locs.iter()
                    .all(|l| l.starts_with("https://example.gov.vn/ban-tin/"))
            );
            assert!(locs.contains(&format!("https://example.gov.vn/ban-tin/{DEN_DO}").as_str()));
        }
    }
    let index: serde_json::Value = serde_json::from_str(&site.page("tim-kiem/index.json")).unwrap();
    assert_eq!(index["base"], "/ban-tin/");
    // The articles' records, in shards of 16 (issue 17).
    let records: serde_json::Value =
        serde_json::from_str(&site.page("tim-kiem/bai/0.json")).unwrap();
    assert!(records.to_string().contains("Đoàn Đại biểu Đảng ủy"));
    assert!(
        site.page("robots.txt")
            .contains("Sitemap: https://example.gov.vn/ban-tin/sitemap.xml")
    );
}

#[test]
fn builds_are_deterministic_and_replace_the_output() {
    let site = built();
    let first = tree(&site.out());
    fs::write(site.out().join("stale.html"), "cũ").unwrap();
    site.build(&[]);
    let second = tree(&site.out());
    assert_eq!(
        first, second,
        "a second build differs (or kept a stale file)"
    );
    let leftovers: Vec<_> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // `.bantin/` holds the photo cache, kept on purpose.
        .filter(|n| n.contains("bantin") && n != ".bantin")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let site = Site::new("full");
    site.build(&["--base-url", "http://127.0.0.1:8080/xem-thu"]);
    let page = site.page(GIAO_BAN);
    assert!(
        page.contains("href=\"/xem-thu/cong-tac-dang/\""),
        "links not under /xem-thu/"
    );
    assert!(page.contains("http://127.0.0.1:8080/xem-thu/cong-tac-dang/"));
}

/// Build `site` through the library with options set by `set`, into a
/// folder `out` of its temporary directory; every file written.
fn build_with(
    site: &Site,
    out: &str,
    set: impl FnOnce(&mut bantin::Options),
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut opts = bantin::Options {
        root: site.root.clone(),
        output: Some(site.tmp.path().join(out)),
        ..bantin::Options::default()
    };
    set(&mut opts);
    bantin::build(&opts).unwrap();
    tree(&site.tmp.path().join(out))
}

#[test]
fn bodies_read_again_give_the_same_site() {
    // Past its memory budget, build reads article bodies again when it
    // renders their pages; the output must not change.
    let site = Site::new("full");
    let kept = build_with(&site, "kept", |_| {});
    let reread = build_with(&site, "reread", |o| o.body_budget = Some(0));
    assert!(kept.len() > 40);
    assert_eq!(kept, reread);
}

#[test]
fn a_body_budget_from_the_environment_gives_the_same_site() {
    // `BANTIN_BODY_BUDGET=0` (for benchmarks of memory) makes `bantin
    // build` make the word index first and read bodies again with their
    // pages, as past the default budget; the output must not change.
    let site = Site::new("full");
    let kept = build_with(&site, "kept", |_| {});
    let out = site.tmp.path().join("env");
    let o = common::bantin_env(
        &site.root,
        &["build", "--output", out.to_str().unwrap()],
        &[("BANTIN_BODY_BUDGET", "0"), ("BANTIN_TIMINGS", "1")],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    // The word index made before the pages, as its own stage.
    assert!(stderr.contains("  search index "), "{stderr}");
    assert_eq!(kept, tree(&out));
}

#[test]
fn a_sitemap_past_its_limit_becomes_an_index_of_numbered_sitemaps() {
    // The protocol allows 50,000 URLs a file; the limit is lowered here
    // so that the eight-article site needs several files.
    let site = Site::new("full");
    let whole = build_with(&site, "whole", |_| {});
    let split = build_with(&site, "split", |o| o.sitemap_limit = Some(5));
    // `<loc>`s under `<entry>` elements of an XML file, and its root's name.
    let locs = |bytes: &[u8], entry: &str| -> (String, Vec<String>) {
        let text = std::str::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let locs = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter(|n| n.parent().is_some_and(|p| p.has_tag_name(entry)))
            .map(|n| n.text().unwrap().to_string())
            .collect();
        (doc.root_element().tag_name().name().to_string(), locs)
    };
    let (root, urls) = locs(&whole["sitemap.xml"], "url");
    assert_eq!(root, "urlset");
    assert!(urls.len() > 10, "{urls:?}");
    let home = &urls[0];
    let parts = urls.len().div_ceil(5);
    let (root, index) = locs(&split["sitemap.xml"], "sitemap");
    assert_eq!(root, "sitemapindex");
    let expected: Vec<String> = (1..=parts)
        .map(|n| format!("{home}sitemap-{n}.xml"))
        .collect();
    assert_eq!(index, expected);
    let mut listed = Vec::new();
    for n in 1..=parts {
        let (root, part) = locs(&split[&format!("sitemap-{n}.xml")], "url");
        assert_eq!(root, "urlset");
        assert!(!part.is_empty() && part.len() <= 5, "part {n}: {part:?}");
        listed.extend(part);
    }
    assert_eq!(listed, urls, "the parts list every URL once, in order");
    assert!(!split.contains_key(&format!("sitemap-{}.xml", parts + 1)));
    // Nothing else changes; robots.txt names sitemap.xml, now the index.
    for (file, bytes) in &whole {
        if file != "sitemap.xml" {
            assert_eq!(split.get(file), Some(bytes), "{file}");
        }
    }
    assert!(!whole.contains_key("sitemap-1.xml"));
    let robots = String::from_utf8(split["robots.txt"].clone()).unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {home}sitemap.xml")),
        "{robots}"
    );
}

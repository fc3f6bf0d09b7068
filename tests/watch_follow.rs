//! `bantin watch` follows an article whose address changed (its title
//! edited without a `slug:` line, or its category's slug renamed): the old
//! address answers with a redirect to the new one for the rest of the
//! session, so the open tab, reloaded by the live-reload script, lands on
//! the new page instead of a 404; the terminal says so, in Vietnamese or
//! English, with how to keep the old address. Real binary, real HTTP.

mod common;

use std::fs;

use common::watch::{Watch, start_env};

const OLD: &str = "/cong-tac-dang/ban-chi-dao-thuc-hien-quy-che-dan-chu-o-co-so-khoi-dan-van-dang-uy-phuong-bo-de-giao-ban-quy-i-nam-2020/";
const TITLE: &str = "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường Bồ Đề giao ban quý I năm 2020";
const NEW_TITLE: &str = "Giao ban quý I năm 2020 của khối Dân vận";
const NEW: &str = "/cong-tac-dang/giao-ban-quy-i-nam-2020-cua-khoi-dan-van/";
const OLD_SLUG: &str = "ban-chi-dao-thuc-hien-quy-che-dan-chu-o-co-so-khoi-dan-van-dang-uy-phuong-bo-de-giao-ban-quy-i-nam-2020";

fn article(w: &Watch) -> std::path::PathBuf {
    w.root
        .join("content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md")
}

fn retitle(w: &Watch, from: &str, to: &str) {
    let text = fs::read_to_string(article(w)).unwrap();
    assert!(text.contains(from));
    fs::write(article(w), text.replace(from, to)).unwrap();
}

#[test]
fn an_open_page_follows_its_article_to_its_new_address() {
    for (lang, said, hint) in [
        ("vi", "địa chỉ bài đã đổi", "để giữ địa chỉ cũ"),
        (
            "en",
            "the article's address changed",
            "to keep the old address",
        ),
    ] {
        let w = start_env(false, &[], &[("BANTIN_LANG", lang)]);
        assert_eq!(w.get(OLD).status, 200);
        assert_eq!(w.get(NEW).status, 404);

        retitle(&w, TITLE, NEW_TITLE);
        let moved = w.wait_for(OLD, "the redirect", |r| r.status == 302);
        assert_eq!(moved.header("location").as_deref(), Some(NEW));
        assert_eq!(moved.header("cache-control").as_deref(), Some("no-store"));
        // The page as a tab may have it, and without its slash.
        for old in [
            format!("{OLD}index.html"),
            OLD.trim_end_matches('/').to_string(),
        ] {
            let r = w.get(&old);
            assert_eq!(
                (r.status, r.header("location")),
                (302, Some(NEW.to_string())),
                "{old}"
            );
        }
        let page = w.get(NEW);
        assert_eq!(page.status, 200);
        assert!(page.text().contains(NEW_TITLE));
        let note = w.log_until(&[OLD, NEW]).join("\n");
        assert!(note.contains(said), "{lang}: {note}");
        let next = w.log.recv_timeout(common::watch::DEADLINE).unwrap();
        assert!(
            next.contains(hint) && next.contains(&format!("slug: {OLD_SLUG}")),
            "{lang}: {next}"
        );

        // Edited again: the first address follows on to the newest.
        retitle(&w, NEW_TITLE, "Giao ban quý I");
        let newest = "/cong-tac-dang/giao-ban-quy-i/";
        w.wait_for(NEW, "the second redirect", |r| r.status == 302);
        for old in [OLD, NEW] {
            assert_eq!(
                w.get(old).header("location").as_deref(),
                Some(newest),
                "{old}"
            );
        }

        // And back to the first title: the first address is the article's
        // again (no redirect), the others lead to it.
        retitle(&w, "Giao ban quý I", TITLE);
        w.wait_for(OLD, "the article back at its first address", |r| {
            r.status == 200
        });
        for old in [NEW, newest] {
            assert_eq!(w.get(old).header("location").as_deref(), Some(OLD), "{old}");
        }
        // A page that never existed is still the site's 404.
        assert_eq!(w.get("/cong-tac-dang/khong-co/").status, 404);
    }
}

#[test]
fn a_renamed_category_takes_its_open_articles_along() {
    let w = start_env(false, &[], &[("BANTIN_LANG", "en")]);
    // Five articles in the category: three are named in the terminal.
    for n in 1..=2 {
        fs::write(
            w.root.join(format!("content/cong-tac-dang/them-{n}.md")),
            format!(
                "---\ntitle: Tin thêm {n}\ndate: 2024-0{n}-01\ncategory: CÔNG TÁC ĐẢNG\n---\nx\n"
            ),
        )
        .unwrap();
    }
    w.wait_for("/cong-tac-dang/tin-them-2/", "the new articles", |r| {
        r.status == 200
    });
    let yaml = w.root.join("site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("slug: cong-tac-dang\n"));
    fs::write(
        &yaml,
        text.replace("slug: cong-tac-dang\n", "slug: dang-uy\n"),
    )
    .unwrap();
    let moved = w.wait_for(OLD, "the redirect", |r| r.status == 302);
    assert_eq!(
        moved.header("location").as_deref(),
        Some(OLD.replace("/cong-tac-dang/", "/dang-uy/").as_str())
    );
    assert_eq!(
        w.get("/cong-tac-dang/tin-them-1/")
            .header("location")
            .as_deref(),
        Some("/dang-uy/tin-them-1/")
    );
    let lines = w.log_until(&["and 2 more articles changed address"]);
    let named = lines
        .iter()
        .filter(|l| l.contains("the article's address changed"))
        .count();
    assert_eq!(named, 3, "{lines:#?}");
    // Another category: no slug line would keep the address.
    assert!(!lines.iter().any(|l| l.contains("slug:")), "{lines:#?}");
}

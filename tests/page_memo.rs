//! A build keeps the pages whose inputs did not change since the last
//! build without rendering them (the page memo, `src/write/memo.rs`, and
//! `src/build/keep.rs`). What this must never cost: a byte of the output.
//! After every kind of change an editor or a maintainer makes, the site a
//! build leaves is compared with a clean build of the same sources in
//! another folder (no memo, no spare, no previous output), and the pages
//! kept are counted (`BANTIN_TIMINGS=1` prints how many).
#![cfg(target_os = "linux")]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{Site, bantin_env, copy_dir, tree};

/// The output without bantin's marker (not part of the site).
fn site_of(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = tree(out);
    t.remove(".bantin-output");
    t
}

/// What one build did: (pages kept, pages in all), and its warnings.
struct Built {
    kept: usize,
    pages: usize,
    stderr: String,
}

/// Build `site` twice: the second build keeps the first site as the spare
/// tree and the memo beside it (see `the_memo_is_kept_beside_the_spare_tree`).
fn built_twice(site: &Site) -> Built {
    let first = build_at(&site.root, &[]);
    assert_eq!(first.kept, 0, "nothing to keep from yet");
    build_at(&site.root, &[])
}

/// `bantin build EXTRA` on `root`, which must succeed.
fn build_at(root: &Path, extra: &[&str]) -> Built {
    build_with(root, extra, &[])
}

/// [`build_at`] with environment variables set.
fn build_with(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Built {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let mut env = env.to_vec();
    env.push(("BANTIN_TIMINGS", "1"));
    let out = bantin_env(root, &args, &env);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed:\n{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.starts_with("pages: "))
        .unwrap_or_else(|| panic!("no count of kept pages:\n{stderr}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    Built {
        kept: words[1].parse().unwrap(),
        pages: words[3].parse().unwrap(),
        stderr,
    }
}

/// A copy of `site`'s sources in its temporary folder under `name`,
/// without its output, spare tree or memo (its photo cache is kept).
fn clean_copy(site: &Site, name: &str) -> std::path::PathBuf {
    let clean = site.tmp.path().join(name);
    copy_dir(&site.root, &clean);
    for leftover in ["output", ".bantin/spare", ".bantin/pages"] {
        let _ = fs::remove_dir_all(clean.join(leftover));
        let _ = fs::remove_file(clean.join(leftover));
    }
    clean
}

/// Build `site` (replacing its output), then build a copy of its sources
/// from nothing, and require the same site of both.
fn build_and_compare(site: &Site, step: &str, extra: &[&str]) -> Built {
    let built = build_at(&site.root, extra);
    let clean = clean_copy(site, &format!("clean-{}", step.replace(' ', "-")));
    let fresh = build_at(&clean, extra);
    assert_eq!(fresh.kept, 0, "{step}: the clean build kept pages");
    let (got, want) = (site_of(&site.out()), site_of(&clean.join("output")));
    let differ: std::collections::BTreeSet<&String> = want
        .keys()
        .chain(got.keys())
        .filter(|k| got.get(*k) != want.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "{step}: differs from a clean build: {differ:?}"
    );
    built
}

fn edit(site: &Site, rel: &str, from: &str, to: &str) {
    let text = fs::read_to_string(site.root.join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    site.write(rel, &text.replacen(from, to, 1));
}

const ARTICLE: &str = "content/cong-tac-dang/giao-ban-quy-i.md";

/// The page of `ARTICLE` (its address follows its title).
fn article_page(site: &Site) -> String {
    let dir = site.out().join("cong-tac-dang");
    let found = fs::read_dir(&dir).unwrap().flatten().find(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with("ban-chi-dao-quy-che")
    });
    let page = found.expect("the article's page").path().join("index.html");
    fs::read_to_string(page).unwrap()
}
const LINKED: &str = "content/cong-tac-dang/nfd-so-ket.md";

#[test]
fn unchanged_pages_are_kept_and_every_change_renders_what_a_clean_build_does() {
    let site = Site::new("full");
    let all = built_twice(&site).pages;

    let same = build_and_compare(&site, "nothing changed", &[]);
    assert_eq!((same.kept, same.pages), (all, all), "{}", same.stderr);

    // An article's text: its page and the search files change.
    edit(&site, ARTICLE, "giao ban quý I.", "giao ban quý I năm nay.");
    let text = build_and_compare(&site, "body edited", &[]);
    assert!(text.kept > 0 && text.kept < all, "{} of {all}", text.kept);
    assert!(article_page(&site).contains("quý I năm nay."));

    // Its title: every list showing its card changes.
    edit(
        &site,
        ARTICLE,
        "giao ban quý I năm 2020",
        "giao ban quý Một năm 2020",
    );
    let title = build_and_compare(&site, "title edited", &[]);
    assert!(title.kept < all, "{}", title.kept);

    // The article another one links to moves: the link follows it.
    let front = "views: 1204\n";
    let nfd = fs::read_to_string(site.root.join(LINKED)).unwrap();
    assert!(nfd.contains(front));
    site.write(
        LINKED,
        &nfd.replacen(front, "views: 1204\nslug: so-ket-sau-thang\n", 1),
    );
    build_and_compare(&site, "link target moved", &[]);
    assert!(article_page(&site).contains("so-ket-sau-thang/#ket-qua"));

    // An attached document grows: the size shown after its link changes.
    let pdf = site.root.join("content/cong-tac-dang/ke-hoach-2020.pdf");
    let mut bytes = fs::read(&pdf).unwrap();
    bytes.extend(std::iter::repeat_n(b'%', 40_000));
    fs::write(&pdf, bytes).unwrap();
    build_and_compare(&site, "attachment grew", &[]);

    // A template of the site's own, then the site's settings.
    let theme = fs::read_to_string("themes/default/templates/article.html").unwrap();
    site.write(
        "templates/article.html",
        &theme.replacen("</article>", "<p>Bản in thử</p></article>", 1),
    );
    let template = build_and_compare(&site, "template changed", &[]);
    assert!(template.kept < all, "{}", template.kept);
    assert!(article_page(&site).contains("Bản in thử"));
    edit(&site, "site.yaml", "phố Đồng Tâm", "phố Đồng Tâm mới");
    let settings = build_and_compare(&site, "settings changed", &[]);
    // Every page shows the footer but the word index's buckets.
    let buckets = fs::read_dir(site.out().join("tim-kiem/tu"))
        .unwrap()
        .count();
    assert!(buckets > 0);
    assert_eq!(settings.kept, buckets, "{}", settings.stderr);

    // Options that change pages: another base URL, relative links, and
    // back.
    build_and_compare(&site, "base url", &["--base-url", "https://phuong.vn/"]);
    build_and_compare(&site, "relative", &["--relative"]);
    let back = build_and_compare(&site, "back", &[]);
    assert_eq!(back.kept, 0, "no page of the relative site is kept");
    let again = build_and_compare(&site, "again", &[]);
    assert_eq!(again.kept, again.pages);
}

#[test]
fn the_memo_is_kept_beside_the_spare_tree() {
    let site = Site::new("good");
    let own = site.root.join(".bantin");
    assert!(!own.exists());
    // A first build replaces no site: nothing is kept in the site's folder.
    assert_eq!(build_at(&site.root, &[]).kept, 0);
    assert!(!own.exists());
    // The second keeps the first site as the spare, and the memo beside it.
    assert_eq!(build_at(&site.root, &[]).kept, 0);
    assert!(own.join("spare").is_dir() && own.join("pages").is_file());
    let third = build_at(&site.root, &[]);
    assert_eq!(third.kept, third.pages, "{}", third.stderr);
    // Deleting the site's own folder is safe: the next build renders all.
    fs::remove_dir_all(&own).unwrap();
    let after = build_at(&site.root, &[]);
    assert_eq!(after.kept, 0);
    let again = build_at(&site.root, &[]);
    assert_eq!(again.kept, again.pages);
}

#[test]
fn a_page_edited_in_the_output_is_rendered_again() {
    let site = Site::new("full");
    built_twice(&site);
    let published = site_of(&site.out());
    let page = site.out().join(
        "cong-tac-dang/ban-chi-dao-quy-che-dan-chu-phuong-giao-ban-quy-i-nam-2020/index.html",
    );
    // In place, keeping its length (the spare tree shares the file).
    let html = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        html.replacen("<title>", "<title>X", 1)
            .replacen("</p>", "</>", 1),
    )
    .unwrap();
    assert_eq!(fs::metadata(&page).unwrap().len(), html.len() as u64);
    let built = build_at(&site.root, &[]);
    assert_eq!(built.kept, built.pages - 1, "{}", built.stderr);
    assert_eq!(site_of(&site.out()), published);
    // Replaced by a longer file.
    fs::remove_file(&page).unwrap();
    fs::write(&page, format!("{html}<!-- thêm -->")).unwrap();
    let built = build_at(&site.root, &[]);
    assert_eq!(built.kept, built.pages - 1);
    assert_eq!(site_of(&site.out()), published);
    // Removed.
    fs::remove_file(&page).unwrap();
    let built = build_at(&site.root, &[]);
    assert_eq!(built.kept, built.pages - 1);
    assert_eq!(site_of(&site.out()), published);
}

#[test]
fn a_damaged_memo_is_ignored_and_written_again() {
    let site = Site::new("full");
    built_twice(&site);
    let published = site_of(&site.out());
    let memo = site.root.join(".bantin/pages");
    let whole = fs::read(&memo).unwrap();
    for damaged in [
        whole[..whole.len() / 2].to_vec(),
        b"garbage".to_vec(),
        Vec::new(),
    ] {
        fs::write(&memo, damaged).unwrap();
        let built = build_at(&site.root, &[]);
        assert_eq!(built.kept, 0);
        assert_eq!(site_of(&site.out()), published);
        let built = build_at(&site.root, &[]);
        assert_eq!(built.kept, built.pages, "the memo was written again");
    }
    // A folder where the memo goes: the build still succeeds.
    fs::remove_file(&memo).unwrap();
    fs::create_dir(&memo).unwrap();
    let built = build_at(&site.root, &[]);
    assert_eq!(built.kept, 0);
    assert_eq!(site_of(&site.out()), published);
}

#[test]
fn a_warning_is_said_on_every_build_of_an_unchanged_site() {
    let site = Site::new("full");
    let rel = "content/chinh-quyen/quoc-khanh.md";
    let text = fs::read_to_string(site.root.join(rel)).unwrap();
    site.write(
        rel,
        &format!("{text}\nXem [bài nháp](../nhap/ban-nhap.md).\n"),
    );
    let first = built_twice(&site);
    assert!(first.stderr.contains("ban-nhap.md"), "{}", first.stderr);
    for _ in 0..2 {
        let again = build_at(&site.root, &[]);
        assert!(again.stderr.contains("ban-nhap.md"), "{}", again.stderr);
        // Its page is rendered each time; the rest is kept.
        assert_eq!(again.kept, again.pages - 1, "{}", again.stderr);
    }
}

#[test]
fn past_the_body_budget_article_pages_are_rendered_and_the_rest_kept() {
    // No body held in memory (as at 100,000 articles): an article page's
    // body has no print, nor have the index's buckets.
    let none = [("BANTIN_BODY_BUDGET", "0")];
    let site = Site::new("full");
    build_with(&site.root, &[], &none);
    build_with(&site.root, &[], &none);
    let articles = fs::read_dir(site.root.join("content"))
        .unwrap()
        .flatten()
        .filter(|d| d.file_name() != "nhap")
        .flat_map(|d| fs::read_dir(d.path()).unwrap().flatten())
        .filter(|f| f.path().extension().is_some_and(|e| e == "md"))
        .count();
    let buckets = fs::read_dir(site.out().join("tim-kiem/tu"))
        .unwrap()
        .count();
    let again = build_with(&site.root, &[], &none);
    assert_eq!(
        again.kept,
        again.pages - articles - buckets,
        "{}",
        again.stderr
    );
    // An edit: the output is what a clean build (with bodies in memory)
    // makes.
    edit(&site, ARTICLE, "giao ban quý I.", "giao ban quý I năm nay.");
    build_with(&site.root, &[], &none);
    let clean = clean_copy(&site, "clean");
    build_at(&clean, &[]);
    assert_eq!(site_of(&site.out()), site_of(&clean.join("output")));
}

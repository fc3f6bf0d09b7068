//! A build replacing its previous output links the pages that did not
//! change instead of writing them again (`src/write/previous.rs`), and
//! keeps the site it replaced as the spare tree (`.bantin/spare` in the
//! site), which the next build is written into (`src/write/spare.rs`).
//! What this must never cost: a byte of the output, the last good site
//! when a build fails, a user's file that shares a page's inode, a
//! leftover, or a file in the output that the new site does not have.
#![cfg(target_os = "linux")]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::{Site, tree};

/// Every file under `dir` with its inode and number of names.
fn inodes(dir: &Path) -> BTreeMap<String, (u64, u64)> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let m = e.metadata().unwrap();
            let rel = e.path().strip_prefix(dir).unwrap();
            out.insert(rel.to_string_lossy().into_owned(), (m.ino(), m.nlink()));
        }
    }
    out
}

/// Names beside `out` that a run made (temporary folders, lock file).
fn siblings(out: &Path) -> Vec<String> {
    let prefix = format!(".{}.bantin-", out.file_name().unwrap().to_string_lossy());
    let mut found: Vec<String> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    found.sort();
    found
}

/// The site's spare tree.
fn spare(site: &Site) -> std::path::PathBuf {
    site.root.join(".bantin/spare")
}

/// Every file of `out` has one name, but a photo's published file, which
/// is the image cache's file linked (`.bantin/cache/images/` beside it in
/// the site): one more, and one more for each other output built from the
/// same site; and a page the spare tree has unchanged: the spare's page at
/// the same path is its second name.
fn assert_one_name_each(out: &Path) {
    let root = out.parent().unwrap();
    let cache = root.join(".bantin/cache/images");
    let cached: std::collections::HashSet<u64> = if cache.is_dir() {
        inodes(&cache).values().map(|(ino, _)| *ino).collect()
    } else {
        Default::default()
    };
    let spare = root.join(".bantin/spare");
    let spare = if spare.is_dir() {
        inodes(&spare)
    } else {
        Default::default()
    };
    for (rel, (ino, nlink)) in inodes(out) {
        if cached.contains(&ino) {
            assert!(nlink >= 2, "{rel}: a photo's file not linked to the cache");
        } else {
            let in_spare = spare.get(&rel).is_some_and(|(i, _)| *i == ino);
            assert_eq!(nlink, 1 + u64::from(in_spare), "{rel} has {nlink} names");
        }
    }
}

/// Every entry under `dir` (folders end in `/`, symbolic links in `@`),
/// links not followed.
fn entries(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            match e.file_type() {
                t if t.is_dir() => format!("{rel}/"),
                t if t.is_symlink() => format!("{rel}@"),
                _ => rel.into_owned(),
            }
        })
        .collect();
    out.sort();
    out
}

/// The full sample site built twice: the first build's site is the spare.
fn built_twice() -> Site {
    let site = Site::new("full");
    site.build(&[]);
    site.build(&[]);
    site
}

fn folder_inode(path: &Path) -> u64 {
    fs::symlink_metadata(path).unwrap().ino()
}

const ARTICLE: &str = "content/cong-tac-dang/giao-ban-quy-i.md";

#[test]
fn unchanged_pages_are_linked_and_the_next_build_is_written_into_the_old_site() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    let before = inodes(&out);
    let published = tree(&out);
    let first_folder = folder_inode(&out.join("cong-tac-dang"));

    site.build(&[]);
    assert_eq!(tree(&out), published);
    let after = inodes(&out);
    for (rel, (ino, _)) in &before {
        if rel.ends_with(".html") {
            assert_eq!(after[rel].0, *ino, "{rel} was written again");
        }
    }
    assert_one_name_each(&out);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
    // The first build's site is the spare now, marked as bantin's; the
    // third build is written into it and swapped in: its folders are the
    // first build's.
    assert!(spare(&site).join(".bantin-output").is_file());
    assert_eq!(
        folder_inode(&spare(&site).join("cong-tac-dang")),
        first_folder
    );
    site.build(&[]);
    assert_eq!(folder_inode(&out.join("cong-tac-dang")), first_folder);
    assert_eq!(tree(&out), published);
    assert_one_name_each(&out);

    // One article edited: its page is new, and the whole site is what a
    // build into an empty folder makes.
    let source = fs::read_to_string(site.root.join(ARTICLE)).unwrap();
    site.write(ARTICLE, &format!("{source}\nMột câu mới ở cuối bài.\n"));
    site.build(&[]);
    let changed: Vec<&String> = published
        .keys()
        .filter(|rel| tree(&out).get(*rel) != published.get(*rel))
        .collect();
    assert!(!changed.is_empty());
    let now = inodes(&out);
    for rel in &changed {
        assert_ne!(now[*rel].0, before[*rel].0, "{rel} changed in place");
        let spare_page = fs::read(spare(&site).join(rel)).unwrap();
        assert_eq!(
            &spare_page, &published[*rel],
            "{rel}: the spare changed in place"
        );
    }
    // Another output of the same site: the spare is not its own, so it is
    // dropped, and both outputs are whole.
    let fresh = site.tmp.path().join("fresh");
    site.build(&["--output", fresh.to_str().unwrap()]);
    assert!(!spare(&site).exists());
    let strip = |mut t: BTreeMap<String, Vec<u8>>| {
        t.remove(".bantin-output");
        t
    };
    assert_eq!(strip(tree(&out)), strip(tree(&fresh)));
    assert_one_name_each(&out);
    site.build(&[]);
    assert_eq!(strip(tree(&out)), strip(tree(&fresh)));
    assert_one_name_each(&out);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
}

#[test]
fn what_the_new_site_does_not_have_never_comes_back() {
    let site = built_twice();
    let out = site.out();
    let published = entries(&out);
    let pages = tree(&out);
    let elsewhere = site.tmp.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("index.html"), "của người dùng").unwrap();
    // Dropped into the output by hand (it becomes the spare next build) …
    fs::write(out.join("rieng.txt"), "x").unwrap();
    fs::create_dir_all(out.join("cong-tac-dang/rieng/sau")).unwrap();
    fs::write(out.join("cong-tac-dang/rieng/sau/index.html"), "x").unwrap();
    // … and into the spare: an old page, a folder where a page goes, a
    // file where a folder goes, links where a page and a folder go.
    let spare = spare(&site);
    let page = published
        .iter()
        .find(|e| e.starts_with("cong-tac-dang/") && e.ends_with("/index.html"))
        .unwrap();
    let folder = page.trim_end_matches("/index.html");
    fs::create_dir_all(spare.join("trang-cu")).unwrap();
    fs::write(spare.join("trang-cu/index.html"), "x").unwrap();
    fs::remove_file(spare.join("404.html")).unwrap();
    fs::create_dir_all(spare.join("404.html/x")).unwrap();
    fs::remove_dir_all(spare.join("chinh-quyen")).unwrap();
    fs::write(spare.join("chinh-quyen"), "x").unwrap();
    fs::remove_file(spare.join(page)).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("index.html"), spare.join(page)).unwrap();
    fs::remove_dir_all(spare.join("van-hoa-xa-hoi")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, spare.join("van-hoa-xa-hoi")).unwrap();
    for _ in 0..2 {
        site.build(&[]);
        assert_eq!(
            entries(&out),
            published,
            "after writing into {folder}'s spare"
        );
        assert_eq!(tree(&out), pages);
        assert_one_name_each(&out);
    }
    assert_eq!(entries(&elsewhere), ["index.html"]);
    assert_eq!(
        fs::read_to_string(elsewhere.join("index.html")).unwrap(),
        "của người dùng"
    );
}

#[test]
fn a_page_with_another_name_is_written_again() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    // The user keeps a backup made of links (`cp -al`): bantin must not
    // tie its new site to it, with a spare tree (the third build) or not.
    for build in 1..=3 {
        let backup = site.tmp.path().join(format!("backup-{build}.html"));
        fs::hard_link(out.join("index.html"), &backup).unwrap();
        let home = fs::read(&backup).unwrap();
        site.build(&[]);
        let (page, kept) = (
            fs::metadata(out.join("index.html")).unwrap(),
            fs::metadata(&backup).unwrap(),
        );
        assert_ne!(page.ino(), kept.ino(), "build {build}");
        assert_eq!(fs::read(&backup).unwrap(), home);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), home);
        assert_one_name_each(&out);
        // Its other name, if any, is the spare's (the site replaced).
        let spare_home = spare(&site).join("index.html");
        let spare_has = fs::metadata(&spare_home).is_ok_and(|m| m.ino() == kept.ino());
        assert_eq!(kept.nlink(), 1 + u64::from(spare_has), "build {build}");
    }
}

#[test]
fn a_build_failing_after_its_pages_leaves_the_last_site_whole() {
    let site = built_twice();
    let out = site.out();
    let ino = |t: BTreeMap<String, (u64, u64)>| -> BTreeMap<String, u64> {
        t.into_iter().map(|(rel, (ino, _))| (rel, ino)).collect()
    };
    let (published, names) = (tree(&out), ino(inodes(&out)));
    // A photo that is not there is found once every page is written (and
    // linked) into the new site: nothing is published.
    let source = fs::read_to_string(site.root.join(ARTICLE)).unwrap();
    let broken = format!("{source}\n![Ảnh](khong-co-anh-nay.jpg)\n");
    site.write(ARTICLE, &broken);
    for _ in 0..2 {
        let r = site.run(&["build"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("khong-co-anh-nay.jpg"), "{}", r.stderr);
        assert_eq!(tree(&out), published);
        assert_eq!(ino(inodes(&out)), names);
        assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
        assert_one_name_each(&out);
    }
    // Mended: published, as a build into an empty folder makes it.
    site.write(ARTICLE, &format!("{source}\nĐã sửa.\n"));
    site.build(&[]);
    let fresh = site.tmp.path().join("fresh");
    site.build(&["--output", fresh.to_str().unwrap()]);
    assert_eq!(tree(&out), tree(&fresh));
}

#[test]
fn the_spare_trees_folder_is_not_an_output() {
    let site = Site::new("full");
    site.build(&[]);
    for out in [".bantin", ".bantin/spare", ".bantin/khac"] {
        let out = site.root.join(out);
        let r = site.run(&["build", "--output", out.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{}: {}", out.display(), r.stderr);
        assert!(r.stderr.contains(".bantin/"), "{}", r.stderr);
    }
    assert!(site.out().join("index.html").is_file());
}

#[test]
fn a_build_after_an_interrupted_removal_cleans_up() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    let published = tree(&out);
    // As a run killed while it removed the site it replaced leaves it: the
    // old site, under the name the swap gave it, without its marker, half
    // removed, its unchanged pages sharing their inodes with the live site.
    let old = site.root.join(".output.bantin-new-4242");
    fs::create_dir_all(old.join("cong-tac-dang")).unwrap();
    fs::hard_link(out.join("index.html"), old.join("index.html")).unwrap();
    fs::hard_link(out.join("404.html"), old.join("cong-tac-dang/404.html")).unwrap();
    site.build(&[]);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
    assert_eq!(tree(&out), published);
    assert_one_name_each(&out);
}

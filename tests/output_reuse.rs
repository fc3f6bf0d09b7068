//! A build replacing its previous output links the pages that did not
//! change instead of writing them again (`src/write/previous.rs`), and
//! removes the old site after the swap (`src/write/remove.rs`). What this
//! must never cost: a byte of the output, the last good site when a build
//! fails, a user's file that shares a page's inode, or a leftover.
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

/// Every file of `out` has one name, but a photo's published file, which
/// is the image cache's file linked (`.bantin/cache/images/` beside it in
/// the site): one more, and one more for each other output built from the
/// same site.
fn assert_one_name_each(out: &Path) {
    let cache = out.parent().unwrap().join(".bantin/cache/images");
    let cached: std::collections::HashSet<u64> = if cache.is_dir() {
        inodes(&cache).values().map(|(ino, _)| *ino).collect()
    } else {
        Default::default()
    };
    for (rel, (ino, nlink)) in inodes(out) {
        if cached.contains(&ino) {
            assert!(nlink >= 2, "{rel}: a photo's file not linked to the cache");
        } else {
            assert_eq!(nlink, 1, "{rel} has {nlink} names");
        }
    }
}

const ARTICLE: &str = "content/cong-tac-dang/giao-ban-quy-i.md";

#[test]
fn unchanged_pages_are_linked_and_the_old_site_is_gone() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    let before = inodes(&out);
    let published = tree(&out);

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
    }
    let fresh = site.tmp.path().join("fresh");
    site.build(&["--output", fresh.to_str().unwrap()]);
    let strip = |mut t: BTreeMap<String, Vec<u8>>| {
        t.remove(".bantin-output");
        t
    };
    assert_eq!(strip(tree(&out)), strip(tree(&fresh)));
    assert_one_name_each(&out);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
}

#[test]
fn a_page_with_another_name_is_written_again() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    // The user keeps a backup made of links (`cp -al`): bantin must not
    // tie its new site to it.
    let backup = site.tmp.path().join("backup.html");
    fs::hard_link(out.join("index.html"), &backup).unwrap();
    let home = fs::read(&backup).unwrap();
    site.build(&[]);
    let (page, kept) = (
        fs::metadata(out.join("index.html")).unwrap(),
        fs::metadata(&backup).unwrap(),
    );
    assert_ne!(page.ino(), kept.ino());
    assert_eq!(kept.nlink(), 1);
    assert_eq!(fs::read(&backup).unwrap(), home);
    assert_eq!(fs::read(out.join("index.html")).unwrap(), home);
    assert_one_name_each(&out);
}

#[test]
fn a_build_failing_after_its_pages_leaves_the_last_site_whole() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    let (published, names) = (tree(&out), inodes(&out));
    // A photo that is not there is found once every page is written (and
    // linked) into the new site: nothing is published.
    let source = fs::read_to_string(site.root.join(ARTICLE)).unwrap();
    site.write(
        ARTICLE,
        &format!("{source}\n![Ảnh](khong-co-anh-nay.jpg)\n"),
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("khong-co-anh-nay.jpg"), "{}", r.stderr);
    assert_eq!(tree(&out), published);
    assert_eq!(inodes(&out), names);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
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

//! `bantin watch` and the search index (issue 17): an edit rewrites only the
//! word buckets whose words changed, and the folder stays what a clean
//! build writes.

mod common;
use common::session::open;

use std::fs;
use std::path::Path;

/// 100 articles: four word buckets.
fn write_site(root: &Path) {
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("site.yaml"),
        "title: \"Bản tin phường Đồng Tâm\"\nbase_url: \"https://dongtam.example.vn/\"\n",
    )
    .unwrap();
    for i in 0..100 {
        fs::write(
            root.join(format!("content/bai-{i}.md")),
            format!(
                "---\ntitle: \"Tin số {i} của phường\"\ndate: {:02}/{:02}/2025 08:00\ncategory: CÔNG TÁC ĐẢNG\nsummary: \"Tóm tắt bài số {i}.\"\n---\nBài số {i} kể việc của tổ dân phố.\n",
                1 + i % 28,
                1 + i / 28,
            ),
        )
        .unwrap();
    }
}

fn files(dir: &Path, under: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir.join(under))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
}

#[test]
fn an_edit_rewrites_only_the_buckets_of_its_words() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    write_site(&root);
    let served = tmp.path().join("served");
    let (mut session, opts) = open(&root, &served);
    let buckets: Vec<_> = (0..4)
        .map(|n| served.join(format!("tim-kiem/tu/{n}.json")))
        .collect();
    assert!(buckets.iter().all(|b| b.is_file()));
    assert!(!served.join("tim-kiem/tu/4.json").exists());

    // Punctuation only: the page changes, its words do not.
    let article = root.join("content/bai-7.md");
    let text = fs::read_to_string(&article).unwrap();
    let before: Vec<u64> = buckets.iter().map(|b| inode(b)).collect();
    fs::write(&article, text.replace("dân phố.", "dân phố!")).unwrap();
    let r = session.rebuild().unwrap();
    assert!(!r.quick, "not told what changed: a full rebuild");
    assert_eq!(r.written, 1, "only the article's page");
    let after: Vec<u64> = buckets.iter().map(|b| inode(b)).collect();
    assert_eq!(before, after, "a bucket was replaced");

    // A new word: its bucket and its pairs' buckets, not all four.
    fs::write(&article, format!("{text}\nKhánh thành nhà văn hóa.\n")).unwrap();
    let r = session.rebuild_after(&["content/bai-7.md".into()]).unwrap();
    assert!(r.quick, "a body edit, told: the quick path");
    let after: Vec<u64> = buckets.iter().map(|b| inode(b)).collect();
    let replaced = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert!(
        replaced >= 1 && r.written == 1 + replaced,
        "{replaced} replaced, {} written",
        r.written
    );

    // And the folder is what a clean build writes.
    let clean = tmp.path().join("clean");
    let mut c = opts.clone();
    c.output = Some(clean.clone());
    bantin::build(&c).unwrap();
    assert_eq!(files(&served, "tim-kiem/tu"), files(&clean, "tim-kiem/tu"));
    assert_eq!(
        files(&served, "tim-kiem/bai"),
        files(&clean, "tim-kiem/bai")
    );
}

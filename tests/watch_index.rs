//! `bantin watch` keeps the search word index between edits and changes
//! only the words an edit changed (issue 17): after every step the folder
//! is byte-for-byte what a clean build writes, and an edit that changes a
//! few words replaces only their buckets.

mod common;
use common::session::{assert_same, edit, open, write};

use std::fs;
use std::path::Path;

use bantin::Options;
use bantin::watch::session::Session;

/// 400 articles: sixteen word buckets.
const ARTICLES: usize = 400;

fn article(i: usize, title: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: {:02}/{:02}/2025 08:00\ncategory: CÔNG TÁC ĐẢNG\n---\n{body}\n",
        1 + i % 28,
        1 + i / 28 % 12,
    )
}

fn write_site(root: &Path) {
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("site.yaml"),
        "title: \"Bản tin phường Đồng Tâm\"\nbase_url: \"https://dongtam.example.vn/\"\n",
    )
    .unwrap();
    for i in 0..ARTICLES {
        let body = format!("Bài số {i} kể việc của tổ dân phố {}.", i % 7);
        let text = article(i, &format!("Tin số {i} của phường"), &body);
        fs::write(root.join(format!("content/bai-{i}.md")), text).unwrap();
    }
}

fn inodes(served: &Path) -> Vec<u64> {
    (0..16)
        .map(|n| {
            let m = fs::metadata(served.join(format!("tim-kiem/tu/{n}.json"))).unwrap();
            std::os::unix::fs::MetadataExt::ino(&m)
        })
        .collect()
}

fn session(tmp: &Path) -> (Session, Options, std::path::PathBuf) {
    let root = tmp.join("site");
    write_site(&root);
    let served = tmp.join("served");
    let (s, opts) = open(&root, &served);
    (s, opts, served)
}

#[test]
fn words_edited_in_and_out_of_an_article_equal_a_clean_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut session, opts, served) = session(tmp.path());
    let clean = tmp.path().join("clean");
    let a = opts.root.join("content/bai-7.md");
    let steps: [(&str, &str, &str); 6] = [
        // A word no other article has, and its pairs: new entries.
        (
            "new word",
            "kể việc",
            "kể việc khánh thành ngõ Quỳnh Lôi và",
        ),
        // Gone again: the entries go.
        ("word gone", "khánh thành ngõ Quỳnh Lôi và ", ""),
        // A word every article has leaves one: a bitmap list loses one.
        ("common word out", "tổ dân phố", "khu dân phố"),
        ("common word back", "khu dân phố", "tổ dân phố"),
        // A body word comes into the title: only its title list changes.
        ("into the title", "của phường", "của tổ dân phố"),
        ("out of the title", "của tổ dân phố", "của phường"),
    ];
    for (step, from, to) in steps {
        let before = inodes(&served);
        edit(&a, from, to);
        // Told which file changed, as `watch` is: a body edit is quick.
        let r = session.rebuild_after(&["content/bai-7.md".into()]).unwrap();
        assert_eq!(r.quick, !step.contains("title"), "{step}: quick path?");
        let after = inodes(&served);
        let replaced = before.iter().zip(&after).filter(|(x, y)| x != y).count();
        assert!(
            (1..16).contains(&replaced),
            "{step}: {replaced} of 16 buckets replaced"
        );
        assert!(r.written > replaced, "{step}: {} written", r.written);
        assert_same(step, &served, &opts, &clean);
    }
}

#[test]
fn articles_added_removed_and_redated_equal_a_clean_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut session, opts, served) = session(tmp.path());
    let clean = tmp.path().join("clean");
    let content = opts.root.join("content");
    // Newest of all: every other article's number shifts by one.
    let new = content.join("bai-moi.md");
    write(
        &new,
        &article(999, "Khánh thành nhà văn hóa", "Tổ dân phố Quỳnh Lôi."),
    );
    edit(&new, "/2025 ", "/2026 ");
    session.rebuild().unwrap();
    assert_same("added", &served, &opts, &clean);
    // A word edited while the numbers shift again (re-dated).
    edit(&content.join("bai-3.md"), "/2025 ", "/2027 ");
    edit(&content.join("bai-9.md"), "kể việc", "kể chuyện");
    session.rebuild().unwrap();
    assert_same("re-dated", &served, &opts, &clean);
    fs::remove_file(&new).unwrap();
    session.rebuild().unwrap();
    assert_same("removed", &served, &opts, &clean);
    // The oldest article: the others keep their numbers, so only its words'
    // buckets change, coming and going.
    let old = content.join("bai-cu.md");
    let before = inodes(&served);
    write(
        &old,
        &article(0, "Ngõ Quỳnh Lôi xưa", "Chuyện cũ của tổ dân phố."),
    );
    edit(&old, "/2025 ", "/2019 ");
    session.rebuild().unwrap();
    assert!(before.iter().zip(inodes(&served)).any(|(x, y)| *x == y));
    assert_same("oldest added", &served, &opts, &clean);
    let before = inodes(&served);
    fs::remove_file(&old).unwrap();
    session.rebuild().unwrap();
    assert!(before.iter().zip(inodes(&served)).any(|(x, y)| *x == y));
    assert_same("oldest removed", &served, &opts, &clean);
    // After the index was made whole, edits are word by word again.
    edit(&content.join("bai-9.md"), "kể chuyện", "kể việc");
    session.rebuild().unwrap();
    assert_same("edited after", &served, &opts, &clean);
}

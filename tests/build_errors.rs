//! `bantin build` on small broken sites (`tests/fixtures/broken/*`), one
//! per kind of mistake an editor makes. Each must exit 1, name the file,
//! the line (counted in the whole file) and column, say what is wrong and
//! how to fix it, never panic, and leave the last good `output/` exactly as
//! it was, with no temporary folder left behind.

mod common;

use common::{Site, tree};
use std::fs;

/// Build `fixture` over a previous good output and check the failure.
fn fails(fixture: &str, expect: &[&str]) -> String {
    let site = Site::new(fixture);
    // The last good build: publish the site without its broken file(s).
    let broken: Vec<_> = walkdir::WalkDir::new(site.root.join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file() && !p.ends_with("bai-tot.md"))
        .collect();
    let aside = site.tmp.path().join("aside");
    fs::create_dir_all(&aside).unwrap();
    for (n, p) in broken.iter().enumerate() {
        fs::rename(p, aside.join(n.to_string())).unwrap();
    }
    site.build(&[]);
    for (n, p) in broken.iter().enumerate() {
        fs::rename(aside.join(n.to_string()), p).unwrap();
    }
    let before = tree(&site.out());
    assert!(!before.is_empty());

    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{fixture}: exit {}\n{}", r.code, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "no summary after a failure: {}",
        r.stdout
    );
    for e in expect {
        assert!(
            r.stderr.contains(e),
            "{fixture}: `{e}` not in:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.contains("error:") && r.stderr.contains("help:"),
        "{}",
        r.stderr
    );
    assert_eq!(
        tree(&site.out()),
        before,
        "{fixture}: the last good output changed"
    );
    let leftovers: Vec<_> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bantin"))
        .collect();
    assert!(leftovers.is_empty(), "{fixture}: {leftovers:?}");
    r.stderr
}

#[test]
fn bad_yaml() {
    fails(
        "broken/bad-yaml",
        &["content/bai-loi.md:6:", "not valid YAML"],
    );
}

#[test]
fn impossible_date() {
    fails(
        "broken/impossible-date",
        &[
            "content/bai-loi.md:3:7:",
            "30/02/2020",
            "no day 30",
            "19/02/2020 07:02",
        ],
    );
}

#[test]
fn missing_title() {
    fails(
        "broken/missing-title",
        &["content/bai-loi.md:1:", "no `title`", "title: \""],
    );
}

#[test]
fn front_matter_never_closed() {
    fails(
        "broken/unclosed",
        &["content/bai-loi.md:1:", "never closed", "`---`"],
    );
}

#[test]
fn two_articles_one_url() {
    let err = fails(
        "broken/duplicate-url",
        &[
            "content/2021/giao-ban-lai.md:2:",
            "content/2020/giao-ban.md",
            "/cong-tac-dang/hoi-nghi-giao-ban-khoi-dan-van-quy-i/",
        ],
    );
    assert!(err.contains("slug:"), "the fix is named: {err}");
}

#[test]
fn not_utf8() {
    // `CÔNG` saved as Windows-1258: Ô is byte 0xD4 at line 4, column 12.
    fails(
        "broken/not-utf8",
        &["content/bai-loi.md:4:12:", "not UTF-8", "0xD4", "UTF-8"],
    );
}

#[test]
fn slug_cannot_leave_the_output() {
    let site = Site::new("broken/slug-traversal");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/bai-loi.md:5:7:") && r.stderr.contains("../../etc/passwd"),
        "{}",
        r.stderr
    );
    assert!(!site.tmp.path().join("etc").exists() && !site.root.join("etc").exists());
    fails(
        "broken/slug-traversal",
        &["content/bai-loi.md:5:7:", "not allowed"],
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let site = Site::new("broken/two-errors");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/a.md:3:7:") && r.stderr.contains("content/b.md:1:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2 errors"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::new("full");
    let r = site.run(&["build", "--no-such-flag"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = site.run(&["publish"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // An output folder over the site's own content is refused.
    let content = site.root.join("content");
    let r = site.run(&["build", "--output", content.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("would replace the site's own files"),
        "{}",
        r.stderr
    );
    assert!(content.join("cong-tac-dang/giao-ban-quy-i.md").is_file());
}

#[test]
fn missing_site_yaml_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["build", "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("site.yaml") && err.contains("help:"), "{err}");
}

#[test]
fn broken_template_names_file_line_and_column() {
    let site = Site::new("full");
    site.build(&[]);
    let before = tree(&site.out());
    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ article.title }</p>\n{% endblock content %}\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("templates/article.html:3:"),
        "{}",
        r.stderr
    );
    assert_eq!(tree(&site.out()), before);
}

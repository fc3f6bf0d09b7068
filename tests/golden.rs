//! Output identity: the sample site (`content/` + `site.yaml` at the
//! repository root) built with fixed flags must give exactly the files listed
//! in `tests/golden/sample-site.manifest`: each file's path, length and a
//! 64-bit FNV-1a hash of its bytes. An optimisation that changes one byte of
//! one page fails here, and the message names the pages that changed.
//!
//! The build uses `--future --drafts` (every article is published, whatever
//! today's date) and a base URL with a sub-path, so every link form is
//! covered; no page carries the build time.
//!
//! When a change to the output is intended (a template, the theme, the sample
//! articles — other branches change these, so expect this after merging them),
//! look at the listed pages, then rewrite the manifest and commit it:
//!
//! ```sh
//! BANTIN_BLESS=1 cargo test --test golden
//! ```
//!
//! The manifest holds no page, so to show what changed the test keeps the
//! last output that matched it (or was blessed) in `target/golden-last/`,
//! outside git. When a page differs and the copy there is the manifest's
//! version of it (same length and hash), the failure prints a unified diff
//! of the page (long lines broken after `>`, `,` and `}` so a change inside
//! one stands out). Without such a copy it says how to get one: run the
//! test once on the tree before the change, then again after it.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const BASE_URL: &str = "https://phuong.example.gov.vn/ban-tin/";
const MANIFEST: &str = "tests/golden/sample-site.manifest";
/// Diff lines shown per changed page, and changed pages shown with a diff.
const MAX_LINES: usize = 40;
const MAX_PAGES: usize = 8;

/// 64-bit FNV-1a: tiny, and the same on every platform and run.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Every file under `dir`: relative path with `/` → (length, hash). The
/// marker bantin leaves in its output folder (`.bantin-output`) is its own
/// bookkeeping, not part of the site, and is left out.
fn listing(dir: &Path) -> BTreeMap<String, (usize, u64)> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, (usize, u64)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else if path != root.join(".bantin-output") {
                let bytes = std::fs::read(&path).unwrap();
                let rel = path.strip_prefix(root).unwrap();
                let rel: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
                out.insert(rel.join("/"), (bytes.len(), fnv1a(&bytes)));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn render(files: &BTreeMap<String, (usize, u64)>) -> String {
    let mut s = String::from(
        "# The sample site built by tests/golden.rs:\n\
         #   bantin build --future --drafts --base-url https://phuong.example.gov.vn/ban-tin/\n\
         # Rewrite after an intended change: BANTIN_BLESS=1 cargo test --test golden\n\
         # fnv1a-64         bytes  path\n",
    );
    for (path, (len, hash)) in files {
        writeln!(s, "{hash:016x} {len:>7}  {path}").unwrap();
    }
    s
}

fn parse(text: &str) -> BTreeMap<String, (usize, u64)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut it = l.split_whitespace();
            let hash = u64::from_str_radix(it.next().unwrap(), 16).unwrap();
            let len = it.next().unwrap().parse().unwrap();
            let path = it.collect::<Vec<_>>().join(" ");
            (path, (len, hash))
        })
        .collect()
}

fn build_sample_site(out: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let result = common::command()
        .args([
            "build",
            "--future",
            "--drafts",
            "--base-url",
            BASE_URL,
            "--root",
        ])
        .arg(repo)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "the sample site does not build:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// `target/golden-last/`: the last output that matched the manifest.
fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("golden-last")
}

/// Keep `out` as the reference for the next failure's diffs.
fn keep_reference(out: &Path) {
    let reference = reference_dir();
    let _ = std::fs::remove_dir_all(&reference);
    common::copy_dir(out, &reference);
}

#[test]
fn sample_site_output_is_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    build_sample_site(&out);
    let actual = listing(&out);
    let manifest: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(MANIFEST);

    if std::env::var_os("BANTIN_BLESS").is_some() {
        std::fs::create_dir_all(manifest.parent().unwrap()).unwrap();
        std::fs::write(&manifest, render(&actual)).unwrap();
        keep_reference(&out);
        eprintln!("golden: wrote {} ({} files)", MANIFEST, actual.len());
        return;
    }
    let stored = std::fs::read_to_string(&manifest).unwrap_or_else(|e| {
        panic!(
            "cannot read {MANIFEST} ({e}); create it with BANTIN_BLESS=1 cargo test --test golden"
        )
    });
    let expected = parse(&stored);
    if actual == expected {
        keep_reference(&out);
        return;
    }
    let report = report(&actual, &expected, &out, &reference_dir());
    panic!(
        "the sample site's output differs from {MANIFEST}:\n{report}\
         If the change is intended (a template or sample article changed), \
         rewrite the manifest with `BANTIN_BLESS=1 cargo test --test golden` and commit it."
    );
}

type Listing = BTreeMap<String, (usize, u64)>;

/// The pages new, changed (with a diff against `reference` where it holds
/// the manifest's version) and gone.
fn report(actual: &Listing, expected: &Listing, out: &Path, reference: &Path) -> String {
    let mut report = String::new();
    let mut shown = 0;
    for (path, (len, hash)) in actual {
        match expected.get(path) {
            None => writeln!(report, "  new:     {path} ({len} bytes)").unwrap(),
            Some(&(l, h)) if (l, h) != (*len, *hash) => {
                writeln!(
                    report,
                    "  changed: {path} ({l} -> {len} bytes{})",
                    if l == *len { ", same length" } else { "" }
                )
                .unwrap();
                if shown < MAX_PAGES {
                    shown += 1;
                    let now = std::fs::read(out.join(path)).unwrap();
                    report.push_str(&page_diff(reference, path, (l, h), &now));
                }
            }
            Some(_) => {}
        }
    }
    for path in expected.keys().filter(|p| !actual.contains_key(*p)) {
        writeln!(report, "  gone:    {path}").unwrap();
    }
    report
}

/// A unified diff of `path` from its copy in `reference`, when that copy
/// is the manifest's version (`want`); else how to get one.
fn page_diff(reference: &Path, path: &str, want: (usize, u64), now: &[u8]) -> String {
    let old = std::fs::read(reference.join(path)).ok();
    let Some(old) = old.filter(|o| (o.len(), fnv1a(o)) == want) else {
        return format!(
            "    (no copy of the manifest's version in {}: run `cargo test --test golden` \
             once on the tree before the change, e.g. after `git stash`, then again after it \
             to see the diff)\n",
            reference.display()
        );
    };
    let (Ok(old), Ok(new)) = (std::str::from_utf8(&old), std::str::from_utf8(now)) else {
        return "    (not text: no diff shown)\n".to_string();
    };
    let (old, new) = (broken_up(old), broken_up(new));
    let diff = similar::TextDiff::from_lines(&old, &new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    let mut out = String::new();
    let total = text.lines().count();
    for line in text.lines().take(MAX_LINES) {
        writeln!(out, "    {line}").unwrap();
    }
    if total > MAX_LINES {
        writeln!(out, "    … {} more diff lines", total - MAX_LINES).unwrap();
    }
    out
}

/// `text` with its long lines (minified JSON, an inline script) broken
/// after `>`, `,` and `}`, so that a diff shows the part that changed.
fn broken_up(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        if line.len() <= 160 {
            out.push_str(line);
            continue;
        }
        for ch in line.chars() {
            out.push(ch);
            if matches!(ch, '>' | ',' | '}') {
                out.push('\n');
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// A page that differs is shown as a diff against the kept copy, and only
/// when that copy is the manifest's version.
#[test]
fn a_changed_page_is_shown_as_a_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let (reference, out) = (tmp.path().join("ref"), tmp.path().join("out"));
    std::fs::create_dir_all(&reference).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let old = "<html>\n<h1>Hội nghị giao ban</h1>\n<p>Nội dung</p>\n</html>\n";
    let new = old.replace("giao ban", "sơ kết");
    std::fs::write(reference.join("a.html"), old).unwrap();
    std::fs::write(out.join("a.html"), &new).unwrap();
    let expected = Listing::from([("a.html".to_string(), (old.len(), fnv1a(old.as_bytes())))]);
    let actual = listing(&out);
    let shown = report(&actual, &expected, &out, &reference);
    assert!(shown.contains("changed: a.html"), "{shown}");
    assert!(shown.contains("    -<h1>Hội nghị giao ban</h1>"), "{shown}");
    assert!(shown.contains("    +<h1>Hội nghị sơ kết</h1>"), "{shown}");
    assert!(!shown.contains("Nội dung</p>\n    -"), "{shown}");

    // A copy that is not the manifest's version is not diffed against.
    std::fs::write(reference.join("a.html"), "something else").unwrap();
    let shown = report(&actual, &expected, &out, &reference);
    assert!(
        shown.contains("no copy of the manifest's version"),
        "{shown}"
    );
    assert!(!shown.contains("+<h1>"), "{shown}");
}

#[test]
fn a_change_inside_a_long_line_is_shown_alone() {
    let long = format!("{{\"a\":[{}],\"t\":\"Hội nghị\"}}\n", "1,".repeat(200));
    let changed = long.replace("Hội nghị", "Sơ kết");
    let (old, new) = (broken_up(&long), broken_up(&changed));
    let diff = similar::TextDiff::from_lines(&old, &new);
    let text = diff.unified_diff().context_radius(0).to_string();
    let removed: Vec<_> = text.lines().filter(|l| l.starts_with('-')).collect();
    assert_eq!(removed, ["-\"t\":\"Hội nghị\"}"], "{text}");
}

/// Two builds of the same sources give the same bytes: the manifest would
/// be useless if a page depended on the clock or on hash-map order.
#[test]
fn two_builds_are_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_sample_site(&a);
    build_sample_site(&b);
    let (la, lb) = (listing(&a), listing(&b));
    let differ: Vec<_> = la
        .iter()
        .filter(|(p, v)| lb.get(*p) != Some(v))
        .map(|(p, _)| p.as_str())
        .collect();
    assert!(
        la.len() == lb.len() && differ.is_empty(),
        "pages differ between two builds: {differ:?}"
    );
}

#[test]
fn fnv1a_is_the_reference_function() {
    // Published test vectors of FNV-1a 64.
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
}

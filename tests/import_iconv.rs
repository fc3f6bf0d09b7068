//! `bantin import` cross-checked against glibc's `iconv`, through the real
//! binary: every sample article (`content/**/*.md` and the seed portal
//! text) written by `iconv -t TCVN5712-1` (TCVN3, capitals with tone marks
//! included) and by `iconv -t CP1258` (Windows-1258, tone marks as
//! combining characters) imports equal to what its Unicode original
//! imports as, front matter and body.
//!
//! TCVN3 has no curly quotes, dashes or ellipsis, so `iconv` refuses most
//! articles as they are: those are written with that punctuation in ASCII
//! (`“ ” ‘ ’` → `'`, `– —` → `-`, `…` → `...`; not `//TRANSLIT`, whose `"`
//! would end a quoted title), and that is their original. Windows-1258
//! has them all. Without `iconv` that test is reported as ignored (this
//! file runs under libtest-mimic, see `tests/common/tools.rs`); a portal
//! text with a capital category line, its bytes as `iconv` wrote them, is
//! imported either way.

mod common;
use common::{bantin, tools};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `iconv -f FROM -t TO` on `input`: `None` when it cannot convert it.
fn iconv(from: &str, to: &str, input: &[u8]) -> Option<Vec<u8>> {
    let mut child = Command::new("iconv")
        .args(["-f", from, "-t", to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status.success().then_some(out.stdout)
}

/// The sample articles: the site's and the seed portal text.
fn samples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = walk(&root.join("content"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        // Documents (content/van-ban/) are not articles.
        .filter(|p| !p.starts_with(root.join("content/van-ban")))
        .collect();
    files.push(root.join("tests/fixtures/import/seed-article.txt"));
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Every file under `dir` with its text, by path below `dir`.
fn written(dir: &Path) -> Vec<(PathBuf, String)> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.strip_prefix(dir).unwrap().to_path_buf(), text)
        })
        .collect()
}

/// `bantin import FILES --out OUT` must import them all.
fn import_all(dir: &Path, files: &[PathBuf], out: &Path) -> String {
    let mut args = vec!["import".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--out".to_string(), out.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = bantin(dir, &args);
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stdout}\n{stderr}");
    let n = files.len();
    assert!(stdout.contains(&format!("imported {n} of {n}")), "{stdout}");
    stdout
}

/// The punctuation TCVN3 lacks, in ASCII.
fn ascii_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '“' | '”' | '‘' | '’' => out.push('\''),
            '–' | '—' => out.push('-'),
            '…' => out.push_str("..."),
            _ => out.push(c),
        }
    }
    out
}

/// Each sample in `encoding` (as `iconv` writes it) and the Unicode it
/// must import as: the original, or with `ascii_punctuation` where
/// `iconv` cannot write the original.
fn legacy_samples(encoding: &str) -> Vec<(PathBuf, Vec<u8>, String)> {
    let mut out = Vec::new();
    for sample in samples() {
        let mut unicode = std::fs::read_to_string(&sample).unwrap();
        let bytes = iconv("UTF-8", encoding, unicode.as_bytes()).unwrap_or_else(|| {
            unicode = ascii_punctuation(&unicode);
            iconv("UTF-8", encoding, unicode.as_bytes())
                .unwrap_or_else(|| panic!("{encoding}: {}", sample.display()))
        });
        assert!(std::str::from_utf8(&bytes).is_err(), "{}", sample.display());
        out.push((sample, bytes, unicode));
    }
    out
}

fn main() {
    let mut trials = trials![
        a_unicode_markdown_article_imports_unchanged,
        a_capital_category_line_in_full_tcvn3_imports_exactly,
    ];
    trials.push(tools::needs(
        "articles_written_by_iconv_import_as_their_unicode_originals",
        iconv_missing,
        None,
        articles_written_by_iconv_import_as_their_unicode_originals,
    ));
    tools::run(trials);
}

fn iconv_missing() -> Option<String> {
    let works = iconv("UTF-8", "TCVN5712-1", "Ủy".as_bytes()).is_some();
    (!works).then(|| "glibc's iconv with TCVN5712-1 (Debian: libc-bin)".to_string())
}

fn articles_written_by_iconv_import_as_their_unicode_originals() {
    for (encoding, says) in [
        ("TCVN5712-1", "decoded from TCVN3"),
        ("CP1258", "decoded from Windows-1258"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (unicode_dir, legacy_dir) = (dir.path().join("unicode"), dir.path().join("legacy"));
        std::fs::create_dir_all(&unicode_dir).unwrap();
        std::fs::create_dir_all(&legacy_dir).unwrap();
        let (mut originals, mut legacies) = (Vec::new(), Vec::new());
        for (sample, bytes, unicode) in legacy_samples(encoding) {
            let name = sample.file_name().unwrap();
            originals.push(unicode_dir.join(name));
            std::fs::write(originals.last().unwrap(), unicode).unwrap();
            legacies.push(legacy_dir.join(name));
            std::fs::write(legacies.last().unwrap(), bytes).unwrap();
        }
        let (want, got) = (dir.path().join("want"), dir.path().join("got"));
        import_all(dir.path(), &originals, &want);
        let stdout = import_all(dir.path(), &legacies, &got);
        assert_eq!(
            stdout.matches(says).count(),
            legacies.len(),
            "{encoding}: {stdout}"
        );
        let (want, got) = (written(&want), written(&got));
        assert_eq!(want.len(), legacies.len());
        for ((want_path, want_text), (got_path, got_text)) in want.iter().zip(&got) {
            assert_eq!(got_path, want_path, "{encoding}");
            assert_eq!(got_text, want_text, "{encoding}: {}", got_path.display());
        }
        assert_eq!(got.len(), want.len(), "{encoding}");
    }
}

/// A Markdown article imports as itself: the comparison above is with
/// the articles as written, not with what `import` makes of them.
fn a_unicode_markdown_article_imports_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let article = samples()
        .into_iter()
        .find(|p| p.ends_with("cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md"))
        .unwrap();
    import_all(
        dir.path(),
        std::slice::from_ref(&article),
        &dir.path().join("out"),
    );
    let out = written(&dir.path().join("out"));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].1, std::fs::read_to_string(&article).unwrap());
}

/// Without `iconv`: a portal text with a capital category line and the
/// capitals of issue 12 (Ủ 0x9E, Ý 0x16, Ở 0x99), as `iconv -t
/// TCVN5712-1` wrote it, imports with those letters.
fn a_capital_category_line_in_full_tcvn3_imports_exactly() {
    let bytes: &[u8] = b"V\xa1N H\x95A - X\x82 H\x97I\n\x9ey ban ph\xad\xeang: \x16 ki\xd5n c\xf1a nh\xa9n d\xa9n \xeb t\xe6 s\xe8 7\nNg\xb5y \xae\xa8ng 19/02/2020 | 07:02 | L\xad\xeet xem: 290\n\x99 t\xe6 d\xa9n ph\xe8 s\xe8 7, \x9ey ban M\xc6t tr\xcbn T\xe6 qu\xe8c \xae\xb7 l\xcay \xfd ki\xd5n v\xd2 vi\xd6c ch\xd8nh trang nh\xb5 v\xa8n h\xe3a.\n                       Nguy\xd4n V\xa8n H\xefng\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bai.txt");
    std::fs::write(&file, bytes).unwrap();
    let out = dir.path().join("out");
    let stdout = import_all(dir.path(), &[file], &out);
    assert!(
        stdout.contains("decoded from TCVN3 (TCVN 5712:1993) bytes"),
        "{stdout}"
    );
    let written = written(&out);
    assert_eq!(
        written[0].0,
        Path::new("van-hoa-xa-hoi/uy-ban-phuong-y-kien-cua-nhan-dan-o-to-so-7.md")
    );
    assert_eq!(
        written[0].1,
        "---\ntitle: \"Ủy ban phường: Ý kiến của nhân dân ở tổ số 7\"\ndate: 19/02/2020 07:02\ncategory: \"VĂN HÓA - XÃ HỘI\"\nauthor: \"Nguyễn Văn Hùng\"\nviews: 290\n---\n\nỞ tổ dân phố số 7, Ủy ban Mặt trận Tổ quốc đã lấy ý kiến về việc chỉnh trang nhà văn hóa.\n"
    );
}

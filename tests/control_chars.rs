//! Control characters (SPEC "Text that cannot be shown", issue 12 item 5):
//! Word's line breaks (U+000B, U+000C) in a body, the front matter,
//! `site.yaml` or an imported text become line breaks or spaces; any other
//! control character is refused with its file, line, column and name, by
//! `build`, `check` and `import` alike. Whatever is published parses with a
//! strict XML parser and passes the Nu HTML Checker. That check needs Java
//! and `vnu.jar` (`npm ci --ignore-scripts` in tests/browser): without them
//! it is reported as ignored, or fails when `BANTIN_REQUIRE_BROWSER=1` (this
//! file runs under libtest-mimic, see `tests/common/tools.rs`).

mod common;

use common::{Site, tools, tree};
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let mut trials = trials![
        word_line_breaks_become_line_breaks_and_spaces,
        other_control_characters_are_refused_where_they_stand,
        site_yaml_control_characters_are_refused,
        import_turns_word_breaks_into_spaces_and_refuses_the_rest,
        a_control_character_in_a_file_name_is_percent_encoded_in_links,
    ];
    trials.push(tools::needs(
        "word_paste_pages_pass_the_nu_html_checker",
        nu_checker_missing,
        Some("BANTIN_REQUIRE_BROWSER"),
        word_paste_pages_pass_the_nu_html_checker,
    ));
    tools::run(trials);
}

/// An article with Word's line breaks in its title, summary and body.
const WORD_PASTE: &str = "---\ntitle: Giao ban\u{B}quý I\ndate: 2024-03-02 08:00\ncategory: CHÍNH QUYỀN\nsummary: Tóm tắt\u{C}buổi giao ban\n---\nDòng một\u{B}dòng hai\u{C}\nDòng ba\u{B}\n\nĐoạn sau.\n";

fn word_paste_site() -> Site {
    let site = Site::new("full");
    site.write("content/chinh-quyen/giao-ban-word.md", WORD_PASTE);
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    let yaml = yaml.replace("và các đoàn thể", "và các\u{B}đoàn thể");
    assert!(yaml.contains('\u{B}'));
    site.write("site.yaml", &yaml);
    site
}

/// Text output files (pages, feeds, sitemaps, search data).
fn text_files(out: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| {
                    ["html", "xml", "json", "txt"].contains(&&*e.to_string_lossy())
                })
        })
        .collect()
}

fn word_line_breaks_become_line_breaks_and_spaces() {
    let site = word_paste_site();
    site.build(&[]);
    let page = site.page("chinh-quyen/giao-ban-quy-i/");
    assert!(
        page.contains("<h1") && page.contains("Giao ban quý I"),
        "{page}"
    );
    assert!(
        page.contains("Dòng một<br />\ndòng hai<br />\nDòng ba</p>"),
        "a hard line break for each:\n{page}"
    );
    assert!(site.page("").contains("Tóm tắt buổi giao ban"));
    assert!(site.page("").contains("HĐND, UBND và các đoàn thể"));

    let files = text_files(&site.out());
    assert!(files.len() > 40, "{files:?}");
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let bad = text
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        assert_eq!(bad, None, "{}", file.display());
        if file.extension().is_some_and(|e| e == "xml") {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
    }
}

/// A file name may hold a control character (a page may not): a link to
/// the file writes it percent-encoded.
fn a_control_character_in_a_file_name_is_percent_encoded_in_links() {
    let site = Site::new("full");
    std::fs::write(
        site.root.join("content/chinh-quyen/bien\u{1b}ban.pdf"),
        b"%PDF-1.4\n",
    )
    .unwrap();
    site.write(
        "content/chinh-quyen/bien-ban.md",
        "---\ntitle: Biên bản\ndate: 2024-03-02 08:00\ncategory: CHÍNH QUYỀN\n---\nXem [biên bản](bien%1Bban.pdf).\n",
    );
    site.build(&[]);
    let page = site.page("chinh-quyen/bien-ban/");
    assert!(!page.contains('\u{1b}'), "{page}");
    assert!(page.contains("bien%1Bban.pdf\""), "{page}");
    assert!(site.out().join("chinh-quyen/bien\u{1b}ban.pdf").is_file());
}

/// The pages made from Word's line breaks are valid HTML.
fn word_paste_pages_pass_the_nu_html_checker() {
    let site = word_paste_site();
    site.build(&[]);
    nu_checker(&[
        site.out().join("chinh-quyen/giao-ban-quy-i/index.html"),
        site.out().join("index.html"),
        site.out().join("chinh-quyen/index.html"),
    ]);
}

fn other_control_characters_are_refused_where_they_stand() {
    for (c, name) in [
        ('\u{0}', "U+0000 (NUL)"),
        ('\u{8}', "U+0008 (BS)"),
        ('\u{1B}', "U+001B (ESC)"),
        ('\u{7F}', "U+007F (DEL)"),
        ('\u{85}', "U+0085 (a C1 control character)"),
        ('\u{FFFE}', "U+FFFE (a noncharacter)"),
    ] {
        let site = Site::new("full");
        site.build(&[]);
        let before = tree(&site.out());
        site.write(
            "content/chinh-quyen/dan.md",
            &format!("---\ntitle: Dán\ndate: 2024-03-02\ncategory: CHÍNH QUYỀN\n---\nĐoạn một.\n\nHai{c}[1m ba.\n"),
        );
        for command in ["build", "check"] {
            let r = site.run(&[command]);
            assert_eq!(r.code, 1, "{command} {name}: {}", r.stderr);
            let want = format!(
                "content/chinh-quyen/dan.md:8:4: error: the text contains the invisible control character {name}"
            );
            assert!(
                r.stderr.contains(&want),
                "{command}: `{want}` not in\n{}",
                r.stderr
            );
            assert!(r.stderr.contains("help: delete it"), "{}", r.stderr);
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        }
        assert_eq!(
            tree(&site.out()),
            before,
            "{name}: the last good output changed"
        );
    }
}

fn site_yaml_control_characters_are_refused() {
    let site = Site::new("full");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replacen("Đồng Tâm\"\n", "Đồng Tâm\u{7}\"\n", 1),
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "site.yaml:1:32: error: the text contains the invisible control character U+0007 (BEL)"
        ),
        "{}",
        r.stderr
    );
}

fn import_turns_word_breaks_into_spaces_and_refuses_the_rest() {
    let site = Site::new("full");
    let portal = "CHÍNH QUYỀN\nHội nghị\u{B}giao ban\nNgày đăng 02/03/2024 | 08:00 | Lượt xem: 12\nĐoạn một\u{B}của bài.\n";
    site.write("nhap/bai.txt", portal);
    let r = site.run(&["import", site.root.join("nhap/bai.txt").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let written =
        std::fs::read_to_string(site.root.join("content/chinh-quyen/hoi-nghi-giao-ban.md"))
            .unwrap_or_else(|e| panic!("{e}\n{}", r.stdout));
    assert!(
        written.contains("title: \"Hội nghị giao ban\""),
        "{written}"
    );
    assert!(!written.contains('\u{B}'), "{written:?}");

    site.write(
        "nhap/xau.txt",
        &portal
            .replace("Hội nghị", "Buổi họp")
            .replace("Đoạn một", "Đoạn\u{1B} một"),
    );
    let r = site.run(&["import", site.root.join("nhap/xau.txt").to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(
            "xau.txt:4:5: error: the text contains the invisible control character U+001B (ESC)"
        ),
        "{}",
        r.stderr
    );
}

fn vnu_jar() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// What the Nu HTML Checker needs and is missing, if anything.
fn nu_checker_missing() -> Option<String> {
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    let mut missing = Vec::new();
    if !java {
        missing.push("Java (apt-get install default-jre-headless)".to_string());
    }
    if !vnu_jar().is_file() {
        missing.push("vnu-jar (npm ci --ignore-scripts in tests/browser)".to_string());
    }
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// Run the Nu HTML Checker (as `tests/browser/run.mjs` does) on `pages`.
fn nu_checker(pages: &[PathBuf]) {
    let jar = vnu_jar();
    let out = Command::new("java")
        .args(["-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--stdout"])
        .args(pages)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("vnu: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    let errors: Vec<_> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .collect();
    assert!(errors.is_empty(), "Nu HTML Checker: {errors:#?}");
}

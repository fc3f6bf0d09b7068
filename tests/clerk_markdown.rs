//! Issue 14, the ward clerk's Markdown habits, through the real binary:
//! one Enter between paragraphs keeps them apart, a numbered list ends
//! where its numbered lines end (the last paragraph and the typed
//! signature stay out of it), `1.Xây` lines in sequence are a list, and
//! `markdown: commonmark` in site.yaml reads the same file as strict
//! CommonMark. The article's HTML is read back as a tree of blocks; the
//! places of diagnostics stay those of the file after the rewriting.

mod common;

use std::path::Path;

const SITE: &str = "title: \"Bản tin phường\"\n";

fn site(yaml: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/tin")).unwrap();
    std::fs::write(root.join("site.yaml"), yaml).unwrap();
    std::fs::write(
        root.join("content/tin/bai.md"),
        format!("---\ntitle: Hội nghị tổng kết\ndate: 2024-01-15\ncategory: Tin tức\nslug: hoi-nghi\n---\n{body}"),
    )
    .unwrap();
    dir
}

/// The blocks of the article's body as a tree: `p("…") ol(li("…") …)`.
fn blocks(root: &Path) -> String {
    let page = std::fs::read_to_string(root.join("output/tin-tuc/hoi-nghi/index.html")).unwrap();
    let body = page
        .split("<div class=\"article-body\">")
        .nth(1)
        .and_then(|b| b.split("</div>").next())
        .expect("the article's body");
    let block = [
        "p",
        "ol",
        "ul",
        "li",
        "blockquote",
        "h2",
        "h3",
        "hr",
        "table",
        "tr",
        "th",
        "td",
        "pre",
    ];
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let end = i + rest[i..].find('>').expect("a closed tag");
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap();
        if !block.contains(&name) {
            continue;
        }
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            out.push(format!("{words:?}"));
        }
        text.clear();
        out.push(match (tag.starts_with('/'), name) {
            (_, "hr") => "hr".to_string(),
            (true, _) => ")".to_string(),
            (false, _) => format!("{name}("),
        });
    }
    out.join(" ").replace("( ", "(").replace(" )", ")")
}

const WORD_HABITS: &str = "\
Chiều ngày 15/01/2024, Đảng ủy phường tổ chức hội nghị tổng kết.
Hội nghị đánh giá kết quả năm 2023.
Nhiệm vụ năm 2024:
1. Xây dựng Đảng trong sạch.
2. Phát triển kinh tế.
3. Giữ vững an ninh.
4. Chăm lo đời sống nhân dân.
Hội nghị kết thúc lúc 17 giờ.
Nguyễn Văn A
";

#[test]
fn one_enter_keeps_paragraphs_apart_and_the_signature_out_of_the_list() {
    let dir = site(SITE, WORD_HABITS);
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        blocks(dir.path()),
        "p(\"Chiều ngày 15/01/2024, Đảng ủy phường tổ chức hội nghị tổng kết.\") \
         p(\"Hội nghị đánh giá kết quả năm 2023.\") p(\"Nhiệm vụ năm 2024:\") \
         ol(li(\"Xây dựng Đảng trong sạch.\") li(\"Phát triển kinh tế.\") \
         li(\"Giữ vững an ninh.\") li(\"Chăm lo đời sống nhân dân.\")) \
         p(\"Hội nghị kết thúc lúc 17 giờ.\") p(\"Nguyễn Văn A\")"
    );
    // The summary on the lists is the first paragraph only.
    let home = std::fs::read_to_string(dir.path().join("output/index.html")).unwrap();
    assert!(home.contains("tổ chức hội nghị tổng kết."), "summary");
    assert!(
        !home.contains("đánh giá kết quả năm 2023"),
        "summary ran on"
    );
}

#[test]
fn strict_commonmark_is_a_setting() {
    let dir = site(&format!("{SITE}markdown: commonmark\n"), WORD_HABITS);
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        blocks(dir.path()),
        "p(\"Chiều ngày 15/01/2024, Đảng ủy phường tổ chức hội nghị tổng kết. \
         Hội nghị đánh giá kết quả năm 2023. Nhiệm vụ năm 2024:\") \
         ol(li(\"Xây dựng Đảng trong sạch.\") li(\"Phát triển kinh tế.\") \
         li(\"Giữ vững an ninh.\") li(\"Chăm lo đời sống nhân dân. \
         Hội nghị kết thúc lúc 17 giờ. Nguyễn Văn A\"))"
    );
    // Any other value is refused, in the editor's language.
    std::fs::write(
        dir.path().join("site.yaml"),
        format!("{SITE}markdown: word\n"),
    )
    .unwrap();
    for english in [false, true] {
        let o = common::run_in_language(dir.path(), &["build"], english);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("site.yaml:2"), "{stderr}");
    }
}

#[test]
fn numbered_lines_without_a_space_are_a_list() {
    let body = "\
Các nhiệm vụ trọng tâm:

1.Xây dựng Đảng.
2.Phát triển kinh tế.
3.Giữ vững an ninh.

Năm 2023 có 12.345 người tham gia.
1.Một dòng lẻ giữ nguyên.
";
    let dir = site(SITE, body);
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        blocks(dir.path()),
        "p(\"Các nhiệm vụ trọng tâm:\") ol(li(\"Xây dựng Đảng.\") \
         li(\"Phát triển kinh tế.\") li(\"Giữ vững an ninh.\")) \
         p(\"Năm 2023 có 12.345 người tham gia.\") p(\"1.Một dòng lẻ giữ nguyên.\")"
    );
}

#[test]
fn blocks_that_are_not_habits_read_as_before() {
    let body = "\
## Kết quả

| Chỉ tiêu | Đạt |
|---|---:|
| Thu ngân sách | 58,6% |

> Trích lời
> đồng chí Bí thư.

- Mục một
  viết tiếp.
- Mục hai

---

```
1.Mã
2.Nguồn
```
";
    let dir = site(SITE, body);
    let o = common::run_in_language(dir.path(), &["build"], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        blocks(dir.path()),
        "h2(\"Kết quả\") table(tr(th(\"Chỉ tiêu\") th(\"Đạt\")) tr(td(\"Thu ngân sách\") td(\"58,6%\"))) \
         blockquote(p(\"Trích lời đồng chí Bí thư.\")) ul(li(\"Mục một viết tiếp.\") li(\"Mục hai\")) \
         hr pre(\"1.Mã 2.Nguồn\")"
    );
}

#[test]
fn diagnostics_point_at_the_file_after_the_rewriting() {
    // Line 7 is the body's first; the rewriting adds blank lines and a
    // space after `1.`, and wraps the spaced target in `<…>`.
    let body = "Đoạn một.\nĐoạn hai.\n1.Xây dựng ![Ảnh](ảnh thiếu.png)\n2.Phát triển\nKý tên [tệp](khong-co.pdf)\n";
    let dir = site(SITE, body);
    for (english, words) in [(false, "không dẫn tới tệp nào"), (true, "leads to no file")] {
        let o = common::run_in_language(dir.path(), &["build"], english);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("content/tin/bai.md:9:19: ") && stderr.contains(words),
            "{stderr}"
        );
        assert!(stderr.contains("content/tin/bai.md:11:14: "), "{stderr}");
    }
}

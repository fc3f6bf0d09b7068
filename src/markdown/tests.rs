use super::*;

fn md(s: &str) -> Rendered {
    render(
        s,
        &|d: &str| (d == "anh.png").then(|| "/a/b/anh.png".to_string()),
        false,
    )
}

#[test]
fn extensions_are_on() {
    let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~bỏ~~ \"trích\" x[^1]\n\n[^1]: Chú thích.\n");
    assert!(r.html.contains("<table>"), "{}", r.html);
    assert!(r.html.contains("<del>bỏ</del>"));
    assert!(r.html.contains("“trích”"));
    assert!(r.html.contains("footnote-definition"));
}

#[test]
fn headings_get_unique_vietnamese_ids() {
    let r = md("## Đánh giá chung\n\n## Đánh giá chung\n\n## Kết luận {#ket}\n");
    assert!(r.html.contains(r#"<h2 id="danh-gia-chung">"#), "{}", r.html);
    assert!(r.html.contains(r#"<h2 id="danh-gia-chung-1">"#));
    assert!(r.html.contains(r#"<h2 id="ket">"#));
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let body = "Xin chào <script>alert(1)</script><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> <b>đậm</b>";
    let r = md(body);
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.contains("onerror"));
    assert!(!r.html.contains("javascript:"));
    assert!(r.html.contains("<b>đậm</b>"));
    let r = render(body, &|_: &str| None, true);
    assert!(r.html.contains("<script>"));
}

/// Heading attributes (`{#id .class key=value}`) wrote any attribute,
/// event handlers included, with raw HTML not allowed: what the safe-HTML
/// invariant of the `markdown` fuzz target (`fuzz/`) flags.
#[test]
fn heading_attributes_are_only_id_and_class_unless_html_is_allowed() {
    let body = "# Tin {#a .lead onclick=alert(1) style=color:red}\n\n## B {onmouseover=x}\n";
    let r = md(body);
    assert!(
        r.html.contains(r#"<h1 id="a" class="lead">Tin</h1>"#),
        "{}",
        r.html
    );
    assert!(r.html.contains(r#"<h2 id="b">B</h2>"#), "{}", r.html);
    assert!(!r.html.contains("onclick") && !r.html.contains("onmouseover"));
    assert!(!r.html.contains("style"), "{}", r.html);
    let r = render(body, &|_: &str| None, true);
    assert!(r.html.contains(r#"onclick="alert(1)""#), "{}", r.html);
}

#[test]
fn markdown_links_with_dangerous_schemes_are_neutralised() {
    let r = md("[bấm](javascript:alert(1)) [b](JaVaScRiPt:x) ![x](data:text/html,hi)");
    assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
    assert!(!r.html.contains("data:"));
}

#[test]
fn local_links_are_resolved_or_reported() {
    let r = md(
        "Dòng một\n\n![Ảnh hội nghị](anh.png) [thiếu](khong-co.pdf) [web](https://x.vn) [neo](#a)\n",
    );
    assert!(r.html.contains(r#"src="/a/b/anh.png""#), "{}", r.html);
    assert_eq!(
        r.unresolved,
        vec![Target {
            dest: "khong-co.pdf".into(),
            line: 2,
            column: 34,
            image: false
        }]
    );
}

#[test]
fn paths_on_the_editors_computer_are_noted() {
    let r = md("![a](C:\\Users\\Lan\\anh.jpg) [b](file:///C:/x.pdf) ![c](/home/lan/anh.jpg)\n");
    let dests: Vec<&str> = r.unresolved.iter().map(|u| u.dest.as_str()).collect();
    assert_eq!(
        dests,
        [
            "C:\\Users\\Lan\\anh.jpg",
            "file:///C:/x.pdf",
            "/home/lan/anh.jpg"
        ]
    );
    assert!(!r.html.contains("file:"), "{}", r.html);
    for path in [
        "D:/anh.jpg",
        "\\\\may\\chung\\a.jpg",
        "~/a.jpg",
        "/Users/lan/a.jpg",
    ] {
        assert!(computer_path(path), "{path}");
    }
    for not in [
        "anh.jpg",
        "/chinh-quyen/bai/",
        "https://x.vn/a.jpg",
        "mailto:a@b.vn",
    ] {
        assert!(!computer_path(not), "{not}");
    }
}

#[test]
fn the_editor_flavour_places_links_where_the_file_has_them() {
    let r = render_as(
        "Một\nHai\n1.Xây ![Ảnh](Ảnh hội nghị 01.png)\n2.Tăng [x](thieu.pdf)\n",
        Flavour::Editor,
        &|d: &str| (d == "Ảnh hội nghị 01.png").then(|| "/a/%C3%A1.png".to_string()),
        false,
    );
    assert!(
        r.html.contains("<p>Một</p>\n<p>Hai</p>\n<ol>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains(r#"<img src="/a/%C3%A1.png" alt="Ảnh" />"#),
        "{}",
        r.html
    );
    assert_eq!(
        r.unresolved,
        vec![Target {
            dest: "thieu.pdf".into(),
            line: 3,
            column: 12,
            image: false
        }]
    );
    assert_eq!(r.first_paragraph, "Một");
}

#[test]
fn first_paragraph_is_plain_text() {
    let r = md("## Tiêu đề\n\nChiều ngày **17/02/2020** tại\nphòng họp.\n\nĐoạn hai.\n");
    assert_eq!(r.first_paragraph, "Chiều ngày 17/02/2020 tại phòng họp.");
}

#[test]
fn schemes_are_told_apart_from_paths() {
    assert!(is_local("anh.png"));
    assert!(is_local("../chinh-quyen/bai.md#muc"));
    assert!(!is_local("https://x.vn"));
    assert!(!is_local("mailto:a@b.vn"));
    assert!(!is_local("/tuyet-doi/"));
    assert!(!is_local("#neo"));
}

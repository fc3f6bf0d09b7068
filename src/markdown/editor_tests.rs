use super::*;

fn editor(body: &str) -> String {
    prepare(body, Flavour::Editor).0.text().to_string()
}

fn html(body: &str) -> String {
    let (source, _) = prepare(body, Flavour::Editor);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, parse(source.text()).into_iter().map(|(e, _)| e));
    out
}

#[test]
fn one_enter_between_paragraphs_keeps_them_apart() {
    assert_eq!(editor("Đoạn một.\nĐoạn hai.\n"), "Đoạn một.\n\nĐoạn hai.\n");
    assert_eq!(html("A\nB\n"), "<p>A</p>\n<p>B</p>\n");
}

#[test]
fn a_list_ends_where_its_numbered_lines_end() {
    let body = "Nhiệm vụ:\n1. Một\n2. Hai\nĐoạn cuối.\nNguyễn Văn A\n";
    assert_eq!(
        html(body),
        "<p>Nhiệm vụ:</p>\n<ol>\n<li>Một</li>\n<li>Hai</li>\n</ol>\n<p>Đoạn cuối.</p>\n<p>Nguyễn Văn A</p>\n"
    );
    // A list that does not start at 1 under a paragraph, and stays tight.
    assert_eq!(
        html("Tiếp:\n3. Ba\n4. Bốn\n"),
        "<p>Tiếp:</p>\n<ol start=\"3\">\n<li>Ba</li>\n<li>Bốn</li>\n</ol>\n"
    );
}

#[test]
fn indented_lines_stay_in_their_list_item() {
    let body = "1. Quán triệt\n   nghị quyết.\n2. Hai\n\n- a\n  b\n";
    assert_eq!(editor(body), body);
    assert_eq!(
        html(body),
        "<ol>\n<li>Quán triệt\nnghị quyết.</li>\n<li>Hai</li>\n</ol>\n<ul>\n<li>a\nb</li>\n</ul>\n"
    );
}

#[test]
fn numbered_lines_without_a_space_in_sequence_are_a_list() {
    assert_eq!(
        html("1.Xây dựng Đảng\n2.Phát triển kinh tế\n3. Văn hóa\nKý tên\n"),
        "<ol>\n<li>Xây dựng Đảng</li>\n<li>Phát triển kinh tế</li>\n<li>Văn hóa</li>\n</ol>\n<p>Ký tên</p>\n"
    );
    assert_eq!(
        html("1)Một\n2)Hai\n"),
        "<ol>\n<li>Một</li>\n<li>Hai</li>\n</ol>\n"
    );
    // Alone, a number or a date: left as written.
    assert_eq!(
        editor("1.Xây dựng Đảng\n\nĐoạn.\n"),
        "1.Xây dựng Đảng\n\nĐoạn.\n"
    );
    assert_eq!(
        html("12.345 người\n13.000 hộ\n"),
        "<p>12.345 người</p>\n<p>13.000 hộ</p>\n"
    );
    assert_eq!(
        html("19.5.2024\n20.5.2024\n"),
        "<p>19.5.2024</p>\n<p>20.5.2024</p>\n"
    );
    // Out of order: not a sequence.
    assert_eq!(editor("1.Một\n3.Ba\n"), "1.Một\n\n3.Ba\n");
}

#[test]
fn blocks_keep_working() {
    let keep = [
        "## Tiêu đề\nĐoạn.\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "```\nmột\nhai\n1.Ba\n2.Bốn\n```\n",
        "> Trích\n> dẫn\n",
        "Đoạn.\n\n---\n\nĐoạn.\n",
        "- a\n- b\n",
        "Dòng  \nxuống dòng\n",
        "**đậm\nđậm**\n",
    ];
    for body in keep {
        assert_eq!(editor(body), body, "{body}");
    }
    assert_eq!(
        html("> Trích\nKý tên\n"),
        "<blockquote>\n<p>Trích</p>\n</blockquote>\n<p>Ký tên</p>\n"
    );
    assert_eq!(html("Đoạn.\n---\n"), "<p>Đoạn.</p>\n<hr />\n");
    assert_eq!(html("Tiêu đề\n===\n"), "<h1>Tiêu đề</h1>\n");
    assert_eq!(
        html("| a |\n|---|\n| 1 |\nKý tên\n"),
        "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>\n<p>Ký tên</p>\n"
    );
    // An indented line under a paragraph is a paragraph, not code.
    assert_eq!(html("A\n    B\n"), "<p>A</p>\n<p>B</p>\n");
}

#[test]
fn targets_with_spaces_are_file_names() {
    assert_eq!(
        editor("![Toàn cảnh](Ảnh hội nghị 01.png) [x](a b.pdf \"Tựa\") `[y](c d)`\n"),
        "![Toàn cảnh](<Ảnh hội nghị 01.png>) [x](<a b.pdf> \"Tựa\") `[y](c d)`\n"
    );
    assert_eq!(editor("[x](a.pdf \"Tựa đề\")\n"), "[x](a.pdf \"Tựa đề\")\n");
}

#[test]
fn positions_are_those_of_the_file() {
    let body = "Một\nHai ![a](b c.png)\n1.Xây [x](y z)\n2.Tăng\n";
    let (source, _) = prepare(body, Flavour::Editor);
    let text = source.text();
    let at = |needle: &str| source.position(text.find(needle).unwrap());
    assert_eq!(at("Hai"), (1, 1));
    assert_eq!(at("b c.png"), (1, 10));
    assert_eq!(at("y z"), (2, 11));
    assert_eq!(at("Xây"), (2, 3));
    assert_eq!(at("Tăng"), (3, 3));
    let (source, _) = prepare("A\n    [x](y z)\n", Flavour::Editor);
    let text = source.text();
    assert_eq!(source.position(text.find("y z").unwrap()), (1, 9));
}

#[test]
fn commonmark_is_left_alone() {
    let (source, events) = prepare("A\nB\n1.Xây\n2.Tăng\n", Flavour::CommonMark);
    assert_eq!(source.text(), "A\nB\n1.Xây\n2.Tăng\n");
    assert!(events.is_none());
    // Nothing to change: the events read are handed back.
    let (source, events) = prepare("A\n\nB\n", Flavour::Editor);
    assert_eq!(source.text(), "A\n\nB\n");
    assert!(events.is_some());
}

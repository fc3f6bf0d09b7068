//! `bantin import`, through the real binary: portal texts (the seed
//! article and texts in the same shape under `tests/fixtures/import/`:
//! header variations, BOM + CRLF, no blank lines, an office as signature,
//! TCVN3 and VNI mojibake, a Windows-1258 file) are imported into a fresh
//! site, which is then built; each article page must show the date line,
//! the author, the category and the whole numbered list. Refused inputs
//! (unclear legacy text, a missing file or folder, no input) are the cases
//! `tests/cases/import-*`.

mod common;
use common::bantin;

use std::path::{Path, PathBuf};
use std::process::Output;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A site with only a `site.yaml`.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), "title: \"Bản tin thử\"\n").unwrap();
    dir
}

fn import(root: &Path, inputs: &[PathBuf]) -> Output {
    let mut args = vec!["import"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    bantin(root, &args)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every `.md` under `content/`, sorted.
fn articles(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.join("content")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

/// The text a reader sees: tags dropped, entities decoded, spaces squashed.
fn visible(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article page of `title` in category folder `category`.
fn page(root: &Path, category: &str, title: &str) -> String {
    let slug = bantin::text::slugify(title);
    let path = root
        .join("output")
        .join(category)
        .join(&slug)
        .join("index.html");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `<ol>` holding `first`, and its items as text.
fn list_items(html: &str, first: &str) -> Vec<String> {
    let at = html
        .find(first)
        .unwrap_or_else(|| panic!("no `{first}` in the page"));
    let start = html[..at]
        .rfind("<ol")
        .expect("the item is in a numbered list");
    let end = at + html[at..].find("</ol>").unwrap();
    html[start..end]
        .split("<li")
        .skip(1)
        .map(|li| visible(&format!("<li{li}")))
        .collect()
}

struct Expect {
    file: &'static str,
    category_slug: &'static str,
    category: &'static str,
    title: &'static str,
    date_line: &'static str,
    author: &'static str,
    items: &'static [&'static str],
    conversion: Option<&'static str>,
}

const EXPECTED: &[Expect] = &[
    Expect {
        file: "seed-article.txt",
        category_slug: "cong-tac-dang",
        category: "CÔNG TÁC ĐẢNG",
        title: "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường Bồ Đề giao ban quý I năm 2020",
        date_line: "Ngày đăng 19/02/2020 | 07:02 | Lượt xem: 290",
        author: "Nguyễn Văn Hùng",
        items: &[
            "Đồng chí Chủ tịch UBND xây dựng kế hoạch công tác dân vận chính quyền.",
            "Công tác giám sát 6 quy chế dân chủ ở cơ sở giao đồng chí phó bí thư",
            "Các nội dung đăng ký mô hình ‘Dân vận khéo” cần có đổi mớivà nhân rộng",
            "Thông báo các nội dung giám sát của MTTQ, các đoàn thể tại cuộc họp",
            "Thực hiện giám sát cán bộ, nhân viên, lao động hợp đồng tai UBND phường",
            "Thực hiện tốt các quy chế phối hợp giữa MTTQ - Các đoàn thể - UBND",
        ],
        conversion: None,
    },
    Expect {
        file: "header-variations.txt",
        category_slug: "kinh-te-do-thi",
        category: "KINH TẾ - ĐÔ THỊ",
        title: "Ra quân lập lại trật tự vỉa hè, lòng đường trên địa bàn phường năm 2023",
        date_line: "Ngày đăng 05/03/2023 | 00:00 | Lượt xem: 1.204",
        author: "Minh Châu",
        items: &[
            "Công an phường chủ trì",
            "Các tổ dân phố tuyên truyền",
            "Đoàn thanh niên phường duy trì",
        ],
        conversion: None,
    },
    Expect {
        file: "bom-crlf.txt",
        category_slug: "giao-duc-y-te",
        category: "GIÁO DỤC - Y TẾ",
        title: "Chủ động phòng, chống sốt xuất huyết trong mùa mưa",
        date_line: "Ngày đăng 14/08/2023 | 15:40 | Lượt xem: 12.345",
        author: "Bác sĩ Phạm Thu Hà",
        items: &[
            "Không có dụng cụ chứa nước",
            "Không có vật liệu phế thải",
            "Không để muỗi đốt",
        ],
        conversion: None,
    },
    Expect {
        file: "no-blank-lines.txt",
        category_slug: "van-hoa-xa-hoi",
        category: "VĂN HÓA - XÃ HỘI",
        title: "Vui Tết Trung thu cho thiếu nhi các tổ dân phố năm 2024",
        date_line: "Ngày đăng 16/09/2024 | 19:05 | Lượt xem: 86",
        author: "Thu Trang",
        items: &[
            "Văn nghệ chào mừng",
            "Rước đèn ông sao",
            "Phá cỗ và trao quà",
            "Trao giải cuộc thi làm đèn lồng – mâm cỗ đẹp.",
        ],
        conversion: None,
    },
    Expect {
        file: "office-signature.txt",
        category_slug: "mat-tran-doan-the",
        category: "MẶT TRẬN - ĐOÀN THỂ",
        title: "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
        date_line: "Ngày đăng 02/10/2024 | 10:15 | Lượt xem: 2.020",
        author: "Ban Thường trực Ủy ban MTTQ phường",
        items: &[
            "Phần lễ: ôn lại truyền thống",
            "Biểu dương gia đình văn hóa",
            "Phần hội: các trò chơi dân gian",
        ],
        conversion: None,
    },
    Expect {
        file: "tcvn3-mojibake.txt",
        category_slug: "an-ninh-quoc-phong",
        category: "AN NINH - QUỐC PHÒNG",
        title: "Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư số 5",
        date_line: "Ngày đăng 12/10/2024 | 08:30 | Lượt xem: 1.532",
        author: "Trần Thị Lan",
        items: &[
            "Báo cháy, cắt điện và hướng dẫn người dân thoát nạn an toàn.",
            "Dùng bình chữa cháy xách tay dập tắt đám cháy ban đầu.",
            "Lực lượng chữa cháy chuyên nghiệp triển khai đội hình, cứu người bị nạn.",
        ],
        conversion: Some("TCVN3 (ABC)"),
    },
    Expect {
        file: "vni-mojibake.txt",
        category_slug: "chinh-quyen",
        category: "CHÍNH QUYỀN",
        title: "Hội nghị đối thoại giữa Chủ tịch UBND phường với nhân dân năm 2023",
        date_line: "Ngày đăng 28/06/2023 | 14:00 | Lượt xem: 745",
        author: "Lê Quang Vinh",
        items: &[
            "Thời gian giải quyết hồ sơ đất đai, xây dựng.",
            "Việc sửa chữa tuyến ngõ bị xuống cấp ở tổ dân phố số 12.",
            "Công tác thu gom rác thải và vệ sinh môi trường.",
        ],
        conversion: Some("VNI"),
    },
    Expect {
        file: "windows-1258.txt",
        category_slug: "tin-tuc-su-kien",
        category: "TIN TỨC - SỰ KIỆN",
        title: "Lễ khánh thành Nhà văn hóa tổ dân phố số 12",
        date_line: "Ngày đăng 20/01/2025 | 09:45 | Lượt xem: 3.210",
        author: "Hoàng Minh Đức",
        items: &[
            "Hội trường 150 chỗ ngồi, có sân khấu và hệ thống âm thanh.",
            "Thư viện nhỏ và góc đọc sách cho thiếu nhi.",
            "Sân thể thao đa năng và khu vui chơi cho người cao tuổi.",
        ],
        conversion: Some("Windows-1258"),
    },
];

fn check_page(root: &Path, e: &Expect) {
    let html = page(root, e.category_slug, e.title);
    let text = visible(&html);
    for want in [e.date_line, e.author, e.category, e.title] {
        assert!(text.contains(want), "{}: the page lacks `{want}`", e.file);
    }
    let items = list_items(&html, e.items[0]);
    assert_eq!(items.len(), e.items.len(), "{}: {items:?}", e.file);
    for (got, want) in items.iter().zip(e.items) {
        assert!(
            got.starts_with(want),
            "{}: `{got}` should start with `{want}`",
            e.file
        );
    }
}

#[test]
fn the_seed_article_imports_and_builds() {
    let dir = site();
    let o = import(dir.path(), &[fixtures().join("seed-article.txt")]);
    assert!(o.status.success(), "{}{}", out(&o), err(&o));
    let written = articles(dir.path());
    assert_eq!(written.len(), 1);
    let rel = written[0].strip_prefix(dir.path()).unwrap();
    assert!(
        rel.starts_with("content/cong-tac-dang"),
        "{}",
        rel.display()
    );
    assert!(out(&o).contains("imported 1 of 1"), "{}", out(&o));
    assert!(out(&o).contains(&rel.display().to_string()), "{}", out(&o));
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("\ndate: 19/02/2020 07:02\ncategory: \"CÔNG TÁC ĐẢNG\"\nauthor: \"Nguyễn Văn Hùng\"\nviews: 290\n---\n"), "{md}");

    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
    check_page(dir.path(), &EXPECTED[0]);
}

#[test]
fn every_portal_text_imports_converts_and_builds() {
    let dir = site();
    let o = import(dir.path(), &[fixtures()]);
    let stdout = out(&o);
    assert!(o.status.success(), "{stdout}{}", err(&o));
    assert!(
        stdout.contains(&format!("imported {0} of {0}", EXPECTED.len())),
        "{stdout}"
    );
    for e in EXPECTED {
        let line = stdout
            .lines()
            .find(|l| l.contains(e.file))
            .unwrap_or_else(|| panic!("{} is not in the summary:\n{stdout}", e.file));
        match e.conversion {
            Some(c) => assert!(line.contains(c), "{line}"),
            None => assert!(!line.contains('('), "{line}"),
        }
    }
    for md in articles(dir.path()) {
        let bytes = std::fs::read(&md).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.starts_with('\u{feff}') && !text.contains('\r'),
            "{}",
            md.display()
        );
        assert!(
            !text.contains('\u{a0}') && !text.contains("  "),
            "{}",
            md.display()
        );
        assert_eq!(bantin::text::nfc(&text), text.as_str(), "{}", md.display());
    }
    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
    for e in EXPECTED {
        check_page(dir.path(), e);
    }
}

/// The legacy texts read back exactly as the Unicode they were made from.
#[test]
fn legacy_texts_convert_to_their_unicode_originals() {
    for (legacy, original) in [
        ("tcvn3-mojibake.txt", "tcvn3.unicode"),
        ("vni-mojibake.txt", "vni.unicode"),
        ("windows-1258.txt", "windows-1258.unicode"),
    ] {
        let dir = site();
        let o = import(dir.path(), &[fixtures().join(legacy)]);
        assert!(o.status.success(), "{}", err(&o));
        let md = std::fs::read_to_string(&articles(dir.path())[0]).unwrap();
        let original = std::fs::read_to_string(fixtures().join(original)).unwrap();
        let lines: Vec<String> = original
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        // Category, title, date line, body …, signature.
        assert!(md.contains(&format!("category: \"{}\"", lines[0])), "{md}");
        assert!(md.contains(&format!("title: \"{}\"", lines[1])), "{md}");
        assert!(
            md.contains(&format!("author: \"{}\"", lines[lines.len() - 1])),
            "{md}"
        );
        for body in &lines[3..lines.len() - 1] {
            assert!(
                md.contains(body.as_str()),
                "{legacy}: `{body}` missing in\n{md}"
            );
        }
    }
}

#[test]
fn unrecognised_texts_import_nothing_and_name_file_and_line() {
    let dir = site();
    let bad = fixtures().join("bad");
    let o = import(dir.path(), &[bad.clone(), fixtures().join("bom-crlf.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let stderr = err(&o);
    let no_date = bad.join("no-date-line.txt");
    let impossible = bad.join("impossible-date.txt");
    assert!(
        stderr.contains(&format!("{}:5:1: error: no date line", no_date.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:3:11: error: the date line's date is wrong",
            impossible.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("not a real date"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    let stdout = out(&o);
    assert!(stdout.contains("imported 1 of 3"), "{stdout}");
    assert!(stdout.contains("skipped 2"), "{stdout}");
    // Only the good text was written.
    assert_eq!(articles(dir.path()).len(), 1);
}

#[test]
fn existing_articles_are_kept_unless_forced() {
    let dir = site();
    let seed = fixtures().join("seed-article.txt");
    assert!(
        import(dir.path(), std::slice::from_ref(&seed))
            .status
            .success()
    );
    let path = articles(dir.path()).remove(0);
    std::fs::write(&path, "edited by hand").unwrap();
    let o = import(dir.path(), std::slice::from_ref(&seed));
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("already exists"), "{}", err(&o));
    assert!(err(&o).contains("--force"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
    let o = bantin(dir.path(), &["import", seed.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("---\ntitle:")
    );
}

#[test]
fn out_chooses_the_folder_and_needs_no_site() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("bai-moi");
    let seed = fixtures().join("seed-article.txt");
    let o = common::command()
        .args([
            "import",
            seed.to_str().unwrap(),
            "--out",
            to.to_str().unwrap(),
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    let written: Vec<_> = std::fs::read_dir(to.join("cong-tac-dang"))
        .unwrap()
        .collect();
    assert_eq!(written.len(), 1);
}

/// `build` refuses an article saved in a legacy encoding and points to
/// `bantin import`, which converts it (in place only with `--force`).
#[test]
fn legacy_markdown_articles_are_converted_in_place_with_force() {
    let dir = site();
    let article = dir.path().join("content/cong-tac-dang/giao-ban.md");
    std::fs::create_dir_all(article.parent().unwrap()).unwrap();
    let tcvn3 = "---\ntitle: \"Giao ban quý I\"\ndate: 19/02/2020 07:02\ncategory: C«ng t¸c §¶ng\n---\n\nBan chØ ®¹o thùc hiÖn quy chÕ d©n chñ ë c¬ së, khèi D©n vËn §¶ng ñy ph\u{ad}êng giao ban.\n";
    std::fs::write(&article, tcvn3).unwrap();
    let b = bantin(dir.path(), &["build"]);
    assert_eq!(b.status.code(), Some(1));
    assert!(err(&b).contains("bantin import"), "{}", err(&b));

    let o = import(dir.path(), std::slice::from_ref(&article));
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("already exists"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&article).unwrap(), tcvn3);

    let o = bantin(
        dir.path(),
        &["import", article.to_str().unwrap(), "--force"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("TCVN3"), "{}", out(&o));
    let text = std::fs::read_to_string(&article).unwrap();
    assert!(text.contains("category: Công tác Đảng\n"), "{text}");
    assert!(
        text.contains(
            "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường giao ban."
        ),
        "{text}"
    );
    let b = bantin(dir.path(), &["build"]);
    assert!(b.status.success(), "{}", err(&b));
}

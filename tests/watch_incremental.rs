//! The promise of `bantin watch`: after any sequence of edits, the folder it
//! serves is byte-for-byte what a clean `bantin build` with the same options
//! writes. A scripted sequence of edits (edit, add, rename, delete articles;
//! change a category; edit a template; edit `site.yaml`; add and remove a
//! co-located file; break and fix an article) runs through one incremental
//! session, comparing with a clean build after every step. Each rebuild is
//! told the files the step changed, as `watch` is: edits of article bodies
//! alone take the quick path, and the test checks which steps do.

mod common;
use common::copy_dir;
use common::session::{assert_same, changed, edit, open, stamps, tree, write};

use std::fs;
use std::path::{Path, PathBuf};

use bantin::Options;
use bantin::watch::session::Session;

#[test]
fn incremental_rebuilds_equal_clean_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &root.join("content"));
    fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    let served = tmp.path().join("served");
    let clean = tmp.path().join("clean");
    let opts = Options {
        root: root.clone(),
        output: Some(served.clone()),
        base_url: Some("http://127.0.0.1:1111/".into()),
        live_reload: Some("/__bantin/live.js".into()),
        ..Options::default()
    };
    let mut session = Session::new(opts.clone(), served.clone()).unwrap();
    let first = session.rebuild().unwrap();
    assert_eq!(first.written, first.summary.pages);
    assert_same("first build", &served, &opts, &clean);

    let article = find(&root, "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md");
    type Step = (&'static str, Box<dyn Fn()>);
    let mut steps: Vec<Step> = Vec::new();
    let a = article.clone();
    steps.push(("edit an article's body", Box::new(move || {
        let text = fs::read_to_string(&a).unwrap();
        write(&a, &format!("{text}\nĐoạn bổ sung: Ban Chỉ đạo đề nghị các chi bộ báo cáo trước ngày 30/3.\n"));
    })));
    let a = article.clone();
    steps.push((
        "save an article unchanged",
        Box::new(move || {
            let text = fs::read_to_string(&a).unwrap();
            write(&a, &text);
        }),
    ));
    let a = article.clone();
    steps.push((
        "a body links to another article",
        Box::new(move || {
            let text = fs::read_to_string(&a).unwrap();
            write(&a, &format!("{text}\nXem thêm [hội nghị Ban Chấp hành](hoi-nghi-ban-chap-hanh-so-ket-6-thang-dau-nam-2024.md).\n"));
        }),
    ));
    let (a, r) = (article.clone(), root.clone());
    steps.push((
        "edit two articles' bodies at once",
        Box::new(move || {
            edit(&a, "trước ngày 30/3", "trước ngày 31/3");
            let other = r.join("content/chinh-quyen/hoi-nghi-doi-thoai-voi-nhan-dan-nam-2023.md");
            edit(
                &other,
                "**lắng nghe trực tiếp**",
                "**lắng nghe trực tiếp, thấu đáo**",
            );
        }),
    ));
    let a = article.clone();
    steps.push((
        "edit the first paragraph, which is the summary",
        Box::new(move || {
            edit(&a, "Chiều ngày 17/02/2020", "Chiều ngày 18/02/2020");
        }),
    ));
    let r = root.clone();
    steps.push((
        "edit a draft's body",
        Box::new(move || {
            let draft =
                r.join("content/mat-tran-doan-the/ke-hoach-ngay-hoi-dai-doan-ket-nam-2026.md");
            let text = fs::read_to_string(&draft).unwrap();
            write(&draft, &format!("{text}\nBổ sung danh sách khách mời.\n"));
        }),
    ));
    let a = article.clone();
    steps.push((
        "edit an article's title",
        Box::new(move || {
            edit(&a, "title: ", "title: \"(Cập nhật) \" # was: ");
        }),
    ));
    let r = root.clone();
    steps.push(("add an article", Box::new(move || {
        write(&r.join("content/chinh-quyen/tiep-cong-dan-dinh-ky-thang-3.md"), "---\ntitle: \"Lãnh đạo UBND phường tiếp công dân định kỳ tháng 3\"\ndate: 15/03/2024 08:00\ncategory: CHÍNH QUYỀN\nauthor: Văn phòng HĐND-UBND phường\nviews: 1204\ntags: [tiếp công dân]\n---\nSáng 15/3, đồng chí Chủ tịch UBND phường đã tiếp **12 lượt** công dân.\n");
    })));
    let r = root.clone();
    steps.push((
        "rename an article",
        Box::new(move || {
            fs::rename(
                r.join("content/chinh-quyen/tiep-cong-dan-dinh-ky-thang-3.md"),
                r.join("content/chinh-quyen/tiep-cong-dan-thang-3-2024.md"),
            )
            .unwrap();
        }),
    ));
    let a = article.clone();
    steps.push((
        "move an article to another category",
        Box::new(move || {
            edit(
                &a,
                "category: CÔNG TÁC ĐẢNG",
                "category: MẶT TRẬN - ĐOÀN THỂ",
            );
        }),
    ));
    let r = root.clone();
    steps.push((
        "delete an article",
        Box::new(move || {
            fs::remove_file(r.join("content/chinh-quyen/tiep-cong-dan-thang-3-2024.md")).unwrap();
        }),
    ));
    let r = root.clone();
    steps.push((
        "add a template override",
        Box::new(move || {
            let base = include_str!("../themes/default/templates/404.html");
            fs::create_dir_all(r.join("templates")).unwrap();
            write(
                &r.join("templates/404.html"),
                &base.replace(
                    "{% block content %}",
                    "{% block content %}<p class=\"ghi-chu\">Liên hệ Văn phòng phường.</p>",
                ),
            );
        }),
    ));
    let r = root.clone();
    steps.push((
        "edit site.yaml",
        Box::new(move || {
            edit(&r.join("site.yaml"), "per_page: 10", "per_page: 4");
        }),
    ));
    let r = root.clone();
    steps.push((
        "add and link a co-located file",
        Box::new(move || {
            let dir = r.join("content/chinh-quyen");
            write(&dir.join("lich-tiep-dan.txt"), "Thứ Năm hằng tuần");
            let first = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|e| e == "md"))
                .unwrap();
            let text = fs::read_to_string(&first).unwrap();
            write(
                &first,
                &format!("{text}\n[Lịch tiếp dân](lich-tiep-dan.txt)\n"),
            );
        }),
    ));
    let r = root.clone();
    steps.push((
        "remove the co-located file and its link",
        Box::new(move || {
            // A link to a file that is gone refuses the clean build.
            let dir = r.join("content/chinh-quyen");
            for e in fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                let text = fs::read_to_string(&p).unwrap_or_default();
                if text.contains("(lich-tiep-dan.txt)") {
                    write(
                        &p,
                        &text.replace("\n[Lịch tiếp dân](lich-tiep-dan.txt)\n", ""),
                    );
                }
            }
            fs::remove_file(dir.join("lich-tiep-dan.txt")).unwrap();
        }),
    ));

    document_steps(&root, &mut steps);

    for (name, step) in &steps {
        let before = stamps(&root);
        step();
        let r = session
            .rebuild_after(&changed(&before, &stamps(&root)))
            .unwrap_or_else(|e| panic!("{name}: rebuild failed: {e}"));
        assert!(r.written <= r.summary.pages, "{name}");
        assert_eq!(r.quick, QUICK.contains(name), "{name}: quick path?");
        assert_same(name, &served, &opts, &clean);
    }

    // A broken article fails the rebuild and leaves the served pages alone.
    let before = tree(&served);
    let a = article.clone();
    edit(&a, "date: ", "date: 30/02/2020 # ");
    assert!(session.rebuild().is_err());
    assert_eq!(
        tree(&served),
        before,
        "a failed rebuild changed the served pages"
    );
    edit(&a, "date: 30/02/2020 # ", "date: ");
    session.rebuild().unwrap();
    assert_same("fix the broken article", &served, &opts, &clean);

    // An edit that changes one article's body rewrites few pages.
    let text = fs::read_to_string(&article).unwrap();
    let before = stamps(&root);
    write(&article, &format!("{text}\nThêm một câu.\n"));
    let r = session
        .rebuild_after(&changed(&before, &stamps(&root)))
        .unwrap();
    assert!(r.quick, "a small edit took the full path");
    assert!(
        r.written >= 1 && r.written < r.summary.pages / 4,
        "wrote {} of {}",
        r.written,
        r.summary.pages
    );
    assert_same("small edit", &served, &opts, &clean);

    // A link that leads nowhere, added to a body: the full rebuild
    // refuses it and the served pages stay; fixed, all is as clean.
    let before_served = tree(&served);
    let text = fs::read_to_string(&article).unwrap();
    let before = stamps(&root);
    write(
        &article,
        &format!("{text}\n[Biên bản](bien-ban-khong-co.md)\n"),
    );
    let failed = session.rebuild_after(&changed(&before, &stamps(&root)));
    assert!(failed.is_err(), "a broken link was published");
    assert_eq!(tree(&served), before_served, "a failed edit changed pages");
    let before = stamps(&root);
    write(&article, &text);
    let r = session
        .rebuild_after(&changed(&before, &stamps(&root)))
        .unwrap();
    assert!(!r.quick, "after a failure the rebuild must be whole");
    assert_same("fix the broken link", &served, &opts, &clean);
}

type Steps = Vec<(&'static str, Box<dyn Fn()>)>;

/// The steps that change article bodies alone, and nothing the rest of the
/// site shows of them: published by the quick path.
const QUICK: &[&str] = &[
    "edit an article's body",
    "save an article unchanged",
    "a body links to another article",
    "edit two articles' bodies at once",
    "edit the first paragraph, which is the summary",
];

/// Documents (issue 16): added, linked from an article, edited (title,
/// expiry), replaced, given a file, and removed.
fn document_steps(root: &Path, steps: &mut Steps) {
    let doc = root.join("content/van-ban/watch/ke-hoach-90.md");
    let old = root.join("content/van-ban/watch/ke-hoach-80.md");
    let front = |number: &str, title: &str, extra: &str| {
        format!(
            "---\ntitle: \"{title}\"\nnumber: \"{number}\"\ntype: Kế hoạch\nissuer: UBND phường\nissued: 02/01/2024\nsigner: Nguyễn Văn An\n{extra}---\nNội dung văn bản.\n"
        )
    };
    let (d, f) = (doc.clone(), front);
    steps.push((
        "add a document",
        Box::new(move || {
            fs::create_dir_all(d.parent().unwrap()).unwrap();
            write(&d, &f("90/KH-UBND", "Kế hoạch tiếp công dân năm 2024", ""));
        }),
    ));
    let r = root.to_path_buf();
    steps.push((
        "an article links to the document",
        Box::new(move || {
            let a = find(&r, "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md");
            let depth = a
                .strip_prefix(r.join("content"))
                .unwrap()
                .components()
                .count()
                - 1;
            let up = "../".repeat(depth);
            let text = fs::read_to_string(&a).unwrap();
            write(
                &a,
                &format!("{text}\nXem [Kế hoạch 90]({up}van-ban/watch/ke-hoach-90.md).\n"),
            );
        }),
    ));
    let d = doc.clone();
    steps.push((
        "edit a document's title and expiry",
        Box::new(move || {
            write(
                &d,
                &f(
                    "90/KH-UBND",
                    "Kế hoạch tiếp công dân định kỳ năm 2024",
                    "expires: 31/12/2024\n",
                ),
            );
        }),
    ));
    let (d, o) = (doc.clone(), old.clone());
    steps.push((
        "a document replaces another",
        Box::new(move || {
            write(&o, &f("80/KH-UBND", "Kế hoạch cũ", ""));
            write(
                &d,
                &f(
                    "90/KH-UBND",
                    "Kế hoạch tiếp công dân định kỳ năm 2024",
                    "replaces: 80/KH-UBND\nfile: ke-hoach-90.pdf\n",
                ),
            );
            write(&d.with_file_name("ke-hoach-90.pdf"), "%PDF-1.4\n%%EOF\n");
        }),
    ));
    let (d, r) = (doc.clone(), root.to_path_buf());
    steps.push((
        "remove the documents",
        Box::new(move || {
            fs::remove_dir_all(d.parent().unwrap()).unwrap();
            let art = find(&r, "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md");
            let text = fs::read_to_string(&art).unwrap();
            let cut = text.find("\nXem [Kế hoạch 90]").unwrap();
            write(&art, &text[..cut]);
        }),
    ));
}

fn find(root: &Path, name: &str) -> PathBuf {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| p.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("{name} not found"))
}

/// The home page shows each category's newest article as a card in its
/// block: an older article's first paragraph (its summary) edited is seen
/// there though the page's own list does not show it.
#[test]
fn a_summary_edited_in_a_body_reaches_the_home_page_blocks() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("site.yaml"),
        "title: \"Bản tin phường Ngọc Thụy\"\nbase_url: \"https://ngocthuy.example.vn/\"\nper_page: 2\n",
    )
    .unwrap();
    let article = |date: &str, category: &str, body: &str| {
        format!(
            "---\ntitle: \"Tin ngày {date}\"\ndate: {date} 08:00\ncategory: {category}\n---\n{body}\n"
        )
    };
    for day in 1..=3 {
        let date = format!("0{day}/03/2025");
        fs::write(
            root.join(format!("content/tin-{day}.md")),
            article(&date, "TIN TỨC - SỰ KIỆN", "Tổ dân phố họp bàn việc chung."),
        )
        .unwrap();
    }
    let old = root.join("content/dang-uy.md");
    fs::write(
        &old,
        article(
            "15/01/2024",
            "CÔNG TÁC ĐẢNG",
            "Đảng ủy phường giao ban đầu năm.\n\nCác chi bộ báo cáo kết quả.",
        ),
    )
    .unwrap();
    let served = tmp.path().join("served");
    let (mut session, opts) = open(&root, &served);
    let home = || fs::read_to_string(served.join("index.html")).unwrap();
    assert!(home().contains("Đảng ủy phường giao ban đầu năm."));

    edit(&old, "giao ban đầu năm", "giao ban quý I");
    let r = session
        .rebuild_after(&["content/dang-uy.md".into()])
        .unwrap();
    assert!(r.quick, "a body edit took the full path");
    assert!(
        home().contains("Đảng ủy phường giao ban quý I."),
        "the block's card is stale"
    );
    assert_same(
        "summary in a home block",
        &served,
        &opts,
        &tmp.path().join("clean"),
    );
}

//! The promise of `bantin watch`: after any sequence of edits, the folder it
//! serves is byte-for-byte what a clean `bantin build` with the same options
//! writes. A scripted sequence of edits (edit, add, rename, delete articles;
//! change a category; edit a template; edit `site.yaml`; add and remove a
//! co-located file; break and fix an article) runs through one incremental
//! session, comparing with a clean build after every step.

mod common;
use common::copy_dir;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use bantin::Options;
use bantin::watch::session::Session;

/// Every file under `dir` with its bytes, and every folder; not the marker
/// that `build` (and `watch`, around the session) keeps in its output.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.path() == dir.join(bantin::output::MARKER) {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if e.file_type().is_dir() {
            out.insert(format!("{rel}/"), Vec::new());
        } else {
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

fn assert_same(step: &str, served: &Path, opts: &Options, clean_dir: &Path) {
    let mut clean = opts.clone();
    clean.output = Some(clean_dir.to_path_buf());
    bantin::build(&clean).unwrap_or_else(|e| panic!("{step}: clean build failed: {e}"));
    let (a, b) = (tree(served), tree(clean_dir));
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "{step}: only in watch output: {only_a:?}; only in clean build: {only_b:?}"
    );
    let differ: Vec<_> = a
        .iter()
        .filter(|(k, v)| b[*k] != **v)
        .map(|(k, _)| k)
        .collect();
    assert!(
        differ.is_empty(),
        "{step}: files differ from a clean build: {differ:?}"
    );
}

/// Writes land with a new modification time even on coarse clocks.
fn write(path: &Path, text: &str) {
    let old = fs::metadata(path).ok().and_then(|m| m.modified().ok());
    fs::write(path, text).unwrap();
    if let Some(old) = old {
        let f = fs::File::options().write(true).open(path).unwrap();
        f.set_modified(old + std::time::Duration::from_secs(1))
            .unwrap();
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    write(path, &text.replacen(from, to, 1));
}

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
        step();
        let r = session
            .rebuild()
            .unwrap_or_else(|e| panic!("{name}: rebuild failed: {e}"));
        assert!(r.written <= r.summary.pages, "{name}");
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
    write(&article, &format!("{text}\nThêm một câu.\n"));
    let r = session.rebuild().unwrap();
    assert!(
        r.written >= 1 && r.written < r.summary.pages / 4,
        "wrote {} of {}",
        r.written,
        r.summary.pages
    );
    assert_same("small edit", &served, &opts, &clean);
}

type Steps = Vec<(&'static str, Box<dyn Fn()>)>;

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

//! Attached documents (issue 15): a link in an article to a PDF, DOCX …
//! beside it shows the file's type and true size after the link's text,
//! the Vietnamese way (`(PDF, 340 KB)`, `(DOCX, 1,2 MB)`), in a
//! `<span class="file-meta">`; a link to a photo shows nothing more. The
//! real binary builds a fixture site; `watch` shows a new size once the
//! file is replaced.

mod common;

use std::path::Path;

use common::watch::start_env;

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

const BODY: &str = "Xem [Kế hoạch số 45](ke-hoach-45.pdf), [biểu mẫu](Biểu mẫu.docx) \
    và [sơ đồ](so-do.png).\n";

/// A real 8×8 PNG (a photo file must be one: bantin publishes it resized).
fn small_png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 30, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn links_to_attached_documents_show_type_and_size() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", "title: \"Bản tin phường\"\n".as_bytes());
    let article = format!("---\ntitle: Kế hoạch\ndate: 2024-01-15\ncategory: Tin tức\n---\n{BODY}");
    write(root, "content/tin/bai.md", article.as_bytes());
    write(root, "content/tin/ke-hoach-45.pdf", &vec![b'%'; 348_160]);
    write(root, "content/tin/Biểu mẫu.docx", &vec![b'P'; 1_258_291]);
    write(root, "content/tin/so-do.png", &small_png());
    let o = common::bantin(root, &["build"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = std::fs::read_to_string(root.join("output/tin-tuc/ke-hoach/index.html")).unwrap();
    for want in [
        "<a href=\"/tin/ke-hoach-45.pdf\">Kế hoạch số 45</a> <span class=\"file-meta\">(PDF, 340 KB)</span>",
        "<a href=\"/tin/Bi%E1%BB%83u%20m%E1%BA%ABu.docx\">biểu mẫu</a> <span class=\"file-meta\">(DOCX, 1,2 MB)</span>",
        "<a href=\"/tin/so-do.png\">sơ đồ</a>.",
    ] {
        assert!(page.contains(want), "lacks {want}:\n{page}");
    }
    assert_eq!(page.matches("file-meta").count(), 2, "{page}");
}

#[test]
fn watch_shows_the_new_size_of_a_replaced_document() {
    let w = start_env(false, &[], &[]);
    let dir = w.root.join("content/kinh-te-do-thi");
    let article = dir.join("phan-loai-chat-thai-ran-sinh-hoat-tai-nguon.md");
    let text = std::fs::read_to_string(&article).unwrap();
    assert!(
        text.contains("](ke-hoach.pdf)"),
        "the sample links its plan"
    );
    let path = "/kinh-te-do-thi/trien-khai-ke-hoach-phan-loai-chat-thai-ran-sinh-hoat-tai-nguon/";
    let size = std::fs::metadata(dir.join("ke-hoach.pdf")).unwrap().len();
    let label = format!("(PDF, {} KB)", (size as f64 / 1024.0).round().max(1.0));
    w.wait_for(path, "the plan's size", |r| r.text().contains(&label));
    std::fs::write(dir.join("ke-hoach.pdf"), vec![b'%'; 40 * 1024]).unwrap();
    w.wait_for(path, "the new size", |r| {
        r.text()
            .contains("<span class=\"file-meta\">(PDF, 40 KB)</span>")
    });
}

//! Inputs that the fuzz targets under `fuzz/` (README "Fuzzing") found
//! breaking an invariant, minimised and kept under
//! `tests/fixtures/fuzz/<target>/`, each run through the real binary.

mod common;
use common::{Site, bantin};

use std::path::{Path, PathBuf};

fn found_by(target: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target)
        .join(name)
}

/// `import`: a portal text whose category line holds U+001A failed with
/// the internal "bantin could not write this article's front matter so
/// that it reads back the same … please report" error. Whether such a
/// character is refused or kept is the control-character policy's call;
/// either way the article is imported and builds, or refused at its line.
#[test]
fn import_of_a_control_character_in_the_category_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), "title: \"Bản tin thử\"\n").unwrap();
    let input = found_by("import", "control-in-category.txt");
    let o = bantin(dir.path(), &["import", input.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!said.contains("please report"), "{said}");
    if o.status.success() {
        assert!(said.contains("imported 1 of 1"), "{said}");
        let b = bantin(dir.path(), &["build"]);
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    } else {
        assert!(said.contains("control-in-category.txt:1:"), "{said}");
    }
}

/// `markdown`: heading attributes (`# Tin {onclick=…}`) were published as
/// written, an event handler on a site that does not allow raw HTML.
#[test]
fn heading_attributes_publish_no_event_handler() {
    let site = Site::new("full");
    let text = std::fs::read_to_string(found_by("markdown", "heading-attributes.md")).unwrap();
    site.write("content/cong-tac-dang/thuoc-tinh.md", &text);
    site.build(&[]);
    let page = site.page("cong-tac-dang/thuoc-tinh-tieu-de/");
    assert!(
        page.contains(r#"<h1 id="tin" class="lead">Tin</h1>"#),
        "{page}"
    );
    assert!(page.contains(r#"<h2 id="muc">Mục</h2>"#), "{page}");
    for attr in ["onclick", "onmouseover", "position:fixed"] {
        assert!(!page.contains(attr), "{attr} published");
    }
}

/// `frontmatter`: the YAML crate counts U+2028, U+2029 and U+0085 as line
/// breaks, so a front-matter error after one was reported on a later line,
/// past the end of this file.
#[test]
fn yaml_errors_after_line_separators_point_at_the_files_line() {
    let site = Site::new("full");
    let text = std::fs::read_to_string(found_by("frontmatter", "line-separators.md")).unwrap();
    site.write("content/cong-tac-dang/phan-cach.md", &text);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("phan-cach.md:5:1: error: the front matter is not valid YAML"),
        "{}",
        r.stderr
    );
}

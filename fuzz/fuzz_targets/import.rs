//! Fuzz target `import`: a file's bytes through `bantin import` whole
//! (`import::run`: legacy decoding, portal text or Markdown article,
//! category and file name, self-check, writing) into a scratch folder.
//!
//! Invariants: the command never fails as a whole for one bad file; a
//! file it writes stays inside the output folder, under a slug folder,
//! and is an article `build` reads and accepts (UTF-8, NFC, no mojibake,
//! valid front matter with a title and a category); a file it skips is
//! skipped with a diagnostic inside the file, never with the internal
//! "could not write this article's front matter" error.
#![no_main]

use std::path::Path;

use bantin::{frontmatter, import, load};
use bantin_fuzz::{assert_points_inside, is_nfc, is_slug, scratch};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let input = dir.join("bai.txt");
    let out = dir.join("content");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::write(&input, data).expect("write the scratch file");
    let opts = import::Options {
        root: dir.to_path_buf(),
        out: Some(out.clone()),
        force: false,
        inputs: vec![input.clone()],
    };
    let report = import::run(&opts).expect("one file never fails the whole import");
    assert_eq!(report.imported.len() + report.skipped.len(), 1);
    for d in &report.skipped {
        assert!(
            !d.message.contains("reads back the same"),
            "internal error on import: {d}"
        );
        let text = match import::legacy::decode(data) {
            Ok(decoded) => decoded.text,
            Err(_) => String::from_utf8_lossy(data).replace('\r', "\n"),
        };
        assert_points_inside(d, &text);
    }
    for i in &report.imported {
        check_written(&out, &i.to);
    }
});

/// What import wrote is an article `build` accepts.
fn check_written(out: &Path, to: &Path) {
    let rel = to
        .strip_prefix(out)
        .expect("written inside the output folder");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    assert_eq!(parts.len(), 2, "written to {rel:?}");
    assert!(is_slug(&parts[0]), "category folder {:?}", parts[0]);
    let display = Path::new("content").join(rel);
    let text = load::read_text(to, &display)
        .unwrap_or_else(|d| panic!("build refuses what import wrote: {d}"));
    let written = std::fs::read(to).expect("read back");
    assert!(is_nfc(&text), "import wrote text that is not NFC");
    assert_eq!(
        text.as_bytes(),
        written.as_slice(),
        "import wrote CR, BOM or non-NFC"
    );
    let split = frontmatter::split(&display, &text)
        .unwrap_or_else(|d| panic!("import wrote no front matter: {d}"));
    let front = frontmatter::parse(&display, &split)
        .unwrap_or_else(|ds| panic!("build refuses the imported front matter: {}", ds[0]));
    assert!(!front.title.trim().is_empty(), "imported without a title");
    assert!(
        !front.category.trim().is_empty(),
        "imported without a category"
    );
}

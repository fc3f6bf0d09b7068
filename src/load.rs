//! Loading: finds the articles and their attached files under `content/`
//! (skipping editor junk), reads each article as checked UTF-8 text and
//! normalises it (no BOM, LF line ends, NFC, Word's line breaks), refusing
//! legacy mojibake and control characters.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Diagnostic, Error, Result};
use crate::stamp::Stamp;

mod mojibake;

use mojibake::detect_mojibake;
pub use mojibake::{Mojibake, find_mojibake};

/// What `content/` holds, as paths relative to it.
#[derive(Debug, Default)]
pub struct ContentTree {
    pub articles: Vec<PathBuf>,
    /// The Markdown files under `van-ban/`: documents, not articles.
    pub documents: Vec<PathBuf>,
    pub assets: Vec<PathBuf>,
    /// Articles saved under a name that is not `.md` (Notepad's `.txt`,
    /// `.md.txt`, a `.markdown`): errors naming them, for the build's list.
    pub misnamed: Vec<Diagnostic>,
}

/// Files an editor leaves behind that are never content.
pub fn is_junk(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".crdownload")
        || name.ends_with(".part")
        || name == "4913"
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Walk `content/`, sorted so the build is the same on every machine.
pub fn scan(root: &Path, content: &Path) -> Result<ContentTree> {
    let mut tree = ContentTree::default();
    for rel in source_files(root, content)? {
        let is_md = rel
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if is_md && rel.starts_with(crate::routes::DOCUMENTS) {
            tree.documents.push(rel);
        } else if is_md {
            tree.articles.push(rel);
        } else if let Some(name) = article_name(&content.join(&rel)) {
            let shown = display_path(root, &content.join(&rel));
            tree.misnamed.push(misnamed(shown, &rel, &name));
        } else {
            tree.assets.push(rel);
        }
    }
    Ok(tree)
}

/// Extensions an article may be saved with by mistake.
const ARTICLE_LIKE: [&str; 5] = ["txt", "markdown", "mdown", "mkd", "mkdn"];

/// The name an article saved as `path` should have (`bai.md.txt` →
/// `bai.md`), when `path` has one of [`ARTICLE_LIKE`]'s extensions and
/// starts like an article (a `---` line, after a BOM if any).
fn article_name(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy();
    if !ARTICLE_LIKE.iter().any(|e| ext.eq_ignore_ascii_case(e)) || !starts_like_article(path) {
        return None;
    }
    let mut stem = path.file_stem()?.to_string_lossy().into_owned();
    if let Some(dot) = stem.rfind('.')
        && stem[dot + 1..].eq_ignore_ascii_case("md")
    {
        stem.truncate(dot);
    }
    Some(format!("{stem}.md"))
}

fn starts_like_article(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    let Ok(n) = std::fs::File::open(path).and_then(|f| f.take(16).read(&mut head)) else {
        return false;
    };
    let head = &head[..n];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let Some(rest) = head.strip_prefix(b"---") else {
        return false;
    };
    let rest: Vec<u8> = rest
        .iter()
        .copied()
        .skip_while(|b| *b == b' ' || *b == b'\t')
        .collect();
    matches!(rest.first(), Some(b'\n' | b'\r'))
}

fn misnamed(shown: PathBuf, rel: &Path, name: &str) -> Diagnostic {
    let typed = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Diagnostic::new(shown, crate::t!("load-misnamed-article", file = typed))
        .at(1, Some(1))
        .hint(crate::t!("load-misnamed-article.hint", name = name))
}

/// Every file under `dir`, a source folder of the site at `root`
/// (`content/`, `static/`, `templates/`, a theme's folders), as paths
/// relative to `dir`, sorted by name, editor junk skipped; none when `dir`
/// does not exist.
///
/// The one rule for links (symlinks) in every source folder: a link is
/// followed only to a file inside the site folder. A link leaving the site,
/// leading nowhere or to a folder is an error naming the link, and so is a
/// source folder that lies outside the site through a link: a site cloned
/// from elsewhere can never publish `/etc/passwd`.
pub fn source_files(root: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let canonical_root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let real_dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    if !real_dir.starts_with(&canonical_root) {
        return Err(Error::one(
            Diagnostic::new(
                display_path(root, dir),
                crate::t!("load-folder-link-outside", target = &real_dir),
            )
            .hint(crate::t!("load-folder-link-outside.hint")),
        ));
    }
    let mut errors = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_junk(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(&path, e.into())
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        if entry.path_is_symlink()
            && let Some(problem) = link_problem(&canonical_root, path)
        {
            errors.push(
                Diagnostic::new(display_path(root, path), problem).hint(crate::t!(
                    "load-link-copy-in",
                    folder = &display_path(root, dir)
                )),
            );
            continue;
        }
        files.push(path.strip_prefix(dir).unwrap_or(path).to_path_buf());
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Error::Content(errors))
    }
}

/// Why the link at `path` may not be followed, if it may not (see
/// [`source_files`]).
fn link_problem(canonical_root: &Path, path: &Path) -> Option<String> {
    let shown = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    match path.canonicalize() {
        Err(_) => Some(crate::t!("load-link-nowhere", target = shown)),
        Ok(target) if !target.starts_with(canonical_root) => {
            Some(crate::t!("load-link-outside", target = &target))
        }
        Ok(target) if !target.is_file() => Some(crate::t!("load-link-folder", target = shown)),
        Ok(_) => None,
    }
}

/// The path shown in messages: relative to the site root.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The site path of a file under `content/`: `a/ảnh 1.png` → `a/ảnh 1.png`
/// with `/` separators.
pub fn site_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `./content/x.md` → `content/x.md`, for messages.
pub fn tidy(path: &Path) -> PathBuf {
    let tidy: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if tidy.as_os_str().is_empty() {
        path.to_path_buf()
    } else {
        tidy
    }
}

/// Read one article: UTF-8 checked, BOM dropped, line ends made LF,
/// accents cut off by a PDF copy joined back, NFC.
pub fn read_text(path: &Path, display: &Path) -> Result<String, Diagnostic> {
    read_text_stamped(path, display).map(|read| read.text)
}

/// An article's text as [`read_text`] gives it, with what reading it
/// noticed.
#[derive(Debug)]
pub struct Read {
    pub text: String,
    /// The file's stamp when the text is the file's bytes unchanged (no
    /// BOM, no CR, already NFC: what editors save), so that a part of it
    /// can be read again by [`read_again`] without checking it anew.
    pub stamp: Option<Stamp>,
    /// A warning: something was repaired (accents joined back).
    pub note: Option<Diagnostic>,
}

/// [`read_text`], with the file's stamp and the warning (see [`Read`]).
pub fn read_text_stamped(path: &Path, display: &Path) -> Result<Read, Diagnostic> {
    let cannot = |e: std::io::Error| {
        Diagnostic::new(
            display,
            crate::t!("load-cannot-read", reason = crate::i18n::io_reason(&e)),
        )
    };
    let (bytes, stamp) = read_stamped(path).map_err(cannot)?;
    let (text, note) = checked_text(&bytes, display)?;
    let verbatim = text.as_bytes() == bytes.as_slice();
    Ok(Read {
        text,
        stamp: verbatim.then_some(stamp),
        note,
    })
}

/// A file's bytes and its stamp, taken from the open file.
fn read_stamped(path: &Path) -> std::io::Result<(Vec<u8>, Stamp)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let stamp = Stamp::from_metadata(&file.metadata()?);
    let mut bytes = Vec::with_capacity(stamp.len as usize + 1);
    file.read_to_end(&mut bytes)?;
    Ok((bytes, stamp))
}

/// The text from byte `at` to the end of a file that was read before with
/// [`read_text_stamped`] as `stamp`, if the file still has that stamp (so
/// it was checked then): only UTF-8 is checked again. `None` when the
/// file changed or cannot be read; the caller then reads it in full.
pub fn read_again(path: &Path, stamp: Stamp, at: usize) -> Option<String> {
    let (bytes, now) = read_stamped(path).ok()?;
    if now != stamp || now.len != bytes.len() as u64 {
        return None;
    }
    let tail = bytes.get(at..)?;
    simdutf8::basic::from_utf8(tail).ok().map(String::from)
}

fn checked_text(bytes: &[u8], display: &Path) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let text = decode_utf8(bytes, display)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // One copy out of the file's bytes, whatever needs changing.
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let (text, note) = join_marks(text, display)?;
    let text = match crate::text::nfc(&text) {
        std::borrow::Cow::Owned(n) => n,
        std::borrow::Cow::Borrowed(_) => text.into_owned(),
    };
    if let Some(d) = detect_mojibake(&text, display) {
        return Err(d);
    }
    crate::controls::clean_article(text, display).map(|text| (text, note))
}

/// Accents cut off their letters by a PDF copy, joined back with a
/// warning; refused where it cannot be told which letter they belong to.
fn join_marks<'a>(
    text: std::borrow::Cow<'a, str>,
    display: &Path,
) -> Result<(std::borrow::Cow<'a, str>, Option<Diagnostic>), Diagnostic> {
    use crate::text::marks;
    let joined = match marks::join(&text) {
        Ok(j) => j,
        Err(r) => {
            let (message, hint) = if r.no_letter {
                (
                    crate::t!("load-mark-alone", typed = r.typed),
                    crate::t!("load-mark-alone.hint"),
                )
            } else {
                (
                    crate::t!("load-marks-unclear", typed = r.typed),
                    crate::t!("load-marks-unclear.hint"),
                )
            };
            return Err(Diagnostic::new(display, message)
                .at(r.line, Some(r.column))
                .hint(hint));
        }
    };
    let Some(first) = joined.first else {
        return Ok((text, None));
    };
    let note = Diagnostic::new(
        display,
        crate::t!(
            "load-marks-joined",
            typed = first.typed,
            reads = first.reads,
            count = joined.count
        ),
    )
    .at(first.line, Some(first.column))
    .hint(crate::t!("load-marks-joined.hint"));
    Ok((
        std::borrow::Cow::Owned(joined.text.into_owned()),
        Some(note),
    ))
}

fn decode_utf8<'a>(bytes: &'a [u8], display: &Path) -> Result<&'a str, Diagnostic> {
    // SIMD validation for the common case; std's for the error's position.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        let byte = bytes[e.valid_up_to()];
        Diagnostic::new(
            display,
            crate::t!("load-not-utf8", byte = format!("0x{byte:02X}")),
        )
        .at(line, Some(column))
        .hint(crate::t!("load-not-utf8.hint"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_read_again_only_from_an_unchanged_verbatim_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bai.md");
        let text = "---\ntitle: Giao ban\n---\nĐảng bộ phường họp.\n";
        std::fs::write(&path, text).unwrap();
        let read = read_text_stamped(&path, &path).unwrap();
        assert_eq!(read.text, text);
        let stamp = read.stamp.expect("an NFC, LF file is verbatim");
        let at = text.find("Đảng").unwrap();
        assert_eq!(
            read_again(&path, stamp, at).as_deref(),
            Some("Đảng bộ phường họp.\n")
        );
        // Edited since: the caller must read it in full.
        std::fs::write(&path, format!("{text}Thêm.\n")).unwrap();
        assert_eq!(read_again(&path, stamp, at), None);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(read_again(&path, stamp, at), None);
        // Text that had to be changed (NFD, CRLF, BOM) has no stamp.
        for changed in [
            "---\ntitle: x\n---\nDa\u{0323}i\n",
            "---\r\ntitle: x\r\n---\r\nx\r\n",
            "\u{feff}---\ntitle: x\n---\nx\n",
        ] {
            std::fs::write(&path, changed).unwrap();
            assert_eq!(
                read_text_stamped(&path, &path).unwrap().stamp,
                None,
                "{changed:?}"
            );
        }
    }

    #[test]
    fn junk_names() {
        for j in [
            ".#a.md",
            "a.md~",
            ".a.md.swp",
            ".hidden",
            "#a.md#",
            "~$bai.docx",
            "4913",
        ] {
            assert!(is_junk(j), "{j}");
        }
        for ok in ["a.md", "anh-hoi-nghi.jpg", "ke-hoach.pdf"] {
            assert!(!is_junk(ok), "{ok}");
        }
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let p = Path::new("content/a.md");
        let bytes = b"---\ntitle: C\xf4ng\n";
        let d = decode_utf8(bytes, p).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(9)));
    }
}

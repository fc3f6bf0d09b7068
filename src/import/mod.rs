//! `bantin import`: turns an article copied from an old ward portal (plain
//! text: category line, title, `Ngày đăng 19/02/2020 | 07:02 | Lượt xem:
//! 290`, body, right-pushed signature) into a Markdown article with front
//! matter under `content/<category-slug>/<slug>.md`.
//!
//! This module owns the command ([`run`]): which files, where they go, per
//! file all or nothing, never overwriting without `--force`, and the
//! summary. A Markdown article saved in a legacy encoding (which `build`
//! refuses) is converted too, its text otherwise unchanged. Reading a portal text is [`portal`]'s; legacy encodings are
//! [`legacy`]'s.

pub mod legacy;
pub mod portal;
pub mod tcvn3;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};
use crate::load;
use crate::new::Categories;
use crate::text::slugify;

pub use legacy::Conversion;
pub use portal::{Portal, parse};

/// What `bantin import` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// Default: `<root>/content`.
    pub out: Option<PathBuf>,
    pub force: bool,
    /// Files, and folders whose `.txt` files are all imported.
    pub inputs: Vec<PathBuf>,
}

/// One file imported.
#[derive(Debug, Clone)]
pub struct Imported {
    pub from: PathBuf,
    pub to: PathBuf,
    pub conversion: Option<Conversion>,
}

/// What an import did, file by file.
#[derive(Debug, Default)]
pub struct Report {
    pub imported: Vec<Imported>,
    /// Files not imported, and why.
    pub skipped: Vec<Diagnostic>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.imported.len() + self.skipped.len();
        let imported = self.imported.len();
        write!(
            f,
            "{}",
            crate::t!("import-summary", imported = imported, total = total)
        )?;
        for i in &self.imported {
            write!(f, "\n  {} → {}", i.from.display(), i.to.display())?;
            if let Some(c) = i.conversion {
                write!(f, " ({c})")?;
            }
        }
        if !self.skipped.is_empty() {
            let skipped = crate::t!("import-skipped", count = self.skipped.len());
            write!(f, "\n{skipped}")?;
            for d in &self.skipped {
                write!(f, "\n  {}: {}", d.file.display(), d.message)?;
            }
        }
        Ok(())
    }
}

/// Import every input; a file that cannot be read or recognised is skipped
/// with its reason, the others are still imported.
pub fn run(opts: &Options) -> Result<Report> {
    let files = expand(&opts.inputs)?;
    let categories = if opts.out.is_some() && !opts.root.join("site.yaml").is_file() {
        Categories::default()
    } else {
        Categories::load(&opts.root)?
    };
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| opts.root.join("content"));
    let mut report = Report::default();
    for file in files {
        match import_one(&file, &out, opts.force, &categories) {
            Ok(i) => report.imported.push(i),
            Err(d) => report.skipped.push(d),
        }
    }
    Ok(report)
}

/// The files to import: each file named, and each folder's `.txt` files,
/// sorted.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if inputs.is_empty() {
        return Err(Error::Usage(crate::t!("import-no-input")));
    }
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut txt: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| Error::io(input, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default();
                    p.is_file()
                        && !crate::load::is_junk(&name)
                        && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
                })
                .collect();
            if txt.is_empty() {
                return Err(Error::Usage(crate::t!(
                    "import-empty-folder",
                    folder = input
                )));
            }
            txt.sort();
            files.extend(txt);
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            return Err(Error::Usage(crate::t!(
                "import-no-such-input",
                path = input
            )));
        }
    }
    Ok(files)
}

fn import_one(
    file: &Path,
    out: &Path,
    force: bool,
    categories: &Categories,
) -> Result<Imported, Diagnostic> {
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::new(file, crate::t!("import-cannot-read", reason = &e)))?;
    let decoded = legacy::decode(&bytes).map_err(|r| {
        let mut d = Diagnostic::new(file, r.message);
        if let Some((line, col)) = r.line {
            d = d.at(line, Some(col));
        }
        d.hint(crate::t!("import-legacy.hint"))
    })?;
    let decoded = legacy::Decoded {
        text: crate::controls::clean_article(decoded.text, file)?,
        ..decoded
    };
    if crate::frontmatter::split(file, &decoded.text).is_ok() {
        return convert_article(file, decoded, out, force, categories);
    }
    let mut portal = parse(file, &decoded.text)?;
    let (category, category_slug) = categories.spell(&portal.category);
    portal.category = category;
    let slug = file_slug(&portal.title);
    if slug.is_empty() || category_slug.is_empty() {
        return Err(Diagnostic::new(file, crate::t!("import-no-name"))
            .hint(crate::t!("import-no-name.hint")));
    }
    let markdown = portal.to_markdown();
    self_check(file, &portal, &markdown)?;
    let to = load::tidy(&out.join(&category_slug).join(format!("{slug}.md")));
    write_article(file, &to, &markdown, force)?;
    Ok(Imported {
        from: file.to_path_buf(),
        to,
        conversion: decoded.conversion,
    })
}

/// A Markdown article (front matter first) saved in a legacy encoding, as
/// `build` refuses it: converted to Unicode, otherwise unchanged, and
/// written under its category's folder with its own file name (over
/// itself only with `--force`).
fn convert_article(
    file: &Path,
    decoded: legacy::Decoded,
    out: &Path,
    force: bool,
    categories: &Categories,
) -> Result<Imported, Diagnostic> {
    let split = crate::frontmatter::split(file, &decoded.text)?;
    let front = crate::frontmatter::parse(file, &split).map_err(|mut e| e.remove(0))?;
    let (_, category_slug) = categories.spell(&front.category);
    let name = file.file_stem().unwrap_or_default().to_string_lossy();
    let to = load::tidy(&out.join(category_slug).join(format!("{name}.md")));
    write_article(file, &to, &decoded.text, force)?;
    Ok(Imported {
        from: file.to_path_buf(),
        to,
        conversion: decoded.conversion,
    })
}

/// Write `text` to `to`: a new file, or with `force` a replacement swapped
/// in whole (never a half-written article).
fn write_article(file: &Path, to: &Path, text: &str, force: bool) -> Result<(), Diagnostic> {
    let cannot = |e: std::io::Error| {
        Diagnostic::new(
            file,
            crate::t!("import-cannot-write", path = to, reason = &e),
        )
    };
    let dir = to.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::new(
            file,
            crate::t!("import-cannot-create-folder", folder = dir, reason = &e),
        )
    })?;
    if force {
        let name = to.file_name().unwrap_or_default().to_string_lossy();
        let tmp = dir.join(format!(".{name}.bantin-import.tmp"));
        let written = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, to));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        return written.map_err(cannot);
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Diagnostic::new(file, crate::t!("import-exists", path = to))
                    .hint(crate::t!("import-exists.hint"))
            } else {
                cannot(e)
            }
        })?;
    f.write_all(text.as_bytes()).map_err(|e| {
        let _ = std::fs::remove_file(to);
        cannot(e)
    })
}

/// The file name: the title's slug, at most 80 characters, cut at a hyphen.
fn file_slug(title: &str) -> String {
    let slug = slugify(title);
    if slug.len() <= 80 {
        return slug;
    }
    let cut = &slug[..80];
    cut.rfind('-').map_or(cut, |i| &cut[..i]).to_string()
}

/// The written article must read back as what was parsed.
fn self_check(file: &Path, portal: &Portal, markdown: &str) -> Result<(), Diagnostic> {
    let display = Path::new("imported.md");
    let back = crate::frontmatter::split(display, markdown)
        .ok()
        .and_then(|s| crate::frontmatter::parse(display, &s).ok());
    let same = back.is_some_and(|fm| {
        fm.title == portal.title
            && fm.category == portal.category
            && fm.date == portal.date
            && fm.author == portal.author
            && fm.views == portal.views
    });
    if same {
        Ok(())
    } else {
        Err(Diagnostic::new(file, crate::t!("import-self-check"))
            .hint(crate::t!("import-self-check.hint")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_make_short_file_names() {
        let slug = file_slug(&"Hội nghị giao ban ".repeat(10));
        assert!(slug.len() <= 80 && !slug.ends_with('-'), "{slug}");
        assert!(slug.starts_with("hoi-nghi-giao-ban-hoi-nghi"));
    }
}

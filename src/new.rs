//! `bantin new "Tiêu đề" --category "…"`: writes a new article with its
//! front matter filled (now, in Vietnam time, to the minute), under
//! `content/<category-slug>/<slug>.md`, never over an existing file.
//!
//! With `--document`, a document under `content/van-ban/` (`document.rs`).
//!
//! Also owns [`Categories`]: how the site already spells a category
//! (`site.yaml`, then the existing articles), shared with `bantin import`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};

use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::load;
use crate::t;
use crate::text::{match_key, slugify, squash_spaces};
use crate::yaml::quote;

mod document;

pub use document::{CreatedDoc, DocOptions, new_document_at};

/// The categories a site already has: (spelling, folder slug, key).
#[derive(Debug, Default)]
pub struct Categories {
    known: Vec<(String, String, String)>,
}

impl Categories {
    /// From `site.yaml` (its `categories:`, in order) and then the
    /// categories of the articles under `content/` (unreadable ones are
    /// passed over: `build` reports them).
    pub fn load(root: &Path) -> Result<Categories> {
        let config = Config::load(root)?;
        let mut known = Vec::new();
        for c in &config.categories {
            let slug = slugify(c.slug.as_deref().unwrap_or(&c.name));
            known.push((c.name.clone(), slug.clone(), match_key(&c.name)));
            if let Some(t) = &c.title {
                known.push((c.name.clone(), slug, match_key(t)));
            }
        }
        let content = root.join("content");
        if let Ok(tree) = load::scan(root, &content) {
            for rel in tree.articles {
                if let Some(category) = category_of(&content.join(&rel)) {
                    let slug = slugify(&category);
                    known.push((category.clone(), slug, match_key(&category)));
                }
            }
        }
        Ok(Categories { known })
    }

    /// The site's spelling of `category` and its folder slug: matched by
    /// [`match_key`] (case and accent form), then by slug; else as given.
    pub fn spell(&self, category: &str) -> (String, String) {
        let key = match_key(category);
        let slug = slugify(category);
        self.known
            .iter()
            .find(|(_, _, k)| *k == key)
            .or_else(|| self.known.iter().find(|(_, s, _)| *s == slug))
            .map(|(name, slug, _)| (name.clone(), slug.clone()))
            .unwrap_or_else(|| (squash_spaces(category), slug))
    }
}

fn category_of(path: &Path) -> Option<String> {
    let text = load::read_text(path, path).ok()?;
    let split = crate::frontmatter::split(path, &text).ok()?;
    let front = crate::frontmatter::parse(path, &split).ok()?;
    Some(front.category)
}

/// What `bantin new` is asked to write.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub title: String,
    pub category: String,
    pub author: Option<String>,
    /// Write `draft: true` (the default of the command line; `--publish`
    /// leaves it out).
    pub draft: bool,
}

/// An article `new` wrote; its `Display` is what the editor is told: where
/// the file is, its address, and whether (and how) it will be published.
#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    /// The article's address on the site, e.g. `/cong-tac-dang/giao-ban/`.
    pub address: String,
    pub draft: bool,
}

impl std::fmt::Display for Created {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", t!("new-created", path = &self.path))?;
        writeln!(f, "{}", t!("new-address", address = &self.address))?;
        match self.draft {
            true => write!(f, "{}", t!("new-draft")),
            false => write!(f, "{}", t!("new-published")),
        }
    }
}

/// Write the article.
pub fn new(opts: &Options) -> Result<Created> {
    new_at(opts, Utc::now().with_timezone(&crate::date::vietnam()))
}

/// Write the document (`bantin new --document`), issued today.
pub fn new_document(opts: &DocOptions) -> Result<CreatedDoc> {
    new_document_at(opts, Utc::now().with_timezone(&crate::date::vietnam()))
}

/// `new`, at a given moment (for tests).
pub fn new_at(opts: &Options, now: DateTime<FixedOffset>) -> Result<Created> {
    let title = squash_spaces(&opts.title);
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(Error::Usage(t!(
            "new-title-no-letters",
            title = &opts.title
        )));
    }
    let (category, category_slug) = Categories::load(&opts.root)?.spell(&opts.category);
    if category_slug.is_empty() {
        return Err(Error::Usage(t!(
            "new-category-no-letters",
            category = &opts.category
        )));
    }
    let now = now.with_timezone(&crate::date::vietnam());
    // `slug:` is written so that a later edit of the title never moves
    // the article's address (a link already shared keeps working).
    let mut text = format!(
        "---\ntitle: {}\ndate: {}\ncategory: {}\nslug: {}\n",
        quote(&title),
        now.format("%d/%m/%Y %H:%M"),
        quote(&category),
        quote(&slug)
    );
    if let Some(a) = opts
        .author
        .as_deref()
        .map(squash_spaces)
        .filter(|a| !a.is_empty())
    {
        text.push_str(&format!("author: {}\n", quote(&a)));
    }
    if opts.draft {
        text.push_str("draft: true\n");
    }
    text.push_str("---\n\n<!-- Viết nội dung bài ở đây (Markdown). -->\n");

    let dir = opts.root.join("content").join(&category_slug);
    let path = write_new(&opts.root, &dir, &format!("{slug}.md"), &text)?;
    let base_path = site_base_path(&opts.root);
    Ok(Created {
        path,
        address: crate::routes::under(&base_path, &crate::routes::article(&category_slug, &slug)),
        draft: opts.draft,
    })
}

/// Write `text` as the new file `name` in `dir` (created if missing),
/// never replacing a file that exists; its tidy path.
fn write_new(root: &Path, dir: &Path, name: &str, text: &str) -> Result<PathBuf> {
    let path = load::tidy(&dir.join(name));
    let display = load::display_path(root, &path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::one(Diagnostic::new(&display, t!("new-exists")).hint(t!("new-exists.hint")))
            } else {
                Error::io(&path, e)
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// The site's base path from site.yaml, `/` when it cannot be read.
fn site_base_path(root: &Path) -> String {
    Config::load(root).map_or_else(|_| "/".to_string(), |c| c.base_path())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: x\ncategories:\n  - name: CÔNG TÁC ĐẢNG\n    title: Công tác Đảng\n    slug: cong-tac-dang\n",
        )
        .unwrap();
        let other = dir.path().join("content/khac");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(
            other.join("a.md"),
            "---\ntitle: a\ndate: 2020-01-01\ncategory: Văn hóa - Xã hội\n---\nx\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn categories_are_spelled_as_the_site_spells_them() {
        let dir = site();
        let c = Categories::load(dir.path()).unwrap();
        let want = ("CÔNG TÁC ĐẢNG".to_string(), "cong-tac-dang".to_string());
        assert_eq!(c.spell("công tác  đảng"), want);
        assert_eq!(c.spell("Công tác Đảng"), want);
        assert_eq!(c.spell("Cong tac Dang"), want);
        assert_eq!(
            c.spell("VĂN HÓA - XÃ HỘI"),
            ("Văn hóa - Xã hội".to_string(), "van-hoa-xa-hoi".to_string())
        );
        assert_eq!(
            c.spell(" Thông  báo "),
            ("Thông báo".to_string(), "thong-bao".to_string())
        );
    }

    #[test]
    fn new_fills_the_front_matter_and_never_overwrites() {
        let dir = site();
        let opts = Options {
            root: dir.path().to_path_buf(),
            title: "Hội nghị \"giao ban\" quý I".into(),
            category: "công tác đảng".into(),
            author: Some("Nguyễn Văn Hùng".into()),
            draft: true,
        };
        let now = crate::date::parse("2020-02-19T00:02:59Z").unwrap();
        let created = new_at(&opts, now).unwrap();
        let path = created.path;
        assert_eq!(created.address, "/cong-tac-dang/hoi-nghi-giao-ban-quy-i/");
        assert_eq!(
            path,
            dir.path()
                .join("content/cong-tac-dang/hoi-nghi-giao-ban-quy-i.md")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("---\ntitle: \"Hội nghị \\\"giao ban\\\" quý I\"\ndate: 19/02/2020 07:02\ncategory: \"CÔNG TÁC ĐẢNG\"\nslug: \"hoi-nghi-giao-ban-quy-i\"\nauthor: \"Nguyễn Văn Hùng\"\ndraft: true\n---\n"), "{text}");
        let split = crate::frontmatter::split(&path, &text).unwrap();
        let fm = crate::frontmatter::parse(&path, &split).unwrap();
        assert_eq!(fm.title, "Hội nghị \"giao ban\" quý I");
        assert!(fm.draft);
        assert_eq!(fm.slug.as_deref(), Some("hoi-nghi-giao-ban-quy-i"));
        let again = new_at(&opts, now).unwrap_err();
        assert!(again.to_string().contains(&t!("new-exists")), "{again}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

//! The site model: `Site`, `Article` (the file as read, kept whole, and
//! what placing it decided), `Category` and the groupings readers browse by
//! (authors, tags, years and months). [`assemble`] (in `assemble.rs`)
//! places the parsed articles: every URL decided there and two articles on
//! one URL refused.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::frontmatter::Parsed;

mod assemble;
mod documents;

pub use assemble::assemble;
#[cfg(test)]
use assemble::{nearest, permute};
pub use documents::{Attached, Document, Documents, backlinks, linked_documents, place_documents};

/// The summary of an article whose front matter gives none: its body's
/// first paragraph (plain text), cut on a word at 240 characters.
pub fn body_summary(first_paragraph: &str) -> String {
    crate::text::truncate_words(first_paragraph, 240)
}

/// An article placed in the site: the file as read, kept whole, and what
/// placing it decided (its category, slug, URL path and summary).
#[derive(Debug, Clone)]
pub struct Article {
    /// The file: front matter, body and where they are.
    pub file: Parsed,
    /// Index into `Site::categories`.
    pub category: usize,
    /// The front matter's `summary`, else the body's first paragraph
    /// (filled by the markdown stage).
    pub summary: String,
    /// `slugify` of each tag and of the author, computed once.
    pub tag_slugs: Vec<String>,
    pub author_slug: Option<String>,
    /// The article's URL name (its `slug:`, else made from title or file).
    pub slug: String,
    /// The site path of the page, e.g. `cong-tac-dang/giao-ban/`.
    pub path: String,
}

impl Article {
    /// The Markdown body: in memory, or read again from its file under
    /// `content` when the build let go of bodies (`content` given). A file
    /// that can no longer be read is an error.
    pub fn body(&self, content: Option<&Path>) -> Result<std::borrow::Cow<'_, str>, String> {
        let Some(content) = content else {
            return Ok(std::borrow::Cow::Borrowed(&self.file.body));
        };
        let path = content.join(&self.file.source);
        // Unchanged since it was read and checked: just the body.
        if let Some(body) = self
            .file
            .verbatim
            .and_then(|(stamp, at)| crate::load::read_again(&path, stamp, at))
        {
            return Ok(std::borrow::Cow::Owned(body));
        }
        let display = &self.file.display;
        let text = crate::load::read_text(&path, display).map_err(|d| d.to_string())?;
        let split = crate::frontmatter::split(display, &text).map_err(|d| d.to_string())?;
        Ok(std::borrow::Cow::Owned(split.body.to_string()))
    }
}

/// A named group of articles with its own pages: category, author or tag.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub name: String,
    pub slug: String,
    /// Indexes into `Site::articles`, newest first.
    pub articles: Vec<usize>,
}

pub type Category = Group;

/// A year of the archive and its months (newest first).
#[derive(Debug, Clone)]
pub struct Year {
    pub year: i32,
    pub articles: Vec<usize>,
    pub months: Vec<(u32, Vec<usize>)>,
}

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub base_path: String,
    /// Published articles, newest first.
    pub articles: Vec<Article>,
    /// Categories in menu order.
    pub categories: Vec<Category>,
    pub authors: Vec<Group>,
    pub tags: Vec<Group>,
    pub years: Vec<Year>,
    /// Files under `content/` that are not articles, relative to it.
    pub assets: Vec<PathBuf>,
    /// The documents register (văn bản); empty on a site without any.
    pub documents: Documents,
    /// The photos among them, probed (see [`crate::images::probe`]).
    pub images: crate::images::Table,
}

impl Site {
    /// The URL of a site path, honouring the base URL's sub-path.
    pub fn url(&self, path: &str) -> String {
        crate::routes::under(&self.base_path, path)
    }
}

/// Normalise a relative reference against the folder of an article, within
/// `content/`: `../chinh-quyen/bai.md` from `cong-tac-dang/` →
/// `chinh-quyen/bai.md`. `None` when it climbs out of `content/`.
pub fn join_relative(dir: &Path, reference: &str) -> Option<PathBuf> {
    let mut parts: Vec<String> = dir
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for seg in reference.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    Some(parts.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let mut long: Vec<usize> = (0..100).collect();
        long.sort_by_key(|i| (i * 37) % 101);
        let orders: [&[usize]; 6] = [&[], &[0], &[1, 0], &[2, 0, 1], &[3, 4, 0, 2, 1], &long];
        for order in orders {
            let mut items: Vec<String> = (0..order.len()).map(|i| format!("bài {i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            permute(&mut items, order);
            assert_eq!(items, expected, "{order:?}");
        }
    }

    #[test]
    fn an_unlisted_category_finds_the_nearest_listed_one() {
        let config: Config = crate::yaml::from_str(
            "title: T\ncategories:\n  - name: CÔNG TÁC ĐẢNG\n  - name: CHÍNH QUYỀN\n    title: Chính quyền\n  - name: VĂN HÓA - XÃ HỘI\n",
        )
        .unwrap();
        assert_eq!(nearest(&config, "CÔNG TÁC ĐẢMG"), Some("CÔNG TÁC ĐẢNG"));
        assert_eq!(nearest(&config, "cong tac dang"), Some("CÔNG TÁC ĐẢNG"));
        assert_eq!(nearest(&config, "Chinh quyen"), Some("CHÍNH QUYỀN"));
        assert_eq!(nearest(&config, "Văn hóa xã hội"), Some("VĂN HÓA - XÃ HỘI"));
        assert_eq!(nearest(&config, "THỂ THAO"), None);
        assert_eq!(nearest(&config, "An ninh - Quốc phòng"), None);
    }

    #[test]
    fn relative_references_stay_inside_content() {
        let d = Path::new("cong-tac-dang");
        assert_eq!(
            join_relative(d, "../chinh-quyen/bai.md"),
            Some(PathBuf::from("chinh-quyen/bai.md"))
        );
        assert_eq!(
            join_relative(d, "./anh.png"),
            Some(PathBuf::from("cong-tac-dang/anh.png"))
        );
        assert_eq!(join_relative(d, "../../etc/passwd"), None);
        assert_eq!(
            join_relative(Path::new(""), "a.png"),
            Some(PathBuf::from("a.png"))
        );
    }
}

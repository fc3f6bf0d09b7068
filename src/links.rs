//! Where an article's relative links lead: other articles' `.md` files and
//! files beside the article (images, PDFs) become published URLs. Owns the
//! Markdown stage's view of the site (`Links`) and the path helpers shared
//! by the build, the cards and `watch`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::markdown;
use crate::site::{self, Article, Site};

/// Everything a relative link can resolve against.
pub struct Links {
    by_source: HashMap<PathBuf, String>,
    assets: HashSet<PathBuf>,
    base_path: String,
    unsafe_html: bool,
    /// Where to read bodies again when the site let go of them.
    content: Option<PathBuf>,
}

impl Links {
    pub fn new(site: &Site) -> Links {
        Links {
            by_source: site
                .articles
                .iter()
                .map(|a| (a.source.clone(), site.url(&a.path)))
                .collect(),
            assets: site.assets.iter().cloned().collect(),
            base_path: site.base_path.clone(),
            unsafe_html: site.config.unsafe_html,
            content: None,
        }
    }

    /// Read article bodies from their files under `content` when rendering.
    pub fn reading_from(mut self, content: Option<&Path>) -> Links {
        self.content = content.map(Path::to_path_buf);
        self
    }

    /// A hash of everything links resolve against: equal keys, equal HTML.
    pub fn key(&self) -> u64 {
        let mut urls: Vec<(&PathBuf, &String)> = self.by_source.iter().collect();
        urls.sort();
        let mut files: Vec<&PathBuf> = self.assets.iter().collect();
        files.sort();
        crate::cache::hash_of(&(urls, files, &self.base_path, self.unsafe_html))
    }

    /// Render an article's Markdown with its links resolved. When bodies
    /// are read again, a file that can no longer be read is an error.
    pub fn render(&self, a: &Article) -> Result<markdown::Rendered, String> {
        Ok(self.render_body(a, &self.body(a)?))
    }

    /// An article's Markdown body: in memory, or read again from its file
    /// when the site let go of bodies.
    pub fn body<'a>(&self, a: &'a Article) -> Result<std::borrow::Cow<'a, str>, String> {
        match &self.content {
            None => Ok(std::borrow::Cow::Borrowed(&a.body)),
            Some(content) => {
                let path = content.join(&a.source);
                // Unchanged since it was read and checked: just the body.
                if let Some(body) = a
                    .verbatim
                    .and_then(|(stamp, at)| crate::load::read_again(&path, stamp, at))
                {
                    return Ok(std::borrow::Cow::Owned(body));
                }
                let text = crate::load::read_text(&path, &a.display).map_err(|d| d.to_string())?;
                let split =
                    crate::frontmatter::split(&a.display, &text).map_err(|d| d.to_string())?;
                Ok(std::borrow::Cow::Owned(split.body.to_string()))
            }
        }
    }

    /// Render an article whose body is in memory.
    pub fn render_in_memory(&self, a: &Article) -> markdown::Rendered {
        self.render_body(a, &a.body)
    }

    fn render_body(&self, a: &Article, body: &str) -> markdown::Rendered {
        let dir = a.source.parent().unwrap_or(Path::new(""));
        let resolve = |dest: &str| -> Option<String> {
            let (path, fragment) = match dest.find(['#', '?']) {
                Some(i) => (&dest[..i], &dest[i..]),
                None => (dest, ""),
            };
            let target = site::join_relative(dir, &percent_decode(path))?;
            if let Some(url) = self.by_source.get(&target) {
                return Some(format!("{url}{fragment}"));
            }
            self.assets.contains(&target).then(|| {
                format!(
                    "{}{}{fragment}",
                    self.base_path,
                    encode_path(&site_path(&target))
                )
            })
        };
        markdown::render(body, &resolve, self.unsafe_html)
    }
}

/// The site path of a file under `content/`: `a/ảnh 1.png` → `a/ảnh 1.png`
/// with `/` separators.
pub fn site_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The URL of a file an article refers to (relative to its own folder).
pub fn asset_url(site: &Site, source: &Path, reference: &str) -> String {
    if !markdown::is_local(reference) {
        return reference.to_string();
    }
    let dir = source.parent().unwrap_or(Path::new(""));
    match site::join_relative(dir, &percent_decode(reference)) {
        Some(p) => site.url(&encode_path(&site_path(&p))),
        None => reference.to_string(),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    crate::text::nfc(&String::from_utf8_lossy(&out)).into_owned()
}

/// Percent-encode what would end a URL path early or be misread in it: a
/// file `Phụ lục #1.pdf` must not become a link to `Phụ lục ` + fragment.
fn encode_path(p: &str) -> String {
    p.replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_paths_keep_hash_and_question_mark() {
        assert_eq!(
            encode_path("a/Phụ lục #1?.pdf"),
            "a/Phụ%20lục%20%231%3F.pdf"
        );
        assert_eq!(
            percent_decode("Ph%E1%BB%A5%20l%E1%BB%A5c%20%231.pdf"),
            "Phụ lục #1.pdf"
        );
    }
}

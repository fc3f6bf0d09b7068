//! Links written as URLs of the site itself (`/chinh-quyen/bai/`,
//! `https://<base>/the/x/`): every site path a build publishes
//! ([`Published`], known once the pages are planned) and where such a link
//! leads, said the same way by `build`, `watch` (which refuse a link to no
//! page or file) and `check` (which also checks a `#fragment` against the
//! headings of the article it leads to).

use std::collections::{HashMap, HashSet};

use super::{Found, Links, SiteLink, site_link};
use crate::error::Diagnostic;
use crate::markdown::Target;
use crate::site::Article;
use crate::t;

/// Every site path the build publishes, and which of them are articles.
/// A page written to its folder's `index.html` is kept once, by its
/// folder's path: `a/index.html` is looked up as `a/` (a 10,000-article
/// site has 20,000 such pages).
#[derive(Debug, Default)]
pub struct Published {
    /// Files, and pages written elsewhere than their folder's `index.html`
    /// (`rss.xml`), by path and by file.
    paths: HashSet<String>,
    /// Pages written to their folder's `index.html`, by site path (`a/`,
    /// `""` for the home page) → the index into `site.articles` of the
    /// article whose page it is.
    folders: HashMap<String, Option<usize>>,
    /// Articles' pages of `paths` (none on sites bantin makes today).
    articles: HashMap<String, usize>,
    /// The first folder (or file) of every published path: `chinh-quyen`,
    /// `the`, `rss.xml` …
    tops: HashSet<String>,
}

const INDEX: &str = "index.html";

impl Published {
    /// A page at site path `path` written to `file` (`a/` and
    /// `a/index.html`), the page of article `article` if it is one.
    pub fn page(&mut self, path: &str, file: &str, article: Option<usize>) {
        let path = crate::text::nfc(path).into_owned();
        let file = crate::text::nfc(file).into_owned();
        self.tops.insert(top(&path).to_string());
        self.tops.insert(top(&file).to_string());
        if file.strip_suffix(INDEX) == Some(path.as_str()) && folder(&path) {
            self.folders.insert(path, article);
        } else {
            for p in [path, file] {
                if let Some(i) = article {
                    self.articles.insert(p.clone(), i);
                }
                self.paths.insert(p);
            }
        }
    }

    /// A hash of everything links are judged against (see
    /// [`Links::key`]): equal keys, equal judgements.
    pub fn key(&self) -> u64 {
        use crate::stamp::hash_of;
        let paths = self.paths.iter().map(|p| hash_of(&(0u8, p)));
        let folders = self.folders.iter().map(|e| hash_of(&(1u8, e)));
        let articles = self.articles.iter().map(|e| hash_of(&(2u8, e)));
        let tops = self.tops.iter().map(|t| hash_of(&(3u8, t)));
        // In no order: the sum of each entry's hash, and how many there are.
        let sum = (paths.chain(folders).chain(articles).chain(tops)).fold(0, u64::wrapping_add);
        let sizes = (self.paths.len(), self.folders.len(), self.articles.len());
        hash_of(&(sum, sizes, self.tops.len()))
    }

    /// A file published as it is, at site path `path`.
    pub fn file(&mut self, path: &str) {
        let p = crate::text::nfc(path).into_owned();
        self.tops.insert(top(&p).to_string());
        self.paths.insert(p);
    }

    /// The page or file published at exactly `path`: `Some(article)`.
    fn at(&self, path: &str) -> Option<Option<usize>> {
        if let Some(a) = self.folders.get(path) {
            return Some(*a);
        }
        if let Some(a) = path
            .strip_suffix(INDEX)
            .filter(|f| folder(f))
            .and_then(|f| self.folders.get(f))
        {
            return Some(*a);
        }
        if self.paths.contains(path) {
            return Some(self.articles.get(path).copied());
        }
        None
    }

    /// Does `path` start with a folder (or name a file) the site publishes
    /// at its top?
    pub fn shares_top(&self, path: &str) -> bool {
        !path.is_empty() && self.tops.contains(top(path))
    }

    /// Is `path` published? A folder's path without its final `/` is
    /// (web servers redirect it).
    pub fn contains(&self, path: &str) -> bool {
        self.at(path).is_some() || (!path.ends_with('/') && self.at(&format!("{path}/")).is_some())
    }

    /// The article published at `path`, if one is.
    pub fn article(&self, path: &str) -> Option<usize> {
        self.at(path)
            .flatten()
            .or_else(|| self.at(&format!("{path}/")).flatten())
    }

    /// Where `dest` leads when it is a URL of the site published at
    /// `base_url` (path `base_path`): `None` when it is not one (another
    /// site, on the same host or not), `Ok` with the page or file it names,
    /// `Err` with (what is wrong, how to fix it) when it names none.
    pub fn judge(
        &self,
        dest: &str,
        base_url: &str,
        base_path: &str,
    ) -> Option<Result<SiteLink, (String, String)>> {
        let l = site_link(dest, base_url, base_path)?;
        let hint = || t!("check-no-page.hint", base = base_url);
        if l.outside_base {
            // Another site on the same host, unless it names a page of
            // this one without the base URL's path, or one of its folders
            // (`/chinh-quyen/bai-da-xoa/`).
            if !self.shares_top(&l.path) {
                return None;
            }
            return Some(Err(if self.contains(&l.path) {
                let fix = format!("{base_path}{}", l.path);
                (
                    t!("check-leaves-site", dest = dest, base = base_path),
                    t!("check-leaves-site.hint", fix = fix),
                )
            } else {
                (
                    t!("check-no-page-under", dest = dest, base = base_path),
                    hint(),
                )
            }));
        }
        if !self.contains(&l.path) {
            return Some(Err((t!("check-no-page", dest = dest), hint())));
        }
        Some(Ok(l))
    }
}

/// Is `path` a folder's site path (`a/`, or `""` for the site's top)?
fn folder(path: &str) -> bool {
    path.is_empty() || path.ends_with('/')
}

/// The first folder of a site path, or the path when it is a file at the
/// top: `chinh-quyen/bai/` → `chinh-quyen`.
fn top(path: &str) -> &str {
    path.split('/').next().unwrap_or(path)
}

impl Links {
    /// Judge the links written as URLs of the site against `published`,
    /// the paths of this build (see [`Links::site_target`]).
    pub fn with_published(mut self, published: Published) -> Links {
        self.published = Some(published);
        self
    }

    /// The site's address (base URL and its path) that links written as
    /// its URLs are read against; default: the site's own. `watch`, which
    /// serves the site elsewhere, reads them where it will be published.
    pub fn judged_at(mut self, base_url: &str, base_path: &str) -> Links {
        self.judge = (base_url.to_string(), base_path.to_string());
        self
    }

    /// Is `dest` a URL of the site (to be judged once pages are known)?
    pub(super) fn is_site(&self, dest: &str) -> bool {
        site_link(dest, &self.judge.0, &self.judge.1).is_some()
    }

    /// The site link `u` of article `a` (see [`Links::is_site`]), when it
    /// leads to no page or file of this build: an error at its place.
    /// `None` too before the pages are known.
    pub fn site_target(&self, a: &Article, u: &Target) -> Option<Found> {
        let published = self.published.as_ref()?;
        let (message, hint) = published
            .judge(&u.dest, &self.judge.0, &self.judge.1)?
            .err()?;
        let d = Diagnostic::new(&a.file.display, message)
            .at(a.file.body_line + u.line, Some(u.column))
            .hint(hint);
        Some(Found::Error(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_links_lead_to_published_paths_or_are_refused() {
        let mut p = Published::default();
        p.page("chinh-quyen/bai/", "chinh-quyen/bai/index.html", Some(3));
        p.file("assets/logo.png");
        let judge = |d: &str| p.judge(d, "https://x.vn/ban-tin/", "/ban-tin/");
        assert!(matches!(judge("/ban-tin/chinh-quyen/bai/"), Some(Ok(_))));
        assert!(matches!(judge("/ban-tin/chinh-quyen/bai"), Some(Ok(_))));
        assert!(matches!(judge("/ban-tin/assets/logo.png#x"), Some(Ok(_))));
        assert!(matches!(judge("/ban-tin/chinh-quyen/khac/"), Some(Err(_))));
        assert!(matches!(
            judge("https://x.vn/ban-tin/nowhere"),
            Some(Err(_))
        ));
        // The base path left out: a page of this site, or a folder of it.
        assert!(matches!(judge("/chinh-quyen/bai/"), Some(Err(_))));
        assert!(matches!(judge("/assets/x.png"), Some(Err(_))));
        // Another site on the same host, or elsewhere.
        assert_eq!(judge("/dich-vu-cong/"), None);
        assert_eq!(judge("https://y.vn/ban-tin/x/"), None);
        assert_eq!(p.article("chinh-quyen/bai"), Some(3));
        // A page kept once, by its folder, is found by its file too.
        assert!(matches!(
            judge("/ban-tin/chinh-quyen/bai/index.html"),
            Some(Ok(_))
        ));
        assert_eq!(p.article("chinh-quyen/bai/index.html"), Some(3));
        assert_eq!(p.article("assets/logo.png"), None);
        assert!(!p.contains("chinh-quyen/index.html"));
        // A page written elsewhere than its folder's index.html.
        p.page("rss.xml", "rss.xml", None);
        p.page("", "index.html", None);
        assert!(p.contains("rss.xml") && p.contains("index.html") && p.contains(""));
        assert!(!p.contains("rss.xml/index.html"));
    }

    #[test]
    fn published_keys_follow_what_is_published_not_its_order() {
        let one = |pages: &[(&str, Option<usize>)]| {
            let mut p = Published::default();
            for (path, article) in pages {
                p.page(path, &format!("{path}index.html"), *article);
            }
            p.file("assets/logo.png");
            p.key()
        };
        let site = [("chinh-quyen/bai/", Some(0)), ("the/x/", None), ("", None)];
        let mut shuffled = site;
        shuffled.reverse();
        assert_eq!(one(&site), one(&shuffled));
        // A page more, a page gone, another article's page: another key.
        assert_ne!(
            one(&site),
            one(&[site[0], site[1], site[2], ("the/y/", None)])
        );
        assert_ne!(one(&site), one(&site[..2]));
        assert_ne!(
            one(&site),
            one(&[("chinh-quyen/bai/", Some(1)), site[1], site[2]])
        );
    }
}

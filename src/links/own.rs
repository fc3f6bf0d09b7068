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
#[derive(Debug, Default)]
pub struct Published {
    paths: HashSet<String>,
    /// Site path (and `…/index.html`) → index into `site.articles`.
    articles: HashMap<String, usize>,
    /// The first folder (or file) of every published path: `chinh-quyen`,
    /// `the`, `rss.xml` …
    tops: HashSet<String>,
}

impl Published {
    /// A page at site path `path` written to `file` (`a/` and
    /// `a/index.html`), the page of article `article` if it is one.
    pub fn page(&mut self, path: &str, file: &str, article: Option<usize>) {
        for p in [path, file] {
            let p = crate::text::nfc(p).into_owned();
            if let Some(i) = article {
                self.articles.insert(p.clone(), i);
            }
            self.file(&p);
        }
    }

    /// A file published as it is, at site path `path`.
    pub fn file(&mut self, path: &str) {
        let p = crate::text::nfc(path).into_owned();
        self.tops.insert(top(&p).to_string());
        self.paths.insert(p);
    }

    /// Does `path` start with a folder (or name a file) the site publishes
    /// at its top?
    pub fn shares_top(&self, path: &str) -> bool {
        !path.is_empty() && self.tops.contains(top(path))
    }

    /// Is `path` published? A folder's path without its final `/` is
    /// (web servers redirect it).
    pub fn contains(&self, path: &str) -> bool {
        self.paths.contains(path)
            || (!path.ends_with('/') && self.paths.contains(&format!("{path}/")))
    }

    /// The article published at `path`, if one is.
    pub fn article(&self, path: &str) -> Option<usize> {
        self.articles
            .get(path)
            .or_else(|| self.articles.get(&format!("{path}/")))
            .copied()
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
    }
}

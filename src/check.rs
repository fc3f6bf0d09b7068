//! `bantin check`: everything `build` validates (via [`crate::build::prepare`],
//! which writes nothing), plus every internal link, image and cover image of
//! every published article resolving to a published page or file: relative
//! links, site-absolute ones (`/chinh-quyen/bai/`) and full URLs of the site
//! (`https://<base>/the/x/`), checked against the page plan, the static
//! files and the files beside articles; a `#fragment` to an article against
//! the ids of its headings. Reports all problems at once and lists drafts
//! and scheduled articles. When other errors (a front matter) keep the
//! site from being read whole, the relative links, images and covers of
//! the articles that could be read are still checked (`partial.rs`).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use crate::build::{Options, Prepared, prepare};
use crate::error::{Diagnostic, Error, Result};
use crate::links::{self, Found, Links, SiteLink};
use crate::markdown::{self, Target};
use crate::site::{Article, Site};
use crate::t;

mod partial;

/// What `check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub pages: usize,
    /// Local links, images and cover images looked at.
    pub links: usize,
    /// Links that lead nowhere, in file and line order (and, when the
    /// site could not be read whole, what kept it from being read).
    pub problems: Vec<Diagnostic>,
    /// Links to drafts and scheduled articles: published, but leading
    /// nowhere until those are.
    pub warnings: Vec<Diagnostic>,
    pub drafts: Vec<PathBuf>,
    pub scheduled: Vec<PathBuf>,
    /// Other errors kept the site from being read whole: only the
    /// relative links, images and covers of the articles read were checked.
    pub partial: bool,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = if self.partial {
            "check-summary-partial"
        } else {
            "check-summary"
        };
        let summary = t!(
            id,
            articles = self.articles,
            pages = self.pages,
            links = self.links,
            problems = self.problems.len(),
            warnings = self.warnings.len()
        );
        write!(f, "{summary}")?;
        for (id, list) in [
            ("check-drafts", &self.drafts),
            ("check-scheduled", &self.scheduled),
        ] {
            if list.is_empty() {
                continue;
            }
            write!(f, "\n{}", t!(id, count = list.len()))?;
            for p in list.iter() {
                write!(f, "\n  {}", p.display())?;
            }
        }
        Ok(())
    }
}

/// Check the site without writing anything. `Err` when the site cannot be
/// read at all (no `site.yaml`, no `content/` …); otherwise the report,
/// whose `problems` are the broken links and, when errors in articles kept
/// the site from being read whole, those errors too.
pub fn check(opts: &Options) -> Result<Report> {
    let prepared = match prepare(opts) {
        Ok(prepared) => prepared,
        Err(Error::Content(errors)) => return partial::check(opts, errors),
        Err(e) => return Err(e),
    };
    let site = &prepared.site;
    let links =
        Links::new(site).with_unpublished(&prepared.summary.drafts, &prepared.summary.scheduled);
    let published = Published::new(&prepared);
    let mut report = Report {
        articles: prepared.summary.articles,
        pages: prepared.summary.pages,
        drafts: prepared.summary.drafts.clone(),
        scheduled: prepared.summary.scheduled.clone(),
        ..Report::default()
    };
    for a in &site.articles {
        let mut checker = Checker {
            site,
            links: &links,
            published: &published,
            article: a,
            found: 0,
            report: &mut report,
        };
        for target in markdown::targets(&a.file.body, site.config.markdown) {
            checker.link(&target);
        }
        let found = checker.found;
        report.links += found;
        cover(&links, a, &mut report);
        for target in markdown::images_without_alt(&a.file.body, site.config.markdown) {
            report.warnings.push(
                Diagnostic::new(
                    &a.file.display,
                    t!("images-no-alt", image = target.dest.as_str()),
                )
                .at(a.file.body_line + target.line, Some(target.column))
                .hint(t!("images-no-alt.hint")),
            );
        }
    }
    large_originals(site, &mut report);
    report.sort();
    Ok(report)
}

/// Photos whose original is larger than `images: max_original_mb`.
fn large_originals(site: &Site, report: &mut Report) {
    let limit = site.config.images.max_original_mb;
    for source in &site.assets {
        let Some(photo) = site.images.photo(source) else {
            continue;
        };
        if photo.bytes > u64::from(limit) * 1_000_000 {
            let size = format!("{:.1}", photo.bytes as f64 / 1e6);
            report.warnings.push(
                Diagnostic::new(
                    PathBuf::from("content").join(source),
                    t!(
                        "images-original-large",
                        image = crate::load::site_path(source),
                        size = size,
                        limit = limit
                    ),
                )
                .hint(t!("images-original-large.hint")),
            );
        }
    }
}

impl Report {
    fn add(&mut self, found: Found) {
        match found {
            Found::Error(d) => self.problems.push(d),
            Found::Warning(d) => self.warnings.push(d),
        }
    }

    fn sort(&mut self) {
        for list in [&mut self.problems, &mut self.warnings] {
            list.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        }
    }
}

/// The cover image (`image:`) of `a` must be a published file when it is
/// local.
fn cover(links: &Links, a: &Article, report: &mut Report) {
    if a.file.front.image.is_some() {
        report.links += 1;
        if let Some(found) = links.cover(a) {
            report.add(found);
        }
    }
}

/// Every site path the build publishes, and which of them are articles.
struct Published {
    paths: HashSet<String>,
    /// Site path (and `…/index.html`) → index into `site.articles`.
    articles: HashMap<String, usize>,
    /// The ids in each article's HTML, rendered by `prepare`.
    ids: Vec<HashSet<String>>,
    /// The first folder (or file) of every published path: `chinh-quyen`,
    /// `the`, `rss.xml` …
    tops: HashSet<String>,
}

impl Published {
    fn new(prepared: &Prepared) -> Published {
        let nfc = |s: &str| crate::text::nfc(s).into_owned();
        let mut paths = HashSet::new();
        let mut articles = HashMap::new();
        for page in &prepared.plan {
            paths.insert(nfc(&page.path));
            paths.insert(nfc(&page.file));
            if let crate::pages::Kind::Article(i) = page.kind {
                articles.insert(nfc(&page.path), i);
                articles.insert(nfc(&page.file), i);
            }
        }
        paths.extend(prepared.theme.statics.keys().map(|k| nfc(k)));
        paths.extend(
            prepared
                .site
                .assets
                .iter()
                .map(|a| nfc(&crate::load::site_path(a))),
        );
        let ids = prepared.html.iter().map(|h| ids(&h.html)).collect();
        let tops = paths.iter().map(|p| top(p).to_string()).collect();
        Published {
            paths,
            articles,
            ids,
            tops,
        }
    }

    /// Does `path` start with a folder (or name a file) the site publishes
    /// at its top?
    fn shares_top(&self, path: &str) -> bool {
        !path.is_empty() && self.tops.contains(top(path))
    }

    /// Is `path` published? A folder's path without its final `/` is
    /// (web servers redirect it).
    fn contains(&self, path: &str) -> bool {
        self.paths.contains(path)
            || (!path.ends_with('/') && self.paths.contains(&format!("{path}/")))
    }

    fn article(&self, path: &str) -> Option<usize> {
        self.articles
            .get(path)
            .or_else(|| self.articles.get(&format!("{path}/")))
            .copied()
    }
}

/// The links of one article, checked one by one.
struct Checker<'a> {
    site: &'a Site,
    links: &'a Links,
    published: &'a Published,
    article: &'a Article,
    /// Internal links looked at.
    found: usize,
    report: &'a mut Report,
}

impl Checker<'_> {
    fn link(&mut self, target: &Target) {
        let a = self.article;
        let dest = target.dest.as_str();
        let (base_url, base_path) = (&self.site.config.base_url, &self.site.base_path);
        if let Some(fragment) = dest.strip_prefix('#') {
            self.found += 1;
            let i = self.published.article(&a.path);
            self.fragment(target, i, &links::percent_decode(fragment));
        } else if markdown::computer_path(dest) {
            self.found += 1;
            self.report.add(self.links.broken(a, target));
        } else if markdown::is_local(dest) {
            self.found += 1;
            let Some(url) = self.links.resolve(a, dest) else {
                self.report.add(self.links.broken(a, target));
                return;
            };
            if let Some(l) = links::site_link(&url, base_url, base_path) {
                self.site_page(target, &l);
            }
        } else if let Some(l) = links::site_link(dest, base_url, base_path) {
            if l.outside_base {
                // Another site on the same host, unless it names a page of
                // this one without the base URL's path, or one of its
                // folders (`/chinh-quyen/bai-da-xoa/`).
                if !self.published.shares_top(&l.path) {
                    return;
                }
                self.found += 1;
                if self.published.contains(&l.path) {
                    let message = t!("check-leaves-site", dest = dest, base = base_path);
                    let hint = t!(
                        "check-leaves-site.hint",
                        fix = format!("{base_path}{}", l.path)
                    );
                    self.problem(target, message, hint);
                } else {
                    let message = t!("check-no-page-under", dest = dest, base = base_path);
                    self.problem(target, message, Self::address_hint(self.site));
                }
                return;
            }
            self.found += 1;
            self.site_page(target, &l);
        }
    }

    /// A link to a page of the site: it must be published, and its
    /// fragment an id of the article it leads to.
    fn site_page(&mut self, target: &Target, l: &SiteLink) {
        if !self.published.contains(&l.path) {
            let message = t!("check-no-page", dest = &target.dest);
            self.problem(target, message, Self::address_hint(self.site));
            return;
        }
        if let Some(f) = &l.fragment {
            let i = self.published.article(&l.path);
            self.fragment(target, i, f);
        }
    }

    fn address_hint(site: &Site) -> String {
        t!("check-no-page.hint", base = &site.config.base_url)
    }

    /// `fragment` must be an id of article `i` (pages other than articles
    /// are not checked).
    fn fragment(&mut self, target: &Target, i: Option<usize>, fragment: &str) {
        let Some(i) = i else { return };
        if fragment.is_empty() || fragment == "top" || self.published.ids[i].contains(fragment) {
            return;
        }
        let mut known: Vec<&String> = self.published.ids[i].iter().collect();
        known.sort();
        let known: Vec<String> = known.iter().take(12).map(|k| format!("#{k}")).collect();
        let hint = if known.is_empty() {
            t!("check-no-heading.hint-none")
        } else {
            t!("check-no-heading.hint", headings = known.join(", "))
        };
        let title = &self.site.articles[i].file.front.title;
        let message = t!(
            "check-no-heading",
            dest = &target.dest,
            fragment = format!("#{fragment}"),
            title = title
        );
        self.problem(target, message, hint);
    }

    fn problem(&mut self, target: &Target, message: String, hint: String) {
        let line = self.article.file.body_line + target.line;
        self.report.problems.push(
            Diagnostic::new(&self.article.file.display, message)
                .at(line, Some(target.column))
                .hint(hint),
        );
    }
}

/// The first folder of a site path, or the path when it is a file at the
/// top: `chinh-quyen/bai/` → `chinh-quyen`.
fn top(path: &str) -> &str {
    path.split('/').next().unwrap_or(path)
}

/// The `id="…"` values of an HTML fragment (headings, footnotes).
fn ids(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.insert(crate::text::unescape_html(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

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

use std::collections::HashSet;
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
        // What reading the articles noted (accents repaired …), as
        // `build` prints it.
        warnings: prepared.summary.warnings.clone(),
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

/// Every site path the build publishes, and the ids in each article's
/// HTML (rendered by `prepare`), for links to its headings.
struct Published {
    site: links::Published,
    ids: Vec<HashSet<String>>,
}

impl Published {
    fn new(prepared: &Prepared) -> Published {
        Published {
            site: crate::build::published(&prepared.site, &prepared.plan, &prepared.theme),
            ids: prepared.html.iter().map(|h| ids(&h.html)).collect(),
        }
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
            let i = self.published.site.article(&a.path);
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
        } else {
            match self.published.site.judge(dest, base_url, base_path) {
                None => {}
                Some(Ok(l)) => {
                    self.found += 1;
                    self.site_page(target, &l);
                }
                Some(Err((message, hint))) => {
                    self.found += 1;
                    self.problem(target, message, hint);
                }
            }
        }
    }

    /// A link to a page of the site: it must be published, and its
    /// fragment an id of the article it leads to.
    fn site_page(&mut self, target: &Target, l: &SiteLink) {
        if let Some(f) = &l.fragment {
            let i = self.published.site.article(&l.path);
            self.fragment(target, i, f);
        }
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

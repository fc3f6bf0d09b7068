//! `bantin check`: everything `build` validates (via [`crate::build::prepare`],
//! which writes nothing), plus every internal link, image and cover image of
//! every published article resolving to a published page or file: relative
//! links, site-absolute ones (`/chinh-quyen/bai/`) and full URLs of the site
//! (`https://<base>/the/x/`), checked against the page plan, the static
//! files and the files beside articles; a `#fragment` to an article against
//! the ids of its headings. Reports all problems at once and lists drafts
//! and scheduled articles.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::build::{Options, Prepared, prepare};
use crate::error::{Diagnostic, Result};
use crate::links::{self, Links, SiteLink};
use crate::markdown;
use crate::site::{self, Article, Site};

/// What `check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub pages: usize,
    /// Local links, images and cover images looked at.
    pub links: usize,
    /// Links that lead nowhere, in file and line order.
    pub problems: Vec<Diagnostic>,
    pub drafts: Vec<PathBuf>,
    pub scheduled: Vec<PathBuf>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "checked {} articles ({} pages) and {} internal links: ",
            self.articles, self.pages, self.links
        )?;
        match self.problems.len() {
            0 => write!(f, "no problems")?,
            1 => write!(f, "1 problem")?,
            n => write!(f, "{n} problems")?,
        }
        for (label, list) in [("drafts", &self.drafts), ("scheduled", &self.scheduled)] {
            if list.is_empty() {
                continue;
            }
            write!(f, "\n{label} ({}), not published:", list.len())?;
            for p in list.iter() {
                write!(f, "\n  {}", p.display())?;
            }
        }
        Ok(())
    }
}

/// Check the site without writing anything. `Err` when `build` itself would
/// fail; otherwise the report, whose `problems` are the broken links.
pub fn check(opts: &Options) -> Result<Report> {
    let prepared = prepare(opts)?;
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
            problems: Vec::new(),
        };
        for (dest, span) in link_spans(&a.file.body) {
            checker.link(&dest, span);
        }
        report.links += checker.found;
        report.problems.extend(checker.problems);
        if let Some(image) = &a.file.front.image {
            report.links += 1;
            if let Some(d) = missing_cover(site, a, image) {
                report.problems.push(d);
            }
        }
    }
    report
        .problems
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok(report)
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
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn link(&mut self, dest: &str, span: Range<usize>) {
        let a = self.article;
        let (base_url, base_path) = (&self.site.config.base_url, &self.site.base_path);
        if let Some(fragment) = dest.strip_prefix('#') {
            self.found += 1;
            let i = self.published.article(&a.path);
            self.fragment(dest, &span, i, &links::percent_decode(fragment));
        } else if markdown::is_local(dest) {
            self.found += 1;
            let Some(url) = self.links.resolve(a, dest) else {
                let (line, column) = self.position(dest, &span);
                let d = broken(a, dest, self.links.unpublished(a, dest));
                self.problems.push(d.at(line, Some(column)));
                return;
            };
            if let Some(l) = links::site_link(&url, base_url, base_path) {
                self.site_page(dest, &span, &l);
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
                    let message = format!(
                        "the link `{dest}` leaves the site: its pages are under `{base_path}`"
                    );
                    let hint = format!(
                        "write `{base_path}{}`, or the path of the article's file relative to this one",
                        l.path
                    );
                    self.problem(dest, &span, message, hint);
                } else {
                    let message = format!(
                        "the link `{dest}` leads to no page or file of the site (whose pages are under `{base_path}`)"
                    );
                    self.problem(dest, &span, message, Self::address_hint(self.site));
                }
                return;
            }
            self.found += 1;
            self.site_page(dest, &span, &l);
        }
    }

    /// A link to a page of the site: it must be published, and its
    /// fragment an id of the article it leads to.
    fn site_page(&mut self, dest: &str, span: &Range<usize>, l: &SiteLink) {
        if !self.published.contains(&l.path) {
            self.problem(
                dest,
                span,
                format!("the link `{dest}` leads to no page or file of the site"),
                Self::address_hint(self.site),
            );
            return;
        }
        if let Some(f) = &l.fragment {
            let i = self.published.article(&l.path);
            self.fragment(dest, span, i, f);
        }
    }

    fn address_hint(site: &Site) -> String {
        format!(
            "copy the address of the page from the site, or write the path of the article's file relative to this one; the site's own addresses start with `{}`",
            site.config.base_url
        )
    }

    /// `fragment` must be an id of article `i` (pages other than articles
    /// are not checked).
    fn fragment(&mut self, dest: &str, span: &Range<usize>, i: Option<usize>, fragment: &str) {
        let Some(i) = i else { return };
        if fragment.is_empty() || fragment == "top" || self.published.ids[i].contains(fragment) {
            return;
        }
        let mut known: Vec<&String> = self.published.ids[i].iter().collect();
        known.sort();
        let known: Vec<String> = known.iter().take(12).map(|k| format!("#{k}")).collect();
        let hint = if known.is_empty() {
            "the article has no headings to link to; remove the `#…` part".to_string()
        } else {
            format!(
                "link to one of the article's headings: {}",
                known.join(", ")
            )
        };
        let title = &self.site.articles[i].file.front.title;
        self.problem(
            dest,
            span,
            format!("the link `{dest}` leads to no heading `#{fragment}` in «{title}»"),
            hint,
        );
    }

    fn problem(&mut self, dest: &str, span: &Range<usize>, message: String, hint: String) {
        let (line, column) = self.position(dest, span);
        self.problems.push(
            Diagnostic::new(&self.article.file.display, message)
                .at(line, Some(column))
                .hint(hint),
        );
    }

    /// The line and column in the article's file of the link's target
    /// (or of the link when the target is written elsewhere).
    fn position(&self, dest: &str, span: &Range<usize>) -> (usize, usize) {
        let body = &self.article.file.body;
        let at = body[span.clone()]
            .find(dest)
            .map_or(span.start, |i| span.start + i);
        let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = self.article.file.body_line + body[..at].matches('\n').count();
        (line, body[line_start..at].chars().count() + 1)
    }
}

/// The first folder of a site path, or the path when it is a file at the
/// top: `chinh-quyen/bai/` → `chinh-quyen`.
fn top(path: &str) -> &str {
    path.split('/').next().unwrap_or(path)
}

/// Every link and image of a Markdown body: its target and where it is.
fn link_spans(body: &str) -> Vec<(String, Range<usize>)> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(body, markdown::options())
        .into_offset_iter()
        .filter_map(|(e, range)| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), range))
            }
            _ => None,
        })
        .collect()
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

/// A relative link that resolves to nothing; `unpublished` is the article
/// it names when that one is a draft or scheduled.
fn broken(a: &Article, dest: &str, unpublished: Option<&(PathBuf, bool)>) -> Diagnostic {
    let what = match unpublished {
        Some((shown, true)) => format!(
            "leads to no published article: {} is a draft",
            shown.display()
        ),
        Some((shown, false)) => format!(
            "leads to no published article: {} is scheduled for later",
            shown.display()
        ),
        None if looks_like_article(dest) => "leads to no published article".to_string(),
        None => "leads to no article or file".to_string(),
    };
    Diagnostic::new(&a.file.display, format!("the link `{dest}` {what}"))
        .hint(format!(
            "write the path of the file relative to this article (e.g. `../cong-tac-dang/bai-viet.md` or `anh.jpg` beside it); check the spelling, and that the article is not a draft or scheduled{}",
            if dest.contains('\\') { "; use `/` between folders, not `\\`" } else { "" }
        ))
}

fn looks_like_article(dest: &str) -> bool {
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    path.to_ascii_lowercase().ends_with(".md")
}

/// The cover image (`image:`) must be a published file when it is local.
fn missing_cover(site: &Site, a: &Article, image: &str) -> Option<Diagnostic> {
    if !markdown::is_local(image) {
        return None;
    }
    let dir = a.file.source.parent().unwrap_or(Path::new(""));
    let path = image.split(['#', '?']).next().unwrap_or(image);
    let target = site::join_relative(dir, path);
    if target.as_ref().is_some_and(|t| site.assets.contains(t)) {
        return None;
    }
    let line = a.file.front.at.of("image");
    let mut d = Diagnostic::new(
        &a.file.display,
        format!("the cover image `{image}` is no file beside the article"),
    );
    if let Some((line, col)) = line {
        d = d.at(line, Some(col));
    }
    Some(d.hint("put the image in the article's folder and write its file name, e.g. `image: anh-hoi-nghi.jpg`"))
}

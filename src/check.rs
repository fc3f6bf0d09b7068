//! `bantin check`: everything `build` validates (via [`crate::build::prepare`],
//! which writes nothing), plus every internal link, image and cover image of
//! every published article resolving to a published page or file. Reports
//! all problems at once and lists drafts and scheduled articles.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::build::{Options, prepare};
use crate::error::{Diagnostic, Result};
use crate::links::Links;
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
    let links = Links::new(site);
    let mut report = Report {
        articles: prepared.summary.articles,
        pages: prepared.summary.pages,
        drafts: prepared.summary.drafts.clone(),
        scheduled: prepared.summary.scheduled.clone(),
        ..Report::default()
    };
    for a in &site.articles {
        let rendered = links.render_in_memory(a);
        report.links += count_local_links(&a.body);
        for (dest, line) in rendered.unresolved {
            report.problems.push(broken(a, &dest, line));
        }
        if let Some(image) = &a.image {
            report.links += 1;
            if let Some(d) = missing_cover(&opts.root, site, a, image) {
                report.problems.push(d);
            }
        }
    }
    report
        .problems
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok(report)
}

fn broken(a: &Article, dest: &str, body_line: usize) -> Diagnostic {
    let line = a.body_line + body_line;
    let text = a.body.lines().nth(body_line).unwrap_or("");
    let column = text
        .find(&format!("]({dest}"))
        .map(|i| i + 2)
        .or_else(|| text.find(dest))
        .map(|i| text[..i].chars().count() + 1);
    let what = if looks_like_article(dest) {
        "leads to no published article"
    } else {
        "leads to no article or file"
    };
    Diagnostic::new(&a.display, format!("the link `{dest}` {what}"))
        .at(line, column)
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
fn missing_cover(root: &Path, site: &Site, a: &Article, image: &str) -> Option<Diagnostic> {
    if !markdown::is_local(image) {
        return None;
    }
    let dir = a.source.parent().unwrap_or(Path::new(""));
    let path = image.split(['#', '?']).next().unwrap_or(image);
    let target = site::join_relative(dir, path);
    if target.as_ref().is_some_and(|t| site.assets.contains(t)) {
        return None;
    }
    let line = cover_line(&root.join("content").join(&a.source));
    let mut d = Diagnostic::new(
        &a.display,
        format!("the cover image `{image}` is no file beside the article"),
    );
    if let Some((line, col)) = line {
        d = d.at(line, Some(col));
    }
    Some(d.hint("put the image in the article's folder and write its file name, e.g. `image: anh-hoi-nghi.jpg`"))
}

/// The line and column of the `image:` value in the front matter.
fn cover_line(path: &Path) -> Option<(usize, usize)> {
    let text = crate::load::read_text(path, path).ok()?;
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| l.trim_end() != "---")
        .find(|(_, l)| l.starts_with("image:"))
        .map(|(i, l)| {
            let value = l["image:".len()..].trim_start();
            (i + 1, l.chars().count() - value.chars().count() + 1)
        })
}

/// How many local links and images the body holds (for the summary).
fn count_local_links(body: &str) -> usize {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(body)
        .filter(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                markdown::is_local(dest_url)
            }
            _ => false,
        })
        .count()
}

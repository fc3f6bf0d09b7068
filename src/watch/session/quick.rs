//! The quick path of a `watch` rebuild: a save that changed only the
//! bodies of published articles (the front matter as it was, the links
//! and the documents linked to unchanged) is published from the site the
//! last rebuild kept ([`Held`]) without reading, placing or fingerprinting
//! the rest of the site. Only those articles' pages are looked at again,
//! with the pages showing their cards when a card changed (the summary is
//! the body's first paragraph), and the search buckets their words are in.
//! Anything else (a new or deleted file, a front matter edit, a failed
//! last rebuild, a scheduled article coming due) is left to the full
//! rebuild, so the output is still exactly a clean build.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};

use super::{Publish, Rebuilt, Session, Stage, place};
use crate::build::{self, Options, Summary};
use crate::error::Result;
use crate::frontmatter::Parsed;
use crate::links::{ArticleHtml, Links};
use crate::pages::{Kind, Page};
use crate::render::{Parts, Renderer};
use crate::site::{self, Site};
use crate::stamp::hash_of;

/// A build time and the dates of the articles read then.
pub(super) type Dated = (DateTime<Utc>, Vec<DateTime<Utc>>);

/// What the last successful rebuild made, kept for the quick path.
pub(super) struct Held {
    site: Site,
    /// The renderer's parts; out while it renders.
    parts: Option<Parts>,
    plan: Vec<Page>,
    /// Each published article's number, by its file under `content/`.
    index: HashMap<PathBuf, usize>,
    /// Each article's page, by its number in `plan`.
    pages: HashMap<usize, usize>,
    /// The pages (by number in `plan`) that show each article's card.
    showing: Vec<Vec<u32>>,
    /// What links written as URLs of the site are read against.
    link_base: (String, String),
    /// The link table bodies are rendered with, made at the first edit.
    links: Option<Links>,
    /// The last rebuild's summary: its counts and warnings still hold.
    summary: Summary,
    /// When the site must be placed again for the clock's sake: the first
    /// set-aside article coming due, or midnight when documents may expire.
    until: Option<DateTime<Utc>>,
}

impl Held {
    /// Keep what a rebuild made at `now`; `dated`: the dates of every
    /// article read, set aside or not; `shown`: by page, the articles whose
    /// cards it shows (see `Renderer::fingerprint_showing`).
    pub(super) fn new(
        site: Site,
        parts: Parts,
        plan: Vec<Page>,
        link_base: (String, String),
        summary: Summary,
        (now, dated): Dated,
        shown: Vec<Vec<u32>>,
    ) -> Held {
        let mut showing = vec![Vec::new(); site.articles.len()];
        for (n, articles) in shown.iter().enumerate() {
            for &a in articles {
                if let Some(pages) = showing.get_mut(a as usize) {
                    pages.push(n as u32);
                }
            }
        }
        let index = site
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.file.source.clone(), i))
            .collect();
        let pages = plan
            .iter()
            .enumerate()
            .filter_map(|(n, p)| match p.kind {
                Kind::Article(i) => Some((i, n)),
                _ => None,
            })
            .collect();
        Held {
            until: until(now, dated, !site.documents.list.is_empty()),
            site,
            parts: Some(parts),
            plan,
            index,
            pages,
            showing,
            link_base,
            links: None,
            summary,
        }
    }

    /// What a background thread frees.
    pub(super) fn into_owned(self) -> impl Send + 'static {
        (self.site, self.parts, self.plan, self.links)
    }
}

/// Until when a site placed at `now` stays as the clock leaves it: the
/// first of `dated` after `now` (an article set aside coming due), and
/// the next midnight when there are `documents` (which expire by day).
fn until(now: DateTime<Utc>, dated: Vec<DateTime<Utc>>, documents: bool) -> Option<DateTime<Utc>> {
    let due = dated.into_iter().filter(|d| *d > now).min();
    let midnight = documents.then(|| next_midnight(now));
    due.into_iter().chain(midnight).min()
}

/// The first midnight in Vietnam after `now`: documents expire by day.
fn next_midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    let local = now.with_timezone(&crate::date::vietnam());
    let day = local.date_naive().succ_opt().unwrap_or(local.date_naive());
    let start = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    match start.and_local_timezone(crate::date::vietnam()).single() {
        Some(t) => t.to_utc(),
        None => now,
    }
}

impl Session {
    /// The build time, and the date of every article read when articles
    /// dated later are set aside (then one coming due changes the site).
    pub(super) fn dates(&self) -> Dated {
        let dated = match self.opts.future {
            true => Vec::new(),
            false => (self.cache.parsed.values())
                .map(|(_, p)| p.front.date.to_utc())
                .collect(),
        };
        (self.opts.build_time(), dated)
    }
}

/// One article whose body alone changed: its number, its file as read
/// now, its summary (which may be its first paragraph) and its HTML.
struct Edit {
    i: usize,
    file: Parsed,
    summary: String,
    html: ArticleHtml,
}

impl Session {
    /// Publish `changed` (paths under the site root) by the quick path when
    /// it is an edit of article bodies alone; `None` when it is not (or the
    /// last rebuild failed): a full rebuild is needed.
    pub(super) fn quick(
        &mut self,
        changed: &[PathBuf],
        publish: &mut Publish<'_>,
    ) -> Option<Result<Rebuilt>> {
        let start = Instant::now();
        let mut held = self.held.take()?;
        let Some(edits) = read_edits(&self.opts, &mut held, changed) else {
            self.held = Some(held);
            return None;
        };
        let mut lap = start;
        // Out while a renderer has them; without them, a full rebuild.
        let mut parts = held.parts.take()?;
        // The pages to look at again: each edited article's own, and those
        // showing its card when that changed (the summary did).
        let mut pages = BTreeSet::new();
        for e in edits {
            let a = &mut held.site.articles[e.i];
            a.file = e.file;
            a.summary = e.summary;
            parts.set_body(e.i, e.html);
            pages.extend(held.pages.get(&e.i).copied());
            if parts.renew_card(&held.site, e.i) {
                pages.extend(held.showing[e.i].iter().map(|&n| n as usize));
            }
        }
        let mut summary = held.summary.clone();
        summary.stages.clear();
        summary.lap("read + markdown (edited)", &mut lap);
        let pages: Vec<usize> = pages.into_iter().collect();
        let (result, parts) = self.publish_edits(&held, parts, &pages, &mut summary, publish);
        held.parts = Some(parts);
        // A failure leaves the output as it was; what is held may not be.
        if result.is_ok() {
            self.held = Some(held);
        } else {
            build::drop_in_background(held.into_owned());
        }
        Some(result.map(|written| {
            summary.elapsed = start.elapsed();
            Rebuilt {
                summary,
                written,
                copied: 0,
                removed: 0,
                moved: Vec::new(),
                quick: true,
            }
        }))
    }

    /// Render the `pages` (by number in the plan) whose fingerprint changed
    /// and move them into place, then the search buckets whose words
    /// changed. Returns the files written, and `parts` back.
    fn publish_edits(
        &mut self,
        held: &Held,
        parts: Parts,
        pages: &[usize],
        summary: &mut Summary,
        publish: &mut Publish<'_>,
    ) -> (Result<usize>, Parts) {
        let mut lap = Instant::now();
        let renderer = Renderer::from_parts(parts, &held.site);
        let plan = &held.plan;
        let prints: Vec<(usize, u64)> = pages
            .iter()
            .map(|&n| (n, renderer.fingerprint(&plan[n])))
            .filter(|(n, print)| self.pages.get(&plan[*n].file) != Some(print))
            .collect();
        let todo: Vec<usize> = prints.iter().map(|(n, _)| *n).collect();
        summary.lap("fingerprints", &mut lap);
        let site = &held.site;
        let words = self.search_words(site, &renderer, false);
        summary.lap("search words", &mut lap);
        let result = words.and_then(|words| {
            let stage = Stage::new(&self.out)?;
            self.render_changed(&renderer, plan, &todo, &stage)?;
            summary.lap("render changed pages", &mut lap);
            let mut made: BTreeSet<PathBuf> = BTreeSet::new();
            let out: &Path = &self.out;
            publish(&[], &mut || {
                for &n in &todo {
                    place(out, &mut made, stage.slot(n), &plan[n].file)?;
                }
                Ok(())
            })?;
            for &(n, print) in &prints {
                self.pages.insert(plan[n].file.clone(), print);
            }
            summary.lap("move into place", &mut lap);
            let buckets = self.publish_words(plan, words, &stage, &mut made, false)?;
            summary.lap("search buckets", &mut lap);
            Ok(todo.len() + buckets)
        });
        (result, renderer.into_parts())
    }
}

/// The edits `changed` makes, when each is a published article whose body
/// alone changed; `None` otherwise.
fn read_edits(opts: &Options, held: &mut Held, changed: &[PathBuf]) -> Option<Vec<Edit>> {
    if held.until.is_some_and(|u| opts.build_time() >= u) {
        return None;
    }
    let content = opts.root.join("content");
    let mut edits: Vec<Edit> = Vec::new();
    for rel in changed {
        let source = rel.strip_prefix("content").ok()?;
        let &i = held.index.get(source)?;
        if edits.iter().any(|e| e.i == i) {
            continue;
        }
        let file = build::parse_file(&opts.root, &content.join(source), source).ok()?;
        let links = held
            .links
            .get_or_insert_with(|| build::link_table(&held.site, &held.link_base, &content));
        edits.push(body_edit(&held.site, held.parts.as_ref()?, links, i, file)?);
    }
    (!edits.is_empty()).then_some(edits)
}

/// Article `i` read again as `file`, when only its body changed and
/// nothing else the site shows of it: its HTML rendered.
fn body_edit(site: &Site, parts: &Parts, links: &Links, i: usize, file: Parsed) -> Option<Edit> {
    let old = &site.articles[i];
    let was = &old.file;
    let same_file = file.front == was.front
        && file.notes == was.notes
        && file.body_line == was.body_line
        && file.display == was.display;
    if !same_file {
        return None;
    }
    let mut article = old.clone();
    article.file = file;
    let r = links.render_in_memory(&article);
    let before = parts.body(i)?;
    // Links judged as before: the same warnings, no new broken link.
    if r.unresolved != *before.unresolved || r.site_links != *before.site_links {
        return None;
    }
    let own_summary = article.file.front.summary.as_deref().unwrap_or_default();
    let summary = match own_summary.is_empty() {
        true => site::body_summary(&r.first_paragraph),
        false => old.summary.clone(),
    };
    if site::linked_documents(site, &article) != site::linked_documents(site, old) {
        return None;
    }
    let html = ArticleHtml {
        html_hash: hash_of(&r.html),
        body_hash: hash_of(&*article.file.body),
        html: r.html.into(),
        unresolved: r.unresolved.into(),
        site_links: r.site_links.into(),
    };
    Some(Edit {
        i,
        file: article.file,
        summary,
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn the_site_is_placed_again_when_a_scheduled_article_comes_due() {
        let now = at("2024-03-15T08:00:00Z");
        let dated = vec![
            at("2024-03-01T08:00:00Z"),
            at("2024-03-20T08:00:00Z"),
            at("2024-03-16T01:00:00Z"),
        ];
        assert_eq!(
            until(now, dated.clone(), false),
            Some(at("2024-03-16T01:00:00Z"))
        );
        // With documents, midnight in Hà Nội (17:00 UTC) comes first.
        assert_eq!(until(now, dated, true), Some(at("2024-03-15T17:00:00Z")));
        // Nothing ahead, no documents: the clock changes nothing.
        assert_eq!(until(now, vec![at("2024-03-01T08:00:00Z")], false), None);
    }

    #[test]
    fn documents_are_looked_at_again_after_midnight_in_vietnam() {
        // 23:30 in Hà Nội (UTC+7) is 16:30 UTC; midnight is 17:00 UTC.
        let now = at("2024-03-15T16:30:00Z");
        let next = next_midnight(now);
        assert_eq!(next.to_rfc3339(), "2024-03-15T17:00:00+00:00");
        assert_eq!(
            next_midnight(next).to_rfc3339(),
            "2024-03-16T17:00:00+00:00"
        );
    }
}

//! The named stages of a build, shared by `build()` and `watch`'s
//! `Session::rebuild_then`: reading the articles ([`read_articles`], reusing
//! a cache), rendering their Markdown before the pages ([`render_markdown`])
//! or only their summaries ([`summaries`]), rendering and writing pages
//! ([`render_pages`]) and listing and copying the files published as they
//! are ([`files_to_copy`], [`copy_files`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{self, Cache};
use crate::error::{Diagnostic, Result};
use crate::frontmatter::{self, Parsed};
use crate::links::{ArticleHtml, Links, Published};
use crate::load;
use crate::markdown;
use crate::pages::Page;
use crate::render::Renderer;
use crate::site::Site;
use crate::stamp::{self, Stamp};
use crate::theme::{StaticSource, Theme};
use crate::write::Staging;

/// The stage that renders pages: the pages `todo` of `plan`, in parallel,
/// each handed to `write` (by its index in `plan`). Template failures are
/// all gathered and returned, (page file, message); the first failed write
/// (disk full …) stops the rest and is the error, alone. Shared by `build`
/// and `watch`.
pub(crate) fn render_pages(
    renderer: &Renderer<'_>,
    plan: &[Page],
    todo: &[usize],
    write: &(dyn Fn(usize, &[u8]) -> Result<()> + Sync),
) -> Result<Vec<(String, String)>> {
    let write_failed = std::sync::OnceLock::new();
    let failures = todo
        .par_iter()
        .filter_map(|&i| {
            if write_failed.get().is_some() {
                return None;
            }
            let page = &plan[i];
            match renderer.render(page) {
                Ok(bytes) => {
                    if let Err(e) = write(i, &bytes) {
                        let _ = write_failed.set(e);
                    }
                    None
                }
                Err(e) => Some((page.file.clone(), e)),
            }
        })
        .collect();
    match write_failed.into_inner() {
        Some(e) => Err(e),
        None => Ok(failures),
    }
}

/// The stage that lists the files published as they are, by site path:
/// the theme's statics, then the files beside the articles (which win over
/// a static of the same path). Shared by `build` and `watch`.
/// Photos are published from the image cache (see [`publish_photos`]):
/// their originals stripped of metadata, and their derivatives.
pub(crate) fn files_to_copy(
    theme: &Theme,
    site: &Site,
    content: &Path,
    photos: &BTreeMap<String, PathBuf>,
) -> BTreeMap<String, StaticSource> {
    let mut files = theme.statics.clone();
    for a in &site.assets {
        files.insert(load::site_path(a), StaticSource::Disk(content.join(a)));
    }
    for (rel, cached) in photos {
        files.insert(rel.clone(), StaticSource::Disk(cached.clone()));
    }
    files
}

/// The stage that makes every photo's published files into the image
/// cache (see [`crate::images::publish`]); with `BANTIN_TIMINGS`, what it
/// did is printed. Shared by `build` and `watch`.
pub(crate) fn publish_photos(site: &Site, root: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let covers: Vec<_> = site
        .articles
        .iter()
        .filter_map(|a| crate::links::cover_photo(site, a))
        .collect();
    let content = root.join("content");
    let (files, stats) = crate::images::publish(
        &site.images,
        &content,
        &crate::images::cache_dir(root),
        &covers,
    )?;
    if std::env::var_os("BANTIN_TIMINGS").is_some() {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "photos: {} photos, {} read, {} decoded, {} files made, {} from the cache",
                stats.photos, site.images.read, stats.decoded, stats.made, stats.cached
            );
        }
    }
    Ok(files)
}

/// The stage that copies those files into the new site.
/// Files of bantin's own cache (`cache`: the photos' published files) are
/// linked rather than copied where the file system allows it.
pub(super) fn copy_files(
    staging: &Staging,
    files: &BTreeMap<String, StaticSource>,
    cache: &Path,
) -> Result<()> {
    files.par_iter().try_for_each(|(rel, src)| match src {
        StaticSource::Disk(p) if p.starts_with(cache) => staging.link(p, rel),
        StaticSource::Disk(p) => staging.copy(p, rel),
        StaticSource::Embedded(bytes) => staging.write(rel, bytes),
    })
}

/// One message per distinct template failure, naming a page that hit it.
pub(crate) fn render_failures(mut failures: Vec<(String, String)>) -> Vec<Diagnostic> {
    failures.sort();
    let mut seen = HashSet::new();
    failures
        .into_iter()
        .filter(|(_, e)| seen.insert(e.clone()))
        .take(20)
        .map(|(file, e)| {
            Diagnostic::new(
                "templates",
                crate::t!("build-render-failed", page = file, reason = e),
            )
            .hint(crate::t!("build-render-failed.hint"))
        })
        .collect()
}

/// Read and parse every article in parallel; results keep the scan order.
/// With a cache, unchanged files are not read again, and the cache is
/// refreshed with what was read.
pub(crate) fn read_articles(
    root: &Path,
    content: &Path,
    files: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (Vec<Parsed>, Vec<Diagnostic>) {
    let old = cache.as_deref();
    type Read = (Option<Stamp>, Result<Parsed, Vec<Diagnostic>>);
    let results: Vec<Read> = files
        .par_iter()
        .map(|rel| {
            let path = content.join(rel);
            let stamp = old.and_then(|_| Stamp::of(&path));
            if let Some(p) = old.and_then(|c| c.parsed(rel, stamp)) {
                return (stamp, Ok(p));
            }
            (stamp, parse_file(root, &path, rel))
        })
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    let mut fresh = cache.map(|c| (std::mem::take(&mut c.parsed), c));
    for (stamp, r) in results {
        match r {
            Ok(p) => {
                if let (Some((map, _)), Some(stamp)) = (&mut fresh, stamp) {
                    map.insert(p.source.clone(), (stamp, p.clone()));
                }
                parsed.push(p)
            }
            Err(e) => errors.extend(e),
        }
    }
    if let Some((mut map, c)) = fresh {
        let present: HashSet<&PathBuf> = files.iter().collect();
        map.retain(|k, _| present.contains(k));
        c.parsed = map;
    }
    (parsed, errors)
}

/// Read and check every document (see [`crate::documents`]).
pub(super) fn read_documents(
    root: &Path,
    content: &Path,
    files: &[PathBuf],
) -> (Vec<crate::documents::ParsedDoc>, Vec<Diagnostic>) {
    let results: Vec<_> = files
        .par_iter()
        .map(|rel| {
            let path = content.join(rel);
            let display = load::display_path(root, &path);
            let text = load::read_text(&path, &display).map_err(|d| vec![d])?;
            crate::documents::parse(rel, &display, &text)
        })
        .collect();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.extend(e),
        }
    }
    (docs, errors)
}

/// Read and parse one article file (`rel` under `content`, at `path`).
pub(crate) fn parse_file(root: &Path, path: &Path, rel: &Path) -> Result<Parsed, Vec<Diagnostic>> {
    let display = load::display_path(root, path);
    let load::Read { text, stamp, note } =
        load::read_text_stamped(path, &display).map_err(|d| vec![d])?;
    let split = frontmatter::split(&display, &text).map_err(|d| vec![d])?;
    let front = frontmatter::parse(&display, &split)?;
    Ok(Parsed {
        verbatim: stamp.map(|s| (s, text.len() - split.body.len())),
        source: rel.to_path_buf(),
        body: split.body.into(),
        body_line: split.body_line,
        front,
        display,
        notes: note.into_iter().collect(),
    })
}

/// Render every article's Markdown (reusing `cache` where the file and
/// the links are unchanged), and make summaries from first paragraphs.
/// `links` is the site's link table (see [`link_table`]).
pub(super) fn render_markdown(
    site: &mut Site,
    cache: Option<&mut Cache>,
    links: Links,
) -> Vec<ArticleHtml> {
    let resolver = cache.as_ref().map_or(0, |_| links.key());
    let old = cache.as_deref();
    // (Markdown, freshly rendered?)
    let rendered: Vec<(cache::Markdown, bool)> = site
        .articles
        .par_iter()
        .map(|a| {
            // The file the article was parsed from, unchanged since the
            // Markdown was rendered, with the same links: reuse.
            let stamp = old.and_then(|c| c.stamp(&a.file.source));
            if let Some(m) = old
                .and_then(|c| c.markdown.get(&a.file.source))
                .filter(|m| Some(m.stamp) == stamp && m.resolver == resolver)
            {
                return (m.clone(), false);
            }
            let r = links.render_in_memory(a);
            let m = cache::Markdown {
                stamp: stamp.unwrap_or(Stamp {
                    len: u64::MAX,
                    modified: None,
                }),
                resolver,
                html_hash: old.map_or(0, |_| stamp::hash_of(&r.html)),
                body_hash: old.map_or(0, |_| stamp::hash_of(&*a.file.body)),
                html: r.html.into(),
                first_paragraph: r.first_paragraph.into(),
                unresolved: r.unresolved.into(),
                site_links: r.site_links.into(),
            };
            (m, true)
        })
        .collect();
    if let Some(c) = cache {
        // Keep what is still published, add what was rendered now.
        let present: HashSet<&PathBuf> = site.articles.iter().map(|a| &a.file.source).collect();
        c.markdown.retain(|source, _| present.contains(source));
        for (a, (m, fresh)) in site.articles.iter().zip(&rendered) {
            if *fresh && m.stamp.len != u64::MAX {
                c.markdown.insert(a.file.source.clone(), m.clone());
            }
        }
    }
    let mut html = Vec::with_capacity(rendered.len());
    for (a, (r, _)) in site.articles.iter_mut().zip(rendered) {
        if a.summary.is_empty() {
            a.summary = crate::site::body_summary(&r.first_paragraph);
        }
        html.push(ArticleHtml {
            html: r.html,
            html_hash: r.html_hash,
            body_hash: r.body_hash,
            unresolved: r.unresolved,
            site_links: r.site_links,
        });
    }
    html
}

/// Every site path a build publishes: its pages, the theme's statics and
/// the files beside the articles.
pub(crate) fn published(site: &Site, plan: &[Page], theme: &Theme) -> Published {
    let mut published = Published::default();
    for page in plan {
        let article = match page.kind {
            crate::pages::Kind::Article(i) => Some(i),
            _ => None,
        };
        published.page(&page.path, &page.file, article);
    }
    for path in theme.statics.keys() {
        published.file(path);
    }
    for a in &site.assets {
        published.file(&load::site_path(a));
    }
    published
}

/// For `watch`, whose articles were rendered before the pages were
/// planned: the links of every article judged now, as `build` judges them
/// while rendering. `Err` with the links that lead nowhere; else the
/// warnings (links to drafts …), the file notes of `summary` among them.
pub(crate) fn judge_links(p: &super::Prepared, root: &Path) -> Result<Vec<Diagnostic>> {
    let links = link_table(&p.site, &p.link_base, &root.join("content"))
        .with_unpublished(&p.summary.drafts, &p.summary.scheduled)
        .with_published(published(&p.site, &p.plan, &p.theme));
    for (a, h) in p.site.articles.iter().zip(&p.html) {
        links.note(a, &h.unresolved, &h.site_links);
    }
    let (errors, mut warnings) = links.noted().take();
    if !errors.is_empty() {
        return Err(crate::error::Error::Content(errors));
    }
    warnings.extend(p.summary.warnings.iter().cloned());
    warnings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    warnings.dedup();
    Ok(warnings)
}

/// The link table of `site`, reading links written as URLs of the site
/// against `base` (url, path) and sizing attached documents in `content`.
pub(crate) fn link_table(site: &Site, base: &(String, String), content: &Path) -> Links {
    Links::new(site)
        .judged_at(&base.0, &base.1)
        .sizes_from(content)
}

/// For `build`: only the summaries now; each article's HTML is rendered
/// with its page (see `links::Bodies::WithPages`), so the HTML of the whole
/// site is never in memory at once.
pub(super) fn summaries(site: &mut Site) {
    let flavour = site.config.markdown;
    let firsts: Vec<Option<String>> = site
        .articles
        .par_iter()
        .map(|a| {
            a.summary
                .is_empty()
                .then(|| markdown::first_paragraph(&a.file.body, flavour))
        })
        .collect();
    for (a, f) in site.articles.iter_mut().zip(firsts) {
        if let Some(f) = f {
            a.summary = crate::site::body_summary(&f);
        }
    }
}
